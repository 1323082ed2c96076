"""The incidents CSV's joined cells stored on each incident (read by PostgreSQL's COPY)
stay those of its lists and reports through every write: linking one by one and by
chunk, staff merges, splits and moves, rejections, deletions; the migration fills them
for incidents stored before it."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from archive.models import Article, Event, Incident
from archive.services.event_review import reject_event, reject_incident
from archive.services.review import merge_incidents, move_report, split_incident

from .incident_reports import Spec, csv_cells_of, stored_csv_cells, tell, tell_chunk

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0013_incident_csv_cells")


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def assert_cells_current() -> None:
    incidents = list(Incident.objects.all())
    assert incidents
    for incident in incidents:
        assert stored_csv_cells(incident) == csv_cells_of(incident), incident.pk


def test_linking_stores_the_joined_cells_of_an_incidents_reports():
    first = tell(Spec("first", killed=5, target="police"))
    second = tell(Spec("second", outlet="ب", killed=3, initiator="army"))
    incident = Incident.objects.get(pk=first.incident_id)
    assert second.incident_id == incident.pk
    assert incident.csv_report_ids == f"{first.pk} {second.pk}"
    assert incident.csv_outlets == "ب؛ وكالة أ"
    assert incident.csv_targets == "الشرطة"
    assert set(incident.csv_initiators.split("؛ ")) == {"داعش", "الجيش"}
    assert incident.csv_disputes == "initiators"  # two outlets, two perpetrators
    assert_cells_current()


def test_staff_merges_splits_and_moves_keep_the_cells_current():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5))
    other = tell(Spec("other", place="iq.kirkuk.dibis", killed=1))
    split_incident(incident=first.incident, event_ids=[second.pk])
    assert_cells_current()
    move_report(event=Event.objects.get(pk=second.pk), to=other.incident)
    assert_cells_current()
    merge_incidents(into=Incident.objects.get(pk=first.incident_id),
                    others=[Incident.objects.get(pk=other.incident_id)])
    assert_cells_current()
    assert Incident.objects.get().csv_report_ids == f"{first.pk} {second.pk} {other.pk}"


def test_rejections_and_deletions_keep_the_cells_current():
    first = tell(Spec("first", killed=5))
    second = tell(Spec("second", outlet="ب", killed=5))
    third = tell(Spec("third", outlet="ج", killed=6))
    reject_event(event=second)
    assert Incident.objects.get(pk=first.incident_id).csv_report_ids == f"{first.pk} {third.pk}"
    Article.objects.filter(external_id="third").delete()
    assert Incident.objects.get(pk=first.incident_id).csv_report_ids == str(first.pk)
    alone = tell(Spec("alone", place="iq.kirkuk.dibis"))
    reject_incident(incident=Incident.objects.get(pk=first.incident_id))
    assert list(Incident.objects.values_list("id", flat=True)) == [alone.incident_id]
    assert_cells_current()


def test_linking_a_chunk_keeps_the_cells_current():
    first = tell(Spec("a", killed=5))
    tell_chunk(Spec("b", outlet="ب", killed=7, target="police"),
               Spec("c", place="iq.kirkuk.dibis"))
    assert Incident.objects.get(pk=first.incident_id).n_reports == 2  # b joined a
    assert_cells_current()


def test_the_migration_fills_the_cells_of_incidents_stored_before_it():
    tell(Spec("first", killed=5, target="police"))
    tell(Spec("second", outlet="ب", killed=3, initiator="army"))
    tell(Spec("other", place="iq.kirkuk.dibis"))
    written = {i.pk: stored_csv_cells(i) for i in Incident.objects.all()}
    Incident.objects.update(**dict.fromkeys(migration.CELLS, ""))
    migration.forwards(apps, SimpleNamespace(connection=connection))
    assert {i.pk: stored_csv_cells(i) for i in Incident.objects.all()} == written
    assert any(cells["csv_disputes"] for cells in written.values())
