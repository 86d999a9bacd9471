"""English layout: sentences at full stops, paragraphs hard-wrapped across lines read on, headings and
list items as sentences of their own (their numbers are claims too)."""

from __future__ import annotations

from .. import regexcache as regex

from ..types import Piece, Sentence
from functools import cache

from .pack import alternation, english_cues

_SENTENCE_END = regex.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9$])")


@cache
def _metadata() -> regex.Pattern[str]:
    """A line of metadata (Published: 2025-01-15, Add time:2022-03-08, a bare date): neither a sentence nor a
    heading."""
    return regex.compile(rf"(?i)(?:(?:{alternation(english_cues().metadata_labels)})\s*[:：]|\d{{4}}-\d{{2}}-\d{{2}}\b)")

_CLOSING = (".", "!", "?", ":", '"', "”", ";", ",")
# The longest a sentence may be before it is cut at a clause break (a page without full stops): every
# look around a number then costs a bounded number of steps, and a run stays linear in the text.
LONGEST_SENTENCE = 1200


def bullet_length(line: str) -> int:
    """Length of the list marker (and the spaces after it) that opens ``line``, else 0."""
    for marker in sorted(english_cues().bullets, key=len, reverse=True):
        if line.startswith(marker) and line[len(marker) : len(marker) + 1] == " ":
            return len(marker) + len(line[len(marker):]) - len(line[len(marker):].lstrip())
    return 0


def _lines(text: str) -> list[tuple[int, int]]:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    return lines


def _body_start(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """Where line ``k``'s text starts when it goes on a paragraph (not blank, not a list item, not
    metadata), else None."""
    if k >= len(lines):
        return None
    start, end = lines[k]
    stripped = text[start:end].strip()
    if not stripped or bullet_length(stripped) or _metadata().match(stripped):
        return None
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _is_heading(stripped: str, following: int | None, text: str) -> bool:
    """A short line with no closing punctuation followed by a capitalised line, a numbered item (Three new
    breakthroughs / 1. New breakthrough in …) or by nothing."""
    return stripped.startswith("#") or (len(stripped) < 80 and not stripped.endswith(_CLOSING) and (
        following is None or text[following].isupper() or text[following] in "\"“#"
        or _NUMBERED_ITEM.match(text, following) is not None))


_NUMBERED_ITEM = regex.compile(r"\d{1,2}[.)、]\s")


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut into pieces of at most LONGEST_SENTENCE characters at the last comma,
    semicolon or space before each limit."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = max(text.rfind(",", start, limit), text.rfind(";", start, limit))
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        cut = cut + 1 if cut > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _paragraph_sentences(text: str, lead: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph text[lead:end], each bounded in length."""
    spans, cut = [], lead
    for m in _SENTENCE_END.finditer(text, lead, end):
        if text[max(lead, m.start() - 8) : m.start()].endswith(english_cues().abbreviations):
            continue
        spans.extend(_bounded(text, cut, m.start()))
        cut = m.end()
    if cut < end:
        spans.extend(_bounded(text, cut, end))
    return spans


# A line left open that is shorter than this share of the text's longest line, and ends in a content word,
# ends where it stands: text hard-wrapped at a width fills its lines nearly to it; a short open line is a
# list item or a label (GDP growth of around 5.5 percent / over 11 million new urban jobs), unless it stops
# on a function word (Investment in / roads and …).
WRAPPED_SHARE = 0.6


@cache
def _function_words() -> frozenset[str]:
    cues = english_cues()
    return frozenset(cues.function_words + cues.link_words + cues.fillers + cues.stop_words + cues.prefix_over
                     + cues.prefix_under + cues.prefix_approx)


def _is_open_item(line: str, width: int) -> bool:
    """A short line left open that ends in a content word: a list item, not a wrapped line."""
    words = line.split()
    return len(line) < WRAPPED_SHARE * width and bool(words) and words[-1].lower() not in _function_words()


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    """The width a text is wrapped at: its longest line that shares a paragraph with another (a paragraph of one
    line, such as a lead written on one long line, says nothing of the wrapping of the rest)."""
    def closed(k: int) -> bool:  # (before the first line, after a blank one or one that closes its sentence)
        line = text[lines[k][0] : lines[k][1]].strip() if 0 <= k < len(lines) else ""
        return not line or line.endswith(_CLOSING[:5])
    alone = [closed(k - 1) and closed(k) for k in range(len(lines))]
    shared = [end - start for k, (start, end) in enumerate(lines) if not alone[k]]
    return max(shared or [end - start for start, end in lines])


def _paragraph_end(text: str, lines: list[tuple[int, int]], i: int, width: int) -> int:
    """The last line of the paragraph that starts at line ``i``: lines without a blank between, each but
    the last left open (hard wrapping) and filled near the text's width, belong to one paragraph."""
    last = i
    while last + 1 < len(lines) and not text[lines[last][0] : lines[last][1]].endswith(_CLOSING[:5]) \
            and not _is_open_item(text[lines[last][0] : lines[last][1]], width):
        # (a line that closes its sentence ends the paragraph: text with one paragraph a line)
        start, end = lines[last + 1]
        if _body_start(text, lines, last + 1) != start + len(text[start:end]) - len(text[start:end].lstrip()):
            break
        last += 1
    return last


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their sections. A run of lines without a blank line between is one paragraph (text
    hard-wrapped at a fixed width reads on across line ends), unless its first line is a heading."""
    out: list[Sentence] = []
    section, section_start = "", -1
    lines = _lines(text)
    width = _wrap_width(text, lines) if lines else 0  # (once per text, not once per paragraph)
    i = 0

    def add(start: int, end: int, **flags) -> None:
        out.append(Sentence(len(out), (Piece(start, end),), text[start:end], section,
                            section_start=section_start, **flags))

    while i < len(lines):
        start, end = lines[i]
        stripped = text[start:end].strip()
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        if not stripped or _metadata().match(stripped):
            i += 1
        elif bullet := bullet_length(stripped):  # "- GDP growth of around 5 percent": an item without a full stop
            # (an item may hold several sentences: — Overall economic recovery … were boosted. China's GDP …)
            for k, (s, e) in enumerate(_paragraph_sentences(text, lead + bullet, end)):
                add(s, e, is_list_item=k == 0)
            i += 1
        elif _is_heading(stripped, _body_start(text, lines, i + 1), text):
            heading_start = lead + len(stripped) - len(stripped.lstrip("#").lstrip())
            section, section_start = text[heading_start:end], heading_start
            add(heading_start, end, is_heading=True)
            i += 1
        else:
            last = _paragraph_end(text, lines, i, width)
            for s, e in _paragraph_sentences(text, lead, lines[last][1]):
                add(s, e)
            i = last + 1
    return out
