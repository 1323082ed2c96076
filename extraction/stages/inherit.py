"""Inheriting: what a merged event takes from the rest of the article. Totals are
dropped (`figures.drop_totals`), passive reports take the initiators of the report
before (`roles.inherit_initiators`), fighting that names no party those its sentence
named before it (`sentence_parties_stage`), generic parties the group the article named
(`roles.resolve_generic`), undated events the day of the report before or of their
paragraph (`dating`)."""
from __future__ import annotations

from extraction import roles
from extraction.doc import Doc
from extraction.sentences import SENTENCE_END
from extraction.stages import dating, figures
from extraction.stages.merge import family


def totals_stage(doc: Doc) -> None:
    doc.events = figures.drop_tallies(figures.drop_totals(doc.events, doc.settings),
                                      doc.settings)


def initiators_stage(doc: Doc) -> None:
    doc.events = roles.inherit_initiators(doc.events, doc.settings)


def sentence_parties_stage(doc: Doc) -> None:
    """A report that names no party, told in the same sentence right after one that names
    them («اندلعت معارك بين الجيش والحوثيين ...، فيما لاتزال المعارك تدور في منطقة
    العين»), is fought by the same parties."""
    for prev, e in zip(doc.events, doc.events[1:], strict=False):
        if e.actors or not prev.actors or e.order - prev.order != 1 \
                or e.type != "armed_clash" or family(prev.type) != "violence":
            continue
        if not SENTENCE_END.search(doc.text, prev.sentence.start, e.sentence.start):
            e.actors = list(prev.actors)


def generic_parties_stage(doc: Doc) -> None:
    roles.resolve_generic(doc.events)


def dates_stage(doc: Doc) -> None:
    dating.inherit_dates(doc)


def lead_dates_stage(doc: Doc) -> None:
    dating.lead_dates(doc)


def announced_stage(doc: Doc) -> None:
    dating.drop_announced(doc)
