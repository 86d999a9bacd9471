"""Speed of reportminer on a corpus of at least 5 MB of report text, in one run:

    python scripts/benchmark.py [--copies 16] [--repeat 1]   # the figures of docs/performance.md
    python scripts/benchmark.py --docs mainland              # only the seven mainland government work reports
    python scripts/benchmark.py --docs beijing,shanghai --lang zh   # articles whose doc_id starts so, in Chinese
    python scripts/benchmark.py --adversarial                # hostile inputs against the corpus, chars/s

It prints
- jieba: bare ``jieba.lcut`` over the same articles (our tokenizer, dictionary loaded beforehand);
- single process: the whole pipeline in this process, articles read and the table written, the
  dictionaries loaded beforehand as for jieba; the ratio to jieba is the figure of merit (1.0: mining
  costs what segmenting alone costs);
- the ``reportminer run`` command itself, timed from outside with its peak memory: ``--jobs 1``,
  ``--jobs 2``, a warm re-run (every article from the cache), and start-up on a small file (a new
  file, so it is mined; and the same file again, from the cache);
- how the cost grows with the text: the single-process figure on 1x, 4x and 16x the shipped corpus.

The benchmark corpus is the shipped corpus (or the articles ``--docs``/``--lang`` choose from it) repeated
``--copies`` times.
Copy n > 0 has every ASCII digit turned by n (3 → 3+n mod 10), so that no copy repeats another's
numbers and no cache of clauses or glosses serves one copy from another; the words are the reports'
own. Within-run caches are cleared before every timed pass.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportminer import numberscan, runner, segment, timeframe  # noqa: E402
from reportminer.cache import cache_dir  # noqa: E402
from reportminer.corpus import load_document, read_manifest  # noqa: E402
from reportminer.gloss import _compose as gloss_compose  # noqa: E402
from reportminer.gloss import gloss, gloss_of_figure, gloss_with_origin  # noqa: E402
from reportminer.indicators import load_catalogue  # noqa: E402
from reportminer.pipeline import extract_claims  # noqa: E402


def _clear_caches() -> None:
    """Empty the in-process memo caches, so that each pass pays for its work: jieba's tokens, parsed
    numerals, glosses (and the compositions they are built from), the indicators each metric names."""
    for cached in (segment.tokenize, segment.clause_start, segment.clause_end, gloss, gloss_with_origin, gloss_compose,
                   gloss_of_figure, numberscan._parse, timeframe._matches):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
    load_catalogue().memo.clear()
    load_catalogue().matches.clear()


def _best(fn, repeat: int) -> float:
    return _best_both(fn, repeat)[0]


def _best_both(fn, repeat: int) -> tuple[float, float]:
    """(best wall seconds, best CPU seconds of this process) over ``repeat`` passes. On a shared
    machine the CPU time is the steadier figure: other processes' load does not count in it."""
    walls, cpus = [], []
    for _ in range(repeat):
        _clear_caches()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


# the seven mainland government work reports of the shipped corpus, the corpus of the earlier figures
MAINLAND = ("anhui-2026", "beijing-2026", "fujian-2026", "jiangsu-2026", "jinan-shizhong-2024", "shanghai-2026",
            "zhejiang-2026")


def chosen_entries(docs: str = "", lang: str = "") -> list:
    """The shipped corpus's manifest entries the options choose: ``docs`` a comma-separated list of
    doc_id prefixes (``mainland``: the seven mainland reports), ``lang`` a language; empty: all."""
    prefixes = tuple(p.strip() for p in docs.split(",") if p.strip())
    prefixes = tuple(MAINLAND if p == "mainland" else (p,) for p in prefixes)
    flat = tuple(p for group in prefixes for p in group)
    entries = [e for e in read_manifest(ROOT / "corpus")
               if (not flat or e.doc_id.startswith(flat)) and (not lang or e.lang == lang)]
    if not entries:
        raise SystemExit(f"benchmark: no article of the shipped corpus matches --docs {docs!r} --lang {lang!r}")
    return entries


