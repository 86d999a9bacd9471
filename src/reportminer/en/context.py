"""What an English number measures and in which direction it changed: the noun phrase before it (GDP grew
5.3%), the noun it counts (175 planned reserve projects), the phrase after in/of/on (US$300 million in
foreign investment), a change noun after a percent (a 2 percent increase in the consumer price index),
lists paired in order (A, B and C … x, y and z, respectively) and standings (ranking first in the world).
"""

from __future__ import annotations

import itertools

from dataclasses import dataclass, replace
from functools import cache

from .. import regexcache as regex

from ..types import Kind, Quantity
from .pack import EnglishCues, alternation, ends_with, english_cues
from .quantities import EnglishQuantity, moved_up_to
from .time import find_times, opening, time_list

_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
_SHORT_PARENTHESIS = regex.compile(r"\([^()]{1,12}\)")
# investment (excluding rural households) was …: a bracket that sets the measure's scope belongs to it.
_SCOPE_PARENTHESIS = regex.compile(r"(?i)\((?:excluding|including|except|not including|exclusive of|not|seasonally)\s[^()]{1,80}\)")
# the R&D intensity (as a proportion of gross domestic product, GDP[2]) came in at …: a bracket that explains
# the measure is no part of its name.
_EXPLAINING_PARENTHESIS = regex.compile(r"(?i)\s?\((?:as|i\.e\.|namely|that is)\s[^()]{1,80}\)")
_ATTRIBUTION = regex.compile(r"(?i),\s*according\s+to\s[^,;()]{1,100}(?=,)")
# (The core CPI, which excludes food prices, went up; precision instruments, including display panels, declined: an
# aside between commas says nothing of what is measured)
_RELATIVE = regex.compile(r"(?i),\s*(?:which|who|including|excluding)\s[^,;\d]{1,120},(?=\s)")
# (… above the designed size - meaning companies with … - increased: spaced single dashes too)
_DASHED = regex.compile(r"\s(?:--|—)\s[^-—]{1,160}?\s(?:--|—)(?=\s)|\s[-–]\s[^–]{1,160}?\s[-–](?=\s)")
# (a comma between digits, 41,798, is a thousands separator, no break)
_CLAUSE_BREAK = regex.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[;:()]|--|—|(?<!\u2060)\band\b(?!\u2060)|\bwhile\b|\bwhich\b|(?<!\u2060)\bwith\b")  # (trade with X: a compound)  # (BEIJING, March 15 (Xinhua) -- …)
_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " ", "‘": " "})
_SINGLE_QUOTE = regex.compile(r"(?<!\w)['‘](?=[^'‘’]{1,80}['’](?!\w))|(?<=(?<!\w)['‘][^'‘’]{1,80})['’](?!\w)")
# ('around 5 per cent', ‘around 5 per cent’: a quoted phrase's marks; not China's, residents’ incomes)
# The next item of a list that one change verb governs: ", B by" / " and C by".
_LISTED_BY = regex.compile(r"(?i)\A[\s,]*(?:and\s+)?(?P<what>[a-z][\w'-]*(?:\s[a-z][\w'-]*){0,5}?)\s+by\s*\Z")
_LEADING_PARENTHESIS = regex.compile(r"\A\s*\([^()]{1,40}\)")
_TIME_WORDS = regex.compile(r"(?i)(?:first|second|third|fourth|last|past|previous|prior|prior-year|year-earlier|next|this|that|same|early|late)\b"
                            r"|(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                            r"year|quarter|month|period|half)\b")
_LIST_JOINER = regex.compile(r"\s*(?:,\s*and|,|and|or)\s*\Z", regex.IGNORECASE)
_ITEM_BREAK = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", regex.IGNORECASE)
# (…, respectively; accounted for 39.6% and 22.6% of the expenditure respectively: a short phrase may stand before it)
_RESPECTIVELY = regex.compile(r"\A,?[^,;.()\d]{0,40}?\brespectively\b", regex.IGNORECASE)
# (A (104.46) and B (105.77) recorded respective growth of 0.94% and 1.30%: "respective" before the numbers pairs them too)
_RESPECTIVE_BEFORE = regex.compile(r"(?i)\brespective\s+[a-z]+(?:\s+[a-z]+)?\s+(?:of\s+)?\Z")
_POSTPOSED = regex.compile(r"(?i)\s+(up|down)\b(?!\s+(?:to|from|on)\b)")
# (expanded at an unexpected rate of seven percent: whatever the adjective, a rate of)
_RATE_OF = regex.compile(r"(?i)\bat\s+(?:a|an|the)\s+(?:[a-z-]+\s+){1,2}?(?:rate|pace)\s+of\s*\Z")
# (…, down from 5.7 percent; versus 1.3 percent in the April-June period; compared with 7.9 percent: an earlier rate)
_MOVED_BASE = regex.compile(r"(?i)\b(?:(?:up|down)\s+from|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+|a\s+)?\Z")
_POINTS_FROM = regex.compile(r"(?i)\s+(up|down)\s+(?:from|on)\b")
_MOVED_FROM = regex.compile(r"(?i)[^,;.]{0,40}?,\s*(?:[a-z]+ing\s+)?(up|down)\s+from\b")  # (…, edging down from)
_AFTER_STOPS = ("and", "or", "to", "in", "by", "was", "were", "is", "are", "has", "have", "had", "went", "will", "from",
                "with", "over", "during", "since", "than", "compared", "year-on-year", "amid", "amidst")
# Joins the words of a compound noun (added value) into one token while a metric is read, so that a word of it
# that elsewhere ends a metric (added, above, than) does not end it here.
_JOINER = "\u2060"


@cache
def _compound_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().noun_compounds)})\b")


def _joined(text: str) -> str:
    """the added value of industries above designated size: each listed compound one token."""
    return _compound_re().sub(lambda m: m.group().replace(" ", _JOINER), text)


def _unjoined(text: str) -> str:
    return text.replace(_JOINER, " ")


@dataclass(frozen=True, slots=True)
class EnglishContext:
    metric: str
    change: str
    target_cue: bool  # a target word stands before the number in its sentence
    rule: str  # the rule that decided the metric
    clause_target_cue: bool = False  # … in the number's own clause (and will invest 3bn yuan)
    reached: bool = False  # a level a change or a link reaches (raise the share to 65 percent, reached 121 trillion)
    year_ago: bool = False  # dated a year before the period in force (5.3 percent a year ago)
    done: bool = False  # the clause says it happened (have risen, grew) and no target word stands in it
    from_start: bool = False  # the start of a from–to change (increased from 26.6 trillion yuan to 51.9 trillion)


@cache
def _stop_words() -> frozenset[str]:
    cues = english_cues()
    return frozenset(cues.link_words + cues.increase + cues.decrease + cues.fillers + cues.target
                     + cues.prefix_over + cues.prefix_under + cues.prefix_approx + cues.stop_words + cues.rate_moves
                     + cues.share_verbs)


def change_before(before: str, cues: EnglishCues) -> str:
    """The direction of a change verb before the number (fillers and qualifiers may stand between), or
    of the verb before "by" (cut energy use by 2.5 percentage points)."""
    before = _ANOTHER.sub(" ", _without_qualifiers(_without_standing(before)))  # (expand its GDP by over 6 percent; by another 20 yuan)
    if before.rstrip().lower().endswith(" by"):
        for word in reversed([w.lower().strip(",") for w in before.split()]):
            if word in cues.increase or word in cues.decrease:
                return "increase" if word in cues.increase else "decrease"
    if before.rstrip().lower().endswith(" to") and (reached := _verb_before_object(before, cues)):
        return reached  # raise the proportion of permanent urban residents to 65 percent: the level a change reaches
    text = before
    for _ in range(6):
        word = ends_with(text, cues.increase + cues.decrease)
        if word == "up" and ends_with(text.rstrip()[:-2], cues.phrasal_up):
            return ""  # build up 20 brands: a particle, not a rise
        if word:
            return "increase" if word in cues.increase else "decrease"
        filler = ends_with(text, cues.fillers + cues.prefix_over + cues.prefix_under + cues.prefix_approx)
        if not filler and (adverb := _LAST_ADVERB.search(text)):  # (increased successively from 2.8%)
            filler = adverb.group(1)
        if not filler:
            return ""
        text = text.rstrip()[: -len(filler)]
    return ""


@cache
def _standing_at_re() -> regex.Pattern[str]:
    superlatives = alternation(english_cues().superlatives)
    return regex.compile(rf"(?i)\s(?:the\s+)?(?:{superlatives})(?:\s+(?:in|among|across)\s+[^,;]{{1,40}}?)?\s+at\s*\Z")


def _without_standing(before: str) -> str:
    """GDP grew the fastest in the country at 4.7 percent: how the change stands among others, then "at" (no part
    of the verb or of what changed)."""
    return _standing_at_re().sub(" ", before)


_LAST_ADVERB = regex.compile(r"(?i)(?<![\w-])([a-z]{5,}(?<!pp|mb|o)ly)\s*\Z")  # (as _ADVERB, at the end)
_ANOTHER = regex.compile(r"(?i)\s+(?:another|a\s+further)\s*\Z")
_OBJECT_WORDS = frozenset({"the", "a", "an", "its", "their", "of", "in", "for", "to", "and", "per"})


def _verb_before_object(before: str, cues: EnglishCues) -> str:
    """The direction of a change verb whose object (a noun phrase) stands between it and "to N"."""
    words = [w.lower().strip(",") for w in before.split()][:-1]
    stop = _stop_words()
    for k, word in enumerate(reversed(words)):
        if word in cues.increase or word in cues.decrease:
            return "increase" if word in cues.increase else "decrease" if k else ""
        if word in stop and word not in _OBJECT_WORDS:
            return ""
    return ""


# A time phrase inside the words before a number (the deficit-to-GDP ratio for this year at 3 percent):
# when, not what, so it leaves the metric.
_TIME_PHRASE = regex.compile(
    r"(?i)\b(?:for|in|during|over|of)\s+(?:the\s+|that\s+)?(?:(?:this|last|next|past|previous|same|first|second|third|"
    r"fourth|latter|former|whole|full|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+)*(?:years?|quarters?|months?|half|period)\b"
    r"|\b(?:last|this|next|past|previous)\s+(?:years?|quarters?|months?)\b"
    r"|\bthe\s+(?:first|last|past)\s+(?:[a-z]+\s+)?(?:years|quarters|months)\b"  # (in profit the first seven months)
    r"|\b(?:of|in)\s+(?:19|20)\d{2}(?![\d%]|[.,]\d|\s?(?:%|percent))"  # (the first nine months of 2017, an increase of 7.5%)
    r"|\b(?:(?:from|in|during|for)\s+)?(?:q[1-4](?:\s?(?:-|–|to|through)\s?q[1-4])?|h[12])(?:,?\s(?:19|20)\d{2})?\b")  # (GDP from Q1 to Q3; H1 trade)
# cooled to an 18-month low of 7.4 percent, hit a record high of, reached a historic milestone of: how the level stands against the past, not
# what it measures (the level is the subject's).
_EXTREME_OF = regex.compile(r"(?i)\b(?:a|an)\s+(?:(?:record|fresh|new|historic|multi-year|all-time|[\w]+-(?:day|week|month|"
                            r"quarter|year|decade))\s+)*(?:high|low|milestone|peak)(?:\s+of)?\s*\Z")


@cache
def _month_span_re() -> regex.Pattern[str]:
    """in May - July 2015, during January-March, Export orders for January: months named inside the words before a
    number are when, not what."""
    months = alternation(english_cues().months)
    # (July factory output, the September PPI: a month's name before the measure, capitalised, is when too)
    names = "|".join(m.capitalize() for m in english_cues().months if len(m) > 3)
    return regex.compile(rf"(?i)\b(?:for\s+)?(?:the\s+)?(?:calendar\s+|financial\s+)?year\s+(?:to|through|up\s+to)\s+"
                         rf"(?:the\s+end\s+of\s+)?(?:{months})(?:\s+\d{{1,2}})?\b"  # (GGR for the calendar year to October 31)
                         rf"|\b(?:in|during|for|over)\s+(?:{months})\.?(?:\s?(?:-|–|to)\s?(?:{months})\.?)?"
                         rf"(?:,?\s(?:19|20)\d{{2}})?\b|(?-i:\b(?:{names}|May)\b)(?=\s+[A-Za-z])"
                         r"|\b(?:first|second|third|fourth)-(?:quarter|half)\b(?=\s+[A-Za-z])")  # (first-quarter orders)


_ARTICLES = ("the", "a", "an", "its", "their")
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being"})
_INSIDE = ("of", "per", "in", "for", "with", "along", "from")  # prepositions a noun phrase may hold (energy consumption per unit of GDP)


def _joins_phrase(words: list[str], k: int, phrase_length: int, stop: frozenset[str]) -> bool:
    """Whether the stop word words[k] joins the noun phrase being read: a preposition inside it (energy use
    per unit of GDP), an article after one, "to" between the terms of a ratio (the ratio of its deficit to
    GDP), "by" after a noun (exports by private firms), "and" between nouns (imports and exports; the added
    value of power, heat, gas and water production and supply industry)."""
    low = words[k].lower().strip(",")
    before = words[k - 1].lower().strip(",").rpartition(_JOINER)[2] if k else ""  # (trade with the …: a compound's last word)
    compound_to = before == "to" and _JOINER in words[k - 1]  # (orders to the U.S.: a listed compound ends in "to")
    if low in _INSIDE or (low in _ARTICLES and (before in _INSIDE or compound_to)):
        return True
    if low in english_cues().frequency_adjectives:
        return True  # (the average monthly regular wage: an adjective of the noun after it)
    if low == "to":
        return any(w.lower() in english_cues().ratio_nouns for w in words[max(0, k - 7) : k])
    if low == "by":
        return bool(before) and before not in stop and not before.endswith("ed")
    if low != "and" or not before or before in stop:
        return False
    return phrase_length <= 3 or _of_list_ahead(words, k, stop) or _short_conjunct(words, k, stop)


