"""When a claim holds and whether it is a target: the period and status rules, and the unit a claim's
metric refines (a count of 生产总值 is money; 个 of schools counts schools).

Like the context rules (``context/rules.py``), each rule is a small named function registered in the
rule table with its examples; ``tests/test_rules.py`` runs them with ``EXAMPLE_PUBLISHED`` as the date
of publication.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from . import regexcache as regex

from .context import Context, is_conversion
from .context.cues import cue_words
from .context.rulebook import rule
from .lexicon import load_lexicon
from .quantities import find_quantities
from .segment import clause_end, clause_start
from .timeframe import TimeExpression, ends_after
from .types import PERCENTS, Kind, Quantity

# The date of publication the period and status examples are read with.
EXAMPLE_PUBLISHED = "2025-03-05"


@dataclass(frozen=True, slots=True)
class _PeriodWords:
    change_from: tuple[str, ...]  # 从, 由: the start of a from→to change
    change_to: tuple[str, ...]  # 到, 至: its end
    attribute_marker: str  # 的: a date as an attribute of one number (2020年的3.68万亿元)
    from_before: regex.Pattern[str]  # a 从/由 in the same clause before a 到/至


@cache
def _words() -> _PeriodWords:
    lex = load_lexicon()
    change_from = lex.words("claim_period", "change_from")
    return _PeriodWords(change_from, lex.words("claim_period", "change_to"), lex.words("context", "attribute_marker")[0],
                  regex.compile("(?:" + "|".join(map(regex.escape, change_from)) + r")[^，,；;。]{1,24}\Z"))


def _ends_of_changes(text: str, q: Quantity, stated: list[TimeExpression]) -> list[TimeExpression]:
    """The dates of the change ends (start or end) before ``q``, when ``q`` is itself an undated end."""
    w = _words()
    if text.endswith(w.change_from, 0, q.prefix_start):
        return [t for t in stated if text.endswith(w.change_from, 0, t.start)]
    if text.endswith(w.change_to, 0, q.prefix_start) and w.from_before.search(text, 0, q.prefix_start):
        return [t for t in stated if text.endswith(w.change_to, 0, t.start)]
    return []


def _attribute_of_a_number(text: str, t: TimeExpression, marker: str) -> bool:
    """2020年的3.68万亿元: the date is an attribute of the quantity right after 的 (今年1至8月的入境旅客共…
    dates its whole clause: a noun follows 的; so does 2013年10月的零售业…, whose 零 is no number)."""
    if not text.startswith(marker, t.end):
        return False
    start = t.end + len(marker)
    return _quantity_opens(text[start : start + _ATTRIBUTE_REACH])


_ATTRIBUTE_REACH = 16  # characters after 的 that hold a quantity's number and unit


def _dates_a_cause(text: str, t: TimeExpression, q: Quantity) -> bool:
    """由于多个公共房屋项目于过去五年间入伙，令…住户数目增加22.4%: a time in a clause that a cause word opens dates
    the cause, when the number stands in a later clause."""
    opened = text[clause_start(text, t.start) : t.start]
    return any(word in opened for word in _cause_openers()) and clause_start(text, q.prefix_start) > t.end


@cache
def _cause_openers() -> tuple[str, ...]:
    return load_lexicon().words("metric", "cause_openers")


def _dates_a_start(text: str, t: TimeExpression) -> bool:
    """由上月4.40%降为4.32%, 由上月底之6.88%下降为5.88%: a date between 从/由 and the number right after it (a
    link 之 or 的 may stand between) dates that start only."""
    segment = text[t.end : t.end + _ATTRIBUTE_REACH].lstrip()
    link = next((w for w in _figure_links() if segment.startswith(w)), "")
    segment = segment[len(link) :]
    note = next((n for n in _value_notes() if segment.lstrip().startswith(n)), "")  # (由上月下修值 15.8%)
    return text.endswith(_words().change_from, 0, t.start) and _quantity_opens(segment.lstrip()[len(note) :])


@cache
def _figure_links() -> tuple[str, ...]:
    return load_lexicon().words("period", "month_figure_links")


@cache
def _value_notes() -> tuple[str, ...]:
    return load_lexicon().words("context", "value_notes")


def _quantity_opens(segment: str) -> bool:
    """A quantity begins ``segment`` (after spaces: 的 4.88%, as PDF-typeset text writes it)."""
    spaces = len(segment) - len(segment.lstrip())
    return any(q.start == spaces for q in find_quantities(segment))


@rule("period.change-end", summary=(
    "An undated start or end of a from-to change takes the start or end date of the change before it."
))
def resolve_period(text: str, q: Quantity, times: list[TimeExpression],
                   frame: tuple[TimeExpression, str] | None) -> tuple[str, str, TimeExpression | None]:
    """(period, rule, governing time expression) of quantity ``q``: an undated start or end of a
    change takes the start or end date of the change before it (period.change-end); else the last
    time expression before the number (period.stated), skipping dates written as an attribute of
    another number (period.stated-past-attribute); else the frame an earlier sentence set
    (period.frame.*)."""
    stated = bisect.bisect_right([t.end for t in times], q.prefix_start) if times else 0
    before = stated
    # a date written as an attribute of one number (从2020年的3.68万亿元增长到2025年的4.93万亿元) dates that
    # number only, not the clauses after it
    marker = _words().attribute_marker
    while before and (_attribute_of_a_number(text, times[before - 1], marker) or _dates_a_start(text, times[before - 1])) \
            and text[times[before - 1].end : q.prefix_start].strip() not in (marker, "", *_figure_links(), *_value_notes()):
        before -= 1
    while before and _dates_a_cause(text, times[before - 1], q):
        before -= 1  # (由于多个项目于过去五年间入伙，令…增加22.4%: the time of the cause, not of the figure)
    while before and _in_a_closed_aside(text, times[before - 1], q.prefix_start):
        before -= 1  # (…(一○九年九月一二三點七三為歷年最高)，年增率七點○六%: the aside's time stays in it)
    ends = _ends_of_changes(text, q, times[:stated])
    if ends:
        return ends[-1].period, "period.change-end", ends[-1]
    if before:
        if same := _same_period(text, times[: before - 1], times[before - 1], frame):
            return same.period, "period.same-period", times[before - 1]
        name = "period.stated" if before == stated else "period.stated-past-attribute"
        return times[before - 1].period, name, times[before - 1]
    if frame:
        return frame[0].period, frame[1], None
    return "", "", None


rule("period.stated", summary="The last time expression before the number in its sentence.")(resolve_period)


def _in_a_closed_aside(text: str, t: TimeExpression, start: int) -> bool:
    """``t`` stands inside brackets that close before ``start`` and say more after it: an aside, whose time dates
    only what it holds (a bracket that holds a time alone, 工业增加值(1-11月)增长6%, dates what follows)."""
    opening = max(text.rfind(b, 0, t.start) for b in _OPENING_BRACKETS)
    if opening < 0 or max(text.rfind(b, 0, t.start) for b in _CLOSING_BRACKETS) > opening:
        return False
    closing = min((i for i in (text.find(b, t.end, start) for b in _CLOSING_BRACKETS) if i >= 0), default=-1)
    return closing >= 0 and len(text[t.end : closing].strip()) > 2


rule("period.same-period", summary=(
    "A year followed by the word for the same period (last year's same period) is the months at hand, in that year."
))(resolve_period)


def _same_period(text: str, earlier: list[TimeExpression], t: TimeExpression,
                 frame: tuple[TimeExpression, str] | None) -> TimeExpression | None:
    """今年第二季…预估每点0.9741元，去年同期仅0.9456元: a whole year written before 同期 takes the months of
    the last time before it in the sentence (else of the frame), moved to that year; None when there are
    no such months."""
    if not same_period_of(text, t):
        return None
    months = next((e for e in reversed(earlier) if len(e.first) == 7 and e.first[:4] == e.last[:4]), None)
    if months is None and frame is not None and len(frame[0].first) == 7 and frame[0].first[:4] == frame[0].last[:4]:
        months = frame[0]
    if months is None:
        return None
    # (去年 counts from the year at hand, not from publication: 2018年首八个月…较去年同期 in a text of 2019 is 2017)
    offset = load_lexicon().cues["period"]["relative"].get(text[t.start : t.end])  # type: ignore[union-attr]
    year = str(int(months.first[:4]) + offset[0]) if offset and offset[0] == offset[1] else t.first
    return replace(t, first=year + months.first[4:], last=year + months.last[4:])


def same_period_bases(text: str, bases: list[TimeExpression], times: list[TimeExpression],
                      frame: tuple[TimeExpression, str] | None) -> list[TimeExpression]:
    """较去年同期的803亿元: a base 去年同期 is the months at hand a year back (2018年首八个月 → 2017-01/2017-08),
    and reaches over 同期 and its 的, so that the amount right after it is the base's."""
    out = []
    for t in bases:
        shifted = _same_period(text, [u for u in times if u.end <= t.start], t, frame)
        if shifted is None:
            out.append(t)
            continue
        end = t.end + next(len(w) for w in _same_period_words() if text.startswith(w, t.end))
        end += len(_words().attribute_marker) if text.startswith(_words().attribute_marker, end) else 0
        out.append(replace(shifted, end=end))
    return out


