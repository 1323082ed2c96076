"""Linking: every stored event (a report) belongs to exactly one Incident.

When an event is stored or re-extracted, its neighbourhood is re-linked: the reports it
could be compatible with (`reports.candidate_ids`, an indexed read), the whole incidents
they belong to, and — while re-grouping separates reports from former partners — the
neighbourhoods of those reports too. The neighbourhood is then grouped by one rule that
never looks at ids or arrival order, so ingesting the same articles in any order gives
the same incidents:

- reports a person placed (`link_pinned`) stay in their incident, which seeds a group;
- the other reports, in canonical order (date, place path, article hash, span, type),
  join the largest group whose every member they are compatible with (the first such
  group on a tie), else start a group (complete linkage: no two reports of an incident
  contradict each other, so two towns never meet through a third report).

Groups keep the ids of the incidents most of their reports were in, so incident URLs
survive re-linking; an incident left without reports is deleted (with a tombstone).
"""
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from archive.models import Event, Incident
from archive.services.incident_figures import figures
from archive.services.reports import Report, candidate_ids, compatible, load_reports

MAX_NEIGHBOURHOOD = 500  # reports re-grouped at once; beyond it the growth stops
FIGURES = ("family", "type", "date", "date_precision", "date_low", "date_high", "place_id",
           "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
           "wounded_high", "actors", "outlets", "n_reports", "n_outlets", "first_reported",
           "last_reported", "grade", "disputes", "csv_initiators", "csv_targets",
           "csv_outlets", "csv_disputes", "csv_report_ids", "actor_ids", "outlet_names")


def group(reports: Iterable[Report]) -> list[list[Report]]:
    """The neighbourhood's incidents (see the module docstring), deterministic."""
    seeds: dict[int, list[Report]] = {}
    loose = []
    for report in reports:
        if report.pinned and report.incident_id is not None:
            seeds.setdefault(report.incident_id, []).append(report)
        else:
            loose.append(report)
    groups = sorted((sorted(g, key=lambda r: r.sort_key) for g in seeds.values()),
                    key=lambda g: g[0].sort_key)
    for report in sorted(loose, key=lambda r: r.sort_key):
        fits = [g for g in groups if all(compatible(report, m) for m in g)]
        if fits:
            max(fits, key=len).append(report)
        else:
            groups.append([report])
    return groups


def _members(hood: dict[int, Report], incident_ids: set) -> None:
    """Add every report of these incidents to the neighbourhood."""
    incident_ids = {i for i in incident_ids if i is not None}
    if incident_ids:
        hood.update(load_reports(Event.objects.filter(incident_id__in=incident_ids)
                                 .exclude(id__in=list(hood))))


def _grow(hood: dict[int, Report], frontier: list[Report]) -> None:
    """Add the reports compatible with the frontier, and their whole incidents."""
    for report in frontier:
        if len(hood) >= MAX_NEIGHBOURHOOD:
            return
        ids = [i for i in candidate_ids(report) if i not in hood]
        found = load_reports(Event.objects.filter(id__in=ids)) if ids else {}
        fitting = {pk: r for pk, r in found.items() if compatible(report, r)}
        hood.update(fitting)
        _members(hood, {r.incident_id for r in fitting.values()})


def released(hood: dict[int, Report], groups: list[list[Report]]) -> list[Report]:
    """Reports the grouping separated from a former partner: their own neighbourhood may
    hold a better incident for them."""
    before: dict[int, set] = {}
    for report in hood.values():
        if report.incident_id is not None:
            before.setdefault(report.incident_id, set()).add(report.id)
    released = []
    for members in groups:
        ids = {r.id for r in members}
        released += [r for r in members
                     if r.incident_id is not None and not before[r.incident_id] <= ids]
    return released


def relink(*, event_ids: Iterable[int]) -> None:
    """Re-link the neighbourhood of each of these events (stored, or changed)."""
    for event_id in sorted(set(event_ids)):
        _relink_one(event_id)


