"""A coder uploads a file in the admin and watches its job: the page comes back at once
with a progress bar that a real Celery worker fills (the page polls its progress
endpoint), ending on "done" with the counts. PostgreSQL only: the worker is another
process (see tests/archive/test_job_worker.py)."""
import pytest
from django.contrib.auth.models import User

from archive.models import IngestionBatch
from tests.archive.test_job_worker import Workers, broker  # noqa: F401 (a fixture)
from tests.archive.test_jobs import articles_file, expected


@pytest.fixture
def workers(broker):  # noqa: F811
    pool = Workers(broker)
    pool.start()
    yield pool
    pool.stop()


def test_an_upload_shows_a_progress_bar_that_reaches_done(live_server, page, workers,
                                                          tmp_path, transactional_db,
                                                          screenshots):
    User.objects.create_superuser("coder", "c@example.org", "a-long-test-password")
    path = tmp_path / "many.jsonl"
    path.write_bytes(articles_file(80))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/archive/ingestionbatch/upload/")
    page.fill("input[name=username]", "coder")
    page.fill("input[name=password]", "a-long-test-password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.set_input_files("input[name=file]", str(path))
    with page.expect_navigation():
        page.click("input[type=submit]")
    batch = IngestionBatch.objects.get()
    assert page.url.endswith(f"/ingestionbatch/{batch.pk}/change/")
    bar = page.locator("#marsad-job-bar")
    assert bar.is_visible()
    page.screenshot(path=screenshots / "upload-job-running.png", full_page=True)
    page.wait_for_function(
        "() => { const b = document.getElementById('marsad-job-bar');"
        " return b && b.max > 1 && b.value === b.max; }", timeout=180_000)
    page.wait_for_load_state()
    page.locator("#marsad-job [data-job=status_label]", has_text="اكتمل").wait_for(
        timeout=30_000)
    new, duplicate, failed, done, total = expected(80)
    assert page.locator("#marsad-job [data-job=new]").inner_text() == str(new)
    assert page.locator("#marsad-job [data-job=duplicate]").inner_text() == str(duplicate)
    assert page.locator("#marsad-errors tbody tr").count() == failed
    assert page.locator("#marsad-job-cancel").count() == 0  # nothing left to cancel
    page.screenshot(path=screenshots / "upload-job-done.png", full_page=True)
