"""Linking a whole stored chunk at once, with the result of linking its events one by one.

`linking.relink` reads each event's neighbourhood from the database and writes its
incidents back before the next event: about ten queries per event, two thirds of the
parallel ingestion's storing time. `relink_chunk` takes the very same steps, event after
event in id order (`_relink_one` below is `linking._relink_one` step for step), against
a `Mirror` of the rows those steps would read, so its incidents are the ones `relink`
makes for the same events:

- read up front, for the whole chunk in a few queries: the chunk's reports, the stored
  events in their windows (places nested with theirs, link date within the window,
  `reports.candidate_ids`'s read for every report at once), those reports and every
  report of their incidents;
- read when needed (rarely): the neighbourhood of a report the re-grouping released;
- written once, at the end: the new incidents (one bulk insert), the changed figures
  and the events that moved (bulk updates), the incidents left empty (deleted, with
  their tombstones).

The mirror is the truth for the reports it holds (their incident as the one-by-one run
would have left it); a report it does not hold is as the database has it, because only
held reports are ever moved. Incidents created in the chunk carry provisional ids above
every real one, in creation order, until they are inserted (in that order).
"""
import datetime as dt
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from archive.bulk_rows import insert, update
from archive.models import Event, Incident, Place
from archive.services.incident_figures import figures
from archive.services.linking import (
    FIGURES,
    MAX_NEIGHBOURHOOD,
    choose_ids,
    delete_incidents,
    group,
    released,
)
from archive.services.reports import (
    FAMILY_TYPES,
    WINDOW,
    Report,
    ancestor_paths,
    compatible,
    load_reports,
    nested,
)

PROVISIONAL = 1 << 62  # ids of the incidents created in this chunk, until inserted
SLICE = 1000  # ids per IN (...) list
MAX_PARAMETERS = 2000  # per candidate query (PostgreSQL and SQLite cap them)


def _slices(ids: list) -> Iterable[list]:
    for start in range(0, len(ids), SLICE):
        yield ids[start:start + SLICE]


class Mirror:
    """The reports linking has read in this chunk, and what it did to them."""

    def __init__(self) -> None:
        self.reports: dict[int, Report] = {}
        self.absent: set[int] = set()  # rejected or gone: load_reports never returns them
        self.by_incident: dict[int, set[int]] = {}  # held reports by their current incident
        self.whole: set[int] = set()  # incidents whose every report is held
        self.candidates: dict[int, list[int]] = {}  # report id -> candidate_ids(report)
        self.stored_incident: dict[int, int | None] = {}  # as the database has it
        self.groups: dict[int, list[Report]] = {}  # incident -> members at its last save
        self.emptied: set[int] = set()
        self.dated: set[int] = set()  # reports whose stored link date is stale
        self.created = 0

    def _hold(self, reports: dict[int, Report]) -> None:
        for pk, report in reports.items():
            if pk in self.reports:  # held: the mirror knows better than the database
                continue
            self.reports[pk] = report
            self.stored_incident[pk] = report.incident_id
            if report.incident_id is not None:
                self.by_incident.setdefault(report.incident_id, set()).add(pk)

    def get(self, ids: Iterable[int]) -> dict[int, Report]:
        """The reports of these events (rejected ones never), read once."""
        ids = list(ids)
        missing = [i for i in ids if i not in self.reports and i not in self.absent]
        for part in _slices(missing):
            found = load_reports(Event.objects.filter(id__in=part))
            self._hold(found)
            self.absent.update(set(part) - found.keys())
        return {i: self.reports[i] for i in ids if i in self.reports}

    def complete(self, incident_ids: Iterable[int | None]) -> None:
        """Hold every report of these incidents."""
        missing = sorted({i for i in incident_ids if i is not None and i not in self.whole})
        for part in _slices(missing):
            self._hold(load_reports(Event.objects.filter(incident_id__in=part)))
            self.whole.update(part)

    def members(self, incident_id: int) -> set[int]:
        self.complete([incident_id])
        return self.by_incident.get(incident_id, set())

    def move(self, report: Report, incident_id: int) -> None:
        if report.incident_id is not None:
            self.by_incident[report.incident_id].discard(report.id)
        report.incident_id = incident_id
        self.by_incident.setdefault(incident_id, set()).add(report.id)

    def new_incident(self) -> int:
        self.created += 1
        self.whole.add(PROVISIONAL + self.created)
        return PROVISIONAL + self.created

    def candidates_of(self, report: Report) -> list[int]:
        if report.id not in self.candidates:
            find_candidates(self, [report])
        return self.candidates[report.id]


