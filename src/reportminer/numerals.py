"""Values of numerals as written, from a list of tokens: Chinese (三千五百, 十八点二三, 一万二), Arabic
(1,082.6, 2e5, 40k) and mixed (2.3万, 5万4千6百, 1.5万亿, 三十万多亿). Pure functions; the character
tables come from the lexicon. Input is folded text (simplified, ASCII digits).

>>> numeral_value("三千五百")
Decimal('3500')
>>> numeral_value("十八点二三")
Decimal('18.23')
>>> numeral_value("一万二")
Decimal('12000')
>>> numeral_value("三亿五千万")
Decimal('350000000')
>>> numeral_value("二〇二三")
Decimal('2023')
>>> numeral_value("5万4千6百")
Decimal('54600')
>>> numeral_value("10万万")
Decimal('1000000000')
>>> numeral_value("负四十五亿零四百零四万")
Decimal('-4504040000')
>>> numeral_value("卅四点一")
Decimal('34.1')
>>> numeral_value("1,082.6")
Decimal('1082.6')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import regexcache as regex

from .lexicon import Lexicon, load_lexicon

_ARABIC = regex.compile(
    r"(?P<digits>(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9]*))"
    r"(?P<fraction>\.[0-9]+)?"
    r"(?:[eE](?P<exp>[+-]?[0-9]+)|\^(?P<power>[+-]{0,2}[0-9]+))?"
    r"(?:[ ]?(?P<kilo>[kK])|[ ]?(?P<mega>M))?"
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "num" (a digit or an Arabic number), "small", "big", "tens", "zero", "vague", "inner", "dot", "sign"
    value: Decimal = Decimal(0)
    arabic: bool = False


def arabic_value(text: str) -> Decimal:
    """1,082.6 → 1082.6; 2e5 → 200000; 1.1^+23; 40k → 40000; 2.5 M → 2500000."""
    m = _ARABIC.fullmatch(text.strip())
    if m is None or not (m.group("digits") or m.group("fraction")):
        raise ValueError(f"not an Arabic number: {text!r}")
    digits = m.group("digits").replace(",", "").replace(" ", "") or "0"
    value = Decimal(digits + (m.group("fraction") or ""))
    if m.group("exp"):
        value = value.scaleb(int(m.group("exp")))
    elif m.group("power"):
        exponent = int(m.group("power").replace("--", "").replace("+", ""))
        try:
            value = Decimal(float(value) ** exponent)
        except (OverflowError, InvalidOperation):
            raise ValueError(f"power out of range: {text!r}") from None
    if m.group("kilo"):
        value *= 1000
    elif m.group("mega"):
        value *= 1000000
    return value


def tokenize_numeral(text: str, lex: Lexicon | None = None) -> list[Token]:
    """The tokens of a numeral surface; spaces are skipped."""
    lex = lex or load_lexicon()
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        m = _ARABIC.match(text, pos) if (ch.isdigit() and ch.isascii()) or ch == "." else None
        if m and m.end() > pos and (m.group("digits") or m.group("fraction")):
            tokens.append(Token("num", arabic_value(m.group()), True))
            pos = m.end()
            continue
        tokens.append(_char_token(ch, tokens, lex, text))
        pos += 1
    return tokens


def _char_token(ch: str, tokens: list[Token], lex: Lexicon, text: str) -> Token:
    """The token of one Chinese numeral character, given the tokens before it."""
    if ch in lex.signs and not tokens:
        return Token("sign", Decimal(1 if lex.signs[ch] == "+" else -1))
    if ch in lex.digits:
        if lex.digits[ch] == 0 and tokens and tokens[-1].kind != "dot" and not _only_digits(tokens):
            return Token("zero")
        return Token("num", Decimal(lex.digits[ch]))
    for table, kind in ((lex.small_units, "small"), (lex.big_units, "big"), (lex.tens, "tens")):
        if ch in table:
            return Token(kind, Decimal(table[ch]))
    if ch in lex.vague_digits:
        return Token("vague")
    if ch in lex.decimal_points:
        return Token("dot")
    if ch in lex.cues["qualifier"]["inner_over"]:
        return Token("inner")
    raise ValueError(f"not a numeral character: {ch!r} in {text!r}")


def _only_digits(tokens: list[Token]) -> bool:
    """True while a numeral is a plain string of Chinese digits (二〇二三): there 〇 is a digit."""
    return all(t.kind == "num" and not t.arabic for t in tokens if t.kind != "sign")


def _digit_string(tokens: list[Token]) -> bool:
    nums = [t for t in tokens if t.kind != "sign"]
    return len(nums) > 1 and all(t.kind == "num" and not t.arabic for t in nums)


@dataclass(slots=True)
class _Reading:
    """The running state of reading an integer part left to right (mutable, local to _sections)."""

    total: Decimal = Decimal(0)
    section: Decimal = Decimal(0)
    pending: Decimal | None = None
    pending_is_digit: bool = False  # a single Chinese digit, which 三千五 / 一万二 abbreviate
    last_unit: Decimal = Decimal(0)
    zero: bool = False
    largest: Decimal = Decimal(0)
    previous_big: bool = False

    def digit(self, token: Token) -> None:
        value = token.value if token.kind == "num" else Decimal(0)
        self.pending = value if self.pending is None else self.pending * 10 + value
        self.pending_is_digit = not token.arabic
        self.previous_big = False

    def small(self, token: Token) -> None:
        # 十 alone (and 零十) is ten: a missing or zero Chinese digit before a unit counts as one
        pending = self.pending
        multiplier = pending if pending is not None and (pending or not self.pending_is_digit) else Decimal(1)
        self.section += multiplier * token.value
        self.pending, self.last_unit, self.zero, self.previous_big = None, token.value, False, False

    def tens(self, token: Token) -> None:
        # 廿四 = 24: the tens themselves, then a digit read as the ones (last unit 十, as after 二十)
        self.section += token.value
        self.pending, self.last_unit, self.zero, self.previous_big = None, Decimal(10), False, False

    def big(self, token: Token) -> None:
        if self.previous_big and self.pending is None:
            self.total *= token.value  # 万万, 万亿, 万多亿: magnitudes that follow each other multiply
            self.largest = max(self.largest, self.total)
            self.last_unit = token.value
            return
        self.section += self.pending or 0
        if self.section == 0 and self.total == 0:
            self.section = Decimal(1)  # a bare magnitude: 万 → 10000
        if token.value > self.largest:
            self.total = (self.total + self.section) * token.value
            self.largest = token.value
        else:
            self.total += self.section * token.value
        self.section, self.pending, self.last_unit, self.zero, self.previous_big = (
            Decimal(0), None, token.value, False, True)

    def value(self) -> Decimal:
        section, pending = self.section, self.pending
        if pending is not None:
            if self.last_unit and not self.zero and self.pending_is_digit and pending < 10:
                section += pending * self.last_unit / 10  # 三千五 = 3500, 一万二 = 12000
            else:
                section += pending
        return self.total + section


def _sections(tokens: list[Token]) -> Decimal:
    """The value of an integer part: digits times units, sections closed by 万/亿/兆."""
    reading = _Reading()
    for token in tokens:
        if token.kind in ("num", "vague"):
            reading.digit(token)
        elif token.kind == "zero":
            reading.zero, reading.previous_big = True, False
        elif token.kind == "small":
            reading.small(token)
        elif token.kind == "big":
            reading.big(token)
        elif token.kind == "tens":
            reading.tens(token)
        # "inner" (余, 多) leaves the value alone and keeps a run of magnitudes together
    return reading.value()


def value_of_tokens(tokens: list[Token]) -> Decimal:
    signed = bool(tokens) and tokens[0].kind == "sign"
    negative = signed and tokens[0].value < 0
    body = tokens[1:] if signed else tokens
    if _digit_string(body):
        value = Decimal("".join(str(int(t.value)) for t in body))
    elif any(t.kind == "dot" for t in body):
        dot = next(i for i, t in enumerate(body) if t.kind == "dot")
        integer = _sections(body[:dot])
        rest = body[dot + 1 :]
        digits = "".join(str(int(t.value)) for t in rest if t.kind in ("num", "zero") and not t.arabic)
        value = integer + (Decimal("0." + digits) if digits else Decimal(0))
        for t in rest:
            if t.kind in ("small", "big"):
                value *= t.value  # 一点五万
    else:
        value = _sections(body)
    return -value if negative else value


def numeral_value(text: str, lex: Lexicon | None = None) -> Decimal:
    """Value of a numeral surface (folded text)."""
    return value_of_tokens(tokenize_numeral(text, lex))
