"""An ally named only beside its partner (extraction/actor_partners.py)."""
from extraction.actors import find_actors
from extraction.arabic import fold


def names(sentence: str) -> list[str]:
    return [m.name for m in find_actors(fold(sentence))]


def test_saleh_after_the_houthis_and_and_is_his_forces():
    assert names("قصفت ميليشيات الحوثي وصالح أحياء مدينة تعز") == ["الحوثيون", "قوات صالح"]


def test_the_longest_name_of_the_ally_is_taken():
    [_houthis, saleh] = find_actors(fold("هاجم الحوثيون والرئيس المخلوع علي عبدالله صالح عدن"))
    assert saleh.surface == fold("الرئيس المخلوع علي عبدالله صالح")


def test_an_allys_followers_are_the_ally():
    assert names("تقدم الحوثيين وأتباع الرئيس المخلوع نحو لحج") == ["الحوثيون", "قوات صالح"]


def test_saleh_alone_is_a_common_word():
    assert names("قال صالح إن الوضع في صنعاء هادئ") == []
    assert names("صوت المجلس لصالح القرار بعد مقتل عشرة") == []


def test_saleh_after_another_actor_is_no_ally():
    assert names("قصفت قوات النظام السوري وصالح أحياء حلب") == ["قوات النظام السوري"]


def test_the_ally_must_follow_the_partner_without_a_break():
    assert names("هاجم عدن الحوثيون. وصالح في صنعاء") == ["الحوثيون"]


def test_an_ally_takes_its_partners_role():
    from extraction import extract

    [event] = extract("استهدفت المقاومة الشعبية بصواريخ الكاتيوشا مواقع ميليشيات الحوثي "
                      "وصالح بصواريخ الكاتيوشا في قاعدة العند بمحافظة لحج.")
    roles = {a.name: a.role for a in event.actors}
    assert roles["الحوثيون"] == roles["قوات صالح"] == "target"
