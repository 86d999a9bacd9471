"""Commands that show and compare the table: ``compare`` (one indicator across reports), ``indicators``
(the ids) and ``report`` (claims highlighted in their text, one self-contained HTML page)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..corpus import ManifestError, load_document, read_manifest
from ..outputs import write_bytes
from .common import EXIT_OK, CliError, emit, read_facts_or_fail


def _titles(corpus: Path) -> dict[str, str]:
    try:
        return {e.doc_id: e.title for e in read_manifest(corpus)}
    except ManifestError:
        return {}  # a facts table from elsewhere: no titles, not an error


def cmd_compare(args: argparse.Namespace) -> int:
    from ..compare import compare, pivot
    from ..indicators import load_catalogue

    catalogue = load_catalogue()
    if args.indicator not in catalogue.by_id:
        raise CliError(f"unknown indicator {args.indicator!r} (`reportminer indicators` lists the ids)")
    facts = read_facts_or_fail(args.facts)
    table = compare(facts, args.indicator, period=args.period or "", status=args.status or "",
                    titles=_titles(args.corpus))
    emit(pivot(table) if args.pivot else table, args.output)
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..indicators import load_catalogue

    rows = [{"id": i.id, "name_zh": i.name_zh, "name_en": i.name_en, "measure": i.measure,
             "kind": "|".join(sorted(i.kinds)), "category": i.category} for i in load_catalogue().indicators]
    emit(pd.DataFrame(rows), args.output)
    return EXIT_OK


def _add_compare_commands(sub) -> None:
    """`compare` and `indicators`."""
    cmp_ = sub.add_parser("compare", help="one standard indicator across documents, one row per document")
    cmp_.add_argument("--indicator", required=True, help="an id from `reportminer indicators` (gdp_growth, …)")
    cmp_.add_argument("--period", help="only this period (2026, 2021/2025, …)")
    cmp_.add_argument("--status", choices=["actual", "target"])
    cmp_.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    cmp_.add_argument("--corpus", type=Path, default=Path("corpus"), help="for the titles (manifest.csv)")
    cmp_.add_argument("--pivot", action="store_true", help="wide: documents × period and status")
    cmp_.add_argument("-o", "--output", type=Path)
    cmp_.set_defaults(func=cmd_compare)
    ind = sub.add_parser("indicators", help="list the standard indicators (id, names, measure)")
    ind.add_argument("-o", "--output", type=Path)
    ind.set_defaults(func=cmd_indicators)


def cmd_report(args: argparse.Namespace) -> int:
    from ..evaluate import evaluate, load_gold
    from ..goldflow import draft_path, read_draft
    from ..report import make_report

    facts = read_facts_or_fail(args.facts)
    missing = [c for c in ("doc_id", "claim_id", "start", "end", "mention", "kind", "indicator") if c not in facts]
    if missing:
        raise CliError(f"{args.facts}: missing column(s) {', '.join(missing)} (rerun `reportminer run`)")
    entries = {e.doc_id: e for e in read_manifest(args.corpus)}
    wanted = [args.review] if args.review else (args.doc_ids or [d for d in entries if d in set(facts["doc_id"])])
    unknown = [d for d in wanted if d not in entries]
    if unknown:
        raise CliError(f"not in {args.corpus / 'manifest.csv'}: {', '.join(unknown)}")
    texts = {}
    for doc_id in wanted:
        document = load_document(entries[doc_id])
        texts[doc_id] = (document.title, document.text)
    review_rows = read_draft(draft_path(args.gold, args.review)).to_dict("records") if args.review else None
    gold = load_gold(args.gold) if args.gold.is_dir() else {}
    scopes = {d: scope for d, (_, scope) in gold.items()}
    scores = {s.doc_id: s for s in evaluate(facts[facts["doc_id"].isin(wanted)], args.gold)} if gold else {}
    page = make_report(facts, texts, scores, scopes, wanted, review_rows=review_rows)
    write_bytes(args.output, page.encode("utf-8"))
    print(f"{len(wanted)} article(s) → {args.output}")
    return EXIT_OK


def _add_report_command(sub) -> None:
    rep = sub.add_parser("report", help="one self-contained HTML page: claims highlighted in their text")
    rep.add_argument("doc_ids", nargs="*", help="default: every article in the facts table")
    rep.add_argument("-o", "--output", type=Path, default=Path("outputs/report.html"))
    rep.add_argument("--review", metavar="DOC_ID", help="show the draft gold of DOC_ID for checking")
    rep.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    rep.add_argument("--corpus", type=Path, default=Path("corpus"))
    rep.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    rep.set_defaults(func=cmd_report)


def add_commands(sub) -> None:
    _add_compare_commands(sub)
    _add_report_command(sub)
