"""The incidents pages, CSV and API: one row per incident, its reports side by side."""
import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from archive.models import Article, Incident
from tests.archive.incident_reports import D, Spec, gazetteer, tell

pytestmark = pytest.mark.django_db
NEXT_DAY = D + dt.timedelta(days=1)


@pytest.fixture
def told(db):
    places = gazetteer()
    first = tell(Spec("wire-1", outlet="وكالة أ", killed=5))
    update = tell(Spec("paper-2", outlet="صحيفة ب", published=NEXT_DAY, date=None, killed=9))
    other = tell(Spec("town-3", place="iq.kirkuk.dibis", killed=1))
    return places, first, update, other


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_incidents_table_counts_each_incident_once(told, client):
    places, first, update, other = told
    response = client.get("/incidents/")
    html = response.content.decode()
    assert response.status_code == 200
    totals = response.context["totals"]
    assert (totals["n"], totals["killed"], totals["reports"]) == (2, 10, 3)  # 9 + 1, not 15
    assert f'id="incident-{first.incident_id}"' in html
    assert 'href="/events/"' in html  # the switch to individual reports
    assert "5–9" in html  # the range across reports
    assert {row["n"] for row in response.context["facets"]["types"]} == {2}


def test_the_incidents_table_takes_the_events_filters(told, client):
    places, first, update, other = told
    by_place = client.get("/incidents/", {"place": places["dibis"].pk}).context["page"]
    assert [i.pk for i in by_place.object_list] == [other.incident_id]
    by_toll = client.get("/incidents/", {"killed_min": 7}).context["page"]  # best is 9
    assert [i.pk for i in by_toll.object_list] == [first.incident_id]
    by_outlet = client.get("/incidents/", {"outlet": "صحيفة ب"}).context["page"]
    assert [i.pk for i in by_outlet.object_list] == [first.incident_id]
    assert client.get("/incidents/", {"killed_min": "abc"}).status_code == 400


def test_the_incident_page_shows_its_reports_side_by_side(told, client):
    places, first, update, other = told
    html = client.get(f"/incidents/{first.incident_id}/").content.decode()
    assert "وكالة أ" in html and "صحيفة ب" in html
    assert f'/articles/{first.article_id}/#evidence-{first.pk}' in html
    assert f'/articles/{update.article_id}/#evidence-{update.pk}' in html
    assert "مؤكد من أكثر من مصدر" in html and "5–9" in html
    assert client.get("/incidents/999999/").status_code == 404


def test_the_incidents_csv_has_one_row_per_incident(told, client):
    places, first, update, other = told
    rows = {int(r["incident_id"]): r for r in read_csv(client.get("/incidents/export.csv"))}
    row = rows[first.incident_id]
    assert (row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]) == (
        "5", "9", "9")
    assert (row["reports"], row["outlets"], row["event_ids"]) == (
        "2", "2", f"{first.pk} {update.pk}")
    assert len(rows) == 2


def test_the_incidents_api_names_each_report_article_and_span(told, client):
    places, first, update, other = told
    data = client.get("/api/incidents/", {"place": places["hawija"].pk}).json()
    [incident] = data["results"]
    assert incident["killed"] == {"low": 5, "best": 9, "high": 9}
    assert (incident["n_reports"], incident["grade"]) == (2, "corroborated")
    reports = {r["article"]["external_id"]: r for r in incident["reports"]}
    assert set(reports) == {"wire-1", "paper-2"}
    assert reports["wire-1"]["evidence"] == {"start": first.evidence_start,
                                             "end": first.evidence_end}
    assert client.get("/api/incidents/", {"date_from": "2020-13-45"}).status_code == 400


def test_updated_since_returns_changes_and_deletions_on_both_apis(told, client):
    places, first, update, other = told
    since = timezone.now()
    tell(Spec("late-4", outlet="ج", published=NEXT_DAY, date=None, killed=11))
    Article.objects.get(external_id="town-3").delete()

    incidents = client.get("/api/incidents/", {"updated_since": since.isoformat()}).json()
    assert [i["id"] for i in incidents["results"]] == [first.incident_id]
    assert incidents["results"][0]["killed"]["best"] == 11
    assert incidents["deleted"] == [other.incident_id]
    events = client.get("/api/events/", {"updated_since": since.isoformat()}).json()
    assert [e["article"]["title"] for e in events["results"]] == ["late-4"]
    assert events["deleted"] == [other.pk]
    assert "deleted" not in client.get("/api/events/").json()
    bad = client.get("/api/incidents/", {"updated_since": "yesterday"})
    assert bad.status_code == 400 and "updated_since" in bad.json()["errors"]
    assert not Incident.objects.filter(pk=other.incident_id).exists()


def test_incident_listings_run_a_bounded_number_of_queries(told, client,
                                                           django_assert_max_num_queries):
    for url, limit in (("/incidents/", 10), ("/api/incidents/?page_size=200", 6),
                       ("/incidents/1/", 6)):
        with django_assert_max_num_queries(limit):
            client.get(url)


def test_the_home_page_counts_incidents_not_reports(told, client):
    places, first, update, other = told
    context = client.get("/").context
    assert (context["n_events"], context["n_incidents"], context["n_killed"]) == (3, 2, 10)
    assert {p.name_ar: p.n for p in context["top_places"]} == {"الحويجة": 1, "الدبس": 1}
    assert [(a.key, a.n) for a in context["top_actors"]] == [("isis", 2)]


def test_postgresql_counts_outlets_and_actors_from_the_incidents_own_lists_as_from_reports(
        told):
    from django.db import connection

    from archive.incident_listing import _summary_by_queries, _summary_postgresql
    from archive.models import Incident

    if connection.vendor != "postgresql":
        pytest.skip("the stored lists are read as PostgreSQL arrays")
    both = tell(Spec("both-4", place="iq.kirkuk.dibis", initiator="police", target="police"))
    police = Incident.objects.get(pk=both.incident_id).actors[-1]["id"]
    for incidents in (Incident.objects.all(), Incident.objects.filter(killed_best__gte=1)):
        (totals, stored), (joined_totals, joined) = (
            _summary_postgresql(incidents, 12), _summary_by_queries(incidents, 12))
        assert stored["outlets"] == joined["outlets"] and stored["outlets"]
        assert stored["actors"] == joined["actors"] and stored["actors"]
        assert [a["n"] for a in stored["actors"] if a["actor_id"] == police] == [1]  # two roles
        # the one statement's totals, ranges, types and places are the queries' too
        assert totals == joined_totals and totals["n"]
        assert stored["places"] == joined["places"] and stored["places"]
        assert sorted(stored["types"], key=str) == sorted(joined["types"], key=str)
