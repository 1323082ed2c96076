"""Quantities in folded Arabic text: digits and number words, with their qualifiers.

"ما لا يقل عن خمسة" is Quantity(best=5, low=5, high=None); "بين 10 و15" is 10/10/15;
"نحو عشرين" is 20/20/20 approximate; "عشرات" is None/24/None (GUIDELINES.md, Fields).
Input is text folded by `extraction.normalise.fold`; spans are offsets into it.
The lexicon (data/numbers.json) and the tokenizer live in `numerals`.
"""
from __future__ import annotations

from dataclasses import dataclass

from extraction.arabic import L, article_forms, fold
from extraction.numerals import (
    NumberLexicon,
    Token,
    digit_value,
    lexicon,
    lookup,
    may_start,
    readings,
    tokenize,
)

__all__ = ["Quantity", "Token", "find_quantities", "number_at", "parse_number", "tokenize"]

_SCALES = ("thousand", "thousands", "million", "millions", "billion")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int  # span of the whole expression incl. qualifier
    best: int | None
    low: int | None
    high: int | None
    text: str  # the matched text
    approximate: bool = False  # نحو/حوالي/قرابة...


def _first(kind: str, value: int, scale: int):
    """The state after the first number word."""
    if kind in ("thousands", "millions"):
        return None  # a bare plural is vague ("آلاف"), not a number
    if kind in _SCALES or kind in ("thousand2", "million2"):
        return value, 0, kind, value
    return 0, value, kind, scale


def _unjoined(kind: str, value: int, state: tuple):
    """A number word right after the last one, without و: "خمسة عشر", "ثلاث مئة",
    "عشرة آلاف"."""
    total, current, last, scale = state
    if kind == "ten" and last == "unit" and current % 100 < 10:
        return total, current + 10, "teen", scale
    if kind == "hundred" and last == "unit" and current < 10:
        return total, current * 100, "hundreds", scale
    if kind in _SCALES and current > 0 and (scale == 0 or value < scale):
        return total + current * value, 0, kind, value
    return None


def _joined(kind: str, value: int, state: tuple):
    """A number word after و: "مئة وخمسة", "خمسة وعشرون", "ألف ومئتان"."""
    total, current, last, scale = state
    something = total > 0 or current > 0
    if kind in ("unit", "ten") and current % 100 == 0 and something:
        return total, current + value, "unit" if kind == "unit" else "teen", scale
    if kind == "tens" and (
        (current % 100 == 0 and something) or (last == "unit" and current % 100 < 10)
    ):
        return total, current + value, "tens", scale
    if kind in ("hundred", "hundreds") and current == 0 and total > 0:
        return total, value, "hundreds", scale
    if kind in ("thousand", "thousand2", "million2") and current == 0 and 0 < value < scale:
        return total + value, 0, kind, value
    return None


def _step(kind: str, value: int, state: tuple[int, int, str | None, int], joined: bool):
    """Add one number word to (total, current, last kind, last scale); None if it can't."""
    if state[2] is None:
        return _first(kind, value, state[3])
    return _joined(kind, value, state) if joined else _unjoined(kind, value, state)


