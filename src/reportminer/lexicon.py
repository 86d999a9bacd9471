"""Load the language knowledge shipped in ``reportminer/data`` once, check it, and freeze it.

The engine never spells a Chinese word itself: every word list, unit and numeral comes from here.

``cues.toml`` loads into :class:`Cues`, one frozen dataclass per section whose fields *are* the schema
(dateparser's ``VALID_KEYS`` idea): a key the schema does not name, or a key it names that the file lacks,
fails at load with one message naming the file, the section and the key. To add a section, write its
dataclass below (one field per key, typed), add it as a field of :class:`Cues`, and add the section to the
file; nothing else reads the schema.

A word with several roles is declared once, in the ``[roles]`` table (``"拟" = ["status.target",
"metric.trailing"]``); the loader appends it to every list it names. ``[implies]`` says which roles bring
others with them (a target word never begins or ends a metric), so adding one target word is one line.

Everything about a unit lives on its line of ``units.csv`` (pint's idea): besides kind and factor its
``role`` (generic, place or attribute classifier), ``only_after`` (arabic, streak) and ``multiplied_as``.
The old ``[units]`` lists (``generic_classifiers`` …) are derived from those columns, so
``Lexicon.cues["units"]["generic_classifiers"]`` still reads as before.
"""

from __future__ import annotations

import csv
import io
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType

from .cache import compiled, parsed_toml
from .errors import UserError
from .types import Kind

DATA_PACKAGE = "reportminer.data"

Words = tuple[str, ...]
"""A list of cue words (order kept as written; ``Lexicon.words`` gives them longest first)."""
Span = tuple[int, ...]
"""Two integers: first and last year or month."""


class LexiconError(UserError):
    """A data file is malformed; the message names the file and the entry."""


# ----------------------------------------------------------------------------------------------------
# The schema of cues.toml: one dataclass per section, one field per key. The comments on each key are
# in cues.toml itself, next to the words.


@dataclass(frozen=True, slots=True)
class QualifierCues:
    """[qualifier]: words around a number that make it approximate or a bound."""

    prefix_approx: Words
    prefix_over: Words
    prefix_under: Words
    inner_over: Words
    suffix_approx: Words
    suffix_over: Words
    suffix_under: Words
    not_prefix_words: Words  # 出超: a word ending in a prefix word that is no bound


@dataclass(frozen=True, slots=True)
class NumberCues:
    """[number]: what a run of numeral characters is and is not."""

    sign_after: Words
    max_digits: int
    not_magnitude: Words
    currency_signs: Mapping[str, str]
    not_decimal_digits: Words
    and_word: str
    half: str
    half_words: Words
    bare_magnitudes: Words
    milestone_words: Words
    magnitude_bound: str
    magnitude_bound_heads: Words
    magnitude_bound_not_after: Words
    counted_nouns: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class RangeCues:
    """[range]: joiners of a range of two numbers."""

    joiners: Words
    respectively: str


@dataclass(frozen=True, slots=True)
class ChangeCues:
    """[change]: change verbs and what stands around them."""

    increase: Words
    decrease: Words
    modifiers: Words
    count_verbs: Words
    fillers: Words
    from_words: Words
    after_percent: Words
    to_words: Words
    restating: Words
    push_verbs: Words
    rise_nouns_after: Words
    fall_nouns_after: Words


@dataclass(frozen=True, slots=True)
class StatusCues:
    """[status]: words that make a claim a target, an estimate or a thing done."""

    target: Words
    done: Words
    estimate: Words
    stretch: Words
    measured_against: Words


@dataclass(frozen=True, slots=True)
class RankCues:
    """[rank]: standings (第5位, 前十, 百强)."""

    context: Words
    markers: Words
    followers: Words
    holder_links: Words  # 则为: 第二名则为大陆, a standing named by what holds it
    ordinal_prefix: str
    top_prefix: str
    tier_marker: str
    tier_count_magnitude: str
    tier_count_classifiers: str
    tier_numerals: str
    ordinal_numerals: str


