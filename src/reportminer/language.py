"""Which language a text is in: Chinese, English, or one reportminer cannot read (then a warning, never a
silent empty table)."""

from __future__ import annotations

import warnings

from . import regexcache as regex

_HAN = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
_ASCII_WORD = regex.compile(r"[A-Za-z]+")
_SAMPLE = 5000


class UnreadableLanguageWarning(UserWarning):
    """The text is neither Chinese nor English: no claims can be read from it."""


def guess_lang(text: str) -> str:
    """ "zh" when Han characters are at least a tenth of the Latin letters, "en" when the letters are mostly
    Latin and English function words occur (the, of, and …), else "" (a language we cannot read).

    >>> guess_lang("2023年地区生产总值增长5%。"), guess_lang("GDP grew 5.3% in 2023."), guess_lang("Le PIB a augmenté de 5 %.")
    ('zh', 'en', '')
    """
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    words = _ASCII_WORD.findall(sample)
    latin = sum(map(len, words))
    if han and han >= max(1, latin // 10):
        return "zh"
    from .en.pack import english_cues  # (here: a Chinese text never needs the English cues)

    letters = len(_LETTER.findall(sample))
    function_words = set(english_cues().function_words)
    english = sum(1 for w in words if w.lower() in function_words)
    if latin >= 0.9 * letters and (english >= max(1, len(words) // 25) or len(words) <= 3):
        return "en"  # (a few bare words, a table's cells: nothing tells against English)
    return "" if letters else "zh"


def readable(lang: str, doc_id: str) -> bool:
    """True for a language reportminer reads; else a warning naming the document."""
    if lang in ("zh", "en"):
        return True
    said = f"its lang {lang!r} is not zh or en" if lang else "the text is neither Chinese nor English"
    warnings.warn(f"{doc_id}: {said}; no claims read", UnreadableLanguageWarning, stacklevel=3)
    return False
