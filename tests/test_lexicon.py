"""The shipped language data: well-formed, without duplicates, and consistent with itself."""

from __future__ import annotations

import csv
import io
import tomllib
from decimal import Decimal
from importlib import resources

from reportminer.lexicon import load_lexicon
from reportminer.types import Kind

DATA = resources.files("reportminer.data")
STD_UNITS = {
    Kind.MONEY: None, Kind.AREA: {"m2"}, Kind.LENGTH: {"m"}, Kind.VOLUME: {"m3"}, Kind.MASS: {"kg"},
    Kind.ENERGY: {"kWh"}, Kind.POWER: {"kW"}, Kind.PERCENT: {"%"}, Kind.PERCENTAGE_POINT: {"pp"},
    Kind.DURATION: {"days", "s"},
}


def _csv(name):
    return list(csv.DictReader(io.StringIO(DATA.joinpath(name).read_text(encoding="utf-8"))))


def test_units_table_is_consistent():
    lex = load_lexicon()
    assert len(lex.units) > 100
    for surface, unit in lex.units.items():
        assert unit.factor > 0, surface
        allowed = STD_UNITS.get(unit.kind)
        if allowed:
            assert unit.std_unit in allowed, f"{surface}: {unit.kind} in {unit.std_unit}"
        if unit.kind == Kind.MONEY:
            currency = unit.std_unit.split("/")[0]
            assert currency.isupper() and len(currency) == 3, surface
        if unit.kind == Kind.COUNT:
            assert unit.std_unit == unit.unit_en, surface


def test_units_surfaces_are_unique():
    surfaces = [row["surface"] for row in _csv("units.csv")]
    assert len(surfaces) == len(set(surfaces))


def test_area_factor_is_the_schema_one():
    assert load_lexicon().units["亩"].factor == Decimal("666.6667")


def test_numerals_cover_digits_and_magnitudes():
    lex = load_lexicon()
    assert {lex.digits[c] for c in "零一二三四五六七八九"} == set(range(10))
    assert lex.digits["两"] == 2 and lex.small_units["千"] == 1000 and lex.big_units["亿"] == 10**8
    assert all(len(k) == 1 and len(v) == 1 for k, v in lex.fullwidth.items())


def test_cue_lists_have_no_duplicates_and_no_empty_words():
    cues = tomllib.loads(DATA.joinpath("cues.toml").read_text(encoding="utf-8"))
    for section, entries in cues.items():
        for key, words in entries.items():
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                assert all(words), f"{section}.{key} has an empty word"
                assert len(words) == len(set(words)), f"{section}.{key} repeats a word"


def test_glossary_and_count_nouns_are_unique_and_complete():
    for name, key in (("glossary.csv", "zh"), ("count_nouns.csv", "suffix")):
        rows = _csv(name)
        keys = [r[key] for r in rows]
        assert len(keys) == len(set(keys)), name
        assert all(r[key] and r["en"] for r in rows), name


def test_user_dictionary_lines_have_word_frequency_and_tag():
    for line in DATA.joinpath("userdict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        assert word and int(freq) > 0 and tag.isalpha(), line


def test_plan_periods_are_five_years():
    for name, (first, last) in load_lexicon().plan_periods.items():
        assert last - first == 4, name


def test_english_units_are_unique_and_valid():
    rows = _csv("en_units.csv")
    surfaces = [r["surface"].lower() for r in rows]
    assert len(surfaces) == len(set(surfaces))
    for row in rows:
        kind = Kind(row["kind"])
        assert Decimal(row["factor"]) > 0, row["surface"]
        allowed = STD_UNITS.get(kind)
        if allowed:
            assert row["std_unit"] in allowed, row["surface"]


def test_currency_signs_name_known_money_units():
    lex = load_lexicon()
    for sign, unit in lex.cues["number"]["currency_signs"].items():
        assert lex.units[unit].kind == Kind.MONEY, sign
