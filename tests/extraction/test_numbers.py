"""Quantities in Arabic news sentences (written for these tests, folded like the pipeline)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.arabic import fold
from extraction.numbers import find_quantities, parse_number


def figures(sentence: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(q.best, q.low, q.high) for q in find_quantities(fold(sentence))]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("خمسة عشر", 15),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("ثلاث", 3),
        ("ثمانية", 8),
        ("عشرون", 20),
        ("واحد وعشرين", 21),
        ("تسعة وتسعون", 99),
        ("مئة", 100),
        ("مائتين", 200),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("مئة وخمسون", 150),
        ("مئة وخمسة عشر", 115),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("خمسة عشر ألفا", 15000),
        ("مئة ألف", 100000),
        ("ألف ومئتان وخمسة وثلاثون", 1235),
        ("1,332", 1332),
        ("1.332", 1332),
        ("١٬٣٣٢", 1332),
        ("٤٧", 47),
        ("3 آلاف", 3000),
        ("1.5 مليون", 1500000),
        ("وسبعة", 7),
    ],
)
def test_it_parses_a_whole_number_expression(expression, value):
    assert parse_number(expression) == value


@pytest.mark.parametrize("expression", ["الاثنين", "الأحد", "الثالث", "عشرات", "آلاف", "1.5", ""])
def test_it_does_not_parse_words_that_only_look_like_numbers(expression):
    assert parse_number(expression) is None


def test_it_reads_a_number_in_words_inside_a_sentence():
    assert figures("قتل خمسة عشر شخصا في الهجوم") == [(15, 15, 15)]


def test_it_finds_killed_and_wounded_figures_side_by_side():
    assert figures("أسفر القصف عن سقوط 15 قتيلا وسبعة مصابين") == [(15, 15, 15), (7, 7, 7)]


def test_it_keeps_the_span_of_the_whole_expression():
    text = fold("قتل ما لا يقل عن ثلاثة جنود")
    (quantity,) = find_quantities(text)
    assert text[quantity.start:quantity.end] == quantity.text == fold("ما لا يقل عن ثلاثة")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل ما لا يقل عن ثلاثة مدنيين", (3, 3, None)),
        ("أصيب خمسة أشخاص على الأقل", (5, 5, None)),
        ("قتل أكثر من 40 مسلحا", (40, 40, None)),
        ("قتل ما يزيد على مئة عنصر", (100, 100, None)),
        ("سقط بين 10 و15 قتيلا", (10, 10, 15)),
        ("قتل ما بين عشرة إلى عشرين", (10, 10, 20)),
        ("أصيب من 10 إلى 15 شخصا", (10, 10, 15)),
        ("قتل 10-15 شخصا", (10, 10, 15)),
        ("قتل خمسة أو ستة جنود", (5, 5, 6)),
        ("قتل ما يصل إلى 20 شخصا", (20, None, 20)),
        ("جرح العشرات", (None, 24, None)),
        ("أصيب عشرات المدنيين", (None, 24, None)),
        ("نزح مئات السكان", (None, 200, None)),
        ("فر آلاف السكان", (None, 2000, None)),
        ("فر عشرات الآلاف", (None, 24000, None)),
    ],
)
def test_it_maps_qualifiers_to_best_low_and_high(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize("sentence", ["قتل نحو عشرين شخصا", "قتل حوالي 20 شخصا", "قرابة عشرين"])
def test_it_marks_about_figures_approximate(sentence):
    (quantity,) = find_quantities(fold(sentence))
    assert (quantity.best, quantity.low, quantity.high, quantity.approximate) == (20, 20, 20, True)


def test_it_does_not_confuse_dozens_with_ten():
    assert figures("قتل عشرة وأصيب العشرات") == [(10, 10, 10), (None, 24, None)]


def test_a_toll_update_is_two_figures_not_a_range():
    assert figures("ارتفعت الحصيلة من 10 إلى 15 قتيلا") == [(10, 10, 10), (15, 15, 15)]


@pytest.mark.parametrize(
    "sentence",
    [
        "وقع الهجوم يوم الاثنين",
        "صباح الأحد",
        "في الذكرى الثالثة",
        "الحادي عشر من سبتمبر",
        "في عام 2015",
        "منذ 2014",
        "في 12/5/2018",
        "في 2018-05-12",
        "الساعة 10:30",
        "في 12 مايو",
        "ارتفعت الأسعار 50 بالمئة",
        "تراجع بنسبة 30%",
        "خمسون في المئة",
    ],
)
def test_it_skips_days_ordinals_years_dates_times_and_percentages(sentence):
    assert figures(sentence) == []


def test_one_of_the_soldiers_counts_one():
    assert figures("قتل أحد الجنود") == [(1, 1, 1)]


def test_it_keeps_distances_for_the_caller_to_judge():
    assert figures("على بعد 280 كم") == [(280, 280, 280)]


def test_results_are_sorted_and_do_not_overlap():
    text = fold("قتل 3 وأصيب نحو عشرين بين 5 و10 وعشرات آخرين و1,200 نازح")
    found = find_quantities(text)
    assert [q.best for q in found] == [3, 20, 5, None, 1200]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(st.text())
def test_it_never_raises_and_spans_lie_within_the_text(text):
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start:quantity.end] == quantity.text


@given(st.text(alphabet="0123456789,.٫٬ -/:%وخمسةعشرونألفمئةآلاف", max_size=60))
def test_it_never_raises_on_number_like_noise(text):
    find_quantities(text)
    parse_number(text)


def test_clock_times_are_not_counts():
    assert figures("وقع الانفجار قرابة الساعة 18,30 (15,30 ت غ) مساء الاثنين") == []


def test_a_decimal_comma_counts_with_a_scale_word():
    assert figures("تشريد 2,6 مليون شخص") == [(2600000, 2600000, 2600000)]


def test_a_definite_teen_is_a_count():
    assert figures("تعرفت العائلات على الاثني عشر شهيدا") == [(12, 12, 12)]


def test_a_qualifier_does_not_reach_over_and_to_the_next_figure():
    assert figures("أوقع قتيلين على الأقل وخمسة جرحى") == [(5, 5, 5)]


def test_a_qualifier_after_the_noun_bounds_the_figure_but_leaves_the_noun_outside():
    text = fold("سقط 27 قتيلا على الأقل")
    (quantity,) = find_quantities(text)
    assert (quantity.text, quantity.best, quantity.low, quantity.high) == ("27", 27, 27, None)


def test_a_qualifier_right_after_the_figure_is_part_of_it():
    (quantity,) = find_quantities(fold("قتل 5 على الأقل"))
    assert quantity.text == fold("5 على الأقل")


def test_and_some_after_a_figure_makes_it_a_lower_bound():
    assert figures("قتل مئة ونيف") == [(100, 100, None)]


def test_a_range_shares_the_scale_word_of_its_high_end():
    assert figures("نزح بين 3 و4 آلاف شخص") == [(3000, 3000, 4000)]


def test_half_and_quarter_of_a_million_are_counted():
    assert figures("نزح نصف مليون لاجئ وربع مليون آخرون") == [
        (500000, 500000, 500000),
        (250000, 250000, 250000),
    ]
