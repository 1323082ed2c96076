"""Production behaviour: static files served by WhiteNoise with debug off, a
Content-Security-Policy the pages keep to, request bodies capped before they are read."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db
LINKED = re.compile(r'(?:href|src)="(/static/[^"]+)"')


@pytest.fixture
def production_static(settings, tmp_path):
    """collectstatic into a fresh STATIC_ROOT with the production storage, no finders."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "archive.storage.StaticFilesStorage"}}
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()  # a new client: WhiteNoise reads STATIC_ROOT when it starts


def test_static_files_are_served_with_debug_off(archive, production_static, settings):
    assert not settings.DEBUG
    client = production_static
    for page in ("/", "/admin/login/"):
        links = LINKED.findall(client.get(page).content.decode())
        assert links, page
        for link in links:
            response = client.get(link)
            assert response.status_code == 200, link
            assert "immutable" in response["Cache-Control"]  # hashed names, cached for ever
    css = next(link for link in LINKED.findall(client.get("/").content.decode())
               if link.endswith(".css"))
    assert re.search(r"/static/css/marsad\.[0-9a-f]{12}\.css", css)
    assert client.get("/static/css/no-such-file.css").status_code == 404


PAGES = ["/", "/search/?q=كركوك", "/events/", "/events/?q=كركوك"]


def test_every_page_sends_a_content_security_policy_and_keeps_to_it(archive, admin_client):
    pages = [*PAGES, f"/articles/{archive.kirkuk_article.pk}/", f"/actors/{archive.isis.pk}/",
             f"/places/{archive.kirkuk.pk}/", "/admin/", "/admin/archive/ingestionbatch/upload/",
             f"/admin/archive/article/{archive.kirkuk_article.pk}/change/"]
    for page in pages:
        response = admin_client.get(page)
        assert response.status_code == 200, page
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy
        html = response.content.decode()
        assert not re.search(r"\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=", html), page


def test_a_large_body_is_refused_before_it_is_read(client):
    # Content-Length says 200 MB; the body is never read (reading it would fail here)
    response = client.post("/admin/login/", data=b"x", content_type="multipart/form-data; "
                           "boundary=b", CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413
    assert "يتجاوز الحد المسموح" in response.content.decode()


def test_the_upload_page_refuses_a_body_past_its_own_limit(admin_client, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    big = SimpleUploadedFile("a.jsonl", b'{"text": "x"}\n' * 100_000)
    response = admin_client.post("/admin/archive/ingestionbatch/upload/", {"file": big})
    assert response.status_code == 413


def test_an_upload_just_past_the_limit_shows_two_different_sizes(admin_client, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    just_over = SimpleUploadedFile("a.jsonl", b"x" * (1024 * 1024 + 1))
    page = admin_client.post("/admin/archive/ingestionbatch/upload/", {"file": just_over})
    assert page.status_code == 200
    assert ("حجم الملف 1,048,577 بايت يتجاوز الحد المسموح 1,048,576 بايت"
            in page.content.decode())
