"""Each event keeps its actors' names joined by role (`Event.csv_initiators`,
`csv_targets`, what the CSV export reads on PostgreSQL) through every write of its
actors or of an actor's name; the migration fills them for events stored before it."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from archive.models import Actor, Article, Event, EventActor
from archive.services.actor_cells import actor_cells
from archive.services.events import reextract_articles, store_many_events
from archive.services.reference import upsert_actors
from extraction import types

from .incident_reports import Spec, extract, tell

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0015_event_actor_cells")


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def stored() -> dict[int, dict]:
    return {pk: {"csv_initiators": i, "csv_targets": t} for pk, i, t in
            Event.objects.values_list("id", "csv_initiators", "csv_targets")}


def expected() -> dict[int, dict]:
    """The names of each event's actor rows, in their order (as the Python export reads)."""
    names: dict[int, dict[str, list[str]]] = {pk: {} for pk in Event.objects.values_list(
        "id", flat=True)}
    for event_id, role, name in EventActor.objects.order_by("id").values_list(
            "event_id", "role", "actor__name_ar"):
        names[event_id].setdefault(role, []).append(name)
    return {pk: actor_cells(by_role) for pk, by_role in names.items()}


def test_stored_events_keep_their_actors_names_by_role():
    event = tell(Spec("first", target="police"))
    article = Article.objects.create(text="نص آخر عن هجوم", title="ب", outlet="ب",
                                     external_id="second", content_hash="b" * 64)
    store_many_events(found=[(article, [Spec("second", initiator="army").event()])],
                      version="spec-1", places={}, actors={})
    assert Event.objects.get(pk=event.pk).csv_targets == "الشرطة"
    assert stored() == expected()
    assert {c["csv_initiators"] for c in stored().values()} == {"داعش", "الجيش"}


def test_reextraction_and_a_row_added_one_at_a_time_refresh_them():
    event = tell(Spec("first", killed=5))
    reextract_articles(articles=Article.objects.all(),
                       extractor=extract(Spec("first", killed=5, initiator="army")), version="v2")
    assert Event.objects.get(pk=event.pk).csv_initiators == "الجيش"
    EventActor.objects.create(event_id=event.pk, actor=Actor.objects.get(key="police"),
                              role="initiator")
    assert Event.objects.get(pk=event.pk).csv_initiators == "الجيش؛ الشرطة"
    assert stored() == expected()


def test_a_renamed_actor_renames_its_events_cells():
    tell(Spec("first", target="police"))
    tell(Spec("other", place="iq.kirkuk.dibis", initiator="police"))
    police = Actor.objects.get(key="police")
    police.name_ar = "الشرطة الاتحادية"
    police.save()
    assert stored() == expected()
    upsert_actors([types.ActorRecord(key="isis", name="تنظيم داعش", kind="other")],
                  overwrite=True)
    assert stored() == expected()
    assert {c["csv_initiators"] for c in stored().values()} == {"تنظيم داعش",
                                                                "الشرطة الاتحادية"}


def test_the_migration_fills_the_names_of_events_stored_before_it():
    tell(Spec("first", target="police"))
    tell(Spec("second", outlet="ب", initiator="army"))
    Event.objects.update(csv_initiators="", csv_targets="")
    migration.forwards(apps, SimpleNamespace(connection=connection))
    assert stored() == expected() and all(c["csv_initiators"] for c in stored().values())
