"""Sentences that use the words of an incident without reporting one: a drill, a model
of a battle, antiquity, a celebrating crowd, a formal complaint. Each case is checked
beside the same sentence telling a real incident, so the test fails if the cue stops
working or starts swallowing real news. Sentences are invented."""
import datetime as dt

import pytest

from extraction import extract

DAY = dt.date(2015, 8, 1)


def _types(text: str) -> list[str]:
    return [e.type for e in extract(text, DAY)]


def test_a_military_drill_is_no_clash():
    real = "اشتبكت قوات الجيش مع مسلحين من تنظيم داعش في بلدة الحديثة أمس ما أسفر عن مقتل ثلاثة."
    drill = "اشتبكت قوات الجيش مع مسلحين افتراضيين في تمرين مشترك في بلدة الحديثة أمس."
    assert _types(real)
    assert _types(drill) == []


def test_a_simulated_attack_is_no_attack():
    real = "أصيب 20 طالبا خلال هجوم إرهابي نفذته قوات الأمن في جامعة بمدينة تبوك أمس."
    drill = ("أصيب 20 طالبا خلال عملية محاكاة لهجوم إرهابي نفذتها قوات الأمن"
             " في جامعة بمدينة تبوك أمس.")
    assert _types(real)
    assert _types(drill) == []


def test_a_battle_before_the_common_era_is_history():
    real = "خاض الجيش معارك ضد مسلحي داعش قرب مدينة الموصل أمس قتل فيها 12 مسلحا."
    ancient = "خاض الجيش معارك قرب مدينة الموصل نحو عام 1250 قبل الميلاد قتل فيها 12 ألفا."
    assert _types(real)
    assert _types(ancient) == []


def test_raids_done_in_the_past_are_history():
    real = "ونفذ الحوثيون حملات اختطاف في مديرية أرحب أمس طالت عشرات السكان."
    past = "ونفذ الحوثيون في السابق حملات اختطاف في مديرية أرحب طالت عشرات السكان."
    assert _types(real)
    assert _types(past) == []


def test_a_series_of_recent_times_is_history():
    real = "ونفذ المتشددون أمس تفجيرا في محافظة ديالى أودى بحياة 20 شخصا."
    lately = "ونفذ المتشددون في الآونة الأخيرة تفجيرات في محافظة ديالى أودت بحياة 20 شخصا."
    assert _types(real)
    assert _types(lately) == []


def test_thousands_killed_is_a_war_s_toll_not_an_incident():
    real = "وقتل العشرات في الاشتباكات التي اندلعت أمس بين الجيش والمتمردين في مدينة بانتيو."
    war = "وقتل الآلاف في الاشتباكات بين الجيش والمتمردين في مدينة بانتيو."
    toll = "والقصف المستمر الذي يطال مدن محافظة ديالى يخلف الآلاف من القتلى."
    assert _types(real)
    assert _types(war) == _types(toll) == []


def test_attacks_of_the_last_two_weeks_are_a_total():
    real = "ونفذت أمس هجمات انتحارية أسفرت عن مقتل 33 شخصا في سوق مدينة مروة."
    total = "ونفذت خلال الأسبوعين الماضيين هجمات انتحارية أسفرت عن مقتل 33 شخصا في سوق مدينة مروة."
    assert _types(real) == ["explosion"]
    assert _types(total) == []


def test_the_dead_of_a_period_are_a_total():
    real = "وقال المرصد إن 17 مدنيا قتلوا جراء غارات التحالف الدولي على بلدة عامر الرفدان أمس."
    total = ("وقال المرصد إن 170 مدنيا قتلوا جراء غارات التحالف الدولي على بلدة عامر الرفدان"
             " خلال هذه الفترة.")
    assert _types(real) == ["airstrike"]
    assert _types(total) == []


def test_a_policy_of_confronting_is_no_clash():
    fight = "تمكنت المقاومة الشعبية من التصدي للهجوم الحوثي على منطقة كرش أمس."
    managed = "حاول الحوثيون التقدم نحو منطقة كرش أمس وتمكنت المقاومة من التصدي لهم."
    policy = "نفذت الشرطة البلدية حملة في مدينة المهدية أمس في إطار التصدي لظاهرة التهريب."
    assert _types(fight) == _types(managed) == ["armed_clash"]
    assert _types(policy) == []