def same_period_of(text: str, t: TimeExpression) -> bool:
    """去年同期, 去年同月: a whole year that names the same months of that year (a base or a claim's time, never
    a frame: 打破去年同月的纪录)."""
    return len(t.first) == 4 and t.first == t.last and text.startswith(_same_period_words(), t.end)


@cache
def _same_period_words() -> tuple[str, ...]:
    return load_lexicon().words("period", "same_period")


rule("period.stated-past-attribute", summary=(
    "The last time expression before the number, skipping dates written as an attribute of another "
    "number."
))(resolve_period)


@rule("period.respectively", summary=(
    "Times listed before the word for respectively date the numbers listed after it, in order; a span of "
    "years followed by as many numbers counts as its years, one a number."
))
def respective_times(text: str, times: list[TimeExpression], quantities: list[Quantity]) -> dict[int, TimeExpression]:
    """2023年第1季、第2季及第3季的按年实质变动分别修订至32.3%、100.9%及120.4%: index of each quantity in
    ``quantities`` → the time it pairs with, when a list of times and a list of as many numbers stand around
    分别."""
    paired: dict[int, TimeExpression] = {}
    marker, last = cue_words().respectively, 0
    while (at := text.find(marker, last)) >= 0:  # (each 分别 of the sentence pairs its own lists)
        listed = _listed(text, [t for t in times if last <= t.start and t.end <= at])
        after = _run_of_numbers(text, [k for k, q in enumerate(quantities) if q.prefix_start > at], quantities)
        if len(listed) == 1:
            listed = _quarters_of_year(text, listed[0], at, len(after)) or _years_of_span(listed[0], len(after))
        if len(listed) >= 2 and len(after) >= len(listed):
            paired.update(zip(after, listed))
            if len(before := _run_before(text, quantities, listed[-1].end, at)) == len(listed):
                paired.update(zip(before, listed))
        last = at + len(marker)
    return paired


