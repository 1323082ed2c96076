"""The admin's jobs in a real `celery worker` process on the default broker (a folder):
the upload returns at once and the worker stores it with exact counts; cancel; `kill -9`
of the worker mid-way, then a new worker finishes the job with exact counts; a
re-extraction. The worker is another process, so it needs a database server: these run
on PostgreSQL (the SQLite test database lives in this process's memory);
tests/archive/test_jobs.py runs the same jobs in process on both."""
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from archive.models import Article, IngestionBatch
from archive.services.ingestion import ingest_records
from archive.services.readers import Record

from .sentences import ALL
from .test_jobs import UPLOAD, articles_file, expected, figures
from .test_queue import _database_url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker(tmp_path):
    """A broker folder of this test's own, for this process and its workers."""
    if connection.vendor != "postgresql":
        pytest.skip("a worker is another process: it needs a database server, and the "
                    "SQLite test database lives in this process's memory")
    from archive.celery import app

    folder = tmp_path / "queue"
    options = {"data_folder_in": str(folder / "messages"),
               "data_folder_out": str(folder / "messages"),
               "control_folder": str(folder / "control")}
    for path in options.values():
        os.makedirs(path, exist_ok=True)
    before = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url, app.conf.broker_transport_options = "filesystem://", options
    yield folder
    app.conf.broker_url, app.conf.broker_transport_options = before


class Workers:
    """`celery worker --pool solo` processes on the broker folder and the test database."""

    def __init__(self, folder: Path):
        self.folder, self.processes = folder, []

    def start(self) -> subprocess.Popen:
        env = {**os.environ, "MARSAD_BROKER_URL": "filesystem://",
               "MARSAD_QUEUE_DIR": str(self.folder), "DATABASE_URL": _database_url(),
               "DJANGO_SETTINGS_MODULE": "archive.test_settings"}
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "archive", "worker", "--pool", "solo",
             "-n", f"jobs-{uuid.uuid4().hex[:6]}@%h", "--loglevel", "warning"],
            cwd=ROOT, env=env)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(broker):
    pool = Workers(broker)
    yield pool
    pool.stop()


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-for-tests"))
    return client


def wait_for(batch_id: int, done, workers: Workers, seconds: float = 240) -> IngestionBatch:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch = IngestionBatch.objects.get(pk=batch_id)
        if done(batch):
            return batch
        assert any(p.poll() is None for p in workers.processes), "the worker stopped"
        time.sleep(0.2)
    pytest.fail(f"batch #{batch_id} did not get there in {seconds} s: {figures(batch)}")


def upload(client, n: int) -> IngestionBatch:
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("many.jsonl",
                                                               articles_file(n))})
    assert response.status_code == 302
    return IngestionBatch.objects.order_by("-pk").first()


def finished(batch: IngestionBatch) -> bool:
    return batch.status not in ("queued", "running")


def test_an_upload_returns_at_once_and_the_worker_stores_it_with_exact_counts(staff, workers):
    workers.start()
    batch = upload(staff, 150)
    assert batch.status in ("queued", "running") and batch.done < expected(150)[3]
    batch = wait_for(batch.pk, finished, workers)
    assert batch.status == "done" and figures(batch) == expected(150)
    assert Article.objects.filter(batch=batch).count() == 150
    assert batch.worker.endswith(f":{workers.processes[0].pid}")
    progress = staff.get(f"/admin/archive/ingestionbatch/{batch.pk}/progress/").json()
    assert (progress["done"], progress["total"], progress["active"]) == (*expected(150)[3:], False)


def test_a_cancelled_job_stops_in_the_worker_and_its_counts_add_up(staff, workers):
    workers.start()
    batch = upload(staff, 300)
    wait_for(batch.pk, lambda b: b.done >= 30, workers)
    assert staff.post(f"/admin/archive/ingestionbatch/{batch.pk}/cancel/").status_code == 302
    batch = wait_for(batch.pk, finished, workers)
    assert batch.status == "cancelled" and 30 <= batch.done < batch.total == expected(300)[4]
    assert batch.n_new == Article.objects.filter(batch=batch).count()
    assert batch.done == batch.n_new + batch.n_duplicate + batch.n_failed


def test_a_worker_killed_mid_job_and_a_new_worker_finish_it_with_exact_counts(staff, workers):
    first = workers.start()
    batch = upload(staff, 300)
    wait_for(batch.pk, lambda b: b.done >= 60, workers)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    stored = Article.objects.filter(batch=batch).count()
    batch.refresh_from_db()
    assert batch.status == "running" and 60 <= stored < 300  # as the kill left it
    workers.start()  # it queues the lost job again when it starts
    batch = wait_for(batch.pk, finished, workers)
    assert batch.status == "done" and figures(batch) == expected(300)
    assert Article.objects.filter(batch=batch).count() == 300
    assert not batch.worker.endswith(f":{first.pid}")


def test_the_reextract_action_runs_as_a_job_in_the_worker(staff, workers):
    ingest_records(records=[Record(text=f"{ALL[k % 2]} الحادثة رقم {k}.", file="t", line=k)
                            for k in range(30)], source="t")
    ids = list(Article.objects.values_list("pk", flat=True))
    workers.start()
    response = staff.post("/admin/archive/article/", {"action": "reextract_selected",
                                                      "_selected_action": ids})
    assert response.status_code == 302
    job = IngestionBatch.objects.get(kind="reextract")
    job = wait_for(job.pk, finished, workers)
    assert (job.status, job.done, job.total, job.n_new, job.n_failed) == ("done", 30, 30, 30, 0)
    assert job.event_counts["found_again"] > 0 and job.event_counts["added"] == 0
