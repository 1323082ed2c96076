"""The admin's uploads and re-extractions as background jobs (the web side).

An upload is saved under MARSAD_UPLOAD_DIR (a folder per batch: a shared volume when the
workers run on other machines), its batch created QUEUED, and once that is committed a
Celery task (archive/tasks.py `run_job`) is queued; the request returns at once. The
job (archive/services/job_runs.py) keeps the batch's progress up to date; the batch page
polls `progress()`. A broker that cannot be reached fails the batch with a message and
keeps the file, so that "Run again" can queue it later. When a worker starts, it queues
again every job that lost its worker or its message (`requeue_lost_jobs`): a job is
claimed once, so a job queued twice runs once.
"""
import datetime as dt
import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename

from archive.batch_messages import NOT_QUEUED, shown
from archive.models import IngestionBatch
from archive.services.batches import abandoned, this_worker

logger = logging.getLogger(__name__)
Status = IngestionBatch.Status
ACTIVE = (Status.QUEUED, Status.RUNNING)
RETRIABLE = (Status.FAILED, Status.INTERRUPTED, Status.CANCELLED)
LOST_AFTER = dt.timedelta(minutes=1)  # a queued job whose message may never have been sent
ERRORS_PER_POLL = 200


def upload_dir() -> Path:
    return Path(settings.MARSAD_UPLOAD_DIR)


@transaction.atomic
def _save_upload(*, uploaded_file, user) -> IngestionBatch:
    batch = IngestionBatch.objects.create(
        source=f"upload: {uploaded_file.name}"[:500], status=Status.QUEUED,
        kind=IngestionBatch.Kind.INGEST, created_by=user if getattr(user, "pk", None) else None,
    )
    folder = upload_dir() / str(batch.pk)
    path = folder / (get_valid_filename(Path(uploaded_file.name).name) or "upload")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            for piece in uploaded_file.chunks():
                out.write(piece)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the batch row is rolled back too
        raise
    batch.upload_path = str(path.resolve())
    batch.save(update_fields=["upload_path"])
    return batch


def start_upload(*, uploaded_file, user) -> IngestionBatch:
    """Save the file, create its QUEUED batch and queue its job once committed. An OSError
    (a full disk) leaves nothing behind; a broker error fails the batch, file kept."""
    batch = _save_upload(uploaded_file=uploaded_file, user=user)
    transaction.on_commit(lambda: enqueue(batch=batch))
    return batch


@transaction.atomic
def _create_reextraction(*, article_ids: list[int], user) -> IngestionBatch:
    return IngestionBatch.objects.create(
        source=f"re-extract {len(article_ids)} articles", status=Status.QUEUED,
        kind=IngestionBatch.Kind.REEXTRACT, article_ids=article_ids, total=len(article_ids),
        created_by=user if getattr(user, "pk", None) else None,
    )


def start_reextraction(*, article_ids: list[int], user) -> IngestionBatch:
    """A QUEUED job re-extracting these articles (in id order), queued once committed."""
    batch = _create_reextraction(article_ids=sorted(set(article_ids)), user=user)
    transaction.on_commit(lambda: enqueue(batch=batch))
    return batch


def enqueue(*, batch: IngestionBatch) -> bool:
    """Send the job's message; False (the batch failed, saying why) when the broker
    cannot take it."""
    from archive.celery import app
    from archive.tasks import run_job

    try:
        with app.connection_for_write() as connection:
            run_job.apply_async(kwargs={"batch_id": batch.pk}, connection=connection,
                                retry_policy={"max_retries": 2, "interval_start": 0.2,
                                              "interval_step": 0.5})
    except Exception as error:  # whatever the transport raises: say it, keep the file
        logger.exception("could not queue batch #%s", batch.pk)
        message = NOT_QUEUED % {"error": f"{type(error).__name__}: {error}"[:500]}
        batch.status, batch.finished_at = Status.FAILED, timezone.now()
        batch.errors = [*batch.errors, {"file": "", "line": None, "message": message}]
        IngestionBatch.objects.filter(pk=batch.pk, status=Status.QUEUED).update(
            status=batch.status, finished_at=batch.finished_at, errors=batch.errors)
        return False
    return True


