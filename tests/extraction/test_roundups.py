"""Round-ups: one verb, a list of places, one event per place (GUIDELINES: one event per
(incident, place)). Sentences invented for the tests."""
import datetime as dt

import pytest

from extraction import extract

PUBLISHED = dt.date(2019, 4, 11)


def places(text):
    return [e.place.name if e.place else None for e in extract(text, PUBLISHED)]


def test_it_splits_a_comma_list_of_unseen_villages_under_a_plural_head():
    text = "سيطرت قوات النظام على قرى كفرعبيدة، الحويزة، تل صخرون والزكاة بريف حماة الشمالي."
    names = places(text)
    assert len(names) == 4, names
    assert names[0].startswith("كفرعبيد") and names[3].startswith("الزكا")


def test_unseen_villages_of_a_list_sit_under_the_known_place_around_them():
    text = "سيطرت قوات النظام على قرى كفرعبيدة، الحويزة والزكاة بريف حماة الشمالي."
    events = extract(text, PUBLISHED)
    assert len(events) == 3
    assert all("حماة" in e.place.admin for e in events)


def test_a_known_town_before_a_more_specific_unseen_one_stays_in_the_list():
    text = "قصفت المدفعية التركية بلدات تل رفعت، مرعناز وعين دقنة في ريف حلب الشمالي."
    names = places(text)
    assert names[0] == "تل رفعت" and len(names) == 3, names


def test_a_list_of_two_keeps_the_first_place_too():
    names = places("قصفت المدفعية التركية قرى تل رفعت ومرعناز في ريف حلب الشمالي.")
    assert names[0] == "تل رفعت" and len(names) == 2, names


def test_a_comma_that_ends_the_list_does_not_make_a_name_of_the_next_word():
    text = "سيطرت قوات النظام على قرى كفرعبيدة، مؤكدة أن قواتها تتقدم بريف حماة الشمالي."
    names = places(text)
    assert not any(n and n.startswith("مؤكد") for n in names), names


def test_a_place_after_a_comma_and_wa_is_not_taken_in_the_same_clause():
    text = "سيطرت قوات النظام على بلدة الزبداني، ومدينة درعا ما زالت بيد المعارضة."
    names = places(text)
    assert names and not any(n and "درعا" in n for n in names), names


def test_an_unseen_place_listed_beside_a_known_one_is_not_placed_inside_it():
    events = extract("سيطرت قوات النظام على بلدة الزبداني ومنطقة الكرمش أمس.", PUBLISHED)
    assert [e.place.name for e in events] == ["الزبداني", "الكرمش"]
    assert "الزبداني" not in events[1].place.admin
    assert "ريف دمشق" in events[1].place.admin


def test_two_districts_each_after_its_own_head_word_are_two_events():
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية «كتاف» ومديرية «ساقين» "
            "بمحافظة صعدة.")
    assert places(text) == ["كتاف", "ساقين"]


def test_a_town_then_a_square_in_it_after_a_noun_is_one_protest():
    text = "نظم عمال المصنع بالقصرين وقفة احتجاجية بساحة الشهداء وسط المدينة."
    assert len(extract(text, PUBLISHED)) == 1


def test_clearing_a_district_of_militants_is_taking_it():
    text = "أعلنت قوات الحزام الأمني تطهير مديرية المحفد بمحافظة أبين من عناصر القاعدة."
    events = extract(text, PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("territory", "المحفد")]


def test_a_dual_head_lists_two_places():
    text = "سيطرت قوات النظام على منطقتي العقيربات والصفيرات بريف حماة الشرقي."
    names = places(text)
    assert len(names) == 2 and names[1].startswith("الصفيرا"), names


def test_unseen_names_listed_after_a_singular_head_are_one_event_each():
    text = ("سيطرت فصائل المعارضة على منطقة الصوانة والمشيرفة والمزرعة الكبيرة ومنطقة "
            "الحويش وقرطبان في محافظة إدلب أمس.")
    names = places(text)
    assert len(names) == 5, names
    assert names[1].startswith("المشيرف") and names[4] == "قرطبان", names


def test_unseen_names_listed_after_a_singular_head_sit_in_the_place_after_them():
    text = "سيطرت فصائل المعارضة على منطقة الصوانة والمشيرفة في محافظة إدلب أمس."
    events = extract(text, PUBLISHED)
    assert len(events) == 2 and all("إدلب" in e.place.admin for e in events)


def test_a_noun_with_its_pronoun_after_a_list_is_no_place():
    text = "سيطرت فصائل المعارضة على بلدات الصوانة والمشيرفة وأطرافها الغربية أمس."
    names = places(text)
    assert len(names) == 2, names


def test_a_bare_word_after_a_bare_name_stays_in_the_name():
    text = "سيطرت فصائل المعارضة على منطقة حرش وحاشي في محافظة إدلب أمس."
    assert places(text) == ["حرش وحاشي"]


def test_the_places_a_ranking_counts_before_are_no_incident_places():
    text = "وبذلك تكون القوات قد حررت رابع محافظة من قبضة المسلحين بعد محافظتي أبين وشبوة."
    assert not any(n in ("أبين", "شبوة") for n in places(text))


