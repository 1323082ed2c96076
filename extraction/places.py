"""Places in folded text: gazetteer names (with clitics, glued direction words, head
words like قرية/مدينة, even glued ones: "مدينةالديوانية"; every name coordinated after a
plural head: "مدن اربد والطفيلة ومعان"), resolved at document level, plus unseen places
found by pattern ("قرية كنعوص في ... لقضاء الشرقاط" -> كنعوص under الشرقاط; "الدوار
الرابع" under the city named next).

`find_places(text)` returns sorted, non-overlapping PlaceMentions. The text must already
be folded by `extraction.normalise.fold`; spans index into it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from extraction.gazetteer import generated_keys, places_by_key
from extraction.lexicon import (
    Token,
    Variant,
    head_reading,
    variants,
)
from extraction.lexicons import reads
from extraction.place_index import (
    ancestors_of,
    cancelled_by_next,
    coordinated,
    country_of,
    document_context,
    gap_ok,
    is_foreign,
    is_place_name,
    not_the_west_bank,
    place_index,
    split_glued_heads,
    stopwords,
    text_tokens,
)
from extraction.types import PlaceRecord, PlaceRef

__all__ = ["PlaceMention", "document_countries", "find_places", "is_place_name"]


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
             "glued_heads")


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
    def glued(self) -> re.Pattern:  # "مدينةالديوانية": a head word without its space
        return re.compile("(?:" + "|".join(_LEX["glued_heads"]) + r")(?=ال\w{3})")


W = _Words()
_KIND_RANK = {
    "country": 6, "governorate": 5, "district": 4, "subdistrict": 3, "city": 3.5,
    "village": 1, "area": 2,
}
_NESTING = {
    "area": 0, "village": 1, "city": 2, "subdistrict": 3, "district": 4, "governorate": 5,
    "country": 6,
}
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")


def _lookback(toks: Sequence[Token], i: int) -> tuple[int, str | None, str | None]:
    """Before token i: (index of the head word or i, head word, relative word)."""
    head, first = None, i
    if i > 0 and gap_ok(toks, i - 1, i):
        reading = head_reading(toks[i - 1].text, W.head_words)
        if reading is not None:
            head, first = reading.word, i - 1
    relative = None
    j = first - 1
    if j >= 0 and gap_ok(toks, j, first):
        words = [v.word for v in variants(toks[j].text)]
        if toks[j].text == "من" and j > 0:
            words = [v.word for v in variants(toks[j - 1].text)]
        for word in words:
            if word in W.relative:
                relative = W.relative[word]
                break
        if relative in {"شرق", "غرب"} and j > 0:
            before = [W.relative.get(v.word) for v in variants(toks[j - 1].text)]
            for b in before:
                if b in {"شمال", "جنوب"}:
                    relative = f"{b} {relative}"
                    break
    return first, head, relative


def _score(record: PlaceRecord, head: str | None, context: dict, where: int) -> float:
    score = _KIND_RANK[record.kind] * 0.1
    chain = [a.key for a in ancestors_of(record.key)]
    score += 2.0 * context["countries"].get(country_of(record.key), 0.0)
    for a in chain:
        positions = context["positions"].get(a)
        if positions:
            near = bisect_right(positions, where - 200)  # positions are sorted
            score += 1.5 + (1.5 if near < len(positions) and positions[near] < where + 200
                            else 0)
    if head is not None:
        wanted = W.heads[head]
        if record.kind == wanted or (wanted == "city" and record.kind in {"district", "village"}):
            score += 1.0
    return score


def _ref(record: PlaceRecord, surface: str) -> PlaceRef:
    chain = ancestors_of(record.key)
    return PlaceRef(
        name=record.name, aliases=(surface,), admin=tuple(a.name for a in chain),
        key=record.key, parent_key=record.parent, kind=record.kind,
        latitude=record.lat, longitude=record.lon, name_en=record.name_en,
    )


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in the (folded) text, sorted and non-overlapping."""
    return list(_find_places(text))


