// The administrator's live feed: a new event shows up while the page is open; when the server
// stops the feed says "reconnecting", and when it is back on the same data directory it says
// "live" again, resumes with Last-Event-ID from the last event shown — nothing shown twice,
// nothing missed — and shows the next new event.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMonths, M1, monthNow, startConsole } from './support/console.mjs';

const month = addMonths(monthNow(), 2);

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'zh-CN', network: true } });
  b = c.browser;
});
after(async () => { await c?.close(); });

const feedState = (state) => b.waitFor(
  `const s = document.querySelector('[data-test=feed-status]'); return s && s.getAttribute('data-state') === arguments[0];`,
  `the feed ${state}`, 30_000, state);

const seqsShown = () => b.driver.executeScript(
  `return [...document.querySelectorAll('li[data-seq]')].map((li) => Number(li.getAttribute('data-seq')));`);

const eventShown = (seq) => b.waitFor(`return !!document.querySelector('li[data-seq="' + arguments[0] + '"]');`,
                                      `event ${seq} in the feed`, 30_000, seq);

// Marketing submits a version of its report for `month`; answers the event's seq.
async function newEvent(n) {
  const receipt = await c.server.api('PUT', `/v1/reports/marketing/${M1}/${month}`, {
    token: c.tokens.marketing.token, headers: { 'Idempotency-Key': `feed-test-${n}` },
    body: { rows: [{ customer: `实时 ${n} (live ${n})`, feeder: 'LH-F03', demand_kw: 100 * n,
                     expected_month: addMonths(month, 1), likelihood_pct: 50 }] } });
  return receipt.seq;
}

let before_drop;   // seqs shown before the server stopped

test('the feed goes live and shows a new event', async () => {
  await c.signInAs('admin');
  await b.goto('/console/feed', 'feed');
  await feedState('live');
  assert.ok((await b.text('[data-test=feed-status]')).trim(), 'the status is written out');
  const seq = await newEvent(1);
  await eventShown(seq);
  await b.screenshot('feed-live-zh-CN');
  before_drop = await seqsShown();
  assert.ok(before_drop.includes(seq));
});

test('the feed says reconnecting while the server is down', async () => {
  await b.networkRequests();   // forget the requests so far
  await c.server.stop();
  await feedState('reconnecting');
  await b.screenshot('feed-reconnecting-zh-CN');
});

test('back on the same data directory, the feed resumes where it was, without repeats or gaps', async () => {
  await c.server.start();
  await feedState('live');
  const seq = await newEvent(2);
  await eventShown(seq);
  const shown = await seqsShown();
  const duplicates = shown.filter((s, i) => shown.indexOf(s) !== i);
  assert.deepEqual(duplicates, [], 'no event shown twice');
  for (const s of before_drop) assert.ok(shown.includes(s), `event ${s} still shown`);
  const last = Math.max(...before_drop);
  for (let s = last + 1; s <= seq; ++s) assert.ok(shown.includes(s), `event ${s}, logged after ${last}, is shown`);

  const streams = (await b.networkRequests()).filter((r) => new URL(r.url).pathname === '/v1/stream');
  assert.ok(streams.length > 0, 'the console reconnected to /v1/stream');
  const resumedFrom = streams.map((r) => Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'last-event-id')?.[1]);
  assert.ok(resumedFrom.every((id) => id === String(last)),
            `every reconnection sent Last-Event-ID: ${last}, sent: ${JSON.stringify(resumedFrom)}`);
  await b.screenshot('feed-resumed-zh-CN');
});
