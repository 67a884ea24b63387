// The popup's moments: opened -> Today drawn (against a blank extension page), and a click on
// "Mark sent" -> Today redrawn without that row, each at several numbers of applications.
import { QUIET_MS, median, seedEntries, sleep, waitForSummary, workload } from './harness.mjs';
import { REPEATS, count, log, ms, notes, row, x } from './table.mjs';

/** Opens `url` in a new tab and waits until the Today view is drawn (and, with `loaded`, everything read). */
export async function openPopup(context, url, loaded = false) {
  const page = await context.newPage();
  await page.goto(url);
  const ready = loaded
    ? () => globalThis.__bench?.interactive != null && globalThis.__bench?.loaded != null
    : () => globalThis.__bench?.interactive != null;
  await page.waitForFunction(ready, null, { timeout: 120000, polling: 5 });
  await sleep(50); // let the probe's promise callbacks land
  return page;
}

/** Opens `url` in a new tab and returns the probe's record once the Today view is drawn. */
async function openAndDraw(context, url) {
  const page = await openPopup(context, url);
  const probe = await page.evaluate(() => ({ drawn: __bench.drawn, early: __bench.early, interactive: __bench.interactive, calls: __bench.calls }));
  await page.close();
  return probe;
}

/** Seeds `demo_workload(n)` and waits for the summary the worker builds from it. */
export async function seedWorkload(control, n) {
  await seedEntries(control, workload(n));
  await waitForSummary(control, n);
}

