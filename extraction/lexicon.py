"""The actor lexicon (`extraction/data/actors.jsonl`) and the phrase index that both the
place and the actor matchers use to find lexicon names in folded text.

actors.jsonl: one JSON object per line: key, name (canonical Arabic), kind
(types.ACTOR_KINDS), name_en, aliases, country (ISO alpha-2 lowercase or null).

The phrase index is a dict keyed by a phrase's first word; every text token is looked up
as it stands and with its clitic prefixes (و ف ب ل ك, وب، وال، لل ...) or a glued
direction word (جنوبكركوك، شمالغربالموصل) taken off, so matching costs a handful of dict
look-ups per token whatever the size of the lexicon.
"""
from __future__ import annotations

import pathlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from extraction.arabic import L, fold, proclitics
from extraction.arabic import directions as arabic_directions
from extraction.datafiles import check_unique, read_jsonl
from extraction.types import ACTOR_KINDS, ActorRecord

DATA = pathlib.Path(__file__).parent / "data"
ACTORS_FILE = DATA / "actors.jsonl"
_FIELDS = {"key", "name", "kind", "name_en", "aliases", "country"}
_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")

WORD = re.compile(r"[^\W\d_]+")


@cache
def directions() -> tuple[str, ...]:
    """Direction and nearness words that may be glued to a name: جنوب، جنوبي، شمالغرب،
    شمالغربي، قرب ... (data/arabic.json)."""
    words = arabic_directions()
    compass, nisba = words["compass"], L.nisba
    return tuple(sorted(
        {d + s for d in compass for s in ("", nisba)}
        | {a + b + s for a in compass[:2] for b in compass[2:] for s in ("", nisba)}
        | set(words["around"]), key=len, reverse=True))


JOIN_CHARS = " \t_-\u200c\u200e\u200f#\"'«»“”"


class Token(NamedTuple):
    start: int
    end: int
    text: str
    joined: bool  # only spaces, quotes, #, a hyphen or an underscore since the previous token


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(WORD.findall(fold(phrase)))


@dataclass(frozen=True)
class Variant:
    offset: int  # characters of the token taken off in front
    word: str  # the token as it would read without them
    glue: str | None  # the direction word glued in front, if that is what came off


@cache
def _prefix_table() -> tuple[dict[str, str | None], int]:
    """prefix -> the direction word it carries (None for a bare clitic), and the longest
    prefix's length."""
    table: dict[str, str | None] = {c: None for c in proclitics("phrase")}
    for clitic in arabic_directions()["clitics"]:
        for direction in directions():
            table[clitic + direction] = direction
    return table, max(map(len, table))


_HEAD_READINGS: dict[frozenset[str], dict[str, Variant | None]] = {}  # heads -> memo


def _head_memo(heads: frozenset[str]) -> dict[str, Variant | None]:
    memo = _HEAD_READINGS.get(heads)
    if memo is None or len(memo) > 200_000:
        memo = _HEAD_READINGS[heads] = {}
    return memo


def head_reading(token: str, heads: frozenset[str]) -> Variant | None:
    """The reading of the token that is one of `heads` ("وبقرية" -> قريه), if any
    (remembered per head list: rules ask it of every word of an article)."""
    memo = _head_memo(heads)
    if token in memo:
        return memo[token]
    found = memo[token] = next((v for v in variants(token) if v.word in heads), None)
    return found


_LAST_TEXTS: tuple = (None, [], frozenset())  # the last tokens asked for, their texts


def token_texts(toks: Sequence[Token]) -> tuple[list[str], frozenset[str]]:
    """The tokens' texts and the distinct ones, remembered for the last token tuple
    (immutable, and held here, so `is` cannot match another one): the place and actor
    finders scan the same article's tokens several times."""
    global _LAST_TEXTS
    last = _LAST_TEXTS  # one read: another thread may replace it meanwhile
    if last[0] is toks:
        return last[1], last[2]
    texts = [t.text for t in toks]
    distinct = frozenset(texts)
    _LAST_TEXTS = (toks, texts, distinct)
    return texts, distinct


def positions(toks: Sequence[Token], words) -> list[int]:
    """The indexes of the tokens whose text is one of `words` (a set or a mapping)."""
    texts, distinct = token_texts(toks)
    found = words.keys() & distinct if isinstance(words, dict) else distinct & words
    return [n for n, w in enumerate(texts) if w in found] if found else []


def head_positions(toks: Sequence[Token], heads: frozenset[str]) -> list[int]:
    """The indexes of the tokens one of whose readings is one of `heads`."""
    texts, distinct = token_texts(toks)
    memo = _head_memo(heads)
    found = {w for w in distinct
             if (memo[w] if w in memo else head_reading(w, heads)) is not None}
    return [n for n, w in enumerate(texts) if w in found] if found else []


@lru_cache(maxsize=200_000)
def variants(token: str) -> tuple[Variant, ...]:
    """The token and its readings with a clitic or a glued direction word taken off the
    front ("للموصل" also reads "الموصل"; "جنوبيكركوك" reads "كركوك" glued to "جنوبي")."""
    out = [Variant(0, token, None)]
    prefixes, longest = _prefix_table()
    for k in range(1, min(longest, len(token) - 3) + 1):
        prefix = token[:k]
        if prefix not in prefixes:
            continue
        rest = token[k:]
        out.append(Variant(k, rest, prefixes[prefix]))
        if token[k - 1] == L.to and rest.startswith(L.to):
            # لل = ل + ال with the alef dropped: للموصل reads ل + الموصل
            out.append(Variant(k, L.alef + rest, None))
    return tuple(out)


