"""The English cue words (``data/en.toml``) and units (``data/en_units.csv``), typed, checked and loaded once.

The fields of ``EnglishCues`` are the schema of ``en.toml``: a key the file has and the schema lacks, or
the other way round, fails at load with one message naming both.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cache
from types import MappingProxyType

from .. import regexcache as regex

from ..lexicon import LexiconError, Unit, _read_text
from ..types import Kind


@dataclass(frozen=True, slots=True)
class EnglishCues:
    function_words: tuple[str, ...]  # the, of, and: words that tell English from other Latin-script languages
    currency_prefixes: Mapping[str, str]  # US$ → USD: a currency written before the number
    scales: Mapping[str, int]  # million, lakh crore: scale words after a number
    short_scales: Mapping[str, int]  # bn, mn, tn: abbreviations, which may be glued to the digits
    money_only_scales: tuple[str, ...]  # m, k: abbreviations that are a scale only for money
    multiple_followers: tuple[str, ...]  # those, as, higher: "N times" before them is a multiple, else occasions
    share_verbs: tuple[str, ...]  # accounted for: a percent after them is a share of what follows "of"
    back_references: tuple[str, ...]  # that of services: the head of the metric before
    result_verbs: tuple[str, ...]  # realized, achieved: "X realized a total profit of N" is X's profit
    owner_nouns: tuple[str, ...]  # province, city: "of the province" at the end of a metric is its owner
    place_prepositions: tuple[str, ...]  # in China: a place at the end of a metric
    one_words: tuple[str, ...]  # a, an: "one" before a scale word or a fraction
    fraction_denominators: Mapping[str, int]  # half, quarter: denominators that are no ordinals
    not_fractions_after: tuple[str, ...]  # first, past: the first three quarters is a time
    prefix_approx: tuple[str, ...]
    prefix_over: tuple[str, ...]
    prefix_under: tuple[str, ...]
    suffix_over: tuple[str, ...]
    suffix_approx: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    fillers: tuple[str, ...]
    target: tuple[str, ...]
    statistical_estimates: tuple[str, ...]
    earning_verbs: tuple[str, ...]
    link_words: tuple[str, ...]
    count_nouns: tuple[str, ...]
    relative_years: Mapping[str, tuple[int, int]]
    window_past_words: tuple[str, ...]  # past, last: the past four years
    window_future_words: tuple[str, ...]  # next, coming: the next three years
    base_markers: tuple[str, ...]
    base_phrase_openers: tuple[str, ...]
    year_base_markers: tuple[str, ...]  # on: up 3.8 percent on 1999 figure (a year after it is a base)  # equivalent to: a time anywhere in the phrase after it is the base's
    base_number_openers: tuple[str, ...]
    spread_not_after: tuple[str, ...]  # by, from: "by 2 percent to 7 percent" is a change and the level it reaches
    year_parts: Mapping[str, tuple[int, int]]
    months: Mapping[str, int]
    stop_words: tuple[str, ...]
    metric_trailing: tuple[str, ...]
    change_nouns: Mapping[str, str]
    generic_count_nouns: tuple[str, ...]
    per_words: Mapping[str, str]
    rank_verbs: tuple[str, ...]
    ordinals: Mapping[str, int]
    rank_scopes: tuple[str, ...]
    phrasal_up: tuple[str, ...]
    singular: Mapping[str, str]
    streak_words: tuple[str, ...]
    streak_after: tuple[str, ...]
    bullets: tuple[str, ...]
    metadata_labels: tuple[str, ...]
    year_ago: tuple[str, ...]
    previous_period_bases: tuple[str, ...]
    done_words: tuple[str, ...]
    noun_compounds: tuple[str, ...]
    not_metrics: tuple[str, ...]
    so_far: tuple[str, ...]
    until_words: tuple[str, ...]  # up to mid-December: the end of a span something lasted, no frame's narrower time
    attribution_verbs: tuple[str, ...]
    allocation_verbs: tuple[str, ...]
    compared_up: tuple[str, ...]
    compared_down: tuple[str, ...]
    comparison_bases: tuple[str, ...]
    verbs_before_number: tuple[str, ...]
    year_at_hand: tuple[str, ...]
    named_after_year: tuple[str, ...]
    figure_references: tuple[str, ...]
    enumeration_leads: tuple[str, ...]
    leading_change_nouns: tuple[str, ...]
    leading_estimates: tuple[str, ...]
    place_name_ends: tuple[str, ...]
    asides: tuple[str, ...]
    modal_verbs: tuple[str, ...]
    comparatives: Mapping[str, str]
    comparison_times: tuple[str, ...]
    index_words: tuple[str, ...]  # PMI, index: a bare decimal such a word reaches is an index level
    reach_verbs: tuple[str, ...]  # reach, top: "grew 5 percent to reach N": N is the level the change reaches
    bare_rates: tuple[str, ...]  # growth rate: alone, the rate of what the claim before measured
    conversion_links: tuple[str, ...]  # (, equivalent to: an amount in another currency after them is a conversion  # last, earlier, same period: a comparative against a time tells a change
    restatements: tuple[str, ...]
    reference_figures: tuple[str, ...]
    superlatives: tuple[str, ...]
    ratio_nouns: tuple[str, ...]
    opening_leads: tuple[str, ...]
    frequency_adjectives: tuple[str, ...]  # monthly: inside a noun phrase (the average monthly wage), no stop
    discourse_openers: tuple[str, ...]  # by contrast, meanwhile: words that open a clause, no part of an item
    list_references: tuple[str, ...]  # both, all: a subject that stands for the items just listed
    list_copulas: tuple[str, ...]
    cause_markers: tuple[str, ...]  # thanks to, due to: a time in the clause they open dates the cause
    record_firsts: tuple[str, ...]  # first, slowest: "the first decline since 2009": the time since dates nothing
    change_participles: tuple[str, ...]  # making, posting: "imports making a gain of 9.77 percent": imports moved
    forecast_participles: tuple[str, ...]  # forecast, tipped: "a 3.5% rise forecast in a Reuters poll" is a forecast  # are, include: "Among the top exports are A, B and C": the items follow them
    elaboration_openers: tuple[str, ...]  # Specifically, …: a paragraph that details the one before keeps its period
    compass_words: tuple[str, ...]
    number_of_verbs: tuple[str, ...]
    list_names: tuple[str, ...]
    named_sets: tuple[str, ...]
    not_plural_nouns: tuple[str, ...]
    money_measures: tuple[str, ...]
    review_nouns: tuple[str, ...]
    plan_nouns: tuple[str, ...]
    future_target_words: tuple[str, ...]
    movement_verbs: tuple[str, ...]
    threshold_nouns: tuple[str, ...]
    item_thresholds: tuple[str, ...]
    enumeration_markers: tuple[str, ...]
    rate_moves: tuple[str, ...]
    glued_units: tuple[str, ...]
    relative_parts: Mapping[str, tuple[int, int]]
    forecast_made_words: tuple[str, ...]
    scope_words: tuple[str, ...]
    target_benchmarks: tuple[str, ...]
    time_nouns: tuple[str, ...]
    rates_of_change: tuple[str, ...]
    abbreviations: tuple[str, ...]
    ratio_levels: tuple[str, ...]
    place_appositions: tuple[str, ...]
    figures_references: tuple[str, ...]
    level_links: tuple[str, ...]  # reached, totaled: a subject's link to the level it reached (exports reached 4.91 million vehicles)
    relative_time_words: tuple[str, ...]  # last, this: with a time noun after them they end a phrase (cargo last year)  # these figures: a sentence opening so measures the figures before, in order  # capital: ", capital of North China's Shanxi province," is an aside  # ratio: a bare decimal a ratio named before it reaches is its level (kind other, ratio)  # Fortune, S&P: a number right after them names a list (Fortune 500), no claim  # rose, exceeds: after "the number of X" a bare number they reach counts X  # east, southwest: before a place's name (in east China's Xiamen City)  # According to …, : a source named before the time that opens a sentence  # ratio, contribution: "to" after them joins the two terms (the ratio of debt to GDP)


def _frozen(value: object) -> object:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def parse_cues(source: str, name: str = "en.toml") -> EnglishCues:
    """``EnglishCues`` from the text of a TOML file; an unknown or missing key is a ``LexiconError``."""
    data = tomllib.loads(source)
    declared = {f.name for f in fields(EnglishCues)}
    unknown, missing = sorted(set(data) - declared), sorted(declared - set(data))
    if unknown or missing:
        raise LexiconError(f"{name}: unknown keys {unknown}, missing keys {missing} (schema: reportminer.en.pack.EnglishCues)")
    return EnglishCues(**{key: _frozen(value) for key, value in data.items()})


@cache
def english_cues() -> EnglishCues:
    return parse_cues(_read_text("en.toml"))


@cache
def english_units() -> Mapping[str, Unit]:
    """Lower-cased surface → unit (``percent``, ``square kilometres``, ``yuan``)."""
    rows = csv.DictReader(io.StringIO(_read_text("en_units.csv")))
    return MappingProxyType({r["surface"].lower(): Unit(r["surface"], Kind(r["kind"]), r["unit_en"], r["std_unit"],
                                                        Decimal(r["factor"])) for r in rows})


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, each escaped. (Words of one length in code order: the
    same pattern in every process, so that its compiled form is found in the cache; two different words of
    one length never match at the same place, so the order among them changes no match.)"""
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def ends_with(text: str, words) -> str | None:
    """The longest of ``words`` that ends ``text`` as a whole word (case aside), else None."""
    low = text.lower().rstrip()
    for w in sorted(words, key=len, reverse=True):
        if low.endswith(w) and (len(low) == len(w) or not low[-len(w) - 1].isalnum()):
            return w
    return None
