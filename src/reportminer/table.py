"""The facts table: the schema's columns first, in the schema's order, then the project's own:
``value_high_std``, the standard ``indicator`` and ``indicator_en``, the ``region`` of the report, and the ``title``, ``published`` and
``source`` of the document each row is from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .types import Claim, Document

if TYPE_CHECKING:
    import pandas as pd

    from .indicators import Match

SCHEMA_COLUMNS = [
    "doc_id", "claim_id", "lang", "start", "end", "mention", "value", "unit", "unit_en", "kind",
    "std_value", "std_unit", "qualifier", "value_high", "metric", "metric_en", "change", "period",
    "status", "sentence", "section",
]
DOCUMENT_COLUMNS = ["title", "published", "source"]
EXTRA_COLUMNS = ["value_high_std", "indicator", "indicator_en", "region", *DOCUMENT_COLUMNS]
COLUMNS = SCHEMA_COLUMNS + EXTRA_COLUMNS
# The rules that decided each claim's fields: added only when asked for (``--explain``).
RULE_COLUMNS = ["metric_rule", "change_rule", "period_rule", "status_rule"]
_NUMBERS = {"start": "Int64", "end": "Int64", "value": "float64", "std_value": "float64", "value_high": "float64",
            "value_high_std": "float64"}


@cache
def _dtypes() -> dict:
    import pandas as pd

    # Strings kept in Python objects, explicitly: pandas 3 would store them in Arrow whenever pyarrow is
    # installed (the formats extra brings it), which makes iterating over rows several times slower and
    # the table's behaviour depend on what else is installed.
    text = pd.StringDtype("python")
    return {column: _NUMBERS.get(column, text) for column in COLUMNS + RULE_COLUMNS}


def claim_rows(claims: Iterable[Claim], documents: Iterable[Document] = (), explain: bool = False) -> Iterator[dict]:
    """One row (column → value, None when empty) per claim, numbered per document in order;
    ``documents`` (by doc_id) fill the title, published and source columns; with ``explain``, the rules
    that decided each claim's fields follow (RULE_COLUMNS)."""
    from .indicators import (
        claims_indicators,  # (here: the indicator table loads only when rows are made)
    )

    about = {d.doc_id: {"title": d.title, "published": d.published, "source": d.source} for d in documents}
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
            "metric": claim.metric, "metric_en": metric_english(claim, standard), "change": claim.change,
            "period": claim.period, "status": claim.status, "sentence": claim.sentence,
            "section": claim.section, "value_high_std": high_std,
            "indicator": standard.ids, "indicator_en": standard.names_en, "region": claim.region,
            **about.get(claim.doc_id, dict.fromkeys(DOCUMENT_COLUMNS)),
            **({column: getattr(claim, column) for column in RULE_COLUMNS} if explain else {}),
        }


def metric_english(claim: Claim, standard: Match) -> str:
    """The English of the metric as written when the glossary renders it (宁波舟山港集装箱吞吐量:
    "container throughput of Ningbo-Zhoushan Port", not the indicator's "of ports"; 新设民营经营主体
    keeps "private"); the indicator's official English when the glossary cannot, or when the claim reads
    one of the ordered parts its metric names (三次产业增加值 → value added of the primary industry).
    The indicator's own name is in ``indicator_en`` either way."""
    from .fold import fold
    from .gloss import gloss_with_origin

    if not standard.metric_en:
        return claim.metric_en
    if claim.lang == "zh" and not standard.read_as_part and \
            gloss_with_origin(fold(claim.metric))[1] in ("glossary", "composition"):
        return claim.metric_en
    return standard.metric_en


def rows_to_frame(rows: list, explain: bool = False) -> pd.DataFrame:
    """A frame of rows given as dicts (column → value) or as tuples in the order of COLUMNS (and of
    RULE_COLUMNS after them with ``explain``)."""
    import pandas as pd  # (here, not at the top: a command that only writes CSV never imports pandas)

    columns = COLUMNS + RULE_COLUMNS if explain else COLUMNS
    return pd.DataFrame(rows, columns=columns).astype({column: _dtypes()[column] for column in columns})


def claims_to_frame(claims: Iterable[Claim], documents: Iterable[Document] = (), explain: bool = False) -> pd.DataFrame:
    """The table of ``claims``; ``documents`` (by doc_id) fill the title, published and source columns;
    ``explain`` adds the rules that decided each claim's fields."""
    return rows_to_frame(list(claim_rows(claims, documents, explain)), explain)


def read_facts(path: Path) -> pd.DataFrame:
    """A facts CSV as written by ``reportminer run`` (raises pandas' and the codec's errors)."""
    import pandas as pd

    text = pd.StringDtype("python")
    return pd.read_csv(path, encoding="utf-8-sig", dtype={"period": text, "published": text},
                       keep_default_na=False,
                       na_values={c: [""] for c in ("value", "std_value", "value_high", "start", "end")})
