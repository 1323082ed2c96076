"""The article page's text: escaped, with each event's evidence highlighted (linked to its
row of the events table) and the actors and places the extractor found marked.

Every character from the database goes through `escape`; only the tags built here are
trusted."""
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "actor" or "place"
    label: str


def entity_marks(text: str, events) -> list[Mark]:
    """Every occurrence of the words the events name as actors or places, longest first,
    never overlapping each other."""
    wanted: dict[str, tuple[str, str]] = {}
    for event in events:
        for participant in event.participants.all():
            if participant.surface.strip():
                wanted.setdefault(participant.surface.strip(), ("actor", participant.actor.name_ar))
        place_words = (event.place_text or "").strip()
        if place_words:
            wanted.setdefault(place_words, ("place", event.place.name_ar if event.place else ""))
    taken = [False] * len(text)
    marks: list[Mark] = []
    for words in sorted(wanted, key=len, reverse=True):
        kind, label = wanted[words]
        start = text.find(words)
        while start >= 0:
            end = start + len(words)
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                marks.append(Mark(start, end, kind, label))
            start = text.find(words, end)
    return marks


def render_article(text: str, events) -> SafeString:
    """The text cut at every evidence and entity boundary; each piece escaped, then wrapped."""
    n = len(text)
    spans = [(e.pk, min(e.evidence_start, n), min(e.evidence_end, n)) for e in events]
    spans = [s for s in spans if s[1] < s[2]]
    marks = entity_marks(text, events)
    cuts = sorted({0, n, *(p for s in spans for p in s[1:]), *(p for m in marks for p in
                                                                (m.start, m.end))})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        html = escape(text[a:b])
        mark = next((m for m in marks if m.start <= a and b <= m.end), None)
        if mark:
            html = format_html(
                '<span class="ent ent-{}" title="{}">{}</span>', mark.kind, mark.label, html
            )
        covering = [pk for pk, s, e in spans if s <= a and b <= e]
        if covering:
            anchors = "".join(
                f'<span class="anchor" id="evidence-{pk}"></span>'
                for pk, s, _ in spans if s == a
            )
            html = format_html(
                '{}<a class="evidence" href="#event-{}" data-events="{}">{}</a>',
                mark_safe(anchors),  # noqa: S308 (integers only)
                covering[0], " ".join(map(str, covering)), html,
            )
        pieces.append(str(html))
    return mark_safe("".join(pieces))  # noqa: S308 (each piece escaped above)
