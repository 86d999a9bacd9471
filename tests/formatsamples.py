"""The seed article in the forms users bring: legacy encodings, a web page, a PDF and a Word file, all
made here from the UTF-8 text (nothing binary is committed)."""

from __future__ import annotations

import html
import io
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "jinan-shizhong-2024.txt"
SEED_PUBLISHED = "2024-01"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def traditional(text: str) -> str:
    """The text in traditional characters as Taiwan writes them (s2tw: every character has a Big5 code)."""
    import opencc

    return opencc.OpenCC("s2tw").convert(text)


def simplified(text: str) -> str:
    import opencc

    return opencc.OpenCC("tw2s").convert(text)


def html_page(text: str) -> str:
    """The article in a news page with navigation, scripts, a related-news box with numbers, a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>市中区跑出发展加速度 - 济南日报</title>
<script>var stats = {{visits: 123456, growth: "增长8.5%"}};</script>
<style>.nav {{ width: 960px; }}</style></head>
<body>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/2024">2024两会</a></li><li><a href="/data">数据发布</a></li></ul></nav>
<div class="main"><article>{body}</article></div>
<aside class="related"><h3>相关新闻</h3><ul>
<li><a href="/a">历下区地区生产总值增长6.5%</a></li>
<li><a href="/b">槐荫区新开工项目58个、总投资320亿元</a></li>
<li><a href="/c">天桥区新增就业1.2万人</a></li></ul></aside>
<footer>版权所有 2024 济南日报 电话 0531-12345678 鲁ICP备12345678号</footer>
<script>document.write("浏览量" + 99999);</script>
</body></html>"""


def pdf_bytes(text: str) -> bytes:
    """A PDF of the article set by reportlab with its built-in Chinese font (STSong-Light, a CID font
    that needs no font file), with a running header and a page number on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16, spaceAfter=10, wordWrap="CJK")

    def running(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, "济南日报 2024年1月 第5版")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    document.build([Paragraph(escape(p), style) for p in paragraphs(text)], onFirstPage=running,
                   onLaterPages=running)
    return buffer.getvalue()


def docx_bytes(text: str) -> bytes:
    """A Word file of the article with a header and a footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "济南日报 2024年1月 第5版"
    section.footer.paragraphs[0].text = "第1页 共3页"
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
