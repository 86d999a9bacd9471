"""Shape: no function in src/reportminer (methods and nested functions included) is longer than 60 lines
or of cyclomatic complexity over 20, by radon's measure. No exceptions are listed."""

from __future__ import annotations

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")
from radon.visitors import Class  # noqa: E402

SOURCE = Path(__file__).resolve().parent.parent / "src" / "reportminer"
MAX_LINES, MAX_COMPLEXITY = 60, 20


def _blocks(blocks):
    for block in blocks:
        if isinstance(block, Class):
            yield from _blocks(block.methods)  # (a class's length is its methods' and fields')
            continue
        yield block
        yield from _blocks(block.closures)


def _functions():
    for path in sorted(SOURCE.rglob("*.py")):
        for item in _blocks(radon_complexity.cc_visit(path.read_text(encoding="utf-8"))):
            yield f"{path.relative_to(SOURCE)}:{item.name}", item.endline - item.lineno + 1, item.complexity


def test_the_shape_test_sees_every_module():
    names = {name.split(":")[0] for name, _, _ in _functions()}
    assert {"pipeline.py", "english.py", "quantities.py", "context/rules.py", "cli/mining.py"} <= names


def test_no_function_is_too_long_or_too_complex():
    over = {name: (lines, cc) for name, lines, cc in _functions() if lines > MAX_LINES or cc > MAX_COMPLEXITY}
    assert not over, f"over {MAX_LINES} lines or complexity {MAX_COMPLEXITY} (lines, complexity): {over}"
