"""Pass rates of reportminer on the Recognizers-Text Chinese suite (tests/conformance/recognizers_zh).

    python scripts/conformance.py [--details FAILED.jsonl]

`number` and `numberrange` are scored through `reportminer.numbers`, the other files through
`reportminer.extract`, with the suite's own pass rule (its score.py). Cases with a schema conflict
(flagged by the suite) and cases we decided not to follow (tests/conformance/deviations.csv, with the
reason for each) are reported apart, never silently dropped.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "conformance" / "recognizers_zh"
DEVIATIONS = ROOT / "tests" / "conformance" / "deviations.csv"
FILES = ["number", "numberrange", "percent", "currency", "dimension", "age", "temperature", "ordinal"]
NUMBER_LAYER = {"number", "numberrange"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("recognizers_score", SUITE / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_deviations() -> dict[str, str]:
    with DEVIATIONS.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["reason"] for row in csv.DictReader(handle)}


def rows_for(model: str, text: str) -> list[dict]:
    import reportminer

    if model in NUMBER_LAYER:
        return reportminer.numbers(text)
    return reportminer.extract(text, doc_id="case").to_dict("records")


@dataclass
class FileResult:
    model: str
    scored: int = 0
    passed: int = 0
    negatives: int = 0
    negatives_passed: int = 0
    conflicts: int = 0
    deviations: int = 0
    deviations_passed: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.scored if self.scored else 1.0


def run(models=FILES) -> list[FileResult]:
    scorer = load_scorer()
    deviations = load_deviations()
    results = []
    for model in models:
        result = FileResult(model)
        for line in (SUITE / f"{model}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            if case.get("schema_conflict"):
                result.conflicts += 1
                continue
            try:
                rows = rows_for(model, case["input"])
                passed, _, _, reason = scorer.score_case(case, rows)
            except Exception as exc:  # an exception fails the case, as in the suite's own scorer
                passed, reason, rows = False, f"{type(exc).__name__}: {exc}", []
            negative = case.get("scope") == "negative" or not [e for e in case["expected"] if e.get("value") is not None]
            if case["id"] in deviations:
                result.deviations += 1
                result.deviations_passed += passed
                continue
            result.scored += 1
            result.passed += passed
            if negative:
                result.negatives += 1
                result.negatives_passed += passed
            if not passed:
                result.failures.append({"id": case["id"], "input": case["input"], "reason": reason,
                                        "expected": [(e["mention"], e.get("value")) for e in case["expected"]],
                                        "got": [(r.get("mention"), r.get("value"), r.get("std_value")) for r in rows]})
        results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", type=Path, help="write one JSON line per failed case here")
    parser.add_argument("--files", default=",".join(FILES))
    args = parser.parse_args()
    results = run(args.files.split(","))
    print(f"{'file':12} {'scored':>6} {'passed':>6} {'rate':>7} {'negatives':>10} {'conflicts':>9} {'deviations':>10}"
          f" {'rate incl. deviations':>22}")
    for r in results:
        everything = r.scored + r.deviations
        print(f"{r.model:12} {r.scored:>6} {r.passed:>6} {r.rate:7.1%} {r.negatives_passed:>4}/{r.negatives:<5} "
              f"{r.conflicts:>9} {r.deviations_passed:>4}/{r.deviations:<5} "
              f"{(r.passed + r.deviations_passed) / max(1, everything):>14.1%} of {everything}")
    total_scored = sum(r.scored for r in results)
    total_passed = sum(r.passed for r in results)
    total_all = total_scored + sum(r.deviations for r in results)
    total_all_passed = total_passed + sum(r.deviations_passed for r in results)
    print(f"{'total':12} {total_scored:>6} {total_passed:>6} {total_passed / max(1, total_scored):7.1%} "
          f"{'':>30} {total_all_passed / max(1, total_all):>14.1%} of {total_all}")
    if args.details:
        with args.details.open("w", encoding="utf-8") as handle:
            for r in results:
                for failure in r.failures:
                    handle.write(json.dumps(failure, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
