"""An index in the events table's default order (newest first, undated events last), so
its first page is read from the index instead of sorting every event.

Written by hand because the order differs per database: PostgreSQL needs NULLS LAST
spelled out, SQLite rejects it in an index (and already puts NULLs last when descending).
"""
from django.db import migrations

NAME = "event_newest_first"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    nulls = " NULLS LAST" if vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON archive_event (date DESC{nulls}, id DESC)"
    )


def backwards(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
