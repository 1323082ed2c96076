"""bench_load drives a real HTTP server for a bounded time and reports what it measured."""
import io

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db(transaction=True)
def test_bench_load_measures_a_page_on_a_live_server_and_stops_by_itself(live_server):
    out = io.StringIO()
    call_command("bench_load", url=live_server.url, clients=2, seconds=0.5, warmup=0,
                 pages="home", stdout=out)
    line = next(row for row in out.getvalue().splitlines() if row.startswith("home"))
    rate, p50, p95, errors = line.split()[-4:]
    assert float(rate) > 0 and float(p95) >= float(p50) and errors == "0"


@pytest.mark.django_db
def test_bench_load_names_the_pages_it_knows():
    with pytest.raises(CommandError, match="no such page: nowhere"):
        call_command("bench_load", url="http://127.0.0.1:9", pages="nowhere")
