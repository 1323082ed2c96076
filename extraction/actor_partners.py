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
def _partners() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """actor key -> ((folded name words, ally key), ...), longest names first."""
    out = {}
    for key, allies in _DATA["partners"].items():
        names = [(phrase_words(name), ally) for ally, names in allies.items() for name in names]
        out[key] = tuple(sorted(names, key=lambda n: -len(n[0])))
    return out


def _after_and(toks: Sequence[Token], i: int, words: tuple[str, ...]) -> bool:
    """Do the tokens from i read «و» + `words`?"""
    last = i + len(words) - 1
    if last >= len(toks) or not all(toks[n].joined for n in range(i, last + 1)):
        return False
    if not any(v.offset == len(L.and_) and v.word == words[0] for v in variants(toks[i].text)):
        return False
    return all(toks[i + n].text == word for n, word in enumerate(words[1:], 1))


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
        for words, ally in table[key]:
            if _after_and(toks, i, words) and not covered & set(range(i, i + len(words))):
                out.append((toks[i].start + len(L.and_), toks[i + len(words) - 1].end, ally))
                covered.update(range(i, i + len(words)))
                break
    return out