def _run_before(text: str, quantities: list[Quantity], lo: int, at: int) -> list[int]:
    """第2季及第3季的实质增幅由31.5%及27.1%分别向上修订为…: the run of numbers between the listed times and 分别,
    joined only by list separators (the figures the change started from, in the same order)."""
    inside = [k for k, q in enumerate(quantities) if lo <= q.prefix_start and q.end <= at]
    run = _run_of_numbers(text, inside, quantities)
    return run if run and len(run) == len(inside) else []


@rule("period.bracketed", summary=(
    "A time in brackets right after a number dates that number."
))
def bracketed_times(text: str, times: list[TimeExpression], quantities: list[Quantity]) -> dict[int, TimeExpression]:
    """我国30.9%(1-8月)，优于南韩的27.6%(1-8月)、日本25.0%(1-7月): index of each quantity → the time written in
    brackets right after it."""
    paired = {}
    for k, q in enumerate(quantities):
        if text[q.end : q.end + 1] in _OPENING_BRACKETS:
            t = next((t for t in times if t.start == q.end + 1 and text[t.end : t.end + 1] in _CLOSING_BRACKETS), None)
            if t is not None:
                paired[k] = t
    return paired


_OPENING_BRACKETS, _CLOSING_BRACKETS = ("(", "\uff08"), (")", "\uff09")


@rule("period.bracketed-parallel", summary=(
    "Figures in brackets after the items of a list, the first of which names its time (last month, up 3.8%), "
    "are all of that time."
))
def parallel_bracket_times(text: str, times: list[TimeExpression], quantities: list[Quantity]) -> dict[int, TimeExpression]:
    """食品价格上升5.0%(上月按年升3.8%)、住屋跌0.1%(跌0.1%)、…: index of each quantity alone in brackets after the
    first bracket of the sentence that names a time before its figure → that time."""
    first = next((k for k, q in enumerate(quantities) if _bracket_time(text, times, q) is not None), None)
    if first is None:
        return {}
    time = _bracket_time(text, times, quantities[first])
    return {k: time for k, q in enumerate(quantities) if k > first and _in_own_bracket(text, q)
            and not any(_in_own_bracket(text, q, t.start) for t in times)}


def _bracket_time(text: str, times: list[TimeExpression], q: Quantity) -> TimeExpression | None:
    """The time inside the bracket that holds ``q``, before it (上月按年升3.8%), if any."""
    opening = _own_opening(text, q)
    return next((t for t in times if opening is not None and opening < t.start < q.prefix_start), None)


