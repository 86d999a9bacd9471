"""Language knowledge is data: at most 20 string literals with a Chinese character stay in src/.

A literal counts when it holds a Han character and is not a docstring (comments are no literals).
Run ``python tests/test_han_literals.py`` for the count per module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import regex

SRC = Path(__file__).resolve().parent.parent / "src" / "reportminer"
LIMIT = 20
_HAN = regex.compile(r"\p{Han}")



def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def han_literals(path: Path) -> list[tuple[int, str]]:
    """(line, value) of every string literal of ``path`` that holds a Han character, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in skip and _HAN.search(node.value))


def counts() -> dict[str, int]:
    return {str(p.relative_to(SRC)): len(han_literals(p)) for p in sorted(SRC.rglob("*.py"))}


def test_the_counter_sees_literals_and_skips_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""模块。"""\ndef f():\n    """函数。"""\n    return "年" + f"{1}月"  # 注释\nX = "abc"\n',
                      encoding="utf-8")
    assert [value for _, value in han_literals(sample)] == ["年", "月"]


def test_at_most_twenty_chinese_literals_in_src():
    per_module = counts()
    counted = {name: n for name, n in per_module.items() if n}
    assert sum(counted.values()) <= LIMIT, f"Chinese string literals per module: {counted}"


if __name__ == "__main__":
    table = counts()
    for name, n in table.items():
        print(f"{name:24} {n:4}")
    print(f"{'total':24} {sum(table.values()):4}")
