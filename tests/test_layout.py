"""Sentences of the seed article: broken sentences rejoined, captions and bylines left out."""

from __future__ import annotations

from reportminer.layout import split_sentences


def test_broken_sentences_are_rejoined(corpus_documents):
    text = corpus_documents["jinan-shizhong-2024"].text
    sentences = split_sentences(text)
    joined = [s for s in sentences if len(s.pieces) > 1]
    assert len(joined) == 4
    expected_joins = ["四级医保公共服务体系", "雨污分流管网改造", "建设能源互联网产业研究院", "中国济南商埠文化节”"]
    for phrase in expected_joins:
        assert any(phrase in s.text for s in joined), phrase
    for s in sentences:
        assert "".join(text[p.start : p.end] for p in s.pieces) == s.text


def test_the_shangbu_sentence_skips_the_lead_and_the_captions(corpus_documents):
    text = corpus_documents["jinan-shizhong-2024"].text
    sentence = next(s for s in split_sentences(text) if "中国济南商埠文化节" in s.text)
    for intruder in ("2024年已经到来", "济南市市中区全景", "山东大学国家大学科技园", "社区环境大变样"):
        assert intruder not in sentence.text


def test_byline_kicker_and_captions_are_not_body_sentences(corpus_documents):
    text = corpus_documents["jinan-shizhong-2024"].text
    texts = [s.text for s in split_sentences(text)]
    for line in ("记者 杜春娜 通讯员 孙化鹏", "济南底气", "2024济南市两会特别策划", "济南市市中区全景",
                 "山东大学国家大学科技园", "社区环境大变样，群众幸福感提升。"):
        assert line not in texts


def test_headings_give_sections(corpus_documents):
    text = corpus_documents["jinan-shizhong-2024"].text
    sentence = next(s for s in split_sentences(text) if "新增城镇就业" in s.text)
    assert sentence.section == "20件民生实事全部兑现 民生福祉稳步增进"
    report = corpus_documents["jiangsu-2026"].text
    sentence = next(s for s in split_sentences(report) if "城乡低保平均保障标准" in s.text)
    assert sentence.section.startswith("在发展中增进民生福祉")