def _windows(days: set[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The date ranges around these days, overlapping ones merged."""
    ranges: list[list[dt.date]] = []
    for day in sorted(days):
        if ranges and day - WINDOW <= ranges[-1][1]:
            ranges[-1][1] = day + WINDOW
        else:
            ranges.append([day - WINDOW, day + WINDOW])
    return [(low, high) for low, high in ranges]


def _nested_places(paths: set[str]) -> dict[int, str]:
    """Every place nested with one of these paths (inside it, it, or around it): id -> path."""
    found: dict[int, str] = {}
    paths = sorted(paths)
    for start in range(0, len(paths), 100):
        where = Q()
        for path in paths[start:start + 100]:
            where |= Q(path__startswith=path) | Q(path__in=ancestor_paths(path))
        found.update(Place.objects.filter(where).values_list("id", "path"))
    return found


def _stored_rows(terms: list[tuple[list[int], list]]) -> list[tuple]:
    """(id, type, place id, link date) of the events at these places in these ranges,
    a few terms per query so that no query passes MAX_PARAMETERS."""
    rows: list[tuple] = []
    where, size = Q(), 0
    for index, (place_ids, ranges) in enumerate(terms):
        days = Q()
        for low, high in ranges:
            days |= Q(link_date__range=(low, high))
        where |= Q(place_id__in=place_ids) & days
        size += len(place_ids) + 2 * len(ranges)
        if size >= MAX_PARAMETERS or index == len(terms) - 1:
            rows += Event.objects.filter(where).order_by().values_list(
                "id", "type", "place_id", "link_date")
            where, size = Q(), 0
    return rows


def find_candidates(mirror: Mirror, reports: list[Report]) -> None:
    """`reports.candidate_ids` of each of these reports, read for all of them at once:
    the stored events at the places nested with theirs within their date windows."""
    todo = []
    for report in reports:
        if report.date is None or not report.path:
            mirror.candidates[report.id] = []
        elif report.id not in mirror.candidates:
            todo.append(report)
    if not todo:
        return
    places = _nested_places({r.path for r in todo})
    days: dict[str, set] = {}
    for report in todo:
        days.setdefault(report.path, set()).add(report.date)
    near = {path: [pk for pk, other in places.items() if nested(path, other)] for path in days}
    rows = _stored_rows([(near[path], _windows(dates)) for path, dates in days.items()])
    by_place: dict[int, list[tuple]] = {}
    for pk, type_, place_id, day in rows:
        if day is not None:
            by_place.setdefault(place_id, []).append((pk, type_, day))
    for report in todo:
        family, low, high = FAMILY_TYPES[report.family], report.date - WINDOW, report.date + WINDOW
        mirror.candidates[report.id] = sorted(
            pk for place_id in near[report.path] for pk, type_, day in by_place.get(place_id, ())
            if type_ in family and pk != report.id and low <= day <= high)


def _members(mirror: Mirror, hood: dict[int, Report], incident_ids: set) -> None:
    for incident_id in {i for i in incident_ids if i is not None}:
        for pk in mirror.members(incident_id):
            hood.setdefault(pk, mirror.reports[pk])


def _grow(mirror: Mirror, hood: dict[int, Report], frontier: list[Report]) -> None:
    for report in frontier:
        if len(hood) >= MAX_NEIGHBOURHOOD:
            return
        found = mirror.get(i for i in mirror.candidates_of(report) if i not in hood)
        fitting = {pk: r for pk, r in found.items() if compatible(report, r)}
        hood.update(fitting)
        _members(mirror, hood, {r.incident_id for r in fitting.values()})


def _relink_one(mirror: Mirror, event_id: int) -> None:
    if event_id not in mirror.reports:
        return
    hood = {event_id: mirror.reports[event_id]}
    _members(mirror, hood, {hood[event_id].incident_id})
    frontier, expanded = [hood[event_id]], set()
    while True:
        expanded.update(r.id for r in frontier)
        _grow(mirror, hood, frontier)
        groups = group(hood.values())
        frontier = [r for r in released(hood, groups) if r.id not in expanded]
        if not frontier or len(hood) >= MAX_NEIGHBOURHOOD:
            break
    _save(mirror, hood, groups)


def _save(mirror: Mirror, hood: dict[int, Report], groups: list[list[Report]]) -> None:
    before = {r.incident_id for r in hood.values() if r.incident_id is not None}
    for incident_id, members in zip(choose_ids(groups), groups, strict=True):
        if incident_id is None:
            incident_id = mirror.new_incident()
        mirror.groups[incident_id] = members
        for report in members:
            if report.incident_id != incident_id:
                mirror.move(report, incident_id)
    mirror.emptied |= before - {r.incident_id for r in hood.values()}
    mirror.dated.update(r.id for r in hood.values() if r.stored_date != r.date)


@transaction.atomic
def relink_chunk(*, event_ids: Iterable[int]) -> None:
    """What `linking.relink(event_ids=...)` does, in a few queries for the whole chunk."""
    ids = sorted(set(event_ids))
    mirror = Mirror()
    chunk = list(mirror.get(ids).values())
    mirror.complete(r.incident_id for r in chunk)
    find_candidates(mirror, chunk)
    near = mirror.get(sorted({pk for r in chunk for pk in mirror.candidates[r.id]}))
    mirror.complete(r.incident_id for r in near.values())
    for event_id in ids:
        _relink_one(mirror, event_id)
    _write(mirror)


def _write(mirror: Mirror) -> None:
    now = timezone.now()
    kept = {pk: members for pk, members in mirror.groups.items() if pk not in mirror.emptied}
    real = {pk: figures(members) for pk, members in kept.items() if pk < PROVISIONAL}
    current = {row["id"]: row for row in Incident.objects.filter(id__in=list(real))
               .values("id", *FIGURES)}
    changed = [Incident(id=pk, updated_at=now, **values) for pk, values in real.items()
               if any(current[pk][k] != v for k, v in values.items())]
    fields = [("place" if f == "place_id" else f) for f in FIGURES]
    update(changed, [*fields, "updated_at"])
    provisional = sorted(pk for pk in kept if pk >= PROVISIONAL)
    created = insert([Incident(**figures(kept[pk])) for pk in provisional])
    real_id = dict(zip(provisional, (i.pk for i in created), strict=True))
    moved, dated = [], []
    for pk, report in mirror.reports.items():
        incident_id = real_id.get(report.incident_id, report.incident_id)
        if incident_id != mirror.stored_incident[pk]:
            moved.append((pk, incident_id))
        if pk in mirror.dated:
            dated.append(Event(id=pk, link_date=report.date))
    _update_events("incident_id", moved, now)
    Event.objects.bulk_update(dated, ["link_date"])  # stale rows only: rare
    delete_incidents(i for i in mirror.emptied if i < PROVISIONAL)


def _update_events(column: str, pairs: list[tuple[int, int]], now) -> None:
    """Set `column` (an integer) of many events, one statement per SLICE of them:
    UPDATE ... FROM (VALUES ...), which PostgreSQL and SQLite (3.33+) both read, where
    bulk_update would build a CASE over every id (slow to compile)."""
    table = Event._meta.db_table
    stamp = Event._meta.get_field("updated_at").get_db_prep_value(now, connection)
    for part in _slices(pairs):
        values = ", ".join(["(%s, %s)"] * len(part))
        sql = (f"UPDATE {table} SET {column} = v.column2, updated_at = %s "  # noqa: S608
               f"FROM (VALUES {values}) AS v WHERE {table}.id = v.column1")
        with connection.cursor() as cursor:
            cursor.execute(sql, [stamp, *(n for pair in part for n in pair)])