def _phrase_words(words: list[str], stop: frozenset[str]) -> tuple[list[str], str]:
    """The noun phrase at the end of ``words`` and the word that stopped it ("" at the start)."""
    phrase: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word, low = words[k], words[k].lower().strip(",")
        inside = bool(phrase) and low in stop and _joins_phrase(words, k, len(phrase), stop)
        if (low in stop and not inside) or _YEAR.fullmatch(word.strip(",")) or len(phrase) == 10 or _bare_number_at(words, k):
            return phrase, low
        if low in english_cues().time_nouns:
            return phrase if phrase and phrase[0].lower() not in _INSIDE else [], low  # (a time, not what)
        if low.endswith("ed") and _JOINER not in low and phrase and phrase[0].lower() in _INSIDE:
            return phrase[1:], low  # resulted in savings: a verb and its preposition end the phrase
        phrase.insert(0, word)
    return phrase, ""


_BARE_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def _bare_number_at(words: list[str], k: int) -> bool:
    """reached 41,798, increased by 7.9%: a number no claim took is no part of a noun phrase (but the doctors
    per 1,000 people)."""
    return bool(_BARE_NUMBER.fullmatch(words[k].strip(","))) and not (k and words[k - 1].lower() == "per")


def _short_conjunct(words: list[str], k: int, stop: frozenset[str]) -> bool:
    """imports and exports by private enterprises: one to three words before "and", after a stop word or the
    start, are the first half of the subject."""
    n = 0
    for j in range(k - 1, -1, -1):
        if words[j].lower().strip(",") in stop or words[j].endswith(","):
            break
        n += 1
    return 1 <= n <= 2


def _of_list_ahead(words: list[str], k: int, stop: frozenset[str]) -> bool:
    """Only nouns (and commas) stand between words[k] (an "and") and an "of" before it: a list after "of"."""
    for j in range(k - 1, max(-1, k - 9), -1):
        low = words[j].lower().strip(",")
        if low == "of":
            return True
        if low in stop or low == "and":
            return False
    return False


def _without_place(metric: str, cues: EnglishCues) -> str:
    """5G penetration rate in China → 5G penetration rate; the economy of South China's Guangdong Province →
    economy: a place at the end of a metric leaves it."""
    for _ in range(2):  # (the GDP of South China's island province of Hainan: a name, then the province it owns)
        m = regex.search(rf"\s(?:{alternation(cues.place_prepositions)})\s(?:(?:{alternation(cues.compass_words)})\s)?"
                         rf"(?:[A-Z][\w'’-]*\s?)+$", metric) or _owner_place_re().search(metric)  # (in east China's Xiamen City)
        metric = metric[: m.start()] if m and m.start() > 0 else metric
    return metric


@cache
def _owner_place_re() -> regex.Pattern[str]:
    # ("of" and capitalised words that end in a place's last word; not the Association of Southeast Asian Nations)
    cues = english_cues()
    return regex.compile(rf"\sof\s(?:(?:{alternation(cues.compass_words)})\s)?"
                         rf"(?:[A-Z][\w'’-]*\s)*?(?:{alternation(cues.place_name_ends)})$"
                         rf"|\s(?:of|in)\s(?:the|this)\s(?:{alternation(cues.owner_nouns)})$"  # (of the province, in the region)
                         rf"|\sof\s(?:(?:the|this)\s)?(?!(?:{alternation(cues.compass_words)})\s)[a-z]+\s(?:{alternation(cues.owner_nouns)})$"  # (of the coastal city; of island province)
                         r"|\sof\s[A-Z][a-z]+$")  # (the GDP of Taiyuan: one capitalised word, a name, not an acronym)


@cache
def _place_apposition_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i),\s(?:the\s|a\s|an\s)?(?:{alternation(english_cues().place_appositions)})\s(?:of|in)\s[^,;]{{1,60}},")


_HEAD_OF = regex.compile(r"(?i)(.+?\s(?:of|for|in))\s")


def metric_before(before: str, cues: EnglishCues, previous: str = "") -> str:
    """The noun phrase right before the number: the words back to the first link, verb or cue word;
    "that of services" after "the prices of consumer goods" is the prices of services."""
    phrases = (cues.prefix_over + cues.prefix_under + cues.prefix_approx + cues.fillers + cues.link_words
               + cues.verbs_before_number + cues.modal_verbs)
    before, linked = _words_of_the_measure(before, phrases)
    stop = _stop_words()
    words = _without_trailing_verbs(before.split(), stop, linked)
    tail = [words.pop()] if linked and _participle_after_of(words) else []  # (buildings completed was …)
    phrase, stopped_by = _phrase_words(words, stop)
    phrase, stopped_by = _subject_of_participle(words, phrase, stopped_by, stop, cues)
    if phrase[:1] and phrase[0].lower() == "from":
        return ""  # (recovering from an annual decline of 3.8 percent: a base's words measure nothing of their own)
    phrase += tail if phrase else []
    phrase = _trimmed(_with_back_reference(phrase, stopped_by, previous, cues))
    metric = _without_change_noun(_without_place(_unjoined(" ".join(phrase)).strip(" ,"), cues), cues)
    rest = _without_trailing(metric, cues)
    if _AN_AMOUNT.fullmatch(rest):
        return ""  # (The US$42.08 billion (NT$1.24 trillion) reported … amounted to a rise of 12.5%: an amount measures nothing)
    # (unexpectedly accelerating from 3.5%: an adverb alone measures nothing)
    # (a two-year average: a span and a way of measuring name no measure)
    return "" if all(w.lower() in cues.not_metrics or _ADVERB.fullmatch(w) or _SPAN_ADJECTIVE.fullmatch(w)
                     for w in rest.split()) else rest


def _subject_of_participle(words: list[str], phrase: list[str], stopped_by: str, stop: frozenset[str],
                           cues: EnglishCues) -> tuple[list[str], str]:
    """with imports making a similar gain of 9.77 percent, exports posting growth of 5 percent: where what follows a
    participle (change_participles) only says how the figure moved, the noun phrase before the participle is
    what moved."""
    if any(w.lower() not in cues.change_nouns and w.lower() not in cues.not_metrics for w in phrase) \
            or words[len(words) - len(phrase) :] != phrase:
        return phrase, stopped_by
    at = len(words) - len(phrase) - 1
    while at >= 0 and words[at].lower() in _ARTICLES:
        at -= 1  # (making a similar gain)
    if at < 0 or words[at].lower().strip(",") not in cues.change_participles:
        return phrase, stopped_by
    return _phrase_words(words[:at], stop)


_AN_AMOUNT = regex.compile(r"(?i)(?:[A-Z]{0,3}\$|RMB|MOP|HK\$|NT\$)?\s?\d[\d.,]*(?:\s?(?:billion|million|trillion|thousand|bn|mn))?"
                        r"(?:\s[a-z]+)?(?:\s\([^)]*\))?")
_SPAN_ADJECTIVE = regex.compile(r"(?i)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(?:year|month|quarter|week|day)")
# unexpectedly, sharply, slightly: an adverb (not a noun in -ly: tally, supply, family, assembly, monopoly)
_ADVERB = regex.compile(r"(?i)[a-z]{5,}(?<!pp|mb|o)ly")


def _with_back_reference(phrase: list[str], stopped_by: str, previous: str, cues: EnglishCues) -> list[str]:
    """that of services after the prices of consumer goods: the head before is shared (prices of services); that in
    rural areas after sales of consumer goods in urban areas: sales of consumer goods in rural areas."""
    owned = any(w.lower() in ("of", "for") for w in phrase[1:])  # (that of the price index for goods: its own head)
    if stopped_by in cues.back_references and phrase[:1] == ["of"] and not owned and (head := _HEAD_OF.match(previous)):
        return head.group(1).split() + phrase[1:]
    if stopped_by in cues.back_references and phrase[:1] == ["in"] and " in " in previous:
        return previous.rsplit(" in ", 1)[0].split() + phrase
    return phrase


def _without_trailing(metric: str, cues: EnglishCues) -> str:
    """GDP growth of 5 percent → GDP; but economic growth keeps its noun (an adjective is no measure)."""
    trailing = ends_with(metric, cues.metric_trailing)
    rest = metric[: -len(trailing)].rstrip() if trailing else metric
    return metric if trailing and rest and rest.split()[-1].islower() and rest.endswith(("ic", "al")) else rest


def _words_of_the_measure(before: str, phrases) -> tuple[str, bool]:
    """The words before a number less what says when (in 2017, during January-March), what explains, the cue
    phrases that end them and a level's standing (an 18-month low of); and whether a link verb was among them."""
    before = _month_span_re().sub(" ", _TIME_PHRASE.sub(" ", _EXPLAINING_PARENTHESIS.sub("", _without_standing(before))))
    before, linked = _without_cue_phrases(_joined(before), phrases)
    if _EXTREME_OF.search(before):
        before, linked_too = _without_cue_phrases(_EXTREME_OF.sub(" ", before), phrases)
        linked = linked or linked_too
    return before, linked


def _without_cue_phrases(before: str, phrases) -> tuple[str, bool]:
    """``before`` less the cue phrases that end it ("more than", "year on year to", however long), and
    whether a link verb (was, were) was among them."""
    linked = False
    while (word := ends_with(before, phrases)) is not None:
        before = before.rstrip()[: -len(word)]
        linked = linked or word in _BE
    return before, linked


def _participle_after_of(words: list[str]) -> bool:
    """… of buildings completed: the last word a participle after "of" and a noun."""
    return len(words) > 2 and words[-1].lower().endswith("ed") and "of" in (w.lower() for w in words[:-2])


def _without_trailing_verbs(words: list[str], stop: frozenset[str], linked: bool = False) -> list[str]:
    """The words before a number less the stop words, years and passive verbs at their end (the deficit
    ratio is planned to be arranged at around 4%: the verb, not the measure); but before a link verb a
    participle after "of" and a noun stays (the floor space of buildings completed was …)."""
    words = list(words)
    if linked and _participle_after_of(words):
        return words
    while words and (words[-1].lower().strip(",") in stop or _YEAR.fullmatch(words[-1].strip(","))
                     or _ADVERB.fullmatch(words[-1].strip(",")) or (
            len(words) > 1 and words[-1].lower().endswith("ed") and words[-2].lower() in _BE)):
        words.pop()
    return words


def _leading_word_drops(phrase: list[str]) -> bool:
    first = phrase[0].lower()
    if first in ("of", "with", "for", "in", "by") or (first in _ARTICLES + ("both", "latest", "such") and len(phrase) > 1):
        return True  # (both energy and water consumption, the latest unemployment rate: both, latest name no measure)
    if not any(ch.isalnum() for ch in first):
        return True  # (– China's GDP: a list's dash)
    return first == "per" and (len(phrase) < 2 or phrase[1].lower() != "capita")  # (per capita income stays whole)


def _defines_the_noun(phrase: list[str]) -> bool:
    """floor space of buildings newly started, of residential buildings completed: a participle after a noun
    that "of" introduces (or after an adverb in -ly) says which things are measured; it stays."""
    return len(phrase) > 2 and (phrase[-2].lower().endswith("ly") or _participle_after_of(phrase))


def _without_inner_owner(phrase: list[str], openers: tuple[str, ...] = ("of",)) -> list[str]:
    """the value of Hong Kong's total exports → the value of total exports: a place owning the measure inside the
    phrase (capitalised words ending in 's after of) is no part of it, as an owner that opens the phrase is not."""
    for k in range(1, len(phrase) - 1):
        if phrase[k].endswith(("'s", "’s")) and phrase[k][:1].isupper():
            first = k
            while first > 0 and phrase[first - 1][:1].isupper():
                first -= 1
            if first == 0 or phrase[first - 1].lower() in openers:  # (Hong Kong's total exports: an owner that opens it)
                return phrase[:first] + phrase[k + 1 :]
    return phrase


def _trimmed(phrase: list[str]) -> list[str]:
    """A phrase less a leading preposition or article, an owner (Chongqing's GDP: the owner is the place,
    not the measure) and a participle at its end (Tax and fee reductions introduced last year totaled …;
    It resumed …: a verb says what was done)."""
    phrase = list(phrase)
    while phrase and _leading_word_drops(phrase):
        phrase.pop(0)
    phrase = _without_inner_owner(phrase)
    if len(phrase) > 1 and phrase[0].endswith(("'s", "’s")):
        phrase.pop(0)
    elif len(phrase) > 2 and phrase[0].endswith(("'", "’")) and phrase[1] == "s":
        del phrase[:2]  # (China’ s gross domestic product: an owner typed with a space)
    if phrase and phrase[-1].lower().endswith("ed") and "-" not in phrase[-1] and _JOINER not in phrase[-1] \
            and not _defines_the_noun(phrase):
        phrase.pop()
    if len(phrase) > 1 and phrase[-1].lower() == "both":
        phrase.pop()  # (the values of total exports and imports of goods both recorded …: "both" ends no measure)
    # (forecast exports to grow 4 percent: the infinitive's "to" ends no measure, even joined as in "exports to")
    if phrase and phrase[-1].lower().endswith(_JOINER + "to"):
        phrase[-1] = phrase[-1][: -len(_JOINER + "to")]
    elif len(phrase) > 1 and phrase[-1].lower() in ("to", "during", "in", "for", "of", "at"):
        phrase.pop()  # (total retail sales of consumer goods in Hainan during 2020 hit: a preposition ends no measure)
    return phrase


def _without_change_noun(metric: str, cues: EnglishCues) -> str:
    """the growth of the service sector → service sector: a change noun that heads a metric says how it moved
    (and the provisional estimate of the value of sales → value of sales: how it was estimated)."""
    low = metric.lower()
    leads = sorted(cues.leading_change_nouns + cues.leading_estimates, key=len, reverse=True)
    lead = next((w for w in leads if low.startswith(w + " ")), None)
    if lead is None:
        return metric
    rest = metric[len(lead) :].strip()
    rest = rest[4:] if rest.lower().startswith("the ") else rest
    return " ".join(_without_inner_owner(rest.split(), ("of", "for")))  # (as read after a change noun: see metric_after)


