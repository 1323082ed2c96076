"""One sentence, two incidents (issue 8, lesson 2): a segment is cut again before a
connective that opens another incident than the one it told first.

«غداة»، «ردا على»، «فضلا عن»، «بعد يومين من»، «بعد ساعات من» (`apart`) say so themselves:
the segment is cut when a trigger of its own, no toll word, follows them («... في ولاية
يوبي، غداة هجوم آخر استهدف جنودا في ولاية بورنو»; «فضلا عن مقتل 3 مدنيين» is more of the
same toll), and the incident after them happened a day or two before the one told first
when they say by how much (`days_before`). A bare «بعد»، «إثر»، «عقب» gives the cause of
the same toll («قتل 5 إثر انفجار عبوة»، «سيطر على X إثر مواجهات»): no cut.

The part after the connective keeps a note (`Apart`) of the part before it: merging never
makes it more of that incident, dating counts its day back from it, and its figures are
read without the connective. A segment whose incident is told only after «يأتي الحادث
غداة» (`days_back`, `comes_after`) is not cut (the words before name no incident of their
own) but gets the same note: it is not the incident told just before it, and happened a
day before it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from extraction.arabic import fold
from extraction.lexicons import reads
from extraction.sentences import Sentence

_LEX = reads("incidents.json", "apart", "days_before", "another", "toll_words", "comes_after")
_PARTICLES = "وفبل"
_REACH = 40  # characters before a trigger a connective may start in


@dataclass(frozen=True)
class Apart:
    """The segment after a connective: `left` told the other incident; `days`: how many
    days before it this one happened, when the connective says (None when not);
    `opener`: the connective's length (no word of this incident: «ردا على استهداف
    البلدة، مما أدى إلى مقتل 87» tells the toll of the incident after it)."""

    left: Sentence
    days: int | None
    opener: int = 0


@cache
def _apart() -> re.Pattern:
    return re.compile(_LEX["apart"])


@cache
def _another() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["another"])


def another(text: str, triggers: list) -> bool:
    """Is a trigger told as another incident than those before it («هجوم آخر»، «غارة
    ثانية»)?"""
    words = _another()
    for t in triggers:
        after = text[t.end:t.end + 12].split()
        if after and after[0].rstrip("،,.") in words:
            return True
    return False


def days_back(text: str, triggers: list, start: int) -> Apart | None:
    """Is one of the triggers (of a segment starting at `start`) told after «يأتي الحادث
    غداة»، «جاء ذلك بعد يوم من»? Then it is an incident of a day before the one told just
    before it, a toll word too («ويأتي الحادث غداة مقتل ستة جنود»): the note of the words
    before the connective, as for a cut segment."""
    for t in triggers:
        for m in _apart().finditer(text, max(start, t.start - _REACH), t.start):
            days = _days(m.group())
            if days is not None and not text[m.end():t.start].strip() \
                    and _comes_after().search(text, max(start, m.start() - _REACH), m.start()):
                return Apart(_sentence(text, start, m.start()), days)
    return None


@cache
def _comes_after() -> re.Pattern:
    return re.compile(_LEX["comes_after"])


def _days(words: str) -> int | None:
    table = _LEX["days_before"]
    return next((table[w] for w in words.split() if w in table), None)


def _predicate(triggers: list, starts: list[int], start: int, end: int) -> bool:
    """A trigger between start and end that tells an incident, not only a toll
    («غداة هجوم آخر»، not «فضلا عن مقتل 3 مدنيين»: the same incident's further dead)."""
    tolls = _LEX["toll_words"]
    return any(t.text.split()[0].lstrip(_PARTICLES) not in tolls
               for t in triggers[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])


def _sentence(text: str, start: int, end: int) -> Sentence:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    return Sentence(start, start + len(piece.strip()), piece.strip())


def _count(starts: list[int], start: int, end: int) -> int:
    return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)


def cut(text: str, segs: list[Sentence], triggers: list) -> tuple[list[Sentence],
                                                                    dict[int, Apart]]:
    """The segments cut again between two incidents, and the note of each part after a
    cut (by its start)."""
    starts = [t.start for t in triggers]
    out: list[Sentence] = []
    apart: dict[int, Apart] = {}
    for sent in segs:
        if _count(starts, sent.start, sent.end) < 2:
            out.append(sent)  # two incidents need two triggers (most sentences)
            continue
        pos = sent.start
        for m in _apart().finditer(text, sent.start, sent.end):
            start = m.start() + m.group()[:1].isspace()
            if not text[pos:start].strip() or not _predicate(triggers, starts, m.end(),
                                                             sent.end):
                continue
            note = Apart(_sentence(text, pos, start), _days(m.group()), len(m.group().strip()))
            out.append(note.left)
            apart[start] = note
            pos = start
        out.append(Sentence(pos, sent.end, text[pos:sent.end]) if pos > sent.start else sent)
    return out, apart
