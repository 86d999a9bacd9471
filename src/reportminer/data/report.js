// reportminer report: builds each article's claim table from the inline JSON, filters, sorts,
// and links rows and highlighted numbers both ways. No network, no libraries.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("claims-data").textContent);
  const PAIRS = [["metric", "metric_en"], ["unit", "unit_en"], ["indicator", "indicator_en"]];
  const SINGLE = ["claim_id", "mention", "std_value", "std_unit", "value_high", "qualifier", "kind",
                  "change", "period", "status", "section", "gold", "verified"];
  const COLUMNS = ["n", "mention", "std_value", "std_unit", "metric", "indicator", "period", "status",
                   "change", "gold"];

  function el(tag, text) { const node = document.createElement(tag); node.textContent = text; return node; }

  function showDetail(docId, n) {
    const row = DATA[docId][n];
    const panel = document.querySelector(`aside.detail[data-doc="${CSS.escape(docId)}"]`);
    const list = document.createElement("dl");
    for (const name of SINGLE) {
      if (row[name] !== "") { list.append(el("dt", name), el("dd", row[name])); }
    }
    for (const [zh, en] of PAIRS) {
      list.append(el("dt", zh), el("dd", row[zh]), el("dt", en), el("dd", row[en]));
    }
    panel.replaceChildren(el("h3", `${row.mention} — ${row.metric_en || row.metric}`), list);
  }

  function goToClaim(docId, n) {
    const mark = document.getElementById(`m-${docId}-${n}`);
    if (!mark) { return; }
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    mark.classList.add("flash");
    setTimeout(() => mark.classList.remove("flash"), 1500);
    showDetail(docId, n);
  }

  function values(rows, key) {
    const seen = new Set();
    for (const row of rows) {
      for (const v of (key === "indicator" ? row[key].split(";") : [row[key]])) { if (v) { seen.add(v); } }
    }
    return [...seen].sort();
  }

  function setup(docId) {
    const rows = DATA[docId];
    const table = document.querySelector(`table.claims[data-doc="${CSS.escape(docId)}"]`);
    const bar = document.querySelector(`.filters[data-doc="${CSS.escape(docId)}"]`);
    const body = table.tBodies[0];
    const state = { sort: "n", dir: 1 };
    for (const select of bar.querySelectorAll("select")) {
      for (const v of values(rows, select.dataset.filter)) { select.append(new Option(v, v)); }
      select.addEventListener("change", render);
    }
    const search = bar.querySelector("[data-search]");
    search.addEventListener("input", render);
    for (const button of table.querySelectorAll("th button")) {
      button.addEventListener("click", () => {
        state.dir = state.sort === button.dataset.sort ? -state.dir : 1;
        state.sort = button.dataset.sort;
        for (const b of table.querySelectorAll("th button")) { b.removeAttribute("aria-sort"); }
        button.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        button.dataset.arrow = state.dir > 0 ? " ▲" : " ▼";
        render();
      });
    }
    function keep(row) {
      for (const select of bar.querySelectorAll("select")) {
        const want = select.value, key = select.dataset.filter;
        if (want && !(key === "indicator" ? row[key].split(";").includes(want) : row[key] === want)) { return false; }
      }
      const q = search.value.trim().toLowerCase();
      return !q || ["mention", "metric", "metric_en", "indicator", "indicator_en", "section"]
        .some((k) => row[k].toLowerCase().includes(q));
    }
    function compare(a, b) {
      const x = a[state.sort], y = b[state.sort];
      const nx = parseFloat(x), ny = parseFloat(y);
      const c = !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y), "zh");
      return c * state.dir;
    }
    function render() {
      const shown = rows.filter(keep).sort(compare);
      body.replaceChildren(...shown.map((row) => {
        const tr = document.createElement("tr");
        tr.tabIndex = 0;
        tr.dataset.n = row.n;
        for (const key of COLUMNS) { tr.append(el("td", key === "n" ? String(row.n + 1) : row[key])); }
        tr.addEventListener("click", () => goToClaim(docId, row.n));
        tr.addEventListener("keydown", (e) => { if (e.key === "Enter") { goToClaim(docId, row.n); } });
        return tr;
      }));
      bar.querySelector(".count").textContent = `${shown.length} of ${rows.length} claims`;
    }
    render();
  }

  for (const docId of Object.keys(DATA)) { setup(docId); }
  for (const mark of document.querySelectorAll("mark.claim[data-doc]")) {
    const show = () => showDetail(mark.dataset.doc, Number(mark.dataset.n));
    mark.addEventListener("focus", show);
    mark.addEventListener("click", show);
  }
})();
