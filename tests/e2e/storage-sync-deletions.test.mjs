// Deletions through browser sync, with two browser profiles (two computers) whose
// chrome.storage.sync areas are kept identical by the test, as the browser account would: an
// application deleted on one is deleted on the other, and an edit made after the deletion
// wins over it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { dump, plain, saveSettings, send, until } from './storage-util.mjs';

const computers = [];
before(async () => {
  for (let i = 0; i < 2; i++) {
    const browser = await launch();
    const page = await browser.context.newPage();
    await page.goto(browser.url('popup.html'));
    computers.push({ browser, page });
  }
});
after(async () => {
  for (const { browser } of computers) await browser?.close();
});

const syncArea = (page) => page.evaluate(() => chrome.storage.sync.get(null));
const local = async (page) => JSON.parse(await dump(page));

/** What browser sync does between two computers: the second's sync area becomes the first's. */
async function deliver(from, to) {
  const items = await syncArea(from.page);
  await to.page.evaluate(async (items) => {
    const stale = Object.keys(await chrome.storage.sync.get(null)).filter((k) => !(k in items));
    if (stale.length) await chrome.storage.sync.remove(stale);
    await chrome.storage.sync.set(items);
  }, items);
}

async function save(page, app) {
  const reply = await send(page, { type: 'app/save', app });
  assert.equal(reply.error, undefined, reply.error);
  return reply;
}

test('a deletion on one computer deletes the copy on the other, and a later edit wins over a deletion', async () => {
  const [a, b] = computers;
  await saveSettings(a.page, { syncSettings: true, syncApplications: true });
  const x = await save(a.page, { ...plain('x', 'to be deleted'), revision: 0 });
  await save(a.page, { ...plain('y', 'to be deleted, then edited elsewhere'), revision: 0 });
  await save(a.page, { ...plain('z', 'kept'), revision: 0 });
  await until(async () => Object.keys(await syncArea(a.page)).filter((k) => k.startsWith('app:')).length === 3, 'A synced');

  // The second computer takes the settings (sync on) and the applications.
  await deliver(a, b);
  await until(async () => {
    const here = await local(b.page);
    return ['app:x', 'app:y', 'app:z'].every((k) => k in here);
  }, 'B has every application', 15000);

  // Deleted on A: the deletion is recorded in sync, and B deletes its copy.
  assert.equal((await send(a.page, { type: 'app/delete', id: 'x', revision: x.revision })).ok, true);
  const tombstone = await until(async () => {
    const items = await syncArea(a.page);
    return !('app:x' in items) && items['deleted:x'];
  }, 'the deletion in sync');
  assert.equal(JSON.parse(tombstone).revision, x.revision);
  await deliver(a, b);
  await until(async () => !('app:x' in (await local(b.page))), 'B deleted x', 15000);
  assert.ok('app:z' in (await local(b.page)), 'the other applications stay');

  // y is deleted on A while B, not yet told, edits it: the edit is the later change and wins.
  const yOnA = JSON.parse((await local(a.page))['app:y']);
  assert.equal((await send(a.page, { type: 'app/delete', id: 'y', revision: yOnA.revision })).ok, true);
  await until(async () => (await syncArea(a.page))['deleted:y'], 'the deletion of y in sync');
  const yOnB = JSON.parse((await local(b.page))['app:y']);
  await save(b.page, { ...yOnB, notes: 'edited on B after the deletion' });
  await until(async () => JSON.parse((await syncArea(b.page))['app:y'] ?? '{}').notes === 'edited on B after the deletion', 'B synced its edit');
  await deliver(a, b);
  await until(async () => {
    const items = await syncArea(b.page);
    return !('deleted:y' in items) && JSON.parse(items['app:y'] ?? '{}').notes === 'edited on B after the deletion';
  }, 'B keeps its later edit and forgets the deletion', 15000);
  assert.ok('app:y' in (await local(b.page)));
  await deliver(b, a);
  await until(async () => JSON.parse((await local(a.page))['app:y'] ?? '{}').notes === 'edited on B after the deletion', 'A takes the edit back', 15000);

  // Both computers end with the same applications, and x stays deleted on both.
  await deliver(a, b);
  await new Promise((r) => setTimeout(r, 2000));
  const apps = async (page) => Object.keys(await local(page)).filter((k) => k.startsWith('app:')).sort();
  assert.deepEqual(await apps(a.page), ['app:y', 'app:z']);
  assert.deepEqual(await apps(b.page), ['app:y', 'app:z']);
});
