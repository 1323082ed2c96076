"""Turn files into article records: JSONL (the GUIDELINES article format), CSV with a
header, `.txt` (one article each), folders and `.zip` files of those.

Everything streams: a 1 GB JSONL is read a line at a time, and a single record past
`max_record_bytes` is refused with a message. A bad record yields a `ReadError` (file,
line, message) and reading goes on; nothing is dropped silently.
"""
import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from archive.services.text import (
    SNIFF_BYTES,
    NotText,
    clean_line,
    clean_text,
    decode_bytes,
    parse_date,
    sniff_encoding,
)

JSONL_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = JSONL_SUFFIXES | {".csv", ".txt", ".zip"}
DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024
MAX_ZIP_DEPTH = 2
# Column / key names accepted for each field, lowercase.
FIELDS = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at", "publication_date"),
    "outlet": ("outlet", "source"),
    "url": ("url", "link"),
    "external_id": ("id", "external_id"),
}
LIMITS = {"title": 1000, "outlet": 200, "external_id": 200, "url": 2000}


@dataclass(frozen=True)
class Record:
    """One article as read from a file, cleaned, not yet stored."""

    text: str
    file: str
    line: int | None = None
    title: str = ""
    published: dt.date | None = None
    outlet: str = ""
    url: str = ""
    external_id: str = ""
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReadError:
    """A record (or a whole file) that could not be read."""

    file: str
    line: int | None
    message: str

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "message": self.message}


def max_record_bytes() -> int:
    return getattr(settings, "MARSAD_MAX_RECORD_BYTES", DEFAULT_MAX_RECORD_BYTES)


def read_paths(paths: Iterable[str | Path]) -> Iterator[Record | ReadError]:
    """Records from files and folders (recursively, in name order)."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".")
            )
            for file in files:
                yield from _read_file(file)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield ReadError(str(path), None, "no such file or folder")


def read_stream(name: str, stream: BinaryIO, *, depth: int = 0) -> Iterator[Record | ReadError]:
    """Records from one seekable binary stream; the name's suffix says its format."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(name, stream)
    elif suffix == ".csv":
        yield from _read_csv(name, stream)
    elif suffix == ".txt":
        yield from _read_txt(name, stream)
    elif suffix == ".zip":
        yield from _read_zip(name, stream, depth=depth)
    else:
        allowed = " ".join(sorted(SUFFIXES))
        yield ReadError(name, None, f"unsupported file type {suffix or '(none)'}: use {allowed}")


def _read_file(path: Path) -> Iterator[Record | ReadError]:
    try:
        with path.open("rb") as stream:
            yield from read_stream(str(path), stream)
    except OSError as error:
        yield ReadError(str(path), None, f"cannot read the file: {error.strerror or error}")


