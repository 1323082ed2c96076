"""Places the gazetteer lacks, found by pattern: after a head word ("قرية كنعوص في ...
لقضاء الشرقاط" -> كنعوص under الشرقاط), coordinated under a plural head ("قريتي X
وY"), placed by a direction from a known place ("في بلدة X شمال مالي"), or a square
named by an ordinal ("الدوار الرابع"); each under the known place the text attaches it
to (`place_parents.parent_for`)."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from extraction.arabic import L, directions
from extraction.lexicon import (
    Token,
    Variant,
    head_positions,
    head_reading,
    positions,
    variants,
)
from extraction.place_index import (
    coordinated,
    describes,
    gap_ok,
    is_place_name,
    nationality_adjectives,
    new_noun,
    stopwords,
    unseen_ref,
)
from extraction.place_parents import parent_for
from extraction.place_words import PlaceMention, W
from extraction.settings import SETTINGS

_NAME_WORDS = 3  # words an unseen name may have
_VERB_MIN = _PURPOSE_MIN = 4  # letters of an imperfect verb; of «ل» + a purpose («لحضور»)
_PRONOUN_MIN = 5  # letters of a word that may be a noun with its pronoun
_SIBLING_WORDS = 2  # words of a name listed after a singular head's


def anchored(text: str, toks: Sequence[Token], raw: list, covered: set[int],
             known: list[PlaceMention], context: dict) -> list[PlaceMention]:
    """An unseen place placed by a direction from a known one: "في بلدة الكرمة شمال مالي",
    "بالرطبة غرب الانبار"."""
    out: list[PlaceMention] = []
    for first, _last, _start, _end, _head, relative, _cands in raw:
        found = _before_direction(toks, first, relative, covered)
        if found is None:
            continue
        x, word, offset = found
        anchor = next((m for m in known if m.start >= toks[first].start), None)
        if anchor is None or anchor.ref.key is None:
            continue
        start = toks[x].start + offset
        out.append(_unseen(text, start, toks[x].end, W.default_head, [word], [anchor], context))
        covered.add(x)
    return out


def _before_direction(toks: Sequence[Token], first: int, relative: str | None,
                      covered: set[int]) -> tuple[int, str, int] | None:
    """(token, name, letters to skip) of an unseen name before the direction word that
    stands before token `first` ("في X شمال Y", "بX غرب Y")."""
    d = _direction_start(toks, first, relative)
    x = d - 1
    if d < 2 or x in covered or (x - 1) in covered:
        return None
    word, offset = toks[x].text, 0
    if head_reading(toks[x - 1].text, W.head_words) is not None:
        return None  # "مدينة باردهير جنوب غربي الصومال": the head's name (patterns)
    if toks[x - 1].text != W.in_:
        clitic = next((v for v in variants(word)[1:] if v.offset == 1 and word[0] == L.by), None)
        if clitic is None:
            return None
        word, offset = clitic.word, 1
    stop = stopwords()
    if len(word) < 3 or _is_stop(word, stop, first=True) or word in stop["common_names"]:
        return None
    return x, word, offset


def _direction_start(toks: Sequence[Token], first: int, relative: str | None) -> int:
    """The token where the direction before token `first` begins ("شمال", or "شمال" of
    "شمال شرق"), or -1 when none stands right before it."""
    d = first - 1
    if relative not in W.compass or d < 2 or not toks[first].joined or not toks[d].joined \
            or not _direction(toks[d].text):
        return -1
    if " " in relative and d > 2 and toks[d - 1].joined and _direction(toks[d - 1].text):
        return d - 1  # "في X شمال شرق Y": a direction of two words
    return d


def _direction(word: str) -> bool:
    """A direction word, bare or with a clitic ("بشمال")."""
    return any(v.word in W.relative for v in variants(word))  # the first is the word


def _head_at(toks: Sequence[Token], i: int, covered: set[int]) -> Variant | None:
    """The head word at token i that may announce an unseen name right after it (none
    after an ordinal: «كرابع محافظة تسقط»)."""
    head = head_reading(toks[i].text, W.pattern_heads)
    if head is None or i in covered or (i + 1) in covered or not gap_ok(toks, i, i + 1) \
            or head.offset == 0 and i > 0 and toks[i].joined \
            and any(v.word in W.ordinals_before for v in variants(toks[i - 1].text)):
        return None
    return head


def patterns(text: str, toks: Sequence[Token], covered: set[int],
             known: list[PlaceMention], context: dict,
             after_head: dict[int, Variant]) -> list[PlaceMention]:
    """Places the gazetteer lacks, found after a head word: قرية X، منطقة X، تبة X ...,
    and the names listed after them: "قريتي X وY"، "بلدات X، Y وZ" (a plural head: the
    next name after a comma or a و), "منطقة X وY وZ" (a singular head: after a و only;
    each its own place). after_head: the token after a gazetteer name told after a head
    word -> that head."""
    stop = stopwords()
    out: list[PlaceMention] = []
    i, head, cut = 0, None, 0  # cut: letters of token i that belong to no name (the و)
    plural = False  # the list's head is plural: its next name may follow a comma too
    tried = -1  # a token read as the list's next name that started none
    # where a name may start: skip to them
    starts = sorted(set(head_positions(toks, W.pattern_heads)).union(after_head))
    while i < len(toks):
        if head is None:
            k = bisect_left(starts, i)
            if k == len(starts) or starts[k] >= len(toks):
                break
            i = starts[k]
            if i in after_head and i != tried:
                plural = after_head[i].word in W.plural_heads
                nxt = _next_in_list(text, toks, i, covered, stop, plural)
                if nxt is not None:
                    head, cut = _item_head(after_head[i]), nxt  # "قرى الزاب وكنعوص"
        if head is None:
            if i >= len(toks) - 1:
                break  # a head word with no name after it
            head = _head_at(toks, i, covered)
            if head is None:
                i += 1
                continue
            first, start = i + 1, toks[i].start + head.offset
            plural = head.word in W.plural_heads
        else:
            first, start = i, toks[i].start + cut
        words, j = _name(toks, first, cut, head.word, covered, known)
        if words and first == i and not plural:
            words, j = _sibling(text, toks, words, first, known)
        if words:
            out.append(_unseen(text, start, toks[j - 1].end, head.word, words, known, context))
            covered.update(range(first - (cut == 0), j))
        elif first == i:  # "ومنطقة X" in a list: no bare name, a head word: read it so
            head, tried, cut = None, i, 0
            continue
        i, cut = max(j, i + 1), 0
        nxt = _next_in_list(text, toks, i, covered, stop, plural) \
            if words and i < len(toks) else None
        if nxt is None:
            head = None
        else:  # "وحوش الزريقية", "، مرعناز وعين دقنة", "والمشقر": the next name
            head, cut = _item_head(head), nxt
    return out


def _sibling(text: str, toks: Sequence[Token], words: list[str], first: int,
             known: list[PlaceMention]) -> tuple[list[str], int]:
    """The words of a name listed after a singular head's ("منطقة X والمشقر والتبة
    الكبرى"), and the token after it; none when the words run on into a clause
    ("مدينة X والتصدي للوجود ..."، "حي X واشتبكت مع ..."): the name, of two words at most,
    must close the item: a punctuation mark, the list's next "و", a direction, a time
    word («أمس»), a head word or a known place after it."""
    words = words[:_SIBLING_WORDS]
    if any(w.startswith(L.to + L.article[1]) for w in words[1:]):
        return [], first  # "والتصدي للمهاجمين": a verbal noun and its object
    j = first + len(words)
    if j >= len(toks) or text[toks[j - 1].end:toks[j].start].strip():
        return words, j
    word = toks[j].text
    if word == W.in_ and j + 1 < len(toks):
        j += 1  # "والخاملة في مدينة X"
    if toks[j].text.startswith(L.and_) and word != W.in_ or toks[j].text in W.relative \
            or word in W.item_closers \
            or head_reading(toks[j].text, W.head_words) is not None \
            or any(toks[j].start <= m.start < toks[j].end for m in known):
        return words, first + len(words)
    return [], first


def _item_head(head: Variant) -> Variant:
    """The head of the next name of a list: the plural head itself ("قرى X وY": Y is a
    village too); after a singular head, the default one ("جبل X وY": Y is no mountain)."""
    return head if head.word in W.plural_heads else Variant(0, W.default_head, None)


def _bare_name(tok: Token, word: str, head: str, known: list[PlaceMention]) -> bool:
    """"حي حمروين في العاصمة مقديشو": one bare word, when a known place follows."""
    return head in W.bare_name_heads and _placed_next(tok, known) \
        and word not in stopwords()["common_names"]


def _ends_name(word: str, words: list[str], head: str) -> bool:
    """"قرى X وY" (not "تالة ورقي": a name's own word), «الخرمة جنازة», "يسيطر"، "رفعوا"."""
    if words and (new_noun(word, words[-1], head) or word.startswith(L.and_) and (
            head in W.plural_heads or words[-1].startswith(L.article))):
        return True
    verb = L.imperfect
    return len(word) >= _VERB_MIN and (word[0] == verb[0] or (bool(words) and (
        word[0] == verb[1] or (len(word) > _VERB_MIN and word.endswith(W.verb_endings)))))


def _name(toks: Sequence[Token], first: int, cut: int, head: str, covered: set[int],
          known: list[PlaceMention]) -> tuple[list[str], int]:
    """The words of the unseen name starting at token `first`, and the token after it."""
    stop = stopwords()
    words: list[str] = []
    j = first
    while j < len(toks) and len(words) < _NAME_WORDS and j not in covered:
        word = toks[j].text[cut:] if j == first else toks[j].text
        if (words and not gap_ok(toks, j - 1, j)) or _is_stop(word, stop, first=not words):
            break
        if not words and _no_first_word(word, head):
            break
        if not words and head in W.definite_heads and not word.startswith(L.article):
            if _bare_name(toks[j], word, head, known):
                words.append(word)
                j += 1
            break
        if _ends_name(word, words, head):
            break
        words.append(word)
        j += 1
    if len(words) == 1 and words[0] in W.name_starts:
        return [], first  # «منطقة سهل الزبداني»: a name's start, its rest known or none
    return words, j


def _no_first_word(word: str, head: str) -> bool:
    """A word right after its head that starts no place's name: a noun with its pronoun
    («لقضاء أجازتهم»); after a plural head, a region or a kind ("كبرى مدن الجنوب",
    «قرى شيعية») or a word with «و» («بلدات وأعدم»، «قرى ومنتجعات»: the plural goes on)."""
    return _with_pronoun(word) or head in W.plural_heads and (
        region_word(word) or describes(word) or word.startswith(L.and_))


def _placed_next(tok: Token, known: list[PlaceMention]) -> bool:
    """A known place follows the token at once ("حمروين في العاصمة مقديشو")."""
    return any(0 < m.start - tok.end <= SETTINGS.placed_next for m in known)


def _and_name(text: str, toks: Sequence[Token], i: int, covered: set[int],
              stop: dict[str, frozenset[str]]) -> bool:
    """Token i is "وX" after a name, or after its comma ("قرى X، وY"): X may be the next
    name under the same plural head ("ومعان", not "وقفات")."""
    tok = toks[i]
    return (i not in covered and tok.text.startswith(L.and_) and len(tok.text) > 2
            and tok.text not in stop["function_words"] and tok.text not in W.heads
            and not _with_pronoun(tok.text[1:])
            and (tok.joined or coordinated(text[toks[i - 1].end:tok.start])))


def _with_pronoun(word: str) -> bool:
    """"ومينائها": a noun with its pronoun, no name (not "بنها": too short)."""
    return len(word) >= _PRONOUN_MIN and not word.startswith(L.article) \
        and word.endswith(W.pronoun_endings)


def _next_in_list(text: str, toks: Sequence[Token], i: int, covered: set[int],
                  stop: dict[str, frozenset[str]], plural: bool = True) -> int | None:
    """Letters to skip when token i starts the next name of a list: 1 for "وY", 0 for
    "، Y" under a plural head when the list goes on to a "وZ" (`_list_goes_on`); None
    when it is no next name."""
    if _and_name(text, toks, i, covered, stop):
        if plural:
            return 1
        bare = not toks[i].text[1:].startswith(L.article)
        if toks[i].joined and (not bare or toks[i - 1].text.startswith(L.article)):
            return 1  # after a singular head: "X وY" with no mark between (not "X»، وY"),
        return None  # and a bare "وY" after an "الX" only (not "عين ورقي": one name)
    if not plural or i in covered or text[toks[i - 1].end:toks[i].start].strip() not in W.commas:
        return None
    if _is_stop(toks[i].text, stop, first=True) or _ends_name(toks[i].text, [], ""):
        return None
    return 0 if _list_goes_on(text, toks, i, covered, stop) else None


def _list_goes_on(text: str, toks: Sequence[Token], i: int, covered: set[int],
                  stop: dict[str, frozenset[str]]) -> bool:
    """Within a name's length after token i, another "، Y" or the list's last "وZ"."""
    for j in range(i + 1, min(i + 1 + _NAME_WORDS, len(toks))):
        gap = text[toks[j - 1].end:toks[j].start].strip()
        if gap in W.commas and not _is_stop(toks[j].text, stop, first=True):
            return True
        if _and_name(text, toks, j, covered, stop):
            return True
        if not toks[j].joined:
            return False
    return False


def squares(text: str, toks: Sequence[Token], covered: set[int],
            known: list[PlaceMention], context: dict) -> list[PlaceMention]:
    """A square, roundabout or street named by an ordinal: "الدوار الرابع"."""
    out: list[PlaceMention] = []
    for i in [n - 1 for n in positions(toks, W.ordinals) if n]:
        if i in covered or (i + 1) in covered:
            continue
        head = head_reading(toks[i].text, W.square_heads)
        if head is None or not toks[i + 1].joined:
            continue
        start = toks[i].start + head.offset
        out.append(_unseen(text, start, toks[i + 1].end, W.default_head,
                           [head.word, toks[i + 1].text], known, context))
        covered.update((i, i + 1))
    return out


def _unseen(text: str, start: int, end: int, head: str, words: list[str],
            known: list[PlaceMention], context: dict) -> PlaceMention:
    """A place the gazetteer lacks, under the known place the sentence attaches it to."""
    name = " ".join(([head] if head in W.name_heads else []) + words)
    parent = parent_for(text, end, known, context, start)
    ref = unseen_ref(name, text[start:end], W.heads[head], parent)
    return PlaceMention(start, end, ref, text[start:end], True)


def region_word(word: str) -> bool:
    """«الجنوب»، «البلاد» after a plural head («ثالث مدن البلاد»): a region, no place."""
    return word.removeprefix(L.article) in directions()["compass"] or word in W.the_country


def _is_stop(word: str, stop: dict[str, frozenset[str]], *, first: bool) -> bool:
    if word in stop["function_words"] or word in W.relative or word in W.heads:
        return True
    if first and (word in stop["not_names"] or L.article + word in nationality_adjectives()):
        return True  # "مدينة جنوبية", "مدن عراقية": a head and an adjective
    if not first and word in stop["name_stop"]:
        return True
    return _glued_stop(word, stop, first=first)


def _glued_stop(word: str, stop: dict[str, frozenset[str]], *, first: bool) -> bool:
    """A clitic and a word no name goes on with: "بوسط"، "بالقصبة" (in)، "لحضور"، "والقرى"."""
    if len(word) > 3 and word[0] in L.attached and word[1:] in W.relative:
        return True
    if not first and len(word) > 3 and (word[0] == L.by and (
            word[1:] in W.heads or word[1:] in stop["name_stop"]
            or word[1:].startswith(L.article) or is_place_name(word[1:]))
            or word[0] == L.to and len(word) > _PURPOSE_MIN):
        return True
    if word.startswith(L.and_) and len(word) > 2:
        rest = word[1:]
        return rest.startswith(L.article) or rest in stop["function_words"] or rest in W.heads
    return False
