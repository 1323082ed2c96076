"""Event triggers: the words that report an incident, and the cues that cancel them
(plans and threats, negation, statements, history, accidents and crime).

The lexicon is data (`data/triggers.json`); phrases are folded on load. Matching is a
dictionary lookup per word (after stripping the clitics و ف ب ل ك ال that Arabic glues to
a word), so a sentence costs a few lookups per word: linear time, no regex backtracking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate

from extraction.aircraft import from_the_air
from extraction.arabic import L, fold
from extraction.history_cues import dates_no_history
from extraction.lexicons import reads
from extraction.phrasal import find_phrasal, mentions_fire, phrasal_verb
from extraction.settings import SETTINGS
from extraction.skirmishes import skirmish_type
from extraction.trigger_forms import forms, stem_in

_LEX = reads("triggers.json", "specific_types", "strong", "weak", "negative", "negation",
             "persons_caught", "seize_verbs", "figure", "noun_led", "military", "riot",
             "attempt", "purpose", "demonstratives", "inflected", "noun_endings",
             "object_pronouns", "dual_verbs", "dual_clashes", "assault_verbs",
             "civilian_targets", "planned_after",
             "not_taken", "arrest_methods",
             "hostage_words", "killing_words", "targeting_verbs")


@cache
def pattern(key: str) -> re.Pattern:
    """A regular expression of data/triggers.json, compiled once."""
    return re.compile(_LEX[key])


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])
_WORD = re.compile(r"[^\W_]+")
_HOSTAGE_REACH = 40  # characters after an arrest word where its hostages stand
_HOSTAGE_WORDS = 4  # words after it: «احتجز مسلحون عددا من الرهائن»
_WORD_SPLIT = re.compile(r"([^\W_]+)")


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
    kind: str  # one of data/triggers.json "negative" kinds: plan, negation, history, habit ...
    text: str


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
        bounds, words = _words(text, start, len(text) if end is None else end)
        cache, entries_of = self._cache, self._entries
        # most words start no phrase: keep those that do, at one look-up a distinct word
        starting = {w for w in set(words) if (cache[w] if w in cache else entries_of(w))}
        starts = [i for i, w in enumerate(words) if w in starting]
        out = []
        free = 0  # the first word not inside a match yet
        for i in starts:
            if i < free:
                continue
            hit = _at(words, i, entries_of(words[i]))
            if hit is None:
                continue
            n, meta = hit
            s, e = bounds[2 * i + 1], bounds[2 * (i + n)]
            out.append((s, e, meta, text[s:e]))
            free = i + n
        return out

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


@lru_cache(maxsize=4)  # triggers and cues read the same article
def _words(text: str, start: int, end: int) -> tuple[list[int], list[str]]:
    """The words of text[start:end] and the offsets where its pieces end: word i runs
    from bounds[2 * i + 1] to bounds[2 * i + 2]. One re.split; offsets summed from the
    pieces' lengths."""
    parts = _WORD_SPLIT.split(text[start:end])  # gap, word, gap, word, ..., gap
    return list(accumulate(map(len, parts), initial=start)), parts[1::2]


def _at(words: list[str], i: int, entries: tuple[_Entry, ...]):
    """(words matched, meta) of the longest of `entries` that matches at word i."""
    left = len(words) - i - 1  # words after word i
    after = words[i + 1] if left else ""
    bare = after[2:] if after.startswith(L.article) else after
    for entry in entries:
        n = len(entry.rest)
        if n > left:
            continue
        if n and entry.rest[0] != after and entry.rest[0] != bare and not (entry.wild and n == 1):
            continue  # the second word differs: what _word_is would say, at less cost
        for k, w in enumerate(entry.rest, i + 1):
            if not _word_is(words[k], w, entry.wild and k == i + n):
                break
        else:
            return n + 1, entry.meta
    return None


def _word_is(word: str, want: str, wild: bool) -> bool:
    for w in (word, word[2:] if word.startswith(L.article) else word):
        if w == want or (wild and w.startswith(want)):
            return True
    return False