@dataclass(frozen=True, slots=True)
class LabelCues:
    """[label]: numbers that are part of a name, a label or the text's own structure."""

    quote_pairs: Words
    quote_max_chars: int
    structural_nouns: Words
    blockers: Words
    campaign_words: Words
    band_suffixes: Words
    band_joiners: Words
    band_aims: Words
    reach_nouns: Words
    plan_words: Words
    list_openers: Words
    list_joiners: Words
    etc: str
    attributive: str
    blocker_nouns: Words
    session_word: str


@dataclass(frozen=True, slots=True)
class TimeCues:
    """[time]: durations that are windows, labels or claims."""

    window_before: Words
    window_after: Words
    duration_cues: Words
    long_duration_units: Words
    streak_cues: Words
    short_window_after: Words
    short_window_before: Words
    record_words: Words  # 最大: 近36个月最大降幅 is a record's window, no claim


@dataclass(frozen=True, slots=True)
class MetricCues:
    """[metric]: what a claim measures (read by the context rules)."""

    comparisons: Words
    cause_openers: Words  # 由于: …则由于…措施完结而下跌6.4%, a cause inside the metric
    cause_closers: Words  # 而: what closes the cause
    comparison_blockers: Words
    comparison_unblockers: Words
    subset_words: Words
    restated_as: Words
    drivers: Words
    counted_selections: Words
    thresholds: Words
    figures: Words
    measure_heads: Words
    noun_suffixes: Words
    total_openers: Words
    bare_measures: Words
    measure_words: Words
    tiers: Words
    basis_ends: Words
    work_verbs: Words
    count_makers: Words
    magnitude_modifiers: Words
    fused_pairs: Mapping[str, Words]
    rate_words: Words
    negations: Words
    event_classifiers: Words
    aims: Words
    glued: Words
    trailing: Words


@dataclass(frozen=True, slots=True)
class FractionCues:
    """[fraction]: 八成, 百分之八十二."""

    cheng_blockers: Words
    percent_prefixes: Mapping[str, str]
    prefixes_kept_as_written: Words
    joint: str
    tenth_unit: str


@dataclass(frozen=True, slots=True)
class UnitsCues:
    """[units]: unit behaviour that is not one unit's own (that is on its line of units.csv)."""

    false_units: Words
    count_noun_trailers: Words
    per_links: Words
    per_averages: Words  # 平均: 每户平均人口2.37人, an average of a short measure noun per denominator
    place_moves: Words
    per_words: Words
    money_measures: Words
    household_exceptions: Words
    streak_words: Words
    per_std: Mapping[str, str]
    subunits: Mapping[str, Mapping[str, float]]
    scale_prefixes: Mapping[str, str]
    discount: str
    discount_blockers: Words
    age_followers: Words
    band_tails: Words  # 或以上: 65岁或以上人士 still names a group
    age_suffix: str
    per_joiners: Words
    per_word: str
    list_classifier: str
    count_list_leads: Words  # 依次为: before a list of bare numbers, a count's classifier written once at its end is each one's
    scale_unit: str


@dataclass(frozen=True, slots=True)
class LayoutCues:
    """[layout]: lines that are not body text, and how sentences end."""

    metadata_keys: Words
    byline_words: Words
    photo_credit_suffixes: Words
    end_marks: Words  # (完), （完）: a news story's end mark after its last sentence
    caption_max_chars: int
    bullets: Words
    sentence_enders: Words
    closers: Words
    part_enumerators: str
    photo_credit_words: Words
    year_digits: str
    numeral_chars: str


