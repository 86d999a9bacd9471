"""The pipeline for one article: sentences → quantities → context → claims → table."""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import cache

import pandas as pd
import regex

from .context import Context, read_context
from .corpus import infer_published
from .fold import fold
from .gloss import gloss
from .layout import split_sentences
from .lexicon import load_lexicon
from .quantities import aligned_with_words, find_quantities, names_a_class
from .segment import clause_end, clause_start, tokenize_windows
from .table import claims_to_frame
from .timeframe import (
    TimeExpression,
    bare_year,
    comparison_bases,
    ends_after,
    find_time_expressions,
    with_whole_years,
)
from .types import Claim, Document, Kind, Quantity, Sentence


def _opening(sentence: Sentence, times: list[TimeExpression], quantities: list[Quantity],
             first: bool = False) -> TimeExpression | None:
    """The time expression that opens a sentence and so sets the time frame of what follows.

    It stands before the sentence's first claim and either begins the sentence (after at most a
    short lead such as 此外， or 初步统计，) or is set off by a comma as a fronted adverbial
    (各位代表，刚刚过去的2025年，…). A horizon (到2035年) or a mention inside the sentence (为实现“十五五”
    规划目标打基础) does not open it."""
    text = sentence.text
    first_claim = quantities[0].prefix_start if quantities else len(text)
    for t in times:
        if t.start >= first_claim:
            break
        as_of = text.endswith(("截至", "截止"), 0, t.start)  # 截至2023年末: as of, a frame
        if (text.endswith(_HORIZON_WORDS, 0, t.start) and not as_of) or text.startswith(("前", "以前"), t.end):
            continue  # 到2035年, 2030年前: a deadline
        lead = text[: t.start].lstrip("“\"‘ \t\u3000" + _bullets())  # (■ 2025年主要预期目标: a list's heading)
        short_lead = not lead or (lead.endswith(("，", ",")) and len(lead) <= 10 and lead.count("，") <= 1)
        fronted = _FRONTED.match(text, t.end) is not None and text[: t.start].count("，") <= 1
        # 对于2024发展主要预期目标，…; 展望2025年，…: a topic phrase set off by a comma
        topic = _TOPIC.match(text, t.end)
        fronted = fronted or (lead.rstrip() in _topic_leads() and topic is not None)
        if short_lead or fronted or first:  # (the first dated sentence of an article sets its frame:
            return t                         # 本报讯（记者 王明）1月12日，记者获悉，2023年我市…)
    return None


@cache
def _bullets() -> str:
    return "".join(load_lexicon().cues["layout"]["bullets"])  # type: ignore[arg-type]


# Words before a time expression that make it a horizon, not a frame: 到2035年, 力争到2027年
# (and 前 after it: 2030年前实现碳达峰).
_HORIZON_WORDS = ("到", "至", "为")
# What may follow an opening time expression before its comma: 2023年以来，, “十四五”时期，
_FRONTED = regex.compile(r"[”\"’]?(?:以来|时期|期间|末|底|初|上半年|下半年)?[，,]")
# A 从/由 in the same clause before a 到/至: the number after 到 is the end of a from→to change.
_FROM_BEFORE = regex.compile(r"[从由][^，,；;。]{1,24}\Z")

# The rest of a fronted topic phrase: a few words and no number, then a comma.
_TOPIC = regex.compile(r"[^0-9，,。；;]{0,14}[，,]")


@cache
def _topic_leads() -> frozenset[str]:
    return frozenset(load_lexicon().words("period", "topic_leads"))


@cache
def _count_nouns() -> tuple[dict[str, str], int]:
    nouns = dict(load_lexicon().count_nouns)
    return nouns, max(map(len, nouns))


@cache
def _count_noun_trailers() -> tuple[str, ...]:
    return load_lexicon().words("units", "count_noun_trailers")


def _count_noun(metric: str, default: str) -> str:
    """The English noun a count counts, from the longest known ending of its metric (学校 → school)."""
    nouns, longest = _count_nouns()
    metric = metric.rstrip("”\"’》）)")  # 全球“灯塔工厂”
    if metric.endswith(_count_noun_trailers()):
        trailer = next(t for t in _count_noun_trailers() if metric.endswith(t))
        if len(metric) > len(trailer):
            metric = metric[: -len(trailer)]  # 亿元以上新建续建项目建设: what is done to the things counted
    for length in range(min(longest, len(metric)), 0, -1):
        if metric[-length:] in nouns:
            return nouns[metric[-length:]]
    return default


RIGHT_REACH = 24  # characters after a number that the metric may read


def _as_written(phrase: str, folded_text: str, original_text: str) -> str:
    """``phrase`` (read from the folded text) in the article's own characters: each longest piece of
    it that is a slice of the text is written as the text writes it (a metric put together from a
    list, 食品的價格, stays in the article's script)."""
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


