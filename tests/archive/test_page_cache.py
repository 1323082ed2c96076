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


def _table(response) -> str:
    html = response.content.decode()
    return html[html.index("<table"):html.index("</table>")]


def _rows_only(settings):
    """The page cache on, but emptied before each page: what is reused is the rows."""
    from django.core.cache import caches

    caches["rows"].clear()
    cache.clear()


def test_listing_rows_are_rendered_once_per_version_and_carry_each_pages_filters(
        client, kirkuk, page_cache, settings):
    from archive.models import Actor

    _rows_only(settings)
    _ingest(BOMB)
    first = _table(client.get("/events/?killed_min=1"))
    isis = Actor.objects.get(key="isis")
    assert isis.name_ar in first and f'href="/actors/{isis.pk}/?killed_min=1"' in first
    Actor.objects.filter(pk=isis.pk).update(name_ar="اسم جديد")  # no new version
    cache.clear()
    second = _table(client.get("/events/?killed_min=2"))
    assert "اسم جديد" not in second  # the row as rendered for the first page …
    assert f'href="/actors/{isis.pk}/?killed_min=2"' in second  # … with this page's filters
    assert "killed_min=1" not in second
    _ingest(CLASH)  # a new version of the data: rows rendered afresh
    assert "اسم جديد" in _table(client.get("/events/?killed_min=2"))
    incidents = _table(client.get("/incidents/?killed_min=2"))
    assert "اسم جديد" in incidents and f'href="/actors/{isis.pk}/?killed_min=2"' in incidents


def test_cached_rows_give_the_page_a_fresh_render_gives(client, kirkuk, page_cache, settings):
    _ingest(BOMB)
    _ingest(CLASH)
    for path in ("/events/?sort=-killed", "/incidents/?type=attack", "/events/?page=1"):
        for language in ("ar", "en"):
            client.cookies["marsad_language"] = language
            _rows_only(settings)
            client.get(path)  # fills the rows
            cache.clear()
            from_rows = client.get(path).content
            settings.MARSAD_PAGE_CACHE_SECONDS = 0
            fresh = client.get(path).content
            settings.MARSAD_PAGE_CACHE_SECONDS = 60
            assert from_rows == fresh


def test_rows_with_a_review_form_are_never_cached(admin_client, kirkuk, page_cache):
    from archive.models import Actor, Article

    _ingest(BOMB)
    article = Article.objects.get()
    admin_client.get(f"/articles/{article.pk}/")
    Actor.objects.filter(key="isis").update(name_ar="اسم جديد")
    assert "اسم جديد" in _table(admin_client.get(f"/articles/{article.pk}/"))


def _chosen_lookups(client, path) -> tuple[list[str], str]:
    """The queries reading the filter's chosen actors and place (whole rows of the
    table itself, `key` included: the facets and rows read names or join), and the
    page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    return [q["sql"] for q in queries.captured_queries
            if any(f'"{t}"."key"' in q["sql"] and f'FROM "{t}" WHERE' in q["sql"]
                   for t in ("archive_actor", "archive_place"))], page


def test_the_chosen_actor_and_place_are_read_once_per_version_of_the_data(
        client, kirkuk, page_cache):
    from archive.models import Actor

    _ingest(BOMB)
    isis = Actor.objects.get(key="isis")
    query = f"actor={isis.pk}&place={kirkuk.pk}"
    first, _ = _chosen_lookups(client, f"/events/?{query}&killed_min=1")
    later, page = _chosen_lookups(client, f"/incidents/?{query}&killed_min=2")
    assert len(first) == 2 and later == []
    assert f'data-chip="actor">{isis.name_ar}' in page.replace("الجهة: ", "")
    assert f'<input type="hidden" name="place" value="{kirkuk.pk}">كركوك' in page
    _ingest(CLASH)  # a new version of the data: read again
    assert len(_chosen_lookups(client, f"/events/?{query}&killed_min=3")[0]) == 2


def test_names_are_read_once_per_version_of_the_data(kirkuk, page_cache,
                                                      django_assert_num_queries):
    from archive.models import Place
    from archive.page_cache import names

    with django_assert_num_queries(2):  # the version, the names
        assert names(Place, [kirkuk.pk, 10**9]) == {kirkuk.pk: "كركوك"}
    Place.objects.filter(pk=kirkuk.pk).update(name_ar="اسم جديد")  # no new version
    with django_assert_num_queries(2):  # the version again (checked every time in tests)
        assert names(Place, [kirkuk.pk, kirkuk.parent_id]) == {kirkuk.pk: "كركوك",
                                                               kirkuk.parent_id: "العراق"}
    _ingest(BOMB)
    assert names(Place, [kirkuk.pk]) == {kirkuk.pk: "اسم جديد"}


def _row_reads(client, path) -> int:
    """The queries reading the events table's rows (only they read `place_text`)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum('"place_text"' in q["sql"] for q in queries.captured_queries)


def test_a_page_reads_only_the_rows_the_cache_lacks_and_shows_what_a_fresh_render_shows(
        client, kirkuk, page_cache, settings):
    _ingest(BOMB)
    _ingest(CLASH)
    _rows_only(settings)
    assert _row_reads(client, "/events/?killed_min=5") == 1
    cache.clear()  # the page and its figures, not the rows
    assert _row_reads(client, "/events/?killed_min=5&sort=killed") == 0
    cache.clear()
    assert _row_reads(client, "/events/?killed_min=1") == 1  # and a row no page has shown
    for path, first in (("/events/", "/events/?killed_min=5"),
                        ("/incidents/", "/incidents/?killed_min=5")):
        _rows_only(settings)
        assert client.get(first).content.count(b"<tr") == 2  # one of the two rows
        cache.clear()
        mixed = client.get(path).content
        settings.MARSAD_PAGE_CACHE_SECONDS = 0
        assert client.get(path).content == mixed
        settings.MARSAD_PAGE_CACHE_SECONDS = 60

