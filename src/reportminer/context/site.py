"""What the rules read about one quantity, and what they decided."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    metric: str
    change: str
    target_cue: bool
    left_metric: str  # the metric read to the left only, for a later claim that shares it
    done_cue: bool = False  # an aspect word in the clause says it has happened: 已, 了
    clause_target_cue: bool = False  # a target word in the number's own clause (数字经济增加值预计达3.4万亿元)
