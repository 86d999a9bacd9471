"""One self-contained HTML page that shows claims in their text.

Per article: the text with every claim highlighted (colour by kind, plus a letter for the kind and a
border for the status, so colour is never the only signal), a panel with the focused claim's fields in
Chinese and English, a table of claims with filters, search and sort (a row click scrolls the text to
its claim), the gold comparison where a gold file exists (misses and spurious rows marked, scores on
top), and charts drawn as inline SVG. No network: styles, script, data and charts are all inline.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd

from .compare import compare
from .evaluate import DocScore

KIND_LETTERS = {"money": "¥", "count": "#", "area": "A", "length": "L", "volume": "V", "mass": "M",
                "energy": "E", "power": "P", "percent": "%", "percentage_point": "pp", "duration": "T",
                "rank": "R", "other": "·"}
FIELDS = ["claim_id", "mention", "std_value", "std_unit", "value_high", "qualifier", "kind", "metric",
          "metric_en", "unit", "unit_en", "change", "period", "status", "indicator", "indicator_en",
          "section", "start", "end"]
CHART_INDICATORS = ("gdp_growth", "general_public_budget_revenue_growth", "retail_sales_growth")


@dataclass
class ReportDoc:
    doc_id: str
    title: str
    text: str
    rows: list[dict]  # the claims to show (facts rows, or draft rows in review)
    score: DocScore | None = None  # against gold, where gold exists
    scope: tuple[tuple[int, int | None], ...] = ((0, None),)  # the gold file's annotated ranges
    review: bool = False
    notes: list[str] = field(default_factory=list)


def _plain(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"  # 108260000000, not 1.0826e+11
    return str(value)


def _row_data(row: dict, n: int, status: str) -> dict:
    data = {name: _plain(row.get(name)) for name in FIELDS}
    data["n"], data["gold"] = n, status
    data["verified"] = _plain(row.get("verified"))
    return data


def _gold_status(doc: ReportDoc) -> dict[str, str]:
    """claim_id → 'matched', 'spurious' (no gold row) or 'outside gold' (beyond the gold file's scope)."""
    if doc.score is None:
        return {}
    status = {_plain(r.get("claim_id")): "matched" if any(
        int(r["start"]) >= lo and (hi is None or int(r["end"]) <= hi) for lo, hi in doc.scope) else "outside gold"
        for r in doc.rows}
    status.update({_plain(p.get("claim_id")): "spurious" for p in doc.score.spurious})
    return status


def _mark(row: dict, data: dict, doc_id: str, extra: str = "") -> str:
    kind = data["kind"] or "other"
    extra = extra if extra in ("spurious", "verified", "dropped", "unverified") else ""
    classes = f"claim k-{kind} s-{data['status'] or 'actual'} {extra}".strip()
    label = f"{data['mention']}: {data['metric']} ({kind}, {data['status']}{', ' + extra if extra else ''})"
    return (f'<mark id="m-{html.escape(doc_id)}-{data["n"]}" class="{classes}" tabindex="0" data-doc="'
            f'{html.escape(doc_id)}" data-n="{data["n"]}" data-k="{KIND_LETTERS.get(kind, "·")}" '
            f'aria-label="{html.escape(label)}">{html.escape(row["mention"])}</mark>')


def _missed_mark(row: dict, doc_id: str, n: int) -> str:
    label = f"missed gold claim {row['mention']}: {row.get('metric', '')}"
    return (f'<mark class="missed" id="g-{html.escape(doc_id)}-{n}" tabindex="0" data-k="✗" '
            f'aria-label="{html.escape(label)}">{html.escape(row["mention"])}</mark>')


def _spans(doc: ReportDoc) -> tuple[list[tuple[int, int, str]], list[dict]]:
    """(start, end, html) of every highlighted span, in order and disjoint, and the table's data."""
    gold = _gold_status(doc)
    spans, data = [], []
    for n, row in enumerate(doc.rows):
        status = gold.get(_plain(row.get("claim_id")), "")
        extra = "spurious" if status == "spurious" else ""
        if doc.review:
            status = {"yes": "verified", "drop": "dropped"}.get(_plain(row.get("verified")).lower(), "unverified")
            extra = status
        item = _row_data(row, n, status)
        data.append(item)
        spans.append((int(row["start"]), int(row["end"]), _mark(row, item, doc.doc_id, extra or status)))
    taken = sorted((s, e) for s, e, _ in spans)
    for n, g in enumerate(doc.score.missed if doc.score else []):
        start, end = int(g["start"]), int(g["end"])
        if not any(s < end and start < e for s, e in taken):  # a miss overlapping a wrong row shows as that row
            spans.append((start, end, _missed_mark(g, doc.doc_id, n)))
    spans.sort()
    return spans, data


def render_text(doc: ReportDoc) -> tuple[str, list[dict]]:
    spans, data = _spans(doc)
    out, at = [], 0
    for start, end, markup in spans:
        if start < at or doc.text[start:end] == "":
            continue
        out.append(html.escape(doc.text[at:start]))
        out.append(markup)
        at = end
    out.append(html.escape(doc.text[at:]))
    return "".join(out), data


def _missed_anchor(doc: ReportDoc, gold_row: dict, n: int) -> str:
    """Where a missed gold row shows: its own ✗ mark, or the extracted claim its span overlaps (a row
    with a wrong value is shown as that row)."""
    start, end = int(gold_row["start"]), int(gold_row["end"])
    for k, row in enumerate(doc.rows):
        if int(row["start"]) < end and start < int(row["end"]):
            return f"m-{html.escape(doc.doc_id)}-{k}"
    return f"g-{html.escape(doc.doc_id)}-{n}"


def _scores(doc: ReportDoc) -> str:
    s = doc.score
    if s is None:
        return ""
    fields = " · ".join(f"{name} {s.accuracy(name):.0%}" for name in ("period", "status", "change", "metric"))
    missed = "".join(
        f'<li><a href="#{_missed_anchor(doc, g, n)}">{html.escape(_plain(g.get("mention")))}</a> '
        f'{html.escape(_plain(g.get("metric")))} ({html.escape(_plain(g.get("period")))})</li>'
        for n, g in enumerate(s.missed))
    return (f'<div class="scores" role="status"><p>Gold: {s.gold} rows, extracted {s.predicted} in scope, '
            f'<strong>precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}</strong>; '
            f'{len(s.missed)} missed (✗), {len(s.spurious)} spurious (dashed); on matched rows: {fields}</p>'
            + (f'<details><summary>Missed gold rows</summary><ul>{missed}</ul></details>' if missed else "")
            + "</div>")


def _review_summary(doc: ReportDoc) -> str:
    if not doc.review:
        return ""
    marks = [_plain(r.get("verified")).lower() for r in doc.rows]
    done = sum(m in ("yes", "drop") for m in marks)
    return (f'<p class="scores" role="status">Review of the draft: {done} of {len(marks)} rows verified '
            f'({marks.count("yes")} yes, {marks.count("drop")} drop); unverified rows have a dotted border.</p>')


def _bar_chart(title: str, groups: list[tuple[str, list[tuple[str, float, str]]]]) -> str:
    """Horizontal bars, two per group (actual solid, target hatched), each with its value written out."""
    if not groups:
        return ""
    top = max((v for _, bars in groups for _, v, _ in bars), default=1.0) or 1.0
    bar_h, gap, left, width = 16, 12, 190, 300
    height = sum(len(bars) * bar_h + gap for _, bars in groups) + 30
    parts = [f'<svg role="img" aria-label="{html.escape(title)}" viewBox="0 0 640 {height}" width="640" '
             f'height="{height}"><title>{html.escape(title)}</title>',
             '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3c98b"/>'
             '<line x1="0" y1="0" x2="0" y2="6" stroke="#a05a00" stroke-width="2"/></pattern></defs>']
    y = 24
    for label, bars in groups:
        parts.append(f'<text x="0" y="{y + bar_h - 3}" class="glabel">{html.escape(label)}</text>')
        for series, value, text in bars:
            w = max(1.0, width * value / top)
            fill = "url(#hatch)" if series == "target" else "#4a7fb5"
            parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{fill}" '
                         f'stroke="#333"/><text x="{left + w + 4:.1f}" y="{y + bar_h - 4}">'
                         f'{html.escape(series)} {html.escape(text)}</text>')
            y += bar_h
        y += gap
    parts.append("</svg>")
    return f'<figure class="chart"><figcaption>{html.escape(title)}</figcaption>{"".join(parts)}</figure>'


