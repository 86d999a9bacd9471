"""Every rule of the rule table decides its own examples.

Each example is a sentence, a mention in it and the fields its claim must have; the test mines the
sentence (published on ``EXAMPLE_PUBLISHED``) and asserts the fields *and* that the named rule is the
one recorded as having decided them. A rule whose examples another rule now decides, or that no
longer fires at all, fails here by name: it is dead or shadowed, and the table's order must be looked at.
"""

from __future__ import annotations

import dataclasses

import pytest

from reportminer.context import rulebook
from reportminer.context.rulebook import STAGES, all_rules, rule_examples
from reportminer.pipeline import extract_claims
from reportminer.status import EXAMPLE_PUBLISHED
from reportminer.types import Document

# Rules that hold no example yet, each with the reason. Kept short: a rule here is a candidate for removal.
WITHOUT_EXAMPLES = {
    # It decides only the subject a later claim borrows, never its own claim's metric, so the test above
    # cannot credit it: in 深圳—香港—广州科技集群入围全球百强创新集群，排名全球第2位 it makes 第2位 share 创新集群
    # (without it: 深圳—香港—广州科技集群入围). Switching it off changes neither outputs/facts.csv nor
    # tests/test_cases.py (checked when the table was built).
    "rank.subject.ranked-follows",
}

CASES = [
    pytest.param(r.name, sentence, mention, fields, id=f"{r.name}:{mention}")
    for r in all_rules()
    for sentence, mentions in r.examples.items()
    for mention, fields in mentions.items()
]


@pytest.mark.parametrize(("name", "sentence", "mention", "fields"), CASES)
def test_rule_decides_its_examples(name, sentence, mention, fields):
    claims = extract_claims(Document(doc_id="example", text=sentence, lang="zh", published=EXAMPLE_PUBLISHED))
    found = [c for c in claims if c.mention == mention]
    assert found, f"no claim {mention!r} in {sentence!r}: {[c.mention for c in claims]}"
    claim = found[0]
    for field, expected in fields.items():
        assert getattr(claim, field) == expected, field
        assert getattr(claim, f"{field}_rule") == name, f"{field} decided by {getattr(claim, f'{field}_rule')!r}"


def test_every_rule_has_examples_or_a_reason():
    missing = {r.name for r in all_rules() if not r.examples}
    assert missing == WITHOUT_EXAMPLES


def test_rule_names_are_unique_and_staged():
    names = [r.name for r in all_rules()]
    assert len(names) == len(set(names))
    assert all(r.stage in STAGES or r.stage.startswith(("pass.", "period", "status")) for r in all_rules())


def test_every_example_names_a_rule():
    assert set(rule_examples()) <= {r.name for r in all_rules()}


def test_design_doc_shows_the_rule_table():
    from pathlib import Path

    from reportminer.context.rulebook import rule_table

    design = (Path(__file__).resolve().parent.parent / "docs" / "design.md").read_text(encoding="utf-8")
    assert rule_table() in design, "docs/design.md: paste reportminer.context.rulebook.rule_table() between the markers"


def test_explain_adds_the_rule_columns_and_leaves_the_default_table_alone(tmp_path, capsys):
    from reportminer.cli import main
    from reportminer.table import COLUMNS, RULE_COLUMNS

    article = tmp_path / "explained.txt"
    article.write_text("2024年，全市地区生产总值增长5.4%，高于全国0.4个百分点。", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    assert capsys.readouterr().out.splitlines()[0].split(",") == COLUMNS
    assert main(["extract", str(article), "--explain"]) == 0
    import csv

    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert list(rows[0]) == COLUMNS + RULE_COLUMNS
    assert [(r["mention"], r["metric_rule"], r["change_rule"], r["period_rule"]) for r in rows] == [
        ("5.4%", "read.metric.left", "read.change.verb-before", "period.stated"),
        ("0.4个百分点", "borrow.metric.comparison", "", "period.stated"),
    ]


def test_the_rules_credited_do_not_depend_on_the_hash_seed(tmp_path):
    """Word lists built from sets are put in a fixed order: which rule decides a field (and so the table
    with --explain) must be the same in every process, whatever PYTHONHASHSEED is."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    article = Path(__file__).resolve().parent.parent / "corpus" / "articles" / "anhui-2026.txt"
    tables = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.csv"
        subprocess.run([sys.executable, "-m", "reportminer", "extract", str(article), "--explain",
                        "--published", "2026-01", "-o", str(out)],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        tables.append(out.read_bytes())
    assert tables[0] == tables[1]


def test_a_trigger_hides_no_answer(monkeypatch):
    """A rule passed over because its trigger's words stand nowhere would not have answered: over every
    example sentence, each rule with a trigger is called where its trigger fails too, and must pass there."""
    hidden = []

    def unguarded(r):
        search, scope = rulebook._search(r.trigger)

        def decide(site, draft):
            answer = r.decide(site, draft)
            if answer is not None and not rulebook._may_answer(search, scope, site, draft):
                hidden.append((r.name, site.text))
            return answer

        return dataclasses.replace(r, decide=decide, trigger=None)

    triggered = [r for r in all_rules() if r.trigger is not None]
    assert triggered
    for stage in STAGES:
        monkeypatch.setitem(rulebook.RULES, stage, [unguarded(r) if r.trigger else r for r in rulebook.RULES[stage]])
    rulebook._staged.cache_clear()
    try:
        for sentence in {sentence for r in all_rules() for sentence in r.examples}:
            extract_claims(Document(doc_id="example", text=sentence, lang="zh", published=EXAMPLE_PUBLISHED))
    finally:
        monkeypatch.undo()
        rulebook._staged.cache_clear()
    assert not hidden
