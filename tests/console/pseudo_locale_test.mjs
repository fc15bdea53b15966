// Every visible string comes from the dictionaries: rendered in the test-only pseudo-locale
// (every dictionary text as ⟦en text⟧), each screen's visible text nodes — and placeholders
// and button values — are inside ⟦…⟧ or inside a [data-raw] element (values from the server
// or the user). Offenders are listed with where they are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screens, startConsole } from './support/console.mjs';

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'en' } });
  b = c.browser;
  await b.open(c.server.base, '/console/sign-in');
  await b.setStorage('localStorage', 'gridcoord.lang', 'pseudo');
});
after(async () => { await c?.close(); });

// Visible text outside ⟦…⟧ and outside [data-raw]: a string with a letter or a digit left when
// the bracketed parts are taken out. Answers "where: text" lines.
const OFFENDERS = `
  const visible = (el) => {
    if (el.closest('select')) el = el.closest('select');
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const test = e.getAttribute('data-test') || e.getAttribute('data-screen');
      parts.unshift(e.tagName.toLowerCase() + (test ? '[' + test + ']' : ''));
    }
    return parts.join(' > ');
  };
  const outside = (text) => text.replace(/\\u27e6[\\s\\S]*?\\u27e7/g, '');
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('[data-raw], script, style, noscript, template') || !visible(el)) continue;
    if (/[\\p{L}\\p{N}]/u.test(outside(n.textContent))) bad.push(where(el) + ': "' + n.textContent.trim().slice(0, 80) + '"');
  }
  for (const el of document.querySelectorAll('[placeholder], input[type=button], input[type=submit], input[type=reset]')) {
    if (el.closest('[data-raw]') || !visible(el)) continue;
    const text = el.getAttribute('placeholder') ?? el.value;
    if (/[\\p{L}\\p{N}]/u.test(outside(text))) bad.push(where(el) + ' (placeholder or value): "' + text.slice(0, 80) + '"');
  }
  const marked = (document.body.innerText.match(/\\u27e6/g) || []).length;
  return { bad, marked };`;

for (const screen of screens()) {
  const label = screen.state ?? screen.name;
  test(`${label}: every visible string is from the dictionary`, async () => {
    await c.show(screen);
    const { bad, marked } = await b.driver.executeScript(OFFENDERS);
    assert.ok(marked > 0, `${label} is rendered in the pseudo-locale (no ⟦ on the page)`);
    await b.screenshot(`${label}-pseudo`);
    assert.deepEqual(bad, [], `${label}: text outside the dictionary and outside [data-raw]`);
  });
}
