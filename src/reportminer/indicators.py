"""Standard indicators: which claims state GDP, its growth, the CPI, new urban jobs… whatever the text
calls them (地区生产总值, 生产总值, GDP, 经济总量 are one indicator).

The indicators are data (``data/indicators.csv``, one row each: id, Chinese name, synonyms, a pattern
for the metrics that name it, official English name, expected kind, level or growth); the words the
matcher reads around a metric are in ``data/indicator_rules.toml``. A claim matches an indicator when an
item of its metric is one of the indicator's names (or its pattern matches the whole item), its kind
is one the indicator expects, and it states what the indicator measures: a growth indicator needs a
change or a growth word (增速) and a percent; a level indicator a number that is no change, or the level
a change reaches (提高到…).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from . import regexcache as regex

from .cache import parsed_toml
from .errors import UserError
from .types import Claim, Kind

DATA_PACKAGE = "reportminer.data"
INDICATORS_FILE = "indicators.csv"
RULES_FILE = "indicator_rules.toml"
COLUMNS = ["id", "name_zh", "synonyms", "pattern", "name_en", "kind", "measure", "growth_of", "category"]
MEASURES = {"level", "growth"}
GROWTH_KINDS = frozenset({Kind.PERCENT.value})
_ID = regex.compile(r"^[a-z][a-z0-9_]*$")


class IndicatorDataError(UserError):
    """indicators.csv or indicator_rules.toml breaks its schema."""


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    kinds: frozenset[str]
    measure: str  # "level" or "growth"
    growth_of: str  # for a growth indicator, the level indicator whose growth it is (may be empty)
    category: str
    names: frozenset[str]
    pattern: regex.Pattern | None

    def names_item(self, item: str) -> bool:
        """The item is one of this indicator's own names or its pattern matches the whole item."""
        return item in self.names or bool(self.pattern and self.pattern.fullmatch(item))


@dataclass(frozen=True, slots=True)
class Rules:
    separators: regex.Pattern
    growth_suffix: regex.Pattern
    level_reach: regex.Pattern
    measure_suffix: regex.Pattern
    reach_window: int
    ordinal_lists: tuple[tuple[str, tuple[str, ...]], ...]  # collective word → its parts in order


@dataclass(frozen=True, slots=True)
class Catalogue:
    indicators: tuple[Indicator, ...]
    by_id: dict[str, Indicator]
    growth_of: dict[str, tuple[Indicator, ...]]  # level id → its growth indicators
    rules: Rules
    names: frozenset[str] = frozenset()  # every indicator's own names
    any_pattern: regex.Pattern | None = None  # every indicator's pattern in one alternation

    memo: dict[str, tuple[Indicator, ...]] = field(default_factory=dict, compare=False, repr=False)
    # (metric, kind, reading) → its Match: what match_claim decides after the claim's reading
    matches: dict[tuple[str, str, bool | None], Match] = field(default_factory=dict, compare=False, repr=False)

    def may_name(self, item: str) -> bool:
        """False when no indicator can name ``item``: one test before trying them one by one (most
        metrics name none, and 200 patterns each cost time)."""
        return item in self.names or bool(self.any_pattern and self.any_pattern.fullmatch(item))

    def naming(self, item: str) -> tuple[Indicator, ...]:
        """The indicators that name ``item`` (memoised: the same metrics recur across reports)."""
        if item not in self.memo:
            self.memo[item] = tuple(i for i in self.indicators if i.names_item(item)) if self.may_name(item) else ()
        return self.memo[item]


