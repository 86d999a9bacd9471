"""The pipeline for one article: sentences → quantities → context → claims → table."""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from .context import Context, read_context
from .context.rulebook import rule
from .corpus import infer_published
from .fold import fold
from .gloss import gloss_of_figure
from .language import guess_lang, readable
from .layout import split_sentences
from .lexicon import load_lexicon
from .quantities import aligned_with_words, find_quantities, names_a_class
from .region import DEFAULT_REGION, infer_region, region, with_regional_currency
from .segment import Tokens, clause_end, clause_start, tokenize_windows
from .status import (
    decide_status,
    opening_frame,
    paragraph_lead,
    plan_end_period,
    refine_unit,
    base_amounts,
    resolve_period,
    bracketed_times,
    parallel_bracket_times,
    respective_times,
    surveyed_times,
    same_period_bases,
    same_period_of,
)
from .table import claims_to_frame
from .timeframe import (
    TimeExpression,
    base_times,
    bare_year,
    comparison_bases,
    ends_after,
    find_time_expressions,
    months_spanned,
    relative_months,
    publication_quarter,
    relative_quarters,
    time_spans,
    with_whole_years,
)
from .types import Claim, Document, Quantity, Sentence

if TYPE_CHECKING:
    import pandas as pd  # (imported by claims_to_frame when a frame is asked for: CSV runs never need it)


RIGHT_REACH = 24  # characters after a number that the metric may read


def _unit_as_written(q: Quantity, folded_text: str, original_text: str) -> str:
    """The unit in the article's own characters, read where the quantity writes it (歐元升值0.52%，澳幣升0.8％:
    the second unit is ％, not the first % of the sentence)."""
    start = q.unit_end - len(q.unit)
    if q.unit and start >= 0 and folded_text[start : q.unit_end] == q.unit:
        return original_text[start : q.unit_end]
    return _as_written(q.unit, folded_text, original_text)


def _as_written(phrase: str, folded_text: str, original_text: str) -> str:
    """``phrase`` (read from the folded text) in the article's own characters: each longest piece of
    it that is a slice of the text is written as the text writes it (a metric put together from a
    list, 食品的價格, stays in the article's script)."""
    if folded_text == original_text:
        return phrase  # (folding changed nothing here: every piece found would be written as it is)
    out, pos = [], 0
    while pos < len(phrase):
        end, at = len(phrase), -1
        while end > pos and (at := folded_text.find(phrase[pos:end])) < 0:
            end -= 1
        if at < 0:
            out.append(phrase[pos])
            pos += 1
        else:
            out.append(original_text[at : at + end - pos])
            pos = end
    return "".join(out)


def _float(value) -> float | None:
    return None if value is None else float(value)


def make_claim(document: Document, sentence: Sentence, original_sentence: str, q: Quantity, ctx: Context,
               times: list[TimeExpression], frame: tuple[TimeExpression, str] | None) -> Claim:
    """The row of quantity ``q``: its period and status (``status.py``), its refined unit, its metric in
    the article's own characters, and the rules that decided each."""
    text = sentence.text
    period, period_rule, governing = resolve_period(text, q, times, frame)
    status, status_rule = decide_status(ctx, period, document.published, governing, frame[0] if frame else None)
    if status == "actual" and (plan_end := plan_end_period(text, q, ctx, period, governing or (frame[0] if frame else None),
                                                           document.published)):
        period, period_rule = plan_end, "period.plan-end"
    start, end = sentence.to_doc(q.start), sentence.to_doc(q.end - 1) + 1
    unit = refine_unit(q, ctx.metric, text)
    return Claim(
        doc_id=document.doc_id, lang=document.lang, start=start, end=end, mention=document.text[start:end],
        value=float(q.value), unit=_unit_as_written(q, text, original_sentence), unit_en=unit.unit_en, kind=unit.kind.value,
        std_value=_float(q.std_value), std_unit=unit.std_unit,
        qualifier=q.qualifier.value, value_high=_float(q.value_high),
        metric=_as_written(ctx.metric, text, original_sentence), metric_en=gloss_of_figure(ctx.metric, unit.kind.value, unit.unit_en, ctx.change),
        change=ctx.change, period=period, status=status, sentence=original_sentence,
        section=(document.text[sentence.section_start : sentence.section_start + len(sentence.section)]
                 if sentence.section_start >= 0 else sentence.section),
        metric_rule=ctx.metric_rule, change_rule=ctx.change_rule, period_rule=period_rule, status_rule=status_rule,
    )


