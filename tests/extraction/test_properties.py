"""extract() never raises and its spans stay inside the text, whatever the input."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import extract
from extraction.normalise import normalise
from extraction.sentences import split_sentences

ARABIC = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ًٌٍَُِّْـ،؛؟.!\n0123456789٠١٢٣"
                                  "&#;\"«»()-_")),
    max_size=400,
)
WORDS = st.lists(st.sampled_from([
    "قتل", "مقتل", "جنديا", "في", "انفجار", "غارة", "جوية", "على", "قرية", "مدينة",
    "الموصل", "كركوك", "داعش", "التحالف", "15", "خمسة", "وأصيب", "جريحا", "أمس", "منذ",
    "عام", "2015", "،", ".", "\n", "تحرير", "تظاهرة", "اعتقال", "القوات", "العراقية",
]), max_size=120).map(" ".join)


def check(text: str) -> None:
    for e in extract(text, dt.date(2018, 7, 12)):
        assert 0 <= e.evidence.start < e.evidence.end <= len(text)
        assert e.type


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_safe(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(ARABIC)
def test_arabic_looking_noise_is_safe(text):
    check(text)


@settings(max_examples=150, deadline=None)
@given(WORDS)
def test_news_words_in_any_order_are_safe(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_the_offset_map_is_monotonic_and_in_range(text):
    nt = normalise(text)
    assert len(nt.offsets) == len(nt.text) + 1
    assert all(0 <= o <= len(text) for o in nt.offsets)
    assert list(nt.offsets) == sorted(nt.offsets)
    for s in split_sentences(nt.text):
        a, b = nt.to_original(s.start, s.end)
        assert 0 <= a <= b <= len(text)


def test_empty_and_blank_texts_have_no_events():
    assert extract("") == []
    assert extract(" \n\t ") == []
    assert extract("\x00\x01\x02") == []


def test_a_megabyte_article_finishes_and_stays_linear():
    unit = ("قتل خمسة جنود في انفجار عبوة ناسفة قرب مدينة الموصل أمس. "
            "وقال مسؤول إن الهجوم وقع صباحا. ")
    text = unit * (1_000_000 // len(unit))
    events = extract(text, dt.date(2018, 7, 12))
    assert all(0 <= e.evidence.start < e.evidence.end <= len(text) for e in events)


def test_one_long_line_without_punctuation_finishes():
    text = "قتل " + "ا" * 200_000 + " في انفجار"
    check(text)
