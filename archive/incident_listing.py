"""Incidents filtered like events: the events API's and page's filters choose the
incidents that at least one matching report tells; the casualty filters and the sort
apply to the incident's own figures (its best estimate across reports)."""
import datetime
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count
from django.db.models.expressions import RawSQL

from archive import page_cache, rows_by_ids
from archive.filters import EventFilter
from archive.lazy_rows import LazyRows
from archive.models import Actor, Event, EventActor, Incident, Place
from archive.querysets import RANGES, _range_sql, _with_ranges

# A filter matching at most this many incidents is read once, as a list of ids in the
# page's order; the totals, facets and page then read those rows by primary key instead
# of running the reports' filter again in each of their queries.
SMALL = 5000
INCIDENT_LEVEL = {
    "killed_min": "killed_best__gte", "killed_max": "killed_best__lte",
    "wounded_min": "wounded_best__gte", "wounded_max": "wounded_best__lte",
}


def filter_incidents(params):
    """(the FilterSet, the incidents) for a request's GET; incidents is None when the
    filters are invalid (the FilterSet holds the errors)."""
    filterset = EventFilter(params, queryset=Event.objects.all())
    if not filterset.is_valid():
        return filterset, None
    data = filterset.form.cleaned_data
    report_level = {k: v for k, v in params.items() if k not in INCIDENT_LEVEL
                    and k not in ("sort", "page", "page_size", "unit", "updated_since") and v}
    incidents = Incident.objects.all()
    if report_level:
        criteria = {k: v for k, v in data.items() if k not in INCIDENT_LEVEL}
        incidents = incidents.told_by(filterset.apply(Event.objects.all(), criteria))
    for name, lookup in INCIDENT_LEVEL.items():
        if data.get(name) is not None:
            incidents = incidents.filter(**{lookup: data[name]})
    return filterset, incidents.sorted_by(data.get("sort"))


FIGURES_SECONDS = 60


def figures_and_page(filterset, incidents, raw_page, per_page: int) -> tuple[dict, dict, Page]:
    """(totals, facets, page) of the filtered incidents, for the page number `raw_page`.
    PostgreSQL: one statement gives the figures and the page's ids (the filter runs once);
    the figures are kept for the version of the data, so another page or sort of the same
    filter reads only its page. Other databases: the ids read once when at most SMALL
    (`read_once`), the figures by queries."""
    from archive.event_listing import ORDER, figures_key, requested

    data = filterset.form.cleaned_data
    key = figures_key("marsad:incident-figures:", data)
    if connection.vendor != "postgresql":
        return _elsewhere(incidents, raw_page, per_page, key)
    known = cache.get(key)
    number, first = requested(raw_page), None
    if known is None:
        order = ORDER.get(data.get("sort") or "-date", ORDER["-date"])
        totals, facets, first = _summary_postgresql(
            incidents.order_by(), 12, page=(order, per_page, (number - 1) * per_page))
        cache.set(key, (totals, facets), FIGURES_SECONDS)
    else:
        totals, facets = known
    paginator = Paginator(incidents.values_list("id", flat=True), per_page)
    paginator.count = totals["n"]  # counted with the totals
    page = paginator.get_page(raw_page)
    ids = first if first is not None and page.number == number else list(page.object_list)
    page.object_list = LazyRows(ids, incident_rows)  # read as the table needs them
    return totals, facets, page


@dataclass(slots=True)
class IncidentRow:
    """What a row of the incidents table shows (`listing_rows.incident_row`), read as plain
    values (an incident and its place and region as model instances cost three times the
    CPU)."""
    pk: int
    date: datetime.date | None
    date_precision: str
    date_low: datetime.date | None
    date_high: datetime.date | None
    type: str
    killed_best: int | None
    killed_low: int | None
    killed_high: int | None
    wounded_best: int | None
    wounded_low: int | None
    wounded_high: int | None
    actors: list
    n_reports: int
    n_outlets: int
    grade: str
    reviewed: bool
    place: object  # event_listing.Named or None


_ROW = ("id", "date", "date_precision", "date_low", "date_high", "type", "killed_best",
        "killed_low", "killed_high", "wounded_best", "wounded_low", "wounded_high", "actors",
        "n_reports", "n_outlets", "grade", "reviewed", "place_id", "place__name_ar",
        "place__name_en", "place__parent_id", "place__parent__name_ar", "place__parent__name_en")


