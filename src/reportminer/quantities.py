"""From numerals to quantities: attach unit, multiplier, qualifier, range and rate to each number of a
sentence, and drop the numbers that are not claims (years, ordinals, labels, idioms).

Works on one sentence's text; positions in the results are positions in that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from . import regexcache as regex

from .lexicon import Lexicon, Unit, load_lexicon
from .numberscan import scan_numbers
from .timeframe import time_spans
from .segment import Tokens, is_word_at, tokenize
from .types import PERCENTS, Kind, NumberMatch, Qualifier, Quantity

_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_PUNCT_AFTER_RANK = set("，、。；：,;:）)”’」』 \n") | {""}
_CALENDAR_YEAR = (1000, 2200)
_CJK = regex.compile(r"\p{Han}")
_DIGIT_CLASS = "[" + "".join(load_lexicon().digits) + "]"
# (七成六, 9成3; 四成二的零售商: 的 may follow the tenth's digit)
_TENTH = regex.compile(r"[ \t]{0,2}(" + _DIGIT_CLASS + r"|[0-9])(?:(?![\p{Han}0-9])|(?=" + "|".join(
    map(regex.escape, load_lexicon().words("context", "attribute_marker"))) + "))")
_URL = regex.compile(r"(?:https?://|www\.)[^\s，。；、（）“”]+|[\w.+-]+@[\w-]+\.[\w.]+")
_CUES = load_lexicon().schema  # the typed cues (lexicon.Cues)
_FRACTION_JOINT = regex.compile(r"[ \t]{0,2}" + r"[ \t]{0,2}".join(map(regex.escape, _CUES.fraction.joint)) + r"[ \t]{0,2}")
_LIST_JOINERS = _CUES.label.list_joiners  # 、和与及
_LIST_SEPARATORS = regex.compile("[" + regex.escape("".join(_LIST_JOINERS)) + "]")
_HALF = _CUES.number.half  # 半
_ORDINAL, _TOP, _TIER = _CUES.rank.ordinal_prefix, _CUES.rank.top_prefix, _CUES.rank.tier_marker  # 第, 前, 强


@dataclass(frozen=True, slots=True)
class _Patterns:
    unit: regex.Pattern[str]
    prefix_words: tuple[tuple[str, Qualifier], ...]
    suffix_words: tuple[tuple[str, Qualifier], ...]
    range_joiners: tuple[str, ...]
    per_word: regex.Pattern[str]
    per_gap: regex.Pattern[str]
    per_noun_gap: regex.Pattern[str]
    change_words: tuple[str, ...]
    rank_followers: tuple[str, ...]
    blocker_re: regex.Pattern[str]
    prefix_re: regex.Pattern[str]
    suffix_re: regex.Pattern[str]
    unit_heads: frozenset[str]  # first characters of everything that can follow a number
    word_continuations: tuple[str, ...]  # what may share a jieba word with a unit: 以上, 左右, 大 …
    currency_sign_re: regex.Pattern[str]  # a currency sign right before a number: $20, ￥300
    structural_re: regex.Pattern[str]  # 十一个方面工作: a count of the text's own parts
    reach_re: regex.Pattern[str]  # 15分钟健身圈: a duration that names an area
    band_suffixes: tuple[str, ...]  # 以上, 以下: a band when a noun follows
    introduces_list_re: regex.Pattern[str]  # 13项任务举措：一是…
    plan_words: tuple[str, ...]  # 规划, 方案: the head of a plan's name
    campaign_re: regex.Pattern[str]  # 0.1微克攻坚行动: the name of a campaign


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    lex = load_lexicon()
    prefix = [(w, Qualifier.APPROX) for w in lex.words("qualifier", "prefix_approx")]
    prefix += [(w, Qualifier.OVER) for w in lex.words("qualifier", "prefix_over")]
    prefix += [(w, Qualifier.UNDER) for w in lex.words("qualifier", "prefix_under")]
    suffix = [(w, Qualifier.APPROX) for w in lex.words("qualifier", "suffix_approx")]
    suffix += [(w, Qualifier.OVER) for w in lex.words("qualifier", "suffix_over")]
    suffix += [(w, Qualifier.UNDER) for w in lex.words("qualifier", "suffix_under")]
    by_length = lambda pair: -len(pair[0])  # longest word first
    special = {_CUES.fraction.joint, _HALF}  # reached only through their own forms (三分之一, 一半)
    return _Patterns(
        unit=regex.compile(r"[ \t]{0,4}(?:" + "|".join(
            "[ \t]{0,2}".join(regex.escape(c) for c in u) for u in sorted(
                (u for u in lex.units if u not in special), key=len, reverse=True)) + ")"),
        prefix_words=tuple(sorted(prefix, key=by_length)),
        suffix_words=tuple(sorted(suffix, key=by_length)),
        range_joiners=lex.words("range", "joiners"),
        per_word=regex.compile("(?:" + regex.escape(_CUES.units.per_word) + "(?:"
                               + _alternation(lex.cues["units"]["per_words"]) + "))+"),
        # what may stand between the denominators and the number: 每人每月提高20元, 每人每年不低于600元
        per_gap=regex.compile("(?:" + _alternation(lex.words("change", "increase") + lex.words("change", "decrease")
                                                   + lex.words("units", "per_links") + tuple(w for w, _ in prefix))
                              + r")+\Z"),
        # a short measure noun and a link between them: 每月平均开支在6,000至18,999澳门元之间 (a monthly amount)
        # or the words a bracketed number measures: 每平方米实用面积平均价格(100,217元), a price per m²; or an
        # average of a short noun: 每户平均人口2.37人
        per_noun_gap=regex.compile(r"\p{Han}{1,6}?(?:" + _alternation(lex.words("units", "per_links")) + r")\Z"
                                   + r"|\p{Han}{1,10}[(（]\Z"
                                   + r"|(?:" + _alternation(lex.words("units", "per_averages")) + r")\p{Han}{0,4}\Z"),
        change_words=lex.words("change", "increase") + lex.words("change", "decrease"),
        rank_followers=lex.words("rank", "followers"),
        blocker_re=regex.compile(_alternation(lex.words("label", "blockers"))),
        prefix_re=regex.compile("(?:" + _alternation(w for w, _ in prefix) + r")\Z"),
        suffix_re=regex.compile(_alternation(w for w, _ in suffix)),
        structural_re=regex.compile(r"\p{Han}{0,2}?(?:" + _alternation(lex.words("label", "structural_nouns")) + ")"),
        band_suffixes=tuple(lex.cues["label"]["band_suffixes"]),
        introduces_list_re=regex.compile(r"\p{Han}{0,12}[：:](?:" + _alternation(_CUES.label.list_openers) + ")"),
        plan_words=lex.words("label", "plan_words"),
        reach_re=regex.compile(r"\p{Han}{0,6}?(?:" + _alternation(lex.words("label", "reach_nouns")) + ")"),
        campaign_re=regex.compile(_alternation(lex.words("label", "campaign_words"))),
        currency_sign_re=regex.compile("(?:" + _alternation(lex.cues["number"]["currency_signs"]) + r")\Z"),
        word_continuations=tuple(w for w, _ in suffix) + tuple(lex.cues["qualifier"]["inner_over"])
        + (lex.cues["units"]["age_suffix"], _HALF),
        unit_heads=frozenset(u[0] for u in lex.units) | frozenset(_CUES.fraction.joint[0] + _HALF + _TIER + "/+＋ \t")
        | frozenset(lex.cues["qualifier"]["inner_over"]) | frozenset("".join(lex.cues["range"]["joiners"]))
        | frozenset(lex.big_units) | frozenset(lex.small_units),
    )


_HAN = regex.compile(r"\p{Han}")


def _prefix_qualifier(text: str, start: int) -> tuple[Qualifier | None, int]:
    """The bound a word before the number sets (超过, 约), and where the words before the number end. A space
    typeset between a Han character and a number (年減 3000 人, 約 20 億元: Taiwan web news) is read past, so
    that every rule reading the words before the number reads them as if it were not there."""
    if start >= 2 and text[start - 1] == " " and _HAN.match(text, start - 2):
        start -= 1
    patterns = _patterns()
    m = patterns.prefix_re.search(text, max(0, start - 8), start)
    if m is None:
        return _magnitude_bound(text, start)
    longest = max((w for w, _ in patterns.prefix_words if text.startswith(w, start - len(w), start)), key=len)
    if text.endswith(_CUES.qualifier.not_prefix_words, 0, start) and _inside_word(text, start, len(longest)):
        return None, start  # 对美出超854亿美元: the word ends in 超 but is no bound (支出超 is)
    return dict(patterns.prefix_words)[longest], start - len(longest)


def _inside_word(text: str, end: int, length: int) -> bool:
    """The ``length`` characters before ``end`` end a longer word of jieba's (出超, not 支出 and 超)."""
    words = tokenize(text[max(0, end - 8) : end])
    return bool(words) and len(words[-1].text) > length


