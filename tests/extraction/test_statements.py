"""Statements and follow-ups on one incident (a condemnation, a condolence call, a blood
drive): the incident they tell by a relative clause is news, with its own day and the
place its clause names; many attacks, an operation, or an incident already told are not
a new one. Sentences are invented."""
import datetime as dt

import pytest

from extraction import extract

DAY = dt.date(2015, 8, 1)


def _types(text: str) -> list[str]:
    return [e.type for e in extract(text, DAY)]


def _assert_no_taking(*texts: str) -> None:
    for text in texts:
        assert "territory" not in _types(text), text


def test_a_condemned_bombing_told_by_a_relative_clause_is_still_news():
    text = ("أدانت وزارة الخارجية بشدة التفجير الإرهابي الذي استهدف أمس مقرا للشرطة في"
            " مدينة الموصل وأسفر عن سقوط عدد من الضحايا.")
    assert _types(text) == ["explosion"]


@pytest.mark.parametrize("text", [
    "أدانت وزارة الخارجية بشدة الهجمات الإرهابية التي استهدفت مقرات الشرطة في مدينة الموصل.",
    "أدانت وزارة الخارجية بشدة التفجير الإرهابي وأكدت وقوفها مع العراق في مدينة الموصل.",
])
def test_condemned_attacks_in_the_plural_or_without_a_told_incident_are_no_news(text):
    assert _types(text) == []


def test_a_condemned_bombing_keeps_no_day_but_its_own():
    text = ("تلقى الوزير اليوم الاثنين اتصالا هاتفيا من نظيره.\n"
            "وأدان الوزير التفجير الإرهابي الذي استهدف مقرا للشرطة في مدينة الموصل.")
    [event] = extract(text, dt.date(2015, 8, 10))
    assert event.date is None


def test_a_follow_up_telling_the_attack_by_a_relative_clause_codes_it_at_the_clause_s_place():
    text = ("لم تمض ساعات على خبر الجريمة الإرهابية التي استهدفت مقر الشرطة في مدينة"
            " الموصل، حتى تدافع المواطنون إلى مستشفيات أربيل للتبرع بالدم.")
    [event] = extract(text, DAY)
    assert event.place.name == "الموصل"


def test_an_operation_told_by_a_relative_clause_is_no_incident_on_its_own():
    text = ("وزع الجيش مقاطع فيديو للعملية التي استهدف خلالها ثلاثة أهداف في مدينة"
            " الموصل.")
    assert _types(text) == []


def test_the_attack_already_told_named_again_by_a_relative_clause_is_no_second_attack():
    text = ("قتل سبعة أشخاص في هجوم مسلحين على فندق في مدينة سيفاري.\n"
            "وهذا هو البيان الأول منذ الهجوم الذي تعرضت له المدينة التي تبعد 620 كلم عن"
            " العاصمة باماكو.")
    assert [e.place.name for e in extract(text, DAY)] == ["سيفاري"]


def test_a_condemned_attack_and_the_bombing_told_after_it_are_one_incident():
    text = ("أدانت الحكومة الجريمة الإرهابية التي استهدفت مقر الشرطة في مدينة الموصل.\n"
            "وفجر انتحاري نفسه داخل مقر الشرطة في مدينة الموصل.")
    assert _types(text) == ["explosion"]


def test_a_statement_names_the_incident_s_type_by_its_own_word_not_by_its_target():
    text = "أدانت الحكومة الجريمة الإرهابية التي استهدفت مقر الشرطة في مدينة الموصل."
    assert _types(text) == ["attack"]


@pytest.mark.parametrize("text", [
    "وقال قائد معركة تحرير مدينة الرمادي اللواء علي محمد إن قواته ستواصل التقدم.",
    "وتدرب القوات التركية مئات المتطوعين لخوض معركة استعادة مدينة الموصل من داعش.",
])
def test_a_battle_named_for_a_taking_is_an_operation_not_a_clash(text):
    assert _types(text) == []


def test_a_battle_of_the_day_is_still_a_clash():
    assert _types("دارت معركة عنيفة أمس بين الجيش العراقي ومسلحي داعش في مدينة الرمادي "
                  "قتل فيها عشرة مسلحين.") == ["armed_clash"]


def test_a_taking_in_an_after_phrase_is_the_background_of_the_news():
    _assert_no_taking("هبطت أمس طائرة مساعدات سعودية في مطار مدينة عدن بعد تحريرها من الحوثيين.",
                      "وواصلت المقاومة أمس، بعد تحرير مدينة عدن، تقدمها نحو قاعدة العند.",
                      "وقال القيادي الحوثي في الحلقة التي سجلت قبل تحرير مدينة عدن إن الانتصارات "
                      "مجرد إشاعات.")


def test_a_taking_as_the_subject_of_a_comment_is_no_taking():
    _assert_no_taking("وأشار رئيس الوزراء إلى أن تحرير محافظة عدن من الحوثيين يعد بداية لانتصارات "
                      "أخرى.",
                      "هل تحرير عدن ولحج من مليشيات الحوثي مؤشر على انهيارها؟",
                      "وأكد الناطق باسم المقاومة الشعبية أن تحرير محافظة أبين من الميليشيات "
                      "الحوثية بات قريبا.")
    assert "territory" in _types("وأكد الناطق أن المقاومة حررت أمس مدينة زنجبار من الحوثيين.")


