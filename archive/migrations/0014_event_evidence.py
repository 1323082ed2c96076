"""Each event keeps the text of its evidence (`Event.evidence`), so the events CSV on
PostgreSQL no longer cuts it out of its article's text: that read fetched and
decompressed the article's TOASTed text once per event, about 45 % of PostgreSQL's time
for the export at 100,000 articles. From now on it is written with the event
(archive/services/events.py, archive/signals.py); here it is filled for the events
already stored, by one UPDATE (PostgreSQL and SQLite count characters alike).
"""
from django.db import migrations, models

FILL_SQL = (
    "UPDATE archive_event SET evidence = substr(a.text, archive_event.evidence_start + 1, "
    "archive_event.evidence_end - archive_event.evidence_start) FROM archive_article a "
    "WHERE a.id = archive_event.article_id"
)


def forwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FILL_SQL)


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_incident_csv_cells")]

    operations = [
        migrations.AddField("event", "evidence", models.TextField(default="", editable=False)),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
