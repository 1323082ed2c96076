"""The gazetteer as `places` reads it: every folded name and alias of data/places in one
phrase index (with the strict entries that need a head word), the stopwords and
nationality adjectives that are never place names, remembered ancestor chains, and the
token-level readings `places` applies before and after a lookup (a glued head word cut
off, a name cancelled by the next word, a river bank that is not the West Bank), the
document's country shares and where it names each place, and a fast tokeniser.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, repeat

from extraction.arabic import L, fold
from extraction.gazetteer import ancestors, generated_keys, load_places, strict_keys
from extraction.lexicon import (
    JOIN_CHARS,
    Hit,
    PhraseIndex,
    Token,
    phrase_words,
    variants,
)
from extraction.lexicons import reads
from extraction.place_words import W
from extraction.types import PlaceRecord, PlaceRef

_STOP = reads("places_stopwords.json", "common_names", "function_words", "not_names",
              "name_stop", "cancel_next", "cancel_pairs", "addressed_before", "bank", "river",
              "bank_of_jordan", "adjective_ending", "coordination", "object_nouns",
              "persons_before_nationality", "names_after_in", "regions_after",
              "object_counts", "list_leads", "listing_nouns", "verbs_like_heads",
              "servant_words")
_STOP_LISTS = ("common_names", "function_words", "not_names", "name_stop", "cancel_next",
               "object_nouns", "persons_before_nationality", "names_after_in",
               "regions_after", "object_counts", "list_leads", "listing_nouns",
               "servant_words")
_NATIONALITIES = reads("nationalities.json", "*")
_QUOTES = "\"«»“”"
_QUOTED_REACH = 12  # characters around a quoted name to its quotes and the word before
_DESCRIPTION_MIN = 5  # letters of a word that may be an adjective or a noun with its pronoun


_LETTERS = re.compile(r"([^\W\d_]+)")  # lexicon.WORD's runs of letters, kept by re.split
_JOINING = frozenset(JOIN_CHARS)


class _Joins(dict):
    """gap between two runs of letters -> whether it joins them (the rule:
    1-4 of its joining characters)."""

    def __missing__(self, gap: str) -> bool:
        joins = 0 < len(gap) <= 4 and all(c in _JOINING for c in gap)
        if len(self) < 10_000:
            self[gap] = joins
        return joins


_joins = _Joins()


@lru_cache(maxsize=8)  # places and actors tokenise the same text
def text_tokens(text: str) -> tuple[Token, ...]:
    """Runs of letters with their offsets, and whether the gap before each joins it to the
    previous run. One re.split; offsets summed from the pieces' lengths."""
    parts = _LETTERS.split(text)  # gap, word, gap, word, ..., gap
    if len(parts) == 1:
        return ()
    ends = list(accumulate(map(len, parts)))
    starts = ends[0::2]
    starts.pop()
    joined = [False]  # nothing joins the first word to what comes before it
    joined.extend(map(_joins.__getitem__, parts[2:-1:2]))
    rows = zip(starts, ends[1::2], parts[1::2], joined, strict=True)
    return tuple(map(tuple.__new__, repeat(Token), rows))


@dataclass(frozen=True)
class _Entry:
    key: str
    strict: bool


@cache
def stopwords() -> dict[str, frozenset[str]]:
    return {name: frozenset(fold(w) for w in _STOP[name]) for name in _STOP_LISTS}


def a_verb_as_written(nt, mention) -> bool:
    """The mention's first word, as the article (`nt`, its NormalisedText) wrote it, is a
    verb that folds to a head word: «وأدى القصف إلى ...» (and it led) is no «وادي» (a
    valley); valleys are never written with a hamza. The original is read only for a
    mention whose folded first word is such a verb's."""
    first = mention.surface.split(maxsplit=1)[:1]
    if not first or first[0] not in _verbs_folded():
        return False
    written = nt.original[slice(*nt.to_original(mention.start, mention.end))].split(maxsplit=1)
    return bool(written) and written[0] in _STOP["verbs_like_heads"]


