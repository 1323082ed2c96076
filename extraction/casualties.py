"""Killed and wounded figures of a sentence.

A figure counts as killed (wounded) when a killing (wounding) word stands right before
it ("مقتل 15", "أصيب عشرة") or right after it ("15 قتيلا", "سبعة مصابين", "عشرة أشخاص
... مصرعهم"). Figures joined by و in one list are summed (see `casualty_sums`); a figure
after بينهم/منهم is part of an earlier one and ignored, and so is a total, a
series' or a recalled figure, or a combined one (`casualty_scope`); numbers with units (280 كم، 25
عاما، 69 بالمائة) and years are not casualties. Without a number, "مقتل شرطي" is one and
a dual noun ("قتل طفلان") two. Every word is in data/casualties.json.
"""
from __future__ import annotations

from dataclasses import dataclass

from extraction.casualty_scope import (
    combined,
    not_this_incident,
    person,
    subject_of_a_count,
)
from extraction.casualty_sums import combine, coordinated_before
from extraction.casualty_words import (
    Tok,
    Words,
    definite,
    joined,
    lex,
    pattern,
    phrase_at,
    text,
    tokens,
    violent_killing,
    words,
)
from extraction.numbers import find_quantities
from extraction.settings import SETTINGS
from extraction.types import Count

_SUBSET_EXTRA = 2  # tokens a subset ("بينهم 4 أطفال") adds to the window after
_PART_REACH = 3  # tokens after a figure that may hold "بين الجرحى"


@dataclass(frozen=True)
class Casualties:
    killed: Count | None
    wounded: Count | None
    spans: tuple[tuple[int, int], ...] = ()  # where the figures were read


def _is_dual(forms: tuple[str, ...], persons: Words) -> bool:
    """"طفلان", "فلسطينيان", "شرطيين": two people. "-ين" is a dual only on nouns whose
    plural is not "-ين" itself ("مدنيين", "مسلحين" are plurals)."""
    broken = words("broken_plurals")
    for f in forms:
        if len(f) <= 4:
            continue
        stem = f[:-2]
        if f.endswith(text("dual")) and (stem in persons.exact or stem in broken):
            return True
        if f.endswith(text("oblique_dual")) and stem in broken:
            return True
    return False


def _attach(toks: list[Tok], qs: list, start: int) -> None:
    """Each quantity onto the tokens it covers (its offsets are relative to `start`)."""
    cues = lex()
    qi = 0
    prev_word = False
    for t in toks:
        while qi < len(qs) and qs[qi].end + start <= t.start:
            qi += 1
        if qi < len(qs) and qs[qi].start + start < t.end and t.start < qs[qi].end + start:
            t.qty = qs[qi]
            if t.text in words("one") and prev_word:
                t.qty = None  # an adjective: "عائلة واحدة"
        prev_word = t.qty is None and not t.text.isdigit() and not (
            cues["killed_before"].match(t.forms) or cues["wounded_before"].match(t.forms))


def find_casualties(text_: str, start: int = 0, end: int | None = None) -> Casualties:
    """Killed and wounded in folded text[start:end] (one sentence); a sentence that says
    no one was harmed ("لم تسفر عن إصابات") and gives no figure is 0 killed, 0 wounded."""
    end = len(text_) if end is None else end
    found = _figures(text_, start, end)
    if found.killed is None and found.wounded is None \
            and pattern("no_casualties").search(text_, start, end):
        return Casualties(Count(0, 0, 0), Count(0, 0, 0))
    return found


def _figures(text_: str, start: int, end: int) -> Casualties:
    if not pattern("any_cue").search(text_, start, end):
        return Casualties(None, None)
    toks = tokens(text_, start, end)
    if not toks:
        return Casualties(None, None)
    qs = [q for q in find_quantities(text_[start:end])
          if q.best is not None or q.low is not None]
    _attach(toks, qs, start)
    figures: list[tuple[str, int, int, Count]] = []  # (kind, first tok, last tok, count)
    unread: list[tuple[int, int, Count]] = []  # figures no cue classified (yet)
    i = 0
    while i < len(toks):
        if toks[i].qty is not None:
            i, unread = _read_figure(toks, i, figures, unread)
        else:
            _read_word(toks, i, figures)
            i += 1
    return Casualties(*combine(toks, figures))


