"""Reading: each segment of the Doc into candidate events (one per place it reports the
incident at), or into more of the previous candidate. A segment is dropped when a cue
says it is no news (an accident, a verdict, an earlier toll, history); its live
triggers are those no cue cancels; its figures, places and parties are read once; the
type, roles, date and places are asked of their homes (`triggers.event_type`,
`roles`, `dating`, `place.choose_places`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extraction import incidents, roles
from extraction.aircraft import targeted_by_aircraft
from extraction.arabic import strip_article
from extraction.casualties import Casualties, find_casualties
from extraction.doc import Candidate, Doc, guarded
from extraction.lexicons import reads
from extraction.road_ends import off_the_road, road_ends
from extraction.sentences import Sentence
from extraction.stages import dating
from extraction.stages.merge import continue_report
from extraction.stages.place import (
    bearings,
    choose_places,
    names_a_party,
    same_place,
    told_from,
)
from extraction.trigger_scope import reports_incident, taking_achieved
from extraction.triggers import Cue, Trigger, event_type, kinds, pattern

_LEX = reads("pipeline.json", "update", "plain_verbs", "definite", "plural_ending",
             "verb_particles", "incident_clause", "vague_incident_words", "vague_toll")
_DROPS = frozenset(("accident", "court", "staged"))  # cue kinds that make a sentence no news at all


@cache
def _update() -> re.Pattern:
    return re.compile(_LEX["update"])


@cache
def _vague_toll() -> re.Pattern:
    return re.compile(_LEX["vague_toll"])


@cache
def _incident_clause() -> re.Pattern:
    return re.compile(_LEX["incident_clause"])


@dataclass
class Report:
    """What one segment tells, read once."""

    order: int
    sent: Sentence
    cues: list[Cue]
    live: list[Trigger] = field(default_factory=list)
    background: bool = False
    cas: Casualties = Casualties(None, None)
    places: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    strong: list[Trigger] = field(default_factory=list)
    only_told: bool = False  # told only by relative clauses after definite triggers

    @property
    def has_figures(self) -> bool:
        return self.cas.killed is not None or self.cas.wounded is not None

    def kind(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.cues)

    @property
    def statement(self) -> bool:
        """A condemnation, a visit, a meeting ... (a generic cue) with no figure."""
        return self.kind("generic") and not self.has_figures


def read_stage(doc: Doc) -> None:
    """Every segment, in order (each guarded: a failing sentence loses only itself)."""
    for order, sent in enumerate(doc.segments):
        guarded(read_sentence, doc, order, sent)
    doc.events = list(doc.candidates)


def _no_news(doc: Doc, r: Report) -> bool:
    """A road accident, a crime; a verdict on an old case; "وكانت المصادر قد ذكرت في
    وقت سابق أن ثلاثة": an earlier toll; an almanac's line. A protest about a crime is
    still a protest."""
    kinds = {c.kind for c in r.cues}
    if "crime" in kinds and not any(
            t.type == "protest" for t in doc.within("triggers", r.sent.start, r.sent.end)):
        return True
    return not kinds.isdisjoint(_DROPS) or (
        "earlier" in kinds and not _update().search(r.sent.text)) or dating.almanac(doc, r.sent)


def _live_triggers(doc: Doc, r: Report) -> None:
    """The sentence's triggers that no cue cancels, and whether history ("منذ 2014", a
    total) covers part of it: its clause and the rest of the sentence are masked."""
    sent = r.sent
    if not doc.within("triggers", sent.start, sent.end) and not r.kind("history"):
        return  # nothing to keep, nothing to mask
    for clause in doc.clauses(sent):
        c_cues = [c for c in r.cues if clause.start <= c.start < clause.end]
        r.background = r.background or any(c.kind == "history" for c in c_cues)
        if r.background:
            doc.mask(clause.start, clause.end)
            continue
        r.live += _before_recalled(doc, r, clause, c_cues)


def _before_recalled(doc: Doc, r: Report, clause: Sentence, cues: list[Cue]) -> list:
    """The clause's live triggers before the first one its own date recalls («العملية
    الانتحارية التي وقعت في 20 يوليو الماضي وأدت إلى مقتل 32»): that incident and what
    the clause tells after it are history, like a history cue's clause when none came
    before."""
    triggers = doc.within("triggers", clause.start, clause.end)
    told = [t for t in triggers if reports_incident(doc.text, t, cues, r.sent, doc.settings)]
    if not told or _lead(doc, r):
        return told
    recalled = next((t for t in triggers if dating.dated_earlier(doc, r.sent, t)), None)
    if recalled is None:
        return told
    doc.mask(recalled.start, clause.end)
    before = [t for t in told if t.start < recalled.start]
    r.background = r.background or not before
    return before


def _lead(doc: Doc, r: Report) -> bool:
    """The article's lead, or the sentence after a lead that told an incident («أعلنت
    الوزارة اليوم مقتل قيادي في غارة ... العملية التي جرت في 11 يوليو»): the news itself,
    however long ago the incident it announces happened."""
    return r.order == 0 or (r.order == 1 and bool(doc.candidates)
                            and all(c.order == 0 for c in doc.candidates))


def _recent(doc: Doc, order: int) -> bool:
    return bool(doc.candidates) and \
        order - doc.candidates[-1].order <= doc.settings.continues_within


def read_sentence(doc: Doc, order: int, sent: Sentence) -> None:
    r = Report(order, sent, doc.within("cues", sent.start, sent.end))
    if _no_news(doc, r):
        return
    _live_triggers(doc, r)
    if r.background:
        doc.memo["background_end"] = sent.end
    recent = _recent(doc, order)
    if not r.live and (r.background or not recent or _rest_of_background(doc, sent)):
        return
    r.cas = find_casualties(_own_words(doc, sent))
    if not r.live:
        places = doc.within("places", sent.start, sent.end) if r.has_figures else []
        continue_report(_continued(doc, places), r.cas, sent, places,
                        update=bool(_update().search(sent.text)))
        return
    if r.statement and not _told_incident(doc, r):
        return
    _read_places(doc, r)
    _read_actors(doc, r)
    r.live = targeted_by_aircraft(r.live, doc.text, told=r.has_figures or (
        recent and _at_the_last_place(doc, r)))
    r.strong = _strong(doc, r)
    r.only_told = _only_told(doc, r)
    _place_of_told(doc, r)
    if not r.strong and not ((r.has_figures or _vague_toll().search(r.sent.text)) and r.places):
        r = _weak(doc, r, recent)
    if r is not None:
        _add_candidates(doc, r)


def _at_the_last_place(doc: Doc, r: Report) -> bool:
    """Does the sentence name no place, or the place of the incident told just before it
    (more of that incident)?"""
    last = doc.candidates[-1].place
    return not r.places or any(same_place(p, last) is not False for p in r.places)


def _told_incident(doc: Doc, r: Report) -> bool:
    """«أدانت الحكومة التفجير الإرهابي الذي استهدف مسجد ...»: condemned or visited, one
    incident is told as having happened (a definite singular trigger and a relative
    clause; «الهجمات التي تعرضت لها البلاد» are many)."""
    return any(_told_as_happened(doc, r, t) for t in r.live)


def _told_as_happened(doc: Doc, r: Report, t: Trigger) -> bool:
    """A definite singular trigger that names an incident, and a relative clause of
    occurrence after it."""
    return t.text.startswith(tuple(_LEX["definite"])) and not _plural([t]) \
        and strip_article(t.text) not in _LEX["vague_incident_words"] \
        and bool(_incident_clause().match(doc.text, t.end, r.sent.end))


def _rest_of_background(doc: Doc, sent: Sentence) -> bool:
    """The segment after «بينما/فيما» of a sentence whose first part is history or a total
    («حصدت الألغام خلال الأيام الثلاثة الماضية أرواح 29 شخصا بينما أصيب 261»), with no
    trigger of its own: the same history's figures, not more of the last incident."""
    return doc.memo.get("background_end") == sent.start - 1


