"""Forces named by whom they are loyal to: «قوات الحرس الجمهوري الموالية للرئيس المخلوع»
is the force the lexicon calls «القوات الموالية للرئيس المخلوع» (Saleh's forces).

The lexicon (data/actors.jsonl) already spells such forces with a plain head: an alias
«HEAD LOYAL TAIL…» whose head is a force word and whose second word says loyalty. Here a
text's own head word with up to three words of its own name before the loyalty word
(«قوات الحرس الجمهوري», «ميليشيات»، «عناصر») takes that alias's actor when the words after
the loyalty word are the alias's tail. Used by `actors.find_actors`, which passes the
tokens and what the lexicon's names already cover: a known name between the head and the
loyalty word keeps its own actor («ميليشيات الحوثي الموالية لإيران» is the Houthis).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

from extraction.arabic import L, fold
from extraction.lexicon import (
    PhraseIndex,
    Token,
    head_reading,
    load_actors,
    phrase_words,
    positions,
)
from extraction.lexicons import reads

_DATA = reads("actors_patterns.json", "loyal_heads", "loyalty_words")
_OWN_NAME = 3  # words of a force's own name between its head and the loyalty word


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    heads = {fold(w) for w in _DATA["loyal_heads"]}
    return frozenset(heads | {L.article + w for w in heads}), \
        frozenset(fold(w) for w in _DATA["loyalty_words"])


@cache
def _tails() -> PhraseIndex:
    """The words after the loyalty word of each such alias -> its actor's key and country
    (a tail two actors share names neither)."""
    heads, loyalty = _words()
    keys: dict[tuple[str, ...], set[tuple[str, str | None]]] = {}
    for actor in load_actors():
        for name in (actor.name, *actor.aliases):
            words = phrase_words(name)
            if len(words) > 2 and words[0] in heads and words[1] in loyalty:
                keys.setdefault(words[2:], set()).add((actor.key, actor.country))
    return PhraseIndex((" ".join(tail), next(iter(k))) for tail, k in keys.items()
                       if len(k) == 1)


def _tail_at(toks: Sequence[Token], i: int) -> tuple[int, str, str | None] | None:
    """(last token, actor key, its country) of the longest known tail that is token i on
    (as written, right after the loyalty word)."""
    hit = _tails().match(toks, i) if toks[i].joined else None
    if hit is None or hit.start != toks[i].start:
        return None
    key, country = hit.payloads[0]
    return hit.last, key, country


def _head_before(toks: Sequence[Token], i: int, covered: set[int],
                 generic: set[int]) -> tuple[int, int] | None:
    """(token, letters to skip) of the nearest force head within `_OWN_NAME` words before
    the loyalty word at token i, with nothing a known name covers in between; the head
    itself may be a generic word («والمسلحين الموالين للرئيس السابق»: `generic`)."""
    heads = _words()[0]
    for j in range(i - 1, max(-1, i - _OWN_NAME - 2), -1):
        if not toks[j + 1].joined:
            return None
        reading = head_reading(toks[j].text, heads)
        if j in covered and not (reading is not None and j in generic):
            return None
        if reading is not None:
            return j, reading.offset
    return None


def loyal_forces(toks: Sequence[Token], covered: set[int], generic: set[int],
                 countries: Callable[[], Mapping[str, int]]) -> list[tuple[int, int, str]]:
    """(start, end, actor key) of each force told by its loyalty; marks its tokens
    covered (a generic head word it takes, of the tokens in `generic`, is the caller's to
    drop). A national force («للحكومة»: Yemen's in the lexicon) is one only where the
    text names a place of its country (`countries()`: the text's countries)."""
    out = []
    for i in positions(toks, _words()[1]):
        if i in covered or i + 1 >= len(toks) or (i + 1) in covered:
            continue
        tail = _tail_at(toks, i + 1)
        head = tail and _head_before(toks, i, covered, generic)
        if not head or (tail[2] and not countries().get(tail[2])):
            continue
        (first, offset), (last, key, _country) = head, tail
        out.append((toks[first].start + offset, toks[last].end, key))
        covered.update(range(first, last + 1))
    return out
