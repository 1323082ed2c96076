"""PostgreSQL: covering indexes for the filtered events and incidents pages.

The pages' one statement (archive/event_listing.py, archive/incident_listing.py) reads
the reports of a place (and its districts) with a casualty floor, the reports of an
actor, and each report's outlet. At 100,000 articles those reads fetched ~10,000 heap
pages of `archive_event`, ~3,000 of `archive_eventactor` and one `archive_article` page
per report (for its outlet); with these indexes they are index-only scans, and the
filtered events statement took 11 ms instead of 36 (median of 30 random filters), the
filtered incidents one 26 instead of 55. Other databases keep their plain indexes.
"""
from django.db import migrations

INDEXES = {
    # the place and casualty filters, and every column the statement reads of a report
    "archive_event_place_killed_cover": "archive_event (place_id, killed_best) INCLUDE "
    "(id, rejected, type, wounded_best, article_id, date, incident_id)",
    # an actor's reports (the actor filter's semi-join)
    "archive_eventactor_actor_event": "archive_eventactor (actor_id, event_id)",
    # a report's outlet without reading its article's row
    "archive_article_id_outlet": "archive_article (id) INCLUDE (outlet)",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, target in INDEXES.items():
            unique = "UNIQUE " if name == "archive_article_id_outlet" else ""
            schema_editor.execute(f"CREATE {unique}INDEX IF NOT EXISTS {name} ON {target}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_batch_field_names")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
