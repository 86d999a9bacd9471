"""The cue words the context rules read, loaded once from ``data/cues.toml`` into one typed record."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import regexcache as regex

from ..lexicon import Lexicon, load_lexicon
from ..segment import CLAUSE_REACH, is_word_at


@dataclass(frozen=True, slots=True)
class Cues:
    increase: tuple[str, ...]
    trailing: tuple[str, ...]
    trailing_words: frozenset[str]  # the same words as a set: tested word by word, a tuple would be scanned
    links: tuple[str, ...]  # the link words alone, without change verbs (增速 stays before a rank)
    lead: frozenset[str]
    actor_suffixes: tuple[str, ...]
    report_verbs: frozenset[str]
    counted_nouns: tuple[str, ...]  # names of things that are counted (小区, 园区): never actors
    changes: frozenset[str]
    streak_cues: tuple[str, ...]  # 连续, 历时 …: what makes a duration a streak
    place_suffixes: tuple[str, ...]
    rank_context: tuple[str, ...]
    right_stop_tags: frozenset[str]
    right_stop_words: frozenset[str]
    right_stop_prefixes: tuple[str, ...]
    right_trailing: tuple[str, ...]
    from_words: tuple[str, ...]
    count_verbs: frozenset[str]
    subset_words: frozenset[str]  # 其中: a clause about a part of what came before
    restated_as: frozenset[str]  # 折合: the figure before told again in another unit
    drivers: tuple[str, ...]  # 带动: a verb that says what caused a change, not what changed
    counted_selections: frozenset[str]  # 入选, 开设: a predicate that says which things a count counts
    thresholds: tuple[str, ...]  # 台阶: marks crossed, said of what crossed them
    growth_nouns: frozenset[str]  # 增长, 下降, 升幅 …: change words that can follow a percent as nouns
    rise_nouns: frozenset[str]  # 升幅: change nouns after a number that say it rose
    comparison_blockers: tuple[str, ...]
    comparison_unblockers: tuple[str, ...]
    event_classifiers: tuple[str, ...]  # 次, 回: counts of events
    noun_suffixes: frozenset[str]  # 点, 站: one-character nouns that end a counted thing
    bare_measures: frozenset[str]  # 增速, 总数 …: a standing of these needs the subject before
    measure_words: tuple[str, ...]  # 增加值, 产量 …: whole words that name a measure
    total_re: regex.Pattern[str]  # 达, 累计达, 总数达 …: a clause that gives a running total
    measure_heads: tuple[str, ...]  # 增加值, 收入 …: heads a list may share
    comparisons: tuple[str, ...]  # 高于, 低于 …: a metric that compares the claim before it
    figures: tuple[str, ...]  # 台阶, 大关 …: figures of speech after a measure
    tiers: tuple[str, ...]  # 国家级, 省级 …: levels of a designation
    bare_measure_words: tuple[str, ...]  # bare_measures, longest first, for startswith
    place_names: frozenset[str]  # 广东, 陕西 …: province-level names without 省
    done_verbs: frozenset[str]  # 完成, 实现: verbs that report a standard measure
    basis_re: regex.Pattern[str]  # 按可比价计算: the basis of a comparison
    dating_words: tuple[str, ...]  # 预计, 全年: words that only date or hedge the number after them
    stretch_words: tuple[str, ...]  # 力争达到: words that set a stretch target after a first one
    change_modifiers: frozenset[str]  # 平均, 年均, 同比: words before a change verb that go with it
    negations: tuple[str, ...]  # 未, 没有: what follows tells of an event that did not happen
    work_verbs: frozenset[str]  # 新建, 改造 …: work done on the things a list names
    count_makers: tuple[str, ...]  # 新增, 新建, 建成 …: verbs that make or add the things a count counts
    magnitude_modifiers: frozenset[str]  # 千亿, 百强 …: a magnitude that classes what is counted (4个千亿县)
    count_noun_trailers: frozenset[str]  # 建设, 投产 …: what is done to the things counted
    aimed_change_re: regex.Pattern[str]  # 的增长目标: a change named as an aim after a percent
    rate_words: tuple[str, ...]  # 增速, 增幅: a growth rate that a standing or streak may be of
    aims: tuple[str, ...]  # 目标, 水平 …: what a percent is set as, after the measure it names
    trailing_re: regex.Pattern[str]  # a link word glued to the end of a word (占比达 → 占比)
    whole_words: frozenset[str]  # 出超: words that end in a link word yet are one word
    change_re: regex.Pattern[str]  # a change verb, then fillers, at the end of a text
    target_re: regex.Pattern[str]
    change_after_re: regex.Pattern[str]  # a change verb then 至/到 right after a number
    done_re: regex.Pattern[str]  # 已, 已经, 了: what the clause tells has happened
    estimate_re: regex.Pattern[str]  # 预计: an estimate, a target even for a period already over
    measured_against_re: regex.Pattern[str]  # 高出, 完成 … right before a target word: a result, not a plan
    attribute_marker: tuple[str, ...]  # 的: what follows a number names what is measured
    value_notes: tuple[str, ...]  # 下修值: a note on the figure between its date and its number
    example_openers: tuple[str, ...]  # 尤其是: examples of the measure before it follow
    ranked_units: tuple[str, ...]  # 强: a standing that names what is ranked after it
    measure_endings: tuple[str, ...]  # 量, 额: one-character endings of a measure
    examples_marker: str  # 等: closes a list of examples
    growth_rate: str  # 增速: what a standing after a growth rate stands for
    repair_marks: tuple[str, ...]  # 比, [: what may open a footnote or a quoted base in a metric
    list_separators: tuple[str, ...]  # 、 和 及 与: where the items of a list part
    ordinal_mark: str  # 第: what makes a numeral an ordinal
    list_joiners: frozenset[str]  # 、 和 及 …: what stands between the numbers of one list
    respectively: str  # 分别: pairs the numbers after it with a list's items
    fenbie_manners: frozenset[str]  # 按季: alone before 分别, the list is the numbers before
    basis_opener: str  # 按: opens the basis of a comparison (按可比价计算)
    base_mark: str  # 比: a comparison base inside a metric
    where_marker: str  # 在: a place before it is where, not what
    rank_trailing: tuple[str, ...]  # 首次, 年, 进入: what a ranked metric sheds at its end
    rank_sheds: tuple[str, ...]  # everything a ranked metric sheds at its end, in the order tried
    measure_suffixes: tuple[str, ...]  # 量, 额, 数, 率: one-character endings of a measure
    event_trim: str  # what ends the words of a count of events
    rank_scope_re: regex.Pattern[str]  # 在前十经济大省中并列: the field a standing is in
    quoted_base_re: regex.Pattern[str]  # 比“四经普”: a comparison base in quotation marks at a metric's end
    footnote_re: regex.Pattern[str]  # [2], ［1］: a footnote marker
    subset_predicate_re: regex.Pattern[str]  # 为全国首创: what a subset is said to be
    ordinal_item_re: regex.Pattern[str]  # 第一, 三: an ordinal listed before a shared noun
    enumeration_re: regex.Pattern[str]  # 三个行政区: a count in Chinese numerals closing a list's subject


_HAN_ONLY = regex.compile(r"\p{Han}+")


def alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _month_of(lex: Lexicon, of: str) -> str:
    """下降至10月底的77.4%: a month (its end or start) and 的 may stand between a change verb and the level it
    reaches; the optional pattern of that date."""
    period = lex.schema.period
    edges = regex.escape(period.month_edges + period.month_start)
    return rf"(?:\d{{1,2}}{regex.escape(period.month_mark)}[{edges}]?{regex.escape(of)})?"


def _patterns(lex: Lexicon, increase: tuple[str, ...], decrease: tuple[str, ...],
              prefixes: tuple[str, ...]) -> dict[str, regex.Pattern[str]]:
    """The patterns of the cue record, assembled from the word lists."""
    of = lex.words("context", "attribute_marker")[0]
    basis = lex.words("context", "basis_opener")[0]
    base = regex.escape(lex.words("context", "base_mark")[0])
    ties = alternation(lex.words("context", "rank_scope_ties"))
    digits = "".join(lex.cues["context"]["ordinal_digits"])
    return dict(
        rank_scope_re=regex.compile(regex.escape(lex.words("context", "where_marker")[0]) + "[^，,、]{1,12}"
                                    + regex.escape(lex.words("context", "rank_scope_close")[0]) + "(?:" + ties + ")?$"),
        quoted_base_re=regex.compile(r"(?<=\p{Han})" + base + r"[“\"][^”\"]{1,10}[”\"]$"),
        footnote_re=regex.compile(r"[\[［]\d{1,3}[\]］]"),
        subset_predicate_re=regex.compile("(?:" + alternation(lex.words("context", "subset_predicates"))
                                          + r")([\p{Han}“”]{1,8})$"),
        ordinal_item_re=regex.compile(regex.escape(lex.words("context", "ordinal_mark")[0]) + "?[" + digits + "]"),
        enumeration_re=regex.compile("[" + "".join(lex.cues["context"]["enumeration_digits"]) + "]+["
                                     + "".join(lex.cues["context"]["enumeration_classifiers"]) + r"][\p{Han}]{1,6}$"),
        total_re=regex.compile(r"[、，,\s]*(?:" + alternation(lex.words("metric", "total_openers")) + ")"),
        aimed_change_re=regex.compile(regex.escape(of) + "?((?:" + alternation(increase + decrease) + ")(?:"
                                      + alternation(lex.words("metric", "aims")) + "))"),
        basis_re=regex.compile(regex.escape(basis) + r"[\p{Han}]{0,6}?(?:" + alternation(lex.words("metric", "basis_ends")) + ")"),
        trailing_re=regex.compile("(?:" + alternation(lex.words("metric", "glued")) + r")\Z"),
        whole_words=frozenset(lex.words("qualifier", "not_prefix_words")),
        # (进一步回落,至3.4%: a comma may part the verb from the 至 of the level it reaches)
        change_re=regex.compile("(?P<change>" + alternation(increase + decrease) + r")(?:[，,](?="
                                + alternation(lex.words("change", "to_words")) + "))?(?:"
                                + alternation(lex.words("change", "fillers") + prefixes) + r"|[ \t\u3000])*"
                                + _month_of(lex, of) + r"\Z"),
        target_re=regex.compile(alternation(lex.cues["status"]["target"])),  # type: ignore[arg-type]
        done_re=regex.compile(alternation(lex.cues["status"]["done"])),  # type: ignore[arg-type]
        estimate_re=regex.compile(alternation(lex.cues["status"]["estimate"])),  # type: ignore[arg-type]
        measured_against_re=regex.compile("(?:" + alternation(lex.cues["status"]["measured_against"])  # type: ignore[arg-type]
                                          + r")[\p{Han}]{0,2}\Z"),
    )


def _context_words(lex: Lexicon) -> dict[str, object]:
    """The words of the ``[context]`` section: the ones the rules themselves test for."""
    return dict(
        attribute_marker=lex.words("context", "attribute_marker"),
        value_notes=lex.words("context", "value_notes"),
        example_openers=lex.words("context", "example_openers"),
        ranked_units=lex.words("context", "ranked_units"),
        examples_marker=lex.words("context", "examples_marker")[0],
        growth_rate=lex.words("context", "growth_rate")[0],
        repair_marks=lex.words("context", "repair_marks"),
        ordinal_mark=lex.words("context", "ordinal_mark")[0],
        respectively=lex.words("context", "respectively")[0],
        fenbie_manners=frozenset(lex.words("context", "fenbie_manners")),
        basis_opener=lex.words("context", "basis_opener")[0],
        base_mark=lex.words("context", "base_mark")[0],
        where_marker=lex.words("context", "where_marker")[0],
        rank_trailing=tuple(lex.cues["context"]["rank_trailing"]),
        rank_sheds=(lex.words("rank", "context") + lex.words("change", "from_words")
                    + tuple(sorted(lex.words("metric", "trailing"), key=len, reverse=True))
                    + tuple(lex.cues["context"]["rank_trailing"])),
        measure_suffixes=tuple(lex.cues["context"]["measure_suffixes"]),
        event_trim="".join(lex.words("context", "event_trim")) + " ",
    )


@cache
def cue_words() -> Cues:
    """The cue words and patterns of the context rules, loaded once."""
    lex = load_lexicon()
    prefixes = sum((lex.words("qualifier", name) for name in ("prefix_approx", "prefix_over", "prefix_under")), ())
    increase, decrease = lex.words("change", "increase"), lex.words("change", "decrease")
    # (longest first, then in a fixed order: a set's order changes with the hash seed, and so would the
    # rule credited for a metric)
    trailing = tuple(sorted(set(lex.words("metric", "trailing")) | set(increase) | set(decrease)
                            | set(prefixes), key=lambda word: (-len(word), word)))
    return Cues(
        increase=increase,
        trailing=trailing,
        trailing_words=frozenset(trailing),
        links=tuple(sorted(lex.words("metric", "trailing"), key=len, reverse=True)),
        lead=frozenset(lex.cues["metric_lead"]["words"]),  # type: ignore[arg-type]
        actor_suffixes=lex.words("metric_lead", "actor_suffixes"),
        report_verbs=frozenset(lex.words("metric_lead", "report_verbs")),
        counted_nouns=tuple(suffix for suffix, _ in lex.count_nouns if len(suffix) > 1),
        changes=frozenset(increase + decrease),
        streak_cues=lex.words("time", "streak_cues"),
        place_suffixes=lex.words("metric_lead", "place_suffixes"),
        rank_context=lex.words("rank", "context"),
        right_stop_tags=frozenset(lex.cues["metric_lead"]["right_stop_tags"]),  # type: ignore[arg-type]
        right_stop_words=frozenset(lex.cues["metric_lead"]["right_stop_words"]),  # type: ignore[arg-type]
        right_stop_prefixes=tuple(w for w in lex.cues["metric_lead"]["right_stop_words"] if len(w) > 1),  # type: ignore[union-attr]
        right_trailing=lex.words("metric_lead", "right_trailing"),
        from_words=lex.words("change", "from_words"),
        count_verbs=frozenset(lex.cues["change"]["count_verbs"]),  # type: ignore[arg-type]
        subset_words=frozenset(lex.words("metric", "subset_words")),
        comparisons=lex.words("metric", "comparisons"),
        comparison_blockers=lex.words("metric", "comparison_blockers"),
        comparison_unblockers=lex.words("metric", "comparison_unblockers"),
        event_classifiers=lex.words("metric", "event_classifiers"),
        noun_suffixes=frozenset(lex.words("metric", "noun_suffixes")),
        bare_measures=frozenset(lex.words("metric", "bare_measures")),
        measure_words=lex.words("metric", "measure_words"),
        measure_heads=lex.words("metric", "measure_heads"),
        figures=lex.words("metric", "figures"),
        tiers=tuple(sorted(lex.words("metric", "tiers"), key=len, reverse=True)),
        bare_measure_words=tuple(sorted(lex.words("metric", "bare_measures"), key=len, reverse=True)),
        place_names=frozenset(lex.words("metric_lead", "place_names")),
        done_verbs=frozenset(lex.words("metric_lead", "done_verbs")),
        dating_words=tuple(lex.cues["status"]["estimate"]) + lex.words("period", "whole_year"),  # type: ignore[arg-type]
        stretch_words=lex.words("status", "stretch"),
        change_modifiers=frozenset(lex.words("change", "modifiers")),
        negations=lex.words("metric", "negations"),
        work_verbs=frozenset(lex.words("metric", "work_verbs")),
        count_makers=tuple(sorted(lex.words("metric", "count_makers"), key=len, reverse=True)),
        magnitude_modifiers=frozenset(lex.words("metric", "magnitude_modifiers")),
        count_noun_trailers=frozenset(lex.words("units", "count_noun_trailers")),
        rate_words=lex.words("metric", "rate_words"),
        aims=lex.words("metric", "aims"),
        measure_endings=tuple(lex.cues["context"]["measure_endings"]),  # type: ignore[arg-type]
        list_separators=tuple(lex.cues["context"]["list_separators"]),  # type: ignore[arg-type]
        list_joiners=frozenset(lex.words("context", "list_joiners")),
        **_patterns(lex, increase, decrease, prefixes),
        **_context_words(lex),  # type: ignore[arg-type]
        **_said_of_the_thing(lex),  # type: ignore[arg-type]
        **_change_after_words(lex),  # type: ignore[arg-type]
    )


def _change_after_words(lex: Lexicon) -> dict[str, object]:
    """The change words read after a number: verbs (提升至), and nouns of a percent or multiple (增长, 升幅)."""
    rise, fall = lex.words("change", "rise_nouns_after"), lex.words("change", "fall_nouns_after")
    return dict(
        growth_nouns=frozenset(lex.words("change", "after_percent") + rise + fall),
        rise_nouns=frozenset(rise),
        change_after_re=regex.compile("(?P<change>" + alternation(
            lex.words("change", "increase") + lex.words("change", "decrease") + rise + fall) + ")"),
    )


def _said_of_the_thing(lex: Lexicon) -> dict[str, object]:
    """Words around a metric that say how its figure relates to the thing measured: told again (折合), caused
    (带动), or which things are counted (入选)."""
    return {"restated_as": frozenset(lex.words("metric", "restated_as")),
            "drivers": lex.words("metric", "drivers"),
            "counted_selections": frozenset(lex.words("metric", "counted_selections")),
            "thresholds": lex.words("metric", "thresholds")}


def change_before(text: str, lo: int, hi: int, w: Cues, counted: bool) -> str:
    """The direction of a change verb that ends the text before the number (fillers such as 到, 了,
    分别 and prefix qualifiers may stand between), if any."""
    m = w.change_re.search(text, max(lo, hi - 24), hi)
    if m is None:
        return ""
    word = m.group("change")
    if counted and word not in w.count_verbs:
        return ""
    return "increase" if word in w.increase else "decrease"


def change_after(text: str, start: int, pos: int, w: Cues, percent: bool = False) -> str:
    """从75.6%提升至76.5%: the first number takes the change verb that follows it; so does a
    percent that the change word follows (保持40%以上的增长)."""
    if percent:
        pos = _past_percent_list(text, pos, w)  # (分别录得58.6%、166.1%及78.1%的显著升幅: the noun after the list)
        m = w.change_after_re.match(text, _after_manner(text, pos + text.startswith(w.attribute_marker, pos), w))
        if m is not None and m.group("change") in w.growth_nouns:
            return "increase" if m.group("change") in w.increase or m.group("change") in w.rise_nouns else "decrease"
    if not text.endswith(w.from_words, 0, start):
        return ""
    while text.startswith((" ", "\t"), pos):
        pos += 1  # (由上月的 4.88% 增为 4.9%: text typeset with spaces around numbers)
    pos += text.startswith(("，", ","), pos)  # (由2022年10月至12月的366.53万人,下跌至…: a comma before the verb)
    m = w.change_after_re.match(text, pos)
    if m is None:
        return ""
    return "increase" if m.group("change") in w.increase else "decrease"


def _past_percent_list(text: str, pos: int, w: Cues) -> int:
    """Past the rest of a list of percents that starts right before ``pos`` (、166.1%及78.1%)."""
    m = _percent_list_tail(w.list_joiners).match(text, pos)
    return m.end() if m else pos


@cache
def _percent_list_tail(joiners: frozenset[str]) -> regex.Pattern[str]:
    return regex.compile("(?:(?:" + alternation(sorted(joiners)) + r")\s*[+-]?\d[\d,]*(?:\.\d+)?\s*%)+")


def _after_manner(text: str, pos: int, w: Cues) -> int:
    """Past a word that qualifies the change noun at ``pos`` (录得1.6%的实质升幅, 的按季跌幅)."""
    manner = next((m for m in w.change_modifiers if text.startswith(m, pos)), "")
    return pos + len(manner)


def target_cues(text: str, w: Cues) -> list[int]:
    """Where the sentence's target words (将, 要, 力争, 目标 …) stand, each a word of its own."""
    return [m.start() for m in w.target_re.finditer(text)
            if (len(m.group()) > 1 or is_word_at(text, m.start(), m.group()))
            and not w.measured_against_re.search(text, max(0, m.start() - 6), m.start())]


def has_target_cue(cues: Sequence[int], end: int) -> bool:
    """A target word within reach before ``end``."""
    i = bisect.bisect_left(cues, end)
    return i > 0 and cues[i - 1] >= end - 4 * CLAUSE_REACH


ESTIMATE_REACH = 6

