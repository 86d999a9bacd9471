"""Values of numerals as written: Chinese (三千五百, 十八点二三, 一万二), Arabic (1,082.6; full-width
１２３．５) and mixed (2.3万, 1.5万亿). Pure functions over strings; the character tables come from the
lexicon.

>>> chinese_value("三千五百")
Decimal('3500')
>>> chinese_value("十八点二三")
Decimal('18.23')
>>> chinese_value("一万二")
Decimal('12000')
>>> chinese_value("三亿五千万")
Decimal('350000000')
>>> chinese_value("二〇二三")
Decimal('2023')
>>> arabic_value("１,０８２.６")
Decimal('1082.6')
>>> multiplier_value("万亿")
Decimal('1000000000000')
"""

from __future__ import annotations

from decimal import Decimal

from .lexicon import Lexicon, load_lexicon


def arabic_value(text: str, lex: Lexicon | None = None) -> Decimal:
    """Value of Arabic digits with optional thousands commas and a decimal point."""
    lex = lex or load_lexicon()
    ascii_text = "".join(lex.fullwidth.get(ch, ch) for ch in text)
    return Decimal(ascii_text.replace(",", "").replace(" ", ""))


def multiplier_value(text: str, lex: Lexicon | None = None) -> Decimal:
    """Product of a chain of magnitude characters: 万 → 1e4, 千万 → 1e7, 万亿 → 1e12."""
    lex = lex or load_lexicon()
    value = Decimal(1)
    for ch in text:
        value *= lex.small_units.get(ch) or lex.big_units[ch]
    return value


def _digit_string_value(text: str, lex: Lexicon) -> Decimal:
    """Digits read one by one: 二〇二三 → 2023."""
    return Decimal("".join(str(lex.digits[ch]) for ch in text))


def _integer_value(text: str, lex: Lexicon) -> Decimal:
    if not text:
        return Decimal(0)
    if all(ch in lex.digits for ch in text):
        return _digit_string_value(text, lex)
    total = Decimal(0)  # everything closed by a section unit (万, 亿)
    largest_big = 0
    section = Decimal(0)  # the part below the current section unit
    digit: int | None = None
    last_unit = 0  # the place value of the last unit seen, for 三千五 = 3500
    zero_seen = False
    for ch in text:
        if ch in lex.digits:
            if lex.digits[ch] == 0:
                zero_seen = True
            digit = lex.digits[ch]
        elif ch in lex.small_units:
            unit = lex.small_units[ch]
            section += Decimal(1 if digit is None else digit) * unit
            digit, last_unit, zero_seen = None, unit, False
        else:
            unit = lex.big_units[ch]
            section += digit or 0
            if section == 0 and total == 0:
                section = Decimal(1)  # a bare magnitude: 万 → 10000
            if unit > largest_big:
                total = (total + section) * unit
                largest_big = unit
            else:
                total += section * unit
            section, digit, last_unit, zero_seen = Decimal(0), None, unit, False
    if digit is not None:
        if last_unit and not zero_seen and digit != 0:
            section += Decimal(digit) * last_unit / 10  # 三千五 = 3500, 一万二 = 12000
        else:
            section += digit
    return total + section


def chinese_value(text: str, lex: Lexicon | None = None) -> Decimal:
    """Value of a Chinese numeral, with an optional decimal part and trailing magnitudes."""
    lex = lex or load_lexicon()
    point = next((i for i, ch in enumerate(text) if ch in lex.decimal_points), -1)
    if point < 0:
        return _integer_value(text, lex)
    integer = _integer_value(text[:point], lex)
    rest = text[point + 1 :]
    digits = "".join(str(lex.digits[ch]) for ch in rest if ch in lex.digits)
    magnitudes = "".join(ch for ch in rest if ch not in lex.digits)
    value = integer + (Decimal("0." + digits) if digits else Decimal(0))
    return value * multiplier_value(magnitudes, lex) if magnitudes else value
