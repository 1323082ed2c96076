"""Places listed as a trigger's object (issue 8, lesson 1: round-ups): «شنت الطائرات غارات
على الزهيرة، المقلع والبريج شمال مدينة حماة»، «سيطرت القوات على الكسارة والبريج في ريف
حماة». Bare names the gazetteer lacks, each its own place under the known place the list
ends at (`place_patterns` already reads names after a head word: «قرى X وY»).

A list counts only when it is safe to read as places:
- it follows «على» or «في» within a few words of a violent trigger, or a noun of several
  places right after it («استعادت المقاومة مناطق الجفينة والزور في محافظة مأرب»), past
  the noun's owner, an actor («مواقع الحوثيين في ...»), and a word that opens its list
  («عدة مواقع أبرزها ...»; data/places_stopwords.json listing_nouns, list_leads);
- it has two items at least, one of them unknown (a known place may be an item; one of
  another country than the place the list ends at is read as an unknown one: «قرى
  الكسارة والبريج في ريف حماة» is no camp of Gaza);
- it ends at a known place that is no country: after «في» or a glued preposition, or
  after a direction word and a head word («شمال مدينة حماة»); a list holding a country
  is left as told («الرقة والأنبار في سوريا والعراق»);
- every word of an unknown item is a run of letters that no stop list holds, no actor or
  place already found covers, and that is not one of the nouns an object list is made of
  («مواقع ومقرات»: data/places_stopwords.json object_nouns).

Facilities and landmarks («سيطر على معسكر الصاعقة وكلية الشرطة»، «حررت المقاومة قاعدة
العند الجوية ومعسكر لبوزة»: data/places_heads.json facility_heads) are places only here,
as items of a list of two or more: a head, the word in construct with it and adjectives
of relation. Such a list may follow a taking's verb without «على», and needs no known
place at its end: the nearest known place told shortly before it encloses it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from extraction.arabic import L
from extraction.gazetteer import places_by_key
from extraction.lexicon import Token, head_reading
from extraction.place_index import (
    adjective_endings,
    country_of,
    stopwords,
    text_tokens,
    unseen_ref,
)
from extraction.place_words import PlaceMention, W
from extraction.sentences import SENTENCE_END
from extraction.triggers import Trigger

_ON = "علي"  # folded «على»
_TO_ON = 4  # words between a trigger and its «على»
_ITEM_WORDS = 2  # words of one unknown name
_ANCHOR_WORDS = 3  # words between the list's end and the known place it ends at
_MAX_ITEMS = 12
_FACILITY_WORDS = 3  # words of a facility's name after its head
_BEFORE_CHARS = 400  # how far back a facility list's enclosing place may be told
_LIST_TYPES = frozenset({"airstrike", "shelling", "territory", "armed_clash", "attack"})


def object_places(text: str, triggers: Sequence[Trigger], places: Sequence[PlaceMention],
                  actors: Sequence) -> list[PlaceMention]:
    """The unknown places of every trigger's object list (see the module docstring)."""
    toks = text_tokens(text)
    starts = [tok.start for tok in toks]
    taken = [(m.start, m.end) for m in (*places, *actors)]
    out: list[PlaceMention] = []
    for t in triggers:
        if t.type not in _LIST_TYPES:
            continue
        found = next((listed for first in _object_starts(text, toks, starts, t, taken)
                      if (listed := _read_list(text, toks, first, places, taken, False))), [])
        if not found and t.type == "territory":  # «حررت المقاومة معسكر X ومطار Y»
            first = _facility_object(text, toks, starts, t)
            found = [] if first is None else _read_list(text, toks, first, places, taken, True)
        for m in found:
            if not any(m.start < o.end and o.start < m.end for o in out):
                out.append(m)
    return sorted(out, key=lambda m: m.start)


def _object_starts(text: str, toks: Sequence[Token], starts: list[int], t: Trigger,
                   taken: list[tuple[int, int]]) -> list[int]:
    """Where the trigger's object list may start, if its object comes soon: after «على»
    or «في», or after a noun of several places and their owner («استعادت المقاومة مناطق
    X وY»، «غارات على تجمعات للحوثيين في X وY»، «تحرير عدة مواقع أبرزها X وY»; not
    «اقتحام منزل عائلته»)."""
    i = bisect_left(starts, t.end)
    out = []
    for j in range(i, min(i + _TO_ON, len(toks))):
        if SENTENCE_END.search(text, t.end, toks[j].start):
            break
        word = toks[j].text
        if word in (_ON, W.in_):
            out.append(_past_object(toks, j + 1, taken))
        elif word in stopwords()["listing_nouns"] or word in stopwords()["object_counts"]:
            out.append(_past_object(toks, j, taken))
            break
    return out


