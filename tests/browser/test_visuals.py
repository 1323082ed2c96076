"""The map and the charts in the system Chromium, on the seeded site: markers and bars
add up to the table and to its CSV for a filter, a marker lists its incidents, the phone
layout at 390 px, nothing fetched from another host and no CSP violation."""
import csv
import datetime as dt
import io
import os
import pathlib
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from archive import incident_visuals
from archive.models import Event, Place
from archive.services.linking import relink
from tests.site.conftest import build_archive, make_article, make_event

pytestmark = [pytest.mark.browser]
ROOT = pathlib.Path(__file__).resolve().parents[2]
VENDORED = [ROOT / "static" / "vendor" / "leaflet" / "leaflet.js",
            ROOT / "static" / "vendor" / "basemap.geojson"]
# (place key, type, killed, date): reports of our own, to spread the map and the weeks
MORE = [("sy.aleppo.al_khafsah", "airstrike", 4, dt.date(2016, 3, 14)),
        ("sy.aleppo", "shelling", 2, dt.date(2016, 3, 21)),
        ("sy.idlib", "airstrike", 9, dt.date(2016, 4, 2)),
        ("sy", "armed_clash", 1, dt.date(2016, 4, 9)),
        ("iq.kirkuk.dibis.dibis", "attack", 3, None),
        ("sy.damascus", "explosion", 12, dt.date(2016, 5, 1))]


@pytest.fixture
def vendored():
    missing = [str(p.relative_to(ROOT)) for p in VENDORED if not p.exists()]
    if missing:
        message = (f"{', '.join(missing)} missing: scripts/install builds static/vendor/ "
                   "(npm ci --omit=dev, then scripts/vendor_static.py)")
        if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def seeded(transactional_db, vendored):
    call_command("load_reference", verbosity=0)
    call_command("ingest", str(ROOT / "sample_data"), verbosity=0)
    archive = build_archive()
    ids = []
    for n, (key, kind, killed, day) in enumerate(MORE):
        article = make_article(title=f"تقرير تجريبي {n}", text=f"نص تجريبي رقم {n} عن حادثة.",
                               published=day or dt.date(2016, 4, 20))
        event = make_event(article, words=f"نص تجريبي رقم {n}", type=kind, killed=killed,
                           place=Place.objects.get(key=key), date=day)
        if day is None:
            Event.objects.filter(pk=event.pk).update(date_precision="publication")
        ids.append(event.pk)
    relink(event_ids=ids)
    return archive


def watch(page, origin: str) -> dict:
    """Every request the page makes, and every CSP complaint in the console."""
    seen = {"requests": [], "violations": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: seen["violations"].append(message.text)
            if "Content Security Policy" in message.text else None)
    seen["origin"] = origin
    return seen


def assert_only_our_host(seen):
    foreign = [u for u in seen["requests"]
               if not u.startswith(seen["origin"]) and not u.startswith("data:")]
    assert foreign == []
    assert seen["violations"] == []


def drawn(page) -> dict:
    """What the map and the charts show, once both are drawn."""
    page.wait_for_selector(".map.ready path.incident-marker")
    page.wait_for_selector(".charts[data-bars-n]")
    figures = page.evaluate("""() => {
      const sum = sel => [...document.querySelectorAll(sel)]
        .reduce((t, e) => t + Number(e.getAttribute(e.dataset.n ? 'data-n' : 'data-value')), 0);
      const map = document.querySelector('.map'), charts = document.querySelector('.charts');
      return {markers: sum('.map path.incident-marker'),
              markers_killed: [...document.querySelectorAll('.map path.incident-marker')]
                .reduce((t, e) => t + Number(e.dataset.killed), 0),
              unlocated: Number(map.dataset.unlocated),
              bars_n: sum('svg.chart-n rect.segment'),
              bars_killed: sum('svg.chart-killed rect.segment'),
              undated_n: Number(charts.dataset.undatedN),
              undated_killed: Number(charts.dataset.undatedKilled)};
    }""")
    return figures


def table_total(page) -> int:
    return int(page.locator("#result-count").get_attribute("data-count"))


