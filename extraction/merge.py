"""Placing and merging candidate events: which place a report names, when two reports
are one incident (same place or one enclosing the other, kin types, compatible figures),
what the merged event keeps, and which figures are totals rather than incidents."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from extraction.gazetteer import ancestors, places_by_key
from extraction.sentences import Sentence
from extraction.triggers import Trigger
from extraction.types import ActorRef, Count, EventDate, PlaceRef

# how specific a place is: settlements first; areas (mountains, regions) are vaguer
_KIND_RANK = {"village": 0, "subdistrict": 1, "city": 1, "district": 2, "area": 2,
              "governorate": 3, "country": 4}


@dataclass
class Candidate:
    """One sentence's report of an incident at one place, before repeated reports are
    merged (mutable: merging fills it in)."""

    type: str
    sentence: Sentence
    place: object | None  # PlaceMention
    own_place: bool
    killed: Count | None
    wounded: Count | None
    actors: list[ActorRef]
    date: EventDate | None
    strong: bool
    order: int
    update: bool = False  # the sentence updates a toll ("ارتفعت حصيلة")
    anaphoric: bool = False  # told with definite triggers only: "الغارة", "الهجوم"
    plural: bool = False  # "غارات", "هجمات": the figures may cover several strikes
    mentions: list[Sentence] = field(default_factory=list)  # later sentences telling it


def _rank(p) -> int:
    return _KIND_RANK.get(p.ref.kind, 1)


def _is_ancestor(outer, inner) -> bool:
    """Is place mention `outer` one of `inner`'s enclosing places?"""
    if outer.ref.key and inner.ref.key and inner.ref.key.startswith(outer.ref.key + "."):
        return True
    return outer.ref.name in inner.ref.admin


def _encloses(outer, inner) -> bool:
    """`outer` encloses `inner` and not the other way round: enclosure read from names
    can be mutual ("تونس" the city lies in "تونس" the country, and a second mention of
    it "encloses" the first), and mutual enclosure says nothing about which is smaller."""
    return _is_ancestor(outer, inner) and not _is_ancestor(inner, outer)


def choose_places(places: list, etype: str, triggers: list[Trigger], text: str,
                  counted: bool = False) -> list:
    """The places a sentence reports its incident at: the most specific one and those
    coordinated with it; for a territory report, every place taken in the trigger's
    clause. A toll over several provinces (`counted`) is one summary, not one per place."""
    if not places:
        return []
    # keep the most specific: drop places that enclose another one of the sentence
    specific = [p for p in places if not any(
        q is not p and _encloses(p, q) for q in places)] or places
    # dedupe by name, keep first
    seen, uniq = set(), []
    for p in specific:
        if p.ref.name not in seen:
            seen.add(p.ref.name)
            uniq.append(p)
    if etype == "territory":
        # every place taken in the trigger's clause: "قريتي حوش الظواهرة وحوش الزريقية"
        first = min((t.start for t in triggers if t.type == "territory"), default=0)
        stop = text.find("،", first)
        stop = len(text) if stop < 0 else stop
        taken = [p for p in uniq if first <= p.start < stop and _rank(p) < 4
                 and not _vague(p)]
        return taken or [p for p in uniq if p.start >= first][:1] or uniq[:1]
    best = min(uniq, key=lambda p: (_rank(p), _vague(p), p.start))
    best = _quarter_of(best, uniq, text)
    if counted and _rank(best) >= 3:
        return [best]
    return coordinated(best, uniq, text)


# "حي حمروين في العاصمة مقديشو"، "سوق الشورجة وسط بغداد": a quarter, then its city
_INSIDE = re.compile(r"\s*(?:في|ب|وسط|داخل|قرب|شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي)?\s*"
                     r"(?:(?:مدينه|العاصمه|بلده|قضاء|محافظه)\s*)?")


def _quarter_of(best, places: list, text: str):
    """A named quarter, square or market told right before the town it lies in is more
    precise than the town."""
    for p in places:
        if p.end <= best.start and p.ref.kind == "area" and not _vague(p) \
                and _INSIDE.fullmatch(text[p.end:best.start]):
            return p
    return best


# what may stand between two coordinated places: "X وY"، "X، وY"، "ثلاثة بX وشخصين آخرين
# بY"، "سبعة في X، والخمسة الباقون في Y"
_AND = re.compile(r"[\s،,]*و\s*|[\s،,]*و\S+(?:\s+\S+){0,2}\s+(?:في\s+|ب)")


