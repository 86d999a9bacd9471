"""Pair the claims of a Chinese text with those of its English translation.

Two claims pair when they are of the same kind, their standard values agree within the rounding of the
less precise one (1082.6亿元 ↔ 108.26 billion yuan; 1.8万户 ↔ 18,000 households), and their periods and
statuses do not contradict each other; among all such pairings the one that keeps document order and
pairs the most claims wins (a longest common subsequence). A lone Chinese claim and a lone English claim
between the same two pairs, of the same kind, period and status, are the same figure changed in
translation: a pair flagged ``changed``. ``tests/test_align.py`` holds the examples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import regexcache as regex

from .types import Claim

COLUMNS = ["zh_start", "zh_end", "zh_mention", "en_start", "en_end", "en_mention", "std_value_zh", "std_value_en",
           "status", "changed"]
_WRITTEN_NUMBER = regex.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True, slots=True)
class AlignedRow:
    zh_start: int | None
    zh_end: int | None
    zh_mention: str
    en_start: int | None
    en_end: int | None
    en_mention: str
    std_value_zh: float | None
    std_value_en: float | None
    status: str  # pair, zh_only or en_only
    changed: bool = False  # the translation states a different figure


def rounding(claim: Claim) -> float:
    """Half the step of the last digit written, in standard units: 1082.6亿元 → 0.05亿元 = 5e6 CNY; a
    number in words or numerals (两次, two times) is exact."""
    written = _WRITTEN_NUMBER.search(claim.mention)
    if written is None or claim.std_value is None or not claim.value:
        return 0.0
    number = float(written.group().replace(",", ""))
    if not number:
        return 0.0
    decimals = len(written.group(1) or "")
    return 0.5 * 10 ** -decimals * abs(claim.value / number) * abs(claim.std_value / claim.value)


def same_figure(zh: Claim, en: Claim) -> bool:
    """Equal standard values within the rounding of the less precise side, in the same kind of unit."""
    if zh.kind != en.kind or zh.std_value is None or en.std_value is None:
        return False
    tolerance = max(rounding(zh), rounding(en)) + 1e-9 * max(abs(zh.std_value), abs(en.std_value))
    return math.isclose(zh.std_value, en.std_value, abs_tol=tolerance)


def _compatible_periods(a: str, b: str) -> bool:
    """Equal, one unstated, or one inside the other (2024 ⊇ 2024-01/2024-03)."""
    if not a or not b or a == b:
        return True
    a_first, _, a_last = a.partition("/")
    b_first, _, b_last = b.partition("/")
    a_last, b_last = a_last or a_first, b_last or b_first
    return (a_first[:len(b_first)] >= b_first[:len(a_first)] and a_last[:len(b_last)] <= b_last[:len(a_last)]) or (
        b_first[:len(a_first)] >= a_first[:len(b_first)] and b_last[:len(a_last)] <= a_last[:len(b_last)])


def compatible(zh: Claim, en: Claim) -> bool:
    return same_figure(zh, en) and zh.status == en.status and _compatible_periods(zh.period, en.period)


def _pairs(zh: list[Claim], en: list[Claim]) -> list[tuple[int, int]]:
    """The longest order-keeping list of compatible (zh index, en index) pairs."""
    n, m = len(zh), len(en)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = max(below[j], row[j + 1], below[j + 1] + 1 if compatible(zh[i], en[j]) else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if compatible(zh[i], en[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _row(zh: Claim | None, en: Claim | None, status: str, changed: bool = False) -> AlignedRow:
    return AlignedRow(
        zh.start if zh else None, zh.end if zh else None, zh.mention if zh else "",
        en.start if en else None, en.end if en else None, en.mention if en else "",
        zh.std_value if zh else None, en.std_value if en else None, status, changed)


def _gap_rows(zh: list[Claim], en: list[Claim]) -> list[AlignedRow]:
    """The claims between two pairs: one of each side alike but for the figure is a changed pair."""
    if len(zh) == len(en) == 1 and zh[0].kind == en[0].kind and zh[0].status == en[0].status and (
            zh[0].period == en[0].period):
        return [_row(zh[0], en[0], "pair", changed=True)]
    return [_row(z, None, "zh_only") for z in zh] + [_row(None, e, "en_only") for e in en]


def align_claims(zh: list[Claim], en: list[Claim]) -> list[AlignedRow]:
    """Every claim of both sides once: pairs in document order, the rest as zh_only / en_only."""
    rows: list[AlignedRow] = []
    i = j = 0
    for pi, pj in _pairs(zh, en) + [(len(zh), len(en))]:
        rows.extend(_gap_rows(zh[i:pi], en[j:pj]))
        if pi < len(zh):
            rows.append(_row(zh[pi], en[pj], "pair"))
        i, j = pi + 1, pj + 1
    return rows


def aligned_frame(rows: list[AlignedRow]):
    """The alignment as a table with ``COLUMNS``."""
    import pandas as pd

    frame = pd.DataFrame([[getattr(r, c) for c in COLUMNS] for r in rows], columns=COLUMNS)
    for column in ("zh_start", "zh_end", "en_start", "en_end"):
        frame[column] = frame[column].astype("Int64")
    frame["changed"] = frame["changed"].astype(int)
    return frame

