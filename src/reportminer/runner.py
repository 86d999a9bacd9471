"""Mining many articles: incremental (a cache of mined articles), parallel (a process pool, or Dask
distributed across machines), streaming (memory flat in the corpus's size) and observable (a progress
bar on a terminal, one summary line at the end).

The per-article step, :func:`mine_document`, is a pure function of the article's text and metadata;
everything else here only decides where it runs and whether it needs to run at all. Results are
written in the manifest's order whatever order the workers finish in, so the table is the same for
every ``--jobs`` and engine.
"""

from __future__ import annotations

import gc

import csv
import operator
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from .cache import ArticleCache
from .corpus import Entry, load_document
from .outputs import output_format, place_file, staging_file, write_table
from .reader import ArticleError
from .table import COLUMNS, claim_rows
from .types import Document

Row = tuple  # one row of the table: plain values (str, int, float, None) in the order of COLUMNS

ENGINES = ("local", "dask")
# Workers fork from a parent that has loaded everything (Linux); elsewhere fork is unsafe or absent
# (macOS, Windows) and they are spawned, each loading the engine once.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
PARQUET_PART_ROWS = 100_000  # rows per Parquet part: a part is one bounded piece of memory


@dataclass(frozen=True)
class Options:
    jobs: int = 0  # 0: every core
    force: bool = False  # mine every article again, ignoring (but refreshing) the cache
    use_cache: bool = True
    engine: str = "local"
    scheduler: str = ""  # a Dask scheduler's address; empty: a LocalCluster on this machine
    progress: bool | None = None  # None: a bar when stderr is a terminal
    cache_root: Path | None = None  # default: the per-user cache (see reportminer.cache)


@dataclass
class Outcome:
    """One article's result: its rows of the table, or the one-line reason it failed."""

    entry: Entry
    rows: list[Row] = field(default_factory=list)
    error: str = ""
    warning: str = ""
    cached: bool = False


@dataclass
class Summary:
    articles: int = 0
    claims: int = 0
    cache_hits: int = 0
    failures: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.articles} articles, {self.claims} claims, {self.seconds:.1f} s, "
                f"{self.cache_hits} from cache, {self.failures} failed")


def cores() -> int:
    """The cores this process may use (a container's or taskset's limit, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # (not on Linux)
        return max(1, os.cpu_count() or 1)


_in_column_order = operator.itemgetter(*COLUMNS)  # a row's values as a tuple, in one call


def mine_document(document: Document) -> tuple[list[Row], str]:
    """The per-article step: (the article's rows of the table, "") or ([], the reason it failed).
    Rows are tuples of plain values in the table's column order: cheap to send back from a worker
    and to read back from the cache. Never raises, so that one article that trips a bug is reported
    while the others still land."""
    from .pipeline import extract_claims

    try:
        return [_in_column_order(row) for row in claim_rows(extract_claims(document), [document])], ""
    except Exception as exc:  # a bug on one article must not lose the rest of the corpus
        return [], f"{document.doc_id}: internal error while mining ({type(exc).__name__}: {exc})"


def _preload() -> None:
    """Import the engine, load jieba's compiled dictionary and CC-CEDICT, and mine one sentence (which
    compiles the patterns built on first use). Done once in the parent before the workers fork, so
    that every worker starts ready and none pays for it again; where workers are spawned instead,
    each does it once when it starts."""
    from . import gloss, segment
    from .pipeline import extract_claims

    segment.warm_up()  # the whole dictionary: workers share it instead of each loading its parts
    gloss._cedict()
    extract_claims(Document(doc_id="warm-up", text="2024年全市地区生产总值增长6%，新建学校4所。", published="2024-01"))


class _Done:
    """A result that is already there (a cache hit, a read error, or mined in this process)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


class _Future(Protocol):
    def done(self) -> bool: ...
    def result(self) -> Any: ...


class RunnerError(Exception):
    """The run cannot start (an engine that is not installed, a scheduler that does not answer)."""


