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
    kind: str  # "plan" | "generic" | "history" | "accident" | "negation"
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


def type_rank(etype: str) -> int:
    """Lower is more specific (explosion before attack...)."""
    prio = lexicon().priority
    return prio.index(etype) if etype in prio else len(prio)
