"""English time expressions: years and year ranges, parts of a year (the first three quarters (of
2024), January-September), years relative to publication (this year, the past five years) and spans up
to now (since 2012). A year after a comparison word (than, from, over, those of) is a base, not a period.
They are the shared ``TimeExpression`` values, so the shared period and status rules read them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import regexcache as regex

from ..timeframe import TimeExpression, report_year, since_end, yearless_months
from .pack import alternation, ends_with, english_cues
from .numbers import cardinal

# How far into a sentence a time expression may start and still open it (and so set the frame).
OPENING_REACH = 40


@dataclass(frozen=True, slots=True)
class _TimePatterns:
    years: regex.Pattern[str]
    parts: regex.Pattern[str]
    year_after: regex.Pattern[str]
    relative_after: regex.Pattern[str]
    year_before: regex.Pattern[str]


@cache
def _patterns() -> _TimePatterns:
    cues = english_cues()
    months = alternation(cues.months)
    single = alternation(y for y, (a, b) in cues.relative_years.items() if a == b)
    return _TimePatterns(
        years=regex.compile(r"(?P<a>(?:19|20)\d{2})\s?(?:-|–|to)\s?(?P<b>(?:19|20)\d{2}|\d{2}(?![\d,.]|\s?(?:percent|%)))"
                            r"|(?<![\d.])(?P<y>(?:19|20)\d{2})(?![\d,.]*\s?(?:percent|%))(?!\d)"),
        parts=regex.compile(rf"\b(?:{_quarter_range(cues)}|(?P<part>{alternation(cues.year_parts)})|(?:between\s|from\s)?(?P<m1>{months})"
                            rf"\.?(?:\s\d{{1,2}}(?:st|nd|rd|th)?)?\s?(?:-|–|to|and|through)\s?(?P<m2>{months})(?:\.?\s(?P<d2>\d{{1,2}})\b)?"
                            rf"|(?:(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s)?(?P<month>{months})\.?(?:\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?"
                           rf"(?:,?\s(?P<my>(?:19|20)\d{{2}}))?)\b"),  # (23 October: a day written first, as British English does; May, 2020)
        # (the first half of 2024, January to July 2019: the year written after the months is theirs)
        # (the first quarter (Q1) of 2022: an abbreviation in brackets may stand between)
        year_after=regex.compile(r"\s(?:\([a-z0-9]{1,6}\)\s)?(?:(?:of|in)\s(?:the\s)?(?:year\s)?)?(?P<y>(?:19|20)\d{2})\b"),
        # (the first two months of this year, the January-February period this year)
        relative_after=regex.compile(rf"\s(?:(?:of|in)\s)?(?:period\s)?(?P<phrase>{single})\b"),
        year_before=regex.compile(r"(?P<y>(?:19|20)\d{2})(?:'s|’s)?\s(?:the\s)?\Z"),
    )


def _quarter_range(cues) -> str:
    """from Q1 to Q3, Q1-Q3, the first to third quarters, from the first to the third quarter: quarters joined
    into one span (groups ``qa``, ``qb``; a pair of ordinals only with "quarter" after them)."""
    ordinal = alternation(w for w, n in cues.ordinals.items() if n <= 4)
    joiner = r"\s?(?:-|–|to|through)\s?(?:the\s)?"
    return (rf"(?:between\s|from\s)?(?:the\s)?(?:q(?P<qa>[1-4]){joiner}q(?P<qb>[1-4])"
            rf"|(?P<qa_word>{ordinal})(?:\squarter)?{joiner}(?P<qb_word>{ordinal})\squarters?)")


def _expression(start: int, end: int, period: str, since: bool = False, day: bool = False, end_day: int = 0) -> TimeExpression:
    first, _, last = period.partition("/")
    return TimeExpression(start, end, first, last or first, day=day, since=since, end_day=end_day)


# comparing October 2023 with October 2022: the time after "with" is the base the first is compared with.
_COMPARING_WITH = regex.compile(r"\bcompar(?:ing|ed|e)\s+[^,;]{1,40}?\s(?:with|to|against)\Z")


@cache
def _base_phrase_re() -> regex.Pattern[str]:
    # (than the 8.1 percent growth in the first quarter last year, compared with an increase of 0.2 percent registered
    # in August: a time after a base number is that number's own, which dates it)
    return regex.compile(rf"\b(?:{alternation(english_cues().base_phrase_openers)})\s[^,;.\d]{{0,60}}\Z")


_EDGE_OF = regex.compile(r"\s(?:the\s+)?(?:end|beginning|start)\s+of\Z")


def _is_base(low: str, at: int) -> bool:
    """than 2020, from last year, over the 2023 budget figure, comparing October 2023 with October 2022,
    equivalent to the GDP of Sichuan in 2001: a base of comparison, not a period."""
    before = _EDGE_OF.sub("", low[:at].rstrip()).removesuffix(" the")  # (up from the end of December)
    before = before.removesuffix(" last").removesuffix(" this")  # (than that in last December)
    marker = ends_with(before, english_cues().base_markers)
    if marker == "from" and _SUBJECT_FROM.search(before):
        return False  # (Arrivals from the first nine months this year totalled …: "from" opens the subject's time)
    return marker is not None or _COMPARING_WITH.search(before) is not None \
        or _base_phrase_re().search(before) is not None


# A "from" that follows only a noun opening the sentence (Arrivals from …), with no number or change before it.
_SUBJECT_FROM = regex.compile(r"(?:\A|[.;:]\s*)[a-z][a-z' -]{0,40}\sfrom\Z")


def _years(sentence: str, low: str, published: str) -> list[TimeExpression]:
    """2023, 2021-2025, since 2012 (a span up to the last whole year)."""
    found = []
    last_whole_year = since_end(published)
    for m in _patterns().years.finditer(sentence):
        # (up 3.8 percent on 1999 figure: a year after "on" is a base; a day after it is a date)
        on_year = ends_with(low[: m.start()], english_cues().year_base_markers) is not None
        if _is_base(low, m.start()) or on_year or _names_an_event(sentence, m):
            continue
        period = f"{m.group('a')}/{_far_year(m.group('a'), m.group('b'))}" if m.group("a") else m.group("y")
        since = bool(m.group("y")) and low[: m.start()].rstrip().endswith("since")
        if since and last_whole_year and int(m.group("y")) < last_whole_year:
            period = f"{m.group('y')}/{last_whole_year}"  # since 2012: up to now
        found.append(_expression(m.start(), m.end(), period, since))
    return found


def _far_year(first: str, last: str) -> str:
    """The far end of a span of years: 2025, or 15 after 2011 (2011-15: the century of the first)."""
    return first[:2] + last if len(last) == 2 else last


_NAMED_EVENT = regex.compile(r"\s(?!(?:in|on|at|and|to|was|were)\b)[A-Z][\w-]*")


_NAME_WORDS = regex.compile(r"(?:\s[A-Z][\w-]*){1,6}")


def _names_an_event(sentence: str, m: regex.Match[str]) -> bool:
    """The 2021 FISU World University Games, the 2030 Agenda, 2022 China Government Work Report: a year before
    a name (after "the", or before capitalised words that end in a document's or event's noun) is part of
    the name."""
    named = _NAMED_EVENT.match(sentence, m.end())
    if named is not None and sentence[: m.start()].lower().endswith("the ") and named.group().strip().lower() \
            not in english_cues().months:
        return True
    title = _NAME_WORDS.match(sentence, m.end())
    return title is not None and any(w.lower() in english_cues().named_after_year for w in title.group().split())


def _months_period(year: int | None, first: int, last: int, start: int, end: int, published: str) -> str:
    """Months of a given year, or, with no year, the latest such months before publication."""
    if year is not None:
        return f"{year}-{first:02d}/{year}-{last:02d}" if first != last else f"{year}-{first:02d}"
    found = yearless_months(first, last, start, end, published)
    return found.period if found else ""


def _months_of(m: regex.Match[str]) -> tuple[int, int]:
    cues = english_cues()
    if m.group("qa") or m.group("qa_word"):
        first, last = (int(m.group("qa")), int(m.group("qb"))) if m.group("qa") else (
            cues.ordinals[m.group("qa_word")], cues.ordinals[m.group("qb_word")])
        return 3 * first - 2, 3 * last
    if m.group("part"):
        return cues.year_parts[m.group("part")]
    if m.group("month"):
        return cues.months[m.group("month")], cues.months[m.group("month")]
    return cues.months[m.group("m1")], cues.months[m.group("m2")]


def _year_of_day(month: int, day: int, published: str) -> int | None:
    """A date written to the day without a year (a dateline): the latest such day up to publication."""
    year = report_year(published)
    parts = published.split("-")
    if year is None or len(parts) < 2 or not parts[1].isdigit():
        return year
    today = (int(parts[1]), int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 31)
    return year if (month, day) <= today else year - 1


def _day(m: regex.Match[str]) -> int:
    """The day of a date (March 15, 15 March), 0 when none is written."""
    return int(m.group("day") or m.group("dday") or 0)


def _year_of_part(m: regex.Match[str], low: str, published: str, frame: str, months: tuple[int, int]):
    """(year, the match that wrote it, the span of a relative year that gave it) of a part of a year: the year
    written with it (of 2024, 2024's, September 2020), a day's latest year up to publication (BEIJING,
    March 15 (Xinhua) --), a relative year after it (of this year, the January-February period this year),
    else the frame's."""
    patterns, (first, last) = _patterns(), months
    frame_year = int(frame[:4]) if frame[:4].isdigit() else None
    year_at = patterns.year_after.match(low, m.end()) or patterns.year_before.search(low, 0, m.start())
    if m.group("my"):
        year_at = m
    year = int(year_at.group("my") if year_at is m else year_at.group("y")) if year_at else frame_year
    if _day(m) and not year_at:
        year = _year_of_day(first, _day(m), published) or year
    elif year and not year_at and _after_publication(year, first, published) and not _forecast_words_re().search(low):
        year -= 1  # (Sales grew 10.9 percent in December, in a text of March 2017 framed by 2017: last December)
    relative = patterns.relative_after.match(low, m.end())
    if relative and not year_at and report_year(published) is not None:
        year = report_year(published) + english_cues().relative_years[relative.group("phrase")][0]
        return year, year_at, (relative.start("phrase"), relative.end("phrase"))
    if year and not year_at:
        year = _forward_of_month_frame(year, first, last, frame, published)
    return year, year_at, None


def _forward_of_month_frame(year: int, first: int, last: int, frame: str, published: str) -> int:
    """Sales grew 10.9 percent in December (2016). Investment rose 8.9 percent in January-February, in a text of
    March 2017: months named after a single month's frame, that would fall before it, are the next ones when
    those are over by publication."""
    if len(frame) != 7 or not frame[:4].isdigit() or (year, first) >= (int(frame[:4]), int(frame[5:7])):
        return year
    return year + 1 if not _after_publication(year + 1, last, published) else year


@cache
def _forecast_words_re() -> regex.Pattern[str]:
    """Any target or forecast word (will, expected, forecast …): a month ahead of publication may be meant."""
    return regex.compile(rf"\b(?:{alternation(english_cues().target)})\b")


def _after_publication(year: int, month: int, published: str) -> bool:
    """A month of ``year`` later than the month of publication (no year written: the frame's would put it ahead)."""
    return len(published) >= 7 and published[:4].isdigit() and published[5:7].isdigit() \
        and (year, month) > (int(published[:4]), int(published[5:7]))


def _year_of_range_to_day(m: regex.Match[str], year_at, last: int, published: str) -> int | None:
    """from Sept. 29 to Oct. 6 (no year written): the latest such days up to publication."""
    return _year_of_day(last, int(m.group("d2")), published) if m.group("d2") and not year_at else None


def _part_is_base(low: str, at: int) -> bool:
    """A base of comparison (than in the first quarter; increased by 7.6% over September 2005); but over the first
    ten months is when, not against what."""
    return _is_base(low, at) and not low[:at].rstrip().endswith("over the")


@cache
def _forecast_made_re() -> regex.Pattern[str]:
    """from its prediction in August, 1.88 percent the agency predicted in August, estimates last month: the month a
    forecast was made in, not the period of the figure."""
    return regex.compile(rf"\b(?:{alternation(english_cues().forecast_made_words)})\s+(?:made\s+)?(?:in\s+)?\Z")


def _when_forecast(low: str, m: regex.Match[str]) -> bool:
    """1.88 percent the agency predicted in August, in the May review: the month a forecast was made in."""
    return bool(_forecast_made_re().search(low, 0, m.start()) or _forecast_named_after_re().match(low, m.end()))


@cache
def _forecast_named_after_re() -> regex.Pattern[str]:
    """in the May review, the August forecast: a month written before a forecast's noun is when it was made."""
    return regex.compile(rf"\s+(?:{alternation(english_cues().forecast_made_words)})\b")


def _base_check_at(low: str, m: regex.Match[str]) -> int:
    """Where a span of months begins for the base check: after "from" when the span is written with a dash (from
    April - June 2015 is the base of a change; from January to March is a span)."""
    if m.group("m1") and low.startswith("from", m.start()) and not regex.search(r"\b(?:to|through)\b", low[m.start("m1") : m.end()]):
        return m.start("m1")
    return m.start()


def _parts(sentence: str, low: str, published: str, frame: str, found: list[TimeExpression],
           bases: bool = False) -> tuple[list[TimeExpression], list]:
    """the first three quarters (of 2024 / of this year), January-September, September 2020, March 5, 2024:
    months of a year (a date written to the day is an event's, as a news lead's)."""
    relative_spans = []
    for m in _patterns().parts.finditer(low):
        if m.group("month") and not sentence[m.start("month")].isupper():
            continue  # (may, a verb; a month's name is capitalised)
        first, last = _months_of(m)
        if m.group("my"):
            found = [t for t in found if not m.start() <= t.start < m.end()]  # September 2020: the year is in it
        year, year_at, relative = _year_of_part(m, low, published, frame, (first, last))
        year = _year_of_range_to_day(m, year_at, last, published) or year
        if relative:
            relative_spans.append(relative)
        period = _months_period(year, first, last, m.start(), m.end(), published)
        if year_at and year_at is not m and (_is_base(low, m.start()) or period):
            found = [t for t in found if t.start != year_at.start("y")]  # the part's year is in it (a base's too)
        if period and (bases or not _part_is_base(low, _base_check_at(low, m))) and not _when_forecast(low, m):
            found.append(_expression(m.start(), m.end(), period, day=bool(_day(m)), end_day=int(m.group("d2") or 0)))
    return found, relative_spans


# surging 57.1 percent from the National Day holiday last year: a relative year after "from the …" in the same
# clause names the base's time
_FROM_A_NAMED_TIME = regex.compile(r"\bfrom\s+the\s[^,;.]{1,50}?\s\Z")


def _relative(low: str, published: str, found: list[TimeExpression], taken: list) -> list[TimeExpression]:
    """this year, last year, the past five years: years counted from publication."""
    year = report_year(published)
    if year is None:
        return found
    for phrase, (first, last) in english_cues().relative_years.items():
        for m in regex.finditer(rf"\b{regex.escape(phrase)}\b", low):
            # (up 1 point from last year: a base; over the past (five) year(s): a span, never a base)
            # (down 3% on last year: "on" before a year is a base, as before 1999)
            base = first == last and not phrase.startswith(("the past", "past", "the last")) and (
                _is_base(low, m.start()) or _FROM_A_NAMED_TIME.search(low, 0, m.start()) is not None
                or (first < 0 and ends_with(low[: m.start()], english_cues().year_base_markers) is not None))
            if base or (m.start(), m.end()) in taken or any(
                    t.start <= m.start() < t.end for t in found):
                continue
            # (so far this year; since last year: a span up to now)
            since = (first == last == 0 and _so_far(low, m.start(), m.end())) or low[: m.start()].rstrip().endswith(" since")
            found.append(_expression(m.start(), m.end(), str(year + first) if first == last else f"{year + first}/{year + last}",
                                     since=since))
    return found


@cache
def _window_re() -> regex.Pattern[str]:
    cues = english_cues()
    lead = alternation(cues.window_past_words + cues.window_future_words)
    return regex.compile(rf"\b(?:the\s+)?(?P<lead>{lead})\s+(?P<n>\d{{1,2}}|[a-z]+(?:-[a-z]+)?)\s+years\b")


def _windows(low: str, published: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """the past four years, the next three years: windows of any number of years (the listed relative
    years first: they are found before)."""
    year = report_year(published)
    for m in _window_re().finditer(low) if year is not None else ():
        n = int(m.group("n")) if m.group("n").isdigit() else cardinal(m.group("n"))
        if not n or any(t.start <= m.start() < t.end for t in found) or _windows_a_record(low, m.start()):
            continue
        future = m.group("lead") in english_cues().window_future_words
        first, last = (year, year + n - 1) if future else (year - n, year - 1)
        found.append(_expression(m.start(), m.end(), str(first) if first == last else f"{first}/{last}"))
    return found


@cache
def _record_before_re() -> regex.Pattern[str]:
    words = alternation(english_cues().superlatives + ("record",))
    return regex.compile(rf"\b(?:{words})\b[^,;.]{{0,60}}\Z")


def _windows_a_record(low: str, start: int) -> bool:
    """the fastest rate of growth for rural residents in the past 14 years: a window after a superlative in
    its clause measures the record, not when the figure was."""
    return bool(_record_before_re().search(low, max(0, start - 80), start))


def _so_far(low: str, start: int, end: int) -> bool:
    """so far this year, this year to date, year-to-date: the running year up to now."""
    words = english_cues().so_far
    return any(low[:start].rstrip().endswith(w) or low[end:].lstrip(" ,").startswith(w) or low[start:end] == w for w in words)


def _year_at_hand(low: str, published: str, frame: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """the deficit-to-GDP ratio for the year: the year of the frame, else of publication."""
    year = frame[:4] if frame[:4].isdigit() else str(report_year(published) or "")
    if not year:
        return found
    for m in regex.finditer(rf"\b(?:{alternation(english_cues().year_at_hand)})\b(?!\s+(?:of\s+|in\s+)?(?:19|20)\d\d)", low):
        if not any(t.start <= m.start() < t.end for t in found) and not _SHARE_OF_BEFORE.search(low, 0, m.start()):
            found.append(_expression(m.start(), m.end(), year))
    return found


# (completing 29.7 percent of its annual target: the target a share is of, not the period of the figure)
_SHARE_OF_BEFORE = regex.compile(r"(?:percent|%)\s+of\s+(?:its|the|their)\s+\Z")


def _relative_parts(low: str, published: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """last quarter, this quarter, last month: the quarter or month counted from the month of publication (GDP
    expanded 2.03 percent last quarter, in a text of November 2016: July–September); not a comparison base."""
    if len(published) < 7 or not published[:4].isdigit():
        return found
    month_index = int(published[:4]) * 12 + int(published[5:7]) - 1
    for phrase, (offset, months) in english_cues().relative_parts.items():
        for m in regex.finditer(rf"\b{regex.escape(phrase)}\b", low):
            if _is_base(low, m.start()) or _forecast_made_re().search(low, 0, m.start()) or any(
                    t.start <= m.start() < t.end for t in found):
                continue
            first = (month_index // months + offset) * months  # (the first month of that quarter or month)
            last = first + months - 1
            found.append(_expression(m.start(), m.end(), f"{first // 12}-{first % 12 + 1:02d}/{last // 12}-{last % 12 + 1:02d}"))
    return found


def find_times(sentence: str, published: str, frame: str, bases: bool = False) -> list[TimeExpression]:
    """The time expressions of a sentence that are not comparison bases (with ``bases``, months of a base
    too: from April - June 2015), in order."""
    low = sentence.lower().replace("\n", " ")  # (a hard-wrapped line breaks no phrase; same length)
    found = _years(sentence, low, published)
    found, taken = _parts(sentence, low, published, frame, found, bases)
    found = _year_at_hand(low, published, frame, _windows(low, published, _relative(low, published, found, taken)))
    found = _year_to_month(low, _months_ending(low, _relative_parts(low, published, found)))
    found = [t for t in found if not _since_a_record(low, t.start)]  # (before the previous quarter is counted)
    found = _same_period_of_year(low, frame, _previous_quarter(low, frame, _previous_month(low, frame, found)))
    return sorted((t for t in found if not _names_a_span(sentence, t)), key=lambda t: t.start)


@cache
def _record_since_re() -> regex.Pattern[str]:
    words = alternation(english_cues().superlatives + english_cues().record_firsts + ("record",))
    return regex.compile(rf"\b(?:{words})\b[^,;.]{{0,60}}\bsince\s+(?:the\s+)?\Z")


def _since_a_record(low: str, start: int) -> bool:
    """marking the first decline since the second quarter of 2009, the slowest growth since 2012: the time since
    which a figure is a record dates nothing (the figure is of now)."""
    return bool(_record_since_re().search(low, max(0, start - 90), start))


_PREVIOUS_MONTH = regex.compile(r"\b(?:the\s+)?(?:previous|preceding|prior)\s+month\b|\bthe\s+month\s+before\b")


_SAME_PERIOD = regex.compile(r"\b(?:the\s+)?same\s+(?:month|period|quarter|months)\s+(?:(?:in|of)\s+(?P<y>(?:19|20)\d{2})\b"
                             r"|(?:of\s+)?(?P<last>last|the\s+previous|the\s+prior)\s+year\b)")


_PARTICIPLE_IN = regex.compile(r"\b(?:recorded|accumulated|registered|posted|reported|achieved|seen)\s+(?:in|during)\s+\Z")


def _same_period_of_year(low: str, frame: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """the 17.2 billion recorded in the same month in 2023, the 114 billion accumulated during the same period
    last year: after a participle of what was recorded, the months last named in the sentence (else the frame's)
    in the year named."""
    out = [t for t in found]
    for m in _SAME_PERIOD.finditer(low):
        named = [t for t in found if t.end <= m.start() and len(t.first) == 7]
        first, last = (named[-1].first, named[-1].last) if named else (frame.partition("/")[0], frame.partition("/")[2])
        if not _PARTICIPLE_IN.search(low, 0, m.start()) or len(first) != 7:
            continue  # (down from 10.2 percent in the same period last year: a base's year ago, read elsewhere)
        year = int(m.group("y")) if m.group("y") else int(first[:4]) - 1
        shift = year - int(first[:4])
        out = [t for t in out if not (m.start() <= t.start < m.end())]
        out.append(_expression(m.start(), m.end(), f"{int(first[:4]) + shift}{first[4:]}/{int((last or first)[:4]) + shift}{(last or first)[4:]}"))
    return out


_AFTER_A_FIGURE = regex.compile(r"(?:\d|percent|%|points?|billion|million|trillion|yuan|dollars)\s*\Z")


def _previous_month(low: str, frame: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """grew 3.1 percent last month, recovering from a decline of 3.8 percent the previous month: right after a
    figure, the month before the last single month named before it in the sentence, else before the frame's
    month."""
    out = list(found)
    for m in _PREVIOUS_MONTH.finditer(low):
        if any(t.start <= m.start() < t.end for t in found) or not _AFTER_A_FIGURE.search(low, 0, m.start()):
            continue  # (over the previous month, the same growth rate of the previous month: a base, no period)
        named = [t.first for t in found if t.end <= m.start() and len(t.first) == 7 and t.first == t.last]
        month = named[-1] if named else (frame if len(frame) == 7 else "")
        if month:
            index = int(month[:4]) * 12 + int(month[5:7]) - 2
            out.append(_expression(m.start(), m.end(), f"{index // 12}-{index % 12 + 1:02d}"))
    return out


_PREVIOUS_QUARTER = regex.compile(r"\b(?:the\s+)?(?:previous|preceding|prior)\s+quarter\b|\bthe\s+quarter\s+before\b")
# (growth of 6.7% and 1.4% in the previous quarter; higher than the 3.4% rise in the previous quarter)
_FIGURE_IN = regex.compile(r"(?:\d|percent|%|points?|billion|million|trillion)(?:\s+[a-z-]+)?\s+in\s+\Z")


def _previous_quarter(low: str, frame: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """…, as compared to growth of 6.7% in the previous quarter: right after a figure (and "in"), the quarter
    before the last quarter named before it in the sentence, else before the frame's quarter."""
    out = list(found)
    for m in _PREVIOUS_QUARTER.finditer(low):
        if any(t.start <= m.start() < t.end for t in found) or not _FIGURE_IN.search(low, 0, m.start()):
            continue  # (grew 2 percent over the previous quarter: a base, no period)
        named = [(t.first, t.last) for t in found if t.end <= m.start() and _is_quarter(t.first, t.last)]
        first, _, last = frame.partition("/")
        quarter = named[-1] if named else ((first, last) if _is_quarter(first, last) else None)
        if quarter:
            out.append(_expression(m.start(), m.end(), f"{_months_back(quarter[0], 3)}/{_months_back(quarter[1], 3)}"))
    return out


def _is_quarter(first: str, last: str) -> bool:
    """A span of three months that starts a quarter (2019-01/2019-03)."""
    return len(first) == len(last) == 7 and first[:4] == last[:4] and int(first[5:]) % 3 == 1 \
        and int(last[5:]) == int(first[5:]) + 2


def _months_back(month: str, n: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - n
    return f"{index // 12}-{index % 12 + 1:02d}"


_YEAR_TO = regex.compile(r"(?:the\s)?(?:calendar\s|financial\s)?year\s(?:to|through|up\sto)\s(?:the\send\sof\s)?\Z")


def _year_to_month(low: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """GGR for the calendar year to October 31, the year to the end of June: from January to the month named."""
    out = []
    for t in found:
        m = _YEAR_TO.search(low, 0, t.start)
        if m and len(t.first) == 7 and t.first == t.last:
            t = _expression(m.start(), t.end, f"{t.first[:4]}-01/{t.last}")
        out.append(t)
    spans = [t for t in out if t not in found]  # (In the year to the end of June: "the year" is inside the span)
    return [t for t in out if t in spans or not any(s.start < t.end and t.start < s.end for s in spans)]


@cache
def _months_ending_re() -> regex.Pattern[str]:
    # (the three months to September 30: "to" and "through" end the window as "ended" does)
    return regex.compile(r"(?:the\s)?(?P<n>[a-z]+|\d{1,2})[-\s]months?(?:\speriod)?\s(?:ending|ended|to|through)(?:\sin)?\s\Z")


def _months_ending(low: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """the three-month period ending October 2021, the three months ended June, the three months to September 30: the
    N months up to the month named (a month found already gives the year and the last month)."""
    out = []
    for t in found:
        m = _months_ending_re().search(low, 0, t.start)
        n = (int(m.group("n")) if m.group("n").isdigit() else cardinal(m.group("n"))) if m else None
        if n and 1 < n <= 12 and t.first == t.last and len(t.first) == 7:
            year, month = int(t.first[:4]), int(t.first[5:])
            first = year * 12 + month - n
            t = _expression(m.start(), t.end, f"{first // 12}-{first % 12 + 1:02d}/{t.last}")
        out.append(t)
    return out


_NOUN_BEFORE_BRACKET = regex.compile(r"[A-Za-z]\s?\(\Z")


def _names_a_span(sentence: str, t: TimeExpression) -> bool:
    """the 12th Five-Year period (2011-15), the plan (2021-2025): a time in brackets right after a noun tells
    that noun's span; it dates no figure."""
    # (the previous period (August - October 2023): the year after the months is inside the bracket too)
    return _BRACKET_CLOSE.match(sentence, t.end) is not None and _NOUN_BEFORE_BRACKET.search(sentence, 0, t.start) is not None


_BRACKET_CLOSE = regex.compile(r"(?:,?\s(?:19|20)\d{2})?\)")


def opening(text: str, times: list[TimeExpression]) -> TimeExpression | None:
    """A time expression that opens the sentence (In 2023, …; In addition, this year, …; Between January
    and September, …): it sets the time frame of what follows."""
    lead = _opening_lead_re().match(text)
    skipped = lead.end() if lead else 0  # (According to statistics from the Customs, in January-November, …)
    for t in times:
        if t.start - skipped > OPENING_REACH or any(ch.isdigit() for ch in text[: t.start]):
            return None
        if t.start - skipped <= 16 or text[t.end : t.end + 2].lstrip().startswith(","):
            return t
    return None


_TIME_LIST_JOINER = regex.compile(r"(?i)\s*(?:,\s*(?:and\s+)?|and\s+)\Z")


def time_list(text: str, times: list[TimeExpression], first: TimeExpression) -> list[TimeExpression]:
    """The times listed from ``first`` on (In 2011, 2015 and 2018, …): each joined to the one before by a
    comma or "and" alone; just ``first`` when none follows so."""
    run = [first]
    for t in times:
        if t.start >= run[-1].end and _TIME_LIST_JOINER.match(text[run[-1].end : t.start]) and t.start - run[-1].end <= 6:
            run.append(t)
    return run


@cache
def _opening_lead_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s*(?:{alternation(english_cues().opening_leads)})\s[^,;.]{{1,80}},\s*")
