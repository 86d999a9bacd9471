"""``align``: the claims of a Chinese text paired with those of its English translation."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from ..corpus import entry_for_path, load_document, read_manifest
from .common import EXIT_OK, CliError, add_output_options, emit


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
    from ..align import align_claims, aligned_frame
    from ..pipeline import extract_claims

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
    emit(frame, args.output, args.format or "")
    counts = frame["status"].value_counts()
    print(f"{counts.get('pair', 0)} pairs ({int(frame['changed'].sum())} changed), {counts.get('zh_only', 0)} zh_only, "
          f"{counts.get('en_only', 0)} en_only", file=sys.stderr)
    return EXIT_OK


def add_commands(sub) -> None:
    align = sub.add_parser("align", help="pair the claims of a Chinese text with those of its English translation")
    align.add_argument("zh", help="the Chinese text: a corpus doc_id or a file (alone: an English doc_id with translation_of)")
    align.add_argument("en", nargs="?", help="the English translation: a corpus doc_id or a file")
    align.add_argument("--corpus", type=Path, default=Path("corpus"))
    align.add_argument("--published", help="publication date of both (default: the manifest's, else the header's)")
    add_output_options(align)
    align.set_defaults(func=cmd_align)
