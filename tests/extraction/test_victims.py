import datetime as dt

import pytest

from extraction import extract

PUBLISHED = dt.date(2015, 7, 26)


def _roles(sentence: str) -> dict[str, str]:
    [event] = extract(sentence, PUBLISHED)
    return {a.name: a.role for a in event.actors}


@pytest.mark.parametrize(("sentence", "force"), [
    ("ذكرت تقارير أن جنديا تركيا قتل في إقليم ماردين حينما انفجر لغم أرضي في عربة عسكرية.",
     "القوات التركية"),
    ("لقي ما لا يقل عن 30 جنديا يمنيا مصرعهم في هجوم انتحاري في عدن اليوم.", "الجيش اليمني"),
    ("قتل جنديان عراقيان في تفجير عبوة ناسفة استهدفت عربتهم قرب الفلوجة.", "القوات العراقية"),
])
def test_soldiers_a_figure_counts_among_the_dead_are_the_target(sentence, force):
    assert _roles(sentence)[force] == "target"


def test_the_force_that_killed_the_counted_militants_stays_the_initiator():
    roles = _roles("قتل الجيش العراقي 10 مسلحين من داعش في اشتباكات في الرمادي اليوم.")
    assert roles["القوات العراقية"] == "initiator" and roles["داعش"] == "target"
