"""The per-user cache: compiled dictionaries (so that a command starts in a fraction of a second) and
mined articles (so that an unchanged article is not mined again).

Everything is keyed by content, never by a file's name or date: a key is a hash of the bytes that
made the entry (the article's text and metadata, the extractor's code and data files, a dictionary's
source). An entry is written to a temporary file and renamed into place, so a run killed at any
moment leaves only whole entries behind, never a torn one.

The cache lives in ``$REPORTMINER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportminer``, else
``~/.cache/reportminer``. Deleting it is always safe: it is rebuilt on demand.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import mmap
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent
_ARTICLE_FORMAT = "rows-1"  # what a cached article holds (change it when that changes)
_COMPILED_FORMAT = 2  # bump when the layout of a compiled entry changes
_MARSHAL_VERSION = 2  # (version 2 writes no back-references: reading 100,000 strings is 2-3x faster)


def cache_dir() -> Path:
    """The root of the per-user cache (not created here)."""
    explicit = os.environ.get("REPORTMINER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "reportminer"


def digest(parts: Iterable[bytes | str]) -> str:
    """A hex key for a sequence of parts (each part length-prefixed, so ("ab", "c") ≠ ("a", "bc"))."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def extractor_version() -> str:
    """A hash of every source and data file of the package: any change to the code or the language
    data gives a new version, so claims mined by an older extractor are never reused."""
    files = sorted(p for p in _PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix in {".py", ".csv", ".toml", ".txt"})
    return digest(part for p, h in zip(files, file_digests(files)) for part in (p.relative_to(_PACKAGE_DIR).as_posix(), h))


_DIGESTS_FILE = "file-digests.marshal"
_SETTLED_NS = 2_000_000_000  # a file changed this recently may change again within its clock's tick


@cache
def _known_digests() -> dict[str, tuple[tuple[int, ...], str]]:
    try:
        known = marshal.loads((cache_dir() / "compiled" / _DIGESTS_FILE).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return known if isinstance(known, dict) else {}


def file_digests(paths: Iterable[Path]) -> list[str]:
    """A hash of each file's bytes. A file's hash is remembered in the cache with its size, times, inode
    and device, so that an unchanged file (jieba's 5 MB dictionary, the package's own files) is not read
    and hashed again on every start; a change to any of these reads it again (as git's index does)."""
    known, now, found, changed = _known_digests(), time.time_ns(), [], False
    for path in paths:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        memo = known.get(str(path))
        if memo is not None and tuple(memo[0]) == stamp:
            found.append(memo[1])
            continue
        found.append(digest([path.read_bytes()]))
        if now - max(st.st_mtime_ns, st.st_ctime_ns) > _SETTLED_NS:
            known[str(path)], changed = (stamp, found[-1]), True
    if changed:
        try:
            write_atomically(cache_dir() / "compiled" / _DIGESTS_FILE, marshal.dumps(known, _MARSHAL_VERSION))
        except OSError:
            pass
    return found


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file in the same directory, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def compiled(name: str, sources: Iterable[bytes | str], build: Callable[[], Any]) -> Any:
    """``build()``'s result, marshalled once into the cache under a key made of ``sources`` (the bytes
    it is built from) and read back on later calls. ``build`` must return plain data (dicts, tuples,
    str, bytes, numbers) so that reading it back is a single fast ``marshal.loads``. A cache that
    cannot be written (read-only home) only costs the build on every start."""
    path = cache_dir() / "compiled" / f"{name}-{digest([str(_COMPILED_FORMAT), *sources])}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent or unreadable: build it again
    value = build()
    try:
        write_atomically(path, marshal.dumps(value, _MARSHAL_VERSION))
    except (OSError, ValueError):  # (ValueError: a value marshal cannot write, such as a TOML date)
        pass
    return value


def parsed_toml(text: str) -> Any:
    """``tomllib.loads(text)`` (a fresh copy on each call), kept in the cache under the text's hash:
    reading back the parsed tables is some ten times faster than parsing the TOML again."""
    import tomllib

    return compiled("toml", [text], lambda: tomllib.loads(text))


class Parts:
    """The parts of a compiled entry (see ``compiled_parts``), each read from the file only when asked
    for: a command that needs twenty of ten thousand parts reads twenty."""

    def __init__(self, index: dict[str, tuple[int, int]], data: Any, base: int = 0) -> None:
        self._index = index  # key → (offset, length) from ``base`` in ``data``
        self._data = data  # the file mapped into memory (or the bytes just built)
        self._base = base

    def get(self, key: str) -> bytes | None:
        where = self._index.get(key)
        return None if where is None else self._data[self._base + where[0]:self._base + where[0] + where[1]]

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self):
        return iter(self._index)


