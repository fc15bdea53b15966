// The public restricted list (M6) in Chromium: issued through the API as marketing would, then
// read without a token as the public does, in zh-CN and en, on a desktop (1280 px) and a phone
// (390 px): the page's lang attribute, its headings in the language asked for, the issuer and
// contact, the issue time in Beijing time with its offset, a table on the desktop and cards with
// no horizontal overflow on the phone, and no serious or critical axe violation. Screenshots of
// each go to console-screenshots/publication-<lang>-<desktop|phone>.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, formatViolations, openBrowser } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const pages = {
  'zh-CN': {
    h1: '新装、增容用电受限区域',
    h2: ['受限的接入点', '如何办理', '名词解释'],
    issuer: '蓝海供电公司 营销部',
    reason: /^(主变|馈线|配变|变电站) \S+ (可开放容量不足|当前已过载)$/,
    label: '受限原因',
  },
  en: {
    h1: 'Where new electricity connections are restricted',
    h2: ['Restricted connection points', 'What to do', 'The terms used'],
    issuer: 'Lanhai Power Supply Company, Marketing Department',
    reason: /^(Main transformer|Feeder|Distribution transformer|Substation) \S+ (has no spare capacity left|is overloaded now)$/,
    label: 'Why it is restricted',
  },
};

let server;
let browser;
let issued;

before(async () => {
  server = await startServer();
  issued = await server.api('POST', '/v1/publications',
                            { body: {}, headers: { 'Idempotency-Key': 'console-publication' }, expect: 201 });
  browser = await openBrowser({ lang: 'en', size: DESKTOP });
});

after(async () => {
  await browser?.quit();
  await server?.dispose();
});

// What the test reads off the page: the language, the headings, the meta lines, the rows and
// how they are laid out.
async function readPage() {
  return browser.driver.executeScript(`
    const text = (el) => el ? el.textContent.trim() : null;
    const rows = [...document.querySelectorAll('tbody tr')];
    return {
      lang: document.documentElement.getAttribute('lang'),
      h1: text(document.querySelector('h1')),
      h2: [...document.querySelectorAll('h2')].map(text),
      meta: [...document.querySelectorAll('dl.meta dd')].map(text),
      issued: text(document.querySelector('dl.meta time')),
      reasons: rows.map((r) => text(r.querySelectorAll('td')[4])),
      rowDisplay: rows.length ? getComputedStyle(rows[0]).display : null,
      headerShown: document.querySelector('thead') ? document.querySelector('thead').getBoundingClientRect().height > 1 : null,
      reasonLabel: rows.length ? rows[0].querySelectorAll('td')[4].getAttribute('data-label') : null,
      labelShown: rows.length ? getComputedStyle(rows[0].querySelectorAll('td')[4], '::before').display : null,
      labelContent: rows.length ? getComputedStyle(rows[0].querySelectorAll('td')[4], '::before').content : null,
    };`);
}

test('the publication issued through the API has restricted entries to show', () => {
  assert.equal(issued.number, 1);
  assert.ok(issued.entries.length > 0, `the demo's publication has no entry: ${JSON.stringify(issued)}`);
  assert.ok(issued.entries.every((e) => e.cause !== 'none'), 'every entry says its cause as data');
});

for (const [lang, want] of Object.entries(pages)) {
  describe(lang, () => {
    const url = () => `${server.base}/v1/publications/latest?format=html&lang=${lang}`;

    test('the desktop page is in the language asked for, with issuer, contact, local time and a table', async () => {
      await browser.viewport(DESKTOP);
      await browser.driver.get(url());
      await browser.waitFor('return document.readyState === "complete";', 'the page loaded');
      const page = await readPage();
      assert.equal(page.lang, lang);
      assert.equal(page.h1, want.h1);
      assert.deepEqual(page.h2, want.h2);
      assert.ok(page.meta[0].startsWith(want.issuer), `issuer line: ${page.meta[0]}`);
      assert.match(page.meta[1], /95598/, 'the contact line');
      assert.match(page.issued, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(\+08:00\)$/);
      assert.equal(page.reasons.length, issued.entries.length);
      for (const reason of page.reasons) assert.match(reason, want.reason);
      assert.equal(page.rowDisplay, 'table-row');
      assert.equal(page.headerShown, true);
      await browser.screenshot(`publication-${lang}-desktop`);
      const violations = await browser.axe();
      assert.equal(violations.length, 0, `axe on the ${lang} page:\n${formatViolations(violations)}`);
      await browser.assertNoSevere(`the ${lang} page`, [/favicon\.ico/]);
    });

    test('on a 390 px phone the rows are cards with their labels, and nothing runs off the screen', async () => {
      await browser.viewport(PHONE);
      await browser.driver.get(url());
      await browser.waitFor('return document.readyState === "complete";', 'the page loaded');
      const page = await readPage();
      assert.equal(page.lang, lang);
      assert.equal(page.h1, want.h1);
      assert.equal(page.rowDisplay, 'block');
      assert.equal(page.headerShown, false);
      // Each value under its column's label: the cell's ::before shows its data-label.
      assert.equal(page.reasonLabel, want.label);
      assert.equal(page.labelShown, 'block');
      assert.ok([`"${want.label}"`, 'attr(data-label)'].includes(page.labelContent), `::before content ${page.labelContent}`);
      const overflow = await browser.horizontalOverflow();
      assert.equal(overflow.over, 0, `the ${lang} page is ${overflow.over} px wider than the phone: ${overflow.wide.join(', ')}`);
      await browser.screenshot(`publication-${lang}-phone`);
      const violations = await browser.axe();
      assert.equal(violations.length, 0, `axe on the ${lang} phone page:\n${formatViolations(violations)}`);
    });
  });
}

test('an unknown language is refused with the error envelope', async () => {
  const r = await server.call('GET', '/v1/publications/latest?format=html&lang=fr', { token: null });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'invalid_request');
  assert.equal(r.body.error.details[0].field, 'lang');
  assert.equal(r.body.error.details[0].rule, 'not_one_of');
});
