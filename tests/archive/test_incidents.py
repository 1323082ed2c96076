"""Linking reports into incidents as they are stored (archive/services/linking.py)."""
import datetime as dt
import random

import pytest

from archive.models import Article, Deletion, Event, Incident
from archive.services.linking import relink

from .incident_reports import D, Spec, grouping, tell

pytestmark = pytest.mark.django_db
NEXT_DAY = D + dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def test_two_outlets_telling_one_attack_make_one_corroborated_incident(places):
    first = tell(Spec("a", outlet="وكالة أ", killed=5))
    second = tell(Spec("b", outlet="صحيفة ب", place="iq.kirkuk", date=None, killed=5))

    assert first.incident_id == second.incident_id
    incident = Incident.objects.get()
    assert (incident.n_reports, incident.n_outlets, incident.grade) == (
        2, 2, Incident.Grade.CORROBORATED)
    assert incident.place == places["hawija"]  # the most specific place they agree on
    assert (incident.date, incident.date_precision) == (D, "day")
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (5, 5, 5)
    assert incident.outlets == ["صحيفة ب", "وكالة أ"]
    assert [(a["key"], a["role"], a["reports"]) for a in incident.actors] == [
        ("isis", "initiator", 2)]


def test_the_incident_place_is_the_most_specific_one_most_reports_agree_with(places):
    from archive.models import Place

    Place.objects.create(key="iq.kirkuk.hawija.market", name_ar="السوق", kind="area",
                         parent=places["hawija"])
    for label, place in (("a", "iq.kirkuk.hawija"), ("b", "iq.kirkuk.hawija"),
                         ("c", "iq.kirkuk.hawija.market"), ("d", "iq.kirkuk")):
        tell(Spec(label, outlet=label, place=place, killed=3))
    assert Incident.objects.get().place == places["hawija"]  # not one report's stray spot
    tell(Spec("e", outlet="e", place="iq.kirkuk.hawija.market", killed=3))
    tell(Spec("f", outlet="f", place="iq.kirkuk.hawija.market", killed=3))
    assert Incident.objects.get().place.key == "iq.kirkuk.hawija.market"


def test_a_toll_update_joins_the_incident_and_raises_best_and_high():
    tell(Spec("first", killed=5))
    before = Incident.objects.get()
    update = tell(Spec("update", outlet="صحيفة ب", published=NEXT_DAY, date=None, killed=9))

    incident = Incident.objects.get()
    assert update.incident_id == incident.pk == before.pk
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (5, 9, 9)
    assert (incident.date_low, incident.date_high) == (D, NEXT_DAY)
    assert (incident.first_reported, incident.last_reported) == (D, NEXT_DAY)
    assert incident.updated_at > before.updated_at


def test_a_later_lower_toll_marks_the_incident_disputed():
    tell(Spec("first", killed=12))
    tell(Spec("second", outlet="صحيفة ب", published=NEXT_DAY, date=None, killed=3))

    incident = Incident.objects.get()
    assert (incident.grade, incident.disputes) == (Incident.Grade.DISPUTED, ["killed"])
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (3, 3, 12)


def test_two_towns_the_same_day_stay_apart_even_with_a_report_naming_their_province():
    tell(Spec("hawija", killed=4))
    tell(Spec("dibis", outlet="صحيفة ب", place="iq.kirkuk.dibis", killed=4))
    tell(Spec("province", outlet="صحيفة ج", place="iq.kirkuk", killed=4))

    assert Incident.objects.count() == 2
    assert frozenset({"hawija"}) in grouping() or frozenset({"dibis"}) in grouping()


@pytest.mark.parametrize("days", [1, 5])
def test_one_town_on_two_different_days_stays_apart(days):
    tell(Spec("monday", killed=4))
    later = D + dt.timedelta(days=days)
    tell(Spec("later", outlet="صحيفة ب", published=later, date=later, killed=4))

    assert grouping() == {frozenset({"monday"}), frozenset({"later"})}


def test_reports_of_other_kinds_or_opposed_sides_stay_apart():
    tell(Spec("attack", target="army"))
    tell(Spec("protest", type="protest"))
    tell(Spec("reversed", outlet="صحيفة ب", initiator="army", target="isis"))

    assert len(grouping()) == 3


SHUFFLED = [
    Spec("h1", killed=5), Spec("h2", outlet="ب", date=None, killed=7),
    Spec("h3", outlet="ج", place="iq.kirkuk", published=NEXT_DAY, date=None, killed=8),
    Spec("d1", place="iq.kirkuk.dibis", killed=2),
    Spec("d2", outlet="ب", place="iq.kirkuk.dibis", killed=2, initiator=None),
    Spec("k1", outlet="ج", place="iq.kirkuk", killed=3),
    Spec("p1", type="protest", initiator=None),
    Spec("s1", type="airstrike", initiator="army", killed=10),
    Spec("s2", outlet="ب", type="shelling", initiator="army", date=None, killed=12),
    Spec("late", published=D + dt.timedelta(days=4), date=D + dt.timedelta(days=4)),
]


def test_shuffled_ingestion_orders_give_the_same_incidents():
    results = set()
    for seed in range(6):
        specs = list(SHUFFLED)
        random.Random(seed).shuffle(specs)
        for spec in specs:
            tell(spec)
        results.add(frozenset(grouping()))
        figures = sorted(Incident.objects.values_list("killed_best", "n_reports"),
                         key=lambda r: (r[0] or -1, r[1]))
        results.add(tuple(figures))
        Article.objects.all().delete()
        assert not Incident.objects.exists()  # the last report's incident went with it
    assert len(results) == 2, results  # one grouping, one set of figures
    assert len(next(r for r in results if isinstance(r, frozenset))) <= 7


def test_deleting_an_article_leaves_tombstones_and_recomputes_its_incident():
    first = tell(Spec("first", killed=5))
    tell(Spec("update", outlet="ب", published=NEXT_DAY, date=None, killed=9))

    Article.objects.get(external_id="update").delete()

    incident = Incident.objects.get()
    assert (incident.n_reports, incident.killed_best) == (1, 5)
    assert Deletion.objects.filter(kind="event").count() == 1
    Article.objects.get(external_id="first").delete()
    assert not Incident.objects.exists()
    assert Deletion.objects.filter(kind="incident", object_id=first.incident_id).exists()


def test_relinking_everything_changes_nothing():
    for spec in SHUFFLED:
        tell(spec)
    before = set(Event.objects.values_list("id", "incident_id"))
    relink(event_ids=Event.objects.values_list("id", flat=True))
    assert set(Event.objects.values_list("id", "incident_id")) == before


def test_the_relink_command_links_events_stored_before_incidents_existed():
    from io import StringIO

    from django.core.management import call_command

    tell(Spec("first", killed=5))
    tell(Spec("second", outlet="ب", killed=5))
    Event.objects.update(incident=None, link_date=None)
    Incident.objects.all().delete()

    out = StringIO()
    call_command("relink", stdout=out)
    assert out.getvalue().strip() == "linked 2 events"
    assert grouping() == {frozenset({"first", "second"})}
    assert set(Event.objects.values_list("link_date", flat=True)) == {D}