def _dated_by(claims: list[Claim], paired: dict[int, TimeExpression], rule: str = "period.respectively") -> list[Claim]:
    """Each claim a time is paired with (a list of times before 分别; a base's time before an amount), dated
    by that time."""
    return [c._replace(period=paired[k].period, period_rule=rule) if k in paired else c for k, c in enumerate(claims)]


def _next_frame(opening: tuple[TimeExpression, str], frame: tuple[TimeExpression, str] | None,
                release: Release | None) -> tuple[tuple[TimeExpression, str], Release | None]:
    """The frame an opening time sets: its year (a month range dates its own sentence only), but the
    month itself where the first dated sentence names one month, as a monthly release's lead does
    (主计总处表示，3月CPI较上年同月涨2.35%: the release is about March). A release from Taiwan, Hong
    Kong or Macau (``release`` not None) keeps the months its lead names (``_release_frame``)."""
    time, rule = opening
    if release is not None:
        return _release_frame(time, rule, frame, release)
    if frame is None and len(time.first) == 7 and time.first == time.last:
        return (time, "period.frame.monthly-lead"), release
    return (time.year_only(), rule), release


@dataclass(frozen=True, slots=True)
class Release:
    """What the frames of a release from Taiwan, Hong Kong or Macau remember: the months its lead names
    (a month, a quarter), and whether the running frame holds only to the end of its paragraph."""

    lead: TimeExpression | None = None
    scoped: bool = False
    base: tuple[TimeExpression, str] | None = None  # the release's first financial year (2023/24年度): the frame a
    # paragraph goes back to when months framed only the paragraph before (预计在2024年3月底…)


def _release_frame(time: TimeExpression, rule: str, frame: Frame | None, release: Release) -> tuple[Frame, Release]:
    """A release's lead (114年度第1季…执行结果, 11月外销订单…) dates the release; a later sentence that
    opens with the same months keeps that frame (11月接单…); other months (今年1至8月…) frame the rest of
    their paragraph, then only their year does; a year is a year."""
    months = len(time.first) == 7
    base = release.base
    if time.fiscal:  # 本年度修订预算…: a financial year frames like a year
        return (time, rule), Release(release.lead, base=base or (time, rule))
    if months and months_spanned(time) <= LEAD_MONTHS and (
            frame is None or release.lead is None and frame[1] == "period.frame.heading"):
        return (time, "period.frame.monthly-lead"), Release(time, base=base)
    if release.lead is not None and time.period == release.lead.period:
        return (release.lead, "period.frame.monthly-lead"), Release(release.lead, base=base)
    if months:  # (also in a release whose lead named no month: 2011年12月… after 2011年全年…)
        return (time, rule), Release(release.lead, scoped=True, base=base)
    return (time.year_only(), rule), Release(release.lead, base=base)


LEAD_MONTHS = 3  # a release's lead names a month or a quarter


def _new_paragraph(frame: Frame | None, release: Release | None) -> tuple[Frame | None, Release | None]:
    """At a paragraph's start the months that framed only their paragraph give way to the lead's (or, in a
    release whose lead named no months, to its first financial year)."""
    if release is None or not release.scoped or frame is None:
        return frame, release
    if release.lead is None:  # (预计在2024年3月底… framed its paragraph; the next is the financial year's again)
        return (release.base, Release(base=release.base)) if release.base else (frame, release)
    return (release.lead, "period.frame.monthly-lead"), Release(release.lead, base=release.base)


Frame = tuple[TimeExpression, str]  # the time an earlier sentence set, with the rule that set it


