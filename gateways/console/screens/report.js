// screens/report.js — one report: its versions, who acknowledged which, a version's rows,
// and what changed between two versions.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { get, path } from '../api.js';
import { fmtValue } from '../format.js';
import { navigate } from '../router.js';
import { Dept, ErrorBox, fieldLabel, Kind, Loading, Screen, TableWrap, Time, useAction, useLoad } from '../components.js';
import { AckState, Person } from './submit_parts.js';
import { FieldHead } from './submit_grid.js';

function columnsOf(kindSpec, rows) {
  if (kindSpec) return kindSpec.fields;
  const names = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
  return names.map((name) => ({ name }));
}

function Versions({ report, shown, base }) {
  return html`<${TableWrap} label=${t('report.versions_table')} test="versions">
    <table class="data">
      <thead><tr>
        <th scope="col">${t('report.col_version')}</th>
        <th scope="col">${t('report.col_submitted')}</th>
        <th scope="col">${t('report.col_by')}</th>
        <th scope="col">${t('report.col_rows')}</th>
        <th scope="col">${t('report.col_deliveries')}</th>
        <th scope="col">${t('report.col_actions')}</th>
      </tr></thead>
      <tbody>${(report.versions || []).slice().reverse().map((v) => html`<tr data-version=${v.version}
          class=${v.version === shown ? 'current' : undefined} aria-current=${v.version === shown ? 'true' : undefined}>
        <th scope="row" data-raw>${v.version}</th>
        <td><${Time} value=${v.submitted_at} /></td>
        <td><${Person} name=${v.person} id=${v.submitted_by} /></td>
        <td data-raw>${v.row_count}</td>
        <td><ul class="plain deliveries">${(v.deliveries || []).map((d) => html`<li data-recipient=${d.to}>
          <${Dept} value=${d.to} /><${AckState} ack=${d.acknowledged} /></li>`)}</ul></td>
        <td>${v.version === shown ? html`<span class="muted">${t('report.shown')}</span>`
          : html`<button type="button" class="small" onClick=${() => navigate(base + '?version=' + v.version)}
              aria-label=${t('report.show_version', { version: v.version })}>${t('report.show')}</button>`}</td>
      </tr>`)}</tbody>
    </table>
  </${TableWrap}>`;
}

function Rows({ columns, rows }) {
  if (!rows.length) return html`<p class="empty">${t('report.no_rows')}</p>`;
  return html`<${TableWrap} label=${t('report.rows_table')}>
    <table class="data">
      <thead><tr><th scope="col" class="row-n">${t('submit.col_row')}</th>${columns.map((f) => html`<${FieldHead} f=${f} marks=${false} />`)}</tr></thead>
      <tbody>${rows.map((r, i) => html`<tr><th scope="row" class="row-n" data-raw>${i + 1}</th>
        ${columns.map((f) => html`<td data-field=${f.name} data-raw class=${typeof r[f.name] === 'number' ? 'num' : undefined}>${fmtValue(f.name, r[f.name])}</td>`)}</tr>`)}</tbody>
    </table>
  </${TableWrap}>`;
}

function Values({ values, columns }) {
  return html`<dl class="values">${columns.filter((f) => values[f.name] != null).map((f) => html`
    <div><dt>${fieldLabel(f.name) || html`<code data-raw>${f.name}</code>`}</dt><dd data-raw>${fmtValue(f.name, values[f.name])}</dd></div>`)}</dl>`;
}

