// i18n.js — the console's two languages (zh-CN, en) and the test-only pseudo-locale.
// Every visible string comes from i18n/<lang>.js through t(); values from the server
// or the user are rendered inside an element with the data-raw attribute instead.
import en from './i18n/en.js';
import zh from './i18n/zh-CN.js';

const dictionaries = { en, 'zh-CN': zh };
export const LANGS = ['zh-CN', 'en'];
const STORAGE_KEY = 'gridcoord.lang';

let current = 'en';

function valid(lang) {
  return lang === 'zh-CN' || lang === 'en' || lang === 'pseudo';
}

// The language for this page load: ?lang= (for this load only), then the saved switch,
// then the browser's languages (zh* -> zh-CN, else en).
export function detectLang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q && valid(q)) return q;
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* storage may be off */ }
  if (saved && valid(saved)) return saved;
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of langs) {
    const low = String(l).toLowerCase();
    if (low.startsWith('zh')) return 'zh-CN';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

export function setLang(lang, persist = false) {
  current = valid(lang) ? lang : 'en';
  if (persist) {
    try { localStorage.setItem(STORAGE_KEY, current); } catch { /* ignore */ }
  }
  document.documentElement.lang = htmlLang();
  document.title = t('app.title');
}

export function lang() { return current; }

// The BCP 47 tag for <html lang> and for Intl formatting.
export function htmlLang() { return current === 'zh-CN' ? 'zh-CN' : 'en'; }
export const intlLocale = htmlLang;

function fill(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params && params[name] != null ? String(params[name]) : m));
}

// Whether the dictionaries have a text for `key`.
export function has(key) {
  return Object.prototype.hasOwnProperty.call(en, key);
}

// The text of `key` in the UI language, with {placeholders} filled from params.
export function t(key, params) {
  if (current === 'pseudo') {
    const base = has(key) ? en[key] : key;
    return '\u27e6' + fill(base, params) + '\u27e7';
  }
  const dict = dictionaries[current] || en;
  const text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : (has(key) ? en[key] : key);
  return fill(text, params);
}

// A text with a fallback: the dictionary's text for key when it has one, else null.
export function tMaybe(key, params) {
  return has(key) ? t(key, params) : null;
}

// Every label a field is known by in the dictionaries (for matching pasted headers).
export function fieldLabels(name) {
  const key = 'field.' + name;
  const out = [];
  for (const d of Object.values(dictionaries)) if (d[key]) out.push(d[key]);
  return out;
}

// The text of a key made of a prefix and a name ("dept." + "planning").
export function tOf(prefix, name, params) {
  return t(prefix + name, params);
}

// The text of prefix + name when the dictionaries have one, else null.
export function tOfMaybe(prefix, name, params) {
  return has(prefix + name) ? t(prefix + name, params) : null;
}
