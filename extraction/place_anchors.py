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
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extraction.gazetteer import places_by_key
from extraction.lexicon import head_reading
from extraction.place_index import coordinated, country_of, unseen_ref
from extraction.place_words import PlaceMention, W

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
