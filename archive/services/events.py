"""Store what the extractor found, and re-run it over stored articles without ever
touching an event a person has reviewed."""
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from archive import names
from archive.bulk_rows import insert
from archive.models import Actor, Article, Event, EventActor, Place
from archive.services.actor_cells import set_actor_cells
from archive.services.chunk_linking import relink_chunk
from archive.services.linking import relink
from archive.services.reports import link_date
from extraction import types
from extraction.arabic import fold

KEY_MAX = 120
COUNT_MAX = 2_147_483_647  # PositiveIntegerField on every database
ERROR_CHARS = 2000


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


def as_written(ref: types.PlaceRef | types.ActorRef) -> str:
    """The name in the article's spelling (archive.names)."""
    return names.as_written(ref.name, ref.aliases)


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
        "name_ar": as_written(ref)[:200], "name_en": ref.name_en[:200], "kind": kind,
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
        name = ref.name if ref.key else as_written(ref)
        cache[key], _ = Actor.objects.get_or_create(key=key, defaults={
            "name_ar": name[:200], "name_en": ref.name_en[:200], "kind": kind,
            "from_lexicon": False, "aliases": _other_aliases(ref),
        })
    return cache[key]


def _count(count: types.Count | None) -> tuple[int | None, int | None, int | None]:
    """best/low/high made sane for the database: non-negative, at most COUNT_MAX (a
    larger figure is a misreading, and no column holds it), low <= best <= high."""
    if count is None:
        return None, None, None
    best, low, high = (v if isinstance(v, int) and 0 <= v <= COUNT_MAX else None
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
    day = date.date if date else None
    return Event(
        article=article, outlet=article.outlet, type=event.type, place=place,
        place_text=place_text,
        date=day, date_precision=precision,
        link_date=link_date(date=day, precision=precision, published=article.published)[0],
        date_text=(date.text if date else "")[:200],
        killed_best=killed[0], killed_low=killed[1], killed_high=killed[2],
        wounded_best=wounded[0], wounded_low=wounded[1], wounded_high=wounded[2],
        evidence_start=start, evidence_end=end, evidence=article.text[start:end],
        confidence=min(max(float(event.confidence), 0.0), 1.0), extractor_version=version,
    )


def _rows(*, article: Article, events: list[types.Event], version: str,
          places: dict | None = None) -> list[Event]:
    places = {} if places is None else places
    return [
        _event_row(
            article=article, event=event, version=version,
            place=place_for(event.place, cache=places) if event.place else None,
        )
        for event in events
    ]


def _actor_links(rows: list[Event], events: list[types.Event],
                 actors: dict | None = None) -> list[EventActor]:
    """The rows' actor rows (the rows get their CSV actor cells from them)."""
    actors = {} if actors is None else actors
    links, seen = [], set()
    for row, event in zip(rows, events, strict=True):
        for ref in event.actors:
            if ref.role not in types.ROLES:
                continue
            actor = actor_for(ref, cache=actors)
            if (id(row), actor.pk, ref.role) in seen:
                continue
            seen.add((id(row), actor.pk, ref.role))
            surface = _surface(ref, 300)
            links.append(EventActor(event=row, actor=actor, role=ref.role, surface=surface))
    set_actor_cells(links)
    return links


def _saved(links: list[EventActor]) -> list[EventActor]:
    """Actor rows made before their events were inserted, pointed at the inserted rows."""
    for link in links:
        link.event_id = link.event.pk
    return links


@transaction.atomic
def store_events(*, article: Article, events: Iterable[types.Event], version: str) -> list[Event]:
    """Save the extractor's events for an article, with their places and actors, and
    link each to the incident it reports (archive/services/linking.py)."""
    events = list(events)
    rows = _rows(article=article, events=events, version=version)
    links = _actor_links(rows, events)
    rows = Event.objects.bulk_create(rows)
    EventActor.objects.bulk_create(_saved(links))
    relink(event_ids=[row.pk for row in rows])
    return rows


@transaction.atomic
def store_many_events(
    *, found: list[tuple[Article, list[types.Event]]], version: str, places: dict, actors: dict
) -> int:
    """`store_events` for many articles at once: one bulk insert of their events, one of
    their actors, then the chunk linked at once (chunk_linking.relink_chunk: the
    incidents of linking its events one by one, in a few queries). `places` and `actors`
    cache the reference rows by key across calls (the caller clears them when a
    transaction that may have created some is rolled back). Returns how many events were
    stored."""
    rows, events = [], []
    for article, article_events in found:
        rows += _rows(article=article, events=article_events, version=version, places=places)
        events += article_events
    links = _actor_links(rows, events, actors)
    rows = insert(rows)
    insert(_saved(links))
    relink_chunk(event_ids=[row.pk for row in rows])
    return len(rows)


@dataclass(frozen=True)
class ReextractSummary:
    articles: int
    removed: int  # unreviewed events no longer found (deleted, with a tombstone)
    added: int
    kept_reviewed: int
    failed: tuple[str, ...] = ()  # "article #id: message"
    kept_ids: int = 0  # events found again (same type and evidence span): same id


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


def _record_failure(article: Article, *, version: str, error: str) -> None:
    article.extraction_error, article.extractor_version = error[:ERROR_CHARS], version
    Article.objects.filter(pk=article.pk).update(extraction_error=article.extraction_error,
                                                 extractor_version=version)


# What re-extraction may change on an event it finds again.
REFRESHED = ("place", "place_text", "date", "date_precision", "date_text", "link_date",
             "killed_best", "killed_low", "killed_high", "wounded_best", "wounded_low",
             "wounded_high", "confidence", "evidence", "outlet", "csv_initiators",
             "csv_targets", "actor_ids")


def _identity(event: Event) -> tuple:
    return event.type, event.evidence_start, event.evidence_end


def _refresh(old: Event, row: Event, links: list[EventActor]) -> bool:
    """Copy a re-extracted row onto the stored event with the same identity; True when
    anything a reader sees changed."""
    before = {(p.actor_id, p.role, p.surface) for p in old.participants.all()}
    changed = any(getattr(old, f) != getattr(row, f) for f in REFRESHED) or before != {
        (link.actor.pk, link.role, link.surface) for link in links}
    for field in (*REFRESHED, "extractor_version"):
        setattr(old, field, getattr(row, field))
    for link in links:
        link.event = old
    return changed


@transaction.atomic
def _reextract_one(article: Article, found: list[types.Event], version: str) -> tuple:
    """(removed, added, kept reviewed, kept ids) for one article."""
    existing = list(article.events.prefetch_related("participants"))
    reviewed = [_identity(e) for e in existing if e.reviewed]
    fresh = [e for e in found if not _overlaps_reviewed(e, reviewed)]
    rows = _rows(article=article, events=fresh, version=version)
    old = {_identity(e): e for e in existing if not e.reviewed}
    links = _actor_links(rows, fresh)
    by_row: dict[int, list[EventActor]] = {}
    for link in links:
        by_row.setdefault(id(link.event), []).append(link)
    again, changed, new = [], [], []
    for row in rows:
        match = old.pop(_identity(row), None)
        if match is None:
            new.append(row)
            continue
        again.append(match)
        if _refresh(match, row, by_row.get(id(row), [])):
            changed.append(match)
    removed = Event.objects.filter(id__in=[e.pk for e in old.values()]).delete()[1]
    Event.objects.bulk_update(again, [*REFRESHED, "extractor_version"])
    Event.objects.filter(id__in=[e.pk for e in changed]).update(updated_at=timezone.now())
    EventActor.objects.filter(event__in=again).delete()
    Event.objects.bulk_create(new)
    for link in links:
        link.event_id = link.event.pk
    EventActor.objects.bulk_create(links)
    relink(event_ids=[e.pk for e in again + new])
    Article.objects.filter(pk=article.pk).update(extraction_error="", extractor_version=version)
    return removed.get("archive.Event", 0), len(new), len(reviewed), len(again)


def reextract_articles(
    *, articles: Iterable[Article], extractor: Callable | None = None, version: str | None = None
) -> ReextractSummary:
    """Re-run the current extractor (one transaction per article). An event found again
    (same type and evidence span) keeps its id and incident; reviewed events stay as they
    are and no new event repeats one; the rest are replaced. An article the extractor fails
    on keeps its events and records the error (the articles to retry:
    `Article.objects.extraction_failed()`); a success clears it."""
    extractor, version = extractor_and_version(extractor, version)
    n = removed = added = kept = same = 0
    failed = []
    for article in articles:
        n += 1
        try:
            found = list(extractor(article.text, published=article.published))
        except Exception as error:  # an extractor bug must not stop the whole run
            message = f"{type(error).__name__}: {error}"
            _record_failure(article, version=version, error=message)
            failed.append(f"article #{article.pk}: {message}")
            continue
        counts = _reextract_one(article, found, version)
        removed, added, kept, same = (a + b for a, b in zip(
            (removed, added, kept, same), counts, strict=True))
    return ReextractSummary(n, removed, added, kept, tuple(failed), same)
