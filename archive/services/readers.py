"""The archive's side of reading article files: the plain-Python readers of
`article_files`, bounded by the limits in Django settings (see `limits`)."""
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from article_files import SUFFIXES, Limits, ReadError, Record
from article_files import read_paths as _read_paths
from article_files import read_stream as _read_stream

__all__ = ["SUFFIXES", "Limits", "ReadError", "Record", "limits", "read_paths", "read_stream"]
MB = 1024 * 1024


def limits() -> Limits:
    """MARSAD_MAX_RECORD_BYTES, MARSAD_MAX_RECORDS_PER_FILE, MARSAD_MAX_UNZIPPED_BYTES (and
    the upload limit, for a JSON array read whole) from settings, else the defaults."""
    default = Limits()
    record = getattr(settings, "MARSAD_MAX_RECORD_BYTES", default.record_bytes)
    return Limits(
        record_bytes=record,
        records_per_file=getattr(settings, "MARSAD_MAX_RECORDS_PER_FILE",
                                 default.records_per_file),
        unzipped_bytes=getattr(settings, "MARSAD_MAX_UNZIPPED_BYTES", default.unzipped_bytes),
        json_array_bytes=max(record, getattr(settings, "UPLOAD_MAX_BYTES", 50 * MB)),
    )


def read_paths(paths: Iterable[str | Path]) -> Iterator[Record | ReadError]:
    return _read_paths(paths, limits=limits())


def read_stream(name: str, stream: BinaryIO) -> Iterator[Record | ReadError]:
    return _read_stream(name, stream, limits=limits())
