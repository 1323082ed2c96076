"""Ordinary crime is no political violence (GUIDELINES: arrests for ordinary crimes are not
`arrest` events), a police ambush that only made an arrest is that arrest, a period told
after the second figure covers the first, a demand made at a sit-in does not cancel
the sit-in, and clearing roads of bombs is no taking. Each case stands beside the
sentence that must still give an event, so the test fails if the rule stops working or
starts swallowing real news. Sentences are invented."""
import datetime as dt

from extraction import extract

DAY = dt.date(2017, 2, 10)


def _events(text: str) -> list[tuple]:
    return [(e.type, e.place.name if e.place else None,
             e.killed.best if e.killed else None) for e in extract(text, DAY)]


def test_an_arrest_of_a_drug_dealer_is_no_event():
    caught = "تمكنت فرقة الأبحاث والتفتيش للحرس الوطني بسوسة أمس من إلقاء القبض على عنصر يروج"
    assert _events(f"{caught} الفكر المتطرف.")
    assert _events(f"{caught} الأقراص المخدرة.") == []


def test_an_arrest_by_a_police_squad_found_by_its_head_word_needs_a_political_reason():
    caught = "تمكنت فرقة الحرس البحري بنابل اليوم من إيقاف 5 أشخاص"
    assert _events(f"{caught} حاولوا اجتياز الحدود البحرية خلسة نحو إيطاليا.") == []
    assert _events(f"{caught} ينتمون إلى خلية تكفيرية.") == [("arrest", "نابل", None)]


def test_a_protest_about_a_drug_case_is_still_a_protest():
    text = ("نظم طلبة الجامعة اليوم وقفة احتجاجية أمام مقر المحكمة في قفصة للمطالبة"
            " بالإفراج عن زميل لهم أوقف في قضية مخدرات.")
    assert [t for t, _, _ in _events(text)] == ["protest"]


def test_an_ambush_that_only_made_an_arrest_is_the_arrest():
    text = "تمكنت فرقة الحرس الوطني بالقصرين أمس وبعد نصب كمين محكم من القبض على ثلاثة إرهابيين."
    assert [t for t, _, _ in _events(text)] == ["arrest"]


def test_an_ambush_with_casualties_is_still_a_clash():
    text = "نصب الجيش كمينا لمسلحين قرب القصرين أمس وقتل ثلاثة منهم واعتقل اثنين."
    assert "armed_clash" in [t for t, _, _ in _events(text)]


def test_a_period_after_the_wounded_figure_makes_both_figures_a_total():
    total = ("قالت مصادر أمنية أمس إن 215 متمردا قتلوا وجرح 180 آخرون خلال أسبوعين من"
             " الغارات الجوية على مواقعهم في ولاية بورنو.")
    single = ("قالت مصادر أمنية أمس إن 21 متمردا قتلوا وجرح 18 آخرون في غارة جوية على"
              " مواقعهم في ولاية بورنو.")
    assert [k for _, _, k in _events(single)] == [21]
    assert 215 not in [k for _, _, k in _events(total)]


def test_a_demand_made_at_a_sit_in_does_not_cancel_the_sit_in():
    text = ("طالب عشرات المعلمين أمس بصرف رواتبهم المتأخرة. وجاءت هذه المطالبة في وقفة"
            " احتجاجية نظموها أمام مقر المحافظة في مدينة البصرة.")
    assert ("protest", "البصرة", None) in _events(text)


def test_a_call_for_a_sit_in_is_still_no_protest():
    text = "دعا الاتحاد إلى وقفة احتجاجية أمام مقر الولاية بسوسة يوم الخميس القادم."
    assert _events(text) == []


def test_an_allegation_of_deaths_in_shelling_is_not_read_as_a_setting():
    text = ("ويواجه الجيش اتهامات بمقتل مدنيين في القصف على أحياء مدينة حلب خلال"
            " الأشهر الماضية.")
    assert _events(text) == []


def test_a_readiness_to_enter_a_strike_is_still_a_plan():
    text = ("أعلن عمال الميناء في صفاقس اليوم استعدادهم الدخول في إضراب مفتوح إذا لم"
            " تستجب الإدارة لمطالبهم.")
    assert _events(text) == []


def test_an_attack_in_words_is_no_clash():
    said = "هاجم وزير الإعلام ميليشيا الحوثي في عدن أمس، واصفا إياها بالإرهابية."
    parliament = "فيما هاجمت الكتل البرلمانية أمس قوات الحشد الشعبي في الرمادي والفلوجة."
    fought = ("هاجم مسلحون حاجزا أمنيا في مدينة العريش أمس، وقال المتحدث العسكري في بيان"
              " إن جنديين قتلا.")
    assert _events(fought)
    assert _events(said) == [] and _events(parliament) == []


def test_a_crime_word_inside_a_place_name_is_not_a_crime():
    text = "شن طيران التحالف غارات على بني حشيش في محافظة صنعاء."
    assert [e.type for e in extract(text, dt.date(2015, 8, 1))] == ["airstrike"]


def test_an_attack_on_a_patrol_is_political_with_no_party_named():
    text = "تعرضت دورية أمنية في بلدة الجش لإطلاق نار من شخص مجهول ونتج عنه مقتل جندي."
    assert [e.type for e in extract(text, DAY)] in (["attack"], ["armed_clash"])


def test_a_shooting_with_no_party_and_no_target_of_the_forces_is_still_crime():
    text = "قتل شاب بالرصاص في شجار قرب مركز تجاري في بلدة الجش."
    assert extract(text, DAY) == []


def test_controlling_a_suspect_or_a_steering_wheel_takes_no_place():
    for text in ("أصيب رجل أمن بالدوريات الأمنية في بيشة أثناء محاولته السيطرة على شخصين.",
                 "اصطدمت سيارة بدورية في المهدية بعد فقدان سائقها السيطرة على المقود."):
        assert [e.type for e in extract(text, DAY)] == [], text


def test_a_squad_of_the_national_guard_is_the_guard_not_an_armed_group():
    caught = "تمكنت فرقة الأبحاث العدلية للحرس الوطني بالمهدية اليوم من إلقاء القبض على"
    assert _events(f"{caught} لص متورط في سرقة المحلات التجارية.") == []
    assert [t for t, _, _ in _events(f"{caught} عنصر تكفيري.")] == ["arrest"]
    actors = [(a.name, a.role) for e in extract(f"{caught} عنصر تكفيري.", DAY) for a in e.actors]
    assert actors == [("قوات الأمن التونسية", "initiator"), ("متشددون", "target")], actors


def test_clearing_roads_of_bombs_is_no_taking():
    cleared = ("وواصلت القوات عملياتها في مدينة الشيخ زويد، وتطهير مناطق وطرق من عبوات ناسفة"
               " زرعها مسلحون في وقت سابق.")
    taken = cleared.replace("من عبوات ناسفة زرعها", "من المسلحين الذين تحصنوا")
    assert [e[0] for e in _events(taken)] == ["territory"]
    assert _events(cleared) == []
