// A liaison uploads a CSV file that Chinese Excel saved as GB18030 with one bad row: the
// console detects the encoding, shows the rows, and after the server's 422 marks exactly the
// bad cell with the server's Chinese reason (the console asks in its language); the bad rows
// download as UTF-8 with a BOM; the
// cell is fixed in place, the report resubmitted, accepted (201) and its receipt shown — and the
// Chinese names arrive at the server intact.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addMonths, dictionary, M1, M1_HEADER, monthNow, startConsole } from './support/console.mjs';

// GB18030 (= GBK for these) bytes of the Chinese text in the file, written by hand.
const GB18030 = {
  '蓝海冷链': [0xc0, 0xb6, 0xba, 0xa3, 0xc0, 0xe4, 0xc1, 0xb4],
  '临港数据中心': [0xc1, 0xd9, 0xb8, 0xdb, 0xca, 0xfd, 0xbe, 0xdd, 0xd6, 0xd0, 0xd0, 0xc4],
  '张敏': [0xd5, 0xc5, 0xc3, 0xf4],
};

const month = monthNow();
const rows = [
  ['蓝海冷链', 'LH-F03', '', '450', '', addMonths(month, 2), '75'],
  ['临港数据中心', 'LH-F07', '', '1200', '', addMonths(month, 3), '150'],   // likelihood_pct > 100
  ['张敏', '', 'Xinhe Hi-Tech Zone', '', '800', addMonths(month, 4), '40'],
];
const BAD = { row: 2, field: 'likelihood_pct' };

// The file as Excel writes it on a Chinese Windows: GB18030, CRLF, no BOM.
function gb18030Csv() {
  const parts = [];
  for (const line of [M1_HEADER, ...rows]) {
    line.forEach((cell, i) => {
      if (i) parts.push(Buffer.from(','));
      parts.push(GB18030[cell] ? Buffer.from(GB18030[cell]) : Buffer.from(cell, 'ascii'));
    });
    parts.push(Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}
const utf8Csv = () => [M1_HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';

let c, b, dir, zh;
before(async () => {
  c = await startConsole({ browser: { lang: 'zh-CN' } });
  b = c.browser;
  dir = mkdtempSync(path.join(tmpdir(), 'gridcoord-csv-'));
  zh = await dictionary(c.server, 'zh-CN');
});
after(async () => {
  await c?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the hand-written bytes are GB18030 and not UTF-8', () => {
  const bytes = gb18030Csv();
  assert.equal(new TextDecoder('gb18030').decode(bytes), utf8Csv());
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
});

test('the file is read as GB18030 and previewed with the kind\'s columns', async () => {
  const file = path.join(dir, 'M1-大客户.csv');
  writeFileSync(file, gb18030Csv());
  await c.signInAs('marketing');
  await b.goto(`/console/submit?kind=${M1}&month=${month}`, 'submit');
  const input = await b.driver.findElement({ css: '[data-test=file-input]' });
  await input.sendKeys(file);
  await b.waitFor(`const e = document.querySelector('[data-test=encoding]'); return e && /GB18030|GBK/i.test(e.textContent);`,
                  'the encoding shown as GB18030');
  await b.element(`[data-test=preview-grid] td[data-row="3"][data-field="area"]`);
  const names = await b.driver.executeScript(`return [1, 2, 3].map((r) =>
      document.querySelector('[data-test=preview-grid] td[data-row="' + r + '"][data-field="customer"] input').value);`);
  assert.deepEqual(names, ['蓝海冷链', '临港数据中心', '张敏']);
});

const cellCss = `[data-test=preview-grid] td[data-row="${BAD.row}"][data-field="${BAD.field}"]`;

test('the server\'s 422 marks exactly the bad cell', async () => {
  await b.click('[data-test=submit-button]');
  await b.element(`${cellCss} [data-test=cell-error]`);
  const cell = await b.element(cellCss);
  assert.match(await cell.getAttribute('class'), /\bbad\b/);
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  const marked = await b.driver.executeScript(`return [...document.querySelectorAll('[data-test=preview-grid] td.bad, [data-test=preview-grid] td[aria-invalid="true"]')]
      .map((td) => td.getAttribute('data-row') + '/' + td.getAttribute('data-field'));`);
  assert.deepEqual([...new Set(marked)], [`${BAD.row}/${BAD.field}`]);
  await b.screenshot('submit-csv-errors-zh-CN');
});

test('the bad cell gives the server\'s Chinese reason, as the server answers Accept-Language: zh-CN', async () => {
  const answer = await c.server.call('PUT', `/v1/reports/marketing/${M1}/${month}`, {
    token: c.tokens.marketing.token, raw: utf8Csv(),
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Idempotency-Key': 'csv-test-probe', 'Accept-Language': 'zh-CN' } });
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  const details = answer.body.error.details;
  assert.equal(details.length, 1, JSON.stringify(details));
  assert.deepEqual([details[0].row, details[0].field], [BAD.row, BAD.field]);
  const { rule, reason } = details[0];
  assert.ok(rule, `the server's detail has a rule code: ${JSON.stringify(details[0])}`);
  assert.ok(zh[`rule.${rule}`], `zh-CN has a text for rule.${rule} (for a server that answers in English)`);
  assert.match(reason, /\p{Script=Han}/u, `the server's zh-CN reason: ${reason}`);
  const message = await b.text(`${cellCss} [data-test=cell-error]`);
  assert.ok(message.includes(reason), `the cell says "${message}", the server's zh-CN reason is "${reason}"`);
  assert.equal(await b.driver.executeScript(`return document.querySelector('${cellCss} [data-test=cell-error] [lang]').getAttribute('lang');`),
               'zh-CN');
});

test('the bad rows download as UTF-8 CSV with a BOM', async () => {
  const downloads = mkdtempSync(path.join(dir, 'downloads-'));
  await b.driver.setDownloadPath(downloads);
  await b.click('[data-test=download-bad-rows]');
  const done = () => readdirSync(downloads).filter((f) => !f.endsWith('.crdownload'));
  await b.driver.wait(() => done().length > 0, 15_000, 'a downloaded file');
  const bytes = readFileSync(path.join(downloads, done()[0]));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  assert.match(text, /临港数据中心/);
  assert.doesNotMatch(text, /蓝海冷链/, 'only the bad rows');
});

test('the cell fixed in place is resubmitted and accepted', async () => {
  const input = await b.element(`[data-test=preview-grid] td[data-row="${BAD.row}"][data-field="${BAD.field}"] input`);
  await input.clear();
  await input.sendKeys('80');
  await b.click('[data-test=submit-button]');
  const result = await b.text('[data-test=result]');
  assert.match(result, /1/, `the receipt names version 1: ${result}`);
  assert.equal(await b.exists('[data-test=preview-grid] td.bad'), false);
  await b.screenshot('submit-csv-accepted-zh-CN');

  const report = await c.server.api('GET', `/v1/reports/marketing/${M1}/${month}`, { token: c.tokens.marketing.token });
  assert.equal(report.version, 1);
  assert.deepEqual(report.rows.map((r) => r.customer), ['蓝海冷链', '临港数据中心', '张敏']);
  assert.equal(report.rows[1].likelihood_pct, 80);
  assert.equal(report.rows[2].demand_kva, 800);
  for (const to of report.recipients) {
    const name = zh[`dept.${to}`];
    if (name) assert.ok(result.includes(name), `the receipt names ${to} (${name}): ${result}`);
  }
});