def test_explosives_seized_or_defused_are_no_explosion():
    real = "قتل جنديان في انفجار قنبلة يدوية في بلدة عزازقة بمحافظة تيزي وزو أمس."
    seized = ("ألقى الجيش القبض على ثلاثة إرهابيين وصادر بندقية صيد وقنبلة يدوية في بلدة"
              " عزازقة بمحافظة تيزي وزو أمس.")
    defused = "أبطل خبراء المتفجرات مفعول عبوة ناسفة قرب مبنى الحزب في مدينة أنقرة أمس."
    assert _types(real) == ["explosion"]
    assert "explosion" not in _types(seized)
    assert _types(defused) == []


def test_what_had_happened_before_is_history():
    real = "اشتبكت المقاومة مع الميليشيات الحوثية في جبل جرة بمدينة تعز أمس وقتل 5 من المسلحين."
    before = ("وسبق أن اشتبكت المقاومة مع الميليشيات الحوثية في جبل جرة بمدينة تعز وقتل 5 من"
              " المسلحين.")
    assert _types(real) == ["armed_clash"]
    assert _types(before) == []


def test_allowing_strikes_is_no_strike():
    real = "وشنت طائرات التحالف غارات جوية على مواقع تنظيم داعش في مدينة الرقة أمس."
    allowed = ("وسمحت تركيا لطائرات التحالف بشن غارات جوية على مواقع تنظيم داعش في مدينة"
               " الرقة من قاعدة إنجرليك.")
    assert _types(real) == ["airstrike"]
    assert _types(allowed) == []


def test_a_crowd_gathered_to_celebrate_is_no_protest():
    real = "احتشد العشرات من السكان في ساحة مدينة الرياض أمس احتجاجا على انقطاع الكهرباء."
    feast = "احتشد العشرات من السكان في ساحة مدينة الرياض أمس للاحتفال بعيد الفطر."
    assert _types(real) == ["protest"]
    assert _types(feast) == []


def test_a_formal_complaint_by_a_club_is_no_protest():
    complaint = ("رفض الاتحاد الآسيوي لكرة القدم احتجاجا من نادي الهلال"
                 " على نتيجة المباراة في الرياض.")
    assert "protest" not in _types(complaint)


def test_an_ambassador_recalled_in_protest_is_no_protest():
    recalled = "قررت الكويت أمس استدعاء سفيرها في طهران احتجاجا على تصريحات المسؤولين الإيرانيين."
    crowd = "تظاهر المئات أمس أمام السفارة في طهران احتجاجا على تصريحات المسؤولين الكويتيين."
    assert "protest" not in _types(recalled)
    assert _types(crowd) == ["protest"]


def test_people_held_captive_are_no_protesters():
    held = "أفرج الحوثيون أمس عن سبعة ناشطين كانوا محتجزين لديهم في مدينة عدن."
    crowd = "أغلق المحتجون أمس الطريق الرئيسي في مدينة عدن احتجاجا على انقطاع المياه."
    assert "protest" not in _types(held)
    assert _types(crowd) == ["protest"]


def test_a_squad_is_not_raqqa():
    text = "تمكنت فرقة الشرطة العدلية من القبض على عنصر إرهابي في ولاية سوسة أمس."
    places = [e.place.name for e in extract(text, DAY) if e.place]
    assert places and "الرقة" not in places


def test_with_the_support_of_is_no_place_in_a_list():
    text = ("سيطرت قوات الجيش اليمني على مدن الجنوب، وبدعم من طيران التحالف، على قاعدة العند"
            " أمس بعد معارك مع الحوثيين.")
    places = [e.place.name for e in extract(text, DAY) if e.place]
    assert "بدعم" not in places


def _places(text: str) -> list[str]:
    return [e.place.name for e in extract(text, DAY) if e.place]


