"""The standalone HTML report: one file, no external assets (inline CSS, inline JS, data as JSON).

It shows the overall and per-tag metrics, the baseline diff (metric deltas, regressed and improved cases)
when there is one, and a sortable, filterable table of cases (filter by tag, by verdict, by text); a row
opens the case's detail: question and history, answer, cited sources, retrieved codes vs gold, missing
facts, judge reason.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.compare import Comparison
from evals.scoring import CaseResult

_CSS = """
body{font-family:system-ui,-apple-system,'Noto Sans KR',sans-serif;margin:1.5rem;color:#1d2330;background:#fafbfc}
h1{font-size:1.4rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.meta{color:#5b6475;font-size:.85rem} table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #dde1e8;padding:.3rem .5rem;font-size:.85rem;text-align:left;vertical-align:top}
th{background:#eef1f6;cursor:pointer;user-select:none;white-space:nowrap} th.sorted-asc::after{content:' ▲'}
th.sorted-desc::after{content:' ▼'} tr.case:hover{background:#f3f6fb;cursor:pointer}
.pass{color:#137333;font-weight:600} .fail{color:#b3261e;font-weight:600} .na{color:#9aa0a6}
.up{color:#137333} .down{color:#b3261e} .filters{display:flex;gap:.8rem;margin:.6rem 0;flex-wrap:wrap}
.filters label{font-size:.85rem} .detail td{background:#fcfcfd} .detail pre{white-space:pre-wrap;margin:.2rem 0}
.tag{display:inline-block;background:#e8eefc;border-radius:.6rem;padding:0 .4rem;margin:0 .15rem .15rem 0;font-size:.75rem}
.hit{background:#d7f5dd} .cards{display:flex;flex-wrap:wrap;gap:.4rem}
.card{border:1px solid #dde1e8;border-radius:.4rem;padding:.3rem .5rem;background:#fff;font-size:.8rem}
.metrics td.num,.metrics th{text-align:right} .metrics td:first-child{text-align:left}
"""

_JS = r"""
const DATA = JSON.parse(document.getElementById('eval-data').textContent);
const K = DATA.k;
const fmt = v => v === null || v === undefined ? '–' : (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
const changed = {};
if (DATA.comparison) {
  for (const c of DATA.comparison.regressed) changed[c.id] = 'regressed';
  for (const c of DATA.comparison.improved) changed[c.id] = 'improved';
}
function verdictOf(r) { return r.error ? 'error' : (r.verdicts.passed ? 'pass' : 'fail'); }
const mismatches = r => r.verdicts.count_mismatches || [];
function countsCell(r) {
  const bad = mismatches(r).length, checked = r.verdicts.counts_checked || 0;
  const title = esc(mismatches(r).join('\n'));
  if (bad) return `<td class="fail count-mismatch" title="${title}">✗ ${bad}/${checked}</td>`;
  return checked ? `<td class="pass">✓ ${checked}</td>` : '<td class="na">–</td>';
}
function cell(v, good) {
  if (v === null || v === undefined) return '<td class="na">–</td>';
  if (typeof v === 'boolean') return `<td class="${v === good ? 'pass' : 'fail'}">${v ? 'yes' : 'no'}</td>`;
  return `<td class="${v >= 1 ? 'pass' : (v > 0 ? '' : 'fail')}" data-v="${v}">${fmt(v)}</td>`;
}
const COLS = [
  ['id', r => r.id], ['catalog', r => r.catalog], ['tags', r => r.tags.join(' ')],
  ['question', r => r.question], [`recall@${K}`, r => r.verdicts.recall], ['MRR', r => r.verdicts.mrr],
  ['must_include', r => r.verdicts.must_include], ['abstention', r => r.verdicts.abstention],
  ['counts', r => -mismatches(r).length], ['verdict', r => verdictOf(r)],
  ['change', r => changed[r.id] || ''], ['latency s', r => r.latency_s],
  ['cost', r => r.cost_krw],
];
let sortCol = 0, sortDir = 1;
function rowHtml(r, i) {
  const v = r.verdicts;
  return `<tr class="case" data-i="${i}"><td>${esc(r.id)}</td><td>${esc(r.catalog)}</td>` +
    `<td>${r.tags.map(t => `<span class="tag">${esc(t)}</span>`).join('')}</td><td>${esc(r.question)}</td>` +
    cell(v.recall) + cell(v.mrr) + cell(v.must_include) + cell(v.abstention, true) + countsCell(r) +
    `<td class="${verdictOf(r) === 'pass' ? 'pass' : 'fail'}">${verdictOf(r)}</td>` +
    `<td class="${changed[r.id] === 'regressed' ? 'down' : 'up'}">${changed[r.id] || ''}</td>` +
    `<td>${fmt(r.latency_s)}</td><td>${fmt(r.cost_krw)}</td></tr>`;
}
function detailHtml(r) {
  const gold = new Set(r.gold_courses);
  const hist = r.history.map(t => `<div><b>${esc(t.role)}</b>: ${esc(t.content)}</div>`).join('');
  const cards = r.sources.map(s => `<div class="card${gold.has(s.code) ? ' hit' : ''}"><b>${esc(s.name)}</b> ${esc(s.code)}${s.section ? '-' + esc(s.section) : ''}<br>${esc(s.professors.join(', '))} · ${esc(s.schedule)}${s.credits ? ' · ' + s.credits + '학점' : ''}</div>`).join('') || '<span class="na">(no sources)</span>';
  const retrieved = r.retrieved.map(c => `<span class="tag${gold.has(c) ? ' hit' : ''}">${esc(c)}</span>`).join('') || '<span class="na">(none)</span>';
  const j = r.verdicts.judge;
  const judge = j ? (j.error ? `<div class="fail">judge error: ${esc(j.error)}</div>` : `<div>judge: faithfulness ${fmt(j.faithfulness)}, correctness ${fmt(j.correctness)} — ${esc(j.reason)}</div>`) : '';
  return `<tr class="detail"><td colspan="${COLS.length}">` +
    (hist ? `<div><b>history</b>${hist}</div>` : '') +
    `<div><b>answer</b> (${esc(r.mode || '')}, term ${esc(r.term || '–')}, ${r.input_tokens}/${r.output_tokens} tokens)<pre>${esc(r.answer)}</pre></div>` +
    (r.error ? `<div class="fail">error: ${esc(r.error)}</div>` : '') +
    `<div><b>sources</b><div class="cards">${cards}</div></div>` +
    `<div><b>retrieved</b> (${esc(r.retrieved_from)}): ${retrieved}</div>` +
    `<div><b>gold</b>: ${r.gold_courses.map(esc).join(', ') || '(empty: must abstain)'}; <b>must_include</b>: ${r.must_include.map(esc).join(', ') || '–'}` +
    (r.verdicts.must_include_missing.length ? ` — <span class="fail">missing: ${r.verdicts.must_include_missing.map(esc).join(', ')}</span>` : '') + `</div>` +
    (mismatches(r).length ? `<div class="fail"><b>counts that differ from the catalog</b><ul>` +
      mismatches(r).map(m => `<li>${esc(m)}</li>`).join('') + `</ul></div>` : '') +
    judge + `</td></tr>`;
}
function render() {
  const tag = document.getElementById('f-tag').value, verdict = document.getElementById('f-verdict').value;
  const text = document.getElementById('f-text').value.trim().toLowerCase();
  let rows = DATA.results.map((r, i) => [r, i]).filter(([r]) =>
    (!tag || r.tags.includes(tag)) &&
    (!verdict || verdictOf(r) === verdict || changed[r.id] === verdict ||
     (verdict === 'counts' && mismatches(r).length)) &&
    (!text || (r.id + ' ' + r.question + ' ' + r.answer).toLowerCase().includes(text)));
  const key = COLS[sortCol][1];
  rows.sort(([a], [b]) => { const x = key(a), y = key(b);
    if (x === y) return 0; if (x === null || x === undefined) return 1; if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sortDir; });
  document.getElementById('cases-body').innerHTML = rows.map(([r, i]) => rowHtml(r, i)).join('');
  document.getElementById('count').textContent = `${rows.length} / ${DATA.results.length} cases`;
  document.querySelectorAll('#cases th').forEach((th, i) => {
    th.className = i === sortCol ? (sortDir > 0 ? 'sorted-asc' : 'sorted-desc') : ''; });
}
document.getElementById('cases-head').innerHTML = '<tr>' + COLS.map(([n]) => `<th>${esc(n)}</th>`).join('') + '</tr>';
document.querySelectorAll('#cases th').forEach((th, i) => th.addEventListener('click', () => {
  sortDir = sortCol === i ? -sortDir : 1; sortCol = i; render(); }));
const tags = [...new Set(DATA.results.flatMap(r => r.tags))].sort();
document.getElementById('f-tag').innerHTML = '<option value="">all tags</option>' + tags.map(t => `<option>${esc(t)}</option>`).join('');
for (const id of ['f-tag', 'f-verdict']) document.getElementById(id).addEventListener('change', render);
document.getElementById('f-text').addEventListener('input', render);
document.getElementById('cases-body').addEventListener('click', e => {
  const tr = e.target.closest('tr.case'); if (!tr) return;
  const next = tr.nextElementSibling;
  if (next && next.classList.contains('detail')) { next.remove(); return; }
  tr.insertAdjacentHTML('afterend', detailHtml(DATA.results[+tr.dataset.i]));
});
render();
"""


def _num(value: Any) -> str:
    if value is None:
        return '<span class="na">–</span>'
    if isinstance(value, float):
        return f"{value:.3f}"
    return html.escape(str(value))


def _metrics_table(summary: dict[str, Any]) -> str:
    overall = summary["metrics"]
    keys = [k for k in overall if k not in ("cases", "errors")] + ["cases"]
    head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
    rows = [f"<tr><td><b>overall</b></td>{''.join(f'<td class=num>{_num(overall.get(k))}</td>' for k in keys)}</tr>"]
    for group in ("by_catalog", "by_tag"):
        for name, values in summary.get(group, {}).items():
            cells = "".join(f"<td class=num>{_num(values.get(k))}</td>" for k in keys)
            rows.append(f"<tr><td>{html.escape(group[3:])}: {html.escape(name)}</td>{cells}</tr>")
    return f'<table class="metrics" id="metrics"><tr><th>scope</th>{head}</tr>{"".join(rows)}</table>'


def _counts_line(summary: dict[str, Any]) -> str:
    """Stated counts checked against the catalogs, and the cases where one differs (flagged)."""
    counts = summary.get("counts")
    if not counts:
        return ""
    bad = counts.get("mismatched_cases") or []
    cases = html.escape(", ".join(bad))
    flagged = (f' · <span class="fail" id="count-mismatches">{len(bad)} case(s) state a count the catalog '
               f"does not have: {cases}</span>") if bad else " · none differs from the catalog"
    return f'<div class="meta">stated counts checked: {counts.get("checked", 0)}{flagged}</div>'


def _delta(before: Any, after: Any, delta: Any) -> str:
    cls = "" if not delta else ("up" if delta > 0 else "down")
    sign = "+" if delta and delta > 0 else ""
    return f"<td class=num>{_num(before)}</td><td class=num>{_num(after)}</td><td class='num {cls}'>{sign}{_num(delta)}</td>"


def _comparison_html(comparison: Comparison) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td>{_delta(*v)}</tr>" for k, v in comparison.metric_deltas.items()
    )
    def cases(title: str, items: list, cls: str) -> str:
        lis = "".join(
            f"<li><b>{html.escape(c.id)}</b> {html.escape(c.question)} — "
            + ", ".join(f"{html.escape(k)}: {_num(b)} → {_num(a)}" for k, (b, a) in c.changes.items())
            + "</li>"
            for c in items
        )
        return f'<h3 class="{cls}">{title} ({len(items)})</h3><ul id="{cls}-cases">{lis or "<li>none</li>"}</ul>'

    return (
        f'<h2>Versus baseline <code>{html.escape(comparison.baseline)}</code></h2>'
        f'<table class="metrics" id="deltas"><tr><th>metric</th><th>baseline</th><th>this run</th><th>Δ</th></tr>{rows}</table>'
        + cases("Regressed", comparison.regressed, "down")
        + cases("Improved", comparison.improved, "up")
        + (f"<p>added: {html.escape(', '.join(comparison.added))}</p>" if comparison.added else "")
        + (f"<p>removed: {html.escape(', '.join(comparison.removed))}</p>" if comparison.removed else "")
    )


def render_report(
    results: Sequence[CaseResult], summary: dict[str, Any], comparison: Comparison | None = None
) -> str:
    data = {
        "k": summary.get("k", 5),
        "results": [r.model_dump(mode="json") for r in results],
        "comparison": comparison.model_dump(mode="json") if comparison else None,
    }
    # JSON inside <script>: "</" must not close the element early.
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    run = summary.get("run", {})
    meta = " · ".join(
        f"{k}: {html.escape(str(v))}" for k, v in run.items() if v not in (None, "", [], {}) and k != "catalogs"
    )
    cost = f"estimated cost {summary.get('cost_krw', 0):.2f} KRW (price table: evals/config/pricing.yaml, estimates)"
    lat = summary.get("latency_s", {})
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>coursebot eval — {html.escape(str(run.get('prompt', '')))}</title><style>{_CSS}</style></head>
<body>
<h1>coursebot eval report</h1>
<div class="meta">{meta}</div>
<div class="meta">latency p50 {_num(lat.get('p50'))} s · p95 {_num(lat.get('p95'))} s · tokens {summary.get('tokens', {}).get('input', 0)} in / {summary.get('tokens', {}).get('output', 0)} out · {cost}</div>
{_counts_line(summary)}
<h2>Metrics</h2>
{_metrics_table(summary)}
{_comparison_html(comparison) if comparison else ''}
<h2>Cases</h2>
<div class="filters">
<label>tag <select id="f-tag"></select></label>
<label>verdict <select id="f-verdict"><option value="">all</option><option value="pass">pass</option><option value="fail">fail</option><option value="error">error</option><option value="regressed">regressed</option><option value="improved">improved</option>
<option value="counts">count mismatch</option></select></label>
<label>search <input id="f-text" type="search" placeholder="id, question, answer"></label>
<span id="count" class="meta"></span>
</div>
<table id="cases"><thead id="cases-head"></thead><tbody id="cases-body"></tbody></table>
<script type="application/json" id="eval-data">{payload}</script>
<script>{_JS}</script>
</body></html>
"""


def write_report(path: Path, results: Sequence[CaseResult], summary: dict[str, Any], comparison: Comparison | None = None) -> Path:
    path.write_text(render_report(results, summary, comparison), encoding="utf-8")
    return path