def record_from_fields(
    fields: dict, *, file: str, line: int | None
) -> Record | ReadError:
    """A Record from a JSON object or CSV row (keys case-insensitive)."""
    fields = {str(k).strip().lower(): v for k, v in fields.items() if k is not None}

    def pick(name: str):
        return next((fields[k] for k in FIELDS[name] if fields.get(k) not in (None, "")), None)

    raw_text = pick("text")
    if raw_text is None:
        return ReadError(file, line, "missing 'text'")
    if not isinstance(raw_text, str):
        return ReadError(file, line, f"'text' must be a string, not {type(raw_text).__name__}")
    text = clean_text(raw_text)
    if not text:
        return ReadError(file, line, "empty article: the text has no words")
    warnings = []
    try:
        published = parse_date(pick("published"))
    except ValueError as error:
        published = None
        warnings.append(f"{error}; stored without a publication date")
    values = {}
    for name in ("title", "outlet", "external_id", "url"):
        value = pick(name)
        values[name] = clean_line(str(value))[: LIMITS[name]] if value is not None else ""
    if values["url"] and not values["url"].lower().startswith(("http://", "https://")):
        warnings.append(f"url {values['url'][:80]!r} is not http(s); dropped")
        values["url"] = ""
    return Record(
        text=text, file=file, line=line, published=published, warnings=tuple(warnings),
        title=values["title"], outlet=values["outlet"], url=values["url"],
        external_id=values["external_id"],
    )


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than `limit`,
    which is skipped without ever being held in memory."""
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(SNIFF_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1256")


def _read_jsonl(name: str, stream: BinaryIO) -> Iterator[Record | ReadError]:
    limit = max_record_bytes()
    sample = stream.read(SNIFF_BYTES)
    stream.seek(0)
    try:
        sniff_encoding(sample)
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    if sample.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_json_array(name, stream, limit)
        return
    for number, raw in _lines(stream, limit):
        if raw is None:
            yield ReadError(name, number, f"record larger than the limit of {limit:,} bytes")
            continue
        text = _decode_line(raw).lstrip("\ufeff").strip()
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
        yield record_from_fields(value, file=name, line=number)


def _read_json_array(name: str, stream: BinaryIO, limit: int) -> Iterator[Record | ReadError]:
    """A `.json` file holding one array of articles: read whole, so it is size-capped."""
    cap = max(limit, getattr(settings, "UPLOAD_MAX_BYTES", limit))
    data = stream.read(cap + 1)
    if len(data) > cap:
        yield ReadError(name, None, f"a JSON array over {cap:,} bytes: convert it to JSONL")
        return
    try:
        values = json.loads(decode_bytes(data).lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        yield ReadError(name, error.lineno, f"malformed JSON: {error.msg}")
        return
    for index, value in enumerate(values, start=1):
        if isinstance(value, dict):
            yield record_from_fields(value, file=name, line=index)
        else:
            yield ReadError(name, index, "each array item must be a JSON object")


def _read_csv(name: str, stream: BinaryIO) -> Iterator[Record | ReadError]:
    limit = max_record_bytes()
    try:
        encoding = sniff_encoding(stream.read(SNIFF_BYTES))
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    stream.seek(0)
    csv.field_size_limit(limit)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        reader = csv.DictReader(text)
        columns = {(c or "").strip().lower() for c in reader.fieldnames or ()}
        if not columns & set(FIELDS["text"]):
            found = ", ".join(sorted(c for c in columns if c)) or "none"
            yield ReadError(name, 1, f"CSV has no 'text' column (columns: {found})")
            return
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as error:
                message = f"stopped reading this file: {error}"
                if "field larger" in str(error):
                    message = f"record larger than the limit of {limit:,} bytes; {message}"
                yield ReadError(name, reader.line_num, message)
                return
            row.pop(None, None)  # cells past the header
            yield record_from_fields(row, file=name, line=reader.line_num)
    finally:
        text.detach()


def _read_txt(name: str, stream: BinaryIO) -> Iterator[Record | ReadError]:
    limit = max_record_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield ReadError(name, None, f"record larger than the limit of {limit:,} bytes")
        return
    try:
        text = clean_text(decode_bytes(data))
    except NotText as error:
        yield ReadError(name, None, str(error))
        return
    if not text:
        yield ReadError(name, None, "empty article: the file has no words")
        return
    yield Record(text=text, file=name, external_id=Path(name).name[: LIMITS["external_id"]])


def _read_zip(name: str, stream: BinaryIO, *, depth: int) -> Iterator[Record | ReadError]:
    if depth >= MAX_ZIP_DEPTH:
        yield ReadError(name, None, "zip files nested too deep")
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as error:
        yield ReadError(name, None, f"not a readable zip file: {error}")
        return
    with archive:
        for info in archive.infolist():
            member = Path(info.filename)
            if info.is_dir() or member.name.startswith(".") or "__MACOSX" in member.parts:
                continue
            label = f"{name}:{info.filename}"
            try:
                with archive.open(info) as inner:
                    yield from read_stream(label, inner, depth=depth + 1)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
                yield ReadError(label, None, f"cannot unpack this member: {error}")