def test_a_taking_in_an_after_phrase_with_its_own_day_is_news():
    text = "وتقدمت القوات نحو شقرة بعد استعادة الجيش اليمني لمدينة زنجبار الأربعاء."
    assert "territory" in _types(text)


def test_a_taking_listed_among_achievements_is_no_new_taking():
    _assert_no_taking("وقرر الرئيس مكافأة أفراد المقاومة نظير دورهم في الانتصارات الأخيرة خصوصا "
                      "تحرير مدينة عدن من الحوثيين.",
                      "وكانت أبرز إنجازات الألوية في اليمن، تحرير مدينة المخا من الحوثيين.")


def test_a_taking_announced_for_a_day_after_achievements_is_news():
    text = "وحققت المقاومة انتصارات كبيرة وأعلنت أمس تحرير مدينة زنجبار من الحوثيين."
    assert "territory" in _types(text)


def test_a_call_to_go_on_fighting_is_no_incident():
    assert _types("وشدد الرئيس على مواصلة تطهير مدينة مأرب من الميليشيات الحوثية.") == []
    assert _types("ودعا زعيم الجماعة أنصاره إلى مواصلة المعركة ضد القوات الحكومية في "
                  "محافظة تعز.") == []
    assert "territory" in _types("وتزامنت هذه التطورات مع مواصلة المقاومة تقدمها حيث "
                                 "تمكنت أمس من السيطرة على مدينة جعار.")


def test_a_taking_set_as_a_goal_is_no_taking():
    _assert_no_taking("وأكد الرئيس أن الانتصارات لن تتوقف حتى يتم تطهير كل المحافظات اليمنية من "
                      "الميليشيات.",
                      "وقالت رئاسة الجيش إن غرفة عمليات طرابلس هي المشرفة على العمليات العسكرية "
                      "حتى تحرير المدينة.",
                      "وأرسلت تعزيزات لتحرير واستعادة مدينة تعز من الحوثيين.")


def test_a_taking_told_as_what_a_fight_is_for_is_no_taking():
    _assert_no_taking("وتتنافس حكومتان تدعمهما جماعات مسلحة من أجل السيطرة على البلاد.",
                      "ويناضل التجمع منذ سنوات في سبيل تحرير الإقليم من الاحتلال.")
    text = ("وخاضت قوات المقاومة اشتباكات عنيفة مع المتمردين الحوثيين من أجل السيطرة على قاعدة"
            " العند الجوية شمال عدن أمس.")
    assert _types(text) == ["armed_clash"]


def test_people_freed_are_no_place_taken():
    _assert_no_taking("وأعلن الجيش أنه حرر 30 رهينة بينهم أطفال ونساء قرب مدينة مايدوغوري.")
    assert "territory" in _types("وأعلن الجيش أنه حرر بلدة باما قرب مدينة مايدوغوري.")


def test_what_keeps_happening_is_no_incident():
    for text in ("وكثيرا ما تقع اشتباكات بين قوات المعارضة وقوات النظام في بلدة كفريا.",
                 "ومن حين لآخر تندلع مواجهات بين الشبان وقوات الأمن في مدينة القطيف."):
        assert _types(text) == [], text
    assert _types("واندلعت أمس مواجهات بين الشبان وقوات الأمن في مدينة القطيف.") != []


def test_a_war_on_a_group_is_a_campaign_not_a_clash():
    for text in ("ووصل الوزير إلى أربيل عاصمة إقليم كردستان العراق الذي أصبحت قواته أحد أقوى"
                 " شركاء الولايات المتحدة في المعركة ضد داعش.",
                 "وأكد الطرفان تعاونهما في تصعيد الحرب على الإرهاب في مدينة مايدوغوري."):
        assert "armed_clash" not in _types(text), text
    assert _types("ودارت أمس معركة عنيفة مع مسلحي داعش قرب مدينة بيجي.") == ["armed_clash"]


def test_fighters_getting_ready_to_storm_a_base_are_no_clash_yet():
    for text in ("ويتأهب مقاتلو المقاومة الشعبية لاقتحام قاعدة العند الجوية في لحج.",
                 "واستعدت القوات الأمنية العراقية لاقتحام منطقة في الطرف الغربي لمدينة الرمادي."):
        assert _types(text) == [], text
    assert _types("واقتحم مقاتلو المقاومة الشعبية قاعدة العند الجوية في لحج أمس.") != []


def test_a_taking_reached_until_a_past_verb_is_news():
    text = "واستمرت المعارك ثلاثة أيام حتى تم تحرير مدينة زنجبار من الحوثيين."
    assert "territory" in _types(text)


def test_a_purge_commented_on_or_told_as_background_is_no_taking():
    _assert_no_taking("وأكد محللون سياسيون بأن تطهير عدن من الحوثيين يمثل ضربة قاصمة للانقلاب.",
                      "وجاءت هذه التعزيزات عقب تطهير مدينة عدن من الميليشيات الحوثية.")


def test_a_taking_someone_is_glad_of_is_no_taking():
    _assert_no_taking("وعبر المسؤول الأوروبي خلال لقائه وزير الخارجية اليمني عن سعادته باستكمال "
                      "تحرير محافظة عدن من ميليشيات الحوثي.",
                      "وشهد عدد من القرى القريبة من مدينة الحوطة في لحج يوم أمس احتفالات شعبية "
                      "بتحريرها من قبضة ميليشيا الحوثي.")
    assert "territory" in _types("وتمكنت المقاومة أمس من تحرير مدينة الحوطة بعد معارك عنيفة.")
