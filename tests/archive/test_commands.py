"""The management commands, with the real extractor and the real reference data."""
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.models import Actor, Article, Event, IngestionBatch, Place

from .sentences import BOMB, jsonl

pytestmark = pytest.mark.django_db
SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_the_serve_script_commands_load_the_reference_data_and_the_samples():
    out, _ = run("load_reference")
    assert "Places:" in out and Place.objects.filter(key="iq.kirkuk").exists()
    out, err = run("ingest", str(SAMPLE_DATA))
    assert "2 new, 0 duplicate, 0 failed" in out
    assert Event.objects.exists()  # the seed articles report incidents
    assert Event.objects.filter(place__path__startswith="/iq/").exists()
    out, _ = run("ingest", str(SAMPLE_DATA))
    assert "0 new, 2 duplicate, 0 failed" in out


def test_ingest_reports_bad_records_without_failing(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(jsonl({"text": BOMB}) + "{broken\n", encoding="utf-8")
    out, err = run("ingest", str(path))
    assert "1 new, 0 duplicate, 1 failed" in out
    assert f"{path}:2: malformed JSON" in err and "records" in err


def test_ingest_refuses_a_missing_path_clearly(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder: .*nowhere"):
        run("ingest", str(tmp_path / "nowhere"))
    with pytest.raises(CommandError, match="give one or more paths"):
        run("ingest")
    assert not IngestionBatch.objects.exists()


def test_reextract_runs_over_stored_articles_and_keeps_reviewed_ones():
    run("ingest", str(SAMPLE_DATA))
    reviewed = Event.objects.first()
    Event.objects.filter(pk=reviewed.pk).update(reviewed=True)
    before = Event.objects.count()
    out, _ = run("ingest", "--reextract")
    assert "Re-extracted 2 articles" in out and "1 reviewed kept" in out
    assert Event.objects.count() == before and Event.objects.filter(pk=reviewed.pk).exists()


def test_bench_ingest_prints_figures_and_cleans_up():
    out, _ = run("bench_ingest", n=5)
    assert "articles/s" in out and "max RSS" in out and "5 new" in out
    assert not Article.objects.exists() and not IngestionBatch.objects.exists()
    assert not Place.objects.filter(from_gazetteer=False).exists()
    assert not Actor.objects.filter(from_lexicon=False).exists()


def test_bench_ingest_counts_postgresqls_own_cpu_on_postgresql_alone():
    from django.db import connection

    out, _ = run("bench_ingest", n=3, workers=1)
    assert ("in PostgreSQL's server process" in out) == (connection.vendor == "postgresql")


def test_bench_ingest_says_when_debug_inflates_its_figures(settings):
    settings.DEBUG = True
    out, _ = run("bench_ingest", n=1)
    assert "DEBUG is on" in out
    settings.DEBUG = False
    out, _ = run("bench_ingest", n=1)
    assert "DEBUG is on" not in out


def test_bench_ingest_can_trace_python_allocations_too():
    out, _ = run("bench_ingest", n=2, trace_memory=True)
    assert "tracemalloc" in out and "2 new" in out


def test_seeding_the_samples_again_records_no_batch():
    out, _ = run("ingest", "--once", str(SAMPLE_DATA))
    assert "2 new, 0 duplicate, 0 failed" in out
    out, _ = run("ingest", "--once", str(SAMPLE_DATA))
    assert "already stored: nothing to do" in out
    assert IngestionBatch.objects.count() == 1
