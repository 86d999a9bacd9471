"""What stands right of a number: the thing a count counts (4所学校 → 学校), the measure a percent
names (2%的CPI涨幅目标 → CPI涨幅), what a count of events says happened (两次亲临江苏考察)."""

from __future__ import annotations

from typing import NamedTuple

from ..segment import Token, Tokens
from ..types import PERCENTS, Kind, Quantity
from .cues import Cues
from .phrases import modifies_count, right_phrase, strip_words


class RightReading(NamedTuple):
    phrase: str  # the noun phrase right of the number ("" when none names what is measured)
    growth: str  # a change word after a percent (保持20%以上的高速增长): increase/decrease, else ""
    noun_end: int  # where the words this quantity used end


_NAMED_LEFT = PERCENTS | {Kind.RANK, Kind.DURATION}  # what these measure stands left of them
_NOUN_ONLY = frozenset({Kind.COUNT, Kind.PERCENT})  # what these count or share is a noun right after them


def _names_right(q: Quantity, left: str, left_words: list[Token], text: str, w: Cues) -> tuple[bool, bool]:
    """(read right at all, a percent names what it measures after it)."""
    # 八成以上财政资金用于民生; 设置2%的CPI涨幅目标 (only a verb on the left: what is measured follows 的)
    percent_names_right = q.kind == Kind.PERCENT and (not left or (
        text.startswith(w.attribute_marker, q.end) and all(t.tag.startswith("v") for t in left_words)))
    reads = q.kind not in _NAMED_LEFT or (
        q.unit in w.ranked_units) or percent_names_right
    return reads, percent_names_right


def _counted_phrase(text: str, tokens: Tokens, q: Quantity, left: str, left_words: list[Token],
                    reach: tuple[int, int, Quantity | None], w: Cues) -> str:
    """What is counted, shared or ranked (入围全球百强创新集群), up to its predicate."""
    c_end, right_hi, next_q = reach
    noun_only = q.kind in _NOUN_ONLY or q.unit in w.ranked_units
    next_follows = (next_q is not None and right_hi == next_q.prefix_start and right_hi < c_end
                    and not any(ch in "、，；" for ch in text[q.end : right_hi]))
    right = right_phrase(text, tokens, q.end, right_hi, w, noun_only, right_hi == c_end, next_follows)
    only_verbs = all((t.tag.startswith("v") and t.tag != "vn") or t.tag[:1] in ("d", "a")
                     for t in left_words)  # (精准帮扶7.2万名就业困难人员: manner and action only)
    if not right and (not left or only_verbs) and noun_only and q.unit not in w.event_classifiers:
        # 34款创新药械获批上市: with nothing on the left, a verb may begin the name of what is counted
        right = right_phrase(text, tokens, q.end, right_hi, w, noun_only, right_hi == c_end, next_follows,
                             verb_first_ok=True)
    if (right.endswith(w.figures) and (not noun_only or len(right) <= 3)) or right.startswith(w.figures):
        right = ""  # 跃上1.4万亿斤新台阶, 迈过千亿大关(的地区): what is measured is on the left
    if right in w.aims:
        right = ""  # 城镇新增就业45万人以上的目标: the aim names nothing; what is measured is on the left
    return right


def _percent_phrase(text: str, q: Quantity, right: str, percent_names_right: bool, w: Cues) -> tuple[str, str]:
    """(phrase, growth) of a percent: a growth target (确定4.5%左右的增长目标), a measure with its aim
    stripped (2%的CPI涨幅目标 → CPI涨幅), or a rate of growth (保持20%以上的高速增长 → increase)."""
    aimed = w.aimed_change_re.match(text, q.end) if not right else None
    if aimed and percent_names_right:
        right = aimed.group(1)
    if not right:
        return right, ""
    stripped = strip_words(right, w.aims)
    right = stripped if stripped and stripped not in w.changes else right  # (4.5%左右的增长目标)
    manner_at = q.end + (1 if text.startswith(w.attribute_marker, q.end) else 0)
    said = next((manner_at + k for k in (1, 2) if text.startswith(tuple(w.changes), manner_at + k)), None)
    if said is None:
        return right, ""
    # 保持20%以上的高速增长: a rate of growth of what the clause is about
    return "", "increase" if text.startswith(w.increase, said) else "decrease"


def read_right(text: str, tokens: Tokens, q: Quantity, left: str, left_words: list[Token],
               reach: tuple[int, int, Quantity | None], w: Cues) -> RightReading:
    """The phrase right of ``q`` within ``reach`` = (clause end, right bound, next quantity)."""
    reads, percent_names_right = _names_right(q, left, left_words, text, w)
    if not reads:
        return RightReading("", "", q.end)
    right = _counted_phrase(text, tokens, q, left, left_words, reach, w)
    if right in w.changes:
        right = ""  # (较2022年的2.83万元升6%: a change verb alone right of a number is the next number's, no noun)
    growth = ""
    if q.kind == Kind.PERCENT:
        right, growth = _percent_phrase(text, q, right, percent_names_right, w)
    noun_end = q.end + len(right)
    if right and text.startswith(w.measure_words, noun_end):
        noun_end = q.end  # 17个重点传统制造业增加值增长5.3%: the noun is also the subject of the measure
    if right and q.kind == Kind.COUNT and modifies_count(left_words, q.prefix_start):
        right = left + right  # 稳经济30项举措 → 稳经济举措
    return RightReading(right, growth, noun_end)


def read_event(text: str, q: Quantity, right: RightReading, right_hi: int, w: Cues) -> tuple[str, int]:
    """(what happened, noun end): 习近平总书记两次亲临江苏考察、三次参加…: each count of events says what
    happened, when it is short."""
    if q.kind == Kind.COUNT and q.unit in w.event_classifiers and not right.phrase:
        happened = text[q.end : right_hi].strip(w.event_trim)
        if 0 < len(happened) <= 16:
            return happened, right_hi
    return "", right.noun_end
