"""Shared fixtures: the corpus is mined once per test session (jieba loads once)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

from reportminer.corpus import load_document, read_manifest
from reportminer.pipeline import extract_claims
from reportminer.table import claims_to_frame

# The slow tests are bounded for CI; REPORTMINER_LONG_TESTS=1 runs them long: the property tests with
# 5,000 fresh random examples each instead of 150 fixed ones, the hostile inputs at full size (10 MB).
LONG_TESTS = os.environ.get("REPORTMINER_LONG_TESTS") == "1"
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("long" if LONG_TESTS else "ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_documents():
    return {e.doc_id: load_document(e) for e in read_manifest(CORPUS)}


@pytest.fixture(scope="session")
def corpus_facts(corpus_documents) -> pd.DataFrame:
    claims = [c for doc in corpus_documents.values() for c in extract_claims(doc)]
    return claims_to_frame(claims)
