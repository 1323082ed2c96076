"""CSV export of filtered incidents: one row per incident with its range across reports,
its report and outlet counts and its reports' event ids; streamed in chunks, UTF-8 with
a BOM, text cells made inert (the same rules as the events CSV). PostgreSQL writes the
same bytes by COPY (archive/incident_export_copy.py)."""
import csv
from collections.abc import Iterator
from itertools import islice

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.http import StreamingHttpResponse

from archive.codes import acled
from archive.export import BOM, inert
from archive.models import Event, Incident
from archive.services.incident_figures import joined_names

CHUNK = 2000
COLUMNS = [
    "incident_id", "event_date", "date_precision", "date_low", "date_high", "event_type",
    "sub_event_type", "marsad_type", "type_label", "actor1", "actor2", "location", "latitude",
    "longitude", "fatalities_low",
    "fatalities_best", "fatalities_high", "injured_low", "injured_best", "injured_high",
    "reports", "outlets", "sources", "first_reported", "last_reported", "grade", "disputes",
    "event_ids", "updated_at", "review_status",
]
FIELDS = ("id", "date", "date_precision", "date_low", "date_high", "type", "actors",
          "place__name_ar", "place__latitude", "place__longitude", "killed_low", "killed_best",
          "killed_high", "wounded_low", "wounded_best", "wounded_high", "n_reports",
          "n_outlets", "outlets", "first_reported", "last_reported", "grade", "disputes",
          "updated_at", "reviewed")
_TYPES = dict(Event.Type.choices)
_GRADES = dict(Incident.Grade.choices)


class _Echo:
    def write(self, value):
        return value


def rows(incidents) -> Iterator[list]:
    yield COLUMNS
    values = incidents.values_list(*FIELDS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(values, CHUNK)):
        reports: dict[int, list[int]] = {}
        for incident_id, event_id in Event.objects.filter(
                incident_id__in=[row[0] for row in chunk]).order_by("id").values_list(
                "incident_id", "id"):
            reports.setdefault(incident_id, []).append(event_id)
        for (pk, date, precision, low, high, type_, actors, place, lat, lon, *figures,
             n_reports, n_outlets, outlets, first, last, grade, disputes, updated,
             reviewed) in chunk:
            yield [
                pk, date, precision, low, high, *acled(type_), type_, _TYPES.get(type_, type_),
                inert(joined_names(actors, "initiator")), inert(joined_names(actors, "target")),
                inert(place), lat, lon, *figures, n_reports, n_outlets,
                inert("؛ ".join(outlets)), first, last, _GRADES.get(grade, grade),
                " ".join(disputes), " ".join(map(str, reports.get(pk, []))),
                updated.isoformat(), "reviewed" if reviewed else "unreviewed",
            ]


def python_csv(incidents) -> Iterator[str]:
    """The whole file built row by row in Python (SQLite's path)."""
    writer = csv.writer(_Echo())
    yield BOM
    batch = []
    for row in rows(incidents):
        batch.append(writer.writerow(row))
        if len(batch) >= CHUNK:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def copy_csv(incidents) -> Iterator[bytes]:
    """The same bytes from PostgreSQL's COPY (archive/incident_export_copy.py)."""
    from archive.incident_export_copy import copy_incidents_csv

    yield (BOM + csv.writer(_Echo()).writerow(COLUMNS)).encode()
    try:
        yield from copy_incidents_csv(incidents)
    except EmptyResultSet:  # a filter that can match nothing: the header alone
        return


def stream_incidents_csv(incidents, *, filename: str) -> StreamingHttpResponse:
    content = copy_csv if connection.vendor == "postgresql" else python_csv
    response = StreamingHttpResponse(content(incidents), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
