"""Running a background job (the worker side of archive/services/upload_jobs.py).

A job first claims its batch (QUEUED, or RUNNING/INTERRUPTED with its worker gone): a
batch is run by one worker at a time, so a message delivered twice runs once. It saves
its progress (done of total, counts, errors) every second or SAVE_EVERY records, and at
each save looks at the batch's cancel request: a cancelled job stops there, CANCELLED,
what it stored stays stored and counted (each article is its own transaction).

Restart-safe, with exact counts:
- an upload's job counts from scratch each time it runs: it reads the saved file again,
  and an article this batch stored in an earlier, killed run (its id at most the
  largest of the batch's articles when this run began) is counted new once, the first
  time the file names it; later ones, and everything stored by others, are duplicates.
  So a run resumed after `kill -9` ends with the counts of a run never interrupted.
- a re-extraction stores each chunk of articles and its progress in one transaction, so
  a resumed job starts at the first article not yet counted.
"""
import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Max
from django.utils import timezone

from archive.batch_messages import CANCELLED, FILE_GONE, STOPPED
from archive.content_key import content_hash
from archive.models import Article, IngestionBatch
from archive.services.batches import abandoned, this_worker
from archive.services.events import extractor_and_version, reextract_articles
from archive.services.extraction_pool import extract_one
from archive.services.ingestion import (
    MAX_FAILURES,
    TOO_MANY_FAILED,
    FailureLimit,
    add_error,
    count_new,
    store_one,
)
from archive.services.readers import ReadError, Record, read_stream

logger = logging.getLogger(__name__)
Status = IngestionBatch.Status
SAVE_EVERY = 100  # records (at most) between two saves of the progress
SAVE_SECONDS = 1.0  # seconds (at most) between two saves
REEXTRACT_CHUNK = 10  # articles re-extracted per transaction
PROGRESS = ["status", "finished_at", "extractor_version", "n_new", "n_duplicate", "n_failed",
            "n_unextracted", "errors", "worker", "heartbeat_at", "total", "done",
            "running_since", "event_counts"]  # never cancel_requested: the admin writes it


class Cancelled(Exception):
    """Someone asked the job to stop."""


class JobFailed(Exception):
    """The job cannot go on (its message says why)."""


def _save(batch: IngestionBatch) -> None:
    batch.heartbeat_at = timezone.now()
    batch.save(update_fields=PROGRESS)


class Ticker:
    """After each record or chunk: the failure limit, a save now and then, the cancel
    request at each save."""

    def __init__(self, batch: IngestionBatch, *, save_every: int = SAVE_EVERY):
        self.batch, self.save_every = batch, save_every
        self.limit = getattr(settings, "MARSAD_MAX_FAILURES_PER_BATCH", MAX_FAILURES)
        self.saved = time.monotonic()

    def tick(self, n: int = 1) -> None:
        self.batch.done += n
        if self.batch.n_failed > self.limit:
            raise FailureLimit(TOO_MANY_FAILED % {"n": f"{self.batch.n_failed:,}",
                                                  "limit": f"{self.limit:,}"})
        if self.batch.done % self.save_every == 0 or \
                time.monotonic() - self.saved >= SAVE_SECONDS:
            self.save()

    def save(self) -> None:
        _save(self.batch)
        self.saved = time.monotonic()
        self.check_cancel()

    def check_cancel(self) -> None:
        if IngestionBatch.objects.filter(pk=self.batch.pk, cancel_requested=True).exists():
            raise Cancelled


@transaction.atomic
def _claim(batch_id: int) -> IngestionBatch | None:
    batch = IngestionBatch.objects.select_for_update().filter(pk=batch_id).first()
    if batch is None or batch.status not in (Status.QUEUED, Status.RUNNING, Status.INTERRUPTED):
        return None  # gone, finished, failed or cancelled ("Run again" queues it anew)
    now = timezone.now()
    if batch.status == Status.RUNNING and not abandoned(batch, now=now):
        return None  # its worker is alive: this message is a second copy
    if batch.cancel_requested:
        batch.status, batch.finished_at = Status.CANCELLED, now
        _save(batch)
        return None
    batch.status, batch.worker, batch.running_since = Status.RUNNING, this_worker(), now
    batch.finished_at = None
    _save(batch)
    return batch


