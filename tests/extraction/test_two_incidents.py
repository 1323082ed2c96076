"""One incident, several sentences; one sentence, two incidents (issue 8, lesson 2).
Sentences invented for the tests."""
import datetime as dt

from extraction import extract

PUBLISHED = dt.date(2019, 3, 4)  # a Monday


def summary(text):
    return [(e.type, e.place.name if e.place else None, e.killed.best if e.killed else None,
             e.date.date if e.date else None) for e in extract(text, PUBLISHED)]


def test_an_attack_hours_after_a_car_bomb_elsewhere_is_two_incidents():
    text = ("قتل جنديان في هجوم شنه تنظيم داعش على حاجز للجيش العراقي في مدينة الرمادي، "
            "بعد ساعات من تفجير سيارة مفخخة في مدينة الفلوجة أسفر عن مقتل 4 مدنيين.")
    events = summary(text)
    assert len(events) == 2, events
    by_place = {place: killed for _type, place, killed, _date in events}
    assert by_place == {"الرمادي": 2, "الفلوجة": 4}, events


def test_killed_after_a_blast_is_one_incident():
    events = summary("قتل 5 أشخاص إثر انفجار عبوة ناسفة في سوق بمدينة الرمادي.")
    assert len(events) == 1 and events[0][2] == 5, events


def test_the_attack_the_day_before_happened_the_day_before():
    text = ("اقتحم مسلحو بوكو حرام مساء السبت قاعدة عسكرية في ولاية يوبي، غداة هجوم شنته "
            "جماعة بوكو حرام على بلدة في ولاية بورنو أسفر عن مقتل 4 جنود.")
    dates = {place: date for _type, place, _killed, date in summary(text)}
    assert dates == {"يوبي": dt.date(2019, 3, 2), "بورنو": dt.date(2019, 3, 1)}, dates


def test_the_toll_after_in_response_to_is_the_toll_of_the_incident_responded_to():
    text = ("قصفت الطائرات الأمريكية قاعدة جوية قرب مدينة حمص، ردا على هجوم بالغاز السام "
            "شنته قوات النظام السوري على بلدة سراقب قبل أيام، مما أدى إلى مقتل 20 شخصا.")
    killed = {place: killed for _type, place, killed, _date in summary(text)}
    assert killed.get("سراقب") == 20 and killed.get("حمص") is None, killed


def test_the_incident_responded_to_did_not_happen_on_the_day_of_the_response():
    text = ("قصفت الطائرات الأمريكية الجمعة قاعدة جوية قرب مدينة حمص، ردا على هجوم بالغاز "
            "السام شنته قوات النظام السوري على بلدة سراقب قبل أيام، مما أدى إلى مقتل 20 "
            "شخصا.")
    dates = {place: date for _type, place, _killed, date in summary(text)}
    assert dates == {"حمص": dt.date(2019, 3, 1), "سراقب": None}, dates


def test_a_toll_told_after_the_aside_is_the_toll_of_the_news():
    text = ("اقتحم مسلحو بوكو حرام مساء السبت قاعدة عسكرية في ولاية يوبي، غداة هجوم شنته "
            "جماعة بوكو حرام على بلدة في ولاية بورنو.\n"
            "ولم تصدر السلطات أي حصيلة، لكن مصدرا عسكريا أكد مقتل 31 جنديا.")
    killed = {place: killed for _type, place, killed, _date in summary(text)}
    assert killed.get("يوبي") == 31 and killed.get("بورنو") is None, killed


def test_the_same_toll_the_day_before_is_not_more_of_the_news():
    text = ("قتل ستة جنود مساء الجمعة في انفجار عبوة ناسفة استهدفت دورية للجيش في مدينة "
            "الرمادي.\nويأتي الهجوم غداة مقتل ستة جنود آخرين في هجوم مماثل شرق البلاد.")
    events = extract(text, PUBLISHED)
    aside = text.index("غداة")
    assert len(events) == 1, events
    assert all(m.end <= aside for m in events[0].extra["mentions"]), events


