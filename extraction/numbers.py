"""Quantities in folded Arabic text: digits and number words, with their qualifiers.

"ما لا يقل عن خمسة" is Quantity(best=5, low=5, high=None); "بين 10 و15" is 10/10/15;
"نحو عشرين" is 20/20/20 approximate; "عشرات" is None/24/None (GUIDELINES.md, Fields).
Input is text folded by `extraction.normalise.fold`; spans are offsets into it.
The lexicon lives in data/numbers.json.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extraction.normalise import fold

DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(
    r"[0-9][0-9,.\u066B\u066C]*[0-9]|[0-9]"  # digits, with thousands/decimal separators
    r"|[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+"  # Arabic letters
    r"|[A-Za-z]+|\S"  # Latin words; any other single character
)
_SCALES = ("thousand", "thousands", "million", "millions", "billion")
_ARTICLE = ("ال", "وال", "بال", "فال", "كال", "لل")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int  # span of the whole expression incl. qualifier
    best: int | None
    low: int | None
    high: int | None
    text: str  # the matched text
    approximate: bool = False  # نحو/حوالي/قرابة...


@dataclass(frozen=True)
class Token:
    """A word, a digit run (with its separators) or one other character."""

    start: int
    end: int
    text: str
    kind: str  # "d" digits, "w" word, "p" anything else


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[str, int]]
    teen_only: frozenset[str]
    fractions: dict[str, float]
    vague: dict[str, int]
    vague_multipliers: dict[str, int]
    ordinals: frozenset[str]
    prefixes: tuple[str, ...]
    not_numbers: frozenset[str]
    qualifiers: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # by first word
    after_qualifiers: tuple[tuple[str, tuple[str, ...]], ...]
    range_joiners: frozenset[str]
    update_verbs: frozenset[str]
    percent_after: tuple[tuple[str, ...], ...]
    year_before: frozenset[str]
    year_like_before: frozenset[str]
    year_after: frozenset[str]
    not_count_before: frozenset[str]
    month_words: frozenset[str]


def _phrases(groups: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, folded words) pairs, longest phrase first."""
    pairs = {(kind, tuple(fold(p).split())) for kind, items in groups.items() for p in items}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[1]), pair)))


def _by_first_word(pairs):
    index: dict[str, list] = {}
    for kind, words in pairs:
        index.setdefault(words[0], []).append((kind, words))
    return {first: tuple(items) for first, items in index.items()}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads((DATA / "numbers.json").read_text(encoding="utf-8"))
    months = json.loads((DATA / "months.json").read_text(encoding="utf-8"))
    words = {
        fold(form): (kind, value)
        for kind, forms in raw["words"].items()
        for form, value in forms.items()
    }
    month_names = [*months["months"], *months["hijri"]]
    return _Lexicon(
        words=words,
        teen_only=frozenset(fold(w) for w in raw["teen_only"]),
        fractions={fold(k): v for k, v in raw["fractions"].items()},
        vague={fold(k): v for k, v in raw["vague"].items()},
        vague_multipliers={fold(k): v for k, v in raw["vague_multipliers"].items()},
        ordinals=frozenset(fold(w) for w in raw["ordinals"]),
        prefixes=tuple(sorted((fold(p) for p in raw["prefixes"]), key=len, reverse=True)),
        not_numbers=frozenset(fold(w) for w in raw["not_numbers"]),
        qualifiers=_by_first_word(_phrases(raw["qualifiers"])),
        after_qualifiers=_phrases(raw["after_qualifiers"]),
        range_joiners=frozenset(fold(w) for w in raw["range_joiners"]),
        update_verbs=frozenset(fold(w) for w in raw["update_verbs"]),
        percent_after=tuple(tuple(fold(p).split()) for p in raw["percent_after"]),
        year_before=frozenset(fold(w) for w in raw["year_before"]),
        year_like_before=frozenset(fold(w) for w in raw["year_before_if_year_like"]),
        year_after=frozenset(fold(w) for w in raw["year_after"]),
        not_count_before=frozenset(fold(w) for w in raw["not_count_before"]),
        month_words=frozenset(fold(m).split()[0] for m in month_names),
    )


def tokenize(text: str) -> list[Token]:
    """Words, digit runs and single other characters; whitespace only between them."""
    out = []
    for m in _TOKEN.finditer(text):
        s = m.group()
        kind = "d" if s[0].isascii() and s[0].isdigit() else "w" if s[0].isalpha() else "p"
        out.append(Token(m.start(), m.end(), s, kind))
    return out


def _digit_value(s: str) -> float | None:
    """1,332 / 1.332 / 1٬332 → 1332; 1.5 / 1٫5 → 1.5; anything else ambiguous → None."""
    if "\u066B" in s:  # Arabic decimal separator
        whole, _, frac = s.partition("\u066B")
        whole = whole.replace("\u066C", "").replace(",", "")
        return float(f"{whole}.{frac}") if whole.isdigit() and frac.isdigit() else None
    parts = re.split(r"[,.\u066C]", s)
    if len(parts) == 1:
        return int(s)
    seps = {c for c in s if not c.isdigit()}
    if len(seps) == 1 and all(len(p) == 3 for p in parts[1:]):
        return int("".join(parts))
    if len(parts) == 2 and seps <= {".", ","}:
        return float(f"{parts[0]}.{parts[1]}")
    return None


