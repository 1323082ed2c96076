"""The site benchmark command runs end to end on a tiny database (figures are not tested)."""
import io
import os
import signal
import subprocess
import sys

from django.core.management import call_command

from archive.models import Article, Event


def test_the_benchmark_fills_measures_and_cleans_up(db):
    out = io.StringIO()
    call_command("bench_site", articles=30, runs=2, stdout=out, stderr=io.StringIO())
    report = out.getvalue()
    assert "events (filtered)" in report and "rows/s" in report
    assert "30 articles, 60 events" in report
    assert not Article.objects.exists() and not Event.objects.exists()


def test_keep_leaves_the_rows_for_the_next_run(db):
    call_command("bench_site", articles=10, runs=1, keep=True, stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert Article.objects.filter(external_id__startswith="bench-").count() == 10
    assert Event.objects.count() == 20


def test_the_bulk_fill_stores_what_ingestion_would_for_each_text(db):
    from django.db import connection

    from archive.content_key import content_hash
    from archive.models import Incident
    from archive.search import search_document
    from tests.archive.incident_reports import csv_cells_of, stored_csv_cells

    call_command("bench_site", articles=12, runs=1, keep=True, stdout=io.StringIO(),
                 stderr=io.StringIO())
    articles = list(Article.objects.all())
    assert len({a.content_hash for a in articles}) == 12
    for article in articles:
        assert article.content_hash == content_hash(article.text)
        stored = set(article.search_text.split())
        assert stored == set(search_document(article.title, article.text).split())
    # Every event is in an incident whose report count is its own; the CSV's stored
    # cells (incidents' joined lists, events' evidence) and the facets' lists are those
    # of the rows.
    for incident in Incident.objects.all():
        assert incident.n_reports == incident.events.count()
        assert stored_csv_cells(incident) == csv_cells_of(incident)
        assert (incident.actor_ids, incident.outlet_names) == (
            sorted({a["id"] for a in incident.actors}), incident.outlets) != ([], [])
    assert Incident.objects.filter(n_reports__gt=1).exists()  # some incidents retold
    assert not Event.objects.filter(incident=None).exists()
    for event in Event.objects.select_related("article"):
        assert event.evidence == event.evidence_text != ""
        names = {role: [p.actor.name_ar for p in event.participants.order_by("id")
                        if p.role == role] for role in ("initiator", "target")}
        assert (event.csv_initiators, event.csv_targets) == (
            "؛ ".join(names["initiator"]), "؛ ".join(names["target"])) != ("", "")
        assert event.actor_ids == sorted({p.actor_id for p in event.participants.all()}) != []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM archive_article "
                           "WHERE search_vector = to_tsvector('simple', search_text)")
            assert cursor.fetchone()[0] == 12
            cursor.execute("SELECT count(*) FROM archive_article, unnest(tsvector_to_array("
                           "search_vector)) AS w WHERE length(w) BETWEEN 2 AND 64 AND NOT "
                           "EXISTS (SELECT 1 FROM archive_search_word s WHERE s.word = w)")
            assert cursor.fetchone()[0] == 0


def test_a_rare_word_of_the_fill_is_found_by_the_search(db):
    from archive.bench_fill import rare_vocabulary

    call_command("bench_site", articles=20, runs=1, keep=True, stdout=io.StringIO(),
                 stderr=io.StringIO())
    common = rare_vocabulary(0)[0]
    found = Article.objects.search(common)
    assert found.exists()
    assert all(common in a.text.split() for a in found)


def test_it_builds_again_the_search_indexes_a_killed_fill_dropped(db):
    import pytest
    from django.db import connection

    from archive import search_indexes

    if connection.vendor != "postgresql":
        pytest.skip("the full-text indexes the fill drops are PostgreSQL's")
    with connection.cursor() as cursor:  # what a fill killed before its end leaves
        cursor.execute("DROP INDEX archive_article_search_vector_gin")
    assert "archive_article_search_vector_gin" not in dict(search_indexes.present())
    out = io.StringIO()
    call_command("bench_site", articles=5, runs=0, keep=True, stdout=out, stderr=io.StringIO())
    assert "built the missing index archive_article_search_vector_gin" in out.getvalue()
    assert "archive_article_search_vector_gin" in dict(search_indexes.present())
    assert search_indexes.missing() == []


# A fill process in a fresh interpreter (forking the test runner, with its threads, can
# leave the child stuck on a lock): the parent's handler from `stop_on_sigterm` installed
# first, as a forked fill process inherits it, then what the pool's initializer does.
_FILL_PROCESS = """
import time
import django
django.setup()
from archive import bench_fill
from archive.management.commands.ingest import stop_on_sigterm
with stop_on_sigterm():
    bench_fill.ends_plainly_on_sigterm()
    print("ready", flush=True)
    time.sleep(30)
"""


def test_a_fill_process_stopped_by_its_pool_exits_without_a_traceback():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.test_settings"}
    child = subprocess.Popen([sys.executable, "-c", _FILL_PROCESS], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "ready"
        child.terminate()  # what the pool does to its processes when the fill is done
        _, errors = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == -signal.SIGTERM, errors
    assert "Traceback" not in errors
