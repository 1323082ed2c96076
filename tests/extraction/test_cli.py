import json
import subprocess
import sys

from extraction import VERSION
from extraction.__main__ import main
from extraction.arabic import FOLD_VERSION
from extraction.ratchet import below_floor


def test_it_prints_one_line_per_article_and_reports_bad_lines(tmp_path, capsys):
    articles = tmp_path / "a.jsonl"
    articles.write_text("\n".join([
        json.dumps({"id": "x1", "date": "2018-07-12", "text":
                    "قتل خمسة جنود في انفجار عبوة ناسفة قرب مدينة الموصل أمس."},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x2", "date": None, "text": "اجتمع الوزراء لبحث الميزانية."},
                   ensure_ascii=False),
        json.dumps({"id": "x3"}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main([str(articles), "-o", str(out)])
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert [r["id"] for r in rows] == ["x1", "x2"]
    assert rows[0]["events"][0]["killed"] == {"best": 5, "low": 5, "high": 5}
    assert rows[0]["events"][0]["date"] == "2018-07-11"
    assert rows[1]["events"] == []
    assert rows[0]["extractor_version"] == VERSION
    err = capsys.readouterr().err
    assert ":2:" in err and ":4:" in err


def test_it_runs_as_a_module_on_stdin():
    line = json.dumps({"id": 7, "text": "اشتباكات عنيفة في مدينة درعا أسفرت عن مقتل 3 مسلحين"},
                      ensure_ascii=False)
    done = subprocess.run([sys.executable, "-m", "extraction", "-"], input=line,
                          capture_output=True, text=True, check=True)
    row = json.loads(done.stdout)
    assert row["id"] == 7 and row["events"][0]["type"] == "armed_clash"


def test_the_version_names_the_rules_and_data():
    base, _, rest = VERSION.partition("+")
    digest, _, fold = rest.partition(".fold")
    assert base.count(".") == 2 and len(digest) == 10
    assert fold == FOLD_VERSION


def test_the_ratchet_fails_below_the_floor_and_above_the_negative_ceiling():
    floor = {"event_f1": 0.8, "events_on_negatives": 0}
    assert below_floor({"event_f1": 0.81, "events_on_negatives": 0}, floor) == []
    assert len(below_floor({"event_f1": 0.79, "events_on_negatives": 1}, floor)) == 2
    assert below_floor({"event_f1": None, "events_on_negatives": 0}, floor)