@dataclass(frozen=True, slots=True)
class PeriodCues:
    """[period]: time expressions."""

    base_markers: Words
    previous_months: Words  # 先前, 此前: 先前三个月 is the months before, not a year's first months
    moved_rates: Words  # 年增率, 通胀率: a rate whose level a verb moves keeps its sign (M2年增率下降为3.33%)
    moved_to_links: Words  # 为, 至: between the verb that moves a rate and the level it reaches
    revision_verbs: Words  # 下修, 下调: a forecast revised; the level it reaches takes the revision's direction
    base_levels: Words  # 高位, 水平: 较今年7月时的高位398.2点, the base's own level
    base_time_tails: Words  # 时: 7月时的高位, what joins a base's time to the level it had
    base_openers: Words  # 和, 与: 和一一三年相较, a time between one and a base closer is a base
    base_comparatives: Words  # 略高, 为低: after a base's own change, how the claim's compares with it
    month_end_marks: Words  # 底, 末: 上月底 is still that month
    month_figure_links: Words  # 之, 的: 上月底之6.51% is that month's own figure, even after a base marker
    back_references: Words  # 期内: a sentence that opens with it is about the period of the claim before
    each_quarter: Words  # 各季: 今年各季…分别为a、b、c、d are the year's four quarters in order
    point_parts: Words  # 年中: a point in a year; a span from it starts the month after (去年年中至今年年中)
    whole_year: Words
    topic_leads: Words
    relative: Mapping[str, Span]
    window_past: Words  # 过去, 近: N years before publication (过去四年间)
    window_future: Words  # 今后, 未来: the year of publication and the N - 1 after it
    window_tails: Words  # 来, 间: after the 年 of a window
    year_parts: Mapping[str, Span]
    year_mark: str
    month_mark: str
    month_suffix: str
    day_marks: str
    month_edges: str
    month_start: str
    span_joiners: str
    until: str
    since: Words
    since_not_before: Words  # 京, 华: after 来 they make it "came to" (2020年来京游客), not "since"
    running_marks: Words  # 迄今: 11月迄今 is the month still running
    base_closers: Words  # 比较: closes a base phrase after its amount
    level_bases: Words  # 回复至: 回复至2019年逾八成水平 is a share of that level, said of now
    figure_bases: Words  # 比, 较: 比去年的3%低, the share after 的 is the base's
    today_words: Words  # 今: 今（12/16）公布, the day of publication
    epithets: Words
    day_mark: str
    roc_lead: str  # 民国 before a ROC year (Taiwan: 民国112年)
    roc_year_followers: Words  # 全年, 度: after 年, a two-digit number before them is an ROC year (90年全年)
    short_year_followers: Words  # 的, 第: after 年, a two-digit number before them is a year of this century (一二年的)
    short_year_not_followers: Words  # 来, 内: after 年, a zero-led two-digit number before them is no year
    fiscal_mark: str  # 度 after a year: a fiscal year (113年度)
    fiscal_relative: Mapping[str, Span]  # 本年度 → [0, 0], 未来两个财政年度 → [1, 2]: Hong Kong financial years
    # counted from the current one
    relative_months: Mapping[str, int]  # 上月 → -1: a month counted from the month a release is about
    relative_quarters: Mapping[str, int]  # 上一季 → -1: a quarter counted from the quarter a release is about
    same_period: Words  # 同期: 去年同期 is the months at hand, a year back
    quarter_marks: Words  # 季度, 季: 最近四季 is a window of four quarters
    academic_marks: Words  # 学年度, 学年: 114学年 is a Taiwan school year (ROC calendar)
    academic_start: int  # 8: the month a Taiwan school year begins


@dataclass(frozen=True, slots=True)
class MetricLeadCues:
    """[metric_lead]: the edges of a metric phrase."""

    words: Words
    list_openers: Words
    actor_suffixes: Words
    report_verbs: Words  # 公布: an actor reports what follows it (中央银行今日公布9月外汇存底)
    place_names: Words
    done_verbs: Words
    place_suffixes: Words
    right_stop_tags: Words
    right_stop_words: Words
    right_trailing: Words


@dataclass(frozen=True, slots=True)
class NumberRangeCues:
    """[numberrange]: bounds around a bare number, for reportminer.numbers()."""

    over_prefix: Words
    under_prefix: Words
    exact_prefix: Words
    over_suffix: Words
    under_suffix: Words
    comparative_over: Words
    comparative_under: Words
    between_open: Words
    between_joiners: Words
    between_close: Words
    bound_joiners: Words
    multipliers: Mapping[str, int]
    words: Mapping[str, int]
    financial_digits: str
    numeral_heads: Words
    numeral_tails: Words
    comparative_lead: str