def _magnitude_bound(text: str, start: int) -> tuple[Qualifier | None, int]:
    """上千万家庭, 上万人: 上 before a magnitude written alone is a lower bound (not after 迈, 登 …)."""
    cues = _CUES.number
    if (start and text[start - 1] == cues.magnitude_bound and text.startswith(cues.magnitude_bound_heads, start)
            and text[start - 2 : start - 1] not in cues.magnitude_bound_not_after):
        return Qualifier.OVER, start - 1
    return None, start


def _suffix_qualifier(text: str, pos: int) -> tuple[Qualifier | None, int]:
    m = _patterns().suffix_re.match(text, pos)
    if m is None:
        return None, pos
    return dict(_patterns().suffix_words)[m.group()], m.end()


def _inside_label(text: str, pos: int, lex: Lexicon) -> bool:
    """True when ``pos`` lies inside a short quotation (“四个走在前”) or a book title (《…》)."""
    limit = int(lex.cues["label"]["quote_max_chars"])  # type: ignore[arg-type]
    reach = 4 * limit  # a book title may be long, a quotation around a label is short
    if not _quote_openers().search(text, max(0, pos - reach), pos):
        return False  # (no quotation opens within reach, as before most numbers: one scan says so)
    for pair in lex.cues["label"]["quote_pairs"]:  # type: ignore[union-attr]
        opening, closing = pair[0], pair[1]
        left = text.rfind(opening, max(0, pos - reach), pos)
        if left < 0:
            continue
        if opening != closing and text.rfind(closing, left + 1, pos) >= 0:
            continue  # the quote closed before the number
        right = text.find(closing, pos, pos + reach)
        if right < 0:
            continue
        if opening == closing and text.count(opening, max(0, left - reach), left) % 2:
            continue  # a closing ASCII quote, not an opening one
        if opening == "《":
            return True
        quoted = text[left + 1 : right]
        if right - left - 1 <= limit and not any(mark in quoted for mark in "，。！？；,!?;"):
            return True  # a label; quoted speech (“我们今年加装了12部电梯。”) has a sentence's punctuation
    return False


@cache
def _quote_openers() -> re.Pattern[str]:
    """Any character that opens a quotation or a book title (``_inside_label``'s pairs)."""
    pairs = load_lexicon().cues["label"]["quote_pairs"]
    return re.compile("[" + "".join(re.escape(pair[0]) for pair in pairs) + "]")  # type: ignore[union-attr]


def _enumerates_list(text: str, start: int, value: Decimal) -> bool:
    """True when the clause before ``start`` lists exactly ``value`` items: 信息通信、数字能源两大…"""
    clause, stop = start, max(0, start - 80)
    while clause > stop and text[clause - 1] not in "，；。：,;:（(":
        clause -= 1
    items = [item for item in _LIST_SEPARATORS.split(text[clause:start]) if item]
    return len(items) >= 2 and len(items) == value


def _is_calendar_year(text: str, number: NumberMatch) -> bool:
    surface = text[number.start : number.end]
    if not (surface.isdigit() or number.chinese) or not number.has_digit:
        return False
    return _CALENDAR_YEAR[0] <= number.value < _CALENDAR_YEAR[1] and text.startswith(_CUES.period.year_mark, number.end)


def _match_unit_span(text: str, pos: int, lex: Lexicon) -> tuple[Unit, int] | None:
    """The unit at ``pos`` and where it ends; spaces may stand before it and inside it (OCR: 2.4 个百分 点)."""
    lengths, matched, reach = _unit_lengths()
    if not _SPACE_OR_TAB.search(text, pos, pos + reach):
        # (no space near: the unit regex can only match a unit written as is, and of those the
        # longest, the first in its alternation; looking up the few lengths of the units that begin
        # with this character is several times faster than running the alternation of all units)
        for length in lengths.get(text[pos : pos + 1], ()):
            candidate = text[pos : pos + length]
            if candidate in matched:
                return lex.units[candidate], pos + len(candidate)  # (shorter than length at the text's end)
        return None
    m = _patterns().unit.match(text, pos)
    if m is None:
        return None
    return lex.units[m.group().replace(" ", "").replace("\t", "")], m.end()


_SPACE_OR_TAB = re.compile(r"[ \t]")


@cache
def _unit_lengths() -> tuple[dict[str, tuple[int, ...]], frozenset[str], int]:
    """The units ``_Patterns.unit`` matches: for each first character the lengths of those that begin
    with it, longest first (the order of its alternation), and the units themselves; and how far a
    match may reach when spaces stand inside it (two spaces may follow each character)."""
    lex = load_lexicon()
    special = {_CUES.fraction.joint, _HALF}
    matched = frozenset(u for u in lex.units if u not in special)
    lengths: dict[str, set[int]] = {}
    for u in matched:
        lengths.setdefault(u[0], set()).add(len(u))
    return ({k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}, matched,
            3 * max(len(u) for u in lex.units) + 4)


def _match_unit(text: str, pos: int, lex: Lexicon) -> Unit | None:
    found = _match_unit_span(text, pos, lex)
    return found[0] if found else None


def _blocked(text: str, pos: int) -> bool:
    return _patterns().blocker_re.match(text, pos) is not None


def _std_denominator(unit: Unit, lex: Lexicon) -> tuple[str, Decimal]:
    """The std_unit text of a denominator and the factor to divide the value by."""
    per_std = lex.cues["units"]["per_std"]
    if unit.surface in per_std:
        return per_std[unit.surface], Decimal(1)  # type: ignore[index]
    if unit.kind in (Kind.COUNT, Kind.DURATION):
        return unit.unit_en, Decimal(1)
    return unit.std_unit, unit.factor


class _UnitParse(NamedTuple):
    """What follows a number: unit (maybe a rate), and where it ends."""

    unit: str
    kind: Kind
    unit_en: str
    std_unit: str
    factor: Decimal  # std_value = value * factor
    end: int


def _parse_unit(text: str, pos: int, number: NumberMatch, lex: Lexicon) -> _UnitParse | None:
    found = _match_unit_span(text, pos, lex)
    if found is None:
        return None
    unit, end = found
    if text.startswith(_false_units(), end - len(unit.surface)):
        return None  # 迈上5万亿台阶, 3万家庭: the character begins a word, it is no unit
    multiplied = lex.cues["units"]["multiplied_as"]
    if unit.surface in multiplied and text[number.start : number.end][-1:] in lex.big_units:
        unit = Unit(unit.surface, *_meaning(lex.units[multiplied[unit.surface]]))  # type: ignore[index]
    surface, unit_en, std_unit, factor, kind = unit.surface, unit.unit_en, unit.std_unit, unit.factor, unit.kind
    # A rate written after the number: 58万元/人, 0.6人/百亿元.
    joiners = lex.cues["units"]["per_joiners"]
    while end < len(text) and text[end] in joiners:
        magnitude_end = end + 1
        while magnitude_end < len(text) and (
            text[magnitude_end] in lex.big_units or text[magnitude_end] in lex.small_units
        ):
            magnitude_end += 1
        found = _match_unit_span(text, magnitude_end, lex)
        if found is None or found[0].kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
            break
        den, den_end = found
        magnitude = text[end + 1 : magnitude_end]
        den_std, den_factor = _std_denominator(den, lex)
        if magnitude:
            power = len(str(int(_magnitude_value(magnitude, lex)))) - 1
            den_std = f"10^{power} {den_std}"
        surface += text[end:magnitude_end] + den.surface
        unit_en += " per " + (magnitude + " " if magnitude else "") + den.unit_en
        std_unit += "/" + den_std
        factor /= den_factor
        if not (den.kind in (Kind.COUNT, Kind.DURATION) or kind == Kind.MONEY):
            kind = Kind.OTHER  # a concentration or a ratio of two measures
        end = den_end
    return _UnitParse(surface.replace("／", "/").replace(_CUES.units.per_word, "/"), kind, unit_en, std_unit, factor, end)


def _meaning(unit: Unit) -> tuple[Kind, str, str, Decimal]:
    return unit.kind, unit.unit_en, unit.std_unit, unit.factor


def _magnitude_value(chars: str, lex: Lexicon) -> Decimal:
    value = Decimal(1)
    for ch in chars:
        value *= lex.small_units.get(ch) or lex.big_units[ch]
    return value


