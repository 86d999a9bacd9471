"""``reportminer.numbers(text)``: the number layer beneath the claims, as rows.

Every numeral, bare or not, with its value (``一只`` → 一 = 1, ``三百五又三分之一`` → 350.33…), plus the
ranges and open bounds that surround numbers (``1000以上，1500以下`` → 1000–1500, ``五百多`` → over 500,
``10000与20000之间``, ``大于二十的同时小于等于三十五``). Chinese characters that only look like numerals
(四川, 一切, 入伍, 陆地) are not numbers: a numeral must be a word of its own for jieba, or a word
with a unit or classifier.

>>> [(r["mention"], r["value"], r["value_high"], r["qualifier"]) for r in numbers("数字在1000以上， 1500以下")]
[('1000以上， 1500以下', 1000.0, 1500.0, 'range')]
>>> [(r["mention"], r["value"]) for r in numbers("我家在四川，养了十只鸡")]
[('十', 10.0)]
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from . import regexcache as regex

from .fold import fold
from .lexicon import load_lexicon
from .numberscan import scan_numbers
from .segment import Tokens, tokenize
from .types import NumberMatch

_SLASH = regex.compile(r"[ \t]*/[ \t]*")


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    value: Decimal
    value_high: Decimal | None = None
    qualifier: str = "exact"
    lead: int = -1  # where words that bound this number end (before 百分之 in 超过了百分之零点九)


@dataclass(frozen=True, slots=True)
class _Words:
    prefix: regex.Pattern[str]  # every bounding word before a number, longest first
    prefix_qualifier: dict[str, str]
    over_suffix: regex.Pattern[str]
    under_suffix: regex.Pattern[str]
    comparative: regex.Pattern[str]
    between: regex.Pattern[str]
    joiner: regex.Pattern[str]
    bound_joiner: regex.Pattern[str]
    between_close: regex.Pattern[str]
    fraction: regex.Pattern[str]  # 三分之一, 三 分 之 一
    fraction_mark: str  # 分: a fraction's surface has it
    fraction_end: str  # 之: a numeral after it is a fraction's numerator (二分之一)
    financial: frozenset[str]  # 壹 … 仟
    heads: frozenset[str]  # what a numeral may share a jieba word with, before it
    tails: tuple[str, ...]  # and after it
    comparative_lead: str  # 比
    and_word: str  # 又


def _spaced(words) -> str:
    """An alternation in which spaces may stand between the characters of each word."""
    return "|".join("[ \t]*".join(regex.escape(c) for c in w) for w in sorted(words, key=len, reverse=True))


@cache
def _words() -> _Words:
    cues = load_lexicon().cues["numberrange"]
    joiners = "|".join(regex.escape(j) for j in load_lexicon().cues["range"]["joiners"])
    schema = load_lexicon().schema
    ranges, joint = schema.numberrange, schema.fraction.joint
    qualifiers = {w: q for key, q in (("exact_prefix", "exact"), ("under_prefix", "under"), ("over_prefix", "over"))
                  for w in cues[key]}
    return _Words(
        prefix=regex.compile(rf"(?:{_spaced(qualifiers)})[ \t]*\Z"),
        prefix_qualifier=qualifiers,
        over_suffix=regex.compile(rf"[ \t]*(?:{_spaced(cues['over_suffix'])})"),
        under_suffix=regex.compile(rf"[ \t]*(?:{_spaced(cues['under_suffix'])})"),
        comparative=regex.compile(
            rf"[ \t]*(?:(?P<over>{_spaced(cues['comparative_over'])})|(?P<under>{_spaced(cues['comparative_under'])}))"),
        between=regex.compile(rf"[ \t]*(?:{_spaced(cues['between_joiners'])})[ \t]*"),
        joiner=regex.compile(rf"[ \t]*(?:{joiners})[ \t]*"),
        bound_joiner=regex.compile(rf"(?:[ \t]*(?:{_spaced(cues['bound_joiners'])})[ \t]*)*"),
        between_close=regex.compile(rf"[ \t]*(?:{_spaced(cues['between_close'])})"),
        fraction=regex.compile(rf"[ \t]*{_spaced([joint])}[ \t]*"),
        fraction_mark=joint[0],
        fraction_end=joint[-1],
        financial=frozenset(ranges.financial_digits),
        heads=frozenset(ranges.numeral_heads),
        tails=ranges.numeral_tails,
        comparative_lead=ranges.comparative_lead,
        and_word=schema.number.and_word,
    )


def _is_numeral_word(text: str, number: NumberMatch, tokens, lex) -> bool:
    """A Chinese numeral is a number only where it is a word (or a word with its classifier)."""
    if not number.chinese:
        return True
    w = _words()
    surface = text[number.start : number.end].replace(" ", "")
    if text.endswith(w.comparative_lead, 0, number.start):
        return True  # 比三十大: a comparison, whatever jieba makes of 三十大
    multipliers = lex.cues["numberrange"]["multipliers"]
    if (len(surface) == 1 and surface in w.financial and not text.startswith(tuple(multipliers), number.end)
            and not text[: number.start].rstrip().endswith(w.fraction_end)):
        return False  # 拾起, 伍仁, 陆地: one financial numeral alone is a word's character
    if not number.has_digit and not any(ch in lex.small_units for ch in surface):
        return False  # 万, 万万: a magnitude alone
    digits_only = all(ch in lex.digits for ch in surface)
    if digits_only and 1 < len(surface) < 3 and not any(lex.digits[ch] == 0 for ch in surface):
        return False  # 两两, 九九: a word, not the number 22
    return not any(_cut_by(token, number, lex, w) for token in tokens.overlapping(number.start, number.end))


def _cut_by(token, number: NumberMatch, lex, w: _Words) -> bool:
    """True when jieba's ``token`` runs across the numeral's edge into a word of its own."""
    if token.start < number.start:
        head = token.text[: number.start - token.start]
        if head not in w.heads and not head.endswith(w.fraction_end):
            return True  # 入伍, 收拾: the numeral ends a word
    if token.end > number.end:
        tail = token.text[number.end - token.start :]
        if tail not in lex.units and not tail.startswith(w.tails):
            return True  # 四川, 一切, 十足: the numeral begins a word
    return False


def _base_items(text: str) -> list[_Item]:
    """Numbers, fractions (三分之一, 1/2, 3又一千分之23), 打 and 百分之 resolved."""
    lex = load_lexicon()
    cues = lex.cues["numberrange"]
    tokens = Tokens.of(tokenize(text))
    found = [n for n in scan_numbers(text) if _is_numeral_word(text, n, tokens, lex)]
    items: list[_Item] = []
    i = 0
    while i < len(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        pair = _fraction_item(text, found[i], nxt) if nxt is not None else None
        if pair is not None:
            items.append(pair)
            i += 2
            continue
        items.append(_single_item(text, found[i], cues["multipliers"]))
        i += 1
    for word, value in cues["words"].items():
        for m in regex.finditer(regex.escape(word), text):
            items.append(_Item(m.start(), m.end(), Decimal(value)))
    return _mixed_fractions(text, sorted(items, key=lambda it: it.start))


def _fraction_item(text: str, n: NumberMatch, nxt: NumberMatch) -> _Item | None:
    """三分之一, 百分之五十五 (the number is 55, bounded from before 百分之), 1/2; None when no fraction."""
    fraction = _words().fraction.match(text, n.end)
    if fraction and nxt.start == fraction.end():
        if n.has_digit and n.value != 0:
            return _Item(n.start, nxt.end, nxt.value / n.value)
        return _Item(nxt.start, nxt.end, nxt.value, lead=n.start)
    slash = _SLASH.match(text, n.end)
    if slash and nxt.start == slash.end() and not n.chinese and nxt.value != 0:
        return _Item(n.start, nxt.end, n.value / nxt.value)
    return None


def _single_item(text: str, n: NumberMatch, multipliers) -> _Item:
    """One number, times a multiplier word after it (十打 = 120)."""
    multiplier = next((m for m in multipliers if text.startswith(m, n.end)), None)
    if multiplier:
        return _Item(n.start, n.end + len(multiplier), n.value * multipliers[multiplier])
    return _Item(n.start, n.end, n.value, qualifier="over" if n.over else "exact")


def _mixed_fractions(text: str, items: list[_Item]) -> list[_Item]:
    """三百五又三分之一 = 350 + 1/3; 1 3/5 = 1.6: a whole number, 又 or a space, then a fraction."""
    w = _words()
    out: list[_Item] = []
    for item in items:
        if out:
            prev = out[-1]
            gap = text[prev.end : item.start]
            is_fraction = w.fraction_mark in text[item.start : item.end] or "/" in text[item.start : item.end]
            if is_fraction and (gap.strip() == w.and_word or (gap and not gap.strip())) and prev.value == prev.value.to_integral():
                sign = -1 if prev.value < 0 else 1
                out[-1] = _Item(prev.start, item.end, prev.value + sign * abs(item.value))
                continue
        out.append(item)
    return out


def _bounded(text: str, item: _Item) -> _Item:
    """The qualifier an item's neighbours give it: 大于10 → over, 1500以下 → under, 比三十大 → over."""
    w = _words()
    start, end, qualifier = item.start, item.end, item.qualifier
    anchor = item.lead if item.lead >= 0 else start
    lead = text[max(0, anchor - 12) : anchor]
    m = w.prefix.search(lead)
    if m:
        word = m.group().replace(" ", "").replace("\t", "")
        start, qualifier = anchor - (len(lead) - m.start()), w.prefix_qualifier[word]
    if lead.rstrip().endswith(w.comparative_lead):
        after = w.comparative.match(text, end)
        if after:
            start = anchor - (len(lead) - lead.rstrip().rindex(w.comparative_lead))
            end, qualifier = after.end(), "over" if after.group("over") else "under"
    for pattern, name in ((w.over_suffix, "over"), (w.under_suffix, "under")):
        m = pattern.match(text, end)
        if m:
            end, qualifier = m.end(), name
            break
    return replace(item, start=start, end=end, qualifier=qualifier)


