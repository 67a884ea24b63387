// An import of 2,000 applications with the service worker stopped at each of its storage
// writes, then retried, then undone: the retry finishes it, and the snapshot gives back
// exactly what was stored before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { derivedSettled, launch } from './harness.mjs';
import { dump, interviewed, plain, send, until } from './storage-util.mjs';

let browser;
let page;
let cdp;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  cdp = await browser.context.newCDPSession(page);
});
after(async () => {
  await browser?.close();
});

/** 40 applications and settings, as stored by an earlier session. */
const ORIGINAL = (() => {
  const items = { schema: '{"version":2}', settings: JSON.stringify({ revision: 2, bufferDays: 3, profile: { name: 'Alex Chen' } }) };
  for (let i = 0; i < 40; i++) {
    const app = i % 2 ? plain(`own-${i}`, `note ${i}`) : interviewed(`own-${i}`, i - 20);
    items[`app:${app.id}`] = JSON.stringify({ revision: 1 + (i % 3), ...app });
  }
  return items;
})();

/** A backup of 2,000 applications: 20 of the stored ones changed, 1,980 new; it lacks the other 20. */
const BACKUP = JSON.stringify({
  format: 'followup-backup',
  version: 1,
  exportedAt: '2026-01-01T00:00:00Z',
  settings: { bufferDays: 1 },
  applications: Array.from({ length: 2000 }, (_, i) => ({
    ...(i < 20 ? plain(`own-${i * 2}`, 'from the backup') : plain(`imp-${i}`, 'n'.repeat(300))),
    revision: 7,
  })),
});

// The user's data: not the snapshot, the journal, the sync bookkeeping, nor what is derived
// from the data and built again from it (today's summary, the contacts index).
const derived = (k) => k === 'today' || k === 'index' || k.startsWith('ix:');
const userData = (text) =>
  JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).filter(([k]) => !['snapshot', 'journal', 'sync-state', 'sync-status'].includes(k) && !derived(k))));

/** Everything stored but what is derived from the data. */
const stored = (text) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).filter(([k]) => !derived(k))));

async function reset() {
  await page.evaluate(async (items) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, ORIGINAL);
  // Written behind the worker's back: it builds its derived records again first.
  await derivedSettled(page, 40);
  return stored(await dump(page));
}

/** The running service worker (a new one after each stop). */
async function worker() {
  await until(() => send(page, { type: 'badge/refresh' }).catch(() => null), 'worker running');
  return until(() => browser.context.serviceWorkers().at(-1), 'service worker');
}

/**
 * Makes the worker's import hang at one of its storage writes, without making it: `set` is the
 * write of the snapshot with every record, `remove` the removals after it. Then waits until the
 * import reaches it and stops the worker, as the browser does with an idle or crashed one.
 */
async function importStoppedAt(step) {
  const sw = await worker();
  await sw.evaluate((step) => {
    const area = chrome.storage.local;
    const set = area.set.bind(area);
    const remove = area.remove.bind(area);
    const hang = () => {
      globalThis.stoppedAt = step;
      return new Promise(() => {});
    };
    area.set = (items, ...rest) => (step === 'set' && 'snapshot' in items ? hang() : set(items, ...rest));
    area.remove = (keys, ...rest) => (step === 'remove' && [keys].flat().includes('journal') ? hang() : remove(keys, ...rest));
  }, step);
  const reply = send(page, { type: 'backup/import', text: BACKUP, replace: true }).catch((e) => ({ error: e.message }));
  await until(() => sw.evaluate(() => globalThis.stoppedAt), `import at ${step}`, 30000);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(browser.id));
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  const answer = await reply;
  assert.ok(answer === undefined || answer === null || answer.error, `an interrupted import is not acknowledged: ${JSON.stringify(answer).slice(0, 200)}`);
}

test('an import stopped at each write, retried, then undone gives the original data back exactly', async () => {
  // The same import, not interrupted: what the retries must arrive at.
  const original = await reset();
  const done = await send(page, { type: 'backup/import', text: BACKUP, replace: true });
  assert.equal(done.added.length, 1980, JSON.stringify(done).slice(0, 300));
  assert.equal(done.deleted.length, 20);
  const complete = userData(await dump(page));
  // Stopped after its last write (before the reply): the retry changes nothing and keeps the snapshot.
  const again = await send(page, { type: 'backup/import', text: BACKUP, replace: true });
  assert.equal(again.added.length + again.updated.length + again.deleted.length, 0, JSON.stringify(again).slice(0, 300));
  assert.deepEqual((await send(page, { type: 'snapshot/restore' })).error, undefined);
  assert.equal(userData(await dump(page)), userData(original), 'undone after a retry that changed nothing');

  for (const step of ['set', 'remove']) {
    assert.equal(await reset(), original);
    await importStoppedAt(step);
    const stopped = JSON.parse(await dump(page));
    if (step === 'set') {
      assert.equal(stored(JSON.stringify(stopped)), original, 'stopped before its first write: nothing changed');
    } else {
      // Stopped between the two writes: every record is in, the removals are in the journal.
      assert.ok(stopped.journal && stopped.snapshot && stopped['app:imp-1999'], Object.keys(stopped).slice(0, 5).join());
      assert.deepEqual(Object.keys(JSON.parse(stopped.journal).remove).length, 20);
    }

    const retried = await send(page, { type: 'backup/import', text: BACKUP, replace: true });
    assert.equal(retried.error, undefined, `${step}: ${retried.error}`);
    assert.equal(userData(await dump(page)), complete, `stopped at ${step}: the retry finishes the import`);
    assert.equal(JSON.parse(await dump(page)).journal, undefined);

    const restored = await send(page, { type: 'snapshot/restore' });
    assert.equal(restored.error, undefined, `${step}: ${restored.error}`);
    assert.equal(userData(await dump(page)), userData(original), `stopped at ${step}: the snapshot gives the original back`);
  }
});
