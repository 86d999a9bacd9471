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
    assert all(s.gold >= 5 for s in gold_scores)


GOLD_DOCS = sorted(p.stem for p in GOLD.glob("*.csv") if p.name != "manifest.csv")


@pytest.mark.parametrize("doc_id", GOLD_DOCS + ["ALL"])
def test_gold_thresholds(gold_scores, doc_id):
    score = overall(gold_scores) if doc_id == "ALL" else next(s for s in gold_scores if s.doc_id == doc_id)
    assert score.f1 >= 0.97, f"span F1 {score.f1:.3f}"
    for name in FIELDS:
        if name != "metric":
            assert score.accuracy(name) >= 0.95, f"{name} accuracy {score.accuracy(name):.3f}"
    assert score.metric_overlap_f1 >= 0.85, f"metric overlap F1 {score.metric_overlap_f1:.3f}"
