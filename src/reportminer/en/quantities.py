"""English quantities: a number with its unit (percent, yuan, km), its currency, the noun it counts
(175 planned reserve projects), a rate (per person per month), a range in words (ranging from 4 percent to
6 percent) and its qualifier (more than, about, or more). Numbers with no unit, currency, counted noun
or scale are not claims (list markers, codes, names); durations are claims only as streaks.

>>> [(q.quantity.value, q.quantity.unit, q.counted) for q in find_quantities("Twenty-five new schools opened.")]
[(Decimal('25'), 'schools', 'new schools')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from .. import regexcache as regex

from ..types import Kind, Qualifier, Quantity
from .numbers import Number, find_numbers
from .pack import EnglishCues, alternation, ends_with, english_cues, english_units

# A plural noun after a magnitude (5.32 billion integrated circuits), when no listed count noun is there.
# (the last plural of up to four words: 32.73 million new business entities; business is no plural)
_PLURAL_NOUN = regex.compile(r"\s(?P<mods>(?:[a-z][\w-]*\s){0,3})(?P<noun>[a-z]{2,}(?<!s)s)\b")
_FIRST_PLURAL_NOUN = regex.compile(r"\s(?P<mods>(?:[a-z][\w-]*\s){0,3}?)(?P<noun>[a-z]{2,}(?<!s)s)\b")


@cache
def _not_nouns() -> frozenset[str]:
    return frozenset(english_cues().not_plural_nouns)


# Where a range is written out in words (ranging from 4 percent to 6 percent, between 3 and 5 percent).
_RANGE_START = regex.compile(r"(?i)\b(?:ranging|ranged|range|ranges)\s+from\s*\Z|\bbetween\s*\Z|\brange\s+of\s*\Z")
_RANGE_END = regex.compile(r"(?i)\s(?:to|and)\s(?P<high>\d[\d,]*(?:\.\d+)?)\s{0,3}(?P<unit>percent|per cent|%|percentage points?)")
# (with no word before: growth of 7 percent to 7.5  percent, 7% to 7.5%, about 6%-6.5%)
_SPREAD_END = regex.compile(r"(?i)(?:\s{1,3}(?:to|-|–)\s{1,3}|[-–])(?P<high>\d[\d,]*(?:\.\d+)?)\s{0,3}(?P<unit>percent|per cent|%|percentage points?)(?![\w])")


@dataclass(frozen=True, slots=True)
class EnglishQuantity:
    """A quantity with what English says around it that the context stage reads."""

    quantity: Quantity
    counted: str = ""  # the noun phrase a count counts (new schools), when it says what is counted
    signed: bool = False  # written with a minus sign: a fall, when a change
    plus: bool = False  # written with a plus sign: a rise, when a change


@dataclass(frozen=True, slots=True)
class _Unit:
    surface: str
    kind: Kind
    unit_en: str
    std_unit: str
    factor: Decimal
    end: int  # where the unit (or the counted noun) ends in the sentence
    counted: str = ""


@cache
def _unit_re() -> regex.Pattern[str]:
    # (a hyphen may join a number to its unit: a 5-percent growth rate; a streak word may stand
    # between: five consecutive years)
    cues = english_cues()
    return regex.compile(rf"(?:\s{{1,3}}|-)?(?:(?:{alternation(cues.streak_words)})\s)?(?P<unit>{alternation(english_units())})(?![\w])",
                         regex.IGNORECASE)


@cache
def _count_re() -> regex.Pattern[str]:
    return regex.compile(rf"\s(?P<mods>(?:[a-z][\w-]*\s){{0,4}}?)(?P<noun>{alternation(english_cues().count_nouns)})\b",
                         regex.IGNORECASE)


@cache
def _per_re() -> regex.Pattern[str]:
    """ per person, a year: one denominator of a rate written after the amount (450 yuan per person per year)."""
    dens = alternation(english_cues().per_words)
    # (5,802 kg / ha: a slash, spaced or not, as a table writes it)
    return regex.compile(rf"(?:\s(?:per|a|each)\s|\s?/\s?)(?P<den>{dens})\b(?!\s+(?:ago|earlier|before|later))",
                         regex.IGNORECASE)  # (a year ago is a time)


def singular(noun: str, cues: EnglishCues) -> str:
    """The singular of a plural count noun (projects → project, cities → city), so that English rows
    share their units with Chinese ones."""
    words = noun.split()
    last = words[-1]
    if last in cues.singular:
        last = cues.singular[last]
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "xes", "sses")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join(words[:-1] + [last])


def _measure_unit(text: str, pos: int) -> _Unit | None:
    m = _unit_re().match(text, pos)
    if m is None:
        return None
    unit = english_units()[m.group("unit").lower()]
    return _Unit(m.group("unit"), unit.kind, unit.unit_en, unit.std_unit, unit.factor, m.end())


def _is_counted(plural: regex.Match[str] | None) -> bool:
    """A plural noun phrase after a number that names what is counted (no verb or link word in it)."""
    return plural is not None and plural.group("noun").lower() not in _not_nouns() and _plain_modifiers(plural.group("mods"))


_BE_OR_OF = frozenset({"of", "is", "are", "was", "were"})


def _plain_modifiers(mods: str) -> bool:
    """The words before a counted noun hold no verb, link word or "of"; a participle after "newly" is an
    adjective (155,600 newly registered market entities)."""
    stops = _modifier_stops()
    words = [w.lower() for w in mods.split()]
    return not any(w in stops and not (k and words[k - 1] == "newly") for k, w in enumerate(words))


@cache
def _modifier_stops() -> frozenset[str]:
    cues = english_cues()
    return frozenset(cues.stop_words + cues.link_words) | _not_nouns() | {"of"}


def _counted_noun(text: str, pos: int, number: Number) -> _Unit | None:
    """The noun a count counts: a listed count noun (jobs, enterprises), else any plural noun after a
    number in digits or words (31 provinces, twenty-five schools)."""
    cues = english_cues()
    m = _count_re().match(text, pos)
    if m is not None and _BE_OR_OF & set(m.group("mods").lower().split()):
        m = None  # (Three of the five projects: "of" opens the whole the part is taken from; 53,600 were …: a link)
    if m is None:
        m = next((p for p in (_PLURAL_NOUN.match(text, pos), _FIRST_PLURAL_NOUN.match(text, pos)) if _is_counted(p)), None)
        if m is None:
            return None
    noun = m.group("noun")
    generic = not m.group("mods").strip() and noun.lower() in cues.generic_count_nouns
    counted = "" if generic else f"{m.group('mods').strip()} {noun}".strip()
    name = singular(noun.lower(), cues)
    return _Unit(noun, Kind.COUNT, name, name, Decimal(1), m.end(), counted)


_LIST_JOINER = regex.compile(r"\s(?:to|and|or|(?:out\s)?of(?:\sthe)?)\s|,\s(?:and\s|or\s)?")  # (Nine of the 11 regions; 21 out of 41 industries)


def _unit_after_list(text: str, number: Number, numbers: list[Number]) -> tuple[_Unit, Number] | None:
    """ "from 54 trillion to 82.7 trillion yuan", "3 and 5 percent", "3.6, 6.8 and 2.5 percent": the unit
    written once after the last number of a list, with that number; "37 of 41 major industries": a part
    counts what its whole counts ("Nine of the 11 provincial-level regions" too)."""
    current = number
    for _ in range(12):
        joiner = _LIST_JOINER.match(text, current.end)
        following = next((n for n in numbers if joiner and n.start == joiner.end()), None)
        if joiner is None or following is None or following.currency:
            return None
        if joiner.group().split()[0] in ("of", "out"):
            unit = _counted_noun(text, following.end, following) if current is number else None
            return (unit, following) if unit else None
        unit = _measure_unit(text, following.end)
        if unit:
            # (the PMI was 52.6, 0.1 percentage point higher: a comma alone ends no list; its last item needs
            # and, or, to)
            return (unit, following) if joiner.group().strip(" ,") else None
        current = following
    return None


@cache
def _number_of_re() -> regex.Pattern[str]:
    """the number of X rose to | increased by 8,439, totaling more than |: the words before a bare number
    that "the number of" things states."""
    cues = english_cues()
    verbs = alternation(cues.number_of_verbs)
    bounds = alternation(cues.prefix_over + cues.prefix_under + cues.prefix_approx)
    return regex.compile(rf"(?i)\bnumber\s+of\s+(?P<noun>(?:[a-z][\w'-]*\s){{0,8}}?)(?:{verbs})(?:\s+(?:to|at|in\s+at|by))?"
                         rf"(?:\s+[\d,.]+\s*,\s*(?:{verbs}))?(?:\s+(?:{bounds}))?\s*\Z")


_MODIFIER_STARTS = frozenset({"in", "of", "with", "by", "for", "who", "that", "which", "from", "at", "on", "above", "below"})


def _number_of(text: str, number: Number) -> _Unit | None:
    """The number of new business entities rose to 350,000: a bare number that states "the number of"
    the things named before it counts them."""
    m = _number_of_re().search(text, 0, number.start)
    if m is None or number.in_words:
        return None
    words = m.group("noun").split()
    # (the number of people covered by basic old-age insurance: the head is the noun before the modifier)
    cut = next((k for k, w in enumerate(words) if k and (w.lower() in _MODIFIER_STARTS or w.lower().endswith("ed"))), len(words))
    if not cut or not words[cut - 1].lower().endswith(("s", "people")):
        return None
    head = words[cut - 1]
    name = singular(head.lower(), english_cues())
    return _Unit("", Kind.COUNT, name, name, Decimal(1), number.end, " ".join(words))  # (no unit written after it)


def _unit_of(text: str, number: Number, numbers: list[Number]) -> tuple[_Unit, Decimal] | None:
    """The unit of a number and any factor a shared scale adds, else None (a bare number)."""
    if _ELIDED_ING.match(text, number.end) and (elided := _elided_count(text, number, numbers)):
        return elided, Decimal(1)  # (with nine reporting growth rates: nine regions reporting, not nine rates)
    unit = _measure_unit(text, number.end)
    if unit is None and not number.currency and (number.scaled or not number.in_words or number.value >= 2):
        unit = _counted_noun(text, number.end, number) or _number_of(text, number)
    if unit is not None:
        return unit, Decimal(1)
    shared = _unit_after_list(text, number, numbers) if not number.currency else None
    if shared:
        unit, following = shared
        # (from 54 to 82.7 trillion yuan: the scale after the list is the first number's too)
        factor = following.factor if not number.scaled else Decimal(1)
        unit = _with_rate(text, unit) if unit.kind in _RATED else unit  # (501, 442 and 396 yuan per ton: the rate too)
        return _Unit(unit.surface, unit.kind, unit.unit_en, unit.std_unit, unit.factor, number.end, unit.counted), factor
    if number.currency:
        code = number.currency
        symbol = regex.match(r"[^\d\s\-−]+", text[number.start : number.end])  # US$ of US$ 48.6 million, $ of $2.5bn
        return _Unit(symbol.group() if symbol else code, Kind.MONEY, code, code, Decimal(1), number.end), Decimal(1)
    if number.scaled:
        return _Unit("", Kind.COUNT, "item", "item", Decimal(1), number.end), Decimal(1)
    bare = _level_unit(text, number) or _elided_count(text, number, numbers) or _count_told_after(text, number)
    return (bare, Decimal(1)) if bare else None


_LINKED_PLURAL = regex.compile(r"\s+(?:were|was|are|is)(?P<np>\s(?P<mods>(?:[a-z][\w-]*\s){0,3}?)(?P<noun>[a-z]{2,}(?<!s)s))\b(?!\s+(?:of|by)\b)")


def _count_told_after(text: str, number: Number) -> _Unit | None:
    """of which 53,600 were newly registered enterprises: a bare number that a link verb makes a plural noun
    counts that noun (the noun is not written with the number, so the unit is empty)."""
    m = _LINKED_PLURAL.match(text, number.end)
    if m is None or number.in_words or not _is_counted(m):
        return None
    name = singular(m.group("noun").lower(), english_cues())
    return _Unit("", Kind.COUNT, name, name, Decimal(1), number.end, m.group("np").strip())


def _level_unit(text: str, number: Number) -> _Unit | None:
    """A bare decimal an index (the PMI was 52.6) or a ratio (the ratio … was reduced to 1.71) reaches: its level;
    a bare number written with thousands separators that a verb of level reaches (the per capita GDP reached
    41,798): money where a money measure names it, else a count."""
    if not number.in_words and _change_by_then_level(text, number):
        return _Unit("", Kind.COUNT, "item", "item", Decimal(1), number.end)  # (dropped by 600 from … to 9,800)
    if _SEPARATED.search(number.text) and not number.in_words and _bracketed_after_noun(text, number):
        return _Unit("", Kind.COUNT, "item", "item", Decimal(1), number.end)  # (those from the Chinese mainland (917,000))
    if _SEPARATED.search(number.text) and not number.in_words and _bare_level_re().search(text, 0, number.start):
        money = _money_level_re().search(text, 0, number.start)
        return (_Unit("", Kind.MONEY, "yuan", "CNY", Decimal(1), number.end) if money
                else _Unit("", Kind.COUNT, "item", "item", Decimal(1), number.end))
    if "." not in number.text:
        return None
    if _index_level_re().search(text, 0, number.start) or (text.startswith(")", number.end) and _index_bracket_re().search(
            text, max(0, number.start - 60), number.start)):
        return _Unit("", Kind.OTHER, "index", "index", Decimal(1), number.end)
    if _level_re(english_cues().ratio_levels).search(text, 0, number.start):
        return _Unit("", Kind.OTHER, "ratio", "ratio", Decimal(1), number.end)
    return None


# 12 provinces had released their figures, with nine reporting growth above …; Of the 21 regions, 13 saw …: a bare
# whole number after "with", "and" or a comma, before a verb, counts the things a count before it counted.
_ELIDED_BEFORE = regex.compile(r"(?i)(?:\bwith|\band|,)\s*\Z")
_ELIDED_AFTER = regex.compile(r"(?i)\s+(?:[a-z]{3,}ing|saw|had|have|were|are|posted|recorded|registered|reported|"
                              r"exceeded|outpaced|surpassed|beat|grew|rose|fell|topped)\b")


_ELIDED_ING = regex.compile(r"(?i)\s+[a-z]{3,}ing\b")


@cache
def _bare_level_re() -> regex.Pattern[str]:
    """What a bare level follows: a verb of level (reached 41,798), or the by, from or to of a change (employment
    increased by around 6 200 from 3 791 600 to 3 797 800), a qualifier between."""
    cues = english_cues()
    qualifier = alternation(cues.prefix_over + cues.prefix_under + cues.prefix_approx)
    return regex.compile(rf"(?i)\b(?:{alternation(cues.level_links)}|by|from|to)(?:\s+(?:{qualifier}))?\s*\Z")


@cache
def _change_by_re() -> regex.Pattern[str]:
    cues = english_cues()
    # (down by 900 and 1,700 respectively: the later numbers of a list after "by" are changes too; "by" may be left
    # out: total employment dropped 7,800 to 3,874,600)
    return regex.compile(rf"(?i)\b(?:{alternation(cues.increase + cues.decrease)})\s+(?:by\s*)?(?:\d[\d, ]*\s*(?:,|and)\s*)*\Z")


_THEN_LEVEL = regex.compile(r"(?i)(?:\s+from\s[^,;.]{1,40}?)?\s+to\s+[\d]")


def _change_by_then_level(text: str, number: Number) -> bool:
    """Number of the unemployed dropped by 600 from the previous period to 9,800: a bare whole number after a change
    verb and "by", with the level it reaches written after it (or a bare level before it: total employment was
    371,100, down by 900), is a count (the change of that level)."""
    if "." in number.text or _change_by_re().search(text, 0, number.start) is None:
        return False
    return _THEN_LEVEL.match(text, number.end) is not None \
        or _BARE_LEVEL_BEFORE.search(text, max(0, number.start - LEVEL_REACH), number.start) is not None


# (was 371,100 … down by 900: a bare count with thousands separators, not a percent or an amount of money)
_BARE_LEVEL_BEFORE = regex.compile(r"(?<![$\w.])\d{1,3}(?:[, ]\d{3})+(?![\d.]|\s*(?:%|percent|per\s+cent|[A-Za-z]))")
LEVEL_REACH = 160  # characters before the change in which the level it changes may be told


_NOUN_BEFORE_BRACKET = regex.compile(r"(?:[A-Za-z]|\b(?:19|20)\d\d)\s?\(\Z")  # (or a time: that in May - July 2019 (40 700))


def _bracketed_after_noun(text: str, number: Number) -> bool:
    """International guests (127,000) grew by 26.6%: a number with thousands separators alone in brackets after a
    noun counts what the noun names."""
    return text.startswith(")", number.end) and _NOUN_BEFORE_BRACKET.search(text, 0, number.start) is not None


_SEPARATED = regex.compile(r"\d[, ]\d{3}")  # (a number written with thousands separators: 41,798, 3 791 600)


@cache
def _money_level_re() -> regex.Pattern[str]:
    cues = english_cues()
    return regex.compile(rf"(?i)\b(?:{alternation(cues.money_measures)})\b[^,;.]{{0,80}}?"
                         rf"\b(?:{alternation(cues.level_links)})\s*\Z")


def _index_level_re() -> regex.Pattern[str]:
    """The PMI was 52.6; edged down to 51.4; the index came in at 50.6: a bare decimal that an index named
    before it in the clause reaches is its level (as WPI为109.57 is); so is the level it moved from (…, edging
    down from 50.1 in August)."""
    return _level_re(english_cues().index_words, moved_from=True)


@cache
def _index_bracket_re() -> regex.Pattern[str]:
    """the Composite CPI for October 2023 (105.02), the CPI-A (104.46): a decimal alone in brackets after an
    index's name is its level."""
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().index_words)})\b[^,;.()]{{0,40}}?\(\s*\Z")


@cache
def _level_re(words: tuple[str, ...], moved_from: bool = False) -> regex.Pattern[str]:
    """A bare decimal that one of ``words`` (an index, a ratio) named before it in its clause reaches (with
    ``moved_from``, also the level it moved from, a clause later: …, edging down from 50.1)."""
    # (… increased by 2.86% to reach 102.68: the infinitive of a reach verb after a change)
    reach = alternation(english_cues().reach_verbs)
    reached = (rf"\b(?:{alternation(words)})\b(?:[^,;.]|\.(?=\d)){{0,80}}?"
               rf"\b(?:was|were|is|are|at|to|of|stood\s+at|came\s+in\s+at|to\s+(?:{reach}))\s*\Z")
    moved = rf"|\b(?:{alternation(words)})\b(?:[^;.]|\.(?=\d)){{0,120}}?\b(?:up|down)\s+from\s*\Z" if moved_from else ""
    return regex.compile(rf"(?i){reached}{moved}")


def _elided_count(text: str, number: Number, numbers: list[Number]) -> _Unit | None:
    """The unit of a count whose noun is left out because a count before it in the sentence named it."""
    if number.value != int(number.value) or number.value < 2 or not _ELIDED_BEFORE.search(text, 0, number.start) \
            or not _ELIDED_AFTER.match(text, number.end):
        return None
    earlier = [_counted_noun(text, n.end, n) for n in numbers
               if n.end <= number.start and not n.currency and not _ELIDED_ING.match(text, n.end)]
    named = next((u for u in reversed(earlier) if u is not None), None)
    if named is None:
        return None
    return _Unit("", Kind.COUNT, named.unit_en, named.std_unit, Decimal(1), number.end, named.counted)


def _occasions(text: str, unit: _Unit, number: Number) -> _Unit:
    """lowered two times: a count of occasions, unless a comparison follows (4.2 times those of 1949) or the
    number is not whole (increased by 3.5 times: a multiple; no one does a thing 3.5 times)."""
    if unit.std_unit != "times" or number.value != number.value.to_integral_value():
        return unit
    following = text[unit.end :].split(maxsplit=1)
    if following and following[0].lower().strip(",.;") in english_cues().multiple_followers:
        return unit
    return _Unit(unit.surface, Kind.COUNT, "time", "time", Decimal(1), unit.end)


_RATED = frozenset({Kind.MONEY, Kind.MASS, Kind.VOLUME, Kind.ENERGY})  # (450 yuan per person, 5,802 kg / ha)


def _with_rate(text: str, unit: _Unit) -> _Unit:
    """450 yuan per person per month: the denominators join the unit."""
    surface, unit_en, std_unit, end, factor = unit.surface, unit.unit_en, unit.std_unit, unit.end, unit.factor
    for per in _per_re().finditer(text, end):
        if per.start() != end:
            break
        word = english_cues().per_words[per.group("den").lower()]
        area = _area(word)  # (5,802 kg / ha → 0.5802 kg/m2, as 5802公斤/公顷 reads)
        den_std = area.std_unit if area else word
        factor = factor / area.factor if area else factor
        written = per.group() if "/" in per.group() else f"/{word}"  # (kg / ha as written; yuan per person → yuan/person)
        surface, unit_en, std_unit, end = surface + written, f"{unit_en} per {word}", f"{std_unit}/{den_std}", per.end()
    return _Unit(surface, unit.kind, unit_en, std_unit, factor, end, unit.counted)


def _area(word: str):
    """The area unit a denominator names (hectare, mu), else None."""
    units = english_units()
    found = units.get(word) or units.get(word + "s")
    return found if found is not None and found.kind == Kind.AREA else None


def is_streak(text: str, start: int, end: int) -> bool:
    """for five years, five consecutive years, three years in a row: a duration that is a claim."""
    cues = english_cues()
    mention = f" {text[start:end].lower()} "
    return (text[:start].lower().rstrip().endswith(" for")
            or any(f" {w} " in mention for w in cues.streak_words)
            or any(text[end:].lower().startswith(" " + w) for w in cues.streak_after))


def _prefix_qualifier(before: str) -> tuple[Qualifier, int]:
    """more than, about, nearly: the qualifier a word before the number sets, and where it starts."""
    cues = english_cues()
    for words, qualifier in ((cues.prefix_over, Qualifier.OVER), (cues.prefix_under, Qualifier.UNDER),
                             (cues.prefix_approx, Qualifier.APPROX)):
        word = ends_with(before, words)
        if word and not moved_up_to(before, word):
            return qualifier, len(before.rstrip()) - len(word)
    return Qualifier.EXACT, len(before)


def moved_up_to(before: str, word: str) -> bool:
    """edges up to 51.2, ticked up to 3 percent: "up to" after a verb of movement is the move and its level,
    no upper bound."""
    if word.lower() != "up to":
        return False
    rest = before.rstrip()[: -len(word)].split()
    return bool(rest) and rest[-1].lower() in english_cues().movement_verbs


def _suffix_qualifier(after: str) -> tuple[Qualifier | None, int]:
    """ or more, plus, or so: a qualifier after the unit, and its length (part of the mention when over)."""
    cues = english_cues()
    low = after.lower()
    for word in cues.suffix_over:
        if low.startswith(" " + word) or low.startswith(word):
            return Qualifier.OVER, len(" " + word) if low.startswith(" ") else len(word)
    if any(low.startswith(" " + w) for w in cues.suffix_approx):
        return Qualifier.APPROX, 0
    return None, 0


def _range_in_words(text: str, start: int, unit: _Unit, high: Decimal | None) -> tuple[Decimal | None, int]:
    """ranging from 4 percent to 6 percent, growth of 7% to 7.5%: one range, the high end and where it ends
    (not after by or from: up by 2 percent to 7 percent is a change and its level)."""
    if _RANGE_START.search(text[:start]):
        spread = _RANGE_END.match(text, unit.end)
    elif ends_with(text[:start], english_cues().spread_not_after) is None:
        spread = _SPREAD_END.match(text, unit.end)
    else:
        spread = None
    if spread and spread.group("unit").lower() == unit.surface.lower():
        return Decimal(spread.group("high").replace(",", "")), spread.end()
    return high, unit.end


def _fraction_quantity(number: Number, prefix: tuple[Qualifier, int]) -> Quantity:
    """two-thirds of villages: a share, kind percent (as 三分之二 is); half is one half (as 一半 is)."""
    value = number.value
    share = value * 100 / english_cues().fraction_denominators["half"] if number.text.lower() == "half" else value * 100
    return Quantity(start=number.start, end=number.end, value=value, unit=number.fraction, kind=Kind.PERCENT,
                    qualifier=prefix[0], std_value=share, std_unit="%", unit_en="fraction",
                    number_start=number.start, number_end=number.end, prefix_start=prefix[1], unit_end=number.end)


_A_UNIT = regex.compile(r"\s+(?:of\s+)?an?(?=\s+[a-z%])", regex.IGNORECASE)


def _fraction_of_a_unit(text: str, number: Number, numbers: list[Number]) -> Number | None:
    """half a percentage point, a quarter of a percent: a fraction of the unit after it is that many units (0.5
    percentage point), as 0.5个百分点 is; None where no unit follows (half of the villages: a share)."""
    article = _A_UNIT.match(text, number.end)
    if article is None:
        return None
    value = number.value / english_cues().fraction_denominators["half"] if number.text.lower() == "half" else number.value
    counted = replace(number, end=article.end(), text=text[number.start : article.end()], value=value, fraction="")
    return counted if _unit_of(text, counted, numbers) is not None else None


def _quantity(text: str, number: Number, numbers: list[Number]) -> EnglishQuantity | None:
    prefix = _prefix_qualifier(text[: number.start])
    if number.fraction and (of_a_unit := _fraction_of_a_unit(text, number, numbers)) is not None:
        number = of_a_unit
    elif number.fraction:
        return EnglishQuantity(_fraction_quantity(number, prefix))
    found = _unit_of(text, number, numbers)
    if found is None or (number.in_words and (ends_with(text[: number.start], english_cues().enumeration_leads)
                                              or text[found[0].end :].lstrip().startswith(":"))):
        return None  # a bare number (a list marker, a code, a name); In terms of three categories, comprises two
        # parts: a breakdown that the words after it list
    unit, factor = found
    if unit.kind == Kind.DURATION and not is_streak(text, number.start, unit.end) and "." not in number.text:
        return None  # "the past five years" is a time, not a claim; "for five consecutive years" is one; a
        # length of stay of 1.7 nights is measured (no window is written with a decimal)
    if unit.kind in _RATED:
        unit = _with_rate(text, unit)
    unit = _occasions(text, unit, number)
    high, end = _range_in_words(text, number.start, unit, number.high * factor if number.high is not None else None)
    suffix, suffix_length = _suffix_qualifier(text[end:])
    qualifier = Qualifier.RANGE if high is not None else suffix or prefix[0]
    end += suffix_length if suffix == Qualifier.OVER else 0
    value = number.value * factor
    return EnglishQuantity(Quantity(
        start=number.start, end=end, value=value, unit=unit.surface, kind=unit.kind, qualifier=qualifier,
        value_high=high, std_value=value * unit.factor, std_unit=unit.std_unit, unit_en=unit.unit_en,
        number_start=number.start, number_end=number.end, prefix_start=prefix[1], unit_end=unit.end,
    ), counted=unit.counted, signed=number.signed, plus=number.plus)


_QUOTED_NAME = regex.compile(r"[“\"][^”\"]{1,40}[”\"]")  # (a short name in quotation marks, as 「“四个走在前”」 is)


def _quote_start(text: str, start: int) -> int:
    """Where a quotation mark opens right before ``start`` (-1 to match nothing)."""
    return start - 1 if start and text[start - 1] in "“\"" else len(text)


@cache
def _list_name_re() -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{alternation(english_cues().list_names)})\s\Z")


