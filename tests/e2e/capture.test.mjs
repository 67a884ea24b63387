// "Save this job" in Chromium, end to end: posting fixtures served under their real
// addresses, the popup reading the tab, the form prefilled, the save, the notice naming the
// saved application on the next visit, and the description on the application's page.
//
// What this cannot show: the shipped extension reads a posting page through activeTab only,
// which the browser grants on a user's gesture (a click on the toolbar button, the keyboard
// shortcut, the "Save this job to Follow-up" menu item). A test cannot make that gesture, and
// opening popup.html in a tab is none. So these tests load the test build, whose manifest
// also grants the fixtures' three hosts (tools/assemble.mjs, POSTING_TEST_HOSTS), and open
// popup.html?tab=<id>: the glue then runs the same executeScript on that tab that it runs on
// the active tab of a real popup, allowed by the host permission instead of activeTab. The
// shipped manifest's hosts are checked below (and in manifest.test.mjs): webmail only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, launch, root, screenshot } from './harness.mjs';

const FIXTURES = join(root, 'tests/fixtures/postings');
const CAREERS = 'https://careers.northwind-traders.example/en-us/jobs/1234-data-analyst/?utm_source=linkedin&utm_medium=social#apply';
const GREENHOUSE = 'https://boards.greenhouse.io/acmerobotics/jobs/4012345?gh_src=a1b2c3d4';
const BLOG = 'https://blog.example.org/2026/03/how-to-follow-up';
const OFFLINE = 'https://blog.example.org/offline';
const ELSEWHERE = 'https://jobs.example.net/1';

