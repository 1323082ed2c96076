"""Finding armed actors in folded Arabic text."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.actors import find_actors
from extraction.arabic import fold


def actors(sentence: str):
    return find_actors(fold(sentence))


def names(sentence: str) -> list[str]:
    return [m.name for m in actors(sentence)]


def test_the_coalition_and_the_islamic_state_are_found():
    assert names("شن طيران التحالف الدولي غارات على مواقع تنظيم داعش") == [
        "التحالف الدولي", "داعش",
    ]


def test_isis_gangs_is_isis():
    [mention] = actors("قتل عشرة من عصابات داعش الإرهابية")
    assert mention.key == "isis"
    assert mention.surface == fold("عصابات داعش الإرهابية")


def test_an_army_named_by_its_nationality():
    [mention] = actors("أعلن الجيش المالي مقتل عشرة مسلحين قرب الحدود")[:1]
    assert mention.name == "الجيش المالي"


def test_special_forces_of_a_nationality_resolve_to_its_army():
    assert names("اشتبكت القوات الخاصة العراقية مع مسلحين") == ["القوات العراقية", "مسلحون"]


def test_a_brigade_of_an_operations_command_is_an_iraqi_unit():
    [mention] = actors("تمكن لواء مغاوير قيادة عمليات سامراء من قتل انتحاريين")[:1]
    assert mention.name == "القوات العراقية"
    assert mention.surface.startswith("لواء")


def test_a_spokesman_of_a_ministry_is_not_an_actor():
    assert actors("قال المتحدث باسم وزارة الخارجية إن الوضع هادئ") == []


def test_the_bare_coalition_follows_the_documents_war():
    found = names("قصف الحوثيون مواقع الجيش الوطني وردت طائرات التحالف")
    assert found == ["الحوثيون", "الجيش اليمني", "التحالف العربي"]


def test_unseen_pmf_brigades_are_the_pmf():
    found = actors("شارك حشد أسود دجلة وحشد جنوب الموصل في العملية")
    assert [m.name for m in found] == ["الحشد الشعبي", "الحشد الشعبي"]
    assert all(m.via_pattern for m in found)


def test_opened_fire_is_not_fatah():
    assert names("فتح مسلحون النار على دورية") == ["مسلحون"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءة ،.-0123456789الجيشقواتلواء", max_size=80))
def test_it_never_raises_and_its_spans_stay_in_range(text):
    previous_end = 0
    for mention in find_actors(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end


def test_the_bare_police_belongs_to_the_country_of_the_document():
    found = actors("قتل شرطيان في كمين بشمال بوركينا فاسو وأعلنت الشرطة فتح تحقيق")
    # the two policemen killed («شرطيان») and the police that investigates
    assert [m.name for m in found] == ["الشرطة البوركينية", "الشرطة البوركينية"]


def test_ansar_allah_in_a_lebanese_camp_is_not_the_houthis():
    lebanon = names("اشتباكات في مخيم عين الحلوة في صيدا بين أنصار الله وحركة فتح")
    yemen = names("شنت جماعة أنصار الله هجوما على مواقع الجيش اليمني في تعز")
    assert lebanon == ["أنصار الله", "حركة فتح"]
    assert yemen == ["الحوثيون", "الجيش اليمني"]


def test_a_name_in_quotes_is_still_found():
    assert names('هاجمت جماعة "بوكو حرام" قرية في ولاية بورنو') == ["بوكو حرام"]


def test_parliament_and_a_province_are_not_armed_groups():
    assert actors("صوت مجلس النواب على القانون") == []
    assert actors("زار الوفد لواء اسكندرون") == []


def test_the_organisation_is_the_group_the_document_names():
    found = names("هاجم تنظيم داعش قرية في كركوك وتمكنت القوات من صد هجوم التنظيم الإرهابي")
    assert found == ["داعش", "داعش"]


def test_every_actor_of_the_seed_articles_is_found(data_dir):
    texts = {}
    for line in (data_dir / "seeds.articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        texts[article["id"]] = fold((article.get("title") or "") + "\n" + article["text"])
    for line in (data_dir / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        found = {fold(m.name) for m in find_actors(texts[gold["id"]])}
        for event in gold["events"]:
            for actor in event["actors"]:
                assert fold(actor["name"]) in found, actor["name"]


def test_engineering_units_are_not_an_armed_group():
    assert actors("وتقوم وحدات الهندسة بتفكيك العبوات في الحي") == []


def test_a_political_un_mission_is_not_the_peacekeepers():
    found = names("وقالت بعثة الأمم المتحدة لمساعدة العراق إن الهجوم أودى بعشرة")
    assert "قوات حفظ السلام الأممية" not in found


def test_the_bare_police_of_paris_london_or_america_is_police_not_the_armed_forces():
    assert names("أطلقت الشرطة النار على رجل حاول مهاجمة عون أمن في باريس") == [
        "الشرطة الفرنسية"]
    assert names("اعتقلت الشرطة ثلاثة أشخاص في مانشستر في بريطانيا") == ["الشرطة البريطانية"]
    assert names("قتلت الشرطة مطلق النار بعد هجومه على مركز للقوات الأمريكية") == [
        "الشرطة الأمريكية", "القوات الأمريكية"]
    assert names("قصف الجيش الفرنسي مواقع في مالي وأعلنت الشرطة في باريس") == [
        "القوات الفرنسية", "الشرطة الفرنسية"]


def test_a_provincial_security_directorate_is_that_countrys_police():
    found = actors("ضبطت قوات مديرية أمن الشرقية عشرة متهمين في الزقازيق")
    directorate = next(m for m in found if m.surface == fold("مديرية أمن الشرقية"))
    assert directorate.key == "eg.police"


def test_a_police_command_named_after_a_province_is_that_countrys_police():
    [mention] = actors("أعلنت قيادة شرطة كركوك اعتقال مطلوب")
    assert mention.key == "iq.police"


def test_moroccos_judicial_investigation_bureau_is_its_security_forces():
    [mention] = actors("فكك المكتب المركزي للأبحاث القضائية خلية إرهابية")
    assert mention.key == "ma.security"


def test_iraqi_security_forces_in_general_are_the_iraqi_forces():
    found = actors("أطلقت قوات الأمن الغاز المسيل للدموع على المتظاهرين في بغداد")
    assert [m.key for m in found] == ["iq.army", "protesters"]


def test_the_group_an_official_accuses_of_a_bombing_is_found():
    found = actors("قال المتحدث إن أربعة أصيبوا، متهماً حركة طالبان بزرع العبوة")
    assert [m.key for m in found] == ["taliban"]


def test_a_battlefront_after_a_preposition_is_no_armed_group():
    assert actors("سيطرت القوات على جبهة الكسارة جنوب العاصمة") == []


def test_a_front_named_as_a_subject_is_still_a_group():
    found = actors("هاجمت جبهة الخلاص الوطني مواقع الجيش")
    assert found[0].name == fold("جبهة الخلاص الوطني")


def test_tribal_fighters_are_iraqs_tribal_mobilisation_only_in_an_iraqi_story():
    assert [m.key for m in actors("اشتبك مقاتلو العشائر مع داعش في الأنبار")] == [
        "tribal_pmf", "isis",
    ]
    somali = actors("اشتبك مقاتلو العشائر مع حركة الشباب في وسط الصومال قرب مقديشو")
    assert [m.key for m in somali] == ["shabaab"]


def test_the_national_army_forces_are_the_army_of_the_storys_country():
    [mention] = actors("تقدمت قوات الجيش الوطني الشعبي في تمنراست")
    assert mention.key == "dz.army"


def test_the_base_told_before_is_no_al_qaeda():
    from extraction import extract

    [event] = extract("قالت مصادر إن مسلحي تنظيم داعش هاجموا قاعدة في قرية زاري بولاية بورنو "
                      "وقتلوا 30 جنديا. وقصفت الطائرات القاعدة بعد الهجوم.")
    assert "القاعدة" not in [a.name for a in event.actors]


def test_the_base_told_with_lam_before_is_no_al_qaeda():
    names = [m.name for m in actors("تقدمت المقاومة نحو البوابة الشمالية لقاعدة العند الجوية، "
                                    "وشن طيران التحالف غارات على المواقع الداخلية للقاعدة.")]
    assert "القاعدة" not in names


def test_al_qaeda_named_in_full_stays_al_qaeda_when_a_base_is_told_too():
    from extraction import extract

    [event] = extract("قتل 30 جنديا في هجوم شنه تنظيم القاعدة على قاعدة في ولاية بورنو، وقال "
                      "مسؤول إن القاعدة تبنت الهجوم.")
    assert "القاعدة" in [a.name for a in event.actors]


def test_the_sides_of_the_donbas_war_and_the_indian_army_are_named():
    assert names("قصفت القوات الأوكرانية مواقع الانفصاليين الموالين لروسيا") == [
        "الجيش الأوكراني", "الانفصاليون الموالون لروسيا"]
    assert names("فتحت القوات الهندية النار عبر الحدود") == ["الجيش الهندي"]


def test_the_saudi_emergency_force_in_the_singular_is_the_special_emergency_forces():
    assert names("استهدف التفجير مسجد قوة الطوارئ الخاصة في المدينة") == ["قوات الطوارئ الخاصة"]
    assert names("أصيب جنديان من قوة الطوارئ في الهجوم") == ["قوات الطوارئ الخاصة"]



def test_the_regime_s_aircraft_and_artillery_are_the_syrian_government_forces():
    # the aircraft, and the barrel bombs too: two mentions of one party
    assert set(names("قصفت طائرات النظام بالبراميل المتفجرة حي الشعار")) == {"قوات النظام السوري"}
    assert names("قصفت مدفعية النظام قرية المشيرفة") == ["قوات النظام السوري"]


def test_the_police_named_by_a_nationality_is_that_nations_police():
    text = "اعتقلت الشرطة البلجيكية ثلاثة أشخاص في بروكسل بعد أيام من هجمات الكنيس."
    assert names(text) == [fold("الشرطة البلجيكية")]
    assert names("داهمت الشرطة الإسبانية منزلا في مدريد واعتقلت مشتبها به.") == [
        fold("الشرطة الإسبانية")]


def test_a_generic_word_that_is_no_force_keeps_its_meaning_before_a_nationality():
    assert names("أعلنت المقاومة اليمنية مقتل 22 من الحوثيين") == [
        "المقاومة الشعبية", "الحوثيون"]


@pytest.mark.parametrize(("text", "group"), [
    ("وأعلنت سرايا وعد الله مسؤوليتها عن التفجير", "سرايا وعد الله"),
    ("وأكدت مصادر أن لواء الحمزة بالكامل انشق عن الحوثيين", "لواء الحمزه"),
    ("وكانت كتائب مصراتة قالت إن الغارات قتلت العشرات", "كتايب مصراته"),
])
def test_a_verb_an_adverb_or_a_noun_with_its_pronoun_ends_a_groups_name(text, group):
    assert group in [fold(text)[m.start:m.end] for m in actors(text)]


@pytest.mark.parametrize("movement", ["حركة القطارات", "حركة السيارات", "حركة العبور"])
def test_the_movement_of_trains_or_cars_is_no_movement_of_fighters(movement):
    assert names(f"توقفت {movement} بعد الانفجار في محطة المترو") == []


def test_helicopters_and_barrel_bombs_over_a_syrian_town_are_the_regimes():
    text = "قصف الطيران المروحي بالبراميل المتفجرة مناطق في مدينة تلبيسة بريف حمص."
    assert "قوات النظام السوري" in names(text)


def test_helicopters_over_a_yemeni_town_are_no_syrian_regime():
    assert "قوات النظام السوري" not in names("قصف الطيران المروحي مواقع في مدينة تعز اليمنية.")


@pytest.mark.parametrize(("sentence", "name"), [
    ("تم القبض على عنصر إرهابي بمدينة القصرين", "مسلحون"),
    ("أوقفت قوات الأمن عنصرا تكفيريا في قفصة", "متشددون"),
    ("قتلت الدورية عنصرا مسلحا قرب الحدود", "مسلحون"),
])
def test_one_or_two_militants_told_as_elements_are_the_militants(sentence, name):
    assert name in names(sentence)


def test_a_terrorist_act_names_no_militant():
    assert names("أدانت الحكومة العمل الإرهابي في القصرين") == []


def test_a_generic_group_word_on_a_tie_is_the_group_named_first():
    text = "هاجمت قوات صالح وميليشيات الحوثي عدن. وقصفت المليشيات الانقلابية حي الجمهوري"
    assert [m.name for m in actors(text)][-1] == "قوات صالح"
    text = "هاجمت ميليشيات الحوثي وقوات صالح عدن. وقصفت المليشيات الانقلابية حي الجمهوري"
    assert [m.name for m in actors(text)][-1] == "الحوثيون"


def test_unqualified_warplanes_are_the_air_force_of_the_storys_war():
    assert names("شن الطيران الحربي غارات على بلدة سرمين في ريف إدلب") == ["قوات النظام السوري"]
    assert names("شن الطيران الحربي غارات على مواقع في صعدة") == ["التحالف العربي"]
    assert names("شنت الطائرات الحربية التركية غارات على مواقع في ريف حلب") == ["القوات التركية"]
    assert names("شن الطيران الحربي غارات على مواقع في ولاية ميزوري") == []


def test_a_regime_strike_on_named_towns_is_coded_with_its_air_force():
    import datetime as dt

    from extraction import extract

    events = extract("نفذ الطيران الحربي غارات على مدينة بنش وبلدات طعوم وسرمين بريف إدلب.",
                     published=dt.date(2015, 8, 3))
    assert [(e.place.name, [a.name for a in e.actors]) for e in events] == [
        (town, ["قوات النظام السوري"]) for town in ("بنش", "طعوم", "سرمين")]


def test_warplanes_named_by_a_nationality_without_an_article_are_that_nations():
    assert names("قصفت طائرات أمريكية مواقع لتنظيم داعش في ليبيا") == [
        "القوات الأمريكية", "داعش"]
    assert names("قصفت مقاتلات حربية تركية مواقع في سوريا") == ["القوات التركية"]