def _rows_query(ids):
    return Incident.objects.filter(id__in=ids).values_list(*_ROW)


def incident_rows(ids: list[int]) -> list[IncidentRow]:
    """The incidents table's rows of these incidents, in this order (one query)."""
    from archive.event_listing import Named

    rows = {}
    for (*fields, place_id, name_ar, name_en, parent_id, parent_ar,
         parent_en) in rows_by_ids.read(_rows_query, ids):
        if isinstance(fields[12], str):  # PostgreSQL's jsonb, as text (rows_by_ids)
            fields[12] = json.loads(fields[12])
        parent = Named(parent_id, parent_ar, parent_en) if parent_id is not None else None
        place = Named(place_id, name_ar, name_en, parent) if place_id is not None else None
        rows[fields[0]] = IncidentRow(*fields, place=place)
    return [rows[pk] for pk in ids]


def _elsewhere(incidents, raw_page, per_page: int, key: str) -> tuple[dict, dict, Page]:
    ids = read_once(incidents)
    chosen = incidents if ids is None else by_ids(ids)
    totals, facets = cache.get_or_set(key, lambda: incident_summary(chosen), FIGURES_SECONDS)
    if ids is None:  # a wide filter: the database pages it
        paginator = Paginator(incidents.for_listing(), per_page)
        paginator.count = totals["n"]
        return totals, facets, paginator.get_page(raw_page)
    page = Paginator(ids, per_page).get_page(raw_page)
    rows = Incident.objects.for_listing().in_bulk(page.object_list)
    page.object_list = [rows[pk] for pk in page.object_list]
    return totals, facets, page


def read_once(incidents) -> list[int] | None:
    """The ids of these (filtered, sorted) incidents in their order, read in one query;
    None when there are more than SMALL of them."""
    ids = list(incidents.values_list("id", flat=True)[: SMALL + 1])
    return ids if len(ids) <= SMALL else None


