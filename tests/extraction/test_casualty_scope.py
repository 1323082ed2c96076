"""Figures the text places outside the incident it tells (casualty_scope), read through
`find_casualties` on sentences written for these tests."""
import pytest

from extraction.arabic import fold
from extraction.casualties import find_casualties
from extraction.types import Count


def casualties(sentence: str):
    found = find_casualties(fold(sentence))
    return found.killed, found.wounded


@pytest.mark.parametrize("sentence", [
    "وأعلن الجيش مقتل 300 مسلح، خلال الأسابيع الثلاثة الماضية في معارك الريف",
    "وقالت المنظمة إن 70 مدنيا قتلوا منذ بداية العام في المحافظة",
    "ارتفع عدد ضحايا القذائف إلى سبعة قتلى و40 جريحا، وهي حصيلة الأيام الأربعة الماضية",
    "وأوقعت المعارك أكثر من 900 قتيل في 15 شهرا، بحسب الأمم المتحدة",
    "وقتل 60 مسلحا في ثلاثة أشهر من المعارك في الجبال",
    "وقتل 29 جنديا وأصيب 175 في شرق البلاد في يوليو رغم وقف إطلاق النار",
])
def test_a_figure_over_a_period_is_a_total_not_a_toll(sentence):
    assert casualties(sentence) == (None, None)


def test_a_figure_before_a_number_of_anything_else_is_still_a_toll():
    assert casualties("قتل 15 شخصا في 3 غارات على البلدة")[0] == Count(15, 15, 15)
    assert casualties("قتل أربعة جنود خلال 24 ساعة من المعارك")[0] == Count(4, 4, 4)


def test_a_toll_of_a_war_is_not_an_incidents_toll():
    assert casualties("وأدى النزاع في البلاد إلى مقتل 50 ألف شخص") == (None, None)


def test_a_relative_clause_recalls_what_its_head_did_before():
    assert casualties("وكان الموقوف يعرف المسلح الذي تسبب في مقتل 40 شخصا") == (None, None)
    assert casualties("انشقت الكتيبة عن الجماعة التي قتلت أكثر من 900 شخص") == (None, None)


def test_a_relative_clause_on_the_incident_or_its_place_is_the_news():
    assert casualties("وتبنى التنظيم التفجير، الذي أسفر عن مقتل 12 شخصا")[0] == Count(12, 12, 12)
    assert casualties("ودخلوا البلدة التي قتل فيها 9 أشخاص")[0] == Count(9, 9, 9)


@pytest.mark.parametrize("sentence", [
    "وأسفر الانفجار عن سقوط 35 قتيلا وجريحا",
    "وأدى القصف إلى مقتل وإصابة 16 مدنيا",
    "أسفرت المواجهات عن مقتل وجرح عشرة أشخاص",
])
def test_a_combined_count_is_neither_killed_nor_wounded(sentence):
    assert casualties(sentence) == (None, None)


def test_separate_verbs_with_their_own_subjects_are_not_a_combined_count():
    assert casualties("وقال الطبيب إن ستة أشخاص قتلوا وأصيب 11 آخرون") == (
        Count(6, 6, 6), Count(11, 11, 11))


def test_a_single_person_then_a_passive_killing_verb_is_one_killed():
    assert casualties("وقالت الشرطة إن جنديا قتل وأصيب آخر في الهجوم")[0] == Count(1, 1, 1)
    assert casualties("وذكر شهود أن رجلا قتل زوجته") == (None, None)


def test_a_relative_clause_placing_its_incident_last_month_is_recalled():
    sentence = ("قتلت الشرطة أربعة مسلحين أمس بينهم مدبر الهجوم الذي وقع الشهر الماضي على "
                "فندق في العاصمة وأسفر عن مقتل 30 شخصا")
    assert casualties(sentence)[0] == Count(4, 4, 4)


def test_a_definite_person_after_a_killing_word_is_one_killed():
    assert casualties("وقتل المهاجم برصاص رجال الأمن")[0] == Count(1, 1, 1)
    assert casualties("وأسفر القصف عن استشهاد الرضيع")[0] == Count(1, 1, 1)


def test_a_charge_of_killing_a_named_person_is_no_death_told():
    assert casualties("وأحيل المتهم بقتل الطفل على القضاء") == (None, None)


def test_a_figure_glued_to_its_killing_word_is_read():
    assert casualties("أعلن مسؤول بمقتل14 من المسلحين")[0] == Count(14, 14, 14)


def test_the_toll_after_radan_ala_is_the_incident_responded_to():
    sentence = ("وقصفت الطائرات المطار ردا على استهداف القرية بالغاز قبل أيام، مما أدى إلى "
                "مقتل 40 شخصا")
    assert casualties(sentence) == (None, None)
    assert casualties("قتل 5 جنود في الهجوم ردا على الغارات")[0] == Count(5, 5, 5)


@pytest.mark.parametrize("sentence", [
    "يقدر أن 10 ملايين شخص في العالم مصابون بمرض الشلل الرعاش.",
    "أعلنت الوزارة إصابة 300 طفل في المخيمات بأمراض جلدية.",
    "سجلت إصابة 12 شخصا بفيروس كورونا في المدينة.",
])
def test_a_count_of_the_sick_is_no_wounded(sentence):
    assert casualties(sentence)[1] is None


def test_wounds_told_beside_the_same_words_are_still_wounded():
    assert casualties("أصيب 12 شخصا بجروح في انفجار عبوة في المدينة.")[1].best == 12


def test_a_period_after_the_other_kinds_figure_covers_both():
    sentence = ("أكدت الوكالة أن نحو 260 مقاتلا كرديا من حزب العمال الكردستاني قتلوا ومئات جرحوا"
                " خلال أسبوع من الغارات الجوية.")
    assert casualties(sentence) == (None, None)


def test_the_other_kinds_figure_alone_makes_no_total():
    killed, wounded = casualties("قتل خمسة جنود ومئات جرحوا في الهجوم على القاعدة.")
    assert killed.best == 5 and wounded.low == 200
