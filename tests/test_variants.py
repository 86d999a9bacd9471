"""Traditional characters and written variants read the same as the simplified original."""

from __future__ import annotations

import math

import opencc
import pytest

import reportminer
from reportminer.corpus import load_document, read_manifest
from tests.conftest import CORPUS


def _seed():
    entry = next(e for e in read_manifest(CORPUS) if e.doc_id == "jinan-shizhong-2024")
    return load_document(entry)


def test_traditional_seed_gives_the_same_std_values():
    seed = _seed()
    traditional = opencc.OpenCC("s2t").convert(seed.text)
    assert traditional != seed.text and len(traditional) == len(seed.text)
    simplified = reportminer.extract(seed.text, doc_id="s", published=seed.published)
    converted = reportminer.extract(traditional, doc_id="t", published=seed.published)
    assert len(simplified) == len(converted) > 50
    assert list(simplified["start"]) == list(converted["start"])
    assert list(simplified["std_value"]) == list(converted["std_value"])
    assert list(simplified["period"]) == list(converted["period"])
    for row in converted.itertuples():
        assert traditional[row.start : row.end] == row.mention
    assert "億" in "".join(converted["mention"])


@pytest.mark.parametrize("text, std_value, std_unit", [
    ("總投資1082.6億元", 108260000000, "CNY"),
    ("新增就業2.3萬人", 23000, "person"),
    ("糧食產量兩千萬噸", 20000000000, "kg"),
    ("增長十八點二三%", 18.23, "%"),
    ("增速為負1.5%", -1.5, "%"),
    ("占比百分之八十二", 82, "%"),
    ("城鎮化率達到６５．５％", 65.5, "%"),
    ("投資１２３．５億元", 12350000000, "CNY"),
    ("建成二〇二三個站點", 2023, "site"),
    ("捐款壹仟貳佰元", 1200, "CNY"),
    ("利潤1,234萬元", 12340000, "CNY"),
    ("總投資1 082.6億元", 108260000000, "CNY"),
    ("产值１，２３４亿元", 123400000000, "CNY"),
])
def test_variant_forms(text, std_value, std_unit):
    rows = reportminer.extract(text).to_dict("records")
    assert len(rows) == 1, rows
    assert math.isclose(rows[0]["std_value"], std_value, rel_tol=1e-9)
    assert rows[0]["std_unit"] == std_unit
    assert text[rows[0]["start"] : rows[0]["end"]] == rows[0]["mention"]


def test_a_comma_between_list_items_keeps_two_numbers():
    mentions = [r["mention"] for r in reportminer.extract("分别为1，2个百分点和3，4项").to_dict("records")]
    assert "1，2个百分点" not in mentions and "2个百分点" in mentions
