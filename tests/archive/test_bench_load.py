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
    rate, p50, p95, errors, hits = line.split()[-5:]
    assert float(rate) > 0 and float(p95) >= float(p50) and errors == "0" and hits == "0"


@pytest.mark.django_db(transaction=True)
def test_bench_load_counts_the_answers_the_page_cache_served(live_server, settings):
    from django.core.cache import cache

    settings.MARSAD_PAGE_CACHE_SECONDS = 60
    cache.clear()
    out = io.StringIO()
    call_command("bench_load", url=live_server.url, clients=1, seconds=0.5, warmup=0,
                 pages="home", stdout=out)
    cache.clear()
    line = next(row for row in out.getvalue().splitlines() if row.startswith("home"))
    assert int(line.split()[-1]) > 0  # the first answer rendered, the next ones from the cache


@pytest.mark.django_db
def test_bench_load_names_the_pages_it_knows():
    with pytest.raises(CommandError, match="no such page: nowhere"):
        call_command("bench_load", url="http://127.0.0.1:9", pages="nowhere")


def test_the_postgresql_cpu_counted_is_the_site_databases_alone(tmp_path, monkeypatch):
    from archive.management.commands import bench_load

    for pid, comm, title in ((11, "postgres", b"postgres: postgres site 127.0.0.1(5) idle"),
                             (12, "postgres", b"postgres: postgres other 127.0.0.1(6) idle"),
                             (15, "postgres", b"postgres: 15/main: root site [local] idle"),
                             (13, "postgres", b"postgres: 15/main: checkpointer"),
                             (14, "python", b"postgres: postgres site")):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "comm").write_text(comm + "\n")
        (tmp_path / str(pid) / "cmdline").write_bytes(title + b"\0")
    monkeypatch.setattr(bench_load, "PROC", tmp_path)
    assert sorted(bench_load._postgres_pids("site")) == [11, 15]


@pytest.mark.django_db(transaction=True)
def test_the_warm_up_asks_for_other_paths_than_the_measured_run(live_server, monkeypatch):
    from archive.management.commands.bench_load import Command, Load

    asked: list[tuple[str, float]] = []
    warming = [True]

    def page(rng):
        asked.append(("warm-up" if warming[0] else "measured", rng.random()))
        return "/"

    monkeypatch.setattr(Command, "_pages", lambda self: {"home": page})
    real_run = Load.run

    def run(self, make):
        result = real_run(self, make)
        warming[0] = False
        return result

    monkeypatch.setattr(Load, "run", run)
    call_command("bench_load", url=live_server.url, clients=2, seconds=0.3, warmup=0.3,
                 pages="home", stdout=io.StringIO())
    draws = {kind: {value for k, value in asked if k == kind} for kind in ("warm-up", "measured")}
    assert draws["warm-up"] and draws["measured"] and not draws["warm-up"] & draws["measured"]


def test_the_server_it_starts_runs_as_production_does(tmp_path):
    import http.client
    import json

    from archive.management.commands.bench_load import Command, _free_port

    port = _free_port()
    server = Command()._start(port, workers=1, threads=1, static_root=tmp_path)
    try:
        Command()._wait("127.0.0.1", port)
        hashed = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]["css/marsad.css"]
        answers = {}
        for path in (f"/static/{hashed}", "/static/css/no-such-file.css"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            answers[path] = (response.status, response.getheader("Cache-Control") or "",
                             response.read())
            connection.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    status, cache, _ = answers[f"/static/{hashed}"]
    assert status == 200 and "immutable" in cache  # hashed by the manifest, WhiteNoise's
    status, _, body = answers["/static/css/no-such-file.css"]
    assert status == 404 and b"DEBUG = True" not in body  # no debug page


def test_a_server_process_that_ended_during_the_run_never_makes_the_cpu_negative():
    from archive.management.commands.bench_load import cpu_spent

    before = {11: 5.0, 12: 9.0}  # 12 ends during the run (its connection closed)
    after = {11: 5.5, 13: 0.25}  # 13 started during the run
    assert cpu_spent(before, after) == 0.75
