"""Forces told by whom they are loyal to (extraction/actor_loyalty.py)."""
from extraction.actors import find_actors
from extraction.arabic import fold


def names(sentence: str) -> list[str]:
    return [m.name for m in find_actors(fold(sentence))]


def test_a_force_with_a_name_of_its_own_is_the_force_it_is_loyal_to():
    assert names("اندلعت معارك بين المتمردين الحوثيين ووحدات الحرس الخاص الموالية "
                 "للرئيس المخلوع في مديرية خمر بمحافظة عمران") == ["الحوثيون", "قوات صالح"]


def test_an_indefinite_force_is_the_force_it_is_loyal_to():
    assert names("تقدمت قوات موالية لهادي نحو مدينة الضالع اليمنية") == ["الجيش اليمني"]


def test_the_mention_spans_the_head_and_the_loyalty():
    [mention] = find_actors(fold("هاجم عناصر الحرس الموالون للمخلوع صالح موقعا في مأرب"))
    assert mention.surface == fold("عناصر الحرس الموالون للمخلوع")


def test_a_name_the_lexicon_knows_keeps_its_own_actor():
    assert names("قصفت ميليشيات الحوثي الموالية لإيران أحياء مدينة تعز") == ["الحوثيون"]


def test_a_national_force_needs_its_country_in_the_text():
    assert names("سيطرت قوات موالية للحكومة على بلدة قرب كابول") == []
    assert names("سيطرت قوات موالية للحكومة على بلدة قرب مدينة عدن") == ["الجيش اليمني"]


def test_loyalty_without_a_force_head_names_no_force():
    assert names("قال الشيخ الموالي للرئيس المخلوع إن الوضع هادئ في صنعاء") == []


def test_too_many_words_between_the_head_and_the_loyalty_name_no_force():
    assert names("قوات من أبناء القبائل في المنطقة الموالية للمخلوع في صنعاء") == []


def test_a_generic_word_for_gunmen_or_the_army_is_the_force_it_is_loyal_to():
    assert names("هاجم المسلحون الموالون للمخلوع مواقع في تعز") == ["قوات صالح"]
    assert names("حررت المقاومة المحافظات من المتمردين الحوثيين والجيش الموالي للمخلوع "
                 "صالح في عدن") == ["المقاومة الشعبية", "الحوثيون", "قوات صالح"]


def test_gunmen_loyal_to_no_known_force_stay_gunmen():
    assert names("هاجم المسلحون الموالون للشيخ مواقع الجيش في تعز")[0] == "مسلحون"