def _read_figure(toks: list[Tok], i: int, figures: list, unread: list) -> tuple[int, list]:
    """The figure starting at token i, classified (or left unread for a cue after a
    coordinated one): the index after it and the figures still unread."""
    q = toks[i].qty
    j = i
    while j + 1 < len(toks) and toks[j + 1].qty is q:
        j += 1
    kind = _classify(toks, i, j)
    if kind is None and figures and joined(toks, figures[-1][2], i) \
            and _classify(toks, i, j, implicit=True) != "wounded":
        kind = figures[-1][0]  # "مقتل 8 عسكريين و14 إرهابيا"
    count = Count(q.best, q.low, q.high)
    if kind and (combined(toks, i, j) or not_this_incident(toks, i, j)):
        return j + 1, []  # read, and no figure of the incident told
    if kind:
        figures += coordinated_before(toks, unread, i, kind)
        figures.append((kind, i, j, count))
        return j + 1, []
    return j + 1, [*unread, (i, j, count)]


def _read_word(toks: list[Tok], i: int, figures: list) -> None:
    """A figure told without a number: a dual ("قتل طفلان") or one person ("مقتل شرطي",
    "ما أدى إلى مقتله", "إصابة شرطي")."""
    t, cues = toks[i], lex()
    the_two = t.text in words("the_two") and i > 0 \
        and toks[i - 1].text.startswith(definite()) \
        and toks[i - 1].text not in words("weekday_before")  # "المفجرين الاثنين قتلا"
    if the_two or _is_dual(t.forms, cues["person_nouns"]) or t.forms[-1] in words("dual_killed") \
            or _dual_construct(toks, i) or _dual_by_one_of_them(toks, i):
        kind = _classify(toks, i, i, implicit=True)
        if kind:
            figures.append((kind, i, i, Count(2, 2, 2)))
    elif _one_killed(toks, i):
        figures.append(("killed", i, i, Count(1, 1, 1)))
    elif _one_wounded(toks, i):
        figures.append(("wounded", i, i, Count(1, 1, 1)))
    else:
        kind = _one_victim(toks, i)
        if kind:
            figures.append((kind, i, i, Count(1, 1, 1)))


def _dual_by_one_of_them(toks: list[Tok], i: int) -> bool:
    """"إصابة مقيمين أحدهما ... والآخر ...": a noun in -ين/-ان that «one of the two»
    follows is a dual, whatever its plural."""
    if i + 1 >= len(toks) or not set(toks[i + 1].forms) & words("one_of_the_two"):
        return False
    endings = (text("dual"), text("oblique_dual"))
    return any(len(f) > 4 and f.endswith(endings) for f in toks[i].forms)


def _dual_construct(toks: list[Tok], i: int) -> bool:
    """"ضابطا شرطة"، "رجلي أمن": a person noun's dual in construct with its service."""
    if i + 1 >= len(toks) or toks[i + 1].text not in words("construct_complements"):
        return False
    persons, endings = lex()["person_nouns"].exact, words("construct_dual_endings")
    return any(len(f) > 3 and f[-1] in endings and f[:-1] in persons for f in toks[i].forms)


def _one_victim(toks: list[Tok], i: int) -> str | None:
    """A singular victim noun with no number, counted as one by what follows it: a
    figure or victims coordinated ("أسفر عن قتيل وأربعة جرحى"، "قتيل وجرحى") or "واحد";
    not after a figure ("ألف قتيل") nor in "بين قتيل وجريح" (a share, no count)."""
    t = toks[i]
    kind = "killed" if set(t.forms) & words("one_killed_nouns") else \
        "wounded" if set(t.forms) & words("one_wounded_nouns") else None
    if kind is None or i + 1 >= len(toks) or toks[i + 1].brk:
        return None
    if i > 0 and (toks[i - 1].qty is not None or toks[i - 1].text in words("share_before")):
        return None
    nxt, cues = toks[i + 1], lex()
    if nxt.text in words("one"):
        return kind
    if not nxt.text.startswith(text("and")):
        return None
    victims = cues["killed_after"].match(nxt.forms) or cues["wounded_after"].match(nxt.forms)
    return kind if nxt.qty is not None or victims else None


