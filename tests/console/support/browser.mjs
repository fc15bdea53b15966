// Debian's Chromium, driven through Debian's chromedriver (built from the same source package,
// so their versions always match) with selenium-webdriver from node_modules.
//
// [Lifecycle] openBrowser() starts chromedriver and a headless Chromium with a fresh profile
//   directory, in the language asked for (--lang and intl.accept_languages); quit() ends both
//   and removes the profile.
// [Waiting] Every wait is a WebDriver wait on a condition, bounded by WAIT_MS; nothing sleeps.
// [Logs] The browser log (console and network errors) is read with goog:loggingPrefs; reading
//   drains Chromium's buffer, so the session keeps what it read in `logEntries`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webdriver from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';

const { By, until, logging, Key } = webdriver;
export { By, Key, until };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WAIT_MS = 15_000;
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM = process.env.GRIDCOORD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMEDRIVER = process.env.GRIDCOORD_CHROMEDRIVER ?? '/usr/bin/chromedriver';
const ACCEPT_LANGUAGES = { 'zh-CN': 'zh-CN,zh', en: 'en-US,en' };

export function screenshotDir() {
  const dir = process.env.GRIDCOORD_SCREENSHOT_DIR ?? path.join(REPO_ROOT, 'build', 'console-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

let axeSource;
function axeScript() {
  axeSource ??= readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  return axeSource;
}

class Session {
  constructor(driver, profileDir, lang) {
    this.driver = driver;
    this.profileDir = profileDir;
    this.lang = lang;
    this.logEntries = [];
    this.base = '';
  }

  // --- navigation and waiting --------------------------------------------------------------

  async open(base, route = '/console/') {
    this.base = base;
    await this.driver.get(`${base}${route}`);
  }

  // Waits for a JS condition (a function body returning truthy) and answers its value.
  async waitFor(script, what, timeout = WAIT_MS, ...args) {
    try {
      return await this.driver.wait(async () => (await this.driver.executeScript(script, ...args)) || false,
                                    timeout);
    } catch (e) {
      throw new Error(`waited ${timeout} ms for ${what}: ${e.message}\n${await this.pageSummary()}`);
    }
  }

  // Waits until `css` matches a displayed element and answers it.
  async element(css, timeout = WAIT_MS) {
    let el;
    try {
      el = await this.driver.wait(until.elementLocated(By.css(css)), timeout);
      await this.driver.wait(until.elementIsVisible(el), timeout);
    } catch (e) {
      throw new Error(`waited ${timeout} ms for a visible ${css}: ${e.message}\n${await this.pageSummary()}`);
    }
    return el;
  }

  async elements(css) { return this.driver.findElements(By.css(css)); }

  async exists(css) { return (await this.elements(css)).length > 0; }

  // Waits until the screen `name` is shown and nothing on the page is loading.
  async screen(name, timeout = WAIT_MS) {
    await this.waitFor(`const s = document.querySelector('[data-screen="' + arguments[0] + '"]');
                        return s && !document.querySelector('[aria-busy="true"]') && document.fonts.status === 'loaded';`,
                       `screen ${name} loaded`, timeout, name);
  }

  async currentScreen() {
    return this.driver.executeScript(`const s = document.querySelector('[data-screen]');
                                      return s ? s.getAttribute('data-screen') : null;`);
  }

  async text(css) { return (await this.element(css)).getText(); }

  async type(css, text, { clear = true } = {}) {
    const el = await this.element(css);
    if (clear) await el.clear();
    await el.sendKeys(text);
    return el;
  }

  async click(css) {
    const el = await this.element(css);
    await el.click();
    return el;
  }

  // Chooses `value` in a <select> the way a person does (click the option); for any other
  // control, types it.
  async choose(css, value) {
    const el = await this.element(css);
    if ((await el.getTagName()).toLowerCase() === 'select') {
      const option = await el.findElement(By.css(`option[value="${value}"]`));
      await option.click();
    } else {
      await el.clear();
      await el.sendKeys(value);
    }
    return el;
  }

  // Inserts text at the focus as a paste does (tabs and line breaks included, one input event):
  // typing a tab with sendKeys would move the focus instead.
  async insertText(css, text) {
    const el = await this.element(css);
    await el.click();
    await this.driver.sendDevToolsCommand('Input.insertText', { text });
    return el;
  }

  // Signs in on the sign-in screen by typing the token, and waits until another screen shows.
  async signIn(token, { route = '/console/sign-in' } = {}) {
    await this.driver.get(`${this.base}${route}`);
    await this.screen('sign-in');
    await this.type('[data-test=token-input]', token);
    await this.click('[data-test=sign-in-button]');
    await this.waitFor(`const s = document.querySelector('[data-screen]');
                        return s && s.getAttribute('data-screen') !== 'sign-in' && !document.querySelector('[aria-busy="true"]');`,
                       'a screen other than sign-in after signing in');
    return this.currentScreen();
  }

  async goto(route, screenName) {
    await this.driver.get(`${this.base}${route}`);
    if (screenName) await this.screen(screenName);
  }

  async storage(kind, key) {
    return this.driver.executeScript(`return window[arguments[0]].getItem(arguments[1]);`, kind, key);
  }

  async setStorage(kind, key, value) {
    await this.driver.executeScript(`window[arguments[0]].setItem(arguments[1], arguments[2]);`, kind, key, value);
  }

  // --- viewport ------------------------------------------------------------------------------

  // Emulates a viewport of `size` (CSS pixels, device scale 1): a phone is mobile.
  async viewport(size, { mobile = size.width < 600 } = {}) {
    await this.driver.sendDevToolsCommand('Emulation.setDeviceMetricsOverride',
                                          { width: size.width, height: size.height, deviceScaleFactor: 1, mobile });
    // A mobile page without a viewport <meta> lays out 980 px wide: see the screen's width then.
    await this.waitFor(`return (arguments[1] ? window.screen.width : window.innerWidth) === arguments[0];`,
                       `a viewport ${size.width} px wide`, WAIT_MS, size.width, mobile);
  }

  // Answers how far the page is wider than the viewport (0: no horizontal overflow) and the
  // widest offenders, for the message.
  async horizontalOverflow() {
    return this.driver.executeScript(`
      const root = document.documentElement;
      const over = Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
      const wide = [];
      if (over > 0)
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > root.clientWidth + 0.5 && r.width > 0)
            wide.push(el.tagName.toLowerCase() + (el.getAttribute('data-test') ? '[data-test=' + el.getAttribute('data-test') + ']' : '')
                      + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                      + ' right=' + Math.round(r.right));
        }
      return { over, wide: wide.slice(0, 8) };`);
  }

  // --- evidence ------------------------------------------------------------------------------

  async screenshot(name) {
    await this.driver.executeScript('return document.fonts.ready.then(() => true);');
    const file = path.join(screenshotDir(), `${name}.png`);
    writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
    return file;
  }

  async pageSummary() {
    try {
      return await this.driver.executeScript(`
        const s = document.querySelector('[data-screen]');
        const err = document.querySelector('[data-test=error]');
        return 'page: ' + location.pathname + location.search + '; screen: ' + (s ? s.getAttribute('data-screen') : 'none')
             + (err ? '; error shown: ' + err.innerText : '')
             + '; text: ' + (document.body ? document.body.innerText.replace(/\\s+/g, ' ').slice(0, 400) : '');`);
    } catch (e) {
      return `page: (unreadable: ${e.message})`;
    }
  }

  // Reads the browser log since the last read, keeps it, and answers the new entries.
  async readLog() {
    const fresh = (await this.driver.manage().logs().get(logging.Type.BROWSER))
        .map((e) => ({ level: e.level.name, message: e.message, timestamp: e.timestamp }));
    this.logEntries.push(...fresh);
    return fresh;
  }

  // Throws when the browser logged a SEVERE entry (since the last check) that no `allow`
  // pattern matches; `where` names the screen for the message.
  async assertNoSevere(where, allow = []) {
    await this.readLog();
    const severe = this.logEntries.filter((e) => e.level === 'SEVERE' && !allow.some((re) => re.test(e.message)));
    this.logEntries = [];
    if (severe.length)
      throw new Error(`SEVERE browser-log entries on ${where}:\n${severe.map((e) => `  ${e.message}`).join('\n')}`);
  }

  // Network requests from the performance log (only with openBrowser({ network: true })).
  async networkRequests() {
    const entries = await this.driver.manage().logs().get(logging.Type.PERFORMANCE);
    const requests = [];
    for (const e of entries) {
      const m = JSON.parse(e.message).message;
      if (m.method === 'Network.requestWillBeSent')
        requests.push({ url: m.params.request.url, method: m.params.request.method, headers: m.params.request.headers });
    }
    return requests;
  }

  // Runs axe-core on the page and answers its serious and critical violations.
  async axe() {
    const injected = await this.driver.executeScript('return typeof window.axe === "object";');
    if (!injected) await this.driver.executeScript(axeScript());
    const result = await this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.axe.run(document, { resultTypes: ['violations'] })
        .then((r) => done(JSON.stringify(r.violations)), (e) => done(JSON.stringify({ failed: String(e) })));`);
    const parsed = JSON.parse(result);
    if (parsed.failed) throw new Error(`axe.run failed: ${parsed.failed}`);
    return parsed.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  async quit() {
    try {
      await this.driver.quit();
    } finally {
      rmSync(this.profileDir, { recursive: true, force: true });
    }
  }
}

// axe violations as lines a person can act on.
export function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) =>
      `      at ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`);
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}${more}`;
  }).join('\n');
}

// Starts headless Chromium in `lang` ("zh-CN" or "en") at `size`.
export async function openBrowser({ lang = 'zh-CN', size = DESKTOP, network = false } = {}) {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'gridcoord-chromium-'));
  const options = new chrome.Options();
  options.setChromeBinaryPath(CHROMIUM);
  options.addArguments(
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage', '--disable-default-apps', '--disable-extensions',
    '--force-color-profile=srgb', '--hide-scrollbars',
    `--user-data-dir=${profileDir}`, `--window-size=${size.width},${size.height}`, `--lang=${lang}`);
  options.setUserPreferences({ 'intl.accept_languages': ACCEPT_LANGUAGES[lang] ?? lang });
  const prefs = new logging.Preferences();
  prefs.setLevel(logging.Type.BROWSER, logging.Level.ALL);
  if (network) prefs.setLevel(logging.Type.PERFORMANCE, logging.Level.ALL);
  options.setLoggingPrefs(prefs);
  const service = new chrome.ServiceBuilder(CHROMEDRIVER);
  let driver;
  try {
    driver = chrome.Driver.createSession(options, service.build());
    await driver.getSession();
  } catch (e) {
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(`cannot start ${CHROMIUM} through ${CHROMEDRIVER}: ${e.message}`);
  }
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  const session = new Session(driver, profileDir, lang);
  // The layout viewport is exactly `size`, whatever the window's decorations.
  await driver.sendDevToolsCommand('Emulation.setDeviceMetricsOverride',
                                   { width: size.width, height: size.height, deviceScaleFactor: 1, mobile: size.width < 600 });
  return session;
}
