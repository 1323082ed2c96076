"""Bugs the one-pipeline refactor fixed (issue 7), each with a sentence of our own."""
import datetime as dt

import pytest

from extraction import extract
from extraction.arabic import fold
from extraction.dates import find_dates
from extraction.doc import armed_head

PUBLISHED = dt.date(2018, 5, 10)


@pytest.mark.parametrize("phrase, day", [
    ("البارحة", dt.date(2018, 5, 9)),
    ("أول أمس", dt.date(2018, 5, 8)),
    ("الأمس", dt.date(2018, 5, 9)),
])
def test_every_relative_day_of_dates_json_dates_the_event(phrase, day):
    # the date gate was a word list of its own that knew neither البارحة nor الأمس
    text = f"قتل ثلاثة جنود {phrase} في هجوم على حاجز قرب مدينة درعا."
    assert any(d.date == day for d in find_dates(fold(text), PUBLISHED))
    (event,) = extract(text, PUBLISHED)
    assert event.date is not None and event.date.date == day


@pytest.mark.parametrize("word", ["لواء", "وحدات", "كتائب", "والقوات", "الجيش"])
def test_an_armed_head_keeps_its_own_first_letters(word):
    # lstrip("وال") stripped letters: «لواء» became «ء» and «وحدات» «حدات»
    assert armed_head(word)


@pytest.mark.parametrize("word", ["مجلس", "ء", "حدات"])
def test_a_word_that_names_no_armed_body_is_no_armed_head(word):
    assert not armed_head(word)


@pytest.mark.parametrize("text, etype", [
    ("انفجرت عبوة ناسفة في مدينة تونس وأصيب شرطيان، وطوقت قوات الأمن وسط مدينة تونس.",
     "explosion"),
    ("أصيب ثلاثة أعوان أمن في هجوم بسكين في مدينة تونس، ثم اعتقل المهاجم في مدينة تونس.",
     "arrest"),
])
def test_a_city_named_like_its_country_told_twice_in_a_sentence_is_placed(text, etype):
    # both mentions "enclosed" each other (the city's own name is in its admin chain) and
    # choose_places raised ValueError: min() arg is an empty sequence
    events = extract(text, PUBLISHED)
    assert [e.type for e in events] == [etype]
    assert events[0].place.name == "تونس"


def test_a_decimal_figure_after_a_year_word_is_no_year():
    # "عام 2.90" crashed the date finder (int("2.90")) and lost the sentence's dates
    found = find_dates(fold("ارتفع المؤشر عام 2.90 نقطة أمس"), PUBLISHED)
    assert found[-1].date == dt.date(2018, 5, 9)

