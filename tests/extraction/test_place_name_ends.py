"""Where a place name ends and which place it is: a time word after an unseen name is when,
a battlefield is no place (data/places_stopwords.json), a town is known under each of its
spellings (data/places). Sentences are invented."""
import pytest

from extraction.normalise import fold
from extraction.places import find_places


def _names(text: str) -> list[str]:
    return [m.ref.name for m in find_places(fold(text))]


@pytest.mark.parametrize("day", ["الخميس", "السبت", "الثلاثاء"])
def test_a_weekday_after_an_unseen_name_is_not_part_of_it(day):
    assert _names(f"أطلق مسلح النار على مركز للتجنيد في بلدة كوليرفيل {day} الماضي.") \
        == ["كوليرفيل"]


def test_a_weekday_that_is_the_name_itself_stays():
    assert _names("تظاهر العشرات أمام سوق الأحد في المدينة القديمة.")[0].endswith("الأحد")


@pytest.mark.parametrize("head", ["ساحة", "ميدان"])
def test_the_battlefield_is_no_place(head):
    assert _names(f"قتل ثلاثة جنود في {head} المعركة أمس.") == []


@pytest.mark.parametrize("written", ["سروج", "سوروج", "سوروتش"])
def test_a_town_is_found_under_each_spelling_the_press_gives_it(written):
    text = f"قتل 32 شخصا في تفجير انتحاري في {written} على الحدود مع سوريا."
    assert [m.ref.key for m in find_places(fold(text))][0] == "tr.sanliurfa.suruc"


@pytest.mark.parametrize("name, key", [
    ("الرقة", "sy.raqqa"), ("الرياض", "sa.riyadh"),  # not Kuwait's Riqqah, an Egyptian village
    ("تعز", "ye.taiz.taiz_city"),  # a governorate whose city has its own record: the city
])
def test_the_city_of_a_governorate_named_after_its_capital_is_that_capital(name, key):
    found = find_places(fold(f"وقع انفجار في مدينة {name} أمس."))
    assert [m.ref.key for m in found] == [key]


@pytest.mark.parametrize("text, key", [
    ("أصابت طائرات التحالف مستودعا للحوثيين في الرباط عند المدخل الشمالي لمدينة عدن.",
     "ye.lahij.tuban.rabat"),
    ("قال مسؤول مغربي في الرباط إن الحكومة ستعلن خطتها.", "ma.rabat"),
])
def test_a_name_two_countries_share_is_the_one_of_the_country_written_about(text, key):
    assert [m.ref.key for m in find_places(fold(text))][0] == key


@pytest.mark.parametrize("text", [
    "استهدف طيران التحالف مناطق على الحدود الشمالية لليمن أمس.",
    "تجددت الاشتباكات على الحدود الشمالية بين البلدين.",
    "شن المسلحون غارات على قرى في الحدود الشمالية والشرقية لنيجيريا.",
])
def test_a_countrys_northern_border_is_not_the_saudi_region_of_that_name(text):
    assert "sa.northern_borders" not in [m.ref.key for m in find_places(fold(text))]


def test_the_saudi_northern_borders_region_is_still_found():
    assert [m.ref.key for m in find_places(fold("وصل أمير منطقة الحدود الشمالية إلى عرعر."))][0] \
        == "sa.northern_borders"
