"""English articles on the shared stages: layout → quantities → time → context → status → list pairing →
table. The stages give and take the shared values (``Sentence``, ``Quantity``, ``TimeExpression``,
``Context``, ``Claim``); the status of a claim is decided by the shared rules of ``status.py``; what is
truly English comes from the English language pack (``reportminer.en``: its data in ``en.toml`` and
``en_units.csv``, and the few English rules: full stops, number words, English time phrases, the noun
phrase a number measures)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from . import regexcache as regex

from .context import Context
from .en.context import (
    EnglishContext,
    clause_before,
    metric_before,
    apposition_gap,
    rank_re,
    number_rank_re,
    superlative_rank_re,
    read_context,
    target_cue,
)
from .en.layout import split_sentences
from .en.numbers import cardinal
from .en.pack import alternation, ends_with, english_cues
from .en.quantities import EnglishQuantity, find_quantities
from .en.time import find_times, opening, time_list
from .status import decide_status
from .timeframe import TimeExpression, ends_after, report_year, shifted_month, yearless_months
from .types import Claim, Document, Kind, Qualifier, Quantity, Sentence


@dataclass(frozen=True, slots=True)
class _Frame:
    """The running time frame, whether the list that follows is of targets, and the year a review names for
    its tasks (``plan``: the report summarized the achievements in 2013 and major tasks in 2014)."""

    time: TimeExpression | None = None
    list_is_target: bool = False
    plan: TimeExpression | None = None


_CLAUSE_END = regex.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


@cache
def _base_before() -> regex.Pattern[str]:
    """The words before a base number (from 2.1 percent, than …, after a 5.5 percent growth …), whose time
    is its own: ``base_number_openers`` of en.toml."""
    # (accelerating from its 6.8 percent growth: a possessive may stand for the article)
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().base_number_openers)})\s*(?:the\s+|an?\s+|its\s+|their\s+)?"
                         rf"{_base_change_noun()}\Z")


def _base_change_noun() -> str:
    """compared with an increase of 0.2 percent; after a contraction of 10.91 percent; compared to the respective
    growth of 6.7%: the change noun a base number's opener may hold (with its article)."""
    return rf"(?:(?:an?\s+)?(?:[\w-]+\s+)?(?:{alternation(english_cues().change_nouns)})\s+of\s+)?"


@cache
def _cause_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().cause_markers)})\b[^,;.]{{0,60}}\Z")


def _in_a_cause(text: str, t: TimeExpression) -> bool:
    """jumped 22.9 percent during the period thanks to a booming stock market in the first six months: a time in
    the clause of a cause dates the cause, neither the figure nor what follows."""
    return _cause_re().search(text, max(0, t.start - 80), t.start) is not None


def _is_base_number(text: str, q: Quantity) -> bool:
    return (_base_before().search(text, 0, q.prefix_start) is not None
            or _base_list_before().search(text, 0, q.prefix_start) is not None)


@cache
def _base_list_before() -> regex.Pattern[str]:
    """down from 10 percent in 2015 and 15.7 percent in 2014: a number listed after a base number (by "and" or a
    comma, with no "to" between) is a base too, and so is its time."""
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().base_number_openers)})\s+(?:the\s+)?{_base_change_noun()}\d"
                         r"(?:(?!\bto\b)[^;:]){0,40}?(?:\band|,)\s*(?:the\s+)?\Z")


def _bases_after(text: str, quantities: list[Quantity], q: Quantity) -> list[int]:
    """Where the base numbers after ``q`` start (quickened to 3.2 percent from 2.1 percent in August: the
    time after a base number is the base's, not the number's)."""
    bases = [p for p in quantities if p.start > q.end and _is_base_number(text, p)]
    if _is_base_number(text, q):  # (compared with 7.9 percent and 5.5 percent in the second quarter: one list's time)
        bases = [p for p in bases if not _listed_with(text, q, p)]
    return [p.start for p in bases]


def _list_end(text: str, quantities: list[Quantity], q: Quantity) -> int:
    """Where the list of base numbers ``q`` opens ends (compared with 7.9 percent and 5.5 percent in the second
    quarter: the time after the list is each one's); else where ``q`` ends."""
    listed = [p for p in quantities if p.start > q.end and _is_base_number(text, q) and _listed_with(text, q, p)]
    return listed[-1].end if listed else q.end


def _listed_with(text: str, q: Quantity, p: Quantity) -> bool:
    """``p`` is listed after the base number ``q`` (from 10 percent and 15.7 percent)."""
    m = _base_list_before().search(text, 0, p.prefix_start)
    return m is not None and m.start() < q.start


def governing_time(text: str, times: list[TimeExpression], quantities: list[Quantity], q: Quantity,
                   published: str = "") -> TimeExpression | None:
    """The time that dates a number: one after it in its own clause (GDP grew 5.2 percent in 2025), else
    the last one before it that no earlier number's clause holds (raised $2.5bn last year and will invest
    3bn yuan: last year dates the first amount only), else none."""
    if (own := _base_year(text, q) or _month_owning(text, q, published) or _time_bracketing(text, q, published)) is not None:
        return own
    clause_end = _clause_end(text, _list_end(text, quantities, q))
    bases = _bases_after(text, quantities, q)
    after = [t for t in times if q.end <= t.start < clause_end and not any(b < t.start for b in bases)]
    if after:
        return after[0]
    if elided := _elided_time(text, times, quantities, q):
        return elided
    return _time_before(text, times, quantities, q, clause_end, bases)


