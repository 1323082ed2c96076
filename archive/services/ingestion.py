"""Ingestion: records in, articles and their events out, one batch row telling the story.

`ingest_paths` (the `ingest` command) and `ingest_upload` (the admin page) share
`ingest_records`. The batch row is written first and kept up to date, each article
is stored with its events in its own transaction, so a crash or Ctrl-C leaves a batch
marked interrupted/failed and never half an article; re-running picks up where it
stopped because an article already stored (same content hash) is a counted no-op.
"""
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from archive.models import Article, IngestionBatch
from archive.search import search_document
from archive.services.events import extractor_and_version, store_events
from archive.services.readers import ReadError, Record, read_paths, read_stream
from archive.services.text import content_hash

logger = logging.getLogger(__name__)
MAX_STORED_ERRORS = 1000
Progress = Callable[[IngestionBatch], None]


def ingest_paths(
    *,
    paths: Iterable[str | Path],
    user=None,
    source: str | None = None,
    progress: Progress | None = None,
    save_every: int = 50,
    extractor: Callable | None = None,
) -> IngestionBatch:
    """Ingest files and folders (JSONL, CSV, .txt, .zip)."""
    paths = [Path(p) for p in paths]
    return ingest_records(
        records=read_paths(paths), source=source or " ".join(map(str, paths)), user=user,
        progress=progress, save_every=save_every, extractor=extractor,
    )


def ingest_upload(*, uploaded_file, user, extractor: Callable | None = None) -> IngestionBatch:
    """Ingest a file uploaded through the admin (a Django UploadedFile)."""
    uploaded_file.seek(0)
    return ingest_records(
        records=read_stream(uploaded_file.name, uploaded_file),
        source=f"upload: {uploaded_file.name}", user=user, extractor=extractor,
    )


def _add_error(batch: IngestionBatch, error: dict) -> None:
    batch.n_failed += 1
    _note(batch, error)


def _note(batch: IngestionBatch, error: dict) -> None:
    if len(batch.errors) < MAX_STORED_ERRORS:
        batch.errors.append(error)
    elif len(batch.errors) == MAX_STORED_ERRORS:
        batch.errors.append({"file": "", "line": None, "message": "further errors not stored"})


def _store(record: Record, *, digest: str, batch, events, version) -> bool:
    """Store one article with its events; False when it was already there."""
    try:
        with transaction.atomic():
            article = Article.objects.create(
                text=record.text, title=record.title, outlet=record.outlet, url=record.url,
                published=record.published, external_id=record.external_id,
                content_hash=digest, batch=batch,
                search_text=search_document(record.title, record.text),
            )
            store_events(article=article, events=events, version=version)
    except IntegrityError:
        if Article.objects.filter(content_hash=digest).exists():
            return False  # stored meanwhile by another process
        raise
    return True


def ingest_records(
    *,
    records: Iterable[Record | ReadError],
    source: str,
    user=None,
    progress: Progress | None = None,
    save_every: int = 50,
    extractor: Callable | None = None,
    version: str | None = None,
) -> IngestionBatch:
    """The one ingestion loop: every record ends up new, duplicate or failed (with its
    file, line and message on the batch)."""
    extractor, version = extractor_and_version(extractor, version)
    batch = IngestionBatch.objects.create(
        source=source[:500], created_by=user if getattr(user, "pk", None) else None,
        extractor_version=version,
    )
    seen = 0
    try:
        for record in records:
            seen += 1
            if isinstance(record, ReadError):
                _add_error(batch, record.to_json())
            else:
                _ingest_one(record, batch=batch, extractor=extractor, version=version)
            if seen % save_every == 0:
                batch.save()
            if progress:
                progress(batch)
    except KeyboardInterrupt:
        _finish(batch, IngestionBatch.Status.INTERRUPTED, "interrupted (Ctrl-C or a stop signal)")
        raise
    except BaseException as error:
        try:
            _finish(batch, IngestionBatch.Status.FAILED,
                    f"stopped: {type(error).__name__}: {error}")
        except DatabaseError:  # the database itself is gone: the original error says why
            logger.exception("could not mark batch #%s failed", batch.pk)
        raise
    _finish(batch, IngestionBatch.Status.DONE)
    return batch


def _ingest_one(record: Record, *, batch, extractor, version) -> None:
    """Count one record as new, duplicate or failed. An extractor error fails only this
    record; an error while storing (the database) stops the batch."""
    digest = content_hash(record.text)
    if Article.objects.filter(content_hash=digest).exists():
        batch.n_duplicate += 1
        return
    try:
        events = list(extractor(record.text, published=record.published))
    except Exception as error:  # one odd article must not stop the batch: it is reported
        where = {"file": record.file, "line": record.line}
        _add_error(batch, {**where, "message": f"extractor failed: {type(error).__name__}: "
                                               f"{error}"})
        return
    if _store(record, digest=digest, batch=batch, events=events, version=version):
        batch.n_new += 1
        for warning in record.warnings:
            _note(batch, {"file": record.file, "line": record.line, "message": warning})
    else:
        batch.n_duplicate += 1


def _finish(batch: IngestionBatch, status: str, message: str = "") -> None:
    batch.status = status
    batch.finished_at = timezone.now()
    if message:
        batch.errors.append({"file": "", "line": None, "message": message})
    batch.save()
