"""Building: each merged candidate as the `Event` of the JSON contract, its spans and
names mapped back to the article as published."""
from __future__ import annotations

from dataclasses import replace

from extraction.doc import Candidate, Doc, guarded
from extraction.roles import tidy_actors
from extraction.types import Event, Span


def to_event(doc: Doc, c: Candidate) -> Event:
    nt = doc.nt
    start, end = nt.to_original(c.sentence.start, c.sentence.end)
    place = None
    if c.place is not None:
        # the place as the article spells it
        place = replace(c.place.ref, name=_written_name(doc, c.place),
                        aliases=(doc.original(c.place.start, c.place.end),))
    confidence = 0.4 + 0.2 * c.strong + 0.1 * c.own_place + 0.15 * bool(
        c.killed or c.wounded) + 0.1 * bool(c.actors)
    # every sentence that tells the incident, for sentence-level review and detection
    mentions = sorted({nt.to_original(m.start, m.end) for m in (c.sentence, *c.mentions)})
    return Event(
        type=c.type, evidence=Span(start, end), actors=tidy_actors(c.actors), place=place,
        killed=c.killed, wounded=c.wounded, date=c.date, confidence=min(confidence, 0.95),
        extra={"mentions": [Span(a, b) for a, b in mentions]},
    )


def _written_name(doc: Doc, mention) -> str:
    """A place no gazetteer entry names is called as the article spells it («الجفينة», not
    the folded «الجفينه»); a gazetteer place keeps its own name."""
    name = mention.ref.name
    at = doc.text.rfind(name, mention.start, mention.end) if mention.ref.key is None else -1
    return name if at < 0 else doc.original(at, at + len(name)).replace("_", " ")  # «#تبة_الكهف»


def build(doc: Doc) -> list[Event]:
    """The events, in order; one that cannot be built is logged and left out."""
    events = (guarded(to_event, doc, c) for c in doc.events)
    return [e for e in events if e is not None]