@dataclass(frozen=True)
class _Lexicon:
    specific: tuple[str, ...]  # types a sentence is told as before its first trigger's
    triggers: PhraseMatcher
    cues: PhraseMatcher


def _data():
    return _LEX


def inflections(phrase: str) -> list[str]:
    """The phrase as written, and with its first word in the dual and accusative forms
    `noun_endings` gives when the word is one of the `inflected` nouns (صاروخ →
    صاروخا، صاروخين، صاروخان; قذيفة هاون → قذيفتي هاون), or with an object pronoun when
    it is one of the `object_pronouns` verbs (هاجمت → هاجمتهم), or with a dual subject when
    it is one of the `dual_verbs` (سيطر → سيطرا، سيطرتا)."""
    data = _data()
    first, *rest = fold(phrase).split(" ")
    out = [phrase]
    endings = data["noun_endings"]
    if first in _folded("inflected"):
        feminine = first.endswith(endings["feminine_letter"])
        stem = first[:-1] if feminine else first
        out += [" ".join([stem + e, *rest])
                for e in endings["feminine" if feminine else "masculine"]]
    if first in _folded("object_pronouns") and not rest:
        out += [first + e for e in endings["pronouns"]]
    if first in _folded("dual_verbs") and not rest:
        out += [first + e for e in endings["verb_dual"] if first + e not in _folded("dual_clashes")]
    return out


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


@cache
def lexicon() -> _Lexicon:
    data = _data()
    phrases = [
        (form, (etype, strength == "strong"))
        for strength in ("strong", "weak")
        for etype, words in data[strength].items()
        for w in words
        for form in inflections(w)
    ]
    cues = [(w, (kind,)) for kind, words in data["negative"].items() for w in words]
    cues += [(w, ("negation",)) for w in data["negation"]]
    return _Lexicon(tuple(data["specific_types"]), PhraseMatcher(phrases), PhraseMatcher(cues))


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Trigger words in folded text[start:end], in order; phrasal verbs with their subject
    before the noun («فتح مسلحون النار») too (`phrasal`)."""
    end = len(text) if end is None else end
    found = [_hostage_taking(text, Trigger(s, e, meta[0], meta[1], t))
             for s, e, meta, t in lexicon().triggers.find(text, start, end)]
    if not mentions_fire(text, start, end):
        return found
    bounds, words = _words(text, start, end)
    extra = [Trigger(s, e, etype, True, t) for s, e, etype, t in find_phrasal(text, bounds, words)
             if not any(x.start <= s < x.end for x in found)]
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def _hostage_taking(text: str, t: Trigger) -> Trigger:
    """«احتجاز رهائن»، «احتجز مسلحون عددا من الرهائن»: an arrest word that takes hostages
    tells an attack."""
    if t.type != "arrest":
        return t
    taken = _WORD.findall(text, t.end, t.end + _HOSTAGE_REACH)[:_HOSTAGE_WORDS]
    return replace(t, type="attack") if _word_set("hostage_words").intersection(taken) else t


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Cancelling cues in folded text[start:end], in order."""
    cues = [Cue(s, e, meta[0], t) for s, e, meta, t in lexicon().cues.find(text, start, end)]
    return [c for c in cues if not (c.kind == "history" and dates_no_history(text, c))]


