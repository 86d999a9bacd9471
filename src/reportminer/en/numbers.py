"""English numbers as written: digits (1,234.5, Indian 2,86,389), signs, currencies before the number
($, US$, RMB, HK$), scale words and abbreviations (1.2 trillion, $2.5bn, 3bn yuan), ranges (4.5-5%),
number words (twenty-five, a hundred and five: read by the text2num library) and fractions
(two-thirds, a quarter, half). A year is never a number here: it is a time.

>>> [(n.text, float(n.value)) for n in find_numbers("It raised $2.5bn, 3bn yuan and twenty-five schools in 2025.")]
[('$2.5bn', 2500000000.0), ('3bn', 3000000000.0), ('twenty-five', 25.0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from .. import regexcache as regex
from text_to_num import alpha2digit, text2num

from ..types import Kind
from .pack import alternation, english_cues, english_units

YEAR = regex.compile(r"(?:19|20)\d{2}")
_DIGITS = r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d{1,3}(?:\x20\d{3})+(?!\d|,\d|\.\d)|\d+)(?:\.\d+)?"
# (1,234, Indian 2,86,389, and 3 791 600 as Hong Kong's statistics write it)
@cache
def _word_re() -> regex.Pattern[str]:
    """A word, hyphens and all (twenty-five), but a hyphen before a unit of time ends it: a six-month streak is
    six and its unit."""
    durations = alternation(u for u, unit in english_units().items() if unit.kind == Kind.DURATION)
    return regex.compile(rf"(?<![\w$])[A-Za-z]+(?:-(?!(?:{durations})(?![A-Za-z]))[A-Za-z]+)*(?![\w$])")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written; ``start``/``end`` cover its currency, sign and scale."""

    start: int
    end: int
    text: str
    value: Decimal
    high: Decimal | None = None  # the high end of a range written with the number (4.5-5)
    currency: str = ""  # ISO code of a currency written before it ($ → USD)
    factor: Decimal = Decimal(1)  # what a scale word or abbreviation multiplied it by (billion, bn)
    in_words: bool = False  # written in words (twenty-five), not digits
    fraction: str = ""  # the denominator word of a fraction (thirds, quarter, half)

    signed: bool = False  # written with a minus sign
    plus: bool = False  # written with a plus sign (food, alcohol and tobacco (+5%))

    @property
    def scaled(self) -> bool:
        return self.factor != 1