def _quantities(sentences: list[Sentence]) -> list[tuple[list[Quantity], Tokens]]:
    """Each sentence's quantities that are whole words, and the jieba tokens read around them. The
    numbers of every sentence are found first, then the windows around them are cut one after the
    other: the same cuts of the same windows take about half as long back to back as taking turns with
    the other stages (jieba's code and the half million entries of its dictionary stay warm in the
    processor; see docs/performance.md)."""
    found = [[q for q in find_quantities(s.text) if s.spans_one_piece(q.start, q.end)] for s in sentences]
    # jieba reads only the clause before each number and a short stretch after it (what a count
    # counts is a few words long), so that mining costs less than one plain pass of jieba
    tokens = [tokenize_windows(s.text, [(clause_start(s.text, q.prefix_start),
                                         min(clause_end(s.text, q.end), q.end + RIGHT_REACH)) for q in quantities])
              for s, quantities in zip(sentences, found)]  # (most sentences: nothing to segment)
    return [([q for q in quantities if aligned_with_words(q, words) and not names_a_class(q, s.text, words)], words)
            if quantities else (quantities, words) for s, quantities, words in zip(sentences, found, tokens)]


def _heading_frame(sentence: Sentence, times: list[TimeExpression], frame: Frame | None,
                   release: Release | None) -> tuple[Frame | None, Release | None]:
    """A heading's year frames what follows; it may name the year without 年: 一、回顾2023，推动…"""
    heading_year = times[0] if times else bare_year(sentence.text)
    if heading_year and frame is not None and (heading_year.first, heading_year.last) == (frame[0].first, frame[0].last):
        return frame, release  # ((一)本季直接投资净资产增加91.0亿美元。: the quarter in force, told again, not its year)
    if heading_year and frame is None and len(heading_year.first) == 7 and (heading_year.first == heading_year.last or (
            release is not None and months_spanned(heading_year) <= LEAD_MONTHS)):
        # 2023年1月消费物价指数: a monthly release's title (a quarterly one's in Taiwan, Hong Kong, Macau: 首季赌厅…)
        return (heading_year, "period.frame.monthly-lead"), (Release(heading_year) if release is not None else None)
    return ((heading_year.year_only(), "period.frame.heading") if heading_year else frame), release


def _quarter_of(frame: Frame | None, text: str) -> Frame | None:
    """与上年同季比较，…: in a release framed by one month, a sentence compared with a quarter is about the
    quarter that holds that month (a release of March reports the first quarter)."""
    if frame is None or len(frame[0].first) != 7 or frame[0].first != frame[0].last:
        return frame
    if not any(base in text for base in load_lexicon().schema.regional.quarter_bases):
        return frame
    year, month = frame[0].first[:4], int(frame[0].first[5:7])
    first = (month - 1) // 3 * 3 + 1
    quarter = TimeExpression(frame[0].start, frame[0].end, f"{year}-{first:02d}", f"{year}-{first + 2:02d}")
    return quarter, frame[1]


def _month_of(frame: Frame | None, text: str) -> Frame | None:
    """…为53,597人次，较去年同月增加33.9%: in a release framed by several months (今年首八个月), a sentence compared
    with the same month of last year is about the frame's last month."""
    if frame is None or len(frame[0].first) != 7 or frame[0].first == frame[0].last:
        return frame
    if not any(base in text for base in load_lexicon().schema.regional.month_bases):
        return frame
    return TimeExpression(frame[0].start, frame[0].end, frame[0].last, frame[0].last), frame[1]


_start = attrgetter("start")


def _outside_times(text: str, quantities: list[Quantity], times: list[TimeExpression],
                   calendar: tuple[bool, bool]) -> list[Quantity]:
    """The quantities that stand outside every time expression: a number inside one is part of the time
    (2021/22年度 is no ratio, 较2025/26年度 neither, nor 较2012/2013年 anywhere)."""
    spans = [(t.start, t.end) for t in times] + (time_spans(text, *calendar) if any(calendar) or "/" in text else [])
    return [q for q in quantities if not any(a <= q.start < b for a, b in spans)]