@cache
def _verbs_folded() -> frozenset[str]:
    return frozenset(fold(w) for w in _STOP["verbs_like_heads"])


@cache
def _teh_marbuta() -> str:
    return fold(L.teh_marbuta)


def describes(word: str) -> bool:
    """«بلدات شيعية»، «مدن أوروبية»، «قرى تسكنها أغلبية»: after a plural head, an indefinite
    adjective or a word with its pronoun says what the places are, it names none."""
    return len(word) >= _DESCRIPTION_MIN and not word.startswith(L.article) and (
        word.endswith(_STOP["adjective_ending"]) and word not in W.name_nouns
        or word.endswith(W.pronoun_endings))


def new_noun(word: str, before: str, head: str) -> bool:
    """«محافظة الخرمة جنازة الشهيد»، «قرية الدالوة بداية العام»: after a definite word of
    an unseen name, an indefinite word ending in «ة» is a new noun, not the name's next
    word (the gazetteer's names are almost never so made); a street or a square may bear
    a person's name («شارع الحبيب بورقيبة»)."""
    return before.startswith(L.article) and not word.startswith(L.article) \
        and word.endswith(_teh_marbuta()) and head not in W.name_heads


@cache
def adjective_endings() -> tuple[str, str]:
    """The endings of an adjective of relation, masculine and feminine (folded): «الجوي»،
    «الجويه»."""
    return L.nisba, _STOP["adjective_ending"]


@cache
def nationality_forms() -> dict[str, tuple[str, str]]:
    """'العراقي', 'السوريه', 'اليمنيين' ... -> (country code, form): nationality adjectives
    with the article, folded."""
    return {L.article + fold(a): (cc, form) for cc, entry in _NATIONALITIES.items()
            for form in ("masc", "fem", "plural") for a in entry[form]}


@cache
def nationality_adjectives() -> frozenset[str]:
    """'العراقي', 'السوريه' ...: nationality adjectives, never place names."""
    return frozenset(nationality_forms())


@cache
def place_index() -> PhraseIndex:
    common = stopwords()["common_names"]
    strict, generated = strict_keys(), generated_keys()
    adjectives = nationality_adjectives()
    entries: list[tuple[str, _Entry]] = []
    for record in load_places():
        primary = fold(record.name)
        names = {fold(n): fold(n) for n in (record.name, *record.aliases)}  # name -> base
        for name in list(names):
            # "حمورية" is also written "الحمورية"; but "السورية" is an adjective, not Syria
            if (not name.startswith(L.article) and len(name) >= 4 and " " not in name
                    and not name.endswith(_STOP["adjective_ending"])
                    and L.article + name not in adjectives):
                names.setdefault(L.article + name, name)
        for name, base in names.items():
            words = phrase_words(name)
            if not words:
                continue
            short = len(words) == 1 and len(words[0]) < 3  # "إب"، "قم": only after a head
            # geonames aliases are noisy ("سلطات" for Settat): only after a head word
            noisy = record.key in generated and name not in (primary, L.article + primary)
            is_strict = (record.key in strict or name in common or base in common or noisy
                         or name in adjectives or short)  # "النقاب" as strict as "نقاب"
            entries.append((name, _Entry(record.key, is_strict)))
    return PhraseIndex(entries)


def is_place_name(phrase: str) -> bool:
    """Whether the whole (folded) phrase is a gazetteer name or alias."""
    toks = text_tokens(phrase)
    hit = place_index().match(toks, 0) if toks else None
    return hit is not None and hit.last == len(toks) - 1 and hit.start == toks[0].start


@lru_cache(maxsize=65536)
def ancestors_of(key: str) -> tuple[PlaceRecord, ...]:
    """`gazetteer.ancestors`, remembered: the gazetteer does not change while we run."""
    return ancestors(key)


