"""When a taking's verbal noun («تحرير»، «استعادة»، «تطهير») tells no taking of the day:
background after «بعد/عقب/منذ/قبل», the subject of a comment after «أن/إن/هل», one of
the achievements a sentence lists, the goal it sets after «حتى», or what someone is glad
of («سعادته بتحرير عدن»). A day named in its clause still makes the first three news.
The words are in data/triggers.json."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from extraction.arabic import L, fold
from extraction.date_words import lexicon as date_lexicon
from extraction.lexicons import reads
from extraction.sentences import CLAUSE_END, SENTENCE_END

if TYPE_CHECKING:
    from extraction.triggers import Trigger

_LEX = reads("triggers.json", "taking_nouns", "after_words", "comment_words",
             "achievement_words", "goal_words", "passive_helpers", "purpose", "joy_words",
             "joy_reach")
_RECALLED_REACH = 80  # characters after a taking's noun read for the day it is told on
_AFTER_REACH = 8  # characters before it where «بعد/عقب/منذ/قبل» stands
_ACHIEVED_REACH = 60  # characters before it where a word of achievement stands
_UNTIL_REACH = 14  # characters before it where «حتى (يتم)» stands
_JOY_REACH = 40  # characters before it read for a word of joy
_WORD = re.compile(r"[^\W_]+")


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


def tells_no_taking(text: str, t: Trigger) -> bool:
    """Is the trigger a taking's verbal noun that tells no taking of the day?"""
    nouns = _folded("taking_nouns")
    clitics = (L.and_, L.by)  # «وتطهير» joined to a purpose, «بتحريرها» told of a joy
    if t.type != "territory" or not any(t.text.removeprefix(c) in nouns for c in clitics):
        return False
    return recalled_taking(text, t) or a_goal(text, t) or a_cause_of_joy(text, t)


def _words_before(text: str, start: int, reach: int) -> list[str]:
    return _WORD.findall(text, max(0, start - reach), start)


def _names_a_day(words: list[str]) -> bool:
    days = date_lexicon()
    return any(w in days.weekdays or w in days.relative_days for w in words)


def recalled_taking(text: str, t: Trigger) -> bool:
    """«المدينة لا تزال في انتظار الإغاثة بعد تحريرها»، «واصلت المقاومة، بعد تحرير عدن،
    تقدمها»: a taking's verbal noun right after «بعد/عقب/منذ/قبل» is the background of
    what the sentence tells, and right after «أن/إن/هل» the subject of a comment on it
    («أكد أن تحرير عدن مؤشر على ...»، «أن تحرير المحافظة بات قريبا»), unless its clause
    names the day («بعد استعادة القوات لبلدة باردهيري الأربعاء»)."""
    if t.text not in _folded("taking_nouns"):
        return False
    before = _words_before(text, t.start, _AFTER_REACH)[-1:]
    if not (before and (before[0].removeprefix(L.and_) in _folded("after_words")
                        or before[0] in _folded("comment_words"))) \
            and not _among_achievements(text, t):
        return False
    end = min(t.end + _RECALLED_REACH, len(text))
    stop = CLAUSE_END.search(text, t.end, end)
    return not _names_a_day(_WORD.findall(text, t.end, stop.start() if stop else end))


def _among_achievements(text: str, t: Trigger) -> bool:
    """«دورهم في الانتصارات الأخيرة خصوصا تحرير مدينة عدن»، «أبرز إنجازاتها تحرير المخا»: a
    taking's verbal noun a few words after a word of achievement, in its sentence, is one
    of the achievements listed, unless a day is named between them («حققت انتصارات
    وأعلنت اليوم تحرير ...»)."""
    start = max(0, t.start - _ACHIEVED_REACH)
    ends = list(SENTENCE_END.finditer(text, start, t.start))
    begin = ends[-1].end() if ends else start
    words = [w.removeprefix(L.and_) for w in _WORD.findall(text, begin, t.start)]
    achievements = _folded("achievement_words")
    first = next((k for k, w in enumerate(words) if w in achievements), None)
    return first is not None and not _names_a_day(words[first:])


def a_goal(text: str, t: Trigger) -> bool:
    """«لن تتوقف حتى يتم تطهير كل المحافظات»، «المشرفة على العمليات حتى تحرير المدينة»: a
    taking's verbal noun right after «حتى/لحين» (with «يتم» between or not) is the goal
    the sentence sets, not a taking; «حتى تم تحرير» (a past verb) still tells one. So is
    one joined by «و» to a taking told with the purpose lam («لتحرير وتطهير المناطق»)."""
    nouns = _folded("taking_nouns")
    words = _words_before(text, t.start, _UNTIL_REACH)[-2:]
    if words and words[-1] in _folded("passive_helpers"):
        words = words[:-1]
    if not words:
        return False
    if t.text.startswith(L.and_) and t.text not in nouns:  # «لتحرير وتطهير المناطق»
        return words[-1].startswith(_LEX["purpose"]) \
            and words[-1].removeprefix(_LEX["purpose"]) in nouns
    return words[-1].removeprefix(L.and_) in _folded("goal_words")


def a_cause_of_joy(text: str, t: Trigger) -> bool:
    """«عبر عن سعادته باستكمال تحرير عدن»، «احتفالات شعبية بتحريرها»، «ارتبطت فرحتهم بتحرير
    عدن»: a taking's verbal noun told with «ب» a few words after a word of joy, praise or
    celebration is what someone is glad of, not the news."""
    by = L.by
    glued = t.text.startswith(by) and t.text.removeprefix(by) in _folded("taking_nouns")
    words = _words_before(text, t.start, _JOY_REACH)[-_LEX["joy_reach"]:]
    if not glued:
        if not (words and words[-1].startswith(by)):
            return False  # «باستكمال تحرير»: the «ب» is on the word before
        words = words[:-1]
    joy = _folded("joy_words")
    return any(w in joy for w in words)
