"""Date mentions in folded Arabic text, resolved against the publication date.

"مساء الثلاثاء" in an article published Thursday 2018-07-12 is 2018-07-10 (day);
"في مايو" is 2018-05-01 (month); "عام 2015" is 2015-01-01 (year). `background` marks
dates clearly before the news (more than a week before publication, or "منذ ..."),
which the pipeline uses to drop historical references. Input is text folded by
`extraction.normalise.fold`; spans are offsets into it. Words live in data/dates.json
and data/months.json, read by `date_words`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from extraction.arabic import L
from extraction.calendars import (
    GREGORIAN_YEARS,
    HIJRI_YEARS,
    days_in,
    digit_groups,
    hijri_year,
    on_weekday,
    safe_date,
    shift_month,
    written_day,
)
from extraction.date_words import DateLexicon, Phrases, lexicon, may_start, word_bases
from extraction.numbers import Token, number_at, tokenize

_DASHES = frozenset({"-", "\u2013", "/"})


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date | None  # resolved; None if it can't be
    precision: str | None  # "day" | "month" | "year"
    text: str  # the words, e.g. "مساء الثلاثاء", "امس", "12 مايو 2018"
    background: bool  # clearly well before the news


@dataclass(frozen=True)
class _Found:
    end: int  # token index after the mention
    date: dt.date | None
    precision: str | None
    background: bool | None = None  # None: decide from the date


@dataclass(frozen=True)
class _Ctx:
    toks: list[Token]
    published: dt.date | None
    lex: DateLexicon

    def text(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def bases(self, i: int) -> tuple[str, ...]:
        """The word at i, bare and without a clitic prefix."""
        return word_bases(self.text(i))

    def phrase(self, i: int, table: Phrases) -> tuple[int, int] | None:
        """(value, end) of the longest phrase of `table` at token i."""
        best = None
        entries = [e for base in self.bases(i) for e in table.get(base, ())]
        for words, value in entries:
            end = i + len(words)
            if end > len(self.toks):
                continue
            same = all(self.toks[k].text == w for k, w in enumerate(words[1:], i + 1))
            if same and (best is None or end > best[1]):
                best = (value, end)
        return best


def _is_background(found: _Found, published: dt.date | None, lex: DateLexicon) -> bool:
    if found.background is not None:
        return found.background
    if found.date is None or published is None:
        return False
    last = found.date
    if found.precision == "month":
        last = last.replace(day=days_in(last.year, last.month))
    elif found.precision == "year":
        last = last.replace(month=12, day=31)
    return (published - last).days > lex.background_days


def _year_at(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """A year written after a month: "2018", "2018م", "عام 2018", "من العام الماضي"."""
    j = i + 1 if ctx.text(i) in ctx.lex.year_of else i
    relative = ctx.phrase(j, ctx.lex.year_relative) if j > i else None
    if relative and ctx.published:
        return ctx.published.year + relative[0], relative[1]
    if ctx.text(j) in ctx.lex.year_words:
        j += 1
    year = _bare_year(ctx, j)
    return (year.date.year, year.end) if year and year.date else None


def _month_at(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """(month, end) for a month name, with an optional second naming "أيار/مايو"."""
    found = ctx.phrase(i, ctx.lex.months)
    if not found:
        return None
    month, end = found
    if ctx.text(end) in _DASHES:
        second = ctx.phrase(end + 1, ctx.lex.months)
        if second and second[0] == month:
            end = second[1]
    return month, end


def _with_year(ctx: _Ctx, month: int, day: int | None, end: int) -> _Found:
    """Resolve a day/month with the year written after it or inferred from publication."""
    year_found = _year_at(ctx, end)
    pub = ctx.published
    precision = "month" if day is None else "day"
    if year_found:
        year, end = year_found
    elif pub is None:
        return _Found(end, None, None)
    else:
        past = ctx.text(end) in ctx.lex.past
        if day is None:
            later = month > pub.month or (month == pub.month and past)
        else:
            later = (month, day) > (pub.month, pub.day)
        year = pub.year - 1 if later else pub.year
        end += 1 if past else 0
    date = safe_date(year, month, day or 1)
    return _Found(end, date, precision if date else None)


def _day_number_at(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """A day of the month: "12", "الـ12", "الثاني عشر", "الحادي والعشرين"."""
    tok = ctx.toks[i]
    if tok.kind == "d" and len(tok.text) <= 2:
        return int(tok.text), i + 1
    if tok.text == L.article and i + 1 < len(ctx.toks) and ctx.toks[i + 1].kind == "d":
        return _day_number_at(ctx, i + 1)
    unit = next((ctx.lex.ordinal_days[b] for b in ctx.bases(i) if b in ctx.lex.ordinal_days), 0)
    if not unit:
        return None
    tens = ctx.lex.ordinal_tens.get(ctx.text(i + 1), 0)
    if tens and unit < 10:
        return unit + tens, i + 2
    return unit, i + 1


def _day_month(ctx: _Ctx, i: int) -> _Found | None:
    day = _day_number_at(ctx, i)
    if not day or not 1 <= day[0] <= 31:
        return None
    j = day[1]
    for joiner in ctx.lex.day_of_month_joiners:  # "12 من شهر مايو"
        if ctx.text(j) == joiner:
            j += 1
    month = _month_at(ctx, j)
    if month:
        return _with_year(ctx, month[0], day[0], month[1])
    relative = ctx.phrase(j, ctx.lex.month_relative)  # "في 12 من الشهر الجاري"
    if not relative or not ctx.published or j == day[1]:
        return None
    first = shift_month(ctx.published, relative[0])
    date = safe_date(first.year, first.month, day[0])
    return _Found(relative[1], date, "day" if date else None)


def _numeric(ctx: _Ctx, i: int) -> _Found | None:
    """12/5/2018, 2018-05-12, 12.5.2018, 12/5, «25 - 1 - 1427هـ» (`digit_groups`)."""
    toks = ctx.toks
    dotted = toks[i].text.split(".")
    if len(dotted) == 3 and all(p.isdigit() for p in dotted):
        return _full_date(i + 1, [int(p) for p in dotted], len(dotted[0]) == 4)
    parts, j = digit_groups(toks, i)
    values = [int(p) if p.isdigit() else -1 for p in parts]
    if len(values) == 3:
        return _full_date(j, values, len(parts[0]) == 4)
    if len(values) == 2 and toks[i + 1].text == "/" and min(values) >= 1:
        return _with_year(ctx, values[1], values[0], j) if values[1] <= 12 else None
    return None


def _full_date(end: int, values: list[int], year_first: bool) -> _Found | None:
    y, m, d = values if year_first else values[::-1]
    y += 2000 if 0 <= y < 100 else 0
    date = written_day(y, m, d) if min(values) >= 0 else None
    return _Found(end, date, "day") if date else None


def _weekday_at(ctx: _Ctx, j: int) -> int | None:
    lex = ctx.lex
    return next((lex.weekdays[b] for b in ctx.bases(j) if b in lex.weekdays), None)


def _a_numeral(ctx: _Ctx, i: int, j: int, part) -> bool:
    """"الأحد عشر" (eleven), "المسلحين الاثنين قتلا" (the two): no weekday."""
    lex, after = ctx.lex, ctx.text(j + 1)
    if after in lex.not_today:
        return True
    if ctx.text(j) not in lex.ambiguous_weekdays or part or after in lex.past:
        return False
    before, follower = ctx.text(i - 1), ctx.toks[j + 1] if j + 1 < len(ctx.toks) else None
    adverb = follower is None or follower.kind == "p" or follower.text in lex.adverb_followers
    return not adverb and (before.endswith(lex.dual_endings) or ctx.toks[i - 1].kind == "d")


def _span_end(ctx: _Ctx, j: int, weekday: int) -> int:
    """After "الأحد" at token j-1: past a following day of one span ("ليلة السبت إلى
    الأحد", "السبت-الأحد")."""
    text = ctx.text(j)
    joined = j + 1 if text in _DASHES or text in ctx.lex.weekday_range_joiners else j
    return joined + 1 if _weekday_at(ctx, joined) == (weekday + 1) % 7 else j


def _weekday_date(ctx: _Ctx, j: int, weekday: int, past: bool, future: bool) -> _Found:
    """The day a weekday names, relative to publication (the last one, or the next one
    when the text says "المقبل")."""
    pub = ctx.published
    if pub is None:
        return _Found(j, None, None)
    if future:
        return _Found(j, pub + dt.timedelta(days=(weekday - pub.weekday()) % 7 or 7), "day")
    back = (pub.weekday() - weekday) % 7 or (7 if past else 0)
    return _Found(j, pub - dt.timedelta(days=back), "day")


def _weekday(ctx: _Ctx, i: int) -> _Found | None:
    lex, part = ctx.lex, ctx.phrase(i, ctx.lex.day_parts)
    j = part[1] if part else i
    weekday = _weekday_at(ctx, j)
    if weekday is None or _a_numeral(ctx, i, j, part):
        return None
    j = _span_end(ctx, j + 1, weekday)
    past, future = ctx.text(j) in lex.past, ctx.text(j) in lex.future
    j += 1 if past or future else 0
    written = _written(ctx, j + (1 if ctx.text(j) in lex.weekday_date_joiners else 0))
    if written and written.date:
        return replace(written, date=on_weekday(written.date, weekday))
    return _weekday_date(ctx, j, weekday, past, future)


def _written(ctx: _Ctx, i: int) -> _Found | None:
    if i >= len(ctx.toks):
        return None
    return (_numeric(ctx, i) if ctx.toks[i].kind == "d" else None) or _day_month(ctx, i)


def _relative(ctx: _Ctx, i: int) -> _Found | None:
    lex, pub = ctx.lex, ctx.published
    days = ctx.phrase(i, lex.relative_days)
    named = days and not days[0] and _weekday(ctx, days[1])  # "اليوم الثلاثاء"
    if named and named.date:
        return named
    if days and ctx.text(days[1]) not in lex.not_today:
        date = pub - dt.timedelta(days=days[0]) if pub else None
        return _Found(days[1], date, "day" if date else None)
    vague = ctx.phrase(i, lex.vague_recent)
    if vague:
        return _Found(vague[1], None, None, False)
    period = ctx.phrase(i, lex.period_recent)
    if period:
        return _Found(period[1], None, None, True)
    month = ctx.phrase(i, lex.month_relative)
    if month:
        date = shift_month(pub, month[0]) if pub else None
        return _Found(month[1], date, "month" if date else None)
    year = ctx.phrase(i, lex.year_relative)
    if year:
        date = dt.date(pub.year + year[0], 1, 1) if pub else None
        return _Found(year[1], date, "year" if date else None, True if year[0] < 0 else None)
    return None


def _month_or_year(ctx: _Ctx, i: int) -> _Found | None:
    month = _month_at(ctx, i)
    if month:
        ambiguous = ctx.text(i) in ctx.lex.ambiguous_months
        cue = any(b in ctx.lex.month_cues for b in ctx.bases(i - 1)) if i > 0 else False
        if ambiguous and not cue and not _year_at(ctx, month[1]):
            return None
        return _with_year(ctx, month[0], None, month[1])
    bases = ctx.bases(i)
    if any(b in ctx.lex.year_words or b in ctx.lex.month_cues for b in bases):
        return _bare_year(ctx, i + 1)
    return None


def _bare_year(ctx: _Ctx, i: int) -> _Found | None:
    """A four-digit year 1900-2100 at token i, with an optional glued "م"."""
    tok = ctx.toks[i] if i < len(ctx.toks) else None
    if not (tok and tok.kind == "d" and len(tok.text) == 4 and tok.text.isdigit()):
        return None
    nxt = ctx.toks[i + 1] if i + 1 < len(ctx.toks) else None
    glued = nxt.text if nxt and nxt.start == tok.end else ""
    year = int(tok.text)
    if glued in _DASHES:
        return None  # part of a written date such as 2018-05-12
    if glued in ctx.lex.hijri_mark and HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        year = hijri_year(year)  # «عام 1427هـ»
    elif not GREGORIAN_YEARS[0] <= year <= GREGORIAN_YEARS[1]:
        return None
    end = i + 2 if glued in ctx.lex.year_mark or glued in ctx.lex.hijri_mark else i + 1
    return _Found(end, dt.date(year, 1, 1), "year")


def _core(ctx: _Ctx, i: int) -> _Found | None:
    return _written(ctx, i) or _weekday(ctx, i) or _relative(ctx, i) or _month_or_year(ctx, i)


def _ago(ctx: _Ctx, i: int) -> _Found | None:
    """"قبل يومين", "منذ نحو ثلاثة أعوام", "قبل 48 ساعة"; "قبل أيام" stays unresolved."""
    lex = ctx.lex
    if not any(b in lex.ago for b in ctx.bases(i)):
        return None
    qualifier = ctx.phrase(i + 1, lex.ago_qualifiers)
    j = qualifier[1] if qualifier else i + 1
    if ctx.text(j) in lex.ago_units:
        unit, end = ctx.text(j), j + 1
        count = None if unit in lex.ago_plural and lex.ago_units[unit] else 1  # "قبل ساعات"
    elif ctx.text(j) in lex.ago_vague and ctx.text(j + 1) in lex.ago_units:
        unit, end = ctx.text(j + 1), j + 2
        count = None if lex.ago_units[unit] else 1  # "قبل بضع ساعات": today
    else:
        number = number_at(ctx.toks, j)
        if not number or ctx.text(number[1]) not in lex.ago_units:
            return None
        count, unit, end = number[0], ctx.text(number[1]), number[1] + 1
    per_unit = lex.ago_units[unit]
    if count is None or ctx.published is None:
        return _Found(end, None, None, per_unit > lex.background_days or None)
    days = count * lex.ago_hours[unit] // 24 if unit in lex.ago_hours else count * per_unit
    if days >= (ctx.published - dt.date.min).days:  # «قبل ملايين السنين»: before any calendar
        return _Found(end, None, None, True)
    date, background = ctx.published - dt.timedelta(days=days), days > lex.background_days
    if per_unit >= 365:
        return _Found(end, date.replace(month=1, day=1), "year", background)
    if per_unit >= 28:
        return _Found(end, date.replace(day=1), "month", background)
    return _Found(end, date, "day", background)


def _at(ctx: _Ctx, i: int) -> _Found | None:
    start = ctx.phrase(i, ctx.lex.period_starts)
    if start:
        pub, precision = ctx.published, "year" if start[0] == 12 else "month"
        if pub is None:
            return _Found(start[1], None, None, True)
        date = pub.replace(day=1, month=1 if precision == "year" else pub.month)
        return _Found(start[1], date, precision, True)
    ago = _ago(ctx, i)
    if ago:
        return ago
    since = ctx.phrase(i, ctx.lex.since)
    if since:
        found = _core(ctx, since[1]) or _bare_year(ctx, since[1])
        if found:
            coarse = found.precision in ("month", "year") or found.background
            return _Found(found.end, found.date, found.precision, True if coarse else None)
    event = ctx.phrase(i, ctx.lex.since_events)
    if event and event[1] < len(ctx.toks) and ctx.toks[event[1]].kind == "w":
        return _Found(event[1] + 1, None, None, True)  # "منذ بدء الهجوم": a period
    after = ctx.phrase(i, ctx.lex.day_after)
    if after:
        found = _core(ctx, after[1])
        if found and found.date and found.precision == "day":
            return _Found(found.end, found.date + dt.timedelta(days=1), "day")
    return _core(ctx, i)


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in `text`, sorted and non-overlapping."""
    toks = tokenize(text)
    if not any(t.kind == "d" or may_start(t.text) for t in toks):
        return []  # no word a date can start with
    ctx = _Ctx(toks, published, lexicon())
    out, i = [], 0
    toks = ctx.toks
    while i < len(toks):
        tok = toks[i]
        if tok.kind != "d" and not may_start(tok.text):
            i += 1
            continue
        found = _at(ctx, i)
        if found is None or found.end <= i:
            i += 1
            continue
        start, end = ctx.toks[i].start, ctx.toks[found.end - 1].end
        out.append(DateMention(start, end, found.date, found.precision, text[start:end],
                               _is_background(found, published, ctx.lex)))
        i = found.end
    return out
