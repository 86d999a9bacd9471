"""The region a report comes from (``CN``, ``TW``, ``HK``, ``MO``): given by the manifest or ``--region``,
else inferred from the words that tell it (agency names, currency words, ROC dates). The region decides
the currency of a bare 元 and whether years are written in the ROC calendar (112年 = 2023).

>>> infer_region("主计总处今日公布，112年第2季经济成长率为1.36%。"), infer_region("2023年地区生产总值增长5%。")
('TW', 'CN')
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from types import MappingProxyType

from . import regexcache as regex

from .fold import fold
from .lexicon import LexiconError, _read_text
from .types import Claim

DEFAULT_REGION = "CN"
# A ROC year as Taiwan writes it: 112年, 民國112年 (Gregorian 2023); three digits, 1 to 1xx.
_ROC_YEAR = regex.compile(r"(?<!\d)1[0-2]\d年")
_SAMPLE = 20000


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    currency: str  # ISO code of a bare 元
    currency_en: str  # its English name (unit_en)
    roc_calendar: bool  # years written as ROC years (112年 = 2023)
    fiscal_years: bool  # financial years from April written 2021/22 (Hong Kong)
    signs: tuple[str, ...]  # words that tell the region


def parse_regions(source: str, name: str = "regions.toml") -> Mapping[str, Region]:
    declared = {f.name for f in fields(Region)}
    regions = {}
    for code, table in tomllib.loads(source).items():
        unknown, missing = sorted(set(table) - declared), sorted(declared - set(table))
        if unknown or missing:
            raise LexiconError(f"{name}: [{code}] unknown keys {unknown}, missing keys {missing} (schema: reportminer.region.Region)")
        regions[code] = Region(**{**table, "signs": tuple(table["signs"])})
    if DEFAULT_REGION not in regions:
        raise LexiconError(f"{name}: the default region [{DEFAULT_REGION}] is missing")
    return MappingProxyType(regions)


@cache
def regions() -> Mapping[str, Region]:
    return parse_regions(_read_text("regions.toml"))


def region(code: str) -> Region:
    """The region of a code; an unknown code is a ValueError naming the codes there are."""
    try:
        return regions()[code or DEFAULT_REGION]
    except KeyError:
        raise ValueError(f"unknown region {code!r} (one of {', '.join(regions())})") from None


def infer_region(text: str) -> str:
    """The region whose signs occur most often in the text (ROC years count for Taiwan), else CN."""
    sample = fold(text[:_SAMPLE])
    scores = {code: sum(sample.count(sign) for sign in r.signs) for code, r in regions().items()}
    scores["TW"] = scores.get("TW", 0) + len(_ROC_YEAR.findall(sample))
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] > 0 else DEFAULT_REGION


def with_regional_currency(claim: Claim, code: str) -> Claim:
    """A bare 元 is the region's currency (Taiwan's 元 is the New Taiwan dollar, Hong Kong's the Hong Kong
    dollar, Macau's the pataca); a currency named outright (人民币, 美元, 港元) keeps its own
    (``tests/test_region.py``)."""
    place = region(code)
    bare = claim.kind == "money" and claim.std_unit.split("/")[0] == "CNY" and claim.unit.split("/")[0] in _BARE_YUAN
    if not bare or place.currency == "CNY":
        # (a claim is made with the default region: most need no copy)
        return claim if claim.region == (code or DEFAULT_REGION) else claim._replace(region=code or DEFAULT_REGION)
    rest = claim.std_unit[len("CNY"):]
    unit_en = place.currency_en + claim.unit_en[len("yuan"):] if claim.unit_en.startswith("yuan") else claim.unit_en
    return claim._replace(std_unit=place.currency + rest, unit_en=unit_en, region=code)


_BARE_YUAN = ("元", "")