@cache
def _reached_by_subject_re() -> regex.Pattern[str]:
    """automobile exports reached (more than): a subject's link to the level it reached."""
    cues = english_cues()
    bounds = alternation(cues.prefix_over + cues.prefix_under + cues.prefix_approx + ("a total of",))
    return regex.compile(rf"(?i)\b(?:{alternation(cues.level_links)})\s+(?:(?:{bounds})\s+)?\Z")


_BASIS = regex.compile(r"(?i)\b(?:basis|terms|average)$")
_DEMONSTRATIVES = ("this", "that", "these", "those", "it", "which")


def _is_time_or_reference(words: str) -> bool:
    """Q1, H1, March 2024, this sum: words after in/of that name a time or point back, not a measure."""
    first = words.split()[0].lower().strip(",.") if words.split() else ""
    cues = english_cues()
    return first in cues.year_parts or first in cues.months or first in _DEMONSTRATIVES


def metric_after(after: str, given: bool = False, base_from: bool = False) -> str:
    """US$300 million in foreign investment, 15 km of roads: the phrase after in/of/on, up to the next
    link word or clause break; ``given`` (an allocation verb before): also after to/for; ``base_from``: not
    after "from", which opens a base."""
    after = _LEADING_PARENTHESIS.sub("", after)  # 2.58 trillion yuan (312 billion dollars) in …
    prepositions = "in|of|on|from|to|for" if given else "in|of|on|from"
    prepositions = prepositions.replace("|from", "") if base_from else prepositions
    m = regex.match(rf"\s(?:{prepositions})\s(?:(?:the|its|their)\s)?((?:[A-Za-z][\w'’-]*\s?){{1,8}})", after)
    named = regex.sub(r"(?i)\A(?:a|an|one)\s", "", m.group(1)) if m else ""
    if not m or _TIME_WORDS.match(named) or _is_time_or_reference(m.group(1)):
        return ""  # (in the first three quarters, in Q1: when, not what; of this sum: what was said before)
    words = []
    following = m.group(1).split()
    for k, word in enumerate(following):
        if word.lower() in _AFTER_STOPS or (words and word.lower().endswith("ed")):
            break  # (a quarter of firms exported: the verb begins the predicate)
        if words and _TIME_PHRASE.match(" ".join(following[k:])):
            break  # (an increase of 28.3 percent in profit the first seven months: when, not what)
        if words and k + 1 < len(following) and word.lower() in english_cues().relative_time_words and following[k + 1].lower() in english_cues().time_nouns:
            break  # (3.44 billion tonnes of cargo last year: the time, not the cargo)
        words.append(word)
    while words and words[-1].lower() in ("of", "per", "the", "a"):
        words.pop()
    phrase = " ".join(_without_inner_owner(words, ("of", "for")))  # (a gain in orders for Taiwan's ICT products)
    return "" if _BASIS.search(phrase) else phrase  # (on a quarterly basis, in real terms: how, not what)


@cache
def _change_noun_re() -> regex.Pattern[str]:
    # (up to three words may name what changed between the percent and the noun: a 5.2% GDP growth)
    return regex.compile(rf"\s(?P<what>(?:[\w()'’-]+\s){{0,3}}?)(?P<noun>{alternation(english_cues().change_nouns)})\b",
                         regex.IGNORECASE)


def change_noun_after(after: str, cues: EnglishCues) -> tuple[str, str]:
    """ "a 2 percent increase in the consumer price index", "a 5.2% GDP growth": (direction, what
    changed), else ("", "")."""
    m = _change_noun_re().match(after)
    if m and m.group("what").strip().lower() == "of":
        return cues.change_nouns[m.group("noun").lower()], ""  # (0.1 percent of increase month-on-month)
    words = m.group("what").split() if m else []
    what = " ".join(w for w in words if w.lower() not in cues.not_metrics)  # (a 0.2% YoY increase)
    if not m or any(w.lower() in _stop_words() for w in what.split()) or any(c in m.group("what") for c in "()"):
        return "", ""  # (14.1 percent year-on-year (the growth rate …: an aside, not the change's noun)
    # (a 10.7-percent decline from the MOP4.37 billion of 2021: after a change noun, "from" opens its base)
    found = what or metric_after(after[m.end() :], base_from=True)
    if found and found.split()[-1].lower() in cues.time_nouns:
        found = ""  # (0.9% growth in the preceding quarter: a time, not what grew)
    return cues.change_nouns[m.group("noun").lower()], found


def clause_before(text: str, start: int, previous_end: int) -> str:
    """The text between the claim before (or the sentence start) and this number, from its last clause break."""
    text = _SINGLE_QUOTE.sub(" ", text) if "'" in text or "‘" in text else text  # (one mark for one: offsets stay)
    if previous_end and any(m.start() < previous_end <= m.end() <= start for m in _DASHED.finditer(text)):
        previous_end = 0  # (A – those with revenues of 20 million yuan or more – increased 16.4 percent: past the aside)
    before = (text[previous_end:start] if previous_end else text[:start]).translate(_QUOTES)
    masked = _SHORT_PARENTHESIS.sub(lambda p: " " * len(p.group()), before)  # (GDP) is part of a name
    if not previous_end and (dateline := _DATELINE.match(before) or _DATELINE.match(masked) or _PLAIN_DATELINE.match(masked)):
        masked = " " * (dateline.end() - 1) + "," + masked[dateline.end() :]  # (BEIJING - China's fiscal revenue rose …)
    masked = _SCOPE_PARENTHESIS.sub(lambda p: " " * len(p.group()), masked)  # (excluding rural households) too
    masked = _EXPLAINING_PARENTHESIS.sub(lambda p: " " * len(p.group()), masked)
    masked = _joined(_DASHED.sub(lambda p: " " * len(p.group()), masked))  # (five countries -- A, B and C -- surged)
    masked = _RELATIVE.sub(lambda p: " " * len(p.group()), masked)  # (The core CPI, which excludes food prices, went up)
    masked = _ATTRIBUTION.sub(lambda p: " " * len(p.group()), masked)  # (…, according to the latest data from X, up by …)
    masked = _place_apposition_re().sub(lambda p: " " * len(p.group()), masked)  # (of Taiyuan, capital of … province, reached)
    breaks = _subject_with_kept(masked, list(_CLAUSE_BREAK.finditer(masked)))
    bare = False
    while len(breaks) > 0 and breaks[-1].group() == "and" and (
            _noun_phrase(segment := masked[(breaks[-2].end() if len(breaks) > 1 else 0) : breaks[-1].start()])
            or (not previous_end and _ends_in_object(segment))):
        breaks.pop()  # total imports and exports reached …: "and" inside the subject, not between clauses
        bare = " of " not in f" {segment.lower()} "
    if bare:
        breaks = _without_list_commas(before, breaks)
    return _place_apposition_re().sub(" ", _RELATIVE.sub(" ", _DASHED.sub(" ", before[breaks[-1].end():] if breaks else before)))


def _ends_in_object(segment: str) -> bool:
    """… benefits for rural and non-working urban residents; the prices in urban and rural areas: one or two
    content words after a preposition end the words before "and", which joins them to what follows."""
    words = [w.lower().strip(",") for w in segment.split()]
    stop = _stop_words()
    for n in (1, 2):
        if len(words) > n and words[-n - 1] in _INSIDE and all(w not in stop and w.isalpha() for w in words[-n:]):
            return True
    return False


def _subject_with_kept(masked: str, breaks: list) -> list:
    """Bilateral trade volume with the EU was up …: "with" right after a bare noun phrase that opens the
    clause belongs to it; after a verb (a trend with quarterly increases of …) it opens a new clause."""
    kept = []
    for b in breaks:
        start = kept[-1].end() if kept else 0
        if b.group().strip() == "with" and _noun_phrase(masked[start : b.start()]):
            continue
        kept.append(b)
    return kept


_OF_NOUN = regex.compile(r"(?i)\bof\s+[\w'-]+(?:\s[\w'-]+){0,2}\s*\Z")


def _without_list_commas(before: str, breaks: list) -> list:
    """that of power, heat, gas and water production and supply industry: the commas of a list of nouns
    after "of" that ends in "and" are inside the subject (only when the list does begin after "of")."""
    k = len(breaks)
    while k > 0 and breaks[k - 1].group() == ",":
        segment = before[(breaks[k - 2].end() if k > 1 else 0) : breaks[k - 1].start()]
        if _OF_NOUN.search(segment):
            return breaks[: k - 1]
        if not _noun_phrase(segment) or " of " in f" {segment.lower()} ":
            break
        k -= 1
    return breaks


def _noun_phrase(words: str) -> bool:
    """A few words with no verb, link or cue word: the first half of a subject joined by "and"."""
    split = words.split()
    inner = {"of", "the", "their", "its", "with"}  # (exports of mechanical and electrical products; with their imports)
    longest = 10 if "of" in (w.lower() for w in split) else 5  # (the output of the ferrous metal smelting and …)
    return 0 < len(split) <= longest and split[0].lower() != "of" and split[-1].lower() not in inner and not any(
        (w.lower().strip(",") in _stop_words() and w.lower() not in inner) or not w[:1].isalpha() for w in split) \
        and not all(w.lower().strip(",") in english_cues().not_metrics for w in split)  # (6.4% YoY with …: no noun)


_CHANGE_OF = regex.compile(r"(?i)\b(?:increase|decrease|growth|rise|drop|decline|reduction)\s+of\s*\Z")
_GROWTH_NOUN = regex.compile(r"(?i)\b(?:growth|increase|rise)(?:\s+rate)?\s+(?:of|in)\b")


@cache
def _change_noun_subject_re() -> regex.Pattern[str]:
    nouns = alternation(english_cues().change_nouns)
    return regex.compile(rf"(?i)\b(?P<noun>{nouns})(?:\s+(?:in|of)\s+[^,;]{{1,60}}?)?"
                         r"\s+(?:was|were|is|are|stood\s+at|came\s+in\s+at|amounted\s+to|reached)\s*\Z")


def _change_noun_subject(before: str, cues: EnglishCues) -> str:
    """the actual increase was 0.6 percent; the average annual increase in GDP is about 410 billion yuan: a
    change noun that heads the subject of a link verb gives the number its direction."""
    m = _change_noun_subject_re().search(_without_qualifiers(before))
    return cues.change_nouns[m.group("noun").lower()] if m else ""


@cache
def _change_noun_with_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?P<noun>{alternation(english_cues().change_nouns)})\s*,\s*with\s*\Z")


def _change_noun_with(subject: str, cues: EnglishCues) -> str:
    """enjoyed rapid growth, with 41.9 percent and 19.3 percent respectively: a change noun that a comma and
    "with" bring the number to gives it its direction."""
    m = _change_noun_with_re().search(subject[-200:])
    return cues.change_nouns[m.group("noun").lower()] if m else ""


def _own_change(q: EnglishQuantity, before: str, subject: str, cues: EnglishCues, after: str = "") -> str:
    """The direction the words before a number give it (a count only from a change of a level: jobs rose by 2
    million; dropped 7,800 to 3,874,600)."""
    kind = q.quantity.kind
    if kind == Kind.MONEY and ends_with(_without_qualifiers(before), cues.earning_verbs):
        return ""  # (the catering services gained 334.3 billion yuan: earned, an amount, not a rise)
    change = change_before(before, cues) if kind != Kind.RANK else ""
    if _a_share_before(before):
        return change  # (its contribution to GDP growth amounting to 65.57 percent: a share of the growth, no rate)
    if not change and kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT) and _GROWTH_NOUN.search(subject or before):
        change = "increase"  # (the nominal growth of incomes came in at 5.2 percent)
    if not change and kind == Kind.PERCENT and _growth_is_subject(before, cues):
        change = "increase"  # (GDP growth stood at 5.3 percent; the real growth rate was 6.5 percent)
    if not change and kind != Kind.RANK:
        change = _change_noun_subject(before, cues) or _change_noun_with(subject, cues)
    if kind == Kind.COUNT and not _without_qualifiers(before).rstrip().lower().endswith((" by", " to", " from")) \
            and not _CHANGE_OF.search(_without_qualifiers(before)) and not _TO_LEVEL.match(after):
        change = ""  # (rates were lowered two times: a count of what was done; jobs rose by 2 million: a change)
    return change


def _a_share_before(before: str) -> bool:
    """A ratio noun (contribution, proportion) among the last words before a number: what follows is a share."""
    return any(w in english_cues().ratio_nouns for w in before.lower().split()[-8:])


_TO_LEVEL = regex.compile(r"\s+to\s+\d")  # (dropped 7,800 to 3,874,600: the change, then the level it reached)
_GROWTH_AFTER = regex.compile(r"(?i)\s+in\s+(?:[a-z-]+\s+)?growth\b")
_GROWTH_HEAD = regex.compile(r"(?i)\b(?:growth|inflation)(?:\s+rates?)?\s*\Z")  # (inflation: the growth of prices)


def _growth_is_subject(before: str, cues: EnglishCues) -> bool:
    """GDP growth stood at 5.3 percent; growth should be more than 4.4 percent: a growth rate written as a
    level, whose change is its sign (docs/annotation.md). Only link and modal verbs stand between, and a time
    (inflation in January stood at 2.26%; GDP growth for the first three quarters is 2.6%)."""
    text = _without_qualifiers(" ".join(_month_span_re().sub(" ", _TIME_PHRASE.sub(" ", before)).split()))
    for _ in range(6):
        if _GROWTH_HEAD.search(text):
            return True
        word = ends_with(text, cues.link_words + cues.verbs_before_number + cues.modal_verbs + cues.rate_moves)
        if not word:
            return False
        text = _without_qualifiers(text.rstrip()[: -len(word)])
    return False


