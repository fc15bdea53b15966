// screens/submit_grid.js — the preview grid of the submit screen: one editable input per
// cell, bad cells marked with the translated reason of each issue.
import { html } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { fieldLabel, TableWrap } from '../components.js';
import { describeDetail } from '../rules.js';

export function FieldHead({ f, marks = true }) {
  const label = fieldLabel(f.name);
  return html`<th scope="col" data-field=${f.name} title=${f.description || undefined}>
    ${label ? html`<span class="col-label">${label}</span>` : null}
    <code class="col-name" data-raw>${f.name}</code>
    ${marks && f.required ? html`<span class="required">${t('submit.required_mark')}</span>` : null}
  </th>`;
}

function Cell({ f, n, value, issues, onEdit }) {
  const bad = issues && issues.length > 0;
  const errId = bad ? `err-${n}-${f.name}` : undefined;
  const label = fieldLabel(f.name) || f.name;
  // Wide enough for what it holds: CJK characters take two columns.
  const width = [...String(value ?? '')].reduce((n, ch) => n + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
  const size = Math.max(6, Math.min(32, width + 1));
  return html`<td data-row=${n} data-field=${f.name} class=${bad ? 'bad' : undefined} aria-invalid=${bad ? 'true' : undefined}>
    <input type="text" value=${value ?? ''} size=${size} data-raw
      list=${f.type === 'choice' && f.allowed && f.allowed.length ? 'choices-' + f.name : undefined}
      aria-label=${t('submit.cell_label', { row: n, field: label })}
      aria-invalid=${bad ? 'true' : undefined} aria-describedby=${errId}
      onInput=${(e) => onEdit(n, f.name, e.currentTarget.value)} />
    ${bad ? html`<div class="cell-error" data-test="cell-error" id=${errId}>
      ${issues.map((d) => html`<div>${describeDetail(d, [f])}</div>`)}
    </div>` : null}
  </td>`;
}

export function Grid({ fields, rows, placed, onEdit, onDelete }) {
  return html`<${TableWrap} label=${t('submit.grid_label')}>
    <table class="data grid" data-test="preview-grid">
      <caption class="visually-hidden">${t('submit.grid_label')}</caption>
      <thead><tr>
        <th scope="col" class="row-n">${t('submit.col_row')}</th>
        ${fields.map((f) => html`<${FieldHead} f=${f} />`)}
        <th scope="col">${t('submit.col_row_problems')}</th>
        <th scope="col"><span class="visually-hidden">${t('submit.col_actions')}</span></th>
      </tr></thead>
      <tbody>
        ${rows.map((row, i) => {
          const n = i + 1;
          const rowIssues = placed.rows.get(n);
          return html`<tr data-row-number=${n} class=${rowIssues ? 'bad-row' : undefined}>
            <th scope="row" class="row-n" data-raw>${n}</th>
            ${fields.map((f) => html`<${Cell} f=${f} n=${n} value=${row[f.name]} issues=${placed.cells.get(n + ':' + f.name)} onEdit=${onEdit} />`)}
            <td class="row-problems">${rowIssues ? html`<div class="cell-error" data-test="row-error">
              ${rowIssues.map((d) => html`<div>${d.field ? html`<code data-raw>${d.field}</code>` : null}${describeDetail(d, fields)}</div>`)}
            </div>` : null}</td>
            <td><button type="button" class="small" onClick=${() => onDelete(n)}
              aria-label=${t('submit.delete_row', { row: n })}>${t('submit.delete')}</button></td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${fields.filter((f) => f.type === 'choice' && f.allowed && f.allowed.length).map((f) => html`
      <datalist id=${'choices-' + f.name}>${f.allowed.map((v) => html`<option value=${v} />`)}</datalist>`)}
  </${TableWrap}>`;
}
