"""Public pages are served from the cache until the data changes, and never to staff."""
import pytest
from django.core.cache import cache

from archive.services.ingestion import ingest_records
from archive.services.readers import Record

from .conftest import fake_extract
from .sentences import BOMB, CLASH

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.MARSAD_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def _ingest(text):
    ingest_records(records=[Record(text=text, file="f", line=1)], source="t",
                   extractor=fake_extract)


def test_a_public_page_is_rendered_once_until_the_next_ingest(client, kirkuk, page_cache):
    _ingest(BOMB)
    first, second = client.get("/events/"), client.get("/events/")
    assert (first["X-Marsad-Cache"], second["X-Marsad-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    _ingest(CLASH)
    after = client.get("/events/")
    assert after["X-Marsad-Cache"] == "miss"
    assert after.content != first.content


def test_each_query_string_is_its_own_page(client, kirkuk, page_cache):
    _ingest(BOMB)
    client.get("/api/events/?killed_min=1")
    assert client.get("/api/events/?killed_min=2")["X-Marsad-Cache"] == "miss"
    assert client.get("/api/events/?killed_min=1")["X-Marsad-Cache"] == "hit"


def test_staff_pages_and_csv_downloads_are_never_cached(admin_client, client, page_cache):
    assert "X-Marsad-Cache" not in admin_client.get("/events/")
    assert "X-Marsad-Cache" not in admin_client.get("/events/")
    client.get("/events/export.csv")
    assert "X-Marsad-Cache" not in client.get("/events/export.csv")


def test_without_a_lifetime_nothing_is_cached(client, settings):
    settings.MARSAD_PAGE_CACHE_SECONDS = 0
    assert "X-Marsad-Cache" not in client.get("/")