def _ranges(text: str, items: list[_Item]) -> list[_Item]:
    """Join neighbours into ranges: 20到100, 位于20和30之间, 大于10小于20, 最多100最少20."""
    w = _words()
    cues = load_lexicon().cues["numberrange"]
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        if b is not None and a.qualifier == "exact" and b.qualifier in ("exact", "over", "under"):
            dash = w.joiner.fullmatch(text, a.end, b.start)
            between = w.between.fullmatch(text, a.end, b.start)
            if dash or between:
                close = w.between_close.match(text, b.end)
                opener = next((o for o in cues["between_open"] if text.endswith(o, 0, a.start)), "")
                if dash or close:  # 20到100; 和/与 make a range only with 之间: 10000与20000之间
                    end = close.end() if close else b.end
                    low, high = sorted((a.value, b.value))
                    out.append(_Item(a.start - len(opener), end, low, high, "range"))
                    i += 2
                    continue
        if b is not None and {a.qualifier, b.qualifier} == {"over", "under"} and w.bound_joiner.fullmatch(text, a.end, b.start):
            low = a.value if a.qualifier == "over" else b.value
            high = b.value if b.qualifier == "under" else a.value
            if low < high:  # 大于50小于12 contradicts itself: two open bounds
                out.append(_Item(a.start, b.end, low, high, "range"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def numbers(text: str) -> list[dict]:
    """Every number of ``text`` as a row: mention, start, end, value, value_high, qualifier."""
    folded = fold(text)
    items = [_bounded(folded, item) for item in _base_items(folded)]
    rows = []
    for item in _ranges(folded, items):
        rows.append({
            "mention": text[item.start : item.end], "start": item.start, "end": item.end,
            "value": float(item.value), "value_high": float(item.value_high) if item.value_high is not None else None,
            "qualifier": item.qualifier,
        })
    return rows
