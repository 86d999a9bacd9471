"""The number layer: every numeral in a text, with its value, before any unit is considered.

One regex (built from the lexicon's character tables) finds runs of numeral material: Arabic numbers
(thousands commas, spaces between groups from OCR, decimals, 2e5, 40k), Chinese digits and magnitudes
(三千五百, 两, 〇, 壹贰叁), the decimal word 点, inner 余/多/几 and a sign. A run is then cut into
numbers where two digits meet without a magnitude between them (1 2 is two numbers, 二〇二三 is one).

The text given here is folded (``fold.fold``): simplified characters, ASCII digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from . import regexcache as regex

from .lexicon import load_lexicon
from .numerals import tokenize_numeral, value_of_tokens
from .types import NumberMatch

ARABIC = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:\ [0-9]{3})+(?![0-9])|[0-9]+|(?<![.\w])\.[0-9]+)"
    r"(?:\.[0-9]+)?"
    r"(?:[eE][+-]?[0-9]+(?![A-Za-z])|\^[+-]{0,2}[0-9]+)?"
    r"(?:\ ?[kK](?![A-Za-z])|\ ?M(?![A-Za-z]))?"
)
SPACE = r"[ \t]{0,3}"


@dataclass(frozen=True, slots=True)
class _Patterns:
    run: regex.Pattern[str]
    item: regex.Pattern[str]
    first: re.Pattern[str]  # a character that can begin a run: found fast, then the run is matched there


def _char_class(chars) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


@cache
def _patterns() -> _Patterns:
    lex = load_lexicon()

    def guarded(chars) -> str:
        # A magnitude is not a number when it starts a unit (千米, 千瓦, 兆瓦) or a word (百分位, 百姓).
        parts = []
        for c in sorted(chars):
            words = set(lex.units) | set(lex.cues["number"]["not_magnitude"])  # type: ignore[arg-type]
            # (longest first, then in code order: the same source in every process, so that it is compiled once)
            heads = sorted({u[1:] for u in words if u[:1] == c and len(u) > 1}, key=lambda h: (-len(h), h))
            guard = "(?!" + "|".join(regex.escape(h) for h in heads) + ")" if heads else ""
            parts.append(regex.escape(c) + guard)
        return "(?:" + "|".join(parts) + ")"

    digit = _char_class(lex.digits)
    vague = _char_class(lex.vague_digits)
    unit = "(?:" + guarded(lex.small_units) + "|" + guarded(lex.big_units) + "|" + _char_class(lex.tens) + ")"
    point = _char_class(lex.decimal_points)
    inner = _char_class("".join(lex.cues["qualifier"]["inner_over"]))  # type: ignore[arg-type]
    sign = _char_class(lex.signs)
    atom = f"(?:{ARABIC}|{digit}|{vague})"
    decimal_digit = _char_class(set(lex.digits) - set(lex.cues["number"]["not_decimal_digits"]))  # type: ignore[arg-type]
    # (an ASCII point set off by spaces is a decimal point that OCR spaced out: 6 . 5%)
    spaced_point = r"(?<=[0-9][ \t])\.(?=[ \t]?[0-9])"
    item = f"(?:{atom}|{unit}|{inner}(?={SPACE}{unit})|{point}(?={SPACE}{decimal_digit})|{spaced_point})"
    # 负 is a sign at the start, after punctuation, or after a link word (增速为负1.5%); not in 减负, 胜负
    sign_after = "|".join(regex.escape(w) for w in lex.words("number", "sign_after"))
    sign_ok = rf"(?<![0-9A-Za-z.%\p{{Han}}\-][ \t]{{0,3}})|(?<=(?:{sign_after})[ \t]{{0,3}})"
    # (负百分之二点三: the sign goes with the percent that follows, read by the quantity stage, not with 百)
    percent = "|".join(regex.escape(w) for w in lex.cues["fraction"]["percent_prefixes"])  # type: ignore[union-attr]
    run = (rf"(?:(?:{sign_ok}){sign}(?={SPACE}(?:[0-9.]|{digit}|{unit}))(?!{SPACE}(?:{percent})))?"
           rf"{SPACE}{item}(?:{SPACE}{item})*")
    first = "[" + "".join(re.escape(c) for c in sorted(set(lex.digits) | set(lex.vague_digits) | set(lex.small_units) | set(lex.tens)
                                                      | set(lex.big_units) | set(lex.signs) | set("0123456789."))) + "]"
    # (one character class: the standard re module finds it several times faster than regex)
    return _Patterns(run=regex.compile(run), item=regex.compile(f"{atom}|{unit}|{inner}|{point}|{spaced_point}|{sign}|[ \t]+"),
                     first=re.compile(first))


_PLAIN_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _item_kind(surface: str, lex) -> str:
    """"arabic", "cdigit" (a Chinese digit), "unit" (a magnitude) or "other"."""
    if surface[0].isdigit() and surface[0].isascii() or (surface[0] == "." and len(surface) > 1):
        return "arabic"
    if surface in lex.digits or surface in lex.vague_digits:
        return "cdigit"
    if surface in lex.small_units or surface in lex.big_units or surface in lex.tens:
        return "unit"
    return "other"


def _breaks(kind: str, surface: str, last_kind: str, last_surface: str, gap: bool, arabic_led: bool, lex) -> bool:
    """Whether an item of ``kind`` begins a new number after the item before (12 3, 5万亿两个, 二〇 二三)."""
    if kind == "arabic":
        after_zero = last_kind == "cdigit" and lex.digits.get(last_surface) == 0
        return last_kind == "arabic" or (last_kind == "cdigit" and not after_zero)
    if kind == "cdigit":
        return last_kind == "arabic" or (last_kind == "cdigit" and gap) or (arabic_led and lex.digits.get(surface) != 0)
    return False


def _split_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run into numbers: two digits in a row without a magnitude between them are two numbers,
    unless both are Chinese digits written together (二〇二三)."""
    if _PLAIN_ARABIC.fullmatch(text, start, end):
        return [(start, end)]  # the common case (2025, 6.5): one number, nothing to cut
    lex = load_lexicon()
    pieces: list[tuple[int, int]] = []
    current_start = None
    arabic_led = False  # 5万亿两个: a number begun in Arabic digits takes no Chinese digit after its magnitude
    last_kind, last_surface = "", ""  # kind: "arabic", "cdigit", "unit", "other"
    last_end = start
    for m in _patterns().item.finditer(text, start, end):
        surface = m.group()
        if surface.isspace():
            continue
        kind = _item_kind(surface, lex)
        if current_start is not None and _breaks(kind, surface, last_kind, last_surface, m.start() > last_end,
                                                 arabic_led, lex):
            pieces.append((current_start, last_end))
            current_start = None
        if current_start is None:
            current_start = m.start()
            arabic_led = kind == "arabic"
        last_kind, last_end, last_surface = kind, m.end(), surface
    if current_start is not None:
        pieces.append((current_start, last_end))
    return pieces