def _own_opening(text: str, q: Quantity) -> int | None:
    """Where the bracket that holds ``q`` and closes right after it opens (at most a few words before)."""
    if text[q.end : q.end + 1] not in _CLOSING_BRACKETS:
        return None
    opening = max(text.rfind(b, max(0, q.prefix_start - BRACKET_REACH), q.prefix_start) for b in _OPENING_BRACKETS)
    return opening if opening >= 0 and not any(c in text[opening + 1 : q.prefix_start] for c in _CLOSING_BRACKETS) else None


def _in_own_bracket(text: str, q: Quantity, at: int = -1) -> bool:
    """``q`` stands in brackets that close right after it (and, with ``at``, that hold position ``at``)."""
    opening = _own_opening(text, q)
    return opening is not None and (at < 0 or opening < at < q.prefix_start)


BRACKET_REACH = 12  # characters of words a bracketed figure may have before it (上月按年升)


def _run_of_numbers(text: str, indexes: list[int], quantities: list[Quantity]) -> list[int]:
    """The first numbers of ``indexes`` joined only by list separators (2795亿元、1242亿元及1463亿元)."""
    run = indexes[:1]
    for k in indexes[1:]:
        if not _only_separators(text[quantities[run[-1]].end : quantities[k].prefix_start]):
            break
        run.append(k)
    return run


@rule("period.survey", summary=(
    "A share of respondents who expect something of a time is of that time, a forecast."
))
def surveyed_times(text: str, times: list[TimeExpression], quantities: list[Quantity]) -> dict[int, TimeExpression]:
    """有49.7%商户预期第4季货物销售量与去年同季相若, 56.7%商户预计2018年第二季度…: index of each share right
    before a respondent noun and a forecast word → the first time after it in its clause."""
    words = load_lexicon().words
    respondents, forecasts = tuple(words("regional", "respondents")), tuple(words("regional", "forecast_words"))
    out = {}
    for k, q in enumerate(quantities):
        who = next((r for r in respondents if text.startswith(r, q.end)), None)
        if q.kind != Kind.PERCENT or who is None or not text.startswith(forecasts, q.end + len(who)):
            continue
        t = next((t for t in times if q.end < t.start < clause_end(text, q.end)), None)
        if t is not None:
            out[k] = t
    return out


@rule("period.base-amount", summary=(
    "An amount written right after a comparison base's time is of that time."
))
def base_amounts(text: str, bases: list[TimeExpression], quantities: list[Quantity]) -> dict[int, TimeExpression]:
    """较去年第二季410.4亿澳门元按年跌15.6%, 与2022年年中人口7346100人比较: index of each quantity written right
    after the time of a comparison base → that time; a short name may stand between when the base phrase
    closes after the amount (…人口7346100人比较), never a change (较上年同期增10万1千人 is of now)."""
    out = {}
    for k, q in enumerate(quantities):
        t = next((b for b in bases if b.end <= q.prefix_start and _amount_of_the_base(text, b, q)), None)
        if t is None and k - 1 in out and is_conversion(text, quantities[k - 1], q):
            t = out[k - 1]  # (经修订总额2,206亿元(274.4亿美元): the base's amount in dollars)
        if t is not None:
            out[k] = t
    return out


_BASE_NOUN = regex.compile(r"\p{Han}{1,4}")  # 与2022年年中人口7346100人比较: the measure's name


def _amount_of_the_base(text: str, base: TimeExpression, q: Quantity) -> bool:
    # (较4月份0.9%略高: the base's month may end before its 份)
    between = text[base.end : q.prefix_start].strip().removeprefix(load_lexicon().schema.period.month_suffix).strip()
    tail = next((w for w in load_lexicon().words("period", "base_time_tails") if between.startswith(w)), "")
    if between[len(tail) :].removeprefix(_words().attribute_marker) in load_lexicon().words("period", "base_levels"):
        return True  # 较今年7月时的高位398.2点: the level the base's time had
    if not between or (between in "(（" and text[q.end : q.end + 1] in ")）"):
        return True  # 较去年第二季410.4亿澳门元, 低于过去十年3.9%的平均增幅, 较去年同季(154.9亿元)下跌
    if between == _words().attribute_marker:  # 较第1季的517亿元, 比去年的3%低 (是2020年的1.45倍 is of now)
        compared = text.endswith(load_lexicon().words("period", "figure_bases"), 0, base.start)
        return q.std_unit != "times" and (q.kind not in PERCENTS or compared)
    named = between.removeprefix(_words().attribute_marker)
    corresponding = next((w for w in load_lexicon().words("regional", "corresponding") if named.startswith(w)), None)
    if corresponding is not None and _BASE_NOUN.fullmatch(named[len(corresponding) :]):
        return True  # 较2025年9月份的相应升幅1.1%略高: the base's own figure
    if between in cue_words().changes and text.startswith(load_lexicon().words("period", "base_comparatives"), q.end):
        return True  # 较4月份升1.1%略高: the base's own change, then how the claim's compares with it
    closers = load_lexicon().words("period", "base_closers")
    if q.kind not in PERCENTS and _BASE_NOUN.fullmatch(between) is not None and text.startswith(closers, q.end):
        return True
    return _named_base_level(text, named, q)


