"""The days the news writes in digits: a Gregorian day checked to exist, a Hijri one
(«8/10/1436»، «1436/10/15هـ»: the Saudi papers' official dates) turned into the
Gregorian calendar, and a written day set right by the weekday named beside it."""
from __future__ import annotations

import calendar
import datetime as dt

GREGORIAN_YEARS = (1900, 2100)  # a written year of the news
HIJRI_YEARS = (1300, 1500)  # a written Hijri year («1436»)
_ORDINAL_ZERO = 1721425  # the Julian day number of date.fromordinal(0)


def digit_groups(toks, i: int) -> tuple[list[str], int]:
    """The digit groups of a date written from token i and the token after them: glued by
    one kind of separator («12/5/2018»، «2018-05-12»، «12/5»), or spaced alike around
    each («25 - 1 - 1427هـ»), then only a whole date with its year («فاز 2 - 1» is a
    score)."""
    parts, j = [toks[i]], i + 1
    gap = _separator_gap(toks, i, i + 1)
    while j + 1 < len(toks) and len(parts) < 3 and toks[j].text in "/-.":
        if gap is None or _separator_gap(toks, j - 1, j) != gap:
            break
        if toks[j + 1].kind != "d" or (j > i + 1 and toks[j].text != toks[i + 1].text):
            break
        parts.append(toks[j + 1])
        j += 2
    if gap and (len(parts) < 3 or 4 not in (len(parts[0].text), len(parts[-1].text))):
        return [parts[0].text], i + 1
    return [p.text for p in parts], j


def _separator_gap(toks, before: int, sep: int) -> int | None:
    """The spaces on each side of the separator at token `sep` (0 or 1), when alike."""
    if sep + 1 >= len(toks):
        return None
    left, right = toks[sep].start - toks[before].end, toks[sep + 1].start - toks[sep].end
    return left if left == right and left <= 1 else None


def days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    ok = 1 <= month <= 12 and 1 <= day <= days_in(year, month) and 1 <= year <= 9999
    return dt.date(year, month, day) if ok else None


def shift_month(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after (or before) `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def written_day(year: int, month: int, day: int) -> dt.date | None:
    """The day of a date written in digits, Gregorian or Hijri by its year."""
    if HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        return from_hijri(year, month, day)
    if GREGORIAN_YEARS[0] <= year <= GREGORIAN_YEARS[1]:
        return safe_date(year, month, day)
    return None


def from_hijri(year: int, month: int, day: int) -> dt.date | None:
    """The day of the tabular Islamic calendar (civil epoch); the Umm al-Qura calendar
    the Saudi papers write differs from it by a day at most (`on_weekday` mends it when
    the text names the weekday)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    julian = day + -(-59 * (month - 1) // 2) + (year - 1) * 354 + (3 + 11 * year) // 30 \
        + 1948439
    return dt.date.fromordinal(julian - _ORDINAL_ZERO)


def hijri_year(year: int) -> int:
    """The Gregorian year most of a Hijri year falls in («1427هـ» is 2006)."""
    return from_hijri(year, 7, 1).year


def on_weekday(day: dt.date, weekday: int) -> dt.date:
    """A written day one off the weekday named beside it is that weekday's day."""
    for shift in (-1, 1):
        near = day + dt.timedelta(days=shift)
        if day.weekday() != weekday and near.weekday() == weekday:
            return near
    return day
