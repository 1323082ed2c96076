"""Projectiles fired across a border («مقذوف»، «مقذوفات») are shelling; a projectile thrown
by hand (a rioter's, a fan's) is not; the office that reports them is no place. Sentences
invented for the tests."""
import datetime as dt

from extraction import extract
from extraction.normalise import fold
from extraction.places import find_places

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def events(text):
    return [e.to_json() for e in extract(text, PUBLISHED)]


def test_a_citizen_killed_by_a_projectile_on_his_house_is_shelling():
    [event] = events("استشهد مواطن صباح اليوم إثر سقوط مقذوف عسكري من خارج الحدود "
                     "على منزله في مدينة جازان.")
    assert event["type"] == "shelling"
    assert event["killed"]["best"] == 1
    assert event["place"]["name"] == "جازان"


def test_projectiles_that_wound_residents_are_shelling_with_their_wounded():
    [event] = events("أصيب أربعة مقيمين مساء أمس نتيجة سقوط مقذوفات على حي سكني "
                     "بمحافظة الخوبة.")
    assert event["type"] == "shelling"
    assert event["wounded"]["best"] == 4


def test_projectiles_thrown_at_the_police_by_a_crowd_are_no_shelling():
    found = events("تجمع نحو ألف شخص في ضاحية مرسيليا دعما للشاب المعتقل ثم بدأ بعض "
                   "الأشخاص في إلقاء المقذوفات على قوات الشرطة.")
    assert all(e["type"] != "shelling" for e in found)


def test_the_civil_defence_directorate_is_no_place():
    assert [m.ref.name for m in find_places(fold(
        "وقال متحدث مديرية الدفاع المدني إن الفرق باشرت البلاغ"))] == []


def test_the_afternoon_is_no_part_of_a_place_name():
    [event] = events("أصيب ثلاثة مواطنين بمحافظة القحمة عصر اليوم نتيجة سقوط مقذوفات "
                     "على حي سكني.")
    assert event["place"]["name"] == "القحمة"


def test_a_fine_for_throwing_projectiles_at_a_match_is_no_shelling():
    assert events("عقوبة ثلاث مباريات دون جمهور للنادي وخطية مالية من أجل رمي المقذوفات "
                  "وإصابة مسؤول من الفريق المنافس في بن عروس.") == []