@cache
def _trimmed_chars() -> frozenset[str]:
    """What ``_trim`` drops from the end of a number (besides spaces): 余, 多 and decimal points."""
    lex = load_lexicon()
    return frozenset(lex.cues["qualifier"]["inner_over"]) | frozenset(lex.decimal_points)


def _trim(text: str, start: int, end: int) -> int:
    """Drop a trailing 余/多 (a suffix qualifier, read by the quantity layer) and spaces."""
    lex = load_lexicon()
    inner = lex.cues["qualifier"]["inner_over"]
    while end > start and (text[end - 1].isspace() or text[end - 1] in inner or text[end - 1] in lex.decimal_points):
        end -= 1
    return end


@cache
def _continuations() -> frozenset[str]:
    """Every character that may continue a run after a plain Arabic number (another item, a thousands
    separator, an exponent, a k or M, a space before any of them), and more: a number followed by
    none of them is a run by itself."""
    lex = load_lexicon()
    return (frozenset(lex.digits) | frozenset(lex.vague_digits) | frozenset(lex.small_units) | frozenset(lex.big_units)
            | frozenset(lex.tens)
            | frozenset(lex.signs) | frozenset(lex.decimal_points) | frozenset(lex.cues["qualifier"]["inner_over"])
            | frozenset("0123456789.,，eE^kKM") | frozenset(" \t\u3000\r\n"))


@cache
def _chinese_digits() -> frozenset[str]:
    return frozenset(load_lexicon().digits)


