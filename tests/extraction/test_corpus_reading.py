"""What reading real news the extractor had never seen showed (issue 8's lessons 5-8):
common words that geonames also lists as towns, a building that stands in the town it is
named after. Sentences invented for the tests."""
import datetime as dt

import pytest

from extraction import extract
from extraction.normalise import fold
from extraction.places import find_places

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def names(text):
    return [m.ref.name for m in find_places(fold(text))]


def test_the_loyal_army_is_no_island_of_the_comoros():
    assert names("تقدمت قوات الجيش الموالي للحكومة نحو المدينة") == []


def test_the_scene_is_not_mashhad():
    assert names("وتغير المشهد بعد أن أطلقت الشرطة الغاز على المحتجين") == []


def test_jewish_settlers_are_not_the_town_of_yehud():
    assert names("أحرق مستوطنون يهود سيارة في القرية الليلة الماضية") == []


def test_that_he_is_not_wana_in_nineveh():
    assert names("وذكر الشاهد وأنه رأى الرجل يغادر المكان") == []


def test_the_other_side_and_the_front_row_are_no_towns():
    assert names("اتهم الطرف الآخر بخرق الهدنة وهو يصلي في الصف الأول") == []


def test_the_news_is_not_al_khobar():
    assert names("وفي تفاصيل الخبر أن انفجارا استهدف دورية للشرطة") == []
    assert names("نشرت صحيفة الخبر تقريرا عن الهجوم") == []
    assert names("وقع الانفجار في مدينة الخبر شرقي المملكة") == ["الخبر"]


def test_a_national_guard_district_is_no_place_called_the_guard():
    assert names("نفذ أعوان إقليم الحرس الوطني بنابل حملة أمنية أمس") == ["نابل"]


def test_mashhad_after_a_head_word_is_still_the_city():
    assert names("تظاهر المئات في مدينة مشهد أمس") == ["مشهد"]


def test_a_protest_before_a_university_happened_in_its_town():
    events = extract("تظاهر مئات الطلاب أمام جامعة البصرة احتجاجا على انقطاع الكهرباء.",
                     PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("protest", "البصرة")]


def test_a_hospital_director_still_speaks_from_his_title():
    events = extract("قال مدير مستشفى البصرة إن ثلاثة قتلوا في انفجار عبوة ناسفة في "
                     "قضاء الزبير.", PUBLISHED)
    assert [e.place.name for e in events] == ["الزبير"]


def actor_names(text):
    from extraction.actors import find_actors

    return [a.name for a in find_actors(fold(text))]


def test_the_air_base_is_not_al_qaeda():
    assert actor_names("استعاد المقاتلون القاعدة الجوية بعد معارك عنيفة") == []


def test_a_blast_outside_the_base_is_not_al_qaeda():
    assert actor_names("وكان الانفجار الذي وقع خارج القاعدة قويا") == []


def test_a_base_any_feminine_adjective_describes_is_not_al_qaeda():
    assert actor_names("ضربت المقاتلات القاعدة الخلفية للمتمردين في الجبال") == []
    assert actor_names("تمتنع القوات عن اقتحام القاعدة الاستراتيجية حاليا") == []


def test_the_police_a_crime_was_reported_to_is_no_party():
    assert actor_names("ورد بلاغ لشرطة محافظة حفر الباطن عن إطلاق نار على مركبة") == []
    assert actor_names("أبلغ وافد الجهات الأمنية عن تعرض ابنه لطعنات") == []
    assert actor_names("قالت مصادر إن تركيا أبلغت النظام السوري بالغارات") == []
    assert "الشرطة السعودية" in actor_names("هاجم مسلحون شرطة محافظة حفر الباطن")


def test_al_qaeda_claiming_an_attack_is_still_al_qaeda():
    assert actor_names("وأعلنت القاعدة مسؤوليتها عن الهجوم على الثكنة") == ["القاعدة"]
    assert actor_names("تبنى تنظيم القاعدة الإرهابي الهجوم") == ["القاعدة"]