def _one_killed(toks: list[Tok], i: int) -> bool:
    """"ما أدى إلى مقتله", "مقتل شرطي": one person killed."""
    t, cues = toks[i], lex()
    if t.brk:
        return False
    if cues["killed_one"].match(t.forms) and (i == 0 or toks[i - 1].qty is None):
        return True
    if i == 0 or not person(t) or subject_of_a_count(toks, i):
        return False
    # «مقتل زعيم التنظيم» is one; «وفاة زعيم الحركة» is no incident's figure
    before = violent_killing() if cues["rank_nouns"].match(t.forms) else cues["killed_before"]
    if t.text.startswith(definite()):  # "وقتل المهاجم"، "استشهاد الرضيع": that one person
        return _phrase_before(toks, i, before) and not _figure_next(toks, i) \
            and not _charged(toks, i)
    return _phrase_before(toks, i, before) or _passive_after(toks, i) \
        or _object_of_killing(toks, i)


_SUBJECT_WORDS = 3  # words of a killing verb's subject before its object


def _object_of_killing(toks: list[Tok], i: int) -> bool:
    """"قتلت قوات الأمن مسلحا"، "قتل الجيش الأحد فلسطينيا": an indefinite person noun in
    the accusative after an active killing verb and its subject, with no figure."""
    accusative = text("accusative")
    if not toks[i].text.endswith(accusative) or _figure_next(toks, i) or (
            person(toks[i - 1]) and toks[i - 1].text.endswith(accusative)):
        return False  # «إرهابيا مسلحا»: the adjective of the one counted before
    for k in range(i - 2, max(-1, i - 2 - _SUBJECT_WORDS), -1):
        between = toks[k + 1:i + 1]
        if any(t.brk or t.qty is not None for t in between):
            return False
        if set(toks[k].forms) & words("active_killing"):
            return True
    return False


def _one_wounded(toks: list[Tok], i: int) -> bool:
    """"أسفر عن إصابة شرطي", "وأصيب جندي بجروح": one person wounded (an indefinite
    person noun right after a wounding word; "إصابة الجندي" may name one told before;
    not a rank: «أصابت زعيم التمرد بنوبة غضب»)."""
    t = toks[i]
    if t.brk or i == 0 or not person(t) or t.text.startswith(definite()) \
            or lex()["rank_nouns"].match(t.forms):
        return False
    return _phrase_before(toks, i, lex()["wounded_before"]) and not _figure_next(toks, i)


def _charged(toks: list[Tok], i: int) -> bool:
    """"المتهم بقتل الطفل"، "قضية قتل الطفل": a charge or a case, not a death told."""
    charges = lex()["charge_before"]
    return any(charges.match(t.forms) for t in toks[max(0, i - 3):i])


def _figure_next(toks: list[Tok], i: int) -> bool:
    """"مقتل الجنود الثلاثة"، "مقتل المسلح و4 آخرين": the noun heads a counted figure."""
    return any(t.qty is not None for t in toks[i + 1:i + 3])


def _passive_after(toks: list[Tok], i: int) -> bool:
    """"إن شخصا قتل وأصيب آخر"، "مستوطنا قتل في الهجوم"، "جنديا تركيا قتل": a single
    person (an adjective of origin may follow), then a passive killing verb with no
    object of its own."""
    if i > 0 and not toks[i].brk and person(toks[i - 1]):
        return False  # the adjective of the noun before: "شاب فلسطيني"
    v = i + 1
    if v < len(toks) and _origin(toks[v]) and (i == 0 or toks[i - 1].qty is None):
        v += 1
    if v >= len(toks) or toks[v].brk or toks[v].text not in words("passive_killed"):
        return False
    nxt = toks[v + 1] if v + 1 < len(toks) else None
    return nxt is None or nxt.brk or nxt.text.startswith(text("and")) \
        or nxt.text in words("passive_followers")


def _origin(tok: Tok) -> bool:
    """An adjective of origin after a person noun: "فلسطيني"، "تركيا"."""
    return not tok.brk and len(tok.text) > 3 and tok.text.endswith(tuple(words("origin_endings")))


_TIME_WORDS = 2  # time words that may stand between a killing word and its victim


def _phrase_before(toks: list[Tok], i: int, cue: Words) -> bool:
    """Does a cue end right before token i (no figure, no punctuation in between; time
    words may stand between: «قتل اليوم القيادي»)?"""
    first = i
    while first > 1 and i - first < _TIME_WORDS and not toks[first].brk \
            and toks[first - 1].text in words("time_between"):
        first -= 1
    if first < i and toks[first].brk:
        return False
    i = first
    for n in range(1, 4):
        k = i - n
        if k >= 0 and not toks[i].brk and toks[i - 1].qty is None \
                and phrase_at(toks, k, cue) == n:
            return True
    return False