def _continued(doc: Doc, places: list) -> Candidate:
    """The incident a following sentence tells more of: the last one told, unless that
    one was told after «غداة»، «ردا على» as an aside to its sentence's news («واجتاح
    المتشددون قاعدة في يوبي، غداة هجوم آخر في بورنو. ... أكد مصدر مقتل 31»): then the
    news, unless the sentence names the aside's place."""
    last = doc.candidates[-1]
    if last.apart_from is None or any(same_place(p, last.place) for p in places):
        return last
    return next((c for c in reversed(doc.candidates) if c.order < last.order), last)


def _another(doc: Doc, r: Report) -> bool:
    """Does the report tell another incident than the one before it («غداة مقتل ستة
    جنود»، «وفي هجوم آخر»)? Then it is no more of that one."""
    return r.sent.start in doc.apart or incidents.another(doc.text, r.live)


def _own_words(doc: Doc, sent: Sentence) -> str:
    """The segment's text for its figures: masked history, and without the connective
    that opens it when it is the second incident of its sentence («ردا على»)."""
    text = doc.masked(sent.start, sent.end)
    apart = doc.apart.get(sent.start)
    return " " * apart.opener + text[apart.opener:] if apart else text


def _read_places(doc: Doc, r: Report) -> None:
    """The sentence's places, not inside a figure, a party's name or a title; the
    dateline ("مقديشو - (الصومال اليوم)") is where the outlet wrote from: the sentence's
    own place, when it names one, is where it happened."""
    sent, cas_spans = r.sent, _figure_spans(r)
    places = [p for p in doc.within("places", sent.start, sent.end)
              if not any(a <= p.start < b for a, b in cas_spans)
              and not names_a_party(doc.text, p, doc.actors, doc.starts["actors"],
                                    doc.settings)]
    if any(p.start >= doc.dateline for p in places):
        places = [p for p in places if p.start >= doc.dateline]
    at_incident = [p for p in places if not told_from(doc.text, p, doc.settings)]
    aside = bearings(doc.text, at_incident, doc.settings)
    ends = road_ends(doc.text, at_incident, doc.settings)
    kept = [p for p in off_the_road(at_incident, ends) if p not in aside]
    # a road's first end when no other place is named, then a bearing, then a source's
    r.places = kept or ends[:1] or at_incident or places


