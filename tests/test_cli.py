"""The command line: the main paths work, and every error is one line and a non-zero exit."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "reportminer", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def assert_one_line_error(result, *fragments):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors, result.stderr
    assert all(len(line) < 300 for line in errors)
    for fragment in fragments:
        assert fragment in result.stderr


@pytest.fixture
def corpus_copy(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "corpus" / "articles" / "jinan-shizhong-2024.txt", corpus / "articles")
    (corpus / "manifest.csv").write_text(
        "doc_id,file,title,published,source,lang\n"
        "jinan-shizhong-2024,articles/jinan-shizhong-2024.txt,t,2024-01,s,zh\n", encoding="utf-8")
    return corpus


def test_extract_to_stdout(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("2025年，全市地区生产总值增长5.2%，新增城镇就业12.3万人。", encoding="utf-8")
    result = run("extract", str(article))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc_id,claim_id,lang,start,end,mention")
    assert len(lines) == 3 and "note:1" in lines[1] and "12.3万人" in lines[2]


def test_extract_writes_a_bom_csv(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("粮食产量超760亿斤。", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert run("extract", str(article), "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(out, encoding="utf-8-sig")["mention"].tolist() == ["760亿斤"]


def test_extract_reads_a_bom_article(tmp_path):
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbf" + "新建学校4所。".encode("utf-8"))
    result = run("extract", str(article))
    assert result.returncode == 0 and ",4所," in result.stdout


def test_missing_file_is_one_line_and_others_still_mined(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("新建学校4所。", encoding="utf-8")
    result = run("extract", str(tmp_path / "nope.txt"), str(good))
    assert_one_line_error(result, "nope.txt", "no such file")
    assert ",4所," in result.stdout


def test_a_short_file_of_unclear_encoding_names_the_guesses_and_encoding_reads_it(tmp_path):
    short = tmp_path / "gbk.txt"
    short.write_bytes("新建学校4所。".encode("gbk"))  # 14 bytes: GB18030 and Shift-JIS both decode them
    assert_one_line_error(run("extract", str(short)), "gbk.txt", "best guesses", "gb18030", "--encoding")
    result = run("extract", str(short), "--encoding", "gbk")
    assert result.returncode == 0 and ",4所," in result.stdout
    assert_one_line_error(run("extract", str(short), "--encoding", "utf-8"), "not valid utf-8 at byte offset 0")
    assert_one_line_error(run("extract", str(short), "--encoding", "klingon"), "unknown encoding")


def test_empty_article_gives_no_rows_and_a_warning(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run("extract", str(empty))
    assert result.returncode == 0
    assert "warning" in result.stderr and "empty" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_unwritable_output(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("新建学校4所。", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("extract", str(article), "-o", str(blocker / "facts.csv"))
    assert_one_line_error(result, "cannot write")


def test_run_and_evaluate_on_a_copy_of_the_corpus(corpus_copy, tmp_path):
    out = tmp_path / "out"
    result = run("run", "--corpus", str(corpus_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    facts = pd.read_csv(out / "facts.csv", encoding="utf-8-sig")
    assert (facts["doc_id"] == "jinan-shizhong-2024").sum() > 50
    gold = corpus_copy / "gold"
    gold.mkdir()
    shutil.copy(ROOT / "corpus" / "gold" / "jinan-shizhong-2024.csv", gold)
    result = run("evaluate", "--facts", str(out / "facts.csv"), "--gold", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    assert '"overall"' in result.stdout


def test_run_reports_a_broken_article_and_mines_the_rest(corpus_copy, tmp_path):
    (corpus_copy / "articles" / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 by its BOM, then half a surrogate pair
    with (corpus_copy / "manifest.csv").open("a", encoding="utf-8") as handle:
        handle.write("broken,articles/broken.txt,b,2024-01,s,zh\n")
    out = tmp_path / "out"
    result = run("run", "--corpus", str(corpus_copy), "--out", str(out))
    assert_one_line_error(result, "broken.txt")
    facts = pd.read_csv(out / "facts.csv", encoding="utf-8-sig")
    assert set(facts["doc_id"]) == {"jinan-shizhong-2024"}


def test_malformed_gold_is_one_line(tmp_path, corpus_copy):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "jinan-shizhong-2024.csv").write_text("start,end\n1,2\n", encoding="utf-8")
    out = tmp_path / "out"
    run("run", "--corpus", str(corpus_copy), "--out", str(out))
    result = run("evaluate", "--facts", str(out / "facts.csv"), "--gold", str(gold))
    assert_one_line_error(result, "missing column")


def test_missing_manifest_and_missing_facts(tmp_path):
    assert_one_line_error(run("run", "--corpus", str(tmp_path)), "manifest.csv")
    assert_one_line_error(run("evaluate", "--facts", str(tmp_path / "none.csv")), "none.csv")


def test_add_and_show(corpus_copy, tmp_path):
    article = tmp_path / "district.txt"
    article.write_text("时间：2025-03-01\n2024年，全区新增市场主体1.2万户。", encoding="utf-8")
    result = run("add", str(article), "--corpus", str(corpus_copy), "--title", "区情")
    assert result.returncode == 0, result.stderr
    assert (corpus_copy / "articles" / "district.txt").read_bytes() == article.read_bytes()
    assert "district,articles/district.txt,区情,2025-03-01" in (corpus_copy / "manifest.csv").read_text(encoding="utf-8")
    out = tmp_path / "out"
    assert run("run", "--corpus", str(corpus_copy), "--out", str(out)).returncode == 0
    shown = run("show", "district", "--facts", str(out / "facts.csv"))
    assert shown.returncode == 0 and "1.2万户" in shown.stdout
    assert_one_line_error(run("add", str(article), "--corpus", str(corpus_copy)), "already")


def test_add_with_a_region_records_it_and_the_table_reads_by_it(corpus_copy, tmp_path):
    """issue 8: `add --region` writes the region to the manifest; 元 of that article is then its currency."""
    article = tmp_path / "release.txt"
    article.write_text("今年全年的經濟預算為1200億元。", encoding="utf-8")
    result = run("add", str(article), "--corpus", str(corpus_copy), "--region", "TW", "--published", "2025-03")
    assert result.returncode == 0, result.stderr
    manifest = list(csv.DictReader((corpus_copy / "manifest.csv").open(encoding="utf-8")))
    assert [row["region"] for row in manifest if row["doc_id"] == "release"] == ["TW"]
    out = tmp_path / "out"
    assert run("run", "--corpus", str(corpus_copy), "--out", str(out)).returncode == 0
    rows = [r for r in csv.DictReader((out / "facts.csv").open(encoding="utf-8-sig")) if r["doc_id"] == "release"]
    assert [(r["mention"], r["std_unit"], r["region"]) for r in rows] == [("1200億元", "TWD", "TW")]


def test_extract_reads_the_date_from_a_news_header(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("城市更新跑出加速度\n\n2024-03-05 08:30 来源：某某日报\n\n今年，该区计划改造老旧小区40个以上。\n",
                       encoding="utf-8")
    result = run("extract", str(article))
    assert result.returncode == 0, result.stderr
    row = pd.read_csv(__import__("io").StringIO(result.stdout), dtype={"period": str}).iloc[0]
    assert (row["mention"], row["period"], row["status"]) == ("40个以上", "2024", "target")
