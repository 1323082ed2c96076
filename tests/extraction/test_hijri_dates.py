"""Hijri dates written in digits, as the Saudi papers' official statements write them
(«مساء الجمعة 8/10/1436»، «يوم الجمعة 1436/10/15هـ»). Sentences invented for the tests."""
import datetime as dt

from extraction import extract
from extraction.arabic import fold
from extraction.calendars import from_hijri, hijri_year, on_weekday
from extraction.dates import find_dates

SUNDAY = dt.date(2015, 7, 26)


def resolved(sentence: str, published: dt.date = SUNDAY):
    return [(m.date, m.precision, m.background) for m in find_dates(fold(sentence), published)]


def test_a_hijri_day_is_turned_into_the_gregorian_calendar():
    assert from_hijri(1436, 9, 1) == dt.date(2015, 6, 18)  # the first of Ramadan 1436
    assert from_hijri(1436, 9, 29) == dt.date(2015, 7, 16)
    assert from_hijri(1436, 13, 1) is None


def test_a_hijri_year_is_the_gregorian_year_most_of_it_falls_in():
    assert hijri_year(1427) == 2006


def test_a_written_day_one_off_its_named_weekday_is_that_weekdays_day():
    saturday = dt.date(2015, 7, 25)
    assert on_weekday(saturday, 4) == dt.date(2015, 7, 24)  # Friday
    assert on_weekday(saturday, 1) == saturday  # Tuesday is too far to mend


def test_a_day_written_day_first_in_the_hijri_calendar_is_read():
    assert resolved("وقع الحادث مساء الجمعة 8/10/1436 في القرية") == [
        (dt.date(2015, 7, 24), "day", False)]


def test_a_day_written_year_first_with_the_hijri_mark_is_read():
    assert resolved("استشهد الجنود يوم الخميس 1436/10/13هـ") == [
        (dt.date(2015, 7, 30), "day", False)]


def test_an_old_hijri_day_is_background():
    assert resolved("وقع الحادث بتاريخ 19/6/1436 في المدينة") == [
        (dt.date(2015, 4, 9), "day", True)]


def test_a_hijri_year_with_its_mark_is_a_year_of_the_past():
    assert resolved("وفي عام 1427هـ أطلق مسلحون النار على الدورية") == [
        (dt.date(2006, 1, 1), "year", True)]


def test_a_number_that_is_no_year_of_either_calendar_is_no_date():
    assert resolved("وقع الحادث بتاريخ 8/10/1700 في القرية") == []


def test_an_incident_dated_by_its_hijri_day_is_news():
    text = ("أعلن الدفاع المدني أنه مساء الجمعة 8/10/1436 سقط مقذوف من داخل الأراضي اليمنية "
            "على قرية في منطقة جازان مما نتج عنه وفاة عامل.")
    events = extract(text, SUNDAY)
    assert [(e.type, e.date and e.date.date) for e in events] == [
        ("shelling", dt.date(2015, 7, 24))]


def test_an_incident_of_an_old_hijri_day_is_history():
    text = "أطلق مسلحون النار على دورية للأمن شرق مدينة الرياض بتاريخ 19/6/1436 فقتلوا قائدها."
    assert extract(text, SUNDAY) == []


def test_a_date_spaced_around_its_separators_is_read():
    assert resolved("حادث استهداف المصلين بتاريخ 4 / 8 / 1436هـ .") == [
        (dt.date(2015, 5, 23), "day", True)]
    assert resolved("وقع الحادث يوم 19 - 07 - 2015 في القرية") == [
        (dt.date(2015, 7, 19), "day", False)]


def test_a_spaced_pair_of_numbers_is_a_score_or_a_ratio_not_a_day():
    assert resolved("فاز الفريق على ضيفه 2 - 1 في المباراة") == []
    assert resolved("صوت بالموافقة 3 / 5 من الأعضاء") == []
