import pytest

from extraction.arabic import fold
from extraction.casualties import find_casualties
from extraction.types import Count


def casualties(sentence: str):
    found = find_casualties(fold(sentence))
    return found.killed, found.wounded


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    ("أسفر القصف عن سقوط 15 قتيلا وسبعة مصابين", Count(15, 15, 15), Count(7, 7, 7)),
    ("قتل 11 شخصا على الأقل وأصيب عشرة آخرون بجروح في الانفجار", Count(11, 11, None),
     Count(10, 10, 10)),
    ("أدت الضربة إلى مقتل تسعة مدنيين وإصابة 31 آخرين", Count(9, 9, 9), Count(31, 31, 31)),
    ("لقي فلسطينيان مصرعهما الأحد في قصف مدفعي", Count(2, 2, 2), None),
    ("قتل شخصان في مواجهات مسلحة", Count(2, 2, 2), None),
    ("خلّف الانفجار استشهاد شرطي وإصابة اثنين من زملائه", Count(1, 1, 1), Count(2, 2, 2)),
    ("وقتل ليلة أمس 5 وجرح 4 إثر هجوم على القرية", Count(5, 5, 5), Count(4, 4, 4)),
])
def test_it_reads_killed_and_wounded(sentence, killed, wounded):
    assert casualties(sentence) == (killed, wounded)


def test_figures_of_both_sides_are_summed():
    assert casualties("أسفر الهجوم عن مقتل 4 جنود و43 مسلحا")[0] == Count(47, 47, 47)
    assert casualties("مقتل 8 عسكريين و14 إرهابيا وإصابة 15 آخرين") == (
        Count(22, 22, 22), Count(15, 15, 15))


def test_coordinated_single_soldiers_are_added():
    killed, _ = casualties(
        "تسببت الهجمات بمقتل ما لا يقل عن ثلاثة عسكريين أميركيين وجندي بريطاني وجندي عراقي")
    assert killed is not None and killed.best == 5 and killed.high is None


def test_a_subset_after_bayn_is_not_added():
    assert casualties("خلفت الغارة 13 قتيلا مدنيا بينهم امرأتان")[0] == Count(13, 13, 13)


@pytest.mark.parametrize("sentence", [
    "وتقع القرية على بعد 280 كم شمال بغداد",
    "خفضت القوات عددها من 5200 إلى 3000 جندي",
    "تمتلك الدولة 69 بالمائة من رأس المال",
    "وقال المتحدث إن الهجوم وقع عام 2015",
    "حسين العمور (25 عاما) من سكان المدينة",
])
def test_numbers_that_are_not_casualties_are_ignored(sentence):
    assert casualties(sentence) == (None, None)


def test_a_dual_is_two_but_a_sound_plural_is_no_figure():
    assert casualties("أسفر الانفجار عن مقتل شرطيين")[0] == Count(2, 2, 2)
    assert casualties("أسفر الانفجار عن مقتل مدنيين")[0] is None


def test_the_injured_are_a_plural_not_two_injured():
    assert casualties("وشوهدت سيارات الإسعاف تنقل القتلى والمصابين من المكان") == (None, None)
    assert casualties("دعا بالشفاء العاجل للجرحى والمصابين") == (None, None)
    assert casualties("وأسفر الانفجار عن إصابة طفلين من المارة")[1] == Count(2, 2, 2)


def test_a_breakdown_of_the_dead_is_not_added_again():
    assert casualties("وأوضح أن القتلى بينهم خمسة مزارعين وجنديان من الحرس") == (None, None)


def test_coordinated_groups_before_one_cue_are_summed():
    assert casualties("وقالت الوزارة إن 30 شرطيا و5 مدنيين أصيبوا بجروح في المواجهات") == (
        None, Count(35, 35, 35))


def test_the_bomber_killed_besides_the_victims_is_counted():
    assert casualties("قتل خمسة جنود إضافة إلى الانتحاري في التفجير")[0] == Count(6, 6, 6)
    assert casualties("قتل ثلاثة مدنيين فضلا عن المهاجم")[0] == Count(4, 4, 4)


def test_his_death_without_a_number_is_one():
    assert casualties("أطلق مسلح النار على الضابط ما أدى إلى مصرعه على الفور")[0] == Count(
        1, 1, 1)


def test_dozens_wounded_is_at_least_twenty_four():
    assert casualties("وذكرت المفوضية أن العشرات أصيبوا بحالات اختناق")[1] == Count(None, 24, None)


def test_a_woman_or_a_girl_wounded_told_with_the_feminine_verb_is_one_wounded():
    assert casualties("أصيبت طفلة في القصف")[1] == Count(1, 1, 1)
    assert casualties("أصيبت امرأة إثر سقوط مقذوف على منزلها")[1] == Count(1, 1, 1)


def test_a_girl_and_two_children_wounded_are_three():
    assert casualties("أصيبت فتاة وطفلان إثر سقوط مقذوف على منزل")[1].best == 3


@pytest.mark.parametrize(("sentence", "killed"), [
    ("قتل انتحاري خمسة من عناصر الشرطة في مدينة جلال أباد", 5),
    ("يقتل انتحاري ثلاثة جنود عند نقطة تفتيش", 3),
    ("قتل انتحاري يقود دراجة نارية خمسة من عناصر الشرطة", 5),
])
def test_the_killer_right_after_the_verb_is_not_one_more_victim(sentence, killed):
    assert casualties(sentence)[0].best == killed


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    ("قتل شخص وأصيب خمسة آخرون في انفجار عبوة", 1, 5),
    ("قتل جندي في هجوم أسفر عن 3 جرحى", 1, 3),
])
def test_one_person_killed_before_another_clause_still_counts(sentence, killed, wounded):
    found_killed, found_wounded = casualties(sentence)
    assert (found_killed.best, found_wounded.best) == (killed, wounded)
