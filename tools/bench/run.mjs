// `make bench`: measures what users feel against baselines taken in the same run, prints one
// table and writes it, with the date and the machine, to BENCHMARKS.md. Expects a built
// dist/ (scripts/build.sh), the workload example and the native plan figure (scripts/bench.sh).
// Timings are medians of repeated runs; ratios divide by a baseline measured in this run.
// `BENCH_ONLY=2,3` measures only those figures (numbered as in the table).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { applications } from '../../tests/e2e/webmail-cases.mjs';
import {
  baselineExtension, benchExtension, browserVersion, cleanUp, launch, machine, root, seedEntries, waitForSummary, workload,
} from './harness.mjs';
import { board } from './board.mjs';
import { memory } from './memory.mjs';
import { markSent, popupOpen } from './popup.mjs';
import { CHURN_SECONDS, REPEATS, kb, log, ms, notes, row, table, x } from './table.mjs';
import { insertLatency, webmailCost } from './webmail.mjs';
import { composeMatch, workerStart } from './worker.mjs';

// 1. Sizes: each WebAssembly module of the release build (every `*.wasm` in dist/pkg*/), and
// each store zip.
function sizes() {
  const popupText = ['popup.html', 'popup.js'].map((f) => readFileSync(join(root, 'dist/chrome', f), 'utf8')).join('\n');
  const modules = readdirSync(join(root, 'dist'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('pkg'))
    .flatMap((d) => readdirSync(join(root, 'dist', d.name)).filter((f) => f.endsWith('.wasm')).map((f) => `${d.name}/${f}`))
    .sort();
  if (modules.length === 0) throw new Error('no WebAssembly module in dist/pkg*/');
  for (const path of modules) {
    const wasm = readFileSync(join(root, 'dist', path));
    const gz = gzipSync(wasm, { level: 9 }).length;
    // The budget is for what the popup loads: the modules whose glue (`pkg/x.js` for
    // `pkg/x_bg.wasm`) it names; the first (dist/pkg-early) before Today is drawn, the full
    // interface after.
    const popup = popupText.includes(path.replace(/_bg\.wasm$/, '.js'));
    const when = path.startsWith('pkg-early/') ? 'before Today is drawn' : 'after Today is drawn';
    const [budget, meets] = popup ? [`<= 120 KB gzip (loaded by the popup ${when})`, gz <= 120 * 1024] : ['-', null];
    row(1, `wasm size (dist/${path}), raw / gzip -9`, `${kb(wasm.length)} / ${kb(gz)}`, '-', '-', budget, meets);
  }
  for (const name of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.zip')).sort()) {
    const size = statSync(join(root, 'dist', name)).size;
    row(1, `zip size: ${name}`, kb(size), '-', '-', '<= 250 KB', size <= 250 * 1024);
  }
}

// 7. plan() for 10,000 applications: native (cargo bench) and WebAssembly in Chromium.
async function planTimes(browser) {
  const text = readFileSync(process.env.BENCH_NATIVE_LOG ?? join(root, 'target/bench-native.log'), 'utf8');
  const found = text.match(/plan\(\): median ([\d.]+) ms/);
  if (!found) throw new Error(`no native plan figure in the cargo bench output:\n${text.slice(-800)}`);
  const native = Number(found[1]);
  const page = await browser.context.newPage();
  await page.goto(browser.url('blank.html'));
  const wasm = await page.evaluate(async () => {
    const m = await import(new URL('bench-pkg/followup.js', location.href).href);
    await m.default();
    return m.benchPlan(10000, 31);
  });
  await page.close();
  row(7, 'plan() for 10,000 applications, native (cargo bench --bench plan)', ms(native), '-', '-', '< 5 ms', native < 5);
  row(7, 'plan() for 10,000 applications, WebAssembly in Chromium', ms(wasm), `native ${ms(native)}`, x(wasm / native), '<= 2x native', wasm <= 2 * native);
}

// 11. Reading a posting page of 1 MB (what the collector brings back) into a posting: native
// (cargo bench --bench posting) and in the same WebAssembly as 7.
async function postingTimes(browser) {
  const text = readFileSync(process.env.BENCH_POSTING_LOG ?? join(root, 'target/bench-posting.log'), 'utf8');
  const found = text.match(/posting read: median ([\d.]+) ms/);
  if (!found) throw new Error(`no native posting figure in the cargo bench output:\n${text.slice(-800)}`);
  const native = Number(found[1]);
  const page = await browser.context.newPage();
  await page.goto(browser.url('blank.html'));
  const wasm = await page.evaluate(async () => {
    const m = await import(new URL('bench-pkg/followup.js', location.href).href);
    await m.default();
    return m.benchReadPosting(1024 * 1024, 31);
  });
  await page.close();
  row(11, 'read a collected posting page of 1 MB (core::posting::read), native (cargo bench --bench posting)', ms(native), '-', '-', '-', null);
  row(11, 'read a collected posting page of 1 MB, WebAssembly in Chromium', ms(wasm), `native ${ms(native)}`, x(wasm / native), '<= 50 ms (before "Save this job" shows)', wasm <= 50);
}

// 12. The insights of 10,000 applications: from a plan already made (what the insights page
// does with the plan it holds; the budget), and plan plus insights, native (cargo bench --bench
// insights); from the plan in the same WebAssembly as 7.
async function insightsTimes(browser) {
  const text = readFileSync(process.env.BENCH_INSIGHTS_LOG ?? join(root, 'target/bench-insights.log'), 'utf8');
  const figures = text.match(/insights from the plan \(Insights::from_actions\): median ([\d.]+) ms/);
  const whole = text.match(/plan and insights \(Insights::compute\): median ([\d.]+) ms .*plan\(\) alone: median ([\d.]+) ms/);
  if (!figures || !whole) throw new Error(`no native insights figures in the cargo bench output:\n${text.slice(-800)}`);
  const [native, compute, planAlone] = [Number(figures[1]), Number(whole[1]), Number(whole[2])];
  const page = await browser.context.newPage();
  await page.goto(browser.url('blank.html'));
  const wasm = await page.evaluate(async () => {
    const m = await import(new URL('bench-pkg/followup.js', location.href).href);
    await m.default();
    return m.benchInsights(10000, 31);
  });
  await page.close();
  row(12, 'insights for 10,000 applications from their plan (Insights::from_actions, what the insights page adds), native', ms(native), '-', '-', '< 20 ms', native < 20);
  row(12, 'plan and insights for 10,000 applications (Insights::compute), native', ms(compute), `plan() alone ${ms(planAlone)}`, x(compute / planAlone), '-', null);
  row(12, 'insights for 10,000 applications from their plan, WebAssembly in Chromium', ms(wasm), `native ${ms(native)}`, x(wasm / native), '<= 2x native', wasm <= 2 * native);
}

// 10. Bytes one edit writes, with 10 and 10,000 applications stored.
async function bytesPerEdit(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.url('blank.html'));
  const measure = async (n) => {
    await seedEntries(page, workload(n));
    await waitForSummary(page, n);
    return page.evaluate(async () => {
      const changes = [];
      const listener = (c, area) => {
        for (const [key, { newValue }] of Object.entries(c)) {
          changes.push({ area, key, bytes: key.length + (newValue === undefined ? 0 : (typeof newValue === 'string' ? newValue : JSON.stringify(newValue)).length) });
        }
      };
      chrome.storage.onChanged.addListener(listener);
      const raw = (await chrome.storage.local.get('app:app-00005'))['app:app-00005'];
      const app = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const reply = await chrome.runtime.sendMessage({ type: 'app/save', app: { ...app, notes: 'Phone screen booked for Tuesday.' } });
      await new Promise((r) => setTimeout(r, 2500)); // anything written after the reply counts too
      chrome.storage.onChanged.removeListener(listener);
      return { reply, changes, total: changes.reduce((s, c) => s + c.bytes, 0) };
    });
  };
  const small = await measure(10);
  const large = await measure(10000);
  await page.close();
  for (const m of [small, large]) {
    if (m.reply?.error || m.changes.length === 0) throw new Error(`the edit was not saved: ${JSON.stringify(m.reply).slice(0, 300)}`);
  }
  log(`one edit: 10 -> ${JSON.stringify(small.changes)}; 10,000 -> ${JSON.stringify(large.changes)}`);
  const keys = (m) => m.changes.map((c) => `${c.key} ${c.bytes} B`).join(' + ');
  row(10, 'bytes written to storage by one edit (the notes of one application), 10 applications', `${small.total} B (${keys(small)})`, '-', '-', '-', null);
  row(10, 'bytes written to storage by one edit (the notes of one application), 10,000 applications', `${large.total} B (${keys(large)})`, `10 applications: ${small.total} B`, x(large.total / small.total), 'equal', large.total === small.total);
}


