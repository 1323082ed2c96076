"""Casualty reading errors of issue 8 (invented sentences)."""
import pytest

from extraction.arabic import fold
from extraction.casualties import find_casualties
from extraction.normalise import normalise


def best(sentence: str) -> tuple:
    found = find_casualties(fold(sentence))
    return (found.killed and found.killed.best, found.wounded and found.wounded.best)


@pytest.mark.parametrize(("sentence", "figures"), [
    ("أسفر الهجوم على السوق عن قتيل وخمسة جرحى", (1, 5)),
    ("تحدثت مصادر محلية عن قتيل وجرحى في صفوف الحراس", (1, None)),
    ("انتهت المطاردة بعد سقوط قتيل واحد", (1, None)),
    ("أسفرت الغارة عن قتيلين وثلاثة جرحى", (2, 3)),
])
def test_a_singular_victim_noun_counted_by_what_follows_is_one(sentence, figures):
    assert best(sentence) == figures


@pytest.mark.parametrize("sentence", [
    "سقط العشرات من المسلحين بين قتيل وجريح",
    "قال المتحدث إن ألف قتيل سقطوا منذ بداية العام",
])
def test_a_share_or_a_counted_noun_is_not_one(sentence):
    assert best(sentence)[0] != 1


@pytest.mark.parametrize(("sentence", "figures"), [
    # a cue right before the figure wins over a later one of another clause
    ("أعلنت الشرطة أن حارسا قتل وأصيب اثنان آخران في هجوم نفذه رجل قتل برصاص الشرطة",
     (2, 2)),
    ("أسفر الحادث عن مقتل 4 أشخاص وإصابة شخص آخر إصابات بالغة", (4, 1)),
    ("وقتل عاملان وأصيب ثلاثة آخرون في التفجير كما قتل سائق", (3, 3)),
    # an adjective of origin between the person and the passive verb
    ("قال مسؤول إن جنديا هنديا قتل وأصيب آخر في تبادل لإطلاق النار", (1, None)),
])
def test_each_clause_keeps_its_own_figure(sentence, figures):
    assert best(sentence) == figures


def test_one_person_named_twice_is_one():
    assert best("تلقى المركز بلاغا عن سقوط شخص في بئر وتبين أنه سقوط عامل") == (1, None)
    assert best("لقي القيادي المسلح مصرعه مع عدد من مرافقيه") == (1, None)


@pytest.mark.parametrize(("sentence", "figures"), [
    ("قتل خمسة أشخاص في الحريق ولم تسجل إصابات أخرى", (5, None)),
    ("انقلبت شاحنة تقل 12 عاملا دون تسجيل أي إصابات", (None, None)),
    ("سقطت أربع قذائف على المعبر لم تسفر عن أي إصابات", (0, 0)),
])
def test_a_negated_cue_after_a_figure_is_not_its_cue(sentence, figures):
    assert best(sentence) == figures


def test_monday_is_not_the_two():
    assert best("قالت مصادر محلية اليوم الاثنين إن القوات قتلت شابا في القرية") == (1, None)
    assert best("وأكد أن المهاجمين الاثنين قتلا في الاشتباك") == (2, None)



def test_one_person_wounded_without_a_number_is_one_wounded():
    assert best("انفجرت عبوة ناسفة قرب سوق شعبي مما أدى إلى إصابة شخص بجروح") == (None, 1)


def test_a_wounded_civilian_beside_two_dead_soldiers_is_one_wounded():
    assert best("قتل جنديان وأصيب مدني بجروح في هجوم على حاجز أمني") == (2, 1)


def test_the_soldier_wounded_may_be_one_told_before_and_is_not_counted_again():
    assert best("أسفر الانفجار عن إصابة الجندي الذي كان يقود الدورية") == (None, None)


def test_two_policemen_told_as_a_construct_dual_are_two():
    assert best("أصيب رجلا شرطة بجروح في انفجار عبوة قرب المحكمة") == (None, 2)
    assert best("قتل عنصري أمن في هجوم على نقطة تفتيش") == (2, None)


def test_an_officer_in_the_accusative_is_no_dual():
    # one officer, the object of the killing (casualties._object_of_killing), not two
    assert best("قتل المسلحون ضابطا كبيرا في الهجوم") == (1, None)


