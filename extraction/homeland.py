"""An arrest told with no place happened in the country of the state force that made it,
when the text names that country in the force's name (GUIDELINES: when the text names
only a country, the place is the country): «أعلنت الشرطة التركية اعتقال 590 شخصا»،
«الأمن التونسي يعتقل أكثر من 20 متطرفا». A state's police and army arrest at home;
where they act abroad the text names the place, and an event with a place keeps it. Not
a force the text calls only «الشرطة» (the article's country was guessed for it), and
not an army that also holds another country's ground (`army_of`: Israel's arrests are
in the Palestinian territories).
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from extraction.arabic import fold
from extraction.gazetteer import places_by_key
from extraction.lexicon import load_actors
from extraction.lexicons import reads
from extraction.place_index import known_ref
from extraction.roles import country_words
from extraction.types import ActorRef, Event

_TYPES = ("arrest",)
_KINDS = ("state_force",)
_ARMY_OF = reads("actors_patterns.json", "army_of")


@cache
def _countries() -> dict[str, str]:
    """Lexicon key of a country's state force -> its country's gazetteer key."""
    places, occupying = places_by_key(), set(_ARMY_OF["army_of"].values())
    return {a.key: a.country for a in load_actors()
            if a.kind in _KINDS and a.country in places and a.country in country_words()
            and a.key not in occupying}


def _home(actor: ActorRef) -> str | None:
    """The country of a state force whose name, as written, names it."""
    cc = _countries().get(actor.key or "")
    told = any(w in fold(alias) for alias in actor.aliases for w in country_words()[cc]) \
        if cc else False
    return cc if told else None


def placed_by_forces(events: list[Event], text: str) -> list[Event]:
    """The events, each unplaced arrest by one country's state forces placed in it."""
    out = []
    for e in events:
        homes = {_home(a) for a in e.actors if a.role == "initiator"} - {None}
        if e.place is None and e.type in _TYPES and len(homes) == 1:
            record = places_by_key()[homes.pop()]
            e = replace(e, place=known_ref(record, record.name))
        out.append(e)
    return out
