"""The analyst's workbench in the system Chromium, on the seeded site: pick a place by
typing part of its name, then an actor, and the table, the chips and the CSV agree;
switch to English and back; review a report as staff; a phone at 390 px; and nothing
is loaded from another host."""
import csv
import io
import pathlib
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from archive.models import Event
from tests.site.conftest import build_archive

pytestmark = [pytest.mark.browser]
ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"


@pytest.fixture
def seeded(transactional_db):
    call_command("load_reference", verbosity=0)
    call_command("ingest", str(ROOT / "sample_data"), verbosity=0)
    return build_archive()


@pytest.fixture
def docs():
    DOCS.mkdir(parents=True, exist_ok=True)
    return DOCS


def incident_ids(page) -> set[int]:
    return {int(i) for i in page.locator("tr[data-incident-id]").evaluate_all(
        "rows => rows.map(r => r.dataset.incidentId)")}


def pick(page, kind: str, typed: str, choose: str):
    page.fill(f"#{kind}-picker", typed)
    option = page.locator(f"#{kind}-options [role=option]", has_text=choose).first
    option.wait_for()
    with page.expect_navigation():
        option.dispatch_event("mousedown")


def test_picking_a_place_then_an_actor_filters_the_table_the_chips_and_the_csv(
        live_server, page, seeded, docs):
    page.goto(f"{live_server.url}/incidents/")
    pick(page, "place", "حويج", "الحويجة")
    assert f"place={seeded.hawija.pk}" in page.url
    chain = seeded.hawija.name_ar
    assert page.locator(".chips [data-chip=place]").inner_text().startswith("المكان: " + chain)
    pick(page, "actor", "الحشد", "الحشد الشعبي")
    assert f"actor={seeded.pmf.pk}" in page.url and f"place={seeded.hawija.pk}" in page.url
    assert "=&" not in page.url and not page.url.endswith("=")  # only what is set
    chips = page.locator(".chips li[data-chip]").all_inner_texts()
    assert len(chips) == 2 and any("الحشد الشعبي" in c for c in chips)
    shown = incident_ids(page)
    assert shown and Event.objects.get(pk=seeded.hostile.pk).incident_id in shown
    page.screenshot(path=docs / "workbench-picked.png", full_page=True)

    with page.expect_download() as download:
        page.click("a.export")
    body = pathlib.Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {int(r["incident_id"]) for r in rows} == shown

    with page.expect_navigation():  # removing a chip keeps the other criterion
        page.click(".chips [data-chip=actor] a")
    assert f"place={seeded.hawija.pk}" in page.url and "actor=" not in page.url


def test_typing_a_folded_spelling_finds_the_place_with_its_chain(live_server, page, seeded):
    page.goto(f"{live_server.url}/events/")
    page.fill("#place-picker", "بالحويجه")
    option = page.locator("#place-options [role=option]").first
    option.wait_for()
    assert "الحويجة" in option.inner_text() and "كركوك › العراق" in option.inner_text()


def test_switching_to_english_and_back(live_server, page, seeded, docs):
    page.goto(f"{live_server.url}/incidents/")
    with page.expect_navigation():
        page.click(".language-switch a")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Incidents"
    page.screenshot(path=docs / "incidents-english.png", full_page=True)
    page.goto(f"{live_server.url}/events/")  # remembered
    assert page.locator("html").get_attribute("dir") == "ltr"
    with page.expect_navigation():
        page.click(".language-switch a")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "الأحداث"


def test_staff_review_a_report_from_the_article_page(live_server, page, seeded, docs):
    User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    page.goto(f"{live_server.url}/admin/login/?next=/articles/{seeded.mosul_article.pk}/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "a-long-test-password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    row = page.locator(f"tr#event-{seeded.airstrike.pk}")
    assert row.get_attribute("data-review") in ("needs", "unreviewed")
    row.locator("details.review summary").click()
    with page.expect_navigation():
        row.locator("button[value=confirm]").click()
    row = page.locator(f"tr#event-{seeded.airstrike.pk}")
    assert row.get_attribute("data-review") == "reviewed"
    assert page.locator(".message").is_visible()
    page.screenshot(path=docs / "review.png", full_page=True)
    assert Event.objects.get(pk=seeded.airstrike.pk).reviewed is True


def test_the_workbench_fits_a_phone(live_server, page, seeded, docs):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/incidents/?actor={seeded.isis.pk}&place={seeded.kirkuk.pk}"
              "&killed_min=1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".chips li[data-chip]").count() == 3
    page.click("details.filters > summary")
    assert page.locator("input[name=killed_min]").is_visible()  # not hidden on a phone
    assert page.locator("#place-picker").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=docs / "workbench-phone.png", full_page=True)


def test_no_page_loads_anything_from_another_host(live_server, page, seeded):
    host = urlparse(live_server.url).netloc
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlparse(request.url).netloc not in (host, "") and
            not request.url.startswith("data:") else None)
    for path in ("/", "/incidents/", "/events/", "/search/?q=كركوك",
                 f"/actors/{seeded.isis.pk}/", f"/places/{seeded.kirkuk.pk}/",
                 f"/articles/{seeded.kirkuk_article.pk}/", "/admin/login/"):
        page.goto(live_server.url + path)
    page.goto(f"{live_server.url}/incidents/")
    page.fill("#actor-picker", "داعش")
    page.locator("#actor-options [role=option]").first.wait_for()
    assert elsewhere == []
