"""The typed values that flow between the stages. All offsets are half-open code-point indices
into the article text exactly as decoded, so ``text[start:end]`` is always the surface form.

The values made once or more per claim (pieces, sentences, numbers, quantities, claims) are named tuples:
as immutable and typed as frozen dataclasses, and made several times faster (a frozen dataclass sets
every field through ``object.__setattr__``; tens of thousands are made per report)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import NamedTuple


class Kind(str, Enum):
    MONEY = "money"
    COUNT = "count"
    AREA = "area"
    LENGTH = "length"
    VOLUME = "volume"
    MASS = "mass"
    ENERGY = "energy"
    POWER = "power"
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    DURATION = "duration"
    RANK = "rank"
    OTHER = "other"


# Kinds as the stages test them, once per number: a set lookup, where a tuple of members read off the
# class each time would go through EnumType's attribute hook (several times slower) for every member.
PERCENTS = frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT})


class Qualifier(str, Enum):
    EXACT = "exact"
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    text: str
    lang: str = "zh"
    published: str = ""  # ISO date or year-month; relative time words resolve against it
    title: str = ""
    source: str = ""
    region: str = ""  # CN, TW, HK or MO; empty: inferred from the text


class Piece(NamedTuple):
    """A stretch of the document that belongs to a sentence."""

    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence of the body. ``pieces`` are several when the layout broke it across paragraphs;
    ``text`` is their concatenation, so positions in ``text`` map back through ``to_doc``."""

    index: int
    pieces: tuple[Piece, ...]
    text: str
    section: str
    is_heading: bool = False
    section_start: int = -1  # where the section's heading text starts in the document
    is_list_item: bool = False  # a line of a bulleted list (its status may come from the line that opens the list)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    def to_doc(self, pos: int) -> int:
        """Document offset of position ``pos`` of ``text`` (``pos`` may equal ``len(text)``)."""
        offset = 0
        for piece in self.pieces:
            length = piece.end - piece.start
            if pos < offset + length or piece is self.pieces[-1]:
                return piece.start + pos - offset
            offset += length
        raise AssertionError("unreachable")

    def spans_one_piece(self, start: int, end: int) -> bool:
        """True when text[start:end] lies inside one piece, i.e. is contiguous in the document."""
        if len(self.pieces) == 1:
            return True  # (the common case: a sentence of one paragraph)
        return self.to_doc(end - 1) - self.to_doc(start) == end - 1 - start


class NumberMatch(NamedTuple):
    """A numeral as written: ``1082.6亿``, ``三千五百``, ``1100余万``, ``万亿``."""

    start: int
    end: int
    value: Decimal
    has_digit: bool  # False for a bare magnitude such as 万亿 or 百
    chinese: bool  # written with Chinese numerals (不是阿拉伯数字)
    over: bool = False  # an inner 余/多: 1100余万


class Quantity(NamedTuple):
    """A number with its unit, qualifier and range, positions relative to the sentence text."""

    start: int
    end: int
    value: Decimal
    unit: str
    kind: Kind
    qualifier: Qualifier
    value_high: Decimal | None = None
    std_value: Decimal | None = None
    std_unit: str = ""
    unit_en: str = ""
    number_start: int = 0  # where the number itself starts (after 第/前 of a rank)
    number_end: int = 0  # where the number and multiplier end, before the unit
    prefix_start: int = 0  # where the prefix qualifier (约/超过…) starts, else == start
    unit_end: int = 0  # where the unit ends, before any suffix qualifier
    chinese: bool = False  # the numeral is written in Chinese characters


class Claim(NamedTuple):
    """One row of the facts table."""

    doc_id: str
    lang: str
    start: int
    end: int
    mention: str
    value: float
    unit: str
    unit_en: str
    kind: str
    std_value: float | None
    std_unit: str
    qualifier: str
    value_high: float | None
    metric: str
    metric_en: str
    change: str
    period: str
    status: str
    sentence: str
    section: str
    region: str = "CN"  # where the report comes from: CN, TW, HK or MO
    # Which rule decided each field (``reportminer show --explain``); not columns of the default table.
    metric_rule: str = ""
    change_rule: str = ""
    period_rule: str = ""
    status_rule: str = ""
