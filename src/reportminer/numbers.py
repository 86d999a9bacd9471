"""The number layer: every numeral in a text, with its value, before any unit is considered.

Arabic digits (with thousands commas, full-width forms and a decimal point), Chinese numerals
(三千五百, 十八点二三, 两, 〇), mixed forms (2.3万, 1100余万, 1.5万亿) and bare magnitudes (万亿) are found
by one regex built from the lexicon's character tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from .lexicon import Lexicon, load_lexicon
from .numerals import arabic_value, chinese_value, multiplier_value
from .types import NumberMatch


@dataclass(frozen=True, slots=True)
class NumberPatterns:
    number: regex.Pattern[str]


def _char_class(chars) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


@cache
def number_patterns() -> NumberPatterns:
    lex = load_lexicon()
    digit = _char_class(lex.digits)
    small = _char_class(lex.small_units)
    big = _char_class(lex.big_units)
    point = _char_class(lex.decimal_points)
    fw_digits = "".join(k for k, v in lex.fullwidth.items() if v.isdigit())
    fw_point = "".join(k for k, v in lex.fullwidth.items() if v == ".")
    ad = f"[0-9{fw_digits}]"
    # A magnitude after Arabic digits is a multiplier unless it starts a unit (千米, 千瓦, 兆瓦, 百分之).
    def not_unit(chars) -> str:
        heads = sorted({u[1:] for u in lex.units if u[:1] in chars and len(u) > 1} | {"分之"}, key=len, reverse=True)
        return "(?!" + "|".join(regex.escape(u) for u in heads) + ")"

    big_multiplier = "(?:" + "|".join(regex.escape(c) + not_unit(c) for c in sorted(lex.big_units)) + ")"
    inner = "|".join(regex.escape(w) for w in lex.words("qualifier", "inner_over"))
    pattern = rf"""
        (?P<arabic>
            {ad}{{1,3}}(?:,[0-9]{{3}})+(?![0-9])      # 1,082,600 (ASCII commas only: 1，2 is a list)
            (?:[.{fw_point}]{ad}+)?
          | {ad}+(?:[.{fw_point}]{ad}+)?               # 1082.6
        )
        (?P<inner>{inner})?                            # 1100余万
        (?P<mult>
            (?:{small}(?={big}))?{big_multiplier}+     # 万, 亿, 千万, 万亿 (not 兆瓦)
          | {small}{not_unit(lex.small_units)}(?!{small})  # 3千 but not 3千米
        )?
      | (?P<chinese>
            (?:{digit}|{small}|{big})+                 # 三千五百, 两, 万亿
            (?:{point}{digit}+{big}*)?                 # 十八点二三, 一点五万
        )
        (?:(?P<cinner>{inner})(?P<cmult>{big}+))?      # 二十多万
    """
    return NumberPatterns(number=regex.compile(pattern, regex.VERBOSE))


def scan_numbers(text: str, lex: Lexicon | None = None) -> list[NumberMatch]:
    """Every numeral in ``text``, left to right, non-overlapping."""
    lex = lex or load_lexicon()
    found = []
    for m in number_patterns().number.finditer(text):
        if m.group("arabic"):
            value = arabic_value(m.group("arabic"), lex)
            if m.group("mult"):
                value *= multiplier_value(m.group("mult"), lex)
            found.append(
                NumberMatch(m.start(), m.end(), value, True, False, over=bool(m.group("inner")))
            )
        else:
            surface = m.group("chinese")
            has_digit = any(ch in lex.digits for ch in surface)
            if not has_digit and all(ch in lex.decimal_points for ch in surface):
                continue
            value = chinese_value(surface, lex)
            if m.group("cmult"):
                value *= multiplier_value(m.group("cmult"), lex)
            found.append(NumberMatch(m.start(), m.end(), value, has_digit, True, over=bool(m.group("cinner"))))
    return found


def _as_float(value: Decimal) -> float:
    return float(value)
