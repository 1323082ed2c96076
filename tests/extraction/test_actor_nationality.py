import datetime as dt

from extraction import extract
from extraction.actor_nationality import told_country
from extraction.arabic import fold

PUBLISHED = dt.date(2015, 7, 26)


def test_a_nationality_adjective_after_a_soldier_names_his_country():
    text = fold("قتل جنديان تركيان")
    assert told_country(text, text.index(" ", 5)) == {"tr": 1}


def test_no_adjective_no_country():
    text = fold("قتل جنديان في هجوم")
    assert told_country(text, text.index(" ", 5)) is None


def test_turkish_soldiers_killed_in_syria_are_turkish_forces_not_the_syrian_army():
    [event] = extract("قالت مصادر سورية إن جنديين تركيين قتلا في قصف مدفعي على بلدة حدودية "
                      "في ريف حلب اليوم.", PUBLISHED)
    assert "القوات التركية" in {a.name for a in event.actors}
    assert "قوات النظام السوري" not in {a.name for a in event.actors}
