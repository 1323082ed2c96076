"""The words casualty figures are read with (data/casualties.json) and the one token
view of a sentence the casualty reader walks: each token with its clitic readings
(`arabic.readings`), the quantity covering it and whether punctuation precedes it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extraction.arabic import fold, readings
from extraction.lexicons import reads

WORD_LISTS = ("killed_before", "killed_after", "wounded_before", "wounded_after",
              "person_nouns", "subset", "units", "before_not", "killed_one", "addition",
              "single_attacker", "charge_before", "response", "captured_before", "rank_nouns")
_SETS = ("broken_plurals", "one", "the_two", "dual_killed", "breakdown_of", "among",
         "victims", "opening_verbs", "joiners", "negations", "origin_endings",
         "one_killed_nouns", "one_wounded_nouns", "share_before", "weekday_before",
         "time_between",
         "passive_killed", "active_killing",
         "passive_followers", "side_skips", "construct_complements", "construct_dual_endings",
         "one_of_the_two")
_TEXTS = ("any_cue", "punctuation", "dual", "accusative", "oblique_dual", "of", "and",
          "no_casualties")
_LEX = reads("casualties.json", *WORD_LISTS, *_SETS, *_TEXTS, "definite", "sides",
             "natural_death")
_TOKEN = re.compile(r"[^\W\d_]+|\d+|%")


@dataclass(frozen=True)
class Words:
    """A cue list: single words, stems (written with a trailing *) and phrases."""

    exact: frozenset
    stems: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    firsts: frozenset = frozenset()  # the first words of the phrases

    seen: dict = field(default_factory=dict, compare=False, repr=False)  # forms -> match

    def match(self, forms: tuple[str, ...]) -> bool:
        hit = self.seen.get(forms)
        if hit is None:
            hit = any(f in self.exact or f.startswith(self.stems) for f in forms)
            if len(self.seen) < 100_000:
                self.seen[forms] = hit
        return hit


@cache
def lex() -> dict[str, Words]:
    return {key: cue_list(_LEX[key]) for key in WORD_LISTS}


def cue_list(entries: list[str]) -> Words:
    folded = [fold(w).strip() for w in entries]
    exact = frozenset(w for w in folded if " " not in w and not w.endswith("*"))
    stems = tuple(w[:-1] for w in folded if w.endswith("*"))
    phrases = tuple(tuple(w.split()) for w in folded if " " in w)
    return Words(exact, stems, phrases, frozenset(p[0] for p in phrases))


@cache
def violent_killing() -> Words:
    """The killing words that are no natural death (killed_before without natural_death)."""
    natural = {fold(w) for w in _LEX["natural_death"]}
    return cue_list([w for w in _LEX["killed_before"] if fold(w) not in natural])


@cache
def sides() -> dict[str, Words]:
    """Side -> the nouns that count its dead ("forces": عسكري، شرطي ...)."""
    return {side: cue_list(nouns) for side, nouns in _LEX["sides"].items()
            if not side.startswith("_")}


@cache
def words(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


@cache
def definite() -> tuple[str, ...]:
    return tuple(_LEX["definite"])


def text(key: str) -> str:
    return _LEX[key]


@cache
def pattern(key: str) -> re.Pattern:
    return re.compile(_LEX[key])


@dataclass
class Tok:
    start: int
    end: int
    text: str
    forms: tuple[str, ...]
    qty: object = None  # a Quantity covering this token
    brk: bool = False  # punctuation right before this token


@cache
def _plain_gaps() -> frozenset[str]:
    """The usual gaps between tokens ("", " ") that hold no punctuation."""
    return frozenset(g for g in ("", " ") if not pattern("punctuation").search(g))


def tokens(text_: str, start: int, end: int) -> list[Tok]:
    matches = list(_TOKEN.finditer(text_, start, end))
    ends = [start] + [m.end() for m in matches]
    gaps = _unquoted([text_[ends[k]:m.start()] for k, m in enumerate(matches)])
    brk, plain = pattern("punctuation"), _plain_gaps()
    toks = []
    for k, m in enumerate(matches):
        gap = _unbracketed(gaps[k], toks[-1].text if toks else "", m.group())
        toks.append(Tok(m.start(), m.end(), m.group(), readings(m.group(), "casualty"),
                        brk=gap not in plain and bool(brk.search(gap))))
    return toks


_QUOTE = '"'  # every quotation mark, once normalised


def _unquoted(gaps: list[str]) -> list[str]:
    """«أسفر عن "استشهاد" 26 شخصا»، «17 شخصا "استشهدوا"»: the quotation marks around one
    word separate nothing (a paper's way of quoting its source's word)."""
    out = list(gaps)
    for k in range(len(gaps) - 1):
        if gaps[k].rstrip().endswith(_QUOTE) and gaps[k + 1].lstrip().startswith(_QUOTE):
            out[k] = out[k].rstrip()[:-1] + " "
            out[k + 1] = " " + out[k + 1].lstrip()[1:]
    return out


def _unbracketed(gap: str, before: str, token: str) -> str:
    """«استشهاد (15) وإصابة (33)»: the brackets of a bare figure separate nothing."""
    if token.isdigit():
        gap = gap.replace("(", "", 1)
    if before.isdigit():
        gap = gap.replace(")", "", 1)
    return gap.strip() or gap[:1]


def phrase_at(toks: list[Tok], i: int, cue: Words) -> int:
    """Length in tokens of a cue starting at token i (0 if none)."""
    forms = toks[i].forms
    if not cue.firsts.isdisjoint(forms):
        for phrase in cue.phrases:
            n = len(phrase)
            if i + n <= len(toks) and all(phrase[k] in toks[i + k].forms for k in range(n)):
                return n
    return 1 if cue.match(forms) else 0


_ADDED_REACH = 8  # tokens between a figure and one told as an addition to it


def joined(toks: list[Tok], last: int, first: int) -> bool:
    """Is the figure starting at token `first` a و-coordinated addition to the one ending
    at `last` ("8 عسكريين و14 إرهابيا", "مقابل 34"), or told as one ("عشرة من منسوبي
    القوات إضافة إلى ثلاثة من العاملين")?"""
    n = 0
    if first - last <= _ADDED_REACH and first >= 2:
        n = 2 if phrase_at(toks, first - 2, lex()["addition"]) == 2 else \
            1 if phrase_at(toks, first - 1, lex()["addition"]) == 1 else 0
    added = n > 0
    if first - last > 4 and not added:
        return False
    for k in range(last + 1, first + 1):
        if toks[k].brk and not (added and k == first - n):  # "القوات، إضافة إلى ثلاثة"
            return False
    return added or toks[first].text.startswith(text("and")) \
        or toks[first - 1].text in words("joiners")