def coordinated(best, places: list, text: str) -> list:
    """`best` and the places coordinated with it ("مدن X وY وZ"، "قريتي X وY"), each its
    own incident (GUIDELINES: one event per place), when they are of the same rank."""
    ordered = sorted(places, key=lambda p: p.start)
    i = ordered.index(best)
    chain = [best]
    for prev, nxt in zip(ordered[i:], ordered[i + 1:], strict=False):
        gap = text[prev.end:nxt.start]
        if len(gap) > 40 or not _AND.fullmatch(gap) or _vague(nxt) \
                or abs(_rank(nxt) - _rank(best)) > 1:
            break
        chain.append(nxt)
    return chain


def _compatible_counts(a: Count | None, b: Count | None) -> bool:
    """Could both figures be told of one incident? "at least 11" and "more than 10" can;
    "at least 12" and "8" cannot."""
    if a is None or b is None or a.best == b.best:
        return True
    if a.best is None or b.best is None:
        return True
    (lo_a, hi_a), (lo_b, hi_b) = _span(a), _span(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _part_of(part: Count | None, whole: Count | None) -> bool:
    """A figure told again of an incident already reported may be the same or a part of
    it ("the shell killed 20 on the spot" of 35)."""
    if _compatible_counts(part, whole):
        return True
    return part.best is not None and whole.best is not None and part.best < whole.best


def _span(c: Count) -> tuple[float, float]:
    """The values a figure allows: "15" 15..15, "at least 11" 11..18.5 (an open figure is
    not far above its floor), "up to 30" 0..30, "between 20 and 30" 20..30."""
    lo = c.low if c.low is not None else 0
    hi = c.high if c.high is not None else (lo or c.best or 0) * 1.5 + 2
    return lo, hi


def _vague(p) -> bool:
    """"north of X", "the east of X", a whole country: somewhere around X, not X itself."""
    if p.ref.kind == "country":
        return True
    return bool(p.relative) and p.relative not in ("قرب", "ريف", "في", "وسط", "داخل")


_TITLES = ("بقياده", "قياده", "مدير", "محافظ", "قايممقام", "قائممقام", "رييس", "حاكم", "والي",
           "مجلس", "مسوول", "مسؤول", "عمده", "امر", "قايد", "شرطه", "مستشفي", "جامعه",
           # a building named after a place: "فندق تيبستي" is a hotel, not the region
           "فندق", "مسجد", "مدرسه", "ملعب", "مطعم", "شركه", "بنك", "مصرف", "مطار")
_LAUNCH = ("اطلقت", "اطلق", "اطلقها", "انطلقت", "قادمه", "قادما", "القادم", "القادمه",
           "القادمين", "القادمون", "قادمين", "النازحين", "الفارين", "المنحدر", "المتحدر")


def names_a_party(text: str, place, actors: list, starts: list[int]) -> bool:
    """A place inside an actor's name ("الجيش العراقي", "التحالف بقيادة السعودية") or a
    speaker's title ("مدير ناحية القيارة"): not where the incident happened."""
    before = text[max(0, place.start - 30):place.start].split()
    if "من" in before[-3:] and any(w in _LAUNCH for w in before[-4:]):
        return True  # "قذيفة أطلقت من منطقة الغوطة": where it came from
    if before and before[-1] in _TITLES or len(before) > 1 and before[-2] in _TITLES \
            and before[-1] in ("ناحيه", "قضاء", "مدينه", "محافظه", "ولايه", "بلديه", "اقليم"):
        return True
    i = bisect.bisect_right(starts, place.start) - 1
    return i >= 0 and actors[i].start <= place.start < actors[i].end


def _same_place(a, b) -> bool | None:
    """True same / enclosing, False different, None when one is unknown."""
    if a is None or b is None or _vague(a) or _vague(b):
        return None  # "north of Mogadishu" may be any place near it
    if a.ref.name == b.ref.name or (a.ref.key and a.ref.key == b.ref.key):
        return True
    return _is_ancestor(a, b) or _is_ancestor(b, a)


_LOOKBACK = 60  # segments: one article's reports of one incident lie closer than this


def _recent(out: list[Candidate], c: Candidate):
    """Earlier events, latest first, as far back as one article reaches (this keeps a
    megabyte of text linear)."""
    for e in reversed(out):
        if c.order - e.order > _LOOKBACK:
            return
        yield e


def merge(cands: list[Candidate]) -> list[Candidate]:
    """One event per (incident, place): each candidate joins the latest earlier event it
    can be the same incident as (kin type; same, enclosing or vague place; compatible
    figures and day), or starts a new one."""
    out: list[Candidate] = []
    for c in cands:
        target = None
        if c.place is None and not (c.killed or c.wounded):
            # nothing of its own to tell it apart: more words on the last kin incident
            target = next((e for e in _recent(out, c) if _kin(e.type, c.type)), None)
        if c.anaphoric and target is None:
            # "الغارة"، "الهجوم": the incident already told, if there is one
            # "ارتفاع حصيلة الاشتباكات" right after a riot: that riot's toll
            target = next((e for e in _recent(out, c) if (
                _kin(e.type, c.type) or c.update and e is out[-1] and c.order - e.order <= 2)
                           and _same_place(e.place, c.place) is not False
                           and _part_of(c.killed, e.killed)
                           and _part_of(c.wounded, e.wounded)), None)
        for e in _recent(out, c) if target is None else ():
            same = _same_place(e.place, c.place)
            if same is False or (c.order - e.order > 3 and same is not True
                                 and c.place is not None and not _one_equal(e, c)):
                continue
            follows = c.place is None and c.order - e.order <= 2 and e is out[-1] and not (
                c.strong and _family(c.type) != _family(e.type))
            if not (_kin(e.type, c.type) or follows or _one_equal(e, c)):
                continue
            if e.date and c.date and e.date.date and c.date.date \
                    and e.date.date != c.date.date and same is not True \
                    and not _one_equal(e, c):
                continue
            if not (_compatible_counts(e.killed, c.killed)
                    and _compatible_counts(e.wounded, c.wounded)) and not _one_equal(e, c):
                continue
            target = e
            break
        if target is None:
            out.append(c)
            continue
        if c.place is None:
            # more of a report told at several places ("قريتي X وY"): the first place's
            target = next(e for e in out if e.sentence is target.sentence)
        _absorb(target, c)
    # an event told without a place happened where the article's previous one did
    for prev, e in zip(out, out[1:], strict=False):
        if e.place is None and prev.place is not None and e.order - prev.order <= 5:
            # a protest after a killing in a quarter was in the town, not at the doorstep
            e.place = prev.place if _family(e.type) == _family(prev.type) else _town_of(
                prev.place)
            e.own_place = False
    # violence with nothing to place or count it by is dropped: a reader can't use it;
    # a protest or an arrest is news without either
    return [e for e in out if e.place is not None or e.killed or e.wounded
            or (e.strong and e.type in ("protest", "arrest"))]


def _town_of(place):
    """The settlement a quarter, square or street lies in, told at the same words."""
    key = place.ref.parent_key if place.ref.kind == "area" else None
    record = places_by_key().get(key) if key else None
    if record is None:
        return place
    ref = PlaceRef(name=record.name, aliases=place.ref.aliases, key=record.key,
                   admin=tuple(a.name for a in ancestors(record.key)),
                   parent_key=record.parent, kind=record.kind, latitude=record.lat,
                   longitude=record.lon, name_en=record.name_en)
    return replace(place, ref=ref)


def _kin(a: str, b: str) -> bool:
    """Types one incident may be told as: "قصف" is shelling or an air raid; an "attack"
    is any of them until the article says how."""
    if a == b or {a, b} == {"airstrike", "shelling"}:
        return True
    return "attack" in (a, b) and not {a, b} & {"territory", "arrest", "protest"}


def _family(etype: str) -> str:
    """Protests and arrests are news of their own kind: a protest after a killing ("خرج
    العشرات في تظاهرة غاضبة") is not more of the killing."""
    return etype if etype in ("protest", "arrest") else "violence"


def _one_equal(a: Candidate, b: Candidate) -> bool:
    """One figure repeated exactly: the same incident told twice."""
    return any(x is not None and y is not None and x.best is not None and x.best == y.best
               for x, y in ((a.killed, b.killed), (a.wounded, b.wounded)))


def _absorb(e: Candidate, c: Candidate) -> None:
    e.mentions.append(c.sentence)
    if c.place is not None and (e.place is None or _vague(e.place) and not _vague(c.place)
                                or _is_ancestor(e.place, c.place)):
        if e.place is not None and e.plural and c.own_place and (c.killed or c.wounded):
            # the figures told with the precise place are that incident's; the first
            # ones may be the region's ("14 in raids on Ghouta" ... "10 in Hamouria")
            e.killed, e.wounded = c.killed or e.killed, c.wounded or e.wounded
        e.place, e.own_place = c.place, c.own_place
    e.killed = _pick(e.killed, c.killed, c.update)
    e.wounded = _pick(e.wounded, c.wounded, c.update)
    names = {a.name for a in e.actors}
    e.actors = e.actors + [a for a in c.actors if a.name not in names]
    if e.date is None or e.date.date is None or (
        c.date is not None and c.date.date is not None and "اليوم" in e.date.text
    ):  # "أعلنت المنظمة اليوم" dates the report; "الغارة نفذت السبت" the incident
        e.date = c.date or e.date
    if e.type == "attack" and c.type != "attack":
        e.type = c.type
    e.strong = e.strong or c.strong


def _pick(a: Count | None, b: Count | None, update: bool) -> Count | None:
    """The toll of an incident told twice: the first (the lead's), unless the later
    sentence updates it, or the first was vague ("dozens")."""
    if a is None or b is None:
        return a or b
    if update or (a.best is None and b.best is not None):
        return b
    return a


def continue_report(e: Candidate, cas, sent: Sentence, places: list,
                    actors: list[ActorRef] = ()) -> None:
    """A sentence with figures but no trigger right after an event tells more of it
    ("... وأصيب 20 آخرون"): it fills the figures the event lacks, refines its place
    and names its parties ("الهجوم الذي نفذه تنظيم داعش في غرب أفريقيا")."""
    if places and e.place is not None and not any(
        _same_place(p, e.place) is not False for p in places
    ):
        return
    e.mentions.append(sent)
    names = {a.name for a in e.actors}
    e.actors = e.actors + [a for a in actors if a.name not in names]
    if e.killed is None or (e.killed.best is None and cas.killed and cas.killed.best):
        e.killed = cas.killed or e.killed
    if e.wounded is None or (e.wounded.best is None and cas.wounded and cas.wounded.best):
        e.wounded = cas.wounded or e.wounded
    refined = [p for p in places if not _vague(p) and (
        e.place is None or _vague(e.place) or _is_ancestor(e.place, p))]
    if refined and e.type != "territory":
        e.place = min(refined, key=_rank)


def inherit_dates(events: list[Candidate], candidates: list[Candidate]) -> None:
    """An incident told without its day happened on the day of the report before it
    ("قتل 12 مدنيا الاحد ... اربعة مدنيين قتلوا في قصف على بلدة اخرى")."""
    dated = [c for c in candidates if c.date is not None and c.date.date is not None]
    orders = [c.order for c in dated]
    for e in events:
        if e.date is None or e.date.date is None:
            i = bisect.bisect_right(orders, e.order)
            if i:
                e.date = dated[i - 1].date


def inherit_initiators(events: list[Candidate]) -> list[Candidate]:
    """A passive report of the same operation ("تم تحرير قرية ...") right after one that
    names who did it is done by the same forces."""
    for prev, e in zip(events, events[1:], strict=False):
        if e.type != prev.type or e.order - prev.order > 3:
            continue
        if any(a.role == "initiator" for a in e.actors):
            continue
        names = {a.name for a in e.actors}
        e.actors = [a for a in prev.actors if a.role == "initiator" and a.name not in names
                    ] + e.actors
    return events


def drop_totals(events: list[Candidate]) -> list[Candidate]:
    """A figure that is the sum of the article's other incidents ("30 killed in raids on
    Idlib and Aleppo" over 8 + 3 + 18) is a total, not an incident. Each figure is judged
    against the incidents told near it (within _LOOKBACK segments)."""
    def killed(e: Candidate) -> int:
        return e.killed.best if e.killed and e.killed.best else 0

    def around(index: dict[int, list[Candidate]], e: Candidate) -> list[Candidate]:
        return [o for order in range(e.order - _LOOKBACK, e.order + _LOOKBACK + 1)
                for o in index.get(order, ()) if o is not e]

    by_order: dict[int, list[Candidate]] = {}
    for e in events:
        by_order.setdefault(e.order, []).append(e)
    kept: dict[int, list[Candidate]] = {}
    dropped: set[int] = set()
    for e in sorted(events, key=killed):  # smallest first: sub-totals go before totals
        k = killed(e)
        parts = [o for o in around(kept, e) if 0 < killed(o) < k] if k else []
        broad = len(parts) >= 2 and (e.place is None or _rank(e.place) >= 2 or any(
            o.place is not None and _is_ancestor(e.place, o.place) for o in around(by_order, e)))
        if broad and abs(sum(map(killed, parts)) - k) <= max(2, 0.1 * k):
            # the summary names who struck; the incidents it sums were theirs
            for o in parts:
                if not any(a.role == "initiator" for a in o.actors):
                    o.actors = [a for a in e.actors if a.role == "initiator"] + o.actors
            dropped.add(id(e))
            continue
        kept.setdefault(e.order, []).append(e)
    return [e for e in events if id(e) not in dropped]