def build_corpus(directory: Path, copies: int, entries: list | None = None) -> Path:
    """The shipped corpus (or ``entries`` of it) ``copies`` times over, digits turned per copy (see the
    module's doc)."""
    articles = directory / "articles"
    articles.mkdir(parents=True)
    lines = ["doc_id,file,title,published,source,lang"]
    for n in range(copies):
        turn = str.maketrans("0123456789", "".join(str((d + n) % 10) for d in range(10)))
        for entry in entries if entries is not None else read_manifest(ROOT / "corpus"):
            doc_id = f"{entry.doc_id}-{n:02d}"
            (articles / f"{doc_id}.txt").write_text(load_document(entry).text.translate(turn), encoding="utf-8")
            lines.append(f"{doc_id},articles/{doc_id}.txt,,{entry.published},,{entry.lang}")
    (directory / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _command(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB of the largest process: the command or one of its
    workers), measured by GNU time, whose child is forked from a small process (this one's own peak
    would otherwise be counted in); NaN for CPU and memory where GNU time is not installed."""
    timer = shutil.which("time", path="/usr/bin:/bin")
    with tempfile.NamedTemporaryFile(mode="r", suffix=".txt") as usage:
        prefix = [timer, "-f", "%U %S %M", "-o", usage.name] if timer else []
        start = time.perf_counter()
        result = subprocess.run([*prefix, sys.executable, "-m", "reportminer", *args], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"benchmark: reportminer {' '.join(args)} failed: {result.stderr[-500:]}")
        user, system, peak_kb = map(float, usage.read().split()[-3:]) if timer else (math.nan,) * 3
    return seconds, user + system, peak_kb / 1024


def _in_process(corpus: Path, repeat: int) -> tuple[int, int, tuple[float, float], tuple[float, float]]:
    """(characters, claims, jieba (wall, CPU) seconds, single-process pipeline (wall, CPU) seconds),
    each the best of ``repeat`` passes, jieba's and ours taken in turns so that a change in the
    machine's load falls on both."""
    entries = read_manifest(corpus)
    documents = [load_document(e) for e in entries]
    chars = sum(len(d.text) for d in documents)
    options = runner.Options(jobs=1, use_cache=False, progress=False)
    jieba_runs, mine_runs = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeat):
            jieba_runs.append(_best_both(lambda: [segment.plain_cut(d.text) for d in documents], 1))
            mine_runs.append(_best_both(lambda: runner.mine_to_table(entries, options, Path(out) / "facts.csv"), 1))
        claims = sum(1 for _ in open(Path(out) / "facts.csv", encoding="utf-8-sig")) - 1
    _in_process.medians = (_median(jieba_runs), _median(mine_runs))  # (printed beside the best by main)
    return chars, claims, _best_of(jieba_runs), _best_of(mine_runs)


def _best_of(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs)


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=16, help="copies of the shipped corpus (16: 5.8 MB)")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes of the in-process figures (best, and the median when more than one)")
    parser.add_argument("--docs", default="", help="comma-separated doc_id prefixes of the shipped corpus to use "
                        "('mainland': the seven mainland reports); default: every article")
    parser.add_argument("--lang", default="", help="only the shipped articles in this language (zh, en)")
    parser.add_argument("--adversarial", action="store_true",
                        help="time hostile inputs (digits, magnitudes, approximations, one 10 MB line)")
    args = parser.parse_args()
    if args.adversarial:
        adversarial(max(args.repeat, 3))
        return
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores "
          f"({runner.cores()} usable), load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")
    segment.warm_up()  # dictionaries loaded beforehand, for jieba and for us alike
    extract_claims(load_document(read_manifest(ROOT / "corpus")[0]))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        entries = chosen_entries(args.docs, args.lang)
        corpus = build_corpus(tmp / "corpus", args.copies, entries)
        size = sum(p.stat().st_size for p in (corpus / "articles").iterdir())
        chars, claims, jieba_s, mine_s = _in_process(corpus, args.repeat)
        chosen = f" ({args.docs or 'all'}, {args.lang or 'every language'})" if args.docs or args.lang else ""
        print(f"corpus: {args.copies} x the shipped corpus{chosen} = {len(read_manifest(corpus))} articles, "
              f"{size / 1e6:.1f} MB, {chars} characters, {claims} claims")
        print(f"jieba.lcut             {jieba_s[0]:7.2f} s  {chars / jieba_s[0]:9.0f} chars/s  (CPU {jieba_s[1]:.2f} s)")
        print(f"single process         {mine_s[0]:7.2f} s  {chars / mine_s[0]:9.0f} chars/s  (CPU {mine_s[1]:.2f} s)"
              f"  {jieba_s[0] / mine_s[0]:.2f}x jieba by wall time, {jieba_s[1] / mine_s[1]:.2f}x by CPU time")
        if args.repeat > 1:
            (jieba_wall, jieba_cpu), (mine_wall, mine_cpu) = _in_process.medians
            print(f"  median of {args.repeat} passes: jieba {jieba_wall:.2f} s (CPU {jieba_cpu:.2f} s), single process "
                  f"{mine_wall:.2f} s (CPU {mine_cpu:.2f} s): {jieba_wall / mine_wall:.2f}x by wall time, "
                  f"{jieba_cpu / mine_cpu:.2f}x by CPU time")
        peak = _commands(tmp, corpus, chars)
        _scaling(tmp, corpus, args.copies, (chars, mine_s[1]), peak, entries)


