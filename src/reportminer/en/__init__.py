"""The English language pack: the rules that are truly English, on the shared stages.

An English article goes through the same stages as a Chinese one (layout → quantities → time → context →
claims → table) and gives the same typed values (``Sentence``, ``Quantity``, ``TimeExpression``); what
differs is read from ``data/en.toml`` and ``data/en_units.csv`` (``pack.py``) and from the few rules here
that only English needs: sentence breaks at full stops (``layout.py``), numbers written with scale words,
abbreviations and number words (``numbers.py``), English time phrases (``time.py``) and the noun phrase
a number measures (``context.py``).
"""
