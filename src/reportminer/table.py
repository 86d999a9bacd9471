"""The facts table: the schema's columns first, in the schema's order, then the project's own."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from .types import Claim

SCHEMA_COLUMNS = [
    "doc_id", "claim_id", "lang", "start", "end", "mention", "value", "unit", "unit_en", "kind",
    "std_value", "std_unit", "qualifier", "value_high", "metric", "metric_en", "change", "period",
    "status", "sentence", "section",
]
EXTRA_COLUMNS = ["value_high_std"]
COLUMNS = SCHEMA_COLUMNS + EXTRA_COLUMNS
# The rules that decided each claim's fields: added only when asked for (``--explain``).
RULE_COLUMNS = ["metric_rule", "change_rule", "period_rule", "status_rule"]

_DTYPES = {
    "doc_id": "string", "claim_id": "string", "lang": "string", "start": "Int64", "end": "Int64",
    "mention": "string", "value": "float64", "unit": "string", "unit_en": "string", "kind": "string",
    "std_value": "float64", "std_unit": "string", "qualifier": "string", "value_high": "float64",
    "metric": "string", "metric_en": "string", "change": "string", "period": "string",
    "status": "string", "sentence": "string", "section": "string", "value_high_std": "float64",
}


def claims_to_frame(claims: list[Claim], explain: bool = False) -> pd.DataFrame:
    """The facts table of ``claims``; with ``explain``, also the rules that decided each claim."""
    rows = []
    counters: dict[str, int] = {}
    for claim in claims:
        n = counters[claim.doc_id] = counters.get(claim.doc_id, 0) + 1
        high_std = None
        if claim.value_high is not None and claim.std_value is not None and claim.value:
            high_std = claim.value_high * claim.std_value / claim.value
        rows.append({
            "doc_id": claim.doc_id, "claim_id": f"{claim.doc_id}:{n}", "lang": claim.lang,
            "start": claim.start, "end": claim.end, "mention": claim.mention, "value": claim.value,
            "unit": claim.unit, "unit_en": claim.unit_en, "kind": claim.kind, "std_value": claim.std_value,
            "std_unit": claim.std_unit, "qualifier": claim.qualifier, "value_high": claim.value_high,
            "metric": claim.metric, "metric_en": claim.metric_en, "change": claim.change,
            "period": claim.period, "status": claim.status, "sentence": claim.sentence,
            "section": claim.section, "value_high_std": high_std,
            **({column: getattr(claim, column) for column in RULE_COLUMNS} if explain else {}),
        })
    columns = COLUMNS + RULE_COLUMNS if explain else COLUMNS
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({**_DTYPES, **{column: "string" for column in RULE_COLUMNS}} if explain else _DTYPES)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write UTF-8 with BOM (so Excel reads Chinese), atomically: a temp file, then a rename."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            frame.to_csv(handle, index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_facts(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype={"period": "string"}, keep_default_na=False,
                       na_values={c: [""] for c in ("value", "std_value", "value_high", "start", "end")})
