// The board of the full-tab page in Chromium: a card dragged with the mouse from Applied to
// Interviewing and moved with the keyboard alone, each recorded in the application's history
// as the editor records a status change, and the popup showing the same; the date a
// rejection needs asked for; text and files dragged in from elsewhere move nothing; axe-core
// finds nothing in light and dark; screenshots in tests/output/screenshots (board-light,
// board-dark).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, launch, seed, isoDay, root, screenshot } from './harness.mjs';


const APPS = [
  { id: 'acme', company: 'Acme Robotics', role: 'Data Engineer', status: 'applied', appliedOn: isoDay(-9), contacts: [], rounds: [], history: [] },
  {
    id: 'globex', company: 'Globex', role: 'Analyst', status: 'interviewing', appliedOn: isoDay(-30),
    contacts: [{ id: 'c', name: 'Casey Park', email: 'casey@globex.example' }],
    rounds: [{ id: 'r', date: isoDay(-10), kind: 'on-site', interviewers: [{ contactId: 'c', points: [] }] }],
    history: [],
  },
  { id: 'initech', company: 'Initech', role: 'Platform Engineer', status: 'rejected', appliedOn: isoDay(-40), contacts: [], rounds: [], history: [] },
  { id: 'umbrella', company: 'Umbrella', role: 'Researcher', status: 'ghosted', appliedOn: isoDay(-20), contacts: [], rounds: [], history: [] },
];

let browser;
let tab;
before(async () => {
  browser = await launch();
  await seed(browser.worker, APPS);
  tab = await browser.context.newPage();
  await tab.goto(browser.url('tab.html'));
  await tab.waitForSelector('#app[data-view="board"] .board-columns', { timeout: 10000 });
});
after(() => browser?.close());

const column = (key) => tab.locator(`section.column[data-column="${key}"]`);
const card = (key, id) => column(key).locator(`li.card[data-card="${id}"]`);

/** The application as the extension stores it. */
async function storedApp(id) {
  const raw = await browser.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], `app:${id}`);
  return typeof raw === 'string' ? JSON.parse(raw) : raw;
}