def run_job(*, batch_id: int, extractor: Callable | None = None,
            save_every: int = SAVE_EVERY) -> IngestionBatch | None:
    """Run the batch's job to its end (DONE, CANCELLED or FAILED); None when it is not
    this worker's to run."""
    batch = _claim(batch_id)
    if batch is None:
        return None
    ticker = Ticker(batch, save_every=save_every)
    try:
        if batch.kind == IngestionBatch.Kind.REEXTRACT:
            _reextract(batch, ticker=ticker, extractor=extractor)
        else:
            _ingest(batch, ticker=ticker, extractor=extractor)
    except Cancelled:
        total = batch.total if batch.total is not None else "?"
        _finish(batch, Status.CANCELLED, CANCELLED % {"done": batch.done, "total": total})
    except (FailureLimit, JobFailed) as stop:
        _finish(batch, Status.FAILED, str(stop))
    except Exception as error:
        try:
            _finish(batch, Status.FAILED,
                    STOPPED % {"error": f"{type(error).__name__}: {error}"})
        except DatabaseError:  # the database itself is gone: the original error says why
            logger.exception("could not mark batch #%s failed", batch.pk)
        raise
    except BaseException:  # the worker is stopping: the job resumes when one starts
        _finish(batch, Status.INTERRUPTED)
        raise
    else:
        _finish(batch, Status.DONE)
        if batch.upload_path:
            shutil.rmtree(Path(batch.upload_path).parent, ignore_errors=True)
    return batch


def _finish(batch: IngestionBatch, status: str, message: str = "") -> None:
    batch.status, batch.finished_at = status, timezone.now()
    if message:
        batch.errors.append({"file": "", "line": None, "message": message})
    _save(batch)


class Resumed:
    """Articles this batch stored before this run (see the module docstring)."""

    def __init__(self, batch: IngestionBatch):
        self.batch_id = batch.pk
        self.upto = Article.objects.filter(batch=batch).aggregate(top=Max("pk"))["top"] or 0
        self.counted: set[int] = set()

    def counts_as_new(self, article_id: int, batch_id: int | None) -> bool:
        if batch_id != self.batch_id or article_id > self.upto or article_id in self.counted:
            return False
        self.counted.add(article_id)
        return True


def _ingest(batch: IngestionBatch, *, ticker: Ticker, extractor: Callable | None) -> None:
    path = Path(batch.upload_path)
    if not path.is_file():
        raise JobFailed(FILE_GONE % {"path": path})
    extractor, version = extractor_and_version(extractor, None)
    resumed = Resumed(batch)
    batch.extractor_version, batch.errors, batch.total, batch.done = version, [], None, 0
    batch.n_new = batch.n_duplicate = batch.n_failed = batch.n_unextracted = 0
    with path.open("rb") as stream:  # counting is cheap beside extracting
        batch.total = sum(1 for _ in read_stream(path.name, stream))
    ticker.save()
    with path.open("rb") as stream:
        for record in read_stream(path.name, stream):
            if isinstance(record, ReadError):
                add_error(batch, record.to_json())
            else:
                _ingest_one(record, batch=batch, extractor=extractor, version=version,
                            resumed=resumed)
            ticker.tick()


def _ingest_one(record: Record, *, batch, extractor, version, resumed: Resumed) -> None:
    digest = content_hash(record.text)
    found = Article.objects.filter(content_hash=digest).values_list("pk", "batch_id").first()
    if found is None:
        events, error = extract_one(extractor, record.text, record.published)
        store_one(record, batch=batch, digest=digest, events=events, error=error,
                  version=version)
    elif resumed.counts_as_new(*found):
        count_new(record, batch=batch, article=Article.objects.get(pk=found[0]))
    else:
        batch.n_duplicate += 1


def _reextract(batch: IngestionBatch, *, ticker: Ticker, extractor: Callable | None) -> None:
    extractor, version = extractor_and_version(extractor, None)
    batch.extractor_version = version
    ids = batch.article_ids
    counts = {"added": 0, "removed": 0, "kept_reviewed": 0, "found_again": 0,
              **batch.event_counts}
    ticker.save()
    while batch.done < len(ids):
        chunk = ids[batch.done:batch.done + REEXTRACT_CHUNK]
        with transaction.atomic():  # the chunk and its counts, or neither
            summary = reextract_articles(
                articles=Article.objects.filter(pk__in=chunk).order_by("pk"),
                extractor=extractor, version=version)
            for key, value in (("added", summary.added), ("removed", summary.removed),
                               ("kept_reviewed", summary.kept_reviewed),
                               ("found_again", summary.kept_ids)):
                counts[key] += value
            batch.event_counts = dict(counts)
            for failure in summary.failed:
                add_error(batch, {"file": "", "line": None, "message": failure})
            batch.n_new += summary.articles - len(summary.failed)  # articles re-extracted
            batch.done += len(chunk)  # with the articles deleted since they were chosen
            _save(batch)
        ticker.check_cancel()
