// rules.js — a validation detail's text in the UI language. The server writes its reasons in
// the language the console asks for (api.js sends Accept-Language), so a detail that came in
// the UI language (its `lang`, the answer's Content-Language) shows the server's reason. Else
// (the pseudo-locale, a server that answered in another language) the text is the
// dictionary's for its rule code: "rule.<code>.<variant>" when the detail's English reason
// carries the numbers or names the variant needs (a limit, another row, a month), else
// "rule.<code>". Without a text for the code, the server's reason is shown as it is.
import { html } from './vendor/preact-htm.js';
import { has, htmlLang, lang, t, tOf, tOfMaybe } from './i18n.js';
import { fmtNumber } from './format.js';

const label = (name) => tOfMaybe('field.', name) || name;
const eqkind = (k) => tOfMaybe('eqkind.', k) || k;
const num = (text) => {
  const n = Number(text);
  return Number.isFinite(n) ? fmtNumber(n, 6) : text;
};

// [rule, variant, pattern over the reason, params from the match and the detail]
const VARIANTS = [
  ['required_when', 'when', /is required when (\w+) is (\S+)/, (m) => ({ when: label(m[1]), when_value: m[2] })],
  ['required_when', 'layout', /is required in an? (\w+) row/, (m) => ({ layout: m[1] })],
  ['exactly_one_of', 'pair', /exactly one of (\w+) and (\w+)/, (m) => ({ a: label(m[1]), b: label(m[2]) })],
  ['not_applicable', 'layout', /is not part of an? (\w+) row/, (m) => ({ layout: m[1] })],
  ['not_one_of', 'allowed', /must be one of (.+)$/, (m) => ({ allowed: m[1] })],
  ['below_minimum', 'positive', /greater than 0\b/, () => ({})],
  ['below_minimum', 'limit', /at least (-?[\d.]+(?:e[+-]?\d+)?)/, (m) => ({ limit: num(m[1]) })],
  ['above_maximum', 'hours', /at most (-?[\d.]+), the hours in (\d{4}-\d{2})/, (m) => ({ limit: num(m[1]), month: m[2] })],
  ['above_maximum', 'limit', /at most (-?[\d.]+(?:e[+-]?\d+)?)/, (m) => ({ limit: num(m[1]) })],
  ['inconsistent_fields', 'greater', /must be greater than (\w+) \((.*)\)$/, (m) => ({ other: label(m[1]), other_value: m[2] })],
  ['inconsistent_fields', 'at_most', /must be at most (\w+) \((.*)\)$/, (m) => ({ other: label(m[1]), other_value: m[2] })],
  ['month_out_of_range', 'before', /before the report month (\d{4}-\d{2})/, (m) => ({ month: m[1] })],
  ['month_out_of_range', 'after', /more than (\d+) months after the report month (\d{4}-\d{2})/, (m) => ({ limit: m[1], month: m[2] })],
  ['duplicate_row', 'row', /repeats row (\d+)/, (m) => ({ other_row: m[1] })],
  ['unknown_equipment', 'value', /^no equipment (.+) in the registry/, (m) => ({ value: m[1] })],
  ['wrong_equipment_kind', 'not_feeder', /^(.+) is an? (\w+), not a feeder/, (m) => ({ value: m[1], kind: eqkind(m[2]) })],
  ['wrong_equipment_kind', 'registered', /^(.+) is registered as an? (\w+), not an? (\w+)/,
    (m) => ({ value: m[1], kind: eqkind(m[2]), expected: eqkind(m[3]) })],
];

// { text, translated, server }: the server's reason when it is in the UI language (server);
// else the rule's text, followed by its variant's when the reason carries what the variant
// needs; translated is false when text is the server's reason in another language.
export function detailText(d) {
  const code = d.rule || '';
  const reason = d.reason || d.message || '';
  if (reason && d.lang && lang() !== 'pseudo' && d.lang === htmlLang()) return { text: reason, translated: true, server: true };
  if (!code || !has('rule.' + code)) return { text: reason, translated: false };
  const base = { field: d.field ? label(d.field) : '', value: d.value ?? '' };
  let text = tOf('rule.', code, base);
  for (const [rule, variant, re, params] of VARIANTS) {
    const key = `rule.${rule}.${variant}`;
    if (rule !== code || !has(key)) continue;
    const m = re.exec(reason);
    if (m) {
      text += (htmlLang() === 'zh-CN' ? '' : ' ') + t(key, { ...base, ...params(m) });
      break;
    }
  }
  return { text, translated: true };
}

export function describeDetail(d) {
  const { text, translated, server } = detailText(d);
  if (server) return html`<span data-raw lang=${d.lang}>${text}</span>`;
  return translated ? html`<span>${text}</span>` : html`<span data-raw lang=${d.lang || 'en'}>${text}</span>`;
}
