"""The date lexicon of `dates`: weekdays, months, relative-day phrases, "ago" units and
the other words of data/dates.json and data/months.json, folded and indexed by first
word, and which words can start a date mention at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extraction.arabic import fold, proclitics
from extraction.lexicons import reads

_DATES = reads("dates.json", "weekdays", "ambiguous_weekdays", "day_parts", "past_markers",
               "future_markers", "relative_days", "ago", "ago_units", "ago_plural_units",
               "ago_hour_units", "ago_qualifiers", "ago_vague_counts", "since_events",
               "period_recent", "adverb_followers", "weekday_date_joiners", "vague_recent",
               "month_relative", "year_relative", "year_words", "since_words", "period_starts",
               "month_cues", "ordinal_days", "ordinal_tens", "not_today", "day_after",
               "background_days", "day_of_month_joiners", "year_of", "year_mark", "hijri_mark",
               "dual_endings", "weekday_range_joiners")
_MONTHS = reads("months.json", "months", "ambiguous")

# Phrases indexed by their first word: {first: ((words, value), ...)}
Phrases = dict[str, tuple[tuple[tuple[str, ...], int], ...]]


@dataclass(frozen=True)
class DateLexicon:
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    day_parts: Phrases
    past: frozenset[str]
    future: frozenset[str]
    relative_days: Phrases
    ago: frozenset[str]
    ago_units: dict[str, int]
    ago_plural: frozenset[str]
    ago_hours: dict[str, int]
    ago_qualifiers: Phrases
    ago_vague: frozenset[str]
    since_events: Phrases
    period_recent: Phrases
    adverb_followers: frozenset[str]
    weekday_date_joiners: frozenset[str]
    vague_recent: Phrases
    month_relative: Phrases
    year_relative: Phrases
    year_words: frozenset[str]
    since: Phrases
    period_starts: Phrases
    month_cues: frozenset[str]
    months: Phrases
    ambiguous_months: frozenset[str]
    ordinal_days: dict[str, int]
    ordinal_tens: dict[str, int]
    not_today: frozenset[str]
    day_after: Phrases
    background_days: int
    day_of_month_joiners: tuple[str, ...]  # optional words, in order, between day and month
    year_of: frozenset[str]
    year_mark: frozenset[str]
    hijri_mark: frozenset[str]
    dual_endings: tuple[str, ...]
    weekday_range_joiners: frozenset[str]


def _phrases(items) -> Phrases:
    pairs = items.items() if isinstance(items, dict) else ((p, 0) for p in items)
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, value in pairs:
        words = tuple(fold(phrase).split())
        index.setdefault(words[0], []).append((words, value))
    return {first: tuple(entries) for first, entries in index.items()}


@lru_cache(maxsize=8192)
def word_bases(word: str) -> tuple[str, ...]:
    """The word bare and without a clitic prefix (و، ف، ب، ل)."""
    return (word, *(word[len(p):] for p in proclitics("date")
                    if word.startswith(p) and len(word) > 3))


def _words(items) -> frozenset[str]:
    return frozenset(fold(w) for w in items)


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    raw, months = _DATES, _MONTHS
    period_starts = {
        first: tuple((words, 1 if "الشهر" in words else 12) for words, _ in entries)
        for first, entries in _phrases(raw["period_starts"]).items()
    }
    return DateLexicon(
        weekdays={fold(k): v for k, v in raw["weekdays"].items()},
        ambiguous_weekdays=_words(raw["ambiguous_weekdays"]),
        day_parts=_phrases(raw["day_parts"]),
        past=_words(raw["past_markers"]),
        future=_words(raw["future_markers"]),
        relative_days=_phrases(raw["relative_days"]),
        ago=_words(raw["ago"]),
        ago_units={fold(k): v for k, v in raw["ago_units"].items()},
        ago_plural=_words(raw["ago_plural_units"]),
        ago_hours={fold(k): v for k, v in raw["ago_hour_units"].items()},
        ago_qualifiers=_phrases(raw["ago_qualifiers"]),
        ago_vague=_words(raw["ago_vague_counts"]),
        since_events=_phrases(raw["since_events"]),
        period_recent=_phrases(raw["period_recent"]),
        adverb_followers=_words(raw["adverb_followers"]),
        weekday_date_joiners=_words(raw["weekday_date_joiners"]),
        vague_recent=_phrases(raw["vague_recent"]),
        month_relative=_phrases(raw["month_relative"]),
        year_relative=_phrases(raw["year_relative"]),
        year_words=_words(raw["year_words"]),
        since=_phrases(raw["since_words"]),
        period_starts=period_starts,
        month_cues=_words(raw["month_cues"]),
        months=_phrases(months["months"]),
        ambiguous_months=_words(months["ambiguous"]),
        ordinal_days={fold(k): v for k, v in raw["ordinal_days"].items()},
        ordinal_tens={fold(k): v for k, v in raw["ordinal_tens"].items()},
        not_today=_words(raw["not_today"]),
        day_after=_phrases(raw["day_after"]),
        background_days=raw["background_days"],
        day_of_month_joiners=tuple(fold(w) for w in raw["day_of_month_joiners"]),
        year_of=_words(raw["year_of"]),
        year_mark=_words(raw["year_mark"]),
        hijri_mark=_words(raw["hijri_mark"]),
        dual_endings=tuple(fold(w) for w in raw["dual_endings"]),
        weekday_range_joiners=_words(raw["weekday_range_joiners"]),
    )


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a date mention can start with (bare or behind a clitic): the first
    words of all phrase tables and the single-word sets `_at` looks at token i."""
    lex = lexicon()
    tables = (lex.period_starts, lex.since, lex.since_events, lex.day_after, lex.day_parts,
              lex.relative_days, lex.vague_recent, lex.period_recent, lex.month_relative,
              lex.year_relative, lex.months)
    words = {first for table in tables for first in table}
    words |= lex.ago | lex.weekdays.keys() | lex.ordinal_days.keys() | lex.year_words
    return frozenset(words | lex.month_cues | {"ال"})


@lru_cache(maxsize=16384)
def may_start(word: str) -> bool:
    """False when no date can start at a word token (so `_at` would find nothing)."""
    return any(base in _first_words() for base in word_bases(word))