@dataclass(frozen=True, slots=True)
class CorpusCues:
    """[corpus]: how an article's header, title and lead give its date."""

    date_keys: Words
    source_keys: Words
    report_titles: Words
    review_headings: Words


@dataclass(frozen=True, slots=True)
class ContextCues:
    """[context]: the words the context rules (reportminer/context) test for themselves."""

    attribute_marker: Words
    fenbie_manners: Words  # 按季: alone before 分别, the list is the numbers before it
    value_notes: Words  # 下修值: what kind of figure the number after a date is (由上月下修值15.8%增为18.1%)
    example_openers: Words  # 尤其是: the items after it (马来西亚（升139.4%）) are examples of the measure before it
    ranked_units: Words
    measure_endings: Words
    examples_marker: Words
    growth_rate: Words
    repair_marks: Words
    list_separators: Words
    ordinal_mark: Words
    list_joiners: Words
    respectively: Words
    basis_opener: Words
    base_mark: Words
    where_marker: Words
    rank_scope_close: Words
    rank_scope_ties: Words
    rank_trailing: Words
    subset_predicates: Words
    measure_suffixes: Words
    ordinal_digits: Words
    enumeration_digits: Words
    enumeration_classifiers: Words
    event_trim: Words
    list_separator_steps: str  # 、 then 和 then 与: the joiners a list is cut at, added one by one, in order
    named_set_marks: Words  # 两大主力: the mark of a named set that opens a list


@dataclass(frozen=True, slots=True)
class ClaimPeriodCues:
    """[claim_period]: the words the period rules of status.py read (从…到 ends, horizons, as-of words)."""

    change_from: Words
    change_to: Words
    as_of: Words
    horizons: Words
    deadline_after: Words
    reference_after: Words  # 开始, 为基期: 由今年1月开始 is a reference point, no paragraph's period
    fronted_ends: Words
    span_keepers: Words  # 累计, 年均, 新增: a total, average or count of work over a plan keeps its span
    count_levels: Words  # 达, 增加到: a count over a plan that states the level reached


@dataclass(frozen=True, slots=True)
class ClaimUnitsCues:
    """[claim_units]: the words refine_unit reads (a household that is no classifier)."""

    household: Words


