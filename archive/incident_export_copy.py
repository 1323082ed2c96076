"""The incidents CSV on PostgreSQL: one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`, as
`archive/export_copy.py` does for the events, writing every cell the way
`archive.incident_export.rows` does, so both paths give the same bytes
(tests/site/test_incident_export_copy.py compares them):

- the lists an incident keeps (its initiators' and targets' names, outlets, disputes,
  reports' ids) are read joined, as its figures stored them (`csv_cells` of
  archive/services/incident_figures.py): no per-row subquery;
- places (name, coordinates), type codes and labels and grade labels are computed in
  Python with the same functions and sent as JSON (labels in the reader's language);
- `updated_at` is written as Python's `isoformat()` writes a UTC time (microseconds only
  when there are some).
"""
import json
from collections.abc import Iterator

from django.db.models import F

from archive.codes import ACLED
from archive.export import inert
from archive.export_copy import _inert, copy_blocks
from archive.models import Event, Incident, Place

_INNER = {
    "c_id": F("pk"), "c_date": F("date"), "c_precision": F("date_precision"),
    "c_low": F("date_low"), "c_high": F("date_high"), "c_type": F("type"),
    "c_place": F("place_id"), "c_killed_low": F("killed_low"),
    "c_killed_best": F("killed_best"), "c_killed_high": F("killed_high"),
    "c_wounded_low": F("wounded_low"), "c_wounded_best": F("wounded_best"),
    "c_wounded_high": F("wounded_high"), "c_reports": F("n_reports"),
    "c_outlets_n": F("n_outlets"), "c_first": F("first_reported"),
    "c_last": F("last_reported"), "c_grade": F("grade"),
    "c_updated": F("updated_at"), "c_reviewed": F("reviewed"),
    "c_initiators": F("csv_initiators"), "c_targets": F("csv_targets"),
    "c_sources": F("csv_outlets"), "c_disputes": F("csv_disputes"),
    "c_report_ids": F("csv_report_ids"),
}

_UTC = "(r.c_updated AT TIME ZONE 'UTC')"
_CELLS = [
    "r.c_id", "to_char(r.c_date, 'YYYY-MM-DD')", "NULLIF(r.c_precision, '')",
    "to_char(r.c_low, 'YYYY-MM-DD')", "to_char(r.c_high, 'YYYY-MM-DD')",
    "NULLIF(r.ty ->> 0, '')", "NULLIF(r.ty ->> 1, '')", "NULLIF(r.c_type, '')",
    "NULLIF(COALESCE(r.ty ->> 2, r.c_type), '')", _inert("r.c_initiators"), _inert("r.c_targets"),
    "r.pl ->> 0", "r.pl ->> 1", "r.pl ->> 2", "r.c_killed_low", "r.c_killed_best",
    "r.c_killed_high", "r.c_wounded_low", "r.c_wounded_best", "r.c_wounded_high",
    "r.c_reports", "r.c_outlets_n", _inert("r.c_sources"), "to_char(r.c_first, 'YYYY-MM-DD')",
    "to_char(r.c_last, 'YYYY-MM-DD')", "NULLIF(COALESCE(%s::jsonb ->> r.c_grade, r.c_grade), '')",
    "NULLIF(r.c_disputes, '')", "NULLIF(r.c_report_ids, '')",
    f"to_char({_UTC}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN to_char({_UTC}, 'US') = "
    f"'000000' THEN '' ELSE '.' || to_char({_UTC}, 'US') END || '+00:00'",
    "(CASE WHEN r.c_reviewed THEN 'reviewed' ELSE 'unreviewed' END)",
]


def _lookups() -> tuple[str, str, str]:
    """Places (name, latitude, longitude), types (ACLED's two codes and the label) and
    grades (the label), each cell as the Python path writes it (None: an empty cell)."""
    places = {str(pk): [inert(name) or None, inert(lat) or None, inert(lon) or None]
              for pk, name, lat, lon in Place.objects.values_list(
                  "id", "name_ar", "latitude", "longitude")}
    types = {code: [*ACLED.get(code, ("", "")), str(label)] for code, label in Event.Type.choices}
    grades = {code: str(label) for code, label in Incident.Grade.choices}
    return json.dumps(places), json.dumps(types), json.dumps(grades)


def copy_incidents_csv(incidents) -> Iterator[bytes]:
    """The CSV rows (no header) of an incidents queryset, as UTF-8 blocks; nothing for a
    filter that can match nothing (the caller catches EmptyResultSet)."""
    inner_sql, inner_params = incidents.values(**_INNER).query.sql_with_params()
    places, types, grades = _lookups()
    # Constants and Django's compiled SQL only; every value is a parameter.
    sql = (f"COPY (SELECT {', '.join(_CELLS)} FROM (SELECT q.*, "  # noqa: S608
           "%s::jsonb -> q.c_place::text AS pl, %s::jsonb -> q.c_type AS ty "
           f"FROM ({inner_sql}) q OFFSET 0) r) TO STDOUT WITH (FORMAT csv, HEADER false)")
    yield from copy_blocks(sql, [grades, places, types, *inner_params])
