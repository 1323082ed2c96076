"""The staff admin: upload page (staff, anonymous, non-staff), re-extract action, and
every changelist rendering with data present."""
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

import extraction
from archive.models import Actor, Article, Event, IngestionBatch
from archive.services.ingestion import ingest_records
from archive.services.job_runs import run_job
from archive.services.readers import ReadError, Record

from .conftest import fake_extract
from .sentences import ALL, BOMB, CLASH, jsonl

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/archive/ingestionbatch/upload/"


@pytest.fixture
def extractor():
    """The admin runs the real extractor: these tests use it."""
    return extraction.extract


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("coder", "coder@example.org", "pw-for-tests")
    client.force_login(user)
    return client


def upload(client, name, content):
    data = content.encode() if isinstance(content, str) else content
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def upload_and_run(client, name, content) -> str:
    """Upload, run the queued job here (the task's body: tests/archive/test_jobs.py runs
    it in a real worker) and return the batch page."""
    response = upload(client, name, content)
    batch = IngestionBatch.objects.order_by("-pk").first()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/ingestionbatch/{batch.pk}/change/")
    assert batch.status == "queued"
    run_job(batch_id=batch.pk)
    return client.get(response["Location"]).content.decode()


def test_staff_upload_queues_a_job_whose_batch_page_shows_the_report(staff, extractor):
    page = upload_and_run(staff, "news.jsonl",
                          jsonl({"text": BOMB}, {"text": CLASH}) + "oops\n")
    batch = IngestionBatch.objects.get()
    assert (batch.n_new, batch.n_failed, batch.status) == (2, 1, "done")
    assert (batch.done, batch.total) == (3, 3)
    assert batch.source == "upload: news.jsonl" and batch.created_by.username == "coder"
    assert 'data-job="new">2<' in page and 'data-job="failed">1<' in page
    assert "malformed JSON" in page and f"#{batch.pk}" in page
    assert f"?batch__id__exact={batch.pk}" in page
    assert Article.objects.count() == 2


def test_uploading_the_same_file_again_reports_duplicates(staff, extractor):
    upload_and_run(staff, "news.txt", BOMB)
    page = upload_and_run(staff, "news.txt", BOMB)
    assert 'data-job="duplicate">1<' in page and Article.objects.count() == 1


def test_upload_escapes_what_the_file_says(staff, extractor):
    html = upload_and_run(staff, "<b>x</b>.jsonl", '{"text": "<script>alert(1)</script>"}\n')
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html


def test_a_wrong_file_type_or_an_oversized_file_gets_a_clear_message(staff, settings):
    page = upload(staff, "report.pdf", b"%PDF-1.4").content.decode()
    assert "نوع الملف .pdf غير مدعوم" in page
    settings.UPLOAD_MAX_BYTES = 100
    page = upload(staff, "big.jsonl", jsonl({"text": BOMB * 5})).content.decode()
    assert "يتجاوز الحد المسموح" in page
    assert not IngestionBatch.objects.exists()


def test_the_upload_page_shows_its_form(staff):
    response = staff.get(UPLOAD)
    assert response.status_code == 200 and 'enctype="multipart/form-data"' in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = upload(client, "news.txt", BOMB)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Article.objects.exists()


def test_a_logged_in_non_staff_user_cannot_upload(client):
    client.force_login(User.objects.create_user("reader", password="pw-for-tests"))
    response = upload(client, "news.txt", BOMB)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Article.objects.exists()