// 2. Popup open -> Today drawn, against a blank extension page, interleaved.
export async function popupOpen(browser, control) {
  const blanks = [];
  const breakdown = [];
  const figures = [];
  for (const n of [0, 100, 1000, 10000]) {
    await seedWorkload(control, n);
    await openAndDraw(browser.context, browser.url('popup.html')); // warm-up, not counted
    const times = [];
    const parts = { wasmStart: [], wasmReady: [], readsDone: [], draw: [], wasm: [], storage: [], message: [], interactive: [], early: [] };
    for (let i = 0; i < REPEATS; i += 1) {
      blanks.push((await openAndDraw(browser.context, browser.url('blank.html'))).drawn);
      const p = await openAndDraw(browser.context, browser.url('popup.html'));
      times.push(p.drawn);
      parts.interactive.push(p.interactive);
      parts.early.push(p.early ? 1 : 0);
      // Only what Today waited for: the read of everything starts once it is drawn.
      const before = p.calls.filter((c) => !c.everything && c.start <= p.drawn);
      for (const label of ['wasm', 'storage', 'message']) {
        const calls = before.filter((c) => c.label === label);
        parts[label].push(calls.reduce((s, c) => s + (c.end - c.start), 0));
      }
      const wasm = before.filter((c) => c.label === 'wasm');
      parts.wasmStart.push(Math.min(...wasm.map((c) => c.start)));
      parts.wasmReady.push(Math.max(...wasm.map((c) => c.end)));
      const readsDone = Math.max(0, ...before.filter((c) => c.label !== 'wasm' && c.end <= p.drawn).map((c) => c.end));
      parts.readsDone.push(readsDone);
      parts.draw.push(p.drawn - Math.max(readsDone, ...wasm.map((c) => c.end)));
    }
    const m = median(times);
    breakdown.push({ n, drawn: m, ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)])) });
    figures.push({ n, m });
    log(`popup with ${n} applications: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  }
  const base = median(blanks);
  for (const { n, m } of figures) {
    const ratio = m / base;
    row(2, `popup open -> Today drawn, ${count(n)} applications`, ms(m), `blank page ${ms(base)}`, x(ratio), '<= 1.5x blank', ratio <= 1.5);
  }
  notes.push(
    'Where the popup time goes (medians in ms; "at" = ms after navigation start): the glue starts the WebAssembly at (the popup\'s first module, dist/pkg-early, which puts in the page the Today the service worker drew with the summary), ' +
      'the WebAssembly is ready at (compile + instantiate took), the reads Today needs are done at (chrome.storage.local.get took; ' +
      'messages to the service worker took), the Today view is drawn at (this long after both were in: the drawing checked and ' +
      'put in the page), and the full interface (dist/pkg, loaded after) has taken the page over at. ' +
      breakdown
        .map((b) => `${count(b.n)} applications: wasm starts ${b.wasmStart.toFixed(0)}, ready ${b.wasmReady.toFixed(0)} (${b.wasm.toFixed(0)}); ` +
          `reads done ${b.readsDone.toFixed(0)} (storage ${b.storage.toFixed(0)}, messages ${b.message.toFixed(0)}); drawn ${b.drawn.toFixed(0)} (${b.draw.toFixed(0)})` +
          `${b.early ? ' by the first module' : ''}; the full interface took over at ${b.interactive.toFixed(0)}`)
        .join('. ') + '.',
  );
}

/**
 * Clicks the first "Mark sent" on Today and returns the ms from the click until that row is
 * gone from the page, and how long the message to the service worker took; null when Today
 * has no such button left.
 */
async function markSentOnce(page) {
  const waiting = await page.evaluateHandle(() => {
    const button = document.querySelector('#app [data-view=today] [data-action=sent]');
    const li = button?.closest('li');
    if (!li) return { done: null };
    let clicked = null;
    let target = null;
    document.addEventListener('click', (e) => {
      clicked ??= performance.now();
      target ??= e.target.closest?.('li');
    }, { capture: true, once: true });
    const app = document.getElementById('app');
    // Wrapped: a returned promise would be awaited before the click.
    return { done: new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (clicked !== null && !li.isConnected) {
          observer.disconnect();
          const gone = performance.now();
          const changed = __bench.changes.find((t) => t >= clicked);
          resolve({ took: gone - clicked, clicked, redraw: changed === undefined ? null : gone - changed, same: target === li });
        }
      });
      observer.observe(app, { childList: true, subtree: true });
      setTimeout(() => resolve({ took: -1 }), 20000);
    }) };
  });
  if (!(await waiting.evaluate((w) => w.done !== null))) return null;
  await page.locator('#app [data-view=today] [data-action=sent]').first().click();
  const result = await waiting.evaluate((w) => w.done);
  if (result.took < 0) throw new Error('the row marked sent never left Today');
  if (!result.same) throw new Error('the click landed on another row than the one watched');
  await sleep(QUIET_MS); // the notice, the storage change echo, the worker's badge refresh and sync run
  // The probe notes a message once its answer was taken in, which may be after the redraw.
  result.message = await page.evaluate((clicked) => {
    const message = __bench.calls.find((c) => c.label === 'message' && c.start >= clicked);
    return message ? message.end - message.start : null;
  }, result.clicked);
  return result;
}

// 3. Mark sent -> Today redrawn, in a popup that has read everything.
export async function markSent(browser, control) {
  const figures = [];
  for (const n of [10, 1000, 10000]) {
    const times = [];
    const messages = [];
    const redraws = [];
    let page = null;
    // The first click of each popup is a warm-up; a popup that runs out of rows is replaced
    // by one on a fresh seed.
    while (times.length < REPEATS) {
      if (!page) {
        await seedWorkload(control, n);
        page = await openPopup(browser.context, browser.url('popup.html'), true);
        if (!(await markSentOnce(page))) throw new Error(`Today has no "Mark sent" with ${n} applications`);
      }
      const r = await markSentOnce(page);
      if (!r) {
        await page.close();
        page = null;
        continue;
      }
      times.push(r.took);
      if (r.message !== null) messages.push(r.message);
      if (r.redraw !== null) redraws.push(r.redraw);
    }
    await page?.close();
    log(`mark sent, ${n} applications: ${times.map((t) => t.toFixed(1)).join(', ')} ms; messages ${messages.map((t) => t.toFixed(1)).join(', ')} ms`);
    figures.push({ n, m: median(times), message: messages.length ? median(messages) : null, redraw: redraws.length ? median(redraws) : null });
  }
  const small = figures[0];
  for (const { n, m } of figures) {
    const budget = n === 10000 ? ['<= 50 ms', m <= 50] : ['-', null];
    const baseline = n === small.n ? '-' : `${count(small.n)} applications ${ms(small.m)}`;
    row(3, `click "Mark sent" on Today -> the row is gone, ${count(n)} applications`, ms(m), baseline, n === small.n ? '-' : x(m / small.m), ...budget);
  }
  notes.push(
    'Where the Mark sent time goes (medians): the message asking the service worker to record the edit was answered ' +
      figures.map((f) => `${f.message === null ? '-' : ms(f.message)} after the click at ${count(f.n)} applications (row gone at ${ms(f.m)}; ` +
        `the page took ${f.redraw === null ? '-' : ms(f.redraw)} of that from the worker's storage change arriving to the row gone)`).join(', ') +
      '. The row leaves when the page takes in the worker\'s storage write (`storage.onChanged`: the application put in place, ' +
      'planned again and Today redrawn) or the answer, whichever comes first.',
  );
}
