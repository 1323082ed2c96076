"""CSV export: exactly the filtered set, streamed, BOM, inert formulas, ACLED-like columns."""
import csv
import io

from archive.export import COLUMNS, inert


def read_csv(response):
    assert response.streaming
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_export_has_acled_like_columns_and_a_bom(archive, client):
    response = client.get("/events/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == COLUMNS
    assert {"event_id", "event_date", "event_type", "actor1", "actor2", "location", "admin1",
            "latitude", "longitude", "fatalities_best", "injured", "source", "source_url",
            "notes"} <= set(COLUMNS)


def test_a_row_carries_the_event_its_place_hierarchy_and_evidence(archive, client):
    rows = {int(r["event_id"]): r for r in read_csv(client.get("/events/export.csv"))}
    clash = rows[archive.clash.pk]
    assert clash["event_date"] == "2016-03-06"
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["marsad_type"], clash["type_label"]) == ("armed_clash", "اشتباك مسلح")
    assert clash["country"] == "العراق" and clash["date_precision"] == "day"
    assert clash["actor1"] == "الجيش العراقي" and clash["actor2"] == "تنظيم داعش"
    assert clash["location"] == "قرية الزاب"
    assert clash["admin1"] == "كركوك" and clash["admin2"] == "الحويجة"
    assert clash["fatalities_best"] == "3" and clash["injured"] == ""
    assert clash["notes"] == "اشتبك الجيش العراقي مع مسلحي تنظيم داعش فقتل ثلاثة"
    bomb = rows[archive.bomb.pk]
    assert (bomb["latitude"], bomb["longitude"]) == ("35.47", "44.39")
    assert bomb["source_url"] == "https://example.org/kirkuk"


def test_the_export_is_exactly_the_filtered_set(archive, client):
    params = {"actor": archive.isis.pk, "killed_min": 4, "sort": "-killed"}
    page = client.get("/events/", params)
    table = [e.pk for e in page.context["page"].object_list]
    rows = read_csv(client.get("/events/export.csv", params))
    assert [int(r["event_id"]) for r in rows] == table == [archive.airstrike.pk, archive.bomb.pk]


def test_the_search_export_holds_the_events_of_the_matching_articles(archive, client):
    rows = read_csv(client.get("/search/export.csv", {"q": "كركوك"}))
    assert {int(r["event_id"]) for r in rows} == {archive.bomb.pk, archive.clash.pk}


def test_cells_that_look_like_formulas_are_made_inert(archive, client):
    rows = {int(r["event_id"]): r for r in read_csv(client.get("/events/export.csv"))}
    hostile = rows[archive.hostile.pk]
    assert hostile["notes"].startswith("'=HYPERLINK(")
    assert hostile["source"] == "'@evil"
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert inert(value) == "'" + value
    assert inert(5) == "5" and inert("كركوك") == "كركوك" and inert(None) == ""


def test_an_empty_export_still_has_its_header(archive, client):
    rows = read_csv(client.get("/events/export.csv", {"killed_min": 1000}))
    assert rows == []


def test_a_row_says_how_far_to_trust_it(archive, client):
    from archive.models import Event

    Event.objects.filter(pk=archive.clash.pk).update(confidence=0.4)
    Event.objects.filter(pk=archive.bomb.pk).update(confidence=0.9, reviewed=True)
    rows = {int(r["event_id"]): r for r in read_csv(client.get("/events/export.csv"))}
    assert (rows[archive.clash.pk]["confidence"], rows[archive.clash.pk]["review_status"]) == (
        "0.4", "needs_review")
    assert rows[archive.bomb.pk]["review_status"] == "reviewed"
