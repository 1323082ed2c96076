"""Skirmishes: «مناوشات» is a protest's word in one country's news and a front line's in
another's. Told with protesters («المناوشات بين المحتجين ووحدات الأمن») it stays a riot;
told with an armed group, a militia, a coalition or an army and no crowd («المناوشات
التي تقوم بها المليشيات الحوثية»، «ويجرون مناوشات خفيفة مع الحوثيين»، «لا زالت
المناوشات موجودة» in a sentence on the army's front), it is a clash.

Word lists: data/triggers.json `skirmish_words` (the trigger words read so) and
`skirmish_sides` (the actor kinds, and the last part of a state force's key, that make
the skirmish armed).
"""
from __future__ import annotations

from functools import cache

from extraction.arabic import fold, readings
from extraction.lexicons import reads
from extraction.participants import crowd_of

_LEX = reads("triggers.json", "skirmish_words", "skirmish_sides")


def skirmish_type(etype: str, live: list, actors: list, sentence: str) -> str:
    """armed_clash for a protest told only by skirmish words beside an armed side and no
    crowd; else `etype`."""
    protests = [t for t in live if t.type == "protest"]
    if etype != "protest" or not protests or not all(_skirmish(t.text) for t in protests):
        return etype
    if any(_armed(a) for a in actors) and not any(_crowd(a) for a in actors) \
            and crowd_of(sentence) is None:
        return "armed_clash"
    return etype


@cache
def _words() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["skirmish_words"])


def _skirmish(word: str) -> bool:
    """Is the (folded) trigger word, its glued letters or article taken off, one of them?"""
    return any(form in _words() for form in readings(word, "trigger"))


def _armed(actor) -> bool:
    sides = _LEX["skirmish_sides"]
    if actor.kind in sides["kinds"]:
        return True
    return actor.kind == "state_force" and (actor.key or "").rsplit(".", 1)[-1] \
        in sides["force_keys"]


def _crowd(actor) -> bool:
    return actor.key == "protesters"
