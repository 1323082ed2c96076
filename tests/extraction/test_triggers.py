import pytest

from extraction.normalise import fold
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
