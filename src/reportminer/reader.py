"""Read an article file: UTF-8 with or without BOM; anything else is refused with the byte offset."""

from __future__ import annotations

import codecs
from pathlib import Path


class ArticleError(Exception):
    """An article cannot be read; the message is one line that names the file."""


def decode(data: bytes, name: str) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not valid UTF-8 at byte offset {exc.start}") from None
    if "\x00" in text:
        raise ArticleError(f"{name}: contains NUL bytes at character offset {text.index(chr(0))} (a binary file?)")
    return text


def read_article(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory, not an article file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, str(path))
