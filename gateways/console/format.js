// format.js — times in the server's zone with their offset, numbers in the UI language.
import { intlLocale } from './i18n.js';

let zone = 'Asia/Shanghai';
const partsCache = new Map();

export function setZone(z) {
  if (!z) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    zone = z;
  } catch {
    zone = 'Asia/Shanghai';
  }
}
export function serverZone() { return zone; }

function partsFormatter() {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

// The wall-clock fields of an instant in the server's zone.
export function zoneParts(date) {
  const out = {};
  for (const p of partsFormatter().formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  if (out.hour === 24) out.hour = 0;
  return out;
}

// Minutes east of UTC of the server's zone at an instant.
export function offsetMinutes(date) {
  const p = zoneParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

export function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export function parseTime(value) {
  if (value == null || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// "2026-12-08 00:00 (+08:00)"; with seconds: "2026-12-08 00:00:05 (+08:00)".
export function fmtTime(value, { seconds = false } = {}) {
  const d = parseTime(value);
  if (!d) return '';
  const p = zoneParts(d);
  const time = `${pad(p.hour)}:${pad(p.minute)}` + (seconds ? `:${pad(p.second)}` : '');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${time} (${offsetText(offsetMinutes(d))})`;
}

// The month (YYYY-MM) an instant falls in, in the server's zone; delta shifts it.
export function monthOf(date = new Date(), delta = 0) {
  const p = zoneParts(date);
  const idx = p.year * 12 + (p.month - 1) + delta;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}

export function isMonth(text) {
  return typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

// A wall-clock time typed in an <input type=datetime-local> ("2026-12-01T08:00"), read in
// the server's zone, as RFC 3339 with that zone's offset: "2026-12-01T08:00:00+08:00".
export function localInputToRfc3339(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text || '');
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] || '0'].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes find the offset in force at that wall time (DST-safe for ordinary zones).
  let off = offsetMinutes(new Date(wall));
  off = offsetMinutes(new Date(wall - off * 60000));
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}${offsetText(off)}`;
}

// An instant as the value of an <input type=datetime-local>, in the server's zone.
export function toLocalInput(date) {
  const p = zoneParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const numberFormats = new Map();
export function fmtNumber(n, maxFraction = 3) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return n == null ? '' : String(n);
  const key = intlLocale() + maxFraction;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: maxFraction });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

// The unit a field's name carries (demand_kw -> kW), or '' when it has none.
export function unitOf(field) {
  const m = /_(kw|kva|mw|pct|h)$/.exec(field || '');
  if (!m) return '';
  return { kw: 'kW', kva: 'kVA', mw: 'MW', pct: '%', h: 'h' }[m[1]];
}

// A cell value for reading: numbers in the locale's format with the field's unit.
export function fmtValue(field, value) {
  if (value == null) return '';
  if (typeof value === 'number') {
    const unit = unitOf(field);
    const n = fmtNumber(value);
    return unit ? (unit === '%' ? `${n} %` : `${n} ${unit}`) : n;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// Whole seconds since an instant (never negative).
export function secondsSince(date, now = Date.now()) {
  return Math.max(0, Math.floor((now - date) / 1000));
}
