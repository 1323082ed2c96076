"""Each event keeps its actors' ids (`Event.actor_ids`: once each, increasing; an array on
PostgreSQL, JSON text elsewhere), so PostgreSQL's events filtered by actor read a GIN
index of the arrays instead of the semi-join on `archive_eventactor` (an actor of the
bench's twenty names ~20,000 reports at 100,000 articles, every one an index entry
walked per request), and the events page's actor facet unnests the arrays of the
filtered reports instead of looking up each report's actor rows. The place and casualty
covering index (0012) now includes them, so that facet still reads the index alone.
From now on they are written with the CSV actor cells (archive/services/actor_cells.py);
here they are filled for the events already stored: one UPDATE on PostgreSQL, in slices
elsewhere. SQLite keeps its actor filter and facets on the actor rows.
"""
from django.db import migrations

import archive.list_fields

FILL_SQL = (  # constants only
    "UPDATE archive_event e SET actor_ids = s.ids FROM (SELECT event_id, "
    "array_agg(DISTINCT actor_id ORDER BY actor_id) AS ids FROM archive_eventactor "
    "GROUP BY event_id) s WHERE s.event_id = e.id"
)
GIN = "archive_event_actor_ids_gin"
COVER = "archive_event_place_killed_cover"
COVER_COLUMNS = "(id, rejected, type, wounded_best, article_id, date, incident_id"
SLICE = 500


def fill(apps, connection) -> None:
    """Every stored event's ids from its actor rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(FILL_SQL)
        return
    Event, EventActor = apps.get_model("archive", "Event"), apps.get_model("archive", "EventActor")
    ids = list(Event.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), SLICE):
        part = ids[start:start + SLICE]
        actors: dict[int, set[int]] = {pk: set() for pk in part}
        for event_id, actor_id in EventActor.objects.filter(event_id__in=part).values_list(
                "event_id", "actor_id"):
            actors[event_id].add(actor_id)
        Event.objects.bulk_update([Event(id=pk, actor_ids=sorted(found))
                                   for pk, found in actors.items() if found], ["actor_ids"])


def _cover(schema_editor, columns: str) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {COVER}")
    schema_editor.execute(f"CREATE INDEX {COVER} ON archive_event (place_id, killed_best) "
                          f"INCLUDE {columns})")


def forwards(apps, schema_editor):
    fill(apps, schema_editor.connection)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {GIN} ON archive_event "
                              "USING gin (actor_ids)")
        _cover(schema_editor, f"{COVER_COLUMNS}, actor_ids")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")
        _cover(schema_editor, COVER_COLUMNS)


class Migration(migrations.Migration):
    dependencies = [("archive", "0016_incident_facet_lists")]

    operations = [
        migrations.AddField("event", "actor_ids", archive.list_fields.ListField(item="bigint")),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
