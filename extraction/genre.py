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
from extraction.doc import Doc
from extraction.lexicons import reads

_LEX = reads("genre.json", "reporting_verbs", "first_person", "questions", "min_voice")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


def column(folded: str) -> bool:
    """Does the article (its folded text) read as an opinion column? See the module
    docstring."""
    words = _WORD.findall(folded)
    reporting = _words("reporting_verbs")
    glued = (L.and_, L.so)  # a conjunction glued to a reporting verb: «وقال»، «فأضاف»
    if any(w in reporting or (w[:1] in glued and w[1:] in reporting) for w in words):
        return False
    we = _words("first_person")
    voice = sum(w in we for w in words)
    questions = sum(folded.count(q) for q in _LEX["questions"])
    return max(voice, questions) >= _LEX["min_voice"]


def columns_stage(doc: Doc) -> None:
    """An opinion column's proposed events are none."""
    if doc.events and column(doc.text):
        doc.candidates, doc.events = [], []
