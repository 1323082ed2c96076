"""The pipeline: normalise → sentences → triggers → casualties, places, actors, dates
→ events, one per (incident, place), repeated reports merged, background dropped.

Every step works on the folded text of `normalise`; spans are mapped back to the
original article at the very end.
"""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace

from extraction.actors import ActorMention, find_actors
from extraction.arabic import readings, strip_article
from extraction.casualties import find_casualties
from extraction.dates import find_dates
from extraction.merge import (
    Candidate,
    choose_places,
    continue_report,
    drop_totals,
    inherit_dates,
    inherit_initiators,
    merge,
    names_a_party,
)
from extraction.normalise import NormalisedText, normalise
from extraction.place_index import country_of
from extraction.places import PlaceMention, find_places
from extraction.roles import (
    adjective_forces,
    assign_roles,
    bystander,
    foreign,
    resolve_generic,
    tidy_actors,
)
from extraction.sentences import Sentence, split_clauses, split_sentences
from extraction.triggers import (
    NOUN_LED,
    PLAN_REACH,
    Cue,
    Trigger,
    cancelled,
    event_type,
    find_cues,
    find_triggers,
    seizes_people,
)
from extraction.types import Event, EventDate, PlaceRef, Span

_log = logging.getLogger(__name__)
_UPDATE = re.compile(r"ارتفع|ليرتفع|حصيله جديده|الحصيله النهاييه|حصيله نهاييه|ارتفاع حصيله")


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [x for x in items[lo:hi] if x.end <= end]


def _safe(fn, *args) -> list:
    """A finder's results; a finder that fails is logged and the article keeps the rest."""
    try:
        return list(fn(*args))
    except Exception:  # a finder's bug must not lose the article
        _log.exception("extraction: %s failed", getattr(fn, "__qualname__", fn))
        return []


@dataclass
class _Doc:
    """One article while it is read: its folded text, what the finders found in it (with
    their start offsets, for bisecting per sentence) and the candidates so far."""

    nt: NormalisedText
    published: dt.date | None
    places: list
    actors: list
    triggers: list[Trigger]
    cues: list[Cue]
    masked: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    pending: tuple | None = None  # a weak report with figures waiting for its place
    starts: dict[str, list[int]] = field(default_factory=dict, init=False)
    countries: set[str] = field(default_factory=set, init=False)  # where it happens
    dateline: int = field(default=0, init=False)  # where the dateline prefix ends

    def __post_init__(self) -> None:
        self.masked = list(self.nt.text)
        self.dateline = _dateline_end(self.nt.text)
        self.countries = {country_of(k) for p in self.places
                          if (k := p.ref.key or p.ref.parent_key)}
        self.starts = {name: [x.start for x in getattr(self, name)]
                       for name in ("places", "actors", "triggers", "cues")}

    def within(self, name: str, start: int, end: int) -> list:
        return _within(getattr(self, name), self.starts[name], start, end)

    def as_written(self, mention):
        """A mention whose surface is the article's own spelling, not the folded one."""
        try:
            return replace(mention, surface=self.nt.original[
                slice(*self.nt.to_original(mention.start, mention.end))])
        except (TypeError, ValueError):
            return mention


def extract_events(text: str, published: dt.date | None = None) -> list[Event]:
    nt = normalise(text)
    folded = nt.text
    places, actors = _with_ner(folded, _safe(find_places, folded), _safe(find_actors, folded))
    doc = _Doc(nt, published, places, actors, find_triggers(folded), find_cues(folded))
    segments = _segments(folded)
    for order, sent in enumerate(segments):
        _read_sentence(doc, order, sent)
    events = inherit_initiators(drop_totals(merge(doc.candidates)))
    resolve_generic(events)
    inherit_dates(events, doc.candidates)
    _lead_dates(doc, segments, events)
    return [_to_event(c, nt) for c in events]