def document_countries(text: str) -> Counter:
    """How many times the text names a place in each country (ISO alpha-2 -> count)."""
    counts: Counter = Counter()
    for mention in _find_places(text):
        key = mention.ref.key or mention.ref.parent_key
        if key:
            counts[country_of(key)] += 1
    return counts


@lru_cache(maxsize=8)  # the pipeline asks for places and then actors of the same text
def _find_places(text: str) -> tuple[PlaceMention, ...]:
    toks = split_glued_heads(text, text_tokens(text))
    index = places_by_key()
    raw = []  # (first token, last token, start, end, head, relative, candidate keys)
    chain: tuple[str, int] | None = None  # (plural head, last token) of "مدن X وY وZ"
    for hit in place_index().scan(toks):
        first, head, relative = _lookback(toks, hit.first)
        if head is None and chain is not None and hit.first == chain[1] + 1 \
                and coordinated(text[toks[chain[1]].end:hit.start]):
            head = chain[0]  # "مدن اربد والطفيلة ومعان": each name under the plural head
        chain = (head, hit.last) if head in W.plural_heads else None
        relative = W.relative.get(hit.glue) if hit.glue else relative
        cands = [e.key for e in hit.payloads if not e.strict or head]
        if not cands or not_the_west_bank(toks, hit) or cancelled_by_next(toks, hit.last):
            continue
        start = hit.start
        if head is not None and first < hit.first:
            start = toks[first].end - len(head) if toks[first].text.endswith(head) else start
        raw.append((first, hit.last, start, hit.end, head, relative, tuple(dict.fromkeys(cands))))
    context = document_context(raw)
    mentions: list[PlaceMention] = []
    covered: set[int] = set()
    generated = generated_keys()
    for first, last, start, end, head, relative, cands in raw:
        best = max(cands, key=lambda k: (_score(index[k], head, context, start), k))
        small = best in generated or index[best].kind not in _TOP or (
            head is not None and W.heads[head] not in _TOP)
        if small and is_foreign(best, context):
            continue  # a (head word says: small) place of a country the document is not about
        surface = text[start:end]
        mentions.append(PlaceMention(start, end, _ref(index[best], surface), surface, False,
                                     relative))
        covered.update(range(first, last + 1))
    mentions.extend(_anchored(text, toks, raw, covered, mentions, context))
    after_plural = {row[1] + 1: Variant(0, row[4], None) for row in raw
                    if row[4] in W.plural_heads}  # "قرى الزاب وكنعوص": كنعوص under قرى
    mentions.extend(_patterns(text, toks, covered, mentions, context, after_plural))
    mentions.extend(_squares(text, toks, covered, mentions, context))
    mentions.sort(key=lambda m: m.start)
    return tuple(_chain_unseen(text, mentions))


