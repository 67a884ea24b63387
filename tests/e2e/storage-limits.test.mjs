// Storage limits and restarts: a full localStorage in www/, chrome.storage.local with and
// without unlimitedStorage, the badge after a browser restart, and the bytes one edit writes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { badgeText, extensionDir, launch, root, seed, waitForBadge } from './harness.mjs';
import { interviewed, loadWasm, plain, send, until } from './storage-util.mjs';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Serves dist/www at http://followup.test/ and opens it. */
async function openWww(context) {
  const dir = join(root, 'dist/www');
  await context.route('http://followup.test/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/\/$/, '/index.html');
    try {
      route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(dir, path)) });
    } catch {
      route.fulfill({ status: 404, body: '' });
    }
  });
  const page = await context.newPage();
  await page.goto('http://followup.test/');
  return page;
}

/**
 * Every key and value of the page's localStorage (or of chrome.storage.local) as one string,
 * kept in the page under `name` (10 MB does not need to travel to Node); returns its size.
 */
function keep(page, area, name) {
  return page.evaluate(
    async ({ area, name }) => {
      let pairs;
      if (area === 'localStorage') {
        pairs = Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]);
      } else {
        const all = await chrome.storage.local.get(null);
        pairs = Object.keys(all).sort().map((k) => [k, typeof all[k] === 'string' ? all[k] : JSON.stringify(all[k])]);
      }
      globalThis[name] = JSON.stringify(pairs);
      return `${pairs.length} keys, ${globalThis[name].length} characters`;
    },
    { area, name },
  );
}

/** Whether the storage now is exactly, character for character, what `keep` saved. */
async function unchanged(page, area) {
  await keep(page, area, 'storageNow');
  return page.evaluate(() => globalThis.storageNow === globalThis.storageBefore);
}

test('www: a save into a full localStorage gets a clear message and changes nothing', async () => {
  const browser = await launch();
  cleanup.push(() => browser.close());
  const page = await openWww(browser.context);
  await loadWasm(page);
  const saved = await page.evaluate(async () => (await followupWasm).saveApplication({ id: 'acme', revision: 0, company: 'Acme' }));
  assert.equal(saved.revision, 1);
  // The same exports as the extension, from localStorage.
  const backup = await page.evaluate(async () => (await followupWasm).exportFile('backup'));
  assert.deepEqual(JSON.parse(backup.text).applications.map((a) => [a.id, a.revision]), [['acme', 1]]);
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; ) {
      try {
        localStorage.setItem(`filler-${n}`, 'x'.repeat(size));
        n++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 5, `${filled} filler items`);
  console.log(`www, localStorage filled: ${await keep(page, 'localStorage', 'storageBefore')}`);
  for (const app of [
    { id: 'new-one', revision: 0, company: 'Globex', notes: 'n'.repeat(2000) },
    { ...saved, notes: 'a longer note than before '.repeat(50) },
  ]) {
    const outcome = await page.evaluate(async (app) => {
      try {
        return { saved: await (await followupWasm).saveApplication(app) };
      } catch (e) {
        return { error: e.error ?? String(e), code: e.code };
      }
    }, app);
    assert.equal(outcome.code, 'storage', JSON.stringify(outcome));
    assert.match(outcome.error, /storage for Follow-up is full .*this change was not saved and nothing else was changed/);
    console.log(`www, localStorage full: ${outcome.error}`);
    assert.ok(await unchanged(page, 'localStorage'), 'localStorage byte-for-byte unchanged');
  }
});

test('extension without unlimitedStorage: a save at the 10 MB limit is refused and changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'followup-limited-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const browser = await launch({ extension: dir });
  cleanup.push(() => browser.close());
  await seed(browser.worker, [plain('acme')]);
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  // Fill to a few hundred bytes under chrome.storage.local's 10 MB quota.
  const left = await page.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    const quota = chrome.storage.local.QUOTA_BYTES;
    await chrome.storage.local.set({ filler: 'x'.repeat(quota - used - 'filler'.length - 2 - 300) });
    return quota - (await chrome.storage.local.getBytesInUse(null));
  });
  assert.ok(left >= 0 && left <= 300, `${left} bytes left`);
  await keep(page, 'local', 'storageBefore');
  const reply = await send(page, { type: 'app/save', app: { id: 'globex', revision: 0, company: 'Globex', notes: 'n'.repeat(1000) } });
  assert.equal(reply.code, 'storage', JSON.stringify(reply));
  assert.match(reply.error, /storage for Follow-up is full \(.*quota.*\), so this change was not saved/i);
  console.log(`extension at the 10 MB quota: ${reply.error}`);
  const text = JSON.stringify({ format: 'followup-backup', version: 1, exportedAt: 'x', settings: {}, applications: [plain('initech', 'n'.repeat(1000))] });
  const imported = await send(page, { type: 'backup/import', text, replace: false });
  assert.match(imported.error ?? '', /full/, JSON.stringify(imported));
  assert.ok(await unchanged(page, 'local'), 'chrome.storage.local byte-for-byte unchanged');
});

