"""Placing: the one home of the place decision. Which places a sentence reports its
incident at (`choose_places`), which place mentions are no incident's place
(`names_a_party`), and the place facts merging relies on: how specific a place is,
whether one encloses another, whether two reports are at the same place, which place a
merged event keeps (`refine`) and where an unplaced event happened (`carry_places`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from extraction.arabic import L
from extraction.capitals import a_government
from extraction.gazetteer import ancestors, places_by_key
from extraction.lexicons import reads
from extraction.place_words import W
from extraction.settings import SETTINGS
from extraction.triggers import Trigger
from extraction.types import PlaceRef

_LEX = reads("placing.json", "precise_relatives", "titles", "ruler_titles", "title_units",
             "launch_words", "from", "clause_end", "inside", "coordination", "list_comma",
             "new_clause", "coordination_of_tolls", "speech_nouns", "speech_prepositions",
             "naming", "buildings", "at_building", "compared", "source_nouns", "headings",
             "retreats", "landmarks", "heading_heads", "on_behalf", "home_words", "seats",
             "seat_before")
# how specific a place is: settlements first; areas (mountains, regions) are vaguer
_KIND_RANK = {"village": 0, "subdistrict": 1, "city": 1, "district": 2, "area": 2,
              "governorate": 3, "country": 4}
_COUNTRY_RANK = 4


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


@cache
def _pattern(key: str) -> re.Pattern:
    return re.compile(_LEX[key])


def rank(p) -> int:
    return _KIND_RANK.get(p.ref.kind, 1)


def is_ancestor(outer, inner) -> bool:
    """Is place mention `outer` one of `inner`'s enclosing places?"""
    if outer.ref.key and inner.ref.key and inner.ref.key.startswith(outer.ref.key + "."):
        return True
    return outer.ref.name in inner.ref.admin


def _encloses(outer, inner) -> bool:
    """`outer` encloses `inner` and not the other way round: enclosure read from names
    can be mutual ("تونس" the city lies in "تونس" the country, and a second mention of
    it "encloses" the first), and mutual enclosure says nothing about which is smaller."""
    return is_ancestor(outer, inner) and not is_ancestor(inner, outer)


def vague(p) -> bool:
    """"north of X", "the east of X", a whole country: somewhere around X, not X itself."""
    if p.ref.kind == "country":
        return True
    return bool(p.relative) and p.relative not in _words("precise_relatives")


def _most_specific(places: list, text: str) -> list:
    """The places no other one of the sentence lies in, each name once (first kept); a
    place listed beside one it encloses is the list's next item, not where that one lies
    («مدينتي إدلب وأريحا»، «كفرنبل ومعرة النعمان وسراقب»)."""
    run = _runs(sorted(places, key=lambda p: p.start), text)
    specific = [p for p in places if not any(
        q is not p and _encloses(p, q) and not (not vague(p) and run[id(p)] == run[id(q)])
        for q in places)] or places
    seen, uniq = set(), []
    for p in specific:
        if p.ref.name not in seen:
            seen.add(p.ref.name)
            uniq.append(p)
    return uniq


def _runs(ordered: list, text: str) -> dict[int, int]:
    """The list each place is an item of, by its position in the sentence: places joined
    one to the next ("X، Y وZ") are items of one list."""
    links = _links(ordered, text, SETTINGS)
    run, out = 0, {}
    for n, p in enumerate(ordered):
        out[id(p)] = run
        run += not (n < len(links) and links[n])
    return out


def _taken(uniq: list, triggers: list[Trigger], text: str) -> list:
    """Every place taken in a territory trigger's clause: "قريتي حوش الظواهرة وحوش
    الزريقية"."""
    first = min((t.start for t in triggers if t.type == "territory"), default=0)
    stop = text.find(_LEX["clause_end"], first)
    stop = len(text) if stop < 0 else stop
    taken = [p for p in uniq if first <= p.start < stop and rank(p) < _COUNTRY_RANK
             and not vague(p)]
    taken = extend_list(taken, uniq, text)
    return taken or [p for p in uniq if p.start >= first][:1] or uniq[:1]


