import datetime as dt

import pytest

from extraction import extract
from extraction.arabic import fold
from extraction.trigger_scope import seizes_people
from extraction.triggers import find_cues, find_triggers


def types(sentence: str) -> list[str]:
    return [t.type for t in find_triggers(fold(sentence))]


@pytest.mark.parametrize(("sentence", "etype"), [
    ("شنت مقاتلات التحالف غارة على مواقع المسلحين", "airstrike"),
    ("انفجرت سيارة مفخخة قرب السوق", "explosion"),
    ("سقطت قذائف هاون على الحي السكني", "shelling"),
    ("دارت اشتباكات عنيفة بين الطرفين", "armed_clash"),
    ("اغتال مسلحون مسؤولا محليا", "attack"),
    ("تمكن الجيش من تحرير القرية", "territory"),
    ("ألقت الشرطة القبض على ثلاثة مشتبهين", "arrest"),
    ("خرج المئات في تظاهرة احتجاجا على الغلاء", "protest"),
])
def test_each_event_type_has_triggers(sentence, etype):
    assert etype in types(sentence)


def test_clitics_are_tolerated_and_the_longest_phrase_wins():
    found = find_triggers(fold("وبالقصف الجوي والاشتباكات"))
    assert [(t.type, t.text) for t in found] == [
        ("airstrike", "وبالقصف الجوي"), ("armed_clash", "والاشتباكات")]


def test_words_that_merely_contain_a_trigger_do_not_match():
    assert types("قرأ الطالب قصيدة عن الغابة") == []


@pytest.mark.parametrize(("sentence", "kind"), [
    ("أعربت القوات عن استعدادها لتنفيذ ضربات جوية", "plan"),
    ("لم تسفر الغارة عن إصابات", "negation"),
    ("قتل خمسة عمال في انهيار منجم للفحم", "accident"),
    ("ومنذ بداية العام قتل 118 شخصا", "history"),
    ("بحث المؤتمر جهود مكافحة الإرهاب", "generic"),
])
def test_cancelling_cues_are_found(sentence, kind):
    assert kind in [c.kind for c in find_cues(fold(sentence))]


def test_names_and_words_that_start_like_a_cue_are_not_cues():
    text = fold("مقتل 35 مسلحا من طالبان في غارات جوية. هذا ما يتصدر عناوين الصحف")
    assert find_cues(text) == []
    assert [t.type for t in find_triggers(text)] == ["attack", "airstrike"]


@pytest.mark.parametrize(("sentence", "etype"), [
    ("احتشد المئات أمام مبنى البرلمان", "protest"),
    ("نظم العشرات وقفات أمام مقر النقابة", "protest"),
    ("جابت مسيرات شوارع المدينة", "protest"),
    ("وسبعة من المطلوبين ضبطوا في المزرعة", "arrest"),
    ("أسفرت الحملة عن توقيف خمسة أشخاص", "arrest"),
    ("ألقت مروحيات براميل متفجرة على البلدة", "airstrike"),
    ("أعادت القوات الأمن والاستقرار إلى البلدة", "territory"),
    ("أطلقت الشرطة القنابل المسيلة للدموع على المحتجين", "protest"),
])
def test_general_protest_arrest_and_idiom_triggers(sentence, etype):
    assert etype in types(sentence)


def test_tear_gas_grenades_are_no_explosion():
    assert "explosion" not in types("أطلقت الشرطة القنابل المسيلة للدموع")


@pytest.mark.parametrize(("sentence", "kind"), [
    ("قضت محكمة الجنايات بالسجن المؤبد على المتهمين", "court"),
    ("وكانت مصادر طبية قد ذكرت في وقت سابق أن اثنين قتلوا", "earlier"),
    ("وكانت حصيلة أولية قد تحدثت عن مقتل عشرة", "earlier"),
    ("اعتقل المتهم بتهمة التفجير", "reference"),
    ("قتل مئة شخص مطلع الشهر الجاري", "history"),
    ("استمرار القتال حول المدينة ينذر بكارثة", "generic"),
])
def test_background_frames_are_cues(sentence, kind):
    assert kind in [c.kind for c in find_cues(fold(sentence))]


