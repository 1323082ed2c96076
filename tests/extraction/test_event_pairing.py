"""Event-level rules of issue 8 (invented sentences): what is an incident at all, and
which reports are one incident."""
import datetime as dt

from extraction import extract
from extraction.arabic import fold
from extraction.triggers import find_triggers, planned

DAY = dt.date(2018, 5, 10)


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.place.name if e.place else None) for e in extract(text, DAY)]


def test_an_operation_named_after_a_taking_is_no_taking():
    text = "أعلن قائد الجيش انطلاق المرحلة الثانية من عملية تحرير مدينة درنة من المتشددين."
    assert not any(t == "territory" for t, _ in _types(text))


def test_a_taking_told_as_done_is_still_one():
    text = "تمكنت قوات الجيش الليبي أمس من تحرير مدينة درنة من قبضة المتشددين."
    assert ("territory", "درنة") in _types(text)


def _planned(sentence: str) -> list[bool]:
    text = fold(sentence)
    return [planned(text, t) for t in find_triggers(text)]


def test_a_trigger_told_with_an_expecting_adjective_is_planned():
    assert _planned("وقالت الوزارة إن الاحتجاجات المرتقبة محاولة لإثارة مواجهة") == [True]
    assert _planned("ونشرت الشرطة قواتها قبل احتجاجات مرتقبة في المدينة") == [True]


def test_a_trigger_told_as_done_is_not_planned():
    assert not any(_planned("وخرج آلاف المتظاهرين أمس في احتجاجات غاضبة"))
