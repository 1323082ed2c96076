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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from extraction.arabic import alternatives, directions, fold
from extraction.gazetteer import generated_keys, named_for_capital, places_by_key
from extraction.lexicon import (
    Token,
    Variant,
    head_reading,
    load_actors,
    variants,
)
from extraction.place_anchors import with_anchors, with_nationality
from extraction.place_index import (
    a_name_after_in,
    a_nationality_after_a_person,
    a_quoted_addressee,
    after_a_servant,
    ancestors_of,
    cancelled_by_next,
    coordinated,
    country_of,
    document_context,
    gap_ok,
    is_foreign,
    is_place_name,
    known_ref,
    not_the_west_bank,
    place_index,
    split_glued_heads,
    text_tokens,
)
from extraction.place_patterns import anchored, patterns, region_word, squares
from extraction.place_words import KIND_RANK, NESTING, TOP, PlaceMention, W
from extraction.sentences import SENTENCE_END
from extraction.types import ActorRecord, PlaceRecord

__all__ = ["PlaceMention", "document_countries", "find_places", "is_place_name",
           "with_the_country"]

_CITY_HEADED = frozenset({"district", "village"})  # what «مدينة X» may name besides a city


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
        if toks[j].text == W.from_ and j > 0:
            words = [v.word for v in variants(toks[j - 1].text)]
        for word in words:
            if word in W.relative:
                relative = W.relative[word]
                break
        compass = directions()["compass"]
        if relative in compass[2:] and j > 0:  # east, west
            before = [W.relative.get(v.word) for v in variants(toks[j - 1].text)]
            for b in before:
                if b in compass[:2]:  # north, south
                    relative = f"{b} {relative}"
                    break
    return first, head, relative


def _score(record: PlaceRecord, head: str | None, context: dict, where: int,
           surface: str = "") -> float:
    score = KIND_RANK[record.kind] * 0.1
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
        if record.kind == wanted or (wanted == "city" and (
                record.kind in _CITY_HEADED or _the_capital(record, surface))):
            score += 1.0
    return score


def _the_capital(record: PlaceRecord, surface: str) -> bool:
    """«مدينة الرقة»: a governorate named after its capital, told by its own name (not an
    alias such as «مشهد» for Razavi Khorasan), is that capital, not Kuwait's Riqqah."""
    return record.key in named_for_capital() and surface.endswith(fold(record.name))


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


def _hits(text: str, toks: tuple[Token, ...]) -> list[tuple]:
    """Gazetteer names in the tokens, with the head and relative words before them:
    (first token, last token, start, end, head, relative, candidate keys)."""
    raw = []
    chain: tuple[str, int] | None = None  # (plural head, last token) of "مدن X وY وZ"
    for hit in place_index().scan(toks):
        first, head, relative = _lookback(toks, hit.first)
        if head is None and chain is not None and hit.first == chain[1] + 1 \
                and coordinated(text[toks[chain[1]].end:hit.start]):
            head = chain[0]  # "مدن اربد والطفيلة ومعان": each name under the plural head
        chain = (head, hit.last) if head in W.plural_heads else None
        relative = W.relative.get(hit.glue) if hit.glue else relative
        licensed = _licenses(head, text[hit.start:hit.end]) or a_name_after_in(toks, hit)
        cands = [e.key for e in hit.payloads if not e.strict or licensed]
        if not cands or _no_place(text, toks, hit, head, cands):
            continue
        start = hit.start
        if head is not None and first < hit.first and toks[first].text.endswith(head):
            start = toks[first].end - len(head)
        raw.append((first, hit.last, start, hit.end, head, relative, tuple(dict.fromkeys(cands))))
    return raw


def _no_place(text: str, toks: tuple[Token, ...], hit, head: str | None,
              cands: list[str]) -> bool:
    """The words around the name say it is none here: a street («شارع الجزائر»), a
    river bank, «مسقط رأسه», a person's nationality or name («عبد الجليل»), a newspaper a
    source spoke to."""
    return _a_street(head, cands) or not_the_west_bank(toks, hit) \
        or cancelled_by_next(toks, hit.last) or a_nationality_after_a_person(toks, hit) \
        or a_quoted_addressee(text, hit) or after_a_servant(toks, hit)


def _a_street(head: str | None, cands: list[str]) -> bool:
    """«شارع الجزائر»، «ساحة فلسطين»: a street or square named after a country."""
    return head in W.street_heads and all(places_by_key()[k].kind == "country" for k in cands)


def _licenses(head: str | None, name: str) -> bool:
    """Does the head word make a place of a name that needs one (a strict entry)? Not a
    compass word or the country's word after a plural head («محافظات الجنوب»، «ثالث مدن
    البلاد»: a part of the country, not the place of that name)."""
    if head is None:
        return False
    return not (head in W.plural_heads and region_word(name))


