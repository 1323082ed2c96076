"""Actors in folded text: lexicon names and aliases, generic words resolved at document
level ("التحالف" -> the coalition the document names, "الجيش" -> the document's army),
national forces by pattern ("الجيش المالي", "القوات الخاصة العراقية"), and unseen
armed groups after a head word ("لواء X", "كتائب X"). `find_actors(text)` returns sorted,
non-overlapping ActorMentions; the text is folded (`extraction.normalise.fold`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from extraction.actor_common_words import common_word
from extraction.actor_loyalty import loyal_forces
from extraction.actor_nationality import told_country
from extraction.actor_partners import partner_forces
from extraction.actor_units import group_name, unit_after
from extraction.arabic import L, fold
from extraction.lexicon import (
    PhraseIndex,
    Token,
    head_positions,
    head_reading,
    load_actors,
    phrase_words,
    positions,
    variants,
)
from extraction.lexicons import reads
from extraction.place_index import place_index, text_tokens
from extraction.places import document_countries, is_place_name
from extraction.types import ActorRecord

_PATTERNS = reads("actors_patterns.json", "heads", "open_heads", "head_keys", "force_words",
                  "modifiers", "not_actor_before", "not_names", "place_forces", "front_heads",
                  "locative_before", "security_forces", "front_prepositions", "adjectives",
                  "army_of", "common_word_names", "service_heads", "service_words", "members_of")
_GENERIC = reads("actors_generic.json", "*")
_NATIONALITIES = reads("nationalities.json", "*")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str
    key: str | None
    kind: str
    surface: str
    via_pattern: bool
    name_en: str = ""
    partner: bool = False  # an ally named only after its partner and «و» (actor_partners)


@dataclass(frozen=True)
class _Generic:
    candidates: tuple[str, ...]  # lexicon keys, or "@army" / "@police" / "@security"
    default: bool  # take the first candidate when the document names none of them
    by_country: tuple[tuple[str, str], ...] = ()  # (country of the document's actors, key)


@dataclass(frozen=True)
class _Force:
    country: str
    branch: str  # "army" | "police" | "security"


@cache
def _actors() -> dict[str, ActorRecord]:
    return {a.key: a for a in load_actors()}


@cache
def _patterns() -> dict:
    data = _PATTERNS
    return {
        "heads": frozenset(fold(w) for w in data["heads"]),
        "open_heads": frozenset(fold(w) for w in data["open_heads"]),
        "head_keys": {fold(k): v for k, v in data["head_keys"].items()},
        "force_words": {phrase_words(k): v for k, v in data["force_words"].items()},
        "modifiers": frozenset(fold(w) for w in data["modifiers"]),
        "not_before": frozenset(fold(w) for w in data["not_actor_before"]),
        "not_names": frozenset(fold(w) for w in data["not_names"]),
        "place_forces": {phrase_words(k): v for k, v in data["place_forces"].items()},
        "front_heads": frozenset(fold(w) for w in data["front_heads"]),
        "locative_before": frozenset(fold(w) for w in data["locative_before"]),
        "service_heads": frozenset(fold(w) for w in data["service_heads"]),
        "service_words": frozenset(fold(w) for w in data["service_words"]),
        "members_of": [frozenset(map(fold, data["members_of"][k])) for k in ("counts", "of")],
        "adjectives": {fold(k): v for k, v in data["adjectives"].items()},
        "common_word_names": {fold(k): {side: frozenset(fold(w) for w in words)
                                        for side, words in v.items()}
                              for k, v in data["common_word_names"].items()},
    }


@cache
def _index() -> PhraseIndex:
    entries: list[tuple[str, object]] = []
    for actor in load_actors():
        for name in (actor.name, *actor.aliases):
            entries.append((name, actor.key))
    for phrase, spec in _GENERIC.items():
        by_country = tuple(sorted(spec.get("by_country", {}).items()))
        entries.append(
            (phrase, _Generic(tuple(spec["candidates"]), bool(spec["default"]), by_country))
        )
    return PhraseIndex(entries)


@cache
def _nationalities() -> dict[str, tuple[str, str]]:
    """'العراقي' / 'العراقيه' / 'العراقيين' -> (country code, form)."""
    out: dict[str, tuple[str, str]] = {}
    for cc, entry in _NATIONALITIES.items():
        for form in ("masc", "fem", "plural"):
            for adjective in entry[form]:
                words = phrase_words(adjective)
                if len(words) == 1:
                    out[L.article + words[0]] = (cc, form)
    return out


@cache
def _main_force() -> dict[tuple[str, str], str]:
    """(country, branch) -> lexicon key of that country's army / police / security forces."""
    keys = _actors()
    out: dict[tuple[str, str], str] = {}
    security = _PATTERNS["security_forces"]
    named_security = {fold(n): a.key for a in keys.values() for n in (a.name, *a.aliases)
                      if a.kind == "state_force" and fold(n).startswith(security + " ")}
    for cc, entry in _NATIONALITIES.items():
        for adjective in entry["fem"]:  # the force the lexicon calls "قوات الأمن العراقية"
            key = named_security.get(fold(f"{security} {L.article}{adjective}"))
            if key is not None and f"{cc}.security" not in keys:
                out[(cc, "security")] = key
        for branch, names in (
            ("army", ("army", "forces", "regime")),
            ("police", ("police", "security", "army", "forces", "regime")),
            ("security", ("security", "police", "army", "forces", "regime")),
        ):
            for name in names:
                if f"{cc}.{name}" in keys and (cc, branch) not in out:
                    out[(cc, branch)] = f"{cc}.{name}"
                    break
    out.update({(cc, "army"): key for cc, key in _PATTERNS["army_of"].items()})
    return out