def _pick(rows: pd.DataFrame, status: str) -> pd.Series | None:
    """The latest single-year actual, or the earliest single-year target."""
    chosen = rows[(rows["status"] == status) & rows["period"].fillna("").str.fullmatch(r"\d{4}")]
    if chosen.empty:
        return None
    chosen = chosen.sort_values("period")
    return chosen.iloc[-1] if status == "actual" else chosen.iloc[0]


def _bar(series: str, row: pd.Series | None) -> list[tuple[str, float, str]]:
    if row is None or pd.isna(row["std_value"]):
        return []
    text = f"{row['std_value']:g}"
    if pd.notna(row.get("value_high")) and row.get("value"):  # a range shows both ends
        text += f"–{row['value_high'] * row['std_value'] / row['value']:g}"
    return [(series, float(row["std_value"]), f"{text}{row['std_unit'] or ''} ({row['period']})")]


def targets_chart(facts: pd.DataFrame, doc_id: str, names: dict[str, str]) -> str:
    """Targets next to actuals, per percent indicator the article states both of."""
    rows = facts[(facts["doc_id"] == doc_id) & (facts["kind"] == "percent") & (facts["indicator"].fillna("") != "")]
    groups = []
    for indicator in dict.fromkeys(i for cell in rows["indicator"] for i in cell.split(";")):
        mine = rows[rows["indicator"].str.split(";").map(lambda ids, i=indicator: i in ids)]
        bars = _bar("actual", _pick(mine, "actual")) + _bar("target", _pick(mine, "target"))
        if len(bars) == 2:
            groups.append((names.get(indicator, indicator), bars))
    return _bar_chart("Targets next to actuals (percent indicators stated as both)", groups)