_BASE_LEVEL_NOUN = regex.compile(r"\p{Han}{2,6}")
_CONVERSION_AFTER = regex.compile(r"[(（][^()（）]{1,20}[)）]")


def _named_base_level(text: str, named: str, q: Quantity) -> bool:
    """较2023年11月经修订总额2,206亿元(274.4亿美元)，上升了1.3%: a short name of the base's level between its time
    and the amount, with the change from it told in the next clause, makes the amount the base's."""
    if q.kind in PERCENTS or _BASE_LEVEL_NOUN.fullmatch(named) is None or any(c in named for c in cue_words().changes):
        return False
    after = _CONVERSION_AFTER.match(text, q.end)
    at = after.end() if after else q.end
    if text[at : at + 1] not in "，,":
        return False
    return any(c in text[at + 1 : at + 5] for c in cue_words().changes)


def _quarters_of_year(text: str, year: TimeExpression, at: int, numbers: int) -> list[TimeExpression]:
    """今年各季GDP分别为5.45%、8.01%、2.91%、1.72%: a year, a word for each of its quarters and four numbers
    after 分别 (at ``at``) pair the numbers with the quarters in order; else nothing."""
    between = text[year.end : at]
    if not (numbers == 4 and year.first == year.last and len(year.first) == 4
            and any(w in between for w in load_lexicon().words("period", "each_quarter"))):
        return []
    return [replace(year, first=f"{year.first}-{3 * k + 1:02d}", last=f"{year.first}-{3 * k + 3:02d}") for k in range(4)]


def _years_of_span(span: TimeExpression, numbers: int) -> list[TimeExpression]:
    """114至116年度分别编列2795亿元、1242亿元及1463亿元: a span of whole years followed by as many numbers
    pairs them year by year; any other span stays one time."""
    if not (len(span.first) == len(span.last) == 4 and span.first.isdigit() and span.last.isdigit()):
        return [span]
    years = range(int(span.first), int(span.last) + 1)
    if not 2 <= len(years) == numbers:
        return [span]
    return [replace(span, first=str(y), last=str(y)) for y in years]


def _listed(text: str, times: list[TimeExpression]) -> list[TimeExpression]:
    """The last run of times joined only by list separators (第1季、第2季及第3季)."""
    run = times[-1:]
    for t in reversed(times[:-1]):
        if not _only_separators(text[t.end : run[0].start]):
            break
        run.insert(0, t)
    return run


def _only_separators(between: str) -> bool:
    return bool(between.strip()) and not _separators().sub("", between).strip()


@cache
def _separators() -> regex.Pattern[str]:
    return regex.compile("|".join(map(regex.escape, cue_words().list_separators)))


@cache
def _span_keepers() -> tuple[str, ...]:
    return load_lexicon().words("claim_period", "span_keepers")


def _plan_years(period: str, published: str) -> tuple[int, int] | None:
    """(first, last) year of a span of three years or more that ended before publication, else None."""
    first, _, last = period.partition("/")
    if not (len(first) == len(last) == 4 and first.isdigit() and last.isdigit()):
        return None
    years = int(first), int(last)
    return years if years[1] - years[0] >= 2 and published[:4].isdigit() and years[1] < int(published[:4]) else None


def _starts_a_change(text: str, q: Quantity, w: _PeriodWords) -> bool:
    """从4.16万亿元增加到…, 从全国第12位跃升至…: the number a from→to change starts from (a few words, no
    number, may stand between 从 and it), with the change's end later in its clause."""
    lead = text[max(0, q.prefix_start - 6) : q.prefix_start]
    cut = max((lead.rfind(word) for word in w.change_from), default=-1)
    if cut < 0 or any(ch.isdigit() or ch in "，,；;。、" for ch in lead[cut:]):
        return False
    rest = text[q.end : clause_end(text, q.end)]
    return any(word in rest for word in w.change_to)