def _mention(text: str, start: int, end: int, key: str | None, name: str = "",
             kind: str = "other", via_pattern: bool = False) -> ActorMention:
    if key is not None:
        actor = _actors()[key]
        return ActorMention(start, end, actor.name, key, actor.kind, text[start:end],
                            via_pattern, actor.name_en)
    return ActorMention(start, end, name, None, kind, text[start:end], via_pattern)


def _excluded(toks: Sequence[Token], i: int) -> bool:
    """A name right after 'باسم', 'وكالة', 'وزارة' ... is a speaker or an outlet."""
    if i == 0:
        return False
    words = {v.word for v in variants(toks[i - 1].text)}
    return bool(words & _patterns()["not_before"])


def _describes(toks: Sequence[Token], i: int) -> bool:
    """"رتلا عسكريا", "مسؤولين عسكريين": an adjective agreeing with the word before it
    describes that word; it names no force ("12 عسكريا" does)."""
    ending = _patterns()["adjectives"].get(toks[i].text)
    return bool(ending) and i > 0 and toks[i].joined and toks[i - 1].text.endswith(ending)


def find_actors(text: str) -> list[ActorMention]:
    """Every armed party named in the (folded) text, sorted and non-overlapping."""
    toks = text_tokens(text)
    covered: set[int] = set()
    found: list[tuple[int, int, ActorMention | _Generic]] = []
    hits = list(_index().scan(toks))
    named = {h.payloads[0] for h in hits if h.first != h.last}  # "تنظيم القاعدة"
    ends, generic = [], set()
    for hit in hits:
        if isinstance(hit.payloads[0], _Generic) and _a_nations_force(toks, hit.last):
            continue  # "الشرطة البلجيكية": the nation's force (_national_forces)
        covered.update(range(hit.first, hit.last + 1))
        if _excluded(toks, hit.first) \
                or common_word(toks, hit, named, _patterns()["common_word_names"]) \
                or (hit.first == hit.last and _describes(toks, hit.first)):
            continue
        payload = hit.payloads[0]
        if isinstance(payload, _Generic):
            found.append((hit.start, hit.end, payload))
            generic.update(range(hit.first, hit.last + 1))
        else:
            found.append((hit.start, hit.end, _mention(text, hit.start, hit.end, payload)))
            ends.append((hit.last, payload))
            if _actors()[payload].kind == "other":  # «المسلحين»: a word for anyone armed
                generic.update(range(hit.first, hit.last + 1))
    found.extend((start, end, replace(_mention(text, start, end, key, via_pattern=True),
                                      partner=True))
                 for start, end, key in partner_forces(toks, covered, ends))
    found.extend(_national_forces(text, toks, covered))
    found.extend(_place_forces(text, toks, covered))
    loyal = loyal_forces(toks, covered, generic, lambda: document_countries(text))
    found = [f for f in found if not any(s <= f[0] < e for s, e, _k in loyal)]
    found.extend((start, end, _mention(text, start, end, key, via_pattern=True))
                 for start, end, key in loyal)
    found.extend(_headed_groups(text, toks, covered, found))
    found.sort(key=lambda f: f[0])
    return _resolve_generics(text, found)