def types(text):
    return [e.type for e in extract(text, PUBLISHED)]


def test_warplanes_that_bombard_make_an_airstrike():
    assert types("قصفت طائرات حربية مواقع للمسلحين في بلدة كفرنبل أمس.") == ["airstrike"]


def test_a_party_told_as_its_aircraft_makes_its_bombardment_an_airstrike():
    assert types("قصفت طائرات الجيش الليبي مواقع للمتشددين في مدينة درنة أمس.") == ["airstrike"]
    assert types("وكثف طيران النظام قصفه على مدينة الزبداني فقتل ستة مدنيين.") == ["airstrike"]
    assert types("قصفت قوات النظام بالمدفعية مدينة الزبداني فقتلت ستة مدنيين.") == ["shelling"]


def test_aircraft_named_beside_a_bombardment_make_it_an_airstrike():
    assert types("ففي الجنوب، قصفت الطائرات مديرية كرش ومناطق أخرى في محافظة لحج أمس.") \
        == ["airstrike"]
    assert types("وقصفت الطائرة السيارة عند مشارف قرية الحضر السورية فقتلت اثنين.") \
        == ["airstrike"]
    assert types("قصفت المدفعية والطائرات مواقع المسلحين في مدينة درنة أمس.") == ["shelling"]


def test_the_party_told_as_its_aircraft_is_the_air_strike_s_initiator():
    [event] = extract("وقال البيان: استهدفت طائرات التحالف مواقع للمسلحين قرب الرمادي.", PUBLISHED)
    assert [(a.name, a.role) for a in event.actors][0] == ("التحالف الدولي", "initiator")


def test_a_drone_that_attacks_a_car_makes_an_airstrike():
    assert types("هاجمت طائرة بدون طيار سيارة في مديرية المحفد فقتلت ثلاثة مسلحين.") \
        == ["airstrike"]


def test_aircraft_that_target_a_town_make_an_airstrike_with_no_figure():
    assert types("واستهدف الطيران الحربي بلدة كفرنبل في ريف إدلب أمس.") == ["airstrike"]
    assert types("كما استهدفت المقاتلات مركبات عسكرية للمسلحين في مديرية كرش أمس.") \
        == ["airstrike"]
    assert types("واستهدفت طائرات حربية مواقع للمسلحين قرب مدينة درنة أمس.") == ["airstrike"]


def test_aircraft_that_target_another_town_after_a_strike_make_a_second_one():
    assert types("شنت طائرات حربية غارات على مدينة سراقب أمس. وفي الوقت نفسه، استهدف "
                 "الطيران الحربي بلدة كفرنبل في ريف إدلب.") == ["airstrike", "airstrike"]


def test_targeting_an_aircraft_is_no_airstrike_and_targeting_alone_needs_a_figure():
    assert types("وأعلن المسلحون استهداف طائرة حربية قرب مدينة درنة أمس.") == []
    assert types("واستهدف المسلحون بلدة كفرنبل في ريف إدلب أمس.") == []


def test_blasts_after_air_raids_are_the_raids():
    assert types("هزت انفجارات عنيفة مدينة الحديدة عقب غارات شنتها طائرات التحالف على "
                 "مواقع المسلحين.") == ["airstrike"]


def test_artillery_that_bombards_stays_shelling():
    assert types("قصفت المدفعية مواقع للمسلحين في بلدة كفرنبل أمس.") == ["shelling"]


def test_a_car_bomb_beside_warplanes_stays_an_explosion():
    assert types("انفجرت سيارة مفخخة في سوق بلدة الشعب وقتل خمسة أشخاص بينما كانت "
                 "طائرات التحالف تحلق فوق المدينة.") == ["explosion"]


