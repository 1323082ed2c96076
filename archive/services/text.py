"""Cleaning the text of articles found in the wild: encodings, HTML fragments, dates
written with Arabic-Indic digits. Pure functions, no database."""
import datetime as dt
import hashlib
import re
from html.parser import HTMLParser

from extraction.arabic import fold

SNIFF_BYTES = 64 * 1024
# Elements whose content is never article text.
_SKIPPED = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head"}
# Elements that end a line of text.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure", "figcaption", "hr",
}
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_DIGITS = str.maketrans(
    {**{chr(0x660 + d): str(d) for d in range(10)}, **{chr(0x6F0 + d): str(d) for d in range(10)}}
)
_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$")
_DATE_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


class NotText(ValueError):
    """The bytes are not text in an encoding we read (a binary file, most often)."""


def sniff_encoding(sample: bytes) -> str:
    """`utf-8-sig` when the sample decodes as UTF-8 (with or without a BOM), else
    Windows-1256. Raises NotText for binary data (NUL bytes)."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText("the file is UTF-16: save it as UTF-8 (or Windows-1256) and try again")
    if b"\x00" in sample:
        raise NotText("this looks like a binary file, not text (it contains NUL bytes)")
    try:
        # A multi-byte character may be cut at the end of the sample: ignore a short tail.
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4 or error.reason != "unexpected end of data":
            return "cp1256"
    return "utf-8-sig"


def decode_bytes(data: bytes) -> str:
    """Text from bytes in UTF-8 (BOM or not) or Windows-1256."""
    encoding = sniff_encoding(data[:SNIFF_BYTES])
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode("cp1256")


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """The readable text of an HTML fragment: tags dropped (script and style with their
    content), entities unescaped, one line per block. Plain text passes unchanged."""
    if not _LOOKS_LIKE_HTML.search(text):
        return text
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def clean_text(text: str) -> str:
    """Article text as stored: HTML stripped, line ends unified, outer space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return strip_html(text).strip()


def clean_line(text: str) -> str:
    """A one-line field (title, outlet): cleaned and with runs of space collapsed."""
    return " ".join(clean_text(text).split())


def parse_date(value) -> dt.date | None:
    """A date from `2016-02-03`, `٢٠١٦/٠٢/٠٣`, `2016-02-03T10:00:00Z` or `03/02/2016`
    (day first, as Arabic outlets write it). None for empty; ValueError when unreadable."""
    if value is None:
        return None
    text = str(value).translate(_DIGITS).strip()
    if not text:
        return None
    if match := _DATE.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"date {value!r} does not exist") from None


def content_hash(text: str) -> str:
    """What makes two articles the same: the folded text with whitespace normalised."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()
