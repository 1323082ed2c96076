"""Killed and wounded figures of a sentence.

A figure counts as killed (wounded) when a killing (wounding) word stands right before
it ("مقتل 15", "أصيب عشرة") or right after it ("15 قتيلا", "سبعة مصابين", "عشرة أشخاص
... مصرعهم"). Figures joined by و in one list are summed ("8 عسكريين و14 إرهابيا" = 22,
"ثلاثة عسكريين ... وجندي ... وجندي" = 5); a figure after بينهم/منهم is part of an earlier
one and ignored; numbers with units (280 كم، 25 عاما، 69 بالمائة) and years are not
casualties. Without a number, "مقتل شرطي" is one and a dual noun ("قتل طفلان") two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extraction.arabic import fold, readings
from extraction.lexicons import reads
from extraction.types import Count

_LEX = reads("casualties.json", "killed_before", "killed_after", "wounded_before",
             "wounded_after", "person_nouns", "subset", "units", "before_not", "killed_one",
             "addition", "single_attacker")
_TOKEN = re.compile(r"[^\W_]+|%")
_WINDOW_BEFORE = 4
_WINDOW_AFTER = 8
# A cheap first look: no word of these stems, no casualty figure in the sentence.
_ANY_CUE = re.compile(
    "قتل|قتي|مصرع|شهد|شهيد|جثث|جثه|جثام|وفا|حتف|ضحي|ضحاي|ذبح|عدم|حصيل|حصد|اوقع|موقع|"
    "خلف|سقوط|لقي|لقو|قضي|تصفي|اودي|اودت|جرح|جريح|اصاب|اصيب|مصاب|فقدان"
)
# nouns whose plural is not in -ين, so that "-ين" on them is a dual ("طفلين")
_BROKEN_PLURALS = frozenset(("شخص", "طفل", "جندي", "قتيل", "جريح", "رجل", "ضابط", "شاب",
                             "عنصر", "مصاب", "حارس", "صحفي", "شرطي"))
_BREAK = re.compile(r"[،,:;؛.!?؟\"()\[\]]")


@dataclass(frozen=True)
class Casualties:
    killed: Count | None
    wounded: Count | None
    spans: tuple[tuple[int, int], ...] = ()  # where the figures were read


@dataclass(frozen=True)
class _Words:
    exact: frozenset
    stems: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    seen: dict = field(default_factory=dict, compare=False, repr=False)  # forms -> match

    def match(self, forms: tuple[str, ...]) -> bool:
        hit = self.seen.get(forms)
        if hit is None:
            hit = any(f in self.exact or f.startswith(self.stems) for f in forms)
            if len(self.seen) < 100_000:
                self.seen[forms] = hit
        return hit


@cache
def _lex() -> dict[str, _Words]:
    out = {}
    for key in _LEX:
        words = _LEX[key]
        folded = [fold(w).strip() for w in words]
        exact = frozenset(w for w in folded if " " not in w and not w.endswith("*"))
        stems = tuple(w[:-1] for w in folded if w.endswith("*"))
        phrases = tuple(tuple(w.split()) for w in folded if " " in w)
        out[key] = _Words(exact, stems, phrases)
    return out


def _forms(token: str) -> tuple[str, ...]:
    return readings(token, "casualty")


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    forms: tuple[str, ...]
    qty: object = None  # a Quantity-like object covering this token
    brk: bool = False  # punctuation right before this token


def _quantities(text: str):
    try:
        from extraction.numbers import find_quantities
    except ImportError:  # numbers.py not installed: digits only
        return [_Q(m.start(), m.end(), int(m.group()), int(m.group()), int(m.group()),
                   m.group()) for m in re.finditer(r"\d+", text)]
    return find_quantities(text)


@dataclass(frozen=True)
class _Q:
    start: int
    end: int
    best: int | None
    low: int | None
    high: int | None
    text: str


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks = []
    prev_end = start
    for m in _TOKEN.finditer(text, start, end):
        brk = bool(_BREAK.search(text, prev_end, m.start()))
        toks.append(_Tok(m.start(), m.end(), m.group(), _forms(m.group()), brk=brk))
        prev_end = m.end()
    return toks


def _is_dual(forms: tuple[str, ...], persons: _Words) -> bool:
    """"طفلان", "فلسطينيان", "شرطيين": two people. "-ين" is a dual only on nouns whose
    plural is not "-ين" itself ("مدنيين", "مسلحين" are plurals)."""
    for f in forms:
        if len(f) <= 4:
            continue
        stem = f[:-2]
        if f.endswith("ان") and (stem in persons.exact or stem in _BROKEN_PLURALS):
            return True
        if f.endswith("ين") and stem in _BROKEN_PLURALS:
            return True
    return False


def _phrase_at(toks: list[_Tok], i: int, words: _Words) -> int:
    """Length in tokens of a cue starting at token i (0 if none)."""
    for phrase in words.phrases:
        n = len(phrase)
        if i + n <= len(toks) and all(
            phrase[k] in toks[i + k].forms for k in range(n)
        ):
            return n
    return 1 if words.match(toks[i].forms) else 0


def _add(a: Count | None, b: Count) -> Count:
    if a is None:
        return b
    best = a.best + b.best if a.best is not None and b.best is not None else None
    low = (a.low or 0) + (b.low or 0) if a.low is not None or b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    return Count(best, low, high)


def _bigger(a: Count | None, b: Count | None) -> Count | None:
    if a is None or b is None:
        return a or b
    key = lambda c: (c.best if c.best is not None else (c.low or 0))  # noqa: E731
    return b if key(b) > key(a) else a


def find_casualties(text: str, start: int = 0, end: int | None = None) -> Casualties:
    """Killed and wounded in folded text[start:end] (one sentence)."""
    end = len(text) if end is None else end
    if not _ANY_CUE.search(text, start, end):
        return Casualties(None, None)
    lex = _lex()
    toks = _tokens(text, start, end)
    if not toks:
        return Casualties(None, None)
    qs = [q for q in _quantities(text[start:end]) if q.best is not None or q.low is not None]
    # attach quantities to tokens (quantity offsets are relative to the slice)
    qi = 0
    prev_word = False
    for t in toks:
        while qi < len(qs) and qs[qi].end + start <= t.start:
            qi += 1
        if qi < len(qs) and qs[qi].start + start < t.end and t.start < qs[qi].end + start:
            t.qty = qs[qi]
            if t.text in ("واحد", "واحده") and prev_word:
                t.qty = None  # an adjective: "عائلة واحدة"
        prev_word = t.qty is None and not t.text.isdigit() and not (
            lex["killed_before"].match(t.forms) or lex["wounded_before"].match(t.forms))
    figures: list[tuple[str, int, int, Count]] = []  # (kind, first tok, last tok, count)
    unread: list[tuple[int, int, Count]] = []  # figures no cue classified (yet)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.qty is not None:
            j = i
            while j + 1 < len(toks) and toks[j + 1].qty is t.qty:
                j += 1
            q = t.qty
            kind = _classify(toks, i, j, lex)
            if kind is None and figures and _joined(toks, figures[-1][2], i, lex) \
                    and _classify(toks, i, j, lex, implicit=True) != "wounded":
                kind = figures[-1][0]  # "مقتل 8 عسكريين و14 إرهابيا"
            if kind:
                figures += _coordinated_before(toks, unread, i, kind, lex)
                figures.append((kind, i, j, Count(q.best, q.low, q.high)))
                unread = []
            else:
                unread.append((i, j, Count(q.best, q.low, q.high)))
            i = j + 1
            continue
        the_two = t.text in ("الاثنين", "الاثنان", "الاثنتين", "الاثنتان") and i > 0 \
            and toks[i - 1].text.startswith(("ال", "وال"))  # "المفجرين الاثنين قتلا"
        if the_two or _is_dual(t.forms, lex["person_nouns"]) or t.forms[-1] in (
            "قتيلين", "قتيلان"
        ):
            kind = _classify(toks, i, i, lex, implicit=True)
            if kind:
                figures.append((kind, i, i, Count(2, 2, 2)))
        elif lex["killed_one"].match(t.forms) and not t.brk and (i == 0 or toks[i - 1].qty is None):
            figures.append(("killed", i, i, Count(1, 1, 1)))  # "ما أدى إلى مقتله"
        elif i > 0 and lex["person_nouns"].match(t.forms) and not t.text.startswith(("ال", "وال")) \
                and _phrase_before(toks, i, lex["killed_before"], 1) and not t.brk:
            figures.append(("killed", i, i, Count(1, 1, 1)))
        i += 1
    return _combine(toks, figures, lex, start)


def _coordinated_before(toks, unread, i: int, kind: str, lex) -> list:
    """Figures no cue classified, coordinated right before one that is: "56 شرطيا و7
    مواطنين أصيبوا" (both wounded, 63)."""
    out = []
    first = i
    for a, b, count in reversed(unread):
        if not _joined(toks, b, first, lex):
            break
        out.insert(0, (kind, a, b, count))
        first = a
    return out


