"""The one loader of the word lists: a declared schema per file, every key read by a
rule, and a clear error naming the file and the key otherwise."""
import json
import shutil

import pytest

import extraction.assemble  # noqa: F401  (imports every rule module: all reads declared)
from extraction import lexicons
from extraction.lexicons import SCHEMAS, LexiconError, read_file, validate


def _copy(tmp_path, name: str, edit) -> None:
    shutil.copy(lexicons.DATA / name, tmp_path / name)
    data = json.loads((tmp_path / name).read_text(encoding="utf-8"))
    edit(data)
    (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_data_file_loads_against_its_schema(name):
    assert read_file(name)


def test_every_key_of_every_schema_is_read_by_a_rule():
    for name, schema in SCHEMAS.items():
        assert set(schema) <= lexicons._READS.get(name, set()), name


def test_loading_fails_on_an_unknown_key(tmp_path):
    _copy(tmp_path, "triggers.json", lambda d: d.update(priority=["explosion"]))
    with pytest.raises(LexiconError, match="triggers.json: priority: unknown key"):
        read_file("triggers.json", tmp_path)


def test_loading_fails_on_a_key_no_rule_reads():
    schema = {"ago_units": "map", "ago_unit_counts": "map"}
    data = {"ago_units": {"يوم": 1}, "ago_unit_counts": {"قبل يوم": 1}}
    with pytest.raises(LexiconError, match="dates.json: ago_unit_counts: no rule reads"):
        validate("dates.json", data, schema, read={"ago_units"})


def test_declaring_a_read_of_a_key_outside_the_schema_fails():
    with pytest.raises(LexiconError, match="casualties.json: kiled_before: not in the"):
        lexicons.reads("casualties.json", "kiled_before")


def test_loading_fails_on_a_missing_key_and_on_a_value_of_the_wrong_kind(tmp_path):
    _copy(tmp_path, "dating.json", lambda d: d.pop("report_day"))
    with pytest.raises(LexiconError, match=r"dating.json: missing keys \['report_day'\]"):
        read_file("dating.json", tmp_path)
    _copy(tmp_path, "placing.json", lambda d: d.update(titles="مدير"))
    with pytest.raises(LexiconError, match="placing.json: titles: expected words"):
        read_file("placing.json", tmp_path)


def test_comments_are_keys_starting_with_an_underscore(tmp_path):
    _copy(tmp_path, "dating.json", lambda d: d.update(_note="any text"))
    assert read_file("dating.json", tmp_path)["report_day"]


def test_a_comment_in_a_table_file_is_not_an_entry(monkeypatch):
    table = {"_doc": "a comment", "iq": {"country": "العراق"}}
    monkeypatch.setattr(lexicons, "load", lambda name: table)
    assert dict(lexicons.Section("nationalities.json", ("*",))) == {"iq": table["iq"]}
