"""The pipeline: one `Doc` per article, then its stages in order. Each stage is guarded:
a stage that fails is logged and the article keeps what the others made of it.

    build_doc   normalise, tokens, segments; places, actors, triggers, cues (doc.py)
    read        each segment into candidates: type, roles, date, places (stages/read.py)
    merge       repeated reports of one incident into one event (stages/merge.py)
    totals      figures that sum other incidents dropped (stages/inherit.py)
    initiators  passive reports take the initiators before them (stages/inherit.py)
    parties     a report with no party takes those its sentence named before it
    generics    "المسلحون" is the group the article named (stages/inherit.py)
    dates       undated events take the report before's day (stages/inherit.py)
    lead dates  or their paragraph's, or the lead's (stages/inherit.py)
    announced   incidents dated after publication are announced, not news (stages/dating.py)
    columns     an opinion column reports no incident (genre.py)
    build       events of the JSON contract, spans in the original (stages/build.py)
    homeland    an unplaced arrest by a named country's forces is in that country
    protesters  an armed group named in a protest's sentence is no party to it
    crowds      a protest with no party takes its crowd (participants.py)
    scope       no place and no figure, or no party and no figure: not coded (scope.py)
"""
from __future__ import annotations

import datetime as dt

from extraction import genre, homeland, participants, scope, victims
from extraction.doc import Doc, build_doc, guarded
from extraction.stages import build, dating, inherit, merge, read
from extraction.types import Event

STAGES = (
    read.read_stage,
    merge.merge_stage,
    inherit.totals_stage,
    inherit.initiators_stage,
    inherit.sentence_parties_stage,
    inherit.generic_parties_stage,
    inherit.dates_stage,
    inherit.lead_dates_stage,
    inherit.announced_stage,
    genre.columns_stage,
)


# Over the built events and the article as published: who a protest's crowd is, then
# what is coded at all, and last which parties were hit. Each takes (events, text) and returns
# the events.
FINISHING = (
    homeland.placed_by_forces,
    participants.without_armed_groups,
    participants.add_crowds,
    scope.keep_in_scope,
    victims.as_targets,
)


def run(doc: Doc) -> Doc:
    for stage in STAGES:
        guarded(stage, doc)
    return doc


def extract_events(text: str, published: dt.date | None = None) -> list[Event]:
    doc = build_doc(text, published)
    if published is None:  # relative days of an undated article: its latest written day
        doc.published = guarded(dating.anchor_day, doc.text, default=None)
    events = build.build(run(doc))
    for stage in FINISHING:
        events = guarded(stage, events, text, default=events)
    return events
