"""Staff decisions about incidents, and identities that survive re-linking and
re-extraction."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from archive.models import Article, Deletion, Event, Incident
from archive.services.events import reextract_articles
from archive.services.linking import relink
from archive.services.review import merge_incidents, move_report, split_incident

from .incident_reports import D, Spec, extract, grouping, tell

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def test_a_staff_split_survives_relinking_and_new_reports():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5))
    assert first.incident_id == second.incident_id

    new = split_incident(incident=first.incident, event_ids=[second.pk])
    relink(event_ids=Event.objects.values_list("id", flat=True))
    tell(Spec("third", outlet="ج", date=None, killed=6))  # fits both halves

    assert Event.objects.get(pk=second.pk).incident_id == new.pk
    assert Event.objects.get(pk=first.pk).incident_id == first.incident_id
    assert frozenset({"first", "second"}) not in {frozenset(g & {"first", "second"})
                                                  for g in grouping()}
    assert Incident.objects.get(pk=new.pk).reviewed


def test_a_staff_merge_survives_relinking():
    hawija = tell(Spec("hawija", killed=2))
    dibis = tell(Spec("dibis", place="iq.kirkuk.dibis", killed=3))
    assert hawija.incident_id != dibis.incident_id

    merged = merge_incidents(into=hawija.incident, others=[dibis.incident])
    relink(event_ids=Event.objects.values_list("id", flat=True))

    assert grouping() == {frozenset({"hawija", "dibis"})}
    assert (merged.n_reports, merged.place.key) == (2, "iq.kirkuk")  # the place both share
    assert Deletion.objects.filter(kind="incident", object_id=dibis.incident_id).exists()


def test_moving_a_report_pins_it_and_refreshes_both_incidents():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=9))
    other = tell(Spec("other", place="iq.kirkuk.dibis", killed=1))

    move_report(event=second, to=other.incident)
    relink(event_ids=[first.pk, second.pk])

    assert grouping() == {frozenset({"first"}), frozenset({"second", "other"})}
    assert Incident.objects.get(pk=other.incident_id).killed_high == 9
    with pytest.raises(ValidationError):
        move_report(event=Event.objects.get(pk=second.pk), to=other.incident)
    with pytest.raises(ValidationError):
        split_incident(incident=first.incident, event_ids=[first.pk])
    alone = move_report(event=Event.objects.get(pk=other.pk), to=None)
    assert (alone.n_reports, alone.family, alone.killed_best) == (1, "violence", 1)


def test_event_and_incident_ids_survive_reextraction():
    spec = Spec("first", killed=5)
    first = tell(spec)
    second = tell(Spec("second", outlet="ب", killed=5))
    before = first.incident.updated_at

    update = Spec("first", killed=7)  # same evidence and type, a corrected figure
    summary = reextract_articles(articles=Article.objects.filter(external_id="first"),
                                 extractor=extract(update), version="v2")

    assert (summary.kept_ids, summary.added, summary.removed) == (1, 0, 0)
    again = Event.objects.get(pk=first.pk)
    assert (again.killed_best, again.extractor_version) == (7, "v2")
    assert again.incident_id == second.incident_id == first.incident_id
    incident = Incident.objects.get()
    assert (incident.killed_high, incident.updated_at > before) == (7, True)
    assert again.updated_at > first.updated_at


def test_reextraction_respects_a_split():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5))
    new = split_incident(incident=first.incident, event_ids=[second.pk])

    for label in ("first", "second"):
        summary = reextract_articles(articles=Article.objects.filter(external_id=label),
                                     extractor=extract(Spec(label, killed=6)), version="v2")
        assert summary.kept_ids == 1

    assert Event.objects.get(pk=second.pk).incident_id == new.pk
    assert Event.objects.get(pk=first.pk).incident_id != new.pk


def test_a_report_that_moved_place_on_reextraction_leaves_its_incident():
    first = tell(Spec("first", killed=5))
    tell(Spec("second", outlet="ب", killed=5))

    moved = Spec("first", place="iq.kirkuk.dibis", killed=5, date=D + dt.timedelta(days=3))
    reextract_articles(articles=Article.objects.filter(external_id="first"),
                       extractor=extract(moved), version="v2")

    assert grouping() == {frozenset({"first"}), frozenset({"second"})}
    assert Event.objects.get(pk=first.pk).incident_id is not None
