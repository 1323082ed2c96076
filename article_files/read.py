"""Turn files into article records: JSONL (the GUIDELINES article format), a JSON array,
CSV with a header, `.txt` (one article each), folders and `.zip` files of those.

Everything streams and everything is bounded by `Limits`: a record past `record_bytes` is
refused, a file past `records_per_file` lines, rows or members stops with a message, and a
zip's members are read only while their sizes add up to at most `unzipped_bytes`. A bad
record, an unreadable folder, a broken link or a pipe yields a `ReadError` (file, line,
message) and reading goes on: nothing is dropped silently.
"""
import csv
import io
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from article_files.records import (
    FIELD_LENGTHS,
    FIELDS,
    Limits,
    ReadError,
    Record,
    record_from_fields,
    too_many,
)
from article_files.text import (
    SNIFF_BYTES,
    Decoder,
    NotText,
    clean_text,
    control_characters,
    decode_bytes,
    replaced_warning,
)

JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = JSONL_SUFFIXES | {".csv", ".txt", ".zip"}
MAX_ZIP_DEPTH = 2
DEFAULT_LIMITS = Limits()


def read_paths(
    paths: Iterable[str | Path], *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Record | ReadError]:
    """Records from files and folders (recursively, in name order)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _read_folder(path, limits)
        else:
            yield from _read_path(path, limits)


def _read_folder(folder: Path, limits: Limits) -> Iterator[Record | ReadError]:
    """Every file under `folder` but hidden ones, in path order; folders it cannot list
    are errors, links to folders are followed once."""
    found: list[tuple[str, ReadError | None]] = []
    seen = set()

    def unreadable(error: OSError):
        message = f"cannot read this folder: {error.strerror or error}"
        found.append((str(error.filename), ReadError(str(error.filename), None, message)))

    for root, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend((os.path.join(root, name), None) for name in files
                     if not name.startswith("."))
    for name, error in sorted(found, key=lambda item: item[0]):
        if error is not None:
            yield error
        else:
            yield from _read_path(Path(name), limits)


def _read_path(path: Path, limits: Limits) -> Iterator[Record | ReadError]:
    try:
        mode = path.stat().st_mode  # follows links
    except FileNotFoundError:
        broken = path.is_symlink()
        yield ReadError(str(path), None, "a broken link: its target does not exist"
                        if broken else "no such file or folder")
        return
    except OSError as error:
        yield ReadError(str(path), None, f"cannot read the file: {error.strerror or error}")
        return
    if not stat.S_ISREG(mode):
        yield ReadError(str(path), None, "not a regular file (a pipe, socket or device)")
        return
    try:
        with path.open("rb") as stream:
            yield from read_stream(str(path), stream, limits=limits)
    except OSError as error:
        yield ReadError(str(path), None, f"cannot read the file: {error.strerror or error}")


def read_stream(
    name: str, stream: BinaryIO, *, limits: Limits = DEFAULT_LIMITS, depth: int = 0,
    budget: "_Budget | None" = None, suffix: str | None = None,
) -> Iterator[Record | ReadError]:
    """Records from one seekable binary stream; `suffix` (by default the name's) says its
    format."""
    suffix = suffix or Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(name, stream, limits)
    elif suffix == ".csv":
        yield from _read_csv(name, stream, limits)
    elif suffix == ".txt":
        yield from _read_txt(name, stream, limits)
    elif suffix == ".zip":
        yield from _read_zip(name, stream, limits=limits, depth=depth, budget=budget)
    else:
        allowed = " ".join(sorted(SUFFIXES))
        yield ReadError(name, None, f"unsupported file type {suffix or '(none)'}: use {allowed}")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, number of double quotes) for each line; the bytes are None for
    a line longer than `limit`, which is skipped without ever being held in memory."""
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            quotes = raw.count(b'"')
            while (rest := stream.readline(SNIFF_BYTES)) and not rest.endswith(b"\n"):
                quotes += rest.count(b'"')
            yield number, None, quotes + rest.count(b'"')
        else:
            yield number, raw, raw.count(b'"')


def _sample(stream: BinaryIO) -> bytes:
    sample = stream.read(SNIFF_BYTES)
    stream.seek(0)
    return sample


def _too_large(name: str, line: int | None, limit: int) -> ReadError:
    return ReadError(name, line, f"record larger than the limit of {limit:,} bytes")


def _read_jsonl(name: str, stream: BinaryIO, limits: Limits) -> Iterator[Record | ReadError]:
    sample = _sample(stream)
    try:
        decoder = Decoder(sample)
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    if sample.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_json_array(name, stream, limits)
        return
    for number, raw, _ in _lines(stream, limits.record_bytes):
        if number > limits.records_per_file:
            yield too_many(name, number, limits, "lines")
            return
        if raw is None:
            yield _too_large(name, number, limits.record_bytes)
            continue
        text, replaced = decoder.decode(raw)
        text = text.lstrip("\ufeff").strip()
        if not text:
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            yield ReadError(name, number, f"malformed JSON: {error.msg} (column {error.colno})")
            continue
        if not isinstance(value, dict):
            yield ReadError(name, number, "each line must be a JSON object {\"text\": ...}")
            continue
        notes = (replaced_warning(replaced),) if replaced else ()
        yield record_from_fields(value, file=name, line=number, warnings=notes)


def _read_json_array(name: str, stream: BinaryIO, limits: Limits) -> Iterator[Record | ReadError]:
    """A `.json` file holding one array of articles: read whole, so it is size-capped."""
    cap = limits.json_array_bytes
    data = stream.read(cap + 1)
    if len(data) > cap:
        yield ReadError(name, None, f"a JSON array over {cap:,} bytes: convert it to JSONL")
        return
    text, replaced = decode_bytes(data)
    try:
        values = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadError(name, error.lineno, f"malformed JSON: {error.msg}")
        return
    notes = (replaced_warning(replaced),) if replaced else ()
    for index, value in enumerate(values, start=1):
        if index > limits.records_per_file:
            yield too_many(name, index, limits, "items")
            return
        if isinstance(value, dict):
            yield record_from_fields(value, file=name, line=index, warnings=notes)
        else:
            yield ReadError(name, index, "each array item must be a JSON object")


def _csv_records(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(first line, bytes) of each CSV record: a record ends at a line end outside double
    quotes (RFC 4180). None for a record past `limit` bytes (or an unclosed quote), which
    is skipped to its end."""
    parts: list[bytes] = []
    start = size = quotes = 0
    too_big = False
    for number, raw, n_quotes in _lines(stream, limit):
        if not parts and not too_big:
            start = number
        quotes += n_quotes
        if raw is None or too_big or size + len(raw) > limit:
            too_big, parts, size = True, [], 0
        else:
            parts.append(raw)
            size += len(raw)
        if quotes % 2 == 0:
            yield start, None if too_big else b"".join(parts)
            parts, size, quotes, too_big = [], 0, 0, False
    if parts or too_big:
        yield start, None if too_big else b"".join(parts)


def _csv_row(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")), [])


def _read_csv(name: str, stream: BinaryIO, limits: Limits) -> Iterator[Record | ReadError]:
    """One record at a time: an undecodable byte, an oversized field or a malformed row
    fails that row only, and the rows after it are read."""
    limit = limits.record_bytes
    try:
        decoder = Decoder(_sample(stream))
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
    header = None
    for count, (line, raw) in enumerate(_csv_records(stream, limit), start=1):
        if count > limits.records_per_file + 1:
            yield too_many(name, line, limits, "rows")
            return
        if raw is None:
            yield _too_large(name, line, limit)
            if header is None:
                return
            continue
        text, replaced = decoder.decode(raw)
        try:
            row = _csv_row(text.lstrip("\ufeff") if header is None else text)
        except csv.Error as error:
            yield ReadError(name, line, f"malformed CSV row: {error}")
            continue
        if header is None:
            header = [(c or "").strip().lower() for c in row]
            if not set(header) & set(FIELDS["text"]):
                found = ", ".join(sorted(c for c in header if c)) or "none"
                yield ReadError(name, 1, f"CSV has no 'text' column (columns: {found})")
                return
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        notes = (replaced_warning(replaced),) if replaced else ()
        yield record_from_fields(dict(zip(header, row, strict=False)), file=name, line=line,
                                 warnings=notes)


def _read_txt(name: str, stream: BinaryIO, limits: Limits) -> Iterator[Record | ReadError]:
    limit = limits.record_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield _too_large(name, None, limit)
        return
    try:
        raw, replaced = decode_bytes(data)
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    text = clean_text(raw)
    if not text:
        yield ReadError(name, None, "empty article: the file has no words")
        return
    notes = [replaced_warning(replaced)] if replaced else []
    if controls := control_characters(raw):
        notes.append(f"{controls:,} control characters (such as NUL) removed from the text")
    yield Record(text=text, file=name, external_id=Path(name).name[: FIELD_LENGTHS["external_id"]],
                 warnings=tuple(notes))


class _Budget:
    """How many decompressed bytes one zip file (its nested zips included) may still give.
    A member's size is its header's: Python's zipfile never gives more than that."""

    def __init__(self, limit: int):
        self.limit, self.used = limit, 0


def _read_zip(
    name: str, stream: BinaryIO, *, limits: Limits, depth: int, budget: _Budget | None
) -> Iterator[Record | ReadError]:
    if depth >= MAX_ZIP_DEPTH:
        yield ReadError(name, None, "zip files nested too deep")
        return
    budget = budget or _Budget(limits.unzipped_bytes)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield ReadError(name, None, f"not a readable zip file: {error}")
        return
    with archive:
        for count, info in enumerate(archive.infolist(), start=1):
            if count > limits.records_per_file:
                yield too_many(name, None, limits, "members")
                return
            filename = info.filename.replace("\\", "/")  # written on Windows
            member = PurePosixPath(filename)
            if filename.endswith("/") or member.name.startswith(".") \
                    or "__MACOSX" in member.parts:
                continue
            label = f"{name}:{filename}"
            if info.file_size > budget.limit - budget.used:
                yield ReadError(label, None, (
                    f"expands to {info.file_size:,} bytes, which would take the zip past the "
                    f"{budget.limit:,} bytes it may expand to: not read (split the zip)"))
                continue
            budget.used += info.file_size
            try:
                with archive.open(info) as inner:
                    yield from read_stream(label, inner, limits=limits, depth=depth + 1,
                                           budget=budget)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError,
                    zlib.error) as error:
                yield ReadError(label, None, f"cannot unpack this member: {error}")
