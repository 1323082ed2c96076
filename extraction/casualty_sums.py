"""How a sentence's casualty figures add up: figures joined by و in one list are summed
("8 عسكريين و14 إرهابيا" = 22, "ثلاثة عسكريين ... وجندي ... وجندي" = 5, an attacker
"إضافة إلى الانتحاري" + 1, the dead named one after another "العريف X، والجندي Y" = 2);
separate killed figures are the sides of one incident and add up unless they repeat one
figure; of separate wounded figures the largest is the toll."""
from __future__ import annotations

from dataclasses import replace

from extraction.casualty_words import (
    Tok,
    definite,
    joined,
    lex,
    phrase_at,
    sides,
    text,
    words,
)
from extraction.types import Count

_SINGLES_REACH = 8  # tokens after a figure that may add "وجندي"
_NAMES_REACH = 24  # tokens of a list of the named dead: "العريف X، والجندي أول Y، والجندي Z"
_ATTACKER_REACH = 8  # tokens after a figure that may add "إضافة إلى الانتحاري"
_SIDE_REACH = 3  # tokens after a figure that may name whose dead it counts
_OWN = "one:"  # a side told by a one-person figure's own noun (`_own_side`)
ATTACKER = "attacker"  # the attacker's own death: every death of the incident counts


def add(a: Count | None, b: Count) -> Count:
    """The two figures together; its sides are known when both figures' are."""
    if a is None:
        return b
    best = a.best + b.best if a.best is not None and b.best is not None else None
    low = (a.low or 0) + (b.low or 0) if a.low is not None or b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    both = a.sides | b.sides
    return Count(best, low, high, both if a.sides and b.sides else both & {ATTACKER})


def other_side(a: Count | None, b: Count | None) -> bool:
    """Are both figures known to count different sides ("4 من الشرطة" / "4 مسلحين"), or
    is one the attacker's own death and the other a toll without it ("أسفر عن قتيل" ...
    "وقتل المهاجم")?"""
    if a is None or b is None:
        return False
    if _attacker_alone(a) != _attacker_alone(b):
        return ATTACKER not in (b.sides if _attacker_alone(a) else a.sides)
    sa, sb = a.sides - {ATTACKER}, b.sides - {ATTACKER}
    return bool(sa) and bool(sb) and sa.isdisjoint(sb)


def _attacker_alone(c: Count) -> bool:
    """The figure is the death of the attacker alone ("وقتل المهاجم"، "قتل الانتحاري")."""
    return c.sides == {ATTACKER} and c.best == 1


def side_of(toks: list[Tok], j: int) -> str | None:
    """Whose dead the figure ending at token j counts, from the noun after it ("31
    عسكريا", "اثنين من عناصر الميليشيات"); None when the text does not say."""
    table = sides()
    for t in toks[j + 1:j + 1 + _SIDE_REACH]:
        if t.brk or t.qty is not None:
            return None
        for side, nouns in table.items():
            if nouns.match(t.forms):
                return side
        if t.text not in words("side_skips"):
            return None
    return None


def _own_side(toks: list[Tok], i: int, j: int) -> str | None:
    """Whose death a figure told by its noun alone counts ("مقتل شرطي"، "مستوطنا قتل"):
    the noun's side, else, when the noun is the subject of its own passive verb, the noun
    itself, so that two such deaths of different nouns in one sentence ("مستوطنا قتل ...
    شنه شاب قتل لاحقا") are two and one told twice is one."""
    if i != j or toks[i].qty is not None or lex()["killed_one"].match(toks[i].forms):
        return None  # "مصرعه" tells again the death of a person named before it
    forms = toks[i].forms
    if lex()["single_attacker"].match(forms):
        return ATTACKER  # kept beyond the sentence: the attacker's death adds to the toll
    for side, nouns in sides().items():
        if nouns.match(forms):
            return _OWN + side
    if not any(t.text in words("passive_killed") for t in toks[i + 1:i + 3]):
        return None  # "سقوط شخص ... سقوط عامل": one person, named twice
    noun = forms[-1]
    return _OWN + (noun[:-1] if noun.endswith("ا") and len(noun) > 3 else noun)


def _sentence_only(count: Count | None) -> Count | None:
    """The count without the sides `_own_side` gave: they tell persons apart in one
    sentence only (another sentence may name the same person otherwise)."""
    if count is None or not any(s.startswith(_OWN) for s in count.sides):
        return count
    return replace(count, sides=frozenset(s for s in count.sides if not s.startswith(_OWN)))


def _bigger(a: Count | None, b: Count | None) -> Count | None:
    if a is None or b is None:
        return a or b
    key = lambda c: (c.best if c.best is not None else (c.low or 0))  # noqa: E731
    return b if key(b) > key(a) else a


