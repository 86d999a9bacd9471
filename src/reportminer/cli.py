"""The ``reportminer`` command: run, extract, evaluate, add, show. No logic of its own beyond
reading arguments and printing; every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import ManifestError, add_article, entry_for_path, load_document, read_manifest
from .errors import UserError
from .reader import ArticleError
from .runner import ENGINES, Options, RunnerError, mine_to_table

if TYPE_CHECKING:
    import pandas as pd

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


def _write(frame: pd.DataFrame, out: Path) -> None:
    from .table import write_csv

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_csv(frame, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _emit(frame: pd.DataFrame, output: Path | None) -> None:
    """As `extract` does: a CSV file (UTF-8 with BOM, atomic) with -o, else CSV on stdout."""
    if output:
        _write(frame, output)
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def _titles(corpus: Path) -> dict[str, str]:
    try:
        return {e.doc_id: e.title for e in read_manifest(corpus)}
    except ManifestError:
        return {}  # a facts table from elsewhere: no titles, not an error


def _read_facts_or_fail(path: Path) -> pd.DataFrame:
    import pandas as pd

    from .table import read_facts

    if not path.exists():
        raise CliError(f"{path}: no such file (run `reportminer run` first)")
    try:
        return read_facts(path)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise CliError(f"{path}: not a readable facts CSV ({exc})") from None


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare, pivot
    from .indicators import load_catalogue

    catalogue = load_catalogue()
    if args.indicator not in catalogue.by_id:
        raise CliError(f"unknown indicator {args.indicator!r} (`reportminer indicators` lists the ids)")
    facts = _read_facts_or_fail(args.facts)
    table = compare(facts, args.indicator, period=args.period or "", status=args.status or "",
                    titles=_titles(args.corpus))
    _emit(pivot(table) if args.pivot else table, args.output)
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    import pandas as pd

    from .indicators import load_catalogue

    rows = [{"id": i.id, "name_zh": i.name_zh, "name_en": i.name_en, "measure": i.measure,
             "kind": "|".join(sorted(i.kinds)), "category": i.category} for i in load_catalogue().indicators]
    _emit(pd.DataFrame(rows), args.output)
    return EXIT_OK


def add_compare_commands(sub) -> None:
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


def _article_text(corpus: Path, doc_id: str) -> str:
    for entry in read_manifest(corpus):
        if entry.doc_id == doc_id:
            return load_document(entry).text
    raise CliError(f"doc_id {doc_id!r} is not in {corpus / 'manifest.csv'} (`reportminer add` it first)")


def cmd_gold_draft(args: argparse.Namespace) -> int:
    from .goldflow import write_draft

    facts = _read_facts_or_fail(args.facts)
    path = write_draft(facts, args.doc_id, args.gold, force=args.force)
    print(f"draft → {path}: set verified to yes or drop on every row (add missed rows with yes), "
          f"check with `reportminer report --review {args.doc_id}`, then `reportminer gold accept {args.doc_id}`")
    return EXIT_OK


def cmd_gold_accept(args: argparse.Namespace) -> int:
    from .goldflow import accept_draft

    text = _article_text(args.corpus, args.doc_id)
    target = accept_draft(args.doc_id, text, args.gold, annotated_by=args.by or "")
    print(f"gold → {target}; `reportminer evaluate` now scores {args.doc_id}")
    return EXIT_OK


def _write_text(content: str, out: Path) -> None:
    """Atomically: a temporary file beside the target, then a rename."""
    import os
    import tempfile

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.chmod(tmp, 0o644)  # a page to open and share, not a secret (mkstemp makes it 0600)
        os.replace(tmp, out)
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror or exc})") from None


def cmd_report(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, load_gold
    from .goldflow import draft_path, read_draft
    from .report import make_report

    facts = _read_facts_or_fail(args.facts)
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
    _write_text(page, args.output)
    print(f"{len(wanted)} article(s) → {args.output}")
    return EXIT_OK


def add_report_command(sub) -> None:
    rep = sub.add_parser("report", help="one self-contained HTML page: claims highlighted in their text")
    rep.add_argument("doc_ids", nargs="*", help="default: every article in the facts table")
    rep.add_argument("-o", "--output", type=Path, default=Path("outputs/report.html"))
    rep.add_argument("--review", metavar="DOC_ID", help="show the draft gold of DOC_ID for checking")
    rep.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    rep.add_argument("--corpus", type=Path, default=Path("corpus"))
    rep.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    rep.set_defaults(func=cmd_report)


def add_gold_draft_commands(gold_sub) -> None:
    """`gold draft` and `gold accept`, under the `gold` group (which also holds `gold check`)."""
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




def _align_side(name: str, corpus: Path, lang: str, published: str):
    """A corpus doc_id or a text file, read as ``lang``."""
    entries = {e.doc_id: e for e in read_manifest(corpus)} if (corpus / "manifest.csv").exists() else {}
    if name in entries:
        entry = entries[name]
        return load_document(replace(entry, lang=lang, published=published or entry.published)), entry
    path = Path(name)
    if not path.is_file():
        raise CliError(f"{name}: neither a doc_id of {corpus}/manifest.csv nor a file")
    return load_document(entry_for_path(path, lang=lang, published=published)), None


def cmd_align(args: argparse.Namespace) -> int:
    from .align import align_claims, aligned_frame
    from .pipeline import extract_claims

    en_name = args.en
    zh_name = args.zh
    if en_name is None:  # one name: a translation whose manifest line names its original
        en_name = zh_name
        _, entry = _align_side(en_name, args.corpus, "en", args.published or "")
        if entry is None or not entry.translation_of:
            raise CliError(f"{en_name}: give the Chinese and the English text (no translation_of in the manifest)")
        zh_name = entry.translation_of
    zh, _ = _align_side(zh_name, args.corpus, "zh", args.published or "")
    en, _ = _align_side(en_name, args.corpus, "en", args.published or "")
    frame = aligned_frame(align_claims(extract_claims(zh), extract_claims(en)))
    if args.output:
        _write(frame, args.output)
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    counts = frame["status"].value_counts()
    print(f"{counts.get('pair', 0)} pairs ({int(frame['changed'].sum())} changed), {counts.get('zh_only', 0)} zh_only, "
          f"{counts.get('en_only', 0)} en_only", file=sys.stderr)
    return EXIT_OK


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

    align = sub.add_parser("align", help="pair the claims of a Chinese text with those of its English translation")
    align.add_argument("zh", help="the Chinese text: a corpus doc_id or a file (alone: an English doc_id with translation_of)")
    align.add_argument("en", nargs="?", help="the English translation: a corpus doc_id or a file")
    align.add_argument("--corpus", type=Path, default=Path("corpus"))
    align.add_argument("--published", help="publication date of both (default: the manifest's, else the header's)")
    align.add_argument("-o", "--output", type=Path)
    align.set_defaults(func=cmd_align)

    show = sub.add_parser("show", help="print the claims of one article from the facts table")
    show.add_argument("doc_id")
    show.add_argument("--facts", type=Path, default=Path("outputs/facts.csv"))
    show.set_defaults(func=cmd_show)
    add_compare_commands(sub)
    add_report_command(sub)
    gold = sub.add_parser("gold", help="gold files: draft from the extraction, accept when verified")
    add_gold_draft_commands(gold.add_subparsers(dest="gold_command", required=True))
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.simplefilter("ignore")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (CliError, ArticleError, UserError, RunnerError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