function DiffView({ diff, columns }) {
  return html`<div class="diff-result" data-from=${diff.from.version} data-to=${diff.to.version}>
    <p class="summary-line">${t('report.diff_summary', {
      from: diff.from.version, to: diff.to.version, added: diff.added.length,
      removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged })}</p>
    ${diff.added.length ? html`<h3>${t('report.added')}</h3><ul class="diff-list added">${diff.added.map((a) => html`
      <li data-change="added"><span class="muted">${t('detail.row', { row: a.row })}</span><${Values} values=${a.values} columns=${columns} /></li>`)}</ul>` : null}
    ${diff.removed.length ? html`<h3>${t('report.removed')}</h3><ul class="diff-list removed">${diff.removed.map((a) => html`
      <li data-change="removed"><span class="muted">${t('detail.row', { row: a.row })}</span><${Values} values=${a.values} columns=${columns} /></li>`)}</ul>` : null}
    ${diff.changed.length ? html`<h3>${t('report.changed')}</h3>
      <${TableWrap} label=${t('report.changed')}>
        <table class="data">
          <thead><tr>
            <th scope="col">${t('report.col_rows_moved')}</th><th scope="col">${t('report.col_field')}</th>
            <th scope="col">${t('report.col_before')}</th><th scope="col">${t('report.col_after')}</th>
          </tr></thead>
          <tbody>${diff.changed.flatMap((c) => c.fields.map((f, i) => html`<tr data-change="changed">
            ${i === 0 ? html`<th scope="row" rowspan=${c.fields.length}>${t('report.row_moved', { from: c.from_row, to: c.to_row })}</th>` : null}
            <td>${fieldLabel(f.field) || ''}<code data-raw>${f.field}</code></td>
            <td class="before" data-raw>${f.before == null ? '' : fmtValue(f.field, f.before)}</td>
            <td class="after" data-raw>${f.after == null ? '' : fmtValue(f.field, f.after)}</td>
          </tr>`))}</tbody>
        </table>
      </${TableWrap}>` : null}
    ${!diff.added.length && !diff.removed.length && !diff.changed.length ? html`<p>${t('report.no_changes')}</p>` : null}
  </div>`;
}

export function Report({ route, query }) {
  const { department, kind, month } = route;
  const version = Number(query.get('version')) || null;
  const base = path`/reports/${department}/${kind}/${month}`;
  const api = path`/v1/reports/${department}/${kind}/${month}`;
  const report = useLoad((signal) => get(api + (version ? '?version=' + version : ''), { signal }), [api, version]);
  const spec = useLoad((signal) => get(path`/v1/report-kinds/${kind}`, { signal }).catch(() => null), [kind]);
  const data = report.data;
  const versions = data ? (data.versions || []).map((v) => v.version) : [];
  const latest = versions.length ? versions[versions.length - 1] : null;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [compare, diffState] = useAction((f, tv) => get(api + '/diff?from=' + f + '&to=' + tv));
  // The latest change is shown at once: the last version against the one before it.
  useEffect(() => {
    if (latest && latest > 1) {
      setTo(String(latest));
      setFrom(String(latest - 1));
      compare(latest - 1, latest);
    }
  }, [latest, api]);
  const columns = columnsOf(spec.data, data ? data.rows || [] : []);

  return html`<${Screen} name="report" busy=${report.loading || diffState.busy} title=${t('report.title')}>
    <p class="report-id">
      <${Kind} value=${kind} flow=${spec.data && spec.data.flow} />
      <span>${t('report.from')}</span><${Dept} value=${department} />
      <span>${t('report.month')}</span><span data-raw>${month}</span>
    </p>
    ${report.loading && !data ? html`<${Loading} />` : null}
    <${ErrorBox} error=${report.error} />
    ${data ? html`
      <section aria-labelledby="versions-h">
        <h2 id="versions-h">${t('report.versions')}</h2>
        <${Versions} report=${data} shown=${data.version} base=${base} />
      </section>
      <section aria-labelledby="rows-h">
        <h2 id="rows-h">${t('report.rows_of', { version: data.version, n: data.row_count })}</h2>
        <${Rows} columns=${columns} rows=${data.rows || []} />
      </section>
      <section aria-labelledby="diff-h" data-test="diff">
        <h2 id="diff-h">${t('report.diff')}</h2>
        ${versions.length < 2 ? html`<p class="muted">${t('report.diff_one_version')}</p>` : html`
          <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); compare(from, to); }}>
            <label for="diff-from">${t('report.diff_from')}</label>
            <select id="diff-from" data-test="diff-from" value=${from} onChange=${(e) => setFrom(e.currentTarget.value)}>
              ${versions.map((v) => html`<option value=${v}>${t('report.version_n', { version: v })}</option>`)}
            </select>
            <label for="diff-to">${t('report.diff_to')}</label>
            <select id="diff-to" data-test="diff-to" value=${to} onChange=${(e) => setTo(e.currentTarget.value)}>
              ${versions.map((v) => html`<option value=${v}>${t('report.version_n', { version: v })}</option>`)}
            </select>
            <button type="submit" data-test="diff-compare" disabled=${diffState.busy || Number(from) >= Number(to)}>${t('report.compare')}</button>
          </form>
          ${Number(from) >= Number(to) ? html`<p class="hint">${t('report.diff_order')}</p>` : null}
          <${ErrorBox} error=${diffState.error} />
          ${diffState.result ? html`<${DiffView} diff=${diffState.result} columns=${columns} />` : null}`}
      </section>` : null}
  </${Screen}>`;
}
