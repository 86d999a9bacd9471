"""Shared fixtures: the corpus is mined once per test session (jieba loads once)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from reportminer.corpus import load_document, read_manifest
from reportminer.pipeline import extract_claims
from reportminer.table import claims_to_frame

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_documents():
    return {e.doc_id: load_document(e) for e in read_manifest(CORPUS)}


@pytest.fixture(scope="session")
def corpus_facts(corpus_documents) -> pd.DataFrame:
    claims = [c for doc in corpus_documents.values() for c in extract_claims(doc)]
    return claims_to_frame(claims)
