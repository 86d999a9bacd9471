"""The HTML report without a browser: gold misses and spurious rows are marked, spans are kept,
nothing refers outside the page."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from reportminer.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = "jinan-shizhong-2024"


def _gold_with_one_missed_and_one_spurious(tmp_path: Path) -> tuple[Path, dict, dict]:
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(ROOT / "corpus" / "gold" / "manifest.csv", gold)
    with (ROOT / "corpus" / "gold" / f"{SEED}.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    removed = rows.pop(3)  # the extraction's row for it becomes spurious
    text = (ROOT / "corpus" / "articles" / f"{SEED}.txt").read_text(encoding="utf-8")
    at = text.index("市中区")  # a span no claim covers: a gold row the extraction "missed"
    added = dict(rows[0], start=str(at), end=str(at + 3), mention="市中区", std_value="3", value="3")
    rows.append(added)
    with (gold / f"{SEED}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return gold, removed, added


def test_gold_misses_and_spurious_rows_are_marked(tmp_path):
    gold, removed, added = _gold_with_one_missed_and_one_spurious(tmp_path)
    out = tmp_path / "report.html"
    assert main(["report", SEED, "-o", str(out), "--facts", str(ROOT / "outputs" / "facts.csv"),
                 "--corpus", str(ROOT / "corpus"), "--gold", str(gold)]) == 0
    page = out.read_text(encoding="utf-8")
    spurious = re.findall(r'<mark id="m-[^"]+" class="claim [^"]*spurious"[^>]*>([^<]*)</mark>', page)
    assert spurious == [removed["mention"]]
    missed = re.findall(r'<mark class="missed" id="g-[^"]+"[^>]*>([^<]*)</mark>', page)
    assert missed == [added["mention"]]
    assert "precision 0.983, recall 0.983" in page and "1 missed (✗), 1 spurious (dashed)" in page
    assert f'href="#g-{SEED}-0"' in page  # the list of misses links to the mark


def test_the_page_refers_to_nothing_outside_itself(tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", "-o", str(out), "--facts", str(ROOT / "outputs" / "facts.csv"),
                 "--corpus", str(ROOT / "corpus"), "--gold", str(ROOT / "corpus" / "gold")]) == 0
    page = out.read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="(?!#)', page)  # only in-page anchors
    # (an article's own text may quote an address; what the page would load is src, href, url() and @import)
    assert "@import" not in page and not re.search(r"url\((?!#)", page)
