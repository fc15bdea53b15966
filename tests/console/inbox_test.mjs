// Planning's liaison acknowledges what other departments sent it, one item and then several
// at once, and sees each item's state change; unacknowledged items come first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startConsole } from './support/console.mjs';

let c, b;
before(async () => {
  c = await startConsole({ browser: { lang: 'zh-CN' } });
  b = c.browser;
});
after(async () => { await c?.close(); });

const inbox = async () => (await c.server.api('GET', '/v1/departments/planning/inbox?limit=1000',
                                              { token: c.tokens.planning.token })).items;

// The rows on screen: item id and its acknowledgement state's text, in order.
const rowsShown = () => b.driver.executeScript(`return [...document.querySelectorAll('tr[data-item]')].map((tr) => ({
    item: Number(tr.getAttribute('data-item')),
    state: (tr.querySelector('[data-test=ack-state]') || {}).innerText || '' }));`);

async function acknowledge(items) {
  for (const item of items) {
    const box = await b.element(`tr[data-item="${item}"] input[type=checkbox][data-test=select-item]`);
    await box.click();
    assert.equal(await box.isSelected(), true);
  }
  await b.click('[data-test=ack-selected]');
  await b.waitFor(`return arguments[0].every((item) => {
      const s = document.querySelector('tr[data-item="' + item + '"] [data-test=ack-state]');
      return s && s.innerText !== arguments[1];
    }) && !document.querySelector('[aria-busy="true"]');`, `items ${items} shown acknowledged`, undefined, items, unacknowledgedText);
}

let unacknowledgedText;

test('the inbox lists every item, each with its state', async () => {
  await c.signInAs('planning');
  await b.goto('/console/inbox', 'inbox');
  const items = await inbox();
  assert.ok(items.length >= 4, `the demo sent planning at least 4 items: ${items.length}`);
  const shown = await rowsShown();
  assert.deepEqual(shown.map((r) => r.item).sort((x, y) => x - y), items.map((i) => i.item).sort((x, y) => x - y));
  const states = new Set(shown.map((r) => r.state));
  assert.equal(states.size, 1, `all unacknowledged, so one state text: ${[...states]}`);
  [unacknowledgedText] = states;
  assert.ok(unacknowledgedText.trim(), 'the state is written out');
  await b.screenshot('inbox-before-ack-zh-CN');
});

test('acknowledging one item changes its state and only its', async () => {
  const [first, ...others] = (await rowsShown()).map((r) => r.item);
  await acknowledge([first]);
  const byItem = new Map((await inbox()).map((i) => [i.item, i]));
  assert.ok(byItem.get(first).acknowledged, `item ${first} acknowledged on the server`);
  for (const item of others) assert.equal(byItem.get(item).acknowledged, null, `item ${item} untouched`);
  const shown = await rowsShown();
  for (const r of shown) if (r.item !== first) assert.equal(r.state, unacknowledgedText, `item ${r.item}`);
  const mine = shown.find((r) => r.item === first);
  assert.ok(mine.state.includes(c.tokens.planning.description),
            `the acknowledgement names the person, not only the token id: ${mine.state}`);
});

test('acknowledging several at once changes each of them', async () => {
  const pending = (await rowsShown()).filter((r) => r.state === unacknowledgedText).map((r) => r.item);
  assert.ok(pending.length >= 3);
  const chosen = pending.slice(0, 2);
  await acknowledge(chosen);
  const byItem = new Map((await inbox()).map((i) => [i.item, i]));
  for (const item of chosen) assert.ok(byItem.get(item).acknowledged, `item ${item} acknowledged on the server`);
  for (const item of pending.slice(2)) assert.equal(byItem.get(item).acknowledged, null, `item ${item} untouched`);
  await b.screenshot('inbox-after-ack-zh-CN');
});

test('after a reload, unacknowledged items come first', async () => {
  await b.goto('/console/inbox', 'inbox');
  const byItem = new Map((await inbox()).map((i) => [i.item, i]));
  const order = (await rowsShown()).map((r) => (byItem.get(r.item).acknowledged ? 'acked' : 'open'));
  const firstAcked = order.indexOf('acked');
  assert.ok(firstAcked > 0 && !order.slice(firstAcked).includes('open'), `open items first: ${order}`);
  for (const r of await rowsShown())
    assert.equal(r.state === unacknowledgedText, !byItem.get(r.item).acknowledged, `item ${r.item} shows its state`);
});
