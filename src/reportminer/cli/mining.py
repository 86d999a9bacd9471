"""Commands that mine articles: ``run`` (the corpus), ``extract`` (any files) and ``add`` (into the corpus)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus import add_article, entry_for_path, read_manifest
from ..outputs import OUTPUT_FORMATS, output_format
from ..runner import ENGINES, Options, mine_to_table
from .common import EXIT_FAILURE, EXIT_OK, CliError, add_format_option, checked_date


def _options(args: argparse.Namespace) -> Options:
    if args.jobs is not None and args.jobs < 1:
        raise CliError("--jobs must be at least 1")
    return Options(jobs=args.jobs or 0, force=args.force, engine=getattr(args, "engine", "local"),
                   scheduler=getattr(args, "scheduler", None) or "")


def _extension(fmt: str) -> str:
    return next(ext for ext, name in OUTPUT_FORMATS.items() if name == fmt).lstrip(".")


def cmd_run(args: argparse.Namespace) -> int:
    entries = read_manifest(args.corpus)
    out = args.out / f"facts.{_extension(args.format or 'csv')}"
    summary = mine_to_table(entries, _options(args), out, fmt=args.format or "",
                            parquet=args.out / "facts.parquet" if args.parquet else None)
    print(f"{summary.claims} claims from {len(entries) - summary.failures} of {len(entries)} articles → {out}"
          f" ({summary.seconds:.1f} s, {summary.cache_hits} from cache, {summary.failures} failed)")
    return EXIT_FAILURE if summary.failures else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    if args.output is not None:
        output_format(args.output, args.format or "")  # an unknown extension is refused before mining
    published = checked_date(args.published)
    entries = [entry_for_path(p, lang=args.lang or "", published=published, encoding=args.encoding or "",
                              region=args.region or "") for p in args.paths]
    ids = [e.doc_id for e in entries]
    if len(set(ids)) != len(ids):
        raise CliError("two input files have the same name (doc_id is the file stem); rename one")
    if args.explain:
        return _extract_explained(entries, args)
    summary = mine_to_table(entries, _options(args), args.output, fmt=args.format or "", bom=args.output is not None)
    print(f"reportminer: {summary.line()}", file=sys.stderr)
    return EXIT_FAILURE if summary.failures else EXIT_OK


def _extract_explained(entries, args: argparse.Namespace) -> int:
    """``extract --explain``: mined here (not from the cache), with the rules that decided each field."""
    from ..corpus import load_document
    from ..pipeline import extract_claims
    from ..reader import ArticleError
    from ..table import claims_to_frame
    from .common import emit, error

    claims, documents, failures = [], [], 0
    for entry in entries:
        try:
            document = load_document(entry)
        except ArticleError as exc:
            error(str(exc))
            failures += 1
            continue
        documents.append(document)
        claims.extend(extract_claims(document))
    emit(claims_to_frame(claims, documents, explain=True), args.output, args.format or "")
    return EXIT_FAILURE if failures else EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from ..pipeline import extract_claims

    added = add_article(args.corpus, args.path, doc_id=args.doc_id or "", title=args.title or "",
                        published=checked_date(args.published), origin=args.source or "",
                        lang=args.lang or "", encoding=args.encoding or "", region=args.region or "",
                        replace_existing=args.replace)
    entry, source = added.entry, added.source
    claims = len(extract_claims(added.document))
    replaced = f", replacing {', '.join(added.replaced)}" if added.replaced else ""
    print(f"added {entry.doc_id} → {entry.path}{replaced}: {len(source.text)} characters, "
          f"format {source.format}{', encoding ' + source.encoding if source.encoding else ''}, "
          f"published {entry.published or 'unknown'}, lang {entry.lang}, region {added.document.region}, {claims} claims")
    print("run `reportminer run` to mine it into the table, `reportminer show " + entry.doc_id + "` to see its claims")
    return EXIT_OK


def _add_scale_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    command.add_argument("--force", action="store_true",
                         help="mine every article again instead of reusing the cache of unchanged ones")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="the text's encoding (default: detected), e.g. gb18030, big5, utf-16")
    parser.add_argument("--lang", choices=["zh", "en"], help="default: guessed from the text")
    parser.add_argument("--region", choices=["CN", "TW", "HK", "MO"],
                        help="where the report comes from (default: inferred from the text); sets the currency of 元 "
                             "and the calendar of its years")
    parser.add_argument("--published", help="publication date: 2025, 2025-03, 2025-03-05, 2025/03/05 or "
                                            "2025年3月5日 (default: read from the article)")


def add_commands(sub) -> None:
    run = sub.add_parser("run", help="mine every article of the corpus into OUT/facts.csv")
    run.add_argument("--corpus", type=Path, default=Path("corpus"))
    run.add_argument("--out", type=Path, default=Path("outputs"))
    add_format_option(run)
    _add_scale_options(run)
    run.add_argument("--engine", choices=ENGINES, default="local",
                     help="local: a process pool on this machine; dask: Dask distributed (pip install 'reportminer[dask]')")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: a running scheduler (tcp://host:8786); default: a local cluster")
    run.add_argument("--parquet", action="store_true",
                     help="also write OUT/facts.parquet/, the table in parts of 100,000 rows")
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="mine files (text in any encoding, HTML, PDF, DOCX; - = stdin)")
    ext.add_argument("paths", type=Path, nargs="+")
    ext.add_argument("-o", "--output", type=Path, help="default: CSV on standard output")
    add_format_option(ext)
    _add_input_options(ext)
    _add_scale_options(ext)
    ext.add_argument("--explain", action="store_true", help="add the rules that decided each claim's fields")
    ext.set_defaults(func=cmd_extract)

    add = sub.add_parser("add", help="store an article's text in the corpus and list it in the manifest")
    add.add_argument("path", type=Path, help="a text, HTML, PDF or DOCX file; - = standard input")
    add.add_argument("--corpus", type=Path, default=Path("corpus"))
    add.add_argument("--doc-id", help="a slug (default: made from the file name)")
    add.add_argument("--title")
    add.add_argument("--source")
    add.add_argument("--replace", action="store_true", help="replace an article with the same id or text")
    _add_input_options(add)
    add.set_defaults(func=cmd_add)
