"""Reading the JSON Lines data files, with every error naming its file and line."""
from __future__ import annotations

import json
import pathlib
from collections.abc import Iterator


def read_jsonl(path: pathlib.Path) -> Iterator[tuple[str, object]]:
    """(where, value) for each non-blank line; `where` is "file.jsonl:LINE"."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: invalid JSON ({exc.msg})") from None


def check_unique(key: str, where: str, seen: dict[str, str]) -> None:
    """Remember where `key` was defined; a second definition is an error naming both."""
    if key in seen:
        raise ValueError(f"{where}: duplicate key {key} (first at {seen[key]})")
    seen[key] = where
