import datetime as dt

from extraction import extract
from extraction.scope import in_scope, keep_in_scope
from extraction.types import ActorRef, Count, Event, PlaceRef, Span

SPAN = Span(0, 10)
TOWN = PlaceRef(name="بلدة")
ARMY = ActorRef(name="الجيش", role="initiator")
FIVE = Count(5, 5, 5)


def test_it_keeps_an_event_with_a_place_and_a_party():
    assert in_scope(Event("armed_clash", SPAN, actors=(ARMY,), place=TOWN))


def test_it_keeps_an_event_with_a_figure_even_without_place_or_party():
    assert in_scope(Event("explosion", SPAN, killed=FIVE))
    assert in_scope(Event("explosion", SPAN, wounded=FIVE))


def test_it_drops_an_event_with_no_place_and_no_figure():
    assert not in_scope(Event("protest", SPAN, actors=(ARMY,)))


def test_it_drops_an_event_with_no_party_and_no_figure():
    assert not in_scope(Event("protest", SPAN, place=TOWN))


def _text_event(kind: str, text: str, **fields) -> tuple[Event, str]:
    return Event(kind, Span(0, len(text)), place=TOWN, **fields), text


def test_a_killing_with_no_party_and_no_political_cue_is_crime():
    event, text = _text_event("attack", "قتل رجل جاره بالرصاص في البلدة", killed=Count(1, 1, 1))
    assert keep_in_scope([event], text) == []


def test_a_killing_by_a_named_party_is_kept():
    event, text = _text_event("attack", "قتل الجيش رجلا في البلدة", actors=(ARMY,))
    assert keep_in_scope([event], text) == [event]


def test_a_killing_told_as_terrorism_is_kept_without_a_party():
    event, text = _text_event("attack", "قتل رجل في هجوم إرهابي في البلدة", killed=Count(1, 1, 1))
    assert keep_in_scope([event], text) == [event]


def test_an_attack_word_alone_does_not_make_a_killing_political():
    event, text = _text_event("attack", "هاجم كلب طفلا في البلدة", wounded=Count(1, 1, 1))
    assert keep_in_scope([event], text) == []


def test_an_arrest_for_an_ordinary_crime_is_not_coded():
    police = ActorRef(name="الشرطة", role="initiator", kind="state_force")
    event, text = _text_event("arrest", "ألقت الشرطة القبض على سائق مخمور", actors=(police,))
    assert keep_in_scope([event], text) == []


def test_an_arrest_of_militants_or_protesters_is_coded():
    police = ActorRef(name="الشرطة", role="initiator", kind="state_force")
    for text in ("ألقت الشرطة القبض على عناصر خلية إرهابية",
                 "اعتقلت الشرطة عددا من المعتصمين أمام الوزارة"):
        event, text = _text_event("arrest", text, actors=(police,))
        assert keep_in_scope([event], text) == [event]


def test_an_arrest_in_an_article_about_an_attack_is_coded():
    police = ActorRef(name="الشرطة", role="initiator", kind="state_force")
    text = "انفجرت سيارة مفخخة في البلدة. واعتقلت الشرطة شخصين."
    bomb = Event("explosion", Span(0, 26), place=TOWN, killed=FIVE)
    arrest = Event("arrest", Span(27, len(text)), place=TOWN, actors=(police,))
    assert keep_in_scope([bomb, arrest], text) == [bomb, arrest]


def test_a_remark_about_a_whole_country_with_no_figure_and_no_day_is_not_coded():
    assert extract("وقال المحلل إن الأتراك قصفوا مواقع لتنظيم داعش في سوريا وبدأوا "
                   "ملاحقة قياداته.") == []


def test_a_strike_on_a_country_with_its_day_is_still_coded():
    import datetime as dt

    [event] = extract("وقال المحلل إن الأتراك قصفوا أمس مواقع لتنظيم داعش في سوريا.",
                      dt.date(2019, 4, 11))
    assert event.place.name == "سوريا"


def test_a_strike_with_dead_and_wounded_told_without_a_figure_is_coded():
    day = dt.date(2015, 7, 23)
    [event] = extract("نفذ الطيران الحربي غارة على بلدة اليادودة وأنباء عن سقوط قتلى وجرحى.",
                      published=day)
    assert (event.type, event.place.name, event.killed) == ("airstrike", "اليادودة", None)
    assert extract("نفذ الطيران الحربي غارة على بلدة اليادودة.", published=day) == []


def test_dead_told_without_a_figure_keep_no_tyre_blowout_nor_a_hospital_visit():
    day = dt.date(2015, 7, 23)
    assert extract("انقلبت سيارة أجرة في نابل بسبب انفجار أحد إطاراتها دون تسجيل إصابات.",
                   published=day) == []
    assert extract("زار الأمير في أبها المصابين في التفجير الذي استهدف المسجد.",
                   published=day) == []


def test_a_strike_told_as_done_at_a_known_town_is_coded_without_a_named_party():
    day = dt.date(2015, 8, 3)
    [event] = extract("وكانت مصادر أمنية أعلنت أمس أن المقاتلات شنت غارات عنيفة على مواقع "
                      "في محافظة حجة.", published=day)
    assert (event.type, event.place.name, event.actors) == ("airstrike", "حجة", ())
    assert [e.place.name for e in extract("كما استهدفت غارة أخرى منطقة صرواح غرب مأرب.",
                                          published=day)] == ["صرواح"]


def test_a_strike_noun_with_no_verb_of_striking_is_not_coded_without_a_party():
    day = dt.date(2017, 3, 27)
    assert extract("ووري جثمانه الثرى في مقبرة الشهداء بحمام الأنف إلى جانب شهداء غارة "
                   "حمام الشط.", published=day) == []
    assert extract("وتروي المسرحية قصة عائلة في بغداد ليلة غارات الحلفاء.",
                   published=day) == []