def _per_prefix(text: str, start: int) -> tuple[list[str], int]:
    """Denominators written before the number and where the rate starts: 每人每月1045元 → (["人", "月"],
    the 每). Across a change or link word (每人每月提高20元) the rate starts at the number: the words
    between say what changed."""
    if text.find(_CUES.units.per_word, max(0, start - 16), start) < 0:
        return [], start  # (every denominator opens with 每: most numbers have none before them)
    for candidate in _patterns().per_word.finditer(text, max(0, start - 16), start, overlapped=True):
        denominators = [w for w in candidate.group().split(_CUES.units.per_word) if w]
        if candidate.end() == start:
            return denominators, candidate.start()
        if _patterns().per_gap.match(text, candidate.end(), start) or _patterns().per_noun_gap.match(text, candidate.end(), start):
            return denominators, start
    return [], start


def _per_word_meaning(word: str, lex: Lexicon) -> tuple[str, str, Decimal]:
    """(unit_en, std text, factor) of a denominator word after 每."""
    per_std = lex.cues["units"]["per_std"]
    if word in per_std:
        return per_std[word], per_std[word], Decimal(1)  # type: ignore[index]
    unit = lex.units[word]
    std, factor = _std_denominator(unit, lex)
    return unit.unit_en, std, factor


def _near_word(text: str, pos: int, words, window: int) -> bool:
    """True when one of ``words`` ends within ``window`` characters before ``pos``."""
    zone = text[max(0, pos - window) : pos]
    return any(w in zone for w in words)


@cache
def _count_noun_suffixes() -> tuple[str, ...]:
    return tuple(suffix for suffix, _ in load_lexicon().count_nouns)


# What follows a count in words that names the list of a 分别 after it (四条产业链产值分别突破…).
_NAMES_A_FENBIE_LIST = regex.compile(r"[\p{Han}“”]{1,10}?" + regex.escape(_CUES.range.respectively))

@cache
def _false_units() -> tuple[str, ...]:
    return tuple(load_lexicon().words("units", "false_units"))


_RATIO_MARKS = ":：∶"


def _ratio(text: str, numbers: list[NumberMatch], i: int) -> Quantity | None:
    """城乡居民收入比缩小至2.21∶1: a ratio of two terms (value first/second, unit ratio). Three terms
    (三次产业结构4.1:40.1:55.8) and clock times (10:30) are not claims."""
    first = numbers[i]
    if i + 1 >= len(numbers) or numbers[i + 1].start != first.end + 1 or first.chinese:
        return None
    second = numbers[i + 1]
    if second.chinese or not second.value or text[second.end : second.end + 1] in _RATIO_MARKS or (
            first.start and text[first.start - 1] in _RATIO_MARKS):
        return None
    first_text, second_text = text[first.start : first.end], text[second.start : second.end]
    if "." not in first_text + second_text and len(second_text) == 2:
        return None  # 10:30, a time of day
    if _ASCII_ALNUM.match(text[second.end : second.end + 1] or " "):
        return None
    value = first.value / second.value
    return Quantity(
        start=first.start, end=second.end, value=value, unit=text[first.end] + second_text, kind=Kind.OTHER,
        qualifier=Qualifier.EXACT, std_value=value, std_unit="ratio", unit_en="ratio",
        number_start=first.start, number_end=second.end, prefix_start=first.start, unit_end=second.end,
    )


# A count of what a tier names, right after it: (500强)企业325家.
_COUNTED_AFTER = regex.compile(rf"[\p{{Han}}]{{1,6}}?[0-9]+(?:\.[0-9]+)?[{_CUES.rank.tier_count_magnitude}]?"
                                rf"[{_CUES.rank.tier_count_classifiers}]")

# A further standing right after a 百强: 百强区十强榜, 百强区第22位.
_NEXT_TIER = regex.compile(rf"[\p{{Han}}]{{0,2}}?(?:[{_CUES.rank.tier_numerals}0-9]{{1,3}}{_TIER}"
                            rf"|{_ORDINAL}[0-9{_CUES.rank.ordinal_numerals}]{{1,3}}"
                            rf"[{''.join(m for m in _CUES.rank.markers if m != _TIER)}])")


def _rank(text: str, numbers: list[NumberMatch], i: int, lex: Lexicon) -> Quantity | None:
    """第二 / 第47位 / 前十名 / 百强, when the words before say it is a standing."""
    number = numbers[i]
    marker_words = lex.cues["rank"]["markers"]
    context = lex.words("rank", "context")
    before = text[number.start - 1 : number.start] if number.start else ""
    pos = number.end
    marker = text[pos] if pos < len(text) and text[pos] in marker_words else ""
    if before in (_ORDINAL, _TOP):
        start = number.start - 1
        if marker == _TIER:
            return None
        end = pos + len(marker)
        # (第二名则为大陆: a place named as what holds it is a standing, whatever stands before)
        named = bool(marker) and text.startswith(tuple(lex.words("rank", "holder_links")), end)
        follower = text[end : end + 1]
        if not named and follower not in _PUNCT_AFTER_RANK and not text.startswith(_patterns().rank_followers, end):
            return None  # 第一书记, 第一梯队, 前三季度: a name or a date, not a standing
        # (第22位 with its marker reads as a standing further from its cue: 排名全国综合竞争力第22位)
        if not named and not _near_word(text, start, context, 14 if marker else 6):  # (a marker here is 位 or 名)
            return None
        qualifier = Qualifier.UNDER if before == _TOP else Qualifier.EXACT
    elif marker == _TIER:
        start, end = number.start, pos + 1
        if _NEXT_TIER.match(text, end):
            return None  # 跻身全国工业百强区十强榜: the first tier names the list, the second is the standing
        if _COUNTED_AFTER.match(text, end):
            return None  # 引进世界500强企业325家: the tier names the kind of firm the number after counts
        if not _near_word(text, start, context, 12):
            return None
        qualifier = Qualifier.UNDER
    else:
        return None
    return Quantity(
        start=start, end=end, value=number.value, unit=marker,
        kind=Kind.RANK, qualifier=qualifier, std_value=number.value, std_unit="rank", unit_en="rank",
        number_start=number.start, number_end=number.end, prefix_start=start, unit_end=end,
        chinese=number.chinese,
    )


_SLASH_DATE = regex.compile(r"(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?(?!\d)")
_MONTH_DAY = regex.compile(r"(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])")
_SLASH_DATE_TAIL = regex.compile(r"(?:19|20)\d{2}/\Z")  # (the 08/31 of 2018/08/31)


def _fraction(text: str, numbers: list[NumberMatch], i: int, lex: Lexicon) -> Quantity | None:
    """百分之八十二, 千分之三, 三分之一, 1/10."""
    den = numbers[i]
    joint = _FRACTION_JOINT.match(text, den.end)
    if joint is None or i + 1 >= len(numbers) or numbers[i + 1].start != joint.end():
        # 1/10: here the first number is the numerator.
        numerator = den
        if text[numerator.end : numerator.end + 1] == "/" and i + 1 < len(numbers) and numbers[i + 1].start == numerator.end + 1:
            denominator = numbers[i + 1]
            if not (numerator.has_digit and denominator.has_digit) or denominator.chinese or denominator.value == 0:
                return None
            if _ASCII_ALNUM.match(text[denominator.end : denominator.end + 1] or " "):
                return None
            if _SLASH_DATE.match(text, numerator.start) or _SLASH_DATE_TAIL.search(text, 0, numerator.start):
                return None  # 2018/08/31: a date line, not a fraction
            if _MONTH_DAY.fullmatch(text, numerator.start, denominator.end):
                return None  # (資料來源:經濟部4/23): a month and a day past the twelfth, not a fraction
            return _fraction_quantity(text, numerator.start, denominator, numerator.value / denominator.value, lex)
        return None
    num = numbers[i + 1]
    surface = text[den.start : den.end].replace(" ", "")
    percent_prefixes = lex.cues["fraction"]["percent_prefixes"]
    joint = _CUES.fraction.joint
    if surface + joint in percent_prefixes:
        unit = lex.units[percent_prefixes[surface + joint]]  # type: ignore[index]
        signed = _sign_before(text, den.start, lex)  # (负百分之二点三: a negative rate)
        written = surface + joint if surface + joint in _CUES.fraction.prefixes_kept_as_written else unit.surface
        return _finish(text, den.start - signed, num.end, num, -num.value if signed else num.value, written, unit, lex)
    if den.value == 0:
        return None
    return _fraction_quantity(text, den.start, num, num.value / den.value, lex)


def _sign_before(text: str, start: int, lex: Lexicon) -> int:
    """The length of a minus sign written right before ``start`` that jieba reads as a word of its own
    (出口成长率为负百分之二点三, 台湾负百分之二点三; not the 负 of 减负), else 0."""
    sign = text[start - 1 : start]
    if not sign or lex.signs.get(sign) != "-":
        return 0
    return 1 if is_word_at(text, start - 1, sign) else 0