def across_chart(facts: pd.DataFrame, indicator: str, names: dict[str, str]) -> str:
    table = compare(facts, indicator)
    groups = []
    for doc_id, rows in table.groupby("doc_id", sort=True):
        bars = _bar("actual", _pick(rows, "actual")) + _bar("target", _pick(rows, "target"))
        if bars:
            groups.append((doc_id, bars))
    return _bar_chart(f"{names.get(indicator, indicator)} ({indicator}) across documents", groups)


def _asset(name: str) -> str:
    return resources.files("reportminer.data").joinpath(name).read_text(encoding="utf-8")


def _filters(doc_id: str) -> str:
    selects = "".join(
        f'<label>{label} <select data-filter="{key}" aria-label="filter by {label}"><option value="">all'
        f'</option></select></label>' for key, label in
        (("kind", "kind"), ("indicator", "indicator"), ("period", "period"), ("status", "status"), ("gold", "check")))
    return (f'<div class="filters" data-doc="{html.escape(doc_id)}">{selects}<label>search '
            f'<input type="search" data-search aria-label="search claims"></label>'
            f'<span class="count" aria-live="polite"></span></div>')


def _table_head() -> str:
    columns = [("n", "#"), ("mention", "mention"), ("std_value", "value"), ("std_unit", "unit"),
               ("metric", "metric"), ("indicator", "indicator"), ("period", "period"), ("status", "status"),
               ("change", "change"), ("gold", "check")]
    cells = "".join(f'<th scope="col"><button type="button" data-sort="{key}">{label}</button></th>'
                    for key, label in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def render_doc(doc: ReportDoc, chart: str) -> tuple[str, list[dict]]:
    text, data = render_text(doc)
    section = (
        f'<section class="doc" id="doc-{html.escape(doc.doc_id)}" aria-labelledby="h-{html.escape(doc.doc_id)}">'
        f'<h2 id="h-{html.escape(doc.doc_id)}">{html.escape(doc.title or doc.doc_id)} '
        f'<small>{html.escape(doc.doc_id)} · {len(doc.rows)} claims</small></h2>'
        f'{_scores(doc)}{_review_summary(doc)}{chart}'
        f'<div class="pane"><article class="text" lang="zh" data-doc="{html.escape(doc.doc_id)}">{text}</article>'
        f'<aside class="detail" aria-live="polite" data-doc="{html.escape(doc.doc_id)}">'
        f'<p>Focus a highlighted number (Tab, or click) to see its fields.</p></aside></div>'
        f'{_filters(doc.doc_id)}<table class="claims" data-doc="{html.escape(doc.doc_id)}">{_table_head()}'
        f'<tbody></tbody></table></section>')
    return section, data


def build_html(docs: list[ReportDoc], facts: pd.DataFrame, names: dict[str, str], *, title: str) -> str:
    sections, payload = [], {}
    for doc in docs:
        chart = "" if doc.review else targets_chart(facts, doc.doc_id, names)
        section, data = render_doc(doc, chart)
        sections.append(section)
        payload[doc.doc_id] = data
    overview = "" if len(docs) < 2 else "".join(across_chart(facts, i, names) for i in CHART_INDICATORS)
    legend = "".join(f'<li><mark class="claim k-{k}" data-k="{letter}">{k}</mark></li>'
                     for k, letter in KIND_LETTERS.items())
    nav = "".join(f'<li><a href="#doc-{html.escape(d.doc_id)}">{html.escape(d.title or d.doc_id)}</a></li>'
                  for d in docs)
    data_json = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{html.escape(title)}</title><style>{_asset('report.css')}</style></head><body>"
        '<a class="skip" href="#main">Skip to the articles</a>'
        f'<header><h1>{html.escape(title)}</h1><nav aria-label="articles"><ul>{nav}</ul></nav>'
        f'<details><summary>Legend</summary><ul class="legend">{legend}'
        '<li><mark class="claim s-target" data-k="">target</mark> (double underline)</li>'
        '<li><mark class="claim spurious" data-k="">spurious</mark> (dashed)</li>'
        '<li><mark class="missed" data-k="✗">missed</mark></li></ul></details></header>'
        f'<main id="main">{overview}{"".join(sections)}</main>'
        f'<script type="application/json" id="claims-data">{data_json}</script>'
        f"<script>{_asset('report.js')}</script></body></html>")


