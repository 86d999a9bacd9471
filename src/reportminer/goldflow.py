"""Writing gold for a new article: draft from the extraction, verify by reading, accept.

``draft`` writes ``corpus/gold/drafts/<doc_id>.csv``: the article's extracted rows in the gold columns,
its sentence to read them in, and an empty ``verified`` column. The annotator reads each row against
the text (``reportminer report --review DOC`` shows them in place), corrects fields, sets ``verified``
to ``yes`` (right, as corrected) or ``drop`` (not a claim), and adds rows the extractor missed with
``verified`` ``yes``. ``accept`` refuses while a row is unverified or a span does not point at its
mention, then writes ``corpus/gold/<doc_id>.csv`` and lists the article in the gold manifest.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .errors import UserError
from .evaluate import GOLD_REQUIRED
from .outputs import write_table

DRAFT_DIR = "drafts"
VERIFIED = "verified"
KEEP, DROP = "yes", "drop"
DRAFT_COLUMNS = ["start", "end", "mention", "value", "value_high", "unit", "kind", "qualifier", "std_value",
                 "std_unit", "metric", "metric_en", "change", "period", "status", "sentence", VERIFIED]
GOLD_COLUMNS = [c for c in DRAFT_COLUMNS if c not in ("sentence", VERIFIED)]
GOLD_MANIFEST_COLUMNS = ["doc_id", "start", "end", "annotated_by", "note"]


class GoldFlowError(UserError):
    """A draft cannot be written or accepted; the message says why, in one line."""


def draft_path(gold_dir: Path, doc_id: str) -> Path:
    return gold_dir / DRAFT_DIR / f"{doc_id}.csv"


def _write_atomic(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_table(frame, path, "csv")  # UTF-8 with BOM, a temporary file then a rename


def write_draft(facts: pd.DataFrame, doc_id: str, gold_dir: Path, *, force: bool = False) -> Path:
    """The extraction of one article as a draft gold file with an empty ``verified`` column."""
    rows = facts[facts["doc_id"] == doc_id]
    if rows.empty:
        raise GoldFlowError(f"no claims for doc_id {doc_id!r} in the facts table (run `reportminer run`)")
    path = draft_path(gold_dir, doc_id)
    if (gold_dir / f"{doc_id}.csv").exists():
        raise GoldFlowError(f"{gold_dir / (doc_id + '.csv')}: gold already exists")
    if path.exists() and not force:
        raise GoldFlowError(f"{path}: a draft exists (verify it, or --force to start again)")
    draft = rows.reindex(columns=DRAFT_COLUMNS).copy()
    draft[VERIFIED] = ""
    _write_atomic(draft, path)
    return path


def read_draft(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise GoldFlowError(f"{path}: no draft (run `reportminer gold draft` first)")
    try:
        draft = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise GoldFlowError(f"{path}: not a readable CSV ({exc})") from None
    missing = [c for c in GOLD_REQUIRED + [VERIFIED] if c not in draft.columns]
    if missing:
        raise GoldFlowError(f"{path}: missing column(s) {', '.join(missing)}")
    return draft


def check_draft(draft: pd.DataFrame, text: str, path: Path) -> pd.DataFrame:
    """The kept rows of a fully verified draft; raises on an unverified row or a span off its mention."""
    marks = draft[VERIFIED].str.strip().str.lower()
    unverified = [n + 2 for n, mark in enumerate(marks) if mark not in (KEEP, DROP)]
    if unverified:
        shown = ", ".join(map(str, unverified[:8])) + (" …" if len(unverified) > 8 else "")
        raise GoldFlowError(f"{path}: {len(unverified)} row(s) not verified (lines {shown}); "
                            f"set verified to {KEEP} or {DROP}")
    kept = draft[marks == KEEP]
    for n, row in kept.iterrows():
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise GoldFlowError(f"{path}: line {n + 2}: start/end are not numbers") from None
        if text[start:end] != row["mention"]:
            raise GoldFlowError(f"{path}: line {n + 2}: text[{start}:{end}] is {text[start:end]!r}, "
                                f"not the mention {row['mention']!r}")
    return kept.sort_values("start", key=lambda s: s.astype(int))


def _list_in_manifest(gold_dir: Path, doc_id: str, annotated_by: str) -> None:
    manifest = gold_dir / "manifest.csv"
    if manifest.exists():
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            if any(row.get("doc_id") == doc_id for row in csv.DictReader(handle)):
                return
    else:
        manifest.write_text(",".join(GOLD_MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    with manifest.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [doc_id, 0, "", annotated_by, "whole article; drafted from the extraction and verified row by row"])


def accept_draft(doc_id: str, text: str, gold_dir: Path, *, annotated_by: str = "") -> Path:
    """Turn a fully verified draft into ``corpus/gold/<doc_id>.csv`` and remove the draft."""
    path = draft_path(gold_dir, doc_id)
    kept = check_draft(read_draft(path), text, path)
    target = gold_dir / f"{doc_id}.csv"
    _write_atomic(kept.reindex(columns=GOLD_COLUMNS), target)
    _list_in_manifest(gold_dir, doc_id, annotated_by or "verified draft")
    path.unlink()
    return target
