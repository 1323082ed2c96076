"""The events page for a narrow filter on databases other than PostgreSQL (SQLite): one
read of the filtered set's slim rows, then totals, facets, ranges, sorting and the page's
ids computed in Python (a wide filter, or none, falls back to the database queries of
`EventQuerySet.summary`). PostgreSQL computes the same in one statement
(`archive/event_listing.py`, compared with this in tests/site/test_event_listing.py)."""
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from archive.models import EventActor, Place
from archive.querysets import RANGES

SMALL = 5000
FIELDS = ("id", "type", "place_id", "date", "killed_best", "wounded_best", "outlet")
_COLUMN = {"date": 3, "killed": 4, "wounded": 5}


@dataclass(frozen=True)
class SmallSet:
    ordered_ids: list[int]
    totals: dict
    facets: dict


def _sort_key(name: str):
    """The Python twin of filters.EVENT_SORTS: unknown values last, then id as tie-break."""
    descending = name.startswith("-")
    column = _COLUMN[name.lstrip("-")]
    sign = -1 if descending else 1

    def key(row):
        value = row[column]
        number = value.toordinal() if hasattr(value, "toordinal") else (value or 0)
        return (value is None, sign * number, sign * row[0])

    return key


def _ranges(values: list) -> list[dict]:
    return [{"lo": lo, "hi": hi, "n": sum(1 for v in values if v is not None and v >= lo
                                          and (hi is None or v <= hi))} for lo, hi in RANGES]


def _top(counter: Counter, name: str, limit: int) -> list[dict]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[:limit]
    return [{name: key, "n": n} for key, n in ranked]


def small_summary(events, sort: str, *, limit: int = 12) -> SmallSet | None:
    """Everything the events page needs from at most SMALL filtered events, or None."""
    rows = list(events.order_by().values_list(*FIELDS)[: SMALL + 1])
    if len(rows) > SMALL:
        return None
    killed = [r[4] for r in rows]
    wounded = [r[5] for r in rows]
    totals = {
        "n": len(rows),
        "killed": sum(k for k in killed if k is not None) if any(k is not None for k in killed)
        else None,
        "wounded": sum(w for w in wounded if w is not None)
        if any(w is not None for w in wounded) else None,
        "ranges": {"killed": _ranges(killed), "wounded": _ranges(wounded)},
    }
    places = _top(Counter(r[2] for r in rows if r[2] is not None), "place_id", limit)
    names = dict(Place.objects.filter(id__in=[p["place_id"] for p in places])
                 .values_list("id", "name_ar"))
    for place in places:
        place["place__name_ar"] = names.get(place["place_id"], "")
    ids = [r[0] for r in rows]
    actors = list(
        EventActor.objects.filter(event_id__in=ids).values("actor_id", "actor__name_ar")
        .annotate(n=Count("event_id", distinct=True)).order_by("-n", "actor__name_ar")[:limit]
    ) if ids else []
    facets = {
        "actors": actors,
        "places": places,
        "types": _top(Counter(r[1] for r in rows), "type", 50),
        "outlets": _top(Counter(r[6] for r in rows if r[6]), "article__outlet", limit),
    }
    ordered = [r[0] for r in sorted(rows, key=_sort_key(sort))]
    return SmallSet(ordered_ids=ordered, totals=totals, facets=facets)
