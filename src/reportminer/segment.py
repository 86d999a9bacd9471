"""jieba, wrapped once: one Tokenizer with the package's user dictionary, and word tags looked up in
jieba's own dictionary (never its slow HMM part-of-speech tagger).

Only the sentences that hold a claim are segmented, each at most once per run.
"""

from __future__ import annotations

import bisect
import logging
import marshal
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import accumulate, repeat
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from . import regexcache as regex

from .cache import Parts, compiled_parts, file_digests
from .lexicon import data_path


class Token(NamedTuple):
    """A word as jieba cut it. (A named tuple, not a frozen dataclass: tens of thousands are made per
    article, and a tuple is made several times faster, still immutable and hashable.)"""

    text: str
    start: int  # offset in the segmented string
    end: int
    tag: str  # jieba dictionary tag ("n", "v", "ns" …) or "" when jieba does not know the word


def _import_jieba():
    """``import jieba`` without ``pkg_resources``: jieba imports it only to open its own data files
    (and falls back to opening them by path), and importing it costs more than everything else a
    small command does."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # (import raises ImportError)
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _jieba_sources() -> list[bytes | str]:
    """What the compiled dictionary is built from: jieba's version and dictionary, our user dictionary."""
    jieba = _import_jieba()  # (before resources.files, which would import it with pkg_resources)
    files = [resources.files("jieba").joinpath("dict.txt"), data_path("userdict.txt")]
    if all(isinstance(f, Path) for f in files):  # (installed as files: their hashes are remembered)
        return [jieba.__version__, *file_digests(files)]
    return [jieba.__version__, *(f.read_bytes() for f in files)]