@rule("period.plan-end", summary=(
    "In the review of a plan period, a level reached is dated by the plan's last year and the start of "
    "a from-to change by the year before its first; totals, averages and work done keep the span."
))
def plan_end_period(text: str, q: Quantity, ctx: Context, period: str, time: TimeExpression | None,
                    published: str) -> str:
    """The period of a level stated in the review of a plan (“十四五”…人均地区生产总值达16.7万元 → 2025;
    从4.16万亿元增加到5.67万亿元 → 2020 and 2025), or "" when the span stays (累计, 年均, 新增…, a
    change, a span up to now)."""
    years = _plan_years(period, published)
    if years is None or (time is not None and time.since):
        return ""
    clause = text[clause_start(text, q.prefix_start) : q.prefix_start]
    if any(word in clause for word in _span_keepers()):
        return ""
    if q.kind == Kind.COUNT and not any(word in clause for word in load_lexicon().words("claim_period", "count_levels")):
        return ""  # 实施科技攻关项目482个: what was done during the plan, not a level at its end
    w = _words()
    if _starts_a_change(text, q, w):
        return str(years[0] - 1)  # 从4.16万亿元增加到…, 从全国第12位跃升至…: the level before the plan began
    reached = text.endswith(w.change_to, 0, q.prefix_start)  # 从…增加到5.67万亿元, 增至3022家: the level reached
    return str(years[1]) if not ctx.change or reached else ""


@dataclass(frozen=True, slots=True)
class _FrameWords:
    as_of: tuple[str, ...]  # 截至: 截至2023年末 is a frame
    horizons: tuple[str, ...]  # 到, 至, 为 before a time: 到2035年 is a deadline
    deadline_after: tuple[str, ...]  # 前 after a time: 2030年前实现碳达峰
    lead_marks: str  # quotation marks, spaces and bullets before a sentence's first words
    fronted: regex.Pattern[str]  # 2023年以来，/ “十四五”时期，: what may follow a fronted time before its comma
    topic: regex.Pattern[str]  # the rest of a fronted topic phrase: a few words, no number, then a comma
    topic_leads: frozenset[str]  # 对于, 展望: words that open a topic phrase
    window_until: tuple[str, ...]  # 为止的: 至今年1月为止的十二个月 is a window, not a horizon


@cache
def _reference_after() -> tuple[str, ...]:
    return tuple(load_lexicon().words("claim_period", "reference_after"))


@cache
def _frame_words() -> _FrameWords:
    lex = load_lexicon()
    ends = "|".join(map(regex.escape, lex.words("claim_period", "fronted_ends")))
    return _FrameWords(lex.words("claim_period", "as_of"), lex.words("claim_period", "horizons"),
                       lex.words("claim_period", "deadline_after"),
                       "“\"‘ \t\u3000" + "".join(lex.cues["layout"]["bullets"]),  # type: ignore[arg-type]
                       regex.compile(r"[”\"’]?(?:" + ends + r")?[，,]"), regex.compile(r"[^0-9，,。；;]{0,14}[，,]"),
                       frozenset(lex.words("period", "topic_leads")), lex.words("regional", "window_until"))


def _frame_rule(text: str, t: TimeExpression, first: bool) -> str:
    """The rule by which ``t`` opens its sentence, else ""."""
    w = _frame_words()
    lead = text[: t.start].lstrip(w.lead_marks)  # (■ 2025年主要预期目标: a list's heading)
    if not lead or (lead.endswith(("，", ",")) and len(lead) <= 10 and lead.count("，") <= 1):
        return "period.frame.short-lead"
    if w.fronted.match(text, t.end) is not None and text[: t.start].count("，") <= 1:
        return "period.frame.fronted"
    if lead.rstrip() in w.topic_leads and w.topic.match(text, t.end) is not None:
        return "period.frame.topic"  # 对于2024发展主要预期目标，…; 展望2025年，…
    # (the first dated sentence of an article sets its frame: 本报讯（记者 王明）1月12日，记者获悉，2023年我市…)
    return "period.frame.first-dated" if first else ""


@rule("period.frame.short-lead", summary=(
    "The frame of a time expression that begins a sentence, after at most a short lead."
))
def opening_frame(text: str, times: list[TimeExpression], quantities: list[Quantity],
                  first: bool = False) -> tuple[TimeExpression, str] | None:
    """The time expression that opens a sentence and so sets the time frame of what follows, with the
    rule that says so.

    It stands before the sentence's first claim and either begins the sentence (after at most a short
    lead such as 此外， or 初步统计，: period.frame.short-lead) or is set off by a comma as a fronted
    adverbial (各位代表，刚刚过去的2025年，…: period.frame.fronted) or a topic phrase (展望2025年，…:
    period.frame.topic). A horizon (到2035年) or a mention inside the sentence (为实现“十五五”规划目标打基础)
    does not open it."""
    w = _frame_words()
    first_claim = quantities[0].prefix_start if quantities else len(text)
    for t in times:
        if t.start >= first_claim:
            break
        # 截至2023年末: as of, a frame; so is a window up to a month (至今年1月为止的十二个月)
        as_of = text.endswith(w.as_of, 0, t.start) or any(word in text[t.start : t.end] for word in w.window_until)
        if (text.endswith(w.horizons, 0, t.start) and not as_of) or text.startswith(w.deadline_after, t.end):
            continue  # 到2035年, 2030年前: a deadline
        name = _frame_rule(text, t, first)
        if name:
            return _change_end(text, _released_month(t, times, first_claim), times), name
    return None


