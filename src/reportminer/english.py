"""English articles: the same claims and columns as for Chinese, with English cue words.

Smaller than the Chinese engine by design (no segmenter is needed): sentences are split on
sentence-final punctuation, numbers are found with one regex built from the lexicon, and the metric
is read from the words before the number (or the noun after a count).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

import regex

from .lexicon import Unit, load_lexicon
from .timeframe import ends_after, report_year
from .types import Claim, Document, Kind, Qualifier

_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9$])")
_ABBREVIATIONS = ("U.S.", "e.g.", "i.e.", "No.", "Mr.", "Ms.", "Dr.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.",
                  "Nov.", "Dec.", "St.", "vs.", "approx.")
_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
_SHORT_PARENTHESIS = regex.compile(r"\([^()]{1,12}\)")
_CLAUSE_BREAK = regex.compile(r"[,;:()]|\band\b|\bwhile\b|\bwhich\b|\bwith\b")


@dataclass(frozen=True, slots=True)
class _Patterns:
    number: regex.Pattern[str]
    units: dict[str, Unit]
    unit_re: regex.Pattern[str]
    count_re: regex.Pattern[str]
    cues: dict


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    cues = load_lexicon().cues["en"]
    text = resources.files("reportminer.data").joinpath("en_units.csv").read_text(encoding="utf-8")
    units = {r["surface"].lower(): Unit(r["surface"], Kind(r["kind"]), r["unit_en"], r["std_unit"],
                                           Decimal(r["factor"])) for r in csv.DictReader(io.StringIO(text))}
    currencies = _alternation(cues["currency_prefixes"])
    scales = _alternation(cues["scales"])
    words = _alternation(cues["number_words"])
    number = regex.compile(
        rf"""
        (?P<currency>{currencies})?\s?
        (?:
            (?P<digits>(?<![\w.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)
          | (?P<word>\b(?:{words})\b)
        )
        (?:\s?(?:-|–|to)\s?(?P<high>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?))?
        (?:\s(?P<scale>{scales})\b)?
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    # (a hyphen may join a number to its unit: a 5-percent growth rate)
    # (and a streak word may stand between: five consecutive years)
    unit_re = regex.compile(rf"(?:\s|-)?(?:(?:{_alternation(cues['streak_words'])})\s)?(?P<unit>{_alternation(units)})(?![\w])",
                            regex.IGNORECASE)
    count_re = regex.compile(
        rf"\s(?P<mods>(?:[a-z][\w-]*\s){{0,3}}?)(?P<noun>{_alternation(cues['count_nouns'])})\b", regex.IGNORECASE
    )
    return _Patterns(number, units, unit_re, count_re, cues)


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    section: str
    item: bool = False  # a line of a bulleted list


def _sentences(text: str) -> list[_Sentence]:
    out = []
    section = ""
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        bullet = _bullet(stripped)
        if bullet:
            lead += bullet  # "- GDP growth of around 5 percent": a list item is a sentence without a full stop
        elif stripped.startswith("#") or (len(stripped) < 80 and not stripped.endswith((".", "!", "?", ":", '"', "”"))):
            section = stripped.lstrip("#").strip()
            continue
        if bullet:
            out.append(_Sentence(lead, start + len(line.rstrip()), text[lead : start + len(line.rstrip())], section, True))
            continue
        cut = lead
        for m in _SENTENCE_END.finditer(text, lead, end):
            before = text[max(lead, m.start() - 8) : m.start()]
            if before.endswith(_ABBREVIATIONS):
                continue
            out.append(_Sentence(cut, m.start(), text[cut : m.start()], section))
            cut = m.end()
        tail_end = start + len(line.rstrip())
        if cut < tail_end:
            out.append(_Sentence(cut, tail_end, text[cut:tail_end], section))
    return out


def _bullet(line: str) -> int:
    """Length of the list marker (and the spaces after it) that opens ``line``, else 0."""
    for marker in sorted(_patterns().cues["bullets"], key=len, reverse=True):
        if line.startswith(marker) and line[len(marker) : len(marker) + 1] == " ":
            return len(marker) + len(line[len(marker):]) - len(line[len(marker):].lstrip())
    return 0


def _value(m: regex.Match[str], group: str, cues: dict) -> Decimal:
    raw = m.group(group)
    if group == "word":
        return Decimal(cues["number_words"][raw.lower()])
    return Decimal(raw.replace(",", ""))


def _ends_with(text: str, words) -> str | None:
    low = text.lower().rstrip()
    for w in sorted(words, key=len, reverse=True):
        if low.endswith(w) and (len(low) == len(w) or not low[-len(w) - 1].isalnum()):
            return w
    return None


def _qualifier(before: str, after: str, cues: dict) -> Qualifier:
    low_after = after.lower()
    if any(low_after.startswith(" " + w) or low_after.startswith(w) for w in cues["suffix_over"]):
        return Qualifier.OVER
    if any(low_after.startswith(" " + w) for w in cues["suffix_approx"]):
        return Qualifier.APPROX
    for key, qualifier in (("prefix_over", Qualifier.OVER), ("prefix_under", Qualifier.UNDER),
                           ("prefix_approx", Qualifier.APPROX)):
        if _ends_with(before, cues[key]):
            return qualifier
    return Qualifier.EXACT


def _change(before: str, cues: dict) -> str:
    if before.rstrip().lower().endswith(" by"):
        # cut energy use by 2.5 percentage points: the verb stands before its object
        words = [w.lower().strip(",") for w in before.split()]
        for word in reversed(words):
            if word in cues["increase"]:
                return "increase"
            if word in cues["decrease"]:
                return "decrease"
    text = before
    for _ in range(6):
        word = _ends_with(text, cues["increase"] + cues["decrease"])
        if word:
            return "increase" if word in cues["increase"] else "decrease"
        filler = _ends_with(text, cues["fillers"] + cues["prefix_over"] + cues["prefix_under"] + cues["prefix_approx"])
        if not filler:
            return ""
        text = text.rstrip()[: -len(filler)]
    return ""


def _metric(before: str, cues: dict) -> str:
    """The noun phrase right before the number: the words back to the first link, verb or cue word."""
    stop = set(cues["link_words"] + cues["increase"] + cues["decrease"] + cues["fillers"] + cues["target"]
               + cues["prefix_over"] + cues["prefix_under"] + cues["prefix_approx"] + cues["stop_words"])
    phrases = cues["prefix_over"] + cues["prefix_under"] + cues["prefix_approx"] + cues["fillers"] + cues["link_words"]
    while (word := _ends_with(before, phrases)) is not None:
        before = before.rstrip()[: -len(word)]  # "more than", "year on year to": cue phrases, however long
    words = before.split()
    while words and (words[-1].lower().strip(",") in stop or _YEAR.fullmatch(words[-1].strip(","))):
        words.pop()
    phrase: list[str] = []
    for word in reversed(words):
        inside = phrase and word.lower() in ("of", "per")  # energy consumption per unit of GDP
        if (word.lower().strip(",") in stop and not inside) or _YEAR.fullmatch(word.strip(",")) or len(phrase) == 8:
            break
        phrase.insert(0, word)
    while phrase and phrase[0].lower() == "of" or (phrase and phrase[0].lower() == "per" and (
            len(phrase) < 2 or phrase[1].lower() != "capita")):  # (per capita income stays whole)
        phrase.pop(0)
    metric = " ".join(phrase).strip(" ,")
    trailing = _ends_with(metric, cues["metric_trailing"])
    # (a metric that is only "annual growth" is empty: the claim before names what grew)
    return metric[: -len(trailing)].rstrip() if trailing else metric


def _metric_after(after: str) -> str:
    """US$300 million in foreign investment, 15 km of roads, 3 percent in energy consumption per unit
    of GDP: the phrase after in/of, up to the next link word or clause break."""
    m = regex.match(r"\s(?:in|of)\s(?:the\s)?((?:[A-Za-z][\w'-]*\s?){1,6})", after)
    if not m:
        return ""
    words = []
    for word in m.group(1).split():
        if word.lower() in ("and", "or", "to", "in", "for", "by", "was", "were", "is", "went", "will", "from", "with"):
            break
        words.append(word)
    while words and words[-1].lower() in ("of", "per", "the", "a"):
        words.pop()
    return " ".join(words)


def _change_noun_after(after: str, cues: dict) -> tuple[str, str]:
    """ "a 2 percent increase in the consumer price index": (direction, what changed) from the noun
    after a percent, else ("", "")."""
    m = regex.match(r"\s(?P<noun>\w+)\b", after)
    if not m or m.group("noun").lower() not in cues["change_nouns"]:
        return "", ""
    return cues["change_nouns"][m.group("noun").lower()], _metric_after(after[m.end() :])


def _unit_after_list(text: str, end: int, patterns: _Patterns) -> tuple[regex.Match[str] | None, regex.Match[str] | None]:
    """ "from 54 trillion to 82.7 trillion yuan", "3 and 5 percent": the next number of the list and
    the unit written once after it, when there is one."""
    joiner = regex.match(r"\s(?:to|and|or)\s", text[end:])
    if not joiner:
        return None, None
    nxt = patterns.number.match(text, end + joiner.end())
    if not nxt or nxt.group("currency"):
        return None, None
    return nxt, patterns.unit_re.match(text, nxt.end())


def _is_streak(text: str, start: int, end: int, cues: dict) -> bool:
    """for five years, five consecutive years, three years in a row: a duration that is a claim."""
    mention = f" {text[start:end].lower()} "
    return (text[:start].lower().rstrip().endswith(" for")
            or any(f" {w} " in mention for w in cues["streak_words"])
            or any(text[end:].lower().startswith(" " + w) for w in cues["streak_after"]))


def _period(sentence: str, pos: int, published: str, cues: dict) -> str:
    year = report_year(published)
    best = ""
    for m in regex.finditer(r"(?P<a>(?:19|20)\d{2})\s?(?:-|–|to)\s?(?P<b>(?:19|20)\d{2})|(?P<y>(?:19|20)\d{2})", sentence):
        before = sentence[max(0, m.start() - 14) : m.start()].lower()
        if any(before.rstrip().endswith(b) for b in cues["base_markers"]):
            continue
        if m.start() < pos or not best:
            best = f"{m.group('a')}/{m.group('b')}" if m.group("a") else m.group("y")
        if m.start() >= pos:
            break
    if best or year is None:
        return best
    low = sentence.lower()
    for phrase, (first, last) in cues["relative_years"].items():
        at = low.find(phrase)
        if at >= 0 and not any(low[:at].rstrip().endswith(b) for b in cues["base_markers"]):
            # (up 1 point from last year: a base, not the period)
            return str(year + first) if first == last else f"{year + first}/{year + last}"
    return ""


def extract_english_claims(document: Document) -> list[Claim]:
    patterns = _patterns()
    cues = patterns.cues
    claims: list[Claim] = []
    frame = ""
    list_is_target = False
    for sentence in _sentences(document.text):
        text = sentence.text
        previous_metric, previous_end, previous_change = "", 0, ""
        sentence_period = _period(text, 0, document.published, cues)
        for m in patterns.number.finditer(text):
            kind_group = "digits" if m.group("digits") else "word"
            value = _value(m, kind_group, cues)
            start, end = m.start(kind_group), m.end()
            currency = m.group("currency")
            if currency:
                start = m.start("currency")
            scale = m.group("scale")
            if scale:
                value *= Decimal(cues["scales"][scale.lower()])
            if not currency and not scale and kind_group == "digits" and _YEAR.fullmatch(m.group("digits")):
                continue  # a year: it feeds the period, it is not a claim
            unit_match = patterns.unit_re.match(text, end)
            count_match = None if unit_match else patterns.count_re.match(text, end)
            shared_unit = None
            if not unit_match and not currency and not count_match:
                nxt, shared_unit = _unit_after_list(text, end, patterns)
                if shared_unit and nxt.group("scale") and not scale:
                    value *= Decimal(cues["scales"][nxt.group("scale").lower()])  # from 54 to 82.7 trillion yuan
            if shared_unit:
                unit = patterns.units[shared_unit.group("unit").lower()]
                surface, kind, unit_en, std_unit, factor = shared_unit.group("unit"), unit.kind, unit.unit_en, unit.std_unit, unit.factor
            elif unit_match:
                unit = patterns.units[unit_match.group("unit").lower()]
                surface, kind, unit_en, std_unit, factor = unit_match.group("unit"), unit.kind, unit.unit_en, unit.std_unit, unit.factor
                end = unit_match.end()
            elif currency:
                code = cues["currency_prefixes"][currency]
                surface, kind, unit_en, std_unit, factor = currency, Kind.MONEY, code, code, Decimal(1)
            elif count_match and kind_group == "digits" or (count_match and scale):
                noun = count_match.group("noun")
                surface, kind, unit_en, std_unit, factor = noun, Kind.COUNT, noun.lower(), noun.lower(), Decimal(1)
                end = count_match.end()
            elif scale:
                surface, kind, unit_en, std_unit, factor = "", Kind.COUNT, "item", "item", Decimal(1)
            else:
                continue  # a bare number: a list marker, a code, a name
            if kind == Kind.DURATION and not _is_streak(text, start, end, cues):
                continue  # "the past five years" is a time, not a claim; "for five consecutive years" is one
            high = m.group("high")
            value_high = Decimal(high.replace(",", "")) * (Decimal(cues["scales"][scale.lower()]) if scale else 1) if high else None
            before = text[previous_end:start] if previous_end else text[:start]
            masked = _SHORT_PARENTHESIS.sub(lambda p: " " * len(p.group()), before)  # (GDP) is part of a name
            clause_cut = [b.end() for b in _CLAUSE_BREAK.finditer(masked)]
            clause_before = before[clause_cut[-1]:] if clause_cut else before
            qualifier = Qualifier.RANGE if value_high is not None else _qualifier(clause_before, text[end:], cues)
            if qualifier == Qualifier.OVER and any(text[end:].lower().startswith(" " + w) for w in cues["suffix_over"]):
                end += len(next(" " + w for w in cues["suffix_over"] if text[end:].lower().startswith(" " + w)))
            change = _change(clause_before, cues) if kind != Kind.RANK else ""
            noun_change, noun_metric = _change_noun_after(text[end:], cues) if kind in (
                Kind.PERCENT, Kind.PERCENTAGE_POINT) else ("", "")
            change = noun_change or change
            if not change and previous_end and clause_before.strip().lower() in ("to", "and", "or", ","):
                change = previous_change  # risen from 54 trillion to 82.7 trillion yuan
            counted = count_match and not unit_match and not currency and not shared_unit
            generic = counted and not count_match.group("mods").strip() and count_match.group("noun").lower() in cues["generic_count_nouns"]
            metric = count_match.group("mods").strip() + " " + count_match.group("noun") if counted and not generic else ""
            metric = metric or noun_metric
            if not metric and kind in (Kind.MONEY, Kind.LENGTH, Kind.AREA, Kind.MASS, Kind.VOLUME, Kind.ENERGY, Kind.POWER):
                metric = _metric_after(text[end:])
            metric = metric.strip() or _metric(clause_before, cues) or _metric_after(text[end:]) or previous_metric
            period = _period(text, start, document.published, cues) or sentence_period or frame
            target = list_is_target if sentence.item else any(
                regex.search(rf"\b{regex.escape(w)}\b", text[:start], regex.IGNORECASE) for w in cues["target"])
            if period and document.published:
                status = "target" if ends_after(period, document.published) else "actual"
            else:
                status = "target" if target else "actual"
            doc_start, doc_end = sentence.start + start, sentence.start + end
            std_value = value * factor
            claims.append(Claim(
                doc_id=document.doc_id, lang="en", start=doc_start, end=doc_end,
                mention=document.text[doc_start:doc_end], value=float(value), unit=surface, unit_en=unit_en,
                kind=kind.value, std_value=float(std_value), std_unit=std_unit, qualifier=qualifier.value,
                value_high=float(value_high) if value_high is not None else None, metric=metric,
                metric_en=metric, change=change, period=period, status=status, sentence=text,
                section=sentence.section,
            ))
            previous_metric, previous_end, previous_change = metric, end, change
        if not sentence.item:
            # "The main targets for this year are projected as follows:" governs the list below it
            list_is_target = text.rstrip().endswith(":") and any(
                regex.search(rf"\b{regex.escape(w)}\b", text, regex.IGNORECASE) for w in cues["target"])
        opening = _YEAR.search(text, 0, 16)
        if opening and not any(text[: opening.start()].lower().rstrip().endswith(b) for b in cues["base_markers"]):
            frame = opening.group()  # "In 2023, …" sets the time frame of what follows
    return claims