class _Dated(NamedTuple):
    """A sentence with quantities, once the sentences before it have set its frame: what its claims are
    made from."""

    sentence: Sentence
    quantities: list[Quantity]
    tokens: Tokens
    stated_times: list[TimeExpression]
    times: list[TimeExpression]  # (with 全年 where it dates)
    bases: list[int]  # where its comparison bases start
    base_times: list[TimeExpression]
    frame: Frame | None
    release: Release | None


def _sentence_times(document: Document, sentence: Sentence, found: tuple[list[Quantity], Tokens], frame: Frame | None,
                    calendar: tuple[bool, bool], release: Release | None = None, paragraph_start: bool = False,
                    ) -> tuple[_Dated | None, Frame | None, Release | None]:
    """The times of one sentence (its quantities and tokens ``found``) and the frame it leaves to the
    next; with them, when it holds quantities, what its claims are made from."""
    quantities, tokens = found
    stated_times = find_time_expressions(sentence.text, document.published, *calendar)
    # (由上月4.40%降为4.32%: the month before the one the release is about; it dates numbers, frames nothing)
    relative = (relative_months(sentence.text, frame[0] if frame else None, stated_times, document.published)
                + relative_quarters(sentence.text, [frame[0] if frame else None, release.lead,
                                                    publication_quarter(document.published)], stated_times)
                if release is not None else [])
    stated_times = sorted(stated_times + relative, key=_start)
    if quantities:  # (most sentences hold none: nothing to keep apart from the times)
        quantities = _outside_times(sentence.text, quantities, stated_times, calendar)
    # (全年 dates a claim but, unlike 2024年, may stand inside what is measured: 中欧班列全年发运超千列)
    times = with_whole_years(sentence.text, stated_times, frame[0] if frame else None)
    if sentence.is_heading:
        frame, release = _heading_frame(sentence, times, frame, release)
    dated = None
    if quantities:  # (the time pattern's scan of this sentence serves its bases too, read now)
        dated = _Dated(sentence, quantities, tokens, stated_times, times, comparison_bases(sentence.text, *calendar),
                       base_times(sentence.text, document.published, *calendar), frame, release)
    if not sentence.is_heading:
        # (上月份的客运量创新高 as a release's first dated words, counted from publication, frames the release)
        framing = [t for t in times if (t not in relative or frame is None) and not same_period_of(sentence.text, t)]
        frame, release = _frame_after(sentence.text, framing, quantities, frame, release, paragraph_start)
    return dated, frame, release


def _sentence_claims(document: Document, dated: _Dated, contexts: list[Context]) -> list[Claim]:
    """The claims of one sentence, from its quantities, their ``contexts`` and its times."""
    sentence, quantities, text = dated.sentence, dated.quantities, dated.sentence.text
    frame = dated.frame
    original = "".join(document.text[p.start : p.end] for p in sentence.pieces)
    dating = _month_of(_quarter_of(frame, text), text) if dated.release is not None else frame
    claims = [make_claim(document, sentence, original, q, ctx, dated.times, dating) for q, ctx in zip(quantities, contexts)]
    claims = _dated_by(claims, respective_times(text, dated.stated_times, quantities))
    claims = _dated_by(claims, bracketed_times(text, dated.stated_times, quantities), "period.bracketed")
    claims = _dated_by(claims, parallel_bracket_times(text, dated.stated_times, quantities), "period.bracketed-parallel")
    claims = _forecast_by_respondents(_dated_by(claims, surveyed_times(text, dated.stated_times, quantities), "period.survey"))
    bases = same_period_bases(text, dated.base_times, dated.stated_times, frame)
    return _base_figures_done(_dated_by(claims, base_amounts(text, bases, quantities), "period.base-amount"),
                              document.published)


