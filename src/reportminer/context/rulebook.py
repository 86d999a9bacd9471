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

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from ..lexicon import data_path
from ..types import Kind

Examples = Mapping[str, Mapping[str, Mapping[str, str]]]
Decide = TypeVar("Decide", bound=Callable)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # "<stage>.<what it does>", unique, shown by --explain
    stage: str
    decide: Callable
    doc: str
    kinds: frozenset[Kind] | None = None  # the kinds of quantity the rule applies to (None: every kind)
    needs_previous: bool = False  # the rule reads the claim before, so it passes on a sentence's first

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
         needs_previous: bool = False) -> Callable[[Decide], Decide]:
    """Register ``decide`` as rule ``name``; its stage is the part of the name before the last dot.
    ``summary`` describes the rule when one function decides for several rules (else its docstring).
    ``kinds`` and ``needs_previous`` are part of its condition: the runner tries the rule only on those
    kinds of quantity, and only after another claim of the sentence."""
    stage = name.rsplit(".", 1)[0]
    if stage not in RULES:
        raise ValueError(f"rule {name}: unknown stage {stage}")
    if any(r.name == name for rules in RULES.values() for r in rules):
        raise ValueError(f"rule {name}: registered twice")

    def register(decide: Decide) -> Decide:
        RULES[stage].append(Rule(name, stage, decide, summary or (decide.__doc__ or "").strip(), kinds,
                                 needs_previous))
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


@cache
def _staged(kind: Kind, has_previous: bool) -> tuple[tuple[tuple[str, Callable], ...], ...]:
    """The stages' rules that apply to a quantity of ``kind`` as (name, decide) pairs, in order (read
    after every rule registered)."""
    return tuple(tuple((r.name, r.decide) for r in RULES[stage]
                       if (r.kinds is None or kind in r.kinds) and (has_previous or not r.needs_previous))
                 for stage in STAGES)


def run_stages(site, draft):
    """Run every stage on ``draft``: in each, the first rule that answers wins."""
    for stage in _staged(site.q.kind, site.previous is not None):
        for name, decide in stage:
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
