// api.js — the console's one way to call /v1: the bearer token from sessionStorage,
// JSON in and out, the Idempotency-Key of writes, the UI's language as Accept-Language (so
// that the server writes its errors in it), and the error envelope as an ApiError.
// The token is never logged, put in a URL or stored anywhere but sessionStorage.
import { htmlLang } from './i18n.js';

const TOKEN_KEY = 'gridcoord.token';

export function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}
export function setToken(token) {
  try { sessionStorage.setItem(TOKEN_KEY, token); } catch { /* private mode */ }
}
export function clearToken() {
  try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* ignore */ }
}

const statusCodes = {
  400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found',
  405: 'invalid_request', 408: 'invalid_request', 409: 'conflict', 413: 'too_large',
  415: 'invalid_request', 422: 'validation_failed', 429: 'too_many_requests', 431: 'too_large',
  500: 'internal', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
};

// An answer that is not 2xx (status > 0), or no answer at all (status 0, code "network").
// `language` is the answer's Content-Language ("zh-CN", "en"; "" when it names none): the
// language of its message and of each detail's reason, which each detail carries as `lang`.
export class ApiError extends Error {
  constructor(status, code, message, details = [], requestId = '', retryAfter = null, language = '') {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.language = language;
    this.details = Array.isArray(details)
      ? details.map((d) => (d && typeof d === 'object' && language ? { ...d, lang: language } : d))
      : [];
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

let onUnauthorized = null;
// Called with the ApiError when a request with a token is answered 401.
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

// A fresh idempotency key (works outside secure contexts too, unlike randomUUID).
export function newIdempotencyKey() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return 'console-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function authHeaders(token = getToken()) {
  return token ? { Authorization: 'Bearer ' + token } : {};
}

// The UI's language, for the server's error messages (docs/api.md "Languages of errors").
export function languageHeaders() {
  return { 'Accept-Language': htmlLang() };
}

// Percent-encodes each path segment: path`/v1/reports/${d}/${k}/${m}`.
export function path(strings, ...values) {
  return strings.reduce((acc, s, i) => acc + s + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}

// Calls the API; answers the parsed JSON body (null when empty).
// opts: body (JSON-encoded), idempotencyKey, signal, token (to try a token before keeping it),
// anonymous (a route that needs no token), headers, raw (answers the Response when ok).
// Without a token (and not anonymous) nothing is sent: the answer is a local 401.
export async function api(method, url, opts = {}) {
  const token = opts.token ?? getToken();
  if (!token && !opts.anonymous) {
    // Signed out (in another tab, or the session ended): nothing to ask the server.
    const err = new ApiError(401, 'unauthorized', 'not signed in');
    if (onUnauthorized) onUnauthorized(err);
    throw err;
  }
  const headers = { Accept: 'application/json', ...languageHeaders(), ...authHeaders(token), ...(opts.headers || {}) };
  let body;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  let res;
  try {
    res = await fetch(url, { method, headers, body, signal: opts.signal, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e && e.message) || 'network error');
  }
  if (res.ok && opts.raw) return res;
  const text = await res.text().catch(() => '');
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (res.ok) return json;
  const env = json && json.error && typeof json.error === 'object' ? json.error : {};
  const retry = res.headers.get('Retry-After');
  const err = new ApiError(
    res.status,
    typeof env.code === 'string' ? env.code : statusCodes[res.status] || 'internal',
    typeof env.message === 'string' ? env.message : (text && !json ? text.slice(0, 300) : res.statusText),
    env.details,
    res.headers.get('X-Request-Id') || '',
    retry ? Number(retry) : null,
    res.headers.get('Content-Language') || '',
  );
  if (res.status === 401 && onUnauthorized && !opts.token) onUnauthorized(err);
  throw err;
}

export const get = (url, opts) => api('GET', url, opts);
