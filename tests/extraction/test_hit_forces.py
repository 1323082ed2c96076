"""One or two soldiers or policemen told by a singular or dual noun («جنديان»، «شرطي»)
are a party to the incident, and the one that was hit («مقتل جنديين»، «لقي شرطي مصرعه»)."""
import datetime as dt

from extraction import extract

DAY = dt.date(2015, 8, 1)


def parties(text: str) -> list[tuple[str, int | None, list[tuple[str, str]]]]:
    return [(e.type, e.killed.best if e.killed else None,
             [(a.name, a.role) for a in e.actors]) for e in extract(text, published=DAY)]


def test_two_soldiers_killed_in_an_attack_are_its_target():
    assert parties("لقي جنديان مصرعهما في هجوم مسلح بشمال سيناء.") == [
        ("attack", 2, [("الجيش المصري", "target")])]


def test_a_dual_after_a_word_of_death_is_who_was_killed():
    [(kind, killed, actors)] = parties(
        "مقتل جنديين وإصابة أربعة في انفجار سيارة مفخخة في ديار بكر.")
    assert (kind, killed, actors) == ("explosion", 2, [("القوات التركية", "target")])


def test_a_policeman_shot_by_masked_men_is_the_target_of_their_assault():
    [(kind, killed, actors)] = parties(
        "قتل شرطي تركي وأصيب آخر بالرصاص في هجوم نفذه ملثمون في ديار بكر.")
    assert killed == 1 and ("القوات التركية", "target") in actors


def test_a_soldier_wounded_in_clashes_is_no_initiator():
    [(_kind, _killed, actors)] = parties(
        "أصيب جندي في اشتباكات مع الإرهابيين في جبل سمامة بالقصرين.")
    assert ("الجيش التونسي", "target") in actors


def test_soldiers_who_do_the_killing_are_still_its_initiator():
    [(_kind, _killed, actors)] = parties(
        "قتل جنود الجيش المصري خمسة مسلحين في هجوم على معسكرهم بشمال سيناء.")
    assert ("الجيش المصري", "initiator") in actors


def test_two_soldiers_of_a_force_told_before_are_no_party_of_another_country():
    from extraction.actors import find_actors
    from extraction.arabic import fold

    text = fold("أصيب جنود فرنسيون في مالي. وقتل 3 أشخاص بينهم عسكريان من هذه القوة.")
    assert [m.name for m in find_actors(text)] == ["القوات الفرنسية"]


def test_members_who_open_what_a_source_said_are_its_subject():
    [(_kind, _killed, actors)] = parties(
        "وقال المصدر إن عناصر تنظيم داعش أطلقوا أمس عشرات الصواريخ على قضاء مخمور.")
    assert ("داعش", "initiator") in actors


def test_members_struck_by_a_verb_before_them_are_still_its_target():
    [(_kind, _killed, actors)] = parties(
        "واستهدفت الغارات عناصر تنظيم داعش في قضاء مخمور شرق الموصل.")
    assert ("داعش", "target") in actors