@pytest.mark.parametrize("text, wrong", [
    ("أصيب خمسة فلسطينيين أمس في مواجهات مع مستوطنين يهود.", "يهود"),
    ("قال القيادي الكردي إن مسلحي داعش هاجموا حاجزا للوحدات الكردية أمس وقتلوا ثلاثة.",
     "الكردي"),
    ("قتلت قوات الأمن إرهابيين اثنين، وفي اليوم الموالي اعتقلت قوات الأمن ثالثا.", "موهيلي"),
    ("قال المتحدث وأنه قتل 20 مسلحا في غارات التحالف.", "وانة"),
    ("انفجرت عبوة ناسفة أمام جامعة أمس ما أدى إلى مقتل شرطيين.", "جامعة"),
    ("سقط صاروخ على حي شعبي في مدينة حلب أمس ما أدى إلى مقتل 18 شخصا.", "شعبي"),
])
def test_a_common_word_is_no_place_without_a_head(text, wrong):
    assert extract(text, DAY)
    assert wrong not in _places(text)


def test_a_list_after_among_them_gives_each_town():
    text = "أصابت غارات التحالف أمس أهدافا لداعش قرب ست مدن بينها الموصل وتكريت والفلوجة."
    assert {"الموصل", "تكريت", "الفلوجة"} <= set(_places(text))


def test_the_area_of_the_incident_is_no_place_name():
    text = ("أصيب خمسة جنود في انفجار عبوة ناسفة أمس، وطوقت قوات الأمن منطقة الحادث"
            " بحثا عن المنفذين.")
    assert extract(text, DAY)
    assert _places(text) == []


def test_soldiers_in_the_west_bank_are_israels_army():
    text = "اقتحم جنود منزلا في بلدة بيت أمر قرب الخليل أمس واعتقلوا شابا."
    actors = {a.name for e in extract(text, DAY) for a in e.actors}
    assert "الجيش الإسرائيلي" in actors and "الجيش الفلسطيني" not in actors


def test_a_toll_over_a_week_is_a_total_not_an_incident():
    one_day = ("قتل 26 مسلحا من حزب العمال الكردستاني أمس في الغارات التركية على قواعده"
               " في شمال العراق.")
    week = ("قتل 260 مسلحا من حزب العمال الكردستاني خلال أسبوع من الغارات التركية على قواعده"
            " في شمال العراق.")
    assert [e.killed.best for e in extract(one_day, DAY)] == [26]
    assert all(e.killed is None for e in extract(week, DAY))


def test_a_birth_year_is_no_toll():
    text = ("اعتقلت قوات الأمن في الرياض أمس ثلاثة إرهابيين بينهم مبارك من مواليد 1986"
            " انضم إلى داعش وقتل في العراق.")
    assert all(e.killed is None or e.killed.best < 100 for e in extract(text, DAY))


def test_a_taking_told_as_a_purpose_is_no_taking():
    taken = "استعادت القوات العراقية أمس مدينة الرمادي من تنظيم داعش."
    goal = "نشر الجيش العراقي أمس ثلاثة ألوية جديدة لاستعادة مدينة الرمادي من تنظيم داعش."
    assert "territory" in _types(taken)
    assert "territory" not in _types(goal)


def test_an_arrest_sought_is_no_arrest():
    done = "ألقت الشرطة التركية أمس القبض على منفذي الهجوم على مركز الشرطة في إسطنبول."
    sought = ("عززت الشرطة التركية أمس إجراءاتها في محيط مركز الشرطة في إسطنبول وبدأت تحقيقا"
              " بهدف القبض على منفذي الهجوم.")
    assert "arrest" in _types(done)
    assert "arrest" not in _types(sought)


def test_a_protest_announced_for_next_week_is_no_event():
    monday = dt.date(2017, 2, 6)
    held = "نظم مئات العمال وقفة احتجاجية يوم الخميس الماضي أمام مقر الولاية في مدينة صفاقس."
    announced = ("نظم مئات العمال وقفة احتجاجية أمس ودعوا إلى وقفة ثانية يوم الخميس القادم أمام"
                 " مقر الولاية في مدينة صفاقس.")
    coming = "سينظم مئات العمال وقفة احتجاجية يوم الخميس القادم أمام مقر الولاية في مدينة صفاقس."
    assert [e.type for e in extract(held, monday)] == ["protest"]
    assert all(e.date is None or e.date.date <= monday for e in extract(announced, monday))
    assert extract(coming, monday) == []


def test_shells_and_barrels_counted_are_no_toll():
    text = ("أفاد المرصد أمس بمقتل سبعة أشخاص جراء سقوط أكثر من 300 قذيفة على بلدتي الفوعة"
            " وكفريا في محافظة إدلب.")
    assert [e.killed.best for e in extract(text, DAY) if e.killed] == [7]


