// Shared pieces of the benchmark (`make bench`): a bench-only copy of dist/chrome with a blank
// page and a timing probe, a baseline extension, browser launches on throw-away profiles, the
// workload in the storage layout, medians and the machine description.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, QUIET_FLAGS } from '../../tests/e2e/harness.mjs';

export const root = resolve(import.meta.dirname, '../..');

const temporary = [];
/** A temporary folder removed by `cleanUp()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `followup-bench-${prefix}-`));
  temporary.push(dir);
  return dir;
}
export function cleanUp() {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs in the measured pages before anything else: notes when `#app` is drawn with the Today
 * view (aria-busy="false", data-view="today"), whether the popup's first module drew it
 * (`data-early`) and when the full interface had taken it over, and when the full-tab page's board is drawn with its columns, how long each WebAssembly compile, storage
 * read and message to the service worker took, all on the page's clock (0 = navigation start),
 * the WebAssembly memories instantiated, when storage changes arrive, and when the first read of everything
 * (`chrome.storage.local.get(null)`) has been taken in: the page's continuation of that read
 * runs in microtasks, so a timer set when it resolves fires once the page has drawn it.
 */
const PROBE = `(() => {
  const probe = (globalThis.__bench = { drawn: null, early: false, interactive: null, loaded: null, calls: [], memories: [], changes: [] });
  const check = () => {
    const app = document.getElementById('app');
    const now = performance.now();
    if (probe.drawn === null && app && app.getAttribute('aria-busy') === 'false' && app.getAttribute('data-view') === 'today') {
      probe.drawn = now;
      probe.early = app.hasAttribute('data-early');
    }
    // The full interface has taken the popup's first drawing over (or drew Today itself).
    if (probe.drawn !== null && probe.interactive === null && !app.hasAttribute('data-early')) {
      probe.interactive = now;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-view', 'data-early'] });
  // The full-tab page: its board drawn with the columns (everything read), not the loading line.
  probe.board = null;
  const boardObserver = new MutationObserver(() => {
    if (probe.board === null && document.querySelector('#app[aria-busy="false"][data-view="board"] .board-columns')) {
      probe.board = performance.now();
      boardObserver.disconnect();
    }
  });
  boardObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-view'] });
  const keepMemory = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (!(instance instanceof WebAssembly.Instance)) return;
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) probe.memories.push(value);
  };
  probe.wasmBytes = () => probe.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  const timed = (owner, name, label) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      const start = performance.now();
      const result = original.apply(this, args);
      const everything = label === 'storage' && args[0] == null;
      Promise.resolve(result).then((value) => {
        probe.calls.push({ label, start, end: performance.now(), everything });
        if (label === 'wasm') keepMemory(value);
        if (everything) setTimeout(() => (probe.loaded ??= performance.now()), 0);
      }, () => {});
      return result;
    };
  };
  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) timed(WebAssembly, name, 'wasm');
  if (globalThis.chrome?.storage?.local) timed(chrome.storage.local, 'get', 'storage');
  if (globalThis.chrome?.runtime?.sendMessage) timed(chrome.runtime, 'sendMessage', 'message');
  // Added before the page's own listener, so it hears each storage change first.
  globalThis.chrome?.storage?.onChanged?.addListener(() => probe.changes.push(performance.now()));
})();
`;

/**
 * Imported first by the bench copy's service worker: keeps the WebAssembly memories the
 * worker instantiates where `Runtime.evaluate` finds them (`globalThis.__benchWasmBytes()`).
 */
const WORKER_PROBE = `const memories = [];
for (const name of ['instantiateStreaming', 'instantiate']) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    const result = original.apply(this, args);
    result.then((value) => {
      const instance = value instanceof WebAssembly.Instance ? value : value?.instance;
      for (const v of Object.values(instance?.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.push(v);
    }, () => {});
    return result;
  };
}
globalThis.__benchWasmBytes = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
`;