class _Inline:
    """``--jobs 1``: mine in this process, one article at a time."""

    def submit(self, fn, argument) -> _Future:
        return _Done(fn(argument))

    def close(self) -> None:
        pass


class _Pool:
    """A pool of worker processes, started on the first article that needs mining (a warm re-run
    starts none). Workers fork where the platform allows it (no re-import), else spawn."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = None

    def submit(self, fn, argument) -> _Future:
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            fork = START_METHOD == "fork"
            if fork:
                _preload()
                gc.freeze()  # (the dictionaries stay shared: no collection in a worker touches their pages)
            self._executor = ProcessPoolExecutor(self.workers, initializer=None if fork else _preload,
                                                 mp_context=multiprocessing.get_context(START_METHOD))
        return self._executor.submit(fn, argument)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)


class _Dask:
    """Dask distributed: the scheduler at ``address``, or a LocalCluster of ``workers`` processes."""

    def __init__(self, workers: int, address: str) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RunnerError("the dask engine needs the dask extra: pip install 'reportminer[dask]'") from None
        self._cluster = None
        try:
            if address:
                self._client = Client(address, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise RunnerError(f"cannot reach the Dask scheduler {address or '(local)'}: {exc}") from None

    def submit(self, fn, argument) -> _Future:
        return self._client.submit(fn, argument, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _engine(options: Options, workers: int):
    if options.engine == "dask":
        return _Dask(workers, options.scheduler)
    if options.engine != "local":
        raise RunnerError(f"unknown engine {options.engine!r} (choose from {', '.join(ENGINES)})")
    return _Inline() if workers <= 1 else _Pool(workers)


def _metadata(document: Document) -> list[str]:
    return [document.doc_id, document.lang, document.published, document.title, document.source, document.region]


@dataclass
class _Pending:
    entry: Entry
    future: _Future
    key: str = ""
    cached: bool = False
    empty: bool = False


def _start(entry: Entry, engine, cache: ArticleCache | None, force: bool) -> _Pending:
    """Read an article and either find its claims in the cache or send it to be mined."""
    try:
        document = load_document(entry)
    except ArticleError as exc:
        return _Pending(entry, _Done(([], str(exc))))
    if not document.text.strip():
        return _Pending(entry, _Done(([], "")), empty=True)
    key = cache.key(document.text, _metadata(document)) if cache else ""
    if cache and not force:
        hit = cache.get(key)
        if hit is not None:
            return _Pending(entry, _Done((hit, "")), key, cached=True)
    return _Pending(entry, engine.submit(mine_document, document), key)


def _finish(pending: _Pending, cache: ArticleCache | None) -> Outcome:
    try:
        rows, error = pending.future.result()
    except Exception as exc:  # a worker that died (killed, out of memory): this article fails, not the run
        rows, error = [], f"{pending.entry.path}: worker failed ({type(exc).__name__}: {exc})"
    if error:
        return Outcome(pending.entry, error=error)
    if cache and pending.key and not pending.cached:
        cache.put(pending.key, rows)  # one whole file per article: a killed run keeps what it finished
    warning = "" if rows else (f"{pending.entry.path}: empty article, no claims" if pending.empty
                                 else f"{pending.entry.path}: no numeric claims found")
    return Outcome(pending.entry, rows, warning=warning, cached=pending.cached)


def outcomes(entries: list[Entry], options: Options = Options()) -> Iterator[Outcome]:
    """Every entry's outcome, in the entries' order. Articles are read one by one as the workers
    need them and at most a few per worker are held at a time, so memory does not grow with the
    corpus."""
    cache = ArticleCache(options.cache_root) if options.use_cache else None
    workers = max(1, min(options.jobs or cores(), len(entries)))
    engine = _engine(options, workers)
    window: deque[_Pending] = deque()
    try:
        for entry in entries:
            window.append(_start(entry, engine, cache, options.force))
            while window and (len(window) > 4 * workers or window[0].future.done()):
                yield _finish(window.popleft(), cache)
        while window:
            yield _finish(window.popleft(), cache)
    finally:
        engine.close()




class _Parquet:
    """The table as a directory of Parquet parts of at most PARQUET_PART_ROWS rows each."""

    def __init__(self, directory: Path) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise RunnerError("--parquet needs pyarrow: pip install 'reportminer[parquet]'") from None
        self.directory = directory
        self.staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
        self.rows: list[Row] = []
        self.parts = 0

    def add(self, rows: Iterable[Row]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= PARQUET_PART_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows and self.parts:
            return
        from .table import rows_to_frame

        rows_to_frame(self.rows).to_parquet(self.staging / f"part-{self.parts:05d}.parquet", index=False)
        self.rows, self.parts = [], self.parts + 1

    def commit(self) -> None:
        import shutil

        self.flush()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        os.replace(self.staging, self.directory)

    def abort(self) -> None:
        import shutil

        shutil.rmtree(self.staging, ignore_errors=True)


class _Table:
    """A CSV table streamed row by row (to a staging file put in place at the end, so a failed run
    never leaves half a table; or to stdout), or a table in another format collected and written at the
    end (Parquet, Excel, JSON Lines); and optionally the Parquet parts beside it."""

    def __init__(self, out: Path | None, *, fmt: str, bom: bool, parquet: Path | None = None) -> None:
        self.out, self.fmt, self.tmp = out, output_format(out, fmt), None
        self.rows: list[Row] = []
        self.handle: IO[str] | None = None
        if self.fmt == "csv":
            if out is None:
                self.handle = sys.stdout
            else:
                fd, self.tmp = staging_file(out)
                self.handle = os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")
            self.writer = csv.writer(self.handle, lineterminator="\n")
            self.writer.writerow(COLUMNS)
        self.parquet = _Parquet(parquet) if parquet else None

    def add(self, rows: list[Row]) -> None:
        if self.handle is not None:
            # (the csv module writes a cell as pandas does, so the table is byte for byte what
            # DataFrame.to_csv gave: empty for None, the shortest round-trip repr for a float)
            self.writer.writerows(rows)
        else:
            self.rows.extend(rows)
        if self.parquet:
            self.parquet.add(rows)

    def commit(self) -> None:
        if self.handle is sys.stdout:
            self.handle.flush()
        elif self.handle is not None:
            self.handle.close()
            place_file(self.tmp, self.out)
        else:
            from .table import rows_to_frame

            write_table(rows_to_frame(self.rows), self.out, self.fmt)
        if self.parquet:
            self.parquet.commit()

    def abort(self) -> None:
        if self.handle is not None and self.handle is not sys.stdout:
            self.handle.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
        if self.parquet:
            self.parquet.abort()


def _progress_bar(total: int, wanted: bool | None):
    """A tqdm bar on stderr when it is a terminal (or when asked), else None: piped output stays quiet."""
    if not (wanted if wanted is not None else sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False)


def _say(bar, level: str, message: str) -> None:
    line = f"reportminer: {level}: {message}"
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def mine_to_table(entries: list[Entry], options: Options, out: Path | None, *, fmt: str = "", bom: bool = True,
                  parquet: Path | None = None) -> Summary:
    """Mine ``entries`` into a CSV at ``out`` (stdout when None) and optionally Parquet parts; report
    each failure and warning as one line on stderr; return the run's summary."""
    started = time.perf_counter()
    summary = Summary()
    bar = _progress_bar(len(entries), options.progress)
    table = _Table(out, fmt=fmt, bom=bom, parquet=parquet)
    try:
        for outcome in outcomes(entries, options):
            summary.articles += 1
            summary.cache_hits += outcome.cached
            if outcome.error:
                summary.failures += 1
                _say(bar, "error", outcome.error)
            elif outcome.warning:
                _say(bar, "warning", outcome.warning)
            summary.claims += len(outcome.rows)
            table.add(outcome.rows)
            if bar is not None:
                bar.update(1)
        table.commit()
    except BaseException:
        table.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    return summary
