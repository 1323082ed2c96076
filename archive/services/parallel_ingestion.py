"""Ingestion with every core: records are read here in chunks, extracted in worker
processes (archive/services/extraction_pool.py) and stored here a chunk at a time.

- Memory stays flat: at most `AHEAD` chunks per worker are in flight; the file is
  streamed, never held.
- Storing a chunk is one transaction: one bulk insert (archive/bulk_rows.py) of its
  articles, one of their events, one of their actors, then the incidents are re-linked
  (linking.relink, whose grouping ignores arrival order, so incidents are the ones a
  single process makes).
  Places and actors are looked up once per batch (cached by key).
- Each article is still all or nothing: when the database refuses anything in the
  chunk, the chunk is rolled back and its articles are stored one by one, exactly as
  `ingest_records` does in one process (a refused article fails alone; refused events
  leave their article stored and marked).
- Counting (new, duplicate, failed, notes) happens in record order after the chunk is
  stored, so the batch tells the same story as a single-process run, and the failure
  limit stops it at the same record.
"""
import itertools
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import islice

from django.db import DataError, IntegrityError, transaction

from archive.bulk_rows import insert
from archive.content_key import content_hash
from archive.models import Article, IngestionBatch
from archive.services.events import store_many_events
from archive.services.extraction_pool import ExtractionPool, Prepared, prepare
from archive.services.ingestion import (
    ERROR_CHARS,
    Ticker,
    add_error,
    count_new,
    store_one,
)
from archive.services.readers import ReadError, Record

CHUNK = 100  # records stored per transaction
AHEAD = 2  # chunks in flight per worker


@dataclass
class Item:
    record: Record | ReadError
    digest: str = ""
    outcome: Prepared | None = None  # (events, error, search text) once extracted


@dataclass
class References:
    """Place and Actor rows by key, kept for the whole batch."""

    places: dict = field(default_factory=dict)
    actors: dict = field(default_factory=dict)

    def forget(self) -> None:  # rows created in a rolled-back transaction are gone
        self.places.clear()
        self.actors.clear()


def ingest_in_parallel(
    *, records: Iterable[Record | ReadError], batch: IngestionBatch, extractor: Callable,
    version: str, workers: int, ticker: Ticker,
) -> None:
    """Ingest `records` into `batch` with `workers` extraction processes."""
    references = References()
    pending: deque[tuple[list[Item], list[Item], Future]] = deque()
    in_flight: set[str] = set()  # digests sent for extraction and not stored yet
    records = iter(records)

    def store_oldest() -> None:
        items, sent, future = pending.popleft()
        for item, outcome in zip(sent, future.result(), strict=True):
            item.outcome = outcome
        _store_chunk(items, batch=batch, version=version, extractor=extractor,
                     references=references, ticker=ticker)
        in_flight.difference_update(item.digest for item in sent)

    first = list(islice(records, CHUNK + 1))
    if len(first) <= CHUNK:  # one chunk: starting processes would cost more than it saves
        workers = 1
    records = itertools.chain(first, records)
    with ExtractionPool(workers=workers, extractor=extractor) as pool:
        while chunk := list(islice(records, CHUNK)):
            items = [Item(r) if isinstance(r, ReadError) else Item(r, content_hash(r.text))
                     for r in chunk]
            stored = _stored({item.digest for item in items if item.digest})
            sent = []
            for item in items:
                if item.digest and item.digest not in stored | in_flight:
                    in_flight.add(item.digest)
                    sent.append(item)
            jobs = [(item.record.title, item.record.text, item.record.published)
                    for item in sent]
            pending.append((items, sent, pool.submit(jobs)))
            if len(pending) > workers * AHEAD:
                store_oldest()
        while pending:
            store_oldest()


def _stored(digests: set[str]) -> set[str]:
    return set(Article.objects.filter(content_hash__in=digests)
               .values_list("content_hash", flat=True))


def _plan(items: list[Item], *, batch: IngestionBatch, limit: int) -> list[tuple[Item, str]]:
    """Each item's fate ("error", "duplicate", "new"), in order, up to the record at
    which the batch would pass the failure limit."""
    seen = _stored({item.digest for item in items if item.digest})
    failures, plan = batch.n_failed, []
    for item in items:
        if isinstance(item.record, ReadError):
            kind, failures = "error", failures + 1
        elif item.digest in seen:
            kind = "duplicate"
        else:
            kind = "new"
            seen.add(item.digest)
        plan.append((item, kind))
        if failures > limit:
            break
    return plan


def _store_chunk(items: list[Item], *, batch: IngestionBatch, version: str,
                 extractor: Callable, references: References, ticker: Ticker) -> None:
    plan = _plan(items, batch=batch, limit=ticker.limit)
    new = [item for item, kind in plan if kind == "new"]
    for item in new:
        if item.outcome is None:  # its twin was in flight and has not been stored
            item.outcome = prepare(extractor, item.record.title, item.record.text,
                                   item.record.published)
    articles = _bulk_store(new, batch=batch, version=version, references=references)
    for item, kind in plan:
        if kind == "error":
            add_error(batch, item.record.to_json())
        elif kind == "duplicate":
            batch.n_duplicate += 1
        elif articles is not None:
            count_new(item.record, batch=batch, article=articles[item.digest])
        else:
            events, error, _ = item.outcome
            store_one(item.record, batch=batch, digest=item.digest, events=events,
                      error=error, version=version)
        ticker.tick()


def _bulk_store(new: list[Item], *, batch: IngestionBatch, version: str,
                references: References) -> dict[str, Article] | None:
    """Store these articles and their events in one transaction; None (nothing stored)
    when the database refuses any of it."""
    if not new:
        return {}
    try:
        with transaction.atomic():
            articles = insert([_article(item, batch, version) for item in new])
            if articles[0].pk is None:  # a backend that does not return ids
                ids = dict(Article.objects.filter(content_hash__in=[a.content_hash
                                                                    for a in articles])
                           .values_list("content_hash", "id"))
                for article in articles:
                    article.pk = ids[article.content_hash]
            store_many_events(
                found=[(article, item.outcome[0]) for article, item in zip(
                    articles, new, strict=True)],
                version=version, places=references.places, actors=references.actors)
    except (IntegrityError, DataError):
        references.forget()
        return None
    return {article.content_hash: article for article in articles}


def _article(item: Item, batch: IngestionBatch, version: str) -> Article:
    record, (_, error, search_text) = item.record, item.outcome
    return Article(
        text=record.text, title=record.title, outlet=record.outlet, url=record.url,
        published=record.published, external_id=record.external_id,
        content_hash=item.digest, batch=batch, extractor_version=version,
        extraction_error=error[:ERROR_CHARS],
        search_text=search_text,
    )
