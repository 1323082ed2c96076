"""Figures: the one home of the killed and wounded decision once a sentence's figures
are read (`casualties.find_casualties` reads them): whether two figures can be told of
one incident, which figure a merged event keeps, what a later sentence fills in, and
which figures are totals of the article's other incidents rather than incidents, and
which are an organisation's tally of a war."""
from __future__ import annotations

from extraction import roles
from extraction.casualty_sums import add, other_side
from extraction.settings import SETTINGS
from extraction.stages.place import is_ancestor, rank
from extraction.types import Count

_BROAD_RANK = 2  # a total is told of a district or anything larger
_NOT_PARTS = ("territory", "arrest", "protest")  # their tolls are no strike's toll


def compatible(a: Count | None, b: Count | None) -> bool:
    """Could both figures be told of one incident? "at least 11" and "more than 10" can;
    "at least 12" and "8" cannot."""
    if a is None or b is None or a.best == b.best:
        return True
    if a.best is None or b.best is None:
        return True
    (lo_a, hi_a), (lo_b, hi_b) = _span(a), _span(b)
    return lo_a <= hi_b and lo_b <= hi_a


def part_of(part: Count | None, whole: Count | None) -> bool:
    """A figure told again of an incident already reported may be the same or a part of
    it ("the shell killed 20 on the spot" of 35)."""
    if compatible(part, whole):
        return True
    return part.best is not None and whole.best is not None and part.best < whole.best


def _span(c: Count) -> tuple[float, float]:
    """The values a figure allows: "15" 15..15, "at least 11" 11..18.5 (an open figure is
    not far above its floor), "up to 30" 0..30, "between 20 and 30" 20..30."""
    lo = c.low if c.low is not None else 0
    hi = c.high if c.high is not None else (lo or c.best or 0) * 1.5 + 2
    return lo, hi


def same_counts(a, b) -> bool:
    """Could both reports' killed and wounded be told of one incident?"""
    return compatible(a.killed, b.killed) and compatible(a.wounded, b.wounded)


def within_counts(part, whole) -> bool:
    """Are a later report's figures the same as, or part of, an earlier report's?"""
    return part_of(part.killed, whole.killed) and part_of(part.wounded, whole.wounded)


def one_equal(a, b) -> bool:
    """One figure repeated exactly: the same incident told twice."""
    return any(x is not None and y is not None and x.best is not None and x.best == y.best
               for x, y in ((a.killed, b.killed), (a.wounded, b.wounded)))


def has_figures(c) -> bool:
    return bool(c.killed or c.wounded)


def _pick(a: Count | None, b: Count | None, update: bool) -> Count | None:
    """The toll of an incident told twice, a ledger per side: a figure of another side
    than the toll so far adds to it ("31 عسكريا" ... "اثنين من عناصر الميليشيات لقيا
    مصرعهما أيضا"); of the same or an unsaid side, the first (the lead's) stands unless the
    later sentence updates it ("ارتفعت حصيلة"), or the first was vague ("dozens")."""
    if a is None or b is None:
        return a or b
    if other_side(a, b):
        return add(a, b)
    if update or (a.best is None and b.best is not None):
        return b
    return a


def absorb(e, c, moves: bool) -> None:
    """Figures of report `c` merged into event `e`; `moves`: `c` places `e` more
    precisely. Figures told with the precise place, or by the next report that tells
    more of it, are that incident's; the first ones may be the region's ("14 in raids on
    Ghouta" ... "10 in Hamouria")."""
    if moves and e.place is not None and e.plural and c.own_place:
        e.regional = not has_figures(c)  # without figures: the place's may come next
        if has_figures(c):
            e.killed, e.wounded = c.killed or e.killed, c.wounded or e.wounded
    elif e.regional and not c.own_place and has_figures(c) and within_counts(c, e):
        e.regional = False  # «... على بلدة المسيفرة. ضربت إحداها قبوا، مما أدى إلى مقتل 17»
        e.killed, e.wounded = c.killed or e.killed, c.wounded or e.wounded
    e.killed = _pick(e.killed, c.killed, c.update)
    e.wounded = _pick(e.wounded, c.wounded, c.update)


def _missing(current: Count | None, told: Count | None) -> bool:
    return current is None or (current.best is None and bool(told) and told.best is not None)


def fill(e, cas) -> None:
    """A later sentence's figures fill those the event lacks (or had only vaguely), or
    add another side's dead or wounded."""
    if _missing(e.killed, cas.killed):
        e.killed = cas.killed or e.killed
    elif other_side(e.killed, cas.killed):
        e.killed = add(e.killed, cas.killed)
    if _missing(e.wounded, cas.wounded):
        e.wounded = cas.wounded or e.wounded
    elif other_side(e.wounded, cas.wounded):
        e.wounded = add(e.wounded, cas.wounded)


def raise_toll(e, cas) -> None:
    """A toll a later sentence updates («ارتفعت حصيلة القتلى إلى سبعة») replaces a smaller
    one of the same (or an unsaid) side."""
    e.killed = _raised(e.killed, cas.killed)
    e.wounded = _raised(e.wounded, cas.wounded)


def _raised(current: Count | None, told: Count | None) -> Count | None:
    if current is None or told is None or told.best is None or other_side(current, told):
        return current
    return told if told.best > (current.best or 0) else current


def _killed(e) -> int:
    return e.killed.best if e.killed and e.killed.best else 0


def _around(index: dict[int, list], e, lookback: int) -> list:
    return [o for order in range(e.order - lookback, e.order + lookback + 1)
            for o in index.get(order, ()) if o is not e]


def _broad(e, parts: list, by_order: dict, lookback: int) -> bool:
    """Is `e` told of a wider area than its parts (or of none)?"""
    return len(parts) >= 2 and (e.place is None or rank(e.place) >= _BROAD_RANK or any(
        o.place is not None and is_ancestor(e.place, o.place)
        for o in _around(by_order, e, lookback)))


def drop_totals(events: list, settings=SETTINGS) -> list:
    """A figure that is the sum of the article's other incidents ("30 killed in raids on
    Idlib and Aleppo" over 8 + 3 + 18) is a total, not an incident. Each figure is judged
    against the incidents told near it (within `settings.lookback` segments)."""
    lookback = settings.lookback
    by_order: dict[int, list] = {}
    for e in events:
        by_order.setdefault(e.order, []).append(e)
    kept: dict[int, list] = {}
    dropped: set[int] = set()
    for e in sorted(events, key=_killed):  # smallest first: sub-totals go before totals
        k = _killed(e)
        parts = [o for o in _around(kept, e, lookback)
                 if 0 < _killed(o) < k and o.type not in _NOT_PARTS] if k else []
        tolerance = max(settings.total_tolerance, settings.total_share * k)
        if _broad(e, parts, by_order, lookback) and abs(sum(map(_killed, parts)) - k) <= tolerance:
            roles.share_initiators(e, parts)  # the summary names who struck
            dropped.add(id(e))
            continue
        kept.setdefault(e.order, []).append(e)
    return [e for e in events if id(e) not in dropped]


def drop_tallies(events: list, settings=SETTINGS) -> list:
    """Thousands killed told with no day of their own are a tally, not one incident: an
    organisation's count of a war («ووثقت الشبكة مقتل 18 ألف مدني»), a campaign's («مقتل
    1850 من مسلحي التنظيم جراء الغارات»), a massacre recalled («1200 شخص قتلوا خلال هجوم
    المسلحين على البلدة»). An incident that large is told with its day."""
    return [e for e in events if not (_killed(e) >= settings.tally_killed and e.date is None)]