def _env(tmp: Path) -> dict[str, str]:
    return dict(os.environ, REPORTMINER_CACHE_DIR=str(tmp / "cache"))


def _commands(tmp: Path, corpus: Path, chars: int) -> float:
    """The command's figures; returns the peak memory of ``run --jobs 1``."""
    env = _env(tmp)
    shutil.copytree(cache_dir() / "compiled", tmp / "cache" / "compiled")  # (compiled once, as after a first run)
    out = ["--corpus", str(corpus), "--out", str(tmp / "out")]
    one, one_cpu, one_mb = _command(["run", *out, "--jobs", "1"], env)
    two, two_cpu, two_mb = _command(["run", *out, "--jobs", "2", "--force"], env)
    warm, warm_cpu, warm_mb = _command(["run", *out], env)
    print(f"run --jobs 1           {one:7.2f} s  {chars / one:9.0f} chars/s  (CPU {one_cpu:.2f} s)  peak {one_mb:4.0f} MB")
    print(f"run --jobs 2 --force   {two:7.2f} s  {chars / two:9.0f} chars/s  (CPU {two_cpu:.2f} s)  peak {two_mb:4.0f} MB"
          f"  {one / two:.2f}x --jobs 1 by wall time")
    print(_parallel_estimate(corpus))
    print(f"run, warm re-run       {warm:7.2f} s  (CPU {warm_cpu:.2f} s, every article from the cache)  peak {warm_mb:4.0f} MB")
    small = tmp / "small.txt"
    small.write_text("2025年，全市地区生产总值增长5.2%，新增城镇就业12.3万人。", encoding="utf-8")
    fresh, fresh_cpu, fresh_mb = _command(["extract", str(small)], env)
    cached, cached_cpu, _ = _command(["extract", str(small)], env)
    print(f"start-up, small file   {fresh:7.2f} s  (CPU {fresh_cpu:.2f} s; a new file: mined)  peak {fresh_mb:4.0f} MB;"
          f"  {cached:.2f} s (CPU {cached_cpu:.2f} s; the same file again: from the cache)")
    if sys.dont_write_bytecode:
        print(_with_bytecode(tmp, env, small))
    return one_mb


def _with_bytecode(tmp: Path, env: dict[str, str], small: Path) -> str:
    """Where this environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE), every command above
    compiled the package's modules from source. An installed package has its bytecode (pip writes it, or
    Python on the first run): the start-up figures as they are after that first run, bytecode kept in a
    temporary directory."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": str(tmp / "pyc")}
    _command(["extract", "--force", str(small)], env)  # (the first run: writes the bytecode)
    fresh, fresh_cpu, _ = _command(["extract", "--force", str(small)], env)
    cached, cached_cpu, _ = _command(["extract", str(small)], env)
    return (f"  with bytecode written  {fresh:5.2f} s  (CPU {fresh_cpu:.2f} s; mined: --force)"
            f";  {cached:.2f} s (CPU {cached_cpu:.2f} s; from the cache)  [PYTHONDONTWRITEBYTECODE is set here]")


def _parallel_estimate(corpus: Path) -> str:
    """On a shared machine the wall time of --jobs 2 says little (Linux autogroup scheduling gives a
    session one share of the CPU however many processes it runs). This measures instead where the
    CPU of a --jobs 2 run goes: the parent (reading, hashing, writing) and the workers (mining). With
    two free cores the run cannot take less than the larger of the parent's CPU and half the
    workers'; their ratio to the --jobs 1 CPU is the speed-up the structure allows."""
    entries = read_manifest(corpus)
    with tempfile.TemporaryDirectory() as out:
        options = runner.Options(jobs=1, use_cache=False, progress=False)
        _clear_caches()
        cpu = time.process_time()
        runner.mine_to_table(entries, options, Path(out) / "facts.csv")
        one = time.process_time() - cpu
        _clear_caches()  # (forked workers would inherit them)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time()
        runner.mine_to_table(entries, runner.Options(jobs=2, use_cache=False, progress=False), Path(out) / "f2.csv")
        parent = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    bound = max(parent, workers / 2)
    return (f"--jobs 2 by CPU          parent {parent:.2f} s + workers {workers:.2f} s (--jobs 1: {one:.2f} s): "
            f"on two free cores at best {bound:.2f} s, {one / bound:.2f}x --jobs 1")


