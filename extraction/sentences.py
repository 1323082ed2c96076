"""Sentence and clause splitting with offsets into the (normalised) text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? ؟ ؛ (runs of them, e.g. ".." or "؟!") unless the dot sits
# between two digits (1.5), or at a line break. Closing quotes/brackets stay with it.
# (The lookahead in front lets the regex engine skip ahead to a candidate.)
_MARKS = ".!?؟؛"  # marks that end a sentence (with a line break)
_END = re.compile(rf"(?=[{_MARKS}\n])(?:(?<!\d)[{_MARKS}]+|(?<=\d)[{_MARKS}]+(?!\d)|\n+)"
                  r"[\"')\]}»”]*")
SENTENCE_END = re.compile(rf"[{_MARKS}\n]")  # a sentence ends somewhere in a span
_CLAUSE = re.compile(r"[،,:]")
CLAUSE_END = re.compile(rf"[{_MARKS}\n،,:]")  # a mark that ends a sentence or a clause


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences of `text`, stripped of surrounding blanks, in order."""
    out: list[Sentence] = []
    pos = 0
    for m in _END.finditer(text):
        end = m.end()
        piece = text[pos:end]  # _add, inlined: most pieces are a sentence or a bare newline
        left = piece.lstrip()
        if left:
            start = end - len(left)
            body = left.rstrip()
            out.append(Sentence(start, start + len(body), body))
        pos = end
    _add(text, pos, len(text), out)
    return out


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Clauses of text[start:end] at Arabic and Latin commas and colons (not inside
    numbers such as 1,332)."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        i = m.start()
        if text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() \
                and text[i + 1].isdigit():
            continue
        _add(text, pos, m.end(), out)
        pos = m.end()
    _add(text, pos, end, out)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """text[start:end] without surrounding blanks (str.isspace), if anything is left."""
    piece = text[start:end]
    left = piece.lstrip()
    if left:
        start += len(piece) - len(left)
        body = left.rstrip()
        out.append(Sentence(start, start + len(body), body))
