"""Who was hit: a party named as the people a casualty figure counts («مقتل 30 جنديا
يمنيا»، «مقتل ثلاثة من عناصر الشرطة») or as the counted noun itself («أن جنديا قتل»،
«مقتل جنديين») is among the dead or wounded, a target, whatever verb stands near it
(roles.assign_roles marks them, `as_targets` makes them targets): «جنديا قتل» is a soldier
killed, not a soldier who killed. The mark is read last, once the article's parties are
settled: which parties an event keeps, inherits or resolves is decided as before, by the
roles the words around each party give it."""
from __future__ import annotations

from dataclasses import replace

from extraction.casualty_words import words
from extraction.lexicons import reads

_LEX = reads("casualties.json", "side_skips")
_SKIPS = 2  # words («من عناصر») between a figure and the party it counts


def counted_hit(text: str, start: int, spans) -> bool:
    """Does the party starting at `start` sit in a casualty figure's span, or right after
    one (only words of `side_skips` between)?"""
    skips = words("side_skips")
    for a, b in spans:
        if a <= start < b:
            return True
        between = text[b:start].split() if b <= start else None
        if between is not None and len(between) <= _SKIPS and all(w in skips for w in between):
            return True
    return False


def as_targets(events: list, text: str = "") -> list:
    """The events, each party a figure counts among the dead or wounded a target
    (initiators first)."""
    out = []
    for e in events:
        if any(a.counted and a.role != "target" for a in e.actors):
            actors = [replace(a, role="target") if a.counted else a for a in e.actors]
            e = replace(e, actors=tuple(sorted(actors, key=lambda a: a.role != "initiator")))
        out.append(e)
    return out
