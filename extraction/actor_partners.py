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
from extraction.lexicon import Token, phrase_words, variants
from extraction.lexicons import reads

_DATA = reads("actors_patterns.json", "partners")


@cache
def _partners() -> dict[str, dict[str, tuple[tuple[tuple[str, ...], str], ...]]]:
    """actor key -> first word -> ((the rest of a name's folded words, ally key), ...),
    longest names first."""
    out: dict[str, dict[str, list]] = {}
    for key, allies in _DATA["partners"].items():
        table = out.setdefault(key, {})
        for ally, names in allies.items():
            for name in names:
                words = phrase_words(name)
                table.setdefault(words[0], []).append((words[1:], ally))
    return {key: {first: tuple(sorted(rest, key=lambda n: -len(n[0])))
                  for first, rest in table.items()} for key, table in out.items()}


def _ally_at(toks: Sequence[Token], i: int, names: dict) -> tuple[int, str] | None:
    """(last token, ally key) of the longest name read as «و» + name from token i."""
    if not toks[i].joined:
        return None
    for v in variants(toks[i].text):
        if v.offset != len(L.and_) or v.word not in names:
            continue
        for rest, ally in names[v.word]:
            last = i + len(rest)
            if last < len(toks) and all(toks[i + n].joined and toks[i + n].text == word
                                        for n, word in enumerate(rest, 1)):
                return last, ally
    return None


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