def _restates_claim_before(before: str) -> bool:
    """up by 13.8 per cent or price-adjusted 11.1 per cent: "or" and a phrase that restates the change."""
    words = _without_qualifiers(before).strip(" ,").lower()
    if _IN_TERMS_OR.fullmatch(words):
        return True  # (increased by 6.8% in value or 5.6% in volume)
    return words.startswith("or ") and words[3:].strip() in english_cues().restatements


_IN_TERMS_OR = regex.compile(r"in\s+(?:[a-z$-]+\s+){1,2}?(?:terms\s+)?or")


def _from_level(before: str) -> bool:
    """rose 450 percent month on month from 398 million patacas in July to …; declined to 0.93 percent from 2.22
    percent a year earlier: the level a change told just before ran from (it takes the change, as 从…增加到…)."""
    words = _without_qualifiers(before).rstrip(" ,")
    return words.lower().endswith(" from") and _only_cue_phrases(_months_phrase_re().sub(" ", words[:-5]))


def _level_told(before: str, between: str) -> bool:
    """grew 6.6 percent …, exceeding 6 trillion yuan: a level told after the change and a comma (only a
    qualifier before it) is no part of the change."""
    return "," in between and bool(before.strip(" ,")) and not _without_qualifiers(before).strip(" ,")


def _joined_to_claim_before(before: str) -> bool:
    """risen from 54 to 82.7 trillion; grew 4.7 percent year on year to 16.77 trillion yuan: a number that
    ends a change the number before began."""
    if _without_qualifiers(before).strip(" ,").lower() in ("to", "and", "or", "to reach", "", "at a rate of"):
        return True  # (… increased 30.3 billion yuan at a rate of 1.4%: the rate of that increase)
    if _change_noun_to_re().fullmatch(before):
        return True  # (the 5.4 percent gain in orders for ICT products to US$13.55 billion: the level the gain reached)
    before = _without_qualifiers(before).rstrip()  # (jumped 12.7 percent to top over 2.01 trillion yuan)
    before = _AVERAGE_OF.sub("", before)  # (putting on 5.4 percent to an annual average of 10,265 yuan)
    before = _EXTREME_OF.sub("", before).rstrip()  # (grew 4.7 percent to a record high of over 3 trillion yuan)
    for tail in english_cues().reach_verbs:  # (… to reach 230.9 billion; grew by 28.6 percent to stand at 2.28 trillion)
        before = before[: -len(tail) - 1] if before.lower().endswith(" to " + tail) else before
    between = _TIME_PHRASE.sub(" ", _year_ago_base_re().sub(" ", before[:-3]))  # (… from a year earlier to …)
    between = _months_phrase_re().sub(" ", between)  # (from 398 million patacas in July to …)
    return before.lower().endswith(" to") and _only_cue_phrases(between)


@cache
def _change_noun_to_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\s*(?:{alternation(english_cues().change_nouns)})\s+(?:in|of)\s+[^,;.]{{1,80}}?\s+to\s*")


# the jobless rate eased to 4.1 percent: a rate that is itself a level moves as its verb says (not by its sign)
_LEVEL_RATE_END = regex.compile(r"(?i)(?<!growth\s)\b(?:rate|ratio)\s*\Z")


@cache
def _months_phrase_re() -> regex.Pattern[str]:
    """in July, in April - June 2015: a month or a run of months (and its year) a level is of."""
    months = alternation(english_cues().months)
    return regex.compile(rf"(?i)\b(?:in|for|during)\s+(?:{months})(?:\s*[-–]\s*(?:{months}))?(?:\s+(?:19|20)\d{{2}})?\b")


_AVERAGE_OF = regex.compile(r"(?i)\s+(?:an?\s+)?(?:annual\s+|yearly\s+|monthly\s+)?average\s+of\s*\Z")


@cache
def _year_ago_base_re() -> regex.Pattern[str]:
    """from a year earlier, from the same period last year: the base of a change, between it and the level it
    reaches."""
    cues = english_cues()
    return regex.compile(rf"(?i)\b(?:from|over|against|compared\s+(?:with|to))\s+(?:{alternation(cues.year_ago + cues.previous_period_bases)})\b")


@cache
def _compared_re() -> regex.Pattern[str]:
    cues = english_cues()
    return regex.compile(rf"(?i)\s+(?P<up>{alternation(cues.compared_up)})?(?P<down>{alternation(cues.compared_down)})?"
                         rf"\s+(?:{alternation(cues.comparison_bases)})\b")


@cache
def _comparative_re() -> regex.Pattern[str]:
    # (4.3 per cent higher at the end of June than at the beginning of this year: a time may stand between)
    return regex.compile(rf"(?i)\s+(?P<word>{alternation(english_cues().comparatives)})\b[^,;.]{{0,50}}?\bthan\b")


@cache
def _list_tail_re() -> regex.Pattern[str]:
    """120 and 95 yuan lower than …: the rest of a list of numbers and the unit written once after its last one."""
    # (a list's last item follows "and": the PMI was 52.6, 0.1 percentage point higher … is no list)
    return regex.compile(r"(?:\s*,\s*\d[\d,]*(?:\.\d+)?)*\s*,?\s+and\s+\d[\d,]*(?:\.\d+)?(?:\s+[a-z]+){0,4}?"
                         rf"(?=\s+(?:{alternation(english_cues().comparatives)})\b[^,;.]{{0,50}}?\bthan\b)")


def _comparative_after(after: str, q: EnglishQuantity) -> str:
    """3.6 percentage points lower than that of last month; 300 yuan more than a year earlier; 120 and 95 yuan
    lower than that on February 10: a comparative right after the number, or after the list it starts, gives
    the direction of a difference (not after a multiple: 4.2 times higher than); against another thing it
    is a gap (``_GAP``)."""
    if q.quantity.std_unit == "times":
        return ""
    bare = q.quantity.end == q.quantity.number_end  # (only a bare number starts a list: 8,200 yuan, 300 yuan more …)
    tail = _list_tail_re().match(after) if bare else None
    comparative = _comparative_re().match(after, tail.end() if tail else 0)
    if comparative is None:
        return ""
    if not _time_compared_re().match(after, comparative.end()):
        return _GAP  # (2.1 percentage points higher than the national economy's: a gap, no change)
    return english_cues().comparatives[comparative.group("word").lower()]


_GAP = "gap"  # a comparison with another thing: the number is no change, whatever the clause before says


@cache
def _time_compared_re() -> regex.Pattern[str]:
    """What follows "than" names an earlier time: a time word, a month or a year."""
    cues = english_cues()
    words = alternation(tuple(cues.comparison_times) + tuple(cues.months) + tuple(cues.year_parts) + tuple(cues.relative_years))
    return regex.compile(rf"(?i)(?:[^,;.]|\.(?=\d)){{0,60}}?(?:\b(?:{words})\b|\b(?:19|20)\d{{2}}\b)")


def _change_after(after: str, kind: Kind) -> str:
    """9.4 percent up year-on-year; 5.1 percent, down from 5.3: a direction written after the number."""
    if kind == Kind.PERCENT and _GROWTH_AFTER.match(after):
        return "increase"  # (targeting 6-6.5 percent in economic growth)
    if (postposed := _POSTPOSED.match(after)) and kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
        return "increase" if postposed.group(1).lower() == "up" else "decrease"
    if moved := _MOVED_FROM.match(after):
        return "increase" if moved.group(1).lower() == "up" else "decrease"
    return ""


def _change(q: EnglishQuantity, before: str, after: str, previous, subject: str = "",
            previous_kind: Kind | None = None) -> tuple[str, str]:
    """(direction, metric a change noun names) of one quantity; a comparison written right after the
    number (2.9 percentage points lower than that in July) says its direction before any verb does."""
    cues = english_cues()
    kind = q.quantity.kind
    if (told := _direction_told(q, before, after, previous, previous_kind)) is not None:
        return told, ""
    change = _own_change(q, before, subject, cues, after)
    rate = kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT) or q.quantity.std_unit == "times"  # (a 2.9-fold increase)
    # (an amount after an article, as an adjective of the noun after it: a 478.6-billion-yuan increase)
    adjective = _AN_ARTICLE_END.search(before) is not None
    noun_change, noun_metric = change_noun_after(after, cues) if rate or adjective else ("", "")
    change = noun_change or change
    if not change and before.rstrip().lower().endswith(" by") and subject.strip() != before.strip():
        change = change_before(subject, cues)  # (aims to increase its investment, retail sales and trade by 10 percent, …)
    if (q.signed or q.plus) and kind in (Kind.PERCENT, Kind.PERCENTAGE_POINT):
        change = "decrease" if q.signed else "increase"  # a growth of -7.19 percent is a fall; (+5%) a rise
    if not change and previous and not _LEVEL_IN_BRACKETS.search(subject):
        change = _change_of_claim_before(before, subject, kind, previous, previous_kind)
    return change or _change_after(after, kind), noun_metric


# (…; guests from mainland China (904,000), Hong Kong (187,000) …: a level in brackets after an item's words
# is the item's own figure, no part of the change told before; a conversion, "(" alone, still is)
# (but from April - June 2015 (129 900): after a time, the level the change ran from)
_LEVEL_IN_BRACKETS = regex.compile(r"[A-Za-z][^()]*[A-Za-z]\s?\(\s*\Z")


_AN_ARTICLE_END = regex.compile(r"(?i)(?:^|\s)an?\s*\Z")


def _change_of_claim_before(before: str, subject: str, kind: Kind, previous, previous_kind: Kind | None) -> str:
    """The change of the claim before, where this number continues it: the level that change ran from
    (increased by around 800 from 55 600 to 56 400), or a number that shares it (increase A by 7 percent, B by 4
    percent; growth of 9.2 percent, with B at 7.3 percent)."""
    if _a_share_before(subject):
        return ""  # (… and its contribution to GDP growth amounting to 65.57 percent: a share, not the change)
    if _from_level(before) or (_may_share(before, kind, previous_kind) and _shares_change(before, subject, previous)):
        return previous.change
    return ""


def _may_share(before: str, kind: Kind, previous_kind: Kind | None) -> bool:
    """Whether a number may share the change of the one before: of the same kind, or a count told again after a
    bare "or" (grown at an annual rate of 0.63 percent or 8.09 million people), or a count the change ends at
    (increased by 7.9 percent to 29,957; sank 19 percent to 1.93 billion)."""
    joiner = _without_qualifiers(before).strip(" ,").lower()
    if previous_kind is None or previous_kind == kind or Kind.COUNT not in (previous_kind, kind) or joiner == "or":
        return True
    return _joined_to_claim_before(before) and joiner not in ("and", "or", "")


def _direction_told(q: EnglishQuantity, before: str, after: str, previous, previous_kind: Kind | None) -> str | None:
    """The direction the words around a number tell before any verb: a growth rate moved to it (investment slowed to
    7 percent: its growth, by its sign), a comparison right after it, an earlier value of the rate just told."""
    if q.quantity.kind == Kind.PERCENT and (moved := _rate_moved_re().search(_without_qualifiers(before))) \
            and not _LEVEL_RATE_END.search(moved.string[: moved.start()]):
        return "decrease" if q.quantity.value < 0 else "increase"
    if (told := _direction_told_after(after, q)) is not None:
        return told
    if change_noun_after(after, english_cues())[0]:
        return None  # (dipped by 0.1%, compared to 0.9% growth: the noun after the earlier rate tells its own way)
    return _earlier_rate(q, before, previous, previous_kind) or None


@cache
def _rate_moved_re() -> regex.Pattern[str]:
    """fixed-asset investment slowed to seven percent: a verb that moves a growth rate, then the rate it reached."""
    # (growth slowing slightly to 6 percent: an adverb may stand between)
    # (eased further to 3.5%: so may "further")
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().rate_moves)})(?:\s+(?:{_ADVERB.pattern[4:]}|further))?\s+(?:to|at)\s*\Z")


def _earlier_rate(q: EnglishQuantity, before: str, previous, previous_kind: Kind | None) -> str:
    """grew 5.6 percent in October, down from 5.7 percent in September: an earlier value of the rate just told
    is a change of the same direction (the growth of September), whatever way the rate moved since."""
    if previous is None or not previous.change or not q.quantity.kind == previous_kind == Kind.PERCENT:
        return ""
    return previous.change if _MOVED_BASE.search(before) else ""


def _direction_told_after(after: str, q: EnglishQuantity) -> str | None:
    """The direction a comparison right after the number tells (2.9 percentage points lower than that in July;
    0.2 percentage points down from the January-July period), "" for a gap with no change, None when none."""
    if (compared := _compared_re().match(after)) and (compared.group("up") or compared.group("down")):
        return "increase" if compared.group("up") else "decrease"
    if comparative := _comparative_after(after, q):
        return "" if comparative == _GAP else comparative
    if q.quantity.kind == Kind.PERCENTAGE_POINT and (moved := _POINTS_FROM.match(after)):
        return "increase" if moved.group(1).lower() == "up" else "decrease"
    return None


def _shares_change(before: str, between: str, previous) -> bool:
    """The number continues the change of the claim before: joined to it, listed by it, restating it, or an
    item of the same measure (not a level told after a comma, nor after a level reached)."""
    if _level_told(before, between):
        return False
    return bool(_joined_to_claim_before(before) or _LISTED_BY.match(before) or _restates_claim_before(before)
                or _next_time_by(between)
                or (_continues_claim(between) and not previous.reached))


# (rose by 10.5 percent for urban citizens, and by 15.7 percent for rural citizens: a group after the first number)
_AND_BY = regex.compile(r"(?i)\A(?:(?:for|in|among|at|of)\s+[^,;]{1,40}?)?,?\s*and\s+by\Z")


def _next_time_by(between: str) -> bool:
    """expanded by 2.13 percent in the second quarter and by 2.66 percent in the first; rose by 10.5 percent for
    urban citizens, and by 15.7 percent for rural ones: the same change in another period or group, joined by
    "and by"."""
    return _AND_BY.match(" ".join(_TIME_PHRASE.sub(" ", between).split()).strip(" ,")) is not None