def _names() -> dict[str, str]:
    from .indicators import load_catalogue

    return {i.id: i.name_zh for i in load_catalogue().indicators}


def _doc_rows(facts: pd.DataFrame, doc_id: str) -> list[dict]:
    return facts[facts["doc_id"] == doc_id].to_dict("records")


def make_report(facts: pd.DataFrame, texts: dict[str, tuple[str, str]], scores: dict[str, DocScore],
                scopes: dict[str, list[tuple[int, int | None]]], doc_ids: list[str], *,
                review_rows: list[dict] | None = None) -> str:
    """The page for ``doc_ids`` (texts: doc_id → (title, text)); with ``review_rows``, the one document's
    draft rows are shown for checking instead of the extraction."""
    docs = []
    for doc_id in doc_ids:
        title, text = texts[doc_id]
        if review_rows is not None:
            docs.append(ReportDoc(doc_id, title, text, review_rows, review=True))
        else:
            docs.append(ReportDoc(doc_id, title, text, _doc_rows(facts, doc_id), scores.get(doc_id),
                                  tuple(scopes.get(doc_id, [(0, None)]))))
    heading = f"Review: {doc_ids[0]}" if review_rows is not None else "reportminer: claims in their text"
    return build_html(docs, facts, _names(), title=heading)
