"""Commands that read the table against the text and the gold: ``evaluate``, ``show`` and ``gold check``,
``gold draft``, ``gold accept``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..corpus import load_document, read_manifest
from .common import EXIT_FAILURE, EXIT_OK, CliError, read_facts_or_fail

SHOW_COLUMNS = ("claim_id", "mention", "std_value", "std_unit", "qualifier", "metric", "change", "period", "status")


def _gold_corpus(args: argparse.Namespace) -> Path:
    """--corpus, else the corpus the gold directory sits in, else ./corpus."""
    if getattr(args, "corpus", None) is not None:
        return args.corpus
    return args.gold.parent if (args.gold.parent / "manifest.csv").exists() else Path("corpus")


def _check_gold_or_fail(gold: Path, corpus: Path) -> None:
    from ..gold import check_gold

    problems = check_gold(gold, corpus)
    if problems:
        raise CliError(f"{len(problems)} problem(s) in the gold files, the first: {problems[0]} "
                       "(see `reportminer gold check`)")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..evaluate import as_json, evaluate, overall, report

    facts = read_facts_or_fail(args.facts, ("doc_id", "start", "end", "std_value"))
    if not args.gold.is_dir():
        raise CliError(f"{args.gold}: no such directory")
    _check_gold_or_fail(args.gold, _gold_corpus(args))
    scores = evaluate(facts, args.gold)
    print(json.dumps(as_json(scores), ensure_ascii=False, indent=2) if args.json
          else report(scores, details=not args.summary))
    return EXIT_OK if overall(scores).gold else EXIT_FAILURE


def cmd_gold_check(args: argparse.Namespace) -> int:
    from ..gold import check_gold

    problems = check_gold(args.gold, _gold_corpus(args))
    for problem in problems:
        print(problem)
    files = len([p for p in args.gold.glob("*.csv") if p.name != "manifest.csv"]) if args.gold.is_dir() else 0
    print(f"{files} gold file(s), {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILURE if problems else EXIT_OK


def _explained(args: argparse.Namespace):
    """The claims of ``args.doc_id`` mined again from the corpus, with the rules that decided them."""
    from ..pipeline import extract_claims
    from ..table import claims_to_frame

    entry = next((e for e in read_manifest(args.corpus) if e.doc_id == args.doc_id), None)
    if entry is None:
        raise CliError(f"{args.doc_id!r} is not in {args.corpus}/manifest.csv (--explain mines it again)")
    document = load_document(entry)
    return claims_to_frame(extract_claims(document), [document], explain=True)


def cmd_show(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..table import RULE_COLUMNS

    facts = read_facts_or_fail(args.facts, ("doc_id", *SHOW_COLUMNS))
    rows = facts[facts["doc_id"].astype(str) == args.doc_id]
    if rows.empty:
        raise CliError(f"no claims for doc_id {args.doc_id!r} in {args.facts}")
    columns = list(SHOW_COLUMNS)
    if args.explain:
        rows, columns = _explained(args), columns + RULE_COLUMNS
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 30):
        print(rows[columns].to_string(index=False))
    return EXIT_OK


def _article_text(corpus: Path, doc_id: str) -> str:
    for entry in read_manifest(corpus):
        if entry.doc_id == doc_id:
            return load_document(entry).text
    raise CliError(f"doc_id {doc_id!r} is not in {corpus / 'manifest.csv'} (`reportminer add` it first)")


def cmd_gold_draft(args: argparse.Namespace) -> int:
    from ..goldflow import write_draft

    facts = read_facts_or_fail(args.facts)
    path = write_draft(facts, args.doc_id, args.gold, force=args.force)
    print(f"draft → {path}: set verified to yes or drop on every row (add missed rows with yes), "
          f"check with `reportminer report --review {args.doc_id}`, then `reportminer gold accept {args.doc_id}`")
    return EXIT_OK


def cmd_gold_accept(args: argparse.Namespace) -> int:
    from ..goldflow import accept_draft

    text = _article_text(args.corpus, args.doc_id)
    target = accept_draft(args.doc_id, text, args.gold, annotated_by=args.by or "")
    print(f"gold → {target}; `reportminer evaluate` now scores {args.doc_id}")
    return EXIT_OK


def _add_gold_commands(sub) -> None:
    gold = sub.add_parser("gold", help="gold files: check them, draft one from the extraction, accept it when verified")
    gold_sub = gold.add_subparsers(dest="gold_command", required=True)
    check = gold_sub.add_parser("check", help="validate every gold file: one line per problem")
    check.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    check.add_argument("--corpus", type=Path, help="default: the directory above --gold")
    check.set_defaults(func=cmd_gold_check)
    draft = gold_sub.add_parser("draft", help="write a draft gold file from the extraction, to verify")
    draft.add_argument("doc_id")
    draft.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    draft.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    draft.add_argument("--force", action="store_true", help="overwrite an existing draft")
    draft.set_defaults(func=cmd_gold_draft)
    accept = gold_sub.add_parser("accept", help="turn a fully verified draft into the gold file")
    accept.add_argument("doc_id")
    accept.add_argument("--corpus", type=Path, default=Path("corpus"))
    accept.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    accept.add_argument("--by", help="who verified it (goes into the gold manifest)")
    accept.set_defaults(func=cmd_gold_accept)


def add_commands(sub) -> None:
    ev = sub.add_parser("evaluate", help="score a facts table against the gold files (after `gold check`)")
    ev.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    ev.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    ev.add_argument("--corpus", type=Path, help="default: the directory above --gold")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.add_argument("--summary", action="store_true", help="the table only, without missed/spurious rows")
    ev.set_defaults(func=cmd_evaluate)

    show = sub.add_parser("show", help="print the claims of one article from the facts table")
    show.add_argument("doc_id")
    show.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    show.add_argument("--explain", action="store_true", help="mine the article again and show which rule decided "
                      "each claim's metric, change, period and status")
    show.add_argument("--corpus", type=Path, default=Path("corpus"), help="where --explain finds the article")
    show.set_defaults(func=cmd_show)
    _add_gold_commands(sub)
