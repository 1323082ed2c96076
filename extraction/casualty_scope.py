"""Whose figure is it: a casualty figure the text itself places outside the incident it
tells. Decided by meaning, never by whether figures happen to add up:

- a period total: "مقتل 500 عنصر خلال الأيام الستة الماضية", "منذ بداية العام", "هي حصيلة
  اليومين الماضيين" (a sum of incidents over a period, GUIDELINES: not an event's toll);
- an incident a relative clause places earlier: "للهجوم الذي وقع الشهر الماضي ...
  وأسفر عن مقتل 22";
- a perpetrator's record in a relative clause: "المهاجم الذي تسبب في مقتل 84 شخصا", "الجماعة
  التي قتلت 30 ألفا" — the clause recalls what its head did before; a clause on the
  incident itself ("الانفجار الذي أسفر عن مقتل 18", "القرية التي قتل فيها 20") is the news;
- a series as the cause: "تسبب النزاع بمقتل 20 ألف شخص" (a war, an insurgency);
- the toll of the incident responded to: "... ردا على استهداف البلدة، مما أدى إلى مقتل 87";
- a combined count: "88 قتيلا وجريحا", "مقتل وجرح أربعة" is neither killed nor wounded;
- the sick: "10 ملايين شخص مصابون بمرض الشلل" (an illness after the figure's word);
- the killer: «قتل انتحاري خمسة من عناصر الشرطة» (a person noun that is the verb's
  subject, not one more victim).

Every word is in data/casualties.json.
"""
from __future__ import annotations

import re
from functools import cache

from extraction.casualty_words import (
    Tok,
    Words,
    cue_list,
    definite,
    joined,
    lex,
    phrase_at,
    text,
    words,
)
from extraction.lexicons import reads

_LEX = reads("casualties.json", "total_period", "series", "relative_pronouns",
             "incident_heads", "resumptive", "recalled_time", "own_subject_endings", "illness",
             "period_units", "active_killing", "passive_followers")
_AFTER = 9  # tokens after a figure that may place it in a period
_BEFORE = 6  # tokens before a figure that may name a period, a series or a clause's head
_CLAUSE = 16  # tokens before a figure a relative clause placing it earlier may start
_ILL_REACH = 6  # tokens after a figure to the illness («10 ملايين شخص في العالم مصابون بمرض»)
_SHARE_REACH = 6  # tokens after a figure to «بين قتيل وجريح» ("5 آلاف مدني أفغاني سقطوا بين")


@cache
def _period() -> re.Pattern:
    return re.compile(_LEX["total_period"])


@cache
def _recalled_time() -> re.Pattern:
    return re.compile(_LEX["recalled_time"])


@cache
def _cues(key: str) -> Words:
    return cue_list(_LEX[key])


def _is(tok: Tok, key: str) -> bool:
    return _cues(key).match(tok.forms)


def _window_after(toks: list[Tok], j: int) -> str:
    """The words after the figure up to the next figure not joined to it by و (commas
    crossed): "عشرة قتلى و81 جريحا، هي حصيلة اليومين الماضيين"; past the other kind's
    figure told with it, the words after that one too ("215 قتلوا وجرح 180 آخرون خلال
    أسبوعين": both figures are the fortnight's); a length of time is no next figure
    («6800 قتيل في 15 شهرا»)."""
    out = []
    for k, t in enumerate(toks[j + 1:j + 1 + _AFTER], start=j + 1):
        if t.qty is not None and (t.qty is not toks[k - 1].qty) and not joined(toks, j, k) \
                and not (k + 1 < len(toks) and _is(toks[k + 1], "period_units")):
            if _other_kind(toks, k):
                out.append(_window_after(toks, _figure_end(toks, k)))
            break
        out.append(t.text)
    return " ".join(out)


def _other_kind(toks: list[Tok], k: int) -> bool:
    """The figure at k follows «و» + a casualty word ("قتلوا وجرح 400"، "وأصيب 55"), or
    opens with «و» and a casualty word follows it ("260 مقاتلا قتلوا ومئات جرحوا")."""
    if toks[k - 1].text.startswith(text("and")) and any(
            phrase_at(toks, k - 1, lex()[key]) for key in ("wounded_before", "killed_before")):
        return True
    end = _figure_end(toks, k)
    return toks[k].text.startswith(text("and")) and end + 1 < len(toks) and any(
        lex()[key].match(toks[end + 1].forms) for key in ("wounded_after", "killed_after"))


def _figure_end(toks: list[Tok], k: int) -> int:
    while k + 1 < len(toks) and toks[k + 1].qty is toks[k].qty:
        k += 1
    return k


def _before(toks: list[Tok], i: int, reach: int = _BEFORE) -> list[Tok]:
    """The words of the figure's clause before it, nearest last (no punctuation crossed,
    no other figure)."""
    out: list[Tok] = []
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        if toks[k].qty is not None or toks[k + 1].brk:
            break
        out.insert(0, toks[k])
    return out


def in_period(toks: list[Tok], i: int, j: int) -> bool:
    pattern = _period()
    before = " ".join(t.text for t in _before(toks, i))
    return bool(pattern.search(_window_after(toks, j)) or pattern.search(before))


