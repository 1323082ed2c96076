"""An ingestion batch's messages stay English where they are stored (the command prints
them, the logs say them) and are shown in the admin's language: Arabic by default, with
the values (file, line, article number, the error itself) carried over."""
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from archive.batch_messages import TEMPLATES, shown
from archive.models import IngestionBatch
from archive.services.ingestion import ingest_records
from archive.services.job_runs import run_job
from archive.services.readers import Record

from .sentences import BOMB, jsonl

UPLOAD = "/admin/archive/ingestionbatch/upload/"


def test_every_template_has_an_arabic_translation():
    with translation.override("ar"):
        untranslated = [t for t in TEMPLATES if shown(t) == t]
    assert untranslated == []


@pytest.mark.parametrize(("stored", "arabic"), [
    ("malformed JSON: Expecting value (column 1)", "JSON غير سليم: Expecting value (column 1)"),
    ("stopped after 6 failed records (the limit is 5): is this the right file?",
     "توقفت بعد 6 سجلات فاشلة (الحد 5): هل هذا هو الملف الصحيح؟"),
    ("article #12 stored without events: extraction failed: storing its events failed: "
     "DataError: too long",
     "حُفظت المقالة #12 بلا أحداث: فشل الاستخراج: فشل حفظ أحداثها: DataError: too long"),
    ("further errors not stored", "لم تُحفظ الأخطاء التالية"),
])
def test_a_stored_message_is_shown_in_arabic_with_its_values(stored, arabic):
    with translation.override("ar"):
        assert shown(stored) == arabic
    with translation.override("en"):
        assert shown(stored) == stored


def test_a_message_of_an_unknown_shape_is_shown_as_stored():
    with translation.override("ar"):
        assert shown("something new went wrong: 42") == "something new went wrong: 42"


@pytest.mark.django_db
def test_the_arabic_admin_shows_the_upload_report_in_arabic_and_links_what_it_stored(client):
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-for-tests"))
    data = (jsonl({"text": BOMB}) + "oops\n").encode()
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("news.jsonl", data)})
    batch = IngestionBatch.objects.get()
    run_job(batch_id=batch.pk)  # what the worker does (tests/archive/test_jobs.py)
    page = client.get(response["Location"]).content.decode()
    batch.refresh_from_db()
    assert "JSON غير سليم" in page and "malformed JSON" in batch.errors[0]["message"]
    assert f"?batch__id__exact={batch.pk}" in page  # the articles it stored


@pytest.mark.django_db
def test_the_batch_change_page_translates_our_own_notes(client):
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw-for-tests"))

    def failing(text, published=None):
        raise RuntimeError("no luck")

    batch = ingest_records(records=[Record(text=BOMB, file="a.txt", line=1)], source="test",
                           extractor=failing, version="t")
    assert batch.errors[0]["message"].startswith("article #")
    page = client.get(f"/admin/archive/ingestionbatch/{batch.pk}/change/").content.decode()
    assert "بلا أحداث: فشل الاستخراج: RuntimeError: no luck" in page
