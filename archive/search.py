"""Full-text search: the folding shared by documents and queries, and XSS-proof highlighting.

`search_document` is what ingestion stores in Article.search_text: the folded words of the
title and text, each followed by its forms without attached particles (و ف ب ك ل and the
article ال), so that a query for `كركوك` finds `بكركوك` and `الموصل` finds `بالموصل` with
plain word matching on both databases. Queries are folded by `query_terms`, the same code.
"""
import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from extraction.arabic import fold

WORD = re.compile(r"[\w\u0600-\u06FF]+")
# Conjunction, then preposition, then the article: وبال، فلل، كال، ب، و ...
_PROCLITIC = re.compile(r"^(?P<conj>[وف]?)(?P<prep>[بكل]?)(?P<art>ال|(?<=ل)ل)?")
MIN_STEM = 2
MAX_QUERY_TERMS = 12
# A query word this long is also marked inside a longer word (scraped text glues words).
GLUED_MIN = 4
# Private-use characters: they never survive into stored text (see `_strip_sentinels`).
OPEN, CLOSE = "\ue000", "\ue001"


def variants(word: str) -> list[str]:
    """A folded word and the forms left after removing each possible attached particle,
    longest first: وبالموصل -> [وبالموصل, بالموصل, الموصل, موصل]."""
    return list(_variants(word))


@lru_cache(maxsize=1 << 16)  # the words of news repeat: ingestion folds each form once
def _variants(word: str) -> tuple[str, ...]:
    forms = [word]
    match = _PROCLITIC.match(word)
    if match and match.end():
        conj, prep, art = match.group("conj"), match.group("prep"), match.group("art") or ""
        rest = word[match.end():]
        candidates = [
            word[len(conj):],
            art + rest,
            ("ال" + rest) if prep == "ل" and art == "ل" else "",
            rest,
        ]
        for form in candidates:
            if len(form) >= MIN_STEM + (1 if form.startswith("ال") else 0) and form not in forms:
                forms.append(form)
    return tuple(forms)


# A group's name is written in the singular nisba or a plural («الحوثي»، «الحوثيين»،
# «الحوثيون»): a query in one finds the others.
NISBA_PLURALS = ("ين", "ون")


def alternatives(term: str) -> list[str]:
    """A folded query word and its singular or plural forms, the word itself first:
    الحوثي -> [الحوثي, الحوثيين, الحوثيون]; الحوثيين -> [الحوثيين, الحوثي, الحوثيون]."""
    forms = [term]
    stem = None
    if term.endswith("ي") and len(term) >= 4:
        stem = term
    elif term.endswith(("يين", "يون")) and len(term) >= 6:
        stem = term[:-2]
    if stem:
        for form in (stem, *(stem + ending for ending in NISBA_PLURALS)):
            if form not in forms:
                forms.append(form)
    return forms


def search_document(*parts: str) -> str:
    """The folded text that the search indexes for an article's title and text."""
    folded = fold(" ".join(p for p in parts if p))
    extra = []
    seen = set()
    for word in dict.fromkeys(WORD.findall(folded)):  # each word once, in order
        for form in _variants(word)[1:]:
            if form not in seen:
                seen.add(form)
                extra.append(form)
    return f"{folded}\n{' '.join(extra)}" if extra else folded


def query_terms(query: str) -> list[str]:
    """The folded words of a reader's query, deduplicated, in order."""
    terms: list[str] = []
    for word in WORD.findall(fold(query or "")):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


def _strip_sentinels(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def mark_terms(text: str, terms: list[str]) -> str:
    """`text` with every word matching a query term wrapped in sentinels (not HTML)."""
    text = _strip_sentinels(text)
    wanted = {form for term in terms for form in alternatives(term)}
    if not wanted:
        return text

    long_terms = [t for t in wanted if len(t) >= GLUED_MIN]

    def replace(match: re.Match) -> str:
        word = match.group(0)
        folded = fold(word)
        if wanted.intersection(variants(folded)) or any(t in folded for t in long_terms):
            return f"{OPEN}{word}{CLOSE}"
        return word

    return WORD.sub(replace, text)


def sentinels_to_html(marked: str) -> SafeString:
    """Escape everything, then turn the sentinels (which escaping leaves alone) into <mark>."""
    html = escape(marked).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
    return mark_safe(html)  # noqa: S308 (every character from the database was escaped above)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The whole text, escaped, with the query's words in <mark>."""
    return sentinels_to_html(mark_terms(text, terms))


def excerpt(text: str, terms: list[str], *, width: int = 240) -> SafeString:
    """A window of the text around the first match (or its start), escaped and highlighted."""
    marked = mark_terms(text, terms)
    first = marked.find(OPEN)
    if first < 0:
        window = marked[:width]
        return sentinels_to_html(window + ("…" if len(marked) > width else ""))
    start = max(0, first - width // 3)
    while start > 0 and not marked[start - 1].isspace():
        start -= 1
    window = marked[start:start + width]
    # Never cut inside a mark: close it, drop a dangling opener.
    if window.count(OPEN) > window.count(CLOSE):
        window += CLOSE
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(marked) else ""
    return sentinels_to_html(prefix + window + suffix)