def _indicator(row: dict[str, str], line: int) -> Indicator:
    where = f"{INDICATORS_FILE}: line {line}"
    if not _ID.match(row["id"] or ""):
        raise IndicatorDataError(f"{where}: id {row['id']!r} is not snake_case")
    if row["measure"] not in MEASURES:
        raise IndicatorDataError(f"{where}: measure must be level or growth, not {row['measure']!r}")
    kinds = frozenset(row["kind"].split("|"))
    unknown = kinds - {k.value for k in Kind}
    if unknown:
        raise IndicatorDataError(f"{where}: unknown kind {', '.join(sorted(unknown))}")
    if not row["name_zh"] or not row["name_en"]:
        raise IndicatorDataError(f"{where}: name_zh and name_en are required")
    try:
        pattern = regex.compile(row["pattern"]) if row["pattern"] else None
    except regex.error as exc:
        raise IndicatorDataError(f"{where}: bad pattern ({exc})") from None
    names = frozenset([row["name_zh"], *filter(None, row["synonyms"].split("|"))])
    return Indicator(row["id"], row["name_zh"], row["name_en"], kinds, row["measure"], row["growth_of"],
                     row["category"], names, pattern)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _rules(data: dict) -> Rules:
    reach = _alternation(data["level_reach_words"])
    qualifiers = _alternation(data["level_reach_qualifiers"])
    window = int(data["level_reach_window"])
    return Rules(
        separators=regex.compile(_alternation(data["list_separators"])),
        growth_suffix=regex.compile(f"(?:{_alternation(data['growth_suffixes'])})$"),
        # (a year between the word and the number: 提高到2025年的14万元, 从2020年的10.5万元)
        level_reach=regex.compile(f"(?:{reach})(?:\\d{{4}}年(?:末|底)?的?)?\\s*(?:{qualifiers})?\\s*$"),
        measure_suffix=regex.compile(f"(?:{_alternation(data['measure_suffixes'])})$"),
        reach_window=window,
        ordinal_lists=tuple((entry[0], tuple(entry[1:])) for entry in data["ordinal_lists"]),
    )


