// screens/submit_parts.js — the submit screen's help on a kind's columns and the receipt
// of an accepted report with its recipients' acknowledgements.
import { html } from '../vendor/preact-htm.js';
import { t, tOf } from '../i18n.js';
import { get, path } from '../api.js';
import { fmtNumber } from '../format.js';
import { Link } from '../router.js';
import { Dept, ErrorBox, fieldLabel, TableWrap, Time, useLoad } from '../components.js';

function bounds(f) {
  const parts = [];
  if (f.positive) parts.push(t('fields.positive'));
  if (f.min != null) parts.push(t('fields.min', { min: fmtNumber(f.min, 6) }));
  if (f.max != null) parts.push(t('fields.max', { max: fmtNumber(f.max, 6) }));
  return parts;
}

export function FieldsHelp({ kind, onTemplate }) {
  return html`<details class="fields-help">
    <summary>${t('fields.summary', { n: kind.fields.length })}</summary>
    <${TableWrap} label=${t('fields.table_label')}>
      <table class="data compact">
        <thead><tr>
          <th scope="col">${t('fields.col_field')}</th>
          <th scope="col">${t('fields.col_type')}</th>
          <th scope="col">${t('fields.col_required')}</th>
          <th scope="col">${t('fields.col_values')}</th>
          <th scope="col">${t('fields.col_description')}</th>
        </tr></thead>
        <tbody>${kind.fields.map((f) => html`<tr>
          <th scope="row"><code data-raw>${f.name}</code>${fieldLabel(f.name) ? html`<div class="muted">${fieldLabel(f.name)}</div>` : null}</th>
          <td>${tOf('type.', f.type)}</td>
          <td>${f.required ? t('common.yes') : t('common.no')}</td>
          <td>${f.allowed && f.allowed.length ? html`<code data-raw>${f.allowed.join(', ')}</code>` : bounds(f).map((b) => html`<div>${b}</div>`)}</td>
          <td><span data-raw lang="en">${f.description}</span></td>
        </tr>`)}</tbody>
      </table>
    </${TableWrap}>
    ${kind.rules && kind.rules.length ? html`<h3>${t('fields.rules')}</h3>
      <ul>${kind.rules.map((r) => html`<li><span data-raw lang="en">${r.description}</span></li>`)}</ul>` : null}
    <p><button type="button" onClick=${onTemplate}>${t('fields.template')}</button></p>
  </details>`;
}

// A person beside the token id (or the name a body gave) that acted: "张敏 tk_…";
// the id alone when the token had no description.
export function Person({ name, id }) {
  return name
    ? html`<span class="person"><span data-raw data-test="person">${name}</span> <code data-raw class="muted">${id}</code></span>`
    : html`<span data-raw>${id}</span>`;
}

// The acknowledgement of one recipient: by whom and when, or still waiting.
export function AckState({ ack }) {
  return ack
    ? html`<span class="ack done" data-test="ack-state" data-acknowledged="true">
        <span>${t('ack.by')}</span><${Person} name=${ack.person} id=${ack.by} /><${Time} value=${ack.at} /></span>`
    : html`<span class="ack waiting" data-test="ack-state" data-acknowledged="false">${t('ack.waiting')}</span>`;
}

export function Result({ receipt, kind }) {
  const url = path`/v1/reports/${receipt.department || kind.sender}/${receipt.kind || kind.id}/${receipt.month}`;
  const report = useLoad((signal) => get(url + '?version=' + receipt.version, { signal }), [url, receipt.version]);
  const version = report.data && (report.data.versions || []).find((v) => v.version === receipt.version);
  const deliveries = version ? version.deliveries : (receipt.recipients || []).map((to) => ({ to, acknowledged: null }));
  return html`<section class="card result" data-test="result" aria-labelledby="result-h" data-version=${receipt.version}
      aria-busy=${report.loading ? 'true' : undefined}>
    <div role="status"><h2 id="result-h">${receipt.replayed
      ? t('submit.replayed', { version: receipt.version })
      : t('submit.accepted', { version: receipt.version })}</h2></div>
    <p><span>${t('submit.accepted_at')}</span><${Time} value=${receipt.accepted_at} seconds /></p>
    <h3>${t('submit.recipients')}</h3>
    <ul class="recipients" data-test="recipients">
      ${deliveries.map((d) => html`<li data-recipient=${d.to}><${Dept} value=${d.to} /><${AckState} ack=${d.acknowledged} /></li>`)}
    </ul>
    <${ErrorBox} error=${report.error} />
    <p class="actions">
      <button type="button" onClick=${report.reload} disabled=${report.loading}>${t('submit.refresh_acks')}</button>
      <${Link} to=${path`/reports/${receipt.department || kind.sender}/${receipt.kind || kind.id}/${receipt.month}`}>${t('submit.open_report')}</${Link}>
    </p>
  </section>`;
}
