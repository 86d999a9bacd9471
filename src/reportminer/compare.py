"""One standard indicator across documents: each report's value of it, from the facts table.

``compare(facts, "gdp_growth", status="target")`` gives one row per document, period and status (the
first claim in text order when a document states the indicator twice for the same period and status;
a summary sentence comes before its detail). ``pivot`` turns that into documents × (period, status).
"""

from __future__ import annotations

import pandas as pd

from .errors import UserError

COMPARE_COLUMNS = ["doc_id", "title", "period", "status", "value", "value_high", "unit", "qualifier",
                   "std_value", "std_unit", "change", "mention", "claim_id"]


class CompareError(UserError):
    """The facts table cannot answer the question (no indicator column, unknown id)."""


def holds_indicator(cell: str, indicator: str) -> bool:
    """``indicator`` cells hold ``;``-joined ids: a claim whose metric names two indicators has both."""
    return indicator in cell.split(";") if cell else False


def _order(frame: pd.DataFrame) -> pd.Series:
    return frame["claim_id"].str.rsplit(":", n=1).str[-1].astype(int)


def compare(facts: pd.DataFrame, indicator: str, *, period: str = "", status: str = "",
            titles: dict[str, str] | None = None) -> pd.DataFrame:
    if "indicator" not in facts.columns:
        raise CompareError("the facts table has no indicator column (rerun `reportminer run`)")
    cells = facts["indicator"].fillna("").astype(str)
    rows = facts[cells.map(lambda cell: holds_indicator(cell, indicator))].copy()
    if period:
        rows = rows[rows["period"].fillna("").astype(str) == period]
    if status:
        rows = rows[rows["status"].fillna("").astype(str) == status]
    rows["_n"] = _order(rows) if len(rows) else []
    rows = rows.sort_values(["doc_id", "_n"]).drop_duplicates(["doc_id", "period", "status"], keep="first")
    if "title" not in rows.columns:
        rows["title"] = rows["doc_id"].map(titles or {}).fillna("")
    return rows[COMPARE_COLUMNS].reset_index(drop=True)


def _cell(row: pd.Series) -> str:
    def number(x) -> str:
        return f"{x:g}" if pd.notna(x) else ""

    text = number(row["std_value"])
    if pd.notna(row.get("value_high")) and row["value"]:
        text += "–" + number(row["value_high"] * row["std_value"] / row["value"])
    marks = {"approx": "≈", "over": "≥", "under": "≤"}
    return marks.get(row["qualifier"], "") + text + (f" {row['std_unit']}" if row["std_unit"] else "")


def pivot(table: pd.DataFrame) -> pd.DataFrame:
    """Documents × (period, status): one cell per value, written with its qualifier and unit."""
    if table.empty:
        return pd.DataFrame(columns=["doc_id", "title"])
    cells = table.assign(cell=table.apply(_cell, axis=1),
                         column=table["period"].fillna("").astype(str) + " " + table["status"].astype(str))
    wide = cells.pivot_table(index=["doc_id", "title"], columns="column", values="cell", aggfunc="first")
    wide = wide.reindex(sorted(wide.columns), axis=1)
    wide.columns.name = None
    return wide.reset_index().fillna("")
