"""The English gloss of metrics: glossary terms, then composition with modifiers, then CC-CEDICT."""

import csv
import io
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from reportminer.fold import fold
from reportminer.gloss import gloss, gloss_with_origin, load_modifiers

DATA = resources.files("reportminer.data")
FACTS = Path(__file__).resolve().parents[1] / "outputs" / "facts.csv"


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(DATA.joinpath(name).read_text(encoding="utf-8"))))


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


# ------------------------------------------------------------------ the data files


def test_glossary_schema_sources_and_no_duplicates():
    with DATA.joinpath("glossary.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:2] == ["zh", "en"]  # (lexicon.py reads the first two columns by name)
    assert "source" in header
    rows = _rows("glossary.csv")
    sources = {r["key"] for r in _rows("glossary_sources.csv")}
    assert all(r["key"] and r["title"] for r in _rows("glossary_sources.csv"))
    for row in rows:
        assert row["zh"] and row["en"] and row["source"], row
        assert row["source"] in sources, row
        assert row["en"] == row["en"].strip() and "  " not in row["en"], row
    duplicates = [zh for zh, n in Counter(r["zh"] for r in rows).items() if n > 1]
    assert duplicates == []


def test_modifier_table_schema():
    rows = _rows("gloss_modifiers.csv")
    assert rows
    for row in rows:
        holes = 2 if row["side"] in ("frame", "predicate") else 1
        assert row["zh"] and row["side"] in ("prefix", "suffix", "frame", "event", "change", "predicate"), row
        assert row["template"].count("{}") == holes, row
    assert len({(r["zh"], r["side"]) for r in rows}) == len(rows)
    prefixes, suffixes = load_modifiers()
    assert [len(m.zh) for m in prefixes] == sorted((len(m.zh) for m in prefixes), reverse=True)
    assert {m.side for m in suffixes} == {"suffix"}


# ------------------------------------------------------------------ composition


@pytest.mark.parametrize(
    ("metric", "english"),
    [
        ("新增公园", "new parks"),  # modifier + glossary head
        ("规上工业企业营收", "revenue of industrial enterprises above designated size"),
        # the measure is the outer word: number of (national-level (leading enterprises …))
        ("国家级农业产业化龙头企业数", "number of national-level leading enterprises in agricultural industrialisation"),
        # the reading with the fewest pieces: 全社会 + the term 研发经费投入
        ("全社会研发经费投入", "R&D spending"),
        # a share written around two terms
        ("战略性新兴产业产值占规上工业比重",
         "share of output value of strategic emerging industries in industry above designated size"),
        ("新能源汽车年产量", "annual output of new-energy vehicles"),
    ],
)
def test_composition_of_glossary_heads_and_modifiers(metric, english):
    assert gloss_with_origin(metric) == (english, "composition")


def test_head_and_measure():
    english, origin = gloss_with_origin("工业增加值增速")
    assert origin == "composition"
    assert english.startswith("growth of ") and "value added" in english


@pytest.mark.parametrize(
    ("metric", "literal", "wanted"),
    [  # the three examples of issue 7: a dictionary string no longer, English instead
        ("一般公共预算教育经费", "same public budget educate funds", "education spending in the general public budget"),
        ("国考断面优良水质占比", "country beat monitoring sections", "share of state-monitored sections with good water quality"),
        ("纳入“无事不扰”白名单企业", "bring into without matter no disturb", "whitelisted enterprises"),
    ],
)
def test_issue_examples_read_as_english(metric, literal, wanted):
    english, origin = gloss_with_origin(metric)
    assert literal not in english
    assert wanted in english
    assert origin in ("glossary", "composition")


def test_a_head_stands_alone_only_for_a_short_unknown_word():
    # one unknown character before a head that composes: the head alone (shorter and correct)
    assert gloss_with_origin("某公园") == ("parks", "head")
    # a longer unknown word is kept, glossed word by word before the head
    english, origin = gloss_with_origin("琼脂公园")
    assert english.endswith(" parks") and origin == "dictionary"


def test_every_repeated_metric_of_the_shipped_table_is_glossed_from_the_glossary():
    """A mainland Chinese metric that occurs twice or more in outputs/facts.csv is a glossary term or composes
    from glossary terms and modifiers: never the dictionary fallback (English rows are English already;
    the regional releases are held to it by the strict xfail below)."""
    with FACTS.open(encoding="utf-8") as f:
        metrics = Counter(row["metric"] for row in csv.DictReader(f)
                          if row["metric"] and row["lang"] == "zh" and row["region"] in ("", "CN"))
    repeated = [m for m, n in metrics.items() if n >= 2]
    assert repeated
    # (the engine glosses the metric as folded to simplified characters: 歐元區 is glossed as 欧元区)
    by_dictionary = [m for m in repeated if gloss_with_origin(fold(m))[1] not in ("glossary", "composition")]
    assert by_dictionary == []


GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"


def test_every_repeated_metric_of_the_regional_gold_is_glossed_from_the_glossary():
    """The metrics the Taiwan, Hong Kong and Macao releases SHOULD have (their gold files), written in
    traditional characters and regional terms, find the simplified glossary (入境旅客, 留宿旅客,
    綜合消費物價指數, 修訂預算, 外銷訂單, 稅課收入 …): every one that occurs twice or more."""
    metrics: Counter[str] = Counter()
    for path in sorted(GOLD.glob("*.csv")):
        if path.name.startswith(("tw-", "hk-", "mo-")):
            with path.open(encoding="utf-8-sig") as f:
                metrics.update(row["metric"] for row in csv.DictReader(f) if row["metric"])
    repeated = [m for m, n in metrics.items() if n >= 2]
    assert len(repeated) >= 40
    assert [m for m in repeated if gloss_with_origin(fold(m))[1] not in ("glossary", "composition")] == []


@pytest.mark.parametrize(
    ("metric", "english"),
    [  # official English of DSEC, the Hong Kong Budget and the Taiwan releases, from traditional characters
        ("留宿旅客的平均逗留時間", "average length of stay of overnight visitors"),  # 的 links head and measure
        ("經港珠澳大橋入境的旅客佔", "share of visitor arrivals via the Hong Kong-Zhuhai-Macao Bridge"),
        ("綜合消費物價指數", "Composite CPI"),
        ("食物及非酒精飲品的價格指數", "price index of food and non-alcoholic beverages"),
        ("利得稅修訂預算", "revised estimate of profits tax"),
        ("經季節性調整的失業率", "seasonally adjusted unemployment rate"),
        ("稅課收入累計實收數", "cumulative tax revenue collected"),
        ("光學器材接單", "export orders for optical equipment"),
        ("核心 CPI", "core CPI"),  # a space between Chinese and Latin letters is not part of the term
    ],
)
def test_regional_terms_read_as_their_official_english(metric, english):
    assert gloss(fold(metric)) == english


def test_a_leading_date_and_adverbs_left_by_a_cut_are_not_glossed():
    assert gloss(fold("8月入境旅客按年")) == "visitor arrivals"  # the date is the period, 按年 the change
    assert gloss(fold("基本金屬年")) == "basic metals"  # 年 of 年減
    assert gloss(fold("私人消費開支實質明顯回升")) == "private consumption expenditure in real terms"
    assert gloss("青年") == "youth"  # a dropped character is dropped only from a phrase that composes
    # a two-character word is a word, not a modifier and one character
    assert gloss("开发区") == "development zones" and gloss("上年") == "last year"


def test_verbs_listed_before_one_object_share_it():
    assert gloss("新建、改扩建基础教育学校") == "basic education schools newly built and rebuilt or expanded"
    assert gloss("建设改造地下管网") == "underground pipe networks built or renovated"


def test_an_unknown_quoted_name_before_a_head_that_composes_is_left_out():
    english, origin = gloss_with_origin("新增“固定班次+预约响应”山区城乡公交线路")
    assert english == "new urban-rural bus routes in mountain areas" and origin == "head"


def test_a_measure_is_said_once_and_wraps_what_it_measures():
    assert gloss("产值占全省比重") == "output value as a share of the provincial total"  # not "share of … as a share of"
    assert gloss("新能源汽车产销量占全球比重").endswith("as a share of the global total")
    assert gloss("科创板、北交所上市公司数量") == "number of STAR Market and Beijing Stock Exchange listed companies"
    assert gloss("绿色食品全产业链产值") == "output value of the whole industrial chain of green food"


def test_every_repeated_metric_of_the_regional_releases_is_glossed_from_the_glossary():
    # (an expected failure until the fragments 年, 按年, 較113年度同期, 較原來預算低 and 即 stopped being metrics)
    with FACTS.open(encoding="utf-8") as f:
        metrics = Counter(row["metric"] for row in csv.DictReader(f)
                          if row["metric"] and row["lang"] == "zh" and row["region"] not in ("", "CN"))
    repeated = [m for m, n in metrics.items() if n >= 2]
    assert repeated
    assert [m for m in repeated if gloss_with_origin(fold(m))[1] not in ("glossary", "composition")] == []


def test_a_noun_that_qualifies_another_is_singular():
    assert gloss_with_origin("企业品牌") == ("enterprise brands", "composition")
    assert gloss_with_origin("服务企业")[0] == "service enterprises"
    # a list keeps its plurals, and so does a subject before what was done to it
    assert "vocational colleges upgraded" in gloss("高职高专升格")


def test_a_qualifier_with_a_preposition_goes_after_its_head():
    english = gloss("城中村改造安置住房")
    assert english == "resettlement housing of renovation of urban villages"
    # a name keeps its place before the head
    assert gloss("筹措供应“新时代城市建设者管理者之家”床位").startswith("“New Era Homes")


def test_a_qualifier_that_adds_nothing_or_dangles_is_left_out():
    assert gloss("工业战略性新兴产业重点项目") == "strategic emerging industry key projects"
    assert gloss("新登记各类经营主体") == "newly registered market entities"  # not "all kinds of market entities"


def test_a_bare_verb_is_never_a_head():
    # 新 + 推出 is not "new launched"; a verb left without an object after its subject is dropped
    assert gloss_with_origin("新推出")[1] != "composition"
    english, origin = gloss_with_origin("长三角生态绿色一体化发展示范区新推出")
    assert english.endswith("demonstration zone") and origin == "head"
    assert "launched" not in gloss("示范区新推出")


def test_a_one_word_measure_is_not_cut_in_two():
    assert gloss("月最低工资标准平均数") == "average monthly minimum wage standards"


def test_a_count_of_people_names_its_noun_once():
    assert gloss("入境人数") == "number of inbound people"
    assert gloss("入境过夜游客人数") == "number of inbound overnight tourists"


@pytest.mark.parametrize(
    ("metric", "wanted"),
    [
        ("“415X”集群营收", "revenue of 415X clusters"),  # a code names the thing after "of"
        ("新开工“两通工程”项目", "“two connections” projects newly started"),  # not "project projects"
        ("“双尖双领+X”项目", "“double-top, double-lead” +X projects"),  # the head once, past a +code
        ("提高至", "increase"),  # no function word left dangling ("increase in to")
        ("盘活处置低效产业用地", "inefficient industrial land put to use or disposed of"),  # a participle's "of" stays
        ("新建、改造高标准农田", "high-standard cropland built or upgraded"),  # listed verbs read as written together
        ("新建改建和维护提升体育场地设施", "sports facilities built or rebuilt and maintained and upgraded"),
        ("新增新型储能", "newly added new-type energy storage"),  # 新增 is not lost before a new-type head
        ("集装箱运量", "container volume"),  # a noun before a measure noun is singular
        ("企事业单位附属空间", "ancillary spaces of enterprises and public institutions"),  # coordinated nouns go after
        ("科技创新项目", "science and technology innovation projects"),  # one word a side keeps its place
        ("次低", "second lowest"),
    ],
)
def test_composition_leaves_no_debris(metric, wanted):
    assert gloss(metric) == wanted


def test_a_modifier_with_no_head_takes_the_counted_noun():
    from reportminer.gloss import gloss_counting

    assert gloss_counting("首批", "enterprise") == "first batch of enterprises"
    assert gloss_counting("推出", "batch") == "batches launched"
    assert gloss_counting("区", "item") == gloss("区")  # an attribute ("district {}") names no head
    assert gloss_counting("新增公园", "park") == gloss("新增公园")  # a metric with its head keeps its gloss
    assert gloss_counting("推出", "") == gloss("推出")  # no count, nothing to take


def test_a_percentage_of_things_counted_is_their_share():
    from reportminer.gloss import gloss_of_figure

    assert gloss_of_figure("县医院", "percent", "", "") == "share of county hospitals"
    assert gloss_of_figure("县医院", "percent", "", "increase") == "county hospitals"  # a change is no share
    assert gloss_of_figure("县医院", "count", "hospital", "") == gloss("县医院")
    assert gloss_of_figure("居民消费价格", "percent", "", "") == gloss("居民消费价格")  # no thing counted


def test_figure_reads_a_count_of_times_as_acts_and_a_rising_economy_as_growth():
    from reportminer.gloss import gloss_of_figure

    # 服务企业超过628万次: the times enterprises were served, not service-sector firms
    assert gloss_of_figure("服务企业", "count", "time", "") == "enterprises served"
    assert gloss_of_figure("服务企业", "count", "enterprise", "") == gloss("服务企业")  # (a count of firms)
    # 本港经济去年增长2.3%: the growth of the economy, which the glossary names
    assert gloss_of_figure("经济", "percent", "", "increase") == "economic growth"
    assert gloss_of_figure("经济", "percent", "", "decrease") == gloss("经济")  # (no term for a fall)
    assert gloss_of_figure("居民消费价格", "percent", "", "increase") == gloss("居民消费价格")  # (no such term)
