"""Dating: the one home of the date decision. A sentence's news day (`sentence_dates`,
`news_day`), which date a merged event keeps (`prefer`), whether two reports' days
differ (`different_days`), and the days unplaced reports inherit (`inherit_dates`, from
the report before; `lead_dates`, from the paragraph or the lead)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extraction.arabic import fold
from extraction.dates import DateMention, find_dates
from extraction.doc import Doc, guarded
from extraction.lexicons import reads
from extraction.sentences import CLAUSE_END, Sentence
from extraction.types import EventDate

_LEX = reads("dating.json", "report_day", "report_words", "almanac", "since_words")
_REPORT_REACH = 6  # words before a day that may name the statement it is the day of
_OWN_DATE_REACH = 4  # words from a trigger to its own date («لهجوم إرهابي نهاية شهر يونيو»)


def anchor_day(folded: str) -> dt.date | None:
    """An undated article's day (lesson 9): the latest day it writes out in full
    («12 مايو 2018»), against which its relative days resolve; None when it writes none."""
    found = guarded(find_dates, folded, None, default=[])
    return max((d.date for d in found if d.date is not None and d.precision == "day"),
               default=None)


def sentence_dates(doc: Doc, sent: Sentence) -> tuple[DateMention, ...]:
    """The date mentions of a sentence, with offsets into the document (read once per
    sentence: the paragraph's day is looked for again for every undated event)."""
    key = ("dates", sent.start, sent.end)
    if key not in doc.memo:
        found = guarded(find_dates, sent.text, doc.published, default=[])
        doc.memo[key] = tuple(replace(d, start=d.start + sent.start, end=d.end + sent.start)
                              for d in found)
    return doc.memo[key]


def only_background(dates: tuple[DateMention, ...]) -> bool:
    """The sentence names an earlier time and no day of the news: history."""
    return any(d.background for d in dates) and not any(
        not d.background and d.date is not None for d in dates)


def dated_earlier(doc: Doc, sent: Sentence, trigger) -> bool:
    """«رغم تعرض المدينة لهجوم إرهابي نهاية شهر يونيو الماضي»: the trigger's own date (the
    first its clause names within a few words after it) is well before the news, so the
    incident is recalled, not reported (GUIDELINES: "in May", "last year"). A date after
    «منذ» is what the incident is measured against, not its day."""
    own = next((d for d in sentence_dates(doc, sent) if d.start >= trigger.end), None)
    if own is None or not own.background:
        return False
    between = doc.text[trigger.end:own.start]
    words = between.split()
    return len(words) <= _OWN_DATE_REACH and not CLAUSE_END.search(between) \
        and not any(w in _since_words() for w in [*words, *own.text.split()[:1]])


@cache
def _since_words() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["since_words"])


def almanac(doc: Doc, sent: Sentence) -> bool:
    """«1950 - بدء معركة قرب سيول»: an almanac's entry for a year before
    the article's, history."""
    if not sent.text.lstrip()[:1].isdigit():
        return False
    m = _almanac().match(sent.text)
    return m is not None and doc.published is not None and int(m.group(1)) < doc.published.year


@cache
def _almanac() -> re.Pattern:
    return re.compile(_LEX["almanac"])


@cache
def _report_words() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["report_words"])


def _statement_day(doc: Doc, d: DateMention) -> bool:
    """"قالت الوزارة في بيان الأربعاء": the day of a statement, not of the incident."""
    before = doc.text[max(0, d.start - 80):d.start].split()[-_REPORT_REACH:]
    return any(w in _report_words() for w in before)


def news_day(doc: Doc, dates: Sequence[DateMention]) -> EventDate | None:
    """The first day a sentence names as news (not background), passing over a
    statement's day when the sentence names another day."""
    days = [d for d in dates if not d.background and d.precision == "day"]
    if len(days) > 1 and _statement_day(doc, days[0]):
        days = days[1:]
    return next((EventDate(d.date, d.precision, doc.original(d.start, d.end))
                 for d in days), None)


