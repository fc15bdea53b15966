// Signing in with a pasted token, who am I, signing out, and each role's own navigation and
// home screen. The token lives in sessionStorage only: never in a URL or localStorage.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startConsole } from './support/console.mjs';

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'en' } });
  b = c.browser;
});
after(async () => { await c?.close(); });

async function navEntries() {
  return b.driver.executeScript(`return [...document.querySelectorAll('a[data-nav]')]
      .filter((a) => a.getClientRects().length > 0 || a.closest('nav'))
      .map((a) => a.getAttribute('data-nav'));`);
}

async function assertTokenOnlyInSession(token) {
  assert.equal(await b.storage('sessionStorage', 'gridcoord.token'), token);
  const local = await b.driver.executeScript('return Object.values(localStorage).join("\\n");');
  assert.ok(!local.includes(token), 'the token is not in localStorage');
  assert.ok(!(await b.driver.getCurrentUrl()).includes(token), 'the token is not in the URL');
}

test('a visitor without a token is sent to the sign-in screen', async () => {
  await b.open(c.server.base, '/console/');
  await b.screen('sign-in');
  assert.match(await b.driver.getCurrentUrl(), /\/console\/sign-in/);
  assert.equal(await b.exists('[data-test=sign-out]'), false);
});

test('an unknown token is refused with a readable error and no sign-in', async () => {
  await b.goto('/console/sign-in', 'sign-in');
  await b.type('[data-test=token-input]', `gct_0123456789abcdef_${'0'.repeat(64)}`);
  await b.click('[data-test=sign-in-button]');
  const error = await b.text('[data-test=error]');
  assert.match(error, /unauthorized/);
  assert.equal(await b.currentScreen(), 'sign-in');
  assert.equal(await b.storage('sessionStorage', 'gridcoord.token'), null);
});

test('a marketing liaison signs in to its month, sees who it is and its own navigation', async () => {
  const screen = await b.signIn(c.tokens.marketing.token);
  assert.equal(screen, 'month');
  const whoami = await b.text('[data-test=whoami]');
  assert.match(whoami, /张敏 \(Zhang Min\)/);
  assert.match(whoami, /marketing/i);
  await assertTokenOnlyInSession(c.tokens.marketing.token);
  const nav = await navEntries();
  for (const entry of ['month', 'submit', 'inbox']) assert.ok(nav.includes(entry), `nav has ${entry}: ${nav}`);
  for (const entry of ['tokens', 'audit', 'feed']) assert.ok(!nav.includes(entry), `nav has no ${entry}: ${nav}`);
});

test('navigation moves between screens and deep links open in place', async () => {
  await b.click('a[data-nav=inbox]');
  await b.screen('inbox');
  assert.match(await b.driver.getCurrentUrl(), /\/console\/inbox$/);
  await b.goto('/console/submit?kind=large_customer_demand&month=2026-12', 'submit');
  await b.driver.navigate().back();
  await b.screen('inbox');
});

test('signing out forgets the token and returns to sign-in', async () => {
  await b.click('[data-test=sign-out]');
  await b.screen('sign-in');
  assert.equal(await b.storage('sessionStorage', 'gridcoord.token'), null);
  await b.goto('/console/month', 'sign-in');
});

test('a token revoked during the session sends its user back to sign-in', async () => {
  const temp = await c.server.createToken('liaison:planning', '临时 (temporary)');
  await b.signIn(temp.token);
  await c.server.api('DELETE', `/v1/tokens/${temp.id}`);
  await b.goto('/console/inbox');
  await b.screen('sign-in');
  assert.equal(await b.storage('sessionStorage', 'gridcoord.token'), null);
});

test('an administrator starts on tokens and may reach tokens, audit and the feed', async () => {
  assert.equal(await b.signIn(c.tokens.admin.token), 'tokens');
  const nav = await navEntries();
  for (const entry of ['tokens', 'audit', 'feed']) assert.ok(nav.includes(entry), `nav has ${entry}: ${nav}`);
  assert.match(await b.text('[data-test=whoami]'), /admin/i);
  await b.click('[data-test=sign-out]');
  await b.screen('sign-in');
});

test('a reader may read the audit and the feed but not the tokens', async () => {
  const screen = await b.signIn(c.tokens.reader.token);
  assert.ok(['month', 'inbox'].includes(screen), `a reader's home: ${screen}`);
  const nav = await navEntries();
  assert.ok(nav.includes('audit') && nav.includes('feed'), `nav: ${nav}`);
  assert.ok(!nav.includes('tokens') && !nav.includes('submit'), `nav: ${nav}`);
  await b.click('[data-test=sign-out]');
  await b.screen('sign-in');
});

test('a planner starts on its inbox', async () => {
  const planner = await c.server.createToken('planner', '规划员 (planner)');
  assert.equal(await b.signIn(planner.token), 'inbox');
  const nav = await navEntries();
  assert.ok(!nav.includes('tokens'), `nav: ${nav}`);
  await b.click('[data-test=sign-out]');
  await b.screen('sign-in');
});
