"""What each quantity measures, in which direction it changed, and whether it is a target."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..segment import Tokens, clause_end, clause_start, tokenize
from ..types import Kind, Quantity
from .cues import *  # noqa
from .lists import pair_lists, share_tiers
from .phrases import *  # noqa
from .site import Context


def annotate(text: str, tokens: Tokens, quantities: list[Quantity], time_spans: list[tuple[int, int]],
             base_starts: list[int] = ()) -> list[Context]:
    """Metric, change and target cue for every quantity of one sentence.

    ``time_spans`` are the (start, end) of the sentence's time expressions: a metric never reaches
    back past one (2024年计划开工项目36个 → 开工项目), except the dates of a from→to change
    (地区生产总值从2011年的1091亿元增加到2016年的1650亿元), which it reads around. ``base_starts``
    are where comparison bases start: a metric stops before one (死亡人数比2020年下降 → 死亡人数).
    """
    time_ends = [end for _, end in time_spans]
    w = cue_words()
    results: list[Context] = []
    previous_end = consumed_end = 0
    target_at = target_cues(text, w)
    estimate = w.estimate_re.search(text)
    # (only one that heads the sentence, after at most a date: 2022年预计实现…; 数字经济增加值预计达…，
    # …比重达66.1% is an estimate of its own clause only)
    opening_estimate = bool(estimate) and estimate.start() <= ESTIMATE_REACH and not any(
        ch in "，；,;：:" for ch in text[: estimate.start()])
    for index, q in enumerate(quantities):
        c_start = clause_start(text, q.prefix_start)
        c_end = clause_end(text, q.end)
        prev = quantities[index - 1] if index else None
        same_clause = prev is not None and prev.end > c_start
        lo = max(c_start, previous_end, consumed_end) if same_clause else c_start
        anchor = q.prefix_start
        if q.kind == Kind.RANK:
            anchor = q.start
        before = bisect.bisect_right(time_ends, q.prefix_start)
        if before:
            time_start, time_end = time_spans[before - 1]
            if dates_a_change(text, time_start, time_end, q.prefix_start, w):
                anchor = time_start  # 增加到2016年的1650亿元: the words before the date say what changed
            else:
                lo = max(lo, time_end)
        # (预计全年 between list items only dates the next one: 上半年3.2%、预计全年5%左右)
        gap = strip_words(text[lo:anchor].strip("、，和及与 "), w.dating_words)
        change = ""
        if q.kind != Kind.RANK:
            counted = q.kind == Kind.COUNT
            change = change_before(text, lo, anchor, w, counted) or change_after(text, anchor, q.end, w, q.kind == Kind.PERCENT)
        # Text between the previous number and this one is only a list joiner: the list shares the
        # previous number's metric and change (分别增长6.5%和7%).
        next_q = quantities[index + 1] if index + 1 < len(quantities) else None
        right_hi = min(c_end, next_q.prefix_start) if next_q else c_end
        first_base = bisect.bisect_left(base_starts, lo)
        metric_hi = base_starts[first_base] if first_base < len(base_starts) and base_starts[first_base] < anchor else anchor
        left_words = read_left_words(text, tokens, lo, metric_hi, w)
        left = joined(text, left_words).strip("、，")
        if "比" in left:
            left = QUOTED_BASE.sub("", left)
        if q.kind == Kind.RANK:
            left = strip_rank_context(left, w).strip("、，")
            if left and left not in w.bare_measures and all(t.tag.startswith("v") and t.tag != "vn" for t in tokenize(left)):
                left = ""  # 9个国家区域医疗中心开诊运营、居全国第2位: what stands 2nd is what came before
        if q.kind in (Kind.RANK, Kind.DURATION) and left:
            rate = text.find(left, lo, metric_hi) + len(left)
            if text.startswith(w.rate_words, rate):
                # 规模以上工业增加值增速连续30个月居全国前10位: the standing is of the growth rate
                left += next(word for word in w.rate_words if text.startswith(word, rate))
        right = ""
        noun_end = q.end
        # 八成以上财政资金用于民生; 设置2%的CPI涨幅目标 (only a verb on the left: what is measured follows 的)
        percent_names_right = q.kind == Kind.PERCENT and (not left or (
            text.startswith("的", q.end) and all(t.tag.startswith("v") for t in left_words)))
        if q.kind not in (Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.RANK, Kind.DURATION) or q.unit == "强" or (
                percent_names_right):
            # what is counted, shared or ranked (入围全球百强创新集群), up to its predicate
            noun_only = q.kind in (Kind.COUNT, Kind.PERCENT) or q.unit == "强"
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
            aimed = w.aimed_change_re.match(text, q.end) if q.kind == Kind.PERCENT and not right else None
            if aimed and percent_names_right:
                right = aimed.group(1)  # 确定4.5%左右的增长目标: a growth target
            if q.kind == Kind.PERCENT and right:
                stripped = strip_words(right, w.aims)  # 2%的CPI涨幅目标 → CPI涨幅
                right = stripped if stripped and stripped not in w.changes else right  # (4.5%左右的增长目标)
                manner_at = q.end + (1 if text.startswith("的", q.end) else 0)
                said = next((manner_at + k for k in (1, 2) if text.startswith(tuple(w.changes), manner_at + k)), None)
                if said is not None:
                    # 保持20%以上的高速增长: a rate of growth of what the clause is about
                    change = change or ("increase" if text.startswith(w.increase, said) else "decrease")
                    right = ""
            noun_end = q.end + len(right)
            if right and text.startswith(w.measure_words, noun_end):
                noun_end = q.end  # 17个重点传统制造业增加值增长5.3%: the noun is also the subject of the measure
            if right and q.kind == Kind.COUNT and modifies_count(left_words, q.prefix_start):
                right = left + right  # 稳经济30项举措 → 稳经济举措
        happened = ""
        if q.kind == Kind.COUNT and q.unit in w.event_classifiers and not right:
            happened = text[q.end : right_hi].strip("、，和 ")
            if 0 < len(happened) <= 16:
                noun_end = right_hi  # 习近平总书记两次亲临江苏考察、三次参加…: each count says what happened
            else:
                happened = ""
        prev_q = quantities[index - 1] if index else None
        if (same_clause and gap and results and not change and q.kind == Kind.PERCENT and prev_q.kind == Kind.PERCENT
                and not strip_words(gap, w.stretch_words)):
            change = results[-1].change  # 增长6%以上、力争达到8%: the stretch target is of the same growth
        if same_clause and not gap and results:
            previous = results[-1]
            if not (q.prefix_start < q.start and prev_q.prefix_start == prev_q.start):
                change = change or previous.change  # (净增98万户、突破1900万户: a total, not a change)
            left = left or previous.left_metric
        if q.kind == Kind.RANK and right:
            left = ""  # 入围全球百强创新集群: what is ranked follows the standing
        if q.kind == Kind.RANK and results and results[-1].metric:
            if left in w.bare_measures:
                # 进出口总额突破万亿元、增速居全国第5位: the growth rate of what the claim before measures
                left = without_leading_verbs(results[-1].metric) + left
            elif 0 < len(left) <= 3 and left.endswith(w.measure_words + ("量", "额")):
                # 工业机器人产量增长35.3%、出口量居全国第2位: a sibling measure of the same subject
                left = subject_of_measure(without_leading_verbs(results[-1].metric), w) + left
        metric = right or (left + happened if left and happened else left or happened)
        if (not right and results and results[-1].metric and left_words and len(left) <= 3
                and all(t.tag.startswith("v") and t.tag != "vn" for t in left_words)):
            # 建成过江通道4座、在建8座: a bare state or action word borrows the thing counted before
            thing = without_leading_verbs(results[-1].metric)
            metric = left + thing if thing and thing != results[-1].metric else metric
        if q.kind == Kind.DURATION and text.endswith(w.streak_cues, 0, q.prefix_start):
            # a streak: what lasted is said on both sides (耕地面积连续4年净增加 → 耕地面积净增加)
            left = strip_words(left, w.streak_cues)
            if left in w.bare_measures and results and results[-1].metric:
                # 地区生产总值突破13万亿元，总量连续35年居全国首位 → 地区生产总值总量…
                left = without_leading_verbs(results[-1].metric) + left
            if left.endswith(w.figures) and len(left) <= 4:
                left = ""  # 迈上14万亿元新台阶、连续36年居全国首位: the figure of speech is no subject
            between = strip_words(text[lo:q.prefix_start], w.streak_cues).strip("、，, ")
            if between.endswith(w.figures) and len(between) <= 4:
                between = ""  # 迈上14万亿元新台阶、连续36年居全国首位: a figure of speech between
            if not left and results and not between and not text.startswith(w.negations, q.end):
                # 森林覆盖率65.1%，连续47年居全国首位 (but not 我市连续五个季度…, nor 连续十年未发生…, an event
                # of its own)
                left = results[-1].left_metric
            metric = left + text[q.end:c_end].strip()
        # a clause that only links (，增长4.2%) shares the subject before it; one that begins with its
        # number (，6组10家…) does not
        shares_subject = same_clause or q.kind == Kind.RANK or bool(text[c_start:q.prefix_start].strip())
        if not metric and text.endswith("等", 0, q.prefix_start):
            # 新组建省实验室、产业创新研究院等10家以上: nothing names the count but the examples
            examples = read_left_words(text, tokens, lo, q.prefix_start - 1, w)
            metric = joined(text, examples) + "等" if examples else ""
        if not metric and results and q.kind == Kind.COUNT and text[c_start:q.prefix_start].strip() in w.subset_words:
            # 累计推出259项制度创新成果，其中56项为全国首创: a part of what the claim before counts
            said = SUBSET_PREDICATE.match(text, q.end, c_end)
            metric = results[-1].metric + (said.group(1) if said else "")
        if not metric and not same_clause and (not results or quantities[index - 1].end < c_start - 1):
            opening = text[c_start:q.prefix_start].strip()
            after_time = text[max(c_start, time_end if before else 0):q.prefix_start].strip()
            # a clause that only links (，达1330亿元) or only dates its number (，上半年3.2%、前三季度4.4%)
            if opening and not strip_words(after_time, w.trailing):
                # the clause before has no number but names what this one measures: 辖内财政收入迈过千亿大关
                metric = subject_of_clause_before(text, c_start, w)
                said = text.find(metric, clause_start(text, c_start - 1), c_start) if metric else -1
                rate = text[said + len(metric) : c_start] if said >= 0 else ""
                if not change and rate.startswith(tuple(w.changes)):
                    # GDP增速逐季攀升，上半年3.2%: the numbers are the growth the clause before names
                    change = "increase" if rate.startswith(w.increase) else "decrease"
        if not metric and results and shares_subject:
            previous = results[-1]
            if not same_clause:
                # …564亿元，占计划的100%，同比下降2%: a new clause shares the subject, not the share
                back = len(results) - 1
                while back > 0 and results[back].left_metric.startswith(w.comparisons):
                    back -= 1
                previous = results[back]
            # 首次进入全省前十名: the standing of what came before; 新增1000处信号灯联网、累计达8000处:
            # the thing the count before named after it, not just its verb
            from_right = previous.metric and not previous.metric.startswith(previous.left_metric)
            metric = previous.metric if from_right and len(previous.left_metric) <= 3 else previous.left_metric
            if w.total_re.match(text, c_start if not same_clause else lo):
                metric = without_leading_verbs(metric)  # 净增“四上”企业35家，达314家: the total has no 净增
            if (q.kind == Kind.RANK and quantities[index - 1].kind == Kind.PERCENT and previous is results[-1]
                    and previous.change == "increase" and metric and not metric.endswith(tuple(w.bare_measures))):
                left = metric  # (what follows shares the subject, not its growth rate)
                metric += "增速"  # 增长6%、在前十经济大省中并列第一: the standing of the growth rate
        elif compares(metric, w) and results and results[-1].metric and same_clause_or_linked(
                text, quantities[index - 1], c_start):
            previous = results[-1].metric  # 增长5.7%、高于全国0.3个百分点 → 地区生产总值高于全国
            if metric.startswith(tuple(w.bare_measures)) and not previous.endswith(tuple(w.bare_measures)):
                previous = without_leading_verbs(previous)  # GDP增长5.4%，增速高于全国… → GDP增速高于全国
            metric = previous if previous.endswith(metric) else previous + metric
        if metric in w.bare_measures and q.kind != Kind.RANK and results and results[-1].metric:
            # 地区生产总值迈上5万亿台阶、五年增量超1.36万亿元: a bare measure of what the claim before measures
            metric = without_leading_verbs(results[-1].metric) + metric
        if "比" in metric or "[" in metric or "［" in metric:
            metric = QUOTED_BASE.sub("", FOOTNOTE.sub("", metric))  # 地区生产总值[2]: a note's number is no part of the name
        done = bool(w.done_re.search(text, c_start, q.prefix_start))
        # (an estimate word in a sentence's first clause heads every item of it: 预计地区生产总值增长4%左右，
        # 固定资产投资增长10%左右…)
        in_clause = w.estimate_re.search(text, c_start, q.start) is not None or opening_estimate
        results.append(Context(metric, change, has_target_cue(target_at, q.start), left or metric, done, in_clause))
        if index and not results[-2].metric and quantities[index - 1].end == q.start:
            previous = results[-2]  # 12类45件民生实事: two counts of the same things
            results[-2] = replace(previous, metric=metric)
        previous_end = q.end
        consumed_end = noun_end  # the next number's metric starts after this one's noun
    return share_tiers(text, quantities, pair_lists(text, quantities, results), w)


# How far into a sentence an estimate word may stand and still head all of it (after a date: 2022年预计).