def day_before(doc: Doc, apart) -> EventDate | None:
    """The day of an incident told after «غداة» or «بعد يومين من»: so many days before the
    day of the incident told before it (its part of the sentence, or the last dated
    report); None when the connective gives no count of days."""
    if apart is None or apart.days is None:
        return None
    told = news_day(doc, sentence_dates(doc, apart.left)) or next(
        (c.date for c in reversed(doc.candidates) if _resolved(c.date)), None)
    if not _resolved(told):
        return None
    return EventDate(told.date - dt.timedelta(days=apart.days), "day", "")


def _resolved(date: EventDate | None) -> bool:
    return date is not None and date.date is not None


def prefer(current: EventDate | None, told: EventDate | None) -> EventDate | None:
    """The date a merged event keeps: the first resolved one, except that the day an
    organisation reports ("أعلنت المنظمة اليوم") gives way to the incident's day ("الغارة
    نفذت السبت")."""
    if not _resolved(current) or (_resolved(told) and _LEX["report_day"] in current.text):
        return told or current
    return current


def different_days(a: EventDate | None, b: EventDate | None) -> bool:
    return _resolved(a) and _resolved(b) and a.date != b.date


def inherit_dates(doc: Doc) -> None:
    """An incident told without its day happened on the day of the report before it
    ("قتل 12 مدنيا الاحد ... اربعة مدنيين قتلوا في قصف على بلدة اخرى"), unless it is
    the earlier incident of its sentence («ردا على استهداف البلدة قبل أيام»): then on a
    day before that report's, which the text does not give."""
    dated = [c for c in doc.candidates if _resolved(c.date)]
    orders = [c.order for c in dated]
    for e in doc.events:
        if not _resolved(e.date) and e.apart_from is None and not e.statement:
            i = bisect.bisect_right(orders, e.order)
            if i:
                e.date = dated[i - 1].date


@cache
def _lead(min_chars: int) -> re.Pattern:
    return re.compile(r"[^\n]{" + str(min_chars) + ",}")


def _paragraph_day(doc: Doc, e, lead_end: int) -> EventDate | None:
    """The day the event's paragraph, or the lead, names before it."""
    text, segments = doc.text, doc.segments
    for k in range(e.order - 1, -1, -1):
        same_paragraph = "\n" not in text[segments[k].end:segments[e.order].start]
        if not same_paragraph and segments[k].end > lead_end:
            continue
        day = news_day(doc, [d for d in sentence_dates(doc, segments[k])
                             if d.date is not None])
        if day is not None:
            return day
        if not same_paragraph:
            return None
    return None


def lead_dates(doc: Doc) -> None:
    """An incident still without a day happened on the day its paragraph, or the lead,
    names before it ("تمكنت الأجهزة الأمنية فجر الثلاثاء من ..." then "ضبطوا في X")."""
    lead_end = next((m.end() for m in _lead(doc.settings.lead_min).finditer(doc.text)), 0)
    for e in doc.events:
        if not _resolved(e.date) and e.apart_from is None and not e.statement:
            e.date = _paragraph_day(doc, e, lead_end) or e.date


def drop_announced(doc: Doc) -> None:
    """An incident its own sentence dates after the article was published is announced,
    not reported («مسيرة يوم السبت المقبل»، «وقفات احتجاجية يوم الخميس القادم»): it is
    no event. One told with a toll did happen, and one whose day came from another
    sentence only borrowed a wrong one: they keep no day."""
    if doc.published is None:
        return
    kept = []
    for e in doc.events:
        if _resolved(e.date) and e.date.date > doc.published:
            own = bool(e.date.text) and e.date.text in doc.original(e.sentence.start,
                                                                     e.sentence.end)
            if own and e.killed is None and e.wounded is None:
                continue
            e.date = None
        kept.append(e)
    doc.events = kept