def test_a_verbal_noun_after_a_listed_name_is_no_place():
    text = "سيطرت فصائل المعارضة على حي الصوانة والتصدي للمهاجمين."
    assert places(text) == ["الصوانة"]


def test_a_verb_after_the_name_of_a_singular_head_ends_it():
    text = "سيطرت فصائل المعارضة على حي الصوانة واشتبكت مع المهاجمين."
    assert places(text) == ["الصوانة"]


def test_unseen_listed_names_sit_in_the_governorate_before_them_not_in_its_country():
    text = ("أكدت مصادر أن المسلحين انسحبوا من مدينة زنجبار عاصمة محافظة أبين جنوبي اليمن. "
            "وقالت المصادر إن المقاومة الشعبية سيطرت على منطقة الخاملة والمشقر أمس.")
    events = extract(text, PUBLISHED)
    assert len(events) == 2 and all("أبين" in e.place.admin for e in events), events


def test_the_last_word_of_an_article_may_be_the_last_name_of_a_list():
    text = "سيطرت فصائل المعارضة في محافظة إدلب على منطقة الصوانة والمشيرفة"
    assert len(places(text)) == 2


def test_it_splits_a_trigger_objects_list_of_bare_unseen_names():
    text = ("أفادت مصادر في دمشق بأن طائرات التحالف الدولي شنت غارات على الشيخ حديد، "
            "المرجانة والقصيبة شمال مدينة حماة.")
    events = extract(text, PUBLISHED)
    assert [e.type for e in events] == ["airstrike"] * 3
    assert [e.place.name for e in events][1:] == ["المرجانة", "القصيبة"]
    assert all("حماة" in e.place.admin for e in events[1:])


def test_sites_and_headquarters_in_an_objects_list_are_no_places():
    text = "شنت طائرات التحالف غارات على مواقع ومقرات لداعش في مدينة الرقة شمال سوريا."
    assert places(text) == ["الرقة"]



def test_a_taking_of_two_facilities_is_one_event_each():
    text = ("تقدمت القوات في مدينة بنغازي. وأعلن الجيش أن قواته سيطرت على معسكر الرماية "
            "وكلية الهندسة، إثر مواجهات مع المسلحين.")
    names = places(text)
    assert len(names) == 2, names
    assert names[0].startswith("معسكر الرماي") and names[1].startswith("كلي")


def test_a_listed_facility_sits_in_the_place_told_before_it_and_names_no_actor():
    text = ("تقدمت القوات في مدينة بنغازي. وأعلن الجيش أن قواته سيطرت على معسكر الرماية "
            "وكلية الشرطة، إثر مواجهات مع المسلحين.")
    events = extract(text, PUBLISHED)
    assert len(events) == 2
    assert all("بنغازي" in e.place.admin for e in events)
    assert not any("شرطة" in a.name or "أمن" in a.name for e in events for a in e.actors)


def test_a_facility_named_by_an_adjective_of_relation_keeps_it_in_its_name():
    names = places("سيطرت قوات الجيش اليمني على معسكر الأمن المركزي وجبل الصفراء في محافظة تعز.")
    assert names[0].startswith("معسكر الامن المركزي") or names[0].startswith(
        "معسكر الأمن المركزي"), names
    assert len(names) == 2


def test_a_taking_told_without_on_lists_its_facilities_too():
    names = places("حررت قوات الجيش اليمني معسكر الصفا ومطار الريان في محافظة لحج.")
    assert len(names) == 2, names
    assert names[0].startswith("معسكر الصفا")


def test_one_facility_alone_is_no_list():
    names = places("سيطرت قوات الجيش اليمني على معسكر الرماية في محافظة لحج.")
    assert names == ["لحج"], names


def test_a_list_of_facilities_with_no_place_told_is_no_place():
    names = places("سيطرت قوات الجيش اليمني على معسكر الرماية وكلية الهندسة بعد معارك عنيفة.")
    assert not any(n and n.startswith("معسكر") for n in names), names


def test_districts_under_a_plural_head_are_one_event_each():
    text = "شن طيران التحالف غارات على مديريات نهم وأرحب وبني حشيش في محافظة صنعاء."
    assert places(text) == ["نهم", "أرحب", "بني حشيش"]


def test_governorates_under_a_plural_head_are_one_event_each():
    text = "سيطر المسلحون على محافظات عدن ولحج والضالع."
    assert places(text) == ["عدن", "لحج", "الضالع"]


def test_a_plural_head_of_governorates_makes_no_place_of_a_compass_word():
    assert places("شنت الطائرات غارات على محافظات الجنوب.") == []


def test_a_plural_head_of_governorates_makes_no_place_of_the_words_after_its_list():
    text = "اعتقلت الشرطة مطلوبين في إحدى محافظات المنطقة الشرقية، وتمثلت أعمالهم في الشغب."
    assert all(name and "تمثلت" not in name for name in places(text))


def test_a_town_listed_beside_the_district_it_lies_in_is_an_item_of_the_list():
    text = "قصف الطيران الروسي بلدات كفرنبل ومعرة النعمان وسراقب في ريف إدلب."
    assert places(text) == ["كفرنبل", "معرة النعمان", "سراقب"]


