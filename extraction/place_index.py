"""The gazetteer as `places` reads it: every folded name and alias of data/places in one
phrase index (with the strict entries that need a head word), the stopwords and
nationality adjectives that are never place names, and remembered ancestor chains.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from extraction.gazetteer import ancestors, generated_keys, load_places, strict_keys
from extraction.lexicon import PhraseIndex, load_json, phrase_words, tokens
from extraction.normalise import fold
from extraction.types import PlaceRecord


@dataclass(frozen=True)
class _Entry:
    key: str
    strict: bool


@cache
def stopwords() -> dict[str, frozenset[str]]:
    data = load_json("places_stopwords.json")
    return {name: frozenset(fold(w) for w in words) for name, words in data.items()}


@cache
def nationality_adjectives() -> frozenset[str]:
    """'العراقي', 'السوريه' ...: nationality adjectives, never place names."""
    out: set[str] = set()
    for entry in load_json("nationalities.json").values():
        for form in ("masc", "fem", "plural"):
            out.update("ال" + fold(a) for a in entry[form])
    return frozenset(out)


@cache
def place_index() -> PhraseIndex:
    common = stopwords()["common_names"]
    strict, generated = strict_keys(), generated_keys()
    adjectives = nationality_adjectives()
    entries: list[tuple[str, _Entry]] = []
    for record in load_places():
        primary = fold(record.name)
        names = dict.fromkeys(fold(n) for n in (record.name, *record.aliases))
        for name in list(names):
            # "حمورية" is also written "الحمورية"; but "السورية" is an adjective, not Syria
            if (not name.startswith("ال") and len(name) >= 4 and " " not in name
                    and not name.endswith("يه") and "ال" + name not in adjectives):
                names.setdefault("ال" + name)
        for name in names:
            words = phrase_words(name)
            if not words or (len(words) == 1 and len(words[0]) < 3):
                continue
            # geonames aliases are noisy ("سلطات" for Settat): only after a head word
            noisy = record.key in generated and name not in (primary, "ال" + primary)
            is_strict = record.key in strict or name in common or noisy or name in adjectives
            entries.append((name, _Entry(record.key, is_strict)))
    return PhraseIndex(entries)


def is_place_name(phrase: str) -> bool:
    """Whether the whole (folded) phrase is a gazetteer name or alias."""
    toks = tokens(phrase)
    hit = place_index().match(toks, 0) if toks else None
    return hit is not None and hit.last == len(toks) - 1 and hit.start == toks[0].start


@lru_cache(maxsize=65536)
def ancestors_of(key: str) -> tuple[PlaceRecord, ...]:
    """`gazetteer.ancestors`, remembered: the gazetteer does not change while we run."""
    return ancestors(key)