def _scaling(tmp: Path, corpus: Path, copies: int, whole: tuple[int, float], whole_peak: float,
             entries: list) -> None:
    print("cost as the text grows (single process, CPU seconds):")
    for factor in (1, 4, 16):
        if factor > copies:
            break
        if factor == copies:
            chars, seconds = whole  # (the single-process figure above)
        else:
            chars, _, _, (_, seconds) = _in_process(build_corpus(tmp / f"scale-{factor}", factor, entries), 1)
        print(f"  {factor:2d}x  {chars:9d} characters  {seconds:7.2f} s  {seconds / chars * 1e6:6.2f} s per million")
    one_copy = tmp / "scale-1" if copies > 1 else corpus
    _, _, small_peak = _command(["run", "--corpus", str(one_copy), "--out", str(tmp / "out-1"), "--jobs", "1",
                                 "--force"], _env(tmp))
    print(f"peak memory of run --jobs 1: {small_peak:.0f} MB at 1x, {whole_peak:.0f} MB at {copies}x")


def _hostile_inputs(corpus_text: str) -> dict[str, str]:
    one_line = corpus_text.replace("\n", "")
    return {
        "100,000 digits": "1" * 100_000,
        "100,000 x 万": "万" * 100_000,
        "numerals run": "一二三四五六七八九十百千万亿" * 10_000,
        "repeated approximations": ("约" * 50 + "1" + "余" * 50 + "万元，") * 1_000,
        "quotes never closed": ("“" + "新增项目3个，") * 10_000,
        "10 MB on one line": one_line * (10_000_000 // len(one_line.encode("utf-8")) + 1),
    }


def adversarial(repeat: int) -> None:
    from reportminer.types import Document

    documents = [load_document(e) for e in read_manifest(ROOT / "corpus")]
    segment.warm_up()
    extract_claims(documents[0])
    chars = sum(len(d.text) for d in documents)
    normal = _best(lambda: [extract_claims(d) for d in documents], repeat)
    normal_rate = chars / normal
    print(f"{'input':26} {'chars':>10} {'seconds':>8} {'chars/s':>10} {'vs corpus':>9}")
    print(f"{'the corpus (normal text)':26} {chars:>10} {normal:8.3f} {normal_rate:10.0f} {1:9.2f}")
    for name, text in _hostile_inputs("".join(d.text for d in documents)).items():
        document = Document(doc_id="hostile", text=text)
        seconds = _best(lambda document=document: extract_claims(document), 1 if len(text) > 1_000_000 else repeat)
        rate = len(text) / seconds
        print(f"{name:26} {len(text):>10} {seconds:8.3f} {rate:10.0f} {rate / normal_rate:9.2f}")
    # English: the same claims as sentences, then as one line without a full stop (cut at clause breaks)
    english = "Retail sales rose 4.5 percent to 3.2 trillion yuan, and 120 new schools opened. " * 3_000
    timings = {}
    for name, text in (("English sentences", english), ("English, no full stops", english.replace(". ", ", "))):
        document = Document(doc_id="hostile", text=text, lang="en")
        seconds = _best(lambda document=document: extract_claims(document), repeat)
        timings[name] = len(text) / seconds
        rate = timings[name]
        print(f"{name:26} {len(text):>10} {seconds:8.3f} {rate:10.0f} {rate / timings['English sentences']:9.2f}"
              " (vs English sentences)")


if __name__ == "__main__":
    main()
