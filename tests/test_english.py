"""The English language pack: its schema, number words, the language guess and the warning for a
language reportminer cannot read."""

from __future__ import annotations

import warnings

import pytest

import reportminer
from reportminer.en.numbers import find_numbers
from reportminer.en.pack import _read_text, english_cues, parse_cues
from reportminer.language import UnreadableLanguageWarning, guess_lang
from reportminer.lexicon import LexiconError


def test_the_shipped_pack_loads_and_every_key_is_declared():
    cues = english_cues()
    assert cues.scales["billion"] == 10**9 and "bn" in cues.short_scales


def test_an_unknown_or_missing_key_fails_at_load_with_both_named():
    source = _read_text("en.toml")
    with pytest.raises(LexiconError, match=r"unknown keys \['colour'\]"):
        parse_cues(source + '\ncolour = ["red"]\n')
    without_scales = "\n".join(line for line in source.splitlines() if not line.startswith("scales ="))
    with pytest.raises(LexiconError, match=r"missing keys \['scales'\]"):
        parse_cues(without_scales)


@pytest.mark.parametrize("text, value", [
    ("twenty-five", 25), ("a hundred and five", 105), ("one million", 10**6), ("Seventy-two", 72),
    ("two-thirds", 2 / 3), ("a quarter", 0.25), ("three quarters", 0.75), ("half", 1), ("one trillion", 10**12), ("one fifth", 0.2),
    ("$2.5bn", 2.5e9), ("RMB3bn", 3e9), ("€40m", 4e7), ("Rs 2,86,389.27 crore", 2.8638927e12), ("-7.19", -7.19),
])
def test_numbers_as_written(text, value):
    (number,) = find_numbers(text)
    assert number.text == text and float(number.value) == pytest.approx(value)


@pytest.mark.parametrize("text", ["in 2025", "hundreds of projects", "the fifth largest",
                                  "5m of road", "from 2020 to 2025"])
def test_no_numbers(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize("text, lang", [
    ("2023年地区生产总值增长5%。", "zh"), ("GDP grew 5.3% in 2023.", "en"), ("GDP 5.3%", "en"),
    ("Le PIB a augmenté de 5 % en 2023.", ""), ("Das BIP ist 2023 um 5 % gewachsen.", ""),
    ("ВВП вырос на 5%.", ""),
])
def test_the_language_guess(text, lang):
    assert guess_lang(text) == lang


def test_extract_guesses_english_like_the_command_line():
    rows = reportminer.extract("GDP grew 5.3% in 2023.")
    assert rows[["mention", "lang", "metric", "period"]].values.tolist() == [["5.3%", "en", "GDP", "2023"]]


def test_a_language_it_cannot_read_warns_instead_of_a_silent_empty_table():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = reportminer.extract("Le PIB a augmenté de 5 % en 2023.", doc_id="fr")
    assert rows.empty
    assert [str(w.message) for w in caught if w.category is UnreadableLanguageWarning] == [
        "fr: the text is neither Chinese nor English; no claims read"]


def test_extract_takes_the_region_of_a_release(tmp_path, capsys):
    from reportminer.cli import main

    release = tmp_path / "release.txt"
    release.write_text("本年度政府收入為6888億元。", encoding="utf-8")
    assert main(["extract", str(release), "--region", "HK", "--published", "2026-02-25", "-o", str(tmp_path / "f.csv")]) == 0
    import csv

    with (tmp_path / "f.csv").open(encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["region"], row["std_unit"], row["period"]) == ("HK", "HKD", "2025-04/2026-03")


def test_the_library_takes_the_region_as_the_command_does():
    rows = reportminer.extract("本年度政府收入為6888億元。", published="2026-02-25", region="HK")
    assert rows[["region", "std_unit", "period"]].values.tolist() == [["HK", "HKD", "2025-04/2026-03"]]
    inferred = reportminer.extract("本年度政府收入為6888億元。", published="2026-02-25")
    assert inferred["std_unit"].tolist() == ["CNY"]  # nothing in the text says Hong Kong
