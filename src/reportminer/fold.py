"""Fold a text to one script and one width without moving any character: traditional characters to
simplified (OpenCC ``t2s``), full-width digits and signs to ASCII. Every stage that reads the text
reads the folded copy; every span is cut from the original, which has the same length.

>>> fold("億萬兩噸，１２３．５％")
'亿万两吨，123.5%'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import opencc
from . import regexcache as regex

from .lexicon import load_lexicon

_FULLWIDTH_THOUSANDS = regex.compile(r"[０-９]，(?=[０-９]{3}(?![０-９]))")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _width_table() -> dict[int, str]:
    return str.maketrans(dict(load_lexicon().fullwidth))


@cache
def _fullwidth_chars() -> re.Pattern[str]:
    """Any character the width table folds."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_width_table())) + "]")


def _char_by_char(text: str) -> str:
    """t2s one character at a time: used when a phrase conversion would change the length."""
    convert = _converter().convert
    out = []
    for ch in text:
        folded = convert(ch) if ord(ch) > 0x2E7F else ch
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=2)  # (an article is folded when its region is guessed and again when it is mined)
def fold(text: str) -> str:
    simplified = _converter().convert(text) if not text.isascii() else text
    if len(simplified) != len(text):
        simplified = _char_by_char(text)
    # (str.translate looks every character up: most texts hold no full-width sign, and one scan says so)
    folded = simplified.translate(_width_table()) if _fullwidth_chars().search(simplified) else simplified
    if "，" in text:
        # ４，５６５: a full-width comma between full-width digits groups thousands; elsewhere it is a pause
        for m in _FULLWIDTH_THOUSANDS.finditer(text):
            folded = folded[: m.start() + 1] + "," + folded[m.start() + 2 :]
    assert len(folded) == len(text)
    return folded