def known_ref(record: PlaceRecord, surface: str) -> PlaceRef:
    """The gazetteer's place `record`, written `surface`, with its enclosing places."""
    chain = ancestors_of(record.key)
    return PlaceRef(
        name=record.name, aliases=(surface,), admin=tuple(a.name for a in chain),
        key=record.key, parent_key=record.parent, kind=record.kind,
        latitude=record.lat, longitude=record.lon, name_en=record.name_en,
    )


def unseen_ref(name: str, surface: str, kind: str, parent: PlaceRecord | None) -> PlaceRef:
    """A place the gazetteer lacks, called `name` (`surface` as written), under `parent`:
    its enclosing places and, for the map, its coordinates."""
    chain = (parent, *ancestors_of(parent.key)) if parent else ()
    return PlaceRef(name=name, aliases=(surface,), admin=tuple(a.name for a in chain),
                    key=None, parent_key=parent.key if parent else None, kind=kind,
                    latitude=parent.lat if parent else None,
                    longitude=parent.lon if parent else None)


def split_glued_heads(text: str, toks: tuple[Token, ...]) -> tuple[Token, ...]:
    """Tokens with a glued head word cut off the name it announces: "مدينهالديوانيه"
    reads "مدينه" + "الديوانيه" when the rest starts a gazetteer name."""
    cuts = {}  # where a token would start -> where its head word ends
    from extraction.place_words import W  # the head words are the place finder's

    for m in W.glued.finditer(text):
        start = m.start()
        cuts[start] = m.end()
        while start and text[start - 1] in L.attached and m.start() - start < 2:
            start -= 1
            cuts[start] = m.end()  # "وبمدينهالديوانيه"
    if not cuts:
        return toks
    index = place_index()
    out: list[Token] = []
    for tok in toks:
        cut = cuts.get(tok.start)
        if cut is not None and text[cut:tok.end] in index:
            out.append(Token(tok.start, cut, text[tok.start:cut], tok.joined))
            out.append(Token(cut, tok.end, text[cut:tok.end], True))
        else:
            out.append(tok)
    return tuple(out)


def gap_ok(toks: Sequence[Token], a: int, b: int) -> bool:
    """Token b follows token a at once, joined to it."""
    return b == a + 1 and toks[b].joined


def coordinated(gap: str) -> bool:
    """Whether the text between two names joins them: " و", "، ", "، و"."""
    return gap.replace(" ", "") in _STOP["coordination"]


def cancelled_by_next(toks: Sequence[Token], last: int) -> bool:
    """The next word says the name is none: "القنابل المسيلة للدموع", "مسقط رأسه"."""
    if last + 1 >= len(toks) or not toks[last + 1].joined:
        return False
    after, pairs, word = toks[last + 1].text, _STOP["cancel_pairs"], toks[last].text
    cancels = pairs.get(word) or pairs.get(word[1:], ())  # "ومسقط رأس"
    return after in stopwords()["cancel_next"] or any(after.startswith(w) for w in cancels)


def a_name_after_in(toks: Sequence[Token], hit: Hit) -> bool:
    """«في المغرب»، «بقبلي»: a country or province whose name is also a common word, told
    as where something is, unless a region's word follows («في المغرب العربي»)."""
    if hit.first != hit.last or toks[hit.first].text[hit.start - toks[hit.first].start:] \
            not in stopwords()["names_after_in"]:
        return False
    clitics = toks[hit.first].text[:hit.start - toks[hit.first].start]
    after_in = clitics in (L.by, L.and_ + L.by) or (
        not clitics and gap_ok(toks, hit.first - 1, hit.first)
        and toks[hit.first - 1].text in (W.in_, L.and_ + W.in_))
    nxt = hit.last + 1
    region = nxt < len(toks) and gap_ok(toks, hit.last, nxt) \
        and toks[nxt].text in stopwords()["regions_after"]
    return after_in and not region


