"""Merging: when two reports are one incident (kin types; same, enclosing or vague place;
compatible figures and day), and what the merged event keeps. Each decision it needs is
asked of its home: places of `place`, figures of `figures`, days of `dating`, parties
of `roles`, the type of `triggers.merged_type`."""
from __future__ import annotations

from extraction import roles
from extraction.doc import Candidate, Doc
from extraction.sentences import Sentence
from extraction.settings import SETTINGS, Settings
from extraction.stages import dating, figures
from extraction.stages.place import carry_places, refined, refines, same_place
from extraction.triggers import merged_type
from extraction.types import ActorRef

_OWN_KIND = ("protest", "arrest")  # news of their own kind, even unplaced and uncounted


def kin(a: str, b: str) -> bool:
    """Types one incident may be told as: "قصف" is shelling or an air raid; an "attack"
    is any of them until the article says how."""
    if a == b or {a, b} == {"airstrike", "shelling"}:
        return True
    return "attack" in (a, b) and not {a, b} & {"territory", "arrest", "protest"}


def family(etype: str) -> str:
    """Protests and arrests are news of their own kind: a protest after a killing ("خرج
    العشرات في تظاهرة غاضبة") is not more of the killing."""
    return etype if etype in _OWN_KIND else "violence"


def _recent(out: list[Candidate], c: Candidate, settings: Settings):
    """Earlier events, latest first, as far back as one article reaches (this keeps a
    megabyte of text linear); not the latest for a report told after «غداة» (of the day
    before it)."""
    for e in reversed(out):
        if c.order - e.order > settings.lookback:
            return
        if not _other_incident(e, c) and not _listed_together(e, c) \
                and not (c.days_ago and e is out[-1]) and not _other_strikers(e, c):
            yield e


def _listed_together(e: Candidate, c: Candidate) -> bool:
    """Two places of one sentence's list: one incident each («مدينتي X وY»)."""
    return e.sentence is c.sentence and e.own_place and c.own_place


def _other_strikers(e: Candidate, c: Candidate) -> bool:
    """An air strike and a shelling told by different parties («قصفت مليشيات الحوثي
    أحياء تعز» and «غارات طائرات التحالف على تعز»): two incidents, not one told twice."""
    if {e.type, c.type} != {"airstrike", "shelling"}:
        return False
    by_e, by_c = (_initiators(x) for x in (e, c))
    return bool(by_e) and bool(by_c) and by_e.isdisjoint(by_c)


def _initiators(c: Candidate) -> set[str]:
    return {a.name for a in c.actors if a.role == "initiator"}


def _other_incident(e: Candidate, c: Candidate) -> bool:
    """Was `e` told by the part of c's sentence before «غداة»، «ردا على» ...?"""
    left = c.apart_from
    return left is not None and (e.sentence == left or left in e.mentions)


def _same_incident(out: list[Candidate], e: Candidate, c: Candidate,
                   settings: Settings) -> bool:
    """Can report `c` be more of event `e`? A figure told again (`repeated`) makes it so
    across a vague place, another day or another type, unless `c` is the second incident
    of its sentence («غداة مقتل ستة جنود»)."""
    same = same_place(e.place, c.place)
    repeated = figures.one_equal(e, c) and c.apart_from is None
    if same is False or (c.order - e.order > settings.loose_merge_within and same is not True
                         and c.place is not None and not repeated):
        return False
    follows = c.place is None and c.order - e.order <= settings.follows_within \
        and e is out[-1] and not (c.strong and family(c.type) != family(e.type))
    if not (kin(e.type, c.type) or follows or repeated or _said_of(e, c)):
        return False
    if dating.different_days(e.date, c.date) and same is not True and not repeated:
        return False
    return figures.same_counts(e, c) or repeated


def _said_of(e: Candidate, c: Candidate) -> bool:
    """A statement on an incident («أدانت الجريمة الإرهابية التي استهدفت ...») and a
    report of violence: one incident, whatever type each was read as."""
    return (e.statement or c.statement) and family(e.type) == family(c.type) == "violence"


