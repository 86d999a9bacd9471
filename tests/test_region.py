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


def _claims(text: str, region: str, published: str) -> dict[str, object]:
    from reportminer.pipeline import extract_claims
    from reportminer.types import Document

    return {c.mention: c for c in extract_claims(Document(doc_id="x", text=text, lang="zh", published=published,
                                                         region=region))}


@pytest.mark.parametrize("text, mention, fields", [
    # Macau: a signed percent, an index level in brackets, days after a decimal, a range in patacas
    ("以家居設備及服務(+11.08%)和交通(+5.73%)大類的升幅較明顯。", "+11.08%",
     {"value": 11.08, "change": "increase", "metric": "家居設備及服務"}),
    ("2023年1月綜合消費物價指數(104.10)按年上升0.77%。", "104.10",
     {"kind": "other", "std_unit": "index", "metric": "綜合消費物價指數"}),
    ("旅客平均逗留時間為1.2日,按年縮短1.6日。", "1.6日", {"kind": "duration", "std_value": 1.6, "change": "decrease"}),
    ("每月平均開支分別為12,000至35,999澳門元及36,000至62,999澳門元。", "12,000至35,999澳門元",
     {"qualifier": "range", "value_high": 35999.0, "std_unit": "MOP/month", "unit": "澳門元/月"}),
    # a range that repeats its change word is one range
    ("統計處預估,12月外銷訂單金額720億至740億美元,年增36.1％至年增39.8％。", "36.1％至年增39.8％",
     {"qualifier": "range", "change": "increase", "period": "2025-12", "status": "target"}),
])
def test_regional_numbers(text, mention, fields):
    region = "TW" if "統計處" in text else "MO"
    claim = _claims(text, region, "2025-12-23" if region == "TW" else "2023-02")[mention]
    assert {name: getattr(claim, name) for name in fields} == fields


@pytest.mark.parametrize("text, region, published, periods", [
    # months after 今年, months to date, and the twelve months up to a month
    ("今年1至8月的入境旅客共17,627,112人次。", "MO", "2023-09-20", {"17,627,112人次": "2023-01/2023-08"}),
    ("累計今年前11月的外銷訂單金額6666.5億美元。", "TW", "2025-12-23", {"6666.5億美元": "2025-01/2025-11"}),
    ("至今年1月為止的十二個月,綜合消費物價平均指數上升1.02%。", "MO", "2023-02", {"1.02%": "2022-02/2023-01"}),
    # ROC quarter codes date the figure after them
    ("今年第一季預算達成率15.1%,次低為112Q1 的15.9%,110Q1 的19.38%為最高。", "TW", "2025-04-06",
     {"15.1%": "2025-01/2025-03", "15.9%": "2023-01/2023-03", "19.38%": "2021-01/2021-03"}),
    # a Hong Kong budget: years in Chinese numerals, the coming financial year, a month in Chinese numerals
    ("二零一八年經濟回顧\n二零一八年,香港的整體貨物出口全年實質上升百分之三點五。", "HK", "2019-02-27",
     {"百分之三點五": "2018"}),
    ("我在籌備本年度預算案時,預備動用的新資源約一千五百億元。", "HK", "2019-02-27",
     {"一千五百億元": "2019-04/2020-03"}),
    ("財政儲備在2022年三月底預計為9,467億元。", "HK", "2022-02-23", {"9,467億元": "2022-03"}),
])
def test_regional_periods(text, region, published, periods):
    claims = _claims(text, region, published)
    assert {mention: claims[mention].period for mention in periods} == periods


def test_a_release_lead_dates_its_paragraphs_and_a_window_holds_to_its_paragraph_end():
    text = ("8月入境旅客322萬人次\n"
            "統計暨普查局公布,今年8月入境旅客按年增加8.7倍至3,221,691人次。按客源分析,香港旅客(711,684人次)上升。\n"
            "今年1至8月的入境旅客共17,627,112人次。旅客平均逗留時間維持在1.3日。\n"
            "經陸路入境的旅客共2,573,185人次。")
    claims = _claims(text, "MO", "2023-09-20")
    assert claims["711,684人次"].period == "2023-08"
    assert claims["3,221,691人次"].change == "increase"  # the level 增加…至 reaches
    assert claims["1.3日"].period == "2023-01/2023-08"  # the window holds to its paragraph's end
    assert claims["2,573,185人次"].period == "2023-08"  # then the lead's month again
    assert claims["711,684人次"].metric == "香港旅客"


@pytest.mark.parametrize("text, mention, metric", [
    ("11月外銷訂單729.2億美元，年增39.5%。", "39.5%", "外銷訂單"),  # 年增 is a change word, not a metric's end
    ("財政部國庫署指出,主要是綜合所得稅及關稅分別增加126億元及8億元。", "126億元", "綜合所得稅"),
    ("利得稅較原來預算增加約168億元。", "168億元", "利得稅"),  # the metric ends before the comparison frame
    ("本港經濟去年增長2.3%。", "2.3%", "經濟"),  # what is measured is said before the date
])
def test_regional_metrics(text, mention, metric):
    region = "HK" if ("本港" in text or "利得稅" in text) else "TW"
    assert _claims(text, region, "2025-12-23")[mention].metric == metric
