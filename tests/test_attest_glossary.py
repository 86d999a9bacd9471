"""scripts/attest_glossary.py: when an aligned sentence pair attests a glossary entry."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "attest_glossary.py"
_spec = importlib.util.spec_from_file_location("attest_glossary", SCRIPT)
attest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(attest)  # type: ignore[union-attr]

PAIRS = {"gwr-2025": [("今年拟新建一批智能工厂和零碳园区。",
                       attest.normalized_words("A number of Smart Factories and zero-carbon industrial parks will be built."))],
         "gwr-2024": [("城市更新扎实推进，各类国家级创新中心建设加快。",
                       attest.normalized_words("Urban renewal advanced and national innovation centres were built faster."))]}


def test_attested_across_case_plural_and_hyphen():
    assert attest.attesting_source("智能工厂", "smart factory", PAIRS) == "gwr-2025"
    assert attest.attesting_source("零碳园区", "zero carbon industrial park", PAIRS) == "gwr-2025"


def test_british_and_american_spelling_are_one_word():
    assert attest.attesting_source("创新中心", "innovation centers", PAIRS) == "gwr-2024"


def test_not_attested_without_both_sides_in_one_pair():
    assert attest.attesting_source("零碳园区", "zero-carbon parks", PAIRS) is None  # words not contiguous
    assert attest.attesting_source("城市更新", "smart factories", PAIRS) is None  # English in another pair
    assert attest.attesting_source("城市更新", "renew", PAIRS) is None  # whole words only
    assert attest.attesting_source("城", "urban", PAIRS) is None  # one character is a sense, not a term


def test_irregular_plurals():
    pairs = {"nbs-yb-2021": [("居民消费价格指数和商品零售价格指数",
                              attest.normalized_words("Consumer Price Indices and Retail Price Indices"))]}
    assert attest.attesting_source("居民消费价格指数", "consumer price index", pairs) == "nbs-yb-2021"
