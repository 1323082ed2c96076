"""One article while it is read: the `Doc` every stage takes.

A Doc is built once per article (`build_doc`): the normalised text with its offset map
back to the original, its tokens (one tokeniser, one `Token` whose clitic readings come
from `lexicon.variants`), its segments (sentences cut again where «فيما/بينما» opens a
second report) and their clauses, what the finders found in it (places, actors,
triggers, cues, sorted by start so that a stage can ask for those within a span), and
the candidates and events the stages make of it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from extraction import incidents
from extraction.actors import ActorMention, find_actors
from extraction.arabic import readings, strip_article
from extraction.lexicon import Token
from extraction.lexicons import reads
from extraction.normalise import NormalisedText, normalise
from extraction.object_places import object_places
from extraction.place_index import a_verb_as_written, country_of, text_tokens
from extraction.places import PlaceMention, find_places, with_the_country
from extraction.sentences import Sentence, split_clauses, split_sentences
from extraction.settings import SETTINGS, Settings
from extraction.triggers import Cue, Trigger, find_cues, find_triggers
from extraction.types import ActorRef, Count, EventDate, PlaceRef

_log = logging.getLogger("extraction")
_LEX = reads("pipeline.json", "second_report", "armed_heads")


def guarded(fn, *args, default=None):
    """fn(*args); a rule that fails is logged and the article keeps the rest."""
    try:
        return fn(*args)
    except Exception:  # a rule's bug must not lose the article
        _log.exception("extraction: %s failed", getattr(fn, "__qualname__", fn))
        return default


@dataclass
class Candidate:
    """One sentence's report of an incident at one place, before repeated reports are
    merged (mutable: merging fills it in)."""

    type: str
    sentence: Sentence
    place: PlaceMention | None
    own_place: bool
    killed: Count | None
    wounded: Count | None
    actors: list[ActorRef]
    date: EventDate | None
    strong: bool
    order: int
    update: bool = False  # the sentence updates a toll ("ارتفعت حصيلة")
    anaphoric: bool = False  # told with definite triggers only: "الغارة", "الهجوم"
    apart_from: Sentence | None = None  # the part of its sentence that told another
    #                                     incident («غداة هجوم آخر»): never more of it
    another: bool = False  # told as another incident («وفي هجوم آخر»): none told before
    days_ago: bool = False  # told after «غداة»: not the incident told just before it
    statement: bool = False  # told inside a statement on it («أدانت التفجير الذي ...»):
    #                          its day is its sentence's or unknown, not the statement's
    plural: bool = False  # "غارات", "هجمات": the figures may cover several strikes
    regional: bool = False  # placed precisely by a later report with no figures: the
    #                         figures so far may be the region's
    mentions: list[Sentence] = field(default_factory=list)  # later sentences telling it
    raised: list = field(default_factory=list)  # tolls a later sentence updates it to


@dataclass
class Doc:
    nt: NormalisedText
    published: dt.date | None
    places: list[PlaceMention]
    actors: list[ActorMention]
    triggers: list[Trigger]
    cues: list[Cue]
    settings: Settings = SETTINGS
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Candidate] = field(default_factory=list)
    pending: tuple | None = None  # a weak report with figures waiting for its place
    masks: list[tuple[int, int]] = field(default_factory=list, init=False)  # history
    starts: dict[str, list[int]] = field(default_factory=dict, init=False)
    countries: set[str] = field(default_factory=set, init=False)  # where it happens
    dateline: int = field(default=0, init=False)  # where the dateline prefix ends
    memo: dict = field(default_factory=dict, init=False, repr=False)  # stages' per-article
    apart: dict[int, incidents.Apart] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.dateline = _dateline_end(self.nt.text, self.settings)
        self.countries = {country_of(k) for p in self.places
                          if (k := p.ref.key or p.ref.parent_key)}
        self.starts = {name: [x.start for x in getattr(self, name)]
                       for name in ("places", "actors", "triggers", "cues")}

    @property
    def text(self) -> str:
        return self.nt.text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return text_tokens(self.nt.text)

    @cached_property
    def segments(self) -> list[Sentence]:
        """Sentences, cut at «فيما/بينما», and again between two incidents (`apart`)."""
        segs, self.apart = incidents.cut(self.nt.text, segments(self.nt.text, self.settings),
                                         self.triggers)
        return segs

    def mask(self, start: int, end: int) -> None:
        """Blank out [start, end) (history) for every later reading of figures."""
        self.masks.append((start, end))

    def masked(self, start: int, end: int) -> str:
        """text[start:end] with the masked spans blanked out."""
        out = self.nt.text[start:end]
        for a, b in self.masks:
            a, b = max(a, start), min(b, end)
            if a < b:
                out = out[:a - start] + " " * (b - a) + out[b - start:]
        return out

    def clauses(self, sent: Sentence) -> list[Sentence]:
        return split_clauses(self.nt.text, sent.start, sent.end)

    def within(self, name: str, start: int, end: int) -> list:
        """The finder's mentions `name` that lie inside [start, end)."""
        items, starts = getattr(self, name), self.starts[name]
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [x for x in items[lo:hi] if x.end <= end]

    def original(self, start: int, end: int) -> str:
        """The article's own words for a span of the folded text."""
        return self.nt.original[slice(*self.nt.to_original(start, end))]

    def as_written(self, mention):
        """A mention whose surface is the article's own spelling, not the folded one; so
        is the name of an actor no lexicon entry names («القوات الصينية», not «القوات
        الصينيه»)."""
        try:
            written = self.original(mention.start, mention.end)
            if getattr(mention, "key", "") is None and mention.name == mention.surface:
                return replace(mention, surface=written, name=written)
            return replace(mention, surface=written)
        except (TypeError, ValueError):
            return mention


