"""The Arabic event extractor: plain Python, no Django.

    from extraction import extract
    events = extract(article_text, published=datetime.date(2018, 5, 10))

`VERSION` names the rules and data an event came from: the package version, a short
hash of every data file and rule module, and `arabic.FOLD_VERSION` (the folding every
lookup depends on, camel-tools' version included), so re-extraction is traceable.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pathlib

from extraction.arabic import FOLD_VERSION
from extraction.types import Event

__all__ = ["VERSION", "extract"]

_BASE_VERSION = "0.3.0"
_HERE = pathlib.Path(__file__).parent


def _fingerprint() -> str:
    digest = hashlib.sha256()
    files = sorted(
        [*(_HERE / "data").rglob("*.json*"), *_HERE.rglob("*.py")],
        key=lambda p: p.relative_to(_HERE).as_posix(),
    )
    for path in files:
        digest.update(path.relative_to(_HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


VERSION = f"{_BASE_VERSION}+{_fingerprint()}.fold{FOLD_VERSION}"


def extract(text: str, published: dt.date | None = None) -> list[Event]:
    """The events `text` reports, in order of first mention (see GUIDELINES.md)."""
    from extraction.assemble import extract_events

    if not isinstance(text, str) or not text.strip():
        return []
    return extract_events(text, published)