def test_an_almanac_line_of_an_earlier_year_is_history():
    line = "مقتل 9 جنود في هجوم لمسلحين على نقطة تفتيش قرب مدينة الرطبة في العراق."
    assert _types(f"2015 - {line}")  # the article's own year: news
    assert _types(f"2006 - {line}") == []
    assert _types(f"1950 - بدء معركة كبرى بين الجيشين قرب مدينة سيول.\n"
                  f"2006 - {line}") == []


def test_a_military_aircraft_lost_to_a_technical_fault_is_an_accident():
    crash = ("لقي أربعة من أفراد طاقم الطائرة العسكرية التي سقطت قرب الأقصر أمس مصرعهم إثر"
             " عطل فني بحسب بيان للجيش.")
    downed = ("لقي أربعة من أفراد طاقم الطائرة العسكرية التي أسقطها مسلحون بصاروخ قرب الأقصر"
              " أمس مصرعهم بحسب بيان للجيش.")
    assert _types(downed)
    assert _types(crash) == []


def test_thousands_killed_with_no_day_of_their_own_are_a_tally_not_an_incident():
    tally = "ووثقت الشبكة الحقوقية مقتل 18 ألفا و240 مدنيا في اليمن بينهم ثلاثة آلاف طفل."
    campaign = ("وأشار التقرير إلى مقتل 1850 على الأقل من مسلحي التنظيم جراء الغارات الجوية"
                " والضربات الصاروخية على مواقعه في محافظة الأنبار.")
    dated = ("قتل 1850 على الأقل من مسلحي التنظيم أمس جراء الغارات الجوية والضربات الصاروخية"
             " على مواقعه في محافظة الأنبار.")
    assert _types(tally) == [] and _types(campaign) == []
    assert [e.killed.best for e in extract(dated, DAY)] == [1850]


def test_since_dawn_today_is_the_news_day_not_history():
    from extraction import extract

    [event] = extract("نفذت وحدات الجيش التونسي منذ فجر اليوم عملية قصف مكثف بالمدفعية الثقيلة "
                      "لمنطقة جبال ورغة بولاية الكاف.")
    assert event.type == "shelling"


def test_since_a_year_long_past_is_still_history():
    from extraction import extract

    assert extract("تشهد المنطقة اشتباكات متقطعة بين الجيش والمسلحين منذ عام 2014 في ولاية "
                   "القصرين.") == []


def test_the_fiercest_shelling_since_a_truce_began_dates_no_history():
    from extraction.normalise import fold
    from extraction.triggers import find_cues

    cues = find_cues(fold("شنت القوات أعنف قصف مدفعي منذ بدء الهدنة على مدينة دوما"))
    assert [c for c in cues if c.kind == "history"] == []
    cues = find_cues(fold("تشهد المنطقة اشتباكات متقطعة منذ بدء الحرب في الولاية"))
    assert [c.kind for c in cues if c.kind == "history"] == ["history"]


def test_more_dead_since_the_start_of_the_year_is_still_a_total():
    from extraction import extract

    assert extract("قتل أكثر من 200 مدني في قصف القوات الحكومية منذ بداية العام في مدينة "
                   "حلب.") == []


def test_protests_given_as_the_cause_of_something_else_are_no_protest():
    for text in ("توقف الإنتاج في مدينة المتلوي بسبب اعتصامات ينفذها مئات المعطلين عن العمل.",
                 "أغلقت الشرطة الطريق في مدينة صامطة بسبب التجمهر."):
        assert [e.type for e in extract(text, dt.date(2016, 4, 4))] == [], text


def test_a_protest_held_because_of_a_grievance_is_still_a_protest():
    text = "تظاهر مئات المواطنين في مدينة صفاقس بسبب انقطاع المياه."
    assert [e.type for e in extract(text, dt.date(2016, 4, 4))] == ["protest"]


def test_a_monitor_s_documented_totals_are_no_events():
    text = ("وثق المرصد تنفيذ طائرات النظام الحربية ما لا يقل عن 1200 غارة على مناطق في "
            "محافظات حلب وإدلب وحماة.")
    assert extract(text, dt.date(2015, 7, 21)) == []



