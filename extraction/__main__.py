"""python -m extraction ARTICLES.jsonl [-o OUT.jsonl]

Reads one article per line ({"id", "text", "date", "title", "outlet"}) and prints one
line per article in the contract of GUIDELINES.md: {"id", "events": [...]}. A bad line
is reported on stderr with its line number and produces no output line.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from extraction import VERSION, extract


def _article(line: str) -> tuple[str, str, dt.date | None]:
    row = json.loads(line)
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    aid, text = row.get("id"), row.get("text")
    if aid is None or not isinstance(text, str):
        raise ValueError('needs an "id" and a string "text"')
    raw = row.get("date")
    published = dt.date.fromisoformat(str(raw)[:10]) if raw else None
    return str(aid) if not isinstance(aid, int | str) else aid, text, published


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction", description=__doc__)
    parser.add_argument("articles", help="JSONL file of articles ('-' for stdin)")
    parser.add_argument("-o", "--output", help="write JSONL here instead of stdout")
    args = parser.parse_args(argv)
    source = sys.stdin if args.articles == "-" else open(args.articles, encoding="utf-8")  # noqa: SIM115
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    bad = 0
    try:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                aid, text, published = _article(line)
            except (ValueError, TypeError) as exc:
                bad += 1
                print(f"{args.articles}:{number}: skipped: {exc}", file=sys.stderr)
                continue
            events = [e.to_json() for e in extract(text, published)]
            row = {"id": aid, "extractor_version": VERSION, "events": events}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if source is not sys.stdin:
            source.close()
        if out is not sys.stdout:
            out.close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
