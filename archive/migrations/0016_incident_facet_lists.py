"""Each incident keeps the lists its facets count as arrays (`Incident.actor_ids`: its
actors' ids, once each, increasing; `Incident.outlet_names`: its named outlets, as
`outlets`), so PostgreSQL's filtered incidents statement unnests integers and strings
instead of parsing every incident's JSON lists (the actor and outlet facets were about a
third of the statement at 100,000 articles). From now on they are written with the other
figures (archive/services/incident_figures.py); here they are filled for the incidents
already stored: one UPDATE on PostgreSQL, in chunks elsewhere (JSON text there).
"""
from django.db import migrations

import archive.list_fields

CHUNK = 2000
FILL_SQL = (  # constants only
    "UPDATE archive_incident i SET actor_ids = COALESCE(("
    "SELECT array_agg(DISTINCT (a.v ->> 'id')::bigint) FROM jsonb_array_elements(i.actors) "
    "AS a(v)), '{}'), outlet_names = COALESCE((SELECT array_agg(o.v ORDER BY o.n) "
    "FROM jsonb_array_elements_text(i.outlets) WITH ORDINALITY AS o(v, n)), '{}')"
)


def _fill_in_chunks(Incident) -> None:
    last = 0
    while chunk := list(Incident.objects.filter(id__gt=last).order_by("id")[:CHUNK]):
        last = chunk[-1].id
        for incident in chunk:
            incident.actor_ids = sorted({a["id"] for a in incident.actors})
            incident.outlet_names = list(incident.outlets)
        Incident.objects.bulk_update(chunk, ["actor_ids", "outlet_names"])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(FILL_SQL)
    else:
        _fill_in_chunks(apps.get_model("archive", "Incident"))


class Migration(migrations.Migration):
    dependencies = [("archive", "0015_event_actor_cells")]

    operations = [
        migrations.AddField("incident", "actor_ids",
                            archive.list_fields.ListField(item="bigint")),
        migrations.AddField("incident", "outlet_names",
                            archive.list_fields.ListField(item="text")),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