def _past_object(toks: Sequence[Token], j: int, taken: list[tuple[int, int]]) -> int:
    """The token after an object noun phrase at token j (a count word, the noun, its
    owner and «في» or a word that opens its list: «عدة مواقع أبرزها»، «مواقع الحوثيين في»),
    or j itself when none starts there."""
    stop = stopwords()
    if j < len(toks) and toks[j].text in stop["object_counts"]:
        j += 1
    if j >= len(toks) or toks[j].text not in stop["object_nouns"]:
        return j
    j += 1
    while j < len(toks) and _covering(taken, toks[j]):
        j += 1  # whose they are: «مواقع الحوثيين»، «تجمعات للحوثيين»
    if j < len(toks) and (toks[j].text == W.in_ or toks[j].text in stop["list_leads"]):
        j += 1
    return j


def _facility_object(text: str, toks: Sequence[Token], starts: list[int],
                     t: Trigger) -> int | None:
    """The facility head a taking's direct object opens with, if it comes soon."""
    i = bisect_left(starts, t.end)
    for j in range(i, min(i + _TO_ON, len(toks))):
        if SENTENCE_END.search(text, t.end, toks[j].start):
            return None
        if toks[j].text in W.facility_heads:
            return j
    return None


def _covering(spans: list[tuple[int, int]], tok: Token) -> bool:
    return any(a < tok.end and tok.start < b for a, b in spans)


def _known_at(places: Sequence[PlaceMention], tok: Token) -> PlaceMention | None:
    return next((m for m in places if m.start < tok.end and tok.start < m.end), None)


def _name_word(word: str) -> bool:
    stop = stopwords()
    return len(word) >= 2 and word not in stop["function_words"] \
        and word not in stop["not_names"] and word not in stop["common_names"] \
        and word not in stop["object_nouns"] and word not in W.relative \
        and head_reading(word, W.head_words) is None


def _read_list(text: str, toks: Sequence[Token], i: int, places: Sequence[PlaceMention],
               taken: list[tuple[int, int]], facilities_only: bool) -> list[PlaceMention]:
    """The unknown items of the list starting at token i, or none if it is no safe list
    (a list of facilities only, when it follows no «على»)."""
    items = _items(text, toks, i, places, taken)
    anchor = _anchor(text, toks, items[-1].last + 1, places) if items else None
    if anchor is None or facilities_only:  # a list of facilities needs no place at its end
        items = [it for it in items if it.facility or it.known is not None]
        if not any(it.facility for it in items):
            return []
        anchor = anchor or _before(places, toks[items[0].first].start)
    if anchor is None or len(items) < 2 or _of_countries(anchor, items):
        return []
    country = country_of(anchor.ref.key)
    unknown = [it for it in items if it.known is None or (
        it.known.ref.key is not None and country_of(it.known.ref.key) != country)]
    return [_unseen(text, toks[it.first].start + it.cut, toks[it.last].end, anchor)
            for it in unknown]


def _of_countries(anchor: PlaceMention, items: list) -> bool:
    """«الرقة والأنبار في سوريا والعراق»، «في سوريا وسمحت أنقرة»: a list that ends at a
    country or holds one is left as told."""
    return anchor.ref.kind == "country" or any(
        it.known is not None and it.known.ref.kind == "country" for it in items)


def _items(text: str, toks: Sequence[Token], i: int, places: Sequence[PlaceMention],
           taken: list[tuple[int, int]]) -> list[_Item]:
    """The list's items from token i on: known places, facilities and bare names."""
    items: list[_Item] = []
    while i < len(toks) and len(items) < _MAX_ITEMS:
        if items and not _next_item(text, toks, i):
            break
        cut = 1 if items and toks[i].text.startswith(L.and_) and toks[i].joined else 0
        item = _known_item(text, toks, i, places) or _facility_item(text, toks, i, cut, places) \
            or _bare_item(text, toks, i, cut, taken)
        if item is None:
            break
        items.append(item)
        i = item.last + 1
    return items


class _Item(NamedTuple):
    first: int
    last: int
    cut: int  # letters of a glued «و» before the name
    known: PlaceMention | None
    facility: bool = False


