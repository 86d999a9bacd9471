"""The Recognizers-Text Chinese specs (tests/conformance/recognizers_zh, MIT licence) as a conformance
test: >= 90 % of the scored cases of every file pass, and every negative case passes.

`number` and `numberrange` go through `reportminer.numbers`, the rest through `reportminer.extract`,
scored by the suite's own rule (its score.py). Cases we decided not to follow are listed with a reason
in tests/conformance/deviations.csv; `scripts/conformance.py` prints the table.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import conformance  # noqa: E402


@pytest.fixture(scope="module")
def results():
    return {r.model: r for r in conformance.run()}


@pytest.mark.parametrize("model", conformance.FILES)
def test_pass_rate_per_file(results, model):
    result = results[model]
    assert result.scored > 0
    failed = [f["id"] for f in result.failures]
    assert result.rate >= 0.90, f"{model}: {result.passed}/{result.scored} passed; failing {failed[:20]}"


@pytest.mark.parametrize("model", conformance.FILES)
def test_every_negative_case_passes(results, model):
    result = results[model]
    assert result.negatives_passed == result.negatives, [f["id"] for f in result.failures]


def test_deviations_are_real_cases_with_reasons():
    ids = set()
    for path in conformance.SUITE.glob("*.jsonl"):
        ids |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()}
    with conformance.DEVIATIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["id"] in ids, row["id"]
        assert len(row["reason"]) > 20, row["id"]


def test_the_suite_travels_with_its_licence():
    assert (conformance.SUITE / "LICENSE-Recognizers-Text.txt").read_text(encoding="utf-8").startswith("MIT")
