// A liaison pastes rows copied from Excel (tab-separated, header first) into the submit
// screen: they are previewed in the kind's columns, submitted as they are, accepted (201) and
// the receipt shows the version and the recipients.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMonths, M1, monthNow, startConsole, tsv } from './support/console.mjs';

const month = addMonths(monthNow(), 1);
const rows = [
  ['蓝海冷链 (Lanhai Cold Chain)', 'LH-F03', '', '450', '', addMonths(month, 2), '75'],
  ['临港数据中心', '', 'Lingang', '', '1,250.5', addMonths(month, 3), '60'],
];

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'en' } });
  b = c.browser;
});
after(async () => { await c?.close(); });

test('pasted rows are previewed cell by cell', async () => {
  await c.signInAs('marketing');
  await b.goto(`/console/submit?kind=${M1}&month=${month}`, 'submit');
  await b.insertText('[data-test=paste-area]', tsv(rows));
  await b.element('[data-test=preview-grid] td[data-row="2"][data-field="likelihood_pct"]');
  const cells = await b.driver.executeScript(`return [1, 2].map((r) => ['customer', 'feeder', 'area', 'demand_kva']
      .map((f) => document.querySelector('[data-test=preview-grid] td[data-row="' + r + '"][data-field="' + f + '"] input').value));`);
  assert.deepEqual(cells, [['蓝海冷链 (Lanhai Cold Chain)', 'LH-F03', '', ''], ['临港数据中心', '', 'Lingang', '1,250.5']]);
  assert.equal(await b.exists('[data-test=preview-grid] tr td[data-row="3"]'), false, 'no row from the trailing line end');
});

test('the pasted report is submitted and its receipt shown', async () => {
  await b.click('[data-test=submit-button]');
  const result = await b.text('[data-test=result]');
  assert.match(result, /\b1\b/, `the receipt names version 1: ${result}`);
  assert.equal(await b.exists('[data-test=error]'), false);
  await b.screenshot('submit-pasted-accepted-en');
  const report = await c.server.api('GET', `/v1/reports/marketing/${M1}/${month}`, { token: c.tokens.marketing.token });
  assert.equal(report.version, 1);
  assert.deepEqual(report.rows.map((r) => r.customer), ['蓝海冷链 (Lanhai Cold Chain)', '临港数据中心']);
  assert.equal(report.rows[1].demand_kva, 1250.5);
  assert.deepEqual(report.recipients, ['planning', 'dispatch']);
  for (const to of report.recipients) assert.match(result, new RegExp(to, 'i'), `the receipt names ${to}`);
});

test('a second paste of changed rows becomes version 2', async () => {
  await b.goto(`/console/submit?kind=${M1}&month=${month}`, 'submit');
  const changed = rows.map((r) => [...r]);
  changed[0][6] = '90';
  await b.insertText('[data-test=paste-area]', tsv(changed));
  await b.element('[data-test=preview-grid] td[data-row="2"][data-field="likelihood_pct"]');
  await b.click('[data-test=submit-button]');
  await b.waitFor(`const r = document.querySelector('[data-test=result]'); return r && /\\b2\\b/.test(r.innerText);`,
                  'a receipt of version 2');
  const report = await c.server.api('GET', `/v1/reports/marketing/${M1}/${month}`, { token: c.tokens.marketing.token });
  assert.equal(report.version, 2);
  assert.equal(report.rows[0].likelihood_pct, 90);
});