def _claim(document: Document, sentence: Sentence, original_sentence: str, q: Quantity, ctx: Context,
           times: list[TimeExpression], frame: TimeExpression | None) -> Claim:
    before = bisect.bisect_right([t.end for t in times], q.prefix_start) if times else 0
    text = sentence.text
    stated_before = before
    # a date written as an attribute of one number (从2020年的3.68万亿元增长到2025年的4.93万亿元) dates that
    # number only, not the clauses after it
    while before and text.startswith("的", times[before - 1].end) and text[times[before - 1].end : q.prefix_start] != "的":
        before -= 1
    governing = times[before - 1] if before else None
    # …从2017年的3.06万亿元增长到2022年的4.2万亿元，一般公共预算收入从3233.8亿元增长到4084亿元: an undated
    # start or end of a change takes the start or end date of the change before it
    if text.endswith(("从", "由"), 0, q.prefix_start):
        ends = [t for t in times[:stated_before] if text.endswith(("从", "由"), 0, t.start)]
    elif text.endswith(("到", "至"), 0, q.prefix_start) and _FROM_BEFORE.search(text, 0, q.prefix_start):
        ends = [t for t in times[:stated_before] if text.endswith(("到", "至"), 0, t.start)]
    else:
        ends = []
    governing = ends[-1] if ends else governing
    period = governing.period if governing else (frame.period if frame else "")
    # a news lead dated to the day tells of what happened (2025年1月20日上午，…863名人大代表出席):
    # under its frame only target words make a target
    news_event = (governing is None and frame is not None and frame.day) or (
        (governing or frame) is not None and (governing or frame).since)  # (2021年以来…: up to now, happened)
    if period and document.published and not news_event:
        # a period still running at publication is a plan, unless the text says it is done (加装了12部)
        ongoing = ends_after(period, document.published)
        # (a period already over is a target only where a target word stands in the number's own
        # clause: 数字经济增加值预计达3.4万亿元, an estimate the schema counts as a target)
        status = "target" if (ongoing and (ctx.target_cue or not ctx.done_cue)) or (
            ctx.clause_target_cue and not ctx.done_cue) else "actual"
    else:
        status = "target" if ctx.target_cue else "actual"
    start, end = sentence.to_doc(q.start), sentence.to_doc(q.end - 1) + 1
    units = load_lexicon().cues["units"]
    kind, std_unit = q.kind, q.std_unit
    generic = q.unit in units["generic_classifiers"] or not q.unit or (  # (近300万群众: no classifier at all)
        q.unit == "户" and ctx.metric.endswith(tuple(units["household_exceptions"])))
    unit_en = _count_noun(ctx.metric, q.unit_en) if q.kind == Kind.COUNT and generic else q.unit_en
    if q.kind == Kind.COUNT and not q.unit and ctx.metric.endswith(tuple(units["money_measures"])):
        # 生产总值跨越7万亿: an amount of money whose 元 goes unwritten
        kind, unit_en, std_unit = Kind.MONEY, "yuan", "CNY"
    elif q.kind == Kind.COUNT:
        std_unit = unit_en
    if q.unit in units["place_classifiers"] and sentence.text.endswith(tuple(units["place_moves"]), 0, q.prefix_start):
        unit_en = std_unit = "place"  # 排名上升4位, 再进两位: places in a ranking, not people
    return Claim(
        doc_id=document.doc_id, lang=document.lang, start=start, end=end, mention=document.text[start:end],
        value=float(q.value), unit=q.unit, unit_en=unit_en, kind=kind.value,
        std_value=_float(q.std_value), std_unit=std_unit,
        qualifier=q.qualifier.value, value_high=_float(q.value_high),
        metric=_as_written(ctx.metric, sentence.text, original_sentence), metric_en=gloss(ctx.metric),
        change=ctx.change, period=period, status=status, sentence=original_sentence,
        section=(document.text[sentence.section_start : sentence.section_start + len(sentence.section)]
                 if sentence.section_start >= 0 else sentence.section),
    )


def extract_claims(document: Document) -> list[Claim]:
    """Every numeric claim of a Chinese article, in document order."""
    if document.lang != "zh":
        from .english import extract_english_claims

        return extract_english_claims(document)
    if not document.published:
        document = replace(document, published=infer_published(document.text))
    text = fold(document.text)  # same length as the original: offsets carry over unchanged
    frame: TimeExpression | None = None
    claims: list[Claim] = []
    for sentence in split_sentences(text):
        quantities = [q for q in find_quantities(sentence.text) if sentence.spans_one_piece(q.start, q.end)]
        # jieba reads only the clause before each number and a short stretch after it (what a count
        # counts is a few words long), so that mining costs less than one plain pass of jieba
        tokens = tokenize_windows(sentence.text, [
            (clause_start(sentence.text, q.prefix_start), min(clause_end(sentence.text, q.end), q.end + RIGHT_REACH))
            for q in quantities])
        quantities = [q for q in quantities
                      if aligned_with_words(q, tokens) and not names_a_class(q, sentence.text, tokens)]
        stated_times = find_time_expressions(sentence.text, document.published)
        # (全年 dates a claim but, unlike 2024年, may stand inside what is measured: 中欧班列全年发运超千列)
        times = with_whole_years(sentence.text, stated_times, frame)
        if sentence.is_heading:
            # a heading may name its year without 年: 一、回顾2023，推动高质量发展迈出新步伐
            heading_year = times[0] if times else bare_year(sentence.text)
            frame = heading_year.year_only() if heading_year else frame
        if quantities:
            contexts = read_context(sentence.text, tokens, quantities, [(t.start, t.end) for t in stated_times],
                                comparison_bases(sentence.text))
            original = "".join(document.text[p.start : p.end] for p in sentence.pieces)
            claims.extend(_claim(document, sentence, original, q, ctx, times, frame)
                          for q, ctx in zip(quantities, contexts))
        if not sentence.is_heading:
            opening = _opening(sentence, times, quantities, first=frame is None)
            frame = opening.year_only() if opening else frame
    return claims


def extract(text: str, doc_id: str = "inline", lang: str = "zh", published: str = "") -> pd.DataFrame:
    """The facts table of one text (the library's main entry point).

    >>> extract("2023年，市中区新增策划储备项目175个、总投资1082.6亿元。")[["mention", "std_value", "metric", "period"]].values.tolist()
    [['175个', 175.0, '新增策划储备项目', '2023'], ['1082.6亿元', 108260000000.0, '总投资', '2023']]
    """
    return claims_to_frame(extract_claims(Document(doc_id=doc_id, text=text, lang=lang, published=published)))
