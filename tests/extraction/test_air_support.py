"""Aircraft told as the support of a ground force's advance («بدعم من طائرات التحالف») make
no air strike of their own, and back the side that advanced. Sentences invented for the
tests."""
import datetime as dt

from extraction import extract

PUBLISHED = dt.date(2019, 4, 11)


def roles(event):
    return {a.name: a.role for a in event.actors}


def test_a_storming_backed_by_aircraft_is_no_air_strike():
    [event] = extract("اقتحمت قوات المقاومة الشعبية أمس بدعم من طائرات التحالف العربي معسكر "
                      "لبوزة في مديرية المسيمير.", PUBLISHED)
    assert event.type != "airstrike"
    assert roles(event)["التحالف العربي"] == "initiator"


def test_a_taking_backed_by_the_air_is_a_taking_by_both():
    [event] = extract("استعادت قوات الجيش اليمني أمس وبإسناد فاعل من طيران التحالف العربي "
                      "مدينة زنجبار من الحوثيين.", PUBLISHED)
    assert event.type == "territory"
    assert roles(event)["التحالف العربي"] == "initiator"
    assert roles(event)["الحوثيون"] == "target"


def test_aircraft_that_struck_still_make_an_air_strike():
    [event] = extract("شنت طائرات التحالف العربي أمس غارات على مواقع الحوثيين في مديرية "
                      "المسيمير.", PUBLISHED)
    assert event.type == "airstrike"
    assert roles(event)["التحالف العربي"] == "initiator"


def test_a_full_taking_is_told_with_its_adverb_between():
    for text in ("تمكنت قوات الجيش اليمني أمس من السيطرة الكاملة على مدينة زنجبار.",
                 "تمكنت قوات الجيش اليمني أمس من السيطرة أولا على مدينة زنجبار."):
        assert [e.type for e in extract(text, PUBLISHED)] == ["territory"], text


def test_a_party_named_by_its_strikes_before_the_verb_s_object_struck():
    # «استهدفت غارات التحالف مواقع ...»: the coalition's strikes, not strikes on it
    [event] = extract("استهدفت غارات التحالف مواقع للحوثيين في مديرية المسيمير.", PUBLISHED)
    assert roles(event) == {"التحالف العربي": "initiator", "الحوثيون": "target"}
