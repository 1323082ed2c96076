"""Event triggers: the words that report an incident, and the cues that cancel them
(plans and threats, negation, statements, history, accidents and crime).

The lexicon is data (`data/triggers.json`); phrases are folded on load. Matching is a
dictionary lookup per word (after stripping the clitics و ف ب ل ك ال that Arabic glues to
a word), so a sentence costs a few lookups per word: linear time, no regex backtracking.
"""
from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass
from functools import cache

from extraction.normalise import fold

DATA = pathlib.Path(__file__).parent / "data" / "triggers.json"
_WORD = re.compile(r"[^\W_]+")
_CLITICS = ("وبال", "فبال", "وال", "بال", "فال", "كال", "وبل", "ولل", "لل", "ال", "وب", "ول",
            "فل", "فب", "و", "ف", "ب", "ل", "ك")
_MIN_STEM = 2


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    type: str
    strong: bool
    text: str


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str  # plan generic history accident court earlier reference neutral negation
    text: str


def forms(word: str) -> tuple[str, ...]:
    """`word` and the words it may be after removing glued clitics (والقصف → القصف, قصف)."""
    out = [word]
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
            out.append(word[len(p):])
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class _Entry:
    rest: tuple[str, ...]  # the words after the first
    wild: bool  # the last word may have any ending
    meta: tuple


class PhraseMatcher:
    """Finds lexicon phrases in folded text, longest first, tolerating clitics on the
    first word and ال on the following ones."""

    def __init__(self, phrases: list[tuple[str, tuple]]):
        self.exact: dict[str, list[_Entry]] = {}
        self.stems: dict[str, list[_Entry]] = {}
        self.longest_stem = 0
        self._cache: dict[str, tuple[_Entry, ...]] = {}
        for phrase, meta in phrases:
            text = fold(phrase).strip()
            wild = text.endswith("*")
            words = text.rstrip("*").split()
            if not words:
                continue
            entry = _Entry(tuple(words[1:]), wild, meta)
            table = self.stems if wild and len(words) == 1 else self.exact
            table.setdefault(words[0], []).append(entry)
            if table is self.stems:
                self.longest_stem = max(self.longest_stem, len(words[0]))
        for table in (self.exact, self.stems):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e.rest))

    def find(self, text: str, start: int = 0, end: int | None = None):
        """(start, end, meta, matched text) of each phrase, in order, non-overlapping."""
        end = len(text) if end is None else end
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        out = []
        i = 0
        while i < len(words):
            hit = self._at(words, i)
            if hit is None:
                i += 1
                continue
            n, meta = hit
            s, e = words[i][0], words[i + n - 1][1]
            out.append((s, e, meta, text[s:e]))
            i += n
        return out

    def _at(self, words, i):
        for entry in self._entries(words[i][2]):
            n = len(entry.rest)
            if i + n < len(words) and all(
                _word_is(words[i + 1 + k][2], w, entry.wild and k == n - 1)
                for k, w in enumerate(entry.rest)
            ):
                return n + 1, entry.meta
        return None

    def _entries(self, word: str) -> tuple[_Entry, ...]:
        """The lexicon entries a word may start, longest first (cached per word)."""
        hit = self._cache.get(word)
        if hit is None:
            found: list[_Entry] = []
            for form in forms(word):
                found += self.exact.get(form, ())
                for size in range(min(len(form), self.longest_stem), 1, -1):
                    entries = self.stems.get(form[:size])
                    if entries:
                        found.append(entries[0])
                        break
            hit = tuple(found)
            if len(self._cache) < 200_000:
                self._cache[word] = hit
        return hit


def _word_is(word: str, want: str, wild: bool) -> bool:
    for w in (word, word[2:] if word.startswith("ال") else word):
        if w == want or (wild and w.startswith(want)):
            return True
    return False


@dataclass(frozen=True)
class _Lexicon:
    priority: tuple[str, ...]
    triggers: PhraseMatcher
    cues: PhraseMatcher


@cache
def lexicon() -> _Lexicon:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    phrases = [
        (w, (etype, strength == "strong"))
        for strength in ("strong", "weak")
        for etype, words in data[strength].items()
        for w in words
    ]
    cues = [(w, (kind,)) for kind, words in data["negative"].items() for w in words]
    cues += [(w, ("negation",)) for w in data["negation"]]
    return _Lexicon(tuple(data["priority"]), PhraseMatcher(phrases), PhraseMatcher(cues))


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Trigger words in folded text[start:end], in order."""
    return [Trigger(s, e, meta[0], meta[1], t)
            for s, e, meta, t in lexicon().triggers.find(text, start, end)]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Cancelling cues in folded text[start:end], in order."""
    return [Cue(s, e, meta[0], t) for s, e, meta, t in lexicon().cues.find(text, start, end)]


