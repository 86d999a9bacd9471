"""Safe input and output: unsafe ids, dates and gold are refused with one line and change nothing;
outputs are written in the format their name asks for, atomically, with the umask's mode, following
symlinks and never replacing a device; errors on stdout and odd consoles are one line."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from reportminer.cli import main
from reportminer.corpus import read_manifest

from . import formatsamples as samples

ROOT = Path(__file__).resolve().parent.parent
NOTE = "2024年，全区新增市场主体1.2万户，地区生产总值增长5.5%。\n"


def snapshot(root: Path) -> dict[str, str]:
    """Every file and link under ``root`` with a digest of its content: what a command may not change."""
    state = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            state[key] = "-> " + os.readlink(path)
        elif path.is_file():
            state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            state[key] = "dir"
    return state


def cli(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def one_line_error(status: int, err: str, *fragments: str) -> None:
    assert status != 0
    lines = [line for line in err.splitlines() if "error:" in line]
    assert len(lines) == 1 and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def corpus(tmp_path) -> Path:
    corpus = tmp_path / "work" / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "manifest.csv").write_text("doc_id,file,title,published,source,lang\n", encoding="utf-8")
    return corpus


@pytest.fixture
def note(tmp_path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


# --- add -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("doc_id", ["../../evil", "a/b", ".hidden", "x..y", "/abs", ""])
def test_an_unsafe_doc_id_is_refused_and_nothing_changes(capsys, tmp_path, corpus, note, doc_id):
    before = snapshot(tmp_path)
    status, _, err = cli(capsys, "add", note, "--corpus", corpus, "--doc-id", doc_id or " ")
    one_line_error(status, err, "not a slug")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("date", ["March 2025", "2025-3-5", "2025-13", "2025/02/30", "25-03-05"])
def test_a_date_in_no_accepted_form_is_refused_with_the_forms(capsys, tmp_path, corpus, note, date):
    before = snapshot(tmp_path)
    status, _, err = cli(capsys, "add", note, "--corpus", corpus, "--published", date)
    one_line_error(status, err, "2025年3月5日")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("date, iso", [("2025", "2025"), ("2025-03", "2025-03"), ("2025/3/5", "2025-03-05"),
                                       ("2025年3月5日", "2025-03-05"), ("2025-03-05", "2025-03-05")])
def test_accepted_dates_are_stored_in_iso_form(capsys, corpus, note, date, iso):
    status, _, err = cli(capsys, "add", note, "--corpus", corpus, "--published", date)
    assert status == 0, err
    assert read_manifest(corpus)[0].published == iso


def test_add_stores_utf8_text_records_the_original_and_prints_what_it_read(capsys, tmp_path, corpus):
    page = tmp_path / "区情 2024.html"
    dated = '<meta property="article:published_time" content="2024-01-15T08:00:00+08:00"><title>'
    page.write_bytes(samples.html_page(NOTE).replace('charset="utf-8"', 'charset="gb18030"')
                     .replace("<title>", dated).encode("gb18030"))
    status, out, err = cli(capsys, "add", page, "--corpus", corpus)
    assert status == 0, err
    assert "added 区情-2024" in out and "format html" in out and "encoding gb18030" in out
    assert f"{len(NOTE.strip())} characters" in out and "2 claims" in out
    stored = (corpus / "articles" / "区情-2024.txt").read_text(encoding="utf-8")
    assert stored == NOTE.strip()
    row = pd.read_csv(corpus / "manifest.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (row["original"], row["format"], row["original_encoding"]) == ("区情 2024.html", "html", "gb18030")
    assert row["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert (row["title"], row["published"]) == ("市中区跑出发展加速度", "2024-01-15")  # the page's own


def test_duplicates_and_id_collisions_are_refused_unless_replace(capsys, tmp_path, corpus, note):
    assert cli(capsys, "add", note, "--corpus", corpus)[0] == 0
    copy = tmp_path / "copy.txt"
    copy.write_bytes(NOTE.encode("utf-16"))  # same text, other bytes: still a duplicate
    other = tmp_path / "other.txt"
    other.write_text("2023年，新建学校4所。", encoding="utf-8")
    before = snapshot(tmp_path)
    status, _, err = cli(capsys, "add", copy, "--corpus", corpus)
    one_line_error(status, err, "the same text as doc_id 'note'", "--replace")
    status, _, err = cli(capsys, "add", other, "--corpus", corpus, "--doc-id", "note")
    one_line_error(status, err, "doc_id 'note' is already in the corpus")
    assert snapshot(tmp_path) == before
    status, out, err = cli(capsys, "add", copy, "--corpus", corpus, "--replace")
    assert status == 0 and "replacing note" in out, err
    assert [e.doc_id for e in read_manifest(corpus)] == ["copy"]
    assert sorted(p.name for p in (corpus / "articles").iterdir()) == ["copy.txt"]


def test_stdin_is_read_with_dash(capsys, monkeypatch, corpus):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOTE.encode("gb18030"))))
    status, out, err = cli(capsys, "extract", "-")
    assert status == 0 and "stdin:1" in out and "1.2万户" in out, err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NOTE.encode("utf-16"))))
    status, out, err = cli(capsys, "add", "-", "--corpus", corpus, "--doc-id", "pasted")
    assert status == 0 and "added pasted" in out and "encoding utf-16" in out, err


# --- outputs -------------------------------------------------------------------------------------

def test_output_format_follows_the_extension(capsys, tmp_path, note):
    for name in ("facts.csv", "facts.jsonl", "facts.parquet", "facts.xlsx"):
        status, _, err = cli(capsys, "extract", note, "-o", tmp_path / name)
        assert status == 0, err
    csv_rows = pd.read_csv(tmp_path / "facts.csv", encoding="utf-8-sig")
    assert (tmp_path / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    jsonl = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    parquet = pd.read_parquet(tmp_path / "facts.parquet")
    xlsx = pd.read_excel(tmp_path / "facts.xlsx", engine="openpyxl")
    assert (tmp_path / "facts.xlsx").read_bytes().startswith(b"PK\x03\x04")
    for table in (pd.DataFrame(jsonl), parquet, xlsx):
        assert table["mention"].tolist() == csv_rows["mention"].tolist() == ["1.2万户", "5.5%"]
        assert list(table.columns[-3:]) == ["title", "published", "source"]


def test_an_unknown_extension_is_refused_before_any_work(capsys, tmp_path, note):
    before = snapshot(tmp_path)
    status, _, err = cli(capsys, "extract", note, "-o", tmp_path / "facts.xls")
    one_line_error(status, err, "unknown output extension", ".xlsx")
    assert snapshot(tmp_path) == before
    status, _, err = cli(capsys, "extract", note, "-o", tmp_path / "facts.txt", "--format", "jsonl")
    assert status == 0 and json.loads((tmp_path / "facts.txt").read_text().splitlines()[0])["mention"] == "1.2万户"


def test_a_symlink_is_followed_not_replaced(capsys, tmp_path, note):
    target = tmp_path / "real" / "facts.csv"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "facts.csv"
    link.symlink_to(target)
    assert cli(capsys, "extract", note, "-o", link)[0] == 0
    assert link.is_symlink() and "1.2万户" in target.read_text(encoding="utf-8-sig")


def test_a_device_is_written_to_not_replaced(capsys, tmp_path, note):
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full")
    status, _, err = cli(capsys, "extract", note, "-o", full)
    one_line_error(status, err, "/dev/full", "cannot write")
    assert stat.S_ISCHR(full.stat().st_mode)
    status, _, err = cli(capsys, "extract", note, "-o", "/dev/null")
    assert status == 0 and stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_pipe_is_written_to_not_replaced(capsys, tmp_path, note):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    status, _, err = cli(capsys, "extract", note, "-o", fifo)  # no extension: a pipe gets CSV
    reader.join(timeout=60)
    assert status == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and "1.2万户" in received[0].decode("utf-8-sig")


def test_a_directory_target_is_refused(capsys, tmp_path, note):
    (tmp_path / "out.csv").mkdir()
    status, _, err = cli(capsys, "extract", note, "-o", tmp_path / "out.csv")
    one_line_error(status, err, "is a directory")


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_mode_the_umask_gives(capsys, tmp_path, note, umask, mode):
    old = os.umask(umask)
    try:
        assert cli(capsys, "extract", note, "-o", tmp_path / "facts.csv")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "facts.csv").stat().st_mode) == mode


# --- one-line errors -----------------------------------------------------------------------------

def test_show_on_a_malformed_facts_file(capsys, tmp_path):
    bad = tmp_path / "facts.csv"
    for content in (b"\xff\xfe\x00garbage", b"a,b\n1,2\n", b"", b'doc_id,mention\n"unclosed,1\n'):
        bad.write_bytes(content)
        status, _, err = cli(capsys, "show", "x", "--facts", bad)
        one_line_error(status, err, str(bad))


def run_cli(*args, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "reportminer", *map(str, args)], capture_output=True,
                          timeout=120, env=env, **kwargs)


def test_a_write_error_on_stdout_is_one_line(note):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "reportminer", "extract", str(note)], stdout=full,
                                stderr=subprocess.PIPE, timeout=120)
    err = result.stderr.decode("utf-8")
    assert result.returncode != 0 and "Traceback" not in err and "Exception ignored" not in err
    assert len(err.strip().splitlines()) == 1 and "cannot write" in err


def test_output_is_utf8_whatever_the_console_encoding(note):
    env = dict(os.environ, PYTHONIOENCODING="latin-1", LC_ALL="C", LANG="C", PYTHONUTF8="0")
    result = run_cli("extract", note, note.parent / "缺失.txt", env=env)  # one good file, one missing
    assert result.returncode != 0 and b"Traceback" not in result.stderr
    assert "1.2万户" in result.stdout.decode("utf-8")
    assert "缺失.txt: no such file" in result.stderr.decode("utf-8")


# --- gold ----------------------------------------------------------------------------------------

@pytest.fixture
def gold_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    shutil.copy(samples.SEED, corpus / "articles")
    shutil.copy(ROOT / "corpus" / "gold" / "jinan-shizhong-2024.csv", corpus / "gold")
    (corpus / "manifest.csv").write_text("doc_id,file,title,published,source,lang\njinan-shizhong-2024,"
                                         "articles/jinan-shizhong-2024.txt,t,2024-01,s,zh\n", encoding="utf-8")
    return corpus


def test_gold_check_passes_the_shipped_gold(capsys):
    status, out, err = cli(capsys, "gold", "check", "--gold", ROOT / "corpus" / "gold")
    assert status == 0 and out == "" and "0 problem(s)" in err


def test_gold_check_names_file_and_line_of_every_problem(capsys, gold_corpus):
    gold = gold_corpus / "gold" / "jinan-shizhong-2024.csv"
    rows = pd.read_csv(gold, dtype=str, keep_default_na=False)
    rows.loc[0, "start"] = str(int(rows.loc[0, "start"]) + 1)  # offsets that do not match the mention
    rows.loc[2, "kind"] = "moneys"
    rows.loc[3, "status"] = "planned"
    rows.loc[4, "std_value"] = "lots"
    rows.loc[6, "period"] = "2023-Q3"  # (a quarter is written as its months)
    rows = pd.concat([rows, rows.iloc[[5]]])  # a repeated row: out of order and overlapping
    rows.to_csv(gold, index=False)
    status, out, err = cli(capsys, "gold", "check", "--gold", gold_corpus / "gold")
    assert status != 0
    lines = out.splitlines()
    for line, fragment in ((2, "not the mention"), (4, "kind 'moneys'"), (5, "status 'planned'"),
                           (6, "std_value 'lots'"), (8, "period '2023-Q3'"), (len(rows) + 1, "before the row above")):
        assert any(l.startswith(f"{gold}:{line}: ") and fragment in l for l in lines), (line, fragment)
    status, _, err = cli(capsys, "evaluate", "--facts", ROOT / "outputs" / "facts.csv", "--gold", gold_corpus / "gold")
    one_line_error(status, err, "problem(s) in the gold files", f"{gold}:2:")


def test_evaluate_refuses_gold_whose_offsets_miss_but_whose_mentions_match(capsys, gold_corpus):
    gold = gold_corpus / "gold" / "jinan-shizhong-2024.csv"
    rows = pd.read_csv(gold, dtype=str, keep_default_na=False)
    rows["start"] = (rows["start"].astype(int) + 3).astype(str)  # every span shifted: once scored 1.000
    rows["end"] = (rows["end"].astype(int) + 3).astype(str)
    rows.to_csv(gold, index=False)
    facts = ROOT / "outputs" / "facts.csv"
    status, out, err = cli(capsys, "evaluate", "--facts", facts, "--gold", gold_corpus / "gold")
    one_line_error(status, err, "not the mention")
    assert out == ""


def test_a_manifest_with_an_unreadable_date_or_unsafe_id_names_its_line(capsys, corpus, tmp_path):
    for row, fragment in (("a,articles/a.txt,t,March 2025,s,zh", "accepted form"),
                          ("../a,articles/a.txt,t,2025,s,zh", "not a slug"),
                          # (an unquoted comma in source once shifted "lang" to a phrase: the text went unread)
                          ("a,articles/a.txt,t,2025,a page (copied whole, no date),zh", "more fields than the header")):
        (corpus / "manifest.csv").write_text(f"doc_id,file,title,published,source,lang\n{row}\n", encoding="utf-8")
        status, _, err = cli(capsys, "run", "--corpus", corpus, "--out", tmp_path / "out")
        one_line_error(status, err, "manifest.csv: line 2", fragment)
    assert not (tmp_path / "out").exists()


def test_run_writes_the_format_asked_for(capsys, corpus, note, tmp_path):
    assert cli(capsys, "add", note, "--corpus", corpus, "--title", "区情", "--source", "某日报")[0] == 0
    status, out, err = cli(capsys, "run", "--corpus", corpus, "--out", tmp_path / "out", "--format", "jsonl")
    assert status == 0 and "facts.jsonl" in out, err
    first = json.loads((tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()[0])
    about = (first["mention"], first["title"], first["source"], first["published"])
    assert about == ("1.2万户", "区情", "某日报", "")
