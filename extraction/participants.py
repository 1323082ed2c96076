"""Participants: a protest's crowd as its party, and no armed group as one.

Protests are told by their crowd more often than by a named group: «خرج آلاف الطلاب»,
«احتشد مئات من العمال». When the earlier stages found no party for a protest and its
evidence names a crowd (a quantity word of `data/crowds.json` followed by who they are)
or describes one (a word only a protesting crowd is described with), the protesters are
its initiator, with the crowd's words as the alias seen in the text. A describing word
in a sentence that tells one person's or one body's act of protest («استقالت الإدارة
احتجاجا»، «قدم شكوى احتجاجا») describes no crowd.

An armed group or a coalition named in a protest's sentence is what the crowd protests
against or demands of («تظاهر أهالي العسكريين المختطفين لدى جبهة النصرة وتنظيم داعش»،
«مطالبين حزب الله بإرسال دعم»), not a protester: it is no party of the protest. State
forces stay as its target (they disperse or clash with the crowd).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from extraction.arabic import alternatives, fold
from extraction.lexicons import reads
from extraction.types import ActorRef, Event

_CROWDS = reads("crowds.json", "quantities", "of", "stops", "marks", "individual_acts",
               "participant")
_CLITICS = "وفب"  # a conjunction or preposition glued to the quantity word
_NOT_PROTESTERS = frozenset({"armed_group", "coalition"})  # actor kinds
_FACED = frozenset({"state_force"})  # actor kinds a protest's crowd faces
_NAMED = _NOT_PROTESTERS | _FACED  # the kinds that change a protest's parties


def _any_word(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<!\S)[{_CLITICS}]?(?:{alternatives(words)})(?![^\W_])")


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    quantity = re.compile(
        rf"(?<!\S)[{_CLITICS}]?((?:{alternatives(_CROWDS['quantities'])})"
        rf"\s+(?:{re.escape(_CROWDS['of'])}\s+)?[^{_CROWDS['stops']}]+)")
    return quantity, _any_word(_CROWDS["marks"]), _any_word(_CROWDS["individual_acts"])


def crowd_of(evidence: str) -> str | None:
    """The crowd phrase of `evidence` ("" for a crowd described, not named; None for no
    crowd). Assumes folding kept the length (no diacritics), checked by the caller."""
    quantity, mark, individual = _patterns()
    folded = fold(evidence)
    found = quantity.search(folded)
    if found:
        return evidence[found.start(1):found.end(1)]
    return "" if mark.search(folded) and not individual.search(folded) else None


def _folds_alike(text: str) -> bool:
    return len(fold(text)) == len(text)


def without_armed_groups(events: list[Event], text: str) -> list[Event]:
    """Each protest without the armed groups and coalitions its sentences name, and with
    the state forces it names as its target (the crowd faces them: «رشق المحتجون وحدات
    التدخل بالحجارة»)."""
    return [replace(e, actors=_protest_parties(e.actors)) if e.type == "protest" else e
            for e in events]


def _protest_parties(actors: Sequence[ActorRef]) -> tuple[ActorRef, ...]:
    """The parties of a protest that names an armed group or a state force: the state
    forces its target, the protesters its initiator (added when no one else is)."""
    if not any(a.kind in _NAMED for a in actors):
        return tuple(actors)
    crowd = _protesters()
    kept = [replace(a, role="target") if a.kind in _FACED else
            replace(a, role="initiator") if a.name == crowd.name else a
            for a in actors if a.kind not in _NOT_PROTESTERS]
    if not any(a.role == "initiator" for a in kept):
        kept.insert(0, crowd)
    return tuple(kept)


def _protesters(alias: str = "") -> ActorRef:
    participant = _CROWDS["participant"]
    return ActorRef(name=participant["name"], role=participant["role"],
                    aliases=(alias,) if alias else (), name_en=participant["name_en"])


def add_crowds(events: list[Event], text: str) -> list[Event]:
    """Each protest without a party takes its crowd, when its evidence names one."""
    out = []
    for event in events:
        evidence = text[event.evidence.start:event.evidence.end]
        if event.type == "protest" and not event.actors and _folds_alike(evidence):
            crowd = crowd_of(evidence)
            if crowd is not None:
                event = replace(event, actors=(_protesters(crowd),))
        out.append(event)
    return out
