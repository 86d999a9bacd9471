"""The region of a report: inferred from what the text names, and the currency of a bare 元."""

from __future__ import annotations

import pytest

from reportminer.region import infer_region, with_regional_currency
from reportminer.types import Claim


def _money(unit: str, std_unit: str, unit_en: str = "yuan") -> Claim:
    return Claim(doc_id="x", lang="zh", start=0, end=4, mention="12亿" + unit, value=1.2e9, unit=unit,
                 unit_en=unit_en, kind="money", std_value=1.2e9, std_unit=std_unit, qualifier="exact",
                 value_high=None, metric="", metric_en="", change="", period="", status="actual", sentence="",
                 section="")


@pytest.mark.parametrize("text, region", [
    ("主計總處今日公布，112年第2季經濟成長率為1.36%。", "TW"),
    ("財政司司長發表財政預算案，港元匯率穩定。", "HK"),
    ("統計暨普查局公布，8月入境旅客322萬人次。", "MO"),
    ("2023年地区生产总值增长5%，国务院批复支持香港发展。", "CN"),  # (a place named is no sign)
])
def test_the_region_a_text_tells(text, region):
    assert infer_region(text) == region


@pytest.mark.parametrize("region, std_unit, unit_en", [("TW", "TWD", "New Taiwan dollar"),
                                                       ("HK", "HKD", "Hong Kong dollar"), ("MO", "MOP", "pataca")])
def test_a_bare_yuan_is_the_region_s_currency(region, std_unit, unit_en):
    claim = with_regional_currency(_money("元", "CNY"), region)
    assert (claim.std_unit, claim.unit_en, claim.region) == (std_unit, unit_en, region)


def test_a_rate_keeps_its_denominators_and_a_named_currency_keeps_its_own():
    assert with_regional_currency(_money("元/人/月", "CNY/person/month", "yuan per person per month"),
                                  "TW").std_unit == "TWD/person/month"
    assert with_regional_currency(_money("美元", "USD", "US dollar"), "HK").std_unit == "USD"
    assert with_regional_currency(_money("人民币", "CNY"), "HK").std_unit == "CNY"
