"""Each event keeps its article's outlet (`Event.outlet`), so the events page's one
statement (archive/event_listing.py) counts the outlet facet and applies the outlet
filter without joining `archive_article`: at 100,000 articles that took 4–26 % off
PostgreSQL's CPU for the statement of the bench's filters (README). The place and
casualty covering index (0012, 0017) now includes it, so a place's filter still reads
that index alone.
From now on it is written with every event (`Event.save`, the bulk writers) and after
an article's outlet is edited (archive/signals.py); here it is filled for the events
already stored, in one UPDATE (which writes a new version of every event with an
outlet: run VACUUM ANALYZE after it on a large PostgreSQL database).
"""
from django.db import migrations, models

FILL = {  # constants only
    "postgresql": "UPDATE archive_event e SET outlet = a.outlet FROM archive_article a "
                  "WHERE a.id = e.article_id AND a.outlet <> e.outlet",
    # SQLite before 3.33 has no UPDATE … FROM
    "other": "UPDATE archive_event SET outlet = (SELECT a.outlet FROM archive_article a "
             "WHERE a.id = archive_event.article_id) WHERE EXISTS (SELECT 1 FROM "
             "archive_article a WHERE a.id = archive_event.article_id "
             "AND a.outlet <> archive_event.outlet)",
}
COVER = "archive_event_place_killed_cover"
COVER_COLUMNS = "(id, rejected, type, wounded_best, article_id, date, incident_id, actor_ids"


def fill(connection) -> None:
    """Every stored event's outlet from its article."""
    with connection.cursor() as cursor:
        cursor.execute(FILL.get(connection.vendor, FILL["other"]))


def _cover(schema_editor, columns: str) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {COVER}")
    schema_editor.execute(f"CREATE INDEX {COVER} ON archive_event (place_id, killed_best) "
                          f"INCLUDE {columns})")


def forwards(apps, schema_editor):
    fill(schema_editor.connection)
    if schema_editor.connection.vendor == "postgresql":
        _cover(schema_editor, f"{COVER_COLUMNS}, outlet")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _cover(schema_editor, COVER_COLUMNS)


class Migration(migrations.Migration):
    dependencies = [("archive", "0018_search_rum_index")]

    operations = [
        migrations.AddField("event", "outlet", models.CharField(
            blank=True, default="", editable=False, max_length=200)),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