def test_the_places_of_one_list_are_not_merged_into_the_one_that_encloses_them():
    text = "قالت القيادة إن الغارات تركزت حول الحسكة وحلب وعين العرب ودمرت تحصينات لداعش."
    assert places(text) == ["الحسكة", "حلب", "عين العرب"]


def test_a_district_listed_before_a_town_it_encloses_stays_an_item_of_the_list():
    text = "قصف الطيران الروسي بلدات معرة النعمان وسراقب وخان شيخون في ريف إدلب."
    assert places(text) == ["معرة النعمان", "سراقب", "خان شيخون"]


def test_each_town_of_a_counted_round_up_is_coded_though_only_the_first_takes_the_toll():
    text = "قتل سبعة أشخاص في قذائف سقطت على بلدتي الفوعة وكفريا في محافظة إدلب."
    events = extract(text, PUBLISHED)
    assert [(e.place.name, e.killed.best if e.killed else None) for e in events] == [
        ("الفوعة", 7), ("كفريا", None)]


def test_an_unseen_name_beside_a_counted_town_needs_its_own_evidence():
    assert places("قتل 12 شخصا في غارات على بلدتي كفرنبل والبارة.") == ["كفرنبل"]


@pytest.mark.parametrize(("text", "named"), [
    ("سيطرت قوات النظام على قرى كفرعبيدة، الحويزة والزكاة بريف حماة الشمالي.",
     ["كفرعبيدة", "الحويزة", "الزكاة"]),
    # a name's own word that ends like a verb («جيوا»), a hashtag's underscore
    ("وقتل مسلحو بوكو حرام ثمانية ركاب عند قرية غارين جيوا قرب بلدة باغا أمس.",
     ["غارين جيوا"]),
    ("سيطرت قوات الجيش الوطني أمس على #تبة_الكهف في محافظة صعدة بعد معارك مع الحوثيين.",
     ["تبة الكهف"]),
])
def test_an_unseen_place_is_named_as_the_article_spells_it(text, named):
    assert places(text) == named


@pytest.mark.parametrize(("sentence", "names"), [
    ("واستعادت المقاومة الشعبية مناطق الجفينة والزور والمخدرة في محافظة مأرب.",
     ["الجفينة", "الزور", "المخدرة"]),
    ("وشنت طائرات التحالف غارات على تجمعات للحوثيين في الحسيني والعند وصبر بمحافظة لحج.",
     ["الحسيني", "العند", "صبر"]),
    ("وتمكنت المقاومة من تحرير عدة مواقع أبرزها الوهط وصبر والحوطة في لحج.",
     ["الوهط", "صبر", "الحوطة"]),
    ("وقصفت المقاومة مواقع الحوثيين في الضباب والحوبان والشقب بمدينة تعز.",
     ["الضباب", "الحوبان", "الشقب"]),
])
def test_a_list_after_a_noun_of_several_places_is_one_event_per_place(sentence, names):
    assert [e.place.name for e in extract(sentence, PUBLISHED)] == names


def test_a_house_and_its_owner_are_no_list_of_places():
    text = "اقتحم الجيش الإسرائيلي منزل عائلته ومصادرة سلاح في قرية عوريف جنوب مدينة نابلس."
    assert [e.place.name for e in extract(text, PUBLISHED)] == ["عوريف"]


def test_a_valley_s_head_word_is_no_second_item_of_a_list():
    text = "وقتل 15 مسلحا في غارة جوية استهدفت آليات في صحراء وادي الحسيني في محافظة لحج."
    assert [e.place.name for e in extract(text, PUBLISHED)] == ["وادي الحسيني"]


@pytest.mark.parametrize("kind", ["شيعية محاصرة", "تسكنها أغلبية علوية", "أوروبية"])
def test_what_follows_a_plural_head_may_say_what_the_places_are_not_name_them(kind):
    text = f"قصفت فصائل المعارضة بلدات {kind} في ريف إدلب أمس بعشرات القذائف."
    assert places(text) == ["ريف إدلب"]


def test_a_noun_that_ends_like_an_adjective_may_start_a_name_after_a_plural_head():
    text = "قصفت فصائل المعارضة قرى ساقية الكرت وعين الباشا في ريف إدلب أمس."
    assert places(text)[0].startswith("ساقية")


def test_strikes_counted_near_each_town_of_a_coalition_report_are_one_event_each():
    text = ("وقالت قوة المهام المشتركة إن غارات العراق شملت خمس غارات قرب الموصل وثلاث قرب "
            "الرمادي وثلاث قرب سنجار استهدفت مواقع لتنظيم داعش.")
    places = [e.place.name for e in extract(text, published=dt.date(2015, 8, 9))]
    assert places == ["الموصل", "الرمادي", "سنجار"]
    text = "نفذ التحالف 18 غارة جوية على داعش منها 12 بالقرب من الموصل وست غارات بالقرب من الرقة."
    places = [e.place.name for e in extract(text, published=dt.date(2015, 8, 9))]
    assert places == ["الموصل", "الرقة"]
