"""Hostile input: huge and pathological texts finish (no catastrophic backtracking) and give sane rows;
broken files give a clear error or no rows, and never stop the other articles of a run.

Speed on such input is measured by `scripts/benchmark.py --adversarial`, not here; the alarm below only
turns a hang into a failure."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

import reportminer

from .conftest import LONG_TESTS


@contextmanager
def hang_guard(seconds: int):
    def on_alarm(signum, frame):
        raise TimeoutError(f"no answer after {seconds} s: catastrophic backtracking?")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(text: str) -> list[dict]:
    with hang_guard(120):
        rows = reportminer.extract(text, doc_id="hostile", lang="zh").to_dict("records")
        numbers = reportminer.numbers(text) if len(text) < 300_000 else []
    for row in rows:
        assert text[row["start"] : row["end"]] == row["mention"]
    for row in numbers:
        assert text[row["start"] : row["end"]] == row["mention"]
    return rows


def test_a_hundred_thousand_digits():
    assert _check("1" * 100_000) == []
    rows = _check("全年投资" + "9" * 100_000 + "亿元。")
    assert all(r["end"] - r["start"] < 100 for r in rows)  # an identifier, not an amount


def test_runs_of_magnitudes_and_numerals():
    _check("万" * 100_000)
    _check("一二三四五六七八九十百千万亿" * 10_000)
    _check("1万" * 50_000)


def test_deeply_repeated_approximations():
    rows = _check("约" * 20_000 + "1" + "余" * 20_000 + "万元。")
    assert len(rows) <= 1
    _check("近超过约" * 10_000 + "5%左右以上以内" * 10_000)


def test_many_quantities_in_one_clause_without_punctuation():
    # (10,000 in CI: a cost quadratic in the clause would already take minutes; 40,000 run long)
    count = 40_000 if LONG_TESTS else 10_000
    rows = _check("新增项目1个" * count)
    assert len(rows) == count


def _one_line(megabytes: float) -> str:
    sentence = "2025年全省地区生产总值增长5.3%，新增城镇就业12.3万人，完成投资1082.6亿元；"
    return sentence * int(megabytes * 1_000_000 // len(sentence.encode("utf-8")))


def _cpu_seconds(text: str) -> float:
    """CPU time of this process (not wall time: other processes on the machine do not count)."""
    start = time.process_time()
    rows = _check(text)
    assert len(rows) == 3 * text.count("2025年")
    return time.process_time() - start


def test_a_line_of_megabytes_is_read_in_linear_time():
    """One line without a newline, at 0.25 MB and 1 MB (10 MB with REPORTMINER_LONG_TESTS=1): four
    times the text may cost at most eight times the CPU (linear: 4x; quadratic: 16x), every row is
    found and every span points into the text."""
    large = 10.0 if LONG_TESTS else 1.0
    small_text, large_text = _one_line(large / 4), _one_line(large)
    assert len(large_text.encode("utf-8")) > 0.99 * large * 1_000_000 and "\n" not in large_text
    _cpu_seconds(_one_line(0.01))  # (dictionaries and patterns loaded before timing)
    small, big = _cpu_seconds(small_text), _cpu_seconds(large_text)
    assert big < 8 * small, f"{big:.2f} s for 4x the text of {small:.2f} s: worse than linear"


def test_an_english_line_without_full_stops_is_cut_into_sentences_and_read_whole():
    repeats = 4_000 if LONG_TESTS else 1_000  # (run long with REPORTMINER_LONG_TESTS=1)
    text = "Retail sales rose 4.5 percent to 3.2 trillion yuan, and 120 new schools opened, " * repeats
    frame = reportminer.extract(text, doc_id="hostile", lang="en")
    assert len(frame) == 3 * repeats
    assert all(text[r.start : r.end] == r.mention for r in frame.itertuples())
    assert frame["sentence"].str.len().max() <= 1_200  # cut at clause breaks, so every look-around is bounded


def test_control_characters_and_odd_unicode():
    _check("增长\x005%，\u200b投资\ufeff100亿元\u202e，\U0001f600 3个")


@pytest.mark.parametrize("content, fragment", [
    (b"\x00\x01\x02binary\xff\xfe", "byte offset"),
    ("新增项目3个".encode("utf-8")[:-1], "byte offset"),     # truncated UTF-8
    ("新增\x00项目3个".encode("utf-8"), "NUL"),
])
def test_broken_files_are_refused_in_one_line_and_the_rest_is_mined(tmp_path, content, fragment):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("新建学校4所。", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reportminer", "extract", str(bad), str(good)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and fragment in result.stderr and "bad.txt" in result.stderr
    assert ",4所," in result.stdout


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\u3000\u3000".encode("utf-8")])
def test_empty_and_blank_files_give_no_rows(tmp_path, content):
    blank = tmp_path / "blank.txt"
    blank.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "reportminer", "extract", str(blank)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the header only
