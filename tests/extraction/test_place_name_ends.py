"""Where an unseen place's name ends: a time word after it is when, a battlefield is no
place (data/places_stopwords.json name_stop, not_names). Sentences are invented."""
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
