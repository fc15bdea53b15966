// screens/submit.js — "Submit a report": kind and month; rows pasted from Excel or read
// from a CSV file (UTF-8 with/without BOM, or GB18030/GBK); a preview grid; PUT as JSON
// rows; on 422 every bad cell marked, fixed in place and submitted again.
import { html, useEffect, useRef, useState } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { api, ApiError, get, newIdempotencyKey, path } from '../api.js';
import { isMonth, monthOf } from '../format.js';
import { navigate } from '../router.js';
import { homeDepartment, isAdmin } from '../roles.js';
import { decodeBytes, download, encodingName, parseText } from '../csv.js';
import { badRowNumbers, badRowsCsv, placeDetails, recordsToRows, rowsToBody, templateCsv } from '../sheet.js';
import { detailText } from '../rules.js';
import { Dept, ErrorBox, kindTitle, Loading, Screen, useLoad } from '../components.js';
import { Grid } from './submit_grid.js';
import { FieldsHelp, Result } from './submit_parts.js';

const EMPTY_PLACED = { cells: new Map(), rows: new Map(), general: [] };

// The error box of a submission: a 422's details about cells and rows are in the grid.
function shownError(error, placed) {
  if (!error || error.code !== 'validation_failed') return error;
  return { code: error.code, message: error.message, language: error.language, status: error.status,
           requestId: error.requestId, details: placed.general };
}