@cache
def _named_set_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?:(?<=\b(?:the|of)\s)|(?<![\w\s,;])(?<!\S\s))(?:{alternation(english_cues().named_sets)})\b")  # (or opening the sentence)


def find_quantities(text: str) -> list[EnglishQuantity]:
    """The quantities of one sentence, in order, none overlapping another."""
    numbers = find_numbers(text)
    out: list[EnglishQuantity] = []
    skipped_to = 0
    for number in numbers:
        if out and number.start < out[-1].quantity.end:
            continue  # inside the claim before (the high end of "from 4 percent to 6 percent")
        if (_list_name_re().search(text, 0, number.start) or _QUOTED_NAME.match(text, _quote_start(text, number.start))
                or _named_set_re().match(text, number.start)):
            continue  # (Fortune 500 companies, the S&P 500: the number names a list; the “three critical battles”, the
            # three industries: a name)
        quantity = _quantity(text, number, numbers)
        if quantity is not None and _enumerates_a_set(text, quantity.quantity):
            continue
        if quantity is not None and _threshold_re().search(text, 0, quantity.quantity.prefix_start):
            skipped_to = quantity.quantity.end  # (companies with annual revenue of over 20 million yuan: who counts)
            continue
        if quantity is not None and not (skipped_to and _CONVERTED.fullmatch(text, skipped_to, quantity.quantity.start)):
            out.append(quantity)
        skipped_to = 0
    return out


