"""What a reader yields: a `Record` (one article, cleaned, not yet stored) or a
`ReadError` (a record or a whole file that could not be read), and the `Limits` that
bound reading."""
import datetime as dt
from dataclasses import dataclass, field

from article_files.text import clean_line, clean_text, control_characters, parse_date

# Column / key names accepted for each field, lowercase.
FIELDS = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("date", "published", "published_at", "publication_date"),
    "outlet": ("outlet", "source"),
    "url": ("url", "link"),
    "external_id": ("id", "external_id"),
}
# The longest value kept whole (the archive's column sizes).
FIELD_LENGTHS = {"title": 1000, "outlet": 200, "external_id": 200, "url": 2000}


@dataclass(frozen=True)
class Limits:
    """How much one file may hold. The archive sets these from Django settings."""

    record_bytes: int = 5 * 1024 * 1024
    records_per_file: int = 1_000_000  # lines of a JSONL, rows of a CSV, members of a zip
    unzipped_bytes: int = 1024 * 1024 * 1024  # all members of one zip together
    json_array_bytes: int = 50 * 1024 * 1024


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
    # The id exactly as the file gave it (a JSON number stays a number), for outputs
    # keyed by it (`python -m extraction`); None when the file gave none.
    source_id: str | int | None = None


@dataclass(frozen=True)
class ReadError:
    """A record (or a whole file) that could not be read."""

    file: str
    line: int | None
    message: str

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "message": self.message}


def too_many(name: str, line: int | None, limits: Limits, what: str) -> ReadError:
    return ReadError(name, line, f"more than {limits.records_per_file:,} {what} in one file: "
                                 "stopped reading it (split the file)")


def _field(name: str, value, warnings: list[str]) -> str:
    """A one-line field, cleaned; too long, a title is cut (and said so), a url dropped
    (a cut address points elsewhere)."""
    if value is None:
        return ""
    text = clean_line(str(value))
    limit = FIELD_LENGTHS[name]
    if len(text) <= limit:
        return text
    if name == "url":
        warnings.append(f"url of {len(text):,} characters (over {limit:,}) dropped")
        return ""
    warnings.append(f"{name} of {len(text):,} characters cut to {limit:,}")
    return text[: limit - 1] + "…"


def record_from_fields(
    fields: dict, *, file: str, line: int | None, warnings: tuple[str, ...] = ()
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
    notes = list(warnings)
    if controls := control_characters(raw_text):
        notes.append(f"{controls:,} control characters (such as NUL) removed from the text")
    try:
        published = parse_date(pick("published"))
    except ValueError as error:
        published = None
        notes.append(f"{error}; stored without a publication date")
    values = {name: _field(name, pick(name), notes)
              for name in ("title", "outlet", "external_id", "url")}
    if values["url"] and not values["url"].lower().startswith(("http://", "https://")):
        notes.append(f"url {values['url'][:80]!r} is not http(s); dropped")
        values["url"] = ""
    source_id = pick("external_id")
    return Record(
        text=text, file=file, line=line, published=published, warnings=tuple(notes),
        title=values["title"], outlet=values["outlet"], url=values["url"],
        external_id=values["external_id"],
        source_id=source_id if isinstance(source_id, str | int) else None,
    )
