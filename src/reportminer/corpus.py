"""The corpus: article files and their metadata (``corpus/manifest.csv``).

``add`` stores the UTF-8 text that the claims index (whatever the original's format and encoding) and
records the original's name, format, encoding and SHA-256; it takes a lock on the manifest and writes
every file atomically, so a kill or a second ``add`` at the same moment never loses an entry."""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from .dates import DateError, parse_date
from .formats import Source, read_source
from .outputs import OutputError, write_bytes
from .reader import ArticleError
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


MANIFEST_COLUMNS = ["doc_id", "file", "title", "published", "source", "lang",
                    "original", "format", "original_encoding", "sha256"]
# A doc_id is a slug: letters (any script), digits, '.', '_' and '-', not starting with '.', no '..'.
_SLUG = regex.compile(r"[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,119}")
_NOT_SLUG = regex.compile(r"[^\p{L}\p{N}_.\-]+")


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
    encoding: str = ""  # "" = detect


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


def guess_lang(text: str) -> str:
    """"zh" when the text has CJK characters, else "en"."""
    sample = text[:5000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "zh" if cjk >= max(1, letters // 10) else "en"


def check_doc_id(doc_id: str) -> str:
    """``doc_id`` if it is a slug (safe as a file name), else ManifestError."""
    if not _SLUG.fullmatch(doc_id) or ".." in doc_id:
        raise ManifestError(f"doc_id {doc_id!r} is not a slug (letters, digits, '.', '_', '-'; no path "
                            "separators, no '..', not starting with '.', at most 120 characters)")
    return doc_id


def slug_of(stem: str) -> str:
    """A doc_id made from a file name: runs of other characters become '-'."""
    slug = regex.sub(r"\.{2,}", ".", _NOT_SLUG.sub("-", stem)).strip("-.")
    return slug[:120] or "article"


def _manifest_rows(manifest: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(columns, rows) of the manifest; ManifestError when it is missing or malformed."""
    if not manifest.exists():
        raise ManifestError(f"{manifest}: no such file (every corpus has a manifest.csv)")
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or [])
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{manifest}: not valid UTF-8 at byte offset {exc.start}") from None
    except csv.Error as exc:
        raise ManifestError(f"{manifest}: malformed CSV ({exc})") from None
    missing = [c for c in ("doc_id", "file") if c not in columns]
    if missing:
        raise ManifestError(f"{manifest}: missing column(s) {', '.join(missing)}")
    return columns, rows


def _entry(corpus_dir: Path, manifest: Path, line: int, row: dict[str, str]) -> Entry:
    if not row.get("doc_id") or not row.get("file"):
        raise ManifestError(f"{manifest}: line {line}: doc_id and file are required")
    try:
        check_doc_id(row["doc_id"])
        published = parse_date(row.get("published") or "")
    except (ManifestError, DateError) as exc:
        raise ManifestError(f"{manifest}: line {line}: {exc}") from None
    return Entry(row["doc_id"], corpus_dir / row["file"], row.get("title") or "", published,
                 row.get("source") or "", row.get("lang") or "")


def read_manifest(corpus_dir: Path) -> list[Entry]:
    manifest = corpus_dir / "manifest.csv"
    _, rows = _manifest_rows(manifest)
    entries = [_entry(corpus_dir, manifest, line, row) for line, row in enumerate(rows, start=2)]
    ids = [e.doc_id for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ManifestError(f"{manifest}: duplicate doc_id {', '.join(duplicates)}")
    return entries


def document_from(source: Source, entry: Entry) -> Document:
    """The Document of a source read for ``entry``: the entry's metadata first, then the file's own."""
    text = source.text
    published = entry.published or _file_date(source) or infer_published(text)
    return Document(doc_id=entry.doc_id, text=text, lang=entry.lang or guess_lang(text), published=published,
                    title=entry.title or source.title, source=entry.source)


def _file_date(source: Source) -> str:
    try:
        return parse_date(source.published)
    except DateError:
        return ""  # a page's own date in a form we do not read: the text's header may still give it


def load_document(entry: Entry) -> Document:
    """Read an entry's article in any supported format; raises ArticleError with a one-line message."""
    return document_from(read_source(entry.path, entry.encoding), entry)


def entry_for_path(path: Path, *, lang: str = "", published: str = "", encoding: str = "") -> Entry:
    doc_id = "stdin" if str(path) == "-" else slug_of(path.stem)
    return Entry(doc_id=doc_id, path=path, published=published, lang=lang, encoding=encoding)


@contextmanager
def manifest_lock(corpus_dir: Path) -> Iterator[None]:
    """An exclusive lock on the corpus's manifest for one read-modify-write (released on any exit,
    also when the process is killed, since the kernel drops it with the file descriptor)."""
    lock_path = corpus_dir / ".manifest.lock"
    try:
        handle = lock_path.open("a")
    except OSError as exc:
        raise ManifestError(f"{lock_path}: cannot lock the manifest ({exc.strerror or exc})") from None
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


@dataclass(frozen=True, slots=True)
class Added:
    entry: Entry
    source: Source
    document: Document
    replaced: tuple[str, ...]  # doc_ids the new entry replaced


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _collisions(corpus_dir: Path, rows: list[dict[str, str]], doc_id: str, digest: str) -> list[str]:
    """doc_ids of the rows with the same id or the same text (an unreadable article never collides)."""
    hits = []
    for row in rows:
        same = row.get("doc_id") == doc_id
        if not same and row.get("file"):
            try:
                same = text_sha256(read_source(corpus_dir / row["file"]).text) == digest
            except ArticleError:
                same = False
        if same:
            hits.append(row["doc_id"])
    return hits


def _manifest_bytes(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    try:
        write_bytes(path, data)
    except OutputError as exc:
        raise ManifestError(str(exc)) from None


def _remove_replaced(corpus_dir: Path, rows: list[dict[str, str]], keep: Path) -> None:
    """Delete the article files of replaced entries (only inside corpus/articles, never the new one)."""
    articles = (corpus_dir / "articles").resolve()
    for row in rows:
        old = (corpus_dir / row.get("file", "")).resolve()
        if old.parent == articles and old != keep.resolve():
            old.unlink(missing_ok=True)


def add_article(corpus_dir: Path, source_path: Path, *, doc_id: str = "", title: str = "", published: str = "",
                origin: str = "", lang: str = "", encoding: str = "", replace_existing: bool = False) -> Added:
    """Read an article in any supported format, store its UTF-8 text in ``corpus/articles`` and list it
    in the manifest, under the manifest's lock. Refuses an unsafe id, a bad date, and (unless
    ``replace_existing``) an id or a text that is already in the corpus."""
    published = parse_date(published)  # DateError before anything is read or written
    doc_id = check_doc_id(doc_id) if doc_id else check_doc_id(slug_of(
        "stdin" if str(source_path) == "-" else source_path.stem))
    source = read_source(source_path, encoding)
    if not source.text.strip():
        raise ArticleError(f"{source.name}: no text in this {source.format} file")
    manifest = corpus_dir / "manifest.csv"
    with manifest_lock(corpus_dir):
        columns, rows = _manifest_rows(manifest)
        hits = _collisions(corpus_dir, rows, doc_id, text_sha256(source.text))
        if hits and not replace_existing:
            what = "doc_id" if doc_id in hits else "the same text as doc_id"
            raise ManifestError(f"{manifest}: {what} {hits[0]!r} is already in the corpus (--replace to replace it)")
        file = f"articles/{doc_id}.txt"
        entry = Entry(doc_id, corpus_dir / file, title or source.title, published, origin, lang)
        document = document_from(source, entry)
        entry = replace(entry, title=document.title, published=document.published, lang=document.lang)
        row = {"doc_id": doc_id, "file": file, "title": entry.title, "published": entry.published,
               "source": origin, "lang": entry.lang, "original": Path(source.name).name,
               "format": source.format, "original_encoding": source.encoding, "sha256": source.sha256}
        kept = [r for r in rows if r.get("doc_id") not in hits]
        if entry.path.is_symlink():  # an article is written in the corpus, never through a link out of it
            raise ManifestError(f"{entry.path}: is a symbolic link; remove it first")
        _write(entry.path, source.text.encode("utf-8"))
        _write(manifest, _manifest_bytes(columns + [c for c in MANIFEST_COLUMNS if c not in columns], kept + [row]))
        _remove_replaced(corpus_dir, [r for r in rows if r.get("doc_id") in hits], entry.path)
    return Added(entry, source, document, tuple(hits))