def _fraction_quantity(text: str, start: int, last: NumberMatch, value: Decimal, lex: Lexicon) -> Quantity:
    joint = _CUES.fraction.joint
    return _finish(text, start, last.end, last, value, joint, lex.units[joint], lex)


def _finish(text: str, start: int, end: int, number: NumberMatch, value: Decimal, unit_surface: str,
            unit: Unit, lex: Lexicon) -> Quantity:
    """A quantity whose unit is fixed by its form (百分之…, …分之…, 一半), ending at ``end``."""
    unit_end = end
    suffix, end = _suffix_qualifier(text, end)
    prefix, prefix_start = _prefix_qualifier(text, start)
    qualifier = suffix or prefix or Qualifier.EXACT
    return Quantity(
        start=start, end=end, value=value, unit=unit_surface, kind=unit.kind, qualifier=qualifier,
        std_value=value * unit.factor, std_unit=unit.std_unit, unit_en=unit.unit_en,
        number_start=start, number_end=number.end, prefix_start=prefix_start, unit_end=unit_end,
        chinese=number.chinese,
    )


def _add_subunits(text: str, end: int, unit: str, value: Decimal, lex: Lexicon) -> tuple[Decimal, int]:
    subunits = lex.cues["units"]["subunits"].get(unit)
    if not subunits:
        return value, end
    pos = end + (1 if text.startswith(_CUES.number.and_word, end) else 0)
    while True:
        numbers = scan_numbers(text[pos : pos + 12])
        if not numbers or numbers[0].start != 0:
            break
        word = next((w for w in subunits if text.startswith(w, pos + numbers[0].end)), None)
        if word is None:
            break
        value += numbers[0].value * Decimal(str(subunits[word]))
        end = pos = pos + numbers[0].end + len(word)
    return value, end


def _currency_sign(text: str, start: int, lex: Lexicon) -> str:
    """The currency sign written right before a number ($20, ￥300), if any."""
    m = _patterns().currency_sign_re.search(text, max(0, start - 4), start)
    return m.group() if m else ""


def _signed_money(text: str, number: NumberMatch, lex: Lexicon) -> Quantity | None:
    """$20, ￥300: a currency sign and a number with no unit after it."""
    sign = _currency_sign(text, number.start, lex)
    if not sign:
        return None
    unit = lex.units[lex.cues["number"]["currency_signs"][sign]]
    start = number.start - len(sign)
    suffix, end = _suffix_qualifier(text, number.end)
    prefix, prefix_start = _prefix_qualifier(text, start)
    return Quantity(
        start=start, end=end, value=number.value, unit=sign, kind=Kind.MONEY,
        qualifier=suffix or prefix or Qualifier.EXACT, std_value=number.value * unit.factor,
        std_unit=unit.std_unit, unit_en=unit.unit_en, number_start=start, number_end=number.end,
        prefix_start=prefix_start, unit_end=number.end,
    )


def _duration_allowed(text: str, start: int, unit: str, unit_end: int, lex: Lexicon) -> bool:
    window_after = lex.words("time", "window_after")
    plan_words = lex.words("label", "plan_words")
    if text.startswith(plan_words, unit_end):  # (a tuple: one call tries every word)
        return False  # 三年行动
    if _patterns().reach_re.match(text, unit_end):
        return False  # 15分钟健身圈, 1小时通勤圈: the name of an area of reach
    if unit in lex.cues["time"]["long_duration_units"]:
        if text.startswith(lex.cues["units"]["age_suffix"], unit_end) or "." in text[start : unit_end - len(unit)]:
            return True  # 十个月大: an age; 平均失业周数为26.8周: a measured length (no window is a decimal)
        after = unit_end + 1 if text.startswith(_HALF, unit_end) else unit_end  # (2年半新高: the half is the window's)
        if text.startswith(window_after + _CUES.time.record_words, after):
            return False  # 五年来, 三年内, 近36个月最大降幅
        cues = lex.words("time", "duration_cues")
        return text.endswith(cues, 0, start)
    if text.startswith(_CUES.time.short_window_after, unit_end):
        return False  # 十天来
    return not text.endswith(_CUES.time.short_window_before, 0, start)


def _out_of_place(text: str, number: NumberMatch, lex: Lexicon) -> bool:
    """Neighbours that make a numeral no quantity whatever follows it."""
    before = text[number.start - 1] if number.start else ""
    after = text[number.end : number.end + 1]
    if number.chinese and after not in _patterns().unit_heads and before not in (_ORDINAL, _TOP) \
            and not _numeral_stands_alone(text, number, after, lex):
        return True  # 统一, 一体, 万众: a Chinese numeral with nothing a quantity could continue with
    if before and ((before.isascii() and before.isalpha()) or before in "+＋."):
        return True  # PM2.5, C919, “4+1”
    if after and after in "+＋":
        return True
    return before == _CUES.label.session_word  # 十一届十次全会: a session's numbering


def _numeral_stands_alone(text: str, number: NumberMatch, after: str, lex: Lexicon) -> bool:
    """A Chinese numeral that is a quantity with no unit after it: a bounded magnitude ending its clause or
    counting (海洋生产总值突破万亿，, 惠及上千万农民), an index level written digit by digit (工業生產指數一二二),
    a count in words ending its clause (旅客六十八万，)."""
    if _index_level_after_its_month(text, number.start, lex):
        return True
    if not number.has_digit:
        return bool((after in _CLAUSE_END or _counted_noun(text, number.end)) and _prefix_qualifier(text, number.start)[0])
    return _after_index_name(text, number.start) or (
        after in _CLAUSE_END and _counted_in_words(number, text[number.start : number.end], lex))


def _index_level_after_its_month(text: str, start: int, lex: Lexicon) -> bool:
    """工业生产指数一二二，为历年单月次高(一○九年九月一二三点七三为历年最高): an index level written digit by digit
    right after the month it is of, in a sentence that has named the index."""
    month_mark = lex.cues["period"]["month_mark"]
    return text.endswith(month_mark, 0, start) and any(w in text[:start] for w in _CUES.regional.index_words)


_REJECT = object()  # a range whose far end shows the whole thing is no quantity (2024-2026年)


_REPEATED_WORD_MAX = 4  # 年增36.1%至年增39.8%: the longest word a range repeats before its high end


def _typeset_space(text: str, pos: int) -> int:
    """The length of one or two spaces at ``pos`` (typeset text spaces the joiner of a range: 13 - 17个月)."""
    n = 0
    while n < 2 and text[pos + n : pos + n + 1] in (" ", "\t"):
        n += 1
    return n


def _joins_range(text: str, low_start: int, after_joiner: int, high_start: int) -> bool:
    """The high end follows the joiner at once, or after the very word that stands before the low end
    (年增36.1%至年增39.8%: the change word written again)."""
    gap = text[after_joiner:high_start]
    return not gap or (len(gap) <= _REPEATED_WORD_MAX and not any(c.isdigit() for c in gap) and text.endswith(gap, 0, low_start))


def _change_then_level(text: str, number: NumberMatch, parsed: _UnitParse | None, adjacent: bool) -> bool:
    """Two numbers joined by 至 right after a change verb, the first with its unit written and not a percent."""
    return parsed is not None and parsed.kind != Kind.PERCENT and adjacent and _after_a_change_verb(text, number.start)


def _after_a_change_verb(text: str, start: int) -> bool:
    """A change verb (and a prefix qualifier) right before the number: 增加8.7倍至…, 减少约1,500人至…."""
    before = text[max(0, start - _CHANGE_VERB_REACH) : start]
    qualifier = _patterns().prefix_re.search(before)
    before = before[: qualifier.start()] if qualifier else before
    bare = tuple(_CUES.regional.bare_increase) + tuple(_CUES.regional.bare_decrease)  # (同期总就业人数增17,700人至…)
    return before.endswith(_patterns().change_words + bare)


_CHANGE_VERB_REACH = 8  # characters before a number that hold a change verb and a qualifier


