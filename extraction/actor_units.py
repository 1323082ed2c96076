"""Units of a known force: a head word whose name is followed by a force the lexicon
knows names a unit of that force, not a group of its own («لواء مغاوير قيادة عمليات
البصرة»، «فرقة الأبحاث العدلية للحرس الوطني»، «فرقة الأبحاث والتفتيش للحرس الوطني»).
Used by `actors._headed_groups`."""
from __future__ import annotations

from collections.abc import Sequence

from extraction.lexicon import Token

_UNIT_CLITICS = 2  # letters a unit's force may be glued to: «للحرس» = ل + ل + الحرس


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
