"""Draw the blind metric_en review sample: 100 random rows of outputs/facts.csv (fixed seed).

    python scripts/sample_metric_review.py [--facts outputs/facts.csv] [--n 100] [--seed 20261207]
                                           [--out docs/metric_en_review.csv]

Only rows with a metric are drawn. The file keeps what a reviewer needs (the sentence, the Chinese
metric, its English) and an empty ``acceptable`` column (yes/no) and ``note`` for the reviewer, who
must not have written the glossary. The origin of each gloss (glossary, composition, head,
dictionary) is deliberately left out so the review stays blind; run ``--origins`` after the rating
to print it per sampled row.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

FIELDS = ("claim_id", "sentence", "mention", "metric", "metric_en", "acceptable", "note")


def draw(facts: Path, n: int, seed: int) -> list[dict[str, str]]:
    with facts.open(encoding="utf-8") as f:
        # (metric_en is a gloss only for Chinese rows: an English row's metric_en is its metric)
        rows = [r for r in csv.DictReader(f) if r["metric"] and r.get("lang", "zh") == "zh"]
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    return [{k: r.get(k, "") for k in FIELDS} for r in picked]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=ROOT / "outputs" / "facts.csv")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "metric_en_review.csv")
    parser.add_argument("--origins", action="store_true", help="print where each sampled gloss comes from")
    args = parser.parse_args()
    if not args.facts.is_file():
        print(f"sample_metric_review: no such file: {args.facts}", file=sys.stderr)
        return 2
    sample = draw(args.facts, args.n, args.seed)
    if args.origins:
        from reportminer.gloss import gloss_with_origin

        for row in sample:
            print(row["claim_id"], row["metric"], gloss_with_origin(row["metric"])[1], sep="\t")
        return 0
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sample)
    tmp.replace(args.out)
    print(f"{len(sample)} rows → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
