"""Paragraphs, headings and sentences, with offsets into the original text.

A newspaper page breaks sentences across paragraphs and drops photo captions and the lead paragraph
into the middle of them. This stage puts each sentence back together from its pieces, leaves bylines,
kickers and captions out of the body, and gives each sentence the heading it stands under.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import regexcache as regex

from .lexicon import load_lexicon
from .quantities import find_quantities
from .types import Piece, Sentence

_MARKDOWN_HEADING = regex.compile(r"#{1,6}[ \t]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    role: str  # "body", "item" (a bulleted line), "heading", "title", "meta", "caption"
    heading: str = ""  # the heading text without its marker (role "heading"/"title")
    level: int = 0
    wrapped: bool = False  # a short body line that hard wrapping cut (the next line follows it directly)


@dataclass(frozen=True, slots=True)
class _LayoutPatterns:
    part_heading: regex.Pattern[str]
    section_heading: regex.Pattern[str]
    metadata: regex.Pattern[str]
    byline: regex.Pattern[str]
    enders: str
    closers: str
    caption_max: int
    photo_credit: tuple[str, ...]
    end_marks: tuple[str, ...]  # (完): a news story's end mark, after its last sentence
    bullet: regex.Pattern[str]  # a list item's marker at the start of a line (not the —— of a dateline)
    sentence_end: regex.Pattern[str]  # sentence-final punctuation with the closing marks after it
    year_word: regex.Pattern[str]  # a year with its mark and no month: 2023年工作回顾 (2026年1月14日 is a dateline)
    dashed_date: regex.Pattern[str]  # a dateline under a report's title: ——2025年1月12日在…会议上
    photo_credit_words: tuple[str, ...]  # 记者, 摄影: a caption's credit
    numeral_chars: frozenset[str]  # no cut inside a number


@cache
def _patterns() -> _LayoutPatterns:
    cues = load_lexicon().cues["layout"]
    numerals = regex.escape(cues["part_enumerators"])  # type: ignore[arg-type]
    keys = "|".join(regex.escape(k) for k in cues["metadata_keys"])  # type: ignore[union-attr]
    bylines = "|".join(regex.escape(k) for k in cues["byline_words"])  # type: ignore[union-attr]
    layout, period = load_lexicon().schema.layout, load_lexicon().schema.period
    year, month = regex.escape(period.year_mark), regex.escape(period.month_mark)
    return _LayoutPatterns(
        part_heading=regex.compile(rf"[{numerals}]+、"),
        section_heading=regex.compile(rf"[（(][{numerals}]+[）)]"),
        metadata=regex.compile(rf"(?:{keys})[：:]"),
        byline=regex.compile(rf"(?:{bylines})[ \t　]*\S{{1,4}}(?:[ \t　]|$)"),
        enders="".join(cues["sentence_enders"]),  # type: ignore[arg-type]
        closers="".join(cues["closers"]),  # type: ignore[arg-type]
        caption_max=int(cues["caption_max_chars"]),  # type: ignore[arg-type]
        photo_credit=tuple(cues["photo_credit_suffixes"]),  # type: ignore[arg-type]
        end_marks=tuple(cues["end_marks"]),  # type: ignore[arg-type]
        bullet=regex.compile("[" + regex.escape("".join(cues["bullets"])) + r"](?![—-])"),  # type: ignore[arg-type]
        sentence_end=regex.compile(
            # ASCII ! and ? end a sentence only before a space, a Chinese character or the end (not in a URL)
            "(?:[" + regex.escape("".join(c for c in cues["sentence_enders"] if not c.isascii())) + "]"  # type: ignore[union-attr]
            + r"|[!?](?=\s|\p{Han}|$)"
            # (…修改提升为2.5%至3.5%. at the end of a line: a Chinese sentence closed with an ASCII full stop)
            + r"|(?<=[\p{Han}%）)」”])\.(?=[ \t]*(?:\n|$)))"
            + "[" + regex.escape("".join(cues["sentence_enders"]) + "".join(cues["closers"])) + "]*"  # type: ignore[arg-type]
        ),
        # (or a month a release is about, written out and followed by what it reports: 二零一一年十二月消费物价
        # 指数; 2026年1月14日 is a dateline)
        year_word=regex.compile(
            rf"(?:19|20)[0-9]{{2}}[ \t]?{year}(?![ \t]?[0-9{numerals}]{{1,2}}{month})"
            rf"|(?:(?:19|20)[0-9]{{2}}|[{regex.escape(layout.year_digits)}]{{4}})[ \t]?{year}[ \t]?[0-9{numerals}]{{1,2}}{month}"
            rf"(?![ \t]?[0-9{numerals}])(?=\p{{Han}})"),
        dashed_date=regex.compile(rf"——\s*(?:\d{{4}}|[{regex.escape(layout.year_digits)}]{{4}}) ?{year}"),
        photo_credit_words=layout.photo_credit_words,
        numeral_chars=frozenset("0123456789.,０１２３４５６７８９" + layout.numeral_chars),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace trimmed."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _ends_sentence(text: str) -> bool:
    p = _patterns()
    text = text.rstrip()
    mark = next((m for m in p.end_marks if text.endswith(m)), "")  # (…115宗。(完): the sentence before the mark)
    stripped = text[: len(text) - len(mark)].rstrip(p.closers)
    if stripped.endswith(".") and _HAN_BEFORE_STOP.search(stripped):
        return True  # (…2.5%至3.5%. at the end of a line)
    return bool(stripped) and stripped[-1] in p.enders + "；;：:"


_HAN_BEFORE_STOP = regex.compile(r"[\p{Han}%）)」”]\.\Z")




def _classify(text: str, start: int, end: int, is_first: bool, has_markdown_title: bool,
              before_title: bool, wrapped: bool = False, continues: bool = False) -> Paragraph:
    line = text[start:end]
    if before_title and not _MARKDOWN_HEADING.match(line):
        return Paragraph(start, end, line, "meta")  # kicker lines above a marked title
    return (_marked(line, start, end) or _numbered_heading(line, start, end)
            or _short_line(line, start, end, is_first and not has_markdown_title, wrapped, continues)
            or Paragraph(start, end, line, "body"))


def _marked(line: str, start: int, end: int) -> Paragraph | None:
    """A line its marks classify: a markdown heading, metadata, a photo credit, a dash line, a bullet."""
    p = _patterns()
    md = _MARKDOWN_HEADING.match(line)
    if md:
        level = len(md.group().strip())
        return Paragraph(start, end, line, "title" if level == 1 else "heading", line[md.end():].strip(), level)
    if p.metadata.match(line) or (p.byline.match(line) and len(line) <= 40):
        return Paragraph(start, end, line, "meta")
    if line.endswith(p.photo_credit) and any(w in line for w in p.photo_credit_words) and len(line) <= 120:
        return Paragraph(start, end, line, "meta")  # a photo caption with its credit
    if line.startswith("——") and not _ends_sentence(line) and len(line) <= 100:
        if p.dashed_date.match(line):  # (else a "——" line is a subheading)
            return Paragraph(start, end, line, "meta")  # dateline under a report's title
        return Paragraph(start, end, line, "heading", line.lstrip("—").strip(), 3)  # ——5%左右的经济增速目标
    if p.bullet.match(line):
        return Paragraph(start, end, line, "item")
    return None


def _numbered_heading(line: str, start: int, end: int) -> Paragraph | None:
    """一、… (a part, level 1) and （一）… (a section, level 2), when short and without a full stop inside."""
    if len(line) > 80 or "。" in line[:-1]:
        return None
    p = _patterns()
    for level, pattern in ((1, p.part_heading), (2, p.section_heading)):
        m = pattern.match(line)
        if m:
            return Paragraph(start, end, line, "heading", line[m.end():].strip().rstrip("。"), level)
    return None


def _short_line(line: str, start: int, end: int, may_be_title: bool, wrapped: bool,
                continues: bool) -> Paragraph | None:
    """A title, a hard-wrapped line, a news subheading or a caption; None for body text."""
    if may_be_title and len(line) <= 60 and not _ends_sentence(line) and not (
            wrapped and "，" in line):  # (a first line cut mid-sentence by hard wrapping is body text)
        return Paragraph(start, end, line, "title", line, 0)
    if wrapped and ("，" in line or "。" in line[:-1]) and not _ends_sentence(line):
        # a short line with a clause break, run straight on by the next line: hard wrapping at a narrow
        # width (PDF text), not a caption
        return Paragraph(start, end, line, "body", wrapped=True)
    if len(line) <= _patterns().caption_max and not _ends_sentence(line) and not line.endswith(("：", ":")) and not continues:
        if "，" not in line and "," not in line and (_patterns().year_word.search(line) or find_quantities(line)):
            # a news subheading that dates a part or states a figure (2023年工作回顾, 去年GDP突破13万亿元)
            return Paragraph(start, end, line, "heading", line.strip(), 3)
        return Paragraph(start, end, line, "caption")
    return None


def paragraphs(text: str) -> list[Paragraph]:
    spans = _lines(text)
    has_markdown_title = any(text.startswith(("# ", "#\t"), s) for s, e in spans)
    result = []
    before_title = has_markdown_title
    for index, (start, end) in enumerate(spans):
        # the next line follows without a blank line between: the text may be hard-wrapped
        wrapped = index + 1 < len(spans) and text.count("\n", end, spans[index + 1][0]) == 1
        # …and this line goes on with a sentence the line before left open (no blank line between)
        continues = bool(result) and result[-1].role == "body" and not _ends_sentence(result[-1].text) and (
            text.count("\n", spans[index - 1][1], start) == 1)
        is_first = all(r.role == "meta" for r in result)  # (时间：2024-01-23 above the title)
        para = _classify(text, start, end, is_first, has_markdown_title, before_title, wrapped, continues)
        if para.role == "title" and para.level == 1:
            before_title = False
        result.append(para)
    return result


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”")


def _closes_quote_first(text: str) -> bool:
    close, open_ = text.find("”"), text.find("“")
    return close >= 0 and (open_ < 0 or close < open_)


# A line that opens with a short label and a colon (股价指数变动率：由上月20.2%增为21.6%) is an item of its own,
# never the rest of a sentence the line before left open.
_LABEL = regex.compile(r"[^，,。；;：:]{1,24}[：:]")


def _may_resume(para: Paragraph, index: int, taken: set[int]) -> bool:
    """Whether ``para`` may be where a sentence left open resumes: body or caption text not yet taken, not a
    labelled item of its own."""
    return para.role in ("body", "caption") and index not in taken and not _LABEL.match(para.text)


def _continuations(paras: list[Paragraph]) -> dict[int, int]:
    """Map a paragraph broken mid-sentence to the paragraph where its sentence resumes."""
    p = _patterns()
    joined: dict[int, int] = {}
    taken: set[int] = set()
    for i, para in enumerate(paras):
        if para.role != "body" or _ends_sentence(para.text) or (
                len(para.text) <= p.caption_max and i not in taken and not para.wrapped):
            continue
        candidates = [j for j in range(i + 1, min(len(paras), i + 9)) if _may_resume(paras[j], j, taken)]
        if not candidates or any(paras[k].role in ("heading", "title") for k in range(i + 1, candidates[0])):
            continue
        target = None
        if _open_quote(para.text):
            # A quotation left open can only resume where a paragraph closes it first; the lead
            # paragraph and captions set in between are skipped.
            target = next((j for j in candidates if _closes_quote_first(paras[j].text)), None)
        if target is None:
            target = next((j for j in candidates if paras[j].role == "body"), None)
        if target is not None:
            joined[i] = target
            taken.add(target)
    return joined


# A "sentence" longer than this (a page without full stops) is cut at its last clause break, so
# that all the work done per sentence stays bounded whatever the input.
MAX_SENTENCE = 1200


def _bounded_cuts(text: str, cuts: list[int]) -> list[int]:
    out = [cuts[0]]
    for end in cuts[1:]:
        start = out[-1]
        while end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(text.rfind("；", start, limit), text.rfind(";", start, limit))
            if cut <= start:
                cut = max(text.rfind("，", start, limit), text.rfind(",", start, limit))
            if cut <= start:
                cut = limit - 1
                while cut > limit - 64 and text[cut] in _patterns().numeral_chars:
                    cut -= 1  # do not cut a number in two (a run of numerals longer than this is no number)
            out.append(cut + 1)
            start = cut + 1
        out.append(end)
    return out


def _split_sentences(pieces: list[Piece], text: str) -> list[tuple[list[Piece], str]]:
    """Split the concatenation of ``pieces`` after sentence-final punctuation (and its closers)."""
    p = _patterns()
    joined = "".join(text[x.start : x.end] for x in pieces)
    # doc offset of every position of ``joined``
    bounds = []
    offset = 0
    for x in pieces:
        bounds.append((offset, x))
        offset += x.end - x.start
    cut_points = [0] + [m.end() for m in p.sentence_end.finditer(joined)]
    if cut_points[-1] != len(joined):
        cut_points.append(len(joined))
    cut_points = _bounded_cuts(joined, cut_points)
    result = []
    for a, b in zip(cut_points, cut_points[1:]):
        while a < b and joined[a].isspace():
            a += 1
        if a >= b:
            continue
        sentence_pieces = []
        for piece_offset, piece in bounds:
            lo = max(a, piece_offset)
            hi = min(b, piece_offset + piece.end - piece.start)
            if lo < hi:
                sentence_pieces.append(Piece(piece.start + lo - piece_offset, piece.start + hi - piece_offset))
        result.append((sentence_pieces, joined[a:b]))
    return result


def split_sentences(text: str) -> list[Sentence]:
    """The body and heading sentences of an article, in reading order."""
    paras = paragraphs(text)
    joins = _continuations(paras)
    continued = set(joins.values())
    # Short paragraphs set inside a broken sentence are photo captions, even when they end with 。
    limit = _patterns().caption_max
    captions = {k for i, j in joins.items() for k in range(i + 1, j) if len(paras[k].text) <= limit}
    sentences: list[Sentence] = []
    section, section_start = "", -1
    for i, para in enumerate(paras):
        if i in continued or i in captions or para.role in ("meta", "caption"):
            continue
        if para.role in ("heading", "title"):
            section = para.heading
            section_start = para.start + para.text.find(para.heading)
            marker = _MARKDOWN_HEADING.match(para.text)
            start = para.start + (marker.end() if marker else 0)  # "## " is markup, not text
            sentences.append(Sentence(len(sentences), (Piece(start, para.end),), text[start:para.end], section, True,
                                      section_start))
            continue
        pieces = [Piece(para.start, para.end)]
        k = i
        while k in joins:
            k = joins[k]
            pieces.append(Piece(paras[k].start, paras[k].end))
        parts = _split_sentences(pieces, text)
        for n, (sentence_pieces, sentence_text) in enumerate(parts):
            is_heading = False
            if n == 0:
                inline = _patterns().section_heading.match(sentence_text)
                if inline and len(sentence_text) <= 80:
                    section = sentence_text[inline.end():].strip().rstrip("。")
                    section_start = sentence_pieces[0].start + sentence_text.find(section)
                    is_heading = True
            sentences.append(Sentence(len(sentences), tuple(sentence_pieces), sentence_text, section, is_heading,
                                      section_start))
    return sentences