/** Waits until storage holds `id` at `status` (the worker's write is awaited by the page). */
async function storedAt(id, status) {
  for (let i = 0; i < 100; i += 1) {
    const app = await storedApp(id);
    if (app.status === status) return app;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${id} never reached ${status} in storage`);
}



test('the board shows every status, an unknown one apart, overdue written out', async () => {
  const keys = await tab.locator('.board-columns section.column').evaluateAll((cols) => cols.map((c) => c.dataset.column));
  assert.deepEqual(keys, ['saved', 'applied', 'interviewing', 'references', 'offer', 'accepted', 'rejected', 'withdrawn', 'no-response', 'other']);
  assert.equal(await column('applied').locator('h2').textContent(), 'Applied (1)');
  assert.equal(await card('other', 'umbrella').locator('.status').textContent(), 'ghosted');
  // Rejected is folded until the closed columns are shown.
  assert.equal(await column('rejected').locator('li.card').count(), 0);
  assert.match(await card('interviewing', 'globex').locator('.flag').textContent(), /Overdue/);
  await capture(tab, 'board');
});

test('a card dragged with the mouse from Applied to Interviewing is recorded as the editor records it', async () => {
  const from = card('applied', 'acme');
  await from.locator('p.next').dragTo(column('interviewing').locator('h2'));
  await card('interviewing', 'acme').waitFor({ timeout: 5000 });
  assert.equal(await column('applied').locator('li.card').count(), 0);
  assert.equal(await tab.locator('.board-said').textContent(), 'Moved Acme Robotics, Data Engineer to Interviewing.');
  const app = await storedAt('acme', 'interviewing');
  assert.deepEqual(app.history, [{ date: isoDay(0), type: 'status', from: 'applied', to: 'interviewing' }]);
  assert.equal(app.revision, 2);
  assert.equal(await tab.locator('.column.over, .card.dragging').count(), 0);

  // The popup shows the same status and history.
  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await popup.waitForSelector('#app[aria-busy="false"]');
  await popup.click('[data-action="tab-apps"]');
  await popup.click('ul.app-list [data-action="open-app"][data-app="acme"]');
  assert.match(await popup.textContent('article.app .status'), /Interviewing/);
  assert.match(await popup.textContent('article.app'), /Applied → Interviewing|Interviewing/);
  await popup.close();
});

test('the same from the keyboard alone: the Move button, its list, focus kept on the card', async () => {
  const move = card('interviewing', 'acme').locator('[data-action="board-menu"]');
  await move.focus();
  await tab.keyboard.press('Enter');
  assert.equal(await move.getAttribute('aria-expanded'), 'true');
  // Focus is on the first column offered; Tab walks the list.
  const focused = () => tab.evaluate(() => [document.activeElement?.dataset.action, document.activeElement?.dataset.status]);
  assert.deepEqual(await focused(), ['move', 'saved']);
  await tab.keyboard.press('Tab'); // applied
  await tab.keyboard.press('Tab'); // references
  assert.deepEqual(await focused(), ['move', 'references']);
  await capture(tab, 'board-move-menu');
  await tab.keyboard.press('Enter');
  await card('references', 'acme').waitFor({ timeout: 5000 });
  assert.equal(await tab.locator('.board-said').textContent(), 'Moved Acme Robotics, Data Engineer to References requested.');
  assert.deepEqual(
    await tab.evaluate(() => [document.activeElement?.dataset.action, document.activeElement?.dataset.app, document.activeElement?.closest('section.column')?.dataset.column]),
    ['board-menu', 'acme', 'references'],
  );
  const app = await storedAt('acme', 'references');
  assert.deepEqual(app.history.at(-1), { date: isoDay(0), type: 'status', from: 'interviewing', to: 'references' });

  // A rejection asks for its day first; Enter in the date field confirms.
  await tab.keyboard.press('Enter');
  for (let i = 0; i < 5; i += 1) await tab.keyboard.press('Tab'); // from saved: applied, interviewing, offer, accepted, rejected
  assert.deepEqual(await focused(), ['move', 'rejected']);
  await tab.keyboard.press('Enter');
  const date = tab.locator('[name="move-date"]');
  assert.equal(await tab.evaluate(() => document.activeElement?.name), 'move-date');
  assert.equal(await date.inputValue(), isoDay(0));
  await capture(tab, 'board-move-date');
  await date.fill(isoDay(-2));
  await date.press('Enter');
  const rejected = await storedAt('acme', 'rejected');
  assert.deepEqual(rejected.history.at(-1), { date: isoDay(-2), type: 'status', from: 'references', to: 'rejected' });
  assert.equal(await tab.locator('.board-said').textContent(), 'Moved Acme Robotics, Data Engineer to Rejected.');
  // Focus followed the card into the Rejected column, which the move from the keyboard unfolded.
  assert.equal(await tab.locator('[name="board-closed"]').isChecked(), true);
  await card('rejected', 'acme').waitFor();
  assert.deepEqual(
    await tab.evaluate(() => [document.activeElement?.dataset.action, document.activeElement?.closest('section.column')?.dataset.column]),
    ['board-menu', 'rejected'],
  );
  assert.deepEqual(browser.errors, []);
});

test('text and files dragged in from elsewhere move nothing, even after a drag whose end was not seen', async () => {
  const before = await storedApp('globex');
  const outcome = await tab.evaluate(() => {
    const card = document.querySelector('li.card[data-card="globex"]');
    const column = document.querySelector('section.column[data-drop="offer"] h2');
    // A drag of the card starts on the board, and its end never reaches the page.
    card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    // Then text and a file from another window are dragged over a column and dropped.
    const foreign = new DataTransfer();
    foreign.setData('text/plain', 'globex');
    foreign.items.add(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: foreign });
    const taken = !column.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: foreign });
    const opened = column.dispatchEvent(drop);
    return { taken, opened };
  });
  // The column does not offer to take it, and the drop does not open the file in the tab.
  assert.deepEqual(outcome, { taken: false, opened: false });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await card('interviewing', 'globex').count(), 1);
  assert.equal(await column('offer').locator('li.card').count(), 0);
  assert.equal(await tab.locator('.column.over, form.move-date').count(), 0);
  assert.deepEqual(await storedApp('globex'), before);
  assert.deepEqual(browser.errors, []);
});