# growth of 9.2 percent, with North China's Inner Mongolia at 7.3 percent, Gansu at 6.4 percent: the items after
# the claim, each "X at N", state the same measure for X.
# (the item is a name: with Jiangxi at 4.1 percent; not "and curb consumer price index growth at 3 percent")
_LISTED_AT = regex.compile(r"\A\s*(?:,\s*(?:(?:[Ww]ith|[Aa]nd|[Ww]hile)\s+)?|(?:[Ww]ith|[Aa]nd|[Ww]hile)\s+)(?:the\s+)?"
                           r"[A-Z][\w'’.-]*\s+(?:[\w'’.-]+\s+){0,7}?at\s*\Z")


# … but 2.1 per cent lower: a number right after a bare conjunction shares the subject and verb of the clause before.
_ELIDED = regex.compile(r"(?i)\s(?:and|but|while|whereas)\s*\Z")


@cache
def _reference_figure_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\A[^;]{{0,100}}?\b(?:{alternation(english_cues().reference_figures)})\s*\Z")


def _continues_claim(between: str) -> bool:
    """The words since the claim before make this number restate its measure: a list of "X at N", or a figure
    it is compared with (…, beating the government's target of about 5 percent). Its change too, unless the
    claim before is a level a change reached (dropping to 5.2%, below the target of 5.5%: no change)."""
    between = _without_qualifiers(between)
    return _LISTED_AT.match(between) is not None or _reference_figure_re().match(between) is not None


def _noun_metric(q: EnglishQuantity, before: str, after: str, noun_metric: str, change: str) -> tuple[str, str] | None:
    """The metric a noun near the number names: what changed for a count of people a change governs
    (urban employment increased by 12.56 million people), the noun a count counts, what generic count
    units are of (25 sets of administrative regulations), what a change noun after a percent names."""
    if change and q.counted.lower() in _PEOPLE and (found := metric_before(before, english_cues())):
        return found, "en.changed-level"
    if q.counted and q.quantity.unit and _reached_by_subject_re().search(before) and (found := metric_before(before, english_cues())) \
            and found.lower() not in _DEMONSTRATIVES:
        return found, "en.subject-reached"  # (automobile exports reached 4.91 million vehicles: exports are measured)
    if q.counted:
        return q.counted, "en.counted-noun"
    if q.quantity.kind == Kind.COUNT and q.quantity.unit and (found := metric_after(after)):
        return found, "en.counted-of"
    return (noun_metric, "en.change-noun-after") if noun_metric else None


def _share_or_amount_metric(q: EnglishQuantity, before: str, after: str, previous) -> tuple[str, str] | None:
    """A share told of the claim before (… jumped 13.1 percent, accounting for 52.8 percent of the total);
    an amount or a share of what follows (US$300 million in foreign investment; two-thirds of villages;
    accounted for over 60 percent of global output)."""
    kind = q.quantity.kind
    measured_after = kind in (Kind.MONEY, Kind.LENGTH, Kind.AREA, Kind.MASS, Kind.VOLUME, Kind.ENERGY, Kind.POWER)
    share = q.quantity.unit_en == "fraction" or (kind == Kind.PERCENT and ends_with(
        _without_qualifiers(before), english_cues().share_verbs) is not None)
    multiple = q.quantity.std_unit == "times"  # (…, representing a 2.9-fold increase: of the claim before)
    if (share or multiple) and previous and _SHARE_OF_CLAIM.match(_without_qualifiers(before)):
        return previous.metric, "en.share-of-claim"
    if (measured_after or share) and (found := metric_after(after)):
        if measured_after and (earner := _earner(before)):
            return f"{earner} {found}", "en.earned-by-subject"  # (the tourism market generated 753.4 billion yuan in revenue)
        return found, "en.phrase-after"
    given = ends_with(_without_qualifiers(before), english_cues().allocation_verbs) is not None
    if measured_after and given and (found := metric_after(after, given=True)):
        return found, "en.given-to"  # (allocate 735 billion yuan to the central government budget for investment)
    passive = _passive_allocation_re().match(after) if measured_after else None
    if passive and (found := metric_after(after[passive.end() - 1 :], given=True)):
        return found, "en.given-to"  # (700 billion yuan will be earmarked in the central government budget)
    return None


@cache
def _earned_re() -> regex.Pattern[str]:
    cues = english_cues()
    bounds = alternation(cues.prefix_over + cues.prefix_under + cues.prefix_approx + ("a total of",))
    return regex.compile(rf"(?i)\s(?:{alternation(cues.earning_verbs)})\s+(?:(?:{bounds})\s+)?\Z")


def _earner(before: str) -> str:
    """The domestic tourism market generated 753.4 billion yuan in revenue: what earned an amount said "in"
    a noun after it owns that noun (domestic tourism market revenue); not a place (Hunan generated …)."""
    m = _earned_re().search(before)
    if m is None:
        return ""
    subject = metric_before(before[: m.start()] + " ", english_cues())
    places = english_cues().place_name_ends
    return "" if not subject or subject[:1].isupper() and ends_with(subject, places) is not None else subject


@cache
def _passive_allocation_re() -> regex.Pattern[str]:
    verbs = alternation(english_cues().allocation_verbs)
    return regex.compile(rf"(?i)\s+(?:will\s+be|was|were|is|are|has\s+been|have\s+been)\s+(?:{verbs})\s")


def _metric(q: EnglishQuantity, before: str, after: str, noun_metric: str, previous, head: str = "",
            sentence: str = "", change: str = "") -> tuple[str, str]:
    """(metric, name of the rule that read it); ``head`` is the last metric of the form "X of Y" before."""
    found = _noun_metric(q, before, after, noun_metric, change) or _share_or_amount_metric(q, before, after, previous)
    if found:
        return found
    if phrase := metric_before(before, english_cues(), head):
        owned = _result_of_subject(before, phrase)
        return (owned, "en.result-of-subject") if owned else (phrase, "en.phrase-before")
    if scoped := _scope_of_claim(before, after, previous):
        return scoped, "en.scope-of-claim"
    joined = previous and before.strip().lower() in ("to", "and", "or", ",", "")
    if joined and previous.metric:
        return previous.metric, "en.list-end"  # rose from 93.8 percent to 95.5 percent: the second end too
    if phrase := metric_after(after):
        return phrase, "en.phrase-after"
    if previous:
        return previous.metric, "en.claim-before"
    return sentence_subject(sentence), "en.sentence-subject" if sentence_subject(sentence) else "en.none"


@cache
def _result_re() -> regex.Pattern[str]:
    verbs = alternation(english_cues().result_verbs)
    return regex.compile(rf"(?:\A|[,;:])\s*(?P<subject>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){{0,7}}?)\s+(?:{verbs})\s+(?:an?\s+|the\s+)?"
                         rf"(?P<measure>[\w'’ -]+?)\s+of\s*\Z")


def _result_of_subject(before: str, phrase: str) -> str:
    """state-owned holding enterprises realized a total profit of 2,363.81 billion yuan → total profit of
    state-owned holding enterprises: a figure a subject reports having made is the subject's (a class of
    things in lower case, or opening the sentence; not a name: a place that did something)."""
    m = _result_re().search(before)
    if m is None or m.group("measure") != phrase:
        return ""
    subject = m.group("subject")
    if all(w[:1].isupper() for w in subject.split()) or (subject[:1].isupper() and before[: m.start("subject")].strip()) \
            or ends_with(subject, english_cues().place_name_ends) is not None:
        return ""  # (Hunan realized …; a name inside the sentence: a place or company that did something; … Jiangsu Province)
    return f"{phrase} of {subject}"


_IN_SCOPE = regex.compile(r"\s+in\s")


def _scope_of_claim(before: str, after: str, previous) -> str:
    """The CPI went up by 3.8 percent, with an increase of 3.5 percent in urban and 4.6 percent in rural: a
    number in apposition to the claim before, told of a part (in X), measures that part of its measure."""
    if not (previous and previous.metric and _IN_SCOPE.match(after) and only_cue_words(before)):
        return ""
    part = metric_after(after)
    if not part:
        return ""
    whole = previous.metric.rsplit(" in ", 1)[0] if previous.rule == "en.scope-of-claim" else previous.metric
    return f"{whole} in {part}"


# A share told of the claim before it: ", accounting for 52.8 percent of the country's total", "expanded by
# 9.5 percent to account for 57.9 percent of the total exports".
_PEOPLE = frozenset({"people", "persons"})
_SHARE_OF_CLAIM = regex.compile(r"(?i)\s*(?:accounting|to\s+account|representing|making\s+up|to\s+make\s+up|taking\s+up|to\s+take\s+up"
                             r"|equivalent\s+to)\b")  # (a deficit of HK$37.0 billion, equivalent to 10.6 percent of …)
# BEIJING, March 15 (Xinhua) -- : a news dateline, no part of the sentence's subject.
# (BEIJING, Aug 13 (Reuters) - …; Taipei, July 5 (CNA) Taiwan's …: after an agency's name the dash may be left out)
_DATELINE = regex.compile(r"[A-Z][A-Za-z .'-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^()]{1,30}\)\s*(?:(?:--|—|–|-(?=\s))\s*)?"
                          r"|(?:--|—|–|-(?=\s))\s*)")
# BEIJING - …, (ECNS) -- …, TAIPEI (Taiwan News) — …
_PLAIN_DATELINE = regex.compile(r"\s*(?:[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:\s\([A-Z][\w .'-]{1,30}\))?|\([A-Z][A-Za-z]+\))"
                                r"\s+(?:--|—|–|-)\s+")
_LEAD = regex.compile(r"(?i)\s*(?:in|during|over|for|by|since|from|as of|throughout)\b[^,]{0,40},\s*")


def sentence_subject(sentence: str) -> str:
    """The noun phrase that opens the sentence, up to its verb (China's GDP growth displayed … → GDP):
    what a number measures when nothing nearer names it."""
    words = []
    dateline = _DATELINE.match(sentence) or _PLAIN_DATELINE.match(sentence)
    sentence = sentence[dateline.end() :] if dateline else sentence
    lead = _LEAD.match(sentence)  # In 2023, …: the time that opens the sentence is no part of its subject
    split = _TIME_PHRASE.sub(" ", sentence[lead.end() if lead else 0 :]).split()
    for k, word in enumerate(split):
        low = word.lower().strip(",")
        if not words and low == "the":
            continue  # (The municipality's GDP growth led …: the article opens the subject; a total of … opens none)
        if words and low == "of" and k + 1 < len(split) and split[k + 1].lower() not in _stop_words():
            words.append(word)  # (the per capita disposable income of residents was …: "of" and its noun are in it)
            continue
        if low in _stop_words() or (low.endswith("ed") and "-" not in low) or not word[:1].isalnum():
            break
        words.append(word.rstrip(","))
        if word.endswith(","):
            break  # (Retail sales, a key indicator of consumption, …: the subject ends at its comma)
    if len(words) > 1 and words[0].endswith(("'s", "’s")):
        words.pop(0)  # China's GDP: the owner is the place, not the measure
    phrase = _without_place(" ".join(words), english_cues())
    trailing = ends_with(phrase, english_cues().metric_trailing)
    phrase = phrase[: -len(trailing)].rstrip() if trailing else phrase
    return "" if _AN_AMOUNT.fullmatch(phrase) else phrase  # (The US$42.08 billion reported …: an amount opens it)


def _without_qualifiers(before: str) -> str:
    cues = english_cues()
    while (word := ends_with(before, cues.prefix_over + cues.prefix_under + cues.prefix_approx)) is not None:
        if moved_up_to(before, word):
            break  # (edges up to 51.2: the move, no bound)
        before = before.rstrip()[: -len(word)]
    return before


def target_cue(text: str, start: int) -> bool:
    """A target word before ``start`` (not the "estimated" of a statistics office's provisional figure, nor the
    "expected" of a benchmark: more than expected)."""
    before = _benchmark_re().sub(" ", _statistical_estimate_re().sub(" ", text[:start]))
    return any(regex.search(rf"\b{regex.escape(w)}\b", before, regex.IGNORECASE) for w in english_cues().target)


@cache
def _benchmark_re() -> regex.Pattern[str]:
    """more than expected, beats expectations: a figure measured against a forecast is no forecast itself."""
    # (but came above expectations for a 2.7% increase: what was expected, a forecast)
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().target_benchmarks)})\b(?!\s+(?:for|of)\b)")


@cache
def _statistical_estimate_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b(?:{alternation(english_cues().statistical_estimates)})\b")


# a total of 3,335.71 billion yuan was invested in R&D across the country: with no measure before it, an amount
# that a passive verb puts somewhere measures what was done there (invested in R&D).
_PASSIVE_AFTER = regex.compile(r"\A\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?P<verb>[a-z]+(?:ed|en|nt))\s+"
                               r"(?P<prep>in|on|for|to|into)\s+(?P<what>[\w&'’-]+(?:\s+(?!(?:across|by|from|during|in|at|"
                               r"with|over|than|and|as|last|this|year)\b)[\w&'’-]+){0,4})")


def _kind_for_sharing(q: Quantity) -> Kind:
    """The kind a change is shared across: a multiple is a rate (increased by 3.5 times, 66.1 percent and …)."""
    return Kind.PERCENT if q.std_unit == "times" else q.kind


def _metric_second_look(text: str, q: EnglishQuantity, earlier: list[EnglishQuantity], before: str, after: str,
                        previous: EnglishContext | None, found: tuple[str, str], previous_end: int,
                        head: str) -> tuple[str, str]:
    """(metric, rule) after a second look: a phrase read again through what stands around it, a passive verb
    after an amount that has none before it, a rate named alone (the rate of the claim before)."""
    metric, _ = found
    if reread := _metric_reread(text, q, earlier, before, previous, found, previous_end, head):
        return reread
    if not metric and (passive := _PASSIVE_AFTER.match(after)):
        return " ".join(passive.group("verb", "prep", "what")), "en.passive-after"
    if previous and previous.metric and metric.lower() in english_cues().bare_rates:
        return previous.metric, "en.rate-of-claim-before"  # (…, marking a growth rate of 8.4 percent)
    return found


