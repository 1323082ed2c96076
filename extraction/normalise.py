"""An offset-preserving normalisation of whole articles, on top of `arabic.fold`.

`normalise` prepares scraped article text for matching (fold, HTML entities, hashtags,
quote variants, stray letters, invisible marks) and keeps, for every character of the
result, the offset of the ORIGINAL character it came from, so that evidence spans found
in the normalised text point back into the article as published.
"""
from __future__ import annotations

import html
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from extraction.arabic import TATWEEL, diacritics, fold, one_for_one

# --- offset-preserving normalisation -------------------------------------------------

# Marks dropped without a trace (with the diacritics): tatweel, zero-width and bidi controls.
_DROP = {TATWEEL, "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
         "\u202c", "\u202d", "\u202e", "\ufeff", "\u2066", "\u2067", "\u2068", "\u2069",
         "\u00ad"}


# Arabic presentation forms (scraped from PDFs and old pages: «ﻓﻲ ﺟﻮﻟﺔ اﻟﻘﺼﺮ»): each is
# read as the letter it draws; a ligature of two letters («ﻻ») is one of `_SPECIAL`.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_LIGATURES = "\ufef5-\ufefc\ufdf2"  # lam-alef forms, «ﷲ»


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The one character (or nothing) `ch` becomes."""
    if ch in _DROP or ch in diacritics():
        return ""
    if _PRESENTATION.match(ch):  # «ﺟﻮﻟﺔ»: the letter a presentation form draws
        ch = unicodedata.normalize("NFKC", ch)[:1] or ch
    extra = one_for_one()
    if ch in extra:
        return extra[ch]
    out = fold(ch)
    if len(out) != 1:
        return out[:1]
    if out != "\n" and (ord(out) < 32 or 0x7F <= ord(out) < 0xA0):
        return " "  # control characters
    return out


# One pass over the text finds what is not a plain per-character fold: HTML entities,
# a teh marbuta at the start of a word (a stray letter glued by scraping: "ةامس"), a
# digit glued after a letter ("بمقتل18") and a ligature of two letters ("ﻻ"); a text
# with presentation forms takes the character-by-character path.
# (The lookbehind comes after the ة so that the regex engine can skip ahead to a candidate.)
_SPECIAL = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});|ة(?<![\w\u0600-\u06ff]ة)"
    rf"|(?<=[\u0628-\u064a])[0-9\u0660-\u0669]|[{_LIGATURES}]"
)


# _SPECIAL's four parts as separate searches, for the usual article that has none of
# them: each is a literal or a character class the regex engine skips to.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
_LONE_TEH = re.compile(r"ة(?<![\w\u0600-\u06ff]ة)")
_GLUED_DIGIT = re.compile(r"[\u0628-\u064a][0-9\u0660-\u0669]")
_LIGATURE = re.compile(f"[{_LIGATURES}]")


def _has_special(text: str) -> bool:
    """Does `text` hold anything `_SPECIAL` matches?"""
    return bool(("&" in text and _ENTITY.search(text)) or _LONE_TEH.search(text)
                or _GLUED_DIGIT.search(text) or _PRESENTATION.search(text))


@dataclass(frozen=True)
class NormalisedText:
    """`text` is the normalised article; `offsets[i]` is the index in `original` of the
    character that became `text[i]` (with one extra entry: len(original))."""

    original: str
    text: str
    offsets: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the matching span of `original`."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if end == start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=1)
def _table() -> tuple[dict[int, str | None], re.Pattern]:
    """The one-pass form of `_fold_char` for str.translate, and a pattern of the
    characters it drops (whose offsets the map must skip)."""
    table: dict[int, str | None] = {}
    ranges = [range(0, 0xA0), range(0x0600, 0x0700), range(0x0750, 0x0780),
              range(0x2000, 0x2070), range(0xFEFD, 0xFF00)]  # presentation forms: _SPECIAL
    extra = [ord(c) for c in (*one_for_one(), *_DROP)]
    for cp in [*(cp for r in ranges for cp in r), *extra]:
        ch = chr(cp)
        folded = _fold_char(ch)
        if folded != ch:
            table[cp] = folded or None
    dropped = "".join(sorted(chr(cp) for cp, v in table.items() if v is None))
    return table, re.compile(f"[{re.escape(dropped)}]+")


@lru_cache(maxsize=1)
def _replacements() -> dict[str, str] | None:
    """`_table` as character -> replacement, when replacing one character after another
    gives what str.translate gives (no replacement is itself replaced); else None."""
    table = {chr(cp): v or "" for cp, v in _table()[0].items()}
    return None if any(v in table for v in table.values() if v) else table


def _translate(text: str) -> str:
    """text.translate(_table()[0]), faster: str.translate looks up every character, while
    an article holds only a dozen distinct characters that change."""
    table = _replacements()
    if table is None:
        return text.translate(_table()[0])
    for ch, replacement in table.items():  # `in` scans in C, faster than set(text)
        if ch in text:
            text = text.replace(ch, replacement)
    return text


_COUNT = array("l")  # 0, 1, 2, ...: offsets are copied from slices of it


def _count_to(n: int) -> array:
    global _COUNT
    if len(_COUNT) < n:
        _COUNT = array("l", range(max(n, 2 * len(_COUNT))))
    return _COUNT


def normalise(original: str) -> NormalisedText:
    """Fold `original` for matching, keeping a map back to its offsets."""
    if not _has_special(original):  # the usual case: one translate, offsets by runs
        dropped = _table()[1]
        count = _count_to(len(original) + 1)
        offsets = array("l")
        pos = 0
        for m in dropped.finditer(original):
            offsets.extend(count[pos:m.start()])
            pos = m.end()
        offsets.extend(count[pos:len(original) + 1])
        return NormalisedText(original=original, text=_translate(original), offsets=offsets)
    out: list[str] = []
    offsets = array("l")
    pos = 0

    def copy(upto: int) -> None:
        for i in range(pos, upto):
            ch = _fold_char(original[i])
            if ch:
                out.append(ch)
                offsets.append(i)

    for m in _SPECIAL.finditer(original):
        copy(m.start())
        found = m.group()
        if found == "ة":
            out.append(" ")
            offsets.append(m.start())
        elif found.isdigit():  # a figure glued to its word ("بمقتل18"): a space between
            out += [" ", _fold_char(found)]
            offsets.extend((m.start(), m.start()))
        else:  # an entity, or a ligature: each of its letters maps to its start
            found = unicodedata.normalize("NFKC", found) if _LIGATURE.match(found) else found
            for ch in html.unescape(found):
                folded = _fold_char(ch)
                if folded:
                    out.append(folded)
                    offsets.append(m.start())
        pos = m.end()
    copy(len(original))
    offsets.append(len(original))
    return NormalisedText(original=original, text="".join(out), offsets=offsets)