# (higher than the 51 percent in 2014: the year a base number is of, which the times leave out as a base)
_YEAR_AFTER = regex.compile(r"\s+(?:in|for)\s+(?P<y>(?:19|20)\d{2})\b(?![-–/]\d)")


def _base_year(text: str, q: Quantity) -> TimeExpression | None:
    """The year a base number is of (higher than the 51 percent in 2014), or the year that owns a figure
    (compared to 2021's aggregate of MOP86.86 billion)."""
    m = _YEAR_OWNS_BEFORE.search(text, max(0, q.prefix_start - _OWNER_REACH), q.prefix_start)
    if m is None and (m := _YEAR_AFTER.match(text, q.end)) is not None and not _is_base_number(text, q):
        return None
    return TimeExpression(m.start("y"), m.end("y"), m.group("y"), m.group("y")) if m else None


def _time_bracketing(text: str, q: Quantity, published: str) -> TimeExpression | None:
    """about the same as that in May - July 2019 (40 700); to 134 100 from April - June 2015 (129 900): a number
    alone in brackets right after months (a base's too) is those months' figure."""
    if text[q.end : q.end + 1] != ")" or not _TIME_THEN_BRACKET.search(text, max(0, q.prefix_start - 8), q.prefix_start):
        return None
    times = find_times(text, published, "", bases=True)
    return next((t for t in times if _YEAR_THEN_BRACKET.fullmatch(text, t.end, q.prefix_start) and len(t.first) == 7), None)


_TIME_THEN_BRACKET = regex.compile(r"\b(?:19|20)\d\d\s?\(\s*\Z")
_YEAR_THEN_BRACKET = regex.compile(r"(?:,?\s*(?:19|20)\d\d)?\s?\(\s*")  # (the months' year stands apart from them)


def _month_owning(text: str, q: Quantity, published: str) -> TimeExpression | None:
    """compared to August's tally of 19.7 billion patacas: the month that owns a figure, the latest such month up
    to publication."""
    m = _month_owns_before_re().search(text, max(0, q.prefix_start - _OWNER_REACH), q.prefix_start)
    if m is None:
        return None
    month = english_cues().months[m.group("m").lower()]
    return yearless_months(month, month, m.start("m"), m.end("m"), published)


@cache
def _month_owns_before_re() -> regex.Pattern[str]:
    names = alternation(sorted(w.capitalize() for w in english_cues().months if len(w) > 3))
    return regex.compile(rf"\b(?P<m>{names})['’]s\s+(?:[a-z-]+\s+){{1,3}}?of\s+\Z")


_OWNER_REACH = 60  # "September's" and up to three words and "of": the owner is looked for no further back
# (compared to 2021's aggregate of MOP86.86 billion: the year that owns the base figure)
_YEAR_OWNS_BEFORE = regex.compile(r"\b(?P<y>(?:19|20)\d{2})['’]s\s+(?:[a-z-]+\s+){1,3}?of\s+\Z")


def _time_before(text: str, times: list[TimeExpression], quantities: list[Quantity], q: Quantity, clause_end: int,
                 bases: list[int]) -> TimeExpression | None:
    """The last time before ``q`` that no earlier number's clause holds, else one in a later clause when no
    number came before; else the sentence's time of an earlier clause (… reached $10.53 billion in 2012,
    while domestic investment totaled 591.46 billion yuan: a clause with no time of its own shares it)."""
    owned = [(p.end, _clause_end(text, p.end)) for p in quantities if p.end <= q.number_start]
    free = [t for t in times if t.start < q.number_start and not any(s <= t.start < e for s, e in owned)]
    # (… fixed asset investment, Wu said at a press conference on August 11, 2009: a day in a later clause is
    # when it was said)
    later = [t for t in times if t.start >= clause_end and _may_date_from_later(text, t, quantities, bases)
             and not _in_an_aside(text, t, quantities, clause_end)]
    if free:
        return _free_time(text, times, free, q)
    if later and not owned:
        return later[0]
    return next((t for t in reversed(times) if t.end <= q.number_start and not _is_base_time(text, t)
                 and not _dates_a_base_number(text, t, quantities)), None)


# (…, as many employers offered bonuses before the holiday, which was in February this year: a clause that gives a
# reason or a circumstance dates its own words, not the figure before it)
_SUBORDINATE = regex.compile(r"(?i)[,;]\s*(?:as|because|since|which|when|where|while|after|before)\b")


def _in_an_aside(text: str, t: TimeExpression, quantities: list[Quantity], clause_end: int) -> bool:
    """A later time in a clause of reason or circumstance that tells no figure (…, as many employers offered
    bonuses before the holiday, which was in February): not the figure's time (…, which is up 18.5 percent in
    the first seven months: a figure told again, with its time)."""
    opener = _SUBORDINATE.search(text, clause_end, t.start)
    return opener is not None and not any(opener.start() <= p.start < t.start for p in quantities)


def _dates_a_base_number(text: str, t: TimeExpression, quantities: list[Quantity]) -> bool:
    """a mild rise from 0.83 percent in June, maintaining a six-month streak: the time after a base number (no number
    between, in its clause) is that number's, not one for the numbers after it."""
    return any(p.end <= t.start < _clause_end(text, p.end) and _is_base_number(text, p)
               and not any(p.end <= o.start < t.start for o in quantities) for p in quantities)


