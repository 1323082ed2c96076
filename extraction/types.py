"""What the extractor returns: small frozen dataclasses, no behaviour beyond
turning themselves into the JSON contract of GUIDELINES.md."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EVENT_TYPES = (
    "airstrike", "shelling", "explosion", "armed_clash",
    "attack", "territory", "arrest", "protest",
)
ROLES = ("initiator", "target")
DATE_PRECISIONS = ("day", "month", "year", "publication")
PLACE_KINDS = ("country", "governorate", "district", "subdistrict", "city", "village", "area")
ACTOR_KINDS = ("state_force", "armed_group", "coalition", "militia", "other")


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into the ORIGINAL article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Count:
    """A casualty figure: "at least 5" is Count(5, 5, None); "dozens" Count(None, 24, None)."""

    best: int | None
    low: int | None
    high: int | None
    # whose dead or wounded ("forces", "militants", ...): empty when the text does not say
    sides: frozenset[str] = field(default=frozenset(), compare=False)

    def to_json(self) -> dict:
        return {"best": self.best, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class ActorRef:
    name: str  # canonical Arabic name
    role: str  # "initiator" | "target"
    aliases: tuple[str, ...] = ()  # surface forms seen in the text
    key: str | None = None  # lexicon id; None for an actor found by pattern only
    kind: str = "other"
    name_en: str = ""
    counted: bool = False  # among the dead or wounded a figure counts (victims.py)

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "role": self.role}


@dataclass(frozen=True)
class PlaceRef:
    name: str  # canonical Arabic name
    aliases: tuple[str, ...] = ()  # surface forms seen in the text
    admin: tuple[str, ...] = ()  # enclosing places' names, smallest first, country last
    key: str | None = None  # gazetteer id; None for a place found by pattern only
    parent_key: str | None = None  # nearest enclosing gazetteer place, when known
    kind: str = "area"
    latitude: float | None = None
    longitude: float | None = None
    name_en: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "admin": list(self.admin)}


@dataclass(frozen=True)
class EventDate:
    date: dt.date | None
    precision: str | None  # one of DATE_PRECISIONS, None when unresolved
    text: str = ""  # the words it came from


@dataclass(frozen=True)
class Event:
    type: str
    evidence: Span
    actors: tuple[ActorRef, ...] = ()
    place: PlaceRef | None = None
    killed: Count | None = None
    wounded: Count | None = None
    date: EventDate | None = None
    confidence: float = 0.5
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "actors": [a.to_json() for a in self.actors],
            "place": self.place.to_json() if self.place else None,
            "killed": self.killed.to_json() if self.killed else None,
            "wounded": self.wounded.to_json() if self.wounded else None,
            "date": self.date.date.isoformat() if self.date and self.date.date else None,
            "date_text": self.date.text if self.date else None,
            "evidence": [self.evidence.start, self.evidence.end],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class PlaceRecord:
    """One gazetteer entry, as the data files hold it and the archive loads it."""

    key: str
    name: str
    kind: str
    parent: str | None = None
    name_en: str = ""
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorRecord:
    """One lexicon entry, as the data files hold it and the archive loads it."""

    key: str
    name: str
    kind: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    country: str | None = None
