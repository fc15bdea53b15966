// axe-core on every screen, in zh-CN and en and in the dark theme: no serious or critical
// violation (contrast, names of controls, labels, landmarks, language of the page …).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatViolations, openBrowser } from './support/browser.mjs';
import { screens, startConsole } from './support/console.mjs';

let c;
before(async () => { c = await startConsole(); });
after(async () => { await c?.close(); });

const variants = [
  { lang: 'zh-CN', theme: 'light' },
  { lang: 'en', theme: 'light' },
  { lang: 'zh-CN', theme: 'dark' },
];

for (const { lang, theme } of variants) {
  describe(`${lang}, ${theme}`, () => {
    test('a browser', async () => {
      await c.browser?.quit();
      c.browser = await openBrowser({ lang });
      c.browser.base = c.server.base;
      c.signedInAs = undefined;
      await c.browser.open(c.server.base, '/console/sign-in');
      await c.browser.setStorage('localStorage', 'gridcoord.theme', theme);
    });
    for (const screen of screens()) {
      const label = screen.state ?? screen.name;
      test(`${label} has no serious or critical violation`, async () => {
        await c.show(screen);
        const violations = await c.browser.axe();
        assert.equal(violations.length, 0,
                     `axe on ${label} (${lang}, ${theme}):\n${formatViolations(violations)}`);
      });
    }
  });
}
