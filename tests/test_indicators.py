"""Standard indicators: the shipped catalogue keeps its schema, and claims map to indicators by rule."""

from __future__ import annotations

import pytest

import reportminer
from reportminer.indicators import (
    IndicatorDataError,
    _read,
    load_catalogue,
    match_claim,
    parse_catalogue,
)

REQUIRED_IDS = {
    "gdp", "gdp_growth", "cpi_growth", "urban_new_jobs", "surveyed_urban_unemployment_rate",
    "general_public_budget_revenue", "general_public_budget_revenue_growth",
    "fixed_asset_investment_growth", "retail_sales_growth", "grain_output",
}
CATEGORIES = {"national accounts", "industry", "investment", "consumption", "trade", "fiscal", "finance",
              "prices", "income", "employment", "population", "health", "agriculture", "energy",
              "environment", "science", "education", "tourism", "transport", "housing", "safety", "business"}


def test_catalogue_schema_and_coverage():
    catalogue = load_catalogue()
    assert len(catalogue.indicators) >= 150
    assert REQUIRED_IDS <= set(catalogue.by_id)
    assert {i.category for i in catalogue.indicators} == CATEGORIES
    for ind in catalogue.indicators:
        assert ind.name_en and ind.name_en.isascii(), ind.id
        assert ind.names or ind.pattern or ind.growth_of, ind.id
        if ind.measure == "growth":
            assert "percent" in ind.kinds, ind.id
        for name in ind.names:  # every listed name is matched by the indicator itself
            assert ind.names_item(name), (ind.id, name)


def test_no_name_belongs_to_two_level_indicators():
    catalogue = load_catalogue()
    levels = [i for i in catalogue.indicators if i.measure == "level"]
    for ind in levels:
        for name in ind.names:
            owners = [o.id for o in levels if o.names_item(name) and ind.kinds & o.kinds]
            assert owners == [ind.id], (name, owners)


def test_schema_breaks_are_reported():
    rules = _read("indicator_rules.toml")
    header = "id,name_zh,synonyms,pattern,name_en,kind,measure,growth_of,category\n"
    with pytest.raises(IndicatorDataError, match="measure"):
        parse_catalogue(header + "x,某,,,some,money,stock,,fiscal\n", rules)
    with pytest.raises(IndicatorDataError, match="kind"):
        parse_catalogue(header + "x,某,,,some,cash,level,,fiscal\n", rules)
    with pytest.raises(IndicatorDataError, match="pattern"):
        parse_catalogue(header + "x,某,,(,some,money,level,,fiscal\n", rules)
    with pytest.raises(IndicatorDataError, match="growth_of"):
        parse_catalogue(header + "x_growth,某增速,,,growth,percent,growth,missing,fiscal\n", rules)
    with pytest.raises(IndicatorDataError, match="columns"):
        parse_catalogue("id,name\nx,y\n", rules)


