"""Each event keeps its actors' ids (`Event.actor_ids`: once each, increasing) through
every write of its actor rows; the actor filter reading them (PostgreSQL's path) finds
the same events as the one reading the actor rows (SQLite's), on whichever database the
suite runs; the migration fills them for events stored before it."""
import importlib

import pytest
from django.apps import apps
from django.db import connection

from archive.filters import EventFilter
from archive.models import Actor, Article, Event, EventActor
from archive.services.events import reextract_articles, store_many_events

from .incident_reports import Spec, extract, tell

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0017_event_actor_ids")


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def stored() -> dict[int, list[int]]:
    return dict(Event.objects.values_list("id", "actor_ids"))


def expected() -> dict[int, list[int]]:
    ids: dict[int, set[int]] = {pk: set() for pk in Event.objects.values_list("id", flat=True)}
    for event_id, actor_id in EventActor.objects.values_list("event_id", "actor_id"):
        ids[event_id].add(actor_id)
    return {pk: sorted(found) for pk, found in ids.items()}


def some_reports() -> None:
    tell(Spec("first", killed=5, target="police"))
    tell(Spec("both", place="iq.kirkuk.dibis", initiator="police", target="police"))
    tell(Spec("nobody", place="iq.kirkuk.dibis", initiator=None))
    article = Article.objects.create(text="نص عن اشتباك قرب الجسر", title="ب", outlet="ب",
                                     external_id="chunk", content_hash="c" * 64)
    store_many_events(found=[(article, [Spec("chunk", initiator="army", target="isis").event()])],
                      version="spec-1", places={}, actors={})


def test_stored_events_keep_each_actor_once_in_increasing_order():
    some_reports()
    ids = dict(Actor.objects.values_list("key", "id"))
    by_text = {e.article.external_id: e.actor_ids for e in Event.objects.select_related("article")}
    assert by_text["both"] == [ids["police"]]
    assert by_text["nobody"] == []
    assert by_text["chunk"] == sorted([ids["army"], ids["isis"]])
    assert stored() == expected()


def test_reextraction_and_rows_written_one_at_a_time_refresh_them():
    event = tell(Spec("first", killed=5))
    reextract_articles(articles=Article.objects.all(),
                       extractor=extract(Spec("first", killed=5, initiator="army")), version="v2")
    army, police = Actor.objects.get(key="army"), Actor.objects.get(key="police")
    assert Event.objects.get(pk=event.pk).actor_ids == [army.pk]
    EventActor.objects.create(event_id=event.pk, actor=police, role="target")
    assert Event.objects.get(pk=event.pk).actor_ids == sorted([army.pk, police.pk])
    assert stored() == expected()


def test_a_full_save_of_an_event_read_before_its_actors_changed_keeps_the_current_ones():
    event = tell(Spec("first", killed=5))
    stale = Event.objects.get(pk=event.pk)
    police = Actor.objects.get(key="police")
    EventActor.objects.create(event_id=event.pk, actor=police, role="target")
    stale.place_text = "قرب الجسر القديم"
    stale.save()  # as an edit or a correction saves the event it read
    fresh = Event.objects.get(pk=event.pk)
    assert fresh.place_text == "قرب الجسر القديم"
    assert police.pk in fresh.actor_ids and fresh.csv_targets == "الشرطة"
    assert stored() == expected()


def test_the_actor_filter_finds_the_same_events_by_ids_as_by_rows():
    some_reports()
    actors = list(Actor.objects.all())
    choices = [[a] for a in actors] + [actors[:2], actors[1:]]
    for chosen in choices:
        by_rows = set(Event.objects.involving_by_rows(*chosen).values_list("id", flat=True))
        by_ids = set(Event.objects.involving_by_ids(*chosen).values_list("id", flat=True))
        assert by_ids == by_rows, [a.key for a in chosen]
        filterset = EventFilter({"actor": [a.pk for a in chosen]}, queryset=Event.objects.all())
        assert filterset.is_valid()
        assert set(filterset.qs.values_list("id", flat=True)) == by_rows
    assert Event.objects.involving_by_ids(Actor.objects.get(key="police")).count() == 2
    unused = Actor.objects.create(key="nobody", name_ar="لا أحد", kind="other")
    assert not Event.objects.involving_by_ids(unused).exists()


def test_the_migration_fills_the_ids_of_events_stored_before_it():
    some_reports()
    written = stored()
    Event.objects.update(actor_ids=[])
    migration.fill(apps, connection)
    assert stored() == written == expected()
    assert any(len(ids) > 1 for ids in written.values())