def _chain_unseen(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """An unseen place followed in its sentence by another unseen one sits inside it:
    "الموقع المسمى عين الحجر الواقع بقرية الصفصاف" -> عين الحجر in الصفصاف."""
    out = list(mentions)
    for n in range(len(out) - 2, -1, -1):
        here, after = out[n], out[n + 1]
        if not (here.via_pattern and after.via_pattern) or after.start - here.end > 40:
            continue
        if _SENTENCE_END.search(text, here.end, after.start) or "," in text[here.end:after.start]:
            continue
        if _NESTING[after.ref.kind] <= _NESTING[here.ref.kind]:
            continue  # "قرية X وقرية Y": two villages, neither inside the other
        admin = (after.ref.name, *after.ref.admin)
        ref = replace(here.ref, admin=admin, parent_key=after.ref.parent_key)
        out[n] = replace(here, ref=ref)
    return out


_TOP = {"country", "governorate"}
_COMPASS = {"جنوب", "شمال", "شرق", "غرب", "جنوب غرب", "جنوب شرق", "شمال غرب", "شمال شرق"}


def _anchored(text: str, toks: Sequence[Token], raw: list, covered: set[int],
              known: list[PlaceMention], context: dict) -> list[PlaceMention]:
    """An unseen place placed by a direction from a known one: "في بلدة الكرمة شمال مالي",
    "بالرطبة غرب الانبار"."""
    stop = stopwords()
    out: list[PlaceMention] = []
    for first, _last, _start, _end, _head, relative, _cands in raw:
        d = first - 1  # the direction word
        if relative not in _COMPASS or d < 2 or not toks[first].joined or not toks[d].joined:
            continue
        if W.relative.get(toks[d].text) is None and not any(
                v.word in W.relative for v in variants(toks[d].text)[1:]):
            continue
        x = d - 1
        if x in covered or (x - 1) in covered:
            continue
        word, offset = toks[x].text, 0
        if toks[x - 1].text != "في":
            clitic = next((v for v in variants(word)[1:] if v.offset == 1 and word[0] == "ب"), None)
            if clitic is None:
                continue
            word, offset = clitic.word, 1
        if len(word) < 3 or _is_stop(word, stop, first=True) or word in stop["common_names"]:
            continue
        anchor = next((m for m in known if m.start >= toks[first].start), None)
        if anchor is None or anchor.ref.key is None:
            continue
        start = toks[x].start + offset
        mention = _unseen(text, start, toks[x].end, "منطقه", [word], [anchor], context)
        out.append(mention)
        covered.add(x)
    return out


def _patterns(text: str, toks: Sequence[Token], covered: set[int],
              known: list[PlaceMention], context: dict,
              after_plural: dict[int, Variant]) -> list[PlaceMention]:
    """Places the gazetteer lacks, found after a head word: قرية X، منطقة X، تبة X ...,
    and "قريتي X وY" (the second name after the و of a plural head; after_plural: the
    token after a gazetteer name under a plural head -> that head)."""
    stop = stopwords()
    out: list[PlaceMention] = []
    i, head, cut = 0, None, 0  # cut: letters of token i that belong to no name (the و)
    starts = sorted({n for n, tok in enumerate(toks)  # where a name may start: skip to them
                     if head_reading(tok.text, W.pattern_heads) is not None}.union(after_plural))
    while i < len(toks) - 1:
        if head is None:
            k = bisect_left(starts, i)
            if k == len(starts) or starts[k] >= len(toks) - 1:
                break
            i = starts[k]
        if head is None and i in after_plural and _and_name(text, toks, i, covered, stop):
            head, cut = after_plural[i], 1  # "قرى الزاب وكنعوص"
        if head is None:
            head = head_reading(toks[i].text, W.pattern_heads)
            if head is None or i in covered or (i + 1) in covered or not gap_ok(toks, i, i + 1):
                i, head = i + 1, None
                continue
            first, start = i + 1, toks[i].start + head.offset
        else:
            first, start = i, toks[i].start + cut
        words: list[str] = []
        j = first
        while j < len(toks) and len(words) < 3 and j not in covered:
            word = toks[j].text[cut:] if j == first else toks[j].text
            if (words and not gap_ok(toks, j - 1, j)) or _is_stop(word, stop, first=not words):
                break
            if not words and head.word in W.definite_heads and not word.startswith("ال"):
                if not (head.word in W.bare_name_heads and _placed_next(toks[j], known)
                        and word not in stop["common_names"]):
                    break
                words.append(word)  # "حي حمروين في العاصمة مقديشو": one bare word
                j += 1
                break
            if words and head.word in W.plural_heads and word.startswith("و"):
                break
            if len(word) >= 4 and (word[0] == "ي" or (words and word[0] == "ت")):
                break  # an imperfect verb: "منطقة يسيطر عليها", "جبل ... يشرف"
            words.append(word)
            j += 1
        if words:
            out.append(_unseen(text, start, toks[j - 1].end, head.word, words, known, context))
            covered.update(range(first - (cut == 0), j))
        i, cut = max(j, i + 1), 0
        if words and head.word in W.plural_heads and i < len(toks) \
                and _and_name(text, toks, i, covered, stop):
            cut = 1  # "وحوش الزريقية": the next name under the same head
        else:
            head = None
    return out


def _placed_next(tok: Token, known: list[PlaceMention]) -> bool:
    """A known place follows the token at once ("حمروين في العاصمة مقديشو")."""
    return any(0 < m.start - tok.end <= 16 for m in known)


def _and_name(text: str, toks: Sequence[Token], i: int, covered: set[int],
              stop: dict[str, frozenset[str]]) -> bool:
    """Token i is "وX" after a name, or after its comma ("قرى X، وY"): X may be the next
    name under the same plural head ("ومعان", not "وقفات")."""
    tok = toks[i]
    return (i not in covered and tok.text.startswith("و") and len(tok.text) > 2
            and tok.text not in stop["function_words"]
            and (tok.joined or coordinated(text[toks[i - 1].end:tok.start])))


def _squares(text: str, toks: Sequence[Token], covered: set[int],
             known: list[PlaceMention], context: dict) -> list[PlaceMention]:
    """A square, roundabout or street named by an ordinal: "الدوار الرابع"."""
    out: list[PlaceMention] = []
    for i in [n - 1 for n, tok in enumerate(toks) if tok.text in W.ordinals and n]:
        if i in covered or (i + 1) in covered:
            continue
        head = head_reading(toks[i].text, W.square_heads)
        if head is None or not toks[i + 1].joined:
            continue
        start = toks[i].start + head.offset
        out.append(_unseen(text, start, toks[i + 1].end, "منطقه",
                           [head.word, toks[i + 1].text], known, context))
        covered.update((i, i + 1))
    return out


def _unseen(text: str, start: int, end: int, head: str, words: list[str],
            known: list[PlaceMention], context: dict) -> PlaceMention:
    """A place the gazetteer lacks, under the known place the sentence attaches it to."""
    name = " ".join(([head] if head in W.name_heads else []) + words)
    parent = _parent_for(text, end, known, context)
    chain = (parent, *ancestors_of(parent.key)) if parent else ()
    surface = text[start:end]
    ref = PlaceRef(
        name=name, aliases=(surface,), admin=tuple(a.name for a in chain), key=None,
        parent_key=parent.key if parent else None, kind=W.heads[head],
        latitude=parent.lat if parent else None, longitude=parent.lon if parent else None,
    )
    return PlaceMention(start, end, ref, surface, True)


def _is_stop(word: str, stop: dict[str, frozenset[str]], *, first: bool) -> bool:
    if word in stop["function_words"] or word in W.relative or word in W.heads:
        return True
    if first and word in stop["not_names"]:
        return True
    if not first and word in stop["name_stop"]:
        return True
    if len(word) > 3 and word[0] in "وبلف" and word[1:] in W.relative:
        return True  # "ميدان التحرير بوسط القاهرة"
    if word.startswith("و") and len(word) > 2:
        rest = word[1:]
        if rest.startswith("ال") or rest in stop["function_words"] or rest in W.heads:
            return True
    return False


def _parent_for(text: str, end: int, known: list[PlaceMention], context: dict
                ) -> PlaceRecord | None:
    """The known place the text attaches an unseen one to: the nearest following known
    place in the same sentence, else the nearest preceding one in that sentence, else in
    the paragraph before; one in the document's main country first; else the document's
    most named governorate."""
    index = places_by_key()
    known = [m for m in known if m.ref.key is not None]
    following = [m for m in known if m.start >= end and m.start - end < 120
                 and not _SENTENCE_END.search(text, end, m.start)][:1]
    preceding = [m for m in known if m.end <= end and end - m.end < 150
                 and not _SENTENCE_END.search(text, m.end, end)][-1:]
    earlier = [m for m in known if m.end <= end and end - m.end < 400
               and "\n\n" not in text[m.end:end]][-1:]
    shares = context["countries"]
    main = max(shares, key=shares.get) if shares else None
    candidates = following + preceding + earlier
    for m in candidates:
        if country_of(m.ref.key) == main:
            return index[m.ref.key]
    if candidates:
        return index[candidates[0].ref.key]
    counts: Counter = Counter()
    for m in known:
        for rec in (index[m.ref.key], *ancestors_of(m.ref.key)):
            if rec.kind == "governorate":
                counts[rec.key] += 1
    if counts:
        key, n = counts.most_common(1)[0]
        if n >= 2 or len(counts) == 1:
            return index[key]
    return None