def read_context(text: str, quantities: list[EnglishQuantity], head_before: str = "") -> list[EnglishContext]:
    """Metric, change and target cue of each quantity of a sentence, in order; ``head_before`` is the last
    metric of the form "X of Y" in the sentences before (That of manufacturing increased 4.3 percent)."""
    out: list[EnglishContext] = []
    previous_end = 0
    for q in quantities:
        start, end = q.quantity.number_start, q.quantity.end
        before = _RATE_OF.sub(" at a rate of ", clause_before(text, q.quantity.number_start, previous_end))
        after = text[end:]
        previous = out[-1] if out else None
        previous_kind = _kind_for_sharing(quantities[len(out) - 1].quantity) if out else None
        change, noun_metric = _change(q, before, after, previous, text[previous_end:start], previous_kind)
        head = next((c.metric for c in reversed(out) if _HEAD_OF.match(c.metric)), head_before)
        metric, rule = _metric(q, before, after, noun_metric, previous, head, text, change)
        if previous and _is_conversion(text, quantities[len(out) - 1], q):
            metric, change, rule = previous.metric, previous.change, "en.conversion"
        else:
            metric, rule = _metric_told(text, q, quantities[: len(out)], before, after, previous, (metric, rule),
                                        previous_end, head)
        told_again = previous is not None and (rule == "en.conversion" or apposition_gap(text[previous_end : q.quantity.prefix_start]))
        in_clause = _target_in_clause(text, q, before, previous, previous_end, told_again)
        # (a hard-wrapped line may break the phrase: "in the same\nperiod of last year")
        year_ago = " ".join(after[:80].lower().lstrip(" ,").split()).startswith(english_cues().year_ago)
        done = not in_clause and (_says_done(text[previous_end:start]) or (told_again and previous.done)
                                  or _done_after(text, end))
        from_start = _FROM_END.search(_without_qualifiers(before)) is not None and _to_number_re().match(after) is not None
        out.append(EnglishContext(metric, change, target_cue(text, start) or in_clause, rule, in_clause, _reaches(before, change),
                                  year_ago, done, from_start))
        previous_end = end
    return pair_respectively(text, quantities, out)


def _target_in_clause(text: str, q: EnglishQuantity, before: str, previous: EnglishContext | None, previous_end: int,
                      told_again: bool) -> bool:
    """A target word in the number's own clause (or a target named right after it); an estimate told again in
    dollars, or its change in apposition, is an estimate too (a figure that happened, happened: was 118,332
    thousand hectares (1,774.98 million mu), an increase of …); so is a second object of the same forecast
    (had forecast industrial output to rise 9 percent and retail sales to rise 12.4 percent)."""
    if target_cue(before, len(before)) or _NAMES_TARGET.match(text, q.quantity.end) is not None \
            or _forecast_after_re().match(text, q.quantity.end) is not None:
        return True
    if previous is None or not previous.clause_target_cue:
        return False
    if _POINTS_FROM.match(text, q.quantity.end):
        return False  # (below the market forecast of $3.17 trillion, and $21.5 billion up from December: a change told)
    return told_again or _INFINITIVE_CONJUNCT.match(text, previous_end, q.quantity.prefix_start) is not None


# "and B to rise" after "forecast A to rise x": a second object and infinitive of the same verb.
# (a time may follow the first: forecast exports to grow 4 percent in May and imports to fall 2 percent)
_INFINITIVE_CONJUNCT = regex.compile(r"(?i)(?:\s+(?:in|for|during)\s+[^,;.]{1,25}?)?,?\s+and\s+(?:[\w'’-]+\s+){1,6}?to\s+[a-z]+"
                                     r"(?:\s+by)?\s*\Z")


_IN_WHAT = regex.compile(r"\s+in\s+(?:the\s+)?(?P<what>[A-Za-z][\w' -]{1,60}?)(?=\s+(?:and|from|over|compared|year|for|in|during|on|at|to|by|than|has|have|had|was|were|is|are|will|the\s+(?:first|last|past))\b|[,;.]|\Z)")


def _changed_in(before: str, after: str) -> tuple[str, str] | None:
    """is expected to see growth of 8.5 percent in regional GDP: a change of a number in what follows it (not a
    place or a part of the country: an increase of 1.6 percent in urban [areas], in Guangdong)."""
    if not _CHANGE_OF.search(_without_qualifiers(before)) or (m := _IN_WHAT.match(after)) is None:
        return None
    what = m.group("what").strip()
    scope = what.split()[0].lower() in english_cues().scope_words or _names_an_actor(what)
    when = _is_time_or_reference(what) or _TIME_WORDS.match(what) is not None  # (growth of 4.3 percent in the first three quarters)
    return (what, "en.change-of-in") if what and not scope and not when else None


def _metric_told(text: str, q: EnglishQuantity, earlier: list[EnglishQuantity], before: str, after: str, previous,
                 found: tuple[str, str], previous_end: int, head: str) -> tuple[str, str]:
    """The metric after a second look; a bracketed list item, or a participle clause alone, says itself what it
    measures."""
    return (_item_metric(text, q.quantity, head) or _participle_subject(text, before, previous)
            or _changed_in(before, after) or _subject_ahead(text, before, previous)
            or _metric_second_look(text, q, earlier, before, after, previous, found, previous_end, head))


_AHEAD_AT = regex.compile(r"(?i)\b(?:led|leads|leading|topped|tops|outpaced|outpaces|beat|beats)\s+[^,;]{1,40}?\s+at\s*\Z")


def _subject_ahead(text: str, before: str, previous) -> tuple[str, str] | None:
    """The municipality's GDP growth led the country at 10.9 percent: what led another at a number is what it
    measures (the sentence's subject), not the one it led."""
    if previous is not None or not _AHEAD_AT.search(before):
        return None
    subject = sentence_subject(text)
    return (subject, "en.subject-ahead") if subject else None


_BY_PARTICIPLE = regex.compile(r"(?i)\bby\s+[a-z]+ing\s*\Z")
_PARTICIPLE_CLAUSE = regex.compile(r"(?i)\s*(?:[a-z]+ing|up|down)(?:\s+(?:by|to|of|at|on))?\s*")


def _participle_subject(text: str, before: str, previous) -> tuple[str, str] | None:
    """Urban fixed-asset investment continued to cool in 2016, growing 8.1 percent: a first number told by a
    participle clause alone measures the sentence's subject."""
    by_doing = _BY_PARTICIPLE.search(before) is not None  # (exports put an end to 9 months of decline by rising 2.1%)
    if not by_doing and (previous is not None or not _PARTICIPLE_CLAUSE.fullmatch(before) or not before.strip()):
        return None
    subject = sentence_subject(text)
    return (subject, "en.participle-subject") if subject else None


def _item_metric(text: str, q: Quantity, head: str) -> tuple[str, str] | None:
    """The bracketed list item a rate measures, under the head of the list (sales value of …)."""
    item = _bracketed_item(text, q)
    if not item:
        return None
    if those := _THOSE.match(item):  # (those from X (917,000): guests from X)
        noun = _noun_of_those(text, q.start)
        return (f"{noun} {item[those.end():]}" if noun else item), "en.bracketed-item"
    own_head = _ITEM_HEAD.match(item) is not None  # (guests from Hong Kong: the item names its own measure)
    shared = _HEAD_OF.match(head) if head and not own_head and not _names_open_clause(text, q.start) else None
    return (f"{shared.group(1)} {item}" if shared else item), "en.bracketed-item"


def _names_open_clause(text: str, start: int) -> bool:
    """Operating Expenses (MOP31.71 billion) and Purchase of Goods, … (MOP18.12 billion) accounted for …: a list
    of capitalised names that opens its clause is the clause's subject, under no head of a claim before."""
    clause = text[text.rfind(";", 0, start) + 1 : start]
    first_bracket = clause.find("(")
    words = clause[:first_bracket].split() if first_bracket > 0 else []
    return bool(words) and all(w[:1].isupper() or len(w) <= 3 for w in words)  # (not: This was followed by …)


def _noun_of_those(text: str, end: int) -> str:
    """The things "those" stands for: the last "number of Ns" before ``end``, else the sentence subject's plural
    head (International guests (127,000) grew …; among them, those from A: guests)."""
    counted = list(_COUNTED_IN.finditer(text, 0, end))
    if counted:
        return counted[-1].group("noun")
    head = sentence_subject(text).split()[-1:] or [""]
    return head[0] if head[0].lower().endswith("s") else ""


_THOSE = regex.compile(r"(?i)(?:those|that)\s+(?=(?:from|in|of|for|with)\s)")
_COUNTED_IN = regex.compile(r"(?i)\bnumber\s+of\s+(?P<noun>[a-z]+s)\b")


_ITEM_OPENERS = regex.compile(r"(?i)(?:\bfollowed\s+by|\bsuch\s+as|\bincluding)\s+")


def _bracketed_item(text: str, q: Quantity) -> str:
    """… followed by commodities in department stores (-3.2%); electrical goods (-25.2%); and books, newspapers
    and gifts (-2.2%): a rate alone in brackets after an item of a list measures that item (items apart by
    semicolons where the sentence has them, else by commas), under the head the list shares."""
    open_at = text.rfind("(", 0, q.start)
    if q.kind not in (Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MONEY, Kind.COUNT, Kind.OTHER) or open_at < 0 or text[open_at + 1 : q.start].strip() \
            or text[q.end : q.end + 1] != ")":
        return ""
    head = text[:open_at].rstrip()
    cut = max(head.rfind(";" if ";" in text else ","), head.rfind(":"))
    opener = list(_ITEM_OPENERS.finditer(head, cut + 1))
    item = head[opener[-1].end() if opener else cut + 1 :].strip()
    item = _LIST_LEAD_IN.sub("", _CLAUSE_JOINER.split(regex.sub(r"(?i)\Aand\s+", "", item))[-1])
    item = _discourse_opener_re().sub("", item)  # (by contrast, the share of Compensation of Employees (MOP20.17 billion))
    item = _LEADING_ARTICLE.sub("", _REPORTED_THAT.sub("", _dateline_rest_re().sub("", item)))  # (DSEC indicated that both the general unemployment rate (2.6%) …)
    item = _dated_item_re().sub("", item)  # (the Composite CPI for October 2023 (105.02): the time is no part of it)
    if (listed := _NEXT_BRACKETED.search(item)) is not None:
        # (those from A (41,000), B (10,000) and C (9,000): each later item is "those from" B, C as well; guests
        # from A (904,000), B (187,000): "guests from" B)
        first = _THOSE_FROM.match(item) or _ITEM_HEAD.match(item[: item.find("(")])
        item = (first.group() if first else "") + listed.group("item")
    # (followed by Guangxi Zhuang autonomous region (6.8 percent): a place that did it, not what is measured)
    return item if 0 < len(item.split()) <= 8 and item[:1].isalpha() and not _names_an_actor(item) else ""


@cache
def _discourse_opener_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\A\s*(?:{alternation(english_cues().discourse_openers)})\s*,\s*")


@cache
def _dateline_rest_re() -> regex.Pattern[str]:
    """June 22 - (after MACAU, at the head of a release): the dateline's day and dash before the first item."""
    return regex.compile(rf"(?i)\A(?:{alternation(english_cues().months)})\.?\s+\d{{1,2}}\s*(?:--|—|–|-)\s*")


@cache
def _dated_item_re() -> regex.Pattern[str]:
    months = alternation(english_cues().months)
    return regex.compile(rf"(?i)\s+(?:for|in|of)\s+(?:(?:{months})\.?\s+)?(?:19|20)\d{{2}}\Z")


_CLAUSE_JOINER = regex.compile(r"(?i)\s(?:while|whereas|but)\s")  # (… dropped by 5.3% while those from B (125,000))
_REPORTED_THAT = regex.compile(r"(?i)\A\S.*?\sthat\s+(?:both\s+)?(?=\S)")
_LEADING_ARTICLE = regex.compile(r"(?i)\A(?:the|a|an)\s+(?=\S)")
_LIST_LEAD_IN = regex.compile(r"(?i)\A(?:among\s+(?:them|which),\s*)")
_NEXT_BRACKETED = regex.compile(r"\)\s*,?\s*(?:and\s+)?(?P<item>[^();]+)\Z")  # (and Purchase of Goods, Commissions & …)
_THOSE_FROM = regex.compile(r"(?i)(?:those|that)\s+(?:from|in|of|for)\s+")
_ITEM_HEAD = regex.compile(r"(?i)[a-z][\w-]*(?:\s[a-z][\w-]*){0,3}?\s(?:from|for|to)\s+(?=\S)")  # (not "in": commodities in supermarkets is a place)


_OF_THE_COUNT = regex.compile(r"(?i)\b(?:in|of|among|across|for)(?:\s+the)?\s*\Z")


def _through_count(text: str, earlier: list[EnglishQuantity], between: str, found: str) -> str:
    """Investment in the 39 steel projects under construction totalled …: the phrase runs through the count
    before (its head, the counted noun, the words after), when only those words stand between."""
    last = earlier[-1] if earlier else None
    if last is None or last.quantity.kind != Kind.COUNT or not last.counted or "," in between \
            or not between.strip().startswith(found):
        return ""
    bound = earlier[-2].quantity.end if len(earlier) > 1 else 0
    head = clause_before(text, last.quantity.prefix_start, bound)
    if not _OF_THE_COUNT.search(head) or not metric_before(head, english_cues()):
        return ""
    head = regex.sub(r"(?i)\s+the\s*\Z", "", head.strip())
    return f"{head} {last.counted} {found}"




