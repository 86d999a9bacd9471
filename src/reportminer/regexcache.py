"""The ``regex`` module with ``compile`` (and ``sub``) served from the per-user cache.

Parsing a pattern is the pure-Python half of ``regex``, and the package builds a few hundred patterns
from its data (alternations of cue words, the time and number grammars): parsing them took about 0.25 s
of every command's start, more than mining a sentence. ``compile`` here returns the same pattern
``regex.compile`` would, read back after the first run from the program ``regex`` itself pickles
(see ``cache.pattern``). Modules import this one as ``regex``; everything else is ``regex``'s own.
"""

from regex import *  # noqa: F403  (the module's whole API: escape, error, Pattern, flags …)
from regex import Pattern, __version__  # noqa: F401

from .cache import pattern as compile  # noqa: F401


def sub(pattern, repl, string, count=0, flags=0, **kwargs):
    """``regex.sub`` with the pattern from the cache (the package calls it with fixed patterns only)."""
    return (pattern if isinstance(pattern, Pattern) else compile(pattern, flags)).sub(repl, string, count, **kwargs)