@transaction.atomic
def _relink_one(event_id: int) -> None:
    hood = load_reports(Event.objects.filter(id=event_id))
    if not hood:
        return
    _members(hood, {hood[event_id].incident_id})
    frontier, expanded = [hood[event_id]], set()
    while True:
        expanded.update(r.id for r in frontier)
        _grow(hood, frontier)
        groups = group(hood.values())
        frontier = [r for r in released(hood, groups) if r.id not in expanded]
        if not frontier or len(hood) >= MAX_NEIGHBOURHOOD:
            break
    _save(hood, groups)
    _store_link_dates(hood.values())


def _store_link_dates(reports: Iterable[Report]) -> None:
    for report in reports:
        if report.stored_date != report.date:
            Event.objects.filter(id=report.id).update(link_date=report.date)
            report.stored_date = report.date


def choose_ids(groups: list[list[Report]]) -> list[int | None]:
    """The incident id each group keeps: its pinned reports' incident, else the one most
    of its reports were in (smallest id on a tie) if no larger group took it."""
    chosen: dict[int, int | None] = {}
    taken: set[int] = set()
    order = sorted(range(len(groups)), key=lambda i: (
        not any(r.pinned for r in groups[i]), -len(groups[i]), groups[i][0].sort_key))
    for index in order:
        pinned = [r.incident_id for r in groups[index] if r.pinned and r.incident_id]
        counts = Counter(r.incident_id for r in groups[index]
                         if r.incident_id is not None and r.incident_id not in taken)
        if pinned:
            chosen[index] = pinned[0]
        elif counts:
            chosen[index] = min(counts, key=lambda i: (-counts[i], i))
        else:
            chosen[index] = None
        if chosen[index] is not None:
            taken.add(chosen[index])
    return [chosen[i] for i in range(len(groups))]


def _save(hood: dict[int, Report], groups: list[list[Report]]) -> None:
    now = timezone.now()
    before = {r.incident_id for r in hood.values() if r.incident_id is not None}
    ids = choose_ids(groups)
    current = {row["id"]: row for row in Incident.objects.filter(
        id__in=[i for i in ids if i is not None]).values("id", *FIGURES)}
    for incident_id, members in zip(ids, groups, strict=True):
        values = figures(members)
        if incident_id is None:
            incident_id = Incident.objects.create(**values).pk
        elif any(current[incident_id][k] != v for k, v in values.items()):
            Incident.objects.filter(id=incident_id).update(**values, updated_at=now)
        moved = [r.id for r in members if r.incident_id != incident_id]
        if moved:
            Event.objects.filter(id__in=moved).update(incident_id=incident_id, updated_at=now)
            for report_id in moved:
                hood[report_id].incident_id = incident_id
    delete_incidents(before - {r.incident_id for r in hood.values()})


def delete_incidents(ids: Iterable[int]) -> None:
    """Delete incidents that have no reports left (tombstones come from the signal)."""
    ids = [i for i in ids if i is not None]
    if ids:
        Incident.objects.filter(id__in=ids, events__isnull=True).delete()


def refresh_incidents(*, incident_ids: Iterable[int]) -> None:
    """Recompute these incidents' figures from their reports (after a report was deleted
    or a person moved reports); an incident left without reports is deleted."""
    incident_ids = {i for i in incident_ids if i is not None}
    if not incident_ids:
        return
    by_incident: dict[int, list[Report]] = {}
    for report in load_reports(Event.objects.filter(incident_id__in=incident_ids)).values():
        by_incident.setdefault(report.incident_id, []).append(report)
    now = timezone.now()
    for incident_id, members in by_incident.items():
        Incident.objects.filter(id=incident_id).update(**figures(members), updated_at=now)
    delete_incidents(incident_ids - by_incident.keys())


def relink_all(*, batch: int = 1000) -> int:
    """Link every event not yet in an incident (after the migration, or a bulk load)."""
    done = 0
    while ids := list(Event.objects.filter(incident=None, rejected=False).order_by("id")
                      .values_list("id", flat=True)[:batch]):
        relink(event_ids=ids)
        done += len(ids)
    return done