def _runs(text: str):
    patterns = _patterns()
    pos = 0
    while True:
        candidate = patterns.first.search(text, pos)
        if candidate is None:
            return
        plain = _PLAIN_ARABIC.match(text, candidate.start())
        if plain is not None and text[plain.end() : plain.end() + 1] not in _continuations():
            yield plain  # (2025年, 6.5%: what the run pattern would match, without running it)
            pos = plain.end()
            continue
        after = text[candidate.end() : candidate.end() + 1]
        if text[candidate.start()] in _chinese_digits() and after not in _continuations():
            yield candidate  # (一 of 统一: a Chinese digit that nothing continues is a run of its own, as above)
            pos = candidate.end()
            continue
        run = patterns.run.match(text, candidate.start())
        if run is None or run.end() == run.start():
            pos = candidate.end()
            continue
        yield run
        pos = run.end()


_PLAIN_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
_ZERO = Decimal(0)
_SPACED_POINT = regex.compile(r"(?<=[0-9])[ \t]*\.[ \t]*(?=[0-9])")


@lru_cache(maxsize=16384)
def _parse(surface: str) -> tuple[Decimal, bool, bool, bool] | None:
    """(value, has a digit, written in Chinese, has 余/多/几) of a numeral surface, or None."""
    max_digits = load_lexicon().cues["number"]["max_digits"]
    if len(surface) > max_digits and sum(ch.isdigit() for ch in surface) > max_digits:
        return None  # a code or an identifier, not an amount
    if surface.isdigit() and surface.isascii():
        return Decimal(surface), True, False, False  # the common case, without tokenizing
    if _PLAIN_DECIMAL.fullmatch(surface):
        # 6.5: what tokenizing reads too (one Arabic token, its value added to a zero section)
        return _ZERO + Decimal(surface), True, False, False
    magnitude = _arabic_magnitude().fullmatch(surface)
    if magnitude and Decimal(magnitude.group(1)):
        # 5.2万, 1.3万亿: the arithmetic of value_of_tokens for these tokens, step by step (a zero
        # section plus the number, times each magnitude in turn, plus a zero section)
        value = _ZERO + (_ZERO + Decimal(magnitude.group(1)))
        for ch in magnitude.group(2):
            value = value * Decimal(load_lexicon().big_units[ch])
        return value + _ZERO, True, False, False
    return _parse_by_tokens(surface)


@cache
def _arabic_magnitude() -> re.Pattern[str]:
    """A plain Arabic number followed by magnitudes only (5.2万, 3万亿)."""
    return re.compile(r"([0-9]+(?:\.[0-9]+)?)([" + "".join(re.escape(c) for c in sorted(load_lexicon().big_units)) + "]+)")


def _parse_by_tokens(surface: str) -> tuple[Decimal, bool, bool, bool] | None:
    """``_parse`` by the numeral's tokens (numerals.py), for every surface."""
    surface = _SPACED_POINT.sub(".", surface)  # 6 . 5 (OCR) is 6.5
    try:
        tokens = tokenize_numeral(surface)
        value = value_of_tokens(tokens)
    except ValueError:
        return None
    kinds = {t.kind for t in tokens}
    has_digit = any(t.kind in ("num", "tens") for t in tokens)
    if not has_digit and kinds <= {"sign", "zero"}:
        return None
    return value, has_digit, not any(t.arabic for t in tokens), bool(kinds & {"inner", "vague"})


def _number_pieces(text: str, run) -> list[tuple[int, int]]:
    """Where the numbers of a run stand, cut apart, spaces skipped and a trailing 余/多 trimmed."""
    start, end = run.span()
    if _PLAIN_ARABIC.fullmatch(text, start, end):
        return [(start, end)]  # the common case (2025, 6.5): one number, nothing to cut or trim
    if end - start == 1:  # one Chinese numeral (一 of 统一, 万): nothing to cut; away if it is a 余 or a point
        return [] if run.group() in _trimmed_chars() else [(start, end)]
    pieces = []
    for start, end in _split_run(text, start, end):
        while start < end and text[start].isspace():
            start += 1
        end = _trim(text, start, end)
        if start < end:
            pieces.append((start, end))
    return pieces


def scan_numbers(text: str) -> list[NumberMatch]:
    """Every numeral in (folded) ``text``, left to right, non-overlapping."""
    found: list[NumberMatch] = []
    for run in _runs(text):
        for start, end in _number_pieces(text, run):
            parsed = _parse(text[start:end])
            if parsed is not None:  # (value, has_digit, chinese, over: NumberMatch's fields after its span)
                found.append(NumberMatch(start, end, *parsed))
    return found
