import pytest

from extraction.datafiles import check_unique, read_jsonl
from extraction.gazetteer import read_places


def test_it_names_the_file_and_line_of_a_broken_record(tmp_path):
    path = tmp_path / "xx.jsonl"
    path.write_text('{"key": "a"}\n\n{"key": \n', encoding="utf-8")
    rows = read_jsonl(path)
    assert next(rows) == ("xx.jsonl:1", {"key": "a"})
    with pytest.raises(ValueError, match=r"^xx\.jsonl:3: invalid JSON"):
        next(rows)


def test_a_second_definition_of_a_key_names_both_places():
    seen = {}
    check_unique("iq", "iq.jsonl:1", seen)
    with pytest.raises(ValueError, match=r"iq\.jsonl:9: duplicate key iq \(first at iq\.jsonl:1\)"):
        check_unique("iq", "iq.jsonl:9", seen)


def test_a_gazetteer_with_a_duplicated_place_does_not_load(tmp_path):
    line = '{"key": "zz", "name": "زد", "kind": "country", "parent": null}\n'
    (tmp_path / "zz.jsonl").write_text(line + line, encoding="utf-8")
    with pytest.raises(ValueError, match="zz.jsonl:2: duplicate key zz"):
        read_places(tmp_path)
