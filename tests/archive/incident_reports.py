"""Build reports (articles with one extracted event each) for the linking tests, through
the same `store_events` ingestion uses, so every report is linked as it is stored."""
import datetime as dt
import hashlib
from dataclasses import dataclass

from archive.models import Actor, Article, Event, Incident, Place
from archive.services.events import store_events, store_many_events
from archive.services.incident_figures import csv_cells
from extraction import types

D = dt.date(2021, 4, 11)


def gazetteer() -> dict[str, Place]:
    """Iraq > Kirkuk > Hawija and Dibis (two towns), Iraq > Nineveh."""
    iraq = Place.objects.get_or_create(key="iq", defaults={"name_ar": "العراق",
                                                           "kind": "country"})[0]
    kirkuk = Place.objects.get_or_create(key="iq.kirkuk", defaults={
        "name_ar": "كركوك", "kind": "governorate", "parent": iraq})[0]
    places = {"iq": iraq, "kirkuk": kirkuk}
    for key, name in (("hawija", "الحويجة"), ("dibis", "الدبس")):
        places[key] = Place.objects.get_or_create(key=f"iq.kirkuk.{key}", defaults={
            "name_ar": name, "kind": "district", "parent": kirkuk})[0]
    for key, name in (("isis", "داعش"), ("army", "الجيش"), ("police", "الشرطة")):
        Actor.objects.get_or_create(key=key, defaults={"name_ar": name, "kind": "other"})
    return places


@dataclass(frozen=True)
class Spec:
    """One report: who published it when, and what its single event says."""

    label: str
    outlet: str = "وكالة أ"
    published: dt.date = D
    type: str = "attack"
    place: str = "iq.kirkuk.hawija"
    date: dt.date | None = D  # None: undated, linked by its publication date
    killed: int | None = None
    initiator: str | None = "isis"
    target: str | None = None

    def text(self) -> str:
        return f"تقرير {self.label}: هجوم أوقع ضحايا في المنطقة وفق مصادر محلية."

    def event(self) -> types.Event:
        text = self.text()
        actors = tuple(types.ActorRef(name=key, role=role, key=key)
                       for key, role in ((self.initiator, "initiator"), (self.target, "target"))
                       if key)
        return types.Event(
            type=self.type, evidence=types.Span(0, len(text)), actors=actors,
            place=types.PlaceRef(name=self.place, key=self.place),
            killed=types.Count(self.killed, self.killed, self.killed)
            if self.killed is not None else None,
            date=types.EventDate(self.date or self.published,
                                 "day" if self.date else "publication"),
        )


def extract(spec: Spec):
    """An extractor that finds `spec`'s event in `spec`'s text (for re-extraction)."""
    def extractor(text, published=None):
        return [spec.event()]

    extractor.VERSION = "spec-1"
    return extractor


def tell(spec: Spec) -> Event:
    """Store `spec` as an article and its event; the event, linked, read back."""
    text = spec.text()
    article = Article.objects.create(
        text=text, title=spec.label, outlet=spec.outlet, published=spec.published,
        external_id=spec.label,
        content_hash=hashlib.sha256(f"{spec.label}|{text}".encode()).hexdigest(),
    )
    [event] = store_events(article=article, events=[spec.event()], version="spec-1")
    return Event.objects.select_related("incident").get(pk=event.pk)


def tell_chunk(*specs: Spec) -> None:
    """Store the specs' articles and events as one chunk (`store_many_events`, linked by
    chunk as parallel ingestion does)."""
    found = []
    for spec in specs:
        article = Article.objects.create(text=spec.text(), title=spec.label, outlet=spec.outlet,
                                         published=spec.published, external_id=spec.label,
                                         content_hash=spec.label * 64)
        found.append((article, [spec.event()]))
    store_many_events(found=found, version="spec-1", places={}, actors={})


def grouping() -> set[frozenset[str]]:
    """The incidents as sets of report labels (independent of ids)."""
    groups: dict[int, set[str]] = {}
    for incident_id, label in Event.objects.values_list("incident_id", "article__external_id"):
        groups.setdefault(incident_id, set()).add(label)
    return {frozenset(g) for g in groups.values()}


def csv_cells_of(incident: Incident) -> dict:
    """The CSV cells an incident should store: joined from its stored lists and the
    reports that point at it now (what the Python export reads)."""
    return csv_cells(actors=incident.actors, outlets=incident.outlets,
                     disputes=incident.disputes,
                     report_ids=list(incident.events.values_list("id", flat=True)))


def stored_csv_cells(incident: Incident) -> dict:
    return {name: getattr(incident, name) for name in csv_cells_of(incident)}
