"""Table-driven extractor cases from tests/cases/*.toml: each sentence and the rows it must give."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

import reportminer

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    params = []
    for path in sorted(CASES_DIR.glob("claims_*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            params.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return params


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return actual is not None and not (isinstance(actual, float) and math.isnan(actual)) and math.isclose(
            float(actual), float(expected), rel_tol=1e-6)
    return ("" if actual is None or actual != actual else str(actual)) == str(expected)


@pytest.mark.parametrize("case", _load_cases())
def test_case(case):
    text = case["text"]
    frame = reportminer.extract(text, doc_id="case", lang=case.get("lang", "zh"), published=case.get("published", ""),
                                region=case.get("region", ""))
    rows = frame.to_dict("records")
    expected = case["expect"]
    if not expected:
        assert rows == [], f"expected no claim, got {[r['mention'] for r in rows]}"
        return
    by_mention = {}
    for row in rows:
        by_mention.setdefault(row["mention"], []).append(row)
    for want in expected:
        got = by_mention.get(want["mention"])
        assert got, f"missing {want['mention']!r}; got {[r['mention'] for r in rows]}"
        row = got.pop(0)
        start = text.index(want["mention"])
        assert (row["start"], row["end"]) == (start, start + len(want["mention"]))
        for field, value in want.items():
            if field == "mention":
                continue
            assert _same(value, row[field]), f"{want['mention']}: {field} = {row[field]!r}, expected {value!r}"
    extra = [r["mention"] for rows_left in by_mention.values() for r in rows_left]
    assert not extra, f"unexpected rows {extra}"
