"""Attest the glossary against official Chinese–English parallel text (issue 7 item 4).

An entry (zh, en) is *attested* by a source when some aligned sentence pair of that source has zh in
the Chinese sentence and en in the English one (case-insensitive; hyphens, plurals and -ies/-y
tolerated word by word). Attested entries get the source's key in the ``source`` column of
``src/reportminer/data/glossary.csv``; the key is in ``glossary_sources.csv``.

Where the glossary's English is not the official one, the official rendering is proposed in
``scripts/official_renderings.csv`` (zh,en: read off an aligned pair by a translator) and goes through
the same check: a proposal is applied only when the parallel text attests it. New terms (zh not in
the glossary) are added the same way, and only when attested.

The parallel text is read from local copies (never committed to the repo):

    /work/notes/parallel/gwr-2024.csv  gwr-2025.csv  gwr-2026.csv
    = data/04_<year>_auto_usable_parallel.csv of github:YaaaFei/gov-work-report-corpus-demo
      @09a81ce6c1ae3277b0751bee8ea1988e8489d1d0 (columns 中文, 英文: the Report on the Work of the
      Government of that year, Chinese original and the State Council's official English version,
      sentence-aligned). To recreate: git show <commit>:data/04_<year>_auto_usable_parallel.csv.
    /work/notes/parallel/nbs-yb-2021-toc.md
    = data/data-tjnq-zb.md of github:yiliyassh/authority-data@7ef4bef9c9eb36be5771ebff7daea8a3d72ad71c
      (the bilingual table of contents of the China Statistical Yearbook 2021: |中文|English| rows,
      one table title a pair).

Usage:
    python scripts/attest_glossary.py [--parallel DIR] [--check]   # rewrite glossary.csv / only report
    python scripts/attest_glossary.py --unattested FILE            # pairs to read for corrections
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "reportminer" / "data"
GLOSSARY = DATA / "glossary.csv"
SOURCE_TABLE = DATA / "glossary_sources.csv"
PROPOSALS = Path(__file__).resolve().parent / "official_renderings.csv"
DEFAULT_PARALLEL = Path("/work/notes/parallel")
# source key → local file; the newest report first (an entry is credited to the first source that has it)
SOURCES = {"gwr-2026": "gwr-2026.csv", "gwr-2025": "gwr-2025.csv", "gwr-2024": "gwr-2024.csv",
           "nbs-yb-2021": "nbs-yb-2021-toc.md"}
UNATTESTED = "reportminer"

Pair = tuple[str, str]  # (Chinese sentence, English sentence as normalized words joined by spaces)

_WORD = re.compile(r"[a-z0-9&.%]+(?:'[a-z]+)?")
_MARKS = re.compile(r"[“”‘’\"《》〈〉「」]")


# British spellings (the glossary's) read as the American ones of the official English
_SPELLING = ((re.compile(r"(?<=[a-z])is(ation|e|ed|es|ing)$"), r"iz\1"), (re.compile(r"(?<=[a-z])yse$"), "yze"),
             (re.compile(r"(?<=[a-z])tre(s?)$"), r"ter\1"), (re.compile(r"^programme"), "program"),
             (re.compile(r"(?<=[a-z]{2})our(s?)$"), r"or\1"))


_IRREGULAR = {"indices": "index", "indexes": "index", "people": "person", "persons": "person", "data": "datum"}


def _american(word: str) -> str:
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def _stem(word: str) -> str:
    """One form for singular and plural (enterprises → enterprise, cities → city, parks → park) and
    for British and American spelling (centres → center, urbanisation → urbanization)."""
    word = _american(word.rstrip("."))
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalized_words(english: str) -> str:
    """Lower case, hyphens and quotes as spaces, each word stemmed; padded so that a match is on
    whole words."""
    text = english.lower().replace("-", " ").replace("’", "'")
    return " " + " ".join(_stem(w) for w in _WORD.findall(text)) + " "


_TABLE_ROW = re.compile(r"^\|([^|]*)\|([^|]*)\|\s*$")
_TABLE_NUMBER = re.compile(r"^\s*\d+-\d+\s*")


def read_table_pairs(path: Path) -> list[tuple[str, str]]:
    """A bilingual table of contents in Markdown, one title a row: |中文|English| (table numbers off)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = _TABLE_ROW.match(line.strip())
        if row and not row.group(1).startswith((":-", "中文")):
            pairs.append((_MARKS.sub("", _TABLE_NUMBER.sub("", row.group(1)).strip()),
                          _TABLE_NUMBER.sub("", row.group(2)).strip()))
    if not pairs:
        raise ValueError(f"{path}: no |中文|English| rows")
    return pairs


