// Memory at 10,000 applications against the same at none: the popup's and the service
// worker's live JS heap and the WebAssembly memory each instantiated.
import { liveHeap, median, sleep, workerSession } from './harness.mjs';
import { openPopup, seedWorkload } from './popup.mjs';
import { workerControl } from './worker.mjs';
import { count, log, mb, row, x } from './table.mjs';

/** The worker's live JS heap and WebAssembly memory, through `cdp` (a page's session). */
async function workerMemory(cdp, id) {
  const session = await workerSession(cdp, id);
  try {
    const heap = await liveHeap(session);
    const { result } = await session.send('Runtime.evaluate', { expression: 'globalThis.__benchWasmBytes?.() ?? -1', returnByValue: true });
    if (!(result.value >= 0)) throw new Error('the service worker has no memory probe');
    return { heap, wasm: result.value };
  } finally {
    await session.detach();
  }
}

/** Everything measured with `n` applications stored. */
async function measure(browser, control, n) {
  // A fresh worker: its WebAssembly memory only grows, and it may have held more before.
  const worker = await workerControl(browser);
  await worker.stop();
  await seedWorkload(control, n);
  const page = await openPopup(browser.context, browser.url('popup.html'), true);
  await sleep(500);
  const cdp = await browser.context.newCDPSession(page);
  const popup = { heap: await liveHeap(cdp), wasm: await page.evaluate(() => __bench.wasmBytes()) };
  // The worker as it is after building today's summary from everything (the storage change
  // that seeded it started it) while the popup was opened.
  const built = await workerMemory(cdp, browser.id);
  await cdp.detach();
  await page.close();
  // The worker as a cold start leaves it: started by one message, the badge set.
  await worker.page.evaluate(() => chrome.action.setBadgeText({ text: '~' }));
  await worker.stop();
  await worker.page.evaluate(async () => {
    chrome.runtime.sendMessage({ type: 'bench/wake' }).catch(() => {});
    while ((await chrome.action.getBadgeText({})) === '~') await new Promise((r) => setTimeout(r, 10));
  });
  const cold = await workerMemory(worker.cdp, browser.id);
  await sleep(1500); // the sync run every start schedules, a second after it
  const synced = await workerMemory(worker.cdp, browser.id);
  await worker.close();
  return { popup, built, cold, synced };
}

// 6. Memory with 10,000 applications (and none, the baseline), each the median of three runs.
export async function memory(browser, control) {
  const runs = { 0: [], 10000: [] };
  for (let i = 0; i < 3; i += 1) for (const n of [0, 10000]) runs[n].push(await measure(browser, control, n));
  const mid = (list, where, what) => median(list.map((r) => r[where][what]));
  const figure = (n, where) => ({ heap: mid(runs[n], where, 'heap'), wasm: mid(runs[n], where, 'wasm') });
  const both = (f) => `JS heap ${mb(f.heap)} + wasm memory ${mb(f.wasm)} = ${mb(f.heap + f.wasm)}`;
  const what = {
    popup: 'the popup, Today drawn and everything read',
    built: 'the service worker, after building today\'s summary from everything (and a sync run)',
    cold: 'the service worker, just after a cold start -> badge',
    synced: 'the service worker, 1.5 s after a cold start (its start-up sync run done)',
  };
  for (const where of ['popup', 'built', 'cold', 'synced']) {
    const large = figure(10000, where);
    const none = figure(0, where);
    log(`memory, ${where}: 10,000 ${JSON.stringify(large)}; none ${JSON.stringify(none)}`);
    row(6, `memory of ${what[where]}, ${count(10000)} applications`, both(large), `no applications: ${both(none)}`, x((large.heap + large.wasm) / (none.heap + none.wasm)), '-', null);
  }
}
