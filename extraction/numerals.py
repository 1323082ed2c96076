"""The number lexicon and tokenizer shared by `numbers` and `dates`: words, digit runs
and single other characters of folded text, and the number words, qualifiers and
markers of data/numbers.json (with month names from data/months.json).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extraction.arabic import article_forms, fold
from extraction.lexicons import reads

_NUMBERS = reads("numbers.json", "words", "teen_only", "fractions", "vague",
                 "vague_multipliers", "ordinals", "prefixes", "not_numbers", "qualifiers",
                 "after_qualifiers", "range_joiners", "update_verbs", "percent_after",
                 "year_before", "year_before_if_year_like", "year_after", "not_count_before",
                 "teens", "from_joiners")
_MONTHS = reads("months.json", "months", "hijri")
TOKEN = re.compile(
    r"[0-9][0-9,.\u066B\u066C]*[0-9]|[0-9]"  # digits, with thousands/decimal separators
    r"|[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+"  # Arabic letters
    r"|[A-Za-z]+|\S"  # Latin words; any other single character
)


class Token(NamedTuple):
    """A word, a digit run (with its separators) or one other character."""

    start: int
    end: int
    text: str
    kind: str  # "d" digits, "w" word, "p" anything else


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, tuple[str, int]]
    teen_only: frozenset[str]
    fractions: dict[str, float]
    vague: dict[str, int]
    vague_multipliers: dict[str, int]
    ordinals: frozenset[str]
    prefixes: tuple[str, ...]
    not_numbers: frozenset[str]
    qualifiers: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # by first word
    after_qualifiers: tuple[tuple[str, tuple[str, ...]], ...]
    range_joiners: frozenset[str]
    update_verbs: frozenset[str]
    percent_after: tuple[tuple[str, ...], ...]
    year_before: frozenset[str]
    year_like_before: frozenset[str]
    year_after: frozenset[str]
    not_count_before: frozenset[str]
    month_words: frozenset[str]
    teens: frozenset[str]  # "عشر" after a unit: a teen ("خمسة عشر", "الحادي عشر")
    from_joiners: frozenset[str]  # "من 10 إلى 15"


def _phrases(groups: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, folded words) pairs, longest phrase first."""
    pairs = {(kind, tuple(fold(p).split())) for kind, items in groups.items() for p in items}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[1]), pair)))


def _by_first_word(pairs):
    index: dict[str, list] = {}
    for kind, words in pairs:
        index.setdefault(words[0], []).append((kind, words))
    return {first: tuple(items) for first, items in index.items()}


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    raw, months = _NUMBERS, _MONTHS
    words = {
        fold(form): (kind, value)
        for kind, forms in raw["words"].items()
        for form, value in forms.items()
    }
    month_names = [*months["months"], *months["hijri"]]
    return NumberLexicon(
        words=words,
        teen_only=frozenset(fold(w) for w in raw["teen_only"]),
        fractions={fold(k): v for k, v in raw["fractions"].items()},
        vague={fold(k): v for k, v in raw["vague"].items()},
        vague_multipliers={fold(k): v for k, v in raw["vague_multipliers"].items()},
        ordinals=frozenset(fold(w) for w in raw["ordinals"]),
        prefixes=tuple(sorted((fold(p) for p in raw["prefixes"]), key=len, reverse=True)),
        not_numbers=frozenset(fold(w) for w in raw["not_numbers"]),
        qualifiers=_by_first_word(_phrases(raw["qualifiers"])),
        after_qualifiers=_phrases(raw["after_qualifiers"]),
        range_joiners=frozenset(fold(w) for w in raw["range_joiners"]),
        update_verbs=frozenset(fold(w) for w in raw["update_verbs"]),
        percent_after=tuple(tuple(fold(p).split()) for p in raw["percent_after"]),
        year_before=frozenset(fold(w) for w in raw["year_before"]),
        year_like_before=frozenset(fold(w) for w in raw["year_before_if_year_like"]),
        year_after=frozenset(fold(w) for w in raw["year_after"]),
        not_count_before=frozenset(fold(w) for w in raw["not_count_before"]),
        month_words=frozenset(fold(m).split()[0] for m in month_names),
        teens=frozenset(fold(w) for w in raw["teens"]),
        from_joiners=frozenset(fold(w) for w in raw["from_joiners"]),
    )


_ASCII_DIGITS = frozenset("0123456789")


def tokenize(text: str) -> list[Token]:
    """Words, digit runs and single other characters; whitespace only between them."""
    out = []
    append, new = out.append, tuple.__new__
    for m in TOKEN.finditer(text):
        s = m.group()
        first = s[0]
        kind = "d" if first in _ASCII_DIGITS else "w" if first.isalpha() else "p"
        append(new(Token, (*m.span(), s, kind)))
    return out


def digit_value(s: str) -> float | None:
    """1,332 / 1.332 / 1٬332 → 1332; 1.5 / 1٫5 → 1.5; anything else ambiguous → None."""
    if "\u066B" in s:  # Arabic decimal separator
        whole, _, frac = s.partition("\u066B")
        whole = whole.replace("\u066C", "").replace(",", "")
        return float(f"{whole}.{frac}") if whole.isdigit() and frac.isdigit() else None
    parts = re.split(r"[,.\u066C]", s)
    if len(parts) == 1:
        return int(s)
    seps = {c for c in s if not c.isdigit()}
    if len(seps) == 1 and all(len(p) == 3 for p in parts[1:]):
        return int("".join(parts))
    if len(parts) == 2 and seps <= {".", ","}:
        return float(f"{parts[0]}.{parts[1]}")
    return None


def readings(text: str, lex: NumberLexicon) -> tuple[tuple[str, str], ...]:
    """(prefix, rest) readings of a word: bare first, then with a clitic prefix."""
    return _readings(text, lex.prefixes)


@lru_cache(maxsize=8192)
def _readings(text: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    stripped = ((p, text[len(p):]) for p in prefixes if text.startswith(p) and len(text) > 2)
    return (("", text), *stripped)


def lookup(text: str, lex: NumberLexicon) -> tuple[tuple[str, int], str] | None:
    if text in lex.not_numbers:
        return None
    for prefix, rest in readings(text, lex):
        entry = lex.words.get(rest)
        if entry:
            return entry, prefix
    return None


@lru_cache(maxsize=16384)
def may_start(word: str) -> bool:
    """False when no quantity can start at this non-digit token: it is no qualifier,
    ordinal, number word, fraction or vague count, bare or behind a clitic or article
    (so `_quantity_at` would return (None, i + 1))."""
    lex = lexicon()
    rests = [rest for _, rest in readings(word, lex)]
    rests += [r[2:] for r in rests if r.startswith("ال")]
    rests += [word[len(a):] for a in article_forms() if word.startswith(a)]
    tables = (lex.qualifiers, lex.words, lex.fractions, lex.vague, lex.ordinals)
    return any(r in table for r in rests for table in tables)
