"""Queued ingestion on a real Redis with two real Celery worker processes: the parts of
one file, ingested at once, add up to the counts of a single-process run."""
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from archive.models import Article, Event, IngestionBatch
from archive.services.ingestion import ingest_paths
from archive.services.jobs import PART_CHUNK, part_of, queue_ingestion

from .sentences import ALL, jsonl

REDIS_URL = os.environ.get("MARSAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[2]


def test_parts_cover_every_record_once():
    records = list(range(PART_CHUNK * 5 + 7))
    parts = [list(part_of(records, part=k, parts=3)) for k in range(3)]
    assert sorted(sum(parts, [])) == records
    assert parts[0][:PART_CHUNK] == records[:PART_CHUNK]
    assert parts[1][0] == PART_CHUNK


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("MARSAD_REQUIRE_REDIS") == "1":
            raise
        pytest.skip(f"no Redis at {REDIS_URL} ({error}); .ci/run starts one "
                    "(MARSAD_REQUIRE_REDIS=1 makes this a failure)")


def _database_url() -> str:
    from urllib.parse import quote

    settings = connection.settings_dict
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings.get("PASSWORD") else ""
    return (f"postgres://{quote(settings['USER'] or '', safe='')}{password}@"
            f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}")


def _file(write) -> Path:
    """Articles of our own (some repeated, across what become different parts) and two
    records that fail."""
    rows = [{"id": f"n{n}", "text": f"{ALL[n % 4]} وفي تطور آخر سجلت الحادثة رقم {n % 100}."}
            for n in range(260)]
    return write("queued.jsonl", jsonl(*rows[:150]) + "{broken\n" + jsonl(*rows[150:], {}))


def _wait_for(app, prefixes: list[str], workers) -> None:
    """Until every worker answers a ping (so that each takes one part)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        answered = {name for reply in app.control.ping(timeout=1) for name in reply}
        if all(any(a.startswith(p) for a in answered) for p in prefixes):
            return
        assert all(w.poll() is None for w in workers), "a worker did not start"
    pytest.fail("the workers did not start in 120 s")


def _totals(batches) -> tuple:
    return tuple(sum(getattr(b, f) for b in batches)
                 for f in ("n_new", "n_duplicate", "n_failed", "n_unextracted"))


@pytest.mark.django_db(transaction=True)
def test_two_celery_workers_on_redis_ingest_one_file_like_one_process(write, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the workers are other processes: they need a database server, and "
                    "the SQLite test database lives in this process's memory")
    _redis_or_skip()
    path = _file(write)
    alone = ingest_paths(paths=[path], workers=1)
    expected = (_totals([alone]), Article.objects.count(), Event.objects.count())
    Article.objects.all().delete()
    IngestionBatch.objects.all().delete()

    from archive.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    app.conf.broker_url = REDIS_URL
    env = {**os.environ, "MARSAD_BROKER_URL": REDIS_URL, "DATABASE_URL": _database_url(),
           "DJANGO_SETTINGS_MODULE": "archive.test_settings"}
    workers = [subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "archive", "worker", "--pool", "solo",
         "-Q", queue, "-n", f"{queue}-{n}@%h", "--loglevel", "warning"],
        cwd=ROOT, env=env) for n in range(2)]
    try:
        _wait_for(app, [f"{queue}-{n}@" for n in range(2)], workers)
        queue_ingestion(paths=[path], parts=2, queue=queue)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            batches = list(IngestionBatch.objects.all())
            if len(batches) == 2 and all(b.status != "running" for b in batches):
                break
            assert all(w.poll() is None for w in workers), "a worker stopped"
            time.sleep(0.5)
        else:
            pytest.fail("the two parts were not ingested in 300 s")
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    assert [b.status for b in batches] == ["done", "done"]
    assert len({b.worker for b in batches}) == 2  # one part in each worker process
    assert sorted(b.source[-13:] for b in batches) == ["(part 1 of 2)", "(part 2 of 2)"]
    assert (_totals(batches), Article.objects.count(), Event.objects.count()) == expected
    assert expected[0][1] > 0 and expected[0][2] == 2  # the file did hold both kinds
