// "Save this job" in Firefox ESR, end to end, as tests/e2e/capture.test.mjs runs it in
// Chromium: a posting fixture served under its real address, the popup reading that tab, the
// form prefilled, the save, the notice naming the saved application on the next visit, and
// the description on the application's page; and a page with no posting.
//
// Like the Chromium test, this loads the test build, whose manifest also grants the fixtures'
// hosts (tools/assemble.mjs, POSTING_TEST_HOSTS): no test can make the gesture that grants
// activeTab. The popup is opened in a tab as popup.html?tab=<id>, the page the menu item
// opens where the browser cannot show the popup.
//
// Two things of Firefox's WebDriver BiDi shape how extension pages are opened here:
// - browsingContext.navigate refuses any address but http(s), file, blob and about:blank
//   ("Navigation to moz-extension://... is not allowed in this context") unless Firefox was
//   started with --remote-allow-system-access; the test starts it so.
// - Firefox sends no navigation events for pages in the extension process (its remote
//   NavigationManager leaves them out, bug 1755014), so Puppeteer's page.goto, which waits
//   for those events, never returns on a moz-extension:// page. The test sends BiDi's navigate
//   itself (through Puppeteer's frame) and waits for the page to be complete.
// The extension's address is fixed through the extensions.webextensions.uuids preference
// (Firefox gives every installation a random one otherwise).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, 'dist/firefox-test');
const FIXTURES = join(root, 'tests/fixtures/postings');
const CAREERS = 'https://careers.northwind-traders.example/en-us/jobs/1234-data-analyst/?utm_source=linkedin&utm_medium=social#apply';
const BLOG = 'https://blog.example.org/2026/03/how-to-follow-up';
const UUID = '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE = `moz-extension://${UUID}/`;
const GECKO_ID = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

let browser;
let profile;
/** An extension page kept open to ask the browser for tab ids and to read storage. */
let control;
const errors = [];

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  browser = await launchFirefox(profile, { args: ['--remote-allow-system-access'], prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) } });
  await browser.installExtension(extensionDir);
  control = await extensionPage('options.html');
});
after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens the extension's page at `path` in a new tab (see the top of this file). */
async function extensionPage(path) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.mainFrame().browsingContext.navigate(BASE + path, 'complete');
  assert.equal(await page.evaluate(() => location.href), BASE + path);
  return page;
}

/** Opens `address` in a tab, served from fixture `name`, and returns the tab's id. */
async function openTab(address, name) {
  const page = await browser.newPage();
  const body = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const own = request.url().split('#')[0] === address.split('#')[0];
    request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: own ? body : '<!doctype html><title>elsewhere</title>' });
  });
  await page.goto(address);
  const tabId = await control.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url?.split('#')[0] === url.split('#')[0])?.id ?? null;
  }, address);
  assert.ok(Number.isInteger(tabId), `the tab of ${address}`);
  return { page, tabId };
}

/** The popup, reading tab `tabId`. */
async function popupFor(tabId) {
  const popup = await extensionPage(`popup.html?tab=${tabId}`);
  await popup.waitForSelector('#app[aria-busy="false"]');
  return popup;
}

const value = (page, name) => page.$eval(`[name="${name}"]`, (e) => e.value);
const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const count = (page, selector) => page.$$eval(selector, (all) => all.length);

test('a posting page: the form prefilled, saved, then named on the next visit, its description on its page', async () => {
  const { page, tabId } = await openTab(CAREERS, 'careers');
  const popup = await popupFor(tabId);
  await popup.waitForSelector('form[data-form="capture"]');
  assert.equal(await text(popup, 'section.capture h2'), 'Save this job');
  assert.equal(await value(popup, 'capture-company'), 'Northwind Traders');
  assert.equal(await value(popup, 'capture-role'), 'Data Analyst');
  assert.equal(await value(popup, 'capture-locations'), 'Leipzig, SN, DE; Vienna, AT');
  assert.equal(await popup.$eval('[name="capture-remote"]', (e) => e.checked), true);
  assert.equal(await value(popup, 'capture-salary'), '52000–64000 EUR / year');
  assert.equal(await value(popup, 'capture-employment-type'), 'Full-time, Contract');
  assert.equal(await value(popup, 'capture-date-posted'), '2026-03-02');
  assert.equal(await value(popup, 'capture-valid-through'), '2026-04-30');
  assert.equal(await value(popup, 'capture-url'), 'https://careers.northwind-traders.example/jobs/1234-data-analyst');
  assert.equal(await value(popup, 'capture-status'), 'applied');

  await popup.click('form[data-form="capture"] button[type="submit"]');
  await popup.waitForSelector('section.capture.duplicate');
  assert.match(await text(popup, 'section.capture.duplicate'), /^You applied to Northwind Traders · Data Analyst on .+: Applied\.Open it$/);

  // Stored through the command path, with the posting's fields.
  const stored = await control.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all).filter(([k]) => k.startsWith('app:')).map(([, v]) => JSON.parse(v));
  });
  assert.equal(stored.length, 1);
  const [app] = stored;
  assert.equal(app.revision, 1);
  assert.equal(app.postingUrl, 'https://careers.northwind-traders.example/jobs/1234-data-analyst');
  assert.deepEqual(app.posting.locations, ['Leipzig, SN, DE', 'Vienna, AT']);
  assert.equal(app.posting.employmentType, 'FULL_TIME, CONTRACTOR');
  assert.equal(app.posting.source, 'json-ld');
  assert.match(app.posting.description, /Turn our sales data into decisions\./);
  await popup.close();

  // The next visit names it instead of offering the form, and opens it.
  const again = await popupFor(tabId);
  await again.waitForSelector('section.capture.duplicate');
  assert.equal(await count(again, 'form[data-form="capture"]'), 0);
  await again.click('section.capture [data-action="open-app"]');
  await again.waitForSelector('section.posting details');
  assert.match(await text(again, 'section.posting details summary'), /^As posted on /);
  assert.equal(await again.$eval('section.posting details', (d) => d.open), false, 'collapsed until asked');
  await again.click('section.posting details summary');
  await again.waitForSelector('section.posting details[open]');
  assert.equal(await text(again, 'section.posting details p.hint'), 'Read from careers.northwind-traders.example (json-ld)');
  assert.match(await again.$eval('section.posting .posting-text', (e) => e.innerText), /Turn our sales data into decisions\./);
  assert.equal(await count(again, 'section.posting .posting-text *'), 0, 'text only, no elements');
  await again.close();
  await page.close();
});

test('a page with no posting offers the form with its address and title', async () => {
  const { page, tabId } = await openTab(BLOG, 'no-posting');
  const popup = await popupFor(tabId);
  await popup.waitForSelector('[data-action="capture-expand"]');
  assert.equal(await text(popup, 'section.capture h2'), 'No job posting found on this page');
  assert.equal(await count(popup, 'form[data-form="capture"]'), 0, 'one line until asked');
  await popup.click('[data-action="capture-expand"]');
  await popup.waitForSelector('form[data-form="capture"]');
  assert.equal(await value(popup, 'capture-url'), BLOG);
  assert.notEqual(await value(popup, 'capture-role'), '');
  assert.equal(await value(popup, 'capture-company'), '');
  await popup.close();
  await page.close();
  assert.deepEqual(errors, []);
});
