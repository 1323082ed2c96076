"""The pipeline is a list of guarded stages over one Doc."""
import datetime as dt
import logging

from extraction import assemble, doc
from extraction.stages import read

TEXT = ("قتل خمسة جنود في انفجار عبوة ناسفة قرب مدينة الموصل أمس.\n"
        "وأسفر الانفجار عن إصابة ثلاثة آخرين.")
PUBLISHED = dt.date(2018, 7, 12)


def test_a_failing_stage_is_logged_and_the_article_keeps_the_rest(monkeypatch, caplog):
    def broken(d):
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(assemble, "STAGES", (read.read_stage, broken, *assemble.STAGES[2:]))
    with caplog.at_level(logging.ERROR, logger="extraction"):
        events = assemble.extract_events(TEXT, PUBLISHED)
    assert "broken failed" in caplog.text
    # merging failed: the two reports of the explosion stay two events, nothing is lost
    assert [(e.type, e.killed, e.wounded and e.wounded.best) for e in events][1:] == [
        ("explosion", None, 3)]
    assert events[0].killed.best == 5


def test_a_failing_finder_loses_only_what_it_finds(monkeypatch, caplog):
    def broken(text):
        raise RuntimeError("a bug in the place finder")

    monkeypatch.setattr(doc, "find_places", broken)
    with caplog.at_level(logging.ERROR, logger="extraction"):
        events = assemble.extract_events(TEXT, PUBLISHED)
    assert "broken failed" in caplog.text
    assert [(e.type, e.place, e.killed.best) for e in events] == [("explosion", None, 5)]


def test_the_stages_share_one_doc_in_order():
    d = assemble.run(doc.build_doc(TEXT, PUBLISHED))
    assert [s.text[:8] for s in d.segments] == ["قتل خمسه", "واسفر ال"]
    assert len(d.candidates) == 2  # the second sentence tells "الانفجار" again
    assert len(d.events) == 1 and d.events[0].mentions == [d.segments[1]]
    assert d.events[0].wounded.best == 3 and d.events[0].date.date == dt.date(2018, 7, 11)