let browser;
before(async () => {
  browser = await launch();
  const serve = (origin, name) =>
    browser.context.route(`${origin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, `${name}.html`), 'utf8') }),
    );
  await serve('https://careers.northwind-traders.example', 'careers');
  await serve('https://boards.greenhouse.io', 'greenhouse');
  await browser.context.route('https://blog.example.org/**', (route) =>
    route.request().url() === OFFLINE
      ? route.abort('internetdisconnected')
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, 'no-posting.html'), 'utf8') }),
  );
  await serve('https://jobs.example.net', 'careers');
});
after(async () => {
  await browser?.close();
});

/** Opens `address` in a tab and returns the tab's id. */
async function openTab(address) {
  const page = await browser.context.newPage();
  await page.goto(address).catch(() => {}); // an error page is a page too
  const tabId = await browser.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    // The tab's address where the extension may see it; else the last tab opened.
    const mine = tabs.find((t) => t.url?.split('#')[0] === url.split('#')[0]);
    return (mine ?? tabs.filter((t) => !t.url?.startsWith('chrome-extension:')).at(-1)).id;
  }, address);
  return { page, tabId };
}

/** The popup, reading tab `tabId`. */
async function popupFor(tabId) {
  const popup = await browser.context.newPage();
  await popup.goto(browser.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#app[aria-busy="false"]');
  return popup;
}

const value = (popup, name) => popup.inputValue(`[name="${name}"]`);


/** axe-core in light and dark, and a screenshot of each (`capture-<name>-...`). */
const checked = (page, name) => capture(page, `capture-${name}`);

test('the shipped manifest asks for no host beyond webmail', () => {
  const shipped = JSON.parse(readFileSync(join(root, 'dist/chrome/manifest.json'), 'utf8'));
  assert.ok(shipped.permissions.includes('activeTab') && shipped.permissions.includes('scripting'));
  assert.ok(shipped.host_permissions.every((p) => /^https:\/\/(mail\.google\.com|outlook\.)/.test(p)), shipped.host_permissions.join());
});

test('the "Save this job to Follow-up" menu item is registered on install', async () => {
  // contextMenus has no getter: updating an item that does not exist fails. The item is made
  // when the install event has been handled, which may come just after the worker starts.
  let updated;
  for (let i = 0; i < 100 && updated !== true; i += 1) {
    updated = await browser.worker.evaluate(() =>
      chrome.contextMenus.update('save-job', { title: chrome.i18n.getMessage('contextMenuSave') }).then(() => true, (e) => String(e)),
    );
    if (updated !== true) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(updated, true);
});

test('a posting page: the form prefilled, saved, then named on the next visit, its description on its page', async () => {
  const { page, tabId } = await openTab(CAREERS);
  const popup = await popupFor(tabId);
  await popup.waitForSelector('form[data-form="capture"]');
  assert.equal(await popup.textContent('section.capture h2'), 'Save this job');
  assert.equal(await value(popup, 'capture-company'), 'Northwind Traders');
  assert.equal(await value(popup, 'capture-role'), 'Data Analyst');
  assert.equal(await value(popup, 'capture-locations'), 'Leipzig, SN, DE; Vienna, AT');
  assert.equal(await popup.isChecked('[name="capture-remote"]'), true);
  assert.equal(await value(popup, 'capture-salary'), '52000–64000 EUR / year');
  assert.equal(await value(popup, 'capture-employment-type'), 'Full-time, Contract', 'schema.org codes in words');
  assert.equal(await value(popup, 'capture-date-posted'), '2026-03-02');
  assert.equal(await value(popup, 'capture-valid-through'), '2026-04-30');
  assert.equal(await value(popup, 'capture-url'), 'https://careers.northwind-traders.example/jobs/1234-data-analyst', 'tracking, language and fragment gone');
  assert.equal(await value(popup, 'capture-status'), 'applied');
  await checked(popup, 'form');

  await popup.click('form[data-form="capture"] button[type="submit"]');
  await popup.waitForSelector('section.capture.duplicate');
  await checked(popup, 'duplicate');
  assert.match(await popup.textContent('section.capture.duplicate'), /^You applied to Northwind Traders · Data Analyst on .+: Applied\.Open it$/);

  // Stored through the command path, with the posting's fields.
  const stored = await browser.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all).filter(([k]) => k.startsWith('app:')).map(([, v]) => JSON.parse(v));
  });
  assert.equal(stored.length, 1);
  const [app] = stored;
  assert.equal(app.revision, 1);
  assert.equal(app.postingUrl, 'https://careers.northwind-traders.example/jobs/1234-data-analyst');
  assert.deepEqual(app.posting.locations, ['Leipzig, SN, DE', 'Vienna, AT']);
  assert.equal(app.posting.remote, true);
  assert.equal(app.posting.source, 'json-ld');
  assert.equal(app.posting.employmentType, 'FULL_TIME, CONTRACTOR', 'stored as schema.org codes');
  assert.match(app.posting.description, /Turn our sales data into decisions\./);
  assert.doesNotMatch(app.posting.description, /<p>|<script>/, 'plain text, never markup');
  await popup.close();

  // The next visit names it instead of offering the form, and opens it.
  const again = await popupFor(tabId);
  await again.waitForSelector('section.capture.duplicate');
  assert.equal(await again.locator('form[data-form="capture"]').count(), 0);
  await again.click('section.capture [data-action="open-app"]');
  await again.waitForSelector('section.posting details');
  assert.match(await again.textContent('section.posting details summary'), /^As posted on /);
  assert.equal(await again.isVisible('section.posting .posting-text'), false, 'collapsed until asked');
  await again.click('section.posting details summary');
  assert.equal(await again.textContent('section.posting details p.hint'), 'Read from careers.northwind-traders.example (json-ld)');
  assert.match(await again.innerText('section.posting .posting-text'), /Turn our sales data into decisions\./);
  await checked(again, 'application');
  assert.equal(await again.locator('section.posting .posting-text *').count(), 0, 'text only, no elements');
  await again.close();
  await page.close();
});

test('a page with no posting offers the form with its address and title', async () => {
  const { page, tabId } = await openTab(BLOG);
  const popup = await popupFor(tabId);
  await popup.waitForSelector('[data-action="capture-expand"]');
  assert.equal(await popup.textContent('section.capture h2'), 'No job posting found on this page');
  assert.equal(await popup.locator('form[data-form="capture"]').count(), 0, 'one line until asked');
  await popup.click('[data-action="capture-expand"]');
  await popup.waitForSelector('form[data-form="capture"]');
  assert.equal(await popup.evaluate(() => document.activeElement?.name), 'capture-company');
  assert.equal(await value(popup, 'capture-url'), BLOG);
  assert.notEqual(await value(popup, 'capture-role'), '');
  assert.equal(await value(popup, 'capture-company'), '');
  await popup.close();
  await page.close();
});

test('a board that names the company oddly: the reader\'s words are kept for the user to check', async () => {
  const { page, tabId } = await openTab(GREENHOUSE);
  const popup = await popupFor(tabId);
  await popup.waitForSelector('form[data-form="capture"]');
  assert.equal(await value(popup, 'capture-role'), 'Firmware Engineer');
  assert.equal(await value(popup, 'capture-url'), 'https://boards.greenhouse.io/acmerobotics/jobs/4012345');
  await popup.close();
  await page.close();
});

test('a page the popup may not read is worded; one it cannot see offers nothing', async () => {
  // An error page on a host the test build may read: the browser refuses the script.
  const offline = await openTab(OFFLINE);
  const popup = await popupFor(offline.tabId);
  await popup.waitForSelector('section.capture p.message');
  assert.equal(
    await popup.textContent('section.capture p.message'),
    'Follow-up may not read this page. Open Follow-up again on the job posting, or add the application by hand.',
  );
  await popup.close();
  await offline.page.close();

  // A host the extension has no access to (no gesture granted activeTab): the browser does
  // not even say its address, so nothing is offered.
  const elsewhere = await openTab(ELSEWHERE);
  const quiet = await popupFor(elsewhere.tabId);
  await quiet.waitForTimeout(1000);
  assert.equal(await quiet.locator('section.capture').count(), 0);
  await quiet.close();
  await elsewhere.page.close();
  assert.deepEqual(browser.errors, []);
});
