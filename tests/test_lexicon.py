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


# ---------------------------------------------------------------------------------------------------
# The schema of cues.toml (lexicon.Cues): unknown or missing keys fail at load with one clear message.

import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import reportminer  # noqa: E402
from reportminer.lexicon import LexiconError, UNIT_COLUMNS, _unit, parse_cues  # noqa: E402

CUES_TEXT = DATA.joinpath("cues.toml").read_text(encoding="utf-8")
SRC = Path(reportminer.__file__).parent


def _with_line(text: str, section: str, line: str) -> str:
    """``text`` with ``line`` added as the first entry of ``[section]``."""
    return text.replace(f"\n[{section}]\n", f"\n[{section}]\n{line}\n", 1)


def test_the_shipped_cues_load_into_the_schema():
    cues = parse_cues(CUES_TEXT)
    assert "力争" in cues.status.target and cues.label.quote_max_chars == 16
    assert cues.plan_periods["十四五"] == (2021, 2025)


def test_an_unknown_key_fails_naming_file_section_and_key():
    text = _with_line(CUES_TEXT, "status", 'targte = ["力促"]')
    with pytest.raises(LexiconError, match=r"^cues\.toml: \[status\]: unknown key 'targte'"):
        parse_cues(text)


def test_a_missing_key_fails_naming_file_section_and_key():
    text = re.sub(r"\nestimate = \[[^\n]*\]\n", "\n", CUES_TEXT, count=1)
    assert text != CUES_TEXT
    with pytest.raises(LexiconError, match=r"^cues\.toml: \[status\]: missing key 'estimate'"):
        parse_cues(text)


def test_an_unknown_or_missing_section_fails():
    with pytest.raises(LexiconError, match=r"unknown section \[statsu\]"):
        parse_cues(CUES_TEXT + '\n[statsu]\ntarget = ["力促"]\n')
    without_rank = re.sub(r"\n\[rank\]\n(?:[^\[\n][^\n]*\n|\n)*", "\n", CUES_TEXT, count=1)
    with pytest.raises(LexiconError, match=r"missing section \[rank\]"):
        parse_cues(without_rank)


def test_a_value_of_the_wrong_type_fails():
    text = CUES_TEXT.replace("quote_max_chars = 16", 'quote_max_chars = "16"')
    with pytest.raises(LexiconError, match=r"\[label\]\.quote_max_chars: expected int"):
        parse_cues(text)


# ---------------------------------------------------------------------------------------------------
# [roles]: a word with several roles is declared once.

def _raw_word_lists() -> dict[str, list[str]]:
    raw = tomllib.loads(CUES_TEXT)
    return {f"{s}.{k}": v for s, entries in raw.items() if s not in ("roles", "implies")
            for k, v in entries.items() if isinstance(v, list) and all(isinstance(w, str) for w in v)}


def test_no_word_is_spelled_in_two_lists():
    seen: dict[str, str] = {}
    for role, words in _raw_word_lists().items():
        for word in words:
            assert word not in seen, f"{word!r} is in {seen[word]} and {role}: declare it once in [roles]"
            seen[word] = role


def test_roles_name_real_lists_and_are_expanded():
    raw, cues = tomllib.loads(CUES_TEXT), load_lexicon().cues
    lists = _raw_word_lists()
    for word, roles in raw["roles"].items():
        assert len(roles) >= 2, word
        assert not any(word in lists[role] for role in roles), word
        for role in roles:
            section, key = role.split(".")
            assert word in cues[section][key], (word, role)


def test_a_word_both_in_roles_and_in_a_list_fails():
    text = _with_line(CUES_TEXT, "roles", '"力促" = ["status.target", "status.stretch"]')
    assert "力促" in parse_cues(text).metric_lead.words  # a new word: fine, and [implies] adds its edge role
    text = CUES_TEXT.replace('"力争" = ["status.target", ', '"力争" = ["status.target", "metric_lead.words", ')
    assert text != CUES_TEXT
    with pytest.raises(LexiconError, match=r"'力争' is already in 'metric_lead.words'; declare it once"):
        parse_cues(text)  # metric_lead.words comes with status.target through [implies]


def test_roles_must_name_word_lists():
    text = _with_line(CUES_TEXT, "roles", '"力促" = ["status.target", "status.nonsense"]')
    with pytest.raises(LexiconError, match=r"'status.nonsense', which is no word list"):
        parse_cues(text)


TARGET_WORDS = tomllib.loads(CUES_TEXT)["status"]["target"] + [
    w for w, roles in tomllib.loads(CUES_TEXT)["roles"].items() if "status.target" in roles]