def _read_parts(path: Path) -> tuple[Any, Parts]:
    """An entry written by ``_write_parts``: its head, and its parts mapped, not read."""
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        head, index, length = marshal.loads(handle.read(size))
        if os.fstat(handle.fileno()).st_size != 8 + size + length:
            raise ValueError("a torn entry")
        try:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # (the map outlives the handle)
        except (OSError, ValueError):  # (a file system that cannot map files: read it whole)
            handle.seek(0)
            data = handle.read()
    return head, Parts(index, data, 8 + size)


def _layout(parts: dict[str, bytes]) -> tuple[dict[str, tuple[int, int]], int]:
    """Each part's (offset, length) when the parts are laid end to end, and their total length."""
    index, at = {}, 0
    for key, part in parts.items():
        index[key] = (at, len(part))
        at += len(part)
    return index, at


def _write_parts(path: Path, head: Any, parts: dict[str, bytes]) -> None:
    index, at = _layout(parts)
    header = marshal.dumps((head, index, at), _MARSHAL_VERSION)
    write_atomically(path, b"".join([len(header).to_bytes(8, "little"), header, *parts.values()]))


def compiled_parts(name: str, sources: Iterable[bytes | str],
                   build: Callable[[], tuple[Any, dict[str, bytes]]]) -> tuple[Any, Parts]:
    """Like ``compiled``, for an entry of many parts of which a run may need few: ``build()`` returns
    (head, {key: bytes}); the head is read at once, each part only when ``get`` asks for it."""
    path = cache_dir() / "compiled" / f"{name}-{digest([str(_COMPILED_FORMAT), *sources])}.parts"
    try:
        return _read_parts(path)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent or unreadable: build it again
    head, parts = build()
    try:
        _write_parts(path, head, parts)
    except OSError:
        pass
    return head, Parts(_layout(parts)[0], b"".join(parts.values()))


class ArticleCache:
    """Mined articles, one file per article, keyed by its text, its metadata and the extractor
    version. Entries are pickled lists of the article's rows of the table; the directory is sharded by key prefix so that
    tens of thousands of articles do not sit in one directory."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or cache_dir()) / "articles"

    def key(self, text: str, metadata: Iterable[str]) -> str:
        return digest([_ARTICLE_FORMAT, extractor_version(), text, *metadata])

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        try:
            return pickle.loads(self._path(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            return None  # a miss; an entry of an older layout is mined again

    def put(self, key: str, value: Any) -> None:
        try:
            write_atomically(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower


class _PatternStore:
    """Compiled ``regex`` patterns kept in the cache, so that a command does not parse its few hundred
    patterns again on every start (parsing is the ``regex`` module's pure-Python half: a quarter of
    a small command's time). A pattern is stored as ``regex`` itself pickles it (its compiled program,
    which unpickling hands straight to the C engine without parsing) and keyed by its source and flags;
    the file is keyed by the versions of ``regex`` and Python. New patterns are written once, when the
    process ends."""

    _LIMIT = 4096  # entries past this (patterns of older code) are dropped when the file is rewritten

    def __init__(self) -> None:
        import regex

        self.path = cache_dir() / "compiled" / f"regex-{digest([str(_COMPILED_FORMAT), regex.__version__, sys.version])}.marshal"
        self.stored = self.read(self.path)
        self.live: dict[tuple[str, int], Any] = {}  # (one object per pattern, as regex's own cache gives)
        self.added = False

    @staticmethod
    def read(path: Path) -> dict[tuple[str, int], bytes]:
        try:
            stored = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return stored if isinstance(stored, dict) else {}

    def get(self, source: str, flags: int) -> Any:
        key = (source, int(flags))  # (a RegexFlag is an int subclass, which marshal does not write)
        if key in self.live:
            return self.live[key]
        if len(self.live) >= self._LIMIT:  # (patterns made from a text's words would grow without end)
            import regex

            return regex.compile(source, flags)
        data = self.stored.get(key)
        try:
            pattern = pickle.loads(data) if data is not None else None
        except Exception:  # noqa: BLE001  (a damaged entry: compiled again below)
            pattern = None
        if pattern is None:
            import regex

            pattern = regex.compile(source, flags)  # (raises regex.error as it always did; nothing stored)
            self.stored[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
            self._save_at_exit()
        self.live[key] = pattern
        return pattern

    def _save_at_exit(self) -> None:
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        kept = {k: self.stored[k] for k in self.live}
        if len(self.stored) <= self._LIMIT:  # (and what another process stored meanwhile)
            kept = {**self.stored, **_PatternStore.read(self.path), **kept}
        try:
            write_atomically(self.path, marshal.dumps(kept, _MARSHAL_VERSION))
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs the parsing on the next start


@cache
def _pattern_store() -> _PatternStore:
    return _PatternStore()


def pattern(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)``, read from the per-user cache after the first run."""
    return _pattern_store().get(source, flags)
