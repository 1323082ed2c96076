"""The map's and the charts' JSON (/api/incidents/map/, /api/incidents/series/): the
incidents table's filters, every incident accounted for, bounded answers."""
import datetime as dt

import pytest
from django.core.cache import cache

from archive import incident_visuals
from archive.incident_visuals import choose_step
from archive.models import Event, Incident, Place
from archive.services.linking import relink
from tests.site.conftest import make_article, make_event

pytestmark = pytest.mark.django_db


def incident_of(event) -> int:
    return Event.objects.get(pk=event.pk).incident_id


def located(archive):
    """Coordinates for Mosul (a city) and Iraq (a country); the village has none."""
    Place.objects.filter(pk=archive.mosul.pk).update(latitude=36.34, longitude=43.13)
    Place.objects.filter(pk=archive.iraq.pk).update(latitude=33.2, longitude=43.7)


def filters(archive) -> list[dict]:
    return [{}, {"actor": archive.isis.pk}, {"place": archive.kirkuk.pk}, {"type": "airstrike"},
            {"killed_min": 3}, {"q": "الموصل"}, {"actor": archive.army.pk, "type": "attack"}]


def test_the_map_and_the_series_add_up_to_the_incidents_table_for_every_filter(archive, client):
    located(archive)
    for params in filters(archive):
        totals = client.get("/incidents/", params).context["totals"]
        points = client.get("/api/incidents/map/", params).json()
        bars = client.get("/api/incidents/series/", params).json()
        on_map = sum(p["n"] for p in points["points"])
        assert (points["total"], on_map + points["unlocated"]) == (totals["n"], totals["n"]), params
        assert points["killed"] == (totals["killed"] or 0)
        cells = [c for p in bars["periods"] for t in p["types"].values()
                 for c in (t["exact"], t["approximate"])]
        assert sum(c["n"] for c in cells) + bars["undated"]["n"] == totals["n"], params
        assert sum(c["killed"] for c in cells) + bars["undated"]["killed"] == (
            totals["killed"] or 0), params


def test_the_map_shows_how_precisely_each_incident_is_located(archive, client):
    located(archive)
    body = client.get("/api/incidents/map/").json()
    by_place = {p["place"]: p for p in body["points"]}
    assert by_place[archive.mosul.pk]["precision"] == "town"
    assert by_place[archive.hawija.pk]["precision"] == "area"
    assert by_place[archive.mosul.pk]["killed"] == 7
    listed = by_place[archive.mosul.pk]["incidents"]
    assert [i["id"] for i in listed] == [incident_of(archive.airstrike)]
    assert listed[0]["type"] == "airstrike" and listed[0]["date"] == "2017-01-19"
    assert body["types"]["airstrike"] == "غارة جوية"
    no_coordinates = Incident.objects.filter(place__latitude=None).count()
    assert no_coordinates >= 1  # the village has none
    assert body["unlocated"] == no_coordinates
    Incident.objects.filter(pk=incident_of(archive.airstrike)).update(place=archive.iraq)
    cache.clear()  # an update() leaves updated_at, so the cached answer would stand
    again = {p["place"]: p for p in client.get("/api/incidents/map/").json()["points"]}
    assert again[archive.iraq.pk]["precision"] == "country"


def test_the_series_counts_undated_incidents_apart_and_marks_publication_dates(archive,
                                                                                client):
    Incident.objects.filter(pk=incident_of(archive.hostile)).update(date=None)
    Incident.objects.filter(pk=incident_of(archive.airstrike)).update(
        date_precision="publication")
    Incident.objects.filter(pk=incident_of(archive.bomb)).update(date=None)  # published 6/3
    body = client.get("/api/incidents/series/", {"step": "month"}).json()
    assert body["step"] == "month"
    assert body["undated"] == {"n": 1, "killed": 2}  # no date, no publication day
    march = next(p for p in body["periods"] if p["start"] == "2016-03-01")
    assert march["types"]["explosion"]["approximate"]["n"] == 1
    january = next(p for p in body["periods"] if p["start"] == "2017-01-01")
    assert january["types"]["airstrike"]["approximate"] == {"n": 1, "killed": 7}
    assert january["types"]["airstrike"]["exact"] == {"n": 0, "killed": 0}
    starts = [p["start"] for p in body["periods"]]
    assert starts[0] == "2016-03-01" and starts[-1] == "2017-01-01"
    assert len(starts) == 11  # every month, the empty ones too
    weeks = client.get("/api/incidents/series/", {"step": "week",
                                                  "place": archive.kirkuk.pk}).json()
    assert weeks["step"] == "week"
    assert weeks["periods"][0]["start"] == "2016-02-29"  # the Monday of 6 March 2016


