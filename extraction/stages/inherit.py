"""Inheriting: what a merged event takes from the rest of the article. Totals are
dropped (`figures.drop_totals`), passive reports take the initiators of the report
before (`roles.inherit_initiators`), generic parties the group the article named
(`roles.resolve_generic`), undated events the day of the report before or of their
paragraph (`dating`)."""
from __future__ import annotations

from extraction import roles
from extraction.doc import Doc
from extraction.stages import dating, figures


def totals_stage(doc: Doc) -> None:
    doc.events = figures.drop_tallies(figures.drop_totals(doc.events, doc.settings),
                                      doc.settings)


def initiators_stage(doc: Doc) -> None:
    doc.events = roles.inherit_initiators(doc.events, doc.settings)


def generic_parties_stage(doc: Doc) -> None:
    roles.resolve_generic(doc.events)


def dates_stage(doc: Doc) -> None:
    dating.inherit_dates(doc)


def lead_dates_stage(doc: Doc) -> None:
    dating.lead_dates(doc)


def announced_stage(doc: Doc) -> None:
    dating.drop_announced(doc)