def _read_actors(doc: Doc, r: Report) -> None:
    """The sentence's parties: not planned against, no bystander, no foreign force."""
    reach = doc.settings.plan_reach
    plans = [c for c in r.cues if c.kind == "plan"]
    found = doc.within("actors", r.sent.start, r.sent.end)
    r.actors = [doc.as_written(a) for k, a in enumerate(found)
                if not any(0 <= a.start - c.end <= reach for c in plans)
                and not roles.bystander(doc.text, a) and not roles.foreign(a, doc.countries)
                and not (k and roles.affiliation(doc.text, found[k - 1], a))]


def _strong(doc: Doc, r: Report) -> list[Trigger]:
    """The triggers that tell an incident on their own: strong words, and a definite
    weak one told as having happened («الجريمة الإرهابية التي استهدفت مقر ...») by a
    statement or before any other report, with no figure (with one, or after a report,
    it tells more of that: «أصيب سبعة جنود في الهجوم الذي وقع بعد ...»); a taking told
    as achieved («تمكنت القوات من الدخول إلى مدينة ...»)."""
    promoted = not r.has_figures and (r.statement or not doc.candidates)
    strong = [t for t in r.live if t.strong or (promoted and _told_as_happened(doc, r, t))
              or taking_achieved(doc.text, t)]
    if not strong and r.places and pattern("noun_led").search(r.sent.text):
        strong = [t for t in r.live if t.type == "attack"]  # "الهجوم الأول استهدف معسكر X"
    return strong


def _only_told(doc: Doc, r: Report) -> bool:
    """Is the incident told only by relative clauses after definite triggers, in a
    statement or by weak words?"""
    told = bool(r.strong) and all(_told_as_happened(doc, r, t) for t in r.strong)
    return told and (r.statement or not any(t.strong for t in r.strong))


