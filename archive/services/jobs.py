"""Queued ingestion: a file is cut into parts that Celery workers (archive/tasks.py), on
this machine or many, ingest at once into the same database. Part k holds the records
whose chunk number (record index // PART_CHUNK) is k modulo the number of parts, so each
part streams the file and no record is in two parts; every part is its own batch, and an
article met by two parts is stored once (its content key is unique), so the parts' counts
add up to those of a single-process run."""
from collections.abc import Iterable, Iterator
from pathlib import Path

from archive.services.readers import ReadError, Record

PART_CHUNK = 200  # consecutive records that go to the same part


def part_of(records: Iterable[Record | ReadError], *, part: int, parts: int
            ) -> Iterator[Record | ReadError]:
    """The records of one part (see the module docstring)."""
    for index, record in enumerate(records):
        if (index // PART_CHUNK) % parts == part:
            yield record


def part_source(source: str, *, part: int, parts: int) -> str:
    return f"{source} (part {part + 1} of {parts})" if parts > 1 else source


def queue_ingestion(*, paths: list[str | Path], parts: int, queue: str | None = None
                    ) -> list[str]:
    """Submit the ingestion of these files in `parts` jobs; returns the job ids. The paths
    must be readable where the workers run (the same machine, or a shared volume)."""
    from archive.tasks import ingest_part

    paths = [str(Path(p).resolve()) for p in paths]
    options = {"queue": queue} if queue else {}
    return [
        ingest_part.apply_async(kwargs={"paths": paths, "part": part, "parts": parts},
                                **options).id
        for part in range(parts)
    ]
