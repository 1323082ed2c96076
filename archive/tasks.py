"""Celery tasks (archive/celery.py). Each is a thin shell over a service."""
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
