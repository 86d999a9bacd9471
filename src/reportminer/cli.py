"""The ``reportminer`` command: run, extract, evaluate, add, show. No logic of its own beyond
reading arguments and printing; every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from .corpus import (
    ManifestError,
    add_article,
    entry_for_path,
    read_manifest,
)
from .reader import ArticleError
from .runner import ENGINES, Options, RunnerError, mine_to_table

# pandas and the scorer are imported by the commands that use them (evaluate, show), so that mining a
# small file never pays for importing them.

EXIT_OK, EXIT_FAILURE = 0, 1


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def _error(message: str) -> None:
    print(f"reportminer: error: {message}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Options:
    if args.jobs is not None and args.jobs < 1:
        raise CliError("--jobs must be at least 1")
    return Options(jobs=args.jobs or 0, force=args.force, engine=getattr(args, "engine", "local"),
                   scheduler=getattr(args, "scheduler", None) or "")


def cmd_run(args: argparse.Namespace) -> int:
    entries = read_manifest(args.corpus)
    out = args.out / "facts.csv"
    summary = mine_to_table(entries, _options(args), out, parquet=args.out / "facts.parquet" if args.parquet else None)
    print(f"{summary.claims} claims from {len(entries) - summary.failures} of {len(entries)} articles → {out}"
          f" ({summary.seconds:.1f} s, {summary.cache_hits} from cache, {summary.failures} failed)")
    return EXIT_FAILURE if summary.failures else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    entries = [entry_for_path(p, lang=args.lang or "", published=args.published or "") for p in args.paths]
    stems = [e.doc_id for e in entries]
    if len(set(stems)) != len(stems):
        raise CliError("two input files have the same name (doc_id is the file stem); rename one")
    summary = mine_to_table(entries, _options(args), args.output, bom=True)
    print(f"reportminer: {summary.line()}", file=sys.stderr)
    return EXIT_FAILURE if summary.failures else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .evaluate import as_json as scores_as_json
    from .evaluate import GoldError, evaluate, overall, report
    from .table import read_facts

    if not args.facts.exists():
        raise CliError(f"{args.facts}: no such file (run `reportminer run` first)")
    try:
        facts = read_facts(args.facts)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise CliError(f"{args.facts}: not a readable facts CSV ({exc})") from None
    missing = [c for c in ("doc_id", "start", "end", "std_value") if c not in facts.columns]
    if missing:
        raise CliError(f"{args.facts}: missing column(s) {', '.join(missing)}")
    if not args.gold.is_dir():
        raise CliError(f"{args.gold}: no such directory")
    try:
        scores = evaluate(facts, args.gold)
    except GoldError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print(json.dumps(scores_as_json(scores), ensure_ascii=False, indent=2))
    else:
        print(report(scores, details=not args.summary))
    total = overall(scores)
    return EXIT_OK if total.gold else EXIT_FAILURE


def cmd_add(args: argparse.Namespace) -> int:
    entry = add_article(args.corpus, args.path, doc_id=args.doc_id or "", title=args.title or "",
                        published=args.published or "", origin=args.source or "", lang=args.lang or "")
    print(f"added {entry.doc_id} → {entry.path} (published {entry.published or 'unknown'}, lang {entry.lang})")
    print("run `reportminer run` to mine it, `reportminer show " + entry.doc_id + "` to see its claims")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    import pandas as pd

    from .table import read_facts

    if not args.facts.exists():
        raise CliError(f"{args.facts}: no such file (run `reportminer run` first)")
    facts = read_facts(args.facts)
    rows = facts[facts["doc_id"] == args.doc_id]
    if rows.empty:
        raise CliError(f"no claims for doc_id {args.doc_id!r} in {args.facts}")
    columns = ["claim_id", "mention", "std_value", "std_unit", "qualifier", "metric", "change", "period", "status"]
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 30):
        print(rows[columns].to_string(index=False))
    return EXIT_OK


def _add_scale_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    command.add_argument("--force", action="store_true",
                         help="mine every article again instead of reusing the cache of unchanged ones")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportminer", description="Numeric claims of reports, as a table.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="mine every article of the corpus into OUT/facts.csv")
    run.add_argument("--corpus", type=Path, default=Path("corpus"))
    run.add_argument("--out", type=Path, default=Path("outputs"))
    _add_scale_options(run)
    run.add_argument("--engine", choices=ENGINES, default="local",
                     help="local: a process pool on this machine; dask: Dask distributed (pip install 'reportminer[dask]')")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster")
    run.add_argument("--parquet", action="store_true",
                     help="also write OUT/facts.parquet/, the table in parts of 100,000 rows")
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="mine text files (doc_id = file stem) to a CSV or stdout")
    ext.add_argument("paths", type=Path, nargs="+")
    ext.add_argument("-o", "--output", type=Path)
    ext.add_argument("--lang", choices=["zh", "en"], help="default: guessed from the text")
    ext.add_argument("--published", help="publication date (YYYY, YYYY-MM or YYYY-MM-DD); default: read from the header")
    _add_scale_options(ext)
    ext.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score a facts table against the gold files")
    ev.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    ev.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--summary", action="store_true", help="the table only, without missed/spurious rows")
    ev.set_defaults(func=cmd_evaluate)

    add = sub.add_parser("add", help="copy an article into the corpus and list it in the manifest")
    add.add_argument("path", type=Path)
    add.add_argument("--corpus", type=Path, default=Path("corpus"))
    add.add_argument("--doc-id")
    add.add_argument("--title")
    add.add_argument("--published")
    add.add_argument("--source")
    add.add_argument("--lang", choices=["zh", "en"])
    add.set_defaults(func=cmd_add)

    show = sub.add_parser("show", help="print the claims of one article from the facts table")
    show.add_argument("doc_id")
    show.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    show.set_defaults(func=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.simplefilter("ignore")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (CliError, ArticleError, ManifestError, RunnerError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
