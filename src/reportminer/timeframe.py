"""Time expressions and the period each claim is about.

A claim takes the nearest time expression before it in its sentence; failing that, the running time
frame of the text, set by the last time expression that opened a sentence or stood in a heading.
Comparison bases (比2020年, 较“十三五”末) are not periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Mapping
from types import MappingProxyType
from functools import cache, lru_cache

from . import regexcache as regex

from .lexicon import load_lexicon
from .numerals import numeral_value


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    first: str  # ISO start: "2023", "2023-01"
    last: str  # ISO end, same precision
    day: bool = False  # written to the day (2025年1月20日上午): the date of an event, a news lead's
    since: bool = False  # a span up to now (2021年以来): what it holds has happened, unless a target word says not
    fiscal: bool = False  # a Hong Kong financial year (2021/22年度, 本年度): a frame like a year
    end_day: int = 0  # the day its last month ends on, where the text writes it (from Sept. 29 to Oct. 6: 6)

    @property
    def period(self) -> str:
        return self.first if self.first == self.last else f"{self.first}/{self.last}"

    def year_only(self) -> TimeExpression:
        """The years it falls in; a financial year (April to March) is the year it names, kept whole."""
        if self.fiscal:
            return self
        return TimeExpression(self.start, self.end, self.first[:4], self.last[:4], self.day, self.since)


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pattern(roc: bool = False, fiscal: bool = False) -> regex.Pattern[str]:
    """The time expressions; with ``roc`` (a Taiwan text), years of the ROC calendar too (民国112年,
    112年, 113年度: year + 1911); with ``fiscal`` (Hong Kong), financial years from April (2021/22年度,
    2023/24至2026/27年度)."""
    lex = load_lexicon()
    cues = lex.cues["period"]
    plans = _alternation(lex.plan_periods)
    relative = _year_window(lex) + "|" + (_relative_alternation(cues["relative"], cues["year_mark"]) if roc else _alternation(cues["relative"]))
    parts = _alternation(year_parts())
    # Text typeset from PDF puts spaces around Arabic numbers (2025 年 3 月): up to two are allowed.
    s = r"[ \t\u3000]{0,2}"
    y, m, since = regex.escape(cues["year_mark"]), regex.escape(cues["month_mark"]), _since_pattern(cues)
    span = regex.escape(cues["span_joiners"])  # 2021—2025年, 1-11月
    until_lead, until = (regex.escape(c) for c in cues["until"])  # 截至11月底: 至 that is no span joiner
    # (到8月 is a month, 5月到8月 a span: a word joiner joins only a month or number before it; 到8月底 a deadline)
    plain_joiners, word_joiners = (regex.escape("".join(c for c in cues["span_joiners"] if c.isalpha() == word and c != cues["until"][1]))
                                   for word in (False, True))
    day = regex.escape(cues["day_marks"])
    suffix, edges, start = (regex.escape(cues[k]) for k in ("month_suffix", "month_edges", "month_start"))
    month_word = rf"{m}(?:{suffix})?"  # 12月, 12月份
    fiscal_mark = regex.escape(cues["fiscal_mark"])  # 113年度
    han_month = f"[{(han := regex.escape(lex.cues['rank']['ordinal_numerals']))}]{{1,2}}"  # 2022年三月底
    han_count = f"[{han}{regex.escape(''.join(lex.digits))}]{{1,2}}"  # 首两个月: a count of months may be written 两
    month_number = rf"(?:\d{{1,2}}|{han_month})"  # 8月, 八月 (a Taiwan paper writes its months in Chinese numerals)
    roc_year = _year_number(lex, roc)
    roc_fiscal = f"(?:{fiscal_mark})?" if roc else ""
    span_year = r"(?:19|20)\d{2}|(?<![0-9.])1[0-2]\d" if roc else r"(?:19|20)\d{2}"  # 114年度至116年度 in Taiwan
    to_date = _alternation(lex.words("regional", "months_to_date"))
    streaks = _alternation(lex.words("time", "streak_cues"))  # (连三月: three months in a row, not March)
    quarter_code = _quarter_code(lex, roc)
    # Months alone take the year from the date (1-11月, 12月份, 截至11月底; 3月5日 is a day's date); a year
    # may stand without its mark before a noun (对于2024发展主要预期目标).
    return regex.compile(
        rf"""
        {_fiscal_years(lex, span, y, fiscal_mark) if fiscal else ''}
        {_academic_years(lex, s) if roc else ''}
        (?P<y1>{span_year}){s}{y}?{roc_fiscal}\s*[{span}]\s*(?P<y2>{span_year}){s}{y}{roc_fiscal}
      | {roc_year}{s}{y}{roc_fiscal}
        (?:
            {s}(?P<m1>{month_number})(?:{m})?\s*[{span}]\s*(?P<m2>{month_number}){s}{month_word}   # the month mark may be written twice
          | {s}(?P<month>\d{{1,2}}|{han_month}){s}{month_word}(?:(?P<day>{s}\d{{1,2}}{s}[{day}])|[{edges}])?
          | (?P<part>{parts})
          | (?:{to_date}){s}(?P<yn>\d{{1,2}}|{han_count}){s}\p{{Han}}?{m}                 # a year's first N months (see _of_a_year)
        )?
        (?P<since>{since})?
      | [“"]?(?P<plan>{plans})[”"]?(?P<psince>{since})?
      | (?P<relative>{relative})(?P<rnote>{s}[(（]{s}(?:19|20)\d{{2}}{y}?{s}[)）]{s})?(?:(?P<rpart>{parts})
            | {s}(?P<rm1>{month_number})(?:{m})?\s*[{span}]\s*(?P<rm2>{month_number}){s}{month_word}   # 今年1至8月
            | {s}(?P<rmonth>{month_number}){s}{month_word}(?:[{edges}])?(?![0-9{han}]|[ \t]*[{day}](?!\p{{Han}}))  # 今年8月, 今年9月底 (今年4月1日 below)
            | {s}(?P<rday>\d{{1,2}}){s}{month_word}{s}\d{{1,2}}{s}[{day}]              # 今年4月1日: a day's date
            | (?:{to_date}){s}(?P<rn>\d{{1,2}}|{han_count}){s}\p{{Han}}?{m})?                # 今年前11月, 今年首十一个月
      | {quarter_code}
      | (?<![0-9{y}.{han}])(?P<om1>{month_number})(?:{m})?\s*[{span}]\s*(?P<om2>{month_number}){month_word}   # months alone (the mark once or twice): the year from the date
      | (?<![0-9A-Za-z{y}.{han}{plain_joiners}])(?<![0-9{m}{han}][{word_joiners}])(?:(?<![{word_joiners}])|(?={month_number}{m}(?![{edges}])))(?<!(?<!{until_lead}){until})(?<!{streaks})(?P<omonth>{month_number})[ \t]?{m}(?:[{suffix}{edges}])?(?:(?![0-9{han}]|[ \t]*[{day}{edges}{start}])|(?={_age_band(lex)}))   # one month alone (not a day's date, unless an age band follows: see _age_band)
      | (?<![0-9{y}.{han}])(?:{to_date}){s}(?P<on>\d{{1,2}}|{han_count}){s}\p{{Han}}?{m}   # the year's first N months, a classifier allowed (the year from the date; see _without_year; typeset spaces allowed around the number)
      | (?<!{y})(?P<opart>{parts})
      | (?<![0-9.])(?P<byear>(?:19|20)\d{{2}})(?=\p{{Han}})   # a year without its mark
        """,
        regex.VERBOSE,
    )


def _since_pattern(cues) -> str:
    """以来, 来 after a year: since then (2011年来15年新高); not 来 before a place it came to (2020年来京游客)."""
    return f"(?:{_alternation(cues['since'])})(?!{_alternation(cues['since_not_before'])})"


def _age_band(lex) -> str:
    """十五至十九岁, 65岁: ages (a unit of role ``attribute``) written right after a month, which make the
    numbers after it no day of that month."""
    ages = _alternation([surface for surface, unit in lex.units.items() if unit.role == "attribute"])
    numeral = f"[0-9{regex.escape(lex.cues['rank']['ordinal_numerals'])}]{{1,3}}"
    return rf"{numeral}(?:[{regex.escape(lex.cues['period']['span_joiners'])}]{numeral})?(?:{ages})"


def _academic_years(lex, s: str) -> str:
    """114学年: a Taiwan school year, August to July (group ``ayear``), one alternative of the pattern."""
    return rf"(?P<ayear>(?<![0-9.])1[0-2]\d|(?:19|20)\d{{2}}){s}(?:{_alternation(lex.words('period', 'academic_marks'))})|"


def _short_year(lex, digits: str) -> str:
    """A Gregorian year written with two digits (Hong Kong and Macau papers: 較○八年上升, 08年第4季, 一二年的數據),
    as group ``syear``: one led by a zero is never a count of years; 一二年 only where what follows says it is a
    year (its first months, a quarter, 的, a comma: ``short_year_followers``)."""
    y = regex.escape(lex.cues["period"]["year_mark"])
    zeros = regex.escape("".join(ch for ch in lex.cues["layout"]["year_digits"] if lex.digits.get(ch, 1) == 0))
    followers = _alternation(lex.words("period", "short_year_followers")) + rf"|\d{{1,2}}{regex.escape(lex.cues['period']['month_mark'])}"
    return (rf"(?P<syear>(?<![0-9{digits}.])(?:0\d|[{zeros}][{digits}])(?={y}(?!{_alternation(lex.words('period', 'short_year_not_followers'))}))"
            rf"|(?<![0-9{digits}.])1\d(?={y}(?:{followers}))|(?<![0-9{digits}.])[{regex.escape(''.join(ch for ch, v in lex.digits.items() if v == 1 and not ch.isascii()))}][{digits}](?={y}(?:{followers})))")


def _fiscal_years(lex, span: str, y: str, fiscal_mark: str) -> str:
    """Hong Kong's financial years (2021/22年度, 2023/24至2026/27年度) and windows of them (本年度), each
    followed by ``|``."""
    budget = _alternation(lex.words("regional", "budget_words"))
    han = regex.escape(lex.cues["layout"]["year_digits"])  # (二零一七/一八年度: a budget speech writes it in numerals)
    return (rf"(?P<fa>(?:19|20)\d{{2}}|[{han}]{{4}})/(?P<fb>\d{{2}}|[{han}]{{2}})(?![\d{han}])"
            rf"(?:\s*[{span}]\s*(?P<fc>(?:19|20)\d{{2}})/\d{{2}}(?!\d))?"
            rf"(?:{y}{fiscal_mark})?\s*|(?P<frel>{_alternation(lex.cues['period']['fiscal_relative'])})(?=(?P<fbudget>{budget})?)\s*|")


def _year_number(lex, roc: bool) -> str:
    """The year of a time expression, as group ``year``: 2023, 二零一八 (a Hong Kong budget speech); with
    ``roc``, also 民国112, 112 and 一○九 (a Taiwan paper's numerals), years of the ROC calendar."""
    digits = regex.escape(lex.cues["layout"]["year_digits"])
    han_year = f"[{digits}]{{4}}"
    if not roc:
        return rf"(?P<year>(?:19|20)\d{{2}}|{han_year}|{_short_year(lex, digits)})"
    ones = regex.escape("".join(ch for ch, value in lex.digits.items() if value == 1 and not ch.isascii()))
    han_roc = f"(?<![{digits}])[{ones}][{digits}]{{2}}"
    period = lex.cues["period"]
    roc_lead = regex.escape(period["roc_lead"])
    # (a two-digit ROC year, before 2011: after the ROC lead, or where what follows says it is a year: 90年全年,
    # 89年12月)
    followers = _alternation(period["roc_year_followers"]) + rf"|\d{{1,2}}{regex.escape(period['month_mark'])}"
    two_digit = rf"(?<={roc_lead})[1-9]\d|(?<![0-9.])[3-9]\d(?={regex.escape(period['year_mark'])}(?:{followers}))"
    return rf"(?:{roc_lead})?(?P<year>(?:19|20)\d{{2}}|(?<![0-9.])1[0-2]\d|{two_digit}|{han_year}|{han_roc})"


def _quarter_code(lex, roc: bool) -> str:
    """112Q1: a table's quarter code (in Taiwan the year is of the ROC calendar)."""
    q = regex.escape(lex.cues["regional"]["quarter_code"])
    year = r"(?:19|20)\d{2}|(?<![0-9.])1[0-2]\d" if roc else r"(?:19|20)\d{2}"
    return rf"(?P<qyear>{year}){q}(?P<quarter>[1-4])(?![0-9])"


@lru_cache(maxsize=8)  # (a sentence's times are read, then its comparison bases: one scan serves both)
def _matches(text: str, roc: bool = False, fiscal: bool = False) -> tuple[regex.Match[str], ...]:
    """The matches of the time pattern in ``text``, bases and all."""
    if not _may_hold_time(roc, fiscal).search(text):
        return ()  # (most sentences of a report hold no time: one scan for a character says so)
    return tuple(_pattern(roc, fiscal).finditer(text))


_ROC_NOTE = r"[(（][0-9]{2,3}[)）]"  # 今(101)年, 上(105)年: Taiwan writes the ROC year inside a relative year
_ROC_YEAR_NOTE = f"(?:{_ROC_NOTE})?"


def _relative_alternation(words, year_mark: str) -> str:
    """The relative years (今年, 去年 …) of a Taiwan text, which may hold the ROC year in brackets before
    their 年 (今(101)年9月 is September 2012)."""
    return "|".join(regex.escape(w[:-1]) + _ROC_YEAR_NOTE + regex.escape(w[-1]) if len(w) > 1 and w.endswith(year_mark)
                    else regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _year_window(lex) -> str:
    """过去四年间, 近3年来, 未来五年: a window of N years (groups ``wlead``, ``wn``), before the listed relative
    words so that the longest reading (with its 来 or 间) wins."""
    words = lambda key: _alternation(lex.words("period", key))
    numerals = regex.escape("".join(sorted(set(lex.digits) | set(lex.small_units))))
    return (rf"(?P<wlead>{words('window_past')}|{words('window_future')})(?P<wn>[0-9]{{1,2}}|[{numerals}]{{1,3}})"
            rf"{regex.escape(lex.cues['period']['year_mark'])}(?:{words('window_tails')})?")


def _windows_a_record(m: regex.Match[str], lex) -> bool:
    """创下近16年同月最低, 近7年同期最高增幅: the window of a record dates no figure."""
    rest = m.string[m.end() : m.end() + 8]
    rest = rest[next((len(w) for w in lex.words("time", "window_after") if rest.startswith(w)), 0) :]
    return rest.startswith(tuple(lex.cues["time"]["record_words"]))


def _window(m: regex.Match[str], report_year_: int, lex) -> TimeExpression | None:
    """The years of a window: the N before publication, or from it on (未来五年)."""
    n = int(numeral_value(m.group("wn")))
    if not 1 <= n <= 100 or _windows_a_record(m, lex):
        return None
    if m.group("wlead") in lex.words("period", "window_future"):
        return TimeExpression(m.start(), m.end(), str(report_year_), str(report_year_ + n - 1))
    return TimeExpression(m.start(), m.end(), str(report_year_ - n), str(report_year_ - 1))


def _relative_word(written: str) -> str:
    """The relative year as the data lists it: 今(101)年 → 今年."""
    return _ROC_NOTE_RE.sub("", written)


# (compiled once: regex.sub and regex.search with a pattern string look it up in regex's cache each call)
_ROC_NOTE_RE = regex.compile(_ROC_NOTE)
_DIGITS = regex.compile(r"[0-9]+")


def _group(m: regex.Match[str], name: str) -> str | None:
    """Group ``name`` of ``m``, None when the pattern has no such group (the financial years are only in
    Hong Kong's): without building the dict of every group, as ``groupdict().get`` does."""
    return m.group(name) if name in m.re.groupindex else None


@cache
def _may_hold_time(roc: bool = False, fiscal: bool = False) -> re.Pattern[str]:
    """A character every time expression of ``_pattern`` holds: a digit, or the first character of a
    word that makes a time without one (a plan's name, 今年, 上半年; in Hong Kong 本财政年度).
    (The standard ``re`` module: for one character class it scans several times faster.)"""
    lex = load_lexicon()
    cues = lex.cues["period"]
    words = [*lex.plan_periods, *cues["relative"], *year_parts(), *(cues["fiscal_relative"] if fiscal else ()),
             *lex.words("period", "window_past"), *lex.words("period", "window_future")]
    # (and the Chinese digits a year is written in: 二零一八年)
    chars = {w[0] for w in words if w} | set(lex.cues["layout"]["year_digits"]) | {cues["month_mark"]}
    return re.compile(r"[\d" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@cache
def _epithet() -> regex.Pattern[str]:
    """A plan's name followed by this (收官之年, 规划的开局之年) describes a year given beside it."""
    return regex.compile(r"[”\"]?[\p{Han}]{0,6}?" + _alternation(load_lexicon().words("period", "epithets")))


_INDEX_BASE = regex.compile(r"[ \t]*[=＝][ \t]*100\b")


def find_time_expressions(text: str, published: str, roc: bool = False, fiscal: bool = False) -> list[TimeExpression]:
    """Every time expression of ``text`` that is not a comparison base. Relative ones (今年, 过去五年,
    1-11月 without a year) resolve against ``published`` (ISO date or year-month; may be empty); with
    ``roc``, years of the ROC calendar are read too (Taiwan: 112年 is 2023)."""
    lex = load_lexicon()
    found = []
    base_end = -1
    for m in _matches(text, roc, fiscal):
        if _is_base(text, m, base_end, lex):
            base_end = m.end()
            continue
        if _months_before(text, m.start()) or _streak_since(text, m) or _INDEX_BASE.match(text, m.end()) \
                or _forecast_made(text, m):
            continue  # (…总指数为104.05(100年=100): the index's base year; 预测由5月份时的1.5%: when it was forecast)
        if _group(m, "relative") and m.group("relative").endswith(tuple(lex.words("period", "window_tails"))) \
                and _windows_a_record(m, lex):
            continue  # 创五年来最高增幅: the window of a record dates no figure
        if _group(m, "since") and any(word in text[m.end() : m.end() + RECORD_REACH + 4] for word in _record_words()):
            continue  # 写2011年来15年新高: how long since a record was last set, not when the figures were
        if m.group("plan") and _epithet().match(text, m.end()):
            continue  # 今年是“十四五”收官之年: the plan names the year, the year is the period
        if m.group("byear") and (text.startswith(_counted_words(), m.end()) or _in_a_name(text, m.start())):
            continue  # 2024家企业, 2000多个, 2000亿元: a number, not a year; “2030启航计划”: a name
        expression = _resolve(m, published, lex)
        if expression is not None:
            found.append(_with_window(text, _read_in_place(text, m, expression, found, published)))
    found = _with_quarter_lists(text, published, found, lex)
    return _joined_spans(text, sorted(found + _publication_day(text, published, found), key=lambda t: t.start))


@cache
def _quarter_list_re() -> regex.Pattern[str]:
    lex = load_lexicon()
    numeral = f"[1-4{regex.escape(''.join(ch for ch, v in lex.digits.items() if 1 <= v <= 4 and not ch.isascii()))}]"
    ordinal = regex.escape(lex.cues["context"]["ordinal_mark"][0])
    joiners = regex.escape("".join(lex.cues["context"]["list_separators"]))
    marks = _alternation(lex.words("period", "quarter_marks"))
    return regex.compile(rf"{ordinal}(?P<n>{numeral})(?:[{joiners}]{ordinal}?(?P<n>{numeral}))+(?:{marks})")


def _with_quarter_lists(text: str, published: str, found: list[TimeExpression], lex) -> list[TimeExpression]:
    """第3、4季 (issue 8's form): one time per quarter of a list that writes the mark once, in the year written
    right before it (2025年第3、4季) or, without one, as a yearless part (the running year's after a forecast word)."""
    for m in _quarter_list_re().finditer(text) if len(published) >= 7 or found else ():
        year = next((t for t in found if t.end == m.start() and len(t.first) == 4 == len(t.last)), None)
        found = [t for t in found if t is not year and not m.start() <= t.start < m.end()]
        for k, n in enumerate(int(numeral_value(x)) for x in m.captures("n")):
            start = m.starts("n")[k] - (1 if k == 0 else 0)
            end = m.end() if k == len(m.captures("n")) - 1 else m.ends("n")[k]
            quarter = (year and TimeExpression(start, end, f"{year.first}-{3 * n - 2:02d}", f"{year.first}-{3 * n:02d}")) \
                or yearless_months(3 * n - 2, 3 * n, start, end, published)
            if quarter is not None and year is None and _forecast_before(text, start):
                quarter = _forecast_months(quarter, published)
            if quarter is not None:
                found.append(quarter)
    return found


def _is_base(text: str, m: regex.Match[str], base_end: int, lex) -> bool:
    """The time ``m`` is a comparison base: after a base marker (较2023年), or the far end of a base's span
    (较2022年12月至2023年2月; ``base_end``: where the last base ended, -1 when none)."""
    # (the listed base is a few characters long: its search looks no further back, so the scan stays short)
    if text.endswith(lex.words("period", "base_markers"), 0, m.start()) \
            or _listed_base_re().search(text, max(0, m.start() - _LISTED_BASE_REACH), m.start()):
        return True
    if text.endswith(lex.words("period", "base_openers"), 0, m.start()) \
            and text.startswith(lex.words("period", "base_closers"), m.end()):
        return True  # 和一一三年相较增加747亿美元: a base between a conjunction and a closer
    joiner = text[base_end : m.start()] if 0 <= base_end < m.start() else ""
    return bool(joiner) and joiner in lex.cues["period"]["span_joiners"]


_LISTED_BASE_REACH = 16  # a base marker (at most 6 characters), 1 to 4 characters and a joiner


@cache
def _listed_base_re() -> regex.Pattern[str]:
    """较上一期及去年同期分别上升…: a time listed after a short base (a base marker, a few characters, a list
    joiner) is a base too."""
    lex = load_lexicon()
    # (a joiner of one character that breaks no clause; a marker of two characters or more: 是, 同 alone are too
    # common to mark a base so far back)
    joiners = "".join(sorted(w for w in lex.words("context", "list_joiners") if len(w) == 1 and w not in "，,"))
    markers = [w for w in lex.words("period", "base_markers") if len(w) > 1]
    return regex.compile(rf"(?:{_alternation(markers)})\p{{Han}}{{1,4}}[{regex.escape(joiners)}]\Z")


def _publication_day(text: str, published: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """劳动部今（12/16）公布…: the day of publication written in brackets after 今 dates a sentence that names no
    other time (a news lead's date: the month of publication, told to the day)."""
    if found or not _YEAR_MONTH.match(published) or not _any_today_word().search(text):
        return []  # (a fallback: 国发会今（27）日公布去（114）年12月份… is about the month it names)
    return [TimeExpression(m.start(), m.end(), month, month, day=True)
            for m in _today_re().finditer(text) if (month := _month_of_bracketed_day(m, published))]


def _month_of_bracketed_day(m: regex.Match[str], published: str) -> str:
    """今（12/16）: the month written; 昨（3）日 in a text of 4 November: November; 昨（31）日 in one of 1 December:
    a day later than publication's is of the month before."""
    if m.group("month"):
        return f"{published[:4]}-{int(m.group('month')):02d}"
    year, month, *rest = (int(x) for x in published.split("-")[:3])
    if rest and int(m.group("day")) > rest[0]:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}"


@cache
def _any_today_word() -> re.Pattern[str]:
    """Any of the today words, found with one search (asked of nearly every sentence of a report)."""
    words = _today_words()
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


@cache
def _today_words() -> tuple[str, ...]:
    return load_lexicon().words("period", "today_words")


@cache
def _today_re() -> regex.Pattern[str]:
    day = regex.escape(load_lexicon().cues["period"]["day_mark"])
    words = _alternation(_today_words())
    return regex.compile(rf"(?:{words})[ ]?[（(](?:(?P<month>\d{{1,2}})/)?(?P<day>\d{{1,2}})[)）][ ]?(?:{day})?")  # (a typeset space allowed around the brackets)


def _joined_spans(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """2022年6月至2023年6月, 2022年年中至2023年年中: two dated months joined by a span joiner are one span."""
    joiners = load_lexicon().cues["period"]["span_joiners"]
    out: list[TimeExpression] = []
    for t in found:
        before = out[-1] if out else None
        if (before is not None and len(before.first) == len(t.last) == 7 and before.first < t.last
                and len(between := text[before.end : t.start].strip()) == 1 and between in joiners):
            out[-1] = TimeExpression(before.start, t.end, _after_a_point(text, before), t.last)
        else:
            out.append(t)
    return out


def _after_a_point(text: str, t: TimeExpression) -> str:
    """The first month of a span that starts at ``t``: the month after it when ``t`` is a point in time
    (去年年中至今年年中 runs from July), else its own."""
    if not text.endswith(tuple(load_lexicon().words("period", "point_parts")), 0, t.end):
        return t.first
    index = int(t.first[:4]) * 12 + int(t.first[5:7])  # (the month after, counted from January = 1)
    return f"{index // 12}-{index % 12 + 1:02d}"


def base_times(text: str, published: str, roc: bool = False, fiscal: bool = False) -> list[TimeExpression]:
    """The time expressions that are comparison bases (较去年第二季, 与上年同期相比), resolved: the period of an
    amount written right after one (较去年第二季410.4亿澳门元)."""
    lex = load_lexicon()
    bases, levels = lex.words("period", "base_markers"), lex.words("period", "level_bases")
    found = (_resolve(m, published, lex) for m in _matches(text, roc, fiscal)
             if text.endswith(bases, 0, m.start()) and not text.endswith(levels, 0, m.start()))
    return [t for t in found if t is not None]


def _streak_since(text: str, m: regex.Match[str]) -> bool:
    """延续上年第3季以来之正成长: a since-span after a streak word says how long a streak has run; it dates
    neither the claim before nor the ones after it."""
    since = _since_words()
    return text.endswith(_streak_words(), 0, m.start()) and (m.group().endswith(since) or text.startswith(since, m.end()))


@cache
def _running_marks() -> tuple[str, ...]:
    return load_lexicon().words("period", "running_marks")


@cache
def _streak_words() -> tuple[str, ...]:
    return load_lexicon().words("time", "streak_cues")


@cache
def _since_words() -> tuple[str, ...]:
    return load_lexicon().words("period", "since")


def _months_before(text: str, start: int) -> bool:
    """与先前三个月比较: the expression's first character ends a word that makes it the months before."""
    return any(text.startswith(word, start - len(word) + 1) for word in _previous_months() if start >= len(word) - 1)


@cache
def _previous_months() -> tuple[str, ...]:
    return load_lexicon().words("period", "previous_months")


@cache
def _window_pattern() -> regex.Pattern[str]:
    lex = load_lexicon()
    numerals = "".join(sorted(set(lex.digits) | set(lex.small_units)))
    return regex.compile(rf"(?:{_alternation(lex.words('regional', 'window_until'))})"
                         rf"(?P<n>[0-9]{{1,2}}|[{regex.escape(numerals)}]{{1,3}})\p{{Han}}?{regex.escape(lex.cues['period']['month_mark'])}")


def _with_window(text: str, t: TimeExpression) -> TimeExpression:
    """至今年1月为止的十二个月: the window of months that ends with the month written (2022-02/2023-01)."""
    m = _window_pattern().match(text, t.end) if len(t.last) == 7 else None
    if m is None:
        return t
    count = int(numeral_value(m.group("n")))
    if not 1 <= count <= 120:
        return t
    return TimeExpression(t.start, m.end(), shifted_month(t.last, 1 - count), t.last)


@cache
def year_parts() -> Mapping[str, tuple[int, int]]:
    """Every part of a year a time expression may name, with its first and last month: the ones listed in
    ``year_parts`` (上半年, 首季, 年中 …) and the quarters a grammar writes with any numeral: 第N季(度) and
    N季度 (quarter N: 第3季, 三季度), 前/首/头N季(度) (quarters 1 to N: 前3季, 首两季度)."""
    lex = load_lexicon()
    parts = dict(lex.cues["period"]["year_parts"])
    marks, leads = lex.words("period", "quarter_marks"), lex.words("regional", "months_to_date")
    ordinal = lex.cues["context"]["ordinal_mark"][0]
    for n in range(1, 5):
        spellings = [str(n)] + [ch for ch, value in lex.digits.items() if value == n and not ch.isascii()]
        for numeral, mark in ((numeral, mark) for numeral in spellings for mark in marks):
            parts.setdefault(ordinal + numeral + mark, (3 * n - 2, 3 * n))
            # (截至今年第1季末: the end of a quarter is its last month, a point)
            parts.update({ordinal + numeral + mark + edge: (3 * n, 3 * n) for edge in lex.cues["period"]["month_edges"]})
            if len(mark) > 1:
                parts.setdefault(numeral + mark, (3 * n - 2, 3 * n))  # (三季度: the ordinal may be left out)
            parts.update({lead + numeral + mark: (1, 3 * n) for lead in leads if lead + numeral + mark not in parts})
        for mark in marks:  # (今年第 1 季: a news site that sets its Arabic numerals off with spaces)
            parts.setdefault(f"{ordinal} {n} {mark}", (3 * n - 2, 3 * n))
            parts.update({f"{lead} {n} {mark}": (1, 3 * n) for lead in leads if f"{lead} {n} {mark}" not in parts})
    return MappingProxyType(parts)


def shifted_month(month: str, by: int) -> str:
    """The month ``by`` months after ``month`` (YYYY-MM; ``by`` may be negative): 2023-01, -11 → 2022-02."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12}-{index % 12 + 1:02d}"


def _forecast_before(text: str, pos: int) -> bool:
    """A forecast word earlier in the sentence (统计处预估，12月…), not one of a statistics office's estimate of a
    month gone (临时估计, 修订估计)."""
    lex = load_lexicon()
    before = text[:pos]
    for estimate in lex.words("regional", "statistical_estimates"):
        before = before.replace(estimate, "")
    return any(_forecasts_at(before, m.start(), m.end(), lex) for word in lex.words("regional", "forecast_words")
               for m in regex.finditer(regex.escape(word), before))


def _forecasts_at(text: str, start: int, end: int, lex) -> bool:
    """A forecast word that forecasts: not a benchmark (高出预期目标1.9个百分点, 优于预期)."""
    cues = lex.cues["regional"]
    return not (text.startswith(tuple(cues["forecast_not_before"]), end)
                or text.endswith(tuple(cues["forecast_not_after"]), 0, start))


def _forecast_made(text: str, m: regex.Match[str]) -> bool:
    """经济增长预测由5月份时的1.5%至3.5%修改为…, 从八月预测的2.31%: a month a forecast word follows, or precedes with
    时 after it, is when the forecast was made, not the period of the figure."""
    if not (m.group("om1") or m.group("omonth")):
        return False
    words = load_lexicon().words
    if text.startswith(tuple(words("regional", "forecast_words")), m.end()):
        return True  # 从八月预测的百分之二点三一, 较8月预测值2.11%: the forecast of August
    return text.startswith(tuple(words("regional", "forecast_made_after")), m.end()) and _forecast_before(text, m.start())


def _is_forecast(text: str, m: regex.Match[str]) -> bool:
    """Months or a part of a year without its year, in a forecast (统计处预估，12月…; 第4季预测值为1.8%)."""
    if not (m.group("om1") or m.group("omonth") or m.group("opart")):
        return False
    return _forecast_before(text, m.start()) or bool(m.group("opart") and _forecast_after(text, m.end()))


def _forecast_after(text: str, pos: int) -> bool:
    """第4季预测值为1.8%: a quarter a forecast word follows is forecast (a month so followed, 8月预测值, is when
    the forecast was made)."""
    return text.startswith(load_lexicon().words("regional", "forecast_words"), pos)


def _forecast_months(t: TimeExpression, published: str) -> TimeExpression:
    """Forecast months without a year: of the year that puts them nearest the month of publication, the running
    year's or else the later on a tie (预估12月 in a text of December: this December; 预估1月 in December: next January; 预期4月… in a text
    of early May reporting an earlier forecast: this April, not next year's)."""
    if len(published) < 7 or len(t.first) != 7:
        return t
    year, now = int(published[:4]), int(published[:4]) * 12 + int(published[5:7]) - 1
    first, last = int(t.first[5:7]) - 1, int(t.last[5:7]) - 1

    def distance(y: int) -> int:
        start, end = y * 12 + first, y * 12 + last
        return 0 if start <= now <= end else min(abs(now - start), abs(now - end))

    best = min((year - 1, year, year + 1), key=lambda y: (distance(y), y != year, -y))  # (a tie: the running year)
    return TimeExpression(t.start, t.end, f"{best}{t.first[4:]}", f"{best}{t.last[4:]}", t.day, t.since)


def _running_month(t: TimeExpression, published: str) -> TimeExpression:
    """11月迄今 in a text of November: the month of publication, told up to now (what it holds has happened)."""
    if published[5:7] != t.first[5:7]:
        return t
    return TimeExpression(t.start, t.end, published[:7], published[:7], t.day, since=True)


def time_spans(text: str, roc: bool = False, fiscal: bool = False) -> list[tuple[int, int]]:
    """Where every time expression of ``text`` stands, comparison bases included (较2025/26年度): a
    number inside one is part of the time, never a claim."""
    return [(m.start(), m.end()) for m in _matches(text, roc, fiscal)
            if _group(m, "fa") or m.group("year") or m.group("y1") or _group(m, "ayear")]


def _in_a_name(text: str, pos: int) -> bool:
    """True when ``pos`` stands inside quotation marks or title marks opened shortly before it."""
    window = text[max(0, pos - 12) : pos]
    opened = max(window.rfind("“"), window.rfind("《"))
    closed = max(window.rfind("”"), window.rfind("》"))
    return opened > closed or window.count('"') % 2 == 1


@cache
def _counted_words() -> tuple[str, ...]:
    """What may follow a number: units, classifiers, magnitudes and approximations."""
    lex = load_lexicon()
    words = set(lex.units) | set(lex.big_units) | set(lex.small_units)
    for key in ("suffix_approx", "suffix_over", "suffix_under", "inner_over"):
        words |= set(lex.words("qualifier", key))
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


@cache
def _whole_year_pattern() -> regex.Pattern[str]:
    return regex.compile(_alternation(load_lexicon().words("period", "whole_year")))


def with_whole_years(text: str, times: list[TimeExpression], frame: TimeExpression | None) -> list[TimeExpression]:
    """``times`` with the whole-year words of ``text`` (全年) added, each dated by the year of the time
    expression before it in the sentence, else by the running frame (and left out when neither has one)."""
    added = []
    for m in _whole_year_pattern().finditer(text):
        if any(t.start <= m.start() < t.end for t in times) or _share_of_the_year().match(text, m.end()):
            continue  # (占…全年预算数的86.5%: the year's budget is the whole a share is of, not the period)
        before = [t for t in times if t.end <= m.start()]
        year = before[-1].last[:4] if before else (frame.last[:4] if frame else "")
        if year:
            added.append(TimeExpression(m.start(), m.end(), year, year))
    return sorted(times + added, key=lambda t: t.start) if added else times


_BARE_YEAR = regex.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}(?![0-9.%])")


@cache
def _share_of_the_year() -> regex.Pattern[str]:
    """全年预算数的86.5%: the year's whole, then 的 and a number."""
    marks = "|".join(map(regex.escape, load_lexicon().words("context", "attribute_marker")))
    return regex.compile(rf"\p{{Han}}{{1,6}}?(?:{marks})[0-9]")


def bare_year(heading: str) -> TimeExpression | None:
    """A year written without 年 in a heading (回顾2023，…), else None."""
    m = _BARE_YEAR.search(heading)
    return TimeExpression(m.start(), m.end(), m.group(), m.group()) if m else None


def comparison_bases(text: str, roc: bool = False, fiscal: bool = False) -> list[int]:
    """Where each comparison base starts (the 比 of 比2020年, the 较 of 较113年度同期 in Taiwan), so a metric
    can stop before it."""
    bases = load_lexicon().words("period", "base_markers")
    starts = []
    for m in _matches(text, roc, fiscal):  # (the scan find_time_expressions made of this sentence)
        marker = next((b for b in bases if text.endswith(b, 0, m.start())), None)
        if marker:
            starts.append(m.start() - len(marker))
    return starts


def _read_in_place(text: str, m: regex.Match[str], expression: TimeExpression, found: list[TimeExpression],
                   published: str) -> TimeExpression:
    """A time as the words around it date it: a yearless part after parts of a year, a forecast's month (预估12月…:
    the running month, not last year's), a month still running (11月迄今)."""
    if any(_group(m, name) for name in _YEARLESS):
        expression = _later_in_the_year_before(expression, found, published)
    if _is_forecast(text, m):
        return _forecast_months(expression, published)
    if m.group("omonth") and text.startswith(_running_marks(), m.end()):
        return _running_month(expression, published)
    return expression


def _later_in_the_year_before(expression: TimeExpression, found: list[TimeExpression], published: str) -> TimeExpression:
    """今年第1季正成长0.9%，第2季年减1.6%…，第4季推估年增1.2%: months written without a year after months of one
    year in the sentence, and later than them, are of that year (never one that begins after publication)."""
    before = found[-1] if found else None
    if before is None or len(before.last) != 7 or len(expression.first) != 7 or expression.first[:4] == before.last[:4]:
        return expression
    year = before.last[:4]
    if expression.first[5:] <= before.last[5:] or expression.first[:4] != expression.last[:4] \
            or year + expression.first[4:] > published[:7]:
        return expression
    return replace(expression, first=year + expression.first[4:], last=year + expression.last[4:], since=False)


def yearless_months(first_month: int, last_month: int, start: int, end: int, published: str) -> TimeExpression | None:
    """Months written without a year (1-11月, 上半年) are the latest such months before publication."""
    if len(published) < 7 or not 1 <= first_month <= last_month <= 12:
        return None
    year, month = int(published[:4]), int(published[5:7])
    if last_month > month or (last_month == month and first_month < month):
        year -= 1
    # (12月会议 in a text of December is this December: an event of the running month, which has happened)
    running = first_month == last_month == month
    return TimeExpression(start, end, f"{year}-{first_month:02d}", f"{year}-{last_month:02d}", since=running)


def _without_year(m: regex.Match[str], published: str, lex) -> TimeExpression | None:
    """Months without their year (1-11月, 12月份, 上半年, 前8月: the latest before publication), or a year
    written without 年 (对于2024发展…)."""
    if m.group("om1"):
        return yearless_months(_month(m, "om1"), _month(m, "om2"), m.start(), m.end(), published)
    if m.group("omonth"):
        return yearless_months(_month(m, "omonth"), _month(m, "omonth"), m.start(), m.end(), published)
    if m.group("on"):
        return yearless_months(1, _month(m, "on"), m.start(), m.end(), published)
    if m.group("opart"):
        first, last = year_parts()[m.group("opart")]
        return yearless_months(first, last, m.start(), m.end(), published)
    return TimeExpression(m.start(), m.end(), m.group("byear"), m.group("byear"))


def _month(m: regex.Match[str], name: str) -> int:
    """The month number of group ``name``: 8 or 八 (0 when out of the calendar, which no month range takes)."""
    number = int(numeral_value(m.group(name)))
    return number if 1 <= number <= 12 else 0


def _of_a_year(m: regex.Match[str], published: str, lex) -> TimeExpression:
    """A year (2023年, 112年 in Taiwan) with its months (1-11月), month (3月, 3月5日) or part (上半年), or a
    span from it up to now (2021年以来)."""
    year = _short_year_value(m.group("syear")) if _group(m, "syear") else gregorian(m.group("year"))
    if m.group("m1"):
        return TimeExpression(m.start(), m.end(), f"{year}-{_month(m, 'm1'):02d}", f"{year}-{_month(m, 'm2'):02d}")
    if m.group("month"):
        month = f"{year}-{int(numeral_value(m.group('month'))):02d}"
        return TimeExpression(m.start(), m.end(), month, month, day=bool(m.group("day")))
    if m.group("part"):
        first, last = year_parts()[m.group("part")]
        return TimeExpression(m.start(), m.end(), f"{year}-{first:02d}", f"{year}-{last:02d}")
    if m.group("yn") and 1 <= (months := int(numeral_value(m.group("yn")))) <= 12:
        # 2013年前11个月, 二零一三年首十一个月: the first N months of the year
        return TimeExpression(m.start(), m.end(), f"{year}-01", f"{year}-{months:02d}")
    up_to = since_end(published)
    if m.group("since") and up_to and int(year) < up_to:
        return TimeExpression(m.start(), m.end(), year, str(up_to), since=True)
    return TimeExpression(m.start(), m.end(), year, year)


def _financial_year(m: regex.Match[str], published: str, lex) -> TimeExpression | None:
    """A Hong Kong financial year, April to March: 2021/22 (to 2026/27), or 本年度 counted from the one
    the text was published in."""
    if m.group("fa"):
        first = gregorian(m.group("fa"))
        last = int(m.group("fc") or first) + 1
        return TimeExpression(m.start(), m.end(), f"{first}-04", f"{last}-03", fiscal=True)
    year = report_year(published)
    if year is None:
        return None
    month = int(published[5:7]) if published[5:7].isdigit() else 1
    offsets = lex.cues["period"]["fiscal_relative"][m.group("frel")]
    low, high = offsets  # (the first and last year counted: 未来两个财政年度 is [1, 2])
    # (本年度预算案: the budget presented this year is the coming financial year's)
    first = year - (month < 4) + low + bool(m.group("fbudget"))
    last = year - (month < 4) + high + bool(m.group("fbudget"))
    return TimeExpression(m.start(), m.end(), f"{first}-04", f"{last + 1}-03", fiscal=True)


# The groups of a time written without its year (1-11月, 8月, 前8月, 上半年, or a year without 年).
_YEARLESS = ("om1", "omonth", "on", "opart", "byear")


def _resolve(m: regex.Match[str], published: str, lex) -> TimeExpression | None:
    report_year_ = report_year(published)
    if any(m.group(name) for name in _YEARLESS):
        return _without_year(m, published, lex)
    if _group(m, "frel") or _group(m, "fa"):
        return _financial_year(m, published, lex)
    if _group(m, "ayear"):
        year, start = int(gregorian(m.group("ayear"))), lex.schema.period.academic_start
        return TimeExpression(m.start(), m.end(), f"{year}-{start:02d}", f"{year + 1}-{start - 1:02d}", fiscal=True)
    if m.group("y1"):
        return TimeExpression(m.start(), m.end(), gregorian(m.group("y1")), gregorian(m.group("y2")))
    if m.group("year"):
        return _of_a_year(m, published, lex)
    if m.group("plan"):
        first, last = lex.plan_periods[m.group("plan")]
        up_to = since_end(published)
        if m.group("psince") and up_to and first < up_to < last:
            last = up_to  # “十四五”以来: from the plan's first year up to now, not to its end
            return TimeExpression(m.start(), m.end(), str(first), str(last), since=True)
        return TimeExpression(m.start(), m.end(), str(first), str(last))
    if m.group("qyear"):
        year, quarter = gregorian(m.group("qyear")), int(m.group("quarter"))
        return TimeExpression(m.start(), m.end(), f"{year}-{3 * quarter - 2:02d}", f"{year}-{3 * quarter:02d}")
    if report_year_ is None:
        return None
    return _window(m, report_year_, lex) if m.group("wn") else _relative_year(m, report_year_, lex)


def _relative_year(m: regex.Match[str], report_year_: int, lex) -> TimeExpression:
    """今年, 去年上半年, 今年1至8月, 上(105)年: a year counted from publication (or written in brackets), with
    its months or part."""
    first, last = lex.cues["period"]["relative"][_relative_word(m.group("relative"))]
    if note := _DIGITS.search(m.group("relative") + (m.group("rnote") or "")):
        written = int(note.group())  # 上(105)年, 今年(2025): the year written in brackets
        report_year_ = (written if written > 1000 else written + ROC_OFFSET) - first
    if first == last and (months := _relative_months(m)):
        year = report_year_ + first  # 今年1至8月, 今年8月, 今年前11月
        return TimeExpression(m.start(), m.end(), f"{year}-{months[0]:02d}", f"{year}-{months[1]:02d}", day=bool(m.group("rday")))
    if m.group("rpart") and first == last:
        # 今年前三季度, 去年上半年: the months of the year the relative word names
        start_month, end_month = year_parts()[m.group("rpart")]
        year = report_year_ + first
        return TimeExpression(m.start(), m.end(), f"{year}-{start_month:02d}", f"{year}-{end_month:02d}")
    return TimeExpression(m.start(), m.end(), str(report_year_ + first), str(report_year_ + last))


def _relative_months(m: regex.Match[str]) -> tuple[int, int] | None:
    """The months written after a relative year (今年1至8月, 今年8月, 今年4月1日, 今年前11月), else None."""
    if m.group("rm1"):
        first, last = _month(m, "rm1"), _month(m, "rm2")
    elif m.group("rmonth"):
        first = last = _month(m, "rmonth")
    elif m.group("rday"):
        first = last = int(m.group("rday"))
    elif m.group("rn"):
        first, last = 1, int(numeral_value(m.group("rn")))
    else:
        return None
    return (first, last) if 1 <= first <= last <= 12 else None


# The ROC calendar counts from 1912: its year 1 is 1912 (民国元年), so 112年 is 2023.
ROC_OFFSET = 1911


def _short_year_value(year: str) -> str:
    """08 → 2008, ○八 → 2008, 一二 → 2012 (a two-digit year of this century)."""
    digits = load_lexicon().digits
    return str(2000 + int("".join(ch if ch.isascii() else str(digits.get(ch, 0)) for ch in year)))


def gregorian(year: str) -> str:
    """A year as written (2023, 二零一八, or 112 of the ROC calendar) in the Gregorian calendar."""
    if not year.isascii():
        digits = load_lexicon().digits
        year = "".join(str(digits[ch]) if ch in digits else "0" for ch in year)  # (〇 and ○ are zero)
    return str(int(year) + ROC_OFFSET) if len(year) in (2, 3) else year


def since_end(published: str) -> int | None:
    """The last whole year a "since …" span reaches: a report of the first quarter (a work report) looks
    back on the year before; a text from later in the year counts the running year."""
    year = report_year(published)
    if year is None:
        return None
    month = int(published[5:7]) if len(published) >= 7 and published[5:7].isdigit() else 1
    return year if month > 3 else year - 1


def ends_after(period: str, published: str) -> bool:
    """True when ``period`` ends after the publication date (both ISO-like; missing parts are open)."""
    if not period or not published:
        return False
    last = period.split("/")[-1]
    if len(last) == 4:
        last += "-12"
    # (a period that ends in the month of publication is still running: 预估12月… in a release of 2025-12-23)
    return last >= published[:7] if len(published) >= 7 else last[:4] > published[:4]


def report_year(published: str) -> int | None:
    return int(published[:4]) if published[:4].isdigit() else None


@cache
def _target_words() -> tuple[str, ...]:
    return load_lexicon().words("status", "target")


FORECAST_REACH = 4  # characters after 上月 in which a forecast word makes it the forecast's date


def relative_months(text: str, month: TimeExpression | None, found: list[TimeExpression],
                    published: str = "") -> list[TimeExpression]:
    """上月, 本月 in a text framed by one month (``month``; else by the month of publication): that month or the one before, where no other time
    expression and no comparison base (较上月) takes the words. The start of a change (由上月4.40%降为4.32%)
    counts from the month the release is about; a month the sentence is about (上月整体消费物价…上升1.2%,
    published in December about November) from the month of publication, when the date gives one."""
    if month is None or len(month.first) != 7 or month.first != month.last:
        month = None  # (上月份的客运量创新高 in a release's first line: counted from the month of publication)
    if month is None and not _YEAR_MONTH.match(published):
        return []
    bases = load_lexicon().words("period", "base_markers")
    out = []
    for m in _relative_month_re().finditer(text):
        end = _past_month_end(text, m.end())
        own_figure = _month_figure_re().match(text, end) is not None  # (低于上月底之6.51%: a base's own figure)
        if (text.endswith(bases, 0, m.start()) and not own_figure) or any(t.start <= m.start() < t.end for t in found):
            continue
        if any(len(word) > 1 and word in text[m.end() : m.end() + FORECAST_REACH] for word in _target_words()):
            continue  # (优于上月原先预期的667亿至687亿美元: when a forecast was made, not what it is about)
        word = regex.sub(_MONTH_NOTE, "", m.group())
        # (低于上月底之6.51%: a base's own figure is the month before the one the release is about)
        own_base = own_figure and text.endswith(bases, 0, m.start())
        origin = month.first if own_base and month is not None else _origin(text, m.start(), word, month, found,
                                                                            published, own_base)
        period = _counted_month(word, origin)
        out.append(TimeExpression(m.start(), end, period, period))
    return out + _month_windows(text, month.first if month else published[:7], found + out)


def _past_month_end(text: str, end: int) -> int:
    """上月底: the end of the month is the month (the mark belongs to the time, not to what follows)."""
    mark = next((w for w in load_lexicon().words("period", "month_end_marks") if text.startswith(w, end)), "")
    return end + len(mark)


@cache
def _month_figure_re() -> regex.Pattern[str]:
    links = _alternation(load_lexicon().words("period", "month_figure_links"))
    return regex.compile(rf"(?:{links})?\s*[0-9]")


def publication_quarter(published: str) -> TimeExpression | None:
    """The quarter that holds the month of publication: what 上季 counts from when nothing frames a text
    (【行业数据】香港上季食肆总收益升5.1%, published in November: the third quarter)."""
    if len(published) < 7 or not published[:4].isdigit():
        return None
    year, first = published[:4], (int(published[5:7]) - 1) // 3 * 3 + 1
    return TimeExpression(0, 0, f"{year}-{first:02d}", f"{year}-{first + 2:02d}")


def relative_quarters(text: str, frames: list[TimeExpression | None], found: list[TimeExpression]) -> list[TimeExpression]:
    """上一季, 本季 in a text framed by one quarter (the first quarter of ``frames``: the running frame, the
    release's lead; 第二季): that quarter or the one before, where no other time expression and no comparison
    base (较上季) takes the words."""
    framed = next((t for t in frames if _is_quarter(t)), None)
    lex = load_lexicon()
    bases, words = lex.words("period", "base_markers"), lex.cues["period"]["relative_quarters"]
    out = []
    of = lex.cues["context"]["attribute_marker"][0]
    for m in _relative_quarter_re().finditer(text):
        # (较上季上升0.4%: a base, no period; but 高于上一季3%的增幅, 高于上一季的1.6%: the base's own figure)
        own_figure = regex.match(rf"{of}?\s*[0-9]", text[m.end() : m.end() + 3]) is not None
        if (text.endswith(bases, 0, m.start()) and not own_figure) or any(t.start <= m.start() < t.end for t in found + out):
            continue
        # (实质本地生产总值在第二季按年增长3.1%，轻微高于上一季3%的增幅: a quarter said before it in the sentence first)
        quarter = next((t for t in reversed(found) if t.end <= m.start() and _is_quarter(t)), framed)
        if quarter is None:
            continue
        shift = 3 * words[m.group()]
        out.append(TimeExpression(m.start(), m.end(), shifted_month(quarter.first, shift), shifted_month(quarter.last, shift)))
    return out


@cache
def _relative_quarter_re() -> regex.Pattern[str]:
    return regex.compile(_alternation(load_lexicon().cues["period"]["relative_quarters"]))


def _is_quarter(t: TimeExpression | None) -> bool:
    return t is not None and len(t.first) == 7 and months_spanned(t) == 3 and int(t.first[5:7]) % 3 == 1


def months_spanned(t: TimeExpression) -> int:
    """How many months a time of month precision covers (2025-04/2025-06: 3)."""
    first, last = t.first[:7], t.last[:7]
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _month_windows(text: str, last: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """于过去12个月, 近三个月, 最近四季: the N months (quarters) that end with the month at hand, or with a time
    written before them in the sentence (not a record's window:
    创下近三个月来新低, which says how long since, not when)."""
    out = []
    for m in _month_window_re().finditer(text):
        count = int(numeral_value(m.group("n"))) * (3 if m.group("quarter") else 1)
        record = any(word in text[m.end() : m.end() + RECORD_REACH] for word in _record_words())
        if record or not 2 <= count <= 120 or any(t.start <= m.start() < t.end for t in found):
            continue
        # (至今年第1季，最近四季的…平均指数: the four quarters that end with the quarter written before)
        end = next((t.last for t in reversed(found) if t.end <= m.start() and len(t.last) == 7), last)
        out.append(TimeExpression(m.start(), m.end(), shifted_month(end, 1 - count), end))
    return out


@cache
def _record_words() -> tuple[str, ...]:
    return load_lexicon().words("time", "record_words")


RECORD_REACH = 4  # 近三个月来新低: the record word within a few characters after the window


@cache
def _month_window_re() -> regex.Pattern[str]:
    lex = load_lexicon()
    numerals = regex.escape("".join(sorted(set(lex.digits) | set(lex.small_units))))
    quarters = _alternation(lex.words("period", "quarter_marks"))
    return regex.compile(rf"(?:{_alternation(lex.words('period', 'window_past'))})(?P<n>[0-9]{{1,3}}|[{numerals}]{{1,3}})"
                         rf"\p{{Han}}?(?:{regex.escape(lex.cues['period']['month_mark'])}|(?P<quarter>{quarters}))")


def _origin(text: str, start: int, word: str, month: TimeExpression | None, found: list[TimeExpression],
            published: str, own_base: bool = False) -> str:
    """The month a relative month at ``start`` counts from. With no frame yet, 本月 is the month written before
    it in the sentence (106年8月底…，本月总薪资), and so is 上月 where it dates the start of a change or a base's
    own figure (本年7月…由上月底之5.36%, 高于上月底之5.1%); else 上月 counts from publication (今日公布今年5月的
    消费物价指数，上月整体消费物价…)."""
    stated = next((t for t in reversed(found) if t.end <= start and len(t.first) == 7 and t.first == t.last), None)
    this_month = load_lexicon().cues["period"]["relative_months"][word] == 0  # type: ignore[index]
    starts_a_change = text.endswith(load_lexicon().words("change", "from_words"), 0, start)
    # (1月份按年录得通胀2.4%，…，上月按年录得升幅2.0%; 食品价格上升5.0%(上月按年升3.8%): a figure stands before it in
    # its sentence, so 上月 is the month before the one the figure is of)
    contrasted = _figure_before(text, start, found)
    if month is None and stated is not None and (this_month or starts_a_change or own_base or contrasted):
        return stated.first  # (本年7月…放款年增率由上月底之5.36%回升为5.52%: the month before the one just named)
    if month is not None and contrasted and not this_month:
        return month.first
    return _month_counted_from(text, start, month, published)


def _figure_before(text: str, start: int, found: list[TimeExpression]) -> bool:
    """A digit before ``start`` outside the sentence's time expressions: a figure told before it."""
    return any(ch.isdigit() and not any(t.start <= k < t.end for t in found) for k, ch in enumerate(text[:start]))


def _month_counted_from(text: str, start: int, month: TimeExpression | None, published: str) -> str:
    """The month 上月 at ``start`` counts from: the release's own after 由/从, else the month of publication."""
    if month is not None and (text.endswith(load_lexicon().words("change", "from_words"), 0, start)
                              or not _YEAR_MONTH.match(published)):
        return month.first
    return published[:7]


_YEAR_MONTH = regex.compile(r"\d{4}-\d{2}")


def _counted_month(word: str, origin: str) -> str:
    """上月 counted from ``origin`` (YYYY-MM)."""
    return shifted_month(origin, load_lexicon().cues["period"]["relative_months"][word])  # type: ignore[arg-type]


@cache
def _relative_month_re() -> regex.Pattern[str]:
    # (上（11）月: a Taiwan release writes the month's number in brackets before 月)
    mark = load_lexicon().cues["period"]["month_mark"]
    words = sorted(load_lexicon().cues["period"]["relative_months"], key=len, reverse=True)  # type: ignore[arg-type]
    return regex.compile("|".join(regex.escape(w[: -len(mark)]) + _MONTH_NOTE + regex.escape(mark) if w.endswith(mark)
                                  else regex.escape(w) for w in words))


_MONTH_NOTE = r"(?:[(（]\d{1,2}[)）])?"