@cache
def _digit_pattern(with_range: bool = True) -> regex.Pattern[str]:
    # (a release typeset with two spaces before its scale word, 10.97  billion yuan, is read the same)
    cues = english_cues()
    high = rf"(?:\s?(?:-|–|to)\s?(?P<high>{_DIGITS})(?![\d,]))?" if with_range else "(?P<high>(?!))?"
    glued = alternation(cues.short_scales)
    spaced = alternation(s for s in cues.short_scales if s not in cues.money_only_scales)
    return regex.compile(
        rf"""
        (?:(?<![A-Za-z])(?P<currency>{alternation(cues.currency_prefixes)})\s?)?
        (?P<sign>(?(currency)|(?<![\w.\-−+]))[-−+](?=\d))?
        (?P<digits>(?(currency)|(?(sign)|(?<![\w.])(?<![A-Z][-–]))){_DIGITS})  # (COVID-19, G-20: a name's number)
        {high}
        (?:(?P<short>{glued})|\s{{1,2}}(?P<spaced>{spaced})|(?:\s{{1,2}}|-)(?P<scale>{alternation(cues.scales)}))?
        (?:(?![\w$])|(?=(?:{alternation(cues.glued_units)})\b))
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", "").replace(" ", ""))


def _scale_of(m: regex.Match[str]) -> tuple[Decimal, str]:
    """The multiplier of a match's scale and the scale as written ("" when none)."""
    cues = english_cues()
    if m.group("scale"):
        return Decimal(cues.scales[m.group("scale").lower()]), m.group("scale")
    word = m.group("short") or m.group("spaced")
    if not word:
        return Decimal(1), ""
    return Decimal(cues.short_scales[word.lower()]), word


def _is_year(digits: str) -> bool:
    return YEAR.fullmatch(digits) is not None


_COUNTED_PLURAL = regex.compile(r"\s(?:[a-z][a-z-]+\s)?[a-z][a-z-]+s\b")  # (3.57b passenger trips)


def _from_digits(m: regex.Match[str]) -> Number | None:
    """A digit match as a Number, or None when it is a year (2025; the low end of '2025 to 1.2 trillion')."""
    cues = english_cues()
    currency = m.group("currency") or ""
    factor, scale = _scale_of(m)
    money_only = scale.lower() in cues.money_only_scales and not m.group("scale")
    if money_only and not currency and not _currency_word_follows(m.string, m.end()) and not _COUNTED_PLURAL.match(m.string, m.end()):
        return None  # 5m is five metres, not five million (but 3.57b passenger trips counts trips)
    if _is_year(m.group("digits")) and not currency and (not scale or m.group("high")):
        return None  # (2025 to 1.2 trillion yuan: a year is never the low end of a range)
    high = m.group("high")
    value = _decimal(m.group("digits")) * factor
    start = m.start("sign") if m.group("sign") else m.start("digits")
    minus = m.group("sign") in ("-", "−")
    return Number(
        start=m.start("currency") if currency else start, end=m.end(), text=m.group(), value=-value if minus else value,
        high=_decimal(high) * factor if high else None, currency=cues.currency_prefixes.get(currency, ""),
        factor=factor, signed=minus, plus=m.group("sign") == "+",
    )


@cache
def _currency_word_re() -> regex.Pattern[str]:
    """A currency written after the number (3bn yuan, 40k euros)."""
    words = [surface for surface, unit in english_units().items() if unit.kind == Kind.MONEY]
    return regex.compile(rf"\s?(?:{alternation(words)})\b", regex.IGNORECASE)


def _currency_word_follows(text: str, pos: int) -> bool:
    return _currency_word_re().match(text, pos) is not None


_SPAN_END = regex.compile(r"(?<!\d)(?:19|20)\d{2}[-–]\Z")  # (2016-20: the two digits end a span of years)


_CHANGE_BY = regex.compile(r"(?i)\b(?:by|from)(?:\s+[a-z]+)?\s*\Z")  # (by around, from about: a qualifier between)


@cache
def _unit_after_re() -> regex.Pattern[str]:
    """A unit or a scale word right after a number (12 to 15 percent, 3 to 4 billion): what makes "A to B" a range."""
    words = alternation(tuple(english_units()) + tuple(english_cues().scales) + tuple(english_cues().short_scales))
    return regex.compile(rf"(?i)\s*(?:%|(?:{words})\b)")


@cache
def _change_verb_before() -> regex.Pattern[str]:
    cues = english_cues()
    return regex.compile(rf"(?i)\b(?:{alternation([w for w in cues.increase + cues.decrease if ' ' not in w])})\s+\Z")


def _change_then_level(text: str, m: regex.Match[str]) -> bool:
    """by 4,200 to 134,100, from 55 600 to 56 400, dropped 7,800 to 3,874,600: a change and the level it reached, no
    range (after a bare verb only where no unit follows: rose 12 to 15 percent is a range)."""
    if _CHANGE_BY.search(text, 0, m.start()):
        return True
    return bool(_change_verb_before().search(text, max(0, m.start() - 30), m.start())) and not _unit_after_re().match(text, m.end())


def _digit_numbers(text: str) -> list[Number]:
    """Every number written in digits, left to right; a year is skipped and the text after it read on."""
    found, pos = [], 0
    while (m := _digit_pattern().search(text, pos)) is not None:
        if m.group("high") and not m.group("currency") and (_is_year(m.group("high")) or (
                "to" in text[m.end("digits") : m.start("high")] and _change_then_level(text, m))):
            # 5 to 2025: a year ends no range; by 4,200 to 134,100, from 55 600 to 56 400: a change and its level
            # (but from 3-4%: a range after "from", written with a dash)
            m = _digit_pattern(False).match(text, m.start()) or m
        number = None if _SPAN_END.search(text, 0, m.start()) and not m.group("currency") else _from_digits(m)
        if number is None:
            pos = m.end("digits")  # (2025 to 1.2 trillion yuan: the year is a time, the amount comes after)
        else:
            found.append(number)
            pos = number.end
    return found


@lru_cache(maxsize=4096)
def _cardinal(words: str) -> int | None:
    """The value of a run of number words (twenty-five, one hundred and five), or None. Plurals are
    vague (hundreds of projects), never a value."""
    if words.endswith("s"):
        return None
    try:
        return text2num(words, "en")
    except ValueError:
        return None


def cardinal(words: str) -> int | None:
    """The value of number words (four, twenty-five), or None: for the time expressions."""
    return _cardinal(words)


def _scaled(words: str) -> int | None:
    """one trillion, two lakh crore: a cardinal in words times a scale word the library does not know."""
    cues = english_cues()
    scale = next(w for w in sorted(cues.scales, key=len, reverse=True) if words == w or words.endswith(" " + w))
    count = _cardinal(words[: -len(scale)].strip()) if words != scale else None
    return count * cues.scales[scale] if count is not None else None


@lru_cache(maxsize=1024)
def _denominator(word: str) -> int | None:
    """thirds → 3, quarter → 4, half → 2: the denominator a word names, or None."""
    cues = english_cues()
    if word in cues.fraction_denominators:
        return cues.fraction_denominators[word]
    ordinal = regex.fullmatch(r"(\d+)(?:st|nd|rd|th)s?", alpha2digit(word, "en"))
    return int(ordinal.group(1)) if ordinal and int(ordinal.group(1)) > 2 else None


def _word_runs(text: str) -> list[list[regex.Match[str]]]:
    """Runs of words joined by single spaces or hyphens (and "and" inside them): the candidates for
    numbers in words."""
    runs: list[list[regex.Match[str]]] = []
    for m in _word_re().finditer(text):
        if runs and text[runs[-1][-1].end() : m.start()] == " ":
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _read_run(text: str, run: list[regex.Match[str]]) -> list[Number]:
    """The numbers in words of one run: at each word the longest stretch the library reads as a
    number (a leading "a"/"an" counts as one before a scale or a fraction)."""
    cues = english_cues()
    out, i = [], 0
    while i < len(run):
        number = _longest_number(text, run, i, cues.one_words)
        if number is None:
            i += 1
            continue
        out.append(number[0])
        i = number[1]
    return out


def _longest_number(text: str, run, i: int, one_words) -> tuple[Number, int] | None:
    """The longest number in words starting at word ``i`` of ``run``, with the index after it."""
    for j in range(min(len(run), i + 8), i, -1):
        words = [m.group().lower() for m in run[i:j]]
        if words[-1] == "and":
            continue
        article = words[0] in one_words and words[0] != "one"
        spoken = " ".join(["one"] + words[1:] if article else words)
        fraction = _fraction(words, one_words)
        if fraction is not None and not _after_time_word(text, run[i].start()):
            return _number(text, run, i, j, fraction, in_words=True, fraction=run[j - 1].group()), j
        if article and j - i < 2:
            continue
        value = _cardinal(spoken) if words[-1] not in english_cues().scales else _scaled(spoken)
        if value is not None:
            return _number(text, run, i, j, Decimal(value), in_words=True), j
    return None


def _after_time_word(text: str, start: int) -> bool:
    """the first three quarters, the past two halves: parts of a time, not a fraction."""
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in english_cues().not_fractions_after


def _fraction(words: list[str], one_words) -> Decimal | None:
    """two-thirds, a quarter, one fifth, half: numerator over denominator, or None."""
    parts = words[0].split("-") + words[1:] if len(words) <= 2 else []
    if len(parts) == 1 and parts[0] == "half":
        return Decimal(1)  # one half, as 一半 is: value 1, unit half
    if len(parts) != 2:
        return None
    numerator = 1 if parts[0] in one_words else _cardinal(parts[0])
    denominator = _denominator(parts[1])
    if not numerator or not denominator or (numerator > 1) != parts[1].endswith("s") or numerator >= denominator:
        return None  # (three quarter, a thirds: no fraction; six quarters: a count of quarters, no share)
    return Decimal(numerator) / Decimal(denominator)


def _number(text: str, run, i: int, j: int, value: Decimal, **flags) -> Number:
    start, end = run[i].start(), run[j - 1].end()
    return Number(start, end, text[start:end], value, **flags)


def find_numbers(text: str) -> list[Number]:
    """Every number of ``text`` in order, digits and words, none inside another."""
    found = _digit_numbers(text)
    taken = [(n.start, n.end) for n in found]
    for run in _word_runs(text):
        for number in _read_run(text, run):
            if not any(s < number.end and number.start < e for s, e in taken):
                found.append(number)
    return sorted(found, key=lambda n: n.start)
