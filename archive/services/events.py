"""Store what the extractor found, and re-run it over stored articles without ever
touching an event a person has reviewed."""
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from archive.models import Actor, Article, Event, EventActor, Place
from extraction import types
from extraction.arabic import fold

KEY_MAX = 120


def _derived_key(*parts: str) -> str:
    """A stable key for a place or actor the reference data does not know."""
    key = "x." + ".".join(p for p in parts if p)
    if len(key) <= KEY_MAX:
        return key
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]  # noqa: S324 (an id)
    return f"{key[: KEY_MAX - 13]}.{digest}"


def _slug(name: str) -> str:
    return slugify(fold(name), allow_unicode=True) or "unnamed"


def _other_aliases(ref: types.PlaceRef | types.ActorRef) -> list[str]:
    return sorted({a for a in ref.aliases if a != ref.name})


def _surface(ref: types.PlaceRef | types.ActorRef, limit: int) -> str:
    """The words the text used (the first alias), else the canonical name."""
    return (ref.aliases[0] if ref.aliases else ref.name)[:limit]


def place_for(ref: types.PlaceRef, *, cache: dict | None = None) -> Place:
    """The Place row for a PlaceRef: the gazetteer's row by key, else one created for it
    (from_gazetteer=False) under its nearest known parent."""
    cache = {} if cache is None else cache
    key = ref.key or _derived_key(ref.parent_key or "", _slug(ref.name))
    if key in cache:
        return cache[key]
    kind = ref.kind if ref.kind in types.PLACE_KINDS else Place.Kind.AREA
    lat_ok = ref.latitude is not None and -90 <= ref.latitude <= 90
    lon_ok = ref.longitude is not None and -180 <= ref.longitude <= 180
    place, _ = Place.objects.get_or_create(key=key, defaults={
        "name_ar": ref.name[:200], "name_en": ref.name_en[:200], "kind": kind,
        # a callable default: the parent is looked up only when the place is new
        "parent": lambda: Place.objects.filter(key=ref.parent_key).first()
        if ref.parent_key else None,
        "from_gazetteer": False,
        "latitude": ref.latitude if lat_ok and lon_ok else None,
        "longitude": ref.longitude if lat_ok and lon_ok else None,
        "aliases": _other_aliases(ref),
    })
    cache[key] = place
    return place


def actor_for(ref: types.ActorRef, *, cache: dict | None = None) -> Actor:
    """The Actor row for an ActorRef: the lexicon's by key, else one created for it."""
    cache = {} if cache is None else cache
    key = ref.key or _derived_key(_slug(ref.name))
    if key not in cache:
        kind = ref.kind if ref.kind in types.ACTOR_KINDS else Actor.Kind.OTHER
        cache[key], _ = Actor.objects.get_or_create(key=key, defaults={
            "name_ar": ref.name[:200], "name_en": ref.name_en[:200], "kind": kind,
            "from_lexicon": False, "aliases": _other_aliases(ref),
        })
    return cache[key]


def _count(count: types.Count | None) -> tuple[int | None, int | None, int | None]:
    """best/low/high made sane for the database: non-negative, low <= best <= high."""
    if count is None:
        return None, None, None
    best, low, high = (v if isinstance(v, int) and v >= 0 else None
                       for v in (count.best, count.low, count.high))
    if low is not None and high is not None and low > high:
        low, high = high, low
    if best is not None:
        low = min(low, best) if low is not None else None
        high = max(high, best) if high is not None else None
    return best, low, high


def _event_row(*, article: Article, event: types.Event, version: str, place) -> Event:
    length = len(article.text)
    start = min(max(event.evidence.start, 0), length)
    end = min(max(event.evidence.end, start), length)
    killed, wounded = _count(event.killed), _count(event.wounded)
    date = event.date
    precision = date.precision if date and date.precision in types.DATE_PRECISIONS else "unknown"
    place_text = ""
    if event.place is not None:
        place_text = _surface(event.place, 200)
    return Event(
        article=article, type=event.type, place=place, place_text=place_text,
        date=date.date if date else None, date_precision=precision,
        date_text=(date.text if date else "")[:200],
        killed_best=killed[0], killed_low=killed[1], killed_high=killed[2],
        wounded_best=wounded[0], wounded_low=wounded[1], wounded_high=wounded[2],
        evidence_start=start, evidence_end=end,
        confidence=min(max(float(event.confidence), 0.0), 1.0), extractor_version=version,
    )


def store_events(*, article: Article, events: Iterable[types.Event], version: str) -> list[Event]:
    """Save the extractor's events for an article, with their places and actors."""
    places, actors = {}, {}
    events = list(events)
    rows = [
        _event_row(
            article=article, event=event, version=version,
            place=place_for(event.place, cache=places) if event.place else None,
        )
        for event in events
    ]
    rows = Event.objects.bulk_create(rows)
    links, seen = [], set()
    for row, event in zip(rows, events, strict=True):
        for ref in event.actors:
            if ref.role not in types.ROLES:
                continue
            actor = actor_for(ref, cache=actors)
            if (row.pk, actor.pk, ref.role) in seen:
                continue
            seen.add((row.pk, actor.pk, ref.role))
            surface = _surface(ref, 300)
            links.append(EventActor(event=row, actor=actor, role=ref.role, surface=surface))
    EventActor.objects.bulk_create(links)
    return rows


@dataclass(frozen=True)
class ReextractSummary:
    articles: int
    removed: int  # unreviewed events replaced
    added: int
    kept_reviewed: int
    failed: tuple[str, ...] = ()  # "article #id: message"


def extractor_and_version(extractor: Callable | None, version: str | None = None):
    """The extractor to run and the version to stamp on its events: the real extractor
    and its VERSION unless a caller (a test, a benchmark) passes its own."""
    if extractor is not None:
        return extractor, version or getattr(extractor, "VERSION", "custom")
    from extraction import VERSION, extract

    return extract, VERSION


def _overlaps_reviewed(event: types.Event, reviewed: list[tuple[str, int, int]]) -> bool:
    return any(
        kind == event.type and event.evidence.start < end and start < event.evidence.end
        for kind, start, end in reviewed
    )


def reextract_articles(
    *, articles: Iterable[Article], extractor: Callable | None = None, version: str | None = None
) -> ReextractSummary:
    """Re-run the current extractor: each article's unreviewed events are replaced (in
    one transaction per article); reviewed events stay, and no new event repeats one."""
    extractor, version = extractor_and_version(extractor, version)
    n = removed = added = kept = 0
    failed = []
    for article in articles:
        n += 1
        try:
            found = list(extractor(article.text, published=article.published))
        except Exception as error:  # an extractor bug must not stop the whole run
            failed.append(f"article #{article.pk}: {type(error).__name__}: {error}")
            continue
        with transaction.atomic():
            reviewed = list(article.events.filter(reviewed=True)
                            .values_list("type", "evidence_start", "evidence_end"))
            removed += article.events.filter(reviewed=False).delete()[1].get("archive.Event", 0)
            fresh = [e for e in found if not _overlaps_reviewed(e, reviewed)]
            added += len(store_events(article=article, events=fresh, version=version))
            kept += len(reviewed)
    return ReextractSummary(n, removed, added, kept, tuple(failed))
