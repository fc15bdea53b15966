// components.js — small pieces every screen uses: the screen frame with its loading
// state, the error box, times, names of departments, kinds and roles, tables that scroll.
import { html, useCallback, useEffect, useRef, useState } from './vendor/preact-htm.js';
import { t, tMaybe, tOfMaybe } from './i18n.js';
import { fmtTime, parseTime } from './format.js';
import { describeDetail } from './rules.js';

// The root of a screen: data-screen for the tests, aria-busy while a request runs, a heading.
export function Screen({ name, busy, title, children, actions }) {
  return html`<section class="screen" data-screen=${name} aria-busy=${busy ? 'true' : undefined}
      aria-labelledby=${'h-' + name}>
    <div class="screen-head">
      <h1 id=${'h-' + name} tabindex="-1">${title}</h1>
      ${actions}
    </div>
    ${children}
  </section>`;
}

// Runs a request when deps change: { loading, data, error, reload }. fn gets an AbortSignal.
export function useLoad(fn, deps) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    let live = true;
    setState((s) => ({ loading: true, data: s.data, error: null }));
    Promise.resolve()
      .then(() => fn(ac.signal))
      .then(
        (data) => { if (live) setState({ loading: false, data, error: null }); },
        (error) => { if (live && !(error && error.name === 'AbortError')) setState({ loading: false, data: null, error }); },
      );
    return () => { live = false; ac.abort(); };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { ...state, reload };
}

// Runs an action on demand: [run, { busy, error, result, reset }].
export function useAction(fn) {
  const [state, setState] = useState({ busy: false, error: null, result: null });
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const run = async (...args) => {
    setState({ busy: true, error: null, result: null });
    try {
      const result = await fn(...args);
      if (mounted.current) setState({ busy: false, error: null, result });
      return result;
    } catch (error) {
      if (mounted.current) setState({ busy: false, error, result: null });
      return undefined;
    }
  };
  return [run, { ...state, reset: () => setState({ busy: false, error: null, result: null }) }];
}

export function Loading() {
  return html`<p class="loading" role="status">${t('common.loading')}</p>`;
}

export function Raw({ children, class: cls }) {
  return html`<span data-raw class=${cls}>${children}</span>`;
}

// The error envelope, readable: the code's text, the server's message (in the UI language:
// api.js asks for it), the details.
export function ErrorBox({ error, fields }) {
  if (!error) return null;
  const code = error.code || 'internal';
  const title = tOfMaybe('error.', code) || t('error.unknown');
  const details = error.details || [];
  return html`<div class="error-box" role="alert" data-test="error" data-code=${code}>
    <p class="error-title">${title}</p>
    ${error.message && html`<p class="error-message"><span data-raw lang=${error.language || null}>${error.message}</span></p>`}
    <p class="error-meta">
      <span>${t('error.code')}</span><code data-raw>${code}</code>
      ${error.status ? html`<span>${t('error.status')}</span><code data-raw>${error.status}</code>` : null}
      ${error.requestId ? html`<span>${t('error.request_id')}</span><code data-raw>${error.requestId}</code>` : null}
    </p>
    ${details.length > 0 && html`<ul class="error-details">
      ${details.slice(0, 50).map((d) => html`<li>${detailLine(d, fields)}</li>`)}
    </ul>`}
  </div>`;
}

// One validation detail as a line: where (row, field) and what (the rule's text).
export function detailLine(d, fields) {
  const where = [];
  if (d.row != null) where.push(html`<span class="where">${t('detail.row', { row: d.row })}</span>`);
  if (d.field) where.push(html`<span class="where"><code data-raw>${d.field}</code></span>`);
  return html`${where}<span class="what">${describeDetail(d, fields)}</span>`;
}

export function Time({ value, seconds }) {
  const d = parseTime(value);
  if (!d) return html`<span class="muted">${t('common.none')}</span>`;
  return html`<time datetime=${d.toISOString()} data-raw>${fmtTime(d, { seconds })}</time>`;
}

export function deptName(d) {
  return tOfMaybe('dept.', d);
}

export function Dept({ value }) {
  const name = deptName(value);
  return name ? html`<span title=${value}>${name}</span>` : html`<span data-raw>${value}</span>`;
}

export function kindTitle(kind) {
  return tOfMaybe('kind.', kind);
}

export function Kind({ value, flow }) {
  const title = kindTitle(value);
  return html`<span class="kind">${flow ? html`<span class="flow" data-raw>${flow}</span>` : null}${title
    ? html`<span title=${value}>${title}</span>`
    : html`<span data-raw>${value}</span>`}</span>`;
}

export function roleName(role) {
  if (!role) return '';
  if (role.startsWith('liaison:')) {
    const d = role.slice('liaison:'.length);
    return t('role.liaison', { department: deptName(d) || d });
  }
  return tOfMaybe('role.', role) || role;
}

export function Role({ value }) {
  return html`<span title=${value}>${roleName(value)}</span>`;
}

export function fieldLabel(name) {
  return tOfMaybe('field.', name);
}

// A table inside a horizontally scrolling region that the keyboard can reach.
export function TableWrap({ label, children, test }) {
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0" data-test=${test}>${children}</div>`;
}

// Re-renders every `ms` (for "N s ago" texts).
export function useTick(ms = 1000) {
  const [, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
}
