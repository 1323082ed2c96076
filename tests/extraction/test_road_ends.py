import datetime as dt

from extraction import extract
from extraction.arabic import fold
from extraction.places import find_places
from extraction.road_ends import off_the_road, road_ends

PUBLISHED = dt.date(2017, 5, 2)


def _names(places):
    return [p.ref.name for p in places]


def test_the_places_after_a_roads_link_word_are_its_ends():
    text = fold("أغلق محتجون الطريق الوطنية رقم 14 الرابطة بين قفصة وصفاقس")
    assert _names(road_ends(text, find_places(text))) == ["قفصة", "صفاقس"]


def test_a_second_pair_after_wa_bayn_is_a_road_too():
    text = fold("قصف الطيران جسورا تربط بين صنعاء ومأرب وبين عمران وصعدة")
    assert _names(road_ends(text, find_places(text))) == ["صنعاء", "مأرب", "عمران", "صعدة"]


def test_a_place_named_in_the_sentence_is_where_not_the_roads_ends():
    text = fold("أغلق محتجون الطريق الرابطة بين طبرقة وجندوبة على مستوى منطقة المريج")
    places = find_places(text)
    assert _names(off_the_road(places, road_ends(text, places))) == ["المريج"]


def test_the_province_a_road_runs_in_is_no_better_than_its_end():
    text = fold("تم غلق الطريق الرابط بين النفيضة وسيدي سعيدان بولاية سوسة")
    places = find_places(text)
    assert off_the_road(places, road_ends(text, places)) == []


def test_a_road_blocked_between_two_cities_is_one_protest_at_its_first_end():
    events = extract("قام محتجون بغلق الطريق الوطنية رقم 14 الرابطة بين قفصة وصفاقس احتجاجا "
                     "على البطالة اليوم.", PUBLISHED)
    assert [(e.type, e.place.name) for e in events] == [("protest", "قفصة")]


def test_a_list_of_towns_struck_is_still_one_strike_each():
    events = extract("شنت طائرات التحالف غارات على مدن الرقة ودير الزور اليوم.", PUBLISHED)
    assert [e.place.name for e in events] == ["الرقة", "دير الزور"]


def test_the_places_an_area_lies_between_are_told_like_a_roads_ends():
    text = fold("سيطرت القوات على مزيد من المناطق الواقعة بين مدينة عدن ومحافظة لحج")
    assert _names(road_ends(text, find_places(text))) == ["عدن", "لحج"]