@pytest.mark.parametrize(("sentence", "arrest"), [
    ("تمكنت الشرطة من ضبط 12 عنصرا من الخلية", True),
    ("ضبطت الشرطة ثلاثة متهمين", True),
    ("ضبطت الأجهزة الأمنية الكويتية شبكة إرهابية تضم خمسة متهمين", True),
    ("ضبطت الأجهزة الأمنية الكويتية شحنة أسلحة مهربة", False),
    ("ضبط أسلحة وذخائر في المزرعة", False),
    ("وضبط وتدمير 43 دراجة نارية", False),
    ("تمكنت وحدات الحرس الوطني من إيقاف 3 عناصر تكفيرية بالجهة", True),
    ("وتم إيقاف شخصين يشتبه في انتمائهما إلى تنظيم إرهابي", True),
    ("قررت الشركة إيقاف جميع رحلاتها نحو العاصمة", False),
    ("تقرر إيقاف اللاعب ثلاث مباريات", False),
    ("وتم إيقاف 7 سيارات محملة بالوقود المهرب", False),
])
def test_seizing_or_stopping_is_an_arrest_only_with_people_as_object(sentence, arrest):
    text = fold(sentence)
    seized = [t for t in find_triggers(text) if t.type == "arrest"]
    assert any(seizes_people(text, t) for t in seized) == arrest


def test_gunmen_opening_fire_in_the_plural_of_fire_make_an_attack():
    from extraction import extract

    [event] = extract("لقي شرطي مصرعه وأصيب ثلاثة آخرون إثر قيام مسلحين بإطلاق النيران على "
                      "سيارة للشرطة في محافظة المنيا.")
    assert (event.type, event.killed.best, event.wounded.best) == ("attack", 1, 3)


def test_an_exchange_of_fire_in_the_plural_of_fire_is_a_clash():
    from extraction import extract

    [event] = extract("دار تبادل إطلاق النيران بين قوات الأمن ومسلحين في قرية بمحافظة المنيا "
                      "صباح اليوم.")
    assert event.type == "armed_clash"


def test_an_attack_in_the_accusative_with_its_own_verb_tells_an_incident():
    from extraction import extract

    [event] = extract("وقال مصدر أمني لوكالة الأنباء إن هجوما لتنظيم داعش استهدف قضاء الحويجة.")
    assert (event.type, event.place.name) == ("attack", "الحويجة")


def test_a_taking_announced_with_its_noun_is_a_taking():
    from extraction import extract

    [event] = extract("أكدت مصادر أمنية سيطرة المقاومة الشعبية على مدينة زنجبار بعد مواجهات "
                      "مع الحوثيين.")
    assert (event.type, event.place.name) == ("territory", "زنجبار")


def test_control_that_a_minister_says_is_kept_is_no_taking():
    from extraction import extract

    assert extract("أكد الوزير أن الوضع تحت سيطرة الأجهزة الأمنية في عدن.") == []


def test_a_vote_stopped_is_no_arrest():
    from extraction import extract

    assert extract("وأوضح أن حركة النهضة اعترضت على المقترح وأوقفت التصويت في البرلمان "
                   "بتونس العاصمة.") == []


def test_stopping_operations_is_no_arrest_but_stopping_two_young_men_is():
    from extraction import extract

    assert extract("أفادت مصادر عسكرية بأن القوات العراقية أوقفت عمليات القصف جزئيا قرب "
                   "الفلوجة.") == []
    [event] = extract("أوقفت الشرطة التونسية شابين في مدينة صفاقس بتهمة الانتماء إلى تنظيم "
                      "إرهابي.")
    assert event.type == "arrest"


def test_a_ramming_of_soldiers_is_an_attack_not_a_clash():
    from extraction import extract

    [event] = extract("أصيب ثلاثة جنود إسرائيليين في عملية دهس قرب مستوطنة في الضفة الغربية.")
    assert (event.type, event.wounded.best) == ("attack", 3)


def test_a_ramming_told_bare_is_crime():
    from extraction import extract

    assert extract("قتل ثلاثة أشخاص وأصيب ثمانية في عملية دهس نفذها رجل بشاحنة في مدينة "
                   "ستوكهولم.") == []


def test_an_exchange_of_artillery_fire_is_shelling():
    from extraction import extract

    events = extract("وتبادل المسلحون والقوات الحكومية إطلاق نيران المدفعية في منطقة دار سعد "
                     "شمال مدينة عدن.")
    assert events and {e.type for e in events} == {"shelling"}


def test_a_hostage_taking_is_an_attack_not_an_arrest():
    for text in ("قتل 12 شخصا بينهم خمسة عسكريين في عملية احتجاز الرهائن في فندق بمدينة سيفاري.",
                 "احتجز مسلحون عددا من الرهائن داخل مقهى في مدينة سيفاري صباح اليوم."):
        types = [e.type for e in extract(text, dt.date(2015, 8, 8))]
        assert types == ["attack"], (text, types)


def test_detaining_suspects_is_still_an_arrest_trigger():
    assert [t.type for t in find_triggers(fold("احتجزت الشرطة ثلاثة مشتبه بهم"))] == ["arrest"]


def test_an_arrest_word_that_takes_hostages_is_an_attack_trigger():
    assert types("احتجز مسلحون عددا من الرهائن داخل المقهى") == ["attack"]