export function Submit({ me, query }) {
  const kinds = useLoad((signal) => get('/v1/report-kinds', { signal }), []);
  const own = homeDepartment(me);
  const allowed = (kinds.data && kinds.data.kinds || []).filter((k) => isAdmin(me) || (own && k.sender === own));
  const qKind = query.get('kind');
  const qMonth = query.get('month');
  const kindId = allowed.some((k) => k.id === qKind) ? qKind : (allowed[0] && allowed[0].id) || '';
  const kind = allowed.find((k) => k.id === kindId) || null;
  const month = isMonth(qMonth) ? qMonth : monthOf(new Date(), -1);
  const fields = kind ? kind.fields : [];

  const [source, setSource] = useState(null); // { records, origin: 'paste'|'file', encoding, fileName }
  const [pasted, setPasted] = useState('');
  const [rows, setRows] = useState([]);
  const [mapping, setMapping] = useState({ unknown: [], headerless: false });
  const [placed, setPlaced] = useState(EMPTY_PLACED);
  const [state, setState] = useState({ busy: false, error: null, result: null });
  const [fileError, setFileError] = useState(null);
  const attempt = useRef({ signature: null, key: null });
  const fileInput = useRef(null);
  const gridRef = useRef(null);

  // Another kind or month: no issues or receipt of the last attempt. A new source or another
  // kind: the rows again from the records.
  useEffect(() => {
    setPlaced(EMPTY_PLACED);
    setState({ busy: false, error: null, result: null });
  }, [kindId, month]);
  useEffect(() => {
    if (!source || !kind) return;
    setPlaced(EMPTY_PLACED);
    setState({ busy: false, error: null, result: null });
    const r = recordsToRows(source.records, fields);
    setRows(r.rows);
    setMapping({ unknown: r.unknown, headerless: r.headerless });
  }, [source, kindId]);

  const setParam = (name, value) => {
    const q = new URLSearchParams({ kind: kindId, month });
    q.set(name, value);
    navigate('/submit?' + q.toString(), { replace: true });
  };

  const onPaste = (text) => {
    setPasted(text);
    setFileError(null);
    if (fileInput.current) fileInput.current.value = '';
    setSource(text.trim() ? { records: parseText(text).records, origin: 'paste' } : null);
    if (!text.trim()) setRows([]);
  };

  const onFile = async (e) => {
    const file = e.currentTarget.files && e.currentTarget.files[0];
    setFileError(null);
    if (!file) return;
    try {
      const { text, encoding } = decodeBytes(await file.arrayBuffer());
      setPasted('');
      setSource({ records: parseText(text).records, origin: 'file', encoding, fileName: file.name });
    } catch (err) {
      setFileError(new ApiError(0, 'file_unreadable', String(err && err.message || err)));
    }
  };

  const onEdit = (n, field, value) => {
    setRows((rs) => rs.map((r, i) => (i === n - 1 ? { ...r, [field]: value } : r)));
    setPlaced((p) => {
      const key = n + ':' + field;
      if (!p.cells.has(key)) return p;
      const cells = new Map(p.cells);
      cells.delete(key);
      return { ...p, cells };
    });
  };

  const onDelete = (n) => {
    setRows((rs) => rs.filter((_, i) => i !== n - 1));
    setPlaced(EMPTY_PLACED); // row numbers moved: the old issues no longer point at the right rows
  };

  const addRow = () => setRows((rs) => [...rs, {}]);
  const clear = () => { setRows([]); setSource(null); setPasted(''); setPlaced(EMPTY_PLACED); setState({ busy: false, error: null, result: null }); if (fileInput.current) fileInput.current.value = ''; };

  const submit = async (e) => {
    e.preventDefault();
    if (!kind || rows.length === 0 || state.busy) return;
    const url = path`/v1/reports/${kind.sender}/${kind.id}/${month}`;
    const body = rowsToBody(rows, fields);
    const signature = url + '\n' + JSON.stringify(body);
    // One key per distinct attempt: the same rows again (a retry) keep the key.
    if (attempt.current.signature !== signature) attempt.current = { signature, key: newIdempotencyKey() };
    setState({ busy: true, error: null, result: null });
    try {
      const receipt = await api('PUT', url, { body, idempotencyKey: attempt.current.key });
      setPlaced(EMPTY_PLACED);
      setState({ busy: false, error: null, result: receipt });
    } catch (err) {
      const p = err.code === 'validation_failed' ? placeDetails(err.details, fields) : EMPTY_PLACED;
      setPlaced(p);
      setState({ busy: false, error: err, result: null });
      if (p.cells.size || p.rows.size) {
        setTimeout(() => {
          const first = gridRef.current && gridRef.current.querySelector('td.bad input, tr.bad-row input');
          if (first) first.focus();
        }, 0);
      }
    }
  };

  const describe = (d) => detailText(d, fields).text;
  const badRows = badRowNumbers(placed);
  const downloadBad = () => download(`${kind.id}-${month}-bad-rows.csv`,
    badRowsCsv(rows, fields, placed, describe, t('submit.error_column'), t('submit.row_column')));

  const busy = kinds.loading || state.busy;
  return html`<${Screen} name="submit" busy=${busy} title=${t('submit.title')}>
    ${kinds.loading && !kinds.data ? html`<${Loading} />` : null}
    <${ErrorBox} error=${kinds.error} />
    ${kinds.data && allowed.length === 0 ? html`<p class="empty">${t('submit.no_kinds')}</p>` : null}
    ${kind ? html`<form class="submit-form" onSubmit=${submit} novalidate>
      <fieldset class="card">
        <legend>${t('submit.step_what')}</legend>
        <div class="row-fields">
          <div class="field">
            <label for="kind-select">${t('submit.kind')}</label>
            <select id="kind-select" data-test="kind-select" value=${kindId} onChange=${(e) => setParam('kind', e.currentTarget.value)}>
              ${allowed.map((k) => html`<option value=${k.id}>${t('submit.kind_option', { flow: k.flow, title: kindTitle(k.id) || k.title })}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="month-input">${t('submit.month')}</label>
            <input id="month-input" type="month" data-test="month-input" value=${month} required
              onChange=${(e) => isMonth(e.currentTarget.value) && setParam('month', e.currentTarget.value)} />
          </div>
        </div>
        <div class="route-line">
          <span>${t('submit.from')}</span><ul class="chips"><li><${Dept} value=${kind.sender} /></li></ul>
          <span>${t('submit.to')}</span><ul class="chips">${kind.recipients.map((d) => html`<li><${Dept} value=${d} /></li>`)}</ul>
        </div>
        <${FieldsHelp} kind=${kind} onTemplate=${() => download(`${kind.id}-template.csv`, templateCsv(fields))} />
      </fieldset>

      <fieldset class="card">
        <legend>${t('submit.step_rows')}</legend>
        <div class="two-col">
          <div class="field">
            <label for="paste-area">${t('submit.paste')}</label>
            <textarea id="paste-area" data-test="paste-area" rows="5" spellcheck="false" aria-describedby="paste-hint"
              value=${pasted} onInput=${(e) => onPaste(e.currentTarget.value)}></textarea>
            <p class="hint" id="paste-hint">${t('submit.paste_hint')}</p>
          </div>
          <div class="field">
            <label for="file-input">${t('submit.file')}</label>
            <input id="file-input" type="file" data-test="file-input" accept=".csv,.txt,.tsv,text/csv,text/plain"
              ref=${fileInput} onChange=${onFile} aria-describedby="file-hint" />
            <p class="hint" id="file-hint">${t('submit.file_hint')}</p>
            ${source && source.origin === 'file' ? html`<p class="encoding" data-test="encoding" data-encoding=${source.encoding}>
              <span>${t('submit.encoding')}</span><strong data-raw>${encodingName(source.encoding)}</strong>
              <span data-raw class="muted">${source.fileName}</span></p>` : null}
            <${ErrorBox} error=${fileError} />
          </div>
        </div>
        ${source ? html`<p class="muted" data-test="rows-read">${t('submit.rows_read', { n: rows.length })}</p>` : null}
        ${mapping.headerless && source ? html`<p class="warn">${t('submit.headerless')}</p>` : null}
        ${mapping.unknown.length && source ? html`<p class="warn" data-test="unknown-columns">
          <span>${t('submit.unknown_columns')}</span>${mapping.unknown.map((c) => html`<code data-raw>${c}</code>`)}</p>` : null}
      </fieldset>

      <section class="card" aria-labelledby="preview-h" ref=${gridRef}>
        <h2 id="preview-h">${t('submit.preview')}</h2>
        ${rows.length ? html`<${Grid} fields=${fields} rows=${rows} placed=${placed} onEdit=${onEdit} onDelete=${onDelete} />`
          : html`<p class="empty">${t('submit.no_rows')}</p>`}
        <div class="actions">
          <button type="button" onClick=${addRow}>${t('submit.add_row')}</button>
          ${rows.length ? html`<button type="button" onClick=${clear}>${t('submit.clear')}</button>` : null}
          ${badRows.length ? html`<button type="button" data-test="download-bad-rows" onClick=${downloadBad}>
            ${t('submit.download_bad', { n: badRows.length })}</button>` : null}
          <button type="submit" class="primary" data-test="submit-button" disabled=${state.busy || rows.length === 0}>
            ${state.busy ? t('submit.sending') : t('submit.submit', { n: rows.length })}</button>
        </div>
      </section>
      ${state.error && state.error.code === 'validation_failed'
        ? html`<p class="warn" role="alert" data-test="bad-summary">${t('submit.bad_summary', { n: (state.error.details || []).length, rows: badRows.length })}</p>` : null}
      ${state.error && state.error.code === 'network' ? html`<p class="warn">${t('submit.retry_hint')}</p>` : null}
      <${ErrorBox} error=${shownError(state.error, placed)} fields=${fields} />
      ${state.result ? html`<${Result} receipt=${state.result} kind=${kind} />` : null}
    </form>` : null}
  </${Screen}>`;
}
