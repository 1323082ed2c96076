"""Cleaning the text of articles found in the wild: encodings, HTML fragments, control
characters, dates written with Arabic-Indic digits. Pure functions, no database, no Django.

Encodings are decided once per file (`Decoder`): UTF-8 (with or without a BOM) when the
bytes read as UTF-8 more often than not, else Windows-1256. Bytes a UTF-8 file gets wrong
are replaced with U+FFFD and counted, so the caller can say so; a whole article is never
turned into Windows-1256 mojibake because of one bad byte.
"""
import codecs
import datetime as dt
import re
from html.parser import HTMLParser

SNIFF_BYTES = 64 * 1024
REPLACEMENT = "\ufffd"
# Elements whose content is never article text.
_SKIPPED = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head"}
# Elements that end a line of text.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure", "figcaption", "hr",
}
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")
# NUL and the other C0 controls but tab and newline (databases refuse NUL; none is text).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half a UTF-16 pair (JSON's "\ud800"): no database can store it.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Bidi embeddings, overrides and isolates: they make a title render reversed.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_DIGITS = str.maketrans(
    {**{chr(0x660 + d): str(d) for d in range(10)}, **{chr(0x6F0 + d): str(d) for d in range(10)}}
)
_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$")
_DATE_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


class NotText(ValueError):
    """The bytes are not text in an encoding we read (a binary file, most often)."""


def _utf8_votes(data: bytes, *, final: bool) -> tuple[int, int]:
    """(characters past ASCII that decode as UTF-8, bytes that do not)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    text = decoder.decode(data, final=final)  # a cut character at the end is not an error
    bad = text.count(REPLACEMENT) - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count(REPLACEMENT)
    return good, bad


def sniff_encoding(sample: bytes, *, final: bool = False) -> str | None:
    """`utf-8-sig` when the sample reads as UTF-8 more often than not (one bad byte does not
    make a file Windows-1256), `cp1256` when it does not, None when it is plain ASCII and
    says nothing. Raises NotText for UTF-16 and binary data (NUL bytes)."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText("the file is UTF-16: save it as UTF-8 (or Windows-1256) and try again")
    if b"\x00" in sample:
        raise NotText("this looks like a binary file, not text (it contains NUL bytes)")
    return _vote(sample, final=final)


def _vote(data: bytes, *, final: bool) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    good, bad = _utf8_votes(data, final=final)
    if not good and not bad:
        return None
    return "utf-8-sig" if good >= bad else "cp1256"


class Decoder:
    """One file's encoding, decided from its first bytes (or, for a file that starts in
    plain ASCII, from its first line that is not), then kept for every line."""

    def __init__(self, sample: bytes):
        self.encoding = sniff_encoding(sample)

    def decode(self, raw: bytes) -> tuple[str, int]:
        """The text of `raw` and how many of its bytes were not valid (and replaced)."""
        if self.encoding is None:
            self.encoding = _vote(raw, final=True)
            if self.encoding is None:
                return raw.decode("ascii"), 0
        try:
            return raw.decode(self.encoding), 0
        except UnicodeDecodeError:
            text = raw.decode(self.encoding, "replace")
            return text, text.count(REPLACEMENT) - raw.count(b"\xef\xbf\xbd")


def decode_bytes(data: bytes) -> tuple[str, int]:
    """A whole file's text (UTF-8 with or without a BOM, or Windows-1256) and the number
    of undecodable bytes replaced."""
    decoder = Decoder(data[:SNIFF_BYTES])  # refuses binary data and UTF-16
    decoder.encoding = _vote(data, final=True)  # then the whole file votes
    text, replaced = decoder.decode(data)
    return text.removeprefix("\ufeff"), replaced


def replaced_warning(count: int) -> str:
    return (f"{count:,} byte{'s' if count != 1 else ''} not valid in the file's encoding "
            f"replaced with {REPLACEMENT}")


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


def control_characters(text: str) -> int:
    """How many characters `clean_text` removes as control characters (NUL among them)."""
    return len(_CONTROLS.findall(text))


def clean_text(text: str) -> str:
    """Article text as stored: HTML stripped, line ends unified, control characters (NUL),
    bidi overrides and the BOM removed, half surrogate pairs replaced, outer space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = strip_html(_SURROGATES.sub(REPLACEMENT, text))  # entities may spell controls too
    return _BIDI_CONTROLS.sub("", _CONTROLS.sub("", text)).strip()


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