def _free_time(text: str, times: list[TimeExpression], free: list[TimeExpression], q: Quantity) -> TimeExpression:
    """The last free time before a number: a period rather than a day (Zhejiang Q1 economic report was posted on
    23rd April, which showed a GDP of …: the period, not the day of the posting); after a dateline's day, the
    period of an earlier clause (BEIJING, Aug 13 - output rose 9 percent in July, while retail sales climbed …:
    July)."""
    periods = [t for t in free if not t.day]
    if not periods and (shared := _earlier_clause_period(text, times, free[-1], q)):
        return shared
    return (periods or free)[-1]


def _earlier_clause_period(text: str, times: list[TimeExpression], day: TimeExpression, q: Quantity) -> TimeExpression | None:
    """The last period (not a day, not a base) between a dateline's day and ``q``: an earlier clause's time,
    which a clause with none of its own shares rather than the day the news was filed."""
    return next((t for t in reversed(times) if day.end <= t.start and t.end <= q.number_start and not t.day
                 and not _is_base_time(text, t)), None)


def _titles_a_list(sentence: Sentence, q: Quantity) -> bool:
    """Three new breakthroughs, Eight major achievements: a heading that is nothing but a count titles the list
    below it (an enumeration, no claim)."""
    return sentence.is_heading and q.kind == Kind.COUNT and not sentence.text[: q.start].strip() \
        and not sentence.text[q.end :].strip(" :.")


def _may_date_from_later(text: str, t: TimeExpression, quantities: list[Quantity], bases: list[int]) -> bool:
    """A time in a later clause may date a number before it: not a day, not after a base number, not one that
    dates a number of its own clause, not an owner (making this year's golden week the hottest)."""
    return not t.day and not any(b < t.start for b in bases) and not _dates_a_later_number(text, t, quantities) \
        and not text.startswith(("'s", "’s"), t.end)


def _dates_a_later_number(text: str, t: TimeExpression, quantities: list[Quantity]) -> bool:
    """…, putting the figure for the January-August period at 8.4 percent: a time whose own clause goes on to
    a number dates that number, not one before it."""
    end = _clause_end(text, t.end)
    return any(t.end <= p.start < end for p in quantities)


# were 4.3 per cent higher at the end of June … but 2.1 per cent lower: a number joined to the clause before by a
# bare conjunction shares its verb, and the time written after the number before.
_ELLIPSIS = regex.compile(r"(?i)\A[\s,]*(?:and|but|or|while|whereas)?\s*\Z")


def _is_base_time(text: str, t: TimeExpression) -> bool:
    """the same as the previous year, than in 2021: a time a comparison is made with."""
    return _base_before().search(text, 0, t.start) is not None


def _elided_time(text: str, times: list[TimeExpression], quantities: list[Quantity], q: Quantity) -> TimeExpression | None:
    """The time after the number before, when only a conjunction stands between its clause and ``q``."""
    earlier = [p for p in quantities if p.end <= q.number_start]
    if not earlier:
        return None
    clause_end = _clause_end(text, earlier[-1].end)
    if clause_end > q.prefix_start or not _ELLIPSIS.match(text[clause_end : q.prefix_start]):
        return None
    return next((t for t in times if earlier[-1].end <= t.start < clause_end), None)


def _shared_context(ctx: EnglishContext, target: bool, clause_target: bool) -> Context:
    """The English reading as the shared stages' Context, so the shared status rules decide."""
    return Context(metric=ctx.metric, change=ctx.change, target_cue=target, subject=ctx.metric, done_cue=ctx.done,
                   clause_target_cue=clause_target, metric_rule=ctx.rule, change_rule="en.change" if ctx.change else "")


def _claim(document: Document, sentence: Sentence, q: Quantity, ctx: EnglishContext, governing: TimeExpression | None,
           frame: _Frame) -> Claim:
    target = frame.list_is_target if sentence.is_list_item else ctx.target_cue
    if target and not governing and _aims_ahead(sentence.text, q.start, frame, document.published):
        frame = _Frame(_year_of(document.published), frame.list_is_target)
    time, period_rule = _dated(q, ctx, governing, frame, target)
    period = time.period if time else ""
    shared = _shared_context(ctx, target, ctx.clause_target_cue and not sentence.is_list_item)
    status, status_rule = decide_status(shared, period, document.published, governing, frame.time)
    start, end = sentence.to_doc(q.start), sentence.to_doc(q.end - 1) + 1
    return Claim(
        doc_id=document.doc_id, lang="en", start=start, end=end, mention=document.text[start:end],
        value=float(q.value), unit=q.unit, unit_en=q.unit_en, kind=q.kind.value,
        std_value=float(q.std_value) if q.std_value is not None else None, std_unit=q.std_unit,
        qualifier=q.qualifier.value, value_high=float(q.value_high) if q.value_high is not None else None,
        metric=ctx.metric, metric_en=ctx.metric, change=ctx.change, period=period,
        status=status, sentence=sentence.text, section=sentence.section,
        metric_rule=shared.metric_rule, change_rule=shared.change_rule, period_rule=period_rule, status_rule=status_rule,
    )


_LEVELS = (Kind.PERCENT, Kind.MONEY, Kind.COUNT, Kind.AREA, Kind.LENGTH, Kind.MASS, Kind.VOLUME, Kind.ENERGY,
           Kind.POWER, Kind.OTHER)