def test_gunmen_who_open_fire_on_an_army_checkpoint_clash_with_it():
    events = extract("فتح مسلحون النار على حاجز للجيش المصري في مدينة العريش فجر اليوم.",
                     PUBLISHED)
    assert [e.type for e in events] == ["armed_clash"]
    roles = {a.name: a.role for a in events[0].actors}
    assert roles["مسلحون"] == "initiator" and roles["الجيش المصري"] == "target"


def test_regime_forces_opening_their_machine_guns_fire_on_a_town_are_its_initiators():
    events = extract("فتحت قوات النظام نيران رشاشاتها الثقيلة على أحياء في مدينة دوما.",
                     PUBLISHED)
    assert [e.place.name for e in events] == ["دوما"]
    assert [a.role for a in events[0].actors] == ["initiator"]


def test_celebratory_fire_is_no_attack():
    assert types("أطلق جنود النار ابتهاجا على الحواجز في مدينة دمشق.") == []


def test_opening_fire_of_criticism_is_no_attack():
    assert types("فتح الإعلام عليه نيران الانتقادات في مدينة حلب بعد الهزيمة.") == []


def figures(text):
    from extraction.casualties import find_casualties

    c = find_casualties(fold(text))
    return (c.killed and c.killed.best, c.wounded and c.wounded.best)


def test_killed_at_least_then_wounded_by_their_own_verb_are_two_figures():
    assert figures("قالت مصادر طبية إن 12 شخصا على الأقل قتلوا وأصيب 30 آخرون عندما "
                   "انفجرت سيارة مفخخة في سوق البلدة") == (12, 30)


def test_they_met_their_death_and_others_were_wounded_are_two_figures():
    assert figures("وأكدت المصادر أن ستة من عناصر الأمن لقوا مصرعهم وأصيب 9 في الهجوم") \
        == (6, 9)


def test_killed_and_wounded_twenty_is_still_a_combined_figure():
    assert figures("قتل وأصيب 20 شخصا في الانفجار") == (None, None)


def test_a_gunman_killed_and_twelve_arrested_is_one_killed():
    assert figures("وأعلنت الوزارة أن مسلحا قتل واعتقل 12 شخصا في مداهمة ليلية") == (1, None)


def test_the_captured_after_a_toll_are_not_added_to_it():
    assert figures("وأفادت المصادر أن 30 مسلحا قتلوا كما أسر 8 آخرون في المعارك") == (30, None)


def test_forty_fallen_between_dead_and_wounded_is_neither_figure():
    assert figures("سقط أكثر من 40 مدنيا بين قتيل وجريح في القصف على البلدة") == (None, None)


def test_ten_soldiers_in_addition_to_three_workers_are_thirteen_killed():
    assert figures("نتج عن التفجير استشهاد عشرة من منسوبي الكتيبة إضافة إلى ثلاثة من "
                   "العمال في الموقع وإصابة ستة آخرين") == (13, 6)


def test_nine_and_after_a_comma_in_addition_two_fighters_are_eleven_killed():
    assert figures("وأدت الاشتباكات إلى مقتل تسعة من المسلحين، بالإضافة إلى اثنين من "
                   "أفراد المقاومة")[0] == 11


def roles_of(text):
    return {a.name: a.role for e in extract(text, PUBLISHED) for a in e.actors}


def test_five_members_of_the_security_forces_who_were_killed_are_the_target():
    roles = roles_of("قالت مصادر إن خمسة أفراد من قوات الأمن المصرية قتلوا في هجوم على "
                     "نقطة تفتيش في مدينة العريش.")
    assert roles["الشرطة المصرية"] == "target"


def test_three_of_the_army_s_men_killed_by_a_shell_are_the_target():
    roles = roles_of("أعلن المتحدث أن ثلاثة من أفراد الجيش المصري قتلوا إثر سقوط قذيفة في "
                     "مدينة الشيخ زويد.")
    assert roles["الجيش المصري"] == "target"


