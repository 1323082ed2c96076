"""Triggers and victims inflect: duals, accusatives, object pronouns. Sentences invented
for the tests."""
import datetime as dt

from extraction import extract
from extraction.arabic import fold
from extraction.triggers import find_triggers, inflections

PUBLISHED = dt.date(2019, 4, 11)


def types(sentence):
    return [t.type for t in find_triggers(fold(sentence))]


def test_a_dual_missile_is_a_shelling_trigger():
    assert types("أطلق الحوثيون صاروخين على المدينة") == ["shelling"]


def test_an_accusative_missile_is_a_shelling_trigger():
    assert types("أطلق الحوثيون صاروخا على المدينة") == ["shelling"]


def test_a_dual_of_a_feminine_noun_drops_its_ta_marbuta():
    assert types("سقطت قذيفتا هاون قرب السوق") == ["shelling"]
    assert types("انفجرت عبوتين ناسفتين")[-1] == "explosion"


def test_a_verb_with_an_object_pronoun_is_still_its_trigger():
    assert types("هاجمتهم مجموعة مسلحة") == ["armed_clash"]


def test_words_not_listed_as_inflecting_get_no_endings():
    assert inflections("مقاتلات") == ["مقاتلات"]


def test_two_missiles_with_a_dual_victim_report_two_killed():
    text = "أطلق الحوثيون صاروخين على مدينة جازان أمس فقتل مدنيان."
    events = extract(text, PUBLISHED)
    assert [(e.type, e.killed.best) for e in events] == [("shelling", 2)]


def test_a_singular_victim_is_one_and_a_dual_victim_is_two():
    one = extract("قتل جندي في هجوم مسلح على حاجز للجيش العراقي في الموصل أمس.", PUBLISHED)
    two = extract("أعلن الجيش مقتل جنديين في كمين نصبه مسلحو داعش قرب الرمادي.", PUBLISHED)
    assert [e.killed.best for e in one] == [1]
    assert [e.killed.best for e in two] == [2]


def test_air_attacks_are_airstrikes():
    assert types("نفذت الطائرات هجمات جوية على البلدة")[0] == "airstrike"
    assert types("قتل مدنيون في هجوم جوي على السوق")[-1] == "airstrike"


def test_barrel_bombs_told_in_the_dual_accusative_or_as_a_bombardment_are_airstrikes():
    for text in ("وألقت مروحيات النظام برميلين متفجرين على بلدة كفرنبل",
                 "وقصفت مروحيات النظام 12 برميلا متفجرا على بلدة كفرنبل",
                 "وقتل تسعة مدنيين بقصف البراميل على بلدة كفرنبل"):
        assert [e.type for e in extract(text, PUBLISHED)] == ["airstrike"], text


def test_two_gunmen_told_in_the_dual_are_the_party_of_their_attack():
    events = extract("أطلق مسلحان النار على مقر القنصلية في مدينة إسطنبول صباح اليوم.", PUBLISHED)
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [("attack", ["مسلحون"])]


def killed(sentence):
    from extraction.casualties import find_casualties
    from extraction.normalise import normalise

    count = find_casualties(normalise(sentence).text).killed
    return count.best if count else None


def test_a_singular_accusative_object_of_a_killing_verb_is_one_killed():
    assert killed("قتلت قوات الأمن مسلحا في جبل الشعانبي.") == 1
    assert killed("قتل الجيش الأحد فلسطينيا قرب الحاجز.") == 1


def test_the_adjective_after_the_object_is_not_a_second_death():
    assert killed("قالت الوزارة إن وحداتها قتلت إرهابيا مسلحا في الجبل.") == 1


def test_an_object_with_a_figure_after_it_is_left_to_the_figure():
    assert killed("قتل المسلحون شرطيا و3 مدنيين في الهجوم.") != 1


def test_an_event_takes_the_one_death_of_an_accusative_object():
    events = extract("قتل الجيش الإسرائيلي الأحد فلسطينيا قرب مدينة الخليل.", PUBLISHED)
    assert [e.killed.best for e in events] == [1]


def test_shooting_down_an_aircraft_is_a_clash_with_the_subject_between():
    events = extract("أسقطت الدفاعات الجوية للحوثيين طائرة حربية فوق مدينة صعدة.", PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("armed_clash", "صعدة")]


def test_shooting_down_an_aircraft_is_a_clash_told_as_a_noun():
    events = extract("أعلن تنظيم داعش إسقاط طائرة مروحية للجيش العراقي قرب الفلوجة.", PUBLISHED)
    assert [e.type for e in events] == ["armed_clash"]


def test_an_official_killed_is_one_person():
    assert killed("أعلنت الحركة مسؤوليتها عن قتل نائب في البرلمان بمدينة مقديشو.") == 1
    assert killed("قتلت قوات الأمن وزيرا بالخطأ عند حاجز في العاصمة.") == 1


def test_killed_by_a_party_s_fire_is_an_incident():
    text = "لقي 20 عنصرا من ميليشيات الحوثي مصرعهم بنيران الجيش الوطني في جبهة صرواح غرب مأرب."
    events = extract(text, PUBLISHED)
    assert [(e.place.name, e.killed.best) for e in events] == [("صرواح", 20)]


def test_fire_with_no_figure_makes_no_incident():
    assert extract("تعرضت القرى الحدودية بنيران كثيفة في محافظة صعدة.", PUBLISHED) == []


def test_a_verb_with_a_dual_subject_is_still_its_trigger():
    assert types("قالت مصادر إن الجيش والمقاومة سيطرا على البلدة") == ["territory"]
    assert types("وقال المسؤول إن مروحيتين هاجمتا حاجزا للجيش") == ["armed_clash"]


def test_a_dual_ending_that_makes_a_noun_is_left_out():
    assert "قصفتا" in inflections("قصف")
    assert "قصفا" not in inflections("قصف")  # «شن قصفا»: a shelling told as a noun


def test_two_forces_that_took_a_town_together_report_its_taking():
    text = "قال مصدر عسكري إن الجيش اليمني والمقاومة الشعبية سيطرا أمس على مدينة زنجبار."
    events = extract(text, PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("territory", "زنجبار")]