def choose_places(places: list, etype: str, triggers: list[Trigger], text: str,
                  counted: bool = False) -> list:
    """The places a sentence reports its incident at: the most specific one and those
    coordinated with it; for a territory report, every place taken in the trigger's
    clause. A toll over several provinces (`counted`) is one summary, not one per place."""
    places = _not_compared(places, text)
    if not places:
        return []
    uniq = _most_specific(places, text)
    if etype == "territory":
        return _taken(uniq, triggers, text)
    best = min(uniq, key=lambda p: (rank(p), vague(p), p.start))
    best = _quarter_of(best, uniq, text)
    if counted and rank(best) >= _KIND_RANK["governorate"]:
        return [best]
    return coordinated(best, uniq, text)


def _not_compared(places: list, text: str, settings=SETTINGS) -> list:
    """The places but those told as the ones before in a ranking, with the places listed
    after them ("حررت ثالث مدينة بعد مدينتي X وY": not X, not Y)."""
    ranked = _pattern("compared")
    ordered = sorted(places, key=lambda p: p.start)
    links = _links(ordered, text, settings)
    out, dropping = [], False
    for n, p in enumerate(ordered):
        dropping = (dropping and links[n - 1]) or bool(
            ranked.search(text, max(0, p.start - settings.compared_window), p.start))
        if not dropping:
            out.append(p)
    return out if len(out) < len(places) else places


def _quarter_of(best, places: list, text: str):
    """A named quarter, square or market told right before the town it lies in is more
    precise than the town ("حي X في العاصمة Y", "سوق X وسط Y")."""
    inside = _pattern("inside")
    for p in places:
        if p.end <= best.start and p.ref.kind == "area" and not vague(p) \
                and inside.fullmatch(text[p.end:best.start]):
            return p
    return best


def coordinated(best, places: list, text: str, settings=SETTINGS) -> list:
    """`best` and the places coordinated with it ("مدن X وY وZ"، "قريتي X وY"، "بلدات
    X، Y وZ"), each its own incident (GUIDELINES: one event per place), when they are of
    the same rank."""
    ordered = sorted(places, key=lambda p: p.start)
    i = ordered.index(best)
    links = _links(ordered, text, settings)
    first = last = i
    while first > 0 and links[first - 1] and _alike(ordered[first - 1], best):
        first -= 1  # "قرى X وY" with Y the more specific: X, before it, is in the list too
    tolls = _pattern("coordination_of_tolls")
    while last < len(links) and _alike(ordered[last + 1], best) and (links[last] or (
            len(gap := text[ordered[last].end:ordered[last + 1].start])
            <= settings.coordination_gap and tolls.fullmatch(gap))):
        last += 1  # and after it, "ثلاثة بX وشخصين آخرين بY" too
    return ordered[first:last + 1]


def _alike(p, best) -> bool:
    return not vague(p) and abs(rank(p) - rank(best)) <= 1


def _links(ordered: list, text: str, settings) -> list[bool]:
    """Whether each place is joined to the next: by "و" ("X وY"، "X، وY"), or by a
    comma in a list that goes on to one ("X، Y وZ")."""
    joins, commas = _pattern("coordination"), _pattern("list_comma")
    gaps = [text[a.end:b.start] for a, b in zip(ordered, ordered[1:], strict=False)]
    links = [len(g) <= settings.coordination_gap and bool(joins.fullmatch(g)) for g in gaps]
    for n in range(len(gaps) - 1, -1, -1):  # from the list's end: its "و" comes last
        if not links[n] and commas.fullmatch(gaps[n]) and n + 1 < len(gaps) and links[n + 1]:
            links[n] = True
    return links


def extend_list(taken: list, places: list, text: str, settings=SETTINGS) -> list:
    """The places taken, and those listed after the last of them past the clause's end
    ("سيطرت على قرى X، Y، Z وW")."""
    if not taken:
        return taken
    out = list(taken)
    for p in coordinated(taken[-1], places, text, settings):
        if p.start > out[-1].start:
            if _pattern("new_clause").fullmatch(text[out[-1].end:p.start]):
                break  # "استعادة صنعاء، ومحافظة صعدة ...": a new clause may begin
            out.append(p)
    return out


def _launched_from(before: list[str]) -> bool:
    """"قذيفة أطلقت من منطقة X": where it came from."""
    return bool(_words("from").intersection(before[-3:])) and any(
        w in _words("launch_words") for w in before[-4:])