def test_staff_without_the_add_permission_are_refused(client):
    user = User.objects.create_user("viewer", password="pw-for-tests", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_ingestionbatch"))
    client.force_login(user)
    assert upload(client, "news.txt", BOMB).status_code == 403
    assert not Article.objects.exists()


def test_the_upload_checks_csrf(extractor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-for-tests"))
    assert upload(client, "news.txt", BOMB).status_code == 403


@pytest.fixture
def stored(kirkuk):
    records = [Record(text=t, file="t.jsonl", line=i) for i, t in enumerate(ALL, 1)]
    return ingest_records(records=[*records, ReadError("t.jsonl", 9, "missing 'text'")],
                          source="tests", extractor=fake_extract)


def test_every_changelist_and_change_page_renders_with_data(staff, stored):
    event = Event.objects.first()
    pages = [
        "/admin/archive/article/", "/admin/archive/event/", "/admin/archive/actor/",
        "/admin/archive/place/", "/admin/archive/ingestionbatch/",
        "/admin/archive/event/?type__exact=attack&reviewed__exact=0",
        "/admin/archive/article/?q=عبوه", "/admin/archive/place/?kind__exact=village",
        f"/admin/archive/event/{event.pk}/change/",
        f"/admin/archive/article/{event.article.pk}/change/",
        f"/admin/archive/ingestionbatch/{stored.pk}/change/",
        f"/admin/archive/actor/{Actor.objects.first().pk}/change/",
        f"/admin/archive/place/{event.place.pk}/change/",
    ]
    for url in pages:
        assert staff.get(url).status_code == 200, url
    batch_page = staff.get(f"/admin/archive/ingestionbatch/{stored.pk}/change/").text
    assert "missing &#x27;text&#x27;" in batch_page and "t.jsonl" in batch_page
    assert "marsad-job-bar" not in batch_page  # a command's batch: counts, no progress bar
    assert event.evidence_text in staff.get(f"/admin/archive/event/{event.pk}/change/").text


def test_the_article_search_finds_other_spellings(staff, stored):
    # the text says "عبوة ناسفة"; a coder types it without teh marbuta and with a hamza
    response = staff.get("/admin/archive/article/", {"q": "عبوه ناسفه"})
    assert [a.text for a in response.context["cl"].result_list] == [BOMB]
    response = staff.get("/admin/archive/article/", {"q": "إشتباكات"})
    assert [a.text for a in response.context["cl"].result_list] == [CLASH]


def test_the_reextract_action_queues_a_job_that_keeps_reviewed_events(staff, stored, extractor):
    event = Event.objects.first()
    Event.objects.filter(pk=event.pk).update(reviewed=True, killed_best=99, killed_high=99)
    ids = list(Article.objects.values_list("pk", flat=True))
    response = staff.post("/admin/archive/article/", {
        "action": "reextract_selected", "_selected_action": ids})
    job = IngestionBatch.objects.get(kind="reextract")
    assert response.status_code == 302 and response["Location"].endswith(f"/{job.pk}/change/")
    assert (job.status, job.total, job.article_ids) == ("queued", len(ids), sorted(ids))
    run_job(batch_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.done, job.n_new, job.n_failed) == ("done", len(ids), len(ids), 0)
    assert job.event_counts["kept_reviewed"] == 1
    assert Event.objects.get(pk=event.pk).killed_best == 99
    page = staff.get(response["Location"]).content.decode()
    assert 'data-job="events.kept_reviewed">1<' in page


def test_editing_an_event_in_the_admin_marks_it_reviewed(staff, stored):
    event = Event.objects.first()
    page = staff.get(f"/admin/archive/event/{event.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "reviewed"}
    data.update({"killed_best": 4, "killed_low": 4, "killed_high": 4,
                 "participants-TOTAL_FORMS": 0, "participants-INITIAL_FORMS": 0})
    response = staff.post(f"/admin/archive/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.killed_best == 4 and event.reviewed


def test_staff_can_upload_a_csv_and_a_zip_with_a_bad_member(staff, extractor):
    import io
    import zipfile

    upload_and_run(staff, "sheet.csv", "Title,Text\nعنوان," + BOMB + "\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", CLASH.encode("cp1256"))
        archive.writestr("b.exe", b"MZ\x00\x00")
    page = upload_and_run(staff, "many.zip", buffer.getvalue())
    assert 'data-job="failed">1<' in page and "many.zip:b.exe" in page
    assert set(Article.objects.values_list("text", flat=True)) == {BOMB, CLASH}
