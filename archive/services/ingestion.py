"""Ingestion: records in, articles and their events out, one batch row telling the story.

`ingest_paths` (the `ingest` command) and the queued parts (archive/tasks.py) share
`ingest_records`; the admin's upload is a job (archive/services/job_runs.py) built on
its per-record steps. The batch row is written first and kept up to date, each article
is stored with its events in its own transaction, so a crash or Ctrl-C leaves a batch
marked interrupted/failed and never half an article; re-running picks up where it
stopped because an article already stored (same content hash) is a counted no-op.
"""
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, DataError, IntegrityError, transaction
from django.utils import timezone

from archive.batch_messages import (
    EVENTS_FAILED,
    INTERRUPTED,
    NO_EVENTS,
    NOT_STORED,
    REFUSED,
    STOPPED,
    TOO_MANY_FAILED,
)
from archive.content_key import content_hash
from archive.models import Article, IngestionBatch
from archive.search import search_document
from archive.services.batches import mark_stale_batches, this_worker
from archive.services.events import extractor_and_version, store_events
from archive.services.extraction_pool import extract_one
from archive.services.readers import ReadError, Record, read_paths

logger = logging.getLogger(__name__)
MAX_STORED_ERRORS = 1000
MAX_FAILURES = 10_000  # per batch, unless MARSAD_MAX_FAILURES_PER_BATCH says otherwise
HEARTBEAT_SECONDS = 30  # a running batch is saved at least this often
ERROR_CHARS = 2000
Progress = Callable[[IngestionBatch], None]


def ingest_paths(
    *,
    paths: Iterable[str | Path],
    user=None,
    source: str | None = None,
    progress: Progress | None = None,
    save_every: int = 50,
    extractor: Callable | None = None,
    workers: int = 1,
) -> IngestionBatch:
    """Ingest files and folders (JSONL, CSV, .txt, .zip)."""
    paths = [Path(p) for p in paths]
    return ingest_records(
        records=read_paths(paths), source=source or " ".join(map(str, paths)), user=user,
        progress=progress, save_every=save_every, extractor=extractor, workers=workers,
    )


def add_error(batch: IngestionBatch, error: dict) -> None:
    batch.n_failed += 1
    _note(batch, error)


def _note(batch: IngestionBatch, error: dict) -> None:
    if len(batch.errors) < MAX_STORED_ERRORS:
        batch.errors.append(error)
    elif len(batch.errors) == MAX_STORED_ERRORS:
        batch.errors.append({"file": "", "line": None, "message": NOT_STORED})


class RecordRefused(Exception):
    """The database refused one record's values (PostgreSQL's DataError, a constraint)."""


def _create(record: Record, *, digest: str, batch, events, version, error: str) -> Article:
    with transaction.atomic():
        article = Article.objects.create(
            text=record.text, title=record.title, outlet=record.outlet, url=record.url,
            published=record.published, external_id=record.external_id,
            content_hash=digest, batch=batch, extractor_version=version,
            extraction_error=error[:ERROR_CHARS],
            search_text=search_document(record.title, record.text),
        )
        store_events(article=article, events=events, version=version)
    return article


def _store(record: Record, *, digest: str, batch, events, version, error: str) -> Article | None:
    """Store one article with its events; None when it was already there. When the
    database refuses the events, the article is kept without them (marked failed); when
    it refuses the article itself, RecordRefused."""
    try:
        return _create(record, digest=digest, batch=batch, events=events, version=version,
                       error=error)
    except (IntegrityError, DataError) as refused:
        if Article.objects.filter(content_hash=digest).exists():
            return None  # stored meanwhile by another process
        if not events:
            raise RecordRefused(REFUSED % {"error": refused}) from refused
        error = EVENTS_FAILED % {"error": f"{type(refused).__name__}: {refused}"}
    try:
        return _create(record, digest=digest, batch=batch, events=[], version=version,
                       error=error)
    except (IntegrityError, DataError) as refused:
        raise RecordRefused(REFUSED % {"error": refused}) from refused


