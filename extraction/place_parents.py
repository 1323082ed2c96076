"""Which known place an unseen one lies in: the one the text attaches it to (next in its
sentence, before it, in its paragraph), one in the document's main country first; else
the governorate the document names most."""
from __future__ import annotations

from collections import Counter

from extraction.gazetteer import places_by_key
from extraction.place_index import ancestors_of, country_of
from extraction.place_words import PlaceMention, W
from extraction.sentences import SENTENCE_END
from extraction.settings import SETTINGS
from extraction.types import PlaceRecord


def _nearby(text: str, start: int, end: int, known: list[PlaceMention]
            ) -> list[PlaceMention]:
    """Known places an unseen one at `start`-`end` may lie in, nearest first: the next in its
    sentence unless it borders it («الحدودية مع سوريا والعراق»), the one before in its
    sentence, in its paragraph; not one it is listed beside («منطقة X والمشقر»)."""
    s = SETTINGS
    following = [m for m in known if m.start >= end and m.start - end < s.parent_following
                 and not SENTENCE_END.search(text, end, m.start)][:1]
    following = [m for m in following if not W.border_gap.match(text[end:m.start])]
    before = [m for m in known if m.end <= start and not W.sibling_gap.match(text, m.end)]
    preceding = [m for m in before if end - m.end < s.parent_preceding
                 and not SENTENCE_END.search(text, m.end, end)][-1:]
    earlier = [m for m in before if end - m.end < s.parent_earlier
               and "\n\n" not in text[m.end:end]][-2:]
    if len(earlier) == 2 and earlier[1].ref.kind == "country" \
            and country_of(earlier[0].ref.key) == country_of(earlier[1].ref.key):
        earlier = earlier[:1]  # "محافظة لحج جنوبي اليمن": the governorate, not its country
    return following + preceding + earlier[-1:]


def _main_governorate(known: list[PlaceMention]) -> PlaceRecord | None:
    """The governorate the document names most (twice at least, or alone)."""
    index = places_by_key()
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


def parent_for(text: str, end: int, known: list[PlaceMention], context: dict,
               start: int | None = None) -> PlaceRecord | None:
    """The known place the text attaches an unseen one to: a nearby one (`_nearby`), one
    in the document's main country first; else the document's most named governorate."""
    index = places_by_key()
    known = [m for m in known if m.ref.key is not None]
    shares = context["countries"]
    main = max(shares, key=shares.get) if shares else None
    candidates = _nearby(text, end if start is None else start, end, known)
    for m in candidates:
        if country_of(m.ref.key) == main:
            return index[m.ref.key]
    if candidates:
        return index[candidates[0].ref.key]
    return _main_governorate(known)
