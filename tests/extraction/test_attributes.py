"""Attributes of found events: which parties, which place, which day (invented sentences)."""
import datetime as dt

from extraction import extract
from extraction.actors import find_actors
from extraction.arabic import fold

PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def names(sentence: str) -> list[str]:
    return [m.name for m in find_actors(fold(sentence))]


def test_a_military_adjective_describes_the_word_before_it():
    assert names("استهدفت غارة رتلا عسكريا قرب بغداد") == []
    assert names("هاجم مسلحون يرتدون زيا عسكريا قرية قرب بغداد") == ["مسلحون"]
    assert names("قال مستشارين عسكريين في بغداد") == []


def test_a_military_noun_after_a_number_or_a_verb_is_the_army():
    assert names("قتل 12 عسكريا في هجوم قرب بغداد") == ["القوات العراقية"]
    assert names("قتل ثلاثين عسكريا في هجوم قرب بغداد") == ["القوات العراقية"]


def test_the_author_of_a_report_is_not_a_party():
    text = ("قتل خمسة أشخاص في انفجار في مدينة بيشاور الباكستانية، "
            "ورجح تقرير للشرطة أن الهجوم نفذه انتحاري.")
    assert all("الشرطة" not in a.name for e in extract(text, PUBLISHED) for a in e.actors)



def test_today_followed_by_a_weekday_is_that_weekday():
    # a paper printed on Thursday carrying a wire story of Tuesday
    text = ("سيطرت القوات الحكومية اليوم الثلاثاء على قرية في محافظة الأنبار غربي العراق "
            "بعد اشتباكات مع مسلحي تنظيم داعش.")
    e = extract(text, PUBLISHED)[0]
    assert e.date is not None and e.date.date == dt.date(2019, 4, 9)


def test_hours_ago_is_the_day_of_the_report():
    text = ("قتل مزارع بقصف مدفعي إسرائيلي شرق مدينة خان يونس جنوب قطاع غزة، قبل ساعات "
            "من مسيرة مرتقبة.")
    e = extract(text, PUBLISHED)[0]
    assert e.date is not None and e.date.date == PUBLISHED


def test_the_day_of_a_statement_gives_way_to_the_incidents_day():
    text = ("أكد الجيش العراقي في بيان الأربعاء مقتل عشرة من مسلحي تنظيم داعش في غارة جوية "
            "على مخبأ لهم قرب مدينة الموصل في الثامن من أبريل الجاري.")
    e = extract(text, PUBLISHED)[0]
    assert e.date is not None and e.date.date == dt.date(2019, 4, 8)



def test_two_parties_joined_by_and_are_two_parties():
    assert names("اشتباكات بين الحوثيين وقوات صالح") == ["الحوثيون", "قوات صالح"]
    assert names("هاجمت القوات الموالية للرئيس اليمني السابق مواقع") == ["قوات صالح"]


def test_a_town_named_like_a_common_word_needs_a_head_word():
    from extraction.places import find_places
    assert not [p for p in find_places(fold("أعلن الحراك في بيان مقتضب")) if p.name == "الحراك"]


def test_the_group_a_party_belongs_to_is_not_a_party():
    text = ("هاجم مسلحو جبهة النصرة التابعة لتنظيم القاعدة قرية في ريف إدلب وقتلوا خمسة "
            "مدنيين.")
    names_ = {a.name for e in extract(text, PUBLISHED) for a in e.actors}
    assert "القاعدة" not in names_ and names_


def test_the_force_a_unit_belongs_to_is_a_party():
    text = "قصفت مقاتلات الأباتشي التابعة للتحالف العربي مواقع في الحديدة وقتلت 10 مسلحين."
    names_ = {a.name for e in extract(text, PUBLISHED) for a in e.actors}
    assert "التحالف العربي" in names_


def test_a_countrys_security_units_are_its_security_forces():
    assert names("اشتبكت الوحدات الأمنية مع مسلحين في مدينة بن قردان التونسية") == [
        "قوات الأمن التونسية", "مسلحون"]


def _places(text: str) -> list[str]:
    return [e.place.name for e in extract(text, PUBLISHED) if e.place is not None]


def test_a_name_after_a_naming_word_is_a_person_not_a_place():
    text = "أعدم مسلحو تنظيم داعش شابا يدعى حماة في قرية قرب الموصل."
    assert "حماة" not in _places(text)
    assert "حماة" in _places("قصفت طائرات التحالف منطقة تدعى حماة وقتلت 5 مسلحين.")


def test_where_a_speaker_spoke_is_not_where_it_happened():
    text = "وقال محافظ نينوى في تصريح من أربيل إن مسلحي داعش قتلوا خمسة مدنيين."
    assert "أربيل" not in _places(text)


def test_an_undated_article_resolves_its_weekdays_on_its_latest_written_day():
    text = ("قتل خمسة أشخاص الثلاثاء في غارة جوية على قرية قرب مدينة الموصل شمالي العراق. "
            "وكانت القوات العراقية قد أعلنت في 10 أبريل 2019 بدء عملية عسكرية في المنطقة.")
    [e] = extract(text, None)
    assert e.date is not None and e.date.date == dt.date(2019, 4, 9)


def test_an_undated_article_without_a_written_day_keeps_its_days_unresolved():
    text = "قتل خمسة أشخاص الثلاثاء في غارة جوية على قرية قرب مدينة الموصل شمالي العراق."
    [e] = extract(text, None)
    assert e.date is None or e.date.date is None