def phrase_variants(token: str) -> tuple[Variant, ...]:
    """`variants`, and with two letters left for the first word of a longer name:
    «ببن قردان» starts «بن قردان», «بأم درمان» starts «أم درمان» (not memoised: the
    phrase index keeps what each token starts)."""
    prefixes, longest = _prefix_table()
    k = len(token) - 2
    if not 0 < k <= longest or token[:k] not in prefixes:
        return variants(token)
    return (*variants(token), Variant(k, token[k:], prefixes[token[:k]]))


@dataclass(frozen=True)
class Hit:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # character span in the text
    end: int
    glue: str | None
    payloads: tuple


class PhraseIndex:
    """Phrases (folded word tuples) -> payloads, keyed by first word."""

    def __init__(self, entries: Iterable[tuple[str, object]]):
        table: dict[str, dict[tuple[str, ...], list]] = {}
        for phrase, payload in entries:
            words = phrase_words(phrase)
            if not words:
                continue
            forms = {words}
            if len(words) > 1:
                forms.add(("".join(words),))  # glued in scraped text: الولاياتالمتحده
            for form in forms:
                bucket = table.setdefault(form[0], {}).setdefault(form[1:], [])
                if payload not in bucket:
                    bucket.append(payload)
        # first word -> (lengths of the rest, longest first; {rest: payloads})
        self._table = {
            first: (sorted({len(r) for r in rests}, reverse=True),
                    {rest: tuple(p) for rest, p in rests.items()})
            for first, rests in table.items()
        }
        self._readings: dict[str, tuple] = {}  # token -> its readings that start a phrase

    def _starts(self, token: str) -> tuple:
        found = self._readings.get(token)
        if found is None:
            table = self._table
            found = tuple((v, table[v.word]) for v in phrase_variants(token)
                          if v.word in table)
            if len(self._readings) < 500_000:
                self._readings[token] = found
        return found

    def __contains__(self, word: str) -> bool:
        return word in self._table

    def match(self, toks: Sequence[Token], i: int,
              texts: Sequence[str] | None = None) -> Hit | None:
        """The longest phrase starting at token i (any reading of it), or None."""
        best: Hit | None = None
        starts = self._starts(toks[i].text)
        if not starts:
            return None
        if texts is None:
            texts = [t.text for t in toks]
        for variant, (lengths, rests) in starts:
            for n in lengths:  # longest first
                if i + n >= len(toks) or (best is not None and n <= best.last - best.first):
                    continue
                payloads = rests.get(tuple(texts[i + 1:i + 1 + n]))
                if payloads is None or (n and not _contiguous(toks, i, i + n)) \
                        or (not n and variant.offset and len(variant.word) < 3):
                    continue  # two letters left start a longer name: «باب» is no «ب» + Ibb
                best = Hit(i, i + n, toks[i].start + variant.offset, toks[i + n].end,
                           variant.glue, payloads)
                break
        return best

    def scan(self, toks: Sequence[Token]) -> list[Hit]:
        """Left-to-right, longest match first, non-overlapping."""
        texts, distinct = token_texts(toks)
        # most tokens start no phrase: keep those that do, at one look-up a distinct word
        readings, starts = self._readings, self._starts
        starting = {w for w in distinct if (readings[w] if w in readings else starts(w))}
        first = [i for i, w in enumerate(texts) if w in starting]
        hits: list[Hit] = []
        free = 0  # the first token not inside a hit yet
        for i in first:
            if i < free:
                continue
            hit = self.match(toks, i, texts)
            if hit is not None:
                hits.append(hit)
                free = hit.last + 1
        return hits


def _contiguous(toks: Sequence[Token], first: int, last: int) -> bool:
    """Only spaces/hyphens between the tokens of a phrase (a name never spans punctuation
    or a line break)."""
    return all(toks[j].joined for j in range(first + 1, last + 1))


def _actor(obj: object, where: str) -> ActorRecord:
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: expected a JSON object")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown fields {sorted(unknown)}")
    key, name, kind = obj.get("key"), obj.get("name"), obj.get("kind")
    if not isinstance(key, str) or not key or set(key) - _KEY_CHARS or len(key) > 120:
        raise ValueError(f"{where}: bad key {key!r} (lowercase ascii slug, dotted)")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: {key}: missing Arabic name")
    if kind not in ACTOR_KINDS:
        raise ValueError(f"{where}: {key}: kind {kind!r} not in {ACTOR_KINDS}")
    aliases = obj.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise ValueError(f"{where}: {key}: aliases must be a list of non-empty strings")
    country = obj.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2):
        raise ValueError(f"{where}: {key}: country must be an ISO alpha-2 code or null")
    return ActorRecord(
        key=key, name=name.strip(), kind=kind, name_en=obj.get("name_en", "") or "",
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases)), country=country,
    )


def read_actors(path: pathlib.Path = ACTORS_FILE) -> tuple[ActorRecord, ...]:
    """Every lexicon record, validated (uncached)."""
    out: list[ActorRecord] = []
    seen: dict[str, str] = {}
    for where, obj in read_jsonl(path):
        record = _actor(obj, where)
        check_unique(record.key, where, seen)
        out.append(record)
    return tuple(out)


@cache
def load_actors() -> tuple[ActorRecord, ...]:
    """All lexicon records, validated; cached for the life of the process."""
    return read_actors()

