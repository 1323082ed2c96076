"""Casualties per incident, per side: figures of different sides add up, in one
sentence and across the reports of one incident; a figure of the same side does not."""
import datetime as dt

import pytest

from extraction import extract
from extraction.arabic import fold
from extraction.casualties import find_casualties

PUBLISHED = dt.date(2019, 4, 11)


def killed(sentence: str):
    found = find_casualties(fold(sentence)).killed
    return found.best if found else None


def test_equal_figures_of_two_sides_in_one_sentence_are_both_counted():
    assert killed("قتل 3 من رجال الشرطة في الكمين، فيما قتلت القوات 3 مسلحين") == 6


def test_one_sides_figure_told_twice_in_one_sentence_is_counted_once():
    assert killed("قتل 5 جنود في الهجوم، وقال الجيش إن 5 جنود قتلوا") == 5


def test_the_side_of_a_figure_is_read_through_min_and_a_generic_noun():
    found = find_casualties(fold("أكد مقتل اثنين من عناصر الميليشيات في الهجوم")).killed
    assert found is not None and found.sides == frozenset({"militia"})


def test_a_later_sentence_adds_the_other_sides_dead_to_the_incident():
    text = ("هاجم مسلحون قاعدة عسكرية في مدينة بنغازي الثلاثاء مما أسفر عن مقتل 12 جنديا. "
            "وقال مصدر أمني إن القوات قتلت 3 مسلحين في الهجوم.")
    [event] = extract(text, PUBLISHED)
    assert event.killed.best == 15


def test_a_later_figure_of_the_same_side_does_not_add():
    text = ("هاجم مسلحون قاعدة عسكرية في مدينة بنغازي الثلاثاء مما أسفر عن مقتل 12 جنديا. "
            "وقال مصدر أمني إن 12 جنديا قتلوا في الهجوم.")
    [event] = extract(text, PUBLISHED)
    assert event.killed.best == 12


def test_the_attackers_death_told_after_the_toll_adds_to_it():
    text = ("هاجم مسلح حاجزا أمنيا في مدينة بنغازي الثلاثاء مما أسفر عن قتيل وثلاثة جرحى. "
            "وقتل المهاجم برصاص الشرطة بعد دقائق.")
    [event] = extract(text, PUBLISHED)
    assert (event.killed.best, event.wounded.best) == (2, 3)


def test_the_attackers_death_told_twice_adds_once():
    text = ("هاجم مسلح حاجزا أمنيا في مدينة بنغازي الثلاثاء مما أسفر عن قتيل وثلاثة جرحى. "
            "وقتل المهاجم برصاص الشرطة. وقال شهود إن الشرطة قتلت المهاجم.")
    [event] = extract(text, PUBLISHED)
    assert event.killed.best == 2


def test_one_sentence_toll_and_attacker():
    assert killed("أسفر الهجوم عن مقتل شرطي، وقتل المهاجم في تبادل لإطلاق النار") == 2


def test_a_later_sentence_that_raises_the_toll_replaces_the_lead_s_figure():
    text = ("مقتل 5 جنود في هجوم على حاجز بالعريش\n"
            "قتل خمسة جنود في هجوم شنه مسلحون على حاجز أمني في مدينة العريش أمس. "
            "وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم. "
            "وقالت مصادر طبية إن حصيلة القتلى ارتفعت إلى سبعة.")
    events = extract(text, PUBLISHED)
    assert [(e.place.name, e.killed.best) for e in events] == [("العريش", 7)]


def test_a_later_figure_that_does_not_update_leaves_the_lead_s_figure():
    text = ("قتل خمسة جنود في هجوم شنه مسلحون على حاجز أمني في مدينة العريش أمس. "
            "وقالت مصادر طبية إن سبعة من القتلى من المجندين.")
    assert [e.killed.best for e in extract(text, PUBLISHED)] == [5]


def test_a_region_s_toll_gives_way_to_the_toll_told_after_its_town():
    text = ('قال المرصد إن هجمات جوية روسية على مناطق تسيطر عليها المعارضة جنوبي سوريا '
            'أدت إلى مقتل 30 مدنيا. وأضاف: "نفذت 20 هجمة جوية روسية على بلدة الحراك". '
            'وقال: "ضربت إحداها ملجأ يحتمي فيه السكان من القصف، مما أدى إلى مقتل 12 مدنيا".')
    events = extract(text, dt.date(2019, 3, 4))
    assert [(e.place.name, e.killed.best) for e in events] == [("الحراك", 12)], events


def test_a_preliminary_toll_is_the_news_an_earlier_one_is_not():
    lead = ("قتل ثلاثة جنود وأصيب خمسة آخرون في حصيلة أولية إثر انفجار سيارة مفخخة عند "
            "حاجز للجيش في مدينة سامراء.")
    events = extract(lead, dt.date(2019, 3, 4))
    assert [(e.place.name, e.killed.best, e.wounded.best) for e in events] == [
        ("سامراء", 3, 5)], events
    earlier = "وكانت حصيلة أولية أفادت بمقتل ثلاثة جنود في انفجار سيارة مفخخة في سامراء."
    assert extract(earlier, dt.date(2019, 3, 4)) == []


@pytest.mark.parametrize(("first", "then", "total"), [
    ("20 حوثيا", "6 مقاومين", 26),
    ("20 حوثيا", "6 من رجال المقاومة", 26),
    ("12 مسلحا من داعش", "3 من البيشمركة", 15),
])
def test_a_resistance_or_peshmerga_toll_told_after_the_rebels_adds_to_the_incident(
        first, then, total):
    text = (f"قتل {first} في اشتباكات مع المقاومة الشعبية في مدينة تعز أمس. "
            f"وأسفرت الاشتباكات عن مقتل {then}.")
    assert [e.killed.best for e in extract(text, PUBLISHED)] == [total]


@pytest.mark.parametrize(("sentence", "dead", "hurt"), [
    ("قتل 5 جنود بينما أصيب 3 آخرون في الهجوم", 5, 3),
    ("أسفرت المواجهات عن مقتل 21 من الحوثيين، بينما قتل اثنان من الجنود", 23, None),
])
def test_a_figure_after_whereas_is_counted_not_read_as_among_them(sentence, dead, hurt):
    found = find_casualties(fold(sentence))
    assert (found.killed.best, found.wounded.best if found.wounded else None) == (dead, hurt)


def test_a_figure_after_among_them_is_still_a_breakdown():
    assert killed("قتل 10 أشخاص بينهم 3 أطفال في القصف") == 10


@pytest.mark.parametrize(("sentence", "dead", "hurt"), [
    ("قتل اليوم القيادي أبو يحيى في منطقة العلم بعدن", 1, None),
    ("قتل مساء أمس جندي في هجوم على حاجز للجيش", 1, None),
    ("أصيب اليوم شرطي في هجوم على دورية", None, 1),
])
def test_one_victim_told_after_a_time_word_is_one(sentence, dead, hurt):
    found = find_casualties(fold(sentence))
    assert (found.killed.best if found.killed else None,
            found.wounded.best if found.wounded else None) == (dead, hurt)


def test_three_time_words_are_too_many_between_a_killing_and_its_victim():
    assert killed("قتل اليوم مساء أمس جندي في هجوم") is None
