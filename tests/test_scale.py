"""Many articles: the table is the same for every --jobs and engine, unchanged articles come from the
cache, a killed run leaves a usable cache, a failing article does not stop the others, and the
compiled dictionaries give jieba exactly what it would have read itself."""

from __future__ import annotations

import csv
import math
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportminer import runner
from reportminer.cache import ArticleCache
from reportminer.corpus import Entry, read_manifest
from reportminer.table import claims_to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# three articles of different sizes: enough to interleave workers, quick to mine
SAMPLE = ("jinan-shizhong-2024", "jiangsu-2026", "beijing-2026")


def _sample() -> list[Entry]:
    return [e for e in read_manifest(CORPUS) if e.doc_id in SAMPLE]


def _expected_rows(doc_ids) -> list[str]:
    """The committed table's lines for these articles (header first)."""
    import csv
    import io

    text = (ROOT / "outputs" / "facts.csv").read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    return [records[0]] + [r for r in records[1:] if r[0] in doc_ids]


def _table(tmp_path: Path, entries, name: str, **options) -> tuple[bytes, runner.Summary]:
    out = tmp_path / f"{name}.csv"
    opts = runner.Options(cache_root=tmp_path / f"cache-{name}", progress=False, **options)
    summary = runner.mine_to_table(entries, opts, out)
    return out.read_bytes(), summary


def _records(data: bytes):
    import csv
    import io

    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_jobs_1_and_jobs_2_write_the_committed_table(tmp_path):
    entries = _sample()
    one, summary_one = _table(tmp_path, entries, "one", jobs=1)
    two, summary_two = _table(tmp_path, entries, "two", jobs=2)
    assert one == two
    assert _records(one) == _expected_rows(set(SAMPLE))
    assert summary_one.claims == summary_two.claims == len(_records(one)) - 1 > 100
    assert summary_two.failures == 0 and summary_two.articles == len(SAMPLE)


def test_the_streamed_csv_is_what_pandas_writes(tmp_path):
    """The runner writes CSV without pandas (fast start); its bytes equal DataFrame.to_csv's."""
    from reportminer.pipeline import extract_claims
    from reportminer.corpus import load_document
    from reportminer.outputs import write_table

    documents = [load_document(e) for e in _sample()[:2]]
    claims = [c for d in documents for c in extract_claims(d)]
    write_table(claims_to_frame(claims, documents), tmp_path / "pandas.csv", "csv")
    streamed, _ = _table(tmp_path, _sample()[:2], "streamed", jobs=1)
    assert streamed == (tmp_path / "pandas.csv").read_bytes()


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_cell_is_written_as_pandas_writes_it(value):
    import io

    import pandas as pd

    buffer = io.StringIO()
    pd.DataFrame({"v": [value]}, dtype="float64").to_csv(buffer, index=False, lineterminator="\n")
    streamed = io.StringIO()  # (the streamed table hands its cells to the csv module as they are)
    csv.writer(streamed, lineterminator="\n").writerow([value])
    assert buffer.getvalue().splitlines()[1] == streamed.getvalue().rstrip("\n")


def test_a_rerun_takes_unchanged_articles_from_the_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("gold"))
    entries = [e for e in read_manifest(corpus) if e.doc_id in SAMPLE]
    options = runner.Options(jobs=1, cache_root=tmp_path / "cache", progress=False)
    first = runner.mine_to_table(entries, options, tmp_path / "first.csv")
    second = runner.mine_to_table(entries, options, tmp_path / "second.csv")
    assert (first.cache_hits, second.cache_hits) == (0, len(SAMPLE))
    assert (tmp_path / "first.csv").read_bytes() == (tmp_path / "second.csv").read_bytes()
    # one article edited: only it is mined again; the table follows the edit
    edited = next(e for e in entries if e.doc_id == "jinan-shizhong-2024")
    edited.path.write_text(edited.path.read_text(encoding="utf-8") + "\n全年新建学校4所。\n", encoding="utf-8")
    third = runner.mine_to_table(entries, options, tmp_path / "third.csv")
    assert third.cache_hits == len(SAMPLE) - 1
    assert ",4所," in (tmp_path / "third.csv").read_text(encoding="utf-8-sig")
    # the metadata is part of the key: another publication date is another article
    redated = [Entry(e.doc_id, e.path, e.title, "2030-01", e.source, e.lang) for e in entries]
    assert runner.mine_to_table(redated, options, tmp_path / "fourth.csv").cache_hits == 0
    # --force mines everything again
    assert runner.mine_to_table(entries, runner.Options(jobs=1, force=True, cache_root=tmp_path / "cache",
                                                        progress=False), tmp_path / "fifth.csv").cache_hits == 0


