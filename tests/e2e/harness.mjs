// Shared set-up for the browser tests: Debian Chromium with dist/chrome loaded on a fresh
// profile, the extension's id and service worker, and webmail hosts served from fixtures.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
// The test build: the packaged extension plus marks on what its content script draws
// (tests/hooks/content-hooks.js). `shippedDir` is the package itself, without them.
export const extensionDir = process.env.FOLLOWUP_EXTENSION_DIR ?? join(root, 'dist/chrome-test');
export const shippedDir = join(root, 'dist/chrome');
export const screenshotDir = join(root, 'tests/output/screenshots');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';

/** CSP headers of the kind each webmail sends: strict nonces, Trusted Types where the site uses them. */
export const SITE_CSP = {
  gmail: "script-src 'nonce-fixture' 'strict-dynamic' 'report-sample' 'unsafe-eval'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'; trusted-types fixture",
  outlook: "script-src 'self' 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'",
  yahoo: "script-src 'self' 'nonce-fixture'; object-src 'none'",
  proton: "default-src 'self'; script-src 'self' 'nonce-fixture'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'none'; require-trusted-types-for 'script'",
};

/** Chromium flags for a quiet, offline browser: no background requests, updates or sync. */
export const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/**
 * Launches Chromium with the extension. Returns {context, worker, id, profile, close}.
 * `errors` collects uncaught page errors of every page, for tests to assert on.
 * `profile`: reuse this profile folder (a browser restart); `keepProfile`: leave the folder
 * in place on close, for the next launch to reuse (the caller removes it).
 */
export async function launch({ extension = extensionDir, headless = true, profile = undefined, keepProfile = false, language = undefined } = {}) {
  profile ??= mkdtempSync(join(tmpdir(), 'followup-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ...(language ? { locale: language } : {}),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...QUIET_FLAGS,
    ],
    viewport: { width: 1100, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const id = new URL(worker.url()).host;
  const errors = [];
  context.on('page', (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`)));
  return {
    context,
    worker,
    id,
    errors,
    profile,
    url: (path) => `chrome-extension://${id}/${path}`,
    async close() {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The badge text as the toolbar shows it. */
export function badgeText(worker) {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Waits until the badge shows `text` (the worker updates it after storage changes). */
export async function waitForBadge(worker, text, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await badgeText(worker);
    if (last === text) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`badge stayed ${JSON.stringify(last)}, expected ${JSON.stringify(text)}`);
}

/**
 * A copy of the test build in which the optional webmail sites (Yahoo, Proton) are granted at
 * install, as the options page would grant them (headless Chromium cannot accept the prompt).
 * Returns its folder; the caller removes it.
 */
export function grantedCopy(from = extensionDir) {
  const copy = mkdtempSync(join(tmpdir(), 'followup-granted-'));
  cpSync(from, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push(...manifest.optional_host_permissions);
  delete manifest.optional_host_permissions;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

/** Serves `file` (under tests/fixtures/webmail) at every URL of `origin` with `csp`. */
export async function serveFixture(context, origin, file, csp) {
  const body = readFileSync(join(root, 'tests/fixtures/webmail', file), 'utf8');
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: csp ? { 'content-security-policy': csp } : {},
      body,
    }),
  );
  // The script the fixtures share to behave like the live page is served beside them.
  await context.route(`${origin}/_fixture/page-sim.js`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(root, 'tests/fixtures/webmail/page-sim.js'), 'utf8') }),
  );
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Local date `days` from today as YYYY-MM-DD, matching what the extension calls today. */
export function isoDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Replaces everything in extension storage with `applications` (objects shaped like
 * src/core/model.rs `Application`, camelCase, ISO dates) and optional `settings`, in the
 * storage layout of the current schema: `schema`, `settings`, one `app:<id>` key each.
 */
export async function seed(worker, applications, settings = undefined) {
  await worker.evaluate(
    async ({ applications, settings }) => {
      await chrome.storage.local.clear();
      const items = { schema: { version: 2 } };
      for (const app of applications) items[`app:${app.id}`] = { revision: 1, ...app };
      if (settings) items.settings = settings;
      await chrome.storage.local.set(items);
    },
    { applications, settings },
  );
  await derivedSettled(worker, applications.length);
}

/**
 * Waits until the worker has built today's summary and the contacts index of `n` applications
 * written behind its back, and storage has been quiet since (at most 30 s).
 */
export async function derivedSettled(worker, n) {
  await worker.evaluate(async (n) => {
    let last = Date.now();
    const mark = () => { last = Date.now(); };
    chrome.storage.onChanged.addListener(mark);
    try {
      for (let i = 0; i < 1200; i += 1) {
        await new Promise((r) => setTimeout(r, 25));
        if (Date.now() - last < 1000) continue;
        const { today, index } = await chrome.storage.local.get(['today', 'index']);
        if (typeof today === 'string' && index !== undefined && JSON.parse(today).apps === n) return;
      }
    } finally {
      chrome.storage.onChanged.removeListener(mark);
    }
  }, n);
}

/** Serves the folder `dir` on 127.0.0.1 (a free port), as any static file server would. */
export async function serveDir(dir) {
  const types = {
    '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.json': 'application/json', '.png': 'image/png',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page and fails on any violation, naming each. */
export async function accessible(page, state) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${state}`);
}

/** axe-core in light and dark, and a screenshot of each (`<name>-light`, `<name>-dark`). */
export async function capture(page, name) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await accessible(page, `${name} (${scheme})`);
    await screenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