def _told_again(out: list[Candidate], c: Candidate, settings: Settings):
    """"الغارة"، "الهجوم": the incident already told, if there is one; "ارتفاع حصيلة
    الاشتباكات" right after a riot: that riot's toll."""
    def fits(e: Candidate) -> bool:
        update = c.update and e is out[-1] and c.order - e.order <= settings.follows_within
        return (kin(e.type, c.type) or update or _said_of(e, c)) \
            and same_place(e.place, c.place) is not False and figures.within_counts(c, e)
    return next((e for e in _recent(out, c, settings) if fits(e)), None)


def _target(out: list[Candidate], c: Candidate, settings: Settings) -> Candidate | None:
    """The earlier event report `c` tells more of, or None for a new incident."""
    target = None
    if c.another:
        return None  # «وفي هجوم آخر»: not one told before
    if c.place is None and not figures.has_figures(c):
        # nothing of its own to tell it apart: more words on the last kin incident
        target = next((e for e in _recent(out, c, settings) if kin(e.type, c.type)), None)
    if c.anaphoric and target is None:
        target = _told_again(out, c, settings)
    if target is None:
        target = next((e for e in _recent(out, c, settings)
                       if _same_incident(out, e, c, settings)), None)
    if target is not None and c.place is None:
        # more of a report told at several places ("قريتي X وY"): the first place's
        target = next(e for e in out if e.sentence is target.sentence)
    return target


def absorb(e: Candidate, c: Candidate) -> None:
    """Report `c` merged into event `e`."""
    e.mentions.append(c.sentence)
    moves = refines(e.place, c.place)
    figures.absorb(e, c, moves)
    if moves:
        e.place, e.own_place = c.place, c.own_place
    e.actors = roles.union(e.actors, c.actors)
    e.date = dating.prefer(e.date, c.date)
    # a statement's type is read from few words: the next report's says more
    e.type = c.type if e.statement and c.type != "attack" else merged_type(e.type, c.type)
    e.statement = e.statement and c.statement
    e.strong = e.strong or c.strong
    e.raised += c.raised


def merge(cands: list[Candidate], settings: Settings = SETTINGS) -> list[Candidate]:
    """One event per (incident, place): each candidate joins the latest earlier event it
    can be the same incident as, or starts a new one."""
    out: list[Candidate] = []
    for c in cands:
        target = _target(out, c, settings)
        if target is None:
            out.append(c)
        else:
            absorb(target, c)
    for e in out:
        for cas in e.raised:
            figures.raise_toll(e, cas)
    carry_places(out, family, settings)
    # violence with nothing to place or count it by is dropped: a reader can't use it;
    # a protest or an arrest is news without either
    return [e for e in out if e.place is not None or figures.has_figures(e)
            or (e.strong and e.type in _OWN_KIND)]


def merge_stage(doc: Doc) -> None:
    doc.events = merge(doc.events, doc.settings)


def continue_report(e: Candidate, cas, sent: Sentence, places: list,
                    actors: list[ActorRef] = (), update: bool = False) -> None:
    """A sentence with figures but no trigger right after an event tells more of it
    ("... وأصيب 20 آخرون"): it fills the figures the event lacks, refines its place
    and names its parties ("الهجوم الذي نفذه تنظيم داعش في غرب أفريقيا"); a toll it
    updates («ارتفعت الحصيلة إلى») replaces the event's once its reports are merged."""
    if places and e.place is not None and not any(
        same_place(p, e.place) is not False for p in places
    ):
        return
    e.mentions.append(sent)
    e.actors = roles.union(e.actors, actors)
    figures.fill(e, cas)
    if update:  # «ارتفعت حصيلة القتلى إلى سبعة»: once the reports are merged
        e.raised.append(cas)
    better = refined(e.place, places)
    if better is not None and e.type != "territory":
        e.place = better
