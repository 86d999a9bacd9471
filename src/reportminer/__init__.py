"""reportminer: numeric claims from Chinese (and English) reports, as a tidy table.

>>> import reportminer
>>> reportminer.extract("2024年地区生产总值增长6%。")[["mention", "kind", "change", "period"]].values.tolist()
[['6%', 'percent', 'increase', '2024']]
"""

from importlib import import_module

from .types import Claim, Document, Kind, Qualifier

__all__ = ["Claim", "Document", "Kind", "Qualifier", "extract", "extract_claims", "numbers"]

# The engine's modules compile their patterns when imported; they are imported on first use, so that
# a command that only reads the cache (``reportminer run`` on an unchanged corpus) never pays for them.
_LAZY = {"extract": "pipeline", "extract_claims": "pipeline", "numbers": "numberrange"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