def test_the_map_and_the_charts_agree_with_the_table_and_the_csv(live_server, page, seeded,
                                                                  screenshots):
    seen = watch(page, live_server.url)
    for query in ("", "?type=airstrike&type=shelling&type=explosion", "?killed_min=3"):
        page.goto(f"{live_server.url}/incidents/{query}")
        figures, n = drawn(page), table_total(page)
        with page.expect_download() as download:
            page.click("a.export")
        rows = list(csv.DictReader(io.StringIO(
            pathlib.Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        killed = sum(int(r["fatalities_best"] or 0) for r in rows)
        assert len(rows) == n, query
        assert figures["markers"] + figures["unlocated"] == n, query
        assert figures["bars_n"] + figures["undated_n"] == n, query
        assert figures["bars_killed"] + figures["undated_killed"] == killed, query
        assert figures["markers_killed"] <= killed
    assert "بلا إحداثيات" in page.locator(".map-note").inner_text()
    page.goto(f"{live_server.url}/incidents/")
    drawn(page)
    page.locator(".visuals").screenshot(path=screenshots / "visuals.png")
    assert page.locator("svg.chart rect.segment.approx").count() >= 1  # dated by publication
    assert "بلا تاريخ" in page.locator(".chart-note").inner_text()
    page.click(".step-switch button[data-step=week]")
    page.wait_for_selector(".charts[data-step=week]")
    assert drawn(page)["bars_n"] + drawn(page)["undated_n"] == table_total(page)
    assert_only_our_host(seen)


def test_a_marker_lists_its_incidents_and_links_to_them(live_server, page, seeded,
                                                        screenshots, monkeypatch):
    seen = watch(page, live_server.url)
    page.goto(f"{live_server.url}/places/{Place.objects.get(key='sy').pk}/")
    drawn(page)
    styles = page.locator(".map path.incident-marker").evaluate_all(
        "paths => paths.map(p => p.getAttribute('class'))")
    assert any("precision-town" in s for s in styles) or any("cluster" in s for s in styles)
    page.locator(".map path.incident-marker").first.click(force=True)
    link = page.locator(".leaflet-popup a[href^='/incidents/']").first
    link.wait_for()
    page.wait_for_timeout(600)  # the map pans the popup into view
    page.locator(".visuals").screenshot(path=screenshots / "place-map.png")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    monkeypatch.setattr(incident_visuals, "PER_POINT", 0)  # every popup: "the rest"
    cache.clear()
    page.goto(f"{live_server.url}/incidents/?type=airstrike")
    drawn(page)
    marker = page.locator(".map path.incident-marker[class*=precision-]").first  # one place
    n = int(marker.get_attribute("data-n"))
    marker.click(force=True)
    more = page.locator(".leaflet-popup a.more")
    more.wait_for()
    page.wait_for_timeout(600)
    assert more.count() == 1
    more.click()
    page.wait_for_url("**place=*")
    assert "type=airstrike" in page.url
    assert table_total(page) == n  # the popup's count is the table's
    page.goto(f"{live_server.url}/incidents/?killed_min=99999")  # nothing to draw
    page.wait_for_selector(".map.ready")
    page.wait_for_selector(".charts[data-bars-n='0']")
    assert "لا حوادث" in page.locator(".charts").inner_text()
    assert page.locator(".map path.incident-marker").count() == 0
    assert_only_our_host(seen)


def test_the_map_and_charts_fit_a_phone(live_server, browser, seeded, screenshots):
    context = browser.new_context(locale="ar-IQ", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    seen = watch(page, live_server.url)
    try:
        page.goto(f"{live_server.url}/actors/{seeded.isis.pk}/")
        figures = drawn(page)
        assert figures["markers"] + figures["unlocated"] >= 1
        box = page.locator(".map").bounding_box()
        assert box["width"] <= 390 and box["height"] >= 200
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator(".map path.incident-marker").first.tap(force=True)
        page.locator(".leaflet-popup a[href^='/incidents/']").first.wait_for()
        page.wait_for_timeout(600)  # the map pans the popup into view
        page.locator(".visuals").screenshot(path=screenshots / "phone-visuals.png")
        assert_only_our_host(seen)
    finally:
        context.close()


ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_in_english_the_map_and_the_charts_speak_english(live_server, page, seeded,
                                                         screenshots):
    """The switch's cookie turns the script's words English too: the notes, the chart
    captions, the legend, a marker's popup and the country names."""
    page.goto(f"{live_server.url}/incidents/")
    page.click(".language-switch a[hreflang=en]")
    page.wait_for_selector("html[lang=en]")
    seen = watch(page, live_server.url)
    page.goto(f"{live_server.url}/incidents/")
    drawn(page)
    charts, notes = page.locator(".charts").inner_text(), page.locator(".chart-note").inner_text()
    assert "Incidents" in charts and "Killed" in charts and "Hatched" in charts
    assert "In the bars:" in notes and "without a date" in notes
    assert "on the map in" in page.locator(".map-note").inner_text()
    page.locator(".visuals").screenshot(path=screenshots / "visuals-english.png")
    page.screenshot(path=screenshots / "incidents-visuals-english.png", full_page=True)
    page.locator(".map path.incident-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup")
    popup.locator("a[href^='/incidents/']").first.wait_for()
    words = popup.locator("p.muted").first.inner_text() + popup.locator("ul").inner_text()
    assert "incident" in words and not ARABIC.search(words.replace(
        popup.locator("h3").first.inner_text(), ""))
    page.click(".step-switch button[data-step=month]")
    page.wait_for_selector(".charts[data-step=month]")
    assert "monthly" in page.locator(".charts figcaption").first.inner_text()
    visible = page.locator(".visuals").inner_text()
    labels = page.locator(".country-label").all_inner_texts()
    assert not ARABIC.search(" ".join(labels))
    assert not ARABIC.search(visible.replace(" ".join(labels), "")), visible
    incident = Event.objects.filter(incident__isnull=False).order_by("-killed_best").first()
    page.goto(f"{live_server.url}/incidents/{incident.incident_id}/")
    drawn(page)
    page.screenshot(path=screenshots / "incident-english.png", full_page=True)
    assert_only_our_host(seen)