def _no_casualty(toks: list[Tok], i: int, j: int) -> bool:
    """A unit or percent after the figure, a "not a count" word or a subset before it."""
    cues = lex()
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and not nxt.brk and (cues["units"].match(nxt.forms) or nxt.text == "%"):
        return True
    if toks[i].brk or i == 0:
        return False
    prev = toks[i - 1]
    return cues["before_not"].match((prev.text,)) or cues["subset"].match(prev.forms) or (
        i > 1 and cues["subset"].match(toks[i - 2].forms))


def _part_of_given(toks: list[Tok], i: int, j: int) -> bool:
    """A breakdown of a figure already given: "من بين القتلى ثلاثة موظفين", "30 طفلا بين
    الجرحى", "اثنين من القتلى"."""
    victims = words("victims")
    if i >= 2 and toks[i - 2].text in words("breakdown_of") and set(toks[i - 1].forms) & victims:
        return True
    for k in range(j + 1, min(len(toks) - 1, j + _PART_REACH)):
        if toks[k].text in words("among") and set(toks[k + 1].forms) & victims and k > j + 1:
            return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and nxt.text == text("of") and j + 2 < len(toks) \
        and toks[j + 2].text in victims


def _cue_after(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """"15 قتيلا"، "عشرة أشخاص على الأقل مصرعهم": the kind and where its cue is; a subset
    in between is skipped: "12 مدنيا بينهم 4 أطفال قتلوا"; a negation ends the search: the
    cue after it is denied ("9 ركاب ... دون تسجيل أي إصابات")."""
    cues = lex()
    k, limit = j + 1, j + 1 + SETTINGS.cue_after
    while k < min(len(toks), limit):
        tok = toks[k]
        if tok.brk or tok.text in words("negations"):
            break
        if tok.qty is not None:
            if not cues["subset"].match(toks[k - 1].forms):
                break
            limit += _SUBSET_EXTRA
        elif cues["subset"].match(tok.forms):
            limit += _SUBSET_EXTRA
        elif cues["killed_after"].match(tok.forms):
            return "killed", k
        elif cues["wounded_after"].match(tok.forms):
            return "wounded", k
        k += 1
    return None


def _cue_before(toks: list[Tok], i: int) -> tuple[str, bool] | None:
    """The nearest cue before the figure within the window, no punctuation in between,
    and whether it ends right before the figure."""
    cues = lex()
    for k in range(i - 1, max(-1, i - 1 - SETTINGS.cue_before), -1):
        if toks[k + 1].brk or toks[k].qty is not None or cues["captured_before"].match(
                toks[k].forms):
            break  # "قتل واعتقل 16": the figure is the captured
        n = phrase_at(toks, k, cues["wounded_before"])
        if n:
            return "wounded", k + n == i
        n = phrase_at(toks, k, cues["killed_before"])
        if n:
            return "killed", k + n == i
    return None


def _opened_by_killing(toks: list[Tok], i: int) -> bool:
    """A sentence opening with "وقتل": its first figure, however far ("وقتل الخميس، وفق
    المرصد، 8 مدنيين")."""
    captured = lex()["captured_before"]
    return toks[0].forms[-1] in words("opening_verbs") and not any(
        t.qty is not None or captured.match(t.forms) for t in toks[:i])


def _cue_kind(toks: list[Tok], i: int, j: int) -> str | None:
    """The cue after the figure, else the one before it; a cue right before the figure
    wins over a different one further on, which tells another clause: "وأصيب اثنان
    آخران في هجوم شنه شاب قتل لاحقا" (wounded)."""
    after, before = _cue_after(toks, j), _cue_before(toks, i)
    if after and before and after[0] != before[0] and before[1] and after[1] > j + 2:
        return before[0]
    return after[0] if after else before[0] if before else None


def _classify(toks: list[Tok], i: int, j: int, implicit: bool = False) -> str | None:
    """'killed', 'wounded' or None for the figure spanning tokens i..j."""
    if not implicit and _no_casualty(toks, i, j):
        return None
    if _part_of_given(toks, i, j):
        return None
    kind = _cue_kind(toks, i, j)
    if kind:
        return kind
    if implicit and i > 0 and lex()["killed_after"].match(toks[i].forms):
        return "killed"
    if not implicit and _opened_by_killing(toks, i):
        return "killed"
    return None
