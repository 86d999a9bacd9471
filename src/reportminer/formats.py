"""Article files in the forms reports come in → plain text with paragraphs (one blank line between).

- text: any encoding (``reader.decode``);
- HTML: the article body through trafilatura (navigation, scripts, related-links boxes dropped), with
  the page's title and date;
- PDF: pdfplumber's text lines, regrouped into paragraphs, running headers, footers and page numbers
  dropped;
- DOCX: python-docx's body paragraphs and table rows (headers and footers are not in the body).

The format is told by the file's first bytes (then its name); the libraries for HTML, PDF and DOCX are
the optional extra ``formats`` and a missing one is a one-line error naming it."""

from __future__ import annotations

import hashlib
import io
import statistics
from dataclasses import dataclass
from pathlib import Path

from . import regexcache as regex

from .reader import ArticleError, decode, read_bytes

FORMATS = ("text", "html", "pdf", "docx")
_EXTRA_HINT = "pip install 'reportminer[formats]'"
_HTML_START = regex.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            regex.IGNORECASE | regex.DOTALL)
_META_CHARSET = regex.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", regex.IGNORECASE)
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A line that is only a page number: 3, - 3 -, 第3页, 第 3 页 共 10 页, 3/10, Page 3 of 10
_PAGE_NUMBER = regex.compile(r"^[\s\-–—·•]*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|"
                             r"\d+(?:\s*/\s*\d+)?|"
                             r"(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?)[\s\-–—·•]*$", regex.IGNORECASE)
_PLACEHOLDER_TITLES = {"(anonymous)", "untitled", "(untitled)"}  # what PDF writers put when there is none
MARGIN_SHARE = 0.12  # the top and bottom 12% of a page hold running headers and footers
PARAGRAPH_GAP = 1.35  # a line gap this many times the page's usual one starts a paragraph


@dataclass(frozen=True, slots=True)
class Source:
    """An article as read: its text, and what the corpus records about the original file."""

    text: str
    name: str  # the original file's name ("-" for standard input)
    format: str  # one of FORMATS
    encoding: str  # the text's encoding as detected or given; "" for PDF and DOCX
    sha256: str  # of the original bytes
    title: str = ""
    published: str = ""  # as the file's metadata states it (HTML), not yet checked


def _require(module: str, what: str):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise ArticleError(f"reading {what} needs the optional package {module!r}: {_EXTRA_HINT}") from None


def sniff_format(data: bytes, name: str) -> str:
    """The format of a file from its first bytes, else its name's extension."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or Path(name).suffix.lower() == ".docx":
            return "docx"
        raise ArticleError(f"{name}: a ZIP archive that is not a Word (.docx) document")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ArticleError(f"{name}: an old binary Office file (.doc); save it as .docx or PDF")
    if Path(name).suffix.lower() in (".html", ".htm", ".xhtml"):
        return "html"
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    if head[:4] in (b"\xff\xfe<\x00", b"\xfe\xff\x00<"):  # a UTF-16 page
        return "html"
    return "text"


def _html_charset(data: bytes) -> str:
    """The charset a page declares in a <meta> tag, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return ""
    import codecs

    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""


def _html_text(data: bytes, name: str, encoding: str) -> tuple[str, str, str, str]:
    """(text, encoding, title, date) of a web page's article."""
    declared = encoding or _html_charset(data)
    try:
        decoded = decode(data, name, declared)
    except ArticleError:
        if encoding:
            raise
        decoded = decode(data, name)  # a wrong <meta> declaration: detect instead
    trafilatura = _require("trafilatura", "HTML")
    # Precision first (it drops link lists and boxes that would bring their numbers in); a page too
    # short for that is read again with trafilatura's defaults.
    fields = _article(trafilatura, decoded.text, name, True) or _article(trafilatura, decoded.text, name, False)
    if not fields:
        raise ArticleError(f"{name}: no article text found in this HTML page")
    paragraphs = [line.strip() for line in (fields.get("text") or "").split("\n") if line.strip()]
    return "\n\n".join(paragraphs), decoded.encoding, fields.get("title") or "", fields.get("date") or ""


def _article(trafilatura, page: str, name: str, precision: bool) -> dict | None:
    """trafilatura's article and metadata as a dict, None when it finds no text."""
    try:
        result = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True, favor_precision=precision,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # lxml and the date parser raise many kinds on odd markup
        raise ArticleError(f"{name}: cannot read this HTML page ({type(exc).__name__})") from None
    if result is None:
        return None
    fields = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return fields if (fields.get("text") or "").strip() else None