def _a_nations_force(toks: Sequence[Token], last: int) -> bool:
    """A force word ends at token `last` and a nationality adjective is joined right after
    it ("الشرطة البلجيكية", not "المقاومة اليمنية")."""
    return last + 1 < len(toks) and toks[last + 1].joined \
        and toks[last + 1].text in _nationalities() \
        and _force_before(toks, last + 1, last, set()) is not None


def _resolve_generics(text: str, found: list) -> list[ActorMention]:
    named = [m for _s, _e, m in found if isinstance(m, ActorMention) and m.key]
    counts = Counter(m.key for m in named)
    countries: Counter = Counter()
    if any(not isinstance(m, ActorMention) for _s, _e, m in found):
        # the document's countries: its state forces, its other actors, its places
        for m in named:
            actor = _actors()[m.key]
            if actor.country:
                countries[actor.country] += 3 if actor.kind == "state_force" else 2
        countries.update(document_countries(text))
    out: list[ActorMention] = []
    for start, end, item in found:
        if isinstance(item, ActorMention):
            out.append(item)
            continue
        key = None if _members_of(text, start, end) else _pick(
            item, counts, told_country(text, end) or countries)  # «جنديا أفغانيا»
        if key is not None:
            out.append(_mention(text, start, end, key))
    return out


def _members_of(text: str, start: int, end: int) -> bool:
    """«جنديان من قوة الطوارئ»، «عسكريان من هذه القوة»: members of a force, no party."""
    counts, of = _patterns()["members_of"]
    after = text[end:end + 8].split()[:1]
    return text[start:end] in counts and bool(after) and after[0] in of


def _pick(generic: _Generic, counts: Counter, countries: Counter) -> str | None:
    branch = next((c[1:] for c in generic.candidates if c.startswith("@")), None)
    if branch == "group":  # "التنظيم": the armed group the document names most (first)
        groups = [k for k in counts if _actors()[k].kind in {"armed_group", "militia"}]
        return max(groups, key=counts.get) if groups else None  # Counter: in naming order
    if branch is not None:
        for cc, _n in countries.most_common():
            key = _main_force().get((cc, branch))
            if key is not None:
                return key
        return None
    named = [k for k in generic.candidates if counts.get(k)]
    if named:
        return max(named, key=lambda k: counts[k])
    by_country = dict(generic.by_country)
    for cc, _n in countries.most_common():
        if cc in by_country:
            return by_country[cc]
    return generic.candidates[0] if generic.default else None


def _national_forces(text: str, toks: Sequence[Token], covered: set[int]) -> list:
    """'الجيش المالي', 'القوات الخاصة العراقية', 'الشرطة المحلية الافغانية' ..."""
    patterns = _patterns()
    nationalities = _nationalities()
    out = []
    for i in positions(toks, nationalities):
        if i in covered:
            continue
        tok = toks[i]
        adjective = nationalities[tok.text]
        j = i - 1
        modifiers = patterns["modifiers"]
        while j >= 0 and i - j <= 2 and toks[j + 1].joined and toks[j].text in modifiers:
            j -= 1
        force = _force_before(toks, i, j, covered)
        if force is None or _excluded(toks, force[0]):
            continue
        first, offset, branch = force
        start, end = toks[first].start + offset, tok.end
        key = _main_force().get((adjective[0], branch))
        surface = text[start:end]
        mention = _mention(text, start, end, key, name=surface, kind="state_force",
                           via_pattern=True)
        out.append((start, end, mention))
        covered.update(range(first, i + 1))
    return out


