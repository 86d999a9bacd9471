"""reportminer align: pairs of a Chinese text's claims with its English translation's."""

from __future__ import annotations

import pytest

from reportminer.align import align_claims, compatible, rounding, same_figure
from reportminer.types import Claim


def claim(mention: str, value: float, std_value: float, kind: str = "money", period: str = "2023",
          status: str = "actual") -> Claim:
    return Claim(doc_id="x", lang="", start=0, end=len(mention), mention=mention, value=value, unit="", unit_en="",
                 kind=kind, std_value=std_value, std_unit="", qualifier="exact", value_high=None, metric="",
                 metric_en="", change="", period=period, status=status, sentence="", section="")


@pytest.mark.parametrize("zh, en", [
    (claim("1082.6亿元", 1.0826e11, 1.0826e11), claim("108.26 billion yuan", 1.0826e11, 1.0826e11)),
    (claim("1.8万户", 18000, 18000, "count"), claim("18,000 households", 18000, 18000, "count")),
    (claim("126万亿元", 1.26e14, 1.26e14), claim("126.06 trillion yuan", 1.2606e14, 1.2606e14)),  # rounded in Chinese
    (claim("1.39万亿斤", 1.39e12, 6.95e11, "mass"), claim("695 million metric tons", 6.95e8, 6.95e11, "mass")),
])
def test_the_same_figure_within_the_rounding_of_the_less_precise_side(zh, en):
    assert same_figure(zh, en)


@pytest.mark.parametrize("zh, en", [
    (claim("1082.6亿元", 1.0826e11, 1.0826e11), claim("108.27 billion yuan", 1.0827e11, 1.0827e11)),
    (claim("5.2%", 5.2, 5.2, "percent"), claim("5.2 million", 5.2e6, 5.2e6, "count")),
])
def test_different_figures(zh, en):
    assert not same_figure(zh, en)


def test_rounding_is_half_the_last_written_digit_in_standard_units():
    assert rounding(claim("1082.6亿元", 1.0826e11, 1.0826e11)) == pytest.approx(5e6)
    assert rounding(claim("两次", 2, 2, "count")) == 0.0


def test_a_target_never_pairs_with_an_actual_and_periods_must_not_contradict():
    assert not compatible(claim("5%", 5, 5, "percent", "2024", "target"), claim("5 percent", 5, 5, "percent", "2024"))
    assert not compatible(claim("5%", 5, 5, "percent", "2023"), claim("5 percent", 5, 5, "percent", "2024"))
    assert compatible(claim("5%", 5, 5, "percent", "2024"), claim("5 percent", 5, 5, "percent", "2024-01/2024-03"))


def test_document_order_unpaired_claims_and_a_changed_figure():
    zh = [claim("126万亿元", 1.26e14, 1.26e14), claim("两次", 2, 2, "count"), claim("两次", 2, 2, "count"),
          claim("5.2%", 5.2, 5.2, "percent"), claim("30%", 30, 30, "percent")]
    en = [claim("126 trillion yuan", 1.26e14, 1.26e14), claim("two times", 2, 2, "count"),
          claim("5.2 percent", 5.2, 5.2, "percent"), claim("35 percent", 35, 35, "percent"),
          claim("50 million metric tons", 5e7, 5e10, "mass")]
    rows = align_claims(zh, en)
    assert [(r.status, r.zh_mention, r.en_mention, r.changed) for r in rows] == [
        ("pair", "126万亿元", "126 trillion yuan", False),
        ("pair", "两次", "two times", False),
        ("zh_only", "两次", "", False),
        ("pair", "5.2%", "5.2 percent", False),
        ("zh_only", "30%", "", False),
        ("en_only", "", "35 percent", False),
        ("en_only", "", "50 million metric tons", False),
    ]
    changed = align_claims(zh[-1:], en[3:4])
    assert [(r.status, r.changed) for r in changed] == [("pair", True)]


ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def _shipped_alignment():
    import csv

    from reportminer.corpus import load_document, read_manifest
    from reportminer.pipeline import extract_claims

    entries = {e.doc_id: e for e in read_manifest(ROOT / "corpus")}
    with (ROOT / "corpus" / "gold" / "manifest.csv").open(encoding="utf-8") as handle:
        scopes = [(r["doc_id"], int(r["start"]), int(r["end"])) for r in csv.DictReader(handle)
                  if r["doc_id"] in ("gwr-2024-zh", "gwr-2024-en")]

    def in_scope(doc_id):
        return [c for c in extract_claims(load_document(entries[doc_id]))
                if any(d == doc_id and lo <= c.start and c.end <= hi for d, lo, hi in scopes)]

    rows = align_claims(in_scope("gwr-2024-zh"), in_scope("gwr-2024-en"))
    with (ROOT / "corpus" / "gold" / "align" / "gwr-2024-zh--gwr-2024-en.csv").open(encoding="utf-8") as handle:
        gold = {(int(r["zh_start"]), int(r["en_start"])) for r in csv.DictReader(handle) if r["status"] == "pair"}
    found = {(r.zh_start, r.en_start) for r in rows if r.status == "pair"}
    return gold, found


def test_the_shipped_pair_has_no_false_pair():
    gold, found = _shipped_alignment()
    assert found - gold == set()
    assert len(found & gold) >= len(gold) - 1


def test_the_shipped_pair_has_every_true_pair():
    gold, found = _shipped_alignment()
    assert gold <= found


def test_the_align_command_writes_the_pairs_and_takes_translation_of(tmp_path):
    import csv

    from reportminer.cli import main

    out = tmp_path / "align.csv"
    assert main(["align", "gwr-2024-zh", "gwr-2024-en", "--corpus", str(ROOT / "corpus"), "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["zh_start", "zh_end", "zh_mention", "en_start", "en_end", "en_mention", "std_value_zh",
                             "std_value_en", "status", "changed"]
    assert {"pair", "zh_only", "en_only"} >= {r["status"] for r in rows} and sum(r["status"] == "pair" for r in rows) >= 37
    alone = tmp_path / "alone.csv"  # one name: the manifest's translation_of names the original
    assert main(["align", "gwr-2024-en", "--corpus", str(ROOT / "corpus"), "-o", str(alone)]) == 0
    assert alone.read_bytes() == out.read_bytes()
