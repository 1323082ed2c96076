"""Date mentions in Arabic news sentences (written for these tests, folded like the pipeline)."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.arabic import fold
from extraction.dates import find_dates

THURSDAY = dt.date(2018, 7, 12)


def resolved(sentence: str, published: dt.date | None = THURSDAY):
    return [(m.date, m.precision) for m in find_dates(fold(sentence), published)]


def day(iso: str) -> tuple[dt.date, str]:
    return dt.date.fromisoformat(iso), "day"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل ثلاثة جنود مساء الثلاثاء في هجوم", "2018-07-10"),
        ("سقطت قذائف يوم الأحد على المدينة", "2018-07-08"),
        ("أعلن الجيش الاثنين أنه استعاد القرية", "2018-07-09"),
        ("وقع الانفجار فجر السبت", "2018-07-07"),
        ("قال الناطق الخميس إن", "2018-07-12"),
        ("هاجم مسلحون الحاجز يوم الجمعة الماضي", "2018-07-06"),
        ("جرت الاشتباكات ليل الخميس-الجمعة", "2018-07-12"),
        ("قتل شخصان أمس", "2018-07-11"),
        ("قتل شخصان بالأمس", "2018-07-11"),
        ("وقع الهجوم أول من أمس", "2018-07-10"),
        ("أطلقت صواريخ الليلة الماضية", "2018-07-11"),
        ("انفجرت سيارة صباح اليوم", "2018-07-12"),
        ("اعتقل ثلاثة قبل يومين", "2018-07-10"),
        ("قصفت الطائرات البلدة قبل ثلاثة أيام", "2018-07-09"),
        ("تظاهر المئات غداة الاثنين", "2018-07-10"),
        ("قتل 12 شخصا في 12 أيار 2018", "2018-05-12"),
        ("وقع الهجوم في 12/5/2018", "2018-05-12"),
        ("وقع الهجوم في 2018-05-12", "2018-05-12"),
        ("في الثاني عشر من مايو", "2018-05-12"),
        ("في الحادي والعشرين من يونيو", "2018-06-21"),
        ("الثلاثاء 10 تموز/يوليو", "2018-07-10"),
        ("يوم 3 جويلية", "2018-07-03"),
        ("الثلاثاء الموافق 10 يوليو", "2018-07-10"),
        ("في الـ 9 من الشهر الجاري", "2018-07-09"),
        ("في 20 من الشهر الماضي", "2018-06-20"),
    ],
)
def test_it_resolves_days_against_the_publication_date(sentence, expected):
    assert resolved(sentence) == [day(expected)]


def test_a_bare_weekday_on_the_publication_weekday_is_the_publication_day():
    assert resolved("الخميس") == [day("2018-07-12")]


def test_last_weekday_on_that_weekday_means_a_week_earlier():
    assert resolved("الخميس الماضي") == [day("2018-07-05")]


def test_a_day_and_month_without_year_take_the_latest_year_not_after_publication():
    assert resolved("في 20 ديسمبر") == [day("2017-12-20")]
    assert resolved("في 2 يوليو") == [day("2018-07-02")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("في جانفي", (dt.date(2018, 1, 1), "month")),
        ("خلال شهر أيار", (dt.date(2018, 5, 1), "month")),
        ("في نوفمبر", (dt.date(2017, 11, 1), "month")),
        ("في تشرين الأول الماضي", (dt.date(2017, 10, 1), "month")),
        ("في مايو من العام الماضي", (dt.date(2017, 5, 1), "month")),
        ("الشهر الماضي", (dt.date(2018, 6, 1), "month")),
        ("عام 2015", (dt.date(2015, 1, 1), "year")),
        ("في 2015", (dt.date(2015, 1, 1), "year")),
        ("العام الماضي", (dt.date(2017, 1, 1), "year")),
    ],
)
def test_it_resolves_months_and_years(sentence, expected):
    assert resolved(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "قتل العشرات منذ 2014",
        "منذ بداية العام",
        "منذ مطلع الشهر",
        "في مايو",
        "العام الماضي",
        "عام 2015",
        "قبل أسبوعين",
        "في 12 مايو",
        "منذ شهر",
        "قبل 8 أيام",
    ],
)
def test_it_marks_periods_well_before_the_news_as_background(sentence):
    (mention,) = find_dates(fold(sentence), THURSDAY)
    assert mention.background


@pytest.mark.parametrize(
    "sentence", ["أمس", "مساء الثلاثاء", "في يوليو", "قبل أسبوع", "الأسبوع الماضي", "في 9 يوليو"]
)
def test_recent_dates_are_not_background(sentence):
    (mention,) = find_dates(fold(sentence), THURSDAY)
    assert not mention.background


def test_last_week_keeps_its_words_but_no_date():
    (mention,) = find_dates(fold("الأسبوع الماضي"), THURSDAY)
    assert (mention.date, mention.text) == (None, fold("الأسبوع الماضي"))


def test_without_a_publication_date_relative_days_stay_unresolved():
    assert resolved("مساء أمس", None) == [(None, None)]
    (mention,) = find_dates(fold("العام الماضي"), None)
    assert mention.date is None and mention.background


def test_without_a_publication_date_written_dates_still_resolve():
    assert resolved("في 12 أيار 2018", None) == [day("2018-05-12")]


def test_the_span_covers_the_words():
    text = fold("قتل جنديان مساء الثلاثاء الماضي في الموصل")
    (mention,) = find_dates(text, THURSDAY)
    assert text[mention.start:mention.end] == mention.text == fold("مساء الثلاثاء الماضي")


def test_the_eleventh_of_september_resolves_like_any_yearless_date():
    assert resolved("هجمات الحادي عشر من سبتمبر") == [day("2017-09-11")]


@pytest.mark.parametrize(
    "sentence",
    [
        "المسلحين الاثنين قتلا في الاشتباك",
        "الأب",
        "مارس ضغوطا على الحكومة",
        "اليوم التالي",
        "قتل 15 شخصا",
    ],
)
def test_words_that_only_look_like_dates_are_ignored(sentence):
    assert resolved(sentence) == []


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_it_never_raises_and_spans_lie_within_the_text(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text


@given(
    st.text(alphabet="0123456789/-. امسيومالثلاثاءمايوعامنذقبليومين،", max_size=60),
    st.one_of(st.none(), st.dates()),
)
def test_it_never_raises_on_date_like_noise(text, published):
    find_dates(text, published)


def test_monday_at_the_end_of_a_clause_is_a_day_even_after_a_noun_in_an():
    assert resolved("أفاد المرصد السوري لحقوق الإنسان الاثنين.") == [day("2018-07-09")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قبل 48 ساعة", (dt.date(2018, 7, 10), "day")),
        ("منذ نحو ثلاثة أعوام", (dt.date(2015, 1, 1), "year")),
        ("قبل شهرين", (dt.date(2018, 5, 1), "month")),
    ],
)
def test_it_resolves_durations_ago(sentence, expected):
    assert resolved(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence", ["قتل 40 جنديا منذ بدء الهجوم", "خلال الأشهر الماضية", "منذ عدة سنوات"]
)
def test_periods_without_a_date_are_kept_as_background(sentence):
    (mention,) = find_dates(fold(sentence), THURSDAY)
    assert mention.date is None and mention.background


@pytest.mark.parametrize("sentence", ["عاش الديناصور قبل 65 مليون سنة", "بني المعبد قبل 3000 سنة"])
def test_times_ago_beyond_the_calendar_are_background_without_a_date(sentence):
    (mention,) = find_dates(fold(sentence), THURSDAY)
    assert mention.date is None and mention.background


@pytest.mark.parametrize(
    "sentence", ["قتل الأحد عشر جنديا", "نشرت صحيفة اليوم السابع", "في اليوم العالمي"]
)
def test_sunday_and_today_inside_other_phrases_are_not_dates(sentence):
    assert resolved(sentence) == []
