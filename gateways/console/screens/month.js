// screens/month.js — "My month": the monthly cycle of a department's reports (status,
// due day and time, reminders and late notice sent), what is due next, links to submit.
import { html } from '../vendor/preact-htm.js';
import { t, tOf } from '../i18n.js';
import { get, path } from '../api.js';
import { isMonth, monthOf, parseTime } from '../format.js';
import { Link, navigate } from '../router.js';
import { homeDepartment, mayActFor } from '../roles.js';
import { Dept, ErrorBox, Kind, Loading, Screen, TableWrap, Time, useLoad } from '../components.js';

const OPEN = ['open', 'not_yet_due'];

// due_at is the instant the due day ends (local midnight); people read the day's last minute, 23:59.
function lastInstantBefore(iso) {
  const d = parseTime(iso);
  return d ? new Date(d.getTime() - 1000) : null;
}

export function StatusBadge({ status }) {
  return html`<span class=${'badge status-' + status} data-status=${status}>${tOf('status.', status)}</span>`;
}

// A reminder or late notice: sent (when), still to come (when), or not sent although its time
// has passed (the report came first, or the time was before the cycle started).
function Notice({ notice, reminder, cycle }) {
  if (!notice) return html`<span class="muted">${t('common.none')}</span>`;
  const at = parseTime(notice.scheduled_at);
  const asOf = parseTime(cycle.as_of);
  const since = parseTime(cycle.cycle_since);
  let state = 'scheduled';
  if (notice.sent_at) state = 'sent';
  else if (at && since && at < since) state = 'before_cycle';
  else if (at && asOf && at <= asOf) state = 'not_sent';
  return html`<div class="notice" data-sent=${notice.sent_at ? 'true' : 'false'} data-state=${state}>
    ${reminder ? html`<span class="muted">${t('month.days_before', { n: notice.working_days_before })}</span>` : null}
    <span>${tOf('month.notice_', state)}</span><${Time} value=${notice.sent_at || notice.scheduled_at} />
  </div>`;
}

function ReportRow({ me, department, r, month, cycle }) {
  const canSubmit = mayActFor(me, department);
  return html`<tr data-kind=${r.kind} data-department=${department} data-status=${r.status}>
    <th scope="row"><${Kind} value=${r.kind} flow=${r.flow} /></th>
    <td><${StatusBadge} status=${r.status} /></td>
    <td>
      <div data-raw>${r.due_day}</div>
      <div class="muted small"><span>${t('month.due_ends')}</span><${Time} value=${lastInstantBefore(r.due_at)} /></div>
    </td>
    <td>
      ${r.latest_version
        ? html`<div><${Link} to=${path`/reports/${department}/${r.kind}/${month}`}>${t('month.version', { version: r.latest_version })}</${Link}></div>
          <div class="muted small"><span>${t('month.first_submitted')}</span><${Time} value=${r.first_submitted_at} /></div>
          ${r.latest_submitted_at !== r.first_submitted_at
            ? html`<div class="muted small"><span>${t('month.latest_submitted')}</span><${Time} value=${r.latest_submitted_at} /></div>` : null}`
        : html`<span class="muted">${t('month.not_submitted')}</span>`}
    </td>
    <td>${(r.reminders || []).length
      ? html`<ul class="plain">${r.reminders.map((n) => html`<li><${Notice} notice=${n} reminder cycle=${cycle} /></li>`)}</ul>`
      : html`<span class="muted">${t('common.none')}</span>`}</td>
    <td><${Notice} notice=${r.late_notice} cycle=${cycle} /></td>
    <td>${canSubmit
      ? html`<${Link} class="button" data-test="submit-link" to=${'/submit?' + new URLSearchParams({ kind: r.kind, month })}>
          ${r.latest_version ? t('month.resubmit') : t('month.submit')}</${Link}>`
      : null}</td>
  </tr>`;
}