def _opening_restated(claims: list[Claim]) -> list[Claim]:
    """本港最新失业率3.2%，微升0.1个百分点 (a headline, or a lead that gives the latest figures), then
    去年12月至今年2月的失业率上升至3.2%: the claims that open an article with no time of their own take the period
    and status of the body's claim of the same figure."""
    out = list(claims)
    opening = next((k for k, c in enumerate(claims) if c.period), len(claims))
    for k in range(opening):
        same = next((c for c in claims[opening:] if c.std_value == claims[k].std_value and c.std_unit == claims[k].std_unit
                     and c.period), None)
        if same is not None:
            out[k] = claims[k]._replace(period=same.period, status=same.status, period_rule="period.headline-restated",
                                        status_rule=same.status_rule)
    return out


rule("period.headline-restated", summary=(
    "A figure that opens the article (a headline, a lead of the latest figures) with no time of its own restates "
    "the body's: it takes the period and status of the first later claim with the same value and unit."
))(_opening_restated)


def _forecast_by_respondents(claims: list[Claim]) -> list[Claim]:
    """有49.7%商户预期第4季…: what respondents expect is a forecast (a target, in the schema's terms)."""
    return [c._replace(status="target", status_rule="status.target-word") if c.period_rule == "period.survey" else c
            for c in claims]


def _base_figures_done(claims: list[Claim], published: str) -> list[Claim]:
    """预计本年…为2.3%，亦比去年的3%低: a base's own figure, of a period over at publication, happened
    (whatever the sentence forecasts)."""
    return [c._replace(status="actual", status_rule="status.period-over")
            if c.period_rule == "period.base-amount" and c.period and not ends_after(c.period, published) else c
            for c in claims]


def _frame_after(text: str, times: list[TimeExpression], quantities: list[Quantity], frame: Frame | None,
                 release: Release | None, paragraph_start: bool) -> tuple[Frame | None, Release | None]:
    """The frame a sentence leaves to the next: the time that opens it, or a paragraph's lead in a release."""
    opening = opening_frame(text, times, quantities, first=frame is None)
    if opening is None and release is not None and paragraph_start:
        opening = paragraph_lead(text, times, quantities)
    return _next_frame(opening, frame, release) if opening else (frame, release)


def _corresponding_dated(found: list[Claim], before: Claim | None) -> list[Claim]:
    """剔除…的影响，相应的升幅为0.1%: a figure that says it corresponds to the figure before (``corresponding``),
    dated by no time of its own sentence, is of that figure's period and status."""
    if before is None:
        return found
    words = tuple(load_lexicon().words("regional", "corresponding"))
    return [c._replace(period=before.period, status=before.status, period_rule="period.corresponding",
                       status_rule=before.status_rule)
            if c.period_rule.startswith("period.frame") and fold(c.metric).startswith(words) else c for c in found]


def _back_reference_frame(text: str, before: Claim | None) -> Frame | None:
    """今年上半年博彩税收达447.9亿元…。期内经常开支358.96亿元，较去年同期的321.94亿元增11.5%: a sentence that
    opens with a word for "within the period" (``back_references``) is framed by the period of the claim before
    (and its bases, 去年同期, are that period a year back)."""
    if before is None or not before.period or not _opens_with_back_reference(text):
        return None
    first, _, last = before.period.partition("/")
    return TimeExpression(0, 0, first, last or first), "period.frame.back-reference"


rule("period.frame.back-reference", summary=(
    "A sentence that opens with the word for within the period is framed by the period of the claim before."
))(_back_reference_frame)
rule("period.corresponding", summary=(
    "A figure said to correspond to the figure before, with no time of its own, is of that figure's period and status."
))(_corresponding_dated)


def _opens_with_back_reference(text: str) -> bool:
    return text.lstrip().startswith(tuple(load_lexicon().words("period", "back_references")))