def _spoken_at(before: list[str]) -> bool:
    """"في تصريح من أربيل", "في مؤتمر صحفي في بغداد": where a speaker spoke."""
    if not before or before[-1] not in _words("speech_prepositions"):
        return False
    return any(w in _words("speech_nouns") for w in before[-3:-1])


def _seat_of(before: list[str]) -> bool:
    """«بيان أصدرته من مقرها الرئيسي في تونس»، «البرلمان بمقره في طبرق»، «التي يوجد مقرها
    في طرابلس»: where a body sits, not where it happened («استهدفوا مقره في» is)."""
    if not before or before[-1] not in _words("speech_prepositions"):
        return False
    for k in range(max(0, len(before) - 3), len(before) - 1):
        word = before[k]
        if word[:1] == L.by and word[1:] in _words("seats"):
            return True
        if word in _words("seats") and k and before[k - 1] in _words("seat_before"):
            return True
    return False


def _a_persons_name(text: str, place, before: list[str]) -> bool:
    """"شاب يدعى X": told with a naming word («يدعى»، «المدعو») after a word that is no
    place head («منطقة تدعى X» is a place), a person's name."""
    first = text[place.start:place.end].split()[:1]
    return bool(first) and first[0] in _words("naming") and not (
        before and before[-1].removeprefix("و") in W.head_words)


def _at_building(before: list[str]) -> bool:
    """"أمام جامعة X", "داخل ملعب X", "في محيط جامعة X": a building that stands in X,
    told as where it happened, places it at X."""
    return len(before) > 1 and before[-1] in _words("buildings") \
        and before[-2] in _words("at_building")


def _home_of(before: list[str]) -> bool:
    """«أصيل منطقة X»: where a person comes from."""
    return bool(before) and before[-1] in _words("home_words")


def _in_title(before: list[str]) -> bool:
    """"مدير ناحية X", "فندق X": a speaker's title or a building's name; "شاب يدعى X":
    a person's name."""
    titles = _words("titles")
    if before and (before[-1] in titles or before[-1] in _words("naming")):
        return not _at_building(before)
    return len(before) > 1 and before[-2] in titles and before[-1] in _words("title_units")


def told_from(text: str, place, settings=SETTINGS) -> bool:
    """"قالت مصادر في دمشق إن"، "أفاد مراسلنا في تعز بأن"، "مصادر طبية بعدن": where the
    source is; «أمير منطقة تبوك»: the region a speaker governs (the caller keeps it when
    the sentence names no other place)."""
    before = text[max(0, place.start - settings.title_window):place.start].split()
    if before and before[-1].removeprefix(L.and_) in _words("ruler_titles"):
        return True
    glued = place.start > 0 and text[place.start - 1] == "ب"
    if not glued and not (before and before[-1] in _words("speech_prepositions")):
        return False
    nouns = before[-2:] if glued else before[-3:-1]
    return any(w.removeprefix("و") in _words("source_nouns") for w in nouns)


_BEHALF_REACH = 5  # words between «باسم» and the «في» before a spokesman's place
_BEHALF_WINDOW = 80  # characters before the place read for them


def _spokesman_at(text: str, place) -> bool:
    """"متحدثة باسم الجيش الإسرائيلي في القدس": where a spokesman speaks from, after «باسم»,
    the body he speaks for and «في»."""
    before = text[max(0, place.start - _BEHALF_WINDOW):place.start].split()
    if not before or before[-1] not in _words("speech_prepositions"):
        return False
    before, behalf = before[:-1], _LEX["on_behalf"]
    for k in range(len(before) - 1, max(0, len(before) - 1 - _BEHALF_REACH), -1):
        if before[k] == behalf:
            return before[k - 1].removeprefix(L.and_) in _words("source_nouns")
    return False


def bearings(text: str, places: list, settings=SETTINGS) -> list:
    """The places told as where people fled to ("فروا باتجاه محافظة X"، "نزوح العائلات
    نحو بلدتي X وY") or as the landmark another place is told by ("زنجبار القريبة من
    عدن"), with the places listed with them (the caller keeps them when the sentence
    names no other place)."""
    ends = {p.end for p in places}
    return with_listed(text, places, lambda p: _bearing(text, p, ends, settings), settings)