def _unit_and_range(text: str, numbers: list[NumberMatch], i: int, unit_pos: int, lex: Lexicon):
    """The unit after a number, and the high end when a range follows: 5%—5.5%, 4.5-5%, 3至5个.
    Returns (unit parse or None, high value or None, end of the range or None), or _REJECT."""
    number = numbers[i]
    parsed = _parse_unit(text, unit_pos, number, lex)
    joiner_pos = parsed.end if parsed else unit_pos
    nxt = numbers[i + 1] if i + 1 < len(numbers) else None
    if nxt is None or nxt.start - joiner_pos > 2 + _REPEATED_WORD_MAX:
        return parsed, None, None
    joiner_pos += _typeset_space(text, joiner_pos)  # (2,700 - 3,400亿元: a budget speech spaces its dash)
    for joiner in (j for j in _patterns().range_joiners if text.startswith(j, joiner_pos)):
        after = joiner_pos + len(joiner) + _typeset_space(text, joiner_pos + len(joiner))
        if _joins_range(text, number.start, after, nxt.start):
            if _change_then_level(text, number, parsed, nxt.start == after):
                break  # 减少约1,500人至3,830,100人: the change, then the level it reaches (增长5%至7%: a range)
            high_unit = _parse_unit(text, nxt.end, nxt, lex)
            if high_unit is None or (parsed and parsed.unit != high_unit.unit):
                break
            if _is_calendar_year(text, nxt) or (nxt.chinese != number.chinese):
                return _REJECT
            written = text[number.start:number.end]
            if parsed is None and not written.replace(".", "").replace(",", "").isdigit() and not number.chinese and not (
                    _magnitude(written, lex) == _magnitude(text[nxt.start:nxt.end], lex) != 1):
                break  # (100亿至200亿元: each end writes the same magnitude; a range)
            return high_unit, nxt.value, high_unit.end
    return parsed, None, None


def _magnitude(written: str, lex: Lexicon) -> Decimal:
    """The magnitude a number's written form ends with (亿 → 1e8, 万亿 → 1e12), else 1."""
    factor, pos = Decimal(1), len(written)
    while pos and written[pos - 1] in lex.big_units:
        pos -= 1
        factor *= lex.big_units[written[pos]]
    return factor


def _shared_magnitude(text: str, number: NumberMatch, value_high: Decimal | None, numbers: list[NumberMatch],
                      i: int, lex: Lexicon) -> Decimal:
    """100至200亿元, 1-3万人: the low end of a range written without the magnitude shares the high end's."""
    if value_high is None or i + 1 >= len(numbers) or _magnitude(text[number.start:number.end], lex) != 1:
        return Decimal(1)
    return _magnitude(text[numbers[i + 1].start : numbers[i + 1].end], lex)


def _a_word_of_one_digit(text: str, number: NumberMatch, parsed: _UnitParse, lex: Lexicon) -> bool:
    """一批, 一个, 一项: an article, not a count; 零件, 零部件, 几年: a word that begins with one Chinese digit
    worth nothing, not zero things."""
    if not number.chinese or number.end - number.start != 1:
        return False
    return number.value == 0 or (number.value == 1 and text[number.start] in lex.digits and parsed.kind == Kind.COUNT)


def _names_rather_than_measures(text: str, number: NumberMatch, parsed: _UnitParse, end: int, lex: Lexicon) -> bool:
    """Words around the quantity that make it part of a name, a label or an enumeration."""
    if _a_word_of_one_digit(text, number, parsed, lex):
        return True
    if not number.has_digit and (text[number.end - 1] in lex.big_units
                                 or text[number.start:number.end] in _CUES.number.bare_magnitudes):
        if _prefix_qualifier(text, number.start)[0] is None:
            return True  # 万人空巷, 千座公园城市: a bare magnitude is a number only after 超/近/逾 (十美元 is ten)
    # (a share names nothing: 升8.6%后 is a rise, where 80后 is a generation and 3号 a number)
    if _blocked(text, end) and parsed.kind not in PERCENTS and not (parsed.kind == Kind.COUNT and len(parsed.unit) == 1
                                    and _CJK.match(text[end : end + 2] or " ")
                                    and text[end : end + 2] not in _CUES.label.blocker_nouns):
        # 120周年 (周 + 年), 80年代; but after a classifier a noun may begin with a blocker (5300多栋楼宇)
        return True
    if parsed.kind == Kind.DURATION and not _duration_allowed(text, number.start, parsed.unit, end, lex):
        return True
    return _labels_a_count(text, number, parsed, end) or _unit_out_of_place(text, number, parsed.unit, end, lex)


def _labels_a_count(text: str, number: NumberMatch, parsed: _UnitParse, end: int) -> bool:
    if parsed.kind == Kind.COUNT and _patterns().structural_re.match(text, end):
        return True  # 十一个方面工作
    if parsed.kind == Kind.COUNT and number.chinese and _enumerates_list(text, number.start, number.value):
        return True  # 产业、科技、服务业三支招商队伍: the number counts the items just listed
    return _patterns().campaign_re.match(text, end) is not None  # 0.1微克攻坚行动


def _unit_out_of_place(text: str, number: NumberMatch, unit: str, end: int, lex: Lexicon) -> bool:
    """What the unit's own line says: only_after arabic (四方, 三门), streak (二十届), decimal (1.2日); 成 blockers."""
    if unit == _CUES.fraction.tenth_unit and text[end : end + 1] in lex.cues["fraction"]["cheng_blockers"]:
        return True  # 一成不变
    only_after = lex.units[unit].only_after if unit in lex.units else ""
    if only_after == "arabic":
        return number.chinese and text[number.end - 1] not in lex.big_units  # 四方, 三门 (but 万方)
    if only_after == "streak":
        return not text.endswith(tuple(lex.cues["units"]["streak_words"]), 0, number.start)  # 连续12届
    if only_after == "decimal":  # 逗留时间为1.2日 (a Macau release); 19日 is a date
        return not any(point in text[number.start : number.end] for point in (".", *lex.decimal_points))
    if only_after == "index":  # 楼价指数报396.3点, …较今年7月时的高位398.2点; 上午9点 is a time of day
        return not _index_named_before(text, number.start)
    return False


def _written_value(text: str, number: NumberMatch, unit: str, end: int, lex: Lexicon) -> tuple[Decimal, int] | None:
    """The value as the words after the unit complete it: 七五折 = 7.5折, 七成六 = 7.6成, 两米半 = 2.5米,
    五元三毛 = 5.3元; None when they show it is no quantity (折合, 十折)."""
    value = number.value
    if unit == lex.cues["units"]["discount"]:
        if text[end : end + 1] in lex.cues["units"]["discount_blockers"]:
            return None  # 折合, 折旧
        digits = text[number.start : number.end].replace(" ", "")
        if value >= 10 and len(digits) == 2 and (digits.isdigit() or all(c in lex.digits for c in digits)):
            value = value / 10  # 七五折 = 7.5折
        elif value >= 10:
            return None  # 十折: no discount
    tenth = _TENTH.match(text, end) if unit == _CUES.fraction.tenth_unit else None
    if tenth:  # 七成六 = 7.6成 = 76 %
        digit = tenth.group(1)
        value, end = value + Decimal(int(digit) if digit.isdigit() else lex.digits[digit]) / 10, tenth.end()
    if text.startswith(_HALF, end) and not text.startswith(_CUES.number.half_words, end + 1):
        value, end = value + Decimal("0.5"), end + 1  # 一吨半, 两米半
    return _add_subunits(text, end, unit, value, lex)


def _quantity_at(text: str, numbers: list[NumberMatch], i: int, lex: Lexicon) -> Quantity | None:
    """The quantity that begins with ``numbers[i]``: a standing, a ratio, a fraction or a measure."""
    number = numbers[i]
    if _out_of_place(text, number, lex):
        return None
    before = text[number.start - 1] if number.start else ""
    if before in (_ORDINAL, _TOP) or text.startswith(_TIER, number.end):
        return _rank(text, numbers, i, lex)
    if text[number.end : number.end + 1] in _RATIO_MARKS:
        return _ratio(text, numbers, i)
    if _FRACTION_JOINT.match(text, number.end) or (text.startswith("/", number.end) and not number.chinese):
        return _fraction(text, numbers, i, lex)
    if _is_calendar_year(text, number) or _blocked(text, number.end):
        return None
    return _measure(text, numbers, i, lex)


def _unit_position(text: str, number: NumberMatch, lex: Lexicon) -> tuple[bool, int]:
    """Whether an inner 余/多 bounds the number from below, and where its unit begins (1.7万余米, 十余个)."""
    pos, inner_over = number.end, number.over
    inner = lex.cues["qualifier"]["inner_over"]
    if number.chinese and text[pos : pos + 1] in inner:
        inner_over, pos = True, pos + 1
    if text[pos : pos + 1] in inner and _match_unit(text, pos + 1, lex):
        return True, pos + 1  # 1.7万余米
    return inner_over, pos


def _classified_list(text: str, numbers: list[NumberMatch], i: int, parsed: _UnitParse,
                     lex: Lexicon) -> Quantity | None:
    """分别提高1个和2个百分点: a classifier after each number of a list that writes its unit once."""
    share = _CUES.units.list_classifier
    return _unit_from_list_end(text, numbers, i, share, lex) if parsed.unit == share else None


