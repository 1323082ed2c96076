"""Faults found under test: a NUL character, a value the database refuses, a file of
nothing but failures, a batch whose process was killed, content keys recomputed."""
import importlib
import os
import signal
import socket
import subprocess
import sys
from dataclasses import replace

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from archive.content_key import content_hash
from archive.models import Article, Event, IngestionBatch
from archive.services.ingestion import ingest_paths, ingest_records
from archive.services.readers import Record
from extraction.types import Count, PlaceRef

from .conftest import fake_extract
from .sentences import BOMB, CLASH, PROTEST, RAID, jsonl

pytestmark = pytest.mark.django_db


def ingest(*paths):
    return ingest_paths(paths=paths, extractor=fake_extract)


def test_a_nul_character_is_removed_with_a_warning_and_the_records_after_it_are_read(write):
    path = write("a.jsonl", jsonl({"text": "قبل\u0000بعد " + BOMB, "title": "عنوان\u0000"},
                                  {"text": CLASH}))
    late_nul = write("b.txt", ("كلمة " * 20_000).encode() + b"\x00" + PROTEST.encode())
    batch = ingest(path, late_nul)
    assert (batch.status, batch.n_new, batch.n_failed) == ("done", 3, 0)
    assert not any("\x00" in t for t in Article.objects.values_list("text", flat=True))
    assert Article.objects.filter(title="عنوان", text__startswith="قبلبعد").exists()
    warnings = [e["message"] for e in batch.errors]
    assert warnings == ["1 control characters (such as NUL) removed from the text"] * 2


def test_a_record_the_database_refuses_fails_alone_and_the_batch_goes_on():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores NUL characters: only PostgreSQL refuses them")
    refused = Record(text="نص فيه \x00 محرف لاغ", file="made.jsonl", line=1)
    fine = Record(text=RAID, file="made.jsonl", line=2)
    batch = ingest_records(records=[refused, fine], source="made", extractor=fake_extract)
    assert (batch.status, batch.n_new, batch.n_failed) == ("done", 1, 1)
    assert batch.errors[0]["line"] == 1
    assert batch.errors[0]["message"].startswith("the database refused this article:")
    assert list(Article.objects.values_list("text", flat=True)) == [RAID]
    again = ingest_records(records=[refused, fine], source="made", extractor=fake_extract)
    assert (again.status, again.n_duplicate, again.n_failed) == ("done", 1, 1)


def test_an_absurd_count_from_the_extractor_is_stored_as_unknown_not_a_crash():
    def absurd(text, published=None):
        return [replace(event, killed=Count(10**20, 10**20, 10**20))
                for event in fake_extract(text)]

    batch = ingest_records(records=[Record(text=BOMB, file="f", line=1)], source="s",
                           extractor=absurd)
    assert (batch.status, batch.n_new, batch.n_failed) == ("done", 1, 0)
    assert Event.objects.get().killed_best is None


def test_events_the_database_refuses_leave_the_article_stored_and_marked():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores NUL characters: only PostgreSQL refuses them")

    def odd_place(text, published=None):
        return [replace(event, place=PlaceRef(name="قرية\x00", kind="village"))
                for event in fake_extract(text)]

    batch = ingest_records(records=[Record(text=BOMB, file="f", line=1)], source="s",
                           extractor=odd_place)
    assert (batch.status, batch.n_new, batch.n_unextracted, batch.n_failed) == ("done", 1, 1, 0)
    article = Article.objects.get()
    assert article.extraction_error.startswith("storing its events failed: DataError")
    assert not article.events.exists()


def test_a_batch_of_failures_stops_with_a_clear_message(write, settings):
    settings.MARSAD_MAX_FAILURES_PER_BATCH = 5
    batch = ingest(write("a.jsonl", jsonl({"text": BOMB}) + "{}\n" * 100 + jsonl({"text": CLASH})))
    assert (batch.status, batch.n_new, batch.n_failed) == ("failed", 1, 6)
    assert "stopped after 6 failed records (the limit is 5)" in batch.errors[-1]["message"]


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process.pid


def test_a_batch_whose_process_was_killed_is_marked_interrupted_at_the_next_ingest(write):
    host = socket.gethostname()
    killed = IngestionBatch.objects.create(source="killed", worker=f"{host}:{_dead_pid()}",
                                           heartbeat_at=timezone.now(), n_new=1)
    for text in (BOMB, CLASH):
        Article.objects.create(text=text, content_hash=content_hash(text), batch=killed)
    silent = IngestionBatch.objects.create(
        source="elsewhere", worker="another-host:12",
        heartbeat_at=timezone.now() - timezone.timedelta(hours=1))
    alive = IngestionBatch.objects.create(source="alive", worker=f"{host}:{os.getpid()}",
                                          heartbeat_at=timezone.now())

    ingest(write("a.jsonl", jsonl({"text": PROTEST})))

    killed.refresh_from_db()
    assert (killed.status, killed.n_new) == ("interrupted", 2)
    assert killed.finished_at is not None
    assert "stopped without finishing" in killed.errors[-1]["message"]
    assert "1 stored articles were not yet counted" in killed.errors[-1]["message"]
    assert IngestionBatch.objects.get(pk=silent.pk).status == "interrupted"
    assert IngestionBatch.objects.get(pk=alive.pk).status == "running"


def test_recomputing_the_content_keys_keeps_both_articles_that_now_share_a_key():
    migration = importlib.import_module("archive.migrations.0004_reliable_ingestion")
    composed, decomposed = "مقتل 3 أشخاص", "مقتل 3 \u0627\u0654شخاص"  # one text, two spellings
    older = Article.objects.create(text=composed, content_hash="1" * 64)
    newer = Article.objects.create(text=decomposed, content_hash="2" * 64)
    other = Article.objects.create(text=RAID, content_hash="3" * 64)

    migration._rekey(apps, migration.key_v2)

    keys = dict(Article.objects.values_list("pk", "content_hash"))
    assert keys[older.pk] == content_hash(composed) == content_hash(decomposed)
    assert keys[other.pk] == content_hash(RAID)
    assert keys[newer.pk] not in (keys[older.pk], "2" * 64) and len(keys[newer.pk]) == 64