def _dated(q: Quantity, ctx: EnglishContext, governing: TimeExpression | None, frame: _Frame,
           target: bool = False) -> tuple[TimeExpression | None, str]:
    """The time of a claim and the rule that gave it: the stated or running time; a year before it for a
    level "a year ago"; the last year of a span of years for a level a change reaches in it (In the next
    five years, raise the share to 65 percent: the plan's end, as the Chinese side reads 十五五 levels; a
    standing in such a span too; the start of a from–to change, the year before the span; a span up to now,
    since 2012, keeps the span)."""
    time, rule = _running_time(governing, frame, target)
    if time is None:
        return None, rule
    if ctx.year_ago and time.first[:4].isdigit() and time.last[:4].isdigit():
        earlier = TimeExpression(time.start, time.end, f"{int(time.first[:4]) - 1}{time.first[4:]}",
                                 f"{int(time.last[:4]) - 1}{time.last[4:]}")
        return earlier, "period.en.year-ago"
    spans_years = not time.since and len(time.first) == 4 and len(time.last) == 4 and time.first != time.last
    if spans_years and ctx.from_start and q.kind in _LEVELS:
        before = str(int(time.first) - 1)  # (the level before the span began: GDP increased from 26.6 trillion yuan …)
        return TimeExpression(time.start, time.end, before, before), "period.en.plan-start"
    if spans_years and ((ctx.reached and q.kind in _LEVELS) or q.kind == Kind.RANK):
        return TimeExpression(time.start, time.end, time.last, time.last), "period.en.plan-end"
    return time, rule


def _aims_ahead(text: str, start: int, frame: _Frame, published: str) -> bool:
    """… the city aims to improve the annual growth rate of GDP to eight percent: a goal told with a word of
    the future (aims, will, plans; not planned or targeted, which a review says of its year), in a frame over
    by publication and with no time of its own, is for the year of publication."""
    if frame.time is None or frame.plan is not None or ends_after(frame.time.period, published):
        return False
    return report_year(published) is not None and _future_target_re().search(text, 0, start) is not None


@cache
def _future_target_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().future_target_words)})\b")


def _year_of(published: str) -> TimeExpression:
    year = str(report_year(published))
    return TimeExpression(0, 0, year, year)


def _running_time(governing: TimeExpression | None, frame: _Frame, target: bool) -> tuple[TimeExpression | None, str]:
    """The stated time, else the frame's: the plan year a review named for a target (period.en.review-plan)."""
    if governing:
        return governing, "period.en.stated"
    if frame.plan is not None and target:
        return frame.plan, "period.en.review-plan"
    return frame.time, "period.en.frame" if frame.time else ""


def _ranks(text: str, quantities: list[EnglishQuantity], contexts: list[EnglishContext]) -> list[tuple[Quantity, EnglishContext]]:
    """Standings written with an ordinal (ranking first in the world, ranked 3rd nationwide, ranking second and
    third; the world's second-largest economy): rows of kind rank; what is ranked is the claim before in
    the sentence, else the words before the verb, or the superlative and its noun."""
    cues = english_cues()
    out = []
    for m in rank_re().finditer(text):
        before = [c for q, c in zip(quantities, contexts, strict=True) if q.quantity.end <= m.start()]
        metric = before[-1].metric if before else metric_before(clause_before(text, m.start(), 0), cues)
        value = int(m.group("no") or m.group("nth") or cues.ordinals[m.group("ord").lower()])
        out.append(_rank(m.start("ord"), m.end("ord"), value, metric))
        out += [_rank(m.starts("more")[k], m.ends("more")[k], cues.ordinals[word.lower()], metric)
                for k, word in enumerate(m.captures("more"))]
    for m in superlative_rank_re().finditer(text):
        out.append(_rank(m.start("ord"), m.end("ord"), cues.ordinals[m.group("ord").lower()], m.group("what")))
    for m in number_rank_re().finditer(text):  # (Chongqing's GDP growth No 2 in China)
        out.append(_rank(m.start(), m.end(), int(m.group("no")), metric_before(clause_before(text, m.start(), 0), cues)))
    return [(q, c) for q, c in out if not any(p.quantity.start < q.end and q.start < p.quantity.end for p in quantities)]


def _rank(start: int, end: int, value: int, metric: str) -> tuple[Quantity, EnglishContext]:
    quantity = Quantity(start=start, end=end, value=value, unit="", kind=Kind.RANK, qualifier=Qualifier.EXACT,
                        std_value=value, std_unit="rank", unit_en="rank", number_start=start, number_end=end,
                        prefix_start=start, unit_end=end)
    return quantity, EnglishContext(metric, "", False, "en.rank")


def _opens_target_list(sentence: Sentence) -> bool:
    """ "The main targets for this year are projected as follows:" governs the list below it."""
    text = sentence.text.rstrip()
    return text.endswith(":") and target_cue(text, len(text))