def _refined_unit(text: str, number: NumberMatch, parsed: _UnitParse, lex: Lexicon) -> _UnitParse:
    """A count of a currency is an amount of it (20个比特币); a scale before 度 makes it a temperature."""
    if parsed.kind == Kind.COUNT and (money := _parse_unit(text, parsed.end, number, lex)) and money.kind == Kind.MONEY:
        return money
    scale = parsed.unit == _CUES.units.scale_unit and next(
        (w for w in lex.words("units", "scale_prefixes") if text.endswith(w, 0, number.start)), None)
    if scale:  # 华氏温度98.6度
        known = lex.units[lex.cues["units"]["scale_prefixes"][scale]]
        return _UnitParse(parsed.unit, known.kind, known.unit_en, known.std_unit, known.factor, parsed.end)
    return parsed


def _names_a_group(text: str, parsed: _UnitParse, end: int, lex: Lexicon) -> bool:
    """3岁以下婴幼儿: an age band that names a group (but 82.4岁提升至83.9岁 is a claim)."""
    known = lex.units.get(parsed.unit)
    end += next((len(w) for w in _CUES.units.band_tails if text.startswith(w, end)), 0)  # (65岁或以上人士)
    if known is None or known.role != "attribute" or not _CJK.match(text[end : end + 1] or " "):
        return False
    followers = _patterns().change_words + tuple(lex.cues["units"]["age_followers"])
    return not text.startswith(followers, end)


def _measure(text: str, numbers: list[NumberMatch], i: int, lex: Lexicon) -> Quantity | None:
    """A number with its unit (or a unit shared by a list, or none), value completed and rate applied."""
    number = numbers[i]
    inner_over, unit_pos = _unit_position(text, number, lex)
    if _ASCII_LETTER.match(text[unit_pos : unit_pos + 1] or " ") and not _match_unit(text, unit_pos, lex):
        return None  # 5G, 6G
    found = _unit_and_range(text, numbers, i, unit_pos, lex)
    if found is _REJECT:
        return None
    parsed, value_high, range_end = found
    if _stands_without_unit(text, number, parsed, lex):
        return _unit_from_list_end(text, numbers, i, "", lex) or _unitless(text, number, inner_over, lex)
    if value_high is None and (shared := _classified_list(text, numbers, i, parsed, lex)):
        return shared
    parsed = _refined_unit(text, number, parsed, lex)
    end = range_end if range_end is not None else parsed.end
    if _names_rather_than_measures(text, number, parsed, end, lex):
        return None
    written = _written_value(text, number, parsed.unit, end, lex)
    if written is None:
        return None
    value, unit_end = written
    value *= _shared_magnitude(text, number, value_high, numbers, i, lex)
    suffix, end = _suffix_qualifier(text, unit_end)
    if _names_a_group(text, parsed, end, lex) or (_currency_sign(text, number.start, lex) and parsed.kind != Kind.MONEY):
        return None
    denominators, rate_start = _per_prefix(text, number.start)
    if parsed.kind in PERCENTS:
        denominators, rate_start = [], number.start  # 每年增长2%: a yearly growth, not a rate of a percent
    unit, unit_en, std_unit, factor, kind = _with_denominators(parsed, denominators, lex)
    prefix, prefix_start = _prefix_qualifier(text, rate_start)
    qualifier = Qualifier.RANGE if value_high is not None else (
        suffix or prefix or (Qualifier.OVER if inner_over else Qualifier.EXACT))
    return Quantity(
        start=number.start, end=end, value=value, unit=unit, kind=kind, qualifier=qualifier,
        value_high=value_high, std_value=value * factor, std_unit=std_unit, unit_en=unit_en,
        number_start=number.start, number_end=number.end, prefix_start=prefix_start, unit_end=unit_end,
        chinese=number.chinese,
    )


def _stands_without_unit(text: str, number: NumberMatch, parsed: _UnitParse | None, lex: Lexicon) -> bool:
    """No unit follows; or 達324億年增13.7%: years (or months, quarters, weeks) are not counted in 萬 or
    億, so a 年 after such a number begins the next words (a yearly change), and the number stands
    without a unit (but 1.2亿小时 is a duration)."""
    return parsed is None or (parsed.kind == Kind.DURATION and not number.chinese
                              and text[number.end - 1] in lex.big_units
                              and parsed.unit in lex.cues["time"]["long_duration_units"])


def _with_denominators(parsed: _UnitParse, denominators: list[str], lex: Lexicon):
    """每人每月1045元 → 元/人/月 (CNY/person/month); 每立方米19微克 is the concentration 微克/立方米."""
    unit, unit_en, std_unit, factor, kind = parsed.unit, parsed.unit_en, parsed.std_unit, parsed.factor, parsed.kind
    for word in denominators:
        den_en, den_std, den_factor = _per_word_meaning(word, lex)
        unit += "/" + word
        unit_en += " per " + den_en
        std_unit += "/" + den_std
        factor /= den_factor
    if denominators and unit in lex.units:
        known = lex.units[unit]
        unit_en, std_unit, factor, kind = known.unit_en, known.std_unit, known.factor, known.kind
    return unit, unit_en, std_unit, factor, kind


# Kinds of measure whose unit a list may write once, after its last number.
_SHAREABLE = frozenset({Kind.MONEY, Kind.AREA, Kind.LENGTH, Kind.VOLUME, Kind.MASS, Kind.ENERGY, Kind.POWER,
                        Kind.PERCENT, Kind.PERCENTAGE_POINT})
_LONGEST_LIST = 8


def _list_start(text: str, numbers: list[NumberMatch], i: int) -> int:
    """Where the list that ``numbers[i]`` stands in starts (282,834、29,954及27,753人次: at 282,834)."""
    while i > 0 and text[numbers[i - 1].end : numbers[i].start] in _LIST_JOINERS:
        i -= 1
    return numbers[i].start


def _shareable(text: str, start: int) -> frozenset[Kind]:
    """The kinds whose unit a list writes once at its end: counts too after a word that opens a list of them
    (依次为282,834、29,954及27,753人次)."""
    return _SHAREABLE | {Kind.COUNT} if text.endswith(tuple(_CUES.units.count_list_leads), 0, start) else _SHAREABLE


def _last_of_list(text: str, numbers: list[NumberMatch], i: int, classifier: str) -> int | None:
    """The index of the last number of a list that starts at ``numbers[i]`` (1、2和3), or None when no list
    starts there or a number inside it has a unit of its own."""
    j, pos = i, numbers[i].end + len(classifier)
    while True:
        if j + 1 >= len(numbers) or j - i >= _LONGEST_LIST or text[pos : numbers[j + 1].start] not in _LIST_JOINERS:
            return None
        j += 1
        nxt = numbers[j]
        pos = nxt.end + (len(classifier) if text.startswith(classifier, nxt.end) else 0)
        if not (j + 1 < len(numbers) and text[pos : numbers[j + 1].start] in _LIST_JOINERS):
            return j
        if text[nxt.end : nxt.end + 1] not in _LIST_JOINERS and not (classifier and text.startswith(classifier, nxt.end)):
            return None  # a number of the list has a unit of its own


def _unit_from_list_end(text: str, numbers: list[NumberMatch], i: int, classifier: str,
                        lex: Lexicon) -> Quantity | None:
    """分别下降0.5、0.3个百分点 / 面积分别为3和5平方公里 / 1个和2个百分点: an Arabic number followed
    by a list joiner takes the unit (and magnitude) written once after the last number of the list.
    ``classifier`` is a 个 written after each number of the list, part of the unit (个百分点)."""
    number = numbers[i]
    j = None if number.chinese else _last_of_list(text, numbers, i, classifier)
    if j is None:
        return None
    last = _quantity_at(text, numbers, j, lex)
    if (last is None or last.kind not in _shareable(text, _list_start(text, numbers, i)) or last.value_high is not None or not last.value
            or (classifier and not last.unit.startswith(classifier)) or last.number_start != numbers[j].start):
        return None
    value = number.value
    surface = text[number.start : number.end]
    if surface[-1:] not in lex.big_units:
        magnitude = text[numbers[j].start : numbers[j].end]
        tail = len(magnitude)
        while tail and magnitude[tail - 1] in lex.big_units:
            tail -= 1
        for ch in magnitude[tail:]:
            value *= lex.big_units[ch]  # 0.5、0.3万亿元: 0.5 is 0.5万亿 too
    end = number.end + len(classifier)
    prefix, prefix_start = _prefix_qualifier(text, number.start)
    return Quantity(
        start=number.start, end=end, value=value, unit=last.unit, kind=last.kind, qualifier=prefix or Qualifier.EXACT,
        std_value=value * last.std_value / last.value, std_unit=last.std_unit, unit_en=last.unit_en,
        number_start=number.start, number_end=number.end, prefix_start=prefix_start, unit_end=end,
    )


_CLAUSE_END = frozenset("，。；、,;：:！？!?") | {""}


