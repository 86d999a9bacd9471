"""Throughput of the whole pipeline against bare jieba segmentation of the same text, in one run.

    python scripts/benchmark.py [--repeat 5] [files...]
    python scripts/benchmark.py --adversarial     # hostile inputs against the corpus, chars/s

Both sides use the same loaded jieba tokenizer (loading is not timed). The ratio
``pipeline chars/s ÷ jieba.lcut chars/s`` is the figure of merit: 1.0 means reportminer mines a text as
fast as jieba merely segments it. Caches are cleared before every pipeline pass, so no pass profits
from an earlier one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportminer import numberscan, segment  # noqa: E402
from reportminer.corpus import load_document, read_manifest  # noqa: E402
from reportminer.gloss import gloss  # noqa: E402
from reportminer.pipeline import extract_claims  # noqa: E402


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for cached in (segment.tokenize, gloss, numberscan._parse):
            cached.cache_clear()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--adversarial", action="store_true",
                        help="time hostile inputs (digits, magnitudes, approximations, one 10 MB line)")
    args = parser.parse_args()
    if args.adversarial:
        adversarial(args.repeat)
        return
    if args.files:
        from reportminer.corpus import entry_for_path

        documents = [load_document(entry_for_path(p)) for p in args.files]
    else:
        documents = [load_document(e) for e in read_manifest(ROOT / "corpus")]
    segment.warm_up()
    extract_claims(documents[0])  # load lexicon, dictionaries and compiled patterns once
    chars = sum(len(d.text) for d in documents)
    jieba_best, jieba_median = _best(lambda: [segment.plain_cut(d.text) for d in documents], args.repeat)
    mine_best, mine_median = _best(lambda: [extract_claims(d) for d in documents], args.repeat)
    claims = sum(len(extract_claims(d)) for d in documents)
    print(f"{len(documents)} documents, {chars} characters, {claims} claims, best of {args.repeat}")
    print(f"jieba.lcut    {jieba_best:7.3f} s  {chars / jieba_best:10.0f} chars/s  (median {jieba_median:.3f} s)")
    print(f"reportminer   {mine_best:7.3f} s  {chars / mine_best:10.0f} chars/s  (median {mine_median:.3f} s)")
    print(f"ratio (pipeline throughput / jieba throughput): {jieba_best / mine_best:.2f}")


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
    normal, _ = _best(lambda: [extract_claims(d) for d in documents], repeat)
    normal_rate = chars / normal
    print(f"{'input':26} {'chars':>10} {'seconds':>8} {'chars/s':>10} {'vs corpus':>9}")
    print(f"{'the corpus (normal text)':26} {chars:>10} {normal:8.3f} {normal_rate:10.0f} {1:9.2f}")
    for name, text in _hostile_inputs("".join(d.text for d in documents)).items():
        document = Document(doc_id="hostile", text=text)
        seconds, _ = _best(lambda document=document: extract_claims(document), 1 if len(text) > 1_000_000 else repeat)
        rate = len(text) / seconds
        print(f"{name:26} {len(text):>10} {seconds:8.3f} {rate:10.0f} {rate / normal_rate:9.2f}")
    # English: the same claims as sentences, then as one line without a full stop (cut at clause breaks)
    english = "Retail sales rose 4.5 percent to 3.2 trillion yuan, and 120 new schools opened. " * 3_000
    timings = {}
    for name, text in (("English sentences", english), ("English, no full stops", english.replace(". ", ", "))):
        document = Document(doc_id="hostile", text=text, lang="en")
        seconds, _ = _best(lambda document=document: extract_claims(document), repeat)
        timings[name] = len(text) / seconds
        rate = timings[name]
        print(f"{name:26} {len(text):>10} {seconds:8.3f} {rate:10.0f} {rate / timings['English sentences']:9.2f}"
              " (vs English sentences)")


if __name__ == "__main__":
    main()