def _read(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def parse_catalogue(csv_text: str, rules_text: str) -> Catalogue:
    """Build the catalogue from the two files' text; raises IndicatorDataError on a schema break."""
    reader = csv.DictReader(io.StringIO(csv_text))
    if reader.fieldnames != COLUMNS:
        raise IndicatorDataError(f"{INDICATORS_FILE}: columns must be {','.join(COLUMNS)}")
    indicators = tuple(_indicator(row, n) for n, row in enumerate(reader, start=2))
    by_id = {i.id: i for i in indicators}
    if len(by_id) != len(indicators):
        raise IndicatorDataError(f"{INDICATORS_FILE}: duplicate id")
    growth: dict[str, list[Indicator]] = {}
    for ind in indicators:
        if ind.growth_of:
            base = by_id.get(ind.growth_of)
            if base is None or base.measure != "level" or ind.measure != "growth":
                raise IndicatorDataError(f"{INDICATORS_FILE}: {ind.id}: growth_of must name a level indicator")
            growth.setdefault(base.id, []).append(ind)
    rules = _rules(parsed_toml(rules_text))
    names = frozenset(name for ind in indicators for name in ind.names)
    patterns = [f"(?:{ind.pattern.pattern})" for ind in indicators if ind.pattern is not None]
    any_pattern = regex.compile("|".join(patterns)) if patterns else None
    return Catalogue(indicators, by_id, {k: tuple(v) for k, v in growth.items()}, rules, names, any_pattern)


@cache
def load_catalogue() -> Catalogue:
    """The shipped catalogue, read once."""
    return parse_catalogue(_read(INDICATORS_FILE), _read(RULES_FILE))


def metric_items(metric: str, rules: Rules) -> list[str]:
    """The measures a metric names: the whole metric, or its list items when it lists several."""
    items = [part.strip() for part in rules.separators.split(metric)]
    return [metric] if len(items) < 2 else [i for i in items if i]


def reaches_level(sentence: str, mention: str, rules: Rules) -> bool:
    """A reach word (到, 至, 达…) stands right before the mention: a change states the level reached.
    (The mention's first occurrence in its sentence: a claim row carries no offset into its sentence.)"""
    at = sentence.find(mention)
    return at > 0 and bool(rules.level_reach.search(sentence[max(0, at - rules.reach_window):at]))


@dataclass(frozen=True, slots=True)
class Match:
    """The indicators a claim states, and the official English of its metric when every item of the
    metric is an indicator's (else "", and the glossary's English stays)."""

    indicators: tuple[Indicator, ...]
    metric_en: str
    read_as_part: bool = False  # the metric names ordered parts and this claim is read as one (三次产业 → 第一产业)

    @property
    def ids(self) -> str:
        return ";".join(i.id for i in self.indicators)

    @property
    def names_en(self) -> str:
        return "; ".join(i.name_en for i in self.indicators)


NO_MATCH = Match((), "")


def _growth_matches(item: str, base: str, has_suffix: bool, catalogue: Catalogue) -> list[tuple[Indicator, str]]:
    """Growth indicators an item names: directly (经济增长, 居民消费价格) or through the level it grows."""
    found = []
    for level in catalogue.naming(base):
        if level.measure == "level":
            english = None if has_suffix else level.name_en  # 地区生产总值 (增长6%) reads as the level's name
            found.extend((g, english or g.name_en) for g in catalogue.growth_of.get(level.id, ()))
    found += [(i, i.name_en) for i in catalogue.naming(item) if i.measure == "growth"]
    return found


def _item_matches(item: str, kind: str, growth: bool | None, catalogue: Catalogue) -> list[tuple[Indicator, str]]:
    """The indicators one item names; an item ending in a size word (规模) is tried again without it."""
    found = _item_matches_as_written(item, kind, growth, catalogue)
    bare = catalogue.rules.measure_suffix.sub("", item)
    if not found and bare and bare != item:
        found = _item_matches_as_written(bare, kind, growth, catalogue)
    return found


def _item_matches_as_written(item: str, kind: str, growth: bool | None,
                             catalogue: Catalogue) -> list[tuple[Indicator, str]]:
    suffix = catalogue.rules.growth_suffix.search(item)
    base = item[: suffix.start()] if suffix and suffix.start() else item
    has_suffix = base != item
    if growth is None:  # the claim's own reading: a rate of change unless it states a level
        return []
    if growth or has_suffix:
        if not growth:
            return []  # 增速 named, but the number is no rate of change (a standing, a margin in pp)
        found = _growth_matches(item, base, has_suffix, catalogue)
    else:
        found = [(i, i.name_en) for i in catalogue.naming(item) if i.measure == "level"]
    return [(i, en) for i, en in found if kind in i.kinds]


def claim_reading(kind: str, change: str, sentence: str, mention: str, metric: str,
                  catalogue: Catalogue) -> bool | None:
    """True: the number is a rate of growth; False: a level; None: an amount of change (增加100家), which
    no indicator measures."""
    suffix = catalogue.rules.growth_suffix.search(metric)
    reached = bool(change) and reaches_level(sentence, mention, catalogue.rules)
    if kind in GROWTH_KINDS and (suffix or (change and not reached)):
        return True
    if not change or reached:
        return False
    return None


def match_claim(metric: str, kind: str, change: str, sentence: str = "", mention: str = "",
                catalogue: Catalogue | None = None) -> Match:
    """The standard indicators a claim states (several when its metric lists several measures)."""
    if not metric:
        return NO_MATCH
    catalogue = catalogue or load_catalogue()
    growth = claim_reading(kind, change, sentence, mention, metric, catalogue)
    key = (metric, kind, growth)
    if key not in catalogue.matches:  # (memoised: the same metrics recur across reports)
        catalogue.matches[key] = _match_reading(metric, kind, growth, catalogue)
    return catalogue.matches[key]


def _match_reading(metric: str, kind: str, growth: bool | None, catalogue: Catalogue) -> Match:
    """The indicators a metric names, read as a rate of growth (True), a level (False) or neither."""
    chosen: dict[str, Indicator] = {}
    english: list[str] = []
    whole = _item_matches(metric, kind, growth, catalogue)  # a name with 和 in it (软件和信息技术服务业…)
    items = [metric] if whole else metric_items(metric, catalogue.rules)
    for item in items:
        found = _item_matches(item, kind, growth, catalogue)
        for indicator, _ in found:
            chosen.setdefault(indicator.id, indicator)
        if found:
            english.append(found[0][1])
    if not chosen:
        return NO_MATCH
    return Match(tuple(chosen.values()), ", ".join(english) if len(english) == len(items) else "")


def _part_of_list(metric: str, position: int, size: int, rules: Rules) -> str:
    """三次产业增加值 as the 2nd of 3 claims → 第二产业增加值; else the metric unchanged."""
    for collective, parts in rules.ordinal_lists:
        if collective in metric and len(parts) == size:
            return metric.replace(collective, parts[position], 1)
    return metric


def claims_indicators(claims: list[Claim], catalogue: Catalogue | None = None) -> list[Match]:
    """The indicators of each claim, in order. Claims of one sentence that share a metric naming ordered
    parts (三次产业) are read as those parts in turn when there are as many claims as parts."""
    catalogue = catalogue or load_catalogue()
    groups: dict[tuple[str, str, str], list[int]] = {}
    for n, claim in enumerate(claims):
        groups.setdefault((claim.doc_id, claim.sentence, claim.metric), []).append(n)
    metrics = [claim.metric for claim in claims]
    for members in groups.values():
        for position, n in enumerate(members):
            metrics[n] = _part_of_list(claims[n].metric, position, len(members), catalogue.rules)
    matches = [match_claim(metric, c.kind, c.change, c.sentence, c.mention, catalogue)
               for metric, c in zip(metrics, claims)]
    return [replace(m, read_as_part=True) if metric != c.metric and m.indicators else m
            for m, metric, c in zip(matches, metrics, claims)]