def test_bad_filters_and_steps_get_a_clear_400(archive, client):
    for url in ("/api/incidents/map/", "/api/incidents/series/"):
        response = client.get(url, {"killed_min": "abc"})
        assert response.status_code == 400 and "killed_min" in response.json()["errors"]
    response = client.get("/api/incidents/series/", {"step": "decade"})
    assert response.status_code == 400 and "step" in response.json()["errors"]


def test_a_series_goes_coarser_rather_than_past_its_bound():
    start = dt.date(2000, 1, 3)
    assert choose_step(start, start + dt.timedelta(days=60), "auto") == "week"
    assert choose_step(start, start + dt.timedelta(days=400), "auto") == "month"
    assert choose_step(start, dt.date(2020, 1, 1), "week") == "month"  # 1,000+ weeks
    assert choose_step(start, dt.date(2030, 1, 1), "auto") == "year"
    assert choose_step(dt.date(1900, 1, 1), dt.date(2020, 1, 1), "month") == "year"


def test_the_map_answer_is_bounded_and_says_what_it_left_off(archive, client, monkeypatch):
    located(archive)
    monkeypatch.setattr(incident_visuals, "MAX_PLACES", 1)
    monkeypatch.setattr(incident_visuals, "PER_POINT", 0)
    body = client.get("/api/incidents/map/").json()
    assert len(body["points"]) == 1 and body["places_left_off"] >= 1
    assert body["points"][0]["incidents"] == [] and body["points"][0]["n"] >= 1


def test_the_pages_ask_the_map_for_their_own_filters(archive, client):
    html = client.get("/incidents/", {"type": "attack", "page": 2, "sort": "date"}).content
    assert b'data-query="type=attack"' in html
    html = client.get(f"/actors/{archive.isis.pk}/").content.decode()
    assert f'data-query="actor={archive.isis.pk}"' in html
    html = client.get(f"/places/{archive.kirkuk.pk}/").content.decode()
    assert f'data-query="place={archive.kirkuk.pk}"' in html
    for scope, obj in (("actors", archive.isis), ("places", archive.kirkuk)):
        totals = client.get(f"/{scope}/{obj.pk}/").context["totals"]
        query = {scope[:-1]: obj.pk}
        assert client.get("/api/incidents/map/", query).json()["total"] == totals["n"]
        assert client.get("/api/incidents/series/", query).json()["totals"] == {
            "n": totals["n"], "killed": totals["killed"] or 0}
    assert 'class="visuals"' in client.get("/events/").content.decode()
    assert 'class="visuals"' not in client.get("/incidents/", {"killed_min": "x"}).content.decode()


def test_a_new_report_shows_on_the_map_and_chart_at_once_despite_the_cache(archive, client):
    before = client.get("/api/incidents/map/").json()["total"]
    series_before = client.get("/api/incidents/series/").json()["totals"]["n"]
    article = make_article(title="خبر جديد", text="هجوم جديد في منطقة بعيدة أوقع قتيلين.",
                           published=dt.date(2019, 2, 2))
    event = make_event(article, words="هجوم جديد", killed=2, date=dt.date(2019, 2, 1))
    relink(event_ids=[event.pk])
    assert client.get("/api/incidents/map/").json()["total"] == before + 1
    assert client.get("/api/incidents/series/").json()["totals"]["n"] == series_before + 1


def test_each_point_lists_its_deadliest_incidents_first(archive, client, monkeypatch):
    located(archive)
    for n, killed in enumerate((1, 20)):
        article = make_article(title=f"خبر {n}", text=f"غارة رقم {n} على المدينة.",
                               published=dt.date(2020, 1, 1 + 10 * n))
        event = make_event(article, words=f"غارة رقم {n}", type="airstrike", killed=killed,
                           place=archive.mosul, date=dt.date(2020, 1, 1 + 10 * n))
        relink(event_ids=[event.pk])
    monkeypatch.setattr(incident_visuals, "PER_POINT", 2)
    points = {p["place"]: p for p in client.get("/api/incidents/map/").json()["points"]}
    mosul = points[archive.mosul.pk]
    assert mosul["n"] == 3 and mosul["killed"] == 28
    assert [i["killed"] for i in mosul["incidents"]] == [20, 7]
