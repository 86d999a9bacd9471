"""What each quantity measures, in which direction it changed, and whether it is a target.

Works on one sentence at a time, with jieba tokens of that sentence for word boundaries. Per quantity a
``Site`` is built once (its clause, the words left and right of it, the time spans, the claim before);
then the stages of the rule table (``rules.py``, run by ``rulebook.run_stages``) decide its metric and
change; then passes over the whole sentence (``lists.py``) pair 分别 lists and tiers.
"""

from __future__ import annotations

from ..segment import Tokens, clause_start
from ..types import Kind, Quantity
from . import rules as _rules  # noqa: F401  (registers the rules)
from .cues import ESTIMATE_REACH, cue_words, has_target_cue, target_cues
from .lists import pair_lists, share_selection, share_tiers
from .rulebook import rule, run_stages
from .site import Context, Draft, Sentence, Site, build_site, decided

__all__ = ["Context", "read_context"]


def _opening_estimate(text: str) -> bool:
    """An estimate word that heads the sentence, after at most a date (2022年预计实现…), heads every
    item of it (预计地区生产总值增长4%左右，固定资产投资增长10%左右…); one later (数字经济增加值预计达…，
    …比重达66.1%) is an estimate of its own clause only."""
    estimate = cue_words().estimate_re.search(text)
    return bool(estimate) and estimate.start() <= ESTIMATE_REACH and not any(
        ch in "，；,;：:" for ch in text[: estimate.start()])


def is_conversion(text: str, first: Quantity, second: Quantity) -> bool:
    """``second`` is ``first`` in another currency: money, alone in brackets right after it."""
    return (first.kind == Kind.MONEY == second.kind and text[first.end : second.prefix_start] in ("(", "（")
            and text[second.end : second.end + 1] in (")", "）"))


def _done_reach(text: str, c_start: int) -> int:
    """Where the aspect words of a clause are looked for: from its start, or, for a part of what the clause
    before told (其中鳳梨出口1萬7167公噸 after 今年目前總出口噸數為…), from the start of that clause."""
    if c_start and any(text.startswith(word, c_start) for word in cue_words().subset_words):
        return clause_start(text, c_start - 1)
    return c_start


def _context_of(site: Site) -> Context:
    """Run the stages on one site and add the status cues of its clause."""
    w, q, text, c_start = cue_words(), site.q, site.text, site.clause[0]
    draft = run_stages(site, Draft(subject=site.left))
    done = bool(w.done_re.search(text, _done_reach(text, c_start), q.prefix_start))
    in_clause = w.estimate_re.search(text, c_start, q.start) is not None or site.sentence.opening_estimate
    return Context(draft.metric, draft.change, has_target_cue(site.sentence.target_at, q.start),
                   draft.subject or draft.metric, done, in_clause, site.right.noun_end,
                   draft.metric_rule, draft.change_rule)


@rule("pass.neighbour.two-counts")
def two_counts(quantities: list[Quantity], results: list[Context]) -> None:
    """12类45件民生实事: two counts of the same things, the first with no metric of its own, take the
    second's metric."""
    index = len(results) - 1
    if index and not results[-2].metric and quantities[index - 1].end == quantities[index].start:
        results[-2] = decided(results[-2], "pass.neighbour.two-counts", metric=results[-1].metric)


@rule("pass.neighbour.conversion")
def conversion(text: str, quantities: list[Quantity], results: list[Context]) -> None:
    """2,236亿澳门元(277.7亿美元): an amount of money alone in brackets right after another is the same figure
    in another currency: with no metric of its own it takes that amount's metric and change."""
    index = len(results) - 1
    if index and not results[-1].metric and is_conversion(text, quantities[index - 1], quantities[index]):
        results[-1] = decided(results[-1], "pass.neighbour.conversion", metric=results[-2].metric,
                              change=results[-2].change)


def read_context(text: str, tokens: Tokens, quantities: list[Quantity], time_spans: list[tuple[int, int]],
                 base_starts: list[int] = ()) -> list[Context]:
    """Metric, change and status cues of every quantity of one sentence.

    ``time_spans`` are the (start, end) of the sentence's time expressions: a metric never reaches
    back past one (2024年计划开工项目36个 → 开工项目), except the dates of a from→to change
    (地区生产总值从2011年的1091亿元增加到2016年的1650亿元), which it reads around. ``base_starts``
    are where comparison bases start: a metric stops before one (死亡人数比2020年下降 → 死亡人数).
    """
    sentence = Sentence(text, tokens, tuple(quantities), tuple(time_spans), tuple(end for _, end in time_spans),
                        tuple(base_starts),
                        tuple(target_cues(text, cue_words())), _opening_estimate(text))
    results: list[Context] = []
    for index in range(len(quantities)):
        results.append(_context_of(build_site(sentence, index, results)))
        two_counts(quantities, results)
        conversion(text, quantities, results)
    w = cue_words()
    return share_selection(text, quantities, share_tiers(text, quantities, pair_lists(text, quantities, results), w), w)
