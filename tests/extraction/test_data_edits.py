"""The edits extraction/data/README.md tells a linguist to make each change the output.

Each test copies the extraction package, makes the edit to the copy's data and runs the
extractor of the copy in a fresh interpreter (the word lists are loaded once a process).
"""
import datetime as dt
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import extraction

PACKAGE = pathlib.Path(extraction.__file__).parent
PUBLISHED = dt.date(2018, 5, 10)
_RUN = """
import datetime as dt, json, sys
from extraction import extract
for text in json.loads(sys.stdin.read()):
    print(json.dumps([e.to_json() for e in extract(text, dt.date(2018, 5, 10))],
                     ensure_ascii=False))
"""


def _extract(root: pathlib.Path, texts: list[str]) -> list[list[dict]]:
    done = subprocess.run([sys.executable, "-c", _RUN], input=json.dumps(texts),
                          capture_output=True, text=True, cwd=root, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture
def copy(tmp_path) -> pathlib.Path:
    """A copy of the extraction package to edit; returns its data folder."""
    shutil.copytree(PACKAGE, tmp_path / "extraction",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "extraction" / "data"


def _edit_json(path: pathlib.Path, edit) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _append_line(path: pathlib.Path, record: dict) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_adding_a_trigger_makes_its_sentence_an_incident(copy):
    text = "أردى مسلحون رجلا في بلدة سراقب."
    assert extraction.extract(text, PUBLISHED) == []
    _edit_json(copy / "triggers.json", lambda d: d["strong"]["attack"].append("أردى"))
    (events,) = _extract(copy.parent.parent, [text])
    assert [(e["type"], e["place"]["name"]) for e in events] == [("attack", "سراقب")]


def test_adding_a_plan_cue_cancels_the_trigger_after_it(copy):
    text = "تتحضر القوات العراقية لاقتحام مدينة الرقة."
    assert extraction.extract(text, PUBLISHED) != []
    _edit_json(copy / "triggers.json", lambda d: d["negative"]["plan"].append("تتحضر"))
    assert _extract(copy.parent.parent, [text]) == [[]]


def test_adding_a_place_places_the_incident_there(copy):
    text = "قتل ثلاثة مدنيين في قصف على زرزور أمس."
    assert all(e.place is None or e.place.name != "زرزور"
               for e in extraction.extract(text, PUBLISHED))
    _append_line(copy / "places" / "sy.jsonl", {
        "key": "sy.idlib.zarzur", "name": "زرزور", "kind": "village", "parent": "sy.idlib",
        "name_en": "Zarzur", "lat": 35.9, "lon": 36.6, "aliases": ["قرية زرزور"]})
    (events,) = _extract(copy.parent.parent, [text])
    assert [(e["place"]["name"], e["place"]["admin"][-1]) for e in events] == [
        ("زرزور", "سوريا")]


def test_adding_an_actor_names_the_party(copy):
    text = "هاجم الصقور السود حاجزا للجيش في مدينة درعا وقتلوا جنديين."
    assert all(a.name != "الصقور السود" for e in extraction.extract(text, PUBLISHED)
               for a in e.actors)
    _append_line(copy / "actors.jsonl", {
        "key": "sy.black_hawks", "name": "الصقور السود", "kind": "armed_group",
        "name_en": "Black Hawks", "aliases": ["كتيبة الصقور السود"], "country": "sy"})
    (events,) = _extract(copy.parent.parent, [text])
    parties = {a["name"]: a["role"] for e in events for a in e["actors"]}
    assert parties.get("الصقور السود") == "initiator"
