"""The gold workflow end to end on a new article: add → run → gold draft → verify → accept → evaluate;
and compare / indicators on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from reportminer.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "# 某县2025年经济运行情况\n\n"
    "2025年，全县地区生产总值达到286.5亿元，增长5.8%。城镇新增就业1.2万人，城镇调查失业率5.1%。"
    "全年新建农村公路45公里，改造老旧小区12个。\n\n"
    "2026年，全县地区生产总值预期增长6%左右，城镇新增就业1万人以上。\n"
)


@pytest.fixture
def corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "manifest.csv").write_text("doc_id,file,title,published,source,lang\n", encoding="utf-8")
    source = tmp_path / "mou-county-2026.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["add", str(source), "--corpus", str(corpus), "--title", "某县", "--published", "2026-01"]) == 0
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out")]) == 0
    return corpus


def _args(corpus: Path, *more: str) -> list[str]:
    return [*more, "--gold", str(corpus / "gold")]


def test_draft_verify_accept_evaluate(corpus, tmp_path, capsys):
    facts = tmp_path / "out" / "facts.csv"
    assert main(_args(corpus, "gold", "draft", "mou-county-2026", "--facts", str(facts))) == 0
    draft_file = corpus / "gold" / "drafts" / "mou-county-2026.csv"
    draft = pd.read_csv(draft_file, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(draft) >= 7 and set(draft["verified"]) == {""}

    # The annotator reads every row: all right but one, which is dropped as not a claim, and one
    # claim the extractor is taken to have missed is added (here: the row dropped, re-added by hand).
    draft["verified"] = "yes"
    draft.loc[0, "verified"] = ""
    draft.to_csv(draft_file, index=False, encoding="utf-8-sig")
    assert main(["gold", "accept", "mou-county-2026", "--corpus", str(corpus), "--gold", str(corpus / "gold")]) == 1
    assert "1 row(s) not verified (lines 2)" in capsys.readouterr().err

    draft.loc[0, "verified"] = "drop"
    draft.to_csv(draft_file, index=False, encoding="utf-8-sig")
    review = tmp_path / "review.html"
    assert main(["report", "--review", "mou-county-2026", "-o", str(review), "--facts", str(facts),
                 "--corpus", str(corpus), "--gold", str(corpus / "gold")]) == 0
    page = review.read_text(encoding="utf-8")
    assert f"{len(draft)} of {len(draft)} rows verified ({len(draft) - 1} yes, 1 drop)" in page

    assert main(["gold", "accept", "mou-county-2026", "--corpus", str(corpus), "--gold", str(corpus / "gold"),
                 "--by", "test annotator"]) == 0
    gold = pd.read_csv(corpus / "gold" / "mou-county-2026.csv", encoding="utf-8-sig", dtype=str)
    assert len(gold) == len(draft) - 1 and "verified" not in gold.columns
    assert not draft_file.exists()
    assert "mou-county-2026,0,,test annotator" in (corpus / "gold" / "manifest.csv").read_text(encoding="utf-8")

    capsys.readouterr()
    assert main(["evaluate", "--json", "--facts", str(facts), "--gold", str(corpus / "gold")]) == 0
    scores = json.loads(capsys.readouterr().out)["overall"]
    n = len(draft)
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (n - 1, n, n - 1)
    assert scores["recall"] == 1.0 and scores["precision"] == pytest.approx((n - 1) / n)


def test_accept_refuses_a_span_off_its_mention(corpus, tmp_path, capsys):
    facts = tmp_path / "out" / "facts.csv"
    assert main(_args(corpus, "gold", "draft", "mou-county-2026", "--facts", str(facts))) == 0
    draft_file = corpus / "gold" / "drafts" / "mou-county-2026.csv"
    draft = pd.read_csv(draft_file, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    draft["verified"] = "yes"
    draft.loc[1, "start"] = str(int(draft.loc[1, "start"]) + 1)
    draft.to_csv(draft_file, index=False, encoding="utf-8-sig")
    assert main(["gold", "accept", "mou-county-2026", "--corpus", str(corpus), "--gold", str(corpus / "gold")]) == 1
    assert "not the mention" in capsys.readouterr().err
    assert not (corpus / "gold" / "mou-county-2026.csv").exists()
    assert main(_args(corpus, "gold", "draft", "mou-county-2026", "--facts", str(facts))) == 1  # no overwrite
    assert "a draft exists" in capsys.readouterr().err


def test_compare_gives_each_reports_gdp_growth_target(tmp_path):
    out = tmp_path / "gdp.csv"
    assert main(["compare", "--indicator", "gdp_growth", "--period", "2026", "--status", "target",
                 "--facts", str(ROOT / "outputs" / "facts.csv"), "--corpus", str(ROOT / "corpus"), "-o", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    reports = {"beijing-2026", "shanghai-2026", "jiangsu-2026", "zhejiang-2026", "anhui-2026", "fujian-2026"}
    assert set(table["doc_id"]) == reports and table["doc_id"].is_unique
    assert (table["std_value"] == 5.0).all()
    ranges = table[table["qualifier"] == "range"]
    assert set(ranges["doc_id"]) == {"zhejiang-2026", "anhui-2026"} and (ranges["value_high"] == 5.5).all()
    assert table["title"].str.contains("政府工作报告").all()


def test_compare_pivot_and_listing(tmp_path, capsys):
    facts = str(ROOT / "outputs" / "facts.csv")
    assert main(["compare", "--indicator", "urban_new_jobs", "--pivot", "--facts", facts,
                 "--corpus", str(ROOT / "corpus")]) == 0
    wide = capsys.readouterr().out.splitlines()
    assert wide[0].startswith("doc_id,title,") and "2026 target" in wide[0]
    assert main(["indicators"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == "id,name_zh,name_en,measure,kind,category" and len(listing) > 150


def test_compare_errors_are_one_line(tmp_path, capsys):
    assert main(["compare", "--indicator", "no_such", "--facts", str(ROOT / "outputs" / "facts.csv")]) == 1
    assert "unknown indicator" in capsys.readouterr().err
    old = tmp_path / "old.csv"
    shutil.copy(ROOT / "outputs" / "facts.csv", old)
    frame = pd.read_csv(old, encoding="utf-8-sig").drop(columns=["indicator", "indicator_en"])
    frame.to_csv(old, index=False, encoding="utf-8-sig")
    assert main(["compare", "--indicator", "gdp", "--facts", str(old)]) == 1
    assert "no indicator column" in capsys.readouterr().err


def test_report_and_gold_errors_are_one_line(corpus, tmp_path, capsys):
    facts = str(tmp_path / "out" / "facts.csv")
    common = ["--facts", facts, "--corpus", str(corpus), "--gold", str(corpus / "gold")]
    assert main(["report", "no-such-doc", "-o", str(tmp_path / "r.html"), *common]) == 1
    assert "not in" in capsys.readouterr().err
    assert main(["report", "--review", "mou-county-2026", "-o", str(tmp_path / "r.html"), *common]) == 1
    assert "no draft" in capsys.readouterr().err
    assert main(["gold", "accept", "mou-county-2026", "--corpus", str(corpus), "--gold", str(corpus / "gold")]) == 1
    assert "no draft" in capsys.readouterr().err
    assert main(["gold", "draft", "no-such-doc", "--facts", facts, "--gold", str(corpus / "gold")]) == 1
    assert "no claims for doc_id" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