@pytest.mark.parametrize(("sentence", "figures"), [
    ("وقع تفجير في المسجد مما نتج عنه استشهاد (15) وإصابة (33)", (15, 33)),
    ("أدى الهجوم إلى مقتل ( 20 ) شخصا وإصابة آخرين", (20, None)),
])
def test_a_figure_in_brackets_is_read_as_written_without_them(sentence, figures):
    assert best(sentence) == figures


@pytest.mark.parametrize(("sentence", "figures"), [
    ("وقع التفجير في المسجد مما أسفر عن «استشهاد» 12 شخصا وإصابة 30 آخرين", (12, 30)),
    ('سقطت قذيفة على منزل في القرية، نتج عنه "استشهاد" أحد المواطنين', (1, None)),
    ("فجر انتحاري نفسه بين المقاتلين فقتل «21» عنصرا منهم", (21, None)),
])
def test_a_word_or_figure_in_quotation_marks_is_read_as_written_without_them(
        sentence, figures):
    assert best(normalise(sentence).text) == figures  # «» become " as in the pipeline


@pytest.mark.parametrize(("sentence", "figures"), [
    ("دمرت الغارة مدفع هاون عيار 120 وقتل 2 من طاقمه وأصيب 3 آخرون", (2, 3)),
    ("دمرت الغارة مدفع هاون عيار (120) وقتل 2 من طاقمه", (2, None)),
    ("دمرت الغارة 4 عربات وقتل 2 من طاقمها", (2, None)),
])
def test_a_calibre_or_a_count_of_vehicles_adds_no_one_to_a_toll(sentence, figures):
    assert best(sentence) == figures


@pytest.mark.parametrize(("sentence", "figures"), [
    ("سقطت قذيفة على السوق ونتج عنها إصابة عاملين أحدهما من سكان الحي والآخر زائر", (None, 2)),
    ("أدى القصف إلى مقتل مزارعين، أحدهما فتى في الخامسة عشرة", (2, None)),
])
def test_a_noun_that_one_of_the_two_follows_is_a_dual(sentence, figures):
    assert best(sentence) == figures


def test_the_same_plural_without_one_of_the_two_is_no_figure():
    assert best("سقطت قذيفة على السوق ونتج عنها إصابة عاملين في المحلات") == (None, None)


@pytest.mark.parametrize(("sentence", "figures"), [
    ("نتج عن ذلك استشهاد العريف أحمد جعفر حسن، والجندي أول محمد علي، والجندي أول حسن ناصر"
     " تغمدهم الله بواسع رحمته", (3, None)),
    ("تمكنت المقاومة من قتل المسؤول الأمني بالمحافظة والمسؤول الأمني للمسلحين في القضاء",
     (2, None)),
    ("أسفر الهجوم عن مقتل الجندي محمد وإصابة الرقيب علي والشرطي حسن", (1, None)),
])
def test_the_dead_named_one_after_another_are_counted_one_each(sentence, figures):
    assert best(sentence) == figures


@pytest.mark.parametrize("sentence", [
    "أكدت وزارة الدفاع مقتل زعيم التنظيم في غارة جوية على معسكر للمتشددين",
    "أعلن الجيش مصرع مدير مكتب الجماعة في قصف استهدف سيارته",
])
def test_a_leader_killed_without_a_number_is_one(sentence):
    assert best(sentence) == (1, None)


@pytest.mark.parametrize("sentence", [
    "نعت الحركة أمس زعيمها بعد وفاة زعيم الحركة في مستشفى بالعاصمة",
    "قال المحلل إن الهزائم أصابت زعيم المتمردين بنوبة من الغضب",
])
def test_a_leader_dying_in_bed_or_struck_by_anger_is_no_figure(sentence):
    assert best(sentence) == (None, None)


@pytest.mark.parametrize(("sentence", "figures"), [
    ("أصيب طفلان وفتاة عصر اليوم إثر سقوط قذيفة على منزلهم", (None, 3)),
    ("أصيب ضابطا شرطة ومدني في انفجار عبوة ناسفة", (None, 3)),
])
def test_one_more_wounded_named_after_a_figure_is_added(sentence, figures):
    assert best(sentence) == figures


@pytest.mark.parametrize(("sentence", "figures"), [
    ("قتل خمسة أشخاص بينهم جنديان ومهاجم في هجوم على فندق", (5, None)),
    ("أصيب ثلاثة أشخاص بينهم شرطي ومجند في إطلاق النار", (None, 3)),
])
def test_people_named_among_a_figure_are_part_of_it(sentence, figures):
    assert best(sentence) == figures
