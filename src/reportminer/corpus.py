"""The corpus: article files and their metadata (``corpus/manifest.csv``), and running the pipeline
over all of them so that one broken article never stops the others."""

from __future__ import annotations

from .errors import UserError

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from .language import guess_lang
from .lexicon import load_lexicon
from .reader import ArticleError, read_article
from .types import Document

LEAD_REACH = 200  # characters of the text's beginning that count as its lead


@dataclass(frozen=True, slots=True)
class _DatePatterns:
    date_line: regex.Pattern[str]  # 时间：2026-02-09
    dateline: regex.Pattern[str]  # ——2025年3月5日 under a title
    header_date: regex.Pattern[str]  # a header line that begins with a date: 2024-03-05 08:30 来源：…, 2024年3月5日 来源：…
    lead_date: regex.Pattern[str]  # a news lead that dates its event: 记者 2025 年3月5日，…, 新华社北京2025年3月5日电
    review_heading: regex.Pattern[str]  # a work report's review part (一、2024年工作回顾)
    report_title: regex.Pattern[str]  # a title line (no full stop; a short kicker such as 题：“数”看 may precede the year)


def _words(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_patterns() -> _DatePatterns:
    lex = load_lexicon()
    period, corpus = lex.cues["period"], lex.cues["corpus"]
    y, m, d = (regex.escape(period[k]) for k in ("year_mark", "month_mark", "day_mark"))  # type: ignore[arg-type]
    numerals = regex.escape(lex.cues["layout"]["part_enumerators"])  # type: ignore[arg-type]
    # (text typeset from PDF may put spaces around the digits: 2025 年 3 月 5 日)
    full_date = rf"(\d{{4}}) ?{y} ?(\d{{1,2}}) ?{m} ?(\d{{1,2}}) ?{d}"
    flags = regex.MULTILINE
    return _DatePatterns(
        date_line=regex.compile(rf"^(?:{_words(corpus['date_keys'])})[：:]\s*(\d{{4}})[-{y}/.](\d{{1,2}})"
                                rf"(?:[-{m}/.](\d{{1,2}}))?", flags),
        dateline=regex.compile(rf"^\s*——\s*{full_date}", flags),
        header_date=regex.compile(rf"^\s*(\d{{4}}) ?[-{y}/.] ?(\d{{1,2}}) ?[-{m}/.] ?(\d{{1,2}}) ?{d}?"
                                  rf"(?:\s|$|{_words(corpus['source_keys'])})", flags),
        lead_date=regex.compile(full_date),
        review_heading=regex.compile(rf"^\s*[{numerals}]+、\s*(\d{{4}}) ?{y}(?:{_words(corpus['review_headings'])})",
                                     flags),
        report_title=regex.compile(rf"^\s*#*\s*[^\n。]{{0,20}}?(\d{{4}}) ?{y}[^\n。]{{0,30}}"
                                   rf"(?:{_words(corpus['report_titles'])})[^\n。]{{0,12}}$", flags),
    )


class ManifestError(UserError):
    """The manifest is malformed; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Entry:
    doc_id: str
    path: Path
    title: str = ""
    published: str = ""
    source: str = ""
    lang: str = "zh"
    translation_of: str = ""  # the doc_id of the original this article translates


def infer_published(text: str) -> str:
    """The publication date a report states in its header (时间：2026-02-09, or its dateline), else
    January of the year in a work report's title (2026年江苏省政府工作报告: such reports are delivered at
    the start of the year they plan), else the first full date of the lead, else the year after the one
    its review part (一、2024年工作回顾) reviews, else ""."""
    head, p = text[:2000], _date_patterns()
    for pattern in (p.date_line, p.dateline, p.header_date):
        m = pattern.search(head)
        if m:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    m = p.report_title.search(head)
    if m:
        return f"{m.group(1)}-01"
    m = p.lead_date.search(text, 0, LEAD_REACH)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = p.review_heading.search(text, 0, 20000)
    return f"{int(m.group(1)) + 1}-01" if m else ""


def read_manifest(corpus_dir: Path) -> list[Entry]:
    manifest = corpus_dir / "manifest.csv"
    if not manifest.exists():
        raise ManifestError(f"{manifest}: no such file (every corpus has a manifest.csv)")
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in ("doc_id", "file") if c not in (reader.fieldnames or [])]
            if missing:
                raise ManifestError(f"{manifest}: missing column(s) {', '.join(missing)}")
            entries = []
            for line, row in enumerate(reader, start=2):
                if not row.get("doc_id") or not row.get("file"):
                    raise ManifestError(f"{manifest}: line {line}: doc_id and file are required")
                entries.append(Entry(row["doc_id"], corpus_dir / row["file"], row.get("title") or "",
                                     row.get("published") or "", row.get("source") or "",
                                     row.get("lang") or "", row.get("translation_of") or ""))
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{manifest}: not valid UTF-8 at byte offset {exc.start}") from None
    ids = [e.doc_id for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ManifestError(f"{manifest}: duplicate doc_id {', '.join(duplicates)}")
    return entries


def load_document(entry: Entry) -> Document:
    """Read an entry's article; raises ArticleError with a one-line message."""
    text = read_article(entry.path)
    return Document(
        doc_id=entry.doc_id, text=text, lang=entry.lang or guess_lang(text),
        published=entry.published or infer_published(text), title=entry.title, source=entry.source,
    )


def entry_for_path(path: Path, *, lang: str = "", published: str = "") -> Entry:
    return Entry(doc_id=path.stem, path=path, published=published, lang=lang)


def add_article(corpus_dir: Path, source: Path, *, doc_id: str = "", title: str = "", published: str = "",
                origin: str = "", lang: str = "") -> Entry:
    """Copy an article into ``corpus/articles`` byte for byte and list it in the manifest."""
    data = source.read_bytes() if source.is_file() else None
    if data is None:
        raise ArticleError(f"{source}: no such file")
    from .reader import decode

    text = decode(data, str(source))
    entries = read_manifest(corpus_dir)
    doc_id = doc_id or source.stem
    if any(e.doc_id == doc_id for e in entries):
        raise ManifestError(f"{corpus_dir / 'manifest.csv'}: doc_id {doc_id!r} is already in the corpus")
    target = corpus_dir / "articles" / f"{doc_id}{source.suffix or '.txt'}"
    if target.exists():
        raise ArticleError(f"{target}: already exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    entry = Entry(doc_id, target, title, published or infer_published(text), origin, lang or guess_lang(text))
    with (corpus_dir / "manifest.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [entry.doc_id, target.relative_to(corpus_dir).as_posix(), entry.title, entry.published,
             entry.source, entry.lang])
    return entry
