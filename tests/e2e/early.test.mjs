// The popup's first drawing: Today as the service worker drew it with today's summary, put in
// the page by a small module of its own before the full interface has loaded; the interface
// then takes the very same elements over (nothing is drawn twice), adds the rest of the rows,
// and acts on what was clicked meanwhile. (A drawing that is no longer true is never shown:
// tests/web.rs, where the records can be made stale without the worker building them again.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, isoDay } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const interviewed = (n) => ({
  id: `app-${String(n).padStart(2, '0')}`, company: `Company ${n}`, role: 'Analyst', status: 'interviewing',
  contacts: [{ id: 'c', name: `Person ${n}`, email: `p${n}@example.com` }],
  rounds: [{ id: 'r', date: isoDay(0), kind: 'video', interviewers: [{ contactId: 'c', points: [] }] }],
});

/**
 * Opens the popup with a watcher that notes what the first drawing showed (before the full
 * interface took over: `data-early` on the root), marks its first row, and clicks
 * `clickFirst` in it when given.
 */
async function openWatched(clickFirst = null) {
  const page = await browser.context.newPage();
  await page.addInitScript((clickFirst) => {
    const seen = (globalThis.__early = { drawn: null, takenOver: false });
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (!app) return;
      if (seen.drawn === null && app.hasAttribute('data-early')) {
        seen.drawn = {
          busy: app.getAttribute('aria-busy'),
          view: app.getAttribute('data-view'),
          rows: [...app.querySelectorAll('li.action')].map((li) => li.dataset.app),
          due: app.querySelectorAll('section.due li.action').length,
          heading: app.querySelector('section.due h2')?.textContent,
          lang: document.documentElement.lang,
        };
        const first = app.querySelector('li.action');
        if (first) first.dataset.probe = 'early';
        if (clickFirst) first?.querySelector(clickFirst)?.click();
      }
      if (seen.drawn !== null && !app.hasAttribute('data-early')) seen.takenOver = true;
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, clickFirst);
  await page.goto(browser.url('popup.html'));
  await page.waitForFunction(() => globalThis.__early?.takenOver === true || document.querySelectorAll('li.action').length > 10, null, { timeout: 10000 });
  return page;
}

const stored = (key) => browser.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], key);

test('the popup first shows Today as drawn with the summary, and the interface takes those very rows over', async () => {
  await seed(browser.worker, Array.from({ length: 12 }, (_, i) => interviewed(i + 1)));
  const record = JSON.parse(await stored('today-view'));
  assert.equal(record.day, isoDay(0));
  assert.equal(record.lang, 'en');

  const page = await openWatched();
  const early = await page.evaluate(() => globalThis.__early.drawn);
  assert.ok(early, 'the first drawing was shown');
  assert.equal(early.busy, 'false');
  assert.equal(early.view, 'today');
  assert.equal(early.lang, 'en');
  assert.equal(early.heading, 'Due now (12)');
  assert.equal(early.rows.length, 10, 'the first rows only');
  await page.waitForFunction(() => globalThis.__early.takenOver && document.querySelectorAll('section.due li.action').length === 12);
  const now = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('li.action')].map((li) => li.dataset.app),
    probe: document.querySelector('li.action').dataset.probe,
  }));
  assert.deepEqual(now.rows.slice(0, 10), early.rows, 'the same rows, in the same order, then the rest');
  assert.equal(now.probe, 'early', 'the first row is the element the first drawing made');
  // The interface works on them: another day's panel opens.
  await page.locator('li.action').first().locator('details.dated summary').click();
  await page.waitForSelector('li.action details.dated[open] input[type="date"]');
  await page.close();
});

test('a click on the first drawing before the interface has loaded is acted on once it has', async () => {
  await seed(browser.worker, Array.from({ length: 3 }, (_, i) => interviewed(i + 1)));
  const page = await openWatched('[data-action="sent"]');
  const early = await page.evaluate(() => globalThis.__early.drawn);
  assert.equal(early.due, 3);
  await page.waitForSelector('.notice [data-action="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('section.due li.action').length === 2);
  const app = JSON.parse(await stored(`app:${early.rows[0]}`));
  assert.ok(app.history.some((e) => e.type === 'sent' && e.action === 'thank-you-email/r/c'), JSON.stringify(app.history));
  await page.close();
});
