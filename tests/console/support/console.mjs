// What the console tests share: a demo server with a token per role, a browser on it, the
// console's screens and how to reach each, and the dictionaries the server serves.
//
// People (tokens issued by the administrator at the start):
//   marketing — liaison:marketing, "张敏 (Zhang Min)": sends M1, home "My month"
//   planning  — liaison:planning,  "王芳 (Wang Fang)": receives M1 and M4 in its inbox
//   reader    — reader,            "刘洋 (Liu Yang)"
//   admin     — the demo's administrator token
// Besides the demo data, marketing sends a second version of its 2026-10 M1 report, so the
// report screen has versions to compare.
import { openBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export const REPORT_MONTH = '2026-10';    // the demo's M1 report month with two versions
export const M1 = 'large_customer_demand';
export const M1_HEADER = ['customer', 'feeder', 'area', 'demand_kw', 'demand_kva', 'expected_month', 'likelihood_pct'];

// The current month in the server's zone (Asia/Shanghai), and months after it.
export function monthNow(zone = 'Asia/Shanghai') {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}
export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

// Every screen, who sees it, and where: `state` names a screen in a particular state.
export function screens() {
  const month = monthNow();
  return [
    { name: 'sign-in', as: null, route: '/console/sign-in' },
    { name: 'month', as: 'marketing', route: `/console/month?month=${month}` },
    { name: 'submit', as: 'marketing', route: `/console/submit?kind=${M1}&month=${month}` },
    { name: 'submit', state: 'submit-errors', as: 'marketing', route: `/console/submit?kind=${M1}&month=${month}`,
      act: showSubmitErrors },
    { name: 'inbox', as: 'planning', route: '/console/inbox' },
    { name: 'report', as: 'marketing', route: `/console/reports/marketing/${M1}/${REPORT_MONTH}` },
    { name: 'tokens', as: 'admin', route: '/console/tokens' },
    { name: 'audit', as: 'admin', route: '/console/audit' },
    { name: 'feed', as: 'admin', route: '/console/feed' },
  ];
}
export const MAIN_SCREENS = ['month', 'submit', 'inbox', 'tokens'];

// Rows as a liaison pastes them from Excel (tab-separated, header first); row 2 asks for a
// likelihood of 150 %, which the M1 rules refuse (0 to 100).
export function m1Rows(month = monthNow()) {
  return [
    ['蓝海冷链', 'LH-F03', '', '450', '', addMonths(month, 2), '75'],
    ['临港数据中心', 'LH-F07', '', '1200', '', addMonths(month, 3), '150'],
  ];
}
export function tsv(rows, header = M1_HEADER) {
  return [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

// The submit screen after pasting rows with one bad cell and submitting them (422).
export async function showSubmitErrors(c) {
  await c.browser.insertText('[data-test=paste-area]', tsv(m1Rows()));
  await c.browser.element('[data-test=preview-grid] td[data-row="2"][data-field="likelihood_pct"]');
  await c.browser.click('[data-test=submit-button]');
  await c.browser.element('[data-test=preview-grid] td.bad [data-test=cell-error]');
  await c.browser.screen('submit');
}

class ConsoleFixture {
  constructor(server, browser, tokens) {
    this.server = server;
    this.browser = browser;
    this.tokens = tokens;       // role name -> { id, token, role, description }
    this.signedInAs = undefined;
  }

  // Signs in as `who` (a key of tokens, or null for signed out) by typing the token on the
  // sign-in screen; a different person signs out first.
  async signInAs(who) {
    if (this.signedInAs === who) return;
    await this.browser.goto('/console/sign-in');
    await this.browser.driver.executeScript('sessionStorage.clear();');
    this.signedInAs = null;
    if (who === null) return this.browser.goto('/console/sign-in', 'sign-in');
    await this.browser.signIn(this.tokens[who].token);
    this.signedInAs = who;
  }

  // Shows `screen` (an entry of screens()) signed in as the person who sees it.
  async show(screen) {
    await this.signInAs(screen.as);
    await this.browser.goto(screen.route, screen.name);
    if (screen.act) await screen.act(this);
  }

  async close() {
    try {
      await this.browser?.quit();
    } finally {
      await this.server?.dispose();
    }
  }
}

// Starts the server and issues the tokens; with `browser` (openBrowser's options, or true)
// also opens a browser on it.
export async function startConsole({ browser } = {}) {
  const server = await startServer();
  let session;
  try {
    const tokens = {
      admin: { token: server.adminToken, role: 'admin', description: 'demo session' },
      marketing: await server.createToken('liaison:marketing', '张敏 (Zhang Min)'),
      planning: await server.createToken('liaison:planning', '王芳 (Wang Fang)'),
      reader: await server.createToken('reader', '刘洋 (Liu Yang)'),
    };
    await server.api('PUT', `/v1/reports/marketing/${M1}/${REPORT_MONTH}`, {
      token: tokens.marketing.token,
      headers: { 'Idempotency-Key': 'console-test-second-version' },
      body: { rows: [
        { customer: 'Lanhai Port Cold Storage', feeder: 'LH-F12', demand_kw: 2200, expected_month: '2027-01', likelihood_pct: 95 },
        { customer: '蓝海钢铁 (Lanhai Steel)', feeder: 'LH-F07', demand_kw: 1250.5, expected_month: '2027-03', likelihood_pct: 85 },
        { customer: '临港数据中心 (Lingang Data Centre)', feeder: 'LH-F03', demand_kw: 3000, expected_month: '2027-05', likelihood_pct: 60 },
      ] },
    });
    if (browser) {
      session = await openBrowser(browser === true ? {} : browser);
      session.base = server.base;
    }
    return new ConsoleFixture(server, session, tokens);
  } catch (e) {
    await session?.quit();
    await server.dispose();
    throw e;
  }
}

// A dictionary as the server serves it (/console/i18n/<lang>.js: `export default {…}`).
export async function dictionary(server, lang) {
  const r = await fetch(`${server.base}/console/i18n/${lang}.js`);
  if (r.status !== 200) throw new Error(`GET /console/i18n/${lang}.js answered ${r.status}`);
  const source = await r.text();
  const mod = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);
  return mod.default;
}

// A pattern matching a dictionary text with its {placeholders} filled by anything.
export function textPattern(template) {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\s\\S]*?'));
}