def _place_of_told(doc: Doc, r: Report) -> None:
    """An incident told only by a relative clause («خبر الجريمة الإرهابية التي استهدفت
    مقر ... بمنطقة عسير، حتى تدافع العشرات إلى مستشفيات أبها») is at the places its
    clause names after it, not of the rest of the sentence nor of who made the statement
    («أدانت الرابطة بمكة المكرمة العمل الإرهابي الذي ...»)."""
    if not r.only_told:
        return  # news told in its own words keeps its sentence's places
    spans = [(t.start, c.end) for c in doc.clauses(r.sent) for t in r.strong
             if c.start <= t.start < c.end]
    r.places = [p for p in r.places if any(a <= p.start < b for a, b in spans)]


def _weak(doc: Doc, r: Report, recent: bool) -> Report | None:
    """"attack", "killed" alone need a figure and a place: "قامت عصابات داعش بقتل 15
    شخصا" waits for the next sentence's "ووقع الهجوم قرب قضاء أمرلي"; or they tell more
    of the previous incident ("واستهدف الهجوم ... قرية زاري"). The report to add, if any."""
    if r.has_figures and not recent:
        doc.pending = r
        return None
    pending = doc.pending
    waiting = pending is not None and r.order - pending.order == doc.settings.pending_within
    if r.has_figures or not (r.places and waiting):
        if recent and not _another(doc, r):
            last = _continued(doc, r.places)
            continue_report(last, r.cas, r.sent, r.places, roles.assign_roles(
                doc.text, r.sent, r.live, r.actors, last.type, victims=_figure_spans(r)))
        return None
    pending.actors = pending.actors + r.actors
    pending.places = r.places
    pending.strong = [t for t in pending.live if t.type != "territory"] or pending.live
    pending.only_told = _only_told(doc, pending)
    doc.pending = None
    return pending


def _figure_spans(r: Report) -> tuple[tuple[int, int], ...]:
    """Where the sentence's casualty figures stand in the text."""
    return tuple((a + r.sent.start, b + r.sent.start) for a, b in r.cas.spans)


def _add_candidates(doc: Doc, r: Report) -> None:
    """One candidate event per place the sentence reports it at."""
    dates = dating.sentence_dates(doc, r.sent)
    if dating.only_background(dates):
        return
    etype = r.strong[0].type if r.only_told else event_type(
        r.live, r.strong, doc.text, r.sent.text, r.actors, killed=r.cas.killed is not None)
    apart = doc.apart.get(r.sent.start)
    back = incidents.days_back(doc.text, r.live, r.sent.start)
    date = dating.news_day(doc, dates) or dating.day_before(doc, apart or back)
    parties = roles.sentence_parties(doc.text, r.sent, r.live, r.actors, etype,
                                     victims=_figure_spans(r))
    for kind in kinds(etype, r.live, counted=r.has_figures):
        killed, wounded = (r.cas.killed, r.cas.wounded) if kind == etype else (None, None)
        places = choose_places(r.places, kind, r.live, doc.text, counted=killed is not None)
        for k, place in enumerate(places or [None]):
            doc.candidates.append(Candidate(
                type=kind, sentence=r.sent, place=place, own_place=place is not None,
                killed=killed if k == 0 else None, wounded=wounded if k == 0 else None,
                actors=parties, date=date, strong=bool(r.strong), order=r.order,
                update=bool(_update().search(r.sent.text)),
                anaphoric=_anaphoric(r.strong or r.live, kind),
                plural=_plural(r.strong or r.live),
                apart_from=apart.left if apart else None,
                another=incidents.another(doc.text, r.live),
                days_ago=back is not None,
                statement=r.statement,
            ))


def _plural(triggers: list[Trigger]) -> bool:
    """«غارات»، «هجمات جوية»: the figures may cover several strikes (the first word says)."""
    return any(t.text.split()[0].endswith(_LEX["plural_ending"]) for t in triggers)


def _anaphoric(triggers: list[Trigger], etype: str) -> bool:
    """Told with a definite noun ("الغارة", "السيارة المفخخة انفجرت"): an incident the
    article already reported."""
    definite = indefinite = False
    for t in triggers:
        word = t.text.split()[0].lstrip(_LEX["verb_particles"])
        if word in _LEX["plain_verbs"]:
            continue
        if word.startswith(tuple(_LEX["definite"])):
            definite = definite or t.type == etype
        else:
            indefinite = True
    return definite and not indefinite
