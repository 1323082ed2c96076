import datetime as dt

import pytest

from extraction import extract

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def only(events):
    assert len(events) == 1, [e.to_json() for e in events]
    return events[0]


def test_an_airstrike_with_figures_actors_place_and_date():
    text = ("قتل 12 مدنيا وأصيب سبعة آخرون الثلاثاء في غارة جوية شنها طيران التحالف الدولي "
            "على قرية في محافظة الأنبار غربي العراق.")
    e = only(extract(text, PUBLISHED))
    assert e.type == "airstrike"
    assert (e.killed.best, e.wounded.best) == (12, 7)
    assert e.date is not None and e.date.date == dt.date(2019, 4, 9)
    assert any(a.name == "التحالف الدولي" and a.role == "initiator" for a in e.actors)
    assert e.place is not None and "الانبار" in e.place.name.replace("أ", "ا")
    assert text[e.evidence.start:e.evidence.end] == text


def test_a_readiness_statement_is_not_an_event():
    text = ("أعربت قوات التحالف عن استعدادها لتنفيذ ضربات جوية ضد أهداف المتشددين في حال "
            "طلب منها ذلك.")
    assert extract(text, PUBLISHED) == []


def test_a_road_accident_is_not_an_event():
    text = "لقي خمسة أشخاص مصرعهم في حادث سير مروع على الطريق الدولي قرب مدينة حمص."
    assert extract(text, PUBLISHED) == []


def test_a_total_since_the_start_of_the_year_is_not_an_event():
    text = "ومنذ بداية العام قتل ما لا يقل عن 118 شخصا في هجمات متفرقة في محافظة ديالى."
    assert extract(text, PUBLISHED) == []


def test_the_same_incident_reported_twice_is_one_event():
    text = ("قتل عشرة أشخاص في انفجار سيارة مفخخة في سوق مدينة بعقوبة الأربعاء. "
            "وقال مسؤول محلي إن الانفجار وقع في ساعة الذروة وأسفر عن مقتل عشرة أشخاص.")
    e = only(extract(text, PUBLISHED))
    assert e.type == "explosion" and e.killed.best == 10
    # both sentences are kept as mentions of the one incident
    assert [text[m.start:m.end][:6] for m in e.extra["mentions"]] == ["قتل عش", "وقال م"]


def test_two_liberated_villages_are_two_events():
    text = "تمكنت القوات العراقية من تحرير قرية الحود وقرية العطشانة من سيطرة داعش."
    events = extract(text, PUBLISHED)
    assert [e.type for e in events] == ["territory", "territory"]
    assert len({e.place.name for e in events}) == 2


def test_the_initiator_and_the_target_come_from_the_sentence():
    text = "شن تنظيم داعش هجوما على قوات البيشمركة قرب مدينة كركوك ما أسفر عن مقتل ثلاثة."
    e = only(extract(text, PUBLISHED))
    roles = {a.name: a.role for a in e.actors}
    assert roles.get("داعش") == "initiator"
    assert roles.get("البيشمركة") == "target"


def test_a_protest_is_an_event():
    text = "خرج آلاف المتظاهرين في مظاهرة احتجاجية وسط مدينة البصرة الجمعة للمطالبة بالخدمات."
    e = only(extract(text, PUBLISHED))
    assert e.type == "protest"


def test_evidence_spans_point_into_the_original_text_with_diacritics():
    text = "قُتِلَ خمسةُ جنودٍ في انفجارِ عبوةٍ ناسفةٍ في مدينةِ الموصلِ."
    e = only(extract(text, PUBLISHED))
    assert text[e.evidence.start:e.evidence.end] == text
    assert e.killed.best == 5


def test_two_incidents_in_one_sentence_joined_by_fima_are_two_events():
    text = ("قتل ثمانية مدنيين في قصف على مدينة خان شيخون فيما قتل ثلاثة آخرون في قصف "
            "لبلدة التح المجاورة.")
    events = extract(text, PUBLISHED)
    assert sorted(e.killed.best for e in events) == [3, 8]