def test_a_torn_or_foreign_cache_entry_is_a_miss(tmp_path):
    cache = ArticleCache(tmp_path)
    key = cache.key("text", ["doc"])
    cache.put(key, ["claims"])
    assert cache.get(key) == ["claims"]
    path = cache._path(key)
    path.write_bytes(path.read_bytes()[:5])  # torn (cannot happen through put, which renames whole files)
    assert cache.get(key) is None
    assert cache.key("text", ["doc"]) != cache.key("text", ["doc2"]) != cache.key("text2", ["doc"])


def _many_articles(tmp_path: Path, copies: int) -> Path:
    """A corpus of ``copies`` distinct articles (each a copy of the small article with its own
    number, so that every one has its own cache key)."""
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    base = (CORPUS / "articles" / "jinan-shizhong-2024.txt").read_text(encoding="utf-8")
    lines = ["doc_id,file,title,published,source,lang"]
    for n in range(copies):
        (corpus / "articles" / f"a{n:03d}.txt").write_text(base + f"\n新建学校{n + 1}所。\n", encoding="utf-8")
        lines.append(f"a{n:03d},articles/a{n:03d}.txt,t,2024-01,s,zh")
    (corpus / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_a_killed_run_leaves_a_usable_cache(tmp_path):
    corpus = _many_articles(tmp_path, 24)
    env = dict(os.environ, REPORTMINER_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "reportminer", "run", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
               "--jobs", "2"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    articles = tmp_path / "cache" / "articles"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(articles.rglob("*.pickle"))) < 2:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-run
    process.wait()
    done = list(articles.rglob("*.pickle"))
    assert 2 <= len(done) < 24, "the run was not killed mid-run"
    assert not (tmp_path / "out" / "facts.csv").exists()  # no half table either
    for entry in done:
        assert isinstance(pickle.loads(entry.read_bytes()), list)  # every entry whole
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"{len(done)} from cache" in result.stdout or f"{len(done) + 1} from cache" in result.stdout
    clean = runner.mine_to_table(read_manifest(corpus), runner.Options(jobs=1, use_cache=False, progress=False),
                                 tmp_path / "clean.csv")
    assert clean.claims > 24
    assert (tmp_path / "out" / "facts.csv").read_bytes() == (tmp_path / "clean.csv").read_bytes()


def test_a_failing_article_is_reported_and_the_rest_land(tmp_path, monkeypatch, capsys):
    import reportminer.pipeline

    real = reportminer.pipeline.extract_claims

    def broken_on_one(document):
        if document.doc_id == "jiangsu-2026":
            raise RuntimeError("a bug")
        return real(document)

    monkeypatch.setattr(reportminer.pipeline, "extract_claims", broken_on_one)
    data, summary = _table(tmp_path, _sample(), "broken", jobs=1)
    assert summary.failures == 1 and summary.articles == len(SAMPLE)
    assert "jiangsu-2026: internal error while mining (RuntimeError: a bug)" in capsys.readouterr().err
    assert {r[0] for r in _records(data)[1:]} == {"jinan-shizhong-2024", "beijing-2026"}


def test_parquet_parts_hold_the_same_table(tmp_path, monkeypatch):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    monkeypatch.setattr(runner, "PARQUET_PART_ROWS", 50)  # several parts from a small sample
    entries = _sample()[:2]
    out = tmp_path / "facts.csv"
    runner.mine_to_table(entries, runner.Options(jobs=1, use_cache=False, progress=False), out,
                         parquet=tmp_path / "facts.parquet")
    parts = sorted((tmp_path / "facts.parquet").glob("part-*.parquet"))
    assert len(parts) >= 2
    from_parts = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    from_csv = pd.read_csv(out, encoding="utf-8-sig", dtype={"period": "string"})
    assert from_parts["claim_id"].tolist() == from_csv["claim_id"].tolist()
    assert from_parts["mention"].tolist() == from_csv["mention"].tolist()
    assert all(math.isclose(a, b) for a, b in zip(from_parts["std_value"].fillna(0), from_csv["std_value"].fillna(0)))


def test_dask_local_cluster_writes_the_same_table(tmp_path):
    pytest.importorskip("dask.distributed")
    entries = _sample()
    local, _ = _table(tmp_path, entries, "local", jobs=1, use_cache=False)
    distributed, summary = _table(tmp_path, entries, "dask", jobs=2, engine="dask", use_cache=False)
    assert distributed == local
    assert summary.failures == 0 and summary.claims > 100


def test_the_lazily_loaded_dictionary_cuts_as_jieba_does(corpus_documents):
    """jieba with its own loading and our user dictionary, against our compiled, per-character
    dictionary: the same words and tags on a whole report."""
    from reportminer import segment

    jieba = segment._import_jieba()
    reference = jieba.Tokenizer()
    reference.initialize()
    with segment.data_path("userdict.txt").open("rb") as userdict:
        reference.load_userdict(userdict)
    text = corpus_documents["jinan-shizhong-2024"].text
    ours = [(t.text, t.start, t.end) for t in segment.tokenize(text)]
    assert ours == list(reference.tokenize(text, HMM=False))
    assert segment.plain_cut(text) == reference.lcut(text)


def test_patterns_read_back_from_the_cache_are_the_compiled_ones(tmp_path, monkeypatch, corpus_documents,
                                                                corpus_facts):
    """Every pattern the engine compiled while mining the corpus, written to a cache and read back by a
    new store, is the very program ``regex.compile`` makes (the same pickled form) and finds the same
    matches; a damaged file or entry is compiled again, and a bad pattern still raises regex.error."""
    import regex

    from reportminer import cache

    used = dict(cache._pattern_store().live)  # (the corpus is mined: corpus_facts)
    assert len(used) > 100
    monkeypatch.setenv("REPORTMINER_CACHE_DIR", str(tmp_path))
    first = cache._PatternStore()
    for source, flags in used:
        first.get(source, flags)
    first.save()
    second = cache._PatternStore()
    assert set(second.stored) == set(used)
    text = corpus_documents["jinan-shizhong-2024"].text[:3000]
    for (source, flags), fresh in ((key, regex.compile(*key)) for key in used):
        back = second.get(source, flags)
        assert pickle.dumps(back) == pickle.dumps(fresh), source
        if isinstance(source, str):
            assert [m.span() for m in back.finditer(text)] == [m.span() for m in fresh.finditer(text)], source
    key = next(iter(used))
    second.path.write_bytes(b"not marshal")
    damaged = cache._PatternStore()
    damaged.stored[key] = b"not a pickle"
    assert pickle.dumps(damaged.get(*key)) == pickle.dumps(regex.compile(*key))
    with pytest.raises(regex.error):
        damaged.get("(unclosed", 0)


def test_a_compiled_entry_of_parts_reads_each_part_back_and_rebuilds_when_torn(tmp_path, monkeypatch):
    from reportminer import cache

    monkeypatch.setenv("REPORTMINER_CACHE_DIR", str(tmp_path))
    parts = {chr(0x4E00 + n): bytes([n % 256]) * n for n in range(300)}
    built = []

    def build():
        built.append(1)
        return 7, parts

    for _ in range(2):  # built once, then read back from the file
        head, read = cache.compiled_parts("test-parts", ["v1"], build)
        assert head == 7 and len(read) == len(parts) and set(read) == set(parts)
        assert all(read.get(k) == v for k, v in parts.items()) and read.get("x") is None
    assert len(built) == 1

    def unmappable(*args, **kwargs):
        raise OSError("no mmap here")

    with monkeypatch.context() as patch:  # (a file system that cannot map files: the file is read whole)
        patch.setattr(cache.mmap, "mmap", unmappable)
        read = cache.compiled_parts("test-parts", ["v1"], build)[1]
        assert all(read.get(k) == v for k, v in parts.items()) and len(built) == 1
    (path,) = (tmp_path / "compiled").glob("test-parts-*.parts")
    path.write_bytes(path.read_bytes()[:-1])  # torn: built again
    assert cache.compiled_parts("test-parts", ["v1"], build)[1].get(chr(0x4E00 + 299)) == parts[chr(0x4E00 + 299)]
    assert len(built) == 2


def test_a_remembered_file_hash_follows_the_file(tmp_path, monkeypatch):
    """A file's hash is remembered with its stamp once the file has settled, and read again when the
    stamp moves; a file changed within the last seconds is never remembered (its clock may not have
    ticked between two writes)."""
    from reportminer import cache

    monkeypatch.setenv("REPORTMINER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_known_digests", cache.cache(cache._known_digests.__wrapped__))
    data = tmp_path / "dict.txt"
    data.write_bytes(b"one 1 n\n")
    assert cache.file_digests([data]) == [cache.digest([b"one 1 n\n"])]
    assert str(data) not in cache._known_digests()  # (just written: not remembered)
    data.write_bytes(b"two 2 n\n")  # (same size, maybe the same clock tick)
    assert cache.file_digests([data]) == [cache.digest([b"two 2 n\n"])]
    monkeypatch.setattr(cache, "_SETTLED_NS", -10**18)  # (as if the file had been written long ago)
    settled = time.time_ns() - 3_600 * 10**9
    os.utime(data, ns=(settled, settled))
    assert cache.file_digests([data]) == [cache.digest([b"two 2 n\n"])]
    assert str(data) in cache._known_digests()
    cache._known_digests.cache_clear()  # (a new process: read from the file)
    assert str(data) in cache._known_digests()
    data.write_bytes(b"six 6 n\n")
    os.utime(data, ns=(settled + 10**9, settled + 10**9))
    assert cache.file_digests([data]) == [cache.digest([b"six 6 n\n"])]


def test_parsed_toml_is_tomllib_and_a_fresh_copy(tmp_path, monkeypatch):
    import tomllib

    from reportminer import cache
    from reportminer.lexicon import _read_text

    monkeypatch.setenv("REPORTMINER_CACHE_DIR", str(tmp_path))
    text = _read_text("cues.toml")
    first = cache.parsed_toml(text)
    first.clear()  # (callers may change what they get)
    assert cache.parsed_toml(text) == tomllib.loads(text)
    dated = "day = 2026-12-07\n"  # (a date marshal cannot write: parsed, not kept)
    assert cache.parsed_toml(dated) == tomllib.loads(dated)
    with pytest.raises(tomllib.TOMLDecodeError):
        cache.parsed_toml("not = [toml")


def test_the_compiled_patterns_are_the_same_in_every_process():
    """Pattern sources built from sets must not follow the hash seed, or each process compiles anew."""
    script = ("from reportminer import cache; from reportminer.corpus import read_manifest, load_document; "
              "from reportminer.pipeline import extract_claims; from pathlib import Path; "
              "[extract_claims(load_document(e)) for e in read_manifest(Path('corpus'))]; "
              "print(sorted(map(repr, cache._pattern_store().live)))")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=str(seed))).stdout for seed in (1, 2)]
    assert runs[0] == runs[1] and len(runs[0]) > 1000


