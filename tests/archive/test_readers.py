"""Reading every input format, including broken ones: a bad record becomes an error
with its file and line, and reading goes on."""
import io
import json
import zipfile

import pytest

from archive.content_key import content_hash
from archive.services.readers import ReadError, Record, read_paths
from article_files.text import parse_date, strip_html

from .sentences import BOMB, CLASH, PROTEST, jsonl


def read(*paths):
    return list(read_paths(paths))


def records(items):
    return [i for i in items if isinstance(i, Record)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def test_it_reads_the_guidelines_jsonl_format(write):
    path = write("a.jsonl", jsonl(
        {"id": "x-1", "text": BOMB, "date": "2016-02-03", "title": "عنوان", "outlet": "وكالة"},
        {"id": "x-2", "text": CLASH, "date": None, "title": None, "outlet": None,
         "url": "https://example.org/a"},
    ))
    first, second = read(path)
    assert (first.external_id, first.title, first.outlet, str(first.published)) == (
        "x-1", "عنوان", "وكالة", "2016-02-03")
    assert first.text == BOMB and first.line == 1 and first.file == str(path)
    assert second.published is None and second.title == "" and second.url.endswith("/a")


def test_a_malformed_line_is_reported_with_its_line_and_reading_goes_on(write):
    content = jsonl({"text": BOMB}) + '{"text": "نص مقطوع\n' + jsonl({"text": CLASH})
    items = read(write("a.jsonl", content))
    assert [r.text for r in records(items)] == [BOMB, CLASH]
    [error] = errors(items)
    assert error.line == 2 and "malformed JSON" in error.message


def test_missing_and_empty_text_are_errors(write):
    items = read(write("a.jsonl", jsonl({"title": "بلا نص"}, {"text": "   "}, {"text": 5},
                                        ["not", "an", "object"])))
    messages = [e.message for e in errors(items)]
    assert len(messages) == 4
    assert "missing 'text'" in messages[0]
    assert "empty article" in messages[1]
    assert "must be a string" in messages[2]
    assert "JSON object" in messages[3]


def test_utf8_with_a_bom_is_read_without_the_bom(write):
    path = write("a.jsonl", "\ufeff" + jsonl({"text": BOMB}))
    [record] = read(path)
    assert record.text == BOMB
    [record] = read(write("b.txt", "\ufeff" + CLASH))
    assert record.text == CLASH


def test_windows_1256_files_are_decoded(write):
    [from_txt] = read(write("a.txt", PROTEST, encoding="cp1256"))
    [from_jsonl] = read(write("a.jsonl", jsonl({"text": CLASH}), encoding="cp1256"))
    [from_csv] = read(write("a.csv", "title,text\nعنوان," + BOMB + "\n", encoding="cp1256"))
    assert (from_txt.text, from_jsonl.text, from_csv.text, from_csv.title) == (
        PROTEST, CLASH, BOMB, "عنوان")


def test_a_binary_file_is_rejected_with_a_clear_message(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    for name in ("photo.txt", "photo.jsonl", "photo.csv"):
        [error] = read(write(name, png))
        assert "binary" in error.message


def test_utf16_gets_its_own_message(write):
    [error] = read(write("a.txt", BOMB, encoding="utf-16"))
    assert "UTF-16" in error.message


def test_html_is_reduced_to_its_text_and_scripts_never_survive(write):
    html = ("<div><p>" + BOMB + "</p><script>alert('x')</script>"
            "<img src=x onerror=\"alert(1)\"><p>قال &quot;المصدر&quot; &amp; أضاف</p></div>")
    [record] = read(write("a.jsonl", jsonl({"text": html, "title": "<b>عنوان</b> &amp; آخر"})))
    assert record.text == BOMB + '\nقال "المصدر" & أضاف'
    assert record.title == "عنوان & آخر"
    assert "<" not in record.text and "alert" not in record.text and "onerror" not in record.text


def test_plain_text_with_a_less_than_sign_is_left_alone():
    assert strip_html("قتل أقل من 5 < 6 أشخاص") == "قتل أقل من 5 < 6 أشخاص"


def test_dates_with_arabic_indic_digits_and_other_shapes_are_read():
    assert str(parse_date("٢٠١٦-٠٢-٠٣")) == "2016-02-03"
    assert str(parse_date("2016/2/3")) == "2016-02-03"
    assert str(parse_date("2016-02-03T10:00:00Z")) == "2016-02-03"
    assert str(parse_date("٠٣/٠٢/٢٠١٦")) == "2016-02-03"
    assert parse_date("") is None and parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date("2016-02-30")
    with pytest.raises(ValueError):
        parse_date("أمس")


def test_an_unreadable_date_keeps_the_article_with_a_warning(write):
    [record] = read(write("a.jsonl", jsonl({"text": BOMB, "date": "الأسبوع الماضي"})))
    assert record.published is None
    assert "stored without a publication date" in record.warnings[0]


def test_csv_headers_are_case_insensitive_and_accept_other_names(write):
    content = ('ID,Headline,Published,Source,TEXT,extra\n'
               'a1,عنوان,٢٠١٥-٠١-٠٢,وكالة,"' + BOMB + ', مع فاصلة",x\n')
    [record] = read(write("a.csv", content))
    assert (record.external_id, record.title, str(record.published), record.outlet) == (
        "a1", "عنوان", "2015-01-02", "وكالة")
    assert record.text == BOMB + ", مع فاصلة"


def test_a_csv_without_a_text_column_is_one_clear_error(write):
    [error] = read(write("a.csv", "title,date\nعنوان,2016-01-01\n"))
    assert "no 'text' column" in error.message and "title" in error.message


def test_a_txt_file_is_one_article_named_by_its_file(write):
    [record] = read(write("000_report.txt", "\n\n" + BOMB + "\r\n" + CLASH + "\n"))
    assert record.text == BOMB + "\n" + CLASH
    assert record.external_id == "000_report.txt" and record.title == ""
    [error] = read(write("empty.txt", " \n "))
    assert "empty article" in error.message


def test_folders_are_read_recursively_in_name_order(write, tmp_path):
    write("in/b.txt", CLASH)
    write("in/sub/c.jsonl", jsonl({"text": PROTEST}))
    write("in/a.txt", BOMB)
    write("in/.hidden.txt", "مخفي")
    items = read(tmp_path / "in")
    assert [r.text for r in records(items)] == [BOMB, CLASH, PROTEST]
    assert not errors(items)


def test_a_zip_is_read_and_its_bad_member_is_reported(write):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("one.txt", BOMB)
        archive.writestr("nested/two.jsonl", jsonl({"text": CLASH}, {"bad": 1}))
        archive.writestr("photo.png", b"\x89PNG")
        archive.writestr("three.csv", "text\n" + PROTEST + "\n")
    items = read(write("batch.zip", buffer.getvalue()))
    assert [r.text for r in records(items)] == [BOMB, CLASH, PROTEST]
    assert {(e.file.rsplit(":", 1)[1], e.line) for e in errors(items)} == {
        ("nested/two.jsonl", 2), ("photo.png", None)}
    assert "unsupported file type .png" in next(e.message for e in errors(items) if e.line is None)


def test_a_broken_zip_is_an_error_not_a_crash(write):
    [error] = read(write("broken.zip", b"PK\x03\x04 not really a zip"))
    assert "not a readable zip" in error.message


def test_a_too_large_record_is_refused_and_the_next_one_read(write, settings):
    settings.MARSAD_MAX_RECORD_BYTES = 2000
    huge = "كلمة " * 2000
    items = read(write("a.jsonl", jsonl({"text": BOMB}, {"text": huge}, {"text": CLASH})))
    assert [r.text for r in records(items)] == [BOMB, CLASH]
    [error] = errors(items)
    assert error.line == 2 and "larger than the limit" in error.message
    [error] = read(write("big.txt", huge))
    assert "larger than the limit" in error.message
    items = read(write("big.csv", "text\n" + BOMB + "\n\"" + huge + "\"\n"))
    assert [r.text for r in records(items)] == [BOMB]
    assert "larger than the limit" in errors(items)[0].message


def test_a_json_array_file_is_read_too(write):
    path = write("a.json", json.dumps([{"text": BOMB}, {"text": CLASH}], ensure_ascii=False))
    assert [r.text for r in read(path)] == [BOMB, CLASH]


def test_unknown_types_and_missing_paths_are_errors(write, tmp_path):
    [error] = read(write("notes.docx", b"PK"))
    assert "unsupported file type .docx" in error.message
    [error] = read(tmp_path / "nowhere")
    assert "no such file" in error.message


def test_the_content_key_ignores_spacing_composition_and_invisible_marks_only():
    assert content_hash("قتل  3\nأشخاص") == content_hash("قتل 3 أشخاص")
    assert content_hash("قتل 3 \u0627\u0654شخاص") == content_hash("قتل 3 أشخاص")  # NFC
    assert content_hash("قتل\u200f 3\u200c أشخاص") == content_hash("قتل 3 أشخاص")
    assert content_hash("قتل 3 اشخاص") != content_hash("قتل 3 أشخاص")  # spelling is text
    assert content_hash(BOMB) != content_hash(CLASH)
