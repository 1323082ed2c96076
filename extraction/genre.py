"""Genre: an opinion column reports no incident (GUIDELINES: an event is an incident "told
as part of the news"). A column recalls the week's attacks to argue about them («نحن لا
نعرف دينا يفجر المساجد»); it quotes no one and speaks for its readers. An article is
read as one when it holds no reporting word (قال، أفادت، أعلن، بحسب ...) and either
the writer's «we» (علينا، بلادنا ...) or questions at least `min_voice` times. Short
wire items with no reporting word ask nothing and say no «we»: they stay news. The
words are in data/genre.json."""
from __future__ import annotations

import re
from functools import cache

from extraction.arabic import L, fold
from extraction.lexicons import reads
from extraction.types import Event

_LEX = reads("genre.json", "reporting_verbs", "first_person", "questions", "min_voice")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


def column(text: str) -> bool:
    """Does the article read as an opinion column (see the module docstring)?"""
    folded = fold(text)
    words = _WORD.findall(folded)
    reporting = _words("reporting_verbs")
    glued = (L.and_, L.so)  # a conjunction glued to a reporting verb: «وقال»، «فأضاف»
    if any(w in reporting or (w[:1] in glued and w[1:] in reporting) for w in words):
        return False
    voice = sum(w in _words("first_person") for w in words)
    questions = sum(folded.count(q) for q in _LEX["questions"])
    return max(voice, questions) >= _LEX["min_voice"]


def no_columns(events: list[Event], text: str) -> list[Event]:
    """The events, unless the article is an opinion column: then none."""
    return [] if events and column(text) else events