def test_the_army_that_waged_the_raids_is_their_initiator():
    roles = roles_of("قتل 12 مسلحا في حملة مداهمات شنتها القوات المسلحة المصرية بمدينة "
                     "الشيخ زويد.")
    assert roles["الجيش المصري"] == "initiator"


def test_the_base_the_warplanes_took_off_from_is_not_where_they_struck():
    events = extract("وقال البيان إن ثلاث مقاتلات أقلعت من قاعدة في ديار بكر وقصفت مواقع "
                     "للتنظيم في سوريا.", PUBLISHED)
    assert "ديار بكر" not in [e.place.name for e in events if e.place]


def test_where_the_attackers_came_from_is_not_where_they_attacked():
    events = extract("وقال مسؤول عسكري إن الإرهابيين قدموا من جنوب مدينة درنة قبل أن يشنوا "
                     "هجوما مباغتا على البوابة.", PUBLISHED)
    assert "درنة" not in [e.place.name for e in events if e.place]


def test_an_operation_that_aims_to_free_a_town_has_not_freed_it():
    assert types("وتشارك الكتائب في المرحلة الثانية من العملية التي تهدف لتحرير مدينة "
                 "الحوطة من المسلحين.") == []


def test_an_inquiry_to_arrest_the_attackers_is_no_arrest():
    assert types("وبدأت الشرطة عملية تحقيق بهدف القبض على منفذي الهجوم في مدينة أضنة.") == []


def test_forces_that_will_head_to_free_a_town_have_not_freed_it():
    assert types("وستتجه القوات بعد ذلك إلى تحرير مدينة زنجبار.") == []


@pytest.mark.parametrize("will", ["سيقوم الجيش الوطني", "ستقوم قوات الجيش اليمني"])
def test_forces_that_will_undertake_to_free_a_town_have_not_freed_it(will):
    assert types(f"وأكد القائد أن الأيام المقبلة {will} بتحرير مدينة الضالع من الحوثيين.") == []
    assert types("وأكد القائد أن الجيش الوطني قام بتحرير مدينة الضالع من الحوثيين.")


@pytest.mark.parametrize(("done", "will_be"), [
    ("إنه تمت السيطرة على", "إنه ستتم السيطرة على"),
    ("إن قوات الجيش سيطرت على", "إن قوات الجيش ستكون قد سيطرت على"),
])
def test_a_taking_that_will_be_is_not_news(done, will_be):
    sentence = "وقال القائد {} مدينة حلب من قبضة تنظيم داعش."
    assert types(sentence.format(done))
    assert types(sentence.format(will_be)) == []


def test_soldiers_in_the_west_bank_are_not_a_palestinian_army():
    names = [a.name for e in extract("قالت مصادر طبية إن الجنود قتلوا شابا فلسطينيا قرب "
                                     "مدينة الخليل في الضفة الغربية.", PUBLISHED)
             for a in e.actors]
    assert "الجيش الفلسطيني" not in names


def test_with_the_support_of_is_no_town_in_a_list_of_cities():
    assert names("إثر هجوم شنته من عدن، كبرى مدن الجنوب، وبدعم من طيران التحالف") \
        .count("بدعم") == 0


def test_an_unseen_village_stops_before_in_the_province_of():
    assert names("سقطت قذائف على قرية المغيرة بمحافظة الحرث") == ["المغيره", "الحرث"]


def test_an_unseen_district_stops_before_on_the_front():
    assert all("بالمحور" not in n for n in names("تدور المعركة في منطقة القوارشة بالمحور "
                                                   "الغربي لمدينة بنغازي"))


def test_military_aircraft_of_a_nationality_are_that_states_air_strike():
    events = extract("قصفت طائرات عسكرية سورية بلدة سراقب في ريف إدلب أمس ما أدى إلى مقتل"
                     " 9 أشخاص.", dt.date(2017, 4, 7))
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("airstrike", ["قوات النظام السوري"])]