def with_listed(text: str, places: list, marked, settings=SETTINGS, joins=()) -> list:
    """The places `marked` picks, and each place listed right after one of them ("X وY"،
    "X، Y وZ", or with one of `joins` between)."""
    ordered = sorted(places, key=lambda p: p.start)
    links = _links(ordered, text, settings)
    out: list = []
    for i, p in enumerate(ordered):
        listed = i and ordered[i - 1] in out and (
            links[i - 1] or text[ordered[i - 1].end:p.start].strip() in joins)
        if listed or marked(p):
            out.append(p)
    return out


def _bearing(text: str, place, ends: set[int], settings) -> bool:
    start = place.start
    before = text[max(0, start - settings.bearing_window):start].split()
    if before and (before[-1] in W.head_words or before[-1] in _words("heading_heads")):
        before.pop()
    if before and _glued_in(before[-1], "headings"):
        reach = before[-settings.retreat_reach - 1:-1]
        return any(_glued_in(w, "retreats") for w in reach)
    if len(before) < 3 or " ".join(before[-2:]).removeprefix("و") not in _words("landmarks"):
        return False
    landmark = text.rfind(before[-2], 0, start)  # "X القريبة من": X ends right before
    return landmark - 1 in ends


def _glued_in(word: str, key: str) -> bool:
    """`word`, or `word` without a glued «و» or «ب» (وباتجاه، بنزوح), is one of `key`."""
    return word in _words(key) or (word[:1] in ("و", "ب") and word[1:] in _words(key))


def names_a_party(text: str, place, actors: list, starts: list[int],
                  settings=SETTINGS) -> bool:
    """A place inside an actor's name ("الجيش العراقي", "التحالف بقيادة السعودية") or a
    capital told as its government («بحسب أنقرة», extraction/capitals.py), a
    speaker's title ("مدير ناحية القيارة"), a spokesman's seat ("متحدثة باسم الجيش في
    القدس"), where a shell came from or where a person comes from («أصيل منطقة X»): not
    where the incident happened."""
    before = text[max(0, place.start - settings.title_window):place.start].split()
    if _launched_from(before) or _in_title(before) or _spoken_at(before) \
            or _home_of(before) or _seat_of(before) \
            or _a_persons_name(text, place, before) or _spokesman_at(text, place) \
            or a_government(text, place, before):
        return True
    i = bisect.bisect_right(starts, place.start) - 1
    return i >= 0 and actors[i].start <= place.start < actors[i].end


def same_place(a, b) -> bool | None:
    """True same / enclosing, False different, None when one is unknown."""
    if a is None or b is None or vague(a) or vague(b):
        return None  # "north of Mogadishu" may be any place near it
    if a.ref.name == b.ref.name or (a.ref.key and a.ref.key == b.ref.key):
        return True
    return is_ancestor(a, b) or is_ancestor(b, a)


def refines(old, new) -> bool:
    """Does place `new`, told of an event placed at `old`, say more precisely where?"""
    return new is not None and (old is None or vague(old) and not vague(new)
                                or is_ancestor(old, new))


def refined(current, places: list):
    """The most specific of `places` inside (or instead of a vague) `current`, or None."""
    better = [p for p in places if not vague(p) and (
        current is None or vague(current) or is_ancestor(current, p))]
    return min(better, key=rank) if better else None


def town_of(place):
    """The settlement a quarter, square or street lies in, told at the same words."""
    key = place.ref.parent_key if place.ref.kind == "area" else None
    record = places_by_key().get(key) if key else None
    if record is None:
        return place
    ref = PlaceRef(name=record.name, aliases=place.ref.aliases, key=record.key,
                   admin=tuple(a.name for a in ancestors(record.key)),
                   parent_key=record.parent, kind=record.kind, latitude=record.lat,
                   longitude=record.lon, name_en=record.name_en)
    return replace(place, ref=ref)


def carry_places(events: list, family, settings=SETTINGS) -> None:
    """An event told without a place happened where the article's previous one did; a
    protest after a killing in a quarter was in the town, not at the doorstep."""
    for prev, e in zip(events, events[1:], strict=False):
        if e.place is None and prev.place is not None \
                and e.order - prev.order <= settings.place_carried_within:
            e.place = prev.place if family(e.type) == family(prev.type) else town_of(
                prev.place)
            e.own_place = False
