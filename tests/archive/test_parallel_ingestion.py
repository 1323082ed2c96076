"""Parallel ingestion (worker processes, chunked storage) ends where one process ends:
the same counts, articles, events, notes and incidents, whatever the chunking."""
from dataclasses import replace

import pytest
from django.db import connection

from archive.models import Actor, Article, Event, Incident, IngestionBatch, Place
from archive.services import parallel_ingestion
from archive.services.ingestion import ingest_paths

from .conftest import fake_extract
from .sentences import ALL, jsonl

pytestmark = pytest.mark.django_db

DAYS = ["2019-05-01", "2019-05-02", "2019-05-03", "2019-05-09"]


def _articles():
    """Reports of a few incidents (same village, neighbouring days, agreeing or not on
    the toll), repeated texts, an unreadable line and a record without text."""
    rows = []
    for n in range(40):
        killed = 3 + n % 4
        text = f"أفادت مصادر محلية بمقتل {killed} أشخاص في هجوم على القرية، بحسب الرواية رقم {n}."
        rows.append({"id": f"r{n}", "text": text, "date": DAYS[n % len(DAYS)],
                     "outlet": f"وكالة {n % 5}"})
        if n % 9 == 0:
            rows.append({"id": f"again{n}", "text": text})  # the same text: a duplicate
    rows += [{"id": f"s{n}", "text": t} for n, t in enumerate(ALL)]
    return jsonl(*rows[:25]) + "{not json\n" + jsonl({"title": "بلا نص"}, *rows[25:])


def _snapshot(batch: IngestionBatch) -> dict:
    events = Event.objects.select_related("article").order_by()
    incidents: dict[int, set] = {}
    for event in events:
        incidents.setdefault(event.incident_id, set()).add(
            (event.article.external_id, event.evidence_start))
    return {
        "counts": (batch.status, batch.n_new, batch.n_duplicate, batch.n_failed,
                   batch.n_unextracted),
        "notes": [(e["line"], e["message"].split("#")[0]) for e in batch.errors],
        "articles": sorted(Article.objects.values_list("external_id", "published", "outlet")),
        "events": sorted((e.article.external_id, e.type, e.evidence_start, e.killed_best,
                          e.place.key, e.link_date) for e in events),
        "actors": sorted(Event.objects.values_list("article__external_id",
                                                   "participants__actor__key",
                                                   "participants__role")),
        "incidents": sorted(sorted(members) for members in incidents.values()),
        "incident figures": sorted(Incident.objects.values_list("n_reports", "killed_best",
                                                                "date")),
    }


def _reset() -> None:
    Incident.objects.all().delete()
    Article.objects.all().delete()
    IngestionBatch.objects.all().delete()
    Place.objects.filter(from_gazetteer=False, key__startswith="x.").delete()
    Actor.objects.filter(from_lexicon=False).delete()


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch):
    """Several chunks, so that the worker processes do run (one chunk is extracted in
    the parent)."""
    monkeypatch.setattr(parallel_ingestion, "CHUNK", 7)


def _compare(path, extractor=fake_extract) -> tuple[dict, dict]:
    one = _snapshot(ingest_paths(paths=[path], extractor=extractor, workers=1))
    _reset()
    two = _snapshot(ingest_paths(paths=[path], extractor=extractor, workers=2))
    return one, two


@pytest.mark.parametrize("chunk", [3, 20])
def test_two_workers_store_what_one_process_stores(write, kirkuk, monkeypatch, chunk):
    monkeypatch.setattr(parallel_ingestion, "CHUNK", chunk)
    one, two = _compare(write("a.jsonl", _articles()))
    assert one["counts"] == ("done", 44, 5, 2, 0)
    assert len(one["incidents"]) < len(one["events"])  # reports did link into incidents
    assert two == one


def test_a_second_parallel_run_counts_everything_as_duplicate(write, kirkuk):
    path = write("a.jsonl", _articles())
    ingest_paths(paths=[path], extractor=fake_extract, workers=2)
    again = ingest_paths(paths=[path], extractor=fake_extract, workers=2)
    assert (again.status, again.n_new, again.n_duplicate, again.n_failed) == ("done", 0, 49, 2)


def _failing(text, published=None):
    if "رقم 7" in text:
        raise ValueError("a bug in the extractor")
    return fake_extract(text)


def test_an_extractor_error_in_a_worker_keeps_the_article_as_in_one_process(write, kirkuk):
    one, two = _compare(write("a.jsonl", _articles()), extractor=_failing)
    assert one["counts"][-1] == 1  # stored without events
    assert two == one


def test_the_failure_limit_stops_a_parallel_batch_at_the_same_record(write, settings):
    settings.MARSAD_MAX_FAILURES_PER_BATCH = 5
    path = write("a.jsonl", jsonl({"text": ALL[0]}) + "{}\n" * 100 + jsonl({"text": ALL[1]}))
    batch = ingest_paths(paths=[path], extractor=fake_extract, workers=2)
    assert (batch.status, batch.n_new, batch.n_failed) == ("failed", 1, 6)
    assert list(Article.objects.values_list("text", flat=True)) == [ALL[0]]


def _odd_place(text, published=None):
    from extraction.types import PlaceRef

    if "رقم 4" not in text:
        return fake_extract(text)
    return [replace(event, place=PlaceRef(name="قرية\x00", kind="village"))
            for event in fake_extract(text)]


def test_a_chunk_the_database_refuses_is_stored_article_by_article(write, kirkuk):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores NUL characters: only PostgreSQL refuses them")
    one, two = _compare(write("a.jsonl", _articles()), extractor=_odd_place)
    assert one["counts"][-1] == 1  # its events refused, the article kept and marked
    assert two == one
