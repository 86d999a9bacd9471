"""``reportminer gold check``: every gold file is validated before anything is scored against it.

A problem is one line naming the file and the CSV line: a missing column, a span that does not index
the article (``text[start:end] != mention``), a value outside the schema's enumerations, a number that
is not one, spans out of document order or overlapping, a row outside the gold manifest's scope."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .corpus import ManifestError, load_document, read_manifest
from .evaluate import GOLD_REQUIRED
from .reader import ArticleError
from .types import Kind, Qualifier

ENUMS: dict[str, frozenset[str]] = {
    "kind": frozenset(k.value for k in Kind),
    "qualifier": frozenset(q.value for q in Qualifier),
    "status": frozenset({"actual", "target"}),
    "change": frozenset({"", "increase", "decrease"}),
}
NUMBERS = ("value", "std_value", "value_high")


@dataclass(frozen=True, slots=True)
class Scope:
    """The annotated ranges [start, end) of an article (end None: to its end); a gold manifest may list
    several ranges of one article (a work report's review and its targets)."""

    ranges: tuple[tuple[int, int | None], ...] = ((0, None),)

    def holds(self, start: int, end: int) -> bool:
        return any(start >= lo and (hi is None or end <= hi) for lo, hi in self.ranges)

    def __str__(self) -> str:
        return ", ".join(f"{lo}:{'' if hi is None else hi}" for lo, hi in self.ranges)


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]], str]:
    """(columns, rows, problem); the problem is "" when the file reads as a CSV in UTF-8."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader), ""
    except UnicodeDecodeError as exc:
        return [], [], f"not valid UTF-8 at byte offset {exc.start}"
    except csv.Error as exc:
        return [], [], f"malformed CSV ({exc})"


def _int(text: str) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _number_problems(row: dict[str, str]) -> list[str]:
    problems = []
    for name in NUMBERS:
        raw = (row.get(name) or "").strip()
        if not raw:
            if name != "value_high":
                problems.append(f"{name} is empty")
            continue
        try:
            if not math.isfinite(float(raw)):
                problems.append(f"{name} {raw!r} is not a finite number")
        except ValueError:
            problems.append(f"{name} {raw!r} is not a number")
    return problems


# The schema's periods: a year, a month or a day, or a span first/last of them (2023, 2024-03, 2023-01/2023-11);
# a quarter is its months (第3季 2019: 2019-07/2019-09), never 2019-Q3, which no extractor writes.
_PERIOD = re.compile(r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?)?")


def _row_problems(row: dict[str, str], text: str, scope: Scope) -> list[str]:
    start, end = _int(row.get("start", "")), _int(row.get("end", ""))
    problems = _number_problems(row)
    if not _PERIOD.fullmatch(row.get("period") or ""):
        problems.append(f"period {row.get('period')!r} is not a year, month or day, or first/last of them "
                        "(a quarter is its months: 2019-07/2019-09)")
    for name, allowed in ENUMS.items():
        if (row.get(name) or "") not in allowed:
            choices = ", ".join(sorted(a or "(empty)" for a in allowed))
            problems.append(f"{name} {row.get(name)!r} is not one of {choices}")
    if start is None or end is None:
        return [f"start/end {row.get('start')!r}/{row.get('end')!r} are not integers", *problems]
    if not 0 <= start < end <= len(text):
        return [f"span {start}:{end} is outside the article ({len(text)} characters)", *problems]
    if text[start:end] != row.get("mention"):
        problems.append(f"text[{start}:{end}] is {text[start:end]!r}, not the mention {row.get('mention')!r}")
    if not scope.holds(start, end):
        problems.append(f"span {start}:{end} is outside the annotated scope {scope}")
    return problems


def _order_problems(rows: list[dict[str, str]]) -> list[tuple[int, str]]:
    """(line, problem) for each row that starts before, or overlaps, the row above it."""
    problems = []
    previous: tuple[int, int] | None = None
    for line, row in enumerate(rows, start=2):
        start, end = _int(row.get("start", "")), _int(row.get("end", ""))
        if start is None or end is None:
            continue
        if previous and start < previous[0]:
            problems.append((line, f"starts at {start}, before the row above ({previous[0]}): rows go in text order"))
        elif previous and start < previous[1]:
            problems.append((line, f"span {start}:{end} overlaps the row above ({previous[0]}:{previous[1]})"))
        previous = (start, end)
    return problems


def check_file(path: Path, text: str, scope: Scope) -> list[str]:
    """Problems of one gold file, each 'path:line: problem'."""
    columns, rows, problem = _read_csv(path)
    if problem:
        return [f"{path}: {problem}"]
    missing = [c for c in GOLD_REQUIRED if c not in columns]
    if missing:
        return [f"{path}: missing column(s) {', '.join(missing)}"]
    found = [(line, p) for line, row in enumerate(rows, start=2) for p in _row_problems(row, text, scope)]
    found += _order_problems(rows)
    return [f"{path}:{line}: {p}" for line, p in sorted(found, key=lambda item: item[0])]


def _scopes(gold_dir: Path, known: Callable[[str], bool]) -> tuple[dict[str, Scope], list[str]]:
    manifest = gold_dir / "manifest.csv"
    if not manifest.exists():
        return {}, []
    columns, rows, problem = _read_csv(manifest)
    if problem or "doc_id" not in columns:
        return {}, [f"{manifest}: {problem or 'missing column doc_id'}"]
    ranges: dict[str, list[tuple[int, int | None]]] = {}
    problems = []
    for line, row in enumerate(rows, start=2):
        start, end = _int(row.get("start") or "0"), _int(row.get("end") or "-1")
        if start is None or end is None or (end != -1 and end <= start):
            problems.append(f"{manifest}:{line}: start/end {row.get('start')!r}/{row.get('end')!r} are not a span")
            continue
        if not known(row["doc_id"]):
            problems.append(f"{manifest}:{line}: doc_id {row['doc_id']!r} has no gold file")
        ranges.setdefault(row["doc_id"], []).append((start, None if end == -1 else end))
    return {doc_id: Scope(tuple(r)) for doc_id, r in ranges.items()}, problems


def check_gold(gold_dir: Path, corpus_dir: Path) -> list[str]:
    """Every problem of every gold file in ``gold_dir``, against the articles of ``corpus_dir``."""
    if not gold_dir.is_dir():
        return [f"{gold_dir}: no such directory"]
    try:
        entries = {e.doc_id: e for e in read_manifest(corpus_dir)}
    except ManifestError as exc:
        return [str(exc)]
    files = sorted(p for p in gold_dir.glob("*.csv") if p.name != "manifest.csv")
    scopes, problems = _scopes(gold_dir, lambda doc_id: (gold_dir / f"{doc_id}.csv").exists())
    for path in files:
        entry = entries.get(path.stem)
        if entry is None:
            problems.append(f"{path}: no article {path.stem!r} in {corpus_dir / 'manifest.csv'}")
            continue
        try:
            text = load_document(entry).text
        except ArticleError as exc:
            problems.append(f"{path}: its article cannot be read ({exc})")
            continue
        problems.extend(check_file(path, text, scopes.get(path.stem, Scope())))
    return problems
