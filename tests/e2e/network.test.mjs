// Nothing leaves the machine: every request made while the extension is used (service worker,
// popup, options page, a webmail page with the content script, www/) is recorded, and each
// must be for the extension's own files, the routed webmail fixture itself, or www/'s local
// server. Two probe requests first prove the recorder sees the worker's and a page's traffic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, root, seed, serveFixture, SITE_CSP, isoDay } from './harness.mjs';
import { seedPage, serveStatic } from './hostile-data.mjs';

const APP = {
  id: 'acme',
  company: 'Acme',
  role: 'Data Engineer',
  postingUrl: 'https://acme.example/jobs/42',
  status: 'interviewing',
  decisionDate: isoDay(3),
  contacts: [{ id: 'dana', name: 'Dana Smith', email: 'dana@acme.io', hiringManager: true }],
  rounds: [{ id: 'r1', date: isoDay(0), kind: 'on-site', interviewers: [{ contactId: 'dana', points: ['pipelines'] }] }],
};
const PROBE = 'https://probe.followup.test';

let browser;
let www;
const requests = [];
const sockets = [];
const fulfilled = new Set();
before(async () => {
  browser = await launch();
  www = await serveStatic(join(root, 'dist/www'));
  browser.context.on('request', (r) => requests.push({ url: r.url(), worker: r.serviceWorker() !== null }));
  browser.context.on('page', (page) => page.on('websocket', (ws) => sockets.push(ws.url())));
  await browser.context.route(`${PROBE}/**`, (route) => route.fulfill({ status: 200, body: 'probe' }));
});
after(async () => {
  await browser?.close();
  await www?.close();
});

/** Sends `message` from the content-script world of the webmail tab. */
function fromWebmail(message) {
  return browser.worker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: (m) => chrome.runtime.sendMessage(m),
      args: [message],
    });
    return result;
  }, message);
}

async function ready(page) {
  await page.waitForFunction(() => document.readyState === 'complete'
    && document.querySelector('[aria-busy="true"]') === null, null, { timeout: 10000 });
}

test('the recorder sees requests of the service worker and of pages (control)', async () => {
  const status = await browser.worker.evaluate((url) => fetch(url).then((r) => r.status), `${PROBE}/worker`);
  assert.equal(status, 200);
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  await page.evaluate((url) => fetch(url).then((r) => r.text()), `${PROBE}/page`);
  await page.close();
  assert.ok(requests.some((r) => r.url === `${PROBE}/worker` && r.worker), JSON.stringify(requests));
  assert.ok(requests.some((r) => r.url === `${PROBE}/page` && !r.worker));
});

test('using the extension makes no request off the machine', async () => {
  const start = requests.length;
  await seed(browser.worker, [APP]);
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  // Registered last, so it runs first: notes the URL, then lets the fixture answer.
  await browser.context.route('https://mail.google.com/**', (route) => {
    fulfilled.add(route.request().url());
    return route.fallback();
  });

  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await ready(popup);
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await ready(options);

  const mail = await browser.context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/#inbox');
  await mail.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  const match = await fromWebmail({ type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c1' });
  assert.ok(match.pick, JSON.stringify(match));
  const draft = await fromWebmail({ type: 'offer/draft', offer: match.pick, compose: 'c1' });
  assert.equal(typeof draft.body, 'string', JSON.stringify(draft));

  // A save from the popup, a sent mark from the compose window, a backup round trip.
  const saved = await popup.evaluate((app) => chrome.runtime.sendMessage({ type: 'app/save', app }),
    { ...APP, revision: 1, notes: 'Met the team' });
  assert.equal(saved.error, undefined, JSON.stringify(saved));
  const sent = await fromWebmail({ type: 'offer/sent', offer: match.pick, compose: 'c1' });
  assert.equal(typeof sent.notice, 'string', JSON.stringify(sent));
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'badge/refresh' }));
  await popup.reload();
  await ready(popup);

  const served = www.requests.length;
  const site = await browser.context.newPage();
  await site.goto(`${www.origin}/index.html`);
  await seedPage(site, { applications: [{ ...APP, revision: 1 }], settings: { revision: 1 } });
  await site.reload();
  await ready(site);
  assert.ok(www.requests.length > served, 'www/ was served locally');

  // Let anything lazy (images, fonts, beacons on unload) happen before counting.
  await site.waitForTimeout(1000);
  for (const page of [popup, options, mail, site]) await page.close();
  await new Promise((resolve) => setTimeout(resolve, 500));

  const made = requests.slice(start).map((r) => r.url);
  assert.ok(made.some((u) => u.startsWith(`chrome-extension://${browser.id}/`)), 'extension files were loaded');
  const offMachine = made.filter((url) => !(
    url.startsWith(`chrome-extension://${browser.id}/`)
    || url.startsWith(`${www.origin}/`)
    || url.startsWith('data:')
    || url.startsWith('blob:')
    || (url.startsWith('https://mail.google.com/') && fulfilled.has(url))
  ));
  assert.deepEqual(offMachine, [], 'requests that would leave the machine');
  assert.deepEqual(sockets, [], 'web sockets');
});