def _chinese_claims(document: Document, place: str) -> list[Claim]:
    if not document.published:
        document = replace(document, published=infer_published(document.text))
    # (Taiwan writes years in the ROC calendar: 112年 is 2023; Hong Kong's financial years run from April)
    calendar = (region(place).roc_calendar, region(place).fiscal_years)
    sentences = split_sentences(fold(document.text))  # (folded: same length, offsets carry over)
    found = _quantities(sentences)
    # Stage by stage over the article, not every stage in turn on each sentence: the same work runs markedly
    # faster so (each stage's code and data stay warm in the processor; docs/performance.md). A sentence that
    # opens with 期内 is framed by the claim before it, so the stages run up to each such sentence in turn.
    starts = [0] + [k for k in range(1, len(sentences)) if _opens_with_back_reference(sentences[k].text)]
    framing: _Framing = (None, Release() if place != DEFAULT_REGION else None, 0)
    claims: list[Claim] = []
    for lo, hi in zip(starts, starts[1:] + [len(sentences)]):
        dated, framing = _dated_run(document, sentences[lo:hi], found[lo:hi], calendar, framing,
                                    claims[-1] if claims else None)
        contexts = [read_context(d.sentence.text, d.tokens, d.quantities, [(t.start, t.end) for t in d.stated_times],
                                 d.bases) for d in dated]
        for d, read in zip(dated, contexts):
            claims.extend(_corresponding_dated(_sentence_claims(document, d, read), claims[-1] if claims else None))
    return _opening_restated(claims)


def _paragraph_break(gap: str) -> bool:
    """Whether the text between two sentences breaks a paragraph: a line break, or spaces where a stored page
    joined its paragraphs (…按年增加30.2%。 今年10月…: no sentence of Chinese is set apart by a space)."""
    return "\n" in gap or (gap != "" and gap.isspace())


_Framing = tuple[Frame | None, Release | None, int]  # the running frame, the release's, where the last sentence ended


def _dated_run(document: Document, sentences: list[Sentence], found: list[tuple[list[Quantity], Tokens]],
               calendar: tuple[bool, bool], framing: _Framing, before: Claim | None) -> tuple[list[_Dated], _Framing]:
    """A run of sentences dated in reading order (``before``: the claim before the run, which frames its
    first sentence when that opens with 期内); what their claims are made from, and the framing they leave."""
    frame, release, last_end = framing
    dated: list[_Dated] = []
    for k, (sentence, quantities) in enumerate(zip(sentences, found)):
        paragraph_start = _paragraph_break(document.text[last_end : sentence.start])
        if paragraph_start:
            frame, release = _new_paragraph(frame, release)
        if k == 0:  # (no later sentence of the run opens with 期内)
            frame = _back_reference_frame(sentence.text, before) or frame
        holding, frame, release = _sentence_times(document, sentence, quantities, frame, calendar, release,
                                                  paragraph_start)
        if holding is not None:
            dated.append(holding)
        last_end = sentence.pieces[-1].end
    return dated, (frame, release, last_end)


def extract_claims(document: Document) -> list[Claim]:
    """Every numeric claim of an article, in document order (none, with a warning, for a language
    reportminer does not read); a bare 元 in the currency of the report's region."""
    if not readable(document.lang, document.doc_id):
        return []
    place = document.region or infer_region(document.text)
    if document.lang == "zh":
        claims = _chinese_claims(document, place)
    else:
        from .english import extract_english_claims

        claims = extract_english_claims(document)
    return [with_regional_currency(claim, place) for claim in claims]


def extract(text: str, doc_id: str = "inline", lang: str | None = None, published: str = "",
            region: str = "") -> pd.DataFrame:
    """The facts table of one text (the library's main entry point); ``lang`` (``zh``, ``en``) is guessed
    from the text when not given, and ``region`` (``CN``, ``TW``, ``HK``, ``MO``) inferred, as the command
    line does.

    >>> extract("2023年，市中区新增策划储备项目175个、总投资1082.6亿元。")[["mention", "std_value", "metric", "period"]].values.tolist()
    [['175个', 175.0, '新增策划储备项目', '2023'], ['1082.6亿元', 108260000000.0, '总投资', '2023']]
    """
    document = Document(doc_id=doc_id, text=text, lang=guess_lang(text) if lang is None else lang,
                        published=published, region=region)
    return claims_to_frame(extract_claims(document), [document])
