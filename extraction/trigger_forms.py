"""A trigger word's readings once its glued clitics are off, and list lookups by them."""
from __future__ import annotations

from extraction.arabic import readings

_MIN_STEM = 2


def forms(word: str) -> tuple[str, ...]:
    """`word` and the words it may be after removing glued clitics (والقصف → القصف, قصف)."""
    return tuple(dict.fromkeys(readings(word, "trigger", _MIN_STEM)))


def stem_in(word: str, entries: frozenset[str]) -> bool:
    """Is one of the word's readings an entry (an entry's trailing * matching any ending)?"""
    return any(f == w or (w.endswith("*") and f.startswith(w[:-1]))
               for f in forms(word) for w in entries)