def _force_before(toks: Sequence[Token], i: int, j: int, covered: set[int]):
    """(first token, letters to skip, branch) of a force word ending at token j, before
    the nationality adjective at token i ("الجيش", "القوات الخاصة")."""
    force_words = _patterns()["force_words"]
    for n in (2, 1):
        first = j - n + 1
        if first < 0 or any(k in covered for k in range(first, i)):
            continue
        if not all(toks[k].joined for k in range(first + 1, i + 1)):
            continue
        for v in variants(toks[first].text):
            words = (v.word, *(t.text for t in toks[first + 1:j + 1]))
            if words in force_words:
                return first, v.offset, force_words[words]
    return None


def _front(toks: Sequence[Token], i: int, offset: int) -> bool:
    """'على جبهة الكسارة', 'بمحور X': a battlefront, a place rather than a group."""
    patterns = _patterns()
    if not any(v.word in patterns["front_heads"] for v in variants(toks[i].text)):
        return False
    if offset and toks[i].text[0] in _PATTERNS["front_prepositions"]:
        return True
    return i > 0 and toks[i].joined and any(
        v.word in patterns["locative_before"] for v in variants(toks[i - 1].text))


def _place_forces(text: str, toks: Sequence[Token], covered: set[int]) -> list:
    """'مديرية أمن الشرقية', 'قيادة شرطة كركوك': a province's police is its country's."""
    forces = _patterns()["place_forces"]
    seconds = {words[-1] for words in forces}
    firsts = frozenset(words[0] for words in forces)
    out = []
    for i in [n - 1 for n in positions(toks, seconds) if 0 < n < len(toks) - 1]:
        if i in covered or not toks[i + 1].joined or _excluded(toks, i):
            continue  # «بلاغ لشرطة محافظة X»: whom a crime was reported to
        head = head_reading(toks[i].text, firsts)
        branch = head and forces.get((head.word, toks[i + 1].text))
        if not branch or (i + 2) in covered or not toks[i + 2].joined:
            continue
        hit = place_index().match(toks, i + 2)
        if hit is None or hit.start != toks[i + 2].start:
            continue
        countries = {e.key.split(".", 1)[0] for e in hit.payloads}
        if len(countries) > 1:  # "الشرقية" is in Egypt, Oman and Saudi Arabia
            named = document_countries(text)
            best = max(sorted(countries), key=lambda c: named.get(c, 0))
            countries = {best} if named.get(best) else set()
        if not countries:
            continue
        key = _main_force().get((countries.pop(), branch))
        if key is None:
            continue
        start = toks[i].start + head.offset
        out.append((start, hit.end, _mention(text, start, hit.end, key, via_pattern=True)))
        covered.update(range(i, hit.last + 1))
    return out


def _headed_groups(text: str, toks: Sequence[Token], covered: set[int],
                   found: list | None = None) -> list:
    """An unseen group after a head word: 'لواء الشهيد X', 'كتائب X', 'حشد X'. A head
    followed by a lexicon name is a unit of that actor ('لواء مغاوير قيادة عمليات X')."""
    patterns = _patterns()
    starts = {f[0]: n for n, f in enumerate(found or [])}
    out = []
    heads = patterns["heads"]
    for i in [n for n in head_positions(toks, heads) if n < len(toks) - 1]:
        if i in covered:
            continue
        tok = toks[i]
        head = head_reading(tok.text, heads)
        if _excluded(toks, i) or _front(toks, i, head.offset):
            continue
        words = group_name(toks, i + 1, head.word, covered, patterns)
        j = words[-1] + 1 if words else i + 1
        start = tok.start + head.offset
        n = unit_after(toks, j, covered, starts) if found else None
        if n is not None:
            _start, end, unit = found[n]
            if isinstance(unit, ActorMention):
                unit = _mention(text, start, unit.end, unit.key)
            found[n] = (start, end, unit)  # a generic force stays one, resolved later
            covered.update(range(i, j))
            continue
        if not words:
            continue
        end = toks[words[-1]].end
        name = " ".join([head.word] + [toks[w].text for w in words])
        if is_place_name(name):
            continue  # "لواء اسكندرون" is a province, not a brigade
        key = patterns["head_keys"].get(head.word)
        service = head.word in patterns["service_heads"] \
            and toks[words[0]].text in patterns["service_words"]  # «فرقة الأبحاث العدلية»
        out.append((start, end, _mention(text, start, end, key, name=name,
                                         kind="state_force" if service else "armed_group",
                                         via_pattern=True)))
        covered.update(range(i, words[-1] + 1))
    return out
