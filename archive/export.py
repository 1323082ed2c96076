"""CSV export of a filtered events queryset: streamed in chunks (constant memory), UTF-8
with a BOM so Excel shows Arabic, formula-looking cells made inert, ACLED-like columns."""
import csv
from collections.abc import Iterable, Iterator
from itertools import islice

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Substr
from django.http import StreamingHttpResponse

from archive.codes import acled, review_status
from archive.models import Actor, Event, EventActor, Place

CHUNK = 2000
BOM = "\ufeff"
# ACLED's column names where one exists, so analysts' scripts read the file as they are.
# Headers and codes never change with the interface language; `type_label` does.
COLUMNS = [
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "marsad_type",
    "type_label", "actor1", "actor2", "country", "location", "admin1", "admin2", "latitude",
    "longitude", "fatalities_best", "fatalities_low", "fatalities_high", "injured", "source",
    "source_url", "article_id", "notes", "confidence", "review_status",
]
_DANGEROUS = frozenset("=+-@\t\r")
FIELDS = (
    "id", "date", "date_precision", "type", "place_text", "place__name_ar", "place__path",
    "place__latitude", "place__longitude", "killed_best", "killed_low", "killed_high",
    "wounded_best", "article__outlet", "article__url", "article_id", "evidence_cut",
    "confidence", "reviewed", "rejected",
)


def inert(value) -> str:
    """A cell a spreadsheet will never evaluate: text starting with = + - @ tab or CR gets
    a leading apostrophe. Numbers and dates are written as they are."""
    if not value:
        return "" if value is None else str(value)
    if isinstance(value, str):
        return "'" + value if value[0] in _DANGEROUS else value
    return str(value)


class _Echo:
    def write(self, value):
        return value


def _chunks(iterable: Iterable, size: int) -> Iterator[list]:
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _actors(event_ids: list[int], names: dict[int, str]) -> dict[tuple[int, str], list[str]]:
    """The actors' names by (event, role); `names` caches actor names across chunks."""
    rows = list(EventActor.objects.filter(event_id__in=event_ids).order_by("id")
                .values_list("event_id", "role", "actor_id"))
    missing = {actor_id for _, _, actor_id in rows} - names.keys()
    if missing:
        names.update(Actor.objects.filter(id__in=missing).values_list("id", "name_ar"))
    by_role: dict[tuple[int, str], list[str]] = {}
    for event_id, role, actor_id in rows:
        by_role.setdefault((event_id, role), []).append(names[actor_id])
    return by_role


def _admin_areas(paths: Iterable[str], cache: dict[str, Place]) -> None:
    keys = {k for path in paths if path for k in path.strip("/").split("/")} - cache.keys()
    if keys:
        for place in Place.objects.filter(key__in=keys).only("key", "name_ar", "kind"):
            cache[place.key] = place


def _areas_of(path: str | None, cache: dict[str, Place]) -> tuple[str, str, str]:
    """The country, governorate (admin1) and district (admin2) enclosing a place path."""
    country = admin1 = admin2 = ""
    for key in (path or "").strip("/").split("/"):
        place = cache.get(key)
        if place is None:
            continue
        if place.kind == Place.Kind.COUNTRY and not country:
            country = place.name_ar
        elif place.kind == Place.Kind.GOVERNORATE and not admin1:
            admin1 = place.name_ar
        elif place.kind == Place.Kind.DISTRICT and not admin2:
            admin2 = place.name_ar
    return country, admin1, admin2


def _postgresql_stream(values) -> Iterator[tuple]:
    """PostgreSQL: one query, each row carrying its initiators' and targets' actor ids,
    streamed by libpq in chunks (constant memory, and unlike a server-side cursor it lets
    PostgreSQL plan the query in parallel)."""
    from django.contrib.postgres.aggregates import ArrayAgg

    def ids(role):
        return ArrayAgg("participants__actor_id", filter=Q(participants__role=role),
                        order_by="participants__id", default=[])

    try:
        sql, params = values.annotate(initiators=ids("initiator"), targets=ids("target")) \
            .query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing: the header alone
        return
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        yield from cursor.stream(sql, params, size=CHUNK)


def rows(events) -> Iterator[list]:
    """The CSV rows (header first) for an events queryset, read in chunks."""
    yield COLUMNS
    arrays = connection.vendor == "postgresql"
    if arrays and not events.query.order_by and events.query.default_ordering:
        # Django drops Meta.ordering from a GROUP BY query: the arrays' query needs it said.
        events = events.order_by(*events.model._meta.ordering)
    values = events.annotate(evidence_cut=Substr(
        "article__text", F("evidence_start") + 1, F("evidence_end") - F("evidence_start")
    ))
    values = values.values_list(*FIELDS)
    places: dict[str, Place] = {}
    names: dict[int, str] = {}
    areas: dict[str | None, tuple[str, str, str]] = {}
    labels = {code: str(label) for code, label in Event.Type.choices}
    if arrays:  # the connection is busy streaming: read the small lookup tables first
        names = dict(Actor.objects.values_list("id", "name_ar"))
        places = {p.key: p for p in Place.objects.only("key", "name_ar", "kind")}
        stream = _postgresql_stream(values)
    else:
        stream = values.iterator(chunk_size=CHUNK)
    for chunk in _chunks(stream, CHUNK):
        if not arrays:
            actors = _actors([row[0] for row in chunk], names)
            _admin_areas((row[6] for row in chunk if row[6] not in areas), places)
        for row in chunk:
            pk, path = row[0], row[6]
            if path not in areas:
                areas[path] = _areas_of(path, places)
            country, admin1, admin2 = areas[path]
            if arrays:
                initiators = "؛ ".join([names[i] for i in row[20]])
                targets = "؛ ".join([names[i] for i in row[21]])
            else:
                initiators = "؛ ".join(actors.get((pk, "initiator"), ()))
                targets = "؛ ".join(actors.get((pk, "target"), ()))
            # Numbers and dates are written as they are; every text cell is made inert.
            yield [
                pk, row[1], row[2], *acled(row[3]), row[3], labels.get(row[3], row[3]),
                inert(initiators), inert(targets), inert(country), inert(row[5] or row[4]),
                inert(admin1), inert(admin2), row[7], row[8], row[9], row[10], row[11],
                row[12], inert(row[13]), inert(row[14]), row[15], inert(row[16]),
                round(row[17], 3), review_status(reviewed=row[18], rejected=row[19],
                                                 confidence=row[17]),
            ]


def python_csv(events) -> Iterator[str]:
    """The whole file built row by row in Python (SQLite's path)."""
    writer = csv.writer(_Echo())
    yield BOM
    for chunk in _chunks(rows(events), CHUNK):
        yield "".join(writer.writerow(row) for row in chunk)


def copy_csv(events) -> Iterator[bytes]:
    """The same bytes from PostgreSQL's COPY (archive/export_copy.py), header by Python."""
    from archive.export_copy import copy_csv as copy_rows

    yield (BOM + csv.writer(_Echo()).writerow(COLUMNS)).encode()
    yield from copy_rows(events)


def stream_csv(events, *, filename: str) -> StreamingHttpResponse:
    content = copy_csv if connection.vendor == "postgresql" else python_csv

    response = StreamingHttpResponse(content(events), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