def _words_at(toks: list[Token], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    state: tuple[int, int, str | None, int] = (0, 0, None, 0)
    j, pending_teen = i, False
    while j < len(toks) and toks[j].kind == "w":
        tok, nxt, joined = toks[j], j + 1, False
        if state[2] is not None and tok.text == L.and_ and nxt < len(toks):
            found = (lex.words.get(toks[nxt].text), "")
            nxt, joined = nxt + 1, True
        else:
            found = lookup(tok.text, lex)
            if found and state[2] is not None and found[1]:
                if found[1] != L.and_:
                    break
                joined = True
        if not found or not found[0]:
            break
        if pending_teen and found[0][0] != "ten":
            return None
        new = _step(*found[0], state, joined)
        if new is None:
            break
        pending_teen = toks[nxt - 1].text[len(found[1]):] in lex.teen_only
        state, j = new, nxt
    if state[2] is None or pending_teen:
        return None
    return state[0] + state[1], j


def _definite_teen(toks: list[Token], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """"الاثني عشر", "الخمسة عشر": a definite teen is still a count."""
    text = toks[i].text
    if not text.startswith(L.article) or i + 1 >= len(toks) or toks[i + 1].text not in lex.teens:
        return None
    entry = lex.words.get(text[2:])
    return (entry[1] + 10, i + 2) if entry and entry[0] == "unit" else None


def _fraction_of_scale(toks: list[Token], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """"نصف مليون" → 500000, "ربع مليون" → 250000."""
    part = next((lex.fractions[r] for _, r in readings(toks[i].text, lex) if r in lex.fractions), 0)
    scale = lex.words.get(toks[i + 1].text) if part and i + 1 < len(toks) else None
    if scale and scale[0] in ("thousand", "million", "billion"):
        return round(part * scale[1]), i + 2
    return None


def _number_at(toks: list[Token], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    """The value of the number starting at token i and the index after it."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.kind == "w":
        teen = _definite_teen(toks, i, lex) or _fraction_of_scale(toks, i, lex)
        return teen or _words_at(toks, i, lex)
    if tok.kind != "d":
        return None
    value, j = digit_value(tok.text), i + 1
    if value is None:
        return None
    entry = lex.words.get(toks[j].text) if j < len(toks) else None
    if entry and entry[0] in _SCALES:
        value, j = value * entry[1], j + 1
    elif isinstance(value, float):
        return None  # a decimal alone (2,5 or 21,00) is a measure or a time, not a count
    if value != int(value):
        return None
    return int(value), j


def _match(toks: list[Token], i: int, words: tuple[str, ...], lex: NumberLexicon) -> int | None:
    """Index after the phrase `words` at token i (first word may carry a clitic)."""
    if i + len(words) > len(toks):
        return None
    first = toks[i].text
    if not any(rest == words[0] for _, rest in readings(first, lex)):
        return None
    for k, word in enumerate(words[1:], start=i + 1):
        if toks[k].text != word:
            return None
    return i + len(words)


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _in_a_date_or_measure(toks: list[Token], i: int, j: int, lex: NumberLexicon) -> bool:
    """Digits glued to "/" or ":" (a date, a time), a glued year mark, a percentage."""
    first, last = toks[i], toks[j - 1]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    if first.kind == "d" and prev and prev.text in "/:" and _glued(prev, first):
        return True
    if last.kind == "d" and nxt and nxt.text in "/:" and _glued(last, nxt):
        return True
    if nxt and nxt.text in lex.year_after and _glued(last, nxt):
        return True
    return any(_match(toks, j, p, lex) for p in lex.percent_after)


def _after_a_year_word(prev: Token, first: Token, value: int, lex: NumberLexicon) -> bool:
    """"عام 2018", "رقم 5", "مايو 12": a year, a label or a day, not a count."""
    base = readings(prev.text, lex)
    if any(rest in lex.year_before or rest in lex.not_count_before for _, rest in base):
        return True
    yearish = first.kind == "d" and len(first.text) == 4 and 1900 <= value <= 2100
    if yearish and any(rest in lex.year_like_before for _, rest in base):
        return True
    return first.kind == "d" and any(rest in lex.month_words for _, rest in base)


def _excluded(toks: list[Token], i: int, j: int, value: int, lex: NumberLexicon) -> bool:
    """Years, days of a written date, times, percentages: not quantities."""
    if _in_a_date_or_measure(toks, i, j, lex):
        return True
    prev = toks[i - 1] if i > 0 else None
    if prev and prev.kind == "w" and _after_a_year_word(prev, toks[i], value, lex):
        return True
    last, nxt = toks[j - 1], toks[j] if j < len(toks) else None
    if nxt and last.kind == "d" and nxt.kind == "w":
        return any(rest in lex.month_words for _, rest in readings(nxt.text, lex))
    return False


def _date_chain_end(toks: list[Token], i: int) -> int | None:
    """End of a glued digit chain like 12/5/2018, 2018-05-12 or 10:30 starting at i."""
    j, seps = i + 1, []
    while j + 1 < len(toks) and toks[j].text in "/:-." and toks[j + 1].kind == "d":
        if not (_glued(toks[j - 1], toks[j]) and _glued(toks[j], toks[j + 1])):
            break
        seps.append(toks[j].text)
        j += 2
    if len(seps) >= 2 or (seps and seps[0] in "/:"):
        return j
    return None


def _ordinal_end(toks: list[Token], i: int, lex: NumberLexicon) -> int | None:
    text = toks[i].text
    bases = [text] + [text[len(a):] for a in article_forms() if text.startswith(a)]
    if not any(b in lex.ordinals for b in bases):
        return None
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return i + 2 if nxt in lex.teens else i + 1


def _vague_at(toks: list[Token], i: int, lex: NumberLexicon) -> tuple[int, int] | None:
    text = toks[i].text
    bases = [rest for _, rest in readings(text, lex)]
    bases += [b[2:] for b in bases if b.startswith(L.article)]
    low = next((lex.vague[b] for b in bases if b in lex.vague), None)
    if low is None:
        return None
    j = i + 1
    if j < len(toks) and toks[j].text in lex.vague_multipliers:
        low, j = low * lex.vague_multipliers[toks[j].text], j + 1
    return low, j


def _range_end(toks: list[Token], k: int, low: int, lex: NumberLexicon, joiners: frozenset[str]):
    """(low, high, end) when a joiner and a larger number follow at token k; the low end
    takes the high end's scale word ("بين 3 و4 آلاف" is 3000-4000)."""
    if k >= len(toks):
        return None
    tok = toks[k]
    if tok.text in joiners:
        second = _number_at(toks, k + 1, lex)
    elif L.and_ in joiners and tok.kind == "w" and tok.text.startswith(L.and_):
        second = _number_at(toks, k, lex)
    else:
        return None
    if not second:
        return None
    scale = lex.words.get(toks[second[1] - 1].text, ("", 1))
    own_scale = lex.words.get(toks[k - 1].text, ("", 1))[0] in _SCALES
    if scale[0] in _SCALES and not own_scale and low * scale[1] <= second[0]:
        low *= scale[1]
    return (low, *second) if second[0] > low else None


def _updating(toks: list[Token], i: int, lex: NumberLexicon) -> bool:
    """"ارتفعت الحصيلة من 10 إلى 15" is a toll update, not a range."""
    return any(t.text in lex.update_verbs for t in toks[max(0, i - 4):i])


def _after_qualifier(toks: list[Token], k: int, lex: NumberLexicon) -> tuple[str, int, int] | None:
    """(kind, end of the expression, end of the qualifier) for a qualifier right after the
    number ("5 على الأقل") or after one word ("5 أشخاص على الأقل"). In the second case the
    expression stops at the number so the noun stays outside it for the caller."""
    for start in (k, k + 1):
        if start == k + 1 and (k >= len(toks) or toks[k].kind != "w"):
            break
        for kind, words in lex.after_qualifiers:
            end = _match(toks, start, words, lex)
            if end:
                return kind, (end if start == k else k), end
    return None


def _build(text, toks, i, j, best, low, high, approximate=False) -> Quantity:
    start, end = toks[i].start, toks[j - 1].end
    return Quantity(start, end, best, low, high, text[start:end], approximate)


def _with_qualifier(text: str, toks: list[Token], i: int, kind: str, j: int,
                    lex: NumberLexicon):
    """(Quantity or None, next index) for qualifier `kind` at token i whose words end at
    token j ("ما لا يقل عن خمسة", "بين 10 و15"), or None when no figure follows it."""
    waw = toks[j].kind == "w" and toks[j].text.startswith(L.and_) if j < len(toks) else False
    number = None if waw and toks[j].text not in lex.words else _number_at(toks, j, lex)
    if number is None:
        vague = _vague_at(toks, j, lex) if j < len(toks) else None
        if vague:
            return _build(text, toks, i, vague[1], None, vague[0], None), vague[1]
        return None
    value, k = number
    if _excluded(toks, j, k, value, lex):
        return None, k
    if kind in ("between", "from"):
        joiners = lex.range_joiners if kind == "between" else lex.from_joiners
        second = None if _updating(toks, i, lex) else _range_end(toks, k, value, lex, joiners)
        if second:
            low, high, end = second
            return _build(text, toks, i, end, low, low, high), end
        return None
    if kind in ("at_least", "more_than"):
        return _build(text, toks, i, k, value, value, None), k
    if kind == "approx":
        return _build(text, toks, i, k, value, value, value, True), k
    return _build(text, toks, i, k, value, None, value), k  # up_to


def _bare(text: str, toks: list[Token], i: int, lex: NumberLexicon):
    """(Quantity or None, next index) for a number with no qualifier before it: "15",
    "بين ... و" left aside, "5 على الأقل", "عشرات"."""
    number = _number_at(toks, i, lex)
    if number is None:
        vague = _vague_at(toks, i, lex)
        if vague:
            return _build(text, toks, i, vague[1], None, vague[0], None), vague[1]
        return None, i + 1
    value, k = number
    if _excluded(toks, i, k, value, lex):
        return None, k
    joiners = lex.range_joiners - {L.and_}
    second = None if _updating(toks, i, lex) else _range_end(toks, k, value, lex, joiners)
    if second:
        low, high, end = second
        return _build(text, toks, i, end, low, low, high), end
    after = _after_qualifier(toks, k, lex)
    if after and after[0] == "at_least":
        return _build(text, toks, i, after[1], value, value, None), after[2]
    if after:
        return _build(text, toks, i, after[1], value, value, value, True), after[2]
    return _build(text, toks, i, k, value, value, value), k


def _quantity_at(text: str, toks: list[Token], i: int, lex: NumberLexicon):
    """(Quantity or None, index to continue from)."""
    if toks[i].kind == "d":
        chain = _date_chain_end(toks, i)
        if chain:
            return None, chain
    ordinal = _ordinal_end(toks, i, lex) if toks[i].kind == "w" else None
    if ordinal:
        return None, ordinal
    candidates = [q for _, rest in readings(toks[i].text, lex)
                  for q in lex.qualifiers.get(rest, ())]
    for kind, words in sorted(candidates, key=lambda pair: -len(pair[1])):
        j = _match(toks, i, words, lex)
        found = None if j is None else _with_qualifier(text, toks, i, kind, j, lex)
        if found is not None:
            return found
    return _bare(text, toks, i, lex)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start and non-overlapping."""
    toks = tokenize(text)
    if not any(t.kind == "d" or may_start(t.text) for t in toks):
        return []
    lex = lexicon()
    out, i = [], 0
    while i < len(toks):
        if toks[i].kind != "d" and not may_start(toks[i].text):
            i += 1
            continue
        quantity, nxt = _quantity_at(text, toks, i, lex)
        if quantity:
            out.append(quantity)
        i = max(nxt, i + 1)
    return out


def number_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The number starting at tokens[i] (no qualifier) and the index after it."""
    return _number_at(tokens, i, lexicon())


def parse_number(text: str) -> int | None:
    """A whole expression such as "خمسة عشر" or "1,332" → its value; else None."""
    toks = tokenize(fold(text))
    number = _number_at(toks, 0, lexicon()) if toks else None
    if number and number[1] == len(toks):
        return number[0]
    return None