def recalled_by_relative(toks: list[Tok], i: int) -> bool:
    """The figure is in a relative clause that places its incident in an earlier time
    ("للهجوم الذي وقع الشهر الماضي ... وأسفر عن مقتل 22"), or whose head is not the
    incident (an attacker, a group: "الذي تسبب في مقتل") and which names no place of it
    ("التي قتل فيها")."""
    clause = _before(toks, i, _CLAUSE)
    for n, t in enumerate(clause):
        if t.text in _cues("relative_pronouns").exact and _recalled_time().search(
                " ".join(w.text for w in clause[n + 1:])):
            return True
    before = _before(toks, i)
    for n, t in enumerate(before):
        if t.text in _cues("relative_pronouns").exact:
            k = toks.index(t)
            head = toks[k - 1] if k > 0 else None
            clause = before[n + 1:]
            return not (head is None or _is(head, "incident_heads") or any(
                _is(w, "resumptive") for w in clause))
    return False


def by_series(toks: list[Tok], i: int) -> bool:
    return any(_is(t, "series") for t in _before(toks, i))


def in_response(toks: list[Tok], i: int) -> bool:
    """The figure follows "ردا على" in its sentence: it is the toll of the incident
    responded to ("قصفت القاعدة ردا على استهداف البلدة بالغاز، مما أدى إلى مقتل 87")."""
    cue = lex()["response"]
    return any(phrase_at(toks, k, cue) for k in range(i))


def ill(toks: list[Tok], j: int) -> bool:
    """«10 ملايين شخص مصابون بمرض الشلل»: the figure counts the sick, not the wounded."""
    for t in toks[j + 1:j + 1 + _ILL_REACH]:
        if t.brk:
            return False
        if _is(t, "illness"):
            return True
    return False


def not_this_incident(toks: list[Tok], i: int, j: int) -> bool:
    """Is the figure spanning tokens i..j a total, a recalled one, the toll of the
    incident responded to, or a count of the sick?"""
    return in_period(toks, i, j) or by_series(toks, i) or recalled_by_relative(toks, i) \
        or in_response(toks, i) or ill(toks, j)


def combined(toks: list[Tok], i: int, j: int) -> bool:
    """"70 قتيلا وجريحا", "مقتل وإصابة 20": one figure of killed and wounded together."""
    cues = lex()
    pairs = ((cues["killed_after"], cues["wounded_after"]),
             (cues["wounded_after"], cues["killed_after"]))
    nxt = toks[j + 2] if j + 2 < len(toks) else None
    if nxt is not None and not nxt.brk and nxt.text.startswith(text("and")) and any(
            a.match(toks[j + 1].forms) and b.match(nxt.forms) for a, b in pairs):
        return True
    if _shared(toks, j, pairs):
        return True
    if i < 2 or toks[i].brk or toks[i - 1].brk or not toks[i - 1].text.startswith(text("and")):
        return False
    if any(t.qty is not None or person(t) for t in toks[max(0, i - 4):i - 2]):
        return False  # "مستوطنا قتل وأصيب اثنان": the first verb has its own subject
    if toks[i - 2].text.endswith(tuple(_LEX["own_subject_endings"])):
        return False  # "24 شخصا على الأقل قتلوا وأصيب 55": so has a plural verb
    kinds = ((cues["killed_before"], cues["wounded_before"]),
             (cues["wounded_before"], cues["killed_before"]))
    return any(phrase_at(toks, i - 2, a) and phrase_at(toks, i - 1, b) for a, b in kinds)


def _shared(toks: list[Tok], j: int, pairs) -> bool:
    """"سقط أكثر من 250 شخصا بين قتيل وجريح": the figure is shared between the dead and
    the wounded (a word of share_before, then the two victim nouns)."""
    for k in range(j + 1, min(len(toks) - 2, j + 1 + _SHARE_REACH)):
        if toks[k].brk or toks[k].qty is not None:
            return False
        if toks[k].text in words("share_before"):
            a, b = toks[k + 1], toks[k + 2]
            return not b.brk and b.text.startswith(text("and")) and any(
                x.match(a.forms) and y.match(b.forms) for x, y in pairs)
    return False


def person(tok: Tok) -> bool:
    """A person noun, also in the accusative ("مستوطنا")."""
    nouns = lex()["person_nouns"]
    return nouns.match(tok.forms) or nouns.match(tuple(f[:-1] for f in tok.forms
                                                       if f.endswith("ا")))


_SUBJECT_REACH = 3  # words between a killing verb's one-person subject and its figure


def subject_of_a_count(toks: list[Tok], i: int) -> bool:
    """«قتل انتحاري خمسة من عناصر الشرطة»، «يقتل انتحاري ثلاثة جنود»، «قتل انتحاري يقود
    دراجة نارية خمسة»: a person noun right after an active killing verb is its subject
    when a figure follows it in the same clause, not a victim; «قتل شخص وأصيب خمسة»،
    «قتل جندي في هجوم أسفر عن 3 جرحى» tell one death (an «و» or a passive's preposition
    comes first)."""
    if i == 0 or toks[i].text.startswith(definite()) \
            or not set(toks[i - 1].forms) & words("active_killing"):
        return False
    for tok in toks[i + 1:i + 2 + _SUBJECT_REACH]:
        if tok.brk or tok.text.startswith(text("and")) \
                or tok.text in words("passive_followers"):
            return False
        if tok.qty is not None:
            return True
    return False