def _known_item(text: str, toks: Sequence[Token], i: int,
                places: Sequence[PlaceMention]) -> _Item | None:
    known = _known_at(places, toks[i])
    if known is None:
        return None
    last = i
    while last + 1 < len(toks) and toks[last + 1].start < known.end:
        last += 1
    while last + 1 < len(toks) and not text[toks[last].end:toks[last + 1].start].strip() \
            and _facility_word(toks[last + 1].text, first=False):  # «مطار صنعاء الدولي»
        last += 1
    return _Item(i, last, 0, known)


def _facility_item(text: str, toks: Sequence[Token], i: int, cut: int,
                   places: Sequence[PlaceMention]) -> _Item | None:
    """«معسكر الصاعقة»، «وكلية الشرطة»، «قاعدة العند الجوية»: a facility head, the word
    it is in construct with, and the adjectives of relation after it (the name may be, or
    hold, a known place: then the item is that place)."""
    if toks[i].text[cut:] not in W.facility_heads:
        return None
    last, known = None, None
    for j in range(i + 1, min(i + 1 + _FACILITY_WORDS, len(toks))):
        word = toks[j].text
        if text[toks[j - 1].end:toks[j].start].strip() or not _facility_word(word, j == i + 1):
            break
        known = known or _known_at(places, toks[j])
        last = j
    if last is None:
        return None
    return _Item(i, last, cut, known, facility=True)


def _facility_word(word: str, first: bool) -> bool:
    """The name's first word: a definite noun or a name no stop list holds; after it
    only adjectives of relation («المركزي»، «الجوية»)."""
    if not word.isalpha() or len(word) < 2 or word in W.facility_name_stops \
            or word in W.head_words or word in W.facility_heads:
        return False
    definite = word.startswith(L.article)
    if not first:
        return definite and word.endswith(adjective_endings())
    return definite or (word not in stopwords()["function_words"] and word not in W.relative)


def _bare_item(text: str, toks: Sequence[Token], i: int, cut: int,
               taken: list[tuple[int, int]]) -> _Item | None:
    last = _unknown_item(text, toks, i, cut, taken)
    return None if last is None else _Item(i, last, cut, None)


def _before(places: Sequence[PlaceMention], start: int) -> PlaceMention | None:
    """The nearest known place told shortly before a position."""
    return next((m for m in reversed(places) if m.end <= start and m.ref.key is not None
                 and start - m.end <= _BEFORE_CHARS), None)


def _next_item(text: str, toks: Sequence[Token], i: int) -> bool:
    """Token i opens the list's next item: after a comma, or a glued «و»."""
    gap = text[toks[i - 1].end:toks[i].start].strip()
    if gap in W.commas:
        return True
    return gap == "" and toks[i].text.startswith(L.and_) and len(toks[i].text) > 3 \
        and toks[i].text not in W.head_words  # «وادي الحسيني» is no «و» + a name


def _unknown_item(text: str, toks: Sequence[Token], i: int, cut: int,
                  taken: list[tuple[int, int]]) -> int | None:
    """The last token of an unknown name starting at token i (its «و» cut off), which
    may open with a head word («وتل المقداد»)."""
    last, words = None, _ITEM_WORDS
    for j in range(i, len(toks)):
        word = toks[j].text[cut:] if j == i else toks[j].text
        if j > i and (text[toks[j - 1].end:toks[j].start].strip() or word.startswith(L.and_)):
            break
        if j == i and head_reading(word, W.head_words) is not None and j + 1 < len(toks):
            words += 1
            continue
        if j - i >= words or _covering(taken, toks[j]) or not _name_word(word):
            break
        last = j
    return last


def _anchor(text: str, toks: Sequence[Token], i: int,
            places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The known place the list ends at: within a few words, with nothing but «في», a
    direction word or a head word between."""
    for j in range(i, min(i + _ANCHOR_WORDS, len(toks))):
        if SENTENCE_END.search(text, toks[i - 1].end, toks[j].start):
            return None
        known = _known_at(places, toks[j])
        if known is not None and known.ref.key is not None:
            # right after the list only with a glued preposition: «X وY بمحافظة لحج»
            return known if j > i or known.start > toks[j].start else None
        word = toks[j].text
        if word != W.in_ and word not in W.relative and head_reading(word, W.head_words) is None:
            return None
    return None


def _unseen(text: str, start: int, end: int, anchor: PlaceMention) -> PlaceMention:
    """An unknown item as a place of the default head's kind (what «منطقة X» is) under
    the place its list ends at."""
    surface = text[start:end]
    ref = unseen_ref(surface, surface, W.heads[W.default_head], places_by_key()[anchor.ref.key])
    return PlaceMention(start, end, ref, surface, True)
