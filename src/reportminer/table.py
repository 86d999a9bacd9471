"""The facts table: the schema's columns first, in the schema's order, then the project's own."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .types import Claim

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_COLUMNS = [
    "doc_id", "claim_id", "lang", "start", "end", "mention", "value", "unit", "unit_en", "kind",
    "std_value", "std_unit", "qualifier", "value_high", "metric", "metric_en", "change", "period",
    "status", "sentence", "section",
]
EXTRA_COLUMNS = ["value_high_std", "indicator", "indicator_en"]
COLUMNS = SCHEMA_COLUMNS + EXTRA_COLUMNS

_DTYPES = {
    "doc_id": "string", "claim_id": "string", "lang": "string", "start": "Int64", "end": "Int64",
    "mention": "string", "value": "float64", "unit": "string", "unit_en": "string", "kind": "string",
    "std_value": "float64", "std_unit": "string", "qualifier": "string", "value_high": "float64",
    "metric": "string", "metric_en": "string", "change": "string", "period": "string",
    "status": "string", "sentence": "string", "section": "string", "value_high_std": "float64",
    "indicator": "string", "indicator_en": "string",
}


def claim_rows(claims: Iterable[Claim]) -> Iterator[dict]:
    """One row (column → value, None when empty) per claim, numbered per document in order."""
    from .indicators import claims_indicators  # (here: the indicator table loads only when rows are made)

    counters: dict[str, int] = {}
    claims = list(claims)
    standards = claims_indicators(claims)  # (once for all: a list of ordered parts is read part by part)
    for claim, standard in zip(claims, standards, strict=True):
        n = counters[claim.doc_id] = counters.get(claim.doc_id, 0) + 1
        high_std = None
        if claim.value_high is not None and claim.std_value is not None and claim.value:
            high_std = claim.value_high * claim.std_value / claim.value
        yield {
            "doc_id": claim.doc_id, "claim_id": f"{claim.doc_id}:{n}", "lang": claim.lang,
            "start": claim.start, "end": claim.end, "mention": claim.mention, "value": claim.value,
            "unit": claim.unit, "unit_en": claim.unit_en, "kind": claim.kind, "std_value": claim.std_value,
            "std_unit": claim.std_unit, "qualifier": claim.qualifier, "value_high": claim.value_high,
            "metric": claim.metric, "metric_en": standard.metric_en or claim.metric_en, "change": claim.change,
            "period": claim.period, "status": claim.status, "sentence": claim.sentence,
            "section": claim.section, "value_high_std": high_std,
            "indicator": standard.ids, "indicator_en": standard.names_en,
        }


def rows_to_frame(rows: list) -> pd.DataFrame:
    """A frame of rows given as dicts (column → value) or as tuples in the order of COLUMNS."""
    import pandas as pd  # (here, not at the top: a command that only writes CSV never imports pandas)

    return pd.DataFrame(rows, columns=COLUMNS).astype(_DTYPES)


def claims_to_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    return rows_to_frame(list(claim_rows(claims)))


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
    import pandas as pd

    return pd.read_csv(path, encoding="utf-8-sig", dtype={"period": "string"}, keep_default_na=False,
                       na_values={c: [""] for c in ("value", "std_value", "value_high", "start", "end")})
