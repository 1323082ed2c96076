"""Air strikes told by their aircraft: a strike verb that names no weapon is an air strike
when an aircraft or a party told as its aircraft struck («قصفت طائرات الجيش الليبي
مواقع»، «قصفت الطائرات مديرية كرش»), a targeting verb whose subject is an aircraft tells
one where no other word does («استهدف الطيران الحربي بلدة ...»), and blasts that name no
bomb, told beside an air strike, are the strike's. Word lists: data/triggers.json
(aircraft_nouns, strike_verbs, targeting_verbs, blast_words)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from extraction.arabic import fold
from extraction.lexicons import reads
from extraction.trigger_forms import forms, stem_in

if TYPE_CHECKING:
    from extraction.triggers import Trigger

_LEX = reads("triggers.json", "aircraft_nouns", "strike_verbs", "blast_words",
             "targeting_verbs")
_STRUCK = ("shelling", "armed_clash", "attack")
_AIRCRAFT_REACH = 12  # characters before a party read for the aircraft it is told by
_SUBJECT_REACH = 14  # characters on either side of a strike verb read for its aircraft
_WORD = re.compile(r"[^\W_]+")


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


def _an_aircraft_among(words: list[str]) -> bool:
    nouns = _folded("aircraft_nouns")
    return any(f in nouns for w in words for f in forms(w))


def told_as_aircraft(actor, text: str) -> bool:
    """«قصفت طائرات الجيش الليبي»، «كثف طيران النظام قصفه»: a party told as its aircraft."""
    before = text[max(0, actor.start - _AIRCRAFT_REACH):actor.start].split()[-1:]
    return _an_aircraft_among(before + text[actor.start:actor.end].split()[:1])


def _word_after(t: Trigger, text: str) -> list[str]:
    """The word right after a verb (its subject, in the verb-first order of news)."""
    return _WORD.findall(text, t.end, t.end + _SUBJECT_REACH)[:1]


def _aircraft_beside(t: Trigger, text: str) -> bool:
    """«قصفت الطائرات مديرية كرش»، «وقصفت الطائرة السيارة»: an aircraft noun right after
    the strike verb, or right before it, is what struck."""
    before = _WORD.findall(text, max(0, t.start - _SUBJECT_REACH), t.start)[-1:]
    return _an_aircraft_among(_word_after(t, text) + before)


def targeted_by_aircraft(live: list[Trigger], text: str, *, told: bool) -> list[Trigger]:
    """A sentence's live triggers, with «استهدف الطيران الحربي بلدة جرجناز»، «واستهدفت
    المقاتلات مركبات عسكرية» read as an air strike: a targeting verb (a weak attack word)
    with an aircraft right after it, its subject, when nothing else tells an incident
    (no strong word) and the sentence is no more of one already told (`told`). The verb,
    not a noun: «استهداف طائرة» is the aircraft hit."""
    if told or any(t.strong for t in live):
        return live
    return [replace(t, type="airstrike", strong=True) if _targeting(t, text) else t
            for t in live]


def _targeting(t: Trigger, text: str) -> bool:
    if t.type != "attack" or " " in t.text or not stem_in(t.text, _folded("targeting_verbs")):
        return False
    return _an_aircraft_among(_word_after(t, text))


def from_the_air(etype: str, live: list[Trigger], actors: list, text: str) -> bool:
    """Is the incident, told as `etype` by its triggers `live`, an air strike?"""
    if etype == "explosion":
        return _blasts_of_a_strike(live)
    return etype in _STRUCK and _struck_from_the_air(live, actors, text)


def _blasts_of_a_strike(live: list[Trigger]) -> bool:
    """"انفجارات عنيفة جراء القصف المكثف لطيران التحالف": blasts that name no bomb, told
    beside an air strike, are the strike's."""
    blasts = [t for t in live if t.type == "explosion"]
    return any(t.type == "airstrike" and t.strong for t in live) and all(
        " " not in t.text and stem_in(t.text, _folded("blast_words")) for t in blasts)


def _struck_from_the_air(live: list[Trigger], actors: list, text: str) -> bool:
    """"قصفت المقاتلات مواقع", "هاجمت طائرة حربية مواقع": every strong shelling, clash or
    attack word is a strike verb that names no weapon, and an aircraft is told (a weak
    air strike word), a party is told as its aircraft, or an aircraft noun stands beside
    the verb."""
    struck = [t for t in live if t.type in _STRUCK and t.strong]
    if not struck or not all(stem_in(t.text, _folded("strike_verbs")) for t in struck):
        return False
    return any(t.type == "airstrike" and not t.strong for t in live) \
        or any(told_as_aircraft(a, text) for a in actors) \
        or any(_aircraft_beside(t, text) for t in struck)
