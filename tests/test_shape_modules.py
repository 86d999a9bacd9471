"""Small functions: none of the modules below has a function over 60 lines or over cyclomatic complexity 20
(radon's measure). tests/test_shape.py holds the same bound for the context rules; at merge the two lists
together should cover all of src/reportminer."""

from __future__ import annotations

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")
radon_visitors = pytest.importorskip("radon.visitors")

SRC = Path(__file__).resolve().parent.parent / "src" / "reportminer"
MAX_LINES = 60
MAX_COMPLEXITY = 20
MODULES = ("quantities.py", "layout.py", "timeframe.py", "numberscan.py", "numerals.py", "numberrange.py",
           "corpus.py", "fold.py", "segment.py", "reader.py", "gloss.py", "lexicon.py")


def _functions(blocks):
    for block in blocks:
        if isinstance(block, radon_visitors.Class):
            yield from _functions(block.methods)
            continue
        yield block
        yield from _functions(block.closures)


@pytest.mark.parametrize("module", MODULES)
def test_functions_are_short_and_simple(module):
    blocks = radon_complexity.cc_visit((SRC / module).read_text(encoding="utf-8"))
    functions = list(_functions(blocks))
    assert functions, module
    too_big = [f"{f.name}: {f.endline - f.lineno + 1} lines, complexity {f.complexity}" for f in functions
               if f.endline - f.lineno + 1 > MAX_LINES or f.complexity > MAX_COMPLEXITY]
    assert not too_big, too_big
