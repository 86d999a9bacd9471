"""The corpus: article files and their metadata (``corpus/manifest.csv``), and running the pipeline
over all of them so that one broken article never stops the others."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import regex

from .language import guess_lang
from .reader import ArticleError, read_article
from .types import Document

_DATE_LINE = regex.compile(
    r"^(?:时间|日期|发布时间|发布日期|Date|Published)[：:]\s*(\d{4})[-年/.](\d{1,2})(?:[-月/.](\d{1,2}))?",
    regex.MULTILINE,
)
# (text typeset from PDF may put spaces around the digits: 2025 年 3 月 5 日)
_DATELINE = regex.compile(r"^\s*——\s*(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日", regex.MULTILINE)
# A header line that begins with a date: "2024-03-05 08:30 来源：某某日报", "2024年3月5日 来源：…"
_HEADER_DATE = regex.compile(r"^\s*(\d{4}) ?[-年/.] ?(\d{1,2}) ?[-月/.] ?(\d{1,2}) ?日?(?:\s|$|来源)", regex.MULTILINE)
# A news lead that dates its event: "记者 2025 年3月5日，…", "新华社北京2025年3月5日电"
_LEAD_DATE = regex.compile(r"(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日")
LEAD_REACH = 200  # characters of the text's beginning that count as its lead
# A work report's review part (一、2024年工作回顾) reviews the year before the one it is delivered in.
_REVIEW_HEADING = regex.compile(r"^\s*[一二三四五六七八九十]+、\s*(\d{4}) ?年工作回顾", regex.MULTILINE)
# A title line (no full stop; a short kicker such as 题：“数”看 may precede the year)
_REPORT_TITLE = regex.compile(r"^\s*#*\s*[^\n。]{0,20}?(\d{4}) ?年[^\n。]{0,30}政府工作报告[^\n。]{0,12}$", regex.MULTILINE)


class ManifestError(ValueError):
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
    head = text[:2000]
    for pattern in (_DATE_LINE, _DATELINE, _HEADER_DATE):
        m = pattern.search(head)
        if m:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    m = _REPORT_TITLE.search(head)
    if m:
        return f"{m.group(1)}-01"
    m = _LEAD_DATE.search(text, 0, LEAD_REACH)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _REVIEW_HEADING.search(text, 0, 20000)
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