def _strip(text: str, lex: _Lexicon) -> tuple[tuple[str, str], ...]:
    """(prefix, rest) readings of a word: bare first, then with a clitic prefix."""
    return _readings(text, lex.prefixes)


@lru_cache(maxsize=8192)
def _readings(text: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    stripped = ((p, text[len(p):]) for p in prefixes if text.startswith(p) and len(text) > 2)
    return (("", text), *stripped)


def _lookup(text: str, lex: _Lexicon) -> tuple[tuple[str, int], str] | None:
    if text in lex.not_numbers:
        return None
    for prefix, rest in _strip(text, lex):
        entry = lex.words.get(rest)
        if entry:
            return entry, prefix
    return None


def _step(kind: str, value: int, state: tuple[int, int, str | None, int], joined: bool):
    """Add one number word to (total, current, last kind, last scale); None if it can't."""
    total, current, last, scale = state
    if last is None:
        if kind in ("thousands", "millions"):
            return None  # a bare plural is vague ("آلاف"), not a number
        if kind in _SCALES or kind in ("thousand2", "million2"):
            return value, 0, kind, value
        return 0, value, kind, scale
    if not joined:
        if kind == "ten" and last == "unit" and current % 100 < 10:
            return total, current + 10, "teen", scale
        if kind == "hundred" and last == "unit" and current < 10:
            return total, current * 100, "hundreds", scale
        if kind in _SCALES and current > 0 and (scale == 0 or value < scale):
            return total + current * value, 0, kind, value
        return None
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


def _words_at(toks: list[Token], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    state: tuple[int, int, str | None, int] = (0, 0, None, 0)
    j, pending_teen = i, False
    while j < len(toks) and toks[j].kind == "w":
        tok, nxt, joined = toks[j], j + 1, False
        if state[2] is not None and tok.text == "و" and nxt < len(toks):
            found = (lex.words.get(toks[nxt].text), "")
            nxt, joined = nxt + 1, True
        else:
            found = _lookup(tok.text, lex)
            if found and state[2] is not None and found[1]:
                if found[1] != "و":
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


def _definite_teen(toks: list[Token], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    """"الاثني عشر", "الخمسة عشر": a definite teen is still a count."""
    text = toks[i].text
    if not text.startswith("ال") or i + 1 >= len(toks) or toks[i + 1].text not in ("عشر", "عشره"):
        return None
    entry = lex.words.get(text[2:])
    return (entry[1] + 10, i + 2) if entry and entry[0] == "unit" else None


def _fraction_of_scale(toks: list[Token], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    """"نصف مليون" → 500000, "ربع مليون" → 250000."""
    part = next((lex.fractions[r] for _, r in _strip(toks[i].text, lex) if r in lex.fractions), 0)
    scale = lex.words.get(toks[i + 1].text) if part and i + 1 < len(toks) else None
    if scale and scale[0] in ("thousand", "million", "billion"):
        return round(part * scale[1]), i + 2
    return None


def _number_at(toks: list[Token], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    """The value of the number starting at token i and the index after it."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.kind == "w":
        teen = _definite_teen(toks, i, lex) or _fraction_of_scale(toks, i, lex)
        return teen or _words_at(toks, i, lex)
    if tok.kind != "d":
        return None
    value, j = _digit_value(tok.text), i + 1
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


def _match(toks: list[Token], i: int, words: tuple[str, ...], lex: _Lexicon) -> int | None:
    """Index after the phrase `words` at token i (first word may carry a clitic)."""
    if i + len(words) > len(toks):
        return None
    first = toks[i].text
    if not any(rest == words[0] for _, rest in _strip(first, lex)):
        return None
    for k, word in enumerate(words[1:], start=i + 1):
        if toks[k].text != word:
            return None
    return i + len(words)


def _glued(a: Token, b: Token) -> bool:
    return a.end == b.start


def _excluded(toks: list[Token], i: int, j: int, value: int, lex: _Lexicon) -> bool:
    """Years, days of a written date, times, percentages: not quantities."""
    first, last = toks[i], toks[j - 1]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    if first.kind == "d" and prev and prev.text in "/:" and _glued(prev, first):
        return True
    if last.kind == "d" and nxt and nxt.text in "/:" and _glued(last, nxt):
        return True
    if nxt and nxt.text in lex.year_after and _glued(last, nxt):
        return True
    if any(_match(toks, j, p, lex) for p in lex.percent_after):
        return True
    if prev and prev.kind == "w":
        base = _strip(prev.text, lex)
        if any(rest in lex.year_before or rest in lex.not_count_before for _, rest in base):
            return True
        yearish = first.kind == "d" and len(first.text) == 4 and 1900 <= value <= 2100
        if yearish and any(rest in lex.year_like_before for _, rest in base):
            return True
        if first.kind == "d" and any(rest in lex.month_words for _, rest in base):
            return True
    if nxt and last.kind == "d" and nxt.kind == "w":
        return any(rest in lex.month_words for _, rest in _strip(nxt.text, lex))
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


def _ordinal_end(toks: list[Token], i: int, lex: _Lexicon) -> int | None:
    text = toks[i].text
    bases = [text] + [text[len(a):] for a in _ARTICLE if text.startswith(a)]
    if not any(b in lex.ordinals for b in bases):
        return None
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return i + 2 if nxt in ("عشر", "عشره") else i + 1


def _vague_at(toks: list[Token], i: int, lex: _Lexicon) -> tuple[int, int] | None:
    text = toks[i].text
    bases = [rest for _, rest in _strip(text, lex)]
    bases += [b[2:] for b in bases if b.startswith("ال")]
    low = next((lex.vague[b] for b in bases if b in lex.vague), None)
    if low is None:
        return None
    j = i + 1
    if j < len(toks) and toks[j].text in lex.vague_multipliers:
        low, j = low * lex.vague_multipliers[toks[j].text], j + 1
    return low, j


def _range_end(toks: list[Token], k: int, low: int, lex: _Lexicon, joiners: frozenset[str]):
    """(low, high, end) when a joiner and a larger number follow at token k; the low end
    takes the high end's scale word ("بين 3 و4 آلاف" is 3000-4000)."""
    if k >= len(toks):
        return None
    tok = toks[k]
    if tok.text in joiners:
        second = _number_at(toks, k + 1, lex)
    elif "و" in joiners and tok.kind == "w" and tok.text.startswith("و"):
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


def _updating(toks: list[Token], i: int, lex: _Lexicon) -> bool:
    """"ارتفعت الحصيلة من 10 إلى 15" is a toll update, not a range."""
    return any(t.text in lex.update_verbs for t in toks[max(0, i - 4):i])


def _after_qualifier(toks: list[Token], k: int, lex: _Lexicon) -> tuple[str, int, int] | None:
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


def _quantity_at(text: str, toks: list[Token], i: int, lex: _Lexicon):
    """(Quantity or None, index to continue from)."""
    if toks[i].kind == "d":
        chain = _date_chain_end(toks, i)
        if chain:
            return None, chain
    ordinal = _ordinal_end(toks, i, lex) if toks[i].kind == "w" else None
    if ordinal:
        return None, ordinal
    candidates = [q for _, rest in _strip(toks[i].text, lex) for q in lex.qualifiers.get(rest, ())]
    for kind, words in sorted(candidates, key=lambda pair: -len(pair[1])):
        j = _match(toks, i, words, lex)
        if j is None:
            continue
        waw = toks[j].kind == "w" and toks[j].text.startswith("و") if j < len(toks) else False
        number = None if waw and toks[j].text not in lex.words else _number_at(toks, j, lex)
        if number is None:
            vague = _vague_at(toks, j, lex) if j < len(toks) else None
            if vague:
                return _build(text, toks, i, vague[1], None, vague[0], None), vague[1]
            continue
        value, k = number
        if _excluded(toks, j, k, value, lex):
            return None, k
        if kind in ("between", "from"):
            joiners = lex.range_joiners if kind == "between" else frozenset({"الي", "حتي"})
            second = None if _updating(toks, i, lex) else _range_end(toks, k, value, lex, joiners)
            if second:
                low, high, end = second
                return _build(text, toks, i, end, low, low, high), end
            continue
        if kind in ("at_least", "more_than"):
            return _build(text, toks, i, k, value, value, None), k
        if kind == "approx":
            return _build(text, toks, i, k, value, value, value, True), k
        return _build(text, toks, i, k, value, None, value), k  # up_to
    number = _number_at(toks, i, lex)
    if number is None:
        vague = _vague_at(toks, i, lex)
        if vague:
            return _build(text, toks, i, vague[1], None, vague[0], None), vague[1]
        return None, i + 1
    value, k = number
    if _excluded(toks, i, k, value, lex):
        return None, k
    joiners = lex.range_joiners - {"و"}
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


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start and non-overlapping."""
    lex, toks = _lexicon(), tokenize(text)
    out, i = [], 0
    while i < len(toks):
        quantity, nxt = _quantity_at(text, toks, i, lex)
        if quantity:
            out.append(quantity)
        i = max(nxt, i + 1)
    return out


def number_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The number starting at tokens[i] (no qualifier) and the index after it."""
    return _number_at(tokens, i, _lexicon())


def parse_number(text: str) -> int | None:
    """A whole expression such as "خمسة عشر" or "1,332" → its value; else None."""
    toks = tokenize(fold(text))
    number = _number_at(toks, 0, _lexicon()) if toks else None
    if number and number[1] == len(toks):
        return number[0]
    return None