def test_a_resolve_to_take_a_town_is_no_taking():
    assert _types("وقال قائد المقاومة إن المقاومة عازمة على تحرير مدينة تعز من الحوثيين.") == []
    assert _types("وتصر الحكومة على استعادة السيطرة على بلدة الحراك من فصائل المعارضة.") == []
    assert _types("وقال قائد المقاومة إن المقاومة حررت مدينة تعز من الحوثيين.") == ["territory"]


def test_a_shop_front_shattered_by_a_bomb_leaves_the_bomb_an_explosion():
    bomb = ("انفجرت عبوة ناسفة أمام مركز للشرطة في مدينة الزقازيق، ما نتج عنه تحطم واجهة "
            "المبنى، دون وقوع إصابات.")
    crash = "تحطمت طائرة عسكرية في منطقة جبلية قرب مدينة الزقازيق، مما أدى إلى مقتل خمسة عسكريين."
    assert _types(bomb) == ["explosion"]
    assert _types(crash) == []


def test_fighting_in_scattered_quarters_of_one_town_is_that_town_s_incident():
    text = "وقتل 17 من المسلحين الحوثيين في مواجهات بمناطق متفرقة من مدينة تعز أمس."
    events = extract(text, DAY)
    assert [(e.type, e.place.name, e.killed.best) for e in events] == [
        ("armed_clash", "تعز", 17)]


@pytest.mark.parametrize("where", ["بمحافظتي الأنبار وصلاح الدين", "من العراق",
                                   "في المحافظة"])
def test_scattered_quarters_of_two_places_a_province_or_a_country_are_a_series(where):
    assert _types(f"وقتل 17 من المسلحين في مواجهات بمناطق متفرقة {where} أمس.") == []


def test_scattered_attacks_are_a_series():
    assert _types("وقتل 17 من المسلحين في هجمات متفرقة في مدينة تعز أمس.") == []


def test_the_figure_after_whereas_in_a_total_is_part_of_the_total():
    text = ("قصفت ميليشيات الحوثي حي المنصورة في عدن اليوم. وحصدت الألغام خلال الأيام "
            "الثلاثة الماضية أرواح 29 شخصا بينما أصيب 261 في عدن.")
    [event] = extract(text, DAY)
    assert (event.killed, event.wounded) == (None, None)


def test_the_figure_after_whereas_in_the_news_is_the_incident_s():
    text = "قصفت ميليشيات الحوثي حي المنصورة في عدن اليوم ما أدى إلى مقتل 5 مدنيين بينما أصيب 12."
    [event] = extract(text, DAY)
    assert (event.killed.best, event.wounded.best) == (5, 12)


@pytest.mark.parametrize("regained", ["الدولة", "الشرعية", "الاستقرار", "زمام المبادرة"])
def test_regaining_the_state_or_the_initiative_is_no_taking(regained):
    assert _types(f"نجحت المقاومة الشعبية في عدن في استعادة {regained}.") == []


def test_regaining_a_town_is_still_a_taking():
    assert _types("استعادت المقاومة الشعبية مدينة الحوطة أمس.") == ["territory"]


@pytest.mark.parametrize("crowd", ["تنتشر الحشود القبلية على طول الجبهة في مأرب",
                                   "شهد المستشفى في الأحساء توافد حشود كبيرة لعيادة المصابين"])
def test_crowds_gathered_or_mobilised_are_no_protest(crowd):
    assert "protest" not in _types(f"{crowd} أمس.")


def test_people_massing_to_protest_is_still_a_protest():
    assert _types("احتشد آلاف المتظاهرين في ساحة التحرير ببغداد أمس احتجاجا على الفساد.") == [
        "protest"]


@pytest.mark.parametrize("verb", ["سيشن", "ستشن", "سينفذ"])
def test_raids_that_will_be_launched_are_a_plan(verb):
    assert _types(f"وقال مسؤول إن سلاح الجو {verb} غارات على مواقع داعش في سرت.") == []


def test_managing_to_kill_is_no_taking():
    text = ("قالت مصادر عسكرية إن القوات الجوية تمكنت من قتل 6 من عناصر تنظيم ولاية سيناء "
            "بقرية التومة جنوب الشيخ زويد.")
    assert "territory" not in _types(text)


