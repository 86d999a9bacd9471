"""The rule table: named rules registered in ordered stages, each with its examples.

A rule is a small function ``(site, draft) -> Draft | None``: it answers with a new draft or passes
(None). Stages run in the order of ``STAGES``; within a stage the rules are tried in the order they
are registered (the order of their definitions in ``rules.py``) and the first that answers wins.
Whichever rule changed ``metric`` or ``change`` last is recorded as the rule that decided it.

A rule's examples are data, in ``data/rule_examples.toml`` under the rule's name:
``{sentence: {mention: {field: expected value}}}``. ``tests/test_rules.py`` mines each sentence and
asserts that the claim of ``mention`` has the expected fields *and* that this rule decided them, so a
rule that no longer fires is reported as dead.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, TypeVar

from ..lexicon import data_path
from ..types import Kind

Examples = Mapping[str, Mapping[str, Mapping[str, str]]]
Decide = TypeVar("Decide", bound=Callable)

# Where a trigger's words are looked for (see ``Trigger``).
CLAUSE = "clause"  # the number's clause, [clause start, clause end)
BEFORE = "before"  # the sentence up to the number, [0, the number's prefix start)
METRIC = "metric"  # the metric the stages before drafted


class Trigger(NamedTuple):
    """Words one of which must stand in ``scope`` for a rule to answer: the runner looks for them with one
    precompiled search and passes the rule over when none stands there. Given only to a rule whose first
    test already asks for one of these words there (so skipping it changes nothing): most claims stand
    in no such clause, and one search in C costs a fraction of the rule's Python."""

    words: Callable[[], Iterable[str]]  # the rule's own cue words, read from the data when the rules first run
    scope: str = CLAUSE


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # "<stage>.<what it does>", unique, shown by --explain
    stage: str
    decide: Callable
    doc: str
    kinds: frozenset[Kind] | None = None  # the kinds of quantity the rule applies to (None: every kind)
    needs_previous: bool = False  # the rule reads the claim before, so it passes on a sentence's first
    trigger: Trigger | None = None  # words without which the rule passes (tried only where one stands)

    @property
    def examples(self) -> Examples:
        """Sentences mapped to the claims they must yield, with the fields this rule decides."""
        return rule_examples().get(self.name, {})


@cache
def rule_examples() -> Mapping[str, Examples]:
    """``data/rule_examples.toml``: the examples of every rule, by rule name."""
    with data_path("rule_examples.toml").open("rb") as handle:
        return tomllib.load(handle)


# The order the stages run in: the number's own words first, then what it borrows from its
# neighbours, then repairs. Sentence passes (lists.py) and the status/period rules (status.py) follow.
STAGES = (
    "read.change",  # a change verb around the number
    "borrow.change",  # the change of the number before, in a list
    "borrow.subject",  # the subject of the number before, in a list
    "rank.subject",  # what a standing is of
    "read.metric",  # the metric the number's own words name
    "borrow.metric",  # a metric borrowed from a neighbour when the own words name none
    "extend.metric",  # a bare measure (增速, 总量) completed by what the claim before measures
    "repair.metric",  # notes and bases that are no part of a name
)
# Rules that run after the stages, over the whole sentence or on the claim: listed so that their
# names and examples live in the same table.
PASSES = ("pass.lists", "pass.neighbour", "period", "period.frame", "status")

RULES: dict[str, list[Rule]] = {stage: [] for stage in STAGES + PASSES}