def _same_measure(between: str, previous, rule: str, metric: str = "") -> tuple[str, str] | None:
    """The metric of the claim before, for a number of the same kind that restates its measure (or whose
    metric is only the rate of change of it: …, with the growth rate declined 2.9 percentage points)."""
    if previous.metric and metric.lower().removeprefix("the ") in english_cues().rates_of_change and metric not in previous.metric:
        return f"{metric} of {previous.metric}", "en.rate-of-claim"
    if previous.metric and _continues_claim(between):
        return previous.metric, "en.same-measure"  # (growth of 9.2 percent, with B at 7.3 percent)
    if rule == "en.phrase-before" and _ELIDED.search(between):
        return previous.metric, "en.elided"  # (4.3 per cent higher at the end of June … but 2.1 per cent lower)
    return None


@cache
def _actor_re() -> regex.Pattern[str]:
    ends = alternation(english_cues().place_name_ends)
    return regex.compile(rf"(?i)\A(?:[A-Z][\w'’.-]*\s+)*?(?:[A-Z][\w'’.-]*\s+)?(?:autonomous\s+)?(?:{ends})\Z")


def _names_an_actor(metric: str) -> bool:
    """South China's Hainan province, Inner Mongolia autonomous region: a place that did something, no measure."""
    return bool(metric) and metric[0].isupper() and _actor_re().match(metric) is not None


def _longer_phrase(text: str, earlier: list[EnglishQuantity], between: str, found: str, head: str) -> tuple[str, str] | None:
    """A metric read past the first "and" or count before the number: a back reference whose phrase holds
    "and" (and that of production and distribution of electricity, heating power, gas and water was up by …),
    or a phrase through a count (Investment in the 39 steel projects under construction totalled …)."""
    back = _back_reference_re().search(between) if head else None
    if back and (shared := _HEAD_OF.match(head)) and " and " in back.group("what"):
        return f"{shared.group(1)} {back.group('what')}", "en.back-reference"
    through = _through_count(text, earlier, between, found)
    return (through, "en.through-count") if through else None


@cache
def _back_reference_re() -> regex.Pattern[str]:
    cues = english_cues()
    verbs = alternation(w for w in cues.link_words + cues.increase + cues.decrease if " " not in w and w not in _ITEM_WORDS)
    return regex.compile(rf"(?i)\b(?:{alternation(cues.back_references)})\s+(?:of|for)\s+(?:the\s+)?(?P<what>[^;]+?)\s+"
                         rf"(?:{verbs})\b[^,;]*\Z")


def _measure_of_claim_before(q: EnglishQuantity, earlier: list[EnglishQuantity], before: str, between: str, previous,
                             found: tuple[str, str]) -> tuple[str, str] | None:
    """The measure of the claim before, told again in other terms (increased by 6.8% in value or 5.6% in volume) or
    the same measure by ``_same_measure``."""
    metric, rule = found
    if previous.metric and _IN_TERMS_OR.fullmatch(_without_qualifiers(before).strip(" ,").lower()):
        return previous.metric, "en.restated"
    same = _same_measure(between, previous, rule, metric if rule == "en.phrase-before" else "")
    if same and (earlier[-1].quantity.kind == q.quantity.kind or same[1] == "en.rate-of-claim"):
        return same
    return None


def _metric_reread(text: str, q: EnglishQuantity, earlier: list[EnglishQuantity], before: str, previous,
                   found: tuple[str, str], previous_end: int, head: str = "") -> tuple[str, str] | None:
    """A metric the claims before give instead of the one read next to the number (``found``): the same measure
    as the claim before, the subject of an elided clause, the metric across cue words, a shared head."""
    metric, rule = found
    between = text[previous_end : q.quantity.number_start]
    if previous and (same := _measure_of_claim_before(q, earlier, before, between, previous, found)):
        return same
    if rule == "en.phrase-before" and (longer := _longer_phrase(text, earlier, between, metric, head)):
        return longer
    if rule == "en.phrase-before" and _names_an_actor(metric) and (noun := _change_noun_re().match(text, q.quantity.end)):
        return noun.group("noun").lower(), "en.actor-change-noun"  # (Hainan province registered a 9.5 percent growth)
    clause_start = q.quantity.number_start - len(before)
    if rule not in _READ_FROM_NOUN and (only_cue_words(before) or _only_cue_phrases(before)) \
            and (across := _read_across(text, clause_start, earlier)):
        return across
    if previous and _LISTED_BY.match(before) and between.lstrip(" ,").lower().startswith("and ") \
            and " of " in previous.metric and " of " not in metric:
        # (the output of new-energy vehicles up by 140.8 percent and solar cells by 24.3 percent)
        return f"{previous.metric.split(' of ')[0]} of {metric}", "en.listed-by"
    return None


# the 3 percent target, a 5 percent growth goal: the number is itself a target.
# (a 5 percent growth target; than a 1.28 percent forecast: a figure named a forecast is one)
_NAMES_TARGET = regex.compile(r"(?i)[\s-]+(?:(?:growth|inflation|deficit|annual)\s+)?(?:target|goal|forecast|projection)\b")


@cache
def _forecast_after_re() -> regex.Pattern[str]:
    """a 3.5% rise forecast in a Reuters poll, the 6.2% increase tipped by analysts: a figure that a forecast
    participle and its source follow is what was forecast (a target, as the schema counts a forecast)."""
    cues = english_cues()
    moves = alternation([w for w in cues.increase + cues.decrease if " " not in w])
    return regex.compile(rf"(?i)\s+(?:(?:{moves})\s+)?(?:{alternation(cues.forecast_participles)})\s+(?:by|in)\b")


@cache
def _done_re() -> regex.Pattern[str]:
    """done_words, and a perfect (had moved, has reached, have been completed): what has happened."""
    cues = english_cues()
    return regex.compile(rf"(?i)\b(?:{alternation(cues.done_words)})\b|\b(?:had|has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|wn)\b")


# (a total of 751,356 people had moved to Xi'an, 120 schools were built: a perfect or a past passive right after
# the number says it happened)
_DONE_AFTER = regex.compile(r"(?i)\s+(?:(?:had|has|have)\s+(?:been\s+)?|(?:was|were)\s+)(?P<verb>[a-z]+(?:ed|en|wn))\b")


def _done_after(text: str, end: int) -> bool:
    """A perfect or past passive right after the number, not of a plan (were planned, was expected)."""
    m = _DONE_AFTER.match(text, end)
    return m is not None and m.group("verb").lower() not in english_cues().target


def _says_done(before: str) -> bool:
    """so far this year, exports have risen 10 percent; retail sales grew 5 percent: a figure that has happened."""
    return _done_re().search(before) is not None


_FROM_END = regex.compile(r"(?i)\bfrom\s*\Z")
@cache
def _to_number_re() -> regex.Pattern[str]:
    """ to 130 million, to over 130 million: the far end of a from–to change, a bound allowed before it."""
    cues = english_cues()
    return regex.compile(rf"(?i)\s+to\s+(?:(?:{alternation(cues.prefix_over + cues.prefix_under + cues.prefix_approx)})\s+)?\S*\d")
_REACH = regex.compile(r"(?i)\b(?:reach|reaches|reached|reaching|to)\s*\Z")


def _reaches(before: str, change: str) -> bool:
    """raise the proportion of permanent urban residents to 65 percent, GDP reached 121 trillion yuan: the
    number is the level at the end of a change, not its amount."""
    found = _REACH.search(_without_qualifiers(before).rstrip())
    return found is not None and (change != "" or found.group().lower().startswith("reach"))


def _is_conversion(text: str, previous: EnglishQuantity, q: EnglishQuantity) -> bool:
    """27.02 trillion yuan ($4.24 trillion), 58,496 yuan, equivalent to 8,480 US dollars: an amount in another
    currency in parentheses or after a link that converts (``conversion_links``) right after an amount is the
    same figure, with its metric and change."""
    between = text[previous.quantity.end : q.quantity.prefix_start].strip(" ,").lower()
    return previous.quantity.kind == Kind.MONEY and q.quantity.kind == Kind.MONEY \
        and between in english_cues().conversion_links


def _only_cue_phrases(text: str) -> bool:
    """Nothing but filler, change and link phrases (year on year, by, up)."""
    cues = english_cues()
    phrases = cues.fillers + cues.increase + cues.decrease + cues.link_words + cues.prefix_over + cues.prefix_under \
        + cues.prefix_approx + tuple(cues.change_nouns)  # (saw a 5.8 percent growth to 438.03 billion yuan)
    while (word := ends_with(text, phrases)) is not None:
        text = text.rstrip()[: -len(word)]
    return not text.strip(" ,")


def apposition_gap(gap: str) -> bool:
    """The words between two numbers hold only cue words and time phrases (4.1 percent in the first five months
    of this year to 12.1 trillion yuan; 5.3 percent in March, down 0.3 points)."""
    return only_cue_words(_TIME_PHRASE.sub(" ", gap))


def only_cue_words(before: str) -> bool:
    """ ", up", ", a year-on-year decrease of": the clause before the number holds only change, filler and
    link words (the number stands in apposition to what precedes)."""
    cues = english_cues()
    words = [w.lower().strip(",") for w in _without_qualifiers(before).split()]
    allowed = set(cues.increase + cues.decrease + cues.fillers + cues.link_words + tuple(cues.change_nouns)
                  + cues.verbs_before_number) | {"came", "in", "year-on-year"}
    return all(w.strip("()") in allowed for w in words if w.strip("()"))


_READ_FROM_NOUN = frozenset({"en.counted-noun", "en.counted-of", "en.change-noun-after"})
_TIME_PREPOSITIONS = frozenset({"in", "during", "over", "for", "on", "at", "from", "since", "by", "as"})
_PLACE_OF_COUNT = regex.compile(r"(?i)\b(?:in|of|among|across|for)\s*\Z")


def _read_across(text: str, clause_start: int, earlier: list[EnglishQuantity]) -> tuple[str, str] | None:
    """What a number in apposition measures: the noun phrase before the comma (the growth of the service
    sector, up 2.5 percent), or the phrase that runs through a count (the surveyed unemployment rate in 31
    major cities came in at 5.5 percent)."""
    cues = english_cues()
    last = earlier[-1] if earlier else None
    if last and last.quantity.kind == Kind.COUNT and text[last.quantity.end : clause_start].strip() == "" \
            and _PLACE_OF_COUNT.search(text, 0, last.quantity.prefix_start):
        bound = earlier[-2].quantity.end if len(earlier) > 1 else 0
        found = metric_before(clause_before(text, clause_start, bound), cues)
        return (found, "en.through-count") if found else None
    comma = text[:clause_start].rstrip()
    if not comma.endswith(","):
        return None
    bound = last.quantity.end if last else 0
    lead = clause_before(text, len(comma) - 1, bound)
    between = text[bound : len(comma) - 1].strip()
    if last and (lead.strip() == between or between.split()[:1] == [] or between.split()[0].lower() in _INSIDE):
        return None  # (3.9 trillion yuan of bonds will be issued, an increase of …; 457,000 enterprises with
        # records, an increase of 5.9%: the claim before's phrase)
    if not lead.strip() or lead.split()[0].lower() in _TIME_PREPOSITIONS or _names_a_source(between, lead):
        return None  # (… 5.5 percent in March, down 0.2 points: the time, not a measure; …, according to data from
        # the Statistics and Census Service, up by …: a source)
    lead_start = len(comma) - 1 - len(lead)
    if lead.lstrip().lower().startswith(("a ", "an ")) and (subject := clause_before(text, max(0, lead_start - 1), bound)).strip():
        lead = subject  # (Retail sales, a key indicator of consumption, went up …: the subject, not its description)
    found = metric_before(lead + " ", cues)
    return (found, "en.apposition") if found else None


def _names_a_source(between: str, lead: str) -> bool:
    """An attribution verb in the words between the claim before and the comma (according to …, said …)."""
    return any(w.lower().strip(",") in english_cues().attribution_verbs for w in (between or lead).split())


def pair_respectively(text: str, quantities: list[EnglishQuantity], contexts: list[EnglishContext]) -> list[EnglishContext]:
    """A, B and C reached x, y and z, respectively: each number takes its own item of the list before it
    (and a second list of as many numbers that follows takes the same items)."""
    out = _items_referred(list(contexts))
    items: list[str] | None = None
    for group in _number_lists(text, quantities):
        last_end = quantities[group[-1]].quantity.end
        first_start = quantities[group[0]].quantity.prefix_start
        listed = _said_respectively(text, first_start, last_end) or (items is not None and len(items) == len(group))
        if len(group) < 2 or not (listed or _parallel(text, first_start, len(group))):
            items = None
            continue
        lower = quantities[group[0] - 1].quantity.end if group[0] else 0
        own = _bracketed_items_before(out, group[0], len(group)) or list_items(text, first_start, len(group), lower)
        items = own if own is not None or items is None or len(items) != len(group) else items
        if items is None and listed and group[0] >= len(group):
            # (imports amounted to x while exports came in at y, rising 3.2 and 13.6 percent, respectively: the
            # measures of the claims before, in order; not a claim about them all: both exceeded 80%)
            named = [c.metric for c in out[: group[0]] if c.rule != "en.items-referred"]
            items = named[-len(group) :] if len(named) >= len(group) else None
        _give_items(out, group, items or [])
    return out


def _give_items(out: list[EnglishContext], group: list[int], items: list[str]) -> None:
    """Each claim of ``group`` takes its item of the list as its metric (in place)."""
    previous = out[group[0] - 1].metric if group[0] else ""
    for k, item in zip(group, items, strict=False):
        words = _without_trailing_verbs(_after_last_verb(item.split()), _stop_words())  # (… registered respective)
        words = _item_back_reference(words, previous)
        out[k] = replace(out[k], metric=" ".join(_trimmed(words)), rule="en.respectively")


def _item_back_reference(words: list[str], previous: str) -> list[str]:
    """while that of education and transport increased by 5.24% and 4.85%, respectively, after the price index
    of food: each item takes the head the claim before wrote (price index of education)."""
    cues = english_cues()
    if len(words) > 2 and words[0].lower() in cues.back_references:
        shared = _with_back_reference(words[1:], words[0].lower(), previous, cues)
        return shared if shared != words[1:] else words
    return words


