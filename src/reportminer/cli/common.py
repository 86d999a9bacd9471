"""What every command shares: the one-line error, reading a facts table, writing a table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import DateError, parse_date
from ..outputs import BINARY_FORMATS, OUTPUT_FORMATS, render, write_table

if TYPE_CHECKING:
    import pandas as pd

EXIT_OK, EXIT_FAILURE = 0, 1
FORMAT_CHOICES = sorted(set(OUTPUT_FORMATS.values()))


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def error(message: str) -> None:
    print(f"reportminer: error: {' '.join(message.split())}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"reportminer: warning: {message}", file=sys.stderr)


def checked_date(value: str | None) -> str:
    try:
        return parse_date(value or "")
    except DateError as exc:
        raise CliError(f"--published: {exc}") from None


def emit(frame: pd.DataFrame, output: Path | None, fmt: str = "") -> None:
    """The table to ``output`` in its format, or to standard output (CSV without BOM by default)."""
    if output is not None:
        write_table(frame, output, fmt)
        return
    fmt = fmt or "csv"
    if fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise CliError(f"will not write {fmt} to a terminal; use -o FILE or redirect the output")
    sys.stdout.flush()
    sys.stdout.buffer.write(render(frame, fmt, bom=False))


def read_facts_or_fail(path: Path, required: tuple[str, ...] = ("doc_id",)) -> pd.DataFrame:
    """A facts table, or a one-line CliError saying why it cannot be used."""
    import pandas as pd

    from ..table import read_facts

    if not path.exists():
        raise CliError(f"{path}: no such file (run `reportminer run` first)")
    try:
        facts = read_facts(path)
    except (UnicodeDecodeError, ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CliError(f"{path}: not a readable facts CSV ({' '.join(str(exc).split())[:160]})") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from None
    missing = [c for c in required if c not in facts.columns]
    if missing:
        raise CliError(f"{path}: not a facts table, missing column(s) {', '.join(missing)}")
    return facts


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMAT_CHOICES,
                        help="output format (default: from the file's extension: .csv, .parquet, .xlsx, .jsonl)")


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, help="default: CSV on standard output")
    add_format_option(parser)