def build_doc(text: str, published: dt.date | None,
              settings: Settings = SETTINGS) -> Doc:
    """Normalise the article once and run every finder over it (each guarded)."""
    nt = normalise(text)
    folded = nt.text
    places = [p for p in guarded(find_places, folded, default=[])
              if not a_verb_as_written(nt, p)]
    actors = guarded(find_actors, folded, default=[])
    places, actors = _with_ner(folded, places, actors)
    places = guarded(with_the_country, folded, places, [a.key for a in actors if a.key],
                     default=places)
    triggers = guarded(find_triggers, folded, default=[])
    listed = guarded(object_places, folded, triggers, places, actors, default=[])
    if listed:  # a name read as a list's item replaces what it was read as before
        places = sorted([*_outside(places, listed), *listed], key=lambda m: m.start)
        actors = _outside(actors, listed)  # «كلية الشرطة» is a place, not the police
    cues = _not_in_names(guarded(find_cues, folded, default=[]), places)
    return Doc(nt, published, places, actors, triggers, cues, settings)


def _not_in_names(cues: list, places: list) -> list:
    """The cues but a word of a longer gazetteer name («حشيش» in «بني حشيش»)."""
    names = [p for p in places if p.ref.key and " " in p.ref.name]
    return [c for c in cues if not any(p.start <= c.start and c.end <= p.end
                                       and " " not in c.text for p in names)]


def _outside(mentions: list, listed: list) -> list:
    return [x for x in mentions if not any(x.start < m.end and m.start < x.end for m in listed)]


@cache
def _dateline_re(max_chars: int) -> re.Pattern:
    return re.compile(r"[^\n]{0," + str(max_chars) + r"}?(?:\s[-–—]\s|\n|\s?[-–—]\s?\(|:)")


def _dateline_end(text: str, settings: Settings) -> int:
    """Where the article's dateline ("بغداد - رويترز:", "كابل/ الأناضول\n") ends (0 if
    it has none)."""
    m = _dateline_re(settings.dateline_max).match(text)
    return m.end() if m else 0


@cache
def _second_report() -> re.Pattern:
    # "8 killed in X, while 3 others were killed in Y": two incidents in one sentence
    return re.compile(_LEX["second_report"])


def segments(text: str, settings: Settings = SETTINGS) -> list[Sentence]:
    """Sentences, cut again where "فيما/بينما/في حين" opens a second report."""
    out = []
    # a cut inside a sentence lies inside one of the matches over the whole text: look
    # only in sentences that such a match overlaps (most sentences have none)
    found = [m.span() for m in _second_report().finditer(text)]
    ends = [end for _start, end in found]
    for sent in split_sentences(text):
        pos = sent.start
        k = bisect.bisect_right(ends, sent.start)  # the first match ending inside or after
        if k < len(found) and found[k][0] < sent.end:
            for m in _second_report().finditer(text, sent.start, sent.end):
                if m.start() - pos > settings.second_report_min:
                    out.append(Sentence(pos, m.start(), text[pos:m.start()]))
                    pos = m.start() + 1
        out.append(Sentence(pos, sent.end, text[pos:sent.end]))
    return out


def armed_head(word: str) -> bool:
    """Does an organisation's first word name an armed body ("قوات", "والقوات", "لواء",
    "وحدات")? Particles come off as whole prefixes (arabic.readings), never letter by
    letter: "لواء" is not "ء" and "وحدات" is not "حدات"."""
    heads = _LEX["armed_heads"]
    return any(w in heads or strip_article(w) in heads for w in readings(word, "trigger"))


def _with_ner(text: str, places: list, actors: list) -> tuple[list, list]:
    """Add the NER model's places (LOC) and armed organisations (ORG) the gazetteer and
    lexicon missed, when MARSAD_NER_MODEL is set (see extraction/ner.py)."""
    from extraction import ner

    if not ner.model_path():
        return places, actors
    taken = [(m.start, m.end) for m in (*places, *actors)]
    for e in ner.find_entities(text):
        if any(a < e.end and e.start < b for a, b in taken):
            continue
        if e.label == "LOC":
            ref = PlaceRef(name=e.text, aliases=(e.text,), kind="area")
            places.append(PlaceMention(e.start, e.end, ref, e.text, True))
        elif e.label == "ORG" and armed_head(e.text.split()[0]):
            actors.append(ActorMention(e.start, e.end, e.text, None, "armed_group", e.text, True))
    places.sort(key=lambda m: m.start)
    actors.sort(key=lambda m: m.start)
    return places, actors
