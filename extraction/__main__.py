"""python -m extraction ARTICLES... [-o OUT.jsonl]

Reads what `manage.py ingest` reads (JSONL in the GUIDELINES format, a JSON array, CSV
with a text column, `.txt` files, folders and `.zip` files of those; `-` is JSONL on
stdin) and prints one line per article in the contract of GUIDELINES.md:
{"id", "extractor_version", "events": [...]}. The id is the file's (a `.txt` file's
name), else FILE:LINE. A record that cannot be read is reported on stderr with its file
and line; an article the extractor fails on is reported with its id and gets a line with
no events and its "error", and the run goes on. The exit status is 1 when anything was
reported.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from article_files import SUFFIXES, ReadError, Record, read_paths, read_stream
from extraction import VERSION, extract


def _records(sources: list[str]) -> Iterator[Record | ReadError]:
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_file() and path.suffix.lower() not in SUFFIXES:
            # the contract's input (GUIDELINES.md) is JSON Lines, whatever the file is called
            with path.open("rb") as stream:
                yield from read_stream(source, stream, suffix=".jsonl")
            continue
        if source != "-":
            yield from read_paths([source])
            continue
        with tempfile.TemporaryFile() as spooled:  # the readers look at a file's start twice
            shutil.copyfileobj(sys.stdin.buffer, spooled)
            spooled.seek(0)
            yield from read_stream("stdin.jsonl", spooled)


def _id(record: Record):
    if record.source_id is not None:
        return record.source_id
    return record.external_id or f"{record.file}:{record.line}"


def main(argv: list[str] | None = None, *, extractor: Callable | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", help="files or folders ('-' for JSONL on stdin)")
    parser.add_argument("-o", "--output", help="write JSONL here instead of stdout")
    args = parser.parse_args(argv)
    extractor = extractor or extract
    version = getattr(extractor, "VERSION", VERSION)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    reported = 0
    try:
        for record in _records(args.articles):
            if isinstance(record, ReadError):
                reported += 1
                where = f"{record.file}:{record.line}" if record.line else record.file
                print(f"{where}: skipped: {record.message}", file=sys.stderr)
                continue
            row = {"id": _id(record), "extractor_version": version}
            try:
                row["events"] = [e.to_json() for e in extractor(record.text, record.published)]
            except Exception as error:  # one article must not stop the run: it is reported
                reported += 1
                row.update(events=[], error=f"{type(error).__name__}: {error}")
                print(f"article {row['id']!r} ({record.file}): extraction failed: "
                      f"{row['error']}", file=sys.stderr)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if reported else 0


if __name__ == "__main__":
    sys.exit(main())
