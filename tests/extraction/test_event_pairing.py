"""Event-level rules of issue 8 (invented sentences): what is an incident at all, and
which reports are one incident."""
import datetime as dt

from extraction import extract

DAY = dt.date(2018, 5, 10)


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.place.name if e.place else None) for e in extract(text, DAY)]


def test_an_operation_named_after_a_taking_is_no_taking():
    text = "أعلن قائد الجيش انطلاق المرحلة الثانية من عملية تحرير مدينة درنة من المتشددين."
    assert not any(t == "territory" for t, _ in _types(text))


def test_a_taking_told_as_done_is_still_one():
    text = "تمكنت قوات الجيش الليبي أمس من تحرير مدينة درنة من قبضة المتشددين."
    assert ("territory", "درنة") in _types(text)