function DueNext({ entries, month }) {
  const open = entries.filter((e) => OPEN.includes(e.r.status))
    .sort((a, b) => (parseTime(a.r.due_at) || 0) - (parseTime(b.r.due_at) || 0));
  const missing = entries.filter((e) => e.r.status === 'missing');
  return html`<div class="card due-next" data-test="due-next">
    <h2>${t('month.due_next')}</h2>
    ${open.length === 0
      ? html`<p>${t('month.nothing_due')}</p>`
      : html`<p class="due-next-item">
          <${Kind} value=${open[0].r.kind} flow=${open[0].r.flow} />
          <${Dept} value=${open[0].department} />
          <span>${t('month.due_on')}</span><span data-raw>${open[0].r.due_day}</span>
          <${StatusBadge} status=${open[0].r.status} />
        </p>`}
    ${missing.length > 0 ? html`<p class="warn">${t('month.missing_count', { n: missing.length, month })}</p>` : null}
  </div>`;
}

export function Month({ me, query }) {
  const q = query.get('month');
  const month = isMonth(q) ? q : monthOf(new Date(), -1);
  const own = homeDepartment(me);
  const load = useLoad((signal) => get(path`/v1/cycle/${month}`, { signal }), [month]);
  const data = load.data;
  const departments = data ? (data.departments || []).filter((d) => !own || d.department === own) : [];
  const entries = departments.flatMap((d) => (d.reports || []).map((r) => ({ department: d.department, r })));
  const counts = {};
  for (const e of entries) counts[e.r.status] = (counts[e.r.status] || 0) + 1;

  const setMonth = (e) => {
    const v = e.currentTarget.value;
    if (isMonth(v)) navigate('/month?month=' + v, { replace: true });
  };

  return html`<${Screen} name="month" busy=${load.loading} title=${own ? t('month.title_own') : t('month.title_all')}>
    <form class="toolbar" onSubmit=${(e) => e.preventDefault()}>
      <label for="month-pick">${t('month.month')}</label>
      <input id="month-pick" type="month" data-test="month-pick" value=${month} onChange=${setMonth} />
      <button type="button" onClick=${load.reload} disabled=${load.loading}>${t('common.refresh')}</button>
      ${own ? html`<p class="muted"><span>${t('month.department')}</span><${Dept} value=${own} /></p>` : null}
    </form>
    ${load.loading && !data ? html`<${Loading} />` : null}
    <${ErrorBox} error=${load.error} />
    ${data ? html`
      <div class="summary" data-test="summary">
        ${['not_yet_due', 'open', 'on_time', 'late', 'missing'].map((s) => html`<div class="stat">
          <span class="stat-n" data-raw>${counts[s] || 0}</span><${StatusBadge} status=${s} /></div>`)}
      </div>
      <${DueNext} entries=${entries} month=${month} />
      ${departments.map((d) => html`<section class="dept-block" data-department=${d.department}>
        <h2><${Dept} value=${d.department} /></h2>
        ${(d.reports || []).length === 0 ? html`<p class="empty">${t('month.no_reports')}</p>` : html`<${TableWrap} label=${t('month.table_label', { department: tOf('dept.', d.department) })}>
          <table class="data">
            <thead><tr>
              <th scope="col">${t('month.col_report')}</th>
              <th scope="col">${t('month.col_status')}</th>
              <th scope="col">${t('month.col_due')}</th>
              <th scope="col">${t('month.col_submitted')}</th>
              <th scope="col">${t('month.col_reminders')}</th>
              <th scope="col">${t('month.col_late_notice')}</th>
              <th scope="col">${t('month.col_action')}</th>
            </tr></thead>
            <tbody>${(d.reports || []).map((r) => html`<${ReportRow} me=${me} department=${d.department} r=${r} month=${month} cycle=${data} />`)}</tbody>
          </table>
        </${TableWrap}>`}
      </section>`)}
      ${departments.length === 0 ? html`<p class="empty">${t('month.no_reports')}</p>` : null}
      <p class="muted small"><span>${t('common.as_of')}</span><${Time} value=${data.as_of} /></p>
    ` : null}
  </${Screen}>`;
}