test('extension with unlimitedStorage: saves keep working past 10 MB', async () => {
  const browser = await launch();
  cleanup.push(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  const quota = await page.evaluate(async () => {
    await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES + 1024 * 1024) });
    return chrome.storage.local.QUOTA_BYTES;
  });
  const reply = await send(page, { type: 'app/save', app: { id: 'globex', revision: 0, company: 'Globex', notes: 'n'.repeat(1000) } });
  assert.equal(reply.revision, 1, JSON.stringify(reply));
  const used = await page.evaluate(() => chrome.storage.local.getBytesInUse(null));
  assert.ok(used > quota, `${used} bytes in use, quota ${quota}`);
  console.log(`unlimitedStorage: ${used} bytes stored, past the ${quota} byte quota`);
});

test('after a browser restart the badge is right without opening any page', async () => {
  const first = await launch({ keepProfile: true });
  const profile = first.profile;
  cleanup.push(() => rmSync(profile, { recursive: true, force: true }));
  await seed(first.worker, [interviewed('due-today'), interviewed('due-yesterday', -1), plain('nothing-due'), interviewed('next-week', 7)]);
  const page = await first.context.newPage();
  await page.goto(first.url('popup.html'));
  const { count } = await send(page, { type: 'badge/refresh' });
  assert.ok(count >= 2, `count ${count}`);
  await waitForBadge(first.worker, String(count));
  // A wrong badge left behind would show if start-up did not recompute it.
  await first.worker.evaluate(() => chrome.action.setBadgeText({ text: '99' }));
  await first.close();

  const second = await launch({ profile, keepProfile: true });
  cleanup.push(() => second.close());
  assert.equal(second.context.pages().filter((p) => p.url().startsWith('chrome-extension://')).length, 0);
  await waitForBadge(second.worker, String(count), 10000);
  console.log(`badge after restart: ${await badgeText(second.worker)}`);
});

/** Seeds `n` applications, then measures what one `app/save` writes, as chrome.storage.onChanged reports it. */
async function bytesForOneEdit(browser, page, n, settings = { revision: 1 }) {
  const apps = Array.from({ length: n }, (_, i) => interviewed(`app-${String(i).padStart(5, '0')}`, -3, { notes: 'Met the team.' }));
  await seed(browser.worker, apps, settings);
  await new Promise((r) => setTimeout(r, 1500));
  return page.evaluate(async () => {
    const changes = [];
    const listener = (c, area) => {
      for (const [key, { newValue }] of Object.entries(c)) {
        changes.push({ area, key, bytes: key.length + (newValue === undefined ? 0 : JSON.stringify(newValue).length) });
      }
    };
    chrome.storage.onChanged.addListener(listener);
    const raw = (await chrome.storage.local.get('app:app-00005'))['app:app-00005'];
    const app = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const reply = await chrome.runtime.sendMessage({ type: 'app/save', app: { ...app, notes: 'Phone screen booked for Tuesday.' } });
    // Anything written after the reply (sync bookkeeping, badge) counts too.
    await new Promise((r) => setTimeout(r, 2500));
    chrome.storage.onChanged.removeListener(listener);
    return { reply, changes, total: changes.reduce((s, c) => s + c.bytes, 0) };
  });
}

test('one edit writes the same bytes with 10 and with 10,000 applications stored', async () => {
  const browser = await launch();
  cleanup.push(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  const small = await bytesForOneEdit(browser, page, 10);
  const large = await bytesForOneEdit(browser, page, 10_000);
  for (const m of [small, large]) {
    assert.equal(m.reply.revision, 2, JSON.stringify(m.reply).slice(0, 200));
    assert.deepEqual(m.changes.map((c) => c.key), ['app:app-00005'], JSON.stringify(m.changes));
  }
  console.log(`bytes written by one edit: ${small.total} with 10 applications, ${large.total} with 10,000`);
  assert.equal(small.total, large.total);
  assert.ok(small.total < 2000, `${small.total} bytes`);

  // With browser sync on, the edit is copied to sync as that one record, not the whole set.
  await page.evaluate(() => chrome.storage.sync.clear());
  const synced = await bytesForOneEdit(browser, page, 10, { revision: 1, syncSettings: true, syncApplications: true });
  await new Promise((r) => setTimeout(r, 1500));
  const inSync = synced.changes.filter((c) => c.area === 'sync');
  assert.deepEqual(inSync.map((c) => c.key), ['app:app-00005'], JSON.stringify(synced.changes));
  const local = synced.changes.filter((c) => c.area === 'local').map((c) => c.key).sort();
  assert.deepEqual(local, ['app:app-00005', 'sync-state', 'sync-status'], 'the record, the bookkeeping and the size in the status');
  console.log(`with sync on: ${synced.changes.map((c) => `${c.area} ${c.key} ${c.bytes}`).join(', ')}`);
});