def _released_month(t: TimeExpression, times: list[TimeExpression], first_claim: int) -> TimeExpression:
    """2022年7月20日，经济部统计处发布6月外销订单…: a day that opens a release's sentence is when it was told; an
    earlier month named after it, before the first claim, is what the release is about and frames what follows."""
    if not t.day:
        return t
    return next((u for u in times if t.end <= u.start < first_claim and not u.day and u.last < t.first), t)


def _change_end(text: str, t: TimeExpression, times: list[TimeExpression]) -> TimeExpression:
    """由6月至8月的3.7%上升至7月至9月的3.9%: a time that dates a change's start frames by the time of its end."""
    words = _words()
    if not text.endswith(words.change_from, 0, t.start):
        return t
    return next((u for u in times if u.start > t.end and text.endswith(words.change_to, 0, u.start)), t)


rule("period.frame.fronted", summary=(
    "The frame of a time expression set off by a comma as a fronted adverbial."
))(opening_frame)
rule("period.frame.topic", summary="The frame of a time expression in a fronted topic phrase.")(opening_frame)
rule("period.frame.first-dated", summary=(
    "The frame of the first dated sentence of an article (a news lead)."
))(opening_frame)
rule("period.frame.heading", summary="The frame of the year a heading names.")(opening_frame)


@rule("period.frame.paragraph-lead", summary=(
    "In a release from Taiwan, Hong Kong or Macau, the time a paragraph's first sentence names before "
    "its first claim frames the paragraph on."
))
def paragraph_lead(text: str, times: list[TimeExpression], quantities: list[Quantity]) -> tuple[TimeExpression, str] | None:
    """新一份预算案公布本年度修订预算，…: a release's paragraph says first which year or months it is about,
    wherever in its first sentence (not a horizon: 预计至今年4月1日; of a change from one time to another, the
    time it ends at)."""
    w = _frame_words()
    first_claim = quantities[0].prefix_start if quantities else len(text)
    for t in times:
        if t.start >= first_claim:
            break
        if quantities and _dates_a_cause(text, t, quantities[0]):
            continue  # (由于2018年复活节假期在3月底开始…，导致2019年3月…下跌10.1%: the cause's time, not the paragraph's)
        if not (text.endswith(w.horizons, 0, t.start) or text.startswith(w.deadline_after, t.end)
                or text.startswith(_reference_after(), t.end)):
            return _change_end(text, t, times), "period.frame.paragraph-lead"  # (由…的A上升至…的B: B's time)
    return None


def _status_is_dated(period: str, published: str, governing: TimeExpression | None,
                     frame: TimeExpression | None) -> bool:
    """True when the period and the publication date decide the status: not for a news lead dated to
    the day (2025年1月20日上午，…863名人大代表出席) up to publication, nor a span up to now (2021年以来), which
    tell of what happened; under those only target words make a target."""
    dating = governing or frame
    # (a day after publication is no news event: 自2026年1月1日起 in a text of 2025 says what will be)
    news_event = dating is not None and ((dating.day and not _month_after_publication(dating, published)) or dating.since)
    return bool(period and published and not news_event)


def _month_after_publication(day: TimeExpression, published: str) -> bool:
    """A date in a month after the month of publication (a day of the same month may be today's news)."""
    return bool(published) and (day.last[:7] > published[:7] if len(published) >= 7 else day.last[:4] > published[:4])


@rule("status.ongoing-period", summary=(
    "A period still running at publication is a target, unless the clause says it is done."
))
def decide_status(ctx: Context, period: str, published: str, governing: TimeExpression | None,
                  frame: TimeExpression | None) -> tuple[str, str]:
    """(status, rule): a period still running at publication is a plan unless the clause says it is
    done (加装了12部) (status.ongoing-period); a period already over is a target only where a target
    word stands in the number's own clause (数字经济增加值预计达3.4万亿元, an estimate the schema counts
    as a target: status.target-in-clause), else it happened (status.period-over); with no period to
    date it, a target word decides (status.target-word, status.no-target-word)."""
    if _status_is_dated(period, published, governing, frame):
        running = ends_after(period, published) and not _over_by_its_day(governing or frame, published)
        if running and (ctx.target_cue or not ctx.done_cue):
            return "target", "status.ongoing-period"
        if ctx.clause_target_cue and not ctx.done_cue:
            return "target", "status.target-in-clause"
        return "actual", "status.period-over"
    if ctx.target_cue:
        return "target", "status.target-word"
    return "actual", "status.no-target-word"


