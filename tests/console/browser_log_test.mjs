// No screen writes an error to the browser's log: no exception, no console.error, no failed
// load (a missing favicon or module, a CSP refusal), in either language. The submit screen's
// 422 state is the one expected failed request, and only that status is let through there.
import { after, before, describe, test } from 'node:test';
import { openBrowser } from './support/browser.mjs';
import { screens, startConsole } from './support/console.mjs';

let c;
before(async () => { c = await startConsole(); });
after(async () => { await c?.close(); });

for (const lang of ['zh-CN', 'en']) {
  describe(lang, () => {
    test('a browser', async () => {
      await c.browser?.quit();
      c.browser = await openBrowser({ lang });
      c.browser.base = c.server.base;
      c.signedInAs = undefined;
    });
    for (const screen of screens()) {
      const label = screen.state ?? screen.name;
      test(`${label} logs no SEVERE entry`, async () => {
        await c.show(screen);
        const expected = screen.state === 'submit-errors' ? [/status of 422/] : [];
        await c.browser.assertNoSevere(`${label} (${lang})`, expected);
      });
    }
  });
}