async function main() {
  const started = Date.now();
  const only = process.env.BENCH_ONLY?.split(',').map(Number);
  const want = (n) => !only || only.includes(n);
  const ours = benchExtension();
  const browser = await launch(ours);
  const control = await browser.context.newPage();
  await control.goto(browser.url('blank.html'));
  try {
    if (want(1)) sizes();
    if (want(7)) await planTimes(browser);
    if (want(11)) await postingTimes(browser);
    if (want(12)) await insightsTimes(browser);
    if (want(2)) await popupOpen(browser, control);
    if (want(3)) await markSent(browser, control);
    if (want(13) || want(14)) await board(browser, control, want);
    if (want(6)) await memory(browser, control);
    if (want(10)) await bytesPerEdit(browser);
    if (want(5)) await composeMatch(browser);
    if (want(4)) {
      const baseline = await launch(baselineExtension());
      try {
        await workerStart(browser, baseline);
      } finally {
        await baseline.close();
      }
    }
    if (want(9) || want(8)) await control.evaluate((apps) => chrome.storage.local.clear().then(() => chrome.storage.local.set(apps)), seedItems(applications()));
    if (want(9)) await insertLatency(browser);
    if (want(8)) {
      const plainBrowser = await launch(null);
      try {
        await webmailCost(browser, plainBrowser);
      } finally {
        await plainBrowser.close();
      }
    }
  } finally {
    await browser.close();
    cleanUp();
  }
  const info = machine(browserVersion());
  const when = new Date().toISOString().replace(/\.\d+Z$/, ' UTC').replace('T', ' ');
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const text = [
    '# Benchmarks',
    '',
    'Written by `make bench` (scripts/bench.sh, tools/bench/). Each timing is the median of repeated runs; each ratio divides by a',
    'baseline measured in the same run, on the same browser, so a busy machine slows both. Not part of `make test`.',
    '',
    `- Date: ${when}`,
    `- Machine: ${info.cpu}, ${info.cores} cores; ${info.os}`,
    `- Browser: ${info.browser} (headless); Node ${info.node}`,
    `- Repeats: ${REPEATS} per timing (median), after one warm-up; browser part took ${seconds} s`,
    '',
    table(),
    '',
    '## How each figure is taken',
    '',
    '1. Sizes of the release build: each WebAssembly module in dist/pkg*/ as shipped and gzipped at level 9 in memory (the',
    '   budget applies to the modules the popup loads: those whose glue popup.html or popup.js names); each store zip in',
    '   dist/ as written.',
    '2. A copy of dist/chrome (never shipped) gets `blank.html` and a probe script run first in both pages. A new tab navigates to',
    '   popup.html; the time is `performance.now()` (0 = navigation start) when `#app` has `aria-busy="false"` and',
    '   `data-view="today"`: drawn by the popup\'s first module (dist/pkg-early) from the drawing the service worker stores',
    '   with today\'s summary, or by the full interface when there is none; the notes also give when the full interface',
    '   (dist/pkg, loaded after) had taken the page over (`data-early` removed from `#app`), from when on every control',
    '   works (a click before that is held and acted on then). Storage holds `demo_workload(n)` in the real layout',
    '   (examples/workload.rs writes it through the store) and today\'s summary with its drawing, which the service worker',
    '   builds after the seeding change: timing starts only once',
    '   `chrome.storage.local.get(\'today\')` holds one for today and n applications, and 2.5 s more (after each storage',
    '   change the worker runs sync a second later, which reads everything while no settings record is stored, as here), so',
    '   no figure times the worker\'s queue. The baseline is blank.html, opened alternately with the popup. The popup plans',
    '   for the real today.',
    '3. The same popup, seeded as in 2, once it has drawn Today and taken in its read of everything (the probe notes when',
    '   `chrome.storage.local.get(null)` resolved, and a timer set then fires after the page\'s continuation, which runs in',
    '   microtasks). The first "Mark sent" button on Today is clicked (Playwright, a real click); a capture-phase click',
    '   listener notes the click and a MutationObserver on `#app` the moment that row\'s element leaves the page. Successive',
    '   rows of the same popup, 2.5 s apart (as in 2); the first click of each popup is a warm-up; a popup that runs out of rows is',
    '   replaced by one on a fresh seed. The baseline is the same at 10 applications.',
    '4. The service worker is stopped (DevTools protocol `ServiceWorker.stopAllWorkers`), the badge set to a marker, then a',
    '   page of the extension sends it one message, which starts it; the time runs from the send until the badge is no longer',
    '   the marker (polled from the page). Storage is seeded as in 2, summary included. Baseline: a separate extension whose',
    '   worker only sets a constant badge, same steps, started alternately with the extension\'s.',
    '5. Storage as in 2, with the hiring manager of three applications at an address and domain no other contact has. The',
    '   worker is stopped as in 4, then a page of the extension sends `{type: \'compose/match\', recipients: [her address]}`;',
    '   the time runs from the send until the answer, which must propose one of her applications. One warm-up round.',
    '6. Storage as in 2 with 10,000 applications, and with none for the baseline; three rounds, medians. The popup: once',
    '   Today is drawn and everything read (as in 3), its live JS heap (DevTools `HeapProfiler.collectGarbage`, then',
    '   `Runtime.getHeapUsage` usedSize) and the byte length of every `WebAssembly.Memory` it instantiated (the probe keeps',
    '   them). The service worker, through a DevTools session with its target, the same two figures (the bench copy\'s',
    '   worker imports a probe first that keeps its memories): first as it is after building today\'s summary from',
    '   everything (and its sync run) and while the popup was opened (the worker was stopped before the seeding, so it starts fresh), then',
    '   just after it was stopped and started again by one message (as in 4) and had set the badge, and 1.5 s later, once',
    '   the sync run it schedules a second after every start has run.',
    '   WebAssembly memory only grows, so it shows the most the module needed since it started.',
    '7. Native: `cargo bench --bench plan` (the release settings, opt-level "z", as the wasm). WebAssembly: `benchPlan(10000, 31)` (src/web/bench.rs, built only',
    '   with the `bench` feature, release profile and wasm-opt as shipped), the same workload, settings and day (`demo_today()`),',
    '   in an extension page.',
    `8. The Gmail fixture (tests/fixtures/webmail) adds 60 inbox rows a frame and removes as many for ${CHURN_SECONDS} s, keeping 4,000 (some 12,000 elements);`,
    '   `Performance.getMetrics` ScriptDuration and TaskDuration deltas are divided by the rows churned; two runs each, in the',
    '   order without, with, with, without, summed. The baseline is the',
    '   same page in a second browser without the extension. Extra = (script with - script without) / task without; the ratio\n   column is script with / script without.',
    '9. The compose window is open with Dana as recipient (seeded contact); a capture-phase click listener on the page notes',
    '   the click, a MutationObserver on the body notes the draft greeting; the body is emptied between repeats.',
    '10. `chrome.storage.onChanged` during one `app/save` message (keys plus values, as stored) and 2.5 s after it, with',
    '   storage seeded as in 2 (so the summary the edit keeps current is written with it when the edit changes it).',
    '11. `demo_posting_page(1 MB)` (src/core/workload.rs): the collector\'s answer for a page whose JSON-LD JobPosting has a',
    '   description of about 1 MB of markup (kept: 100 KB of plain text). Native: `cargo bench --bench posting`; WebAssembly:',
    '   `benchReadPosting(1048576, 31)`, built as in 7. The popup does this once per opening, before "Save this job" shows.',
    '12. `cargo bench --bench insights` (release settings as in 7), the workload of 2 to 7: `Insights::from_actions` on the plan',
    '   made once beforehand (the insights page reuses the plan every page holds, so this is what opening it costs; the',
    '   budget), and `Insights::compute` (plan() and the figures) beside plan() alone, timed in the same run. WebAssembly:',
    '   `benchInsights(10000, 31)`, built as in 7, the figures from the plan.',
    '13. Storage as in 2 with 1,000 applications. A new tab navigates to tab.html (the full-tab page, which opens on the board);',
    '   the time is `performance.now()` when `#app` has `aria-busy="false"`, `data-view="board"` and the board\'s columns (drawn',
    '   once everything is read, not from the summary). The baseline is blank.html, opened alternately with the tab.',
    '14. The tab of 13, once its board is drawn and 2.5 s later. The first card of the Interviewing column is dragged by its next-action',
    '   line onto the References column\'s heading (Playwright `dragTo`: real mouse events, HTML5 drag and drop). A capture-phase',
    '   `drop` listener on the document notes the drop; a bubbling one, which runs after the page\'s own listener, finds the card in',
    '   its new column, forces style and layout, and notes the time. Successive cards, 2.5 s apart (as in 2), after one warm-up.',
    '',
    ...notes,
    '',
  ].join('\n');
  writeFileSync(join(root, 'BENCHMARKS.md'), text);
  console.log(table());
  console.log(`\n${notes.join('\n')}\nwritten to BENCHMARKS.md`);
}

/** Storage items for plain application objects (the harness layout: revision 1, JSON text). */
function seedItems(apps) {
  const items = { schema: JSON.stringify({ version: 2 }) };
  for (const app of apps) items[`app:${app.id}`] = JSON.stringify({ revision: 1, ...app });
  return items;
}

main().catch((error) => {
  cleanUp();
  console.error(error);
  process.exit(1);
});
