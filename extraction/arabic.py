"""The one home of Arabic orthography and morphology the extractor relies on: folding
(`fold`, versioned by `FOLD_VERSION`), digits, and the readings of a word with its
attached particles taken off (`readings`), from the tables of data/arabic.json.

`fold` is a contract: the archive's search index and every lexicon lookup depend on
it. Change a folding rule (or upgrade camel-tools) and `FOLD_VERSION` changes, and with
it the extractor's `VERSION`: re-index and re-extract.
"""
from __future__ import annotations

import re
from functools import cache, cached_property, lru_cache

import camel_tools

from extraction.lexicons import reads

_FOLD_RULES = 1  # bump when `fold` changes
FOLD_VERSION = f"{_FOLD_RULES}-camel{camel_tools.__version__}"

_LEX = reads("arabic.json", "proclitics", "article", "one_for_one", "letters", "directions",
             "diacritics")
TATWEEL = "\u0640"
DIGITS = frozenset("0123456789")
_DIGITS = {**{chr(0x660 + d): str(d) for d in range(10)},  # Arabic-Indic and Persian
           **{chr(0x6F0 + d): str(d) for d in range(10)}}
_HAMZA_SEATS = {"\u0624": "\u0648", "\u0626": "\u064a"}  # ؤ -> و, ئ -> ي


def fold(text: str) -> str:
    """Diacritics and tatweel removed; alef, hamza seats, alef maqsura, teh marbuta
    and Arabic-Indic digits folded. Keeps one output character per input character
    except for the removed marks."""
    return text.translate(_fold_table())


@cache
def diacritics() -> frozenset[str]:
    """The marks `fold` removes: camel-tools' AR_DIAC_CHARSET, kept in data/arabic.json
    (importing camel-tools' charsets costs every process 0.3 s)."""
    return frozenset(_LEX["diacritics"])


@cache
def _fold_table() -> dict[int, str | None]:
    """camel-tools' dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar and
    normalize_teh_marbuta_ar, then the hamza seats and digits: every rule maps one
    character, so one pass of one table does them all (tests/extraction/test_normalise.py
    checks it against camel-tools' functions on every Arabic character)."""
    return str.maketrans({
        **dict.fromkeys(diacritics()), TATWEEL: None,
        **dict.fromkeys("\u0625\u0623\u0671\u0622", "\u0627"),  # إ أ ٱ آ -> ا
        "\u0649": "\u064a", "\u0629": "\u0647",  # ى -> ي, ة -> ه
        **_HAMZA_SEATS, **_DIGITS,
    })


@cache
def proclitics(table: str) -> tuple[str, ...]:
    """The attached particles of reading table `table` (data/arabic.json), in order."""
    return tuple(_LEX["proclitics"][table])


@cache
def one_for_one() -> dict[str, str]:
    """Characters `normalise` replaces one for one on top of `fold` (quotes, dashes,
    Persian letters, hashtag glue)."""
    return dict(_LEX["one_for_one"])


@cache
def article_forms() -> tuple[str, ...]:
    """The article with the particles that may precede it: ال، وال، بال، لل ..."""
    return tuple(_LEX["article"])


@lru_cache(maxsize=100_000)
def readings(word: str, table: str, min_stem: int = 2) -> tuple[str, ...]:
    """`word` and what is left of it after each particle of `table` it starts with
    (leaving at least `min_stem` letters): والقصف -> (والقصف, القصف, قصف, ...)."""
    out = [word]
    for p in proclitics(table):
        if word.startswith(p) and len(word) - len(p) >= min_stem:
            out.append(word[len(p):])
    return tuple(out)


def strip_article(word: str) -> str:
    """`word` without one leading article form, taken off as a whole prefix, never
    letter by letter (والقوات -> قوات; لواء and وحدات stay as they are)."""
    for form in sorted(article_forms(), key=len, reverse=True):
        if word.startswith(form) and len(word) > len(form) + 1:
            return word[len(form):]
    return word


class _Letters:
    """The letters and particles rules name (data/arabic.json "letters"), read on first
    use: `L.article` is ال, `L.and_` و, `L.to` ل ..."""

    def _get(self, key: str):
        return _LEX["letters"][key]

    article = cached_property(lambda self: self._get("article"))
    and_ = cached_property(lambda self: self._get("and"))
    so = cached_property(lambda self: self._get("so"))
    by = cached_property(lambda self: self._get("by"))
    to = cached_property(lambda self: self._get("to"))
    alef = cached_property(lambda self: self._get("alef"))
    nisba = cached_property(lambda self: self._get("nisba"))
    comma = cached_property(lambda self: self._get("comma"))
    teh_marbuta = cached_property(lambda self: self._get("teh_marbuta"))
    attached = cached_property(lambda self: self._get("attached"))
    imperfect = cached_property(lambda self: tuple(self._get("imperfect")))


L = _Letters()


@cache
def directions() -> dict[str, tuple[str, ...]]:
    """Compass words, words of nearness, and the clitics that may precede them."""
    return {k: tuple(v) for k, v in _LEX["directions"].items() if not k.startswith("_")}


def alternatives(words: list[str]) -> str:
    """A regular-expression alternation of data-file words, folded and escaped, longest
    first; a trailing * matches any ending (اشتباك* = اشتباكات)."""
    forms = {re.escape(fold(w.rstrip("*"))) + (r"\S*" if w.endswith("*") else "") for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))
