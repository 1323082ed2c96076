"""The lists the incidents' facets count (`Incident.actor_ids`, `outlet_names`: arrays on
PostgreSQL, JSON text elsewhere) stay those of the incident's JSON lists through every
write: linking one by one and by chunk, staff merges, splits and moves, rejections,
deletions; the migration fills them for incidents stored before it."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from archive.models import Actor, Article, Event, Incident
from archive.services.event_review import reject_event
from archive.services.review import merge_incidents, move_report, split_incident

from .incident_reports import Spec, tell, tell_chunk

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0016_incident_facet_lists")


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def lists_of(incident: Incident) -> tuple[list, list]:
    """What the facet lists should hold: each actor once, increasing; the outlets."""
    return sorted({a["id"] for a in incident.actors}), incident.outlets


def assert_lists_current() -> None:
    incidents = list(Incident.objects.all())
    assert incidents
    for incident in incidents:
        assert (incident.actor_ids, incident.outlet_names) == lists_of(incident), incident.pk


def test_linking_stores_each_actor_once_and_the_named_outlets():
    ids = dict(Actor.objects.values_list("key", "id"))
    first = tell(Spec("first", killed=5, target="police"))
    tell(Spec("second", outlet="ب", killed=3, initiator="army"))
    both = tell(Spec("both", place="iq.kirkuk.dibis", initiator="police", target="police"))
    incident = Incident.objects.get(pk=first.incident_id)
    assert incident.actor_ids == sorted([ids["isis"], ids["army"], ids["police"]])
    assert incident.outlet_names == ["ب", "وكالة أ"]
    alone = Incident.objects.get(pk=both.incident_id)
    assert len(alone.actors) == 2 and alone.actor_ids == [ids["police"]]
    assert_lists_current()


def test_staff_merges_splits_and_moves_keep_the_lists_current():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5, target="army"))
    other = tell(Spec("other", place="iq.kirkuk.dibis", outlet="ج", killed=1))
    split_incident(incident=first.incident, event_ids=[second.pk])
    assert_lists_current()
    move_report(event=Event.objects.get(pk=second.pk), to=other.incident)
    assert Incident.objects.get(pk=other.incident_id).outlet_names == ["ب", "ج"]
    assert_lists_current()
    merge_incidents(into=Incident.objects.get(pk=first.incident_id),
                    others=[Incident.objects.get(pk=other.incident_id)])
    assert Incident.objects.get().outlet_names == ["ب", "ج", "وكالة أ"]
    assert_lists_current()


def test_rejections_and_deletions_keep_the_lists_current():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5, target="police"))
    tell(Spec("third", outlet="ج", killed=6))
    reject_event(event=second)
    assert Incident.objects.get(pk=first.incident_id).outlet_names == ["ج", "وكالة أ"]
    Article.objects.filter(external_id="third").delete()
    assert Incident.objects.get(pk=first.incident_id).outlet_names == ["وكالة أ"]
    assert_lists_current()


def test_linking_a_chunk_keeps_the_lists_current():
    first = tell(Spec("a", killed=5))
    tell_chunk(Spec("b", outlet="ب", killed=7, target="police"),
               Spec("c", place="iq.kirkuk.dibis"))
    assert Incident.objects.get(pk=first.incident_id).outlet_names == ["ب", "وكالة أ"]
    assert_lists_current()


def test_the_migration_fills_the_lists_of_incidents_stored_before_it():
    tell(Spec("first", killed=5, target="police"))
    tell(Spec("second", outlet="ب", killed=3, initiator="army"))
    tell(Spec("both", place="iq.kirkuk.dibis", initiator="police", target="police"))
    written = {i.pk: (i.actor_ids, i.outlet_names) for i in Incident.objects.all()}
    Incident.objects.update(actor_ids=[], outlet_names=[])
    migration.forwards(apps, SimpleNamespace(connection=connection))
    assert {i.pk: (i.actor_ids, i.outlet_names) for i in Incident.objects.all()} == written
    assert any(len(ids) > 1 for ids, _ in written.values())
