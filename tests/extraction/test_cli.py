import gzip
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from extraction import VERSION, extract
from extraction.__main__ import main
from extraction.arabic import FOLD_VERSION
from extraction.ratchet import below_floor, measure_corpus


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


def test_the_ratchet_holds_nested_floors_and_section_ceilings():
    floor = {"crashes": 0, "events_per_100": {"sport": 5.0, "culture": 10.0}}
    assert below_floor({"crashes": 0, "events_per_100": {"sport": 4.9, "culture": 10.0}},
                       floor) == []
    failures = below_floor({"crashes": 1, "events_per_100": {"sport": 5.1, "culture": 3}}, floor)
    assert failures == ["crashes = 1 > 0", "events_per_100.sport = 5.1 > 5.0"]
    assert below_floor({"crashes": 0}, floor) == ["events_per_100.sport = None > 5.0",
                                                  "events_per_100.culture = None > 10.0"]


def test_the_ratchet_says_what_is_missing_instead_of_a_traceback(tmp_path, capsys):
    from extraction.ratchet import main

    assert main([str(tmp_path / "nowhere"), "--no-corpus"]) == 2
    err = capsys.readouterr().err
    assert "cannot measure" in err and "score.py" in err and "Traceback" not in err


def test_the_check_set_names_whole_outlets():
    from extraction.ratchet import check_outlets

    outlets = check_outlets()
    assert outlets and all(isinstance(o, str) and o for o in outlets)


BLAST = "قتل أربعة أشخاص في انفجار سيارة مفخخة وسط مدينة الرمادي صباح الأحد."
MEETING = "ناقش المجلس البلدي خطة تأهيل الطرق في الأحياء الشرقية."


def test_it_reads_what_ingest_reads_txt_csv_folders_and_zips(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "001_blast.txt").write_text(BLAST, encoding="utf-8")
    (folder / "more.csv").write_text(f"id,date,text\nc1,2019-03-03,{MEETING}\n",
                                     encoding="cp1256")
    with zipfile.ZipFile(tmp_path / "batch.zip", "w") as archive:
        archive.writestr("inside.txt", MEETING + " " + BLAST)
    samples = sorted((Path(__file__).resolve().parents[2] / "sample_data").glob("*.txt"))
    out = tmp_path / "out.jsonl"
    code = main([str(folder), str(tmp_path / "batch.zip"), str(samples[-1]), "-o", str(out)])
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0, capsys.readouterr().err
    assert [r["id"] for r in rows] == ["001_blast.txt", "c1", "batch.zip:inside.txt",
                                    samples[-1].name]
    assert rows[0]["events"][0]["killed"]["best"] == 4 and rows[1]["events"] == []
    assert rows[3]["events"]  # the shipped sample reports an incident


def test_an_extractor_failure_names_the_article_and_the_run_goes_on(tmp_path, capsys):
    articles = tmp_path / "a.jsonl"
    articles.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                for i, t in (("ok-1", BLAST), ("bad", MEETING), ("ok-2", BLAST))),
                        encoding="utf-8")

    def stumbles(text, published=None):
        if text == MEETING:
            raise ValueError("min() arg is an empty sequence")
        return extract(text, published)

    out = tmp_path / "out.jsonl"
    assert main([str(articles), "-o", str(out)], extractor=stumbles) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["ok-1", "bad", "ok-2"]
    assert rows[1] == {"id": "bad", "extractor_version": VERSION, "events": [],
                       "error": "ValueError: min() arg is an empty sequence"}
    assert rows[2]["events"]
    err = capsys.readouterr().err
    assert "article 'bad'" in err and "extraction failed: ValueError" in err


def test_the_extractor_and_its_readers_import_no_django():
    code = ("import sys, extraction.__main__, article_files; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip() == "[]"


def test_a_file_with_no_known_extension_is_read_as_json_lines(tmp_path):
    articles = tmp_path / "tmp.Xq81a"  # what mktemp names a file
    articles.write_text(json.dumps({"id": "k1", "text": BLAST}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(articles), "-o", str(out)]) == 0
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["id"] == "k1" and row["events"][0]["killed"]["best"] == 4


def _gz_lines(path, rows) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def test_the_corpus_figures_count_quiet_pages_by_label_and_by_address(tmp_path):
    clash = "اشتبكت قوات الجيش مع مسلحين من داعش في مدينة الموصل أمس ما أسفر عن مقتل ثلاثة."
    calm = "فاز الفريق على منافسه بهدفين في المباراة التي أقيمت أمس في الملعب البلدي."
    _gz_lines(tmp_path / "jawhara-fm.jsonl.gz", [
        {"id": "j1", "date": "2015-08-01", "text": clash, "section": "sport"},
        {"id": "j2", "date": "2015-08-01", "text": calm, "section": "sport"},
        {"id": "j3", "date": "2015-08-01", "text": clash, "section": "internationalNews"}])
    _gz_lines(tmp_path / "papers.jsonl.gz", [
        {"id": "p1", "date": "2015-08-01", "text": calm, "url": "http://x.sa/Sports/1"},
        {"id": "p2", "date": "2015-08-01", "text": clash, "url": "http://x.sa/Culture/2"},
        {"id": "p3", "date": "2015-08-01", "text": clash, "url": "http://x.sa/Politics/3"}])
    figures = measure_corpus(tmp_path, workers=1)
    assert figures["events_per_100"] == {"sport": 50.0}
    assert figures["others_per_100"] == {"sport": 0.0, "culture": 100.0}
    assert figures["crashes"] == 0
