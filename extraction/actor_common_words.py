"""Actor names that are also common words («القاعدة»: al-Qaeda, or the base): when a
name's mention is the common word and no party. The words are in
data/actors_patterns.json `common_word_names`: per name, the words `before` and `after`
it that make it the common word (and the `after_endings` of an adjective that does), and
its `indefinite` forms.
"""
from __future__ import annotations

from collections.abc import Sequence

from extraction.arabic import L
from extraction.lexicon import Token, variants


def common_word(toks: Sequence[Token], hit, named: set, words: dict) -> bool:
    """A one-word name told as the common word: «خارج القاعدة»، «القاعدة الجوية» (a word
    of `before` or `after` glued to it); or bare, after the article told the common word
    indefinitely («هاجم التنظيم قاعدة في قرية ... وقصفت الطائرات القاعدة»), unless the
    article names the group in full somewhere (its key is in `named`)."""
    if hit.first != hit.last:
        return False
    i = hit.first
    sides = next((words[v.word] for v in variants(toks[i].text) if v.word in words), None)
    if sides is None:
        return False
    after = i + 1 < len(toks) and toks[i + 1].joined and _describes(toks[i + 1].text, sides)
    if after or (i > 0 and toks[i].joined and toks[i - 1].text in sides["before"]):
        return True
    if hit.payloads[0] in named:
        return False
    return not {t.text for t in toks[:i]}.isdisjoint(sides.get("indefinite", ()))


def _describes(word: str, sides: dict) -> bool:
    """A word of `after`, or a definite one with an ending of `after_endings` (a feminine
    adjective: the base, «القاعدة الخلفية»; the group's adjectives are masculine, «تنظيم
    القاعدة الإرهابي»)."""
    return word in sides["after"] or (word.startswith(L.article) and word.endswith(
        tuple(sides.get("after_endings", ()))))
