"""Attributes of found events: which parties, which place, which day (invented sentences)."""
import datetime as dt

from extraction import extract
from extraction.actors import find_actors
from extraction.arabic import fold

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def names(sentence: str) -> list[str]:
    return [m.name for m in find_actors(fold(sentence))]


def test_a_military_adjective_describes_the_word_before_it():
    assert names("استهدفت غارة رتلا عسكريا قرب بغداد") == []
    assert names("هاجم مسلحون يرتدون زيا عسكريا قرية قرب بغداد") == ["مسلحون"]
    assert names("قال مستشارين عسكريين في بغداد") == []


def test_a_military_noun_after_a_number_or_a_verb_is_the_army():
    assert names("قتل 12 عسكريا في هجوم قرب بغداد") == ["القوات العراقية"]
    assert names("قتل ثلاثين عسكريا في هجوم قرب بغداد") == ["القوات العراقية"]


def test_the_author_of_a_report_is_not_a_party():
    text = ("قتل خمسة أشخاص في انفجار في مدينة بيشاور الباكستانية، "
            "ورجح تقرير للشرطة أن الهجوم نفذه انتحاري.")
    assert all("الشرطة" not in a.name for e in extract(text, PUBLISHED) for a in e.actors)