def extract_english_claims(document: Document) -> list[Claim]:
    """Every numeric claim of an English article, in document order."""
    claims: list[Claim] = []
    frame = _Frame()
    lead: TimeExpression | None = None
    lead_in_heading = False
    last_end = 0
    told = False  # whether a body sentence (not a headline) has told a figure yet
    body: tuple[int, int, TimeExpression | None] | None = None  # the lead's start and end, and the time it names
    for sentence in split_sentences(document.text):
        text = sentence.text
        if "\n" in document.text[last_end : sentence.pieces[0].start] and not _keeps_period(text):
            frame = _paragraph_frame(frame, lead)  # (… edged up 0.4 percent during the period: the period just named)
        last_end = sentence.pieces[-1].end
        times = [t for t in find_times(text, document.published, frame.time.period if frame.time else "")
                 if not _in_a_cause(text, t)]
        lead, lead_in_heading = _release_months(lead, lead_in_heading, times, sentence, claims)
        if body is None and not sentence.is_heading:
            body = (sentence.pieces[0].start, sentence.pieces[-1].end, _lead_time(times))
        if not told:
            frame = _lead_frame(frame, text, times)
        if _names_the_lead(text, lead):
            frame = _Frame(lead, frame.list_is_target)  # (During the three-month period, …: the months the lead named)
        found = [f for f in _read_sentence(text, claims) if not _titles_a_list(sentence, f[0])]
        told = told or (bool(found) and not sentence.is_heading)
        numbers = [q for q, _ in found]
        stated = _appositions_dated(text, numbers, [governing_time(text, times, numbers, q, document.published)
                                                    for q in numbers])
        contexts = [c for _, c in found]
        governing = _conversions_dated(_quarters_in_order(text, numbers, stated, frame.time), contexts)
        governing = _from_to_changes_dated(text, numbers, governing, contexts)
        governing = _times_respectively(text, times, numbers, governing)
        claims.extend(_claim(document, sentence, q, c, g, frame) for (q, c), g in zip(found, governing, strict=True))
        frame = _next_frame(frame, sentence, times, _trailing_times(text, stated, numbers))
    return _headline_dated(claims, body)


def _lead_frame(frame: _Frame, text: str, times: list[TimeExpression]) -> _Frame:
    """Before any body figure, the first time a sentence names dates the article (a news lead; a headline's
    figure does not keep the lead from dating), and a period named then replaces a day's date (… was held
    on Jan 28, 2019. … achievements in 2018 …); a list of times (In 2011, 2015 and 2018, …) dates nothing."""
    undated = frame.time is None or (frame.time.day and not any(t.day for t in times))
    lead_time = _lead_time(times) if undated else None
    if lead_time is None or len(time_list(text, times, lead_time)) > 1:
        return frame
    return _Frame(lead_time, frame.list_is_target)


def _headline_dated(claims: list[Claim], body: tuple[int, int, TimeExpression | None] | None) -> list[Claim]:
    """Tibet's economic growth exceeds 12 percent / … a 12.5-percent increase achieved in 2013: an undated
    figure of the headline, in a unit a figure of the lead is told in, sums up the lead and is of the time the
    lead names (wherever in the lead it stands); a headline's count of words is of no time."""
    if body is None or body[2] is None:
        return claims
    start, end, lead = body
    units = {c.std_unit for c in claims if start <= c.start < end}
    return [c._replace(period=lead.period, period_rule="period.en.headline")
            if c.start < start and not c.period and c.std_unit in units else c for c in claims]


# (… during the period; Within this total, …: the period or the total just named)
_BACK_TO_PERIOD = regex.compile(r"(?i)\b(?:during|in|over|within)\s+the\s+period\b(?!\s+(?:of|from|last|a\s+year))"
                                r"|\A\W*(?:within|of)\s+(?:this|that|the)\s+total\b")
@cache
def _elaboration_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\A\W*(?:{alternation(english_cues().elaboration_openers)})\s*,")


def _keeps_period(text: str) -> bool:
    """A paragraph that names the period just told (during the period) or opens by detailing the paragraph
    before (Specifically, …) runs on in its period: the release's months do not return."""
    return bool(_BACK_TO_PERIOD.search(text) or _elaboration_re().match(text))


_THE_PERIOD = regex.compile(r"(?i)\s*(?:during|in|over|for)\s+the\s+(?P<n>[a-z0-9]+)-month\s+period\b(?!\s+(?:of|from|last))")


def _names_the_lead(text: str, lead: TimeExpression | None) -> bool:
    """During the three-month period, …: a sentence that opens with a span of as many months as the lead named
    is about the lead's months."""
    m = _THE_PERIOD.match(text)
    if m is None or lead is None or len(lead.first) != 7:
        return False
    n = int(m.group("n")) if m.group("n").isdigit() else cardinal(m.group("n"))
    return bool(n) and shifted_month(lead.first, n - 1) == lead.last


def _lead_time(times: list[TimeExpression]) -> TimeExpression | None:
    """The time a news lead dates the article by (the first dated sentence, when no claim came before it):
    the first time it names, but a period it announces before the day of the announcement (On January 19, …
    to announce the economic operation in 2019: 2019), and never a span up to now (since last year)."""
    dated = [t for t in times if not t.since]
    periods = [t for t in dated if not t.day]
    return _narrowest(periods, (periods or dated or [None])[0])


def _narrowest(times: list[TimeExpression], first: TimeExpression | None) -> TimeExpression | None:
    """But this year, it was extended to eight days, lasting from Sept. 29 to Oct. 6: a later time of the
    sentence that lies inside ``first`` says more precisely when."""
    if first is None:
        return None
    width = len(first.first)
    return next((t for t in times if t is not first and len(t.first) > width and first.first <= t.first[:width]
                 and t.last[:width] <= first.last), first)