@pytest.mark.parametrize(("metric", "kind", "change", "sentence", "mention", "ids"), [
    ("地区生产总值", "percent", "increase", "地区生产总值增长5%左右", "5%左右", "gdp_growth"),
    ("生产总值", "money", "", "生产总值达到5.67万亿元", "5.67万亿元", "gdp"),
    ("经济总量", "money", "", "经济总量突破5万亿元", "5万亿元", "gdp"),
    ("GDP增速", "percent", "", "GDP增速5.2%", "5.2%", "gdp_growth"),
    ("人均地区生产总值", "money", "", "人均地区生产总值16.7万元", "16.7万元", "gdp_per_capita"),
    ("社会消费品零售总额、固定资产投资", "percent", "increase",
     "社会消费品零售总额、固定资产投资增长4%左右", "4%左右", "retail_sales_growth;fixed_asset_investment_growth"),
    ("居民消费价格", "percent", "increase", "居民消费价格涨幅2%左右", "2%左右", "cpi_growth"),
    ("城镇新增就业", "count", "", "城镇新增就业50万人", "50万人", "urban_new_jobs"),
    ("城镇调查失业率", "percent", "", "城镇调查失业率5%左右", "5%左右", "surveyed_urban_unemployment_rate"),
    ("粮食产量", "mass", "", "粮食产量513万吨以上", "513万吨", "grain_output"),
    ("常住人口城镇化率", "percent", "increase", "常住人口城镇化率提高到76.2%", "76.2%", "urbanization_rate"),
    ("单位地区生产总值能耗", "percent", "decrease", "单位地区生产总值能耗下降14%", "14%",
     "energy_intensity_reduction"),
    ("人均地区生产总值", "money", "increase", "人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右", "10.5万元",
     "gdp_per_capita"),  # the level a change starts from
    ("人均地区生产总值", "money", "increase", "人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右", "14万元左右",
     "gdp_per_capita"),  # and the level it reaches, a year between
    ("入境游客", "percent", "increase", "入境游客增长39%", "39%", "inbound_tourists_growth"),
    ("软件和信息技术服务业增加值", "percent", "increase", "软件和信息技术服务业增加值增长9.6%", "9.6%",
     "software_it_services_va_growth"),  # a 和 inside a name does not split it
    ("单位国内生产总值二氧化碳排放", "percent", "decrease", "单位国内生产总值二氧化碳排放降低3.8%左右", "3.8%左右",
     "carbon_intensity_reduction"),
    ("一般公共预算支出规模", "money", "", "一般公共预算支出规模将首次达到30万亿元", "30万亿元",
     "general_public_budget_expenditure"),  # a size word after the name names the same measure
])
def test_claims_map_to_indicators(metric, kind, change, sentence, mention, ids):
    assert match_claim(metric, kind, change, sentence, mention).ids == ids


@pytest.mark.parametrize(("metric", "kind", "change", "sentence", "mention"), [
    ("地区生产总值高于全国", "percentage_point", "", "高于全国0.3个百分点", "0.3个百分点"),  # a margin
    ("城镇调查失业率", "percentage_point", "decrease", "下降0.2个百分点", "0.2个百分点"),  # a change of a rate
    ("地区生产总值", "money", "increase", "地区生产总值增加3000亿元", "3000亿元"),  # an amount of change
    ("城市副中心和平原新城地区生产总值", "percent", "increase", "增长6%", "6%"),  # a part of the region
    ("高新技术企业", "percent", "", "占比30%", "30%"),  # wrong kind for a count
    ("", "percent", "increase", "增长6%", "6%"),
])
def test_claims_that_state_no_indicator(metric, kind, change, sentence, mention):
    assert match_claim(metric, kind, change, sentence, mention).ids == ""


def test_indicator_rows_take_the_official_english():
    assert match_claim("生产总值", "percent", "increase", "生产总值增长5%", "5%").metric_en == \
        "gross domestic product (GDP)"
    assert match_claim("经济增速", "percent", "", "经济增速5%", "5%").metric_en.startswith("growth of")
    # one item with no indicator: the glossary's English stays (empty override)
    assert match_claim("固定资产投资、某某指数", "percent", "increase", "增长4%", "4%").metric_en == ""


def test_a_collective_name_of_ordered_parts_is_read_part_by_part():
    rows = reportminer.extract("2025年，全市三次产业增加值分别增长3.0%、3.5%、5.4%。", doc_id="t", published="2026-01")
    assert list(rows["indicator"]) == ["primary_industry_va_growth", "secondary_industry_va_growth",
                                       "tertiary_industry_va_growth"]
    assert list(rows["metric"]) == ["三次产业增加值"] * 3  # the metric stays as written
    assert rows["metric_en"].iloc[0] == "value added of the primary industry"
    # two numbers for three parts: no way to tell which is which, so no indicator
    rows = reportminer.extract("2025年，全市三次产业增加值分别增长3.0%、3.5%。", doc_id="t", published="2026-01")
    assert set(rows["indicator"]) == {""}


def test_a_metric_the_glossary_renders_keeps_its_own_english_beside_the_indicator():
    rows = reportminer.extract("2025年，宁波舟山港集装箱吞吐量4387万标箱。新设民营经营主体39.2万户。",
                               doc_id="t", published="2026-01")
    by_metric = dict(zip(rows["metric"], zip(rows["metric_en"], rows["indicator_en"])))
    # the port is named, as the metric names it; the indicator keeps its general official name
    assert by_metric["宁波舟山港集装箱吞吐量"] == ("container throughput of Ningbo-Zhoushan Port",
                                           "container throughput of ports")
    assert "private" in by_metric["新设民营经营主体"][0]
