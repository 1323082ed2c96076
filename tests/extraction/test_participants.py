import datetime as dt

from extraction import extract
from extraction.participants import add_crowds, crowd_of
from extraction.types import ActorRef, Event, PlaceRef, Span

PUBLISHED = dt.date(2019, 4, 10)


def test_a_crowd_is_a_quantity_word_and_who_they_are():
    assert crowd_of("خرج آلاف الطلاب في مسيرة") == "آلاف الطلاب"
    assert crowd_of("احتشد مئات من العمال أمام المصنع") == "مئات من العمال"


def test_a_crowd_described_but_not_named_has_no_alias():
    assert crowd_of("شهدت المدينة مسيرات حاشدة") == ""


def test_a_festival_is_no_crowd():
    assert crowd_of("افتتحت التظاهرة الثقافية في المدينة") is None


def test_one_person_s_act_of_protest_describes_no_crowd():
    assert crowd_of("قطع الأهالي الطريق احتجاجا على انقطاع الماء") == ""
    assert crowd_of("استقالت إدارة النادي احتجاجا على قرار الاتحاد") is None
    assert crowd_of("قدم المدرب شكوى احتجاجا على التحكيم") is None


def test_only_a_protest_without_a_party_takes_its_crowd():
    text = "احتشد آلاف العمال في الساحة"
    span, town = Span(0, len(text)), PlaceRef(name="بلدة")
    army = ActorRef(name="الجيش", role="initiator")
    protest, clash = Event("protest", span, place=town), Event("armed_clash", span, place=town)
    named = Event("protest", span, place=town, actors=(army,))
    out = add_crowds([protest, clash, named], text)
    assert [a.aliases for a in out[0].actors] == [("آلاف العمال",)]
    assert out[1].actors == () and out[2].actors == (army,)


def test_marchers_in_a_square_are_the_protest_party():
    e, = extract("احتشد مئات من العمال أمام مقر الولاية في مدينة صفاقس احتجاجا على الأجور.",
                 PUBLISHED)
    assert e.type == "protest" and [a.name for a in e.actors] == ["متظاهرون"]


def test_a_crowd_word_before_a_comma_still_describes_the_crowd():
    assert crowd_of("نفذ عدد من الأهالي وقفة احتجاجية، وقاموا بغلق الطريق") == ""


def test_a_body_s_protest_step_describes_no_crowd():
    assert crowd_of("قطعت الشركة التيار عن المدينة كخطوة احتجاجية، يوم الجمعة") is None


def test_an_armed_group_a_protest_names_is_no_protester():
    text = ("تظاهر أهالي العسكريين المختطفين لدى جبهة النصرة وتنظيم داعش في شوارع بيروت أمس، "
            "مطالبين بتحرير أبنائهم.")
    events = extract(text, dt.date(2015, 7, 22))
    assert [e.type for e in events] == ["protest"]
    assert [a.name for a in events[0].actors] == ["متظاهرون"]


def test_the_police_a_protest_names_are_its_target_and_the_crowd_its_initiator():
    from extraction.participants import without_armed_groups

    text = "رشق المحتجون قوات الأمن بالحجارة في ساحة القصبة"
    span, square = Span(0, len(text)), PlaceRef(name="ساحة القصبة")
    police = ActorRef(name="قوات الأمن", role="initiator", kind="state_force")
    crowd = ActorRef(name="متظاهرون", role="target")
    alone, beside = (Event("protest", span, place=square, actors=actors)
                     for actors in ((police,), (police, crowd)))
    out = without_armed_groups([alone, beside], text)
    assert [(a.name, a.role) for a in out[0].actors] == [
        ("متظاهرون", "initiator"), ("قوات الأمن", "target")]
    assert [(a.name, a.role) for a in out[1].actors] == [
        ("قوات الأمن", "target"), ("متظاهرون", "initiator")]


def test_a_protest_that_names_no_force_and_no_group_keeps_its_parties():
    from extraction.participants import without_armed_groups

    text = "تظاهر العمال أمام مقر الولاية"
    workers = ActorRef(name="العمال", role="target")
    protest = Event("protest", Span(0, len(text)), place=PlaceRef(name="الولاية"),
                    actors=(workers,))
    assert without_armed_groups([protest], text)[0].actors == (workers,)
