"""Which history cues date no history (`triggers.find_cues` drops them; issue 8, lesson 3:
background and aggregates by meaning, not by cue words).

- «منذ» since a moment of the news day («منذ فجر اليوم»، «منذ ساعات»), or measuring
  something new («أعنف قصف منذ ستة أشهر»);
- «متفرقة» of the quarters of one place («قتلوا في مواجهات بمناطق متفرقة من تعز»): one
  town's fighting of the day, not a series over a region. Scattered attacks («هجمات
  متفرقة»), or quarters of two places («بمحافظتي الأنبار وصلاح الدين»), of a province
  («في مناطق متفرقة في المحافظة») or of a country («أنحاء متفرقة من العراق») stay a
  series.
"""
from __future__ import annotations

import re
from functools import cache

from extraction.gazetteer import places_by_key
from extraction.lexicons import reads
from extraction.place_index import place_index, text_tokens
from extraction.sentences import CLAUSE_END

_LEX = reads("triggers.json", "recent_since", "superlatives", "scattered")
_WORD = re.compile(r"[^\W_]+")
_SINCE = "منذ"
_SUPERLATIVE_REACH = 90  # characters before «منذ» where its superlative stands
_SINCE_PHRASE = 3  # words from «منذ» to a history word of its phrase («منذ ستة أشهر»)
_SCATTERED_REACH = 60  # characters after «متفرقة» to read the place it is of


@cache
def _words_of(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


def dates_no_history(text: str, cue) -> bool:
    """Does this history cue (folded `text`) date no history? See the module docstring."""
    return _since_now(text, cue) or _scattered_within(text, cue)


def _since_now(text: str, cue) -> bool:
    """A cue of «منذ» (it may be «منذ» or a word of its phrase, «أشهر») told of a moment
    of the news day, or after a superlative among the four words before «منذ»."""
    if any(w.endswith(_SINCE) for w in cue.text.split()):  # «منذ»، «ومنذ»، «منذ بدء»
        after = _WORD.findall(text, cue.start, cue.end + _SUPERLATIVE_REACH)
        k = next(k for k, w in enumerate(after) if w.endswith(_SINCE))
        if after[k + 1:k + 2] and after[k + 1] in _words_of("recent_since"):
            return True
        before = _WORD.findall(text, max(0, cue.start - _SUPERLATIVE_REACH), cue.start)
    else:
        words = _WORD.findall(text, max(0, cue.start - _SUPERLATIVE_REACH), cue.start)
        since = [k for k, w in enumerate(words) if w.endswith(_SINCE)][-1:]
        if not since or len(words) - since[0] > _SINCE_PHRASE:
            return False
        before = words[:since[0]]
    return any(w in _words_of("superlatives") for w in before[-4:])


def _scattered_within(text: str, cue) -> bool:
    """«مناطق متفرقة من تعز»، «مواقع متفرقة بمأرب»: «متفرقة» after a word for places, then
    «من»/«في» or a glued «ب», then one place that is no country and no dual."""
    spec = _LEX["scattered"]
    if cue.text.split() != [spec["word"]]:
        return False
    before = _WORD.findall(text, max(0, cue.start - _SUPERLATIVE_REACH), cue.start)[-1:]
    if not before or before[0].lstrip(spec["clitics"]) not in spec["places"]:
        return False
    after = _WORD.findall(CLAUSE_END.split(text[cue.end:cue.end + _SCATTERED_REACH], 1)[0])
    if after[:1] and after[0] in spec["prepositions"]:
        after = after[1:]
    elif after[:1] and after[0].startswith(spec["glued"]):
        after = [after[0][len(spec["glued"]):], *after[1:]]
    else:
        return False
    return bool(after) and not after[0].endswith(tuple(spec["dual_endings"])) \
        and after[0] not in spec["regions"] and not _a_country(after[0]) \
        and not (after[1:2] and after[1].startswith(spec["and"]))


def _a_country(word: str) -> bool:
    toks = text_tokens(word)
    hit = place_index().match(toks, 0) if toks else None
    return hit is not None and any(places_by_key()[e.key].kind == "country"
                                   for e in hit.payloads)