def request_cancel(*, batch: IngestionBatch) -> None:
    """A queued job is cancelled at once; a running one stops at its next save (within a
    few seconds), keeping what it stored."""
    now = timezone.now()
    queued = IngestionBatch.objects.filter(pk=batch.pk, status=Status.QUEUED)
    if not queued.update(status=Status.CANCELLED, cancel_requested=True, finished_at=now):
        IngestionBatch.objects.filter(pk=batch.pk, status=Status.RUNNING).update(
            cancel_requested=True)


def can_run_again(batch: IngestionBatch) -> bool:
    if batch.status not in RETRIABLE:
        return False
    if batch.kind == IngestionBatch.Kind.REEXTRACT:
        return bool(batch.article_ids)
    return bool(batch.upload_path) and Path(batch.upload_path).is_file()


def run_again(*, batch: IngestionBatch) -> bool:
    """Queue a failed, interrupted or cancelled job again: it resumes (what it stored is
    kept and counted once). False when it cannot run again."""
    if not can_run_again(batch):
        return False
    updated = IngestionBatch.objects.filter(pk=batch.pk, status__in=RETRIABLE).update(
        status=Status.QUEUED, cancel_requested=False, finished_at=None)
    if updated:
        batch.refresh_from_db()
        transaction.on_commit(lambda: enqueue(batch=batch))
    return bool(updated)


def requeue_lost_jobs() -> list[int]:
    """Queue again the jobs whose worker died (their message may be gone with it: the
    filesystem broker does not redeliver) or that waited long in the queue (their message
    may never have been sent); run when a worker starts. Returns their batch ids."""
    now = timezone.now()
    jobs = IngestionBatch.objects.filter(~Q(upload_path="") | ~Q(article_ids=[]))
    lost = [b for b in jobs.filter(status=Status.RUNNING) if abandoned(b, now=now)]
    lost += list(jobs.filter(status__in=[Status.QUEUED], started_at__lt=now - LOST_AFTER))
    lost += [b for b in jobs.filter(status=Status.INTERRUPTED) if can_run_again(b)]
    for batch in lost:
        if batch.status == Status.INTERRUPTED:
            IngestionBatch.objects.filter(pk=batch.pk, status=Status.INTERRUPTED).update(
                status=Status.QUEUED, finished_at=None)
        enqueue(batch=batch)
    if lost:
        logger.warning("%s: queued again the jobs of batches %s", this_worker(),
                       [b.pk for b in lost])
    return [b.pk for b in lost]


def progress(batch: IngestionBatch, *, errors_from: int = 0) -> dict:
    """What the batch page shows (and polls): done of total, the counts, articles per
    second and seconds left (None until known), the errors from `errors_from` on."""
    now = timezone.now()
    elapsed = ((batch.finished_at or now) - batch.running_since).total_seconds() \
        if batch.running_since else 0
    rate = batch.done / elapsed if elapsed > 0 and batch.done else None
    left = None
    if rate and batch.total is not None and batch.status in ACTIVE:
        left = max(batch.total - batch.done, 0) / rate
    errors = batch.errors[errors_from:errors_from + ERRORS_PER_POLL] if errors_from >= 0 else []
    return {
        "id": batch.pk, "kind": batch.kind, "status": batch.status,
        "status_label": str(batch.get_status_display()), "active": batch.status in ACTIVE,
        "cancel_requested": batch.cancel_requested,
        "done": batch.done, "total": batch.total,
        "new": batch.n_new, "duplicate": batch.n_duplicate, "failed": batch.n_failed,
        "unextracted": batch.n_unextracted, "events": batch.event_counts,
        "rate": round(rate, 1) if rate else None,
        "seconds_left": round(left) if left is not None else None,
        "n_errors": len(batch.errors), "errors_from": errors_from,
        "errors": [{"file": e.get("file", ""), "line": e.get("line"),
                    "message": shown(e.get("message", ""))} for e in errors],
    }
