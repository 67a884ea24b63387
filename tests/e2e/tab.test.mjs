// The full-tab page: opened from the popup's "Open in a tab" and the options page, on the
// board; the address's fragment picks the view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, isoDay } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
  await seed(browser.worker, [
    { id: 'acme', company: 'Acme Robotics', role: 'Data Engineer', status: 'applied', appliedOn: isoDay(-3), contacts: [], rounds: [], history: [] },
  ]);
});
after(() => browser?.close());

const drawn = (page) => page.waitForSelector('#app[aria-busy="false"]', { timeout: 10000 });

for (const from of ['popup.html', 'options.html']) {
  test(`"Open in a tab" on ${from} opens the board in a new tab`, async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(from));
    await drawn(page);
    const opened = browser.context.waitForEvent('page');
    await page.getByRole('button', { name: /Open Follow-up in a full tab/ }).click();
    const tab = await opened;
    await tab.waitForSelector('#app[data-view="board"]', { timeout: 10000 });
    assert.equal(new URL(tab.url()).pathname, '/tab.html');
    assert.equal(await tab.locator('#app').getAttribute('data-surface'), 'tab');
    assert.equal(await tab.locator('[data-action="tab-board"]').getAttribute('aria-selected'), 'true');
    await tab.close();
    await page.close();
  });
}

test('tab.html#today opens on Today', async () => {
  const tab = await browser.context.newPage();
  await tab.goto(browser.url('tab.html#today'));
  await tab.waitForSelector('#app[data-view="today"]', { timeout: 10000 });
  assert.equal(await tab.locator('[data-action="tab-today"]').getAttribute('aria-selected'), 'true');
  await tab.close();
  assert.deepEqual(browser.errors, []);
});

test('a tab left open past midnight plans for the new day', async () => {
  const tab = await browser.context.newPage();
  const evening = new Date(`${isoDay(0)}T23:58:00`);
  await tab.clock.install({ time: evening });
  await tab.goto(browser.url('tab.html#insights'));
  await tab.waitForSelector('#app[data-view="insights"] .insights-head', { timeout: 10000 });
  const asOf = () => tab.locator('.insights-head .hint').textContent();
  const before = await asOf();
  const day = (d) => String(d.getDate());
  assert.match(before, new RegExp(`\\b${day(evening)}\\b`));
  // The page looks at the date every minute: a few minutes later it is tomorrow.
  await tab.clock.runFor('05:00');
  const next = new Date(evening.getTime() + 5 * 60 * 1000);
  await tab.waitForFunction((old) => document.querySelector('.insights-head .hint')?.textContent !== old, before, { timeout: 5000 });
  assert.match(await asOf(), new RegExp(`\\b${day(next)}\\b`));
  await tab.close();
  assert.deepEqual(browser.errors, []);
});