def _release_months(lead: TimeExpression | None, in_heading: bool, times: list[TimeExpression], sentence: Sentence,
                    claims: list[Claim]) -> tuple[TimeExpression | None, bool]:
    """(lead, whether a heading gave it): the months the article's title or lead names up to its first
    figure, a monthly release's month or a span (a bare year on a page's date line is no lead). The first
    body sentence with months replaces a headline's (Hunan Economy Grows 7.5% in Third Quarter; then: …
    for the first nine months of 2017)."""
    months = next((t for t in times if len(t.first) == 7 and not t.day), None)  # (a dateline's day: no release months)
    if lead is None and not claims:
        return months, sentence.is_heading
    if months and in_heading and not sentence.is_heading and (lead is not None or not any(c.period for c in claims)):
        return months, False  # (not after a headline that dated its figure by a year: … up 8.1 pct in 2016)
    return lead, in_heading


def _read_sentence(text: str, claims: list[Claim]) -> list[tuple[Quantity, EnglishContext]]:
    """The quantities and standings of a sentence with what each measures, in order; the claims before give
    a head for "That of X" and a figure for "This figure"."""
    quantities = find_quantities(text)
    head = next((c.metric for c in reversed(claims[-3:]) if (" of " in c.metric or " for " in c.metric)
                 and c.metric_rule != "en.rate-of-claim"), "")  # (not the growth rate of X: X's head)
    contexts = _figures_referred(text, read_context(text, quantities, head), claims) or \
        _figure_referred(text, read_context(text, quantities, head), claims[-1] if claims else None)
    found = [(q.quantity, c) for q, c in zip(quantities, contexts, strict=True)] + _ranks(text, quantities, contexts)
    return sorted(found, key=lambda pair: pair[0].start)


def _conversions_dated(governing: list[TimeExpression | None], contexts: list[EnglishContext]) -> list[TimeExpression | None]:
    """27.02 trillion yuan ($4.24 trillion): a conversion in parentheses is dated as the figure it converts."""
    out = list(governing)
    for k in range(1, len(out)):
        if contexts[k].rule == "en.conversion":
            out[k] = out[k - 1]
    return out


_FROM_END = regex.compile(r"(?i)\bfrom\s*\Z")
_TO_END = regex.compile(r"(?i)\bto\s*\Z")


def _from_to_changes_dated(text: str, numbers: list[Quantity], governing: list[TimeExpression | None],
                           contexts: list[EnglishContext]) -> list[TimeExpression | None]:
    """rose from 4.4% in 2016 to 4.7% in 2021, up 0.3 percentage points: the change between two dated levels,
    told right after them, is of the span from the first level's time to the second's."""
    out = list(governing)
    for k in range(2, len(numbers)):
        start, end = out[k - 2], out[k - 1]
        if not contexts[k].change or start is None or end is None or len(start.first) != len(end.last) \
                or start.first >= end.last:
            continue
        if _FROM_END.search(text, 0, numbers[k - 2].prefix_start) and _TO_END.search(text, 0, numbers[k - 1].prefix_start) \
                and "," in text[numbers[k - 1].end : numbers[k].prefix_start] \
                and apposition_gap(text[numbers[k - 1].end : numbers[k].prefix_start]):
            out[k] = TimeExpression(start.start, end.end, start.first, end.last)
    return _changes_before_from_to(text, numbers, out, contexts)


def _changes_before_from_to(text: str, numbers: list[Quantity], governing: list[TimeExpression | None],
                            contexts: list[EnglishContext]) -> list[TimeExpression | None]:
    """GGR rose 450 percent month on month from 398 million patacas in July to 2.189 billion patacas in August: a
    change told before the levels it runs between is of the time of the level it reaches."""
    out = list(governing)
    for k in range(len(numbers) - 2):
        if not contexts[k].change or not _FROM_END.search(text, 0, numbers[k + 1].prefix_start):
            continue
        reached = next((j for j in range(k + 2, len(numbers)) if _TO_END.search(text, 0, numbers[j].prefix_start)), None)
        start, end = out[k + 1], out[reached] if reached is not None else None
        if start is not None and end is not None and start.first < end.first:
            out[k] = end
    return out


def _times_respectively(text: str, times: list[TimeExpression], numbers: list[Quantity],
                        governing: list[TimeExpression | None]) -> list[TimeExpression | None]:
    """In 2011, 2015 and 2018, it broke through 2, 3 and 4 trillion yuan respectively: a list of as many times
    as the numbers of a list that ends in "respectively" dates them in order."""
    m = _RESPECTIVELY_AT.search(text)
    if m is None or not times:
        return governing
    listed = [k for k, q in enumerate(numbers) if q.end <= m.start()]
    for first in times:
        run = time_list(text, times, first)
        if len(run) >= 2 and len(run) <= len(listed) and run[-1].end <= numbers[listed[-len(run)]].start:
            out = list(governing)
            for k, t in zip(listed[-len(run) :], run, strict=True):
                out[k] = t
            return out
    return governing


_RESPECTIVELY_AT = regex.compile(r"(?i)\brespectively\b")


