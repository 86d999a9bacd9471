"""The HTML report in a real headless browser (Debian's Chromium driven by Playwright): every claim is
highlighted, the filters narrow the table, a row click scrolls the text to its claim, the page logs no
error and sends no request anywhere (it is self-contained).

Skipped with a reason when no Chromium or Playwright is found on a developer's machine; in CI
(CI=true) their absence is a failure, since .ci/run installs them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reportminer.cli import main
from reportminer.table import read_facts

ROOT = Path(__file__).resolve().parents[1]
SEED = "jinan-shizhong-2024"


def _browser_or_skip() -> tuple[object, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    missing = [name for name, found in (("chromium", chromium), ("playwright", sync_playwright)) if not found]
    if missing:
        reason = f"no {' or '.join(missing)} here (apt-get install chromium; pip install playwright)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser test: {reason}")
        pytest.skip(reason)
    return sync_playwright, chromium


def _guard(page_url: str, outside: list[str]):
    def guard(route):
        if route.request.url == page_url:
            route.continue_()
        else:  # anything else would leave the page: block it and remember it
            outside.append(route.request.url)
            route.abort()
    return guard


@pytest.fixture(scope="module")
def page_and_facts(tmp_path_factory):
    sync_playwright, chromium = _browser_or_skip()
    out = tmp_path_factory.mktemp("report") / "report.html"
    facts_path = ROOT / "outputs" / "facts.csv"
    assert main(["report", "-o", str(out), "--facts", str(facts_path), "--corpus", str(ROOT / "corpus"),
                 "--gold", str(ROOT / "corpus" / "gold")]) == 0
    facts = read_facts(facts_path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside, errors = [], []
        page.route("**/*", _guard(out.as_uri(), outside))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        yield page, facts, outside, errors
        # the guard itself sees a request that leaves (else "no request left" would prove nothing); on a
        # blank page, since the report's own Content-Security-Policy would stop the request first
        probe, caught = browser.new_page(), []
        probe.route("**/*", _guard(out.as_uri(), caught))
        probe.evaluate("fetch('https://example.invalid/x.png').catch(() => null)")
        probe.wait_for_timeout(200)
        assert caught == ["https://example.invalid/x.png"]
        browser.close()


def test_every_claim_is_highlighted(page_and_facts):
    page, facts, _, _ = page_and_facts
    assert page.locator("mark.claim[data-doc]").count() == len(facts)
    for doc_id, rows in facts.groupby("doc_id"):
        assert page.locator(f'mark.claim[data-doc="{doc_id}"]').count() == len(rows), doc_id
        assert page.locator(f'table.claims[data-doc="{doc_id}"] tbody tr').count() == len(rows), doc_id
    texts = page.locator(f'mark.claim[data-doc="{SEED}"]').all_inner_texts()
    assert texts == list(facts[facts.doc_id == SEED]["mention"])


def test_a_filter_narrows_the_table(page_and_facts):
    page, facts, _, _ = page_and_facts
    seed = facts[facts.doc_id == SEED]
    rows = page.locator(f'table.claims[data-doc="{SEED}"] tbody tr')
    kind = page.locator(f'.filters[data-doc="{SEED}"] select[data-filter="kind"]')
    kind.select_option("percent")
    assert rows.count() == int((seed.kind == "percent").sum()) < len(seed)
    kind.select_option("")
    search = page.locator(f'.filters[data-doc="{SEED}"] input[data-search]')
    search.fill("就业")
    expected = seed["metric"].str.contains("就业") | seed["section"].str.contains("就业")
    assert rows.count() == int(expected.sum()) > 0
    search.fill("")
    assert rows.count() == len(seed)


def test_a_row_click_scrolls_to_its_claim(page_and_facts):
    page, facts, _, _ = page_and_facts
    seed = facts[facts.doc_id == SEED].reset_index(drop=True)
    n = len(seed) - 1  # the last claim: far down the scrolled text pane
    pane = page.locator(f'article.text[data-doc="{SEED}"]')
    pane.evaluate("el => el.scrollTop = 0")
    page.locator(f'table.claims[data-doc="{SEED}"] tbody tr[data-n="{n}"]').click()
    mark = page.locator(f"#m-{SEED}-{n}")
    assert pane.evaluate("el => el.scrollTop") > 0
    box, frame = mark.bounding_box(), pane.bounding_box()
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    assert page.evaluate("document.activeElement.id") == f"m-{SEED}-{n}"
    assert seed.loc[n, "mention"] in page.locator(f'aside.detail[data-doc="{SEED}"]').inner_text()


def test_no_console_errors_and_no_request_leaves_the_page(page_and_facts):
    page, _, outside, errors = page_and_facts
    page.locator("mark.claim").first.focus()  # exercise the detail panel too
    assert errors == []
    assert outside == []
