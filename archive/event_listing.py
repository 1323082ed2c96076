"""The events page's figures and rows: the filtered reports' totals, casualty ranges and
facets, and the page's 50 reports.

PostgreSQL: one statement reads the filtered reports once (a materialised CTE) and gives
the totals and ranges, the counts by type, place and outlet (GROUPING SETS; the outlet
each report keeps, `Event.outlet`, so no article is read), the top
actors (the reports' `actor_ids` unnested: each actor once a report), and the ids of
the requested page in the page's order: the filter runs once, and no row but the page's
reaches Python. The figures are then kept for the version of
the data (`page_cache.data_version`), so paging or re-sorting the same filter reads only
its page. Other databases: `small_sets.small_summary` (one read of a narrow filter) or
`EventQuerySet.summary` (a wide one). The figures are those the two gave: ties in the
type and outlet facets broken by the key as text, actors by name, places by id as text
up to SMALL reports (small_summary) and by name past it (summary).
"""
import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection

from archive import rows_by_ids
from archive.lazy_rows import LazyRows
from archive.models import Event, EventActor
from archive.page_cache import data_version
from archive.querysets import RANGES, _range_sql, _with_ranges

SUMMARY_SECONDS = 60
ACTORS = 12  # each facet's length (types: all)
# Each sort's ORDER BY over the CTE: the SQL twin of filters.EVENT_SORTS.
ORDER = {
    "-date": "e.date DESC NULLS LAST, e.id DESC", "date": "e.date ASC NULLS LAST, e.id ASC",
    "-killed": "e.killed_best DESC NULLS LAST, e.id DESC",
    "killed": "e.killed_best ASC NULLS LAST, e.id ASC",
    "-wounded": "e.wounded_best DESC NULLS LAST, e.id DESC",
    "wounded": "e.wounded_best ASC NULLS LAST, e.id ASC",
}
_STATEMENT = (
    "WITH e AS MATERIALIZED ({inner}) "
    "SELECT 'g', GROUPING(e.type, e.place_id, e.outlet), e.type, e.place_id, e.outlet, "
    "p.name_ar, COUNT(*), SUM(e.killed_best), SUM(e.wounded_best), {ranges} "
    "FROM e LEFT JOIN {place} p ON p.id = e.place_id "
    "GROUP BY GROUPING SETS ((e.type), (e.place_id, p.name_ar), (e.outlet), ()) "
    "UNION ALL (SELECT 'a', 0, NULL, f.a, NULL, x.name_ar, COUNT(*), {nothing} "
    "FROM (SELECT unnest(e.actor_ids) AS a FROM e) f JOIN {actor} x ON x.id = f.a "
    "GROUP BY f.a, x.name_ar ORDER BY 7 DESC, x.name_ar LIMIT %s) "
    "UNION ALL SELECT 'p', ROW_NUMBER() OVER (ORDER BY {order}), NULL, e.id, NULL, NULL, "
    "0, {nothing} FROM (SELECT * FROM e ORDER BY {order} LIMIT %s OFFSET %s) e"
)


def _small_sets():
    from archive.views import small_sets  # archive.views imports this module

    return small_sets


def _empty() -> tuple[dict, dict]:
    return Event.objects.none().totals_with_ranges(), {
        "actors": [], "types": [], "places": [], "outlets": []}


def _top(counts: list[tuple], name: str, limit: int, *, label: str | None = None,
         by_label: bool = False) -> list:
    """Most first; ties by the key as text (small_summary's order), or by the label (the
    place's name: `EventQuerySet.summary`'s order for a filter past SMALL)."""
    tie = 2 if by_label else 0
    ranked = sorted(counts, key=lambda row: (-row[1], str(row[tie] or "")))[:limit]
    if label is None:
        return [{name: key, "n": n} for key, n in ranked]
    return [{name: key, "n": n, label: text or ""} for key, n, text in ranked]


def _statement(events, sort: str, per_page: int, offset: int):
    """(the SQL, its parameters) of the one read; EmptyResultSet for a filter that can
    match nothing."""
    from archive.models import Actor, Place

    inner, params = events.order_by().values(
        "id", "type", "place_id", "killed_best", "wounded_best", "outlet", "date",
        "actor_ids").query.sql_with_params()
    ranges = ", ".join(_range_sql(f, lo, hi) for f in ("killed", "wounded") for lo, hi in RANGES)
    # Django's compiled SQL, table names and constants only; every value is a parameter.
    sql = _STATEMENT.format(
        inner=inner, ranges=ranges, nothing=", ".join(["NULL"] * (2 + 2 * len(RANGES))),
        place=Place._meta.db_table, actor=Actor._meta.db_table,
        order=ORDER[sort])
    return sql, [*params, ACTORS, per_page, offset]


def _read_once(events, sort: str, per_page: int, offset: int):
    """(totals, facets, the page's ids) in one statement (PostgreSQL)."""
    try:
        sql, params = _statement(events, sort, per_page, offset)
    except EmptyResultSet:
        return (*_empty(), [])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    totals, types, places, outlets, actors, page = {}, [], [], [], [], []
    range_keys = [f"{f}_{lo}" for f in ("killed", "wounded") for lo, _ in RANGES]
    for kind, grouping, type_, key, outlet, name, n, killed, wounded, *counts in rows:
        if kind == "p":
            page.append((grouping, key))
        elif kind == "a":
            actors.append({"actor_id": key, "actor__name_ar": name, "n": n})
        elif grouping == 0b111:
            totals = _with_ranges({"n": n, "killed": killed, "wounded": wounded,
                                   **dict(zip(range_keys, counts, strict=True))})
        elif grouping == 0b011:
            types.append((type_, n))
        elif grouping == 0b101 and key is not None:
            places.append((key, n, name))
        elif grouping == 0b110 and outlet:
            outlets.append((outlet, n))
    facets = {
        "actors": actors,
        "places": _top(places, "place_id", ACTORS, label="place__name_ar",
                       by_label=totals["n"] > _small_sets().SMALL),
        "types": _top(types, "type", 50),
        "outlets": _top(outlets, "article__outlet", ACTORS),
    }
    return totals, facets, [pk for _, pk in sorted(page)]