@cache
def _threshold_re() -> regex.Pattern[str]:
    """enterprises whose annual business revenue is above …, companies with annual revenue of more than …: an
    amount that says which firms are counted (a threshold of the population), no claim; nor its conversion."""
    cues = english_cues()
    bound = alternation(cues.prefix_over + cues.prefix_under + ("of", "is", "are", "at"))
    return regex.compile(rf"(?i)\b(?:(?:{alternation(cues.threshold_nouns)})\s+(?:with|whose)\b[^,;.()\d]{{0,60}}\b(?:{bound})"
                         rf"|(?:{alternation(cues.item_thresholds)})(?:\s+(?:{alternation(cues.prefix_over + cues.prefix_under)}))?"
                         rf"|\beach\s+with\s+[^,;.()\d]{{1,60}}?\s(?:of|at)(?:\s+(?:{alternation(cues.prefix_over + cues.prefix_under)}))?)\s*\Z")


@cache
def _enumeration_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s*[(,:]\s*(?:{alternation(english_cues().enumeration_markers)})(?!\w)")


def _enumerates_a_set(text: str, q: Quantity) -> bool:
    """the six fronts (namely employment, financial operations, …): "the" and a count whose members are named
    next names a set, no claim (six new plants, namely A, B and C: no "the", a count)."""
    return q.kind == Kind.COUNT and text[: q.prefix_start].lower().endswith("the ") \
        and _enumeration_re().match(text, q.end) is not None


_CONVERTED = regex.compile(r"\s*\(\s*")  # (20 million yuan (2.89 million U.S. dollars): the same threshold again)