def _unitless(text: str, number: NumberMatch, inner_over: bool, lex: Lexicon) -> Quantity | None:
    """一半 is handled here; an Arabic number with 万/亿 and no unit (常住人口8500万) is a count."""
    signed = _signed_money(text, number, lex)
    if signed is not None:
        return signed
    if number.chinese and text.startswith(_HALF, number.end) and number.value == 1:
        return _finish(text, number.start, number.end + 1, number, Decimal(1), _HALF, lex.units[_HALF], lex)
    surface = text[number.start : number.end]
    if not number.chinese and surface[-1:] not in lex.big_units:
        return _index_level(text, number) or _bare_level(text, number, lex)
    if number.chinese and number.has_digit and (_after_index_name(text, number.start)
                                                or _index_level_after_its_month(text, number.start, lex)):
        return _level_of_index(number)  # 工業生產指數一二二: a level written digit by digit
    prefix, prefix_start = _prefix_qualifier(text, number.start)
    noun_unit = _counted_noun(text, number.end) if prefix is not None else None
    if not _bare_magnitude_counts(text, number, surface, prefix, noun_unit, lex):
        return None
    suffix, end = _suffix_qualifier(text, number.end)
    qualifier = suffix or prefix or (Qualifier.OVER if inner_over else Qualifier.EXACT)
    return Quantity(
        start=number.start, end=end, value=number.value, unit="", kind=Kind.COUNT, qualifier=qualifier,
        std_value=number.value, std_unit=noun_unit or "item", unit_en=noun_unit or "item",
        number_start=number.start, number_end=number.end, prefix_start=prefix_start, unit_end=number.end,
    )


def _bare_magnitude_counts(text: str, number: NumberMatch, surface: str, prefix: Qualifier | None,
                           noun_unit: str | None, lex: Lexicon) -> bool:
    """A number with no unit that is a count: Arabic with 万/亿 (8500万), a bounded magnitude, a count in words."""
    if _bounded_bare_magnitude(text, number, prefix, noun_unit) or _counted_in_words(number, surface, lex):
        return True
    return not number.chinese and surface[-1:] in lex.big_units


def _counted_in_words(number: NumberMatch, surface: str, lex: Lexicon) -> bool:
    """访港旅客四百四十万, 六十八万: a count written out in numerals with a magnitude and no unit, as an Arabic
    one is (8500万); one or two characters (十万火急, 一万) may be words, so it takes three or more."""
    return number.chinese and number.has_digit and surface[-1:] in lex.big_units and len(surface) >= 3


def _bounded_bare_magnitude(text: str, number: NumberMatch, prefix: Qualifier | None, noun_unit: str | None) -> bool:
    """海洋生产总值突破万亿，/ 迈过千亿大关 / 惠及上千万家庭: a magnitude written alone, with a bound, that
    ends its clause, reaches a milestone or counts a noun."""
    return number.chinese and not number.has_digit and prefix is not None and bool(
        text[number.end : number.end + 1] in _CLAUSE_END or noun_unit
        or text.startswith(_CUES.number.milestone_words, number.end))


def _counted_noun(text: str, pos: int) -> str | None:
    """The standard unit of a noun counted without a classifier (上千万家庭 → household), if one follows."""
    return next((unit for noun, unit in _CUES.number.counted_nouns.items() if text.startswith(noun, pos)), None)


_INDEX_REACH = 20  # characters either side of a bracketed level where the index's name may stand
_SENTENCE_REACH = 120  # characters looked back for the index named earlier in the sentence
_SENTENCE_ENDS = ("。", "\n")


def _index_level(text: str, number: NumberMatch) -> Quantity | None:
    """An index level (a decimal) written alone in brackets beside the index's name: 综合消费物价指数(104.10),
    甲类(103.67)及乙类(104.68)消费物价指数 (a Macau release), or right after it (工业生产指数131.16);
    kind other, std_unit index."""
    if "." not in text[number.start : number.end]:
        return None
    if _after_index_name(text, number.start):
        return _level_of_index(number)  # 102年3月工业生产指数131.16, 7月WPI为109.57: after the index's name
    if text[number.start - 1 : number.start] not in _OPEN_BRACKETS or text[number.end : number.end + 1] not in _CLOSE_BRACKETS:
        return None
    near = text[max(0, number.start - 1 - _INDEX_REACH) : number.end + 1 + _INDEX_REACH]
    # (整体住宅楼价指数为268.0，…，澳门半岛(268.8)和路氹区(264.3)分别下跌: an index named earlier in the sentence)
    if not any(word in near for word in _CUES.regional.index_words) and not _index_named_before(text, number.start):
        return None
    return _level_of_index(number)


def _index_named_before(text: str, start: int) -> bool:
    """An index is named earlier in the sentence that holds ``start`` (within a bounded look-back)."""
    before = text[max(0, start - _SENTENCE_REACH) : start]
    before = before[max(before.rfind(mark) for mark in _SENTENCE_ENDS) + 1 :]
    return any(word in before for word in _CUES.regional.index_words)


def _after_index_name(text: str, start: int) -> bool:
    """The number at ``start`` follows an index's name, directly or after a link word (为, 為, 达), an
    abbreviation in brackets allowed between (消费者物价总指数(CPI)为104.05)."""
    words = _CUES.regional.index_words
    ends = [start] + [start - len(link) for link in _CUES.regional.index_links if text.endswith(link, 0, start)]
    ends += [m.start() for end in list(ends) if (m := _ABBREVIATION_BEFORE.search(text, 0, end))]
    # (贸易加权澳汇指数在2014年8月为97.71: the month of the level may stand between the name and the link)
    ends += [at for end in list(ends) if (at := _time_ending_at(text, end)) is not None]
    if text.endswith(_CUES.regional.index_report_links, 0, start) and _index_named_before(text, start):
        return True  # (租金指数按月升1.42%，最新报135.9)
    return any(text.endswith(words, 0, end) for end in ends)


def _time_ending_at(text: str, end: int) -> int | None:
    """Where a time expression that ends at ``end`` begins (with a preposition before it: 在2014年8月), by the
    time grammar of ``timeframe``; None when no time ends there."""
    period = _CUES.period
    if not text.endswith((period.month_mark, period.month_suffix, period.year_mark), 0, end):
        return None  # (the time grammar is tried only where a time can end)
    lo = max(0, end - _TIME_REACH)
    start = next((lo + s for s, e in time_spans(text[lo:end], roc=True) if lo + e == end), None)
    if start is None:
        return None
    prep = next((p for p in load_lexicon().words("regional", "index_time_preps") if text.endswith(p, 0, start)), "")
    return start - len(prep)


_TIME_REACH = 16  # characters of a month written between an index's name and its level


_ABBREVIATION_BEFORE = regex.compile(r"[(（][A-Za-z]{2,6}[)）]\Z")


def _level_of_index(number: NumberMatch) -> Quantity:
    return Quantity(
        start=number.start, end=number.end, value=number.value, unit="", kind=Kind.OTHER,
        qualifier=Qualifier.EXACT, std_value=number.value, std_unit=_CUES.regional.index_unit,
        unit_en=_CUES.regional.index_unit, number_start=number.start, number_end=number.end,
        prefix_start=number.start, unit_end=number.end,
    )


_OPEN_BRACKETS, _CLOSE_BRACKETS = "(（", ")）"


def _bare_level(text: str, number: NumberMatch, lex: Lexicon) -> Quantity | None:
    """A level with no unit, stated as a change from one value to another: 满意度从84.7提升至89.6,
    收入倍差从1.96缩小至1.81. Bare numbers anywhere else are not claims."""
    before = text[max(0, number.start - 4) : number.start]
    after = text[number.end : number.end + 1]
    is_from = before.endswith(tuple(lex.cues["change"]["from_words"])) and any(
        text.startswith(word, number.end) for word in _patterns().change_words)
    is_to = before.endswith(_CUES.change.to_words) and any(
        before[:-1].endswith(word) or before[:-1].endswith(word[:-1]) for word in _patterns().change_words)
    if not (is_from or is_to) or (after and not (is_from or after in "，。；、,;)）")):
        return None
    return Quantity(
        start=number.start, end=number.end, value=number.value, unit="", kind=Kind.OTHER,
        qualifier=Qualifier.EXACT, std_value=number.value, std_unit="", unit_en="",
        number_start=number.start, number_end=number.end, prefix_start=number.start, unit_end=number.end,
    )


