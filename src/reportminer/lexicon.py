"""Load the language knowledge shipped in ``reportminer/data`` once, check it, and freeze it.

The engine never spells a Chinese word itself: every word list, unit and numeral comes from here.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType

from .types import Kind

DATA_PACKAGE = "reportminer.data"


class LexiconError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    kind: Kind
    unit_en: str
    std_unit: str
    factor: Decimal


@dataclass(frozen=True, slots=True)
class Lexicon:
    digits: Mapping[str, int]
    small_units: Mapping[str, int]
    big_units: Mapping[str, int]
    decimal_points: frozenset[str]
    vague_digits: Mapping[str, int]
    signs: frozenset[str]
    fullwidth: Mapping[str, str]
    units: Mapping[str, Unit]
    cues: Mapping[str, Mapping[str, object]]
    glossary: Mapping[str, str]
    count_nouns: tuple[tuple[str, str], ...]  # (suffix of the counted noun, English noun), longest first
    plan_periods: Mapping[str, tuple[int, int]]

    def words(self, section: str, key: str) -> tuple[str, ...]:
        """A cue word list, longest first (so alternations built from it prefer long matches)."""
        return _longest_first(tuple(self.cues[section][key]))  # type: ignore[arg-type]


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def data_path(name: str):
    """A Traversable for a data file (used for jieba's user dictionary)."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def _no_duplicates(name: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise LexiconError(f"{name}: duplicate entry {key!r}")
        seen.add(key)


def _load_units() -> dict[str, Unit]:
    rows = list(csv.DictReader(io.StringIO(_read_text("units.csv"))))
    _no_duplicates("units.csv", [r["surface"] for r in rows])
    units = {}
    for row in rows:
        try:
            kind = Kind(row["kind"])
            factor = Decimal(row["factor"])
        except Exception as exc:  # re-raised with the entry named
            raise LexiconError(f"units.csv: bad entry {row['surface']!r}: {exc}") from exc
        if not row["unit_en"] or not row["std_unit"]:
            raise LexiconError(f"units.csv: entry {row['surface']!r} lacks unit_en or std_unit")
        units[row["surface"]] = Unit(row["surface"], kind, row["unit_en"], row["std_unit"], factor)
    return units


def _load_two_columns(name: str, key: str, value: str) -> list[tuple[str, str]]:
    rows = list(csv.DictReader(io.StringIO(_read_text(name))))
    _no_duplicates(name, [r[key] for r in rows])
    for row in rows:
        if not row[key] or not row[value]:
            raise LexiconError(f"{name}: empty field in entry {row!r}")
    return [(r[key], r[value]) for r in rows]


@cache
def load_lexicon() -> Lexicon:
    numerals = tomllib.loads(_read_text("numerals.toml"))
    cues = tomllib.loads(_read_text("cues.toml"))
    periods = {
        name: (int(span[0]), int(span[1])) for name, span in cues.get("plan_periods", {}).items()
    }
    glossary = dict(_load_two_columns("glossary.csv", "zh", "en"))
    count_nouns = sorted(_load_two_columns("count_nouns.csv", "suffix", "en"), key=lambda p: -len(p[0]))
    fullwidth = numerals["fullwidth"]
    for src, dst in fullwidth.items():
        if len(src) != 1 or len(dst) != 1:
            raise LexiconError(f"numerals.toml: fullwidth entry {src!r} must map one character to one")
    return Lexicon(
        digits=MappingProxyType(numerals["digits"]),
        small_units=MappingProxyType(numerals["small_units"]),
        big_units=MappingProxyType(numerals["big_units"]),
        decimal_points=frozenset(numerals["decimal_points"]),
        vague_digits=MappingProxyType(numerals["vague_digits"]),
        signs=frozenset(numerals["signs"]),
        fullwidth=MappingProxyType(fullwidth),
        units=MappingProxyType(_load_units()),
        cues=MappingProxyType(cues),
        glossary=MappingProxyType(glossary),
        count_nouns=tuple(count_nouns),
        plan_periods=MappingProxyType(periods),
    )
