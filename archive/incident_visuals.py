"""Reads behind the map and the charts: the incidents a filter chooses (see
archive.incident_listing), grouped by place for the map and by period and type for the
charts. Both are bounded, whatever the archive's size, and both account for every
incident: the map counts those without coordinates, the series those without a date."""
import datetime as dt

from django.db.models import BooleanField, Case, Count, F, Max, Min, Q, Sum, When, Window
from django.db.models.functions import Coalesce, RowNumber, TruncMonth, TruncWeek, TruncYear
from django.utils.translation import get_language

from archive.models import Event, Place
from archive.transliterate import transliterate

MAX_PLACES = 1000  # map points (places), the busiest first
PER_POINT = 10  # incidents listed in one point's popup, the deadliest first
MAX_PERIODS = 520  # bars of a series (ten years of weeks)
STEPS = {"week": TruncWeek, "month": TruncMonth, "year": TruncYear}
POINT_KINDS = {Place.Kind.CITY, Place.Kind.VILLAGE}
COUNTRY_KINDS = {Place.Kind.COUNTRY}
APPROXIMATE = Event.DatePrecision.PUBLICATION


def _name(arabic: str, english: str) -> str:
    """A place's name in the reader's language, as the pages show it (the answers are
    cached per language)."""
    if (get_language() or "ar").startswith("en"):
        return english or transliterate(arabic)
    return arabic


def precision(kind: str) -> str:
    """How exactly a place's coordinates locate an incident: a town or village ("town"),
    the centroid of an area, district or governorate ("area"), or of a country."""
    if kind in POINT_KINDS:
        return "town"
    return "country" if kind in COUNTRY_KINDS else "area"


def _located():
    return Q(place__latitude__isnull=False, place__longitude__isnull=False)


def map_points(incidents) -> dict:
    """The incidents by place: a point per located place (incident count, deaths, up to
    PER_POINT incidents to list), and how many incidents have no coordinates."""
    base = incidents.order_by()
    totals = base.aggregate(n=Count("id"), killed=Sum("killed_best"))
    located = base.filter(_located())
    rows = list(
        located.values("place_id", "place__name_ar", "place__name_en", "place__kind",
                       "place__latitude",
                       "place__longitude")
        .annotate(n=Count("id"), killed=Sum("killed_best")).order_by("-n", "place_id")
    [:MAX_PLACES + 1])
    points = {row["place_id"]: {
        "place": row["place_id"],
        "name": _name(row["place__name_ar"], row["place__name_en"]),
        "precision": precision(row["place__kind"]),
        "lat": row["place__latitude"], "lon": row["place__longitude"],
        "n": row["n"], "killed": row["killed"] or 0, "incidents": [],
    } for row in rows[:MAX_PLACES]}
    deadliest = Window(RowNumber(), partition_by=[F("place_id")],
                       order_by=[F("killed_best").desc(nulls_last=True), F("id").desc()])
    listed = (located.filter(place_id__in=list(points)).annotate(rank=deadliest)
              .filter(rank__lte=PER_POINT)
              .values("id", "place_id", "type", "date", "date_precision", "killed_best")
              .order_by("place_id", "rank"))
    for row in listed:
        points[row["place_id"]]["incidents"].append({
            "id": row["id"], "type": row["type"],
            "date": row["date"].isoformat() if row["date"] else None,
            "approximate_date": row["date_precision"] == APPROXIMATE,
            "killed": row["killed_best"],
        })
    n_located = sum(p["n"] for p in points.values())
    return {
        "total": totals["n"], "killed": totals["killed"] or 0,
        "located": n_located, "unlocated": totals["n"] - located.count(),
        "places_left_off": max(0, len(rows) - MAX_PLACES),
        "types": dict(Event.Type.choices),
        "points": list(points.values()),
    }


def _periods(first: dt.date, last: dt.date, step: str) -> list[dt.date]:
    """Every period start from `first`'s to `last`'s (both already truncated)."""
    out, day = [], first
    while day <= last:
        out.append(day)
        if step == "week":
            day += dt.timedelta(days=7)
        elif step == "month":
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day = dt.date(day.year + 1, 1, 1)
    return out


def _count_periods(first: dt.date, last: dt.date, step: str) -> int:
    if step == "week":
        return (last - first).days // 7 + 1
    if step == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def choose_step(first: dt.date | None, last: dt.date | None, wanted: str) -> str:
    """`wanted` ("week", "month", "year" or "auto") made coarser until the series has at
    most MAX_PERIODS bars ("auto" starts at weeks up to half a year, then months)."""
    if first is None:
        return "month" if wanted == "auto" else wanted
    order = ["week", "month", "year"]
    if wanted == "auto":
        wanted = "week" if (last - first).days <= 182 else "month"
        if _count_periods(first, last, "month") > 120:
            wanted = "year"
    for step in order[order.index(wanted):]:
        if _count_periods(first, last, step) <= MAX_PERIODS or step == "year":
            return step
    return "year"


def series(incidents, *, step: str = "auto") -> dict:
    """Incidents and deaths per period and type, oldest first, every period present.
    An incident dated only by a report's publication (its date marked so, or no date but a
    first publication day) counts in that period, marked approximate; one with neither is
    counted apart (`undated`). The bars and
    `undated` together add up to `totals`."""
    base = incidents.order_by()
    totals = base.aggregate(n=Count("id"), killed=Sum("killed_best"))
    dated = base.annotate(when=Coalesce("date", "first_reported")).exclude(when=None)
    bounds = dated.aggregate(first=Min("when"), last=Max("when"))
    step = choose_step(bounds["first"], bounds["last"], step)
    approximate = Case(When(Q(date=None) | Q(date_precision=APPROXIMATE), then=True),
                       default=False, output_field=BooleanField())
    rows = list(
        dated.annotate(period=STEPS[step]("when"), approximate=approximate)
        .values("period", "type", "approximate")
        .annotate(n=Count("id"), killed=Sum("killed_best")).order_by("period", "type")
    )
    bars: dict[dt.date, dict] = {}
    for row in rows:
        period = _as_date(row["period"])
        key = "approximate" if row["approximate"] else "exact"
        cell = bars.setdefault(period, {}).setdefault(row["type"], {
            "exact": {"n": 0, "killed": 0}, "approximate": {"n": 0, "killed": 0}})
        cell[key]["n"] += row["n"]
        cell[key]["killed"] += row["killed"] or 0
    periods = _periods(min(bars), max(bars), step) if bars else []
    undated = base.filter(date=None, first_reported=None).aggregate(
        n=Count("id"), killed=Sum("killed_best"))
    return {
        "step": step,
        "types": [{"code": code, "label": label} for code, label in Event.Type.choices],
        "periods": [{"start": p.isoformat(), "types": bars.get(p, {})} for p in periods],
        "undated": {"n": undated["n"], "killed": undated["killed"] or 0},
        "totals": {"n": totals["n"], "killed": totals["killed"] or 0},
    }


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value

