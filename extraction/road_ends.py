"""Where a road runs is not where an incident happened: «قطع الطريق الرابطة بين قفصة
وصفاقس»، «مثلث العند، مفترق طرق يربط بين ردفان والضالع وتعز»، «على الطريق الدولي الرابط بين
الحديدة ومدينة حرض». The places after a road's link word («الرابطة بين») are the ends the
road is told by (or what an area lies between: «المناطق الواقعة بين مدينة عدن ومحافظة
لحج»), not one incident each: the sentence's other places say where it was («على مستوى
منطقة المريج»), but not a province the road runs in, and with none the road's first end
stands for it (stages/read.py). The words are in data/placing.json (`road_links`,
folded)."""
from __future__ import annotations

from extraction.lexicons import reads
from extraction.settings import SETTINGS
from extraction.stages.place import is_ancestor, with_listed

_LEX = reads("placing.json", "road_links", "between", "and_between", "what")
_WORDS_BEFORE = 4  # «الرابطة بين ولايتي X»، «الرابط ما بين X»: the link word this far back
_WINDOW = 60  # characters before a place read for them


def road_ends(text: str, places: list, settings=SETTINGS) -> list:
    """The places named as a road's ends, with the places listed after them («بين X وY»،
    «بين X وY وبين Z وW»)."""
    return with_listed(text, places, lambda p: _after_a_link(text, p.start), settings,
                       joins=(_LEX["and_between"],))


def off_the_road(places: list, ends: list) -> list:
    """The places that are neither a road's end nor a province one of its ends lies in
    («الطريق الرابط بين النفيضة وسيدي سعيدان ولاية سوسة»: not Sousse either)."""
    return [p for p in places if p not in ends and not any(is_ancestor(p, e) for e in ends)]


def _after_a_link(text: str, start: int) -> bool:
    """«الرابطة بين X»، «يربط بين مدينتي X»، «الواصل ما بين X»: «بين» one or two words
    before the place (a head word may stand between), a link word before it."""
    words = text[max(0, start - _WINDOW):start].split()[-_WORDS_BEFORE:]
    for k in range(len(words) - 1, max(0, len(words) - 3), -1):
        if words[k] != _LEX["between"]:
            continue
        link = k - 1
        if link > 0 and words[link] == _LEX["what"]:
            link -= 1
        return link >= 0 and words[link] in _LEX["road_links"]
    return False
