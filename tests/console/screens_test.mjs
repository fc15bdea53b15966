// Every screen in zh-CN and in en, as a browser in that language first shows it: the page's
// language, its own words in that language, times in the server's zone with their offset; a
// screenshot of each at 1280×800, and the main screens on a 390-px-wide phone without
// horizontal overflow. Then the language and theme switches, and that they persist.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DESKTOP, openBrowser, PHONE } from './support/browser.mjs';
import { MAIN_SCREENS, screens, startConsole } from './support/console.mjs';

const HAN = /\p{Script=Han}/u;

let c;
after(async () => { await c?.close(); });

// The visible text that is the console's own (outside [data-raw]).
async function ownText(b) {
  return b.driver.executeScript(`
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[data-raw], script, style, noscript, template') || !n.textContent.trim()) continue;
      if (el.closest('select') ? !el.closest('select').getClientRects().length : !el.getClientRects().length) continue;
      out.push(n.textContent.trim());
    }
    return out.join(' | ');`);
}

for (const lang of ['zh-CN', 'en']) {
  describe(`every screen in ${lang}`, () => {
    let b;
    test(`a browser in ${lang} shows the console in ${lang}`, async () => {
      c ??= await startConsole();
      b = await openBrowser({ lang });
      c.browser = b;
      c.signedInAs = undefined;
      b.base = c.server.base;
      await b.open(c.server.base, '/console/sign-in');
      await b.screen('sign-in');
      assert.equal(await b.driver.executeScript('return document.documentElement.lang;'), lang);
    });

    for (const screen of screens()) {
      const label = screen.state ?? screen.name;
      test(`${label} in ${lang}`, async () => {
        await c.show(screen);
        const own = await ownText(b);
        assert.ok(own.length > 0, `${label} shows words of its own`);
        if (lang === 'zh-CN') assert.match(own, HAN, `${label} speaks Chinese: ${own.slice(0, 300)}`);
        else assert.doesNotMatch(own, HAN, `${label} has Chinese outside [data-raw] in en: ${own.slice(0, 300)}`);
        if (screen.state === 'submit-errors')
          assert.equal(await b.exists('[data-test=preview-grid] td.bad'), true, 'the bad cell marked');
        else assert.equal(await b.exists('[data-test=error]'), false, `${label} shows no error: ${await b.pageSummary()}`);
        if (screen.name === 'month') {
          const text = await b.driver.executeScript('return document.body.innerText;');
          assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(\+08:00\)/, 'due times in Asia/Shanghai with the offset');
        }
        if (screen.name === 'report') {
          await b.element('[data-test=versions]');
          await b.element('[data-test=diff]');
        }
        await b.screenshot(`${label}-${lang}`);
      });
    }

    test(`the main screens fit a 390-px phone in ${lang}`, async () => {
      await b.viewport(PHONE);
      try {
        for (const screen of screens().filter((s) => MAIN_SCREENS.includes(s.name) && !s.state)) {
          await c.show(screen);
          assert.equal(await b.driver.executeScript('return window.innerWidth;'), PHONE.width,
                       'the layout viewport is the phone\'s width (<meta name="viewport" content="width=device-width">)');
          const { over, wide } = await b.horizontalOverflow();
          assert.ok(over <= 0, `${screen.name} is ${over} px wider than the phone:\n  ${wide.join('\n  ')}`);
          await b.screenshot(`phone-${screen.name}-${lang}`);
        }
      } finally {
        await b.viewport(DESKTOP);
      }
    });

    test(`the browser closes (${lang})`, async () => {
      await b.quit();
      c.browser = undefined;
    });
  });
}

describe('switches', () => {
  let b;
  test('the language switch changes the language and persists it', async () => {
    b = await openBrowser({ lang: 'en' });
    c.browser = b;
    c.signedInAs = undefined;
    b.base = c.server.base;
    await c.show(screens().find((s) => s.name === 'month'));
    assert.equal(await b.driver.executeScript('return document.documentElement.lang;'), 'en');
    await b.choose('[data-test=lang-switch]', 'zh-CN');
    await b.waitFor(`return document.documentElement.lang === 'zh-CN';`, 'the page in zh-CN');
    await b.screen('month');
    assert.match(await ownText(b), HAN);
    assert.equal(await b.storage('localStorage', 'gridcoord.lang'), 'zh-CN');
    await b.driver.navigate().refresh();
    await b.screen('month');
    assert.equal(await b.driver.executeScript('return document.documentElement.lang;'), 'zh-CN');
    await b.choose('[data-test=lang-switch]', 'en');
    await b.waitFor(`return document.documentElement.lang === 'en';`, 'the page in en');
  });

  test('the theme switch turns the page dark, persists it and follows the system again', async () => {
    // The page's colours: html's and body's background and body's text.
    const COLOURS = `const h = getComputedStyle(document.documentElement), d = getComputedStyle(document.body);
                     const colours = [h.backgroundColor, d.backgroundColor, d.color].join(' ');`;
    const background = () => b.driver.executeScript(`${COLOURS} return colours;`);
    await b.choose('[data-test=theme-switch]', 'light');
    const light = await background();
    await b.choose('[data-test=theme-switch]', 'dark');
    await b.waitFor(`${COLOURS} return colours !== arguments[0];`, 'dark colours',
                    undefined, light);
    assert.equal(await b.storage('localStorage', 'gridcoord.theme'), 'dark');
    await b.screenshot('month-dark-en');
    await b.driver.navigate().refresh();
    await b.screen('month');
    assert.notEqual(await background(), light, 'still dark after a reload');
    await b.choose('[data-test=theme-switch]', 'system');
    await b.waitFor(`${COLOURS} return colours === arguments[0];`, 'the light colours of a light system',
                    undefined, light);
  });
});
