"""Celery tasks (archive/celery.py). Each is a thin shell over a service."""
from celery.signals import worker_ready

from archive.celery import app


@app.task(name="marsad.ingest_part")
def ingest_part(*, paths: list[str], part: int, parts: int) -> int:
    """Ingest one part of these files (archive/services/jobs.py); returns its batch id.
    Run again after a crash, it finds the stored articles and counts them as duplicates."""
    from archive.services.ingestion import ingest_records
    from archive.services.jobs import part_of, part_source
    from archive.services.readers import read_paths

    records = part_of(read_paths(paths), part=part, parts=parts)
    batch = ingest_records(records=records, workers=1,
                           source=part_source(" ".join(paths), part=part, parts=parts))
    return batch.pk


@app.task(name="marsad.run_job", acks_late=True, reject_on_worker_lost=True)
def run_job(*, batch_id: int) -> None:
    """An admin upload or re-extraction (archive/services/job_runs.py). Delivered twice,
    it runs once; run again after its worker died, it resumes with exact counts."""
    from archive.services.job_runs import run_job as run

    run(batch_id=batch_id)


@worker_ready.connect
def requeue_lost_jobs(sender=None, **kwargs) -> None:
    """A starting worker queues again the jobs whose worker died (upload_jobs)."""
    from archive.services.upload_jobs import requeue_lost_jobs as requeue

    requeue()
