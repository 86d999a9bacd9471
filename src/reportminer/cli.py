"""The ``reportminer`` command: run, extract, evaluate, add, show, gold check. No logic of its own beyond
reading arguments and printing; every error is one line on stderr and a non-zero exit, and everything
printed is UTF-8 whatever the console's encoding."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

from .corpus import (
    Entry,
    ManifestError,
    add_article,
    entry_for_path,
    load_document,
    read_manifest,
)
from .dates import DateError, parse_date
from .evaluate import GoldError, evaluate, overall, report
from .evaluate import as_json as scores_as_json
from .gold import check_gold
from .outputs import BINARY_FORMATS, OUTPUT_FORMATS, OutputError, output_format, render, write_table
from .pipeline import extract_claims
from .reader import ArticleError
from .table import claims_to_frame, read_facts
from .types import Document

EXIT_OK, EXIT_FAILURE = 0, 1
FORMAT_CHOICES = sorted(set(OUTPUT_FORMATS.values()))


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def _error(message: str) -> None:
    print(f"reportminer: error: {' '.join(message.split())}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"reportminer: warning: {message}", file=sys.stderr)


def _mine(entries: list[Entry]) -> tuple[pd.DataFrame, list[str]]:
    """Claims of every entry; a broken article is reported and skipped, never fatal to the rest."""
    claims, documents, failures = [], [], []
    for entry in entries:
        try:
            document = load_document(entry)
        except ArticleError as exc:
            failures.append(str(exc))
            _error(str(exc))
            continue
        documents.append(document)
        claims.extend(_claims_of(document, entry.path))
    return claims_to_frame(claims, documents), failures


def _claims_of(document: Document, path: Path) -> list:
    if not document.text.strip():
        _warn(f"{path}: empty article, no claims")
        return []
    found = extract_claims(document)
    if not found:
        _warn(f"{path}: no numeric claims found")
    return found


def _checked_date(value: str | None) -> str:
    try:
        return parse_date(value or "")
    except DateError as exc:
        raise CliError(f"--published: {exc}") from None


def _emit(frame: pd.DataFrame, output: Path | None, fmt: str) -> None:
    """The table to ``output`` in its format, or to standard output (CSV without BOM by default)."""
    if output is not None:
        write_table(frame, output, fmt)
        return
    fmt = fmt or "csv"
    if fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise CliError(f"will not write {fmt} to a terminal; use -o FILE or redirect the output")
    sys.stdout.flush()
    sys.stdout.buffer.write(render(frame, fmt, bom=False))


def cmd_run(args: argparse.Namespace) -> int:
    entries = read_manifest(args.corpus)
    out = args.out / f"facts.{_extension(args.format or 'csv')}"
    frame, failures = _mine(entries)
    write_table(frame, out, args.format or "")
    print(f"{len(frame)} claims from {len(entries) - len(failures)} of {len(entries)} articles → {out}")
    return EXIT_FAILURE if failures else EXIT_OK


def _extension(fmt: str) -> str:
    return next(ext for ext, name in OUTPUT_FORMATS.items() if name == fmt).lstrip(".")


def cmd_extract(args: argparse.Namespace) -> int:
    if args.output is not None:
        output_format(args.output, args.format or "")  # an unknown extension is refused before mining
    published = _checked_date(args.published)
    entries = [entry_for_path(p, lang=args.lang or "", published=published, encoding=args.encoding or "")
               for p in args.paths]
    ids = [e.doc_id for e in entries]
    if len(set(ids)) != len(ids):
        raise CliError("two input files have the same name (doc_id is the file stem); rename one")
    frame, failures = _mine(entries)
    _emit(frame, args.output, args.format or "")
    return EXIT_FAILURE if failures else EXIT_OK


def _check_gold_or_fail(gold: Path, corpus: Path) -> None:
    problems = check_gold(gold, corpus)
    if problems:
        raise CliError(f"{len(problems)} problem(s) in the gold files, the first: {problems[0]} "
                       "(see `reportminer gold check`)")


def _gold_corpus(args: argparse.Namespace) -> Path:
    """--corpus, else the corpus the gold directory sits in, else ./corpus."""
    if args.corpus is not None:
        return args.corpus
    return args.gold.parent if (args.gold.parent / "manifest.csv").exists() else Path("corpus")


def cmd_evaluate(args: argparse.Namespace) -> int:
    facts = _read_facts(args.facts, ("doc_id", "start", "end", "std_value"))
    if not args.gold.is_dir():
        raise CliError(f"{args.gold}: no such directory")
    _check_gold_or_fail(args.gold, _gold_corpus(args))
    scores = evaluate(facts, args.gold)
    if args.json:
        print(json.dumps(scores_as_json(scores), ensure_ascii=False, indent=2))
    else:
        print(report(scores, details=not args.summary))
    total = overall(scores)
    return EXIT_OK if total.gold else EXIT_FAILURE


def cmd_gold_check(args: argparse.Namespace) -> int:
    problems = check_gold(args.gold, _gold_corpus(args))
    for problem in problems:
        print(problem)
    files = len([p for p in args.gold.glob("*.csv") if p.name != "manifest.csv"]) if args.gold.is_dir() else 0
    print(f"{files} gold file(s), {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILURE if problems else EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    added = add_article(args.corpus, args.path, doc_id=args.doc_id or "", title=args.title or "",
                        published=_checked_date(args.published), origin=args.source or "",
                        lang=args.lang or "", encoding=args.encoding or "", replace_existing=args.replace)
    entry, source = added.entry, added.source
    claims = len(extract_claims(added.document))
    replaced = f", replacing {', '.join(added.replaced)}" if added.replaced else ""
    print(f"added {entry.doc_id} → {entry.path}{replaced}: {len(source.text)} characters, "
          f"format {source.format}{', encoding ' + source.encoding if source.encoding else ''}, "
          f"published {entry.published or 'unknown'}, lang {entry.lang}, {claims} claims")
    print("run `reportminer run` to mine it into the table, `reportminer show " + entry.doc_id + "` to see its claims")
    return EXIT_OK


def _read_facts(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    """A facts table, or a one-line CliError saying why it cannot be used."""
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


SHOW_COLUMNS = ("claim_id", "mention", "std_value", "std_unit", "qualifier", "metric", "change", "period", "status")


def cmd_show(args: argparse.Namespace) -> int:
    facts = _read_facts(args.facts, ("doc_id", *SHOW_COLUMNS))
    rows = facts[facts["doc_id"].astype(str) == args.doc_id]
    if rows.empty:
        raise CliError(f"no claims for doc_id {args.doc_id!r} in {args.facts}")
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 30):
        print(rows[list(SHOW_COLUMNS)].to_string(index=False))
    return EXIT_OK


def _add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMAT_CHOICES,
                        help="output format (default: from the file's extension: .csv, .parquet, .xlsx, .jsonl)")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="the text's encoding (default: detected), e.g. gb18030, big5, utf-16")
    parser.add_argument("--lang", choices=["zh", "en"], help="default: guessed from the text")
    parser.add_argument("--published", help="publication date: 2025, 2025-03, 2025-03-05, 2025/03/05 or "
                                            "2025年3月5日 (default: read from the article)")


def _build_gold(sub) -> None:
    gold = sub.add_parser("gold", help="work with the gold files")
    gold_sub = gold.add_subparsers(dest="gold_command", required=True)
    check = gold_sub.add_parser("check", help="validate every gold file: one line per problem")
    check.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    check.add_argument("--corpus", type=Path, help="default: the directory above --gold")
    check.set_defaults(func=cmd_gold_check)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportminer", description="Numeric claims of reports, as a table.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="mine every article of the corpus into OUT/facts.csv")
    run.add_argument("--corpus", type=Path, default=Path("corpus"))
    run.add_argument("--out", type=Path, default=Path("outputs"))
    _add_format_option(run)
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="mine files (text in any encoding, HTML, PDF, DOCX; - = stdin)")
    ext.add_argument("paths", type=Path, nargs="+")
    ext.add_argument("-o", "--output", type=Path, help="default: CSV on standard output")
    _add_format_option(ext)
    _add_input_options(ext)
    ext.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score a facts table against the gold files (after `gold check`)")
    ev.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    ev.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    ev.add_argument("--corpus", type=Path, help="default: the directory above --gold")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--summary", action="store_true", help="the table only, without missed/spurious rows")
    ev.set_defaults(func=cmd_evaluate)

    add = sub.add_parser("add", help="store an article's text in the corpus and list it in the manifest")
    add.add_argument("path", type=Path, help="a text, HTML, PDF or DOCX file; - = standard input")
    add.add_argument("--corpus", type=Path, default=Path("corpus"))
    add.add_argument("--doc-id", help="a slug (default: made from the file name)")
    add.add_argument("--title")
    add.add_argument("--source")
    add.add_argument("--replace", action="store_true", help="replace an article with the same id or text")
    _add_input_options(add)
    add.set_defaults(func=cmd_add)

    show = sub.add_parser("show", help="print the claims of one article from the facts table")
    show.add_argument("doc_id")
    show.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    show.set_defaults(func=cmd_show)

    _build_gold(sub)
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # so that a write error is reported here, as one line
        return status
    except (CliError, ArticleError, ManifestError, GoldError, OutputError, DateError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # a write error on standard output (a full disk, /dev/full)
        _silence_stdout()
        _error(f"cannot write the output ({exc.strerror or exc})")
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