def requested(raw) -> int:
    """The page number asked for, as Paginator.get_page reads it when it is in range."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def figures_key(prefix: str, data: dict) -> str:
    """The cache key of a filter's figures: its criteria (not its sort) and the version
    of the data."""
    criteria = sorted((k, str(v)) for k, v in data.items() if k != "sort")
    return prefix + hashlib.sha256(repr((data_version(), criteria)).encode()).hexdigest()


@dataclass(slots=True)
class Named:
    """An actor or a place as a row shows it."""
    pk: int
    name_ar: str
    name_en: str
    parent: "Named | None" = None


@dataclass(slots=True)
class Participant:
    role: str
    actor: Named


class Prefetched(list):
    """A list that answers `.all()` as a prefetched relation does."""

    def all(self):
        return self


@dataclass(slots=True)
class Source:
    title: str
    outlet: str


@dataclass(slots=True)
class EventRow:
    """What a row of the events table shows of a report (`listing_rows.event_row`), read
    as plain values: building the report, article, places and actors as model instances
    cost four times the CPU."""
    pk: int
    date: datetime.date | None
    date_precision: str
    type: str
    rejected: bool
    reviewed: bool
    confidence: float
    killed_best: int | None
    killed_low: int | None
    killed_high: int | None
    wounded_best: int | None
    place_text: str
    article_id: int
    article: Source
    place: Named | None
    participants: Prefetched


_ROW = ("id", "date", "date_precision", "type", "rejected", "reviewed", "confidence",
        "killed_best", "killed_low", "killed_high", "wounded_best", "place_text", "article_id",
        "article__title", "article__outlet", "place_id", "place__name_ar", "place__name_en",
        "place__parent_id", "place__parent__name_ar", "place__parent__name_en")


def _participants_query(ids):
    return (EventActor.objects.filter(event_id__in=ids).order_by("id")
            .values_list("event_id", "role", "actor_id", "actor__name_ar", "actor__name_en"))


def _rows_query(ids):
    return Event.objects.filter(id__in=ids).values_list(*_ROW)


def event_rows(ids: list[int]) -> list[EventRow]:
    """The events table's rows of these reports, in this order (two queries)."""
    if not ids:
        return []
    participants: dict[int, Prefetched] = {pk: Prefetched() for pk in ids}
    for event_id, role, *actor in rows_by_ids.read(_participants_query, ids):
        participants[event_id].append(Participant(role, Named(*actor)))
    rows = {}
    for (pk, *fields, title, outlet, place_id, name_ar, name_en, parent_id, parent_ar,
         parent_en) in rows_by_ids.read(_rows_query, ids):
        parent = Named(parent_id, parent_ar, parent_en) if parent_id is not None else None
        place = Named(place_id, name_ar, name_en, parent) if place_id is not None else None
        rows[pk] = EventRow(pk, *fields, article=Source(title, outlet), place=place,
                            participants=participants[pk])
    return [rows[pk] for pk in ids]


def _paged(events, per_page: int, raw, count: int, *, ids: Callable[[Page], list]) -> Page:
    """The page of `events` a reader asked for (`raw`), its reports loaded for the table."""
    paginator = Paginator(events.values_list("id", flat=True), per_page)
    paginator.count = count  # already counted with the totals
    page = paginator.get_page(raw)
    page.object_list = LazyRows(ids(page), event_rows)  # read as the table needs them
    return page


def figures_and_page(filterset, raw_page, per_page: int) -> tuple[dict, dict, Page]:
    """(totals, facets, page) of a valid events FilterSet, for the page number `raw_page`."""
    data = filterset.form.cleaned_data
    sort = data.get("sort") or "-date"
    events = filterset.qs
    if connection.vendor != "postgresql":
        return _elsewhere(events, sort, raw_page, per_page, data)
    key = figures_key("marsad:events-figures:", data)
    known = cache.get(key)
    if known is not None:  # the same filter, another page or sort: read the page only
        totals, facets = known
        page = _paged(events, per_page, raw_page, totals["n"],
                      ids=lambda page: list(page.object_list))
        return totals, facets, page
    number = requested(raw_page)
    totals, facets, ids = _read_once(events, sort, per_page, (number - 1) * per_page)
    cache.set(key, (totals, facets), SUMMARY_SECONDS)
    page = _paged(events, per_page, raw_page, totals["n"],
                  ids=lambda page: ids if page.number == number else list(page.object_list))
    return totals, facets, page


def _elsewhere(events, sort: str, raw_page, per_page: int, data: dict):
    """Other databases (SQLite): a narrow filter read once, a wide one counted by queries."""
    small = _small_sets().small_summary(events, sort)
    if small is None:
        key = figures_key("marsad:events-summary:", data)
        totals, facets = cache.get_or_set(key, events.summary, SUMMARY_SECONDS)
        paginator = Paginator(events, per_page)
        paginator.count = totals["n"]
        return totals, facets, paginator.get_page(raw_page)
    page = Paginator(small.ordered_ids, per_page).get_page(raw_page)
    page.object_list = LazyRows(list(page.object_list), event_rows)
    return small.totals, small.facets, page
