"""English articles: the same claims and columns as for Chinese, with English cue words.

Smaller than the Chinese engine by design (no segmenter is needed): sentences are split on
sentence-final punctuation, numbers are found with one regex built from the lexicon, and the metric
is read from the words before the number (or the noun after a count).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib import resources

import regex

from .lexicon import Unit, load_lexicon
from .timeframe import ends_after, report_year, since_end, yearless_months
from .types import Claim, Document, Kind, Qualifier

_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9$])")
_ABBREVIATIONS = ("U.S.", "e.g.", "i.e.", "No.", "Mr.", "Ms.", "Dr.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.",
                  "Nov.", "Dec.", "St.", "vs.", "approx.")
_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
_SHORT_PARENTHESIS = regex.compile(r"\([^()]{1,12}\)")
# A line of metadata (Published: 2025-01-15, a bare date): neither a sentence nor a heading.
_METADATA = regex.compile(r"(?i)(?:(?:published|updated|date|source|by|editor)\s*[:：]|\d{4}-\d{2}-\d{2}\b)")
# A plural noun after a magnitude (5.32 billion integrated circuits), when no listed count noun is there.
_PLURAL_NOUN = regex.compile(r"\s(?P<mods>(?:[a-z][\w-]*\s){0,3}?)(?P<noun>[a-z]{3,}s)\b")
_NOT_NOUNS = frozenset({"was", "has", "does", "this", "its", "plus", "less", "thus", "across", "always", "as", "us",
                        "yuan", "percent", "times", "years", "months", "days", "hours", "minutes", "seconds", "weeks",
                        "decades", "yards", "dollars", "rupees", "euros", "pounds", "points", "basis", "per", "his",
                        "hers", "ours", "theirs", "whereas", "unless", "besides", "towards", "afterwards", "is"})
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
        (?:(?<![A-Za-z])(?P<currency>{currencies}))?\s?
        (?P<sign>(?<![\w.\-−])[-−](?=\d))?
        (?:
            (?P<digits>(?<![\w.])(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}|\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)
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
        rf"\s(?P<mods>(?:[a-z][\w-]*\s){{0,4}}?)(?P<noun>{_alternation(cues['count_nouns'])})\b", regex.IGNORECASE
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
    """Sentences with offsets. A run of lines without a blank line between is one paragraph (text
    hard-wrapped at a fixed width reads on across line ends), unless its first line is a heading: a
    short line with no closing punctuation followed by a capitalised line or by nothing. Headings and
    list items are sentences of their own (their numbers are claims too)."""
    out: list[_Sentence] = []
    section = ""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, end = lines[i]
        stripped = text[start:end].strip()
        if not stripped or _METADATA.match(stripped):
            i += 1
            continue
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        bullet = _bullet(stripped)
        if bullet:  # "- GDP growth of around 5 percent": a list item is a sentence without a full stop
            out.append(_Sentence(lead + bullet, end, text[lead + bullet : end], section, True))
            i += 1
            continue
        following = _next_body_line(text, lines, i + 1)
        if stripped.startswith("#") or (len(stripped) < 80 and not stripped.endswith(_CLOSING) and (
                following is None or text[following].isupper() or text[following] in "\"“#")):
            section = stripped.lstrip("#").strip()
            heading_start = lead + len(stripped) - len(stripped.lstrip("#").lstrip())
            out.append(_Sentence(heading_start, end, text[heading_start:end], section))
            i += 1
            continue
        last = i
        while last + 1 < len(lines) and _next_body_line(text, lines, last + 1) == lines[last + 1][0] + (
                len(text[lines[last + 1][0] : lines[last + 1][1]]) - len(text[lines[last + 1][0] : lines[last + 1][1]].lstrip())):
            last += 1
        end = lines[last][1]
        cut = lead
        for m in _SENTENCE_END.finditer(text, lead, end):
            before = text[max(lead, m.start() - 8) : m.start()]
            if before.endswith(_ABBREVIATIONS):
                continue
            out.extend(_bounded(text, cut, m.start(), section))
            cut = m.end()
        if cut < end:
            out.extend(_bounded(text, cut, end, section))
        i = last + 1
    return out


# The longest a sentence may be before it is cut at a clause break (a page without full stops): every
# look around a number then costs a bounded number of steps, and a run stays linear in the text.
_LONGEST_SENTENCE = 1200


def _bounded(text: str, start: int, end: int, section: str) -> list[_Sentence]:
    """The sentence text[start:end], cut into pieces of at most _LONGEST_SENTENCE characters at the last
    comma, semicolon or space before each limit."""
    pieces = []
    while end - start > _LONGEST_SENTENCE:
        limit = start + _LONGEST_SENTENCE
        cut = max(text.rfind(",", start, limit), text.rfind(";", start, limit))
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        cut = cut + 1 if cut > start else limit
        pieces.append(_Sentence(start, cut, text[start:cut], section))
        start = cut
    pieces.append(_Sentence(start, end, text[start:end], section))
    return pieces


_CLOSING = (".", "!", "?", ":", '"', "”", ";", ",")


def _next_body_line(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """Where line ``k``'s text starts when it goes on the paragraph (not blank, not a list item, not
    metadata), else None."""
    if k >= len(lines):
        return None
    start, end = lines[k]
    stripped = text[start:end].strip()
    if not stripped or _bullet(stripped) or _METADATA.match(stripped):
        return None
    return start + len(text[start:end]) - len(text[start:end].lstrip())


# Where a range is written out in words (ranging from 4 percent to 6 percent, between 3 and 5 percent).
_RANGE_START = regex.compile(r"(?i)\b(?:ranging|ranged|range|ranges)\s+from\s*\Z|\bbetween\s*\Z")
_RANGE_END = regex.compile(r"(?i)\s(?:to|and)\s(?P<high>\d[\d,]*(?:\.\d+)?)\s?(?P<unit>percent|per cent|%|percentage points?)")
# The next item of a list that one change verb governs: ", B by" / " and C by".
_LISTED_BY = regex.compile(r"(?i)\A[\s,]*(?:and\s+)?(?P<what>[a-z][\w'-]*(?:\s[a-z][\w'-]*){0,5}?)\s+by\s*\Z")
_TIME_NOUNS = frozenset({"quarter", "quarters", "year", "years", "month", "months", "half", "period", "week", "weeks"})
_LEADING_PARENTHESIS = regex.compile(r"\A\s*\([^()]{1,40}\)")
_TIME_WORDS = regex.compile(r"(?i)(?:first|second|third|fourth|last|past|previous|next|this|that|same|early|late)\b"
                            r"|(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                            r"year|quarter|month|period|half)\b")
_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " "})


_LIST_JOINER = regex.compile(r"\s*(?:,\s*and|,|and|or)\s*\Z", regex.IGNORECASE)
_ITEM_BREAK = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", regex.IGNORECASE)
_RESPECTIVELY = regex.compile(r"\A,?\s*respectively\b", regex.IGNORECASE)


def _respectively(text: str, offset: int, claims: list[Claim], times: list[_Time], cues: dict) -> list[Claim]:
    """A, B and C reached x, y and z, respectively: each number takes its own item of the list before
    it (and a second list of as many numbers that follows takes the same items)."""
    out = list(claims)
    groups: list[list[int]] = []
    for k, claim in enumerate(claims):
        previous_end = claims[k - 1].end - offset if k else -1
        if k and _LIST_JOINER.match(text[previous_end : claim.start - offset]) and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    items: list[str] | None = None
    for group in groups:
        last_end = claims[group[-1]].end - offset
        if len(group) < 2:
            items = None
            continue
        if _RESPECTIVELY.match(text[last_end:]) or (items is not None and len(items) == len(group)):
            first_start = claims[group[0]].start - offset
            if items is None or len(items) != len(group):
                items = _list_items(text, first_start, times, cues, len(group))
            if items:
                for k, item in zip(group, items, strict=True):
                    out[k] = replace(out[k], metric=item, metric_en=item)
        else:
            items = None
    return out


def _list_items(text: str, end: int, times: list[_Time], cues: dict, count: int) -> list[str] | None:
    """The ``count`` items of the subject that ends where the numbers begin, or None."""
    start = max(text.rfind(";", 0, end), text.rfind(":", 0, end)) + 1
    opening = _opening(text, times)
    if opening and opening.end > start:
        comma = text.find(",", opening.end, end)
        start = comma + 1 if comma >= 0 else start
    subject = text[start:end]
    stop = set(cues["link_words"] + cues["increase"] + cues["decrease"] + cues["fillers"] + cues["target"]
               + cues["prefix_over"] + cues["prefix_under"] + cues["prefix_approx"] + cues["stop_words"])
    words = subject.split()
    while words and words[-1].lower().strip(",") in stop | {"arrived"}:
        words.pop()
    parts = [p.strip() for p in _ITEM_BREAK.split(" ".join(words)) if p.strip()]
    parts = [" ".join(w for w in p.split() if w.lower() not in ("the", "a", "an")) for p in parts]
    if len(parts) != count:
        return None
    owner = regex.match(r"(?i)(.+?)\s(?:of|in|for)\s", parts[0])
    if owner and all(regex.match(r"(?i)(?:of|in|for)\s", p) for p in parts[1:]):
        # investment in capital construction and in the real estate sector: the head before the preposition
        return [parts[0]] + [owner.group(1) + " " + p for p in parts[1:]]
    head = regex.match(r"(?i)(.*\b(?:of|in|for)\s)", parts[0])
    if head and not any(regex.search(r"(?i)\b(?:of|in|for)\b", p) for p in parts[1:]):
        # the number of students in compulsory education and senior high school: the head is shared
        parts = [parts[0]] + [head.group(1) + p for p in parts[1:]]
    elif all(len(p.split()) == 1 for p in parts[:-1]) and len(parts[-1].split()) > 1:
        # urban and rural per capita disposable income: the modifiers share the noun
        tail = parts[-1].split(maxsplit=1)[1]
        parts = [p + " " + tail for p in parts[:-1]] + [parts[-1]]
    return parts


@cache
def _per_re() -> regex.Pattern[str]:
    """ per person, a year: one denominator of a rate written after the amount (450 yuan per person per year)."""
    words = load_lexicon().cues["en"]["per_words"]
    return regex.compile(rf"\s(?:per|a|each)\s(?P<den>{_alternation(words)})\b(?!\s+(?:ago|earlier|before|later))",
                         regex.IGNORECASE)  # (a year ago is a time)


@cache
def _rank_re() -> regex.Pattern[str]:
    cues = load_lexicon().cues["en"]
    return regex.compile(
        rf"\b(?:{_alternation(cues['rank_verbs'])})\s+(?:(?:{_alternation(cues['rank_scopes'])})\s+)?"
        rf"(?:the\s+)?(?P<ord>{_alternation(cues['ordinals'])}|No\.\s?(?P<no>\d{{1,3}})|(?P<nth>\d{{1,3}})(?:st|nd|rd|th))\b"
        rf"(?=\s*(?:,|\.|;|$|{_alternation(cues['rank_scopes'])}|among|in\b|for\b|place))",
        regex.IGNORECASE,
    )


def _ranks(document: Document, sentence: _Sentence, claims: list[Claim], times: list[_Time], frame: str,
           cues: dict) -> list[Claim]:
    """Standings written with an ordinal (ranking first in the world, ranked 3rd nationwide): rows of
    kind rank; what is ranked is the claim before in the sentence, else the words before the verb."""
    text = sentence.text
    out = []
    for m in _rank_re().finditer(text):
        if m.group("no"):
            value = int(m.group("no"))
        elif m.group("nth"):
            value = int(m.group("nth"))
        else:
            value = cues["ordinals"][m.group("ord").lower()]
        start, end = m.start("ord"), m.end("ord")
        if any(c.start - sentence.start < end and start < c.end - sentence.start for c in claims):
            continue
        before = [c for c in claims if c.end - sentence.start <= m.start()]
        metric = before[-1].metric if before else _metric(text[: m.start()].translate(_QUOTES), cues)
        period = _period_at(times, start) or frame
        status = "target" if period and document.published and ends_after(period, document.published) else "actual"
        doc_start, doc_end = sentence.start + start, sentence.start + end
        out.append(Claim(
            doc_id=document.doc_id, lang="en", start=doc_start, end=doc_end, mention=document.text[doc_start:doc_end],
            value=float(value), unit="", unit_en="rank", kind=Kind.RANK.value, std_value=float(value), std_unit="rank",
            qualifier=Qualifier.EXACT.value, value_high=None, metric=metric, metric_en=metric, change="", period=period,
            status=status, sentence=text, section=sentence.section,
        ))
    return out


def _singular(noun: str, cues: dict) -> str:
    """The singular of a plural count noun (projects → project, cities → city), so that English rows
    share their units with Chinese ones."""
    words = noun.split()
    last = words[-1]
    if last in cues["singular"]:
        last = cues["singular"][last]
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "xes", "sses")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join(words[:-1] + [last])


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
        if word == "up" and _ends_with(text.rstrip()[:-2], cues["phrasal_up"]):
            return ""  # build up 20 brands: a particle, not a rise
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
        inside = phrase and word.lower() in ("of", "per", "in")  # energy consumption per unit of GDP, rate in …
        if (word.lower().strip(",") in stop and not inside) or _YEAR.fullmatch(word.strip(",")) or len(phrase) == 8:
            break
        if word.lower().strip(",") in _TIME_NOUNS:
            phrase = []  # during the first three quarters of this year to: a time, not what is measured
            break
        phrase.insert(0, word)
    while phrase and phrase[0].lower() == "of" or (phrase and phrase[0].lower() == "per" and (
            len(phrase) < 2 or phrase[1].lower() != "capita")):  # (per capita income stays whole)
        phrase.pop(0)
    if len(phrase) > 1 and phrase[0].endswith(("'s", "’s")):
        phrase.pop(0)  # Chongqing's GDP, the city's revenue: the owner is the place, not the measure
    metric = " ".join(phrase).strip(" ,")
    trailing = _ends_with(metric, cues["metric_trailing"])
    # (a metric that is only "annual growth" is empty: the claim before names what grew)
    return metric[: -len(trailing)].rstrip() if trailing else metric


def _metric_after(after: str) -> str:
    """US$300 million in foreign investment, 15 km of roads, 64.5 billion yuan on diplomatic endeavors:
    the phrase after in/of/on, up to the next link word or clause break."""
    after = _LEADING_PARENTHESIS.sub("", after)  # 2.58 trillion yuan (312 billion dollars) in fixed asset investment
    m = regex.match(r"\s(?:in|of|on)\s(?:the\s)?((?:[A-Za-z][\w'-]*\s?){1,6})", after)
    if not m or _TIME_WORDS.match(m.group(1)):
        return ""  # (in the first three quarters: when, not what)
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


@dataclass(frozen=True, slots=True)
class _Time:
    start: int
    end: int
    period: str
    since: bool = False  # since 2012: a span up to now, whose claims have happened


def _months_period(year: int | None, first: int, last: int, start: int, end: int, published: str) -> str:
    """Months of a given year, or, with no year, the latest such months before publication."""
    if year is not None:
        return f"{year}-{first:02d}/{year}-{last:02d}" if first != last else f"{year}-{first:02d}"
    found = yearless_months(first, last, start, end, published)
    return found.period if found else ""


def _times(sentence: str, published: str, cues: dict, frame: str) -> list[_Time]:
    """The time expressions of a sentence that are not comparison bases, in order: years and year
    ranges, parts of a year (the first three quarters (of 2024), January-September), and years
    relative to publication (this year, the past five years)."""
    low = sentence.lower()
    bases = cues["base_markers"]
    patterns = _time_patterns()

    def is_base(at: int) -> bool:
        return any(low[:at].rstrip().endswith(b) for b in bases)

    found: list[_Time] = []
    last_whole_year = since_end(published)
    for m in patterns.years.finditer(sentence):
        if is_base(m.start()):
            continue
        period = f"{m.group('a')}/{m.group('b')}" if m.group("a") else m.group("y")
        since = bool(m.group("y")) and low[: m.start()].rstrip().endswith("since")
        if since and last_whole_year and int(m.group("y")) < last_whole_year:
            period = f"{m.group('y')}/{last_whole_year}"  # since 2012: up to now
        found.append(_Time(m.start(), m.end(), period, since))
    frame_year = int(frame[:4]) if frame[:4].isdigit() else None
    spans_relative: list[tuple[int, int]] = []
    for m in patterns.parts.finditer(low):
        if m.group("part"):
            first, last = cues["year_parts"][m.group("part")]
        else:
            first, last = cues["months"][m.group("m1")], cues["months"][m.group("m2")]
        year_at = patterns.year_after.match(low, m.end()) or patterns.year_before.search(low, 0, m.start())
        year = int(year_at.group("y")) if year_at else frame_year
        relative = patterns.relative_after.match(low, m.end())
        if relative and not year_at and report_year(published) is not None:
            # the first three quarters of this year: the part of the year the phrase names
            year = report_year(published) + cues["relative_years"][relative.group("phrase")][0]
            spans_relative.append((relative.start("phrase"), relative.end("phrase")))
        period = _months_period(year, first, last, m.start(), m.end(), published)
        if period and not is_base(m.start()):
            found = [t for t in found if not (year_at and t.start == year_at.start("y"))]  # the part's year is in it
            found.append(_Time(m.start(), m.end(), period))
    year = report_year(published)
    if year is not None:
        for phrase, (first, last) in cues["relative_years"].items():
            for m in regex.finditer(rf"\b{regex.escape(phrase)}\b", low):
                # (up 1 point from last year: a base; over the past five years: a span, never a base)
                if first == last and is_base(m.start()):
                    continue
                if any(t.start <= m.start() < t.end for t in found) or (m.start(), m.end()) in spans_relative:
                    continue  # already read as part of another expression
                found.append(_Time(m.start(), m.end(), str(year + first) if first == last else f"{year + first}/{year + last}"))
    return sorted(found, key=lambda t: t.start)


def _time_at(times: list[_Time], pos: int) -> _Time | None:
    """The time expression that dates a number at ``pos``: the last one before it, else the first after it."""
    before = [t for t in times if t.start < pos]
    if before:
        return before[-1]
    return times[0] if times else None


def _period_at(times: list[_Time], pos: int) -> str:
    governing = _time_at(times, pos)
    return governing.period if governing else ""


def _opening(text: str, times: list[_Time]) -> _Time | None:
    """A time expression that opens the sentence (In 2023, …; In addition, this year, …; Between January
    and September, …): it sets the time frame of what follows."""
    for t in times:
        if t.start > _OPENING_REACH or any(ch.isdigit() for ch in text[: t.start]):
            return None
        if t.start <= 16 or text[t.end : t.end + 2].lstrip().startswith(","):
            return t
    return None


# How far into a sentence a time expression may start and still open it.
_OPENING_REACH = 40


@dataclass(frozen=True, slots=True)
class _TimePatterns:
    years: regex.Pattern[str]
    parts: regex.Pattern[str]
    year_after: regex.Pattern[str]
    relative_after: regex.Pattern[str]
    year_before: regex.Pattern[str]


@cache
def _time_patterns() -> _TimePatterns:
    cues = load_lexicon().cues["en"]
    months = _alternation(cues["months"])
    return _TimePatterns(
        years=regex.compile(r"(?P<a>(?:19|20)\d{2})\s?(?:-|–|to)\s?(?P<b>(?:19|20)\d{2})|(?P<y>(?:19|20)\d{2})(?![\d,.]*\s?(?:percent|%))"),
        parts=regex.compile(rf"\b(?:(?P<part>{_alternation(cues['year_parts'])})|(?:between\s|from\s)?(?P<m1>{months})"
                            rf"\s?(?:-|–|to|and|through)\s?(?P<m2>{months}))\b"),
        year_after=regex.compile(r"\s(?:of|in)\s(?:the\s)?(?:year\s)?(?P<y>(?:19|20)\d{2})\b"),
        relative_after=regex.compile(rf"\s(?:of|in)\s(?P<phrase>{_alternation(y for y, (a, b) in cues['relative_years'].items() if a == b)})\b"),
        year_before=regex.compile(r"(?P<y>(?:19|20)\d{2})(?:'s|’s)?\s(?:the\s)?\Z"),
    )


def extract_english_claims(document: Document) -> list[Claim]:
    patterns = _patterns()
    cues = patterns.cues
    claims: list[Claim] = []
    frame, frame_since = "", False
    list_is_target = False
    for sentence in _sentences(document.text):
        text = sentence.text
        first_claim = len(claims)
        previous_metric, previous_end, previous_change = "", 0, ""
        times = _times(text, document.published, cues, frame)
        if not frame and times:
            frame, frame_since = times[0].period, times[0].since  # a news lead: the first dated sentence dates the article
        for m in patterns.number.finditer(text):
            if m.start() < previous_end:
                continue  # inside the claim before (the high end of "from 4 percent to 6 percent")
            kind_group = "digits" if m.group("digits") else "word"
            value = _value(m, kind_group, cues)
            start, end = m.start(kind_group), m.end()
            currency = m.group("currency")
            negative = bool(m.group("sign"))
            if negative:
                value, start = -value, m.start("sign")  # -7.19 percent: the sign is part of the number
            if currency:
                start = m.start("currency")
            scale = m.group("scale")
            if scale:
                value *= Decimal(cues["scales"][scale.lower()])
            if not currency and not scale and kind_group == "digits" and _YEAR.fullmatch(m.group("digits")):
                continue  # a year: it feeds the period, it is not a claim
            unit_match = patterns.unit_re.match(text, end)
            count_match = None if unit_match else patterns.count_re.match(text, end)
            if count_match is None and (scale or kind_group == "digits") and not unit_match and not currency:
                # 5.32 billion integrated circuits, 31 provinces: a plural noun after the number is counted
                plural = _PLURAL_NOUN.match(text, end)
                count_match = plural if plural and plural.group("noun").lower() not in _NOT_NOUNS and not any(
                    w.lower() in cues["stop_words"] + cues["link_words"] for w in plural.group("mods").split()) else None
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
                singular = _singular(noun.lower(), cues)
                surface, kind, unit_en, std_unit, factor = noun, Kind.COUNT, singular, singular, Decimal(1)
                end = count_match.end()
            elif scale:
                surface, kind, unit_en, std_unit, factor = "", Kind.COUNT, "item", "item", Decimal(1)
            else:
                continue  # a bare number: a list marker, a code, a name
            if kind == Kind.DURATION and not _is_streak(text, start, end, cues):
                continue  # "the past five years" is a time, not a claim; "for five consecutive years" is one
            if kind == Kind.MONEY:
                for per in _per_re().finditer(text, end):
                    if per.start() != end:
                        break
                    word = cues["per_words"][per.group("den").lower()]
                    surface, unit_en, std_unit, end = f"{surface}/{word}", f"{unit_en} per {word}", f"{std_unit}/{word}", per.end()
            high = m.group("high")
            value_high = Decimal(high.replace(",", "")) * (Decimal(cues["scales"][scale.lower()]) if scale else 1) if high else None
            spread = _RANGE_END.match(text, end) if unit_match and _RANGE_START.search(text[:start]) else None
            if spread and spread.group("unit").lower() == surface.lower():
                # ranging from 4 percent to 6 percent: one range, not two claims
                value_high, end = Decimal(spread.group("high").replace(",", "")), spread.end()
            before = text[previous_end:start] if previous_end else text[:start]
            before = before.translate(_QUOTES)  # growth of "around 5 percent": quotation marks set nothing apart
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
            if negative and kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
                change = "decrease"  # a growth of -7.19 percent is a fall
            if not change and previous_end and clause_before.strip().lower() in ("to", "and", "or", ","):
                change = previous_change  # risen from 54 trillion to 82.7 trillion yuan
            listed = _LISTED_BY.match(clause_before) if not change and previous_change else None
            if listed:
                # increase A by 7 percent, B by 4 percent and C by 6 percent: the verb governs the list
                change = previous_change
            counted = count_match and not unit_match and not currency and not shared_unit
            generic = counted and not count_match.group("mods").strip() and count_match.group("noun").lower() in cues["generic_count_nouns"]
            metric = count_match.group("mods").strip() + " " + count_match.group("noun") if counted and not generic else ""
            metric = metric or noun_metric
            if not metric and kind in (Kind.MONEY, Kind.LENGTH, Kind.AREA, Kind.MASS, Kind.VOLUME, Kind.ENERGY, Kind.POWER):
                metric = _metric_after(text[end:])
            joined = previous_end and clause_before.strip().lower() in ("to", "and", "or", ",", "")
            # (rose from 93.8 percent to 95.5 percent in China: the second end measures what the first does)
            metric = metric.strip() or _metric(clause_before, cues) or (previous_metric if joined else "") or _metric_after(
                text[end:]) or previous_metric
            governing = _time_at(times, start)
            period = governing.period if governing else frame
            target = list_is_target if sentence.item else any(
                regex.search(rf"\b{regex.escape(w)}\b", text[:start], regex.IGNORECASE) for w in cues["target"])
            if (governing.since if governing else frame_since):
                status = "target" if target else "actual"  # since 2012, …: up to now, it has happened
            elif period and document.published:
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
        claims[first_claim:] = _respectively(text, sentence.start, claims[first_claim:], times, cues)
        claims[first_claim:] = sorted(claims[first_claim:] + _ranks(document, sentence, claims[first_claim:], times, frame, cues),
                                      key=lambda c: c.start)
        if not sentence.item:
            # "The main targets for this year are projected as follows:" governs the list below it
            list_is_target = text.rstrip().endswith(":") and any(
                regex.search(rf"\b{regex.escape(w)}\b", text, regex.IGNORECASE) for w in cues["target"])
        opening = _opening(text, times)
        if opening:
            frame, frame_since = opening.period, opening.since  # "In 2023, …" sets the time frame of what follows
    return claims
