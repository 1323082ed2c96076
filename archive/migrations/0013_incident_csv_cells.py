"""The incidents CSV's list cells stored on each incident (its initiators' and targets'
names, outlets, disputes and reports' ids, joined as the export writes them), so
PostgreSQL's COPY reads plain columns instead of unnesting four JSON lists and looking up
the reports of every row (archive/incident_export_copy.py). From now on they are written
with the other figures (archive/services/incident_figures.py); here they are filled for
the incidents already stored: one UPDATE on PostgreSQL, in chunks elsewhere.
"""
from django.db import migrations, models

CELLS = ("csv_initiators", "csv_targets", "csv_outlets", "csv_disputes", "csv_report_ids")
CHUNK = 2000


def _names(role: str) -> str:
    return ("COALESCE((SELECT string_agg(x.v ->> 'name', '؛ ' ORDER BY x.n) "  # noqa: S608
            "FROM jsonb_array_elements(i.actors) WITH ORDINALITY AS x(v, n) "
            f"WHERE x.v ->> 'role' = '{role}'), '')")


def _items(column: str, separator: str) -> str:
    return (f"COALESCE((SELECT string_agg(x.v, '{separator}' ORDER BY x.n) "  # noqa: S608
            f"FROM jsonb_array_elements_text(i.{column}) WITH ORDINALITY AS x(v, n)), '')")


FILL_SQL = (  # constants only
    f"UPDATE archive_incident i SET csv_initiators = {_names('initiator')}, "  # noqa: S608
    f"csv_targets = {_names('target')}, csv_outlets = {_items('outlets', '؛ ')}, "
    f"csv_disputes = {_items('disputes', ' ')}, csv_report_ids = COALESCE(("
    "SELECT string_agg(e.id::text, ' ' ORDER BY e.id) FROM archive_event e "
    "WHERE e.incident_id = i.id), '')"
)


def _joined(actors: list, role: str) -> str:
    return "؛ ".join(a["name"] for a in actors if a["role"] == role)


def _fill_in_chunks(Incident, Event) -> None:
    last = 0
    while chunk := list(Incident.objects.filter(id__gt=last).order_by("id")[:CHUNK]):
        last = chunk[-1].id
        reports: dict[int, list[str]] = {}
        for incident_id, event_id in Event.objects.filter(
                incident_id__in=[i.id for i in chunk]).order_by("id").values_list(
                "incident_id", "id"):
            reports.setdefault(incident_id, []).append(str(event_id))
        for incident in chunk:
            incident.csv_initiators = _joined(incident.actors, "initiator")
            incident.csv_targets = _joined(incident.actors, "target")
            incident.csv_outlets = "؛ ".join(incident.outlets)
            incident.csv_disputes = " ".join(incident.disputes)
            incident.csv_report_ids = " ".join(reports.get(incident.id, []))
        Incident.objects.bulk_update(chunk, CELLS)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(FILL_SQL)
    else:
        _fill_in_chunks(apps.get_model("archive", "Incident"), apps.get_model("archive", "Event"))


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_listing_covering_indexes")]

    operations = [
        *(migrations.AddField("incident", name, models.TextField(default="", editable=False))
          for name in CELLS),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
