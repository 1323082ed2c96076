"""Each event keeps its actors' names joined by role (`Event.csv_initiators`,
`csv_targets`), so the events CSV on PostgreSQL no longer looks up every event's actor
rows (a correlated subquery, run row by row in the leader process: about half of
PostgreSQL's time for the export at 100,000 articles once the evidence was stored).
From now on they are written by archive/services/actor_cells.py; here they are filled
for the events already stored: one UPDATE on PostgreSQL, in slices elsewhere.
"""
from django.db import migrations, models

SEPARATOR = "؛ "


def _names(role: str) -> str:
    return (f"COALESCE((SELECT string_agg(a.name_ar, '{SEPARATOR}' ORDER BY ea.id) "  # noqa: S608
            "FROM archive_eventactor ea JOIN archive_actor a ON a.id = ea.actor_id "
            f"WHERE ea.event_id = archive_event.id AND ea.role = '{role}'), '')")


FILL_SQL = (f"UPDATE archive_event SET csv_initiators = {_names('initiator')}, "  # noqa: S608
            f"csv_targets = {_names('target')}")


def _fill_in_slices(Event, EventActor, size: int = 500) -> None:
    ids = list(Event.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), size):
        part = ids[start:start + size]
        names: dict[int, dict[str, list[str]]] = {pk: {} for pk in part}
        for event_id, role, name in EventActor.objects.filter(event_id__in=part).order_by(
                "id").values_list("event_id", "role", "actor__name_ar"):
            names[event_id].setdefault(role, []).append(name)
        Event.objects.bulk_update([
            Event(id=pk, csv_initiators=SEPARATOR.join(n.get("initiator", [])),
                  csv_targets=SEPARATOR.join(n.get("target", [])))
            for pk, n in names.items()], ["csv_initiators", "csv_targets"])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(FILL_SQL)
    else:
        _fill_in_slices(apps.get_model("archive", "Event"), apps.get_model("archive", "EventActor"))


class Migration(migrations.Migration):
    dependencies = [("archive", "0014_event_evidence")]

    operations = [
        *(migrations.AddField("event", name, models.TextField(default="", editable=False))
          for name in ("csv_initiators", "csv_targets")),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
