// The console is served by gridcoord itself: / redirects to /console/, files come with their
// content type, a strict Content-Security-Policy, an ETag and no-cache; unknown console paths
// answer the index page so deep links work; GET /v1/me says who a token is.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startConsole } from './support/console.mjs';

let c;
before(async () => { c = await startConsole(); });
after(async () => { await c?.close(); });

test('GET / redirects to /console/', async () => {
  const r = await c.server.call('GET', '/', { token: null });
  assert.ok([301, 302, 303, 307, 308].includes(r.status), `status ${r.status}`);
  assert.match(r.headers.get('location') ?? '', /^(https?:\/\/[^/]+)?\/console\/$/);
});

test('the index page has its module, its stylesheet and a strict CSP', async () => {
  const r = await c.server.call('GET', '/console/', { token: null });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(r.headers.get('cache-control') ?? '', /no-cache/);
  assert.ok(r.headers.get('etag'), 'an ETag');
  const tags = (name) => r.body.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
  assert.ok(tags('script').some((t) => /\btype="module"/.test(t) && /\bsrc="\/console\/app\.js"/.test(t)),
            'a <script type="module" src="/console/app.js">');
  assert.ok(tags('link').some((t) => /\brel="stylesheet"/.test(t) && /\bhref="\/console\/app\.css"/.test(t)),
            'a <link rel="stylesheet" href="/console/app.css">');
  assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline <script>');
  assert.doesNotMatch(r.body, /<style|\sstyle=/, 'no inline style');
  assert.match(r.body, /<meta name="viewport"[^>]*width=device-width/, 'a viewport for phones');
});

test('an unchanged file answers 304 to its ETag', async () => {
  const first = await c.server.call('GET', '/console/app.js', { token: null });
  assert.equal(first.status, 200);
  assert.match(first.headers.get('content-type'), /^text\/javascript/);
  const again = await c.server.call('GET', '/console/app.js',
                                    { token: null, headers: { 'If-None-Match': first.headers.get('etag') } });
  assert.equal(again.status, 304);
});

test('the UI library and both dictionaries are served from the binary', async () => {
  for (const file of ['vendor/preact-htm.js', 'i18n/zh-CN.js', 'i18n/en.js', 'app.css']) {
    const r = await c.server.call('GET', `/console/${file}`, { token: null });
    assert.equal(r.status, 200, file);
    assert.match(r.headers.get('content-type'), file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/, file);
  }
});

test('a deep link to a console route answers the index page', async () => {
  const index = await c.server.call('GET', '/console/', { token: null });
  for (const route of ['/console/inbox', '/console/reports/marketing/large_customer_demand/2026-10', '/console/no/such/page']) {
    const r = await c.server.call('GET', route, { token: null });
    assert.equal(r.status, 200, route);
    assert.equal(r.body, index.body, route);
  }
});

test('GET /v1/me names the token, its role, department and the time zone', async () => {
  const me = await c.server.api('GET', '/v1/me', { token: c.tokens.marketing.token });
  assert.equal(me.token_id, c.tokens.marketing.id);
  assert.equal(me.role, 'liaison:marketing');
  assert.equal(me.department, 'marketing');
  assert.equal(me.description, '张敏 (Zhang Min)');
  assert.equal(me.time_zone, 'Asia/Shanghai');
  const admin = await c.server.api('GET', '/v1/me');
  assert.equal(admin.role, 'admin');
  assert.equal(admin.department, undefined);
  assert.equal((await c.server.call('GET', '/v1/me', { token: null })).status, 401);
});