@dataclass(frozen=True, slots=True)
class RegionalCues:
    """[regional]: how releases from Taiwan, Hong Kong and Macau write what the other sections read."""

    index_words: Words  # 指数: a bare number in brackets beside it is the index level (综合消费物价指数(104.10))
    index_links: Words  # 为: 7月WPI为109.57, a level after its index's name and a link
    index_report_links: Words  # 报: after it a bare number is the level of the index the sentence named
    index_time_preps: Words  # 在: 指数在2014年8月为97.71, before the month told between the name and the link
    index_unit: str  # the std_unit of an index level
    quarter_code: str  # 112Q1: a year (ROC in Taiwan) and its quarter, as tables write them
    quarter_bases: Words  # 同季: a base that makes the sentence's figures quarterly (与上年同季比较)
    month_bases: Words  # 同月: a base that makes the sentence's figures of one month (较去年同月增加33.9%)
    months_to_date: Words  # 今年前11月, 前11个月: the months of the year up to the one named
    window_until: Words  # 至今年1月为止的十二个月: a window of months that ends with the month named
    corresponding: Words  # 相应: a figure said to correspond to the one before is of its period
    change_rates: Words  # 通胀率, 涨幅: a rate that is a change by definition takes its change by its sign
    compared_higher: Words  # 较原来预算高4.5%: higher than a base, an increase
    compared_lower: Words  # 较原来预算低331亿元: lower than a base, a decrease
    compared_not_after: Words  # 比上年新增1万人: 新增 names new additions, not a change against the base
    bare_increase: Words  # 其中工业增1.0%: a one-character change verb right before the number
    bare_decrease: Words  # 较上月减4.07%
    comparison_frames: Words  # 较: 利得税较原来预算增加约168亿元, the metric ends before the base
    note_openers: Words  # 西式早点(如汉堡、三明治): a bracketed note of examples or scope, no part of a metric
    budget_words: Words  # 本年度预算案: the budget presented this year, for the coming financial year
    forecast_words: Words  # 预估12月…: a month without a year after these is this year's, even the running one
    respondents: Words  # 商户: 有49.7%商户预期第4季…, a share of respondents expecting a time is of that time
    forecast_not_before: Words  # 目标: 预期目标 is a benchmark, no forecast
    forecast_not_after: Words  # 于: 优于预期 is a benchmark, no forecast
    forecast_made_after: Words  # 时: 预测由5月份时的1.5%, the month the forecast was made
    statistical_estimates: Words  # 临时估计: a statistics office's estimate of a month gone, no forecast
    topic_markers: Words  # CPI 方面，…欧元区涨8.5%: a topic that heads the places a sentence lists
    topic_group_ends: Words  # 主要订单来源地区中: what ends a group word that names a topic
    own_place_heads: Words  # 我国, 本港: how a pronoun that names the text's own place begins
    topic_groups: Words  # 主要订单来源地区中，以美国284.5亿美元为首: the places of the head before the group word
    account_measures: Words  # 预算达成率, 执行率: measures of an account, said bare after the account's first
    shared_prepositions: Words  # 经关闸口岸、港珠澳大桥及横琴口岸入境的旅客: opens every item of the list
    rate_nouns: Words  # 而首季的升幅为3.0%: a change noun alone as the metric, the change of the claim before
    balance_nouns: Words  # 30亿元赤字, 513亿元盈余: the balance of an account, named after the amount
    balance_links: Words  # 经营帐目将由…: the words that end the account's name before a balance
    balance_owners: Words  # 政府经营帐目: who holds the account, no part of its name
    balance_bases: Words  # 由原来预算约30亿元赤字: the estimate a balance was first, part of its metric
    class_openers: Words  # 类别为: 录得按年升幅的类别为交通上升3.5%, the class named after it is measured
    statistical_qualifiers: Words  # 实质GDP初步统计yoy为1.36%: how far the figure is final, no part of a metric


@dataclass(frozen=True, slots=True)
class Cues:
    """All of cues.toml, section by section. ``roles`` and ``implies`` are already expanded into the lists."""

    qualifier: QualifierCues
    number: NumberCues
    range: RangeCues
    change: ChangeCues
    status: StatusCues
    rank: RankCues
    label: LabelCues
    time: TimeCues
    metric: MetricCues
    plan_periods: Mapping[str, Span]
    fraction: FractionCues
    units: UnitsCues
    layout: LayoutCues
    period: PeriodCues
    metric_lead: MetricLeadCues
    corpus: CorpusCues
    numberrange: NumberRangeCues
    context: ContextCues
    claim_period: ClaimPeriodCues
    claim_units: ClaimUnitsCues
    regional: RegionalCues


# Tables of cues.toml that are not sections of Cues: they are expanded into the sections' lists.
_ROLE_TABLES = ("roles", "implies")


# ----------------------------------------------------------------------------------------------------
# Units and the lexicon.

# role — generic: a classifier that says nothing of what it counts (个, 项, 家); place: counts places in a
# ranking after a move (上升4位); attribute: a measure that describes a group when a noun follows (3岁以下婴幼儿).
UNIT_ROLES = frozenset({"", "generic", "place", "attribute"})
# only_after — arabic: a unit only after Arabic digits or a magnitude (四方 is four parties); streak: only after
# a streak word (连续12届; 二十届 is a name); decimal: only after a number written with a decimal point
# (旅客平均逗留时间为1.2日; 19日 is a day's date); index: only where an index is named shortly before it
# (私人楼价指数报396.3点; 上午9点 is a time of day).
UNIT_ONLY_AFTER = frozenset({"", "arabic", "streak", "decimal", "index"})