_SEIZE = frozenset(("ضبط", "ضبطت", "تضبط"))
_FIGURE = re.compile(r"\d|(?:احد|اثن|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|عشرات|مئات|ميه|الف)")


@cache
def _persons() -> PhraseMatcher:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return PhraseMatcher([(w, ("person",)) for w in data.get("persons_caught", ())])


def seizes_people(text: str, t: Trigger) -> bool:
    """"ضبط 12 عنصرا"، "ضبط المتهمين" are arrests; "ضبط أسلحة"، "ضبط 43 دراجة" are
    seizures."""
    if t.type != "arrest" or not _SEIZE.intersection(forms(t.text.split()[-1])):
        return True
    # the object, after at most a definite subject and a figure: "ضبطت الشرطة ثلاثة متهمين"
    for w in _WORD.findall(text, t.end, t.end + 40)[:3]:
        if _persons().find(w):
            return True
        if not (_FIGURE.match(w) or w.startswith("ال")):
            return False
    return False


def type_rank(etype: str) -> int:
    """Lower is more specific (explosion before attack...)."""
    prio = lexicon().priority
    return prio.index(etype) if etype in prio else len(prio)


PLAN_REACH = 60  # characters a plan/negation cue reaches forward in its clause
_NEG_REACH = 14
_REF_REACH = 8


def cancelled(t: Trigger, cues: list[Cue]) -> bool:
    """Does a cue shortly before the trigger cancel it: a plan or threat, a negation, a
    charge or case ("بتهمة التفجير")?"""
    for c in cues:
        if c.kind == "plan" and c.end <= t.start and t.start - c.end <= PLAN_REACH:
            return True
        if c.kind == "negation" and c.end <= t.start and t.start - c.end <= _NEG_REACH:
            return True
        if c.kind == "reference" and c.end <= t.start and t.start - c.end <= _REF_REACH:
            return True  # "بتهمة التفجير"، "منفذي الهجوم": a charge names an old incident
    return False


# an incident noun with its own predicate: "الهجوم الأول استهدف معسكرا"، "هجوم أسفر عن"
NOUN_LED = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:هجوم|هجمات|اعتداء)(?:\s+\S+){0,3}?\s+"
                       r"(?:استهدف|استهدفت|اسفر|اسفرت|ادي|خلف|طال)")


_SPECIFIC_TYPES = ("explosion", "airstrike")


def event_type(live: list[Trigger], strong: list[Trigger], text: str, sentence: str,
               actors: list) -> str:
    """The type of the incident a sentence reports: the most specific trigger's, refined
    by what was hit (a base makes an assault a clash) and who clashed (protesters make
    clashes a riot)."""
    etype = _first_type(strong or live, text)
    if not any(t.type == etype and t.strong for t in live):
        etype = _refine_type(etype, sentence, actors)
    if etype == "armed_clash" and _RIOT.search(sentence):
        etype = "protest"  # clashes between protesters, or with them, are a riot
    elif etype == "armed_clash" and any(
            t.type == "territory" and t.strong and "محاول" not in text[max(0, t.start - 12):t.start]
            for t in live):
        etype = "territory"  # the fighting that took a place is told as its taking
    return etype


def _first_type(triggers: list[Trigger], text: str = "") -> str:
    # "وتأتي هذه الغارات في وقت تمكنت القوات من السيطرة": the news is the second trigger
    fresh = [t for t in triggers if not text[max(0, t.start - 5):t.start].rstrip().endswith(
        ("هذه", "هذا", "تلك", "ذلك"))]
    triggers = fresh or triggers
    for t in triggers:
        if t.type in _SPECIFIC_TYPES:
            return t.type
    return triggers[0].type


# a military target makes an armed group's assault a clash (GUIDELINES)
_MILITARY = re.compile(r"قاعده عسكري|موقع عسكري|مواقع عسكري|معسكر|ثكنه|نقطه تفتيش|حاجز امني|"
                       r"دوريه|نقاط تفتيش|مقر قياده|موقعا عسكري|مركز امني|مواقع للجيش|موقع للجيش")


# "مواجهات بين محتجين وقوات الأمن"، "اشتباكات بين معارضين للرئيس وأنصاره"
_RIOT = re.compile(r"(?:مواجهات|اشتباكات|اشتباك|مصادمات|صدامات)(?:\s+\S+)?\s+(?:بين|مع)\s+"
                   r"(?:ال)?(?:محتج|متظاهر|معارض|انصار|مويد|طلاب|طلبه|اهالي|سكان|مشجع)")


def _refine_type(etype: str, sentence: str, actors: list) -> str:
    """A plain "هجوم" on soldiers or a base is a clash; an assassination stays an attack."""
    if etype == "attack" and (_MILITARY.search(sentence) or any(
        a.kind == "state_force" for a in actors
    )):
        return "armed_clash"  # an assault on a base, patrol or checkpoint, or on soldiers
    return etype
