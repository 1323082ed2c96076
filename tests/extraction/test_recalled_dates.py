"""An incident recalled by its own date (issue 8, lesson 3; GUIDELINES: "earlier incidents
recalled as background — ones the article itself places well before the news"): the
date a trigger's clause gives it a few words on decides, not a cue word. Each case is
checked beside the same sentence dated as news. Sentences are invented."""
import datetime as dt

from extraction import extract

DAY = dt.date(2015, 8, 1)
LEAD = "أعلن وزير السياحة أن الفنادق في مدينة سوسة امتلأت بالزوار هذا الصيف. "
CALM = "قال مصدر أمني إن الوضع هادئ في المنطقة. "


def _events(text: str, day: dt.date = DAY):
    return extract(text, day)


def test_an_attack_dated_months_before_the_news_is_recalled():
    recalled = LEAD + ("وتتواصل الحجوزات إلى غاية يوم 13 من الشهر الحالي على الرغم من تعرض"
                       " مدينة سوسة لهجوم إرهابي نهاية شهر يونيو الماضي، ما خلف 20 قتيلا.")
    news = recalled.replace("نهاية شهر يونيو الماضي", "أمس")
    assert [e.killed.best for e in _events(news)] == [20]
    assert _events(recalled) == []


def test_the_toll_of_a_recalled_incident_joins_no_other():
    text = ("قتل ثلاثة جنود أمس بانفجار عبوة ناسفة في بلدة الشيخ زويد. وقال مصدر أمني إن التحقيق"
            " جار. وأعلن الرئيس أمس الحرب على"
            " التنظيم المتهم بالعملية الانتحارية التي وقعت في 20 يونيو الماضي في مدينة العريش"
            " وأدت إلى مقتل 32 شخصا.")
    assert [(e.place.name, e.killed.best) for e in _events(text)] == [("الشيخ زويد", 3)]


def test_news_told_before_a_recalled_incident_in_one_clause_is_kept():
    text = CALM + ("قتل ثلاثة جنود أمس في كمين نصبه مسلحون في بلدة الشيخ زويد مماثل للكمين الذي وقع"
            " في مارس الماضي.")
    assert [e.killed.best for e in _events(text)] == [3]


def test_the_lead_announcing_an_old_incident_is_the_news():
    lead = "أعلنت وزارة الدفاع اليوم أن قياديا في تنظيم القاعدة قتل في غارة جوية في سوريا."
    dated = lead + " وأوضحت أن الغارة التي جرت في 8 يوليو في بلدة سرمدا أدت إلى مقتله."
    assert [e.type for e in _events(lead, dt.date(2015, 7, 21))] == ["airstrike"]
    assert [e.type for e in _events(dated, dt.date(2015, 7, 21))] == ["airstrike"]
    assert _events("أعلنت وزارة الدفاع اليوم أن قياديا في تنظيم القاعدة قتل في غارة جوية"
                   " في سوريا في 8 يوليو.", dt.date(2015, 7, 21))


def test_a_date_after_since_measures_the_incident_and_is_not_its_day():
    text = CALM + ("شن مسلحون أمس أعنف هجوم منذ مارس الماضي على نقطة تفتيش في مدينة العريش ما أسفر"
            " عن مقتل خمسة جنود.")
    assert [e.killed.best for e in _events(text)] == [5]
