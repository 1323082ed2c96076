"""What makes two articles the same: the content key, `Article.content_hash`.

Version 2 (KEY_VERSION): SHA-256 of the UTF-8 bytes of the text after a Unicode-level
normalisation that owes nothing to the extractor:

1. NFC (canonical composition: a letter written as base + combining hamza equals the
   precomposed letter);
2. invisible format characters removed: zero-width space/joiners, LRM/RLM, ALM, bidi
   embeddings, overrides and isolates, word joiner, soft hyphen, BOM (`INVISIBLE`);
3. every run of white space (Unicode's definition, str.split) made one space, the ends
   trimmed.

Spelling is NOT folded: two texts that differ in a letter are two articles. Changing any
of this is a new version: write a data migration that recomputes the keys (0004 did it
for version 1, which hashed the extractor's `fold`), and keep the old function there.
"""
import hashlib
import re
import unicodedata

KEY_VERSION = 2
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c"
                                   "\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u00ad\ufeff"))
# the same characters as one class: str.translate looks every character up in a dict
# (milliseconds for an article), a regular expression only finds the few there are
_INVISIBLE = re.compile("[" + "".join(map(chr, INVISIBLE)) + "]")


def key_text(text: str) -> str:
    """The text as the key sees it."""
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


def content_hash(text: str) -> str:
    return hashlib.sha256(key_text(text).encode("utf-8")).hexdigest()