# The old [units] lists, derived from the columns of units.csv: list name → (column, value).
_DERIVED_UNIT_LISTS = {
    "generic_classifiers": ("role", "generic"),
    "place_classifiers": ("role", "place"),
    "attribute_units": ("role", "attribute"),
    "arabic_only": ("only_after", "arabic"),
    "streak_only": ("only_after", "streak"),
}


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    kind: Kind
    unit_en: str
    std_unit: str
    factor: Decimal
    role: str = ""  # one of UNIT_ROLES
    only_after: str = ""  # one of UNIT_ONLY_AFTER
    multiplied_as: str = ""  # the unit it reads as after a magnitude: 1.2亿度 is 度电, 85度 a temperature


@dataclass(frozen=True, slots=True)
class Lexicon:
    digits: Mapping[str, int]
    small_units: Mapping[str, int]
    big_units: Mapping[str, int]
    decimal_points: frozenset[str]
    vague_digits: Mapping[str, int]
    tens: Mapping[str, int]  # 廿 = 20: a digit and 十 in one character
    signs: Mapping[str, str]  # sign → "-" or "+"
    fullwidth: Mapping[str, str]
    units: Mapping[str, Unit]
    cues: Mapping[str, Mapping[str, object]]  # the typed ``schema`` as section → key → value
    glossary: Mapping[str, str]
    count_nouns: tuple[tuple[str, str], ...]  # (suffix of the counted noun, English noun), longest first
    plan_periods: Mapping[str, tuple[int, int]]
    schema: Cues
    # the lists ``words`` has sorted, by (section, key): the stages ask for some once per number, and
    # building and hashing the tuple of a long list each time cost more than the look-ups it served
    sorted_words: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, section: str, key: str) -> tuple[str, ...]:
        """A cue word list, longest first (so alternations built from it prefer long matches)."""
        found = self.sorted_words.get((section, key))
        if found is None:
            listed = tuple(self.cues[section][key])  # type: ignore[arg-type]
            found = self.sorted_words[section, key] = _longest_first(listed)
        return found


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def data_path(name: str):
    """A Traversable for a data file (used for jieba's user dictionary)."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def _no_duplicates(name: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise LexiconError(f"{name}: duplicate entry {key!r}")
        seen.add(key)


# ----------------------------------------------------------------------------------------------------
# cues.toml → Cues


_type_hints = cache(typing.get_type_hints)  # (a schema class's hints, evaluated once: parse_cues asks hundreds of times)


def _convert(value: object, hint: object, where: str) -> object:
    """``value`` as the field type ``hint`` wants it (lists become tuples, tables read-only mappings)."""
    if hint is str and type(value) is str:  # (most values: the words of a list, each a call)
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (int, str):
        if type(value) is not hint:
            raise LexiconError(f"{where}: expected {hint.__name__}, got {type(value).__name__}")  # type: ignore[union-attr]
        return value
    if hint is float:
        if type(value) not in (int, float):
            raise LexiconError(f"{where}: expected a number, got {type(value).__name__}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise LexiconError(f"{where}: expected a list, got {type(value).__name__}")
        return tuple(_convert(item, args[0], where) for item in value)
    if origin is Mapping:
        if not isinstance(value, dict):
            raise LexiconError(f"{where}: expected a table, got {type(value).__name__}")
        return MappingProxyType({k: _convert(v, args[1], f"{where}.{k}") for k, v in value.items()})
    raise TypeError(f"no conversion for {hint!r}")  # a schema bug, not a data bug


def _section(cls: type, raw: object, where: str) -> object:
    """One section of the file as its dataclass; unknown or missing keys fail with one clear message."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a table")
    hints = _type_hints(cls)
    names = [f.name for f in fields(cls)]
    unknown = [k for k in raw if k not in hints]
    missing = [k for k in names if k not in raw]
    if unknown:
        raise LexiconError(f"{where}: unknown key {unknown[0]!r} (the schema is {cls.__name__} in lexicon.py)")
    if missing:
        raise LexiconError(f"{where}: missing key {missing[0]!r} (the schema is {cls.__name__} in lexicon.py)")
    return cls(**{k: _convert(raw[k], hints[k], f"{where}.{k}") for k in names})


