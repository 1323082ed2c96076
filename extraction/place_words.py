"""The words of the place finder (data/places_heads.json) and what it returns: a
`PlaceMention`, and the kinds of places ranked by size."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from extraction.arabic import L, directions
from extraction.lexicons import reads
from extraction.types import PlaceRef


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    ref: PlaceRef
    surface: str
    via_pattern: bool
    relative: str | None = None


_LEX = reads("places_heads.json", "heads", "name_heads", "plural_heads", "definite_heads",
             "bare_name_heads", "not_pattern_heads", "relative", "square_heads", "ordinals",
             "glued_heads", "default_head", "from", "in", "list_commas", "sibling_gap",
             "pronoun_endings", "verb_endings", "item_closers", "facility_heads",
             "facility_name_stops", "the_country", "name_nouns", "name_starts",
             "border_gap", "ordinals_before", "street_heads")


class _Words:
    """The head words of data/places_heads.json, read on first use."""

    @cached_property
    def heads(self) -> dict[str, str]:  # head word -> the kind of place it announces
        return _LEX["heads"]

    @cached_property
    def head_words(self) -> frozenset[str]:
        return frozenset(self.heads)

    @cached_property
    def name_heads(self) -> frozenset[str]:  # kept in an unseen name: جبل الكوكب
        return frozenset(_LEX["name_heads"])

    @cached_property
    def facility_heads(self) -> frozenset[str]:  # "سيطرت على معسكر X وكلية Y"
        return frozenset(_LEX["facility_heads"])

    @cached_property
    def facility_name_stops(self) -> frozenset[str]:  # "معسكر X الواقع ..."
        return frozenset(_LEX["facility_name_stops"])

    @cached_property
    def the_country(self) -> list[str]:  # "شرق البلاد": a part of the country written about
        return _LEX["the_country"]

    @cached_property
    def name_nouns(self) -> frozenset[str]:  # «ساقية»: ends like an adjective, starts names
        return frozenset(_LEX["name_nouns"])

    @cached_property
    def name_starts(self) -> frozenset[str]:  # «أبو»، «بني»: begin a name, none alone
        return frozenset(_LEX["name_starts"])

    @cached_property
    def plural_heads(self) -> frozenset[str]:  # "قريتي X وY"
        return frozenset(_LEX["plural_heads"])

    @cached_property
    def definite_heads(self) -> frozenset[str]:  # "سوق الهال", not "سوق مزدحم"
        return frozenset(_LEX["definite_heads"])

    @cached_property
    def bare_name_heads(self) -> frozenset[str]:  # "حي حمروين في مقديشو"
        return frozenset(_LEX["bare_name_heads"])

    @cached_property
    def pattern_heads(self) -> frozenset[str]:
        return frozenset(self.heads) - frozenset(_LEX["not_pattern_heads"])

    @cached_property
    def relative(self) -> dict[str, str]:  # word before a place -> relation
        return _LEX["relative"]

    @cached_property
    def square_heads(self) -> frozenset[str]:  # "الدوار الرابع": named by an ordinal
        return frozenset(_LEX["square_heads"])

    @cached_property
    def ordinals(self) -> frozenset[str]:
        return frozenset(_LEX["ordinals"])

    @cached_property
    def street_heads(self) -> frozenset[str]:  # "شارع الجزائر": a street, not Algeria
        return frozenset(_LEX["street_heads"])

    @cached_property
    def ordinals_before(self) -> frozenset[str]:  # "كرابع محافظة": the common noun
        return frozenset(_LEX["ordinals_before"])

    @cached_property
    def glued(self) -> re.Pattern:  # "مدينةالديوانية": a head word without its space
        return re.compile("(?:" + "|".join(_LEX["glued_heads"]) + ")(?=" + L.article + r"\w{3})")

    @cached_property
    def default_head(self) -> str:  # the head of an unseen place no head word announces
        return _LEX["default_head"]

    @cached_property
    def from_(self) -> str:
        return _LEX["from"]

    @cached_property
    def in_(self) -> str:
        return _LEX["in"]

    @cached_property
    def commas(self) -> frozenset[str]:  # between the names of a list: "بلدات X، Y وZ"
        return frozenset(_LEX["list_commas"])

    @cached_property
    def pronoun_endings(self) -> tuple[str, ...]:  # "ومينائها": a noun and its pronoun
        return tuple(_LEX["pronoun_endings"])

    @cached_property
    def verb_endings(self) -> tuple[str, ...]:  # "ميدان التحرير رفعوا": a verb ends the name
        return tuple(_LEX["verb_endings"])

    @cached_property
    def item_closers(self) -> frozenset[str]:  # "منطقة X والخاملة أمس": the item ends
        return frozenset(_LEX["item_closers"])

    @cached_property
    def sibling_gap(self) -> re.Pattern:  # "الكدحة والمشقر ومنطقة الخاملة": listed beside
        return re.compile(_LEX["sibling_gap"])

    @cached_property
    def border_gap(self) -> re.Pattern:  # "شيرناك الحدودية مع سورية": borders it, not in it
        return re.compile(_LEX["border_gap"])

    @cached_property
    def compass(self) -> frozenset[str]:
        """جنوب، شمال، شرق، غرب and the compounds "شمال غرب" ..."""
        words = directions()["compass"]
        return frozenset(words) | {f"{a} {b}" for a in words[:2] for b in words[2:]}


W = _Words()
KIND_RANK = {  # how large a place of each kind is, for choosing among readings
    "country": 6, "governorate": 5, "district": 4, "subdistrict": 3, "city": 3.5,
    "village": 1, "area": 2,
}
NESTING = {  # which kinds lie inside which
    "area": 0, "village": 1, "city": 2, "subdistrict": 3, "district": 4, "governorate": 5,
    "country": 6,
}
TOP = {"country", "governorate"}  # kinds a head word never announces as small