@cache
def _words_of(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


def event_type(live: list[Trigger], strong: list[Trigger], text: str, sentence: str,
               actors: list, *, killed: bool = False) -> str:
    """The type of the incident a sentence reports: the most specific trigger's, refined
    by what was hit (a base makes an assault a clash) and who clashed (protesters make
    clashes a riot); a killing with its dead told beside arrests is the fight (`kinds`
    adds the arrests)."""
    etype = _first_type(strong or live, text)
    if etype == "arrest" and killed and _killed_then_arrested(live):
        etype = "attack"  # «قتلت قوات الأمن مسلحا واعتقلت 13 آخرين»
    if not any(t.type == etype and t.strong and not phrasal_verb(t.text) for t in live):
        etype = _refine_type(etype, sentence, actors, live, text)
    if from_the_air(etype, live, actors, text):
        return "airstrike"
    etype = skirmish_type(etype, live, actors, sentence)
    if etype == "armed_clash" and pattern("riot").search(sentence):
        etype = "protest"  # clashes between protesters, or with them, are a riot
    elif etype == "armed_clash" and any(_took(t, text) for t in live):
        etype = "territory"  # the fighting that took a place is told as its taking
    elif etype == "armed_clash" and _on_civilians(live, text, sentence):
        etype = "attack"  # "هاجم مسلحون السكان": one-sided, not a clash
    return etype


def _killed_then_arrested(live: list[Trigger]) -> bool:
    """A killing word told before the sentence's first arrest: the fight, then its
    arrests («مقتل عنصر إرهابي واعتقال 13 آخرين»); not an arrest for a killing told
    after it («القبض على قاتل الطالب»، «القبض على مشتبه به في الهجوم الذي أسفر عن»)."""
    first_arrest = min((t.start for t in live if t.type == "arrest"), default=-1)
    return any(t.type == "attack" and t.start < first_arrest
               and _stem_in(t.text, "killing_words") for t in live)


def _stem_in(word: str, key: str) -> bool:
    return stem_in(word, _folded(key))


def _on_civilians(live: list[Trigger], text: str, sentence: str) -> bool:
    """Every clash word of the sentence is an assault verb whose object is people who
    cannot fight back (residents, a home, worshippers), and nothing military is named."""
    clash = [t for t in live if t.type == "armed_clash"]
    verbs = _folded("assault_verbs")
    return bool(clash) and all(
        any(f in verbs for f in forms(t.text)) and pattern("civilian_targets").match(
            text, t.end) for t in clash) and not pattern("military").search(sentence)


def _took(t: Trigger, text: str) -> bool:
    """A strong territory trigger not told as an attempt ("محاولة السيطرة")."""
    return t.type == "territory" and t.strong \
        and _LEX["attempt"] not in text[max(0, t.start - SETTINGS.attempt_reach):t.start]


def _first_type(triggers: list[Trigger], text: str = "") -> str:
    # "وتأتي الضربات بعد أن سيطرت القوات على البلدة": the news is the second trigger
    fresh = [t for t in triggers if not text[max(0, t.start - 5):t.start].rstrip().endswith(
        tuple(_LEX["demonstratives"]))]
    triggers = fresh or triggers
    for t in triggers:
        if t.type in lexicon().specific:
            return t.type
    return triggers[0].type


def _aimed_at_civilians(live: list[Trigger], text: str) -> bool:
    """«استهدف مسجد قوات الطوارئ»: a targeting verb whose object is people who cannot
    fight back, whoever they are."""
    return any(t.type == "attack" and _stem_in(t.text, "targeting_verbs")
               and pattern("civilian_targets").match(text, t.end) for t in live)


def _refine_type(etype: str, sentence: str, actors: list, live: list[Trigger],
                 text: str) -> str:
    """A plain "هجوم" on soldiers or a base is a clash («فتح مسلحون النار على حاجز»); an
    assassination, or an attack aimed at worshippers or residents, stays an attack."""
    if etype != "attack":
        return etype
    military = pattern("military").search(sentence) or any(
        a.kind == "state_force" for a in actors)
    if military and not _aimed_at_civilians(live, text):
        return "armed_clash"  # an assault on a base, patrol or checkpoint, or on soldiers
    return etype


def kinds(etype: str, live: list[Trigger], *, counted: bool = False) -> list[str]:
    """The incident types a sentence reports: its type, and arrests it tells beside a
    clash ("أصيب 63 خلال مناوشات ... مضيفة أنها أوقفت 45 شخصا": the arrests are news);
    an ambush that only made an uncounted arrest ("بعد نصب كمين من القبض على") is the arrest."""
    if etype != "arrest" and any(t.type == "arrest" and t.strong for t in live):
        methods = _word_set("arrest_methods")
        if not counted and all(methods.intersection(forms(t.text)) for t in live
                               if t.type != "arrest"):
            return ["arrest"]
        return [etype, "arrest"]
    return [etype]


def merged_type(told: str, more: str) -> str:
    """An "attack" told again as what it was (an explosion, an air raid) is that."""
    return more if told == "attack" and more != "attack" else told