def test_every_target_word_is_also_a_metric_lead_word():
    cues = load_lexicon().cues
    for word in TARGET_WORDS:
        assert word in cues["status"]["target"] and word in cues["metric_lead"]["words"], word


# Known exceptions, each with its reason (strict: a fix makes the case fail until it is taken off).
_EDGE_XFAIL = {
    ("lead", "目标为"): "jieba reads 目标/为 and the lead is stripped per word: 为地区生产总值",
    ("trail", "计划"): "计划 is also a noun at a metric's end (地区生产总值占计划的98%), so it has no trailing role",
}
_EDGE_TEMPLATES = {"lead": "2026年{w}地区生产总值增长5%。", "trail": "2026年，地区生产总值{w}增长5%。",
                   "count": "全市{w}新建学校12所。"}


def _edge_cases():
    for edge, template in _EDGE_TEMPLATES.items():
        for word in TARGET_WORDS:
            reason = _EDGE_XFAIL.get(("lead" if edge == "count" else edge, word))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(template, word, marks=marks, id=f"{edge}-{word}")


@pytest.mark.parametrize(("template", "word"), list(_edge_cases()))
def test_a_target_word_makes_a_target_and_stays_out_of_the_metric(template, word):
    """The link [implies] makes: one line in [status].target and the word is never glued to the metric
    (力促 was: status target, metric 力促地区生产总值, because a second list also had to change)."""
    facts = reportminer.extract(template.format(w=word), published="2026-01-20")
    assert len(facts) == 1
    metric = facts["metric"].iloc[0]
    assert facts["status"].iloc[0] == "target"
    assert metric in ("地区生产总值", "新建学校"), metric
    assert not metric.startswith(word) and not metric.endswith(word), metric


# ---------------------------------------------------------------------------------------------------
# units.csv: everything about a unit on its line; the old [units] lists derived from the columns.

def test_unit_columns_are_the_schema():
    assert tuple(_csv("units.csv")[0]) == UNIT_COLUMNS


def test_a_bad_unit_role_fails_naming_the_entry():
    row = {"surface": "只", "kind": "count", "unit_en": "item", "std_unit": "item", "factor": "1",
           "role": "genric", "only_after": "", "multiplied_as": "", "note": ""}
    with pytest.raises(LexiconError, match=r"units\.csv: entry '只': role must be one of"):
        _unit(row)


def test_unit_lists_are_derived_from_the_columns():
    units = load_lexicon().cues["units"]
    assert {"个", "项", "家"} <= set(units["generic_classifiers"])
    assert units["place_classifiers"] == ("位",)
    assert set(units["attribute_units"]) == {"岁", "周岁", "平方呎", "方呎"}  # (ages; a Hong Kong flat size names a class of flats)
    assert set(units["arabic_only"]) == {"方", "门", "分", "份", "班"} and set(units["streak_only"]) == {"届", "月"}
    assert units["multiplied_as"]["度"] == "度电"
    for surface, unit in load_lexicon().units.items():
        if unit.role in ("generic", "place"):
            assert unit.kind == Kind.COUNT, surface


def test_unit_behaviour_reads_from_the_columns():
    """A unit's role columns change what is read: 四方 is four parties, 100门 a count; 二十届 is a name."""
    assert reportminer.extract("各方共同努力，四方合作。").empty
    assert not reportminer.extract("累计建成100门课程。").empty
    assert reportminer.extract("党的二十届四中全会召开。").empty
    assert not reportminer.extract("连续12届获评全国文明城市。").empty
    assert reportminer.extract("这项工作十分重要。").empty  # 分 is a score only after Arabic digits
    assert reportminer.extract("综合判断分数为38分。")["unit_en"].tolist() == ["point"]


# ---------------------------------------------------------------------------------------------------
# Every key the engine reads exists (a merge of code and data cannot leave a reader behind).

_READS = (r'words\(\s*"(\w+)",\s*"(\w+)"\s*\)', r'cues\[\s*"(\w+)"\s*\]\[\s*"(\w+)"\s*\]')


def test_every_key_the_code_reads_is_in_the_lexicon():
    cues = load_lexicon().cues
    read = {pair for path in SRC.rglob("*.py") for pattern in _READS
            for pair in re.findall(pattern, path.read_text(encoding="utf-8"))}
    assert len(read) > 50
    missing = sorted(f"{s}.{k}" for s, k in read if k not in cues.get(s, {}))
    assert not missing, missing
