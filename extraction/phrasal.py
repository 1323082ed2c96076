"""Phrasal triggers: a verb and its noun with the subject between them («فتح مسلحون النار
على مركز للشرطة»، «أطلقت قوات الاحتلال النار على شاب»، «فتحت قوات النظام نيران
رشاشاتها على مناطق»). The trigger is the verb alone, so that the words after it are read
as its subject and object (`roles`), as for any verb; the noun only licenses it.

Word lists: data/triggers.json `phrasal` (per type: verbs, nouns, metaphors); the reach in
words: settings.py `phrasal_reach`.
"""
from __future__ import annotations

import re
from functools import cache

from extraction.arabic import fold
from extraction.lexicons import reads
from extraction.settings import SETTINGS

_LEX = reads("triggers.json", "phrasal")
_STOP = re.compile(r"[.!?؟\n،,:«»\"]")


_GLUED = "وفب"  # letters glued in front of a phrasal verb («وفتحوا»، «بفتح»)


@cache
def _table() -> tuple[dict[str, str], dict[str, tuple], dict[str, frozenset]]:
    """verb (also with a glued letter) -> type; type -> noun stems; type -> metaphor
    words (all folded)."""
    verbs, nouns, metaphors = {}, {}, {}
    for etype, spec in _LEX["phrasal"].items():
        for v in spec["verbs"]:
            verbs[fold(v)] = etype
            verbs.update({g + fold(v): etype for g in _GLUED})
        nouns[etype] = tuple(fold(n) for n in spec["nouns"])
        metaphors[etype] = frozenset(fold(w) for w in spec["metaphors"])
    return verbs, nouns, metaphors


def phrasal_verb(text: str) -> bool:
    """Is a trigger's text a phrasal verb alone (a shooting that says nothing of whom it
    hit: a base or a patrol makes it a clash, as a plain «هجوم»)?"""
    return " " not in text and text in _table()[0]


def mentions_fire(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold, for some type, a phrasal noun («نار/نيران») and a verb of
    it at all? Most articles do not, and are not tokenised a second time («على», the
    arrest's noun, is in nearly every article; «قبض» is not)."""
    return any(any(text.find(n, start, end) >= 0 for n in nouns)
               and any(text.find(v, start, end) >= 0 for v in verbs) for nouns, verbs in _gates())


@cache
def _gates() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Per type: its noun stems and its verbs, folded (a glued «و/ف/ب» only adds to a verb,
    so the verb is in the text whenever a glued form is)."""
    nouns = _table()[1]
    return tuple((nouns[etype], tuple(fold(v) for v in spec["verbs"]))
                 for etype, spec in _LEX["phrasal"].items())


def find_phrasal(text: str, bounds: list[int], words: list[str]) -> list[tuple]:
    """(start, end, type, text) of each phrasal verb whose noun follows within the reach,
    in the same clause, with a word between them (its subject, «فتح مسلحون النار», or a
    pronoun or day, «فتحوا عليهم نيران») and not as a metaphor or a celebration
    («نيران الانتقادات»، «النار ابتهاجا»).
    Right after the verb («القوات فتحت النار على المهاجمين») the noun makes no trigger: a
    subject before its verb is often the security forces' answer within an incident
    already told. `bounds`, `words`: the tokenised text (word i runs from bounds[2i+1]
    to bounds[2i+2])."""
    verbs, nouns, metaphors = _table()
    found = verbs.keys() & set(words)
    out = []
    for i in [i for i, w in enumerate(words) if w in found]:
        etype = verbs[words[i]]
        first, last = bounds[2 * i + 1], bounds[2 * i + 2]
        for k in range(i + 1, min(i + 1 + SETTINGS.phrasal_reach, len(words))):
            if _STOP.search(text, bounds[2 * k], bounds[2 * k + 1]):
                break  # a clause ends before this word
            if words[k].startswith(nouns[etype]):
                if k > i + 1 and metaphors[etype].isdisjoint(words[k + 1:k + 3]):
                    out.append((first, last, etype, text[first:last]))
                break  # right after the verb («فتحت النار»): the lexicon's phrase, if any
    return out