def by_ids(ids: list[int]):
    """The incidents of a list of ids read by `read_once` (PostgreSQL: one array
    parameter, not thousands of bound values to quote and plan)."""
    if connection.vendor == "postgresql" and ids:
        return Incident.objects.filter(  # noqa: S611 (a constant statement, ids as a parameter)
            id__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
    return Incident.objects.filter(id__in=ids)


_SUMMARY = (
    "SELECT 'g', GROUPING(e.type, e.place_id), e.type, e.place_id::text, COUNT(*), "
    "SUM(e.killed_best), SUM(e.wounded_best), SUM(e.n_reports), {ranges} "
    "FROM e GROUP BY GROUPING SETS ((e.type), (e.place_id), ()) "
    "UNION ALL SELECT CASE WHEN GROUPING(f.a) = 0 THEN 'a' ELSE 'o' END, 0, NULL, "
    "COALESCE(f.a::text, f.o), COUNT(*), {nothing} FROM (SELECT unnest(e.actor_ids) AS a, "
    "unnest(e.outlet_names) AS o FROM e) f GROUP BY GROUPING SETS ((f.a), (f.o)) "
    "HAVING COALESCE(f.a::text, f.o) IS NOT NULL"
)
# The facets: both arrays unnested side by side in one pass (the shorter padded with
# NULLs, dropped by HAVING), each actor and outlet once an incident, so COUNT(*) counts
# incidents.
# With the page: the ids of one page of the filtered incidents, in the page's order.
_PAGE = (" UNION ALL SELECT 'p', ROW_NUMBER() OVER (ORDER BY {order}), NULL, e.id::text, 0, "
         "{nothing} FROM (SELECT * FROM e ORDER BY {order} LIMIT %s OFFSET %s) e")


def incident_summary(incidents, *, limit: int = 12) -> tuple[dict, dict]:
    """Totals (with casualty ranges) and facets counted in incidents, not reports."""
    base = incidents.order_by()
    if connection.vendor == "postgresql":
        return _summary_postgresql(base, limit)
    return _summary_by_queries(base, limit)


def _summary_by_queries(base, limit: int) -> tuple[dict, dict]:
    """Other databases: one query per figure (the reports joined for outlets and actors)."""
    facets = {
        "types": list(base.values("type").annotate(n=Count("id")).order_by("-n")),
        "places": list(base.exclude(place=None).values("place_id", "place__name_ar")
                       .annotate(n=Count("id")).order_by("-n", "place__name_ar")[:limit]),
    }
    return base.totals_with_ranges(), {**facets, **_joined_facets(base, limit)}


def _summary_postgresql(incidents, limit: int, *, page: tuple | None = None):
    """One statement: the filtered incidents are read once (a materialised CTE), then
    counted by type and place with the totals and ranges (GROUPING SETS), and by outlet
    and actor from the arrays every incident keeps (`Incident.outlet_names`, `actor_ids`:
    each named outlet and actor once, written with its figures) instead of joining their
    reports or parsing its JSON lists. With `page` (the sort's
    ORDER BY over `e`, the page's length and offset), the same statement gives that page's
    ids too: (totals, facets, ids) instead of (totals, facets)."""
    try:
        inner, params = incidents.values(
            "id", "type", "place_id", "killed_best", "wounded_best", "n_reports", "outlet_names",
            "actor_ids", "date").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing
        empty = Incident.objects.none().totals_with_ranges(), {
            "types": [], "places": [], "outlets": [], "actors": []}
        return empty if page is None else (*empty, [])
    ranges = ", ".join(_range_sql(f, lo, hi) for f in ("killed", "wounded") for lo, hi in RANGES)
    nothing = ", ".join(["NULL"] * (3 + len(RANGES) * 2))
    # Django's compiled SQL and constants only; every value is a parameter.
    sql = f"WITH e AS MATERIALIZED ({inner}) {_SUMMARY.format(ranges=ranges, nothing=nothing)}"
    if page is not None:
        order, per_page, offset = page
        sql += _PAGE.format(order=order, nothing=nothing)
        params = (*params, per_page, offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    totals, types, places, outlets, actors, ids = {}, [], [], [], [], []
    range_keys = [f"{f}_{lo}" for f in ("killed", "wounded") for lo, _ in RANGES]
    for kind, grouping, type_, key, n, killed, wounded, reports, *counts in rows:
        if kind == "p":
            ids.append((grouping, int(key)))
        elif kind == "o":
            outlets.append((key, n))
        elif kind == "a":
            actors.append((int(key), n))
        elif grouping == 0b11:
            totals = {**_with_ranges({"n": n, "killed": killed, "wounded": wounded,
                                      **dict(zip(range_keys, counts, strict=True))}),
                      "reports": reports or 0}
        elif grouping == 0b01:
            types.append({"type": type_, "n": n})
        elif key is not None:
            places.append({"place_id": int(key), "n": n})
    place_names = page_cache.names(Place, [p["place_id"] for p in places])
    for place in places:
        place["place__name_ar"] = place_names.get(place["place_id"], "")
    actor_names = page_cache.names(Actor, [a for a, _ in actors])
    actors = sorted(((a, actor_names[a], n) for a, n in actors if a in actor_names),
                    key=lambda r: (-r[2], r[1]))
    facets = {
        "types": sorted(types, key=lambda r: -r["n"]),
        "places": sorted(places, key=lambda r: (-r["n"], r["place__name_ar"]))[:limit],
        "outlets": [{"article__outlet": v, "n": n}
                    for v, n in sorted(outlets, key=lambda r: (-r[1], r[0]))[:limit]],
        "actors": [{"actor_id": a, "actor__name_ar": name, "n": n}
                   for a, name, n in actors[:limit]],
    }
    return (totals, facets) if page is None else (totals, facets, [pk for _, pk in sorted(ids)])


def _joined_facets(incidents, limit: int) -> dict:
    """The outlets and actors facets read from the incidents' reports."""
    ids = incidents.values("id")
    return {
        "outlets": [{"article__outlet": outlet, "n": n} for outlet, n in
                    Event.objects.filter(incident_id__in=ids).exclude(outlet="")
                    .values_list("outlet").annotate(n=Count("incident_id", distinct=True))
                    .order_by("-n", "outlet")[:limit]],
        "actors": list(EventActor.objects.filter(event__incident_id__in=ids)
                       .values("actor_id", "actor__name_ar")
                       .annotate(n=Count("event__incident_id", distinct=True))
                       .order_by("-n", "actor__name_ar")[:limit]),
    }
