"""A kill at any moment leaves the corpus and the outputs consistent: `add` and `run` are killed at
random moments (seeded) and every manifest entry is then whole, no entry that was added before is
lost, and facts.csv is a complete table; two `add`s at the same moment both land."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from reportminer.corpus import read_manifest
from reportminer.reader import read_article

ARTICLES = [f"{2020 + n}年，全区新增市场主体{n + 1}.{n}万户，新建学校{n + 3}所。\n"
            for n in range(6)]


def start(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportminer", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(*args) -> float:
    began = time.monotonic()
    assert start(*args).wait(timeout=300) == 0
    return time.monotonic() - began


def kill_after(process: subprocess.Popen, seconds: float) -> None:
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def consistent(corpus: Path, texts: dict[str, str], before: set[str]) -> set[str]:
    """The manifest reads, keeps every earlier entry, and each entry's article is whole."""
    entries = {e.doc_id: e for e in read_manifest(corpus)}
    assert before <= set(entries)
    for doc_id, entry in entries.items():
        assert read_article(entry.path) == texts[doc_id]
    return set(entries)


def test_add_killed_at_random_moments_loses_nothing(tmp_path):
    rng = random.Random(9)
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "manifest.csv").write_text("doc_id,file,title,published,source,lang\n", encoding="utf-8")
    texts = {}
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
        texts[f"a{n}"] = text
    full = timed("add", tmp_path / "a0.txt", "--corpus", corpus)
    present = consistent(corpus, texts, {"a0"})
    for n in range(1, 4):
        kill_after(start("add", tmp_path / f"a{n}.txt", "--corpus", corpus), rng.uniform(0, full))
        present = consistent(corpus, texts, present)
    together = [start("add", tmp_path / f"a{n}.txt", "--corpus", corpus, "--replace") for n in (4, 5)]
    assert [p.wait(timeout=300) for p in together] == [0, 0]
    assert {"a0", "a4", "a5"} <= consistent(corpus, texts, present)


def test_run_killed_at_random_moments_leaves_a_complete_table(tmp_path):
    rng = random.Random(11)
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    for n, text in enumerate(ARTICLES):
        (corpus / "articles" / f"a{n}.txt").write_text(text, encoding="utf-8")
    (corpus / "manifest.csv").write_text("doc_id,file\n" + "".join(f"a{n},articles/a{n}.txt\n" for n in range(6)),
                                         encoding="utf-8")
    out = tmp_path / "out"
    full = timed("run", "--corpus", corpus, "--out", out)
    reference = (out / "facts.csv").read_bytes()
    assert reference.count(b"\n") == 1 + 2 * len(ARTICLES)  # two claims in each
    for _ in range(2):
        kill_after(start("run", "--corpus", corpus, "--out", out), rng.uniform(0, full))
        assert (out / "facts.csv").read_bytes() == reference
        assert [p.name for p in out.iterdir() if not p.name.endswith(".tmp")] == ["facts.csv"]
