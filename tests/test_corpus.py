"""Invariants over every article of the corpus, and the gold thresholds of the core issue."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportminer.evaluate import FIELDS, evaluate, overall
from reportminer.table import SCHEMA_COLUMNS

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def test_every_span_points_into_its_article(corpus_documents, corpus_facts):
    assert len(corpus_facts) > 1000
    for row in corpus_facts.itertuples():
        text = corpus_documents[row.doc_id].text
        assert text[row.start : row.end] == row.mention, row.claim_id


def test_rows_are_sorted_and_do_not_overlap(corpus_facts):
    for doc_id, rows in corpus_facts.groupby("doc_id"):
        spans = list(zip(rows["start"], rows["end"]))
        assert spans == sorted(spans), doc_id
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), doc_id


def test_schema_columns_come_first_in_order(corpus_facts):
    assert list(corpus_facts.columns[: len(SCHEMA_COLUMNS)]) == SCHEMA_COLUMNS


def test_claim_ids_number_the_rows_of_each_document(corpus_facts):
    for doc_id, rows in corpus_facts.groupby("doc_id"):
        assert list(rows["claim_id"]) == [f"{doc_id}:{n}" for n in range(1, len(rows) + 1)]


def test_enumerated_fields_hold_only_allowed_values(corpus_facts):
    assert set(corpus_facts["kind"]) <= {"money", "count", "area", "length", "volume", "mass", "energy", "power",
                                         "percent", "percentage_point", "duration", "rank", "other"}
    assert set(corpus_facts["qualifier"]) <= {"exact", "approx", "over", "under", "range"}
    assert set(corpus_facts["change"].fillna("")) <= {"", "increase", "decrease"}
    assert set(corpus_facts["status"]) <= {"actual", "target"}
    assert set(corpus_facts["lang"]) <= {"zh", "en"}
    ranges = corpus_facts[corpus_facts["qualifier"] == "range"]
    assert ranges["value_high"].notna().all()
    assert corpus_facts.loc[corpus_facts["qualifier"] != "range", "value_high"].isna().all()


def test_metric_en_is_never_empty_where_metric_is_not(corpus_facts):
    has_metric = corpus_facts["metric"].fillna("") != ""
    assert (corpus_facts.loc[has_metric, "metric_en"].fillna("") != "").all()


@pytest.fixture(scope="module")
def gold_scores(corpus_facts):
    return evaluate(corpus_facts, GOLD)


def test_there_is_gold_for_the_seed_and_two_report_excerpts(gold_scores):
    assert {s.doc_id for s in gold_scores} >= {"jinan-shizhong-2024", "fujian-2026", "zhejiang-2026"}
    # (a mainland excerpt holds at least five claims; the shortest regional release, a budget speech's
    # opening, holds three)
    assert all(s.gold >= (5 if s.doc_id in MAINLAND else 3) for s in gold_scores)


GOLD_DOCS = sorted(p.stem for p in GOLD.glob("*.csv") if p.name != "manifest.csv")
ENGLISH = [d for d in GOLD_DOCS if d.endswith("-en")]
REGIONAL = [d for d in GOLD_DOCS if d.startswith(("tw-", "hk-", "mo-"))]
MAINLAND = [d for d in GOLD_DOCS if d not in ENGLISH and d not in REGIONAL]


def _assert_thresholds(score, fields=("value", "unit", "kind", "qualifier", "std_value", "period", "status", "change"),
                       f1=0.97, field=0.95, metric=0.85) -> None:
    assert score.f1 >= f1, f"span F1 {score.f1:.3f}"
    for name in fields:
        assert score.accuracy(name) >= field, f"{name} accuracy {score.accuracy(name):.3f}"
    assert score.metric_overlap_f1 >= metric, f"metric overlap F1 {score.metric_overlap_f1:.3f}"


def _group(gold_scores, doc_ids):
    return overall([s for s in gold_scores if s.doc_id in doc_ids])


@pytest.mark.parametrize("doc_id", MAINLAND + ["ALL-MAINLAND"])
def test_gold_thresholds(gold_scores, doc_id):
    """The core issue's thresholds on every mainland Chinese gold file and on all of them together."""
    score = _group(gold_scores, MAINLAND) if doc_id == "ALL-MAINLAND" else next(s for s in gold_scores if s.doc_id == doc_id)
    _assert_thresholds(score)


def test_english_gold_thresholds(gold_scores):
    """Issue 7's thresholds on the English gold files together: span F1 >= 0.97, period, status and change
    >= 0.95, metric character-F1 >= 0.85 (and the other fields as for Chinese)."""
    assert len(ENGLISH) >= 9
    _assert_thresholds(_group(gold_scores, ENGLISH))


def test_english_gold_floors_reached(gold_scores):
    """What the English side reaches on its nine gold files (a work report's official English and an English
    summary of another, two NBS releases, five news texts; five of them added with gold written before the
    extractor read them): span F1 0.989, every field but unit 1.000 (unit 0.994), metric character-F1 0.949.
    The floors sit just under, so a rule that loses ground on English fails here before it fails the
    issue's thresholds."""
    _assert_thresholds(_group(gold_scores, ENGLISH), f1=0.98, field=0.99, metric=0.94)


@pytest.mark.parametrize("what", ["span", "value", "std_value", "kind"])
def test_regional_gold_values(gold_scores, what):
    """Taiwan, Hong Kong and Macau releases: every number found is valued right."""
    score = _group(gold_scores, REGIONAL)
    assert len(REGIONAL) >= 3
    if what == "span":
        assert score.recall >= 0.90, f"span recall {score.recall:.3f}"
    else:
        assert score.accuracy(what) >= 0.95, f"{what} accuracy {score.accuracy(what):.3f}"


def test_regional_gold_thresholds(gold_scores):
    """Issue 8's targets on the regional gold files together: span F1 >= 0.97; value, unit, kind, qualifier,
    std_value, period, status and change >= 0.95 (reached: F1 0.994, period 0.967, status 0.996, change
    0.983); metric character-F1 past the mainland target 0.85, at the 0.87 reached (0.874, from 0.740 before
    the rules for topics, bracketed lists, account measures, balances and statistical qualifiers)."""
    _assert_thresholds(_group(gold_scores, REGIONAL), metric=0.87)


def test_regional_money_is_in_the_region_s_currency(corpus_facts):
    """A bare 元 is TWD in a Taiwan release, HKD in Hong Kong, MOP in Macau; 美元 stays USD."""
    import csv

    expected = {}
    for doc_id in REGIONAL:
        with (GOLD / f"{doc_id}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["kind"] == "money":
                    expected[(doc_id, int(row["start"]))] = row["std_unit"]
    found = {(r.doc_id, r.start): r.std_unit for r in corpus_facts.itertuples() if (r.doc_id, r.start) in expected}
    assert len(found) >= 0.9 * len(expected)
    # (the currency, before any denominator: 12,000至35,999澳门元 of 每月平均开支 is MOP, per month in the gold)
    wrong = {key: (found[key], expected[key]) for key in found if found[key].split("/")[0] != expected[key].split("/")[0]}
    assert not wrong, wrong