def _trailing_times(text: str, stated: list[TimeExpression | None], numbers: list[Quantity]) -> list[TimeExpression]:
    """The times that may run on to the next sentence: only one written after the number it dates (… grew
    4.8 percent in the first nine months. — not one inside the subject: Tax cuts introduced last year
    totaled …; for the full year: no frame; up from 3 per cent last year: the base's time runs on to nothing;
    nor a standing's: the recovery of the world's second-largest economy in 2024 says nothing of what follows;
    nor a mark that something has moved since)."""
    bases = [_is_base_number(text, q) or (k > 0 and _is_base_number(text, numbers[k - 1])
                                          and text[numbers[k - 1].end : q.prefix_start].strip() in ("(", "（"))
             for k, q in enumerate(numbers)]  # (a base and its conversion in brackets: the 114 billion (US$14.1 billion))
    return [g for g, q, base in zip(stated, numbers, bases, strict=True) if g is not None and not g.since
            and g.start >= q.end and text[g.start : g.end].lower() not in english_cues().year_at_hand and not base
            and q.kind != Kind.RANK and not _SINCE_BEFORE.search(text, 0, q.prefix_start)]


# (has been declining since reaching an annual high of 10.7 percent for Jan.-March: a past mark, whose time runs on
# to nothing)
_SINCE_BEFORE = regex.compile(r"(?i)\bsince\b[^,;.]{0,60}\Z")


def _paragraph_frame(frame: _Frame, lead: TimeExpression | None) -> _Frame:
    """A new paragraph of a release (its first frame ``lead`` is months: In July 2018, …; From January to
    February, …) goes back to the release's months after a paragraph that ran on with months around them
    (From January to July, …; then: the catering services gained …) or inside them (… in February)."""
    time = frame.time
    if lead is None or len(lead.first) != 7 or time is None or len(time.first) != 7 or time.period == lead.period:
        return frame
    around = time.first <= lead.first and lead.last <= time.last  # (From January to July, … in a July release)
    inside = lead.first <= time.first and time.last <= lead.last  # (… decreased by 27.38 percent in February,
    # in a January–February release: the next paragraph is about January–February again)
    return _Frame(lead, frame.list_is_target) if around or inside else frame


_PRONOUNS = frozenset({"it", "this", "they", "these", "that"})


@cache
def _figure_nouns() -> frozenset[str]:
    """figure, amount, sum, total: alone as a metric (In 2021, the figure reached …) they point at the claim before."""
    return frozenset(w.split()[-1] for w in english_cues().figure_references)


def _figures_referred(text: str, contexts: list[EnglishContext], claims: list[Claim]) -> list[EnglishContext] | None:
    """… reaching 79.19, 46.46 and 35.09 billion yuan, respectively. These figures represented growth rates of
    31.6, 17.7 and 43.8 percent, respectively: a sentence that opens by pointing at the figures before measures
    them in order (as many numbers as the claims just before); None when it does not."""
    low = text.lstrip().lower()
    if not any(low.startswith(w + " ") for w in english_cues().figures_references) or len(contexts) < 2 \
            or len(claims) < len(contexts):
        return None
    before = claims[-len(contexts) :]
    return [replace(c, metric=b.metric, rule="en.figure-reference") for c, b in zip(contexts, before, strict=True)]


def _figure_referred(text: str, contexts: list[EnglishContext], last: Claim | None) -> list[EnglishContext]:
    """This figure represents a growth of 18 percent, or around 1.5 trillion yuan: a sentence that opens by
    pointing at the figure before measures that figure, with its metric and its status; a number whose
    sentence names nothing nearer than a pronoun (It resumed an increase of 8% in February), or a change that
    names no measure (the actual increase was 0.6 percent), measures what the claim before measured."""
    low = text.lstrip().lower()
    if last is None:
        return contexts
    if not any(low.startswith(w + " ") for w in english_cues().figure_references):
        opens_with_pronoun = low.split(" ", 1)[0] in _PRONOUNS
        return [replace(c, metric=last.metric, rule="en.pronoun") if (c.rule in ("en.sentence-subject", "en.none", "en.claim-before")
                and (c.metric.lower() in _PRONOUNS or (not c.metric and (opens_with_pronoun or c.change))))
                or c.metric.lower() in _figure_nouns() else c
                for c in contexts]  # (After deducting the price factor, the actual increase was 0.6 percent: of the last measure)
    target = last.status == "target"
    return [replace(c, metric=last.metric, rule="en.figure-reference", target_cue=c.target_cue or target,
                    clause_target_cue=c.clause_target_cue or target) for c in contexts]


def _appositions_dated(text: str, numbers: list[Quantity], stated: list[TimeExpression | None]) -> list[TimeExpression | None]:
    """5.3 percent in March, down 0.3 percentage points from February: a number in apposition to the claim
    before (only change, filler and link words between) is dated as that claim is, rather than by the day
    of an announcement written before both."""
    out = list(stated)
    for k in range(1, len(numbers)):
        before = out[k - 1]
        # (On 23 October, … GDP was 2,449 billion yuan for the first nine months, an increase of 7.5%: the
        # day the figures were announced dates neither)
        announced = out[k] is not None and out[k].day and out[k].end <= numbers[k - 1].start
        if (out[k] is not None and not announced) or before is None or before.day:
            continue
        gap_start = max(numbers[k - 1].end, before.end if before.start >= numbers[k - 1].end else 0)
        if apposition_gap(text[gap_start : numbers[k].prefix_start]):
            out[k] = before
    return out


_QUARTERLY = regex.compile(r"(?i)\bquarterly\b|\b(?:in|for|over)\s+the\s+four\s+quarters\b")