def test_a_progress_bar_only_when_asked_or_on_a_terminal_and_one_summary_line(tmp_path, capsys):
    entries = _sample()[:1]
    runner.mine_to_table(entries, runner.Options(jobs=1, cache_root=tmp_path, progress=True), tmp_path / "a.csv")
    assert "article" in capsys.readouterr().err  # tqdm's bar, on stderr
    summary = runner.mine_to_table(entries, runner.Options(jobs=1, cache_root=tmp_path), tmp_path / "b.csv")
    assert capsys.readouterr().err == ""  # stderr is not a terminal under pytest: quiet
    assert summary.line().startswith("1 articles, ") and summary.line().endswith("1 from cache, 0 failed")


def test_spawned_workers_where_fork_is_not_available(tmp_path, monkeypatch):
    """On macOS and Windows the pool spawns its workers, each loading the engine once itself."""
    monkeypatch.setattr(runner, "START_METHOD", "spawn")
    entries = _sample()[:2]
    spawned, summary = _table(tmp_path, entries, "spawned", jobs=2, use_cache=False)
    assert summary.failures == 0
    assert _records(spawned) == _expected_rows({e.doc_id for e in entries})


def test_the_run_command_takes_its_engine_and_scheduler_by_name():
    """`run --engine dask --scheduler ADDRESS` and `--jobs N`, as issue 11 names them, reach the runner's options."""
    from reportminer.cli import build_parser
    from reportminer.cli.mining import _options

    args = build_parser().parse_args(["run", "--engine", "dask", "--scheduler", "tcp://10.0.0.5:8786", "--jobs", "2"])
    options = _options(args)
    assert (options.engine, options.scheduler, options.jobs) == ("dask", "tcp://10.0.0.5:8786", 2)
    assert _options(build_parser().parse_args(["run"])).engine == "local"
