"""The English gloss of metrics: glossary terms first, CC-CEDICT for the rest."""

import pytest

from reportminer.gloss import gloss


@pytest.mark.parametrize(
    ("metric", "wanted", "unwanted"),
    [
        # a glossary term is not cut by a longer dictionary word across its start (占地 = occupy land)
        ("制造业增加值占地区生产总值比重", "gross regional product", "take up space"),
        # a common word comes before a company written the same (现代 ≠ Hyundai)
        ("新建现代产业学院", "modern", "Hyundai"),
        # a place's dictionary notes (short name, capital, cross-references) are dropped
        ("广东地区生产总值", "Guangdong province gross regional product", "capital"),
        # a literary sense is not the report's (台 ≠ "you"), nor a Taiwan pronunciation note
        ("电诈案件既遂数", "cases", "Taiwan pr."),
    ],
)
def test_gloss_reads_report_senses(metric, wanted, unwanted):
    english = gloss(metric)
    assert wanted in english
    assert unwanted not in english


def test_gloss_is_never_empty_for_a_metric():
    for metric in ("第", "被", "总产", "“金服云”服务实体融资"):
        assert gloss(metric).strip()
