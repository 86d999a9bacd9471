"""Input formats: the seed article as a legacy-encoded text, a web page, a PDF and a Word file yields the
same claims (mention, value, metric, period, status) as its UTF-8 text."""

from __future__ import annotations

import sys

import pytest

from reportminer.corpus import Entry, document_from
from reportminer.formats import read_source, sniff_format
from reportminer.pipeline import extract_claims
from reportminer.reader import ArticleError, decode

from . import formatsamples as samples


def claims_of(path, encoding=""):
    source = read_source(path, encoding)
    document = document_from(source, Entry("seed", path, published=samples.SEED_PUBLISHED, lang="zh"))
    return source, [(c.mention, c.value, c.metric, c.period, c.status) for c in extract_claims(document)]


@pytest.fixture(scope="module")
def utf8_claims(tmp_path_factory):
    path = tmp_path_factory.mktemp("utf8") / "seed.txt"
    path.write_text(samples.seed_text(), encoding="utf-8")
    source, claims = claims_of(path)
    assert (source.format, source.encoding) == ("text", "utf-8")
    assert len(claims) > 50
    return claims


@pytest.fixture(scope="module")
def traditional_claims(tmp_path_factory):
    path = tmp_path_factory.mktemp("trad") / "seed.txt"
    path.write_text(samples.traditional(samples.seed_text()), encoding="utf-8")
    return claims_of(path)[1]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16"])
def test_legacy_and_utf16_encodings_give_the_same_claims(tmp_path, utf8_claims, encoding):
    path = tmp_path / "seed.txt"
    path.write_bytes(samples.seed_text().encode(encoding))
    source, claims = claims_of(path)
    assert source.encoding in {"gb18030", "gbk", "utf-16"}
    assert claims == utf8_claims


def test_big5_in_traditional_characters_gives_the_same_claims(tmp_path, utf8_claims, traditional_claims):
    path = tmp_path / "seed-big5.txt"
    path.write_bytes(samples.traditional(samples.seed_text()).encode("big5"))
    source, claims = claims_of(path)
    assert source.encoding in {"big5", "cp950", "big5hkscs"}
    assert claims == traditional_claims  # metrics as written, in traditional characters
    back = samples.simplified  # mentions back in simplified characters: the same as the UTF-8 text's
    assert [(back(m), v, p, s) for m, v, _, p, s in claims] == [(m, v, p, s) for m, v, _, p, s in utf8_claims]


def test_detection_works_on_200_byte_samples():
    text = samples.seed_text().strip()
    for encoding, expected in (("gb18030", "gb18030"), ("big5", "big5")):
        source = samples.traditional(text) if encoding == "big5" else text
        data = source.encode(encoding)[:200]
        data = data[: len(data.decode(encoding, errors="ignore").encode(encoding))]  # whole characters
        assert decode(data, "sample").encoding == expected


def test_html_page_gives_the_article_without_navigation_scripts_or_related_news(tmp_path, utf8_claims):
    path = tmp_path / "page.html"
    path.write_text(samples.html_page(samples.seed_text()), encoding="utf-8")
    source, claims = claims_of(path)
    assert (source.format, source.title) == ("html", "市中区跑出发展加速度")
    for junk in ("首页", "相关新闻", "历下区", "visits", "浏览量", "版权所有"):
        assert junk not in source.text
    assert "\n\n" in source.text  # paragraphs kept
    assert claims == utf8_claims


def test_html_page_in_gbk_with_its_charset_declared(tmp_path, utf8_claims):
    page = samples.html_page(samples.seed_text()).replace('charset="utf-8"', 'charset="gbk"')
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk", errors="strict"))
    source, claims = claims_of(path)
    assert (source.format, source.encoding) == ("html", "gbk")
    assert claims == utf8_claims


def test_pdf_gives_the_same_claims_without_running_headers_or_page_numbers(tmp_path, utf8_claims):
    path = tmp_path / "report.pdf"
    path.write_bytes(samples.pdf_bytes(samples.seed_text()))
    source, claims = claims_of(path)
    assert source.format == "pdf" and source.text.count("\n\n") >= 30
    assert "第5版" not in source.text and "- 2 -" not in source.text
    assert claims == utf8_claims


def test_docx_gives_the_same_claims_without_header_or_footer(tmp_path, utf8_claims):
    path = tmp_path / "report.docx"
    path.write_bytes(samples.docx_bytes(samples.seed_text()))
    source, claims = claims_of(path)
    assert source.format == "docx" and "第5版" not in source.text and "共3页" not in source.text
    assert claims == utf8_claims


def test_the_format_is_told_by_content_not_name():
    assert sniff_format(b"%PDF-1.7\n...", "report.txt") == "pdf"
    assert sniff_format(b"\n  <!DOCTYPE html><html>", "page.txt") == "html"
    assert sniff_format("2024年增长5%".encode(), "notes.txt") == "text"
    with pytest.raises(ArticleError, match="not a Word"):
        sniff_format(b"PK\x03\x04 some zip", "archive.zip")
    with pytest.raises(ArticleError, match=r"\.doc\b"):
        sniff_format(b"\xd0\xcf\x11\xe0rest", "old.doc")


def test_damaged_pdf_and_docx_are_one_line_errors(tmp_path):
    pdf, word = tmp_path / "bad.pdf", tmp_path / "bad.docx"
    pdf.write_bytes(b"%PDF-1.4\n garbage")
    word.write_bytes(b"PK\x03\x04word/ garbage")
    for path in (pdf, word):
        with pytest.raises(ArticleError) as info:
            read_source(path)
        assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_binary_or_unclear_bytes_name_the_guesses_or_refuse():
    with pytest.raises(ArticleError, match="no known encoding|best guesses"):
        decode(bytes(range(128, 256)) * 3, "noise.bin")


def test_a_missing_format_library_names_the_extra(tmp_path, monkeypatch):
    path = tmp_path / "report.docx"
    path.write_bytes(samples.docx_bytes("2024年增长5%。"))
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(ArticleError, match=r"reportminer\[formats\]"):
        read_source(path)


def test_an_encoding_that_is_not_a_text_encoding_is_refused():
    for name in ("base64", "zlib", "no-such-codec"):
        with pytest.raises(ArticleError, match="unknown encoding"):
            decode(b"abc", "a.txt", name)


def test_pdf_lines_regroup_into_paragraphs_and_running_lines_drop():
    from reportminer.formats import _drop_running_lines, _Line, _paragraphs

    def page(n):
        return [_Line(f"Annual Report {2024}", 30, 72, 300), _Line("GDP grew 5.2 percent and exports", 100, 72, 520),
                _Line(f"rose {n} percent.", 116, 72, 180), _Line("新增项目175个、总投资1082.6亿", 150, 72, 520),
                _Line("元。", 166, 72, 100), _Line(f"- {n} -", 800, 280, 320)]

    pages = _drop_running_lines([page(1), page(2)], [842.0, 842.0])
    assert _paragraphs(pages) == ["GDP grew 5.2 percent and exports rose 1 percent.", "新增项目175个、总投资1082.6亿元。",
                                  "GDP grew 5.2 percent and exports rose 2 percent.", "新增项目175个、总投资1082.6亿元。"]