def _small(best: str, head: str | None) -> bool:
    """A generated place, a place smaller than a governorate, or one a head word says
    is small."""
    return best in generated_keys() or places_by_key()[best].kind not in TOP or (
        head is not None and W.heads[head] not in TOP)


def _resolved(text: str, raw: list, context: dict, covered: set[int]) -> list[PlaceMention]:
    """Each hit as its best-scoring gazetteer place, in the document's context."""
    index = places_by_key()
    mentions: list[PlaceMention] = []
    for first, last, start, end, head, relative, cands in raw:
        surface = text[start:end]
        best = max(cands, key=lambda k: (_score(index[k], head, context, start, surface), k))
        if _small(best, head) and is_foreign(best, context, cands):
            continue  # a (head word says: small) place of a country the document is not about
        mentions.append(PlaceMention(start, end, known_ref(index[best], surface), surface,
                                     False, relative))
        covered.update(range(first, last + 1))
    return mentions


@lru_cache(maxsize=8)  # the pipeline asks for places and then actors of the same text
def _find_places(text: str) -> tuple[PlaceMention, ...]:
    toks = split_glued_heads(text, text_tokens(text))
    raw = _hits(text, toks)
    context = document_context(raw)
    covered: set[int] = set()
    mentions = _resolved(text, raw, context, covered)
    mentions.extend(anchored(text, toks, raw, covered, mentions, context))
    after_head = {row[1] + 1: Variant(0, row[4], None) for row in raw
                  if row[4] in W.pattern_heads}
    # "قرى الزاب وكنعوص": كنعوص under قرى; not "محافظات X، وتمثلت"
    mentions.extend(patterns(text, toks, covered, mentions, context, after_head))
    mentions.extend(squares(text, toks, covered, mentions, context))
    mentions.sort(key=lambda m: m.start)
    return tuple(_chain_unseen(text, with_anchors(text, with_nationality(mentions))))


@lru_cache(maxsize=1)
def _the_country_re() -> re.Pattern:
    """A compass word (or its nisba, or a compound: «جنوب غربي») or «وسط» before a word
    for the country written about; the clitics before it are not part of the name."""
    compass = "|".join(directions()["compass"])
    part = rf"(?:{compass})ي?(?:\s+(?:{compass})ي?)?|وسط"
    clitics = "".join(directions()["clitics"])
    return re.compile(rf"(?<!\S)[{clitics}]?((?:{part})\s+(?:{alternatives(W.the_country)}))"
                      r"(?!\S)")


def with_the_country(text: str, mentions: list[PlaceMention],
                     force_keys: Sequence[str] = ()) -> list[PlaceMention]:
    """The places with «قتل ستة جنود شرق البلاد» added: the part of the country the article
    is about, read as that country (GUIDELINES: when the text names only a country, the
    place is the country). That country is the one the article names most: each place
    named in it counts once, each report of its state's forces (`force_keys`, lexicon
    keys) three times; of two named as often, the one named nearest before the words."""
    keyed = [m for m in mentions if m.ref.key or m.ref.parent_key]
    countries = [country_of(m.ref.key or m.ref.parent_key) for m in keyed]
    counts = Counter(countries)
    for key in force_keys:
        record = _state_forces().get(key)
        if record is not None and record.country:
            counts[record.country] += 3
    if not counts:
        return list(mentions)
    out = list(mentions)
    for m in _the_country_re().finditer(text):
        start, end = m.span(1)
        if any(x.start < end and start < x.end for x in mentions):
            continue
        before = [c for x, c in zip(keyed, countries, strict=True) if x.end <= start]
        nearest = {c: n for n, c in enumerate(before)}
        best = max(counts, key=lambda c: (counts[c], nearest.get(c, -1)))
        record = places_by_key().get(best)
        if record is not None:
            out.append(PlaceMention(start, end, known_ref(record, m.group(1)), m.group(1), False))
    return sorted(out, key=lambda x: x.start)


@lru_cache(maxsize=1)
def _state_forces() -> dict[str, ActorRecord]:
    return {a.key: a for a in load_actors() if a.kind == "state_force"}


def _chain_unseen(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """An unseen place followed in its sentence by another unseen one sits inside it:
    "الموقع المسمى عين الحجر الواقع بقرية الصفصاف" -> عين الحجر in الصفصاف."""
    out = list(mentions)
    for n in range(len(out) - 2, -1, -1):
        here, after = out[n], out[n + 1]
        if not (here.via_pattern and after.via_pattern) or after.start - here.end > 40:
            continue
        if SENTENCE_END.search(text, here.end, after.start) or "," in text[here.end:after.start]:
            continue
        if NESTING[after.ref.kind] <= NESTING[here.ref.kind]:
            continue  # "قرية X وقرية Y": two villages, neither inside the other
        admin = (after.ref.name, *after.ref.admin)
        ref = replace(here.ref, admin=admin, parent_key=after.ref.parent_key)
        out[n] = replace(here, ref=ref)
    return out
