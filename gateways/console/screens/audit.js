// screens/audit.js — administrators and readers: the audit trail by time range (typed in
// the server's zone, sent as RFC 3339 with its offset), actor and entity, a page at a time.
import { html, useEffect, useState } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { get, query as q } from '../api.js';
import { localInputToRfc3339, serverZone, toLocalInput } from '../format.js';
import { ErrorBox, Loading, Screen, TableWrap, Time, useAction } from '../components.js';

const PAGE = 50;
const DAY = 24 * 3600 * 1000;

function EventRow({ e }) {
  const o = e.origin;
  return html`<tr data-seq=${e.seq}>
    <th scope="row" data-raw>${e.seq}</th>
    <td><${Time} value=${e.time} seconds /></td>
    <td><code data-raw>${e.type}</code></td>
    <td data-raw class="wrap">${e.stream}</td>
    <td>${o && o.person ? html`<div data-raw>${o.person}</div>` : null}<code data-raw class=${o && o.person ? 'muted small' : ''}>${e.actor}</code></td>
    <td>${o ? html`<div data-raw>${o.role}</div><div class="muted small" data-raw>${o.remote}</div>
      <div class="muted small"><code data-raw>${o.request_id}</code></div>` : html`<span class="muted">${t('audit.internal')}</span>`}</td>
    <td><details><summary>${t('audit.payload')}</summary><pre data-raw>${JSON.stringify(e.payload, null, 2)}</pre></details></td>
  </tr>`;
}

export function Audit() {
  // At first: the last 24 hours, searched at once.
  const [form, setForm] = useState(() => ({ from: toLocalInput(new Date(Date.now() - DAY)), to: '', actor: '', entity: '' }));
  const [page, setPage] = useState(null); // { params, afters: [after of each page shown], res }
  const [badTime, setBadTime] = useState(false);
  const [search, st] = useAction(async (params, after, afters) => {
    const res = await get('/v1/audit' + q({ ...params, after, limit: PAGE }));
    setPage({ params, afters, res });
    return res;
  });
  const set = (k) => (e) => setForm({ ...form, [k]: e.currentTarget.value });

  const run = () => {
    const from = form.from ? localInputToRfc3339(form.from) : '';
    const to = form.to ? localInputToRfc3339(form.to) : '';
    if (from === null || to === null) { setBadTime(true); return; }
    setBadTime(false);
    search({ from, to, actor: form.actor.trim(), entity: form.entity.trim() }, undefined, [undefined]);
  };
  const submit = (e) => { e.preventDefault(); run(); };
  useEffect(() => { run(); }, []);
  const next = () => search(page.params, page.res.next_after, [...page.afters, page.res.next_after]);
  const prev = () => {
    const afters = page.afters.slice(0, -1);
    search(page.params, afters[afters.length - 1], afters);
  };
  const events = page ? page.res.events || [] : [];

  return html`<${Screen} name="audit" busy=${st.busy} title=${t('audit.title')}>
    <form class="card form" onSubmit=${submit}>
      <div class="row-fields">
        <div class="field">
          <label for="audit-from">${t('audit.from')}</label>
          <input id="audit-from" type="datetime-local" data-test="audit-from" value=${form.from} onInput=${set('from')}
            aria-describedby="audit-zone" />
        </div>
        <div class="field">
          <label for="audit-to">${t('audit.to')}</label>
          <input id="audit-to" type="datetime-local" data-test="audit-to" value=${form.to} onInput=${set('to')}
            aria-describedby="audit-zone" />
        </div>
        <div class="field">
          <label for="audit-actor">${t('audit.actor')}</label>
          <input id="audit-actor" data-test="audit-actor" value=${form.actor} onInput=${set('actor')} placeholder=${t('audit.actor_example')}
            autocomplete="off" spellcheck="false" />
        </div>
        <div class="field grow">
          <label for="audit-entity">${t('audit.entity')}</label>
          <input id="audit-entity" data-test="audit-entity" value=${form.entity} onInput=${set('entity')}
            placeholder=${t('audit.entity_example')} autocomplete="off" spellcheck="false" aria-describedby="audit-entity-hint" />
          <p class="hint" id="audit-entity-hint">${t('audit.entity_hint')}</p>
        </div>
      </div>
      <p class="hint" id="audit-zone">${t('audit.zone', { zone: serverZone() })}</p>
      ${badTime ? html`<p class="field-error" role="alert">${t('audit.bad_time')}</p>` : null}
      <div class="actions">
        <button type="submit" class="primary" data-test="audit-search" disabled=${st.busy}>${t('audit.search')}</button>
      </div>
    </form>
    ${st.busy && !page ? html`<${Loading} />` : null}
    <${ErrorBox} error=${st.error} />
    ${page ? html`<section aria-labelledby="audit-results-h">
      <div class="toolbar">
        <h2 id="audit-results-h">${t('audit.results', { n: events.length, page: page.afters.length })}</h2>
        <button type="button" data-test="audit-prev" onClick=${prev} disabled=${st.busy || page.afters.length < 2}>${t('audit.prev')}</button>
        <button type="button" data-test="audit-next" onClick=${next} disabled=${st.busy || page.res.end !== false}>${t('audit.next')}</button>
      </div>
      ${events.length === 0 ? html`<p class="empty">${page.res.end === false ? t('audit.empty_more') : t('audit.empty')}</p>` : html`
        <${TableWrap} label=${t('audit.table_label')}>
          <table class="data audit">
            <thead><tr>
              <th scope="col">${t('audit.col_seq')}</th><th scope="col">${t('audit.col_time')}</th>
              <th scope="col">${t('audit.col_type')}</th><th scope="col">${t('audit.col_entity')}</th>
              <th scope="col">${t('audit.col_actor')}</th><th scope="col">${t('audit.col_origin')}</th>
              <th scope="col">${t('audit.col_payload')}</th>
            </tr></thead>
            <tbody>${events.map((e) => html`<${EventRow} e=${e} />`)}</tbody>
          </table>
        </${TableWrap}>`}
    </section>` : null}
  </${Screen}>`;
}
