"""What the rules read about one quantity (its ``Site``, built once), what they are deciding (a ``Draft``)
and what they decided (a ``Context``)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from ..segment import Token, Tokens, clause_end, clause_start, tokenize
from ..types import Kind, Quantity
from .cues import Cues, cue_words
from .phrases import (
    dates_a_change,
    joined,
    read_left_words,
    strip_rank_context,
    strip_words,
)
from .reading import RightReading, read_event, read_right


class Context(NamedTuple):
    """What one quantity measures, how it changed, its status cues, and the rules that decided them. (Like
    every value made once or more per claim here, a named tuple: immutable and made several times faster
    than a frozen dataclass, whose every field is set through ``object.__setattr__``.)"""

    metric: str
    change: str
    target_cue: bool
    subject: str  # the metric read to the left only, for a later claim that shares it
    done_cue: bool = False  # an aspect word in the clause says it has happened: 已, 了
    clause_target_cue: bool = False  # a target word in the number's own clause (数字经济增加值预计达3.4万亿元)
    noun_end: int = 0  # where the words this quantity used end; the next quantity's metric starts after
    metric_rule: str = ""  # the rule that decided ``metric`` ("" when none did)
    change_rule: str = ""


def decided(context: Context, name: str, **fields: str) -> Context:
    """``context`` with ``fields`` set and ``name`` recorded as the rule of the metric or change it changed."""
    changed = context._replace(**fields)
    if changed.metric != context.metric:
        changed = changed._replace(metric_rule=name)
    if changed.change != context.change:
        changed = changed._replace(change_rule=name)
    return changed


class Draft(NamedTuple):
    """The fields the rules decide, as far as the stages so far have decided them (a named tuple: the
    rules answer with ``draft._replace(...)``, which is cheap enough to run for every rule of every claim)."""

    metric: str = ""
    subject: str = ""
    change: str = ""
    metric_rule: str = ""
    change_rule: str = ""
    subject_rule: str = ""  # the rule that borrowed or rebuilt the subject, when one did


class Sentence(NamedTuple):
    """What every quantity of one sentence shares."""

    text: str
    tokens: Tokens
    quantities: tuple[Quantity, ...]
    time_spans: tuple[tuple[int, int], ...]
    time_ends: tuple[int, ...]  # the ends of ``time_spans``, for bisect
    base_starts: tuple[int, ...]
    target_at: tuple[int, ...]  # where the sentence's target words stand
    opening_estimate: bool  # an estimate word heads the sentence (预计地区生产总值增长4%左右，…)


class Site(NamedTuple):
    """One quantity and everything around it that the rules read: built once, never changed."""

    sentence: Sentence
    index: int
    q: Quantity
    earlier: Sequence[Context]  # the contexts decided for the quantities before, in order
    clause: tuple[int, int]  # the number's clause, [start, end)
    same_clause: bool  # the quantity before stands in the same clause
    lo: int  # where the words to the left of the number may start
    anchor: int  # where they end (before a from→to date: 增加到2016年的1650亿元)
    metric_hi: int  # where the metric read leftwards ends (before a comparison base)
    time_end: int  # end of the last time expression before the number (0 when none)
    gap: str  # what stands between the quantity before and this one, dating words stripped
    left_words: tuple[Token, ...]
    left: str  # the metric read leftwards, cleaned
    right: RightReading  # the noun phrase read rightwards
    happened: str  # what a count of events says happened (两次亲临江苏考察)
    right_hi: int
    text: str  # the sentence's text
    previous: Context | None  # the context of the quantity before
    previous_q: Quantity | None  # the quantity before


def _bounds(s: Sentence, index: int, earlier: Sequence[Context], c_start: int, w: Cues) -> tuple[int, int, int, bool]:
    """(lo, anchor, time_end, same_clause): where the words left of the number start and end."""
    q, text = s.quantities[index], s.text
    prev = s.quantities[index - 1] if index else None
    same_clause = prev is not None and prev.end > c_start
    lo = max(c_start, prev.end, earlier[-1].noun_end) if same_clause and prev and earlier else c_start
    anchor = q.start if q.kind == Kind.RANK else q.prefix_start
    time_end = 0
    before = bisect.bisect_right(s.time_ends, q.prefix_start)
    if before:
        span_start, time_end = s.time_spans[before - 1]
        if dates_a_change(text, span_start, time_end, q.prefix_start, w):
            anchor = span_start  # 增加到2016年的1650亿元: the words before the date say what changed
        else:
            lo = max(lo, time_end)
    return lo, anchor, time_end, same_clause


_RANK_OR_STREAK = frozenset({Kind.RANK, Kind.DURATION})


def _read_left(text: str, q: Quantity, words: list[Token], lo: int, metric_hi: int, w: Cues) -> str:
    """The metric read leftwards, with what a standing or a streak does not name stripped."""
    left = joined(text, words).strip("、，")
    if w.base_mark in left:
        left = w.quoted_base_re.sub("", left)
    if q.kind == Kind.RANK:
        left = strip_rank_context(left, w).strip("、，")
        if left and left not in w.bare_measures and all(t.tag.startswith("v") and t.tag != "vn" for t in tokenize(left)):
            left = ""  # 9个国家区域医疗中心开诊运营、居全国第2位: what stands 2nd is what came before
    if q.kind in _RANK_OR_STREAK and left:
        rate = text.find(left, lo, metric_hi) + len(left)
        if text.startswith(w.rate_words, rate):
            # 规模以上工业增加值增速连续30个月居全国前10位: the standing is of the growth rate
            left += next(word for word in w.rate_words if text.startswith(word, rate))
    return left


def build_site(s: Sentence, index: int, earlier: Sequence[Context]) -> Site:
    """Read what stands around quantity ``index`` once, for every rule."""
    w = cue_words()
    q, text = s.quantities[index], s.text
    c_start, c_end = clause_start(text, q.prefix_start), clause_end(text, q.end)
    lo, anchor, time_end, same_clause = _bounds(s, index, earlier, c_start, w)
    # (预计全年 between list items only dates the next one: 上半年3.2%、预计全年5%左右)
    gap = strip_words(text[lo:anchor].strip("".join(w.list_separators) + "， "), w.dating_words)
    next_q = s.quantities[index + 1] if index + 1 < len(s.quantities) else None
    right_hi = min(c_end, next_q.prefix_start) if next_q else c_end
    first_base = bisect.bisect_left(s.base_starts, lo)
    metric_hi = (s.base_starts[first_base] if first_base < len(s.base_starts) and s.base_starts[first_base] < anchor
                 else anchor)
    left_words = read_left_words(text, s.tokens, lo, metric_hi, w)
    left = _read_left(text, q, left_words, lo, metric_hi, w)
    right = read_right(text, s.tokens, q, left, left_words, (c_end, right_hi, next_q), w)
    happened, noun_end = read_event(text, q, right, right_hi, w)
    right = RightReading(right.phrase, right.growth, noun_end)
    return Site(s, index, q, earlier, (c_start, c_end), same_clause, lo, anchor, metric_hi, time_end, gap,
                tuple(left_words), left, right, happened, right_hi, text, earlier[-1] if earlier else None,
                s.quantities[index - 1] if index else None)