def _build_shards() -> tuple[int, dict[str, bytes]]:
    """jieba's prefix dictionary with our user dictionary, and every word's tag, split by first
    character: (total frequency, {character: marshalled (frequencies, tags) of the entries it begins})."""
    from .cache import cache_dir

    jieba = _import_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())  # jieba's own cache next to ours, not in /tmp
    cache_dir().mkdir(parents=True, exist_ok=True)
    tokenizer.initialize()
    with data_path("userdict.txt").open("rb") as userdict:
        tokenizer.load_userdict(userdict)
    tags: dict[str, str] = {}
    with tokenizer.get_dict_file() as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    for line in data_path("userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    by_first: dict[str, tuple[dict[str, int], dict[str, str]]] = {}
    for word, freq in tokenizer.FREQ.items():
        by_first.setdefault(word[0], ({}, {}))[0][word] = freq
    for word, tag in tags.items():
        by_first.setdefault(word[0], ({}, {}))[1][word] = tag
    return tokenizer.total, {first: marshal.dumps(part, 2) for first, part in by_first.items()}


class _Dictionary:
    """jieba's dictionary, loaded one first character at a time: a text of a hundred characters
    loads the entries of its own characters only, not all 500,000. jieba reads it as a plain dict
    (only substrings of the text it cuts are ever looked up), so cutting costs what it always did."""

    def __init__(self, total: int, shards: Parts) -> None:
        self.total = total
        self.freq: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self._shards = shards
        self._seen: set[str] = set()
        self._loaded = 0  # shards loaded; when all are, nothing is left to look at
        self.complete = not shards

    def cover(self, text: str) -> None:
        """Load the entries of every character of ``text`` not loaded yet."""
        if self.complete:
            return  # (after warm_up, or once every shard is in: the common case in a long run)
        new = set(text) - self._seen
        if not new:
            return
        self._seen |= new
        for first in new:
            shard = self._shards.get(first)
            if shard is not None:
                freq, tags = marshal.loads(shard)
                self.freq.update(freq)
                self.tags.update(tags)
                self._loaded += 1
        self.complete = self._loaded == len(self._shards)


@cache
def _dictionary() -> _Dictionary:
    total, shards = compiled_parts("jieba-dictionary", _jieba_sources(), _build_shards)  # (shards read as needed)
    return _Dictionary(total, shards)


@cache
def _tokenizer():
    """One jieba Tokenizer reading the compiled dictionary (never jieba's own loading)."""
    dictionary = _dictionary()
    tokenizer = _import_jieba().Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dictionary.freq, dictionary.total, True
    return tokenizer


def _tags() -> dict[str, str]:
    return _dictionary().tags


def warm_up() -> None:
    """Load the whole dictionary now (so that a benchmark or a worker process does not time the
    loading)."""
    dictionary = _dictionary()
    dictionary.cover("".join(dictionary._shards))
    _tokenizer()


@lru_cache(maxsize=4096)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """jieba's tokens of ``text`` with their tags; ``offset`` is added to every position (for a
    slice of a longer text)."""
    _dictionary().cover(text)
    words = list(_tokenizer().cut(text, HMM=False))  # (jieba's words cover the text, in order)
    bounds = list(accumulate(map(len, words), initial=offset))
    # (each token made from its columns by tuple.__new__, in C: no Python call per word)
    return tuple(map(_new_token, zip(words, bounds, bounds[1:], map(_tags().get, words, repeat("")))))


_new_token = partial(tuple.__new__, Token)  # Token._make without its length check (four columns, always)


def plain_cut(text: str) -> list[str]:
    """Bare ``lcut`` with the same tokenizer: the benchmark's yardstick."""
    _dictionary().cover(text)
    return _tokenizer().lcut(text)


@dataclass(frozen=True)
class Tokens:
    """Tokens in text order with their starts and ends indexed, so that finding the tokens around a
    position costs a binary search, not a scan (a long sentence may hold thousands of numbers)."""

    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, tokens) -> Tokens:
        tokens = tuple(tokens)
        if not tokens:
            return cls((), (), ())
        _, starts, ends, _ = zip(*tokens)  # (the columns of the named tuples, in one pass in C)
        return cls(tokens, starts, ends)

    def overlapping(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that overlap [start, end)."""
        return self.tokens[bisect.bisect_right(self.ends, start) : bisect.bisect_left(self.starts, end)]

    def ends_at(self, pos: int) -> bool:
        i = bisect.bisect_left(self.ends, pos)
        return i < len(self.ends) and self.ends[i] == pos

    def covering(self, pos: int) -> Token | None:
        """The token that has ``pos`` strictly inside it, if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.tokens[i].start < pos < self.tokens[i].end:
            return self.tokens[i]
        return None


NO_TOKENS = Tokens((), (), ())


def tokenize_windows(text: str, windows: list[tuple[int, int]]) -> Tokens:
    """Tokens of the parts of ``text`` that need them (the clauses that hold a claim), with offsets
    into ``text``. Overlapping or touching windows are merged; the rest of the text is never
    segmented, which keeps the pipeline faster than one jieba pass over the whole article."""
    if not windows:
        return NO_TOKENS  # (most sentences hold no claim)
    merged: list[list[int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    tokens: list[Token] = []
    for start, end in merged:
        tokens.extend(tokenize(text[start:end], start))
    return Tokens.of(tokens)


def is_word_at(text: str, pos: int, word: str) -> bool:
    """True when jieba reads ``word`` at ``pos`` as a word of its own (要 in 要加快, not in 主要)."""
    lo, hi = max(0, pos - 3), min(len(text), pos + len(word) + 3)
    return any(t.start + lo == pos and t.text == word for t in tokenize(text[lo:hi]))


CLAUSE_BREAKS = frozenset("，；。：！？,;:!?（）()【】")  # (【焦点新闻】: a label, no part of a clause)
# One character class for all breaks: a single (reverse) regex search is faster than a find per character.
# (the forward search with the standard re module, faster for one class; only regex searches backwards)
_NEXT_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_LAST_BREAK = regex.compile("(?r)[" + regex.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


# How far a clause reaches at most: a "clause" longer than this (a page with no punctuation) is cut,
# so that every look around a number costs a bounded number of steps.
CLAUSE_REACH = 160


_NOTE = 16  # a parenthesis this short is a note inside a clause (中欧（亚）班列, 西式早点(如汉堡、三明治)涨8.34%)
_NAME_PART = 5  # (as short as 中欧（亚）班列: part of a name, whatever it holds)
_DIGIT = regex.compile("[0-9]")


@lru_cache(maxsize=1024)  # (each claim's clause is looked for by several stages)
def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last break, at most CLAUSE_REACH back);
    a short parenthesis inside a name does not break it (中欧（亚）班列)."""
    stop = max(0, pos - CLAUSE_REACH)
    while True:
        found = _LAST_BREAK.search(text, stop, pos)
        if found is None:
            return stop
        cut = found.start()
        if text[cut] in "）)":
            opening = max(text.rfind("（", max(stop, cut - _NOTE), cut), text.rfind("(", max(stop, cut - _NOTE), cut))
            if opening >= 0 and (cut - opening <= _NAME_PART or not _DIGIT.search(text, opening, cut)):
                # (a note holds no number: 不过夜旅客(1,653,866人次)及… is a figure of its own)
                pos = opening
                continue
        return cut + 1


@lru_cache(maxsize=1024)
def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (at the next break, at most CLAUSE_REACH on)."""
    stop = min(len(text), pos + CLAUSE_REACH)
    while True:
        found = _NEXT_BREAK.search(text, pos, stop)
        if found is None:
            return stop
        cut = found.start()
        if text[cut] in "（(":
            closing = max(text.find("）", cut + 1, min(stop, cut + 6)), text.find(")", cut + 1, min(stop, cut + 6)))
            if closing >= 0:
                pos = closing + 1
                continue
        return cut

