"""Score a facts table against the hand-verified gold files, as the schema's Scoring section says.

A predicted row matches a gold row when their spans overlap and their ``std_value`` agree within 1e-6
relative; matching is one-to-one. Reported per document and overall: span precision, recall and F1,
and on matched pairs the accuracy of each field and the character-overlap F1 of ``metric``.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .errors import UserError

GOLD_REQUIRED = ["start", "end", "mention", "value", "unit", "kind", "qualifier", "std_value", "std_unit",
                 "metric", "period", "status", "change"]
FIELDS = ["value", "unit", "kind", "qualifier", "std_value", "period", "status", "change", "metric"]
NUMERIC = {"value", "std_value"}


class GoldError(UserError):
    """A gold file is malformed; the message names the file and the problem."""


@dataclass
class DocScore:
    doc_id: str
    gold: int
    predicted: int
    matched: int
    correct: dict[str, int] = field(default_factory=dict)
    metric_f1_sum: float = 0.0
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.correct.get(name, 0) / self.matched if self.matched else 1.0

    @property
    def metric_overlap_f1(self) -> float:
        return self.metric_f1_sum / self.matched if self.matched else 1.0

    def summary(self) -> dict:
        out = {"doc_id": self.doc_id, "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
               "precision": self.precision, "recall": self.recall, "f1": self.f1}
        out.update({f"acc_{name}": self.accuracy(name) for name in FIELDS})
        out["metric_overlap_f1"] = self.metric_overlap_f1
        return out


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == "":
        return None
    return float(value)


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def numbers_agree(a, b) -> bool:
    x, y = _number(a), _number(b)
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 1e-6 * max(abs(x), abs(y)) or x == y


def char_overlap_f1(predicted: str, gold: str) -> float:
    if not predicted and not gold:
        return 1.0
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    p, r = common / len(predicted), common / len(gold)
    return 2 * p * r / (p + r)


def field_agrees(name: str, predicted, gold) -> bool:
    if name in NUMERIC:
        return numbers_agree(predicted, gold)
    return _text(predicted) == _text(gold)


def score_document(doc_id: str, predicted: list[dict], gold: list[dict]) -> DocScore:
    score = DocScore(doc_id, len(gold), len(predicted), 0)
    used: set[int] = set()
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(predicted):
            if i in used:
                continue
            overlap = min(int(p["end"]), int(g["end"])) - max(int(p["start"]), int(g["start"]))
            if overlap > best_overlap and numbers_agree(p["std_value"], g["std_value"]):
                best, best_overlap = i, overlap
        if best is None:
            score.missed.append(g)
            continue
        used.add(best)
        p = predicted[best]
        score.matched += 1
        wrong = {}
        for name in FIELDS:
            if field_agrees(name, p.get(name), g.get(name)):
                score.correct[name] = score.correct.get(name, 0) + 1
            else:
                wrong[name] = (_text(p.get(name)), _text(g.get(name)))
        score.metric_f1_sum += char_overlap_f1(_text(p.get("metric")), _text(g.get("metric")))
        if wrong:
            score.wrong.append({"start": g["start"], "mention": g["mention"], "fields": wrong})
    score.spurious = [p for i, p in enumerate(predicted) if i not in used]
    return score


Scope = list[tuple[int, int | None]]  # the annotated ranges [start, end) of an article; end None: to its end


def load_gold(gold_dir: Path) -> dict[str, tuple[list[dict], Scope]]:
    """doc_id → (rows, annotated ranges) for every gold file; the gold manifest may list several ranges of
    one article (a work report's review and its targets)."""
    manifest = gold_dir / "manifest.csv"
    scopes: dict[str, Scope] = {}
    if manifest.exists():
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                scopes.setdefault(row["doc_id"], []).append(
                    (int(row["start"] or 0), int(row["end"]) if row.get("end") else None))
    result = {}
    for path in sorted(gold_dir.glob("*.csv")):
        if path.name == "manifest.csv":
            continue
        doc_id = path.stem
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = [c for c in GOLD_REQUIRED if c not in (reader.fieldnames or [])]
                if missing:
                    raise GoldError(f"{path}: missing column(s) {', '.join(missing)}")
                rows = list(reader)
        except UnicodeDecodeError as exc:
            raise GoldError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
        except csv.Error as exc:
            raise GoldError(f"{path}: malformed CSV ({exc})") from None
        for n, row in enumerate(rows, start=2):
            try:
                int(row["start"]), int(row["end"]), float(row["std_value"] or "nan")
            except ValueError:
                raise GoldError(f"{path}: line {n}: start/end/std_value are not numbers") from None
        result[doc_id] = (rows, scopes.get(doc_id, [(0, None)]))
    return result


def _in_scope(rows: pd.DataFrame, scope: Scope) -> pd.Series:
    inside = pd.Series(False, index=rows.index)
    for lo, hi in scope:
        inside |= (rows["start"] >= lo) & ((rows["end"] <= hi) if hi is not None else True)
    return inside


def evaluate(facts: pd.DataFrame, gold_dir: Path) -> list[DocScore]:
    scores = []
    for doc_id, (gold_rows, scope) in load_gold(gold_dir).items():
        rows = facts[facts["doc_id"] == doc_id]
        rows = rows[_in_scope(rows, scope)]
        predicted = rows.to_dict("records")
        scores.append(score_document(doc_id, predicted, gold_rows))
    return scores


def overall(scores: list[DocScore]) -> DocScore:
    total = DocScore("ALL", sum(s.gold for s in scores), sum(s.predicted for s in scores),
                     sum(s.matched for s in scores))
    for s in scores:
        for name, n in s.correct.items():
            total.correct[name] = total.correct.get(name, 0) + n
        total.metric_f1_sum += s.metric_f1_sum
    return total


def report(scores: list[DocScore], *, details: bool = True) -> str:
    lines = []
    header = f"{'doc':24} {'gold':>4} {'pred':>4} {'P':>6} {'R':>6} {'F1':>6} " + " ".join(
        f"{name[:6]:>6}" for name in FIELDS) + f" {'m-F1':>6}"
    lines.append(header)
    for s in scores + [overall(scores)]:
        lines.append(f"{s.doc_id[:24]:24} {s.gold:>4} {s.predicted:>4} {s.precision:6.3f} {s.recall:6.3f} "
                     f"{s.f1:6.3f} " + " ".join(f"{s.accuracy(n):6.3f}" for n in FIELDS)
                     + f" {s.metric_overlap_f1:6.3f}")
    if details:
        for s in scores:
            for g in s.missed:
                lines.append(f"MISSED   {s.doc_id} {g['start']:>6} {g['mention']}  [{g.get('metric', '')}]")
            for p in s.spurious:
                lines.append(f"SPURIOUS {s.doc_id} {p['start']:>6} {p['mention']}  [{_text(p.get('metric'))}]")
            for w in s.wrong:
                diffs = "; ".join(f"{k}: {v[0]!r} ≠ gold {v[1]!r}" for k, v in w["fields"].items())
                lines.append(f"WRONG    {s.doc_id} {w['start']:>6} {w['mention']}  {diffs}")
    return "\n".join(lines)


def as_json(scores: list[DocScore]) -> dict:
    return {
        "documents": [s.summary() | {"missed": [asdict_row(g) for g in s.missed],
                                     "spurious": [asdict_row(p) for p in s.spurious],
                                     "wrong": s.wrong} for s in scores],
        "overall": overall(scores).summary(),
    }


def asdict_row(row: dict) -> dict:
    return {k: _text(row.get(k)) for k in ("start", "end", "mention", "metric", "std_value")}


__all__ = ["DocScore", "GoldError", "as_json", "asdict", "char_overlap_f1", "evaluate", "report"]