def read_raw_pairs(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".md":
        return read_table_pairs(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or "中文" not in rows[0] or "英文" not in rows[0]:
        raise ValueError(f"{path}: expected the columns 中文 and 英文")
    return [(_MARKS.sub("", r["中文"]), r["英文"]) for r in rows if r["中文"] and r["英文"]]


def read_pairs(path: Path) -> list[Pair]:
    return [(chinese, normalized_words(english)) for chinese, english in read_raw_pairs(path)]


def attesting_source(zh: str, en: str, corpora: dict[str, list[Pair]]) -> str | None:
    """The first source (newest first) with a pair that has zh in Chinese and en in English."""
    zh = _MARKS.sub("", zh)
    wanted = normalized_words(en)
    if len(zh) < 2 or not wanted.strip():
        return None  # (one character is a sense, not a term a sentence pair can attest)
    for key, pairs in corpora.items():
        if any(zh in chinese and wanted in english for chinese, english in pairs):
            return key
    return None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_glossary(rows: list[dict[str, str]]) -> None:
    """Atomically: a half-written glossary would break every later run."""
    tmp = GLOSSARY.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["zh", "en", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(GLOSSARY)


def apply_proposals(rows: list[dict[str, str]], corpora: dict[str, list[Pair]]) -> tuple[int, int, list[str]]:
    """Official renderings: a correction of an existing entry or a new entry, each only when attested.
    Returns (corrected, added, rejected proposals)."""
    by_zh = {r["zh"]: r for r in rows}
    corrected = added = 0
    rejected = []
    for proposal in read_csv(PROPOSALS) if PROPOSALS.exists() else []:
        zh, en = proposal["zh"].strip(), proposal["en"].strip()
        key = attesting_source(zh, en, corpora)
        if key is None:
            rejected.append(f"{zh},{en}")
            continue
        row = by_zh.get(zh)
        if row is None:
            row = {"zh": zh, "en": en, "source": key}
            rows.append(row)
            by_zh[zh] = row
            added += 1
        elif row["en"] != en or row["source"] == UNATTESTED:
            corrected += row["en"] != en
            row["en"], row["source"] = en, key
    return corrected, added, rejected


def attest_existing(rows: list[dict[str, str]], corpora: dict[str, list[Pair]]) -> int:
    """Entries still written by the project that the parallel text attests as they stand."""
    attested = 0
    for row in rows:
        if row["source"] == UNATTESTED:
            key = attesting_source(row["zh"], row["en"], corpora)
            if key:
                row["source"] = key
                attested += 1
    return attested


def write_unattested(rows: list[dict[str, str]], raw: dict[str, list[tuple[str, str]]], out: Path) -> int:
    """For a translator: each unattested entry whose Chinese occurs in the parallel text, with the
    first aligned pair that has it (the official English rendering is to be read off that pair)."""
    written = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["zh", "en", "source", "chinese", "english"])
        for row in rows:
            if row["source"] != UNATTESTED or len(row["zh"]) < 2:
                continue
            hit = next(((k, p) for k, pairs in raw.items() for p in pairs if row["zh"] in p[0]), None)
            if hit:
                writer.writerow([row["zh"], row["en"], hit[0], hit[1][0], hit[1][1]])
                written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parallel", type=Path, default=DEFAULT_PARALLEL)
    parser.add_argument("--check", action="store_true", help="report only, do not rewrite glossary.csv")
    parser.add_argument("--unattested", type=Path, help="write unattested entries found in the Chinese text")
    args = parser.parse_args(argv)
    try:
        corpora = {key: read_pairs(args.parallel / name) for key, name in SOURCES.items()}
    except (OSError, ValueError) as error:
        print(f"attest_glossary: cannot read the parallel text: {error}", file=sys.stderr)
        return 2
    missing = set(SOURCES) - {row["key"] for row in read_csv(SOURCE_TABLE)}
    if missing:
        print(f"attest_glossary: add {sorted(missing)} to {SOURCE_TABLE.name} first", file=sys.stderr)
        return 2
    rows = read_csv(GLOSSARY)
    before = Counter(r["source"] for r in rows)
    corrected, added, rejected = apply_proposals(rows, corpora)
    attested = attest_existing(rows, corpora)
    after = Counter(r["source"] for r in rows)
    print(f"entries {sum(before.values())} -> {sum(after.values())}; official before {sum(before.values()) - before[UNATTESTED]}, "
          f"after {sum(after.values()) - after[UNATTESTED]}; attested as they stood {attested}, corrected {corrected}, "
          f"added {added}; still {UNATTESTED} {after[UNATTESTED]}")
    print("by source:", dict(after.most_common()))
    for proposal in rejected:
        print(f"not attested, not applied: {proposal}", file=sys.stderr)
    if args.unattested:
        raw = {key: read_raw_pairs(args.parallel / name) for key, name in SOURCES.items()}
        print(f"unattested entries found in the Chinese text: {write_unattested(rows, raw, args.unattested)}")
    if not args.check:
        write_glossary(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
