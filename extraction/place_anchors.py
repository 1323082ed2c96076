"""A place told as lying in (or by) another one is in that one's country (issue 8, lesson
1: attach a list's names to the known place that encloses them). «منطقة العلم شرق عدن» is
no Iraqi العلم, «جبهتي زنجبار والمنطقة الوسطى في أبين» no Israeli central district: a
place that the gazetteer puts in another country than the place its list ends at becomes
a place of its own under that place, as an unknown name of such a list is
(`object_places`). A list that ends at a country («الرقة والأنبار في سوريا والعراق») or
an item that is one is left as it is.

A list ends at a place when only «في», a direction word («شرق»، «جنوبي») or a head word
(«مدينة»، «محافظة») stands between its last item and that place; its items are the
places before, joined one to the next by «و» or a list comma.

A place the gazetteer lacks, told with a nationality adjective («بلدة سروج التركية»), lies
in that country: the adjective is no part of its name, and when the gazetteer has a place
of the name left in that country («الدمام السعودية») it is that place (`with_nationality`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extraction.arabic import fold
from extraction.gazetteer import load_places, places_by_key
from extraction.lexicon import head_reading
from extraction.lexicons import reads
from extraction.place_index import (
    coordinated,
    country_of,
    known_ref,
    nationality_forms,
    unseen_ref,
)
from extraction.place_words import PlaceMention, W
from extraction.types import PlaceRecord, PlaceRef

_NATIONALITIES = reads("nationalities.json", "*")
_STOP = reads("places_stopwords.json", "not_nationalities")

_ANCHOR_WORDS = 3  # words between a list's last item and the place it ends at


def with_anchors(text: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The (sorted) mentions, each small place of a list re-homed under the place the list
    ends at when the gazetteer put it in another country."""
    out = list(mentions)
    anchor: PlaceMention | None = None
    for n in range(len(out) - 2, -1, -1):
        here, after = out[n], out[n + 1]
        gap = text[here.end:after.start]
        if _ends_at(gap):
            anchor = after if after.ref.key and after.ref.kind != "country" else None
        elif not (coordinated(gap) or gap.strip() in W.commas):
            anchor = None
        if anchor is not None and _abroad(here, anchor):
            out[n] = _under(here, anchor)
    return out


def _ends_at(gap: str) -> bool:
    words = gap.split()
    return bool(gap.strip()) and len(words) <= _ANCHOR_WORDS and all(
        w == W.in_ or w in W.relative or head_reading(w, W.head_words) is not None
        for w in words)


def _abroad(place: PlaceMention, anchor: PlaceMention) -> bool:
    key = place.ref.key
    return key is not None and place.ref.kind != "country" \
        and country_of(key) != country_of(anchor.ref.key)


def _under(place: PlaceMention, anchor: PlaceMention) -> PlaceMention:
    ref = unseen_ref(place.ref.name, place.surface, place.ref.kind,
                     places_by_key()[anchor.ref.key])
    return replace(place, ref=ref, via_pattern=True)


def with_nationality(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The mentions, each unseen place named with a nationality adjective placed in that
    country under its name without the adjective."""
    out = []
    for m in mentions:
        *name, last = m.ref.name.split()
        cc = _adjectives().get(last) if m.ref.key is None and name else None
        out.append(m if cc is None else replace(m, ref=_in_country(" ".join(name), cc, m)))
    return out


def _in_country(name: str, cc: str, m: PlaceMention) -> PlaceRef:
    known = _named_in_country().get((fold(name), cc))
    if known is not None:
        return known_ref(known, m.surface)
    country = places_by_key().get(cc)
    if country is not None:
        return unseen_ref(name, m.surface, m.ref.kind, country)
    return PlaceRef(name=name, aliases=(m.surface,), admin=(_NATIONALITIES[cc]["country"],),
                    kind=m.ref.kind)


@cache
def _adjectives() -> dict[str, str]:
    """'التركيه' -> 'tr': a singular nationality adjective with its article, folded."""
    return {word: cc for word, (cc, form) in nationality_forms().items()
            if form != "plural" and word not in _STOP["not_nationalities"]}


@cache
def _named_in_country() -> dict[tuple[str, str], PlaceRecord]:
    """(a folded name or alias, its country) -> the gazetteer's place."""
    out: dict[tuple[str, str], PlaceRecord] = {}
    for record in load_places():
        for written in (record.name, *record.aliases):
            out.setdefault((fold(written), country_of(record.key)), record)
    return out