def _docx_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, title) of a Word document's body: paragraphs, and each table row as cells joined by tabs."""
    docx = _require("docx", "Word (.docx) files")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds (KeyError, BadZipFile, XML errors)
        raise ArticleError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            blocks.extend("\t".join(cell.text.strip() for cell in row.cells) for row in block.rows)
        else:
            blocks.append(block.text.strip())
    return "\n\n".join(b for b in blocks if b.strip()), document.core_properties.title or ""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    top: float
    x0: float
    x1: float


def _page_lines(page) -> list[_Line]:
    return [_Line(line["text"].strip(), float(line["top"]), float(line["x0"]), float(line["x1"]))
            for line in page.extract_text_lines(strip=True) if line["text"].strip()]


def _running_key(text: str) -> str:
    return regex.sub(r"\d+", "#", text)


def _usual_gap(lines: list[_Line]) -> float:
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    return statistics.median(gaps) if gaps else 0.0


def _edge_lines(lines: list[_Line], height: float) -> set[int]:
    """Indices of the page's header and footer blocks: the lines above the first wide gap, all in the top
    margin, and those below the last wide gap, all in the bottom margin."""
    usual = _usual_gap(lines)
    wide = [i for i in range(1, len(lines)) if usual and lines[i].top - lines[i - 1].top > usual * PARAGRAPH_GAP]
    edges: set[int] = set()
    if wide and all(line.top < height * MARGIN_SHARE for line in lines[: wide[0]]):
        edges.update(range(wide[0]))
    if wide and all(line.top > height * (1 - MARGIN_SHARE) for line in lines[wide[-1]:]):
        edges.update(range(wide[-1], len(lines)))
    return edges


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Remove the header and footer lines that are page numbers or recur on other pages."""
    edges = [_edge_lines(lines, height) for lines, height in zip(pages, heights)]
    counts: dict[str, int] = {}
    for lines, edge in zip(pages, edges):
        for key in {_running_key(lines[i].text) for i in edge}:
            counts[key] = counts.get(key, 0) + 1
    return [[line for i, line in enumerate(lines) if i not in edge
             or not (_PAGE_NUMBER.match(line.text) or counts[_running_key(line.text)] > 1)]
            for lines, edge in zip(pages, edges)]


def _join_lines(lines: list[str]) -> str:
    """A paragraph's lines: run together in CJK text (a line may end anywhere), with a space otherwise."""
    if any(_CJK.search(line) for line in lines):
        return "".join(lines)
    return " ".join(lines)


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Lines regrouped into paragraphs: a wider gap or a line that stops short of the right edge ends one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for lines in pages:
        usual = _usual_gap(lines)
        right = max((line.x1 for line in lines), default=0.0)
        char = statistics.median([(ln.x1 - ln.x0) / len(ln.text) for ln in lines]) if lines else 0.0
        for i, line in enumerate(lines):
            if current and i and usual and line.top - lines[i - 1].top > usual * PARAGRAPH_GAP:
                paragraphs.append(_join_lines(current))
                current = []
            current.append(line.text)
            if line.x1 < right - 2 * char:  # a short line ends its paragraph
                paragraphs.append(_join_lines(current))
                current = []
    if current:
        paragraphs.append(_join_lines(current))
    return paragraphs


def _pdf_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, title) of a PDF's text layer."""
    pdfplumber = _require("pdfplumber", "PDF")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
            heights = [float(page.height) for page in pdf.pages]
            title = str((pdf.metadata or {}).get("Title") or "")
            title = "" if title.lower() in _PLACEHOLDER_TITLES else title
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise ArticleError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    text = "\n\n".join(_paragraphs(_drop_running_lines(pages, heights)))
    if not text.strip():
        raise ArticleError(f"{name}: the PDF has no text layer (a scan? run OCR first)")
    return text, title


def read_source(path: Path, encoding: str = "") -> Source:
    """Read an article file of any supported format; ``-`` is standard input."""
    data = read_bytes(path)
    name = "-" if str(path) == "-" else str(path)
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff_format(data, name)
    if kind == "html":
        text, used, title, date = _html_text(data, name, encoding)
        return Source(text, name, kind, used, digest, title, date)
    if kind == "pdf":
        text, title = _pdf_text(data, name)
        return Source(text, name, kind, "", digest, title)
    if kind == "docx":
        text, title = _docx_text(data, name)
        return Source(text, name, kind, "", digest, title)
    decoded = decode(data, name, encoding)
    return Source(decoded.text, name, kind, decoded.encoding, digest)