def rule(name: str, summary: str = "", kinds: frozenset[Kind] | None = None,
         needs_previous: bool = False, trigger: Trigger | None = None) -> Callable[[Decide], Decide]:
    """Register ``decide`` as rule ``name``; its stage is the part of the name before the last dot.
    ``summary`` describes the rule when one function decides for several rules (else its docstring).
    ``kinds``, ``needs_previous`` and ``trigger`` are part of its condition: the runner tries the rule
    only on those kinds of quantity, only after another claim of the sentence, and only where one of the
    trigger's words stands."""
    stage = name.rsplit(".", 1)[0]
    if stage not in RULES:
        raise ValueError(f"rule {name}: unknown stage {stage}")
    if any(r.name == name for rules in RULES.values() for r in rules):
        raise ValueError(f"rule {name}: registered twice")

    def register(decide: Decide) -> Decide:
        RULES[stage].append(Rule(name, stage, decide, summary or (decide.__doc__ or "").strip(), kinds,
                                 needs_previous, trigger))
        return decide

    return register


def all_rules() -> list[Rule]:
    """Every rule, in the order they run."""
    return [r for stage in STAGES + PASSES for r in RULES[stage]]


def credited(before, after, name: str):
    """``after`` with ``name`` recorded as the rule of each field it changed (metric, change, subject);
    a rule that names another as the decider (the metric is the subject a borrow rule gave) keeps it."""
    return after._replace(
        metric_rule=name if after.metric != before.metric and after.metric_rule == before.metric_rule
        else after.metric_rule,
        subject_rule=name if after.subject != before.subject else after.subject_rule,
        change_rule=name if after.change != before.change else after.change_rule)


Staged = tuple[str, Callable, re.Pattern[str] | None, str]  # (name, decide, trigger's search, its scope)


@cache
def _staged(kind: Kind, has_previous: bool) -> tuple[tuple[Staged, ...], ...]:
    """The stages' rules that apply to a quantity of ``kind`` as (name, decide, search, scope), in order
    (read after every rule registered)."""
    return tuple(tuple((r.name, r.decide, *_search(r.trigger)) for r in RULES[stage]
                       if (r.kinds is None or kind in r.kinds) and (has_previous or not r.needs_previous))
                 for stage in STAGES)


def _search(trigger: Trigger | None) -> tuple[re.Pattern[str] | None, str]:
    """The trigger's words as one pattern, and its scope; (None, "") when the rule is always tried (no
    trigger, or one without words: the rule then decides alone, as before)."""
    words = sorted(set(trigger.words()), key=len, reverse=True) if trigger else []
    if not words:
        return None, ""
    return re.compile("|".join(map(re.escape, words))), trigger.scope


def _may_answer(search: re.Pattern[str], scope: str, site, draft) -> bool:
    """Whether one of a trigger's words stands in its scope (a rule it fails passes)."""
    if scope == METRIC:
        return search.search(draft.metric) is not None
    if scope == CLAUSE:
        return search.search(site.text, site.clause[0], site.clause[1]) is not None
    return search.search(site.text, 0, site.q.prefix_start) is not None


def run_stages(site, draft):
    """Run every stage on ``draft``: in each, the first rule that answers wins (a rule whose trigger's
    words stand nowhere it reads is passed over without a call)."""
    for stage in _staged(site.q.kind, site.previous is not None):
        for name, decide, search, scope in stage:
            if search is not None and not _may_answer(search, scope, site, draft):
                continue
            answer = decide(site, draft)
            if answer is not None:
                draft = credited(draft, answer, name)
                break
    return draft


def rule_table() -> str:
    """The rule table as Markdown, in the order the rules run (docs/design.md holds a copy; a test
    keeps the two equal)."""
    rows = ["| stage | rule | applies to | what it decides |", "|---|---|---|---|"]
    for r in all_rules():
        summary = " ".join(r.doc.split("\n\n")[0].split())
        kinds = "every kind" if r.kinds is None else ", ".join(sorted(k.value for k in r.kinds))
        if r.kinds is not None and len(r.kinds) > len(Kind) // 2:
            kinds = "all but " + ", ".join(sorted(k.value for k in set(Kind) - r.kinds))
        applies = kinds + (", after a claim" if r.needs_previous else "")
        rows.append(f"| {r.stage} | `{r.name}` | {applies} | {summary.replace('|', '/')} |")
    return "\n".join(rows)
