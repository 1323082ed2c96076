"""Scope: whether a proposed event is coded at all.

GUIDELINES.md codes an incident of political violence "at one place", with the parties
that took part; when the text names only a country, the place is the country. A proposal
that has neither a place nor a casualty figure, or neither a party nor a casualty figure,
is a violent word with nothing to code: a festival called «تظاهرة», a film's plot, a
football «مواجهات», a general remark. Such proposals are dropped here, in one place.

The rule reads only what the earlier stages found (place, actors, figures), never word
lists, so it holds for every outlet alike.
"""
from __future__ import annotations

from extraction.types import Event


def has_figures(event: Event) -> bool:
    return event.killed is not None or event.wounded is not None


def in_scope(event: Event) -> bool:
    """A place or a figure, and a party or a figure."""
    figures = has_figures(event)
    return (event.place is not None or figures) and (bool(event.actors) or figures)


def keep_in_scope(events: list[Event], text: str) -> list[Event]:
    """The events in scope (`text`, unused, is every finishing stage's second argument)."""
    return [e for e in events if in_scope(e)]
