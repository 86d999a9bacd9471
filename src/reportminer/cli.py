"""The ``reportminer`` command: run, extract, evaluate, add, show. No logic of its own beyond
reading arguments and printing; every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import pandas as pd

from .corpus import (
    ManifestError,
    add_article,
    entry_for_path,
    load_document,
    read_manifest,
)
from .evaluate import GoldError, evaluate, overall, report
from .evaluate import as_json as scores_as_json
from .pipeline import extract_claims
from .reader import ArticleError
from .table import RULE_COLUMNS, claims_to_frame, read_facts, write_csv

EXIT_OK, EXIT_FAILURE = 0, 1


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def _error(message: str) -> None:
    print(f"reportminer: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"reportminer: warning: {message}", file=sys.stderr)


def _mine(entries, explain: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """Claims of every entry; a broken article is reported and skipped, never fatal to the rest."""
    claims, failures = [], []
    for entry in entries:
        try:
            document = load_document(entry)
        except ArticleError as exc:
            failures.append(str(exc))
            _error(str(exc))
            continue
        if not document.text.strip():
            _warn(f"{entry.path}: empty article, no claims")
            continue
        found = extract_claims(document)
        if not found:
            _warn(f"{entry.path}: no numeric claims found")
        claims.extend(found)
    return claims_to_frame(claims, explain=explain), failures


def _write(frame: pd.DataFrame, out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_csv(frame, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror or exc})") from None


def cmd_run(args: argparse.Namespace) -> int:
    entries = read_manifest(args.corpus)
    frame, failures = _mine(entries)
    out = args.out / "facts.csv"
    _write(frame, out)
    print(f"{len(frame)} claims from {len(entries) - len(failures)} of {len(entries)} articles → {out}")
    return EXIT_FAILURE if failures else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    entries = [entry_for_path(p, lang=args.lang or "", published=args.published or "") for p in args.paths]
    stems = [e.doc_id for e in entries]
    if len(set(stems)) != len(stems):
        raise CliError("two input files have the same name (doc_id is the file stem); rename one")
    frame, failures = _mine(entries, explain=args.explain)
    if args.output:
        _write(frame, args.output)
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return EXIT_FAILURE if failures else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
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
    scores = evaluate(facts, args.gold)
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


def _explained(args: argparse.Namespace) -> pd.DataFrame:
    """The claims of ``args.doc_id`` mined again from the corpus, with the rules that decided them."""
    entry = next((e for e in read_manifest(args.corpus) if e.doc_id == args.doc_id), None)
    if entry is None:
        raise CliError(f"{args.doc_id!r} is not in {args.corpus}/manifest.csv (--explain mines it again)")
    return claims_to_frame(extract_claims(load_document(entry)), explain=True)


def cmd_show(args: argparse.Namespace) -> int:
    if not args.facts.exists():
        raise CliError(f"{args.facts}: no such file (run `reportminer run` first)")
    facts = read_facts(args.facts)
    rows = facts[facts["doc_id"] == args.doc_id]
    if rows.empty:
        raise CliError(f"no claims for doc_id {args.doc_id!r} in {args.facts}")
    columns = ["claim_id", "mention", "std_value", "std_unit", "qualifier", "metric", "change", "period", "status"]
    if args.explain:
        rows, columns = _explained(args), columns + RULE_COLUMNS
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 30):
        print(rows[columns].to_string(index=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportminer", description="Numeric claims of reports, as a table.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="mine every article of the corpus into OUT/facts.csv")
    run.add_argument("--corpus", type=Path, default=Path("corpus"))
    run.add_argument("--out", type=Path, default=Path("outputs"))
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="mine text files (doc_id = file stem) to a CSV or stdout")
    ext.add_argument("paths", type=Path, nargs="+")
    ext.add_argument("-o", "--output", type=Path)
    ext.add_argument("--lang", choices=["zh", "en"], help="default: guessed from the text")
    ext.add_argument("--published", help="publication date (YYYY, YYYY-MM or YYYY-MM-DD); default: read from the header")
    ext.add_argument("--explain", action="store_true", help="add the rules that decided each claim's fields")
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
    show.add_argument("--explain", action="store_true", help="mine the article again and show which rule decided "
                      "each claim's metric, change, period and status")
    show.add_argument("--corpus", type=Path, default=Path("corpus"), help="where --explain finds the article")
    show.set_defaults(func=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.simplefilter("ignore")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (CliError, ArticleError, ManifestError, GoldError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
