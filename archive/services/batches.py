"""Batches whose process died (`kill -9`, a power cut, an OOM kill) without saying so.

A batch row names its worker (host and process id) and carries a heartbeat saved with
its counts (at least every 30 s). When the next ingestion starts, a "running" batch whose
process no longer exists on this host, or whose heartbeat is older than STALE_AFTER (a
worker on another host, or a recycled process id), is marked interrupted, and its count
of new articles is recounted from the articles themselves (the saved counts may be up to
one save behind).
"""
import datetime as dt
import os
import socket

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from archive.batch_messages import INTERRUPTED_WORKER
from archive.models import Article, IngestionBatch

STALE_AFTER = dt.timedelta(minutes=15)


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def abandoned(batch: IngestionBatch, *, now: dt.datetime) -> bool:
    host, _, pid = batch.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
        return True
    return (batch.heartbeat_at or batch.started_at) < now - STALE_AFTER


@transaction.atomic
def mark_stale_batches() -> list[IngestionBatch]:
    """Mark interrupted every running batch whose worker is gone; the batches marked."""
    now = timezone.now()
    marked = []
    running = IngestionBatch.objects.select_for_update(skip_locked=True).filter(
        status=IngestionBatch.Status.RUNNING)
    for batch in running:
        if not abandoned(batch, now=now):
            continue
        articles = Article.objects.filter(batch=batch)
        behind = articles.count() - batch.n_new
        batch.n_new += behind
        batch.n_unextracted = articles.filter(~Q(extraction_error="")).count()
        batch.status = IngestionBatch.Status.INTERRUPTED
        batch.finished_at = now
        batch.errors.append({"file": "", "line": None, "message": INTERRUPTED_WORKER % {
            "worker": batch.worker or "unknown", "found": f"{now:%Y-%m-%d %H:%M}",
            "behind": behind}})
        batch.save()
        marked.append(batch)
    return marked
