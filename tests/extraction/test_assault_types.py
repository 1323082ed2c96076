"""An assault on people who cannot fight back is an attack; on a checkpoint, a clash
(GUIDELINES). Sentences invented for the tests."""
import datetime as dt

from extraction import extract

PUBLISHED = dt.date(2019, 4, 11)


def types(text):
    return [e.type for e in extract(text, PUBLISHED)]


def test_an_assault_on_residents_is_an_attack():
    text = "هاجم مسلحو داعش السكان العائدين إلى منازلهم في قرية البوعيثة فقتلوا خمسة منهم."
    assert types(text) == ["attack"]


def test_an_assault_on_a_home_is_an_attack():
    text = "هاجم مستوطنون منزل عائلة فلسطينية في قرية دوما بالضفة الغربية فقتلوا طفلا."
    assert types(text) == ["attack"]


def test_an_assault_on_a_checkpoint_stays_a_clash():
    text = "هاجم مسلحو داعش نقطة تفتيش في قرية البوعيثة فقتلوا خمسة جنود."
    assert types(text) == ["armed_clash"]


def test_an_assault_on_travellers_copts_or_a_march_is_an_attack():
    for text in ("هاجم مسلحو بوكو حرام المسافرين على الطريق قرب داماتورو أمس فقتلوا 12 منهم.",
                 "هاجم مسلحون أقباطا على طريق صحراوي في محافظة أسيوط أمس فقتلوا خمسة منهم.",
                 "هاجم متطرف مسيرة في مدينة لاهور أمس مما أدى إلى مقتل شاب وجرح ثلاثة."):
        assert types(text) == ["attack"], text


def test_skirmishes_with_an_armed_group_are_a_clash():
    for text in ("دارت مناوشات أمس بين مسلحي الحوثيين وأبناء القبائل في مديرية قعطبة.",
                 "تجددت المناوشات أمس بين الجيش اليمني ومسلحي الحوثيين في مديرية قعطبة."):
        assert types(text) == ["armed_clash"], text


def test_skirmishes_between_protesters_and_the_police_stay_a_riot():
    text = ("اندلعت مناوشات أمس بين المحتجين والشرطة التونسية أمام مقر الولاية في مدينة "
            "قفصة.")
    assert types(text) == ["protest"]
