"""A capital told as its government is not where the incident happened
(extraction/capitals.py). Sentences invented for the tests."""
import datetime as dt

from extraction import extract

DAY = dt.date(2015, 8, 2)


def places(text: str) -> list[str]:
    return [e.place.name if e.place else None for e in extract(text, published=DAY)]


def test_a_capital_told_as_the_source_of_a_figure_is_not_the_place():
    assert places("وقتل ما لا يقل عن 260 مقاتلا كرديا في هذه الغارات بحسب أنقرة.") == [None]


def test_a_capital_as_the_subject_of_its_government_s_strikes_is_not_the_place():
    assert "أنقرة" not in places("وواصلت أنقرة أمس قصفها العنيف لمواقع حزب العمال "
                                 "الكردستاني في جبال قنديل.")


def test_a_capital_after_a_word_of_place_or_of_what_struck_it_is_the_place():
    assert places("قتل 3 أشخاص في انفجار وسط أنقرة أمس.") == ["أنقرة"]
    assert places("قتل 3 أشخاص أمس بتفجيرات أنقرة.") == ["أنقرة"]
    assert places("قتل 3 أشخاص في انفجار في مطار باريس أمس.") == ["باريس"]


def test_a_country_as_the_subject_of_a_verb_is_its_government_not_the_place():
    assert places("أبلغت تركيا الأمم المتحدة يوم الجمعة أنها بدأت في شن غارات جوية ضد"
                  " تنظيم داعش في سوريا.") == ["سوريا"]
    assert places("وشنت تركيا غارات جوية على مواقع حزب العمال الكردستاني في شمال العراق"
                  " أمس.") == ["العراق"]
    assert places("شهدت تركيا أمس سلسلة تفجيرات أسفرت عن مقتل 10 أشخاص.") == ["تركيا"]
