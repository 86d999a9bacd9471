"""The facts table: the schema's columns first, in the schema's order, then the project's own:
``value_high_std`` and the ``title``, ``published`` and ``source`` of the document each row is from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .types import Claim, Document

SCHEMA_COLUMNS = [
    "doc_id", "claim_id", "lang", "start", "end", "mention", "value", "unit", "unit_en", "kind",
    "std_value", "std_unit", "qualifier", "value_high", "metric", "metric_en", "change", "period",
    "status", "sentence", "section",
]
DOCUMENT_COLUMNS = ["title", "published", "source"]
EXTRA_COLUMNS = ["value_high_std", *DOCUMENT_COLUMNS]
COLUMNS = SCHEMA_COLUMNS + EXTRA_COLUMNS

# Strings kept in Python objects, explicitly: pandas 3 would store them in Arrow whenever pyarrow is
# installed (the formats extra brings it), which makes iterating over rows several times slower and the
# table's behaviour depend on what else is installed.
_STR = pd.StringDtype("python")
_DTYPES = {
    "doc_id": _STR, "claim_id": _STR, "lang": _STR, "start": "Int64", "end": "Int64",
    "mention": _STR, "value": "float64", "unit": _STR, "unit_en": _STR, "kind": _STR,
    "std_value": "float64", "std_unit": _STR, "qualifier": _STR, "value_high": "float64",
    "metric": _STR, "metric_en": _STR, "change": _STR, "period": _STR,
    "status": _STR, "sentence": _STR, "section": _STR, "value_high_std": "float64",
    "title": _STR, "published": _STR, "source": _STR,
}


def claims_to_frame(claims: list[Claim], documents: Iterable[Document] = ()) -> pd.DataFrame:
    """One row per claim; ``documents`` (by doc_id) fill the title, published and source columns."""
    about = {d.doc_id: {"title": d.title, "published": d.published, "source": d.source} for d in documents}
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
            **about.get(claim.doc_id, {}),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype(_DTYPES)


def read_facts(path: Path) -> pd.DataFrame:
    """A facts CSV as written by ``reportminer run`` (raises pandas' and the codec's errors)."""
    return pd.read_csv(path, encoding="utf-8-sig", dtype={"period": _STR, "published": _STR},
                       keep_default_na=False,
                       na_values={c: [""] for c in ("value", "std_value", "value_high", "start", "end")})
