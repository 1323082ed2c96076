"""A party named only beside its ally: «ميليشيات الحوثي وصالح», «الحوثيين والمخلوع صالح».

Alone, «صالح» is a common word and a common first name, and «المخلوع» any deposed ruler;
right after a known actor and «و» they name that actor's ally. `partners` in
data/actors_patterns.json lists, for an actor's key, each ally's key and the names that
name it there. Used by `actors.find_actors`, which passes the tokens, what the lexicon's
names cover and where each found actor's name ends.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from extraction.arabic import L
from extraction.lexicon import PhraseIndex, Token
from extraction.lexicons import reads

_DATA = reads("actors_patterns.json", "partners")


@cache
def _partners() -> dict[str, PhraseIndex]:
    """actor key -> its allies' names (ally key as payload)."""
    return {key: PhraseIndex((name, ally) for ally, names in allies.items() for name in names)
            for key, allies in _DATA["partners"].items()}


def _ally_at(toks: Sequence[Token], i: int, names: PhraseIndex) -> tuple[int, str] | None:
    """(last token, ally key) of the longest name read as «و» + name from token i."""
    hit = names.match(toks, i) if toks[i].joined else None
    if hit is None or hit.start != toks[i].start + len(L.and_) \
            or not toks[i].text.startswith(L.and_):
        return None
    return hit.last, hit.payloads[0]


def partner_forces(toks: Sequence[Token], covered: set[int],
                   ends: Iterable[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, ally key) of each ally named right after a found actor (`ends`: the
    last token of each found actor's name and its key); marks its tokens covered."""
    table = _partners()
    out = []
    for last, key in ends:
        i = last + 1
        if key not in table or i >= len(toks) or i in covered:
            continue
        found = _ally_at(toks, i, table[key])
        if found is not None and not covered & set(range(i, found[0] + 1)):
            out.append((toks[i].start + len(L.and_), toks[found[0]].end, found[1]))
            covered.update(range(i, found[0] + 1))
    return out
