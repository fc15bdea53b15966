// sheet.js — rows as a liaison brings them (a header row, then cells as typed) turned
// into the JSON rows of PUT /v1/reports/…, and the server's 422 details mapped back
// onto the cells. Pure functions: no DOM.
import { fieldLabels } from './i18n.js';
import { toCsv } from './csv.js';

// Full-width digits and signs (what a Chinese input method may type) as ASCII.
export function toHalfWidth(text) {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function normalize(text) {
  return toHalfWidth(String(text || ''))
    .replace(/^\ufeff/, '')
    .replace(/[*＊]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// The field a header cell names: its name in any case, or its label in a dictionary,
// or "label (name)" as the console's template and downloads write it.
export function fieldForHeader(cell, fields) {
  const norm = normalize(cell);
  if (!norm) return null;
  const paren = /[(（]\s*([a-z0-9_]+)\s*[)）]\s*$/.exec(norm);
  for (const f of fields) {
    const name = f.name.toLowerCase();
    if (norm === name || (paren && paren[1] === name)) return f.name;
  }
  for (const f of fields) {
    for (const label of fieldLabels(f.name)) if (normalize(label) === norm) return f.name;
  }
  return null;
}

// Records (arrays of cell texts, the first one the header) as rows keyed by field name.
// Answers { rows, unknown: [header texts not matched], headerless }. Without any header
// cell naming a field, the records are taken as data in the kind's field order.
export function recordsToRows(records, fields) {
  if (!records.length) return { rows: [], unknown: [], headerless: false };
  const header = records[0];
  const columns = [];
  const unknown = [];
  const seen = new Set();
  for (const cell of header) {
    const name = fieldForHeader(cell, fields);
    if (name && !seen.has(name)) {
      seen.add(name);
      columns.push(name);
    } else {
      columns.push(null);
      if (String(cell).trim() !== '') unknown.push(String(cell).trim());
    }
  }
  let data = records.slice(1);
  let headerless = false;
  if (seen.size === 0) {
    headerless = true;
    data = records;
    columns.length = 0;
    unknown.length = 0;
    fields.forEach((f) => columns.push(f.name));
  }
  const rows = data.map((rec) => {
    const row = {};
    columns.forEach((name, i) => { if (name && i < rec.length && rec[i] !== '') row[name] = rec[i]; });
    return row;
  });
  return { rows, unknown, headerless };
}

// A number as people write it: 1250.5, -3, 1.25e3, "1,250.5", full-width digits.
// Answers null when the text is not one.
export function parseNumber(text) {
  const s = toHalfWidth(String(text)).replace(/[\u00a0\u202f]/g, ' ').trim();
  let n = null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) n = Number(s);
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) n = Number(s.replace(/,/g, ''));
  return n !== null && Number.isFinite(n) ? n : null;
}

// A cell's JSON value for its field: undefined when empty (the field is left out), a
// number for number and integer fields when the text is one; otherwise the text as
// typed, so that the server names the bad value in its answer.
export function cellValue(spec, text) {
  if (text == null) return undefined;
  const s = String(text);
  if (s.trim() === '') return undefined;
  if (!spec) return s;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const n = parseNumber(s);
      return n === null ? s : n;
    }
    case 'choice':
    case 'year_month':
      return toHalfWidth(s).trim();
    default:
      return s;
  }
}

// The body of PUT /v1/reports/…: { rows: [...] } with each row's fields in schema order.
export function rowsToBody(rows, fields) {
  return {
    rows: rows.map((row) => {
      const out = {};
      for (const f of fields) {
        const v = cellValue(f, row[f.name]);
        if (v !== undefined) out[f.name] = v;
      }
      return out;
    }),
  };
}

// A 422's details by place: cells ("row:field" -> details), rows (row -> details about the
// whole row or a field the grid does not show), general (no row).
export function placeDetails(details, fields) {
  const cells = new Map();
  const rows = new Map();
  const general = [];
  const names = new Set(fields.map((f) => f.name));
  for (const d of details || []) {
    if (d.row == null) { general.push(d); continue; }
    if (d.field && names.has(d.field)) {
      const k = d.row + ':' + d.field;
      if (!cells.has(k)) cells.set(k, []);
      cells.get(k).push(d);
    } else {
      if (!rows.has(d.row)) rows.set(d.row, []);
      rows.get(d.row).push(d);
    }
  }
  return { cells, rows, general };
}

// The numbers (from 1) of the rows with any issue, ascending.
export function badRowNumbers(placed) {
  const set = new Set(placed.rows.keys());
  for (const k of placed.cells.keys()) set.add(Number(k.split(':')[0]));
  return [...set].sort((a, b) => a - b);
}

// The bad rows as CSV (UTF-8 with BOM): the kind's fields as the header, then an error
// column; describe(detail) gives the text of each issue.
export function badRowsCsv(rows, fields, placed, describe, errorHeader, rowHeader) {
  const header = [rowHeader, ...fields.map((f) => f.name), errorHeader];
  const out = [header];
  for (const n of badRowNumbers(placed)) {
    const row = rows[n - 1] || {};
    const issues = [];
    for (const f of fields) for (const d of placed.cells.get(n + ':' + f.name) || []) issues.push(`${f.name}: ${describe(d)}`);
    for (const d of placed.rows.get(n) || []) issues.push((d.field ? d.field + ': ' : '') + describe(d));
    out.push([String(n), ...fields.map((f) => row[f.name] ?? ''), issues.join('; ')]);
  }
  return toCsv(out);
}

// A CSV with the kind's fields as its header, for a liaison to fill in Excel.
export function templateCsv(fields) {
  return toCsv([fields.map((f) => f.name)]);
}
