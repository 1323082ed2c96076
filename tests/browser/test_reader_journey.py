"""A new user's journey through the seeded site, in the system Chromium: search كركوك,
filter by an actor and a minimum killed count, open an article and see its highlighted
evidence, export the table and find the same rows in the CSV."""
import csv
import io
import pathlib

import pytest
from django.core.management import call_command

from tests.site.conftest import build_archive

pytestmark = [pytest.mark.browser]
ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(transactional_db):
    call_command("load_reference", verbosity=0)
    call_command("ingest", str(ROOT / "sample_data"), verbosity=0)
    return build_archive()


def table_ids(page) -> list[int]:
    return [int(i) for i in page.locator("table.events-table tbody tr[data-event-id]")
            .evaluate_all("rows => rows.map(r => r.dataset.eventId)")]


def test_a_reader_searches_filters_reads_and_exports(live_server, page, seeded, screenshots):
    page.goto(live_server.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=screenshots / "home.png", full_page=True)

    page.fill(".big-search input[name=q]", "كركوك")
    page.click(".big-search button")
    page.wait_for_url("**/search/?q=*")
    marks = page.locator(".snippet mark")
    assert marks.count() >= 1
    assert "كركوك" in marks.first.inner_text()
    page.screenshot(path=screenshots / "search.png", full_page=True)

    page.goto(f"{live_server.url}/events/")
    page.click(f".facet a:text-is('{seeded.isis.name_ar}')")
    page.wait_for_url(f"**actor={seeded.isis.pk}*")
    page.fill("input[name=killed_min]", "4")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**killed_min=4*")
    assert f"actor={seeded.isis.pk}" in page.url
    ids = table_ids(page)
    assert {seeded.bomb.pk, seeded.airstrike.pk} <= set(ids)
    assert seeded.clash.pk not in ids  # 3 killed
    for cell in page.locator("td[data-label=القتلى]").all_inner_texts():
        assert int(cell.split()[0].replace(",", "")) >= 4
    page.screenshot(path=screenshots / "events-filtered.png", full_page=True)

    with page.expect_download() as download:
        page.click("a.export")
    body = pathlib.Path(download.value.path()).read_bytes()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [int(r["event_id"]) for r in rows] == ids

    page.click(f"tr#event-{seeded.bomb.pk} td.source a")
    page.wait_for_url(f"**/articles/{seeded.kirkuk_article.pk}/*")
    evidence = page.locator(f"a.evidence[href='#event-{seeded.bomb.pk}']")
    assert evidence.first.is_visible()
    assert "قُتل خمسة" in evidence.first.inner_text()
    page.screenshot(path=screenshots / "article.png", full_page=True)
    evidence.first.click()
    assert page.url.endswith(f"#event-{seeded.bomb.pk}")

    page.goto(f"{live_server.url}/actors/{seeded.isis.pk}/")
    assert page.locator(".timeline .bar").count() >= 2
    page.screenshot(path=screenshots / "actor.png", full_page=True)
    page.goto(f"{live_server.url}/places/{seeded.kirkuk.pk}/")
    page.screenshot(path=screenshots / "place.png", full_page=True)


def test_a_bad_filter_shows_a_message_not_an_error_page(live_server, page, seeded):
    page.goto(f"{live_server.url}/events/?killed_min=abc&date_from=2020-13-45")
    alert = page.locator("[role=alert]")
    assert alert.is_visible()
    assert alert.locator("li").count() == 2


def test_the_events_table_fits_a_phone(live_server, page, seeded, screenshots):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/events/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=screenshots / "events-phone.png")
