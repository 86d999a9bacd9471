"""Move every cue word that cues.toml spells in two or more lists into its [roles] table, in place.

    python scripts/declare_roles.py [path/to/cues.toml]

A word spelled in several lists (or in a list and in [roles]) ends up declared once, in [roles], with all
its roles; the lists keep the words with one role only. Comments and everything else are kept. The lists
must be written on one line each (as they are). Words that [implies] adds (a target word's lead role)
are taken out of the implied list instead. Run tests/test_lexicon.py afterwards.
"""

from __future__ import annotations

import collections
import json
import re
import sys
import tomllib
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "src" / "reportminer" / "data" / "cues.toml"
TABLES = ("roles", "implies")


def _toml_list(words: list[str]) -> str:
    return "[" + ", ".join(json.dumps(w, ensure_ascii=False) for w in words) + "]"


def _roles_to_move(raw: dict) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """word → the list roles it is spelled in (words to move), and role → words to take out of it."""
    where: dict[str, list[str]] = collections.defaultdict(list)
    for section, entries in raw.items():
        if section in TABLES:
            continue
        for key, value in entries.items():
            if isinstance(value, list) and all(isinstance(w, str) for w in value):
                for word in value:
                    where[word].append(f"{section}.{key}")
    implied = {(role, source) for source, roles in raw.get("implies", {}).items() for role in roles}
    out: dict[str, set[str]] = collections.defaultdict(set)
    moves = {}
    for word, roles in where.items():
        for role, source in implied:
            if role in roles and source in roles + raw.get("roles", {}).get(word, []):
                roles.remove(role)
                out[role].add(word)
        if len(roles) >= 2 or (word in raw.get("roles", {}) and roles):
            moves[word] = roles
            for role in roles:
                out[role].add(word)
    return moves, out


def declare_roles(text: str) -> str:
    raw = tomllib.loads(text)
    moves, out = _roles_to_move(raw)
    declared = raw.get("roles", {})
    section, lines = None, []
    for line in text.split("\n"):
        if m := re.match(r"^\[(\w+)\]$", line):
            section = m.group(1)
        if section not in TABLES and (m := re.match(r"^(\w+) = (\[.*\])$", line)):
            role, words = f"{section}.{m.group(1)}", tomllib.loads(f"x = {m.group(2)}")["x"]
            if all(isinstance(w, str) for w in words) and any(w in out[role] for w in words):
                line = f"{m.group(1)} = {_toml_list([w for w in words if w not in out[role]])}"
        if section == "roles" and (m := re.match(r'^("(?:[^"\\]|\\.)*") = \[.*\]$', line)):
            word = json.loads(m.group(1))
            if word in moves:
                line = f"{m.group(1)} = {_toml_list(list(dict.fromkeys(declared[word] + moves.pop(word))))}"
        lines.append(line)
    new = "".join(f"\n{json.dumps(w, ensure_ascii=False)} = {_toml_list(r)}" for w, r in moves.items())
    return "\n".join(lines).replace("\n\n[implies]", new + "\n\n[implies]", 1)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    before = path.read_text(encoding="utf-8")
    after = declare_roles(before)
    path.write_text(after, encoding="utf-8")
    print(f"{path}: {'unchanged' if after == before else 'words moved into [roles]'}")
