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
from functools import cache
from pathlib import Path

from . import regexcache as regex

from .dates import DateError, parse_date
from .errors import UserError
from .formats import Source, read_source
from .language import guess_lang
from .lexicon import load_lexicon
from .outputs import OutputError, write_bytes
from .reader import ArticleError
from .region import infer_region
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


MANIFEST_COLUMNS = ["doc_id", "file", "title", "published", "source", "lang",
                    "original", "format", "original_encoding", "sha256", "translation_of", "region"]
# A doc_id is a slug: letters (any script), digits, '.', '_' and '-', not starting with '.', no '..'.
_SLUG = regex.compile(r"[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,119}")
_NOT_SLUG = regex.compile(r"[^\p{L}\p{N}_.\-]+")


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
    encoding: str = ""  # "" = detect
    translation_of: str = ""  # the doc_id of the original this article translates
    region: str = ""  # CN, TW, HK or MO; "" = inferred from the text


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
    if row.get(None):  # (csv puts the fields past the header's under None)
        raise ManifestError(f"{manifest}: line {line}: more fields than the header has columns "
                            "(a comma inside a field that is not in double quotes?)")
    try:
        check_doc_id(row["doc_id"])
        published = parse_date(row.get("published") or "")
    except (ManifestError, DateError) as exc:
        raise ManifestError(f"{manifest}: line {line}: {exc}") from None
    return Entry(row["doc_id"], corpus_dir / row["file"], row.get("title") or "", published,
                 row.get("source") or "", row.get("lang") or "", translation_of=row.get("translation_of") or "",
                 region=row.get("region") or "")


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
                    title=entry.title or source.title, source=entry.source, region=entry.region or infer_region(text))


def _file_date(source: Source) -> str:
    try:
        return parse_date(source.published)
    except DateError:
        return ""  # a page's own date in a form we do not read: the text's header may still give it


def load_document(entry: Entry) -> Document:
    """Read an entry's article in any supported format; raises ArticleError with a one-line message."""
    return document_from(read_source(entry.path, entry.encoding), entry)


def entry_for_path(path: Path, *, lang: str = "", published: str = "", encoding: str = "", region: str = "") -> Entry:
    doc_id = "stdin" if str(path) == "-" else slug_of(path.stem)
    return Entry(doc_id=doc_id, path=path, published=published, lang=lang, encoding=encoding, region=region)


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
                origin: str = "", lang: str = "", encoding: str = "", region: str = "",
                replace_existing: bool = False) -> Added:
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
        entry = Entry(doc_id, corpus_dir / file, title or source.title, published, origin, lang, region=region)
        document = document_from(source, entry)
        entry = replace(entry, title=document.title, published=document.published, lang=document.lang,
                        region=document.region)
        row = {"doc_id": doc_id, "file": file, "title": entry.title, "published": entry.published,
               "source": origin, "lang": entry.lang, "original": Path(source.name).name,
               "format": source.format, "original_encoding": source.encoding, "sha256": source.sha256,
               "region": entry.region}
        kept = [r for r in rows if r.get("doc_id") not in hits]
        if entry.path.is_symlink():  # an article is written in the corpus, never through a link out of it
            raise ManifestError(f"{entry.path}: is a symbolic link; remove it first")
        _write(entry.path, source.text.encode("utf-8"))
        _write(manifest, _manifest_bytes(columns + [c for c in MANIFEST_COLUMNS if c not in columns], kept + [row]))
        _remove_replaced(corpus_dir, [r for r in rows if r.get("doc_id") in hits], entry.path)
    return Added(entry, source, document, tuple(hits))
