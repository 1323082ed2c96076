"""A capital told as its government: «بحسب أنقرة»، «وهو ما تنفيه أنقرة»، «ميليشيات
تدعمها طهران»، «الحكومة في الرياض» name a state, not where anything happened.

A capital listed in data/placing.json `governments` is a place only when the word before
it says so: a preposition or a word of place (`place_words_before`: «في»، «قرب»، «وسط»،
«شوارع»، «مطار»), a word that tells what struck it («هجوم»، «تفجيرات»، «شهدت»، «هز»), a
glued «ب» («بأنقرة»), or a head in its own mention («العاصمة أنقرة»، «مطار باريس»).
Elsewhere (after a verb, «بحسب»، «لـ») it is its government, and the incident's place is
found elsewhere in the sentence. So is a country right after a verb of striking or
informing whose subject it is («أبلغت تركيا الأمم المتحدة أنها بدأت شن غارات في
سوريا»، «وشنت تركيا غارات على مواقع في شمال العراق»: `state_verbs`).
"""
from __future__ import annotations

from functools import cache

from extraction.arabic import L, fold
from extraction.lexicons import reads

_LEX = reads("placing.json", "governments", "place_words_before", "state_verbs")


@cache
def _words() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["place_words_before"])


@cache
def _capitals() -> frozenset[str]:
    return frozenset(_LEX["governments"])


@cache
def _state_verbs() -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX["state_verbs"])


def a_government(text: str, place, before: list[str]) -> bool:
    """Is the gazetteer capital or country `place`, with the words `before` it, its
    government?"""
    if place.ref.kind == "country":  # «أبلغت تركيا»، «وشنت تركيا»، «واصلت تركيا»
        verbs = _state_verbs()
        return bool(before) and (before[-1] in verbs or before[-1].removeprefix(L.and_) in verbs) \
            and len(text[place.start:place.end].split()) == len(place.ref.name.split())
    if place.ref.key not in _capitals() or len(
            text[place.start:place.end].split()) > len(place.ref.name.split()):
        return False
    glued = text[place.start - 1:place.start] if place.start else ""
    if not before or glued in (L.by, L.and_) or before[-1] == L.and_:
        return False  # «بأنقرة»، «بغداد وأنقرة»: a place, or one of a list
    last, words = before[-1], _words()
    # a letter glued to the word before («بتفجيرات باريس»)
    return last not in words and not (last[:1] in L.attached and last[1:] in words)
