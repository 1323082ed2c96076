"""The names after a head word: the words of an unseen group's name (`group_name`), and
units of a known force: a head word whose name is followed by a force the lexicon knows
names a unit of that force, not a group of its own («لواء مغاوير قيادة عمليات البصرة»،
«فرقة الأبحاث العدلية للحرس الوطني»، «فرقة الأبحاث والتفتيش للحرس الوطني»). Used by
`actors._headed_groups`, which passes its patterns (data/actors_patterns.json)."""
from __future__ import annotations

from collections.abc import Sequence

from extraction.arabic import L
from extraction.lexicon import Token

_UNIT_CLITICS = 2  # letters a unit's force may be glued to: «للحرس» = ل + ل + الحرس


_PRONOUNS, _PRONOUN_NOUN = ("ها", "هم"), 4  # a noun with its pronoun: its endings, length


def _ends_group_name(word: str, words: list[int], head: str, patterns: dict) -> bool:
    """A word no unseen group's name goes on with: a stop word or a verb ("قالت",
    "يقوم"), another head ("وكتائب"), a new definite phrase after و, a noun with its
    pronoun, an indefinite word after a closed head."""
    article, conj = L.article, L.and_
    if word in patterns["not_names"] or (not words and word in patterns["heads"]):
        return True
    if word.startswith(conj) and (word[1:] in patterns["heads"] or word[1:3] == article):
        return True
    if words and len(word) > _PRONOUN_NOUN and word.endswith(_PRONOUNS):
        return True  # "سرايا وعد الله مسؤوليتها": a noun with its pronoun follows the name
    return head not in patterns["open_heads"] and not word.startswith(article)


def group_name(toks: Sequence[Token], j: int, head: str, covered: set[int],
               patterns: dict) -> list[int]:
    """The tokens (at most three) of an unseen group's name starting at token j."""
    words: list[int] = []
    while j < len(toks) and len(words) < 3 and j not in covered and toks[j].joined:
        if _ends_group_name(toks[j].text, words, head, patterns):
            break
        words.append(j)
        j += 1
    return words


def unit_after(toks: Sequence[Token], j: int, covered: set[int], starts: dict) -> int | None:
    """A lexicon name at token j after a head's name, or after one more word of it with
    «و» and glued to «ل» («فرقة الأبحاث والتفتيش للحرس الوطني»): the head names a unit of
    it. Its index in `starts`' list, or None."""
    n = _unit_of(toks, j, covered, starts)
    if n is None and j < len(toks) and j not in covered and toks[j].text.startswith("و"):
        n = _unit_of(toks, j + 1, covered, starts, glued=True)
    return n


def _unit_of(toks: Sequence[Token], j: int, covered: set[int], starts: dict,
             glued: bool = False) -> int | None:
    """The index of a lexicon name at token j, which may be glued to «ل» («فرقة الأبحاث
    العدلية للحرس الوطني»: a squad of the national guard); with `glued`, it must be."""
    if not (j < len(toks) and j in covered and toks[j].joined):
        return None
    tok = toks[j]
    for start in range(tok.start + glued, min(tok.start + _UNIT_CLITICS, tok.end)):
        if start in starts and (start == tok.start or tok.text[start - tok.start - 1] == "ل"):
            return starts[start]
    return None