def ingest_records(
    *,
    records: Iterable[Record | ReadError],
    source: str,
    user=None,
    progress: Progress | None = None,
    save_every: int = 50,
    extractor: Callable | None = None,
    version: str | None = None,
    workers: int = 1,
) -> IngestionBatch:
    """The one ingestion loop: every record ends up new (extracted or not), duplicate or
    failed (with its file, line and message on the batch). With `workers` > 1 the
    extractor runs in that many processes and articles are stored a chunk at a time
    (archive/services/parallel_ingestion.py), with the same results."""
    extractor, version = extractor_and_version(extractor, version)
    mark_stale_batches()
    batch = IngestionBatch.objects.create(
        source=source[:500], created_by=user if getattr(user, "pk", None) else None,
        extractor_version=version, worker=this_worker(), heartbeat_at=timezone.now(),
    )
    ticker = Ticker(batch=batch, progress=progress, save_every=save_every)
    try:
        if workers > 1:
            from archive.services.parallel_ingestion import ingest_in_parallel

            ingest_in_parallel(records=records, batch=batch, extractor=extractor,
                               version=version, workers=workers, ticker=ticker)
        else:
            for record in records:
                if isinstance(record, ReadError):
                    add_error(batch, record.to_json())
                else:
                    _ingest_one(record, batch=batch, extractor=extractor, version=version)
                ticker.tick()
    except FailureLimit as limit:
        _finish(batch, IngestionBatch.Status.FAILED, str(limit))
        return batch
    except KeyboardInterrupt:
        _finish(batch, IngestionBatch.Status.INTERRUPTED, INTERRUPTED)
        raise
    except BaseException as error:
        try:
            _finish(batch, IngestionBatch.Status.FAILED,
                    STOPPED % {"error": f"{type(error).__name__}: {error}"})
        except DatabaseError:  # the database itself is gone: the original error says why
            logger.exception("could not mark batch #%s failed", batch.pk)
        raise
    _finish(batch, IngestionBatch.Status.DONE)
    return batch


def _ingest_one(record: Record, *, batch, extractor, version) -> None:
    """Count one record as new, duplicate or failed. An extractor error keeps the article
    (without events, its error noted on it and on the batch, for `ingest --reextract
    --failed`); a value the database refuses fails only this record."""
    digest = content_hash(record.text)
    if Article.objects.filter(content_hash=digest).exists():
        batch.n_duplicate += 1
        return
    events, error = extract_one(extractor, record.text, record.published)
    store_one(record, batch=batch, digest=digest, events=events, error=error, version=version)


def store_one(record: Record, *, batch, digest: str, events, error: str, version) -> None:
    """Store one extracted record in its own transaction and count it."""
    try:
        article = _store(record, digest=digest, batch=batch, events=events, version=version,
                         error=error)
    except RecordRefused as refused:
        add_error(batch, {"file": record.file, "line": record.line, "message": str(refused)})
        return
    if article is None:
        batch.n_duplicate += 1
        return
    count_new(record, batch=batch, article=article)


def count_new(record: Record, *, batch, article: Article) -> None:
    where = {"file": record.file, "line": record.line}
    batch.n_new += 1
    for warning in record.warnings:
        _note(batch, {**where, "message": warning})
    if article.extraction_error:
        batch.n_unextracted += 1
        _note(batch, {**where, "message": NO_EVENTS % {
            "id": article.pk, "error": article.extraction_error}})


class FailureLimit(Exception):
    """Too many failed records: the batch stops (the message says why)."""


class Ticker:
    """After each record: stop at the failure limit, save the batch every `save_every`
    records (and at least every HEARTBEAT_SECONDS), report progress."""

    def __init__(self, *, batch: IngestionBatch, progress: Progress | None, save_every: int):
        self.batch, self.progress, self.save_every = batch, progress, save_every
        self.limit = getattr(settings, "MARSAD_MAX_FAILURES_PER_BATCH", MAX_FAILURES)
        self.seen, self.saved = 0, time.monotonic()

    def tick(self) -> None:
        self.seen += 1
        if self.batch.n_failed > self.limit:
            raise FailureLimit(TOO_MANY_FAILED % {"n": f"{self.batch.n_failed:,}",
                                                  "limit": f"{self.limit:,}"})
        if self.seen % self.save_every == 0 or time.monotonic() - self.saved > HEARTBEAT_SECONDS:
            _save(self.batch)
            self.saved = time.monotonic()
        if self.progress:
            self.progress(self.batch)


def _save(batch: IngestionBatch) -> None:
    batch.heartbeat_at = timezone.now()
    batch.save()


def _finish(batch: IngestionBatch, status: str, message: str = "") -> None:
    batch.status = status
    batch.finished_at = timezone.now()
    if message:
        batch.errors.append({"file": "", "line": None, "message": message})
    _save(batch)
