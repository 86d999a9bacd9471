"""reportminer: numeric claims from Chinese (and English) reports, as a tidy table.

>>> import reportminer
>>> reportminer.extract("2024年地区生产总值增长6%。")[["mention", "kind", "change", "period"]].values.tolist()
[['6%', 'percent', 'increase', '2024']]
"""

from .numberrange import numbers
from .pipeline import extract, extract_claims
from .types import Claim, Document, Kind, Qualifier

__all__ = ["Claim", "Document", "Kind", "Qualifier", "extract", "extract_claims", "numbers"]