def _over_by_its_day(time: TimeExpression | None, published: str) -> bool:
    """from Sept. 29 to Oct. 6, in a text of Oct. 9: the month of publication, but over by the day written."""
    if time is None or not time.end_day or len(published) < 10 or not published[8:10].isdigit():
        return False
    return time.last == published[:7] and time.end_day < int(published[8:10])


rule("status.target-in-clause", summary=(
    "A period already over is a target where a target word stands in the number's own clause."
))(decide_status)
rule("status.period-over", summary="A period already over at publication: it happened.")(decide_status)
rule("status.target-word", summary="No period decides: a target word within reach makes a target.")(decide_status)
rule("status.no-target-word", summary="No period decides and no target word: it happened.")(decide_status)


class Refined(NamedTuple):
    kind: Kind
    unit_en: str
    std_unit: str


@cache
def _count_noun_trailers() -> tuple[str, ...]:
    return load_lexicon().words("units", "count_noun_trailers")


@cache
def _count_nouns() -> tuple[dict[str, str], int]:
    nouns = dict(load_lexicon().count_nouns)
    return nouns, max(map(len, nouns))


@cache
def _selections() -> tuple[str, ...]:
    return load_lexicon().words("metric", "counted_selections")


def _count_noun(metric: str, default: str) -> str:
    """The English noun a count counts, from the longest known ending of its metric (学校 → school);
    before a predicate of selection, of the things selected (高职学校入选国家“双高计划” → school)."""
    for verb in _selections():
        at = metric.find(verb, 1)
        if at > 0:
            noun = _count_noun(metric[:at], "")
            if noun:
                return noun
    nouns, longest = _count_nouns()
    metric = metric.rstrip("”\"’》）)")  # 全球“灯塔工厂”
    trailers = _count_noun_trailers()
    if metric.endswith(trailers):
        trailer = next(t for t in trailers if metric.endswith(t))
        if len(metric) > len(trailer):
            metric = metric[: -len(trailer)]  # 亿元以上新建续建项目建设: what is done to the things counted
    for length in range(min(longest, len(metric)), 0, -1):
        if metric[-length:] in nouns:
            return nouns[metric[-length:]]
    return default


@dataclass(frozen=True, slots=True)
class _UnitWords:
    generic: frozenset[str]  # 个, 项 …: classifiers that leave what is counted to the metric
    household: frozenset[str]  # 户
    household_exceptions: tuple[str, ...]  # 个体工商户 …: 户 of firms
    money_measures: tuple[str, ...]  # 生产总值 …: a count of these is money
    place_classifiers: frozenset[str]  # 位
    place_moves: tuple[str, ...]  # 上升 …: a move in a ranking before 位


@cache
def _unit_words() -> _UnitWords:
    lex = load_lexicon()
    units = lex.cues["units"]
    return _UnitWords(frozenset(units["generic_classifiers"]), frozenset(lex.cues["claim_units"]["household"]),
                      tuple(units["household_exceptions"]), tuple(units["money_measures"]),  # type: ignore[arg-type]
                      frozenset(units["place_classifiers"]), tuple(units["place_moves"]))  # type: ignore[arg-type]


def refine_unit(q: Quantity, metric: str, text: str) -> Refined:
    """The kind and units a claim's metric refines: a count with no unit of 生产总值 is money whose 元
    goes unwritten (生产总值跨越7万亿); a generic classifier counts what the metric names (4所学校 →
    school); 位 after a move in a ranking counts places (排名上升4位), not people."""
    w = _unit_words()
    kind, std_unit = q.kind, q.std_unit
    generic = q.unit in w.generic or not q.unit or (  # (近300万群众: no classifier at all)
        q.unit in w.household and metric.endswith(w.household_exceptions))
    unit_en = _count_noun(metric, q.unit_en) if q.kind == Kind.COUNT and generic else q.unit_en
    if q.kind == Kind.COUNT and not q.unit and metric.endswith(w.money_measures):
        kind, unit_en, std_unit = Kind.MONEY, "yuan", "CNY"
    elif q.kind == Kind.COUNT:
        std_unit = unit_en
    if q.unit in w.place_classifiers and text.endswith(w.place_moves, 0, q.prefix_start):
        unit_en = std_unit = "place"
    return Refined(kind, unit_en, std_unit)
