// screens/inbox.js — what other departments sent a department: unacknowledged first,
// acknowledge one or several, a newer version's arrival shown, each report one click away.
import { html, useState } from '../vendor/preact-htm.js';
import { t, tOf } from '../i18n.js';
import { api, get, path, query as q } from '../api.js';
import { Link, navigate } from '../router.js';
import { DEPARTMENTS, homeDepartment, mayActFor } from '../roles.js';
import { Dept, ErrorBox, Kind, Loading, Screen, TableWrap, Time, useLoad } from '../components.js';
import { AckState } from './submit_parts.js';

// Every page of a department's inbox (at most 10 pages of 1000 items).
async function loadInbox(department, signal) {
  let items = [];
  let after;
  for (let page = 0; page < 10; page += 1) {
    const res = await get(path`/v1/departments/${department}/inbox` + q({ limit: 1000, after }), { signal });
    items = items.concat(res.items || []);
    if (res.end !== false || res.next_after == null || !(res.items || []).length) break;
    after = res.next_after;
  }
  return items;
}

function order(items) {
  const time = (x) => Date.parse(x.received_at) || 0;
  return [...items].sort((a, b) => {
    const ua = a.acknowledged ? 1 : 0;
    const ub = b.acknowledged ? 1 : 0;
    return ua - ub || time(b) - time(a) || b.item - a.item;
  });
}

function Superseded({ newer }) {
  if (!newer) return null;
  return html`<div class="superseded" data-test="superseded" data-newer-item=${newer.item}>
    <span>${t('inbox.superseded', { version: newer.version })}</span><${Time} value=${newer.received_at} />
  </div>`;
}

export function Inbox({ me, query }) {
  const own = homeDepartment(me);
  const qd = query.get('department');
  const department = own || (DEPARTMENTS.includes(qd) ? qd : DEPARTMENTS[0]);
  const canAck = mayActFor(me, department);
  const load = useLoad((signal) => loadInbox(department, signal), [department]);
  const [selected, setSelected] = useState(new Set());
  const [acking, setAcking] = useState({ busy: false, error: null, done: 0, total: 0 });
  const items = load.data ? order(load.data) : [];
  const open = items.filter((x) => !x.acknowledged);

  const toggle = (id, on) => setSelected((s) => {
    const n = new Set(s);
    if (on) n.add(id); else n.delete(id);
    return n;
  });
  const allSelected = open.length > 0 && open.every((x) => selected.has(x.item));
  const toggleAll = (on) => setSelected(on ? new Set(open.map((x) => x.item)) : new Set());

  const acknowledge = async (ids) => {
    if (!ids.length || acking.busy) return;
    setAcking({ busy: true, error: null, done: 0, total: ids.length });
    let error = null;
    let done = 0;
    for (const id of ids) {
      try {
        await api('POST', path`/v1/departments/${department}/inbox/${id}/ack`, { body: { by: me.description || me.token_id } });
        done += 1;
        setAcking((s) => ({ ...s, done }));
      } catch (e) {
        error = e;
        break;
      }
    }
    setAcking({ busy: false, error, done, total: ids.length });
    setSelected(new Set());
    load.reload();
  };

  const selectedIds = open.filter((x) => selected.has(x.item)).map((x) => x.item);
  return html`<${Screen} name="inbox" busy=${load.loading || acking.busy} title=${t('inbox.title')}>
    <div class="toolbar">
      ${own ? html`<p><span>${t('inbox.department')}</span><${Dept} value=${own} /></p>` : html`
        <label for="inbox-dept">${t('inbox.department')}</label>
        <select id="inbox-dept" data-test="inbox-department" value=${department}
          onChange=${(e) => navigate('/inbox?department=' + e.currentTarget.value, { replace: true })}>
          ${DEPARTMENTS.map((d) => html`<option value=${d}>${tOf('dept.', d)}</option>`)}
        </select>`}
      <button type="button" onClick=${load.reload} disabled=${load.loading}>${t('common.refresh')}</button>
      ${load.data ? html`<p class="muted" data-test="inbox-counts">${t('inbox.counts', { open: open.length, total: items.length })}</p>` : null}
    </div>
    ${load.loading && !load.data ? html`<${Loading} />` : null}
    <${ErrorBox} error=${load.error} />
    ${acking.busy ? html`<p role="status">${t('inbox.acking', { done: acking.done, total: acking.total })}</p>` : null}
    ${!acking.busy && acking.total > 0 && !acking.error ? html`<p role="status" class="ok">${t('inbox.acked', { n: acking.done })}</p>` : null}
    <${ErrorBox} error=${acking.error} />
    ${load.data && items.length === 0 ? html`<p class="empty">${t('inbox.empty')}</p>` : null}
    ${items.length ? html`
      ${canAck ? html`<div class="actions">
        <button type="button" class="primary" data-test="ack-selected" disabled=${selectedIds.length === 0 || acking.busy}
          onClick=${() => acknowledge(selectedIds)}>${t('inbox.ack_selected', { n: selectedIds.length })}</button>
      </div>` : null}
      <${TableWrap} label=${t('inbox.table_label')}>
        <table class="data inbox">
          <thead><tr>
            ${canAck ? html`<th scope="col" class="check"><input type="checkbox" data-test="select-all"
              aria-label=${t('inbox.select_all')} checked=${allSelected} disabled=${open.length === 0}
              onChange=${(e) => toggleAll(e.currentTarget.checked)} /></th>` : null}
            <th scope="col">${t('inbox.col_report')}</th>
            <th scope="col">${t('inbox.col_from')}</th>
            <th scope="col">${t('inbox.col_month')}</th>
            <th scope="col">${t('inbox.col_version')}</th>
            <th scope="col">${t('inbox.col_received')}</th>
            <th scope="col">${t('inbox.col_state')}</th>
            <th scope="col">${t('inbox.col_actions')}</th>
          </tr></thead>
          <tbody>${items.map((x) => html`<tr data-item=${x.item} data-acknowledged=${x.acknowledged ? 'true' : 'false'}
              class=${x.acknowledged ? 'done' : 'open'}>
            ${canAck ? html`<td class="check">${x.acknowledged ? null : html`<input type="checkbox" data-test="select-item"
              aria-label=${t('inbox.select_item', { item: x.item })} checked=${selected.has(x.item)}
              onChange=${(e) => toggle(x.item, e.currentTarget.checked)} />`}</td>` : null}
            <th scope="row"><${Kind} value=${x.kind} /></th>
            <td><${Dept} value=${x.from} /></td>
            <td data-raw>${x.month}</td>
            <td data-raw>${x.version}</td>
            <td><${Time} value=${x.received_at} /></td>
            <td><${AckState} ack=${x.acknowledged} /><${Superseded} newer=${x.newer_version} /></td>
            <td class="row-actions">
              <${Link} to=${path`/reports/${x.from}/${x.kind}/${x.month}` + '?version=' + x.version}
                aria-label=${t('inbox.open_item', { item: x.item })}>${t('inbox.open')}</${Link}>
              ${canAck && !x.acknowledged ? html`<button type="button" class="small" data-test="ack-one"
                disabled=${acking.busy} onClick=${() => acknowledge([x.item])}
                aria-label=${t('inbox.ack_item', { item: x.item })}>${t('inbox.ack')}</button>` : null}
            </td>
          </tr>`)}</tbody>
        </table>
      </${TableWrap}>` : null}
  </${Screen}>`;
}