_DATELINE = re.compile(r"[^\n]{0,40}?(?:\s[-–—]\s|\n|\s?[-–—]\s?\(|:)")


def _dateline_end(text: str) -> int:
    """Where the article's dateline ("بغداد - رويترز:", "كابل/ الأناضول\n") ends (0 if
    it has none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _day(doc: _Doc, sent: Sentence) -> EventDate | None:
    """The first day a sentence names as news (not background)."""
    nt = doc.nt
    return next((EventDate(d.date, d.precision, nt.original[slice(*nt.to_original(
        d.start + sent.start, d.end + sent.start))])
        for d in _safe(find_dates, sent.text, doc.published)
        if not d.background and d.precision == "day" and d.date is not None), None)


def _lead_dates(doc: _Doc, segments: list[Sentence], events: list) -> None:
    """An incident still without a day happened on the day its paragraph, or the lead,
    names before it ("تمكنت الأجهزة الأمنية فجر الثلاثاء من ..." then "ضبطوا في X")."""
    text = doc.nt.text
    lead_end = next((m.end() for m in re.finditer(r"[^\n]{40,}", text)), 0)
    for e in events:
        if e.date is not None and e.date.date is not None:
            continue
        for k in range(e.order - 1, -1, -1):
            same_paragraph = "\n" not in text[segments[k].end:segments[e.order].start]
            if not same_paragraph and segments[k].end > lead_end:
                continue
            day = _day(doc, segments[k])
            if day is not None:
                e.date = day
                break
            if not same_paragraph:
                break


def _live_triggers(doc: _Doc, sent: Sentence, s_cues: list[Cue]) -> tuple[list, bool]:
    """The sentence's triggers that no cue cancels, and whether history ("منذ 2014", a
    total) covers part of it: its clause and the rest of the sentence are masked."""
    live: list[Trigger] = []
    background = False
    if not doc.within("triggers", sent.start, sent.end) and not any(
            c.kind == "history" for c in s_cues):
        return live, background  # nothing to keep, nothing to mask
    for clause in split_clauses(doc.nt.text, sent.start, sent.end):
        c_cues = [c for c in s_cues if clause.start <= c.start < clause.end]
        background = background or any(c.kind == "history" for c in c_cues)
        if background:
            doc.masked[clause.start:clause.end] = " " * (clause.end - clause.start)
            continue
        live += [t for t in doc.within("triggers", clause.start, clause.end)
                 if not cancelled(t, c_cues) and seizes_people(doc.nt.text, t)]
    return live, background


def _read_sentence(doc: _Doc, order: int, sent: Sentence) -> None:
    folded, candidates = doc.nt.text, doc.candidates
    s_cues = doc.within("cues", sent.start, sent.end)
    if any(c.kind in ("accident", "court") for c in s_cues):
        return  # a road accident, a crime; a verdict on an old case
    if any(c.kind == "earlier" for c in s_cues) and not _UPDATE.search(sent.text):
        return  # "وكانت المصادر قد ذكرت في وقت سابق أن ثلاثة": an earlier toll, not news
    live, background = _live_triggers(doc, sent, s_cues)
    recent = bool(candidates) and order - candidates[-1].order <= 2
    if not live and (background or not recent):
        return
    cas = find_casualties("".join(doc.masked[sent.start:sent.end]))
    has_figures = cas.killed is not None or cas.wounded is not None
    if not live:
        if recent:
            continue_report(candidates[-1], cas, sent, doc.within(
                "places", sent.start, sent.end) if has_figures else [])
        return
    if any(c.kind == "generic" for c in s_cues) and not has_figures:
        return
    cas_spans = [(a + sent.start, b + sent.start) for a, b in cas.spans]
    s_places = [p for p in doc.within("places", sent.start, sent.end)
                if not any(a <= p.start < b for a, b in cas_spans)
                and not names_a_party(folded, p, doc.actors, doc.starts["actors"])]
    # the dateline ("مقديشو - (الصومال اليوم)") is where the outlet wrote from: the
    # sentence's own place, when it names one, is where it happened
    if any(p.start >= doc.dateline for p in s_places):
        s_places = [p for p in s_places if p.start >= doc.dateline]
    s_actors = [doc.as_written(a) for a in doc.within("actors", sent.start, sent.end)
                if not any(c.kind == "plan" and 0 <= a.start - c.end <= PLAN_REACH
                           for c in s_cues) and not bystander(folded, a)
                and not foreign(a, doc.countries)]
    strong = [t for t in live if t.strong]
    if not strong and s_places and NOUN_LED.search(sent.text):
        strong = [t for t in live if t.type == "attack"]  # "الهجوم الأول استهدف معسكر X"
    if not strong and not (has_figures and s_places):
        # "attack", "killed" alone need a figure and a place: "قامت عصابات داعش بقتل
        # 15 شخصا" waits for the next sentence's "ووقع الهجوم قرب قضاء أمرلي"; or they
        # tell more of the previous incident ("واستهدف الهجوم ... قرية زاري")
        if has_figures and not recent:
            doc.pending = (order, sent, cas, s_actors, live)
            return
        if has_figures or not (s_places and doc.pending and order - doc.pending[0] == 1):
            if recent:
                continue_report(candidates[-1], cas, sent, s_places, assign_roles(
                    folded, sent, live, s_actors, candidates[-1].type))
            return
        order, sent, cas, earlier_actors, live = doc.pending
        s_actors = earlier_actors + s_actors
        strong = [t for t in live if t.type != "territory"] or live
        doc.pending = None
    _add_candidates(doc, order, sent, live, strong, cas, s_places, s_actors)


def _add_candidates(doc: _Doc, order: int, sent: Sentence, live: list[Trigger],
                    strong: list[Trigger], cas, s_places: list, s_actors: list) -> None:
    """One candidate event per place the sentence reports it at."""
    folded, nt = doc.nt.text, doc.nt
    s_dates = [replace(d, start=d.start + sent.start, end=d.end + sent.start)
               for d in _safe(find_dates, sent.text, doc.published)]
    if any(d.background for d in s_dates) and not any(
        not d.background and d.date is not None for d in s_dates
    ):
        return
    etype = event_type(live, strong, folded, sent.text, s_actors)
    date = next((EventDate(d.date, d.precision, nt.original[slice(
        *nt.to_original(d.start, d.end))]) for d in s_dates
        if not d.background and d.precision == "day"), None)
    refs = assign_roles(folded, sent, live, s_actors, etype)
    refs += [r for r in adjective_forces(folded, live) if r.name not in
             {x.name for x in refs}]
    kinds = [(etype, cas.killed, cas.wounded)]
    if etype != "arrest" and any(t.type == "arrest" and t.strong for t in live):
        # "أصيب 63 خلال مناوشات ... مضيفة أنها أوقفت 45 شخصا": the arrests are news too
        kinds.append(("arrest", None, None))
    for etype, killed, wounded in kinds:
        places = choose_places(s_places, etype, live, folded, counted=killed is not None)
        for k, place in enumerate(places or [None]):
            doc.candidates.append(Candidate(
                type=etype, sentence=sent, place=place, own_place=place is not None,
                killed=killed if k == 0 else None,
                wounded=wounded if k == 0 else None,
                actors=refs, date=date, strong=bool(strong), order=order,
                update=bool(_UPDATE.search(sent.text)),
                anaphoric=_anaphoric(strong or live, etype),
                plural=any(t.text.endswith("ات") for t in strong or live),
            ))


_ARMED_HEADS = ("قوات", "جيش", "تنظيم", "جماعه", "حركه", "ميليشيا", "مليشيا", "كتائب", "لواء",
                "فصائل", "فصيل", "سرايا", "حشد", "وحدات")


def armed_head(word: str) -> bool:
    """Does an organisation's first word name an armed body ("قوات", "والقوات", "لواء",
    "وحدات")? Particles come off as whole prefixes (arabic.readings), never letter by
    letter: "لواء" is not "ء" and "وحدات" is not "حدات"."""
    return any(w in _ARMED_HEADS or strip_article(w) in _ARMED_HEADS
               for w in readings(word, "trigger"))


def _with_ner(text: str, places: list, actors: list) -> tuple[list, list]:
    """Add the NER model's places (LOC) and armed organisations (ORG) the gazetteer and
    lexicon missed, when MARSAD_NER_MODEL is set (see extraction/ner.py)."""
    from extraction import ner

    if not ner.model_path():
        return places, actors
    taken = [(m.start, m.end) for m in (*places, *actors)]
    free = lambda e: not any(a < e.end and e.start < b for a, b in taken)  # noqa: E731
    for e in ner.find_entities(text):
        if not free(e):
            continue
        if e.label == "LOC":
            ref = PlaceRef(name=e.text, aliases=(e.text,), kind="area")
            places.append(PlaceMention(e.start, e.end, ref, e.text, True))
        elif e.label == "ORG" and armed_head(e.text.split()[0]):
            actors.append(ActorMention(e.start, e.end, e.text, None, "armed_group", e.text, True))
    places.sort(key=lambda m: m.start)
    actors.sort(key=lambda m: m.start)
    return places, actors


# "8 killed in X, while 3 others were killed in Y": two incidents in one sentence
_WHILE = re.compile(r"[\s،,](?:فيما|بينما|في حين|وفي حين)\s|،\s*كما\s")


def _segments(text: str) -> list[Sentence]:
    """Sentences, cut again where "فيما/بينما/في حين" opens a second report."""
    out = []
    for sent in split_sentences(text):
        pos = sent.start
        for m in _WHILE.finditer(text, sent.start, sent.end):
            if m.start() - pos > 20:
                out.append(Sentence(pos, m.start(), text[pos:m.start()]))
                pos = m.start() + 1
        out.append(Sentence(pos, sent.end, text[pos:sent.end]))
    return out


_VERBS = ("انفجر", "انفجرت", "فجر", "فجرت", "قصف", "قصفت", "استهدف", "استهدفت", "هاجم",
          "هاجمت", "هاجموا", "اقتحم", "اقتحمت", "اغتال", "سيطرت", "سيطر", "قتل", "قتلت")


def _anaphoric(triggers: list[Trigger], etype: str) -> bool:
    """Told with a definite noun ("الغارة", "السيارة المفخخة انفجرت"): an incident the
    article already reported."""
    definite = indefinite = False
    for t in triggers:
        word = t.text.split()[0].lstrip("وف")
        if word in _VERBS:
            continue
        if word.startswith(("ال", "بال", "لل")):
            definite = definite or t.type == etype
        else:
            indefinite = True
    return definite and not indefinite


def _to_event(c: Candidate, nt: NormalisedText) -> Event:
    start, end = nt.to_original(c.sentence.start, c.sentence.end)
    place = None
    if c.place is not None:
        ref: PlaceRef = c.place.ref
        surface = nt.original[slice(*nt.to_original(c.place.start, c.place.end))]
        aliases = (surface,)  # as the article spells it
        place = replace(ref, aliases=aliases)
    confidence = 0.4 + 0.2 * c.strong + 0.1 * c.own_place + 0.15 * bool(
        c.killed or c.wounded) + 0.1 * bool(c.actors)
    # every sentence that tells the incident, for sentence-level review and detection
    mentions = sorted({nt.to_original(m.start, m.end) for m in (c.sentence, *c.mentions)})
    return Event(
        type=c.type, evidence=Span(start, end), actors=tidy_actors(c.actors), place=place,
        killed=c.killed, wounded=c.wounded, date=c.date, confidence=min(confidence, 0.95),
        extra={"mentions": [Span(a, b) for a, b in mentions]},
    )

