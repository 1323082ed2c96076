"""An opinion column reports no incident (extraction/genre.py): no reporting word, and
the writer's «we» or questions. Each column is checked beside news with the same
incident. Texts are invented."""
import datetime as dt

from extraction import extract
from extraction.arabic import fold
from extraction.genre import column as _column

DAY = dt.date(2015, 8, 8)
INCIDENT = "فجر انتحاري نفسه في مسجد قوات الطوارئ في مدينة أبها أمس ما أسفر عن مقتل 15 شخصا."
COLUMN = ("كنا نظن أن الإرهاب انتهى. " + INCIDENT + " فأي دين هذا الذي يقتل المصلين؟"
          " علينا أن نحمي شبابنا من هذا الفكر، وأن نسأل: من يقف وراءهم؟")


def column(text: str) -> bool:
    return _column(fold(text))


def test_a_column_recalling_an_attack_codes_no_event():
    assert column(COLUMN)
    assert extract(COLUMN, DAY) == []


def test_the_same_attack_told_as_news_is_an_event():
    news = "أعلنت وزارة الداخلية أن " + INCIDENT
    assert not column(news)
    assert [e.killed.best for e in extract(news, DAY)] == [15]


def test_a_wire_item_with_no_reporting_word_is_still_news():
    assert not column(INCIDENT)
    assert [e.killed.best for e in extract(INCIDENT, DAY)] == [15]


def test_a_speaker_quoted_saying_we_is_news():
    quoted = INCIDENT + " وقال قائد المنطقة: «علينا أن نحمي بلادنا، ونحن مستعدون لذلك»."
    assert not column(quoted)


def test_a_participle_of_reporting_reports_too():
    reported = INCIDENT + " ونقل المحافظ التعازي، مؤكدا أن بلادنا ستبقى آمنة وأن علينا الصبر."
    assert not column(reported)
    assert extract(reported, DAY)
