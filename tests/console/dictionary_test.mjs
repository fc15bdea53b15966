// The console's two dictionaries, as the server serves them: the same keys, no empty text, the
// same {placeholders} in both; a text in both for every validation rule the server can emit
// (GET /v1/validation-rules) and for every error code of the gateway's one table; and every key
// the console's code names literally exists.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from './support/browser.mjs';
import { dictionary, startConsole } from './support/console.mjs';

const CONSOLE_DIR = path.join(REPO_ROOT, 'gateways', 'console');

let c, zh, en;
before(async () => {
  c = await startConsole();
  zh = await dictionary(c.server, 'zh-CN');
  en = await dictionary(c.server, 'en');
});
after(async () => { await c?.close(); });

const missing = (dict, keys) => keys.filter((k) => typeof dict[k] !== 'string' || !dict[k].trim());
const placeholders = (text) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

test('zh-CN and en have exactly the same keys', () => {
  const zk = Object.keys(zh), ek = Object.keys(en);
  assert.deepEqual(zk.filter((k) => !(k in en)), [], 'keys only in zh-CN');
  assert.deepEqual(ek.filter((k) => !(k in zh)), [], 'keys only in en');
  assert.ok(zk.length > 50, `a dictionary of the whole console: ${zk.length} keys`);
});

test('no text is empty and both languages use the same placeholders', () => {
  assert.deepEqual(missing(zh, Object.keys(zh)), [], 'empty zh-CN texts');
  assert.deepEqual(missing(en, Object.keys(en)), [], 'empty en texts');
  const differ = Object.keys(en).filter((k) => k in zh && placeholders(en[k]).join() !== placeholders(zh[k]).join())
      .map((k) => `${k}: en ${placeholders(en[k])} / zh-CN ${placeholders(zh[k])}`);
  assert.deepEqual(differ, []);
});

test('the Chinese dictionary is not English left untranslated', () => {
  // Texts may be the same in both languages (units, codes, format names), but not sentences.
  const untranslated = Object.keys(zh).filter((k) => zh[k] === en[k] && /\b[a-z]{3,}\s+[a-z]{3,}\b/.test(en[k]));
  assert.deepEqual(untranslated, [], 'zh-CN texts that are the English text');
});

test('every validation rule the server can emit has a text in both languages', async () => {
  const answer = await c.server.call('GET', '/v1/validation-rules');
  assert.equal(answer.status, 200, `GET /v1/validation-rules answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const codes = answer.body.rules.map((r) => r.rule);
  assert.ok(codes.length > 5, `rule codes: ${codes}`);
  const keys = codes.map((r) => `rule.${r}`);
  assert.deepEqual(missing(zh, keys), [], 'rule codes without a zh-CN text');
  assert.deepEqual(missing(en, keys), [], 'rule codes without an en text');
});

test('every error code of the gateway\'s table has a text in both languages', () => {
  const table = readFileSync(path.join(REPO_ROOT, 'gateways', 'error_mapping.cpp'), 'utf8');
  const block = /status_of_errc\{\{([\s\S]*?)\}\};/.exec(table);
  assert.ok(block, 'gateways/error_mapping.cpp has its status_of_errc table');
  const codes = [...block[1].matchAll(/errc::(\w+)/g)].map((m) => m[1]);
  assert.ok(codes.includes('validation_failed') && codes.length >= 10, `error codes: ${codes}`);
  const keys = codes.map((code) => `error.${code}`);
  assert.deepEqual(missing(zh, keys), [], 'error codes without a zh-CN text');
  assert.deepEqual(missing(en, keys), [], 'error codes without an en text');
});

test('every key the console\'s code names literally is in the dictionaries', () => {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'i18n' && e.name !== 'vendor') walk(p);
      else if (e.isFile() && e.name.endsWith('.js')) files.push(p);
    }
  };
  walk(CONSOLE_DIR);
  const unknown = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt(?:Maybe)?\(\s*(['"])([\w.-]+)\1/g))
      if (!(m[2] in en)) unknown.push(`${path.relative(REPO_ROOT, file)}: ${m[2]}`);
  }
  assert.ok(files.length > 5, `the console's modules: ${files.length}`);
  assert.deepEqual(unknown, [], 'keys used in the code but in no dictionary');
});