@pytest.mark.parametrize(("sentence", "killed"), [
    ("تمكن الجيش الجزائري أمس من القضاء على عنصرين إرهابيين بولاية جيجل.", 2),
    ("أعلنت قيادة العمليات أنها تمكنت من القضاء على 10 إرهابيين في جرف الصخر.", 10),
])
def test_eliminating_militants_is_a_killing(sentence, killed):
    [event] = extract(sentence, dt.date(2017, 3, 1))
    assert event.killed is not None and event.killed.best == killed


@pytest.mark.parametrize("sentence", [
    "تعهد الجيش بالقضاء على 30 مسلحا في جيجل.",
    "أكد الجيش الجزائري عزمه على القضاء على 30 إرهابيا في جيجل.",
])
def test_eliminating_told_as_a_goal_or_a_vow_reports_nothing(sentence):
    assert extract(sentence, dt.date(2017, 3, 1)) == []


def test_a_fight_told_with_its_dead_before_its_arrests_is_the_fight_and_the_arrests():
    events = extract("قالت وزارة الداخلية إن قوات الأمن قتلت مسلحا واعتقلت 13 آخرين في عملية"
                     " بمدينة بنزرت أمس.", dt.date(2015, 7, 24))
    by_type = {e.type: e for e in events}
    assert set(by_type) == {"armed_clash", "arrest"}
    assert by_type["armed_clash"].killed.best == 1 and by_type["arrest"].killed is None


def test_an_arrest_for_a_killing_told_after_it_stays_an_arrest():
    events = extract("ألقت الشرطة التونسية القبض على عنصر تكفيري متورط في قتل جنديين في"
                     " القصرين.", dt.date(2015, 7, 24))
    assert [e.type for e in events] == ["arrest"]


def test_an_attack_aimed_at_worshippers_stays_one_sided_whoever_they_are():
    [event] = extract("أدانت الحكومة الهجوم الإرهابي الذي استهدف اليوم مسجد قوات الطوارئ في"
                      " منطقة عسير وأسفر عن مقتل 15 شخصا.", dt.date(2015, 8, 6))
    assert event.type == "attack"


def test_an_attack_aimed_at_a_patrol_is_still_a_clash():
    [event] = extract("أدانت الحكومة الهجوم الإرهابي الذي استهدف اليوم دورية لقوات الطوارئ في"
                      " منطقة عسير وأسفر عن مقتل 15 شخصا.", dt.date(2015, 8, 6))
    assert event.type == "armed_clash"


def test_entering_a_town_told_as_achieved_is_its_taking():
    [event] = extract("تمكنت قوات الجيش والمقاومة الشعبية من الدخول إلى مدينة زنجبار أمس.",
                      dt.date(2015, 8, 9))
    assert (event.type, event.place.name) == ("territory", "زنجبار")


def test_advancing_towards_a_town_told_as_achieved_is_no_taking():
    assert extract("تمكنت فصائل المعارضة من التقدم باتجاه مدينة حماة أمس.",
                   dt.date(2015, 8, 9)) == []


def test_a_targeting_with_killed_and_wounded_but_no_figure_is_an_incident():
    vague = ("وأكد بيان للمقاومة أن قتلى وجرحى من المسلحين سقطوا إثر استهداف دورية "
             "لهم في مديرية المخادر.")
    assert [e.place.name for e in extract(vague, dt.date(2015, 7, 24))] == ["المخادر"]
    told_alone = "وأكد بيان للمقاومة أن قتلى سقطوا إثر استهداف دورية لهم في مديرية المخادر."
    assert extract(told_alone, dt.date(2015, 7, 24)) == []


def test_a_channel_named_like_a_march_is_no_protest():
    from extraction import extract

    assert [e.type for e in extract("خرجت المسيرة في شوارع عدن احتجاجا على انقطاع "
                                    "الكهرباء.")] == ["protest"]
    assert extract("وقال الضابط لقناة «المسيرة» التابعة للحوثيين في عدن إن الحرب "
                   "ستستمر.") == []


def test_a_newspaper_that_saw_warplanes_still_tells_an_air_strike():
    from extraction import extract

    [event] = extract("ورصدت الصحيفة طائرات التحالف وهي تقصف مواقع الحوثيين في مديرية كتاف "
                      "بمحافظة صعدة.")
    assert event.type == "airstrike"


def test_a_definite_nationality_after_a_strike_names_its_forces():
    from extraction import extract

    for told in ("قصف تركي", "القصف التركي"):
        [event] = extract(f"قتل ثلاثة مدنيين في {told} على قرية سيدكان في إقليم كردستان العراق.")
        assert [(a.name, a.role) for a in event.actors] == [("القوات التركية", "initiator")]
