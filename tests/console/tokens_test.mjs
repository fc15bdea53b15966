// An administrator issues a token for a liaison (its secret shown once, and working), sees it
// in the list, and revokes it (the server refuses it from then on).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dictionary, startConsole } from './support/console.mjs';

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'zh-CN' } });
  b = c.browser;
});
after(async () => { await c?.close(); });

let issued;   // { id, secret }

test('a token is created with a role and a description, and its secret is shown once', async () => {
  await c.signInAs('admin');
  await b.goto('/console/tokens', 'tokens');
  await b.choose('[data-test=token-role]', 'liaison:customer_service');
  await b.type('[data-test=token-description]', '客服联络员 赵磊 (Zhao Lei)');
  await b.click('[data-test=token-create]');
  const secret = (await b.text('[data-test=token-secret]')).trim();
  assert.match(secret, /^gct_[0-9a-f]{16}_[0-9a-f]{64}$/);
  assert.ok(await b.exists('[data-test=copy-secret]'), 'a copy button');
  await b.screenshot('tokens-secret-shown-zh-CN');

  const me = await c.server.api('GET', '/v1/me', { token: secret });
  assert.equal(me.role, 'liaison:customer_service');
  assert.equal(me.description, '客服联络员 赵磊 (Zhao Lei)');
  issued = { id: me.token_id, secret };

  const row = await b.element(`tr[data-token="${issued.id}"]`);
  assert.match(await row.getText(), /赵磊/);
  const shown = (await b.driver.executeScript('return document.body.innerText;')).split(secret).length - 1;
  assert.equal(shown, 1, 'the secret appears once, in its panel');
});

test('the secret is not shown again after a reload', async () => {
  await b.goto('/console/tokens', 'tokens');
  await b.element(`tr[data-token="${issued.id}"]`);
  assert.equal(await b.exists('[data-test=token-secret]'), false);
  const page = await b.driver.executeScript('return document.documentElement.outerHTML;');
  assert.ok(!page.includes(issued.secret.slice(22)), 'no part of the secret on the page');
  const stored = await b.driver.executeScript('return JSON.stringify(Object.assign({}, localStorage, sessionStorage));');
  assert.ok(!stored.includes(issued.secret.slice(22)), 'the secret is not kept in storage');
});

test('revoking the token marks it and the server refuses it', async () => {
  const zh = await dictionary(c.server, 'zh-CN');
  const row = `tr[data-token="${issued.id}"]`;
  const before = await b.text(row);
  await b.click(`${row} [data-test=revoke]`);
  // A confirmation, if the console asks for one: a dialog, or a button in the row.
  const alert = await b.driver.switchTo().alert().catch(() => null);
  if (alert) await alert.accept();
  else if (await b.exists(`${row} [data-test=revoke-confirm]`)) await b.click(`${row} [data-test=revoke-confirm]`);
  await b.waitFor(`const row = document.querySelector(arguments[0]);
                   return (!row || (row.innerText !== arguments[1] && !row.querySelector('[data-test=revoke], [data-test=revoke-confirm]')))
                          && !document.querySelector('[aria-busy="true"]');`,
                  'the row shown revoked, without a revoke button', undefined, row, before);
  const listed = await c.server.api('GET', '/v1/tokens?limit=1000');
  assert.ok(listed.tokens.find((t) => t.id === issued.id).revoked_at, 'revoked on the server');
  assert.equal((await c.server.call('GET', '/v1/me', { token: issued.secret })).status, 401);
  if (zh['tokens.revoked'] && await b.exists(row)) assert.match(await b.text(row), new RegExp(zh['tokens.revoked']));
  await b.screenshot('tokens-revoked-zh-CN');
});
