"""Event-level rules of issue 8 (invented sentences): what is an incident at all, and
which reports are one incident."""
import datetime as dt
from types import SimpleNamespace

from extraction import extract
from extraction.arabic import fold
from extraction.casualties import find_casualties
from extraction.stages import figures
from extraction.trigger_scope import planned
from extraction.triggers import find_triggers
from extraction.types import Count

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


def _told(order: int, etype: str, killed: int) -> SimpleNamespace:
    return SimpleNamespace(order=order, type=etype, killed=Count(killed, killed, killed),
                           place=None, actors=[])


def test_a_figure_is_a_total_of_the_strikes_it_sums():
    events = [_told(0, "shelling", 7), _told(1, "attack", 2), _told(2, "shelling", 9)]
    assert [e.killed.best for e in figures.drop_totals(events)] == [7, 2]


def test_the_tolls_of_takings_are_no_parts_of_a_strikes_total():
    # 7 + 1 + 1 = 9 by chance: a commander killed in each of two takings is not part of
    # the 9 a shelling killed
    events = [_told(0, "shelling", 7), _told(1, "territory", 1), _told(2, "territory", 1),
              _told(3, "shelling", 9)]
    assert [e.killed.best for e in figures.drop_totals(events)] == [7, 1, 1, 9]


def test_an_attack_noun_with_its_own_doer_is_reported():
    text = ("أكدت الحكومة أن عشرات الطلاب مفقودون بعد هجوم شنته جماعة بوكو حرام على "
            "مدرستهم في ولاية يوبي.")
    assert [p for _, p in _types(text)] == ["يوبي"]


def test_taking_control_of_a_situation_or_a_fire_is_no_taking():
    assert _planned("وقال إن الوحدات تلاحق عناصر أخرى بعد أن تمت السيطرة على الوضع") == [True]
    assert _planned("وتمكن الدفاع المدني من السيطرة على الحريق") == [True]
    assert _planned("وتمكن الجيش من السيطرة على مدينة الرمادي") == [False]


def test_a_strike_that_harmed_no_one_is_coded_with_zero_casualties():
    text = "وسقطت ثلاث قذائف هاون أمس داخل مدينة الرمادي، لكنها لم تتسبب في وقوع إصابات."
    events = extract(text, DAY)
    assert [(e.type, e.killed.best, e.wounded.best) for e in events] == [("shelling", 0, 0)]


def test_a_figure_in_the_sentence_is_not_overridden_by_no_harm():
    cas = find_casualties(fold("مقتل ثلاثة أشخاص في الهجوم، وانفجرت عبوة ثانية دون وقوع إصابات"))
    assert (cas.killed.best, cas.wounded) == (3, None)