def coordinated_before(toks: list[Tok], unread: list, i: int, kind: str) -> list:
    """Figures no cue classified, coordinated right before one that is: "56 شرطيا و7
    مواطنين أصيبوا" (both wounded, 63)."""
    out = []
    first = i
    for a, b, count in reversed(unread):
        if not joined(toks, b, first):
            break
        out.insert(0, (kind, a, b, count))
        first = a
    return out


def combine(toks: list[Tok], figures: list) -> tuple[Count | None, Count | None, tuple]:
    """(killed, wounded, spans) of a sentence's classified figures."""
    totals: dict[str, Count | None] = {"killed": None, "wounded": None}
    spans = []
    group: Count | None = None
    prev = None
    for kind, i, j, count in figures:
        spans.append((toks[i].start, toks[j].end))
        side = side_of(toks, j) or (_own_side(toks, i, j) if count.best == 1 else None)
        count = replace(count, sides=frozenset({side}) if side else frozenset())
        if prev is not None and prev[0] == kind and joined(toks, prev[2], i):
            group = add(group, count)
        else:
            if prev is not None:
                totals[prev[0]] = _settle(prev[0], totals[prev[0]], group)
            group = count
        # singular person nouns coordinated after the figure: "... وجندي بريطاني وجندي"
        extra = _singles(toks, j)
        if kind == "killed":
            extra += _plus_attacker(toks, j) + _named_more(toks, i, j)
        if extra:
            group = add(group, Count(*(3 * [extra]), group.sides))
        prev = (kind, i, j)
    if prev is not None:
        totals[prev[0]] = _settle(prev[0], totals[prev[0]], group)
    killed = _sentence_only(totals["killed"])
    if killed is not None and killed.best == 0 and killed.low == 0:
        killed = None
    return killed, _sentence_only(totals["wounded"]), tuple(spans)


def _settle(kind: str, total: Count | None, group: Count | None) -> Count | None:
    """Separate killed figures of one sentence are the sides of one incident and add up
    ("قتل 14 من المتشددين ... أسفرت عن مقتل 8 عسكريين" = 22) unless they repeat one figure
    of one side ("قتل 4 من الشرطة ... فيما قتلت القوات 4 مسلحين" = 8);
    of separate wounded figures the largest is the toll."""
    if total is None or group is None:
        return total or group
    if kind == "killed" and total.best and group.best and (
            total.best != group.best or other_side(total, group)):
        return add(total, group)
    return _bigger(total, group)


def _plus_attacker(toks: list[Tok], j: int) -> int:
    """1 for "... إضافة إلى الانتحاري" / "فضلا عن المهاجم" right after the killed figure
    ending at token j: the attacker died too (GUIDELINES: every death of the incident)."""
    cues = lex()
    for k in range(j + 1, min(len(toks), j + _ATTACKER_REACH)):
        if toks[k].brk and k > j + 1 or toks[k].qty is not None:
            return 0
        n = phrase_at(toks, k, cues["addition"])
        if n and k + n < len(toks) and phrase_at(toks, k + n, cues["single_attacker"]):
            return 1
    return 0


def _singles(toks: list[Tok], j: int) -> int:
    """Count 'وجندي بريطاني' style additions right after the figure ending at token j,
    up to a mark; a breakdown («ثلاثة أشخاص بينهم شرطي ومجند») adds no one."""
    cues = lex()
    return _and_persons(
        toks, j, _SINGLES_REACH,
        stops=lambda t: t.brk or _ends_names(t) or cues["subset"].match(t.forms),
        counts=lambda t: len(t.text) > 2 and cues["person_nouns"].match((t.text[1:],)))


def _named_more(toks: list[Tok], i: int, j: int) -> int:
    """The dead named after the one at token i, each by a definite person noun after و:
    "استشهاد العريف أحمد ...، والجندي أول محمد ...، والجندي أول حسن ..." is three."""
    if i != j or not toks[i].text.startswith(definite()):
        return 0
    return _and_persons(
        toks, j, _NAMES_REACH, stops=_ends_names,
        counts=lambda t: t.text[1:].startswith(definite())
        and lex()["person_nouns"].match(t.forms))


def _and_persons(toks: list[Tok], j: int, reach: int, *, stops, counts) -> int:
    """How many of the `reach` tokens after token j, before one that `stops`, are a
    person told after «و» that `counts`."""
    conj, n = text("and"), 0
    for t in toks[j + 1:j + 1 + reach]:
        if stops(t):
            break
        if t.text.startswith(conj) and counts(t):
            n += 1
    return n


def _ends_names(t: Tok) -> bool:
    """A figure or a killing or wounding word: what follows is another figure's."""
    cues = lex()
    return t.qty is not None or cues["killed_before"].match(t.forms) \
        or cues["wounded_before"].match(t.forms)