def _phrase_before(toks: list[_Tok], i: int, words: _Words, window: int) -> bool:
    """Does a cue end right before token i (no figure, no punctuation in between)?"""
    for n in range(1, 4):
        k = i - n
        if k >= 0 and not toks[i].brk and toks[i - 1].qty is None \
                and _phrase_at(toks, k, words) == n:
            return True
    return False


def _classify(toks, i, j, lex, implicit=False) -> str | None:
    """'killed', 'wounded' or None for the figure spanning tokens i..j."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if not implicit:
        if nxt is not None and not nxt.brk and (
            lex["units"].match(nxt.forms) or nxt.text == "%"
        ):
            return None
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and not toks[i].brk and lex["before_not"].match((prev.text,)):
            return None
        if prev is not None and not toks[i].brk and lex["subset"].match(prev.forms):
            return None
        if i > 1 and not toks[i].brk and lex["subset"].match(toks[i - 2].forms):
            return None
    # "من بين القتلى ثلاثة موظفين": a breakdown of a figure already given
    if i >= 2 and toks[i - 2].text in ("بين", "ومن", "من") and set(toks[i - 1].forms) & {
        "القتلي", "الضحايا", "الجرحي", "المصابين"}:
        return None
    # "30 طفلا بين الجرحى": part of a figure already given
    for k in range(j + 1, min(len(toks) - 1, j + 3)):
        if toks[k].text in ("بين", "من") and set(toks[k + 1].forms) & {
                "القتلي", "الضحايا", "الجرحي", "المصابين"} and k > j + 1:
            return None
    # "اثنين من القتلى": part of a figure already given
    if nxt is not None and nxt.text == "من" and j + 2 < len(toks) and toks[j + 2].text in (
        "القتلي", "الضحايا", "الجرحي", "المصابين", "القتلى"
    ):
        return None
    # after the figure: "15 قتيلا"، "عشرة أشخاص على الأقل مصرعهم"; a subset in between
    # is skipped: "12 مدنيا بينهم 4 أطفال قتلوا"
    k, limit = j + 1, j + 1 + _WINDOW_AFTER
    while k < min(len(toks), limit):
        if toks[k].brk:
            break
        if toks[k].qty is not None:
            if not lex["subset"].match(toks[k - 1].forms):
                break
            limit += 2
        elif lex["subset"].match(toks[k].forms):
            limit += 2
        elif lex["killed_after"].match(toks[k].forms):
            return "killed"
        elif lex["wounded_after"].match(toks[k].forms):
            return "wounded"
        k += 1
    # before the figure: nearest cue within the window, no punctuation in between
    for k in range(i - 1, max(-1, i - 1 - _WINDOW_BEFORE), -1):
        if toks[k + 1].brk or toks[k].qty is not None:
            break
        if _phrase_at(toks, k, lex["wounded_before"]):
            return "wounded"
        if _phrase_at(toks, k, lex["killed_before"]):
            return "killed"
    if implicit and i > 0 and lex["killed_after"].match(toks[i].forms):
        return "killed"
    # a sentence opening with "وقتل": its first figure, however far ("وقتل الخميس، وفق
    # المرصد، 8 مدنيين")
    if not implicit and toks[0].forms[-1] in ("قتل", "قتلت") and not any(
        t.qty is not None for t in toks[:i]
    ):
        return "killed"
    return None


def _combine(toks, figures, lex, start) -> Casualties:
    totals: dict[str, Count | None] = {"killed": None, "wounded": None}
    spans = []
    group: Count | None = None
    prev = None
    for kind, i, j, count in figures:
        spans.append((toks[i].start, toks[j].end))
        joined = (
            prev is not None and prev[0] == kind and _joined(toks, prev[2], i, lex)
        )
        if joined:
            group = _add(group, count)
        else:
            if prev is not None:
                totals[prev[0]] = _settle(prev[0], totals[prev[0]], group)
            group = count
        # singular person nouns coordinated after the figure: "... وجندي بريطاني وجندي"
        if kind == "killed":
            extra = _singles(toks, j, lex) + _plus_attacker(toks, j, lex)
            group = _add(group, Count(*(3 * [extra])))
        prev = (kind, i, j)
    if prev is not None:
        totals[prev[0]] = _settle(prev[0], totals[prev[0]], group)
    killed = totals["killed"]
    if killed is not None and killed.best == 0 and killed.low == 0:
        killed = None
    return Casualties(killed, totals["wounded"], tuple(spans))


def _settle(kind: str, total: Count | None, group: Count | None) -> Count | None:
    """Separate killed figures of one sentence are the sides of one incident and add up
    ("قتل 14 من المتشددين ... أسفرت عن مقتل 8 عسكريين" = 22) unless they repeat one figure;
    of separate wounded figures the largest is the toll."""
    if total is None or group is None:
        return total or group
    if kind == "killed" and total.best != group.best and total.best and group.best:
        return _add(total, group)
    return _bigger(total, group)


def _joined(toks, last: int, first: int, lex) -> bool:
    """Is the figure starting at token `first` a و-coordinated addition to the one ending
    at `last` ("8 عسكريين و14 إرهابيا", "مقابل 34")?"""
    if first - last > 4:
        return False
    for k in range(last + 1, first + 1):
        if toks[k].brk:
            return False
    t = toks[first]
    return t.text.startswith("و") or toks[first - 1].text in ("و", "مقابل")


def _plus_attacker(toks, j: int, lex) -> int:
    """1 for "... إضافة إلى الانتحاري" / "فضلا عن المهاجم" right after the killed figure
    ending at token j: the attacker died too (GUIDELINES: every death of the incident)."""
    for k in range(j + 1, min(len(toks), j + 8)):
        if toks[k].brk and k > j + 1 or toks[k].qty is not None:
            return 0
        n = _phrase_at(toks, k, lex["addition"])
        if n and k + n < len(toks) and _phrase_at(toks, k + n, lex["single_attacker"]):
            return 1
    return 0


def _singles(toks, j: int, lex) -> int:
    """Count 'وجندي بريطاني' style additions right after the figure ending at token j."""
    n = 0
    k = j + 1
    limit = j + 8
    while k < len(toks) and k <= limit and not toks[k].brk:
        t = toks[k]
        if t.qty is not None or lex["wounded_before"].match(t.forms):
            break
        if t.text.startswith("و") and len(t.text) > 2 and lex["person_nouns"].match(
            (t.text[1:],)
        ):
            n += 1
        k += 1
    return n