def _quarters_in_order(text: str, numbers: list[Quantity], governing: list[TimeExpression | None],
                       frame: TimeExpression | None) -> list[TimeExpression | None]:
    """quarterly increases of 4.5%, 6.3%, 4.9%, and 5.2%: a list of four numbers after "quarterly" gives
    the four quarters of the year at hand, in order."""
    cue = _QUARTERLY.search(text)
    run = [k for k, q in enumerate(numbers) if cue and q.start > cue.end()]
    year = next((t.first[:4] for t in [*governing, frame] if t is not None and t.first[:4].isdigit()), "")
    if len(run) != 4 or not year or not all(text[numbers[a].end : numbers[b].start].strip(" ,").lower() in ("", "and")
                                            for a, b in zip(run, run[1:])):
        return governing
    out = list(governing)
    for quarter, k in enumerate(run):
        first, last = 3 * quarter + 1, 3 * quarter + 3
        out[k] = TimeExpression(numbers[k].start, numbers[k].end, f"{year}-{first:02d}", f"{year}-{last:02d}")
    return out


def _opening_time(sentence: Sentence, times: list[TimeExpression], dated: list[TimeExpression]) -> TimeExpression | None:
    """The time that opens a sentence (or a heading or a list's opening line names), if it may frame what
    follows: never a list of times (In 2011, 2015 and 2018, …), nor a dateline's day (BEIJING, Oct. 18 (Xinhua)
    -- … in the first three quarters; On January 19, … to announce the economic operation in 2019: the period
    it announces frames), and the narrower time of the sentence inside it (This year, … from Sept. 29 to Oct. 6)."""
    opens_list = sentence.text.rstrip().endswith(":")
    heading_times = [t for t in times if not t.since]  # (Accumulative Growth Rates of GDP since 2018 (%): no frame)
    opened = heading_times[0] if heading_times and (sentence.is_heading or opens_list) else (
        None if sentence.is_heading else opening(sentence.text, times))
    if opened is None or len(time_list(sentence.text, times, opened)) > 1:
        return None
    if opened.day:
        return None if dated else _lead_time([t for t in times if not t.day])
    # (…, coinciding with restrictions applied up to mid-December: the end of what lasted narrows nothing)
    until = english_cues().until_words
    return _narrowest([t for t in times if not t.day and not ends_with(_MONTH_PART.sub("", sentence.text[: t.start]), until)],
                      opened)


_MONTH_PART = regex.compile(r"(?i)\b(?:mid|early|late)-?\s*\Z")  # (up to mid-December: the words before the month)


def _next_frame(frame: _Frame, sentence: Sentence, times: list[TimeExpression], dated: list[TimeExpression]) -> _Frame:
    """The frame after a sentence: a time that opens it ("In 2023, …"), stands in a heading ("I. A Review
    of Our Work in 2023") or in the line that opens a list ("… targets for development in 2024 as
    follows:") dates what follows; a list's opening line says whether its items are targets."""
    list_is_target = frame.list_is_target if sentence.is_list_item else _opens_target_list(sentence)
    opened = _opening_time(sentence, times, dated)
    # (news: the period the last claim of a sentence was dated by is the one the next sentence goes on
    # about: … in the first nine months. The service sector reported a 4.7-percent increase …)
    # (… 6.5 percent for the third quarter, and 6.4 percent for the fourth quarter: a breakdown by times runs on
    # to nothing)
    opened = opened or (dated[-1] if dated and not _breakdown_by_times(dated) else None)
    # (a heading frames by its year, I. A Review of Our Work in 2023; a section's months stay months: I. Foreign
    # trade in January-November)
    heading_year = opened and sentence.is_heading and not (len(opened.first) == 7 and opened.first[:4] == opened.last[:4])
    if (review := _review_and_plan(sentence.text, times)) is not None:
        return _Frame(review[0], list_is_target, review[1])
    time = opened.year_only() if heading_year else opened or frame.time
    return _Frame(time, list_is_target, frame.plan if time is frame.time else None)


def _breakdown_by_times(dated: list[TimeExpression]) -> bool:
    """6.5 percent for the third quarter, and 6.4 percent for the fourth quarter: numbers dated by times that do
    not overlap break a figure down (no one time runs on); 6.2 percent over the past five years to 2.08 trillion
    yuan in 2022: a window and the year it ends in overlap, and the last runs on."""
    spans = sorted({(t.first if len(t.first) == 7 else t.first + "-01", t.last if len(t.last) == 7 else t.last + "-12")
                    for t in dated})
    return len(spans) > 1 and all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def _review_and_plan(text: str, times: list[TimeExpression]) -> tuple[TimeExpression, TimeExpression] | None:
    """… a report on government work, which summarized the achievements in 2013 and major tasks in 2014: what
    follows happened in the first year, and its targets are for the second (the review and the plan of a work
    report, told by a news text)."""
    cues = english_cues()
    review = next((t for t in times if len(t.first) == 4 and _named_before(text, t, cues.review_nouns)), None)
    plan = next((t for t in times if review and t.start > review.end and len(t.first) == 4
                 and _named_before(text, t, cues.plan_nouns)), None)
    return (review, plan) if review and plan else None


def _named_before(text: str, t: TimeExpression, nouns: tuple[str, ...]) -> bool:
    """One of ``nouns`` right before the time, with at most a preposition between (the achievements in 2013)."""
    return regex.search(rf"(?i)\b(?:{alternation(nouns)})\s+(?:in|of|for|during)\s*\Z", text[: t.start]) is not None