def find_quantities(text: str, lex: Lexicon | None = None) -> list[Quantity]:
    """Every claim-like quantity in ``text``, sorted and non-overlapping."""
    lex = lex or load_lexicon()
    numbers = scan_numbers(text)
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if ("/" in text or "@" in text) else []
    if urls:  # a web address or an e-mail holds codes, not quantities
        numbers = [n for n in numbers if not any(a <= n.start < b for a, b in urls)]
    found: list[Quantity] = []
    covered = 0
    for i, number in enumerate(numbers):
        if number.start < covered:
            continue
        quantity = _quantity_at(text, numbers, i, lex)
        if quantity is None or _inside_label(text, quantity.start, lex):
            continue
        if quantity.start < covered:
            continue
        if found and quantity.qualifier == Qualifier.EXACT:
            quantity = _shared_prefix_qualifier(text, found, quantity)
        found.append(quantity)
        covered = quantity.end
    return found


def _shared_prefix_qualifier(text: str, found: list[Quantity], quantity: Quantity) -> Quantity:
    """分别超98.5%和99%, 分别突破2500亿元、1800亿元和1000亿元: a prefix qualifier before the first
    number of a 分别 list bounds them all."""
    head, later = len(found) - 1, quantity
    while head >= 0 and text[found[head].end : later.start].strip() in _LIST_JOINERS:
        if _prefixed(text, found[head]):
            break  # the list's first number, with its own prefix
        later, head = found[head], head - 1
    if head < 0 or text[found[head].end : later.start].strip() not in _LIST_JOINERS:
        return quantity
    first = found[head]
    respectively = _CUES.range.respectively
    if not _prefixed(text, first) or text.rfind(respectively, max(0, first.prefix_start - 6), first.prefix_start) < 0:
        return quantity
    return quantity._replace(qualifier=first.qualifier)


def _prefixed(text: str, q: Quantity) -> bool:
    """A word written before the number (超, 约), not just a typeset space."""
    return bool(text[q.prefix_start : q.start].strip())


def aligned_with_words(quantity: Quantity, tokens: Tokens) -> bool:
    """A Chinese numeral and its unit must be whole words: 一方面, 二七片区 and 五位一体 are not
    quantities, because jieba reads 方面, 片区 and 五位一体 as words that the number cuts through.
    After Arabic digits only a one-character unit is checked: 3.0方案 is a plan, not 3 m3."""
    if not quantity.chinese:
        one_char_unit = len(quantity.unit.split("/")[0]) == 1 and quantity.unit_end == quantity.number_end + 1
        if not one_char_unit or tokens.ends_at(quantity.unit_end):
            return True
        glued = tokens.covering(quantity.unit_end)
        if glued is None:
            return True
        rest = glued.text[quantity.unit_end - glued.start :]
        return rest.startswith(_patterns().word_continuations)  # 50万元以上, 三周大 (but not 3.0方案)
    if not tokens.ends_at(quantity.unit_end):
        return False
    token = tokens.covering(quantity.number_start)
    if token is None:
        return True
    prefixes = {w for w, _ in _patterns().prefix_words} | {_ORDINAL, _TOP}
    head = token.text[: quantity.number_start - token.start]
    return head in prefixes or head[-1:] in prefixes or head == _CUES.number.magnitude_bound  # 上万 | 人


_CLAUSE_MARKS = regex.compile(r"[，,；;。：:]")


def _sums_up_a_list(text: str, quantity: Quantity, tokens: Tokens) -> bool:
    """True when a count follows a list of names joined by 、 and counts exactly those names."""
    if quantity.qualifier != Qualifier.EXACT or not 2 <= quantity.value <= 12:
        return False
    lead = text[max(0, quantity.prefix_start - 80) : quantity.prefix_start]
    if "、" not in lead:
        return False
    etc = _CUES.label.etc
    lead = _CLAUSE_MARKS.split(lead)[-1].removesuffix(etc)
    names = lead.split("、")
    if len(names) != int(quantity.value) or not all(0 < len(name) <= 12 for name in names):
        return False
    # (the list must run right up to the number: 存款、贷款余额连跨2个万亿元台阶 has a predicate between)
    last_start = quantity.prefix_start - len(names[-1]) - (len(etc) if text.endswith(etc, 0, quantity.prefix_start) else 0)
    return not any(t.tag.startswith("v") and t.tag != "vn" for t in tokens.overlapping(last_start, quantity.prefix_start))


_COUNTED_OR_RATED = PERCENTS | {Kind.COUNT, Kind.RANK}  # (the rest are measures: 10亿元以上…)


def names_a_class(quantity: Quantity, text: str, tokens: Tokens) -> bool:
    """True when a quantity only names a class of things, not a measurement:
    - a band of a measure before a noun: 10亿元以上重大产业项目 (the projects of over 1bn yuan);
    - a Chinese numeral counting the first word of a plan's name: 实施五个新城产业细分赛道专项规划."""
    if quantity.kind == Kind.COUNT and _sums_up_a_list(text, quantity, tokens):
        return True  # 京哈改扩建、本桓宽、凌绥、台黑4条高速: the number only counts the names just listed
    if _defines_a_class_in_brackets(quantity, text) or _banded_class(quantity, text):
        return True  # A类物业(40平方米以下), B类物业(40至69.9平方米): the band that defines the class named before
    after = tokens.overlapping(quantity.end, quantity.end + 24)
    after = [t for t in after if t.start >= quantity.end]
    if not after or after[0].start != quantity.end:
        return False
    if quantity.kind not in _COUNTED_OR_RATED:
        return _measure_names_a_class(quantity, text, after)
    return quantity.kind == Kind.COUNT and _count_names_a_class(quantity, text, after)


def _banded_class(quantity: Quantity, text: str) -> bool:
    """二百人及以上的会议, 二万人次及以上的展览: a band then 的 and a noun names a class of things, whatever the
    measure (a share is no class: 90%以上的矛盾纠纷 is a share of them)."""
    if quantity.kind in PERCENTS:
        return False
    band = _joined_band().match(text, quantity.end)
    end = band.end() if band else quantity.end
    if band is None and not text.endswith(_patterns().band_suffixes, 0, end):
        return False
    noun = end + len(_CUES.label.attributive)
    return (text.startswith(_CUES.label.attributive, end) and bool(_CJK.match(text[noun : noun + 1] or " "))
            and not text.startswith(tuple(load_lexicon().words("label", "band_aims")), noun))  # (40万人以上的目标)


@cache
def _joined_band() -> regex.Pattern[str]:
    joiners = _alternation(load_lexicon().words("label", "band_joiners"))
    return regex.compile(rf"(?:{joiners})(?:{_alternation(_patterns().band_suffixes)})")


@cache
def _class_band_tail() -> regex.Pattern[str]:
    # (…平方米以下), (…平方米或以上): a band word, perhaps after a joining character, then the bracket closes
    return regex.compile(rf"\s*\p{{Han}}?(?P<band>{_alternation(_patterns().band_suffixes)})?\s*[)）]")


def _defines_a_class_in_brackets(quantity: Quantity, text: str) -> bool:
    """A band or a range of a measure alone in brackets right after a name: what the class is, not a figure."""
    if quantity.kind in _COUNTED_OR_RATED or quantity.kind == Kind.OTHER or quantity.prefix_start < 2:
        return False
    if text[quantity.prefix_start - 1] not in "(（" or not _CJK.match(text[quantity.prefix_start - 2]):
        return False
    tail = _class_band_tail().match(text, quantity.end)
    banded = quantity.value_high is not None or quantity.qualifier in (Qualifier.UNDER, Qualifier.OVER)
    return tail is not None and (banded or tail.group("band") is not None)


def _measure_names_a_class(quantity: Quantity, text: str, after: list) -> bool:
    if text.endswith(_patterns().band_suffixes, 0, quantity.end):
        if after[0].text == _CUES.label.attributive and len(after) > 1:
            after = after[1:]  # 经营性收入50万元以上的行政村: a band before 的 and a noun
        return after[0].tag[:1] in ("n", "j", "a", "b") or after[0].tag in ("vn", "l")
    if quantity.qualifier == Qualifier.OVER and quantity.prefix_start < quantity.start:
        noun = after[1] if after[0].text == _CUES.label.attributive and len(after) > 1 else after[0]
        if noun.tag[:1] in ("n", "j") and noun.text.endswith(_count_noun_suffixes()):
            return True  # 突破3万亿元城市, 主营业务收入超500亿元的企业: a bound that picks out a class of things
    return False


def _count_names_a_class(quantity: Quantity, text: str, after: list) -> bool:
    if _patterns().introduces_list_re.match(text, quantity.end):
        return True  # 部署了13项任务举措：一是…: the number counts the items listed next
    if not quantity.chinese:
        return False
    if _NAMES_A_FENBIE_LIST.match(text, quantity.end):
        return True  # 四条产业链产值分别突破…: the count names the list whose numbers follow
    chain = []
    for token in after:
        if not _CJK.match(token.text) or (token.tag.startswith("v") and token.tag != "vn"):
            break
        chain.append(token.text)
    return len(chain) >= 3 and chain[-1].endswith(_patterns().plan_words)