def _expand_roles(name: str, raw: dict) -> dict:
    """Put every word of ``[roles]`` into the lists its roles name, then the words ``[implies]`` brings.

    Declared words go before a list's own words, in the order of the table (the readers of a list that
    strip words one pass at a time see them in the order they had when each list spelled them out)."""
    added: dict[str, list[str]] = {}
    for word, named in raw.get("roles", {}).items():
        if not isinstance(named, list) or len(named) < 2:
            raise LexiconError(f"{name}: [roles] {word!r}: give a list of two or more roles")
        for role in named:
            _add(name, raw, added, role, word, f"[roles] {word!r}")
    _merge(raw, added)
    added = {}
    for source, targets in raw.get("implies", {}).items():
        for word in _lookup(name, raw, source, "[implies]"):
            for role in targets:
                _add(name, raw, added, role, word, f"[implies] {source!r}")
    _merge(raw, added)
    return raw


def _lookup(name: str, raw: dict, role: str, where: str) -> list:
    section, _, key = role.partition(".")
    words = raw.get(section, {}).get(key)
    if words is None and _schema_has(section, key):
        raise LexiconError(f"{name}: [{section}]: missing key {key!r} ({where} names it)")
    if not isinstance(words, list):
        raise LexiconError(f"{name}: {where} names {role!r}, which is no word list")
    return words


def _schema_has(section: str, key: str) -> bool:
    cls = _type_hints(Cues).get(section)
    return isinstance(cls, type) and key in {f.name for f in fields(cls)}


def _add(name: str, raw: dict, added: dict[str, list[str]], role: str, word: str, where: str) -> None:
    if word in _lookup(name, raw, role, where) or word in added.get(role, ()):
        raise LexiconError(f"{name}: {where}: {word!r} is already in {role!r}; declare it once")
    added.setdefault(role, []).append(word)


def _merge(raw: dict, added: dict[str, list[str]]) -> None:
    for role, words in added.items():
        section, _, key = role.partition(".")
        raw[section][key] = words + raw[section][key]


def parse_cues(text: str, name: str = "cues.toml") -> Cues:
    """The typed cues of a TOML text; raises LexiconError naming file, section and key."""
    try:
        raw = parsed_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{name}: {exc}") from exc
    hints = _type_hints(Cues)
    unknown = [s for s in raw if s not in hints and s not in _ROLE_TABLES]
    missing = [s for s in hints if s not in raw]
    if unknown or missing:
        what = f"unknown section [{unknown[0]}]" if unknown else f"missing section [{missing[0]}]"
        raise LexiconError(f"{name}: {what} (the schema is Cues in lexicon.py)")
    raw = _expand_roles(name, raw)
    values = {}
    for section, hint in hints.items():
        where = f"{name}: [{section}]"
        values[section] = (_convert(raw[section], hint, where) if typing.get_origin(hint) is Mapping
                           else _section(hint, raw[section], where))
    return Cues(**values)


def _as_mapping(cues: Cues, units: Mapping[str, Unit]) -> Mapping[str, Mapping[str, object]]:
    """section → key → value, for the readers of ``Lexicon.cues``; the unit lists come from units.csv."""
    view: dict[str, Mapping[str, object]] = {}
    for f in fields(cues):
        section = getattr(cues, f.name)
        if isinstance(section, Mapping):
            view[f.name] = section
            continue
        entries = {g.name: getattr(section, g.name) for g in fields(section)}
        if f.name == "units":
            entries |= {key: tuple(u.surface for u in units.values() if getattr(u, column) == value)
                        for key, (column, value) in _DERIVED_UNIT_LISTS.items()}
            entries["multiplied_as"] = MappingProxyType(
                {u.surface: u.multiplied_as for u in units.values() if u.multiplied_as})
        view[f.name] = MappingProxyType(entries)
    return MappingProxyType(view)


# ----------------------------------------------------------------------------------------------------
# CSV tables


