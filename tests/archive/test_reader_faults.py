"""Reading faults found under test: invalid UTF-8, decompression and record-count bombs,
silently skipped files, one bad CSV row, over-long fields, bidi overrides."""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from archive.services.ingestion import ingest_paths
from archive.services.readers import ReadError, Record, read_paths

from .conftest import fake_extract
from .sentences import BOMB, CLASH, PROTEST, RAID, jsonl


def read(*paths):
    return list(read_paths(paths))


def records(items):
    return [i for i in items if isinstance(i, Record)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ROOT = Path(__file__).resolve().parents[2]
BAD_BYTE = b"\xff"
REPLACED = "1 byte not valid in the file's encoding replaced with \ufffd"


def test_one_bad_byte_in_a_utf8_file_is_replaced_not_turned_into_mojibake(write):
    text = BOMB.encode() + BAD_BYTE + CLASH.encode()
    [from_txt] = read(write("a.txt", text))
    assert from_txt.text == BOMB + "\ufffd" + CLASH
    assert from_txt.warnings == (REPLACED,)
    [first, second] = read(write("a.jsonl", jsonl({"text": PROTEST}).encode()
                                 + b'{"text": "' + RAID.encode() + BAD_BYTE + b'"}\n'))
    assert (first.text, first.warnings) == (PROTEST, ())
    assert (second.text, second.warnings) == (RAID + "\ufffd", (REPLACED,))


@pytest.mark.django_db
def test_the_batch_warns_about_replaced_bytes(write):
    path = write("a.txt", BOMB.encode() + BAD_BYTE)
    batch = ingest_paths(paths=[path], extractor=fake_extract)
    assert batch.n_new == 1
    assert [e["message"] for e in batch.errors] == [REPLACED]


def test_a_windows_1256_file_whose_first_lines_are_ascii_is_still_read_as_such(write):
    content = jsonl({"text": "English only"}) * 3000 + jsonl({"text": CLASH})
    items = read(write("a.jsonl", content, encoding="cp1256"))
    assert records(items)[-1].text == CLASH and not errors(items)


def test_a_zip_expanding_past_the_limit_stops_with_a_message(write, settings):
    settings.MARSAD_MAX_UNZIPPED_BYTES = 100_000
    blank = b"\n" * 300_000
    items = read(write("bomb.zip", zipped({"a.txt": BOMB.encode(), "big.jsonl": blank,
                                           "b.txt": CLASH.encode()})))
    assert [r.text for r in records(items)] == [BOMB, CLASH]
    [error] = errors(items)
    assert error.file.endswith(":big.jsonl") and error.message == (
        "expands to 300,000 bytes, which would take the zip past the 100,000 bytes it may "
        "expand to: not read (split the zip)")
    # members that each fit but together do not
    parts = {f"{n}.jsonl": jsonl({"text": f"{BOMB} {n}"}).encode() + b"\n" * 40_000
             for n in range(4)}
    items = read(write("many.zip", zipped(parts)))
    assert len(records(items)) == 2
    assert [e.file[-7:] for e in errors(items)] == ["2.jsonl", "3.jsonl"]


def test_a_file_of_too_many_lines_stops_with_a_message(write, settings):
    settings.MARSAD_MAX_RECORDS_PER_FILE = 1000
    items = read(write("a.jsonl", jsonl({"text": BOMB}) + "\n" * 5000 + jsonl({"text": CLASH})))
    assert [r.text for r in records(items)] == [BOMB]
    [error] = errors(items)
    assert error.line == 1001 and "more than 1,000 lines in one file" in error.message
    rows = read(write("a.csv", "text\n" + (BOMB + "\n") * 1500))
    assert len(records(rows)) == 1000 and "more than 1,000 rows" in errors(rows)[0].message


def test_links_and_pipes_are_reported_not_skipped(write, tmp_path):
    write("in/a.txt", BOMB)
    os.symlink(tmp_path / "gone.txt", tmp_path / "in" / "dangling.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    items = read(tmp_path / "in")
    assert [r.text for r in records(items)] == [BOMB]
    messages = {os.path.basename(e.file): e.message for e in errors(items)}
    assert messages == {"dangling.txt": "a broken link: its target does not exist",
                        "pipe.txt": "not a regular file (a pipe, socket or device)"}
    [error] = read(tmp_path / "in" / "dangling.txt")
    assert "broken link" in error.message


READ_AS_NOBODY = """
import os, sys
from article_files import read_paths
import encodings.utf_8_sig, encodings.cp1256  # noqa: E401 (loaded before losing access)
if os.geteuid() == 0:
    os.setgid(65534); os.setuid(65534)  # root reads every folder: read as nobody
for item in read_paths([sys.argv[1]]):
    print(type(item).__name__, os.path.basename(item.file), getattr(item, "message", ""))
"""


def test_an_unreadable_folder_is_reported_not_skipped():
    folder = Path(tempfile.mkdtemp(prefix="marsad-locked-"))
    try:
        folder.chmod(0o755)
        (folder / "a.txt").write_text(BOMB, encoding="utf-8")
        (folder / "locked").mkdir()
        (folder / "locked" / "b.txt").write_text(CLASH, encoding="utf-8")
        (folder / "locked").chmod(0)
        done = subprocess.run([sys.executable, "-c", READ_AS_NOBODY, str(folder)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    finally:
        (folder / "locked").chmod(0o755)
        shutil.rmtree(folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Record a.txt ", "ReadError locked cannot read this folder: Permission denied"]


def test_zip_members_named_with_backslashes_are_read(write):
    items = read(write("win.zip", zipped({"..\\report.txt": BOMB.encode(),
                                          "docs\\sub\\b.jsonl": jsonl({"text": CLASH}).encode()})))
    assert [r.text for r in records(items)] == [BOMB, CLASH]
    assert records(items)[1].file.endswith("win.zip:docs/sub/b.jsonl")


def test_one_bad_csv_row_fails_alone_and_the_rows_after_it_are_read(write, settings):
    settings.MARSAD_MAX_RECORD_BYTES = 2000
    huge = "كلمة " * 2000
    content = ("title,text\n" f"أ,{BOMB}\n" f'ب,"{huge}\n{huge}"\n' f"ج,{CLASH}\n").encode() \
        + "د,".encode() + PROTEST.encode() + BAD_BYTE + b"\n" + f'هـ,"{RAID}\nسطر ثان"\n'.encode()
    items = read(write("a.csv", content))
    assert [(r.title, r.line) for r in records(items)] == [("أ", 2), ("ج", 5), ("د", 6),
                                                          ("هـ", 7)]
    assert records(items)[2].text == PROTEST + "\ufffd"
    assert records(items)[3].text == RAID + "\nسطر ثان"
    [error] = errors(items)
    assert error.line == 3 and "larger than the limit of 2,000 bytes" in error.message


def test_an_overlong_title_is_cut_with_a_warning_and_an_overlong_url_dropped(write):
    [record] = read(write("a.jsonl", jsonl({"text": BOMB, "title": "ع" * 10_000,
                                           "url": "https://example.org/" + "a" * 10_000})))
    assert len(record.title) == 1000 and record.title.endswith("…")
    assert record.url == ""
    assert record.warnings == ("title of 10,000 characters cut to 1,000",
                               "url of 10,020 characters (over 2,000) dropped")


def test_bidi_overrides_are_removed_from_titles_and_text(write):
    [record] = read(write("a.jsonl", jsonl({"text": "\u202e" + BOMB + "\u2066",
                                           "title": "عنوان \u202dمقلوب\u202c"})))
    assert record.title == "عنوان مقلوب" and record.text == BOMB
