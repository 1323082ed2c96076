"""Scope: whether a proposed event is coded at all.

GUIDELINES.md codes an incident of political violence "at one place", with the parties
that took part; when the text names only a country, the place is the country. Two rules,
each decided here and nowhere else:

- Something to code. A proposal that has neither a place nor a casualty figure, or
  neither a party nor a casualty figure, is a violent word with nothing to code: a
  festival called «تظاهرة», a film's plot, a football «مواجهات», a general remark; so is
  one placed only at a country with neither a figure nor a day (an opinion piece's «قصف
  الأتراك مواقع داعش»). This reads what the earlier stages found (place, actors,
  figures, day); for a strike or a shelling, dead or wounded told without a figure («وأنباء
  عن سقوط قتلى وجرحى») count as a figure, and one told by a verb of striking at a place
  below a country («شنت المقاتلات غارات على مواقع في حجة») has its air force for a
  party, named or not.
- Political violence. "A violent act with no stated political motive or conflict actor
  (a shooting, a stabbing) is crime, however deadly; arrests for ordinary crimes are not
  arrest events." An attack, a clash or a taking needs a party or a political cue in its
  sentences; an arrest needs a party other than the arresting force, a political cue in
  its sentences, or another political event in the article. The types and the cues are
  in data/scope.json.
"""
from __future__ import annotations

import functools
import re

from extraction.arabic import alternatives, fold
from extraction.lexicons import reads
from extraction.triggers import pattern
from extraction.types import Event

_SCOPE = reads("scope.json", "needs_party", "needs_context", "political_cues",
               "trigger_cues", "state_kinds", "told_casualties", "casualties_for",
               "party_implied_for", "striking_verbs")
_CLITICS = "وفبل"  # a conjunction or preposition glued to a cue


def has_figures(event: Event) -> bool:
    return event.killed is not None or event.wounded is not None


def in_scope(event: Event, counted: bool = False, implied: bool = False) -> bool:
    """A place or a figure, and a party or a figure; and not a remark about a whole
    country with neither a figure nor a day («الأتراك قصفوا مواقع لداعش» in an
    interview, «حملة اعتقالات» in a profile). `counted`: the event is one place of a
    round-up whose figure another place took («قتل 12 شخصا في غارات على بلدتي X وY»),
    or a strike whose dead are told without a figure («وأنباء عن سقوط قتلى وجرحى»).
    `implied`: a strike told as done at a town has its air force for a party."""
    figures = has_figures(event) or counted
    party = bool(event.actors) or implied
    return (event.place is not None or figures) and (party or figures) \
        and not (_country_only(event) and not figures and not _dated(event))


def _country_only(event: Event) -> bool:
    return event.place is not None and event.place.kind == "country"


def _dated(event: Event) -> bool:
    return event.date is not None and event.date.date is not None


def _pattern(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?<!\S)[{_CLITICS}]?(?:{alternatives(words)})(?!\S)")


@functools.cache
def _cues() -> tuple[re.Pattern, re.Pattern]:
    """(any political cue, a political cue that is not also how an attack is told)."""
    motives = [w for w in _SCOPE["political_cues"] if w not in set(_SCOPE["trigger_cues"])]
    return _pattern(_SCOPE["political_cues"]), _pattern(motives)


def _sentences(event: Event, text: str) -> str:
    spans = event.extra.get("mentions") or [event.evidence]
    return fold(" ".join(text[s.start:s.end] for s in spans))


def political(event: Event, text: str) -> bool:
    """Whether the event is political violence on its own (see the module docstring)."""
    any_cue, motive = _cues()
    if event.type in _SCOPE["needs_party"]:
        told = _sentences(event, text)
        return bool(event.actors) or bool(motive.search(told)) or bool(
            pattern("military").search(told))  # «هجوم استهدف دورية أمنية»: no crime
    if event.type in _SCOPE["needs_context"]:
        state = set(_SCOPE["state_kinds"])
        return any(a.kind not in state for a in event.actors) or bool(
            any_cue.search(_sentences(event, text)))
    return True


def _casualties_told(event: Event, text: str) -> bool:
    """«ما أدى إلى سقوط قتلى وجرحى»: the dead or wounded told without a figure are a
    figure's worth of something to code."""
    return event.type in _SCOPE["casualties_for"] \
        and bool(_told_casualties().search(_sentences(event, text)))


def _struck_at_a_town(event: Event, text: str) -> bool:
    """«شنت المقاتلات غارات على مواقع في حجة»: a strike told by a verb of striking at a
    place below a country has its air force for a party, named or not."""
    return event.type in _SCOPE["party_implied_for"] and _in_gazetteer(event) \
        and not _country_only(event) and bool(_striking().search(_sentences(event, text)))


@functools.cache
def _striking() -> re.Pattern:
    return _pattern(_SCOPE["striking_verbs"])


@functools.cache
def _told_casualties() -> re.Pattern:
    return _pattern(_SCOPE["told_casualties"])


def _listed_beside(event: Event, counted: set[tuple[int, str]]) -> bool:
    """A gazetteer place told in the sentence of an event of its type that has figures."""
    return _in_gazetteer(event) and (event.evidence.start, event.type) in counted


def _in_gazetteer(event: Event) -> bool:
    return event.place is not None and event.place.key is not None


def keep_in_scope(events: list[Event], text: str) -> list[Event]:
    """The events in scope; an arrest that is not political on its own stays when the
    article tells another political event."""
    counted = {(e.evidence.start, e.type) for e in events if has_figures(e)}
    kept = [(e, political(e, text)) for e in events
            if in_scope(e, counted=_listed_beside(e, counted) or _casualties_told(e, text),
                        implied=_struck_at_a_town(e, text))]
    context = any(p and e.type not in _SCOPE["needs_context"] for e, p in kept)
    return [e for e, p in kept if p or (context and e.type in _SCOPE["needs_context"])]
