"""Type-ahead suggestions for the actor and place pickers (and above search results).

A name matches when a word of the reader's text, folded like search queries (hamza, ta
marbuta, alef maqsura, attached particles, a plural ending do not matter), starts a word
of the Arabic name or an alias, or when the text is found in the English name. The folded
names are kept in memory per process, rebuilt when the table changes (its row count and
newest id), so a keystroke costs no scan of the database beyond two aggregates."""
from dataclasses import dataclass

from django.db.models import Count, Max, Sum, TextField
from django.db.models.functions import Cast, Length

from archive.models import Actor, Place
from archive.search import WORD, query_terms, variants
from extraction.normalise import fold

VERSION_KEY = "marsad:names-version"
LIMIT = 10
MIN_TEXT = 2  # one letter matches half the gazetteer
# The plural endings a group's name takes («الحوثي» / «الحوثيين» / «الحوثيون»).
PLURAL_ENDINGS = ("يين", "يون", "ين", "ون")
KIND_ORDER = {kind: i for i, kind in enumerate(
    ["country", "governorate", "district", "subdistrict", "city", "village", "area"])}


def stems(word: str) -> set[str]:
    """A folded word's forms without particles, each also without a plural ending."""
    forms = set(variants(word))
    for form in list(forms):
        for ending in PLURAL_ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                forms.add(form[: -len(ending)] + ("ي" if ending.startswith("ي") else ""))
    return forms


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    name_en: str
    kind: str
    path: str
    keys: frozenset  # every stem of every word of every Arabic name


_CACHE: dict[str, tuple[tuple, list[Entry]]] = {}


def _state(model) -> tuple:
    """What changes when a row is added, deleted or renamed: one aggregate over the small
    table (lengths of every name), plus a version bumped on every save (archive.signals),
    shared by all processes through the cache."""
    from django.core.cache import cache

    sizes = model.objects.aggregate(
        n=Count("id"), m=Max("id"), ar=Sum(Length("name_ar")), en=Sum(Length("name_en")),
        aliases=Sum(Length(Cast("aliases", TextField()))))
    return (*sizes.values(), cache.get(f"{VERSION_KEY}:{model.__name__}", 0))


def bump(model) -> None:
    """Called when an actor or place is saved or deleted."""
    from django.core.cache import cache

    key = f"{VERSION_KEY}:{model.__name__}"
    cache.set(key, cache.get(key, 0) + 1, None)


def _entries(model) -> list[Entry]:
    state = _state(model)
    cached = _CACHE.get(model.__name__)
    if cached and cached[0] == state:
        return cached[1]
    fields = ["id", "name_ar", "name_en", "kind", "aliases"]
    if model is Place:
        fields.append("path")
    entries = []
    for row in model.objects.values(*fields):
        names = [row["name_ar"], *[a for a in row["aliases"] or [] if isinstance(a, str)]]
        keys = {s for name in names for w in WORD.findall(fold(name)) for s in stems(w)}
        entries.append(Entry(id=row["id"], name=row["name_ar"], name_en=row["name_en"],
                             kind=row["kind"], path=row.get("path", ""),
                             keys=frozenset(keys)))
    _CACHE[model.__name__] = (state, entries)
    return entries


def _matches(entry: Entry, terms: list[set[str]], english: str) -> int | None:
    """0 for an exact word match of every term, 1 for prefixes, 2 for an English name
    starting with the text, 3 containing it; None."""
    if terms and all(t & entry.keys for t in terms):
        return 0
    if terms and all(any(k.startswith(s) for s in t for k in entry.keys) for t in terms):
        return 1
    name_en = entry.name_en.lower()
    if english and english in name_en:
        return 2 if name_en.startswith(english) else 3
    return None


def suggest(model, text: str, *, limit: int = LIMIT) -> list[Entry]:
    """The best `limit` actors or places for what the reader typed."""
    english = (text or "").strip().lower()
    if len(english) < MIN_TEXT:
        return []
    terms = [stems(t) for t in query_terms(text)]
    found = []
    for entry in _entries(model):
        score = _matches(entry, terms, english)
        if score is not None:
            found.append(((score, KIND_ORDER.get(entry.kind, 9), len(entry.name),
                           entry.name), entry))
    found.sort(key=lambda pair: pair[0])
    return [entry for _, entry in found[:limit]]


def _path_keys(path: str) -> list[str]:
    return [k for k in path.strip("/").split("/") if k]


def chains(entries: list[Entry]) -> dict[int, list[str]]:
    """Each place's names from itself up to its country (town › district › … › country),
    read in one query."""
    keys = {k for entry in entries for k in _path_keys(entry.path)}
    names = dict(Place.objects.filter(key__in=keys).values_list("key", "name_ar"))
    return {entry.id: [names[k] for k in reversed(_path_keys(entry.path)) if k in names]
            for entry in entries}


def as_json(model, entries: list[Entry]) -> list[dict]:
    by_id = chains(entries) if model is Place else {}
    rows = []
    for entry in entries:
        row = {"id": entry.id, "name": entry.name, "name_en": entry.name_en,
               "kind": entry.kind}
        if model is Place:
            row["chain"] = by_id[entry.id]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Suggested:
    id: int
    name_ar: str
    name_en: str
    chain: tuple = ()


def suggested_names(text: str, *, limit: int = 5) -> dict[str, list[Suggested]]:
    """Actors and places the query names: every query word matches one of their names'
    words, or their whole Arabic name is among the query's words (whole words, not
    prefixes: above the results, only names the reader plausibly meant)."""
    terms = [stems(t) for t in query_terms(text)]
    every = set().union(*terms) if terms else set()

    def named(entry: Entry) -> bool:
        if not (terms and every & entry.keys):
            return False
        if all(t & entry.keys for t in terms):
            return True
        return all(stems(w) & every for w in WORD.findall(fold(entry.name)))

    found = {}
    for label, model in (("actors", Actor), ("places", Place)):
        entries = [e for e in _entries(model) if named(e)]
        entries.sort(key=lambda e: (KIND_ORDER.get(e.kind, 9), len(e.name), e.name))
        found[label] = entries[:limit]
    by_id = chains(found["places"])
    return {
        "actors": [Suggested(e.id, e.name, e.name_en) for e in found["actors"]],
        "places": [Suggested(e.id, e.name, e.name_en, tuple(by_id[e.id]))
                   for e in found["places"]],
    }