/** The baseline page: as small as an extension page gets, drawn as soon as it is parsed. */
const BLANK = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>blank</title><script src="bench-probe.js"></script></head>
<body><main id="app" aria-busy="false" data-view="today"></main></body></html>
`;

/**
 * A copy of dist/chrome-test (dist/chrome with the test hooks, which mark readiness and the
 * button) for measuring: the popup and the full-tab page load the probe first, `blank.html` is added
 * as the baseline page, and `bench-pkg/` holds the wasm built with the benchmark exports.
 * The shipped folder and zips are never touched.
 */
export function benchExtension() {
  const dir = tempDir('chrome');
  cpSync(join(root, 'dist/chrome-test'), dir, { recursive: true });
  writeFileSync(join(dir, 'bench-probe.js'), PROBE);
  writeFileSync(join(dir, 'blank.html'), BLANK);
  // The wasm built with the `bench` feature (benchPlan), beside the shipped one.
  cpSync(join(root, 'target/bench-pkg'), join(dir, 'bench-pkg'), { recursive: true });
  for (const page of ['popup.html', 'tab.html']) {
    const html = readFileSync(join(dir, page), 'utf8');
    if (!html.includes('<head>')) throw new Error(`${page} has no <head> to put the probe in`);
    writeFileSync(join(dir, page), html.replace('<head>', '<head>\n  <script src="bench-probe.js"></script>'));
  }
  // Imports run in order: the worker's probe is in place before the glue instantiates.
  writeFileSync(join(dir, 'bench-worker-probe.js'), WORKER_PROBE);
  const worker = readFileSync(join(dir, 'background.js'), 'utf8');
  writeFileSync(join(dir, 'background.js'), `import './bench-worker-probe.js';\n${worker}`);
  return dir;
}

/** The baseline extension: a service worker that sets a constant badge and answers messages. */
export function baselineExtension() {
  const dir = tempDir('baseline');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Baseline', version: '1.0', background: { service_worker: 'background.js', type: 'module' }, action: {} }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `chrome.runtime.onMessage.addListener((_m, _s, reply) => { reply({}); });\nchrome.action.setBadgeText({ text: '1' });\n`,
  );
  writeFileSync(join(dir, 'bench-probe.js'), PROBE);
  writeFileSync(join(dir, 'blank.html'), BLANK);
  return dir;
}

/** Chromium on a fresh profile, with `extension` loaded (or none). */
export async function launch(extension = null) {
  const context = await chromium.launchPersistentContext(tempDir('profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      ...QUIET_FLAGS,
    ],
    viewport: { width: 1100, height: 800 },
  });
  if (!extension) return { context, close: () => context.close() };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const id = new URL(worker.url()).host;
  return { context, worker, id, url: (path) => `chrome-extension://${id}/${path}`, close: () => context.close() };
}

const workloads = new Map();
/** `demo_workload(n)` as extension storage holds it: {key: stored JSON text}. */
export function workload(n) {
  if (!workloads.has(n)) {
    const out = execFileSync(join(root, 'target/release/examples/workload'), [String(n)], { maxBuffer: 1 << 30 });
    workloads.set(n, out.toString());
  }
  return workloads.get(n);
}

/** Replaces everything in the extension's storage with `entries` (a JSON text of key -> value). */
export async function seedEntries(page, json) {
  await page.evaluate(async (json) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(JSON.parse(json));
  }, json);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU model, cores, OS and browser version. */
export function machine(browserVersion) {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  let os = `Linux ${release()}`;
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty) os = `${pretty[1]}, kernel ${release()}`;
  } catch {
    // No os-release: the kernel alone.
  }
  return { cpu, cores: cpus().length, os, browser: browserVersion, node: process.version };
}

/** The browser's version as it reports it. */
export function browserVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Waits until the service worker has written today's summary for `apps` applications (it
 * builds it after a storage change that left none): what a user's browser holds after the
 * first badge of the day. `page` is a page of the extension. Seeding writes storage behind
 * the worker's back (a clear, then a set), which the worker notices and answers by building
 * its summary again; should a summary for other applications stay anyway, it is removed
 * here and the worker builds it again from what is stored.
 */
export async function waitForSummary(page, apps, timeout = 120000) {
  await untilSummary(page, apps, timeout);
  await sleep(QUIET_MS);
}

/**
 * How long the service worker stays busy after a storage change: it refreshes the badge at
 * once (building the summary and contacts index again after a write behind its back, some
 * seconds at 10,000 applications) and runs sync a second later. Measurements start this long
 * after a change, so they do not time the worker's queue.
 */
export const QUIET_MS = 2500;

async function untilSummary(page, apps, timeout) {
  const end = Date.now() + timeout;
  let removed = Date.now();
  for (;;) {
    // Polled from here: `waitForFunction` takes a promise for a truthy answer.
    const held = await page.evaluate(async () => {
      const raw = (await chrome.storage.local.get('today')).today;
      if (raw == null) return null;
      const summary = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const now = new Date();
      const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      return summary.day === day ? summary.apps : null;
    });
    if (held === apps) return;
    if (Date.now() > end) throw new Error(`no summary for ${apps} applications after ${timeout} ms (it holds ${held})`);
    if (held !== null && Date.now() - removed > 3000) {
      await page.evaluate(() => chrome.storage.local.remove('today'));
      removed = Date.now();
    }
    await sleep(100);
  }
}

/**
 * A DevTools session with the extension's service worker, reached through `cdp` (a page's
 * session): `send(method, params)` answers as `CDPSession.send` does.
 */
export async function workerSession(cdp, id) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`));
  if (!target) throw new Error('the service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const pending = new Map();
  const listener = ({ sessionId: from, message }) => {
    if (from !== sessionId) return;
    const m = JSON.parse(message);
    const settle = pending.get(m.id);
    if (!settle) return;
    pending.delete(m.id);
    if (m.error) settle.reject(new Error(`${m.error.message} (${JSON.stringify(m.error.data ?? '')})`));
    else settle.resolve(m.result);
  };
  cdp.on('Target.receivedMessageFromTarget', listener);
  return {
    send: (method, params = {}) => new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    }),
    detach: async () => {
      cdp.off('Target.receivedMessageFromTarget', listener);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}

/** A JS heap's live size: `Runtime.getHeapUsage` after a full garbage collection. */
export async function liveHeap(session) {
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}