@pytest.mark.parametrize("cue", ["تحسبا لتنظيم", "ترقبا لتنظيم"])
def test_forces_deployed_in_anticipation_of_protests_are_no_protest(cue):
    text = f"انتشرت الشرطة الإسرائيلية في البلدة القديمة في القدس {cue} تظاهرات اليوم."
    assert _types(text) == []


def test_a_toll_to_date_is_no_incident():
    real = "تمكن الجيش التركي أمس من القضاء على 39 إرهابيا خلال الغارات على مواقع الحزب في قنديل."
    to_date = ("تمكن الجيش التركي من القضاء على 390 إرهابيا حتى اليوم خلال الغارات على"
               " مواقع الحزب في قنديل.")
    assert _types(real)
    assert _types(to_date) == []



def test_a_taking_that_would_follow_is_no_taking():
    day = dt.date(2018, 4, 8)
    assert extract("ومن شأن السيطرة على دوما أن تلحق أكبر خسارة بفصائل المعارضة المسلحة.",
                   published=day) == []
    [taken] = extract("سيطرت قوات النظام على دوما بعد معارك مع فصائل المعارضة المسلحة.",
                      published=day)
    assert (taken.type, taken.place.name) == ("territory", "دوما")


def test_a_stand_taken_in_words_is_no_protest_and_a_stand_held_is_one():
    day = dt.date(2015, 7, 26)
    for text in ("وأشارت إلى أن القدس بحاجة ماسة إلى وقفة عربية وإسلامية جدية ضد الاحتلال.",
                 "وأكد أن رجال الأمن في عسير وقفوا وقفة حزم وإصرار أمام المتطرفين."):
        assert [e.type for e in extract(text, day)] == [], text
    for text in ("نفذ عشرات المعلمين في مدينة صفاقس اليوم وقفة احتجاجية أمام مقر الولاية.",
                 "نظم عشرات المواطنين في مدينة القيروان وقفة مساندة للعمال المضربين.",
                 "نفذ عشرات الأطفال في مدينة رام الله وقفة تضامنية مع عائلة الدوابشة."):
        assert [e.type for e in extract(text, day)] == ["protest"], text


def test_holding_fast_to_one_s_faith_is_no_sit_in():
    faith = ("وعندما تتعرض لجرح أو ظلم من أحد تعود إلى الالتجاء لله والاعتصام بحبله حينما"
             " تضيق بها الدنيا.")
    real = "وأصيب شاب خلال الاعتصام في ساحة المدينة احتجاجا على البطالة."
    assert _types(faith) == []
    assert _types(real) == ["protest"]


def test_a_plotted_attack_is_no_attack_but_its_arrest_is_news():
    plot = ("أعلنت الشرطة الألمانية اليوم اعتقال شاب سوري يبلغ 17 عاما يشتبه في تخطيطه لهجوم"
            " انتحاري في برلين.")
    assert _types(plot) == ["arrest"]
    assert _types("تم القبض على عشرة من نشطاء داعش كانوا يخططون لتفجير مساجد في الرياض.") \
        == ["arrest"]


def test_the_trial_of_those_charged_with_a_bombing_is_no_bombing():
    assert _types("بدأت دائرة الجنايات في الكويت، اليوم الثلاثاء، بمحاكمة المتهمين في تفجير"
                  " مسجد في منطقة الصوابر الذي أسفر عن مقتل 26 شخصا، وإصابة 227 آخرين.") == []
    assert _types("أسفر تفجير مسجد في منطقة الصوابر بالكويت اليوم عن مقتل 26 شخصا، وإصابة 227"
                  " آخرين.") == ["explosion"]


def test_mines_told_by_who_planted_them_are_no_blast():
    for text in ("وقال مصدر ميداني إن الجيش قام أمس باستخراج مئات الألغام التي زرعتها"
                 " ميليشيات الحوثي في محيط مدينة زنجبار.",
                 "وأضاف أن الألغام التي زرعها الحوثيون في معظم الطرق المؤدية إلى قاعدة العند"
                 " تحد من سرعة تقدم المقاومة."):
        assert _types(text) == [], text
    assert _types("وقتل 17 مدنيا جراء انفجار ألغام زرعها الحوثيون أثناء انسحابهم من محافظة"
                  " لحج.") == ["explosion"]
