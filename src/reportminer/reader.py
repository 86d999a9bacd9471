"""Bytes → text. UTF-8 (with or without BOM) and the Unicode encodings with a BOM are read as they
are; anything else is detected with charset-normalizer, and when detection is unsure the error names
the best guesses so the user can pass one with ``--encoding``."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

# Longest BOM first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's chaos is a percentage of odd characters; real text in the right encoding scores
# close to 0 (a 200-byte Big5 sample: 2.2), a wrong guess far more.
MAX_CHAOS = 10.0
RIVAL_MARGIN = 1.0  # a second candidate this close to the best, decoding differently, makes us unsure
SAMPLE_BYTES = 200_000
# Encodings that extend one another: a rival in the same family is no reason for doubt (the detector's
# best, usually the widest, is kept).
_FAMILIES = {
    "gb2312": "gb", "gbk": "gb", "gb18030": "gb", "hz": "gb",
    "big5": "big5", "cp950": "big5", "big5hkscs": "big5",
    "shift_jis": "sjis", "shift_jis_2004": "sjis", "shift_jisx0213": "sjis", "cp932": "sjis",
    "euc_kr": "kr", "cp949": "kr", "johab": "kr",
    "utf_16": "utf16", "utf_16_le": "utf16", "utf_16_be": "utf16",
}  # detection reads a sample; the whole file is then decoded strictly


class ArticleError(Exception):
    """An article cannot be read; the message is one line that names the file."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name; "utf-8" for plain UTF-8


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not valid {encoding} at byte offset {exc.start}"
                           " (pass --encoding to name the file's encoding)") from None
    return text.removeprefix("\ufeff")


def _codec(encoding: str, name: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64, zlib … are not text encodings
        raise ArticleError(f"{name}: unknown encoding {encoding!r} (e.g. utf-8, gb18030, big5, utf-16)")
    return info.name


def _detect(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> str:
    """The encoding charset-normalizer is sure of; otherwise an error naming its best guesses."""
    not_utf8 = f"not UTF-8 (byte offset {utf8_error.start})"
    if utf8_error.reason == "unexpected end of data":  # valid up to a character cut off at the end
        raise ArticleError(f"{name}: not valid UTF-8 at byte offset {utf8_error.start}: the file ends "
                           "inside a character (truncated?)")
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise ArticleError(f"{name}: {not_utf8}, and detecting its encoding needs charset-normalizer "
                           "(pip install charset-normalizer) or --encoding") from None
    sample = data[:SAMPLE_BYTES]
    matches = list(from_bytes(sample))
    if not matches:
        raise ArticleError(f"{name}: {not_utf8} and no known encoding decodes it (a binary file?)")
    best = matches[0]
    family = _FAMILIES.get(best.encoding, best.encoding)
    rivals = [m for m in matches[1:4] if m.percent_chaos <= best.percent_chaos + RIVAL_MARGIN
              and _FAMILIES.get(m.encoding, m.encoding) != family and str(m) != str(best)]
    if best.percent_chaos > MAX_CHAOS or rivals:
        guesses = ", ".join(m.encoding for m in [best, *rivals][:4])
        raise ArticleError(f"{name}: {not_utf8} and the encoding is unclear (best guesses: {guesses});"
                           " pass --encoding")
    return best.encoding


def decode(data: bytes, name: str, encoding: str = "") -> Decoded:
    """Decode strictly in ``encoding`` if given, else by BOM, else as UTF-8, else as detected."""
    if encoding:
        codec = _codec(encoding, name)
    else:
        codec = next((enc for bom, enc in _BOMS if data.startswith(bom)), "")
    if not codec:
        try:
            codec, text = "utf-8", data.decode("utf-8")
        except UnicodeDecodeError as exc:
            codec = _codec(_detect(data, name, exc), name)
            text = _strict(data, codec, name)
    else:
        text = _strict(data, codec, name)
    if "\x00" in text:
        raise ArticleError(f"{name}: contains NUL bytes at character offset {text.index(chr(0))} (a binary file?)")
    return Decoded(text, "utf-8" if codec == "utf-8-sig" else codec)


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; ``-`` is standard input. Every failure is an ArticleError."""
    if str(path) == "-":
        import sys

        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory, not an article file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_article(path: Path, encoding: str = "") -> str:
    return decode(read_bytes(path), str(path), encoding).text