def _csv_table(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """A data CSV's header and rows as ``csv.DictReader`` reads them, kept in the cache by content."""
    text = _read_text(name)

    def read() -> tuple[list[str], list[dict[str, str]]]:
        reader = csv.DictReader(io.StringIO(text))
        rows = list(reader)
        return list(reader.fieldnames or []), rows

    return compiled("csv", [text], read)


def _csv_rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    header, rows = _csv_table(name)
    missing = [c for c in columns if c not in header]
    unknown = [c for c in header if c not in columns]
    if missing or unknown:
        what = f"missing column {missing[0]!r}" if missing else f"unknown column {unknown[0]!r}"
        raise LexiconError(f"{name}: {what} (the columns are {', '.join(columns)})")
    return rows


UNIT_COLUMNS = ("surface", "kind", "unit_en", "std_unit", "factor", "role", "only_after", "multiplied_as", "note")


def _unit(row: dict[str, str]) -> Unit:
    where = f"units.csv: entry {row['surface']!r}"
    try:
        kind, factor = Kind(row["kind"]), Decimal(row["factor"])
    except Exception as exc:  # re-raised with the entry named
        raise LexiconError(f"{where}: {exc}") from exc
    if not row["unit_en"] or not row["std_unit"]:
        raise LexiconError(f"{where} lacks unit_en or std_unit")
    if row["role"] not in UNIT_ROLES or row["only_after"] not in UNIT_ONLY_AFTER:
        raise LexiconError(f"{where}: role must be one of {sorted(UNIT_ROLES)}, "
                           f"only_after one of {sorted(UNIT_ONLY_AFTER)}")
    return Unit(row["surface"], kind, row["unit_en"], row["std_unit"], factor,
                row["role"], row["only_after"], row["multiplied_as"])


def _load_units() -> dict[str, Unit]:
    rows = _csv_rows("units.csv", UNIT_COLUMNS)
    _no_duplicates("units.csv", [r["surface"] for r in rows])
    units = {row["surface"]: _unit(row) for row in rows}
    for unit in units.values():
        if unit.multiplied_as and unit.multiplied_as not in units:
            raise LexiconError(f"units.csv: entry {unit.surface!r}: multiplied_as {unit.multiplied_as!r} is no unit")
    return units


def _load_two_columns(name: str, key: str, value: str) -> list[tuple[str, str]]:
    rows = _csv_table(name)[1]
    _no_duplicates(name, [r[key] for r in rows])
    for row in rows:
        if not row[key] or not row[value]:
            raise LexiconError(f"{name}: empty field in entry {row!r}")
    return [(r[key], r[value]) for r in rows]


@cache
def load_cues() -> Cues:
    """The typed cues of the shipped cues.toml."""
    return parse_cues(_read_text("cues.toml"))


@cache
def load_lexicon() -> Lexicon:
    numerals = parsed_toml(_read_text("numerals.toml"))
    cues = load_cues()
    units = _load_units()
    count_nouns = sorted(_load_two_columns("count_nouns.csv", "suffix", "en"), key=lambda p: -len(p[0]))
    fullwidth = numerals["fullwidth"]
    for src, dst in fullwidth.items():
        if len(src) != 1 or len(dst) != 1:
            raise LexiconError(f"numerals.toml: fullwidth entry {src!r} must map one character to one")
    return Lexicon(
        digits=MappingProxyType(numerals["digits"]),
        small_units=MappingProxyType(numerals["small_units"]),
        big_units=MappingProxyType(numerals["big_units"]),
        decimal_points=frozenset(numerals["decimal_points"]),
        vague_digits=MappingProxyType(numerals["vague_digits"]),
        tens=MappingProxyType(numerals["tens"]),
        signs=MappingProxyType(dict(numerals["signs"])),
        fullwidth=MappingProxyType(fullwidth),
        units=MappingProxyType(units),
        cues=_as_mapping(cues, units),
        glossary=MappingProxyType(dict(_load_two_columns("glossary.csv", "zh", "en"))),
        count_nouns=tuple(count_nouns),
        plan_periods=MappingProxyType({k: (int(a), int(b)) for k, (a, b) in cues.plan_periods.items()}),
        schema=cues,
    )
