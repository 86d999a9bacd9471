"""The ``reportminer`` command. Each module holds a family of subcommands (mining, scoring, views,
aligning) and adds them to the parser; no logic of its own beyond reading arguments and printing.
Every error is one line on stderr and a non-zero exit, and everything printed is UTF-8 whatever the
console's encoding."""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from ..errors import UserError
from ..outputs import OutputError
from ..reader import ArticleError
from ..runner import RunnerError
from . import aligning, mining, scoring, views
from .common import EXIT_FAILURE, EXIT_OK, CliError, error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportminer", description="Numeric claims of reports, as a table.")
    sub = parser.add_subparsers(dest="command", required=True)
    for family in (mining, scoring, views, aligning):
        family.add_commands(sub)
    return parser


def _utf8_streams() -> None:
    """Print UTF-8 whatever the console's encoding (a C or Latin-1 locale would fail on Chinese)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # (surrogateescape: a file name the C locale could not decode is printed as its own bytes)
            stream.reconfigure(encoding="utf-8", errors="surrogateescape")


def _silence_stdout() -> None:
    """After a write error on stdout, point it at /dev/null so the interpreter's own flush at exit has
    nothing left to fail on (and prints no traceback)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    warnings.simplefilter("ignore")
    _utf8_streams()
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # so that a write error is reported here, as one line
        return status
    except (CliError, ArticleError, UserError, OutputError, RunnerError) as exc:
        error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # a write error on standard output (a full disk, /dev/full)
        _silence_stdout()
        error(f"cannot write the output ({exc.strerror or exc})")
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