def test_a_figure_that_sums_the_articles_incidents_is_not_an_event():
    text = ("قتل 20 شخصا في هجمات على محافظتي ديالى وصلاح الدين. "
            "وقتل 12 شخصا في انفجار سيارة مفخخة في سوق بعقوبة. "
            "وفي هجوم آخر قتل مسلحون ثمانية أشخاص في مدينة سامراء.")
    events = extract(text, PUBLISHED)
    assert sorted(e.killed.best for e in events) == [8, 12]


def test_a_source_or_a_landlord_is_not_a_party():
    text = ("قال مصدر في الشرطة العراقية إن انفجار عبوة ناسفة في قرية يسيطر عليها الحشد "
            "الشعبي قرب مدينة بيجي أسفر عن مقتل ثلاثة مدنيين.")
    e = only(extract(text, PUBLISHED))
    assert e.actors == ()


def test_a_suicide_bomber_is_a_person_not_a_party():
    text = "فجر انتحاري نفسه في سوق مدينة الموصل ما أسفر عن مقتل ستة أشخاص."
    e = only(extract(text, PUBLISHED))
    assert all("انتحاري" not in a.name for a in e.actors)


def test_the_militants_refer_back_to_the_group_the_article_named():
    text = ("شنت جماعة بوكو حرام هجوما على قرية في ولاية بورنو أسفر عن مقتل 12 شخصا. "
            "وفي اليوم التالي اجتاح المتشددون قاعدة عسكرية في ولاية يوبي وقتلوا 20 جنديا.")
    events = extract(text, PUBLISHED)
    assert len(events) == 2
    assert all(any(a.name == "بوكو حرام" for a in e.actors) for e in events)


def test_a_sentence_with_figures_fills_the_incident_just_told():
    text = ("انفجرت سيارة مفخخة في مدينة بنغازي مساء الأربعاء. "
            "وقال مسؤول في المستشفى إن سبعة أشخاص قتلوا وأصيب 20 آخرون.")
    e = only(extract(text, PUBLISHED))
    assert (e.killed.best, e.wounded.best) == (7, 20)


def test_a_protest_without_a_known_place_is_still_reported():
    e = only(extract("خرج آلاف المتظاهرين في مسيرة احتجاجية ضد الغلاء.", PUBLISHED))
    assert e.type == "protest" and e.place is None


@pytest.mark.parametrize("sentence", [
    "يذكر أن التنظيم سيطر على مدينة الموصل عام 2014 قبل أن تستعيدها القوات العراقية.",
    "ودعا المبعوث الأممي إلى وقف فوري لإطلاق النار في جميع أنحاء اليمن.",
    "وتتهم الحكومة المعارضة بالتحريض على أعمال العنف والتظاهرات في مدينة الحسيمة.",
    "نفى المتحدث باسم الجيش وقوع أي اشتباكات في مدينة عدن.",
    "قال وزير الداخلية إن حق التظاهر السلمي مكفول للجميع.",
    "وحذرت الأمم المتحدة من كارثة إنسانية في حال شن هجوم على مدينة الحديدة.",
    "ويعقد مجلس الأمن الدولي جلسة طارئة لبحث الغارات على إدلب.",
    "هدد تنظيم داعش بشن هجمات جديدة على المدن العراقية.",
    "قتل رجل زوجته طعنا بالسكين في منزلهما بالزرقاء إثر خلاف عائلي.",
])
def test_statements_threats_history_and_crime_are_not_events(sentence):
    assert extract(sentence, PUBLISHED) == []


def test_an_assassination_stays_an_attack_and_an_assault_on_a_base_is_a_clash():
    attack = only(extract("اغتال مسلحون مجهولون ضابطا في الشرطة في مدينة درنة.", PUBLISHED))
    clash = only(extract("شن مسلحون هجوما على قاعدة عسكرية في ولاية بورنو وقتلوا 20 جنديا.",
                         PUBLISHED))
    assert (attack.type, clash.type) == ("attack", "armed_clash")