def test_an_arrest_whose_force_stands_between_verb_and_object_is_an_arrest():
    events = extract("وقبضت قوات الأمن العراقية على خمسة عناصر من داعش في مدينة الرمادي.",
                     PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("arrest", "الرمادي")]



def test_barack_obama_is_not_in_arak():
    assert "اراك" not in names("وقال الرئيس الأمريكي باراك أوباما وباراك أوباما نفسه")


def test_shops_are_not_the_iranian_town_of_mahallat():
    events = extract("تضررت المحلات التجارية وقتل جندي سعودي إثر سقوط قذيفة على مدينة "
                     "نجران أمس.", PUBLISHED)
    assert [e.place.admin[-1] for e in events] == ["السعودية"]


def test_an_occupation_in_iraq_is_not_the_israeli_army():
    names = [a.name for e in extract("انفجرت سيارة مفخخة في مدينة الرمادي أمس وقتل 5 أشخاص "
                                     "في ظل الاحتلال.", PUBLISHED) for a in e.actors]
    assert "الجيش الإسرائيلي" not in names


def test_the_occupation_in_the_west_bank_is_still_the_israeli_army():
    names = [a.name for e in extract("قتلت قوات الاحتلال شابا فلسطينيا في مدينة الخليل "
                                     "بالضفة الغربية أمس.", PUBLISHED) for a in e.actors]
    assert "الجيش الإسرائيلي" in names


def test_writing_up_a_police_report_frees_no_town():
    assert "territory" not in types("وتحفظت الشرطة المصرية في مطار القاهرة على مسافر وتم "
                                    "تحرير محضر للراكب أمس.")


def test_a_wounded_resident_is_one_wounded():
    events = extract("سقطت قذيفة على منزل في مدينة نجران أمس ما أدى إلى إصابة مقيم يمني.",
                     PUBLISHED)
    assert [e.wounded.best for e in events] == [1]


def test_a_village_on_the_border_with_turkey_is_not_in_turkey():
    events = extract("خطفت جبهة النصرة خمسة مقاتلين في قرية قاح الحدودية مع تركيا أمس.",
                     PUBLISHED)
    assert [e.place.name for e in events] == ["قاح"]
    assert "تركيا" not in events[0].place.admin


def test_sirnak_in_its_spellings_is_the_turkish_province():
    for spelling in ("شيرناك", "شرناخ"):
        events = extract(f"قتل أربعة عناصر من الشرطة التركية في انفجار قنبلة في محافظة {spelling}"
                         " الحدودية مع سورية والعراق أمس.", PUBLISHED)
        assert [e.place.admin for e in events] == [("تركيا",)], spelling


def test_an_ambush_that_seized_smuggled_fuel_is_no_clash():
    assert types("تمكنت فرقة الطلائع للحرس الوطني بعد نصب كمين محكم بمدينة سليانة من إيقاف 4 "
                 "شاحنات محملة بالبنزين المهرب.") == []


def test_highly_explosive_rockets_are_shelling_not_a_blast():
    assert types("وسقطت صواريخ من نوع فيل الشديدة الانفجار على مدينة الزبداني أمس وقتل "
                 "ثلاثة مدنيين.") == ["shelling"]


def test_a_strong_condemnation_of_a_bombing_still_tells_the_bombing():
    assert "explosion" in types("أعربت الجامعة عن إدانتها الشديدة للتفجير الإرهابي الذي استهدف "
                                "مسجدا في مدينة أبها أمس وأسفر عن مقتل 15 شخصا.")


def test_a_bomb_discovered_is_no_explosion():
    found = "أخلت الشرطة البريطانية شارعا في مدينة لندن صباح اليوم بعد اكتشاف وجود قنبلة."
    assert types(found) == []


def test_a_taking_of_a_season_of_a_past_year_is_history():
    assert types("وسيطر داعش على مدينة البوكمال في صيف 2014 وربطها بمناطق الأنبار.") == []
    assert "territory" in types("وسيطر داعش على مدينة البوكمال أمس وربطها بمناطق الأنبار.")
