"""jieba, wrapped once: one Tokenizer with the package's user dictionary, and word tags looked up in
jieba's own dictionary (never its slow HMM part-of-speech tagger).

Only the sentences that hold a claim are segmented, each at most once per run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache, lru_cache

import jieba

from .lexicon import data_path


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # offset in the segmented string
    end: int
    tag: str  # jieba dictionary tag ("n", "v", "ns" …) or "" when jieba does not know the word


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    with data_path("userdict.txt").open("rb") as userdict:
        tokenizer.load_userdict(userdict)
    return tokenizer


@cache
def _tags() -> dict[str, str]:
    """word → tag from jieba's dictionary and our user dictionary (``word freq tag`` lines)."""
    tags: dict[str, str] = {}
    with _tokenizer().get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    for line in data_path("userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def warm_up() -> None:
    """Load the dictionary now (so a benchmark does not time the loading)."""
    _tokenizer()
    _tags()


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    tags = _tags()
    return tuple(
        Token(word, start, end, tags.get(word, ""))
        for word, start, end in _tokenizer().tokenize(text, HMM=True)
    )


def plain_cut(text: str) -> list[str]:
    """Bare ``lcut`` with the same tokenizer: the benchmark's yardstick."""
    return _tokenizer().lcut(text)