def test_another_attack_in_the_same_province_is_another_event():
    text = ("قتل مسلحون من تنظيم داعش ثلاثة أشخاص في هجوم على حاجز قرب بلدة داقوق الأحد.\n"
            "وفي هجوم آخر، قتل ثلاثة أشخاص برصاص مسلحين من تنظيم داعش في محافظة كركوك.")
    events = summary(text)
    assert len(events) == 2, events


def test_the_attack_told_again_with_its_toll_is_one_event():
    text = ("قتل ثلاثة أشخاص في هجوم شنه مسلحون من تنظيم داعش على حاجز قرب بلدة داقوق "
            "الأحد.\nوقالت الشرطة الاثنين إن الهجوم أسفر عن مقتل ثلاثة أشخاص.")
    assert len(summary(text)) == 1


def test_more_dead_in_addition_are_the_same_incidents_toll():
    text = ("قتل خمسة جنود في قصف مدفعي شنه تنظيم داعش على قرية البشير في محافظة كركوك، "
            "فضلا عن مقتل ثلاثة مدنيين.")
    events = summary(text)
    assert len(events) == 1 and events[0][2] == 8, events


def test_the_attack_hours_before_at_the_same_town_is_not_merged_into_the_news():
    text = ("قتل جنديان في هجوم شنه تنظيم داعش على حاجز للجيش العراقي في مدينة الرمادي، "
            "بعد ساعات من هجوم مسلح استهدف دورية للجيش العراقي في مدينة الرمادي أسفر "
            "عن مقتل جنديين.")
    events = summary(text)
    assert len(events) == 2, events


def test_what_an_incident_came_the_day_after_is_another_incident():
    text = ("قتل أربعة جنود على الأقل مساء الأحد في انفجار لغم بدوريتهم قرب بلدة ميناكا "
            "في مالي. ويأتي الحادث غداة مقتل أربعة جنود شمال البلاد في ظروف مماثلة.")
    events = summary(text)
    assert sorted(place for _type, place, _killed, _date in events) == ["مالي", "ميناكا"], events


def test_fighting_told_after_while_in_the_same_sentence_is_fought_by_its_parties():
    taken = "سيطرت قوات الجيش اليمني على مواقع للحوثيين في مديرية مودية بمحافظة أبين"
    fighting = "لا تزال المعارك تدور في مديرية لودر."
    events = extract(f"{taken}، فيما {fighting}", PUBLISHED)
    assert [(e.type, e.place.name, [a.name for a in e.actors]) for e in events] == [
        ("territory", "مودية", ["الجيش اليمني", "الحوثيون"]),
        ("armed_clash", "لودر", ["الجيش اليمني", "الحوثيون"])]
    # in a sentence of its own, the fighting names no party and is not coded
    assert [e.type for e in extract(f"{taken}. و{fighting}", PUBLISHED)] == ["territory"]


def test_a_shelling_and_an_air_strike_by_different_parties_are_two_incidents():
    events = extract("وكانت مليشيات الحوثي قد قصفت أحياء سكنية في مدينة تعز أمس. وشنت طائرات "
                     "التحالف غارات على مواقع الحوثيين في مدينة تعز.", PUBLISHED)
    initiators = sorted((e.type, tuple(a.name for a in e.actors if a.role == "initiator"))
                        for e in events)
    assert initiators == [("airstrike", ("التحالف العربي",)), ("shelling", ("الحوثيون",))]


def test_a_strike_told_first_as_shelling_then_from_the_air_is_one_incident():
    events = extract("قصف التحالف مواقع للحوثيين في مدينة تعز أمس. وشنت طائرات التحالف غارات "
                     "على مواقع الحوثيين في مدينة تعز.", PUBLISHED)
    assert len(events) == 1
