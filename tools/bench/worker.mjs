// The service worker's moments from a cold start: the badge set (against a worker that only
// sets a constant badge) and a webmail tab's `compose/match` answered.
import { median, seedEntries, sleep, waitForSummary, workload } from './harness.mjs';
import { REPEATS, count, log, ms, row, x } from './table.mjs';

/**
 * Control of `browser`'s service worker from a page of its extension (seeded with `seed`, a
 * JSON text of storage items, and waited for until the worker wrote today's summary for
 * `apps` applications): `stop()` stops the worker and waits until it is gone.
 */
export async function workerControl(browser, seed = null, apps = 0) {
  const page = await browser.context.newPage();
  await page.goto(browser.url('blank.html'));
  if (seed) {
    await seedEntries(page, seed);
    await waitForSummary(page, apps);
  }
  const cdp = await browser.context.newCDPSession(page);
  const running = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.status === 'redundant' ? 'stopped' : v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const stillRunning = () => [...running.values()].some((s) => s !== 'stopped');
  async function stop() {
    // A stop request can be lost while the worker is busy: ask again, up to three times.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const end = Date.now() + 3000;
      while (stillRunning() && Date.now() < end) await sleep(20);
      if (!stillRunning()) break;
    }
    if (stillRunning()) throw new Error(`service worker did not stop: ${JSON.stringify([...running])}`);
    await sleep(200);
  }
  return { page, cdp, stop, close: async () => (await cdp.detach(), await page.close()) };
}

/**
 * Stops the worker, sets the badge to a marker, wakes the worker with one message and
 * returns the ms from that message until the badge is no longer the marker.
 */
async function coldBadge(control) {
  await control.page.evaluate(() => chrome.action.setBadgeText({ text: '~' }));
  await control.stop();
  const took = await control.page.evaluate(async () => {
    const start = performance.now();
    chrome.runtime.sendMessage({ type: 'bench/wake' }).catch(() => {});
    for (;;) {
      if ((await chrome.action.getBadgeText({})) !== '~') return performance.now() - start;
      if (performance.now() - start > 60000) return -1;
    }
  });
  if (took < 0) throw new Error('the badge was never set after a cold start');
  return took;
}

// 4. Service worker cold start -> badge set, against a worker that sets a constant badge;
// the two are started alternately, so both see the same machine.
export async function workerStart(browser, baseline) {
  const theirs = await workerControl(baseline);
  for (const n of [0, 100, 10000]) {
    const ours = await workerControl(browser, workload(n), n);
    const times = { ours: [], theirs: [] };
    for (let i = 0; i < REPEATS + 1; i += 1) {
      const t = await coldBadge(theirs);
      const o = await coldBadge(ours);
      if (i > 0) times.ours.push(o), times.theirs.push(t); // the first round is a warm-up
    }
    await ours.close();
    log(`worker cold start, ${n} applications: extension ${times.ours.map((t) => t.toFixed(1)).join(', ')}; baseline ${times.theirs.map((t) => t.toFixed(1)).join(', ')}`);
    const ratio = median(times.ours) / median(times.theirs);
    row(4, `service worker cold start -> badge set, ${count(n)} applications`, ms(median(times.ours)), `constant-badge worker ${ms(median(times.theirs))}`, x(ratio), '<= 2x', ratio <= 2);
  }
  await theirs.close();
}

/** The recipient the match looks for: a hiring manager alone at her address and domain. */
const RECIPIENT = 'lena.vogt@northwind-robotics.example';
/** The applications she is the hiring manager of (the same at every size). */
const HERS = ['app-00000', 'app-00001', 'app-00002'];

/** `demo_workload(n)` with the hiring manager of the applications `HERS` at `RECIPIENT`. */
function matchWorkload(n) {
  const items = JSON.parse(workload(n));
  for (const id of HERS) {
    const record = JSON.parse(items[`app:${id}`]);
    const contact = record.contacts?.find((c) => c.id === 'c0');
    if (!contact) throw new Error(`the workload's app:${id} has no contact c0 to match: ${items[`app:${id}`].slice(0, 300)}`);
    contact.email = RECIPIENT;
    items[`app:${id}`] = JSON.stringify(record);
  }
  return JSON.stringify(items);
}

// 5. compose/match on a cold worker: what a webmail tab asks when a compose window opens.
export async function composeMatch(browser) {
  const figures = [];
  for (const n of [10, 10000]) {
    const control = await workerControl(browser, matchWorkload(n), n);
    const times = [];
    for (let i = 0; i < REPEATS + 1; i += 1) {
      await control.stop();
      const r = await control.page.evaluate(async (recipient) => {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'compose/match', recipients: [recipient] });
        return { took: performance.now() - start, reply };
      }, RECIPIENT);
      const { choices, best } = r.reply ?? {};
      const proposed = choices?.[best];
      if (!proposed || !HERS.includes(proposed.appId ?? proposed.app_id)) {
        throw new Error(`compose/match did not propose one of her applications: ${JSON.stringify(r.reply).slice(0, 300)}`);
      }
      if (i === 0) log(`compose/match, ${n} applications: ${choices.length} choices in the answer`);
      if (i > 0) times.push(r.took); // the first round is a warm-up
    }
    await control.close();
    log(`compose/match on a cold worker, ${n} applications: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    figures.push({ n, m: median(times) });
  }
  const [small, large] = figures;
  row(5, `\`compose/match\` on a cold service worker, one recipient, ${count(small.n)} applications`, ms(small.m), '-', '-', '-', null);
  row(5, `\`compose/match\` on a cold service worker, one recipient, ${count(large.n)} applications`, ms(large.m), `${count(small.n)} applications ${ms(small.m)}`, x(large.m / small.m), `<= 2x ${count(small.n)}`, large.m <= 2 * small.m);
}
