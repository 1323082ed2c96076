"""An incident's figures, derived from its reports only (the rule is in the README):
killed and wounded low = the lowest figure reported, high = the highest, best = the
latest report's (tolls rise; on a tie of days, the highest); the date the reports give
(else the earliest publication date, marked), with the range of dates they span; the
most specific place they agree on; every actor with its role; the grade; and the CSV
export's joined cells (`csv_cells`), stored with the rest so PostgreSQL's COPY reads
them as plain columns, and the lists its facets count (`facet_lists`), stored as arrays
PostgreSQL unnests without parsing JSON."""
import datetime as dt
from collections import Counter

from archive.models import Event, Incident, Place
from archive.services.reports import FAMILIES, Report, ancestor_paths, nested

TYPE_ORDER = {value: index for index, value in enumerate(Event.Type.values)}


def _published(report: Report) -> dt.date:
    return report.published or dt.date.min


def casualties(reports: list[Report], field: str) -> tuple[tuple, bool]:
    """(low, best, high) over the reports that give a figure, and whether they
    contradict: a later report lower than an earlier one, or two reports of the same
    day more than twice apart."""
    given = sorted((_published(r), getattr(r, field)[1]) for r in reports
                   if getattr(r, field)[1] is not None)
    if not given:
        return (None, None, None), False
    figures = [n for _, n in given]
    disputed = False
    for index, (day, n) in enumerate(given):
        for other_day, other in given[index + 1:]:
            later_lower = other_day > day and other < n
            same_day_apart = other_day == day and max(n, other) > 2 * min(n, other) + 1
            disputed = disputed or later_lower or same_day_apart
    return (min(figures), given[-1][1], max(figures)), disputed


def _date(reports: list[Report]) -> dict:
    days = [r.date for r in reports if r.date is not None]
    if not days:
        return {"date": None, "date_precision": Event.DatePrecision.UNKNOWN,
                "date_low": None, "date_high": None}
    stated = Counter(r.date for r in reports if r.date is not None and not r.anchored)
    if stated:
        date = min(stated, key=lambda d: (-stated[d], d))
        precision = Event.DatePrecision.DAY
    else:
        date, precision = min(days), Event.DatePrecision.PUBLICATION
    return {"date": date, "date_precision": precision, "date_low": min(days),
            "date_high": max(days)}


def _place_id(reports: list[Report]) -> int | None:
    """The most specific place the reports agree on: the deepest place named (at it or
    inside it) by at least half of the reports that are at least as specific as its
    parent, and by more of them than name another place there. One report of a district
    and one of its province: the district. Two of a town and one of a spot in it: the
    town (one report's stray spot does not win). Two towns: their province."""
    placed = [r for r in reports if r.path]
    if not placed:
        return None
    prefixes = {prefix for r in placed for prefix in (*ancestor_paths(r.path), r.path)}

    def agreed(prefix: str) -> bool:
        depth = prefix.count("/")
        pool = [r for r in placed if r.path.count("/") >= depth - 1]
        support = sum(1 for r in pool if r.path.startswith(prefix))
        elsewhere = sum(1 for r in pool if not nested(prefix, r.path))
        return 2 * support >= len(pool) and support > elsewhere

    best = max((p for p in prefixes if agreed(p)), key=lambda p: (p.count("/"), p),
               default=None)
    if best is None:
        return None
    known = {r.path: r.place_id for r in placed}
    if best in known:
        return known[best]
    return Place.objects.filter(path=best).values_list("id", flat=True).first()


def _actors(reports: list[Report]) -> list[dict]:
    counts: Counter = Counter()
    names = {}
    for report in reports:
        for role, actor_id, key, name in set(report.actor_rows):
            counts[(role, actor_id)] += 1
            names[actor_id] = (key, name)
    ordered = sorted(counts, key=lambda k: (k[0] != "initiator", -counts[k], names[k[1]][1]))
    return [{"id": actor_id, "key": names[actor_id][0], "name": names[actor_id][1],
             "role": role, "reports": counts[(role, actor_id)]} for role, actor_id in ordered]


def _perpetrators_disputed(reports: list[Report]) -> bool:
    named = [r.named_initiators for r in reports if r.named_initiators]
    return any(not a & b for i, a in enumerate(named) for b in named[i + 1:])


def joined_names(actors: list[dict], role: str) -> str:
    return "؛ ".join(a["name"] for a in actors if a["role"] == role)


def csv_cells(*, actors: list[dict], outlets: list[str], disputes: list[str],
              report_ids: list[int]) -> dict:
    """The incidents CSV's list cells, joined as archive/incident_export.py writes them
    (before `inert`): names of each role and outlets in their stored order, disputes,
    and the reports' ids in increasing order."""
    return {"csv_initiators": joined_names(actors, "initiator"),
            "csv_targets": joined_names(actors, "target"), "csv_outlets": "؛ ".join(outlets),
            "csv_disputes": " ".join(disputes),
            "csv_report_ids": " ".join(map(str, sorted(report_ids)))}


def facet_lists(*, actors: list[dict], outlets: list[str]) -> dict:
    """The lists the incidents' facets count: each actor's id once (a person or group may
    be both initiator and target), increasing, and the named outlets as stored."""
    return {"actor_ids": sorted({a["id"] for a in actors}), "outlet_names": list(outlets)}


def figures(reports: list[Report]) -> dict:
    """The Incident fields for these reports (at least one)."""
    types = Counter(r.type for r in reports)
    type_ = min(types, key=lambda t: (-types[t], TYPE_ORDER.get(t, 99)))
    killed, killed_disputed = casualties(reports, "killed")
    wounded, wounded_disputed = casualties(reports, "wounded")
    outlets = {r.outlet for r in reports}
    published = [r.published for r in reports if r.published]
    disputes = [name for name, flag in (("killed", killed_disputed),
                                        ("wounded", wounded_disputed),
                                        ("initiators", _perpetrators_disputed(reports))) if flag]
    if disputes:
        grade = Incident.Grade.DISPUTED
    elif len(outlets) >= 2:
        grade = Incident.Grade.CORROBORATED
    else:
        grade = Incident.Grade.SINGLE_SOURCE
    actors, named = _actors(reports), sorted(o for o in outlets if o)
    return {
        "family": FAMILIES.get(type_, type_), "type": type_, **_date(reports),
        "place_id": _place_id(reports),
        "killed_low": killed[0], "killed_best": killed[1], "killed_high": killed[2],
        "wounded_low": wounded[0], "wounded_best": wounded[1], "wounded_high": wounded[2],
        "actors": actors, "outlets": named, "n_reports": len(reports), "n_outlets": len(outlets),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
        "grade": grade, "disputes": disputes,
        **csv_cells(actors=actors, outlets=named, disputes=disputes,
                    report_ids=[r.id for r in reports]),
        **facet_lists(actors=actors, outlets=named),
    }