def _said_respectively(text: str, first_start: int, last_end: int) -> bool:
    """x, y and z, respectively; x and y of the total respectively; respective growth of x and y."""
    return bool(_RESPECTIVELY.match(text[last_end : last_end + 60])
                or _RESPECTIVE_BEFORE.search(text, max(0, first_start - 40), first_start))


def _bracketed_items_before(contexts: list[EnglishContext], first: int, count: int) -> list[str] | None:
    """A (MOP31.71 billion) and B, C & D (MOP18.12 billion) accounted for 39.6% and 22.6% … respectively: as many
    bracketed items right before the numbers are the items they pair with (their names may hold commas)."""
    before = contexts[first - count : first] if first >= count else []
    return [c.metric for c in before] if before and all(c.rule == "en.bracketed-item" for c in before) else None


def _items_referred(contexts: list[EnglishContext]) -> list[EnglishContext]:
    """the rates for 5-star (85.6%) and 2-star hotels (83.1%) both exceeded 80%: "both" (or "all") measures the
    bracketed items just before it together."""
    out = list(contexts)
    for k, c in enumerate(out):
        if c.metric.lower() not in english_cues().list_references:
            continue
        run = list(itertools.takewhile(lambda e: e.rule == "en.bracketed-item", reversed(out[:k])))
        if len(run) >= 2:
            out[k] = replace(c, metric=" and ".join(e.metric for e in reversed(run)), rule="en.items-referred")
    return out


def _after_last_verb(words: list[str]) -> list[str]:
    """Liaoning aims to increase its 2023 fixed-asset investment → fixed-asset investment: a list's first item keeps
    only what follows the last verb of the clause that leads it, less a year."""
    verbs = _verbs() - _ITEM_WORDS
    # (a verb with its object after it, or after "to": not an adjective, advanced technology industry)
    last = max((k for k, w in enumerate(words[:-1]) if w.lower().strip(",") in verbs
                and (words[k + 1].lower() in ("its", "the", "their") or (k and words[k - 1].lower() == "to"))), default=-1)
    rest = words[last + 1 :]
    return [w for w in rest if not _YEAR.fullmatch(w.strip(","))] or rest


def _parallel(text: str, end: int, count: int) -> bool:
    """the prices of foodstuff and non-foodstuff increased by 0.4 and 0.2 percent: a subject of as many
    items as numbers pairs them in order without "respectively" (as a Chinese list does without 分别)."""
    items = list_items(text, end, count)
    return items is not None and " and " in text[max(0, end - 120) : end]


def _number_lists(text: str, quantities: list[EnglishQuantity]) -> list[list[int]]:
    """Indexes of quantities grouped into lists (x, y and z)."""
    groups: list[list[int]] = []
    for k, q in enumerate(quantities):
        if k and groups and _LIST_JOINER.match(text[quantities[k - 1].quantity.end : q.quantity.prefix_start]):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


_NEXT_CLAUSE = regex.compile(r"(?i),\s*(?:and|while|but|whereas)\s")


def list_items(text: str, end: int, count: int, lower: int = 0) -> list[str] | None:
    """The ``count`` items of the subject that ends where the numbers begin (after ``lower``, the end of the
    claim before), or None."""
    start = max(text.rfind(";", 0, end) + 1, text.rfind(":", 0, end) + 1, lower)
    times = find_times(text, "", "")
    opened = opening(text, times)
    if opened and opened.end > start:  # (In 2011, 2015 and 2018, A, B and C …: the times are no items)
        comma = text.find(",", time_list(text, times, opened)[-1].end, end)
        start = comma + 1 if comma >= 0 else start
    if oxford := _comma_items(_subject_words(text[start:end]), count):
        return _share_heads(oxford)
    clauses = list(_NEXT_CLAUSE.finditer(text, start, end))
    start = clauses[-1].end() if clauses else start  # (…, and the retail sales of A and B decreased by x and y)
    parts = [p.strip() for p in _ITEM_BREAK.split(_subject_words(text[start:end])) if p.strip()]
    parts = [" ".join(w for w in p.split() if w.lower() not in ("the", "a", "an")) for p in parts]
    return _share_heads(parts) if len(parts) == count else _noun_list(text[start:end], count)


_OXFORD_COMMA = regex.compile(r",\s+and\s")
_COMMA_BREAK = regex.compile(r"\s*,\s*(?:and\s+)?")


@cache
def _aside_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i),\s*(?:{alternation(english_cues().asides)})\s*(?=,)")


def _subject_words(segment: str) -> str:
    """The words before the numbers less asides (, for example,) and the verbs and fillers that end them (…
    industry fell by)."""
    words = _aside_re().sub("", segment).split()
    while words and words[-1].lower().strip(",") in _stop_words() | {"arrived"}:
        words.pop()
    return " ".join(words)


@cache
def _verbs() -> frozenset[str]:
    cues = english_cues()
    return frozenset(cues.link_words + cues.increase + cues.decrease + cues.target + cues.stop_words)


# Words of a list item that say nothing of what it is (the year-on-year purchaser price indices for A, …).
_LIST_ITEM_DROPS = frozenset({"the", "a", "an", "year-on-year", "month-on-month", "respective"})
_LIST_LEAD = regex.compile(r"(?i)\A(?:(?:while|and|whereas|but)\s+)?(?:(?:that|those)\s+(?:of|for|in)\s+)?")
_ITEM_WORDS = frozenset({"and", "of", "for", "in", "the", "a", "an", "with", "on"})


def _comma_items(segment: str, count: int) -> list[str] | None:
    """Of which, prices for mining and quarrying industry, raw materials industry, and manufacturing and
    processing industry: a list written with a comma before its last "and" is split at its commas only, so
    that "and" inside an item stays; what stands before the items (Of which,) is left out. Items that hold
    a verb are clauses, not such a list."""
    if count < 3 or not _OXFORD_COMMA.search(segment):
        return None  # (two items take no comma before "and": "…, and B" there joins a clause)
    parts = [" ".join(w for w in p.split() if w.lower() not in _LIST_ITEM_DROPS and not _owner_word(w))
             for p in _COMMA_BREAK.split(segment) if p.strip()]
    head = ""
    if len(parts) >= count:  # (while that of A, B, and C: the clause's conjunction and back reference lead the list)
        head, parts[-count] = _after_copula(_LIST_LEAD.sub("", parts[-count]))
    # (a verb after an item's first word makes it a clause; first, it is an adjective: advanced technology industry)
    if len(parts) < count or any(w.lower() in _verbs() - _ITEM_WORDS for p in parts[-count:] for w in _joined(p).split()[1:]):
        return None
    return [f"{head} of {p}" if head else p for p in parts[-count:]]


def _after_copula(item: str) -> tuple[str, str]:
    """Among the fastest-growing exports are solar cells → (exports, solar cells): a list's first item begins after
    the copula that introduces the list (list_copulas); the plural noun before the copula is every item's head."""
    words = item.split()
    last = max((k for k, w in enumerate(words) if w.lower() in english_cues().list_copulas), default=-1)
    if last < 0 or last + 1 >= len(words):
        return "", item
    noun = words[last - 1] if last else ""
    head = noun if noun.endswith("s") and noun.isalpha() and noun.lower() not in _stop_words() else ""
    return head, " ".join(words[last + 1 :])


def _owner_word(word: str) -> bool:
    """province's, city's: a possessive owner inside a list item (of the province's high-tech industry, …)."""
    low = word.lower()
    return low.endswith(("'s", "’s")) and low[:-2] in english_cues().owner_nouns


@cache
def _list_pattern(count: int) -> regex.Pattern[str]:
    word = rf"(?<![\w'’-])(?!(?:{alternation(_stop_words())})\b)[A-Za-z][\w'’-]*"
    item = rf"(?:{word}\s){{0,3}}{word}"
    return regex.compile(rf"(?:the\s)?(?P<i>{item})(?:\s*,\s*(?:the\s)?(?P<i>{item})){{{count - 2}}},?\s+and\s+"
                         rf"(?:the\s)?(?P<i>{item})\b", regex.IGNORECASE)


def _noun_list(segment: str, count: int) -> list[str] | None:
    """The last list of ``count`` bare noun phrases in ``segment`` (with the high-end manufacturing and
    high-tech industries as the main drivers, increasing by …; such as information, finance and e-commerce,
    which rose …), the longest where several end at the same word."""
    if count < 2:
        return None
    best = None
    for m in _list_pattern(count).finditer(segment, overlapped=True):
        if best is None or (m.end(), -m.start()) > (best.end(), -best.start()):
            best = m
    if best is None:
        return None
    head = _LIST_HEAD.search(segment, 0, best.start())
    owner = head.group().strip() + " " if head and not any(
        w.lower() in _stop_words() for w in head.group("head").split()) else ""
    owner = owner[4:] if owner.lower().startswith("the ") else owner
    return [owner + item for item in _share_heads([item.strip() for item in best.captures("i")])]  # (the retail sales of A, B and C: each item's)


_LIST_HEAD = regex.compile(r"(?i)(?:\bthe\s)?(?P<head>(?:[\w'’-]+\s){1,3})(?:of|in|with)\s(?:the\s)?\Z")  # (trade with A, B and C)


_HEAD_PREPOSITION = regex.compile(r"(?i)\s(?:of|in|for|with)\s")


def _list_head(first: str) -> str:
    """The head the first item shares with the others: up to its last preposition that is not inside a
    proper name (the growth rate of China's trade with | the Association of Southeast Asian Nations)."""
    heads = [m for m in _HEAD_PREPOSITION.finditer(first) if not _inside_a_name(first, m)]
    return first[: heads[-1].end()] if heads else ""


def _inside_a_name(first: str, m: regex.Match[str]) -> bool:
    """A preposition between capitalised words is inside a name (the Association of Southeast Asian Nations),
    unless the word before it is capitalised only because it opens the sentence (Trade with the United States)."""
    before = first[: m.start()].split()
    return len(before) > 1 and before[-1][:1].isupper() and first[m.end() :][:1].isupper()


def _share_heads(parts: list[str]) -> list[str]:
    """Items that write a shared head once: investment in A and in B; the number of students in A and
    B; urban and rural per capita disposable income."""
    owner = regex.match(r"(?i)(.+?)\s(?:of|in|for)\s", parts[0])
    if owner and all(regex.match(r"(?i)(?:of|in|for)\s", p) for p in parts[1:]):
        return [parts[0]] + [owner.group(1) + " " + p for p in parts[1:]]
    tail = regex.search(r"(?i)\s(?:in|at|above|among)\s", parts[-1])
    if len(parts) > 1 and tail and not any(regex.search(r"(?i)\s(?:in|at|above|among)\s", p) for p in parts[:-1]):
        parts = parts[:-1] + [parts[-1][: tail.start()]]  # (A, B and C in retail units above …: said of all)
    return _shared_head_and_noun(parts, _list_head(parts[0]))


def _shared_head_and_noun(parts: list[str], head: str) -> list[str]:
    """the added value of the primary, secondary and tertiary sectors: the head (the added value of) and the
    noun (sectors) written once are every item's; urban and rural per capita income: the noun only."""
    core = [parts[0][len(head) :]] + parts[1:]
    if head and all(len(p.split()) == 1 for p in core[:-1]) and len(core[-1].split()) > 1:
        tail = core[-1].split(maxsplit=1)[1]
        return [head + p + " " + tail for p in core[:-1]] + [head + core[-1]]
    if head and not any(regex.search(r"(?i)\b(?:of|in|for)\b", p) for p in parts[1:]):
        return [parts[0]] + [head + p for p in parts[1:]]
    if all(len(p.split()) == 1 for p in parts[:-1]) and len(parts[-1].split()) > 1:
        tail = parts[-1].split(maxsplit=1)[1]
        return [p + " " + tail for p in parts[:-1]] + [parts[-1]]
    return parts


@cache
def rank_re() -> regex.Pattern[str]:
    """A standing: a rank verb, an optional scope, an ordinal (ranking first in the world, ranked 3rd)."""
    cues = english_cues()
    return regex.compile(
        rf"\b(?:{alternation(cues.rank_verbs)})\s+(?:(?:{alternation(cues.rank_scopes)})\s+)?"
        rf"(?:the\s+)?(?P<ord>{alternation(cues.ordinals)}|No\.\s?(?P<no>\d{{1,3}})|(?P<nth>\d{{1,3}})(?:st|nd|rd|th))\b"
        rf"(?:(?:\s*,\s*|\s+)(?:and\s+)?(?P<more>{alternation(cues.ordinals)})\b)*"  # (ranking second and third)
        rf"(?=\s*(?:,|\.|;|$|{alternation(cues.rank_scopes)}|among|in\b|for\b|place))",
        regex.IGNORECASE,
    )


@cache
def number_rank_re() -> regex.Pattern[str]:
    """No 2 in China, No. 3 nationwide: a standing written as a number sign before a scope."""
    scopes = alternation(english_cues().rank_scopes)
    return regex.compile(rf"\bNo\.?\s?(?P<no>\d{{1,3}})(?=\s+(?:{scopes}|in\b|among\b))", regex.IGNORECASE)


@cache
def superlative_rank_re() -> regex.Pattern[str]:
    """An ordinal glued to a superlative (the world's second-largest economy): a standing in what follows."""
    cues = english_cues()
    # (a compound before its noun: not "one of them is the fifth largest", which names no standing in anything)
    ords = alternation(cues.ordinals)
    # (or after "the", with a space: the second fastest growth rate in China)
    return regex.compile(rf"(?i)(?:\b(?P<ord>{ords})-|(?<=\bthe\s)(?P<ord>{ords})\s+)(?P<what>(?:{alternation(cues.superlatives)})"
                         rf"(?:\s+(?!(?:in|of|on|at|by|for|and|or|to|with|as|after|since)\b)[a-z][\w-]*){{1,2}})")
