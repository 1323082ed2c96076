"""The admin's upload and re-extraction as jobs, run here (the task's body, on SQLite and
PostgreSQL): counts, cancel, resume after a kill, a broker that is down, the progress
endpoint. tests/archive/test_job_worker.py runs them in a real `celery worker`."""
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Article, Event, IngestionBatch
from archive.services.job_runs import run_job
from archive.services.upload_jobs import progress, requeue_lost_jobs

from .conftest import fake_extract
from .sentences import ALL, jsonl

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/archive/ingestionbatch/upload/"


def articles_file(n: int) -> bytes:
    """n different articles (one killed-count each, for fake_extract), every tenth
    repeated further on, and two broken lines: n unique, n // 10 duplicates, 2 failed."""
    rows = [{"id": f"a{k}", "text": f"{ALL[k % 4]} مقتل {k % 7 + 1} في الحادثة رقم {k}."}
            for k in range(n)]
    rows += rows[::10]
    text = jsonl(*rows[: n // 2]) + "{broken\n" + jsonl(*rows[n // 2:]) + "[]\n"
    return text.encode()


def expected(n: int) -> tuple:
    """(new, duplicate, failed, done, total) of articles_file(n)."""
    total = n + len(range(0, n, 10)) + 2
    return n, len(range(0, n, 10)), 2, total, total


def figures(batch: IngestionBatch) -> tuple:
    return batch.n_new, batch.n_duplicate, batch.n_failed, batch.done, batch.total


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-for-tests"))
    return client


def upload(client, name: str, data: bytes) -> IngestionBatch:
    response = client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302, response.content[:300]
    return IngestionBatch.objects.order_by("-pk").first()


def test_an_upload_is_saved_and_queued_then_its_job_counts_every_record(staff):
    batch = upload(staff, "many.jsonl", articles_file(60))
    assert batch.status == "queued" and Path(batch.upload_path).read_bytes() == articles_file(60)
    done = run_job(batch_id=batch.pk, extractor=fake_extract)
    assert done.status == "done" and figures(done) == expected(60)
    assert Article.objects.filter(batch=batch).count() == 60
    assert not Path(batch.upload_path).exists()  # a finished job's file is not kept
    assert run_job(batch_id=batch.pk, extractor=fake_extract) is None  # a second delivery


class CancelAfter:
    """An extractor that asks for its batch's cancellation at its n-th article."""

    VERSION = "fake-1"

    def __init__(self, n: int):
        self.n, self.calls = n, 0

    def __call__(self, text, published=None):
        self.calls += 1
        if self.calls == self.n:
            IngestionBatch.objects.update(cancel_requested=True)
        return fake_extract(text, published)


def test_a_cancelled_job_stops_at_its_next_save_and_counts_what_it_stored(staff):
    batch = upload(staff, "many.jsonl", articles_file(200))
    run_job(batch_id=batch.pk, extractor=CancelAfter(25), save_every=10)
    batch.refresh_from_db()
    assert batch.status == "cancelled" and 25 <= batch.done <= 30
    assert batch.n_new == Article.objects.filter(batch=batch).count()
    assert batch.done == batch.n_new + batch.n_duplicate + batch.n_failed
    assert batch.errors[-1]["message"] == f"cancelled after {batch.done} of {batch.total}"
    assert Path(batch.upload_path).exists()  # it can run again


def test_cancelling_a_queued_job_cancels_it_at_once_and_only_by_post(staff):
    batch = upload(staff, "many.jsonl", articles_file(5))
    url = f"/admin/archive/ingestionbatch/{batch.pk}/cancel/"
    assert staff.get(url).status_code == 405
    assert staff.post(url).status_code == 302
    batch.refresh_from_db()
    assert batch.status == "cancelled" and batch.cancel_requested
    assert run_job(batch_id=batch.pk, extractor=fake_extract) is None
    assert not Article.objects.exists()


def dead_worker() -> str:
    """host:pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return f"{socket.gethostname()}:{process.pid}"


class KilledAt(BaseException):
    """Stands for `kill -9`: nothing after it runs in the job."""


def test_a_job_killed_midway_and_run_again_ends_with_exact_counts(staff):
    batch = upload(staff, "many.jsonl", articles_file(120))
    calls = []

    def dies(text, published=None):
        calls.append(1)
        if len(calls) == 75:
            raise KilledAt
        return fake_extract(text, published)

    with pytest.raises(KilledAt):
        run_job(batch_id=batch.pk, extractor=dies, save_every=20)
    # As a kill leaves it: RUNNING, its worker gone, counts as of an earlier save.
    IngestionBatch.objects.filter(pk=batch.pk).update(
        status="running", worker=dead_worker(), n_new=40, n_duplicate=0, done=40, errors=[])
    assert 70 <= Article.objects.filter(batch=batch).count() < 120
    assert requeue_lost_jobs() == [batch.pk]  # what a starting worker does
    resumed = run_job(batch_id=batch.pk, extractor=fake_extract)
    assert resumed.status == "done" and figures(resumed) == expected(120)
    assert Article.objects.filter(batch=batch).count() == 120
    assert [e["line"] for e in resumed.errors] == [61, 134]  # counted once each


def test_a_job_run_again_after_it_failed_resumes_with_exact_counts(staff):
    batch = upload(staff, "many.jsonl", articles_file(50))

    def fails(text, published=None):
        if Article.objects.count() >= 20:
            raise KilledAt
        return fake_extract(text, published)

    with pytest.raises(KilledAt):
        run_job(batch_id=batch.pk, extractor=fails)
    batch.refresh_from_db()
    assert batch.status == "interrupted"
    page = staff.get(f"/admin/archive/ingestionbatch/{batch.pk}/change/").content.decode()
    assert "/run-again/" in page
    assert staff.post(f"/admin/archive/ingestionbatch/{batch.pk}/run-again/").status_code == 302
    assert run_job(batch_id=batch.pk, extractor=fake_extract).status == "done"
    batch.refresh_from_db()
    assert figures(batch) == expected(50)


def test_a_malformed_file_lists_its_errors_and_keeps_every_good_record(staff):
    data = ("not json\n" + jsonl({"text": ALL[0]}, {"title": "no text"}, {"text": ALL[1]})
            + "[1, 2]\n").encode()
    batch = upload(staff, "bad.jsonl", data)
    batch = run_job(batch_id=batch.pk, extractor=fake_extract)
    assert (batch.status, batch.n_new, batch.n_failed, batch.total) == ("done", 2, 3, 5)
    assert [e["line"] for e in batch.errors] == [1, 3, 5]
    assert "malformed JSON" in batch.errors[0]["message"]
    assert sorted(Article.objects.values_list("text", flat=True)) == sorted(ALL[:2])


def test_the_progress_endpoint_is_for_staff_and_gives_the_figures(client, staff):
    batch = upload(staff, "many.jsonl", articles_file(30))
    batch = run_job(batch_id=batch.pk, extractor=fake_extract)
    url = f"/admin/archive/ingestionbatch/{batch.pk}/progress/"
    data = staff.get(url, {"errors_from": 1}).json()
    assert (data["status"], data["done"], data["total"], data["new"]) == ("done", 35, 35, 30)
    assert data["n_errors"] == 2 and [e["line"] for e in data["errors"]] == [
        batch.errors[1]["line"]]
    assert data["rate"] > 0 and data["seconds_left"] is None
    staff.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(User.objects.create_user("reader", password="pw-for-tests"))
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db(transaction=True)  # the job is queued once the upload commits
def test_a_broker_that_cannot_be_reached_fails_the_batch_keeps_the_file_and_says_so(staff):
    from archive.celery import app

    before = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url, app.conf.broker_transport_options = "redis://127.0.0.1:9/0", {}
    try:
        response = staff.post(UPLOAD, {"file": SimpleUploadedFile(
            "news.jsonl", articles_file(3))}, follow=True)
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = before
    batch = IngestionBatch.objects.get()
    assert response.status_code == 200 and batch.status == "failed"
    assert batch.errors[-1]["message"].startswith("could not queue the job (")
    assert "تعذّر وضع المهمة في الطابور" in response.content.decode()
    assert Path(batch.upload_path).read_bytes() == articles_file(3)
    assert "/run-again/" in response.content.decode()


def test_the_batch_page_shows_a_running_jobs_bar_and_cancel_button(staff):
    batch = upload(staff, "many.jsonl", articles_file(10))
    IngestionBatch.objects.filter(pk=batch.pk).update(status="running", total=13, done=4)
    page = staff.get(f"/admin/archive/ingestionbatch/{batch.pk}/change/").content.decode()
    assert '<progress id="marsad-job-bar" max="13" value="4">' in page
    assert f"/{batch.pk}/cancel/" in page and 'data-active="1"' in page
    assert "js/batch-progress.js" in page and "csrfmiddlewaretoken" in page


def test_progress_tells_the_rate_and_the_time_left():
    import datetime as dt

    from django.utils import timezone

    batch = IngestionBatch(status="running", total=300, done=100,
                           running_since=timezone.now() - dt.timedelta(seconds=50))
    figures_now = progress(batch)
    assert 1.9 <= figures_now["rate"] <= 2.0 and 100 <= figures_now["seconds_left"] <= 101


@pytest.mark.skipif(os.name != "posix", reason="process ids")
def test_a_reextraction_job_resumes_after_the_first_chunks_without_counting_twice(staff):
    from archive.services.ingestion import ingest_records
    from archive.services.readers import Record
    from archive.services.upload_jobs import start_reextraction

    ingest_records(records=[Record(text=f"{ALL[k % 4]} مقتل {k + 1}.", file="t", line=k)
                            for k in range(25)], source="t", extractor=fake_extract)
    ids = list(Article.objects.values_list("pk", flat=True))
    job = start_reextraction(article_ids=ids, user=None)
    calls = []

    def dies(text, published=None):
        calls.append(1)
        if len(calls) == 15:  # inside the second chunk of ten
            raise KilledAt
        return fake_extract(text, published)

    with pytest.raises(KilledAt):
        run_job(batch_id=job.pk, extractor=dies)
    job.refresh_from_db()
    assert (job.status, job.done, job.n_new) == ("interrupted", 10, 10)
    IngestionBatch.objects.filter(pk=job.pk).update(status="running", worker=dead_worker())
    assert requeue_lost_jobs() == [job.pk]
    job = run_job(batch_id=job.pk, extractor=fake_extract)
    assert (job.status, job.done, job.n_new, job.total) == ("done", 25, 25, 25)
    assert job.event_counts["found_again"] == Event.objects.count() > 25  # once each
    assert job.event_counts["added"] == job.event_counts["removed"] == 0