def a_quoted_addressee(text: str, hit: Hit) -> bool:
    """«قالت مصادر ل"الرياض"»، «علمت «الرياض» أن»: a name in quotes told to, or learning,
    is a newspaper's or a channel's, not a place."""
    before = text[max(0, hit.start - _QUOTED_REACH):hit.start].rstrip()
    after = text[hit.end:hit.end + _QUOTED_REACH].lstrip()
    if not (before and before[-1] in _QUOTES and after and after[0] in _QUOTES):
        return False
    words = before[:-1].split()
    return bool(words) and words[-1] in _STOP["addressed_before"]


def a_nationality_after_a_person(toks: Sequence[Token], hit: Hit) -> bool:
    """"جنديا تركيا", "مواطنا كينيا": written without its marks, a nationality adjective
    in the accusative is the country's name; after a person in the accusative it is the
    adjective."""
    first = hit.first
    return first == hit.last and first > 0 and toks[first].joined \
        and toks[first - 1].text in stopwords()["persons_before_nationality"] \
        and toks[first].text in accusative_nationalities()


def after_a_servant(toks: Sequence[Token], hit: Hit) -> bool:
    """«جمال عبد الجليل»، «وعبد العزيز»: a name right after «عبد» (a glued «و» or «ل»
    allowed) is the second half of a person's name, not a place such as Galilee."""
    first = hit.first
    if first == 0 or not gap_ok(toks, first - 1, first):
        return False
    word, servants = toks[first - 1].text, stopwords()["servant_words"]
    return word in servants or (word[:1] in (L.and_, L.to) and word[1:] in servants)


@cache
def accusative_nationalities() -> frozenset[str]:
    """'تركيا', 'كينيا' ...: a masculine nationality adjective with the accusative alif."""
    return frozenset(fold(a) + L.alef for entry in _NATIONALITIES.values() for a in entry["masc"])


def not_the_west_bank(toks: Sequence[Token], hit: Hit) -> bool:
    """"الضفة التشادية", "الضفة الغربية لنهر الفرات": a river bank, not the West Bank."""
    if not toks[hit.first].text.endswith(_STOP["bank"]) or hit.last + 1 >= len(toks):
        return False
    after = toks[hit.last + 1]
    if not after.joined:
        return False
    if after.text in nationality_adjectives():
        return True
    river = next((v for v in variants(after.text) if v.word == _STOP["river"]), None)
    return river is not None and not (
        hit.last + 2 < len(toks) and toks[hit.last + 2].text == _STOP["bank_of_jordan"])


def country_of(key: str) -> str:
    """The ISO alpha-2 country of a place key ("iq.kirkuk" -> "iq")."""
    return key.split(".", 1)[0]


def is_foreign(key: str, context: dict, cands: tuple = ()) -> bool:
    """The document is mostly about other countries and names this one no more than once;
    a name told again counts once («منطقة بركي براك» twice in an Afghan report names Libya's
    Brak once, not twice)."""
    shares, country = context["countries"], country_of(key)
    told = shares.get(country, 0.0) * context["total"]
    repeats = context["repeats"].get(cands, 0)
    if repeats > 1:
        told -= (repeats - 1) * sum(country_of(k) == country for k in cands) / len(cands)
    return told < 1.5 and max(shares.values(), default=0.0) >= 0.3 \
        and max(shares, key=shares.get) != country


def document_context(raw: list) -> dict:
    """Where each unambiguous place (and its ancestors) is named, and each country's share
    of the mentions."""
    countries: Counter = Counter()
    repeats: Counter = Counter()  # how often each name (its candidates) is told
    positions: dict[str, list[int]] = {}
    for row in raw:
        start, cands = row[2], row[6]
        repeats[cands] += 1
        for k in cands:
            countries[country_of(k)] += 1 / len(cands)
        if len({country_of(k) for k in cands}) == 1:
            keys = [cands[0]] if len(cands) == 1 else []
            for k in keys:
                for key in (k, *(a.key for a in ancestors_of(k))):
                    positions.setdefault(key, []).append(start)
    for starts in positions.values():
        starts.sort()
    total = sum(countries.values()) or 1.0
    return {"countries": {c: n / total for c, n in countries.items()}, "positions": positions,
            "total": total, "repeats": repeats}
