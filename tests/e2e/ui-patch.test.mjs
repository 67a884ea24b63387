// The page is brought up to date rather than redrawn: an update keeps the very elements the
// user is working with (the focused field with its caret and selection, the rows of a list
// that did not change), and moves keyed rows instead of recreating them.
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

const drawn = (page) => page.waitForSelector('#app[aria-busy="false"]', { timeout: 10000 });

const interviewed = (id, company, name) => ({
  id, company, role: 'Analyst', status: 'interviewing',
  contacts: [{ id: 'c', name, email: `${id}@example.com` }],
  rounds: [{ id: 'r', date: isoDay(0), kind: 'video', interviewers: [{ contactId: 'c', points: [] }] }],
});

test('typing keeps its field, caret and selection through updates from elsewhere', async () => {
  await seed(browser.worker, [interviewed('acme', 'Acme', 'Dana Smith'), interviewed('beta', 'Beta', 'Lee Park')]);
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  await drawn(page);
  await page.click('[data-action="tab-apps"]');
  await page.waitForSelector('ul.app-list');
  await page.click('[name="search"]');
  await page.keyboard.type('analys');
  await page.waitForFunction(() => document.querySelectorAll('ul.app-list li').length === 2);
  await page.evaluate(() => {
    const field = document.querySelector('[name="search"]');
    field.setSelectionRange(1, 3);
    field.dataset.probe = 'same';
    document.querySelector('li[data-app="beta"]').dataset.probe = 'same';
  });
  // Another window adds an application: the list grows, the field is untouched.
  await seed(browser.worker, [
    interviewed('acme', 'Acme', 'Dana Smith'), interviewed('beta', 'Beta', 'Lee Park'), interviewed('aardvark', 'Aardvark', 'Ana Lyst'),
  ]);
  await page.waitForFunction(() => document.querySelectorAll('ul.app-list li').length === 3);
  const state = await page.evaluate(() => {
    const field = document.querySelector('[name="search"]');
    return {
      same: field.dataset.probe, focused: document.activeElement === field,
      start: field.selectionStart, end: field.selectionEnd, value: field.value,
      row: document.querySelector('li[data-app="beta"]').dataset.probe,
      order: [...document.querySelectorAll('ul.app-list li')].map((li) => li.dataset.app),
    };
  });
  assert.deepEqual(state, {
    same: 'same', focused: true, start: 1, end: 3, value: 'analys', row: 'same', order: ['aardvark', 'acme', 'beta'],
  });
  // Typing replaces the selection, as it would in any field.
  await page.keyboard.type('X');
  assert.equal(await page.inputValue('[name="search"]'), 'aXlys');
  await page.close();
});

test('acting on one action keeps the other rows and an open "another day" panel', async () => {
  await seed(browser.worker, [interviewed('acme', 'Acme', 'Dana Smith'), interviewed('beta', 'Beta', 'Lee Park')]);
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  await drawn(page);
  await page.waitForFunction(() => document.querySelectorAll('section.due li.action').length === 2);
  const beta = page.locator('section.due li.action[data-app="beta"]');
  await beta.locator('details.dated summary').click();
  await page.evaluate(() => { document.querySelector('section.due li.action[data-app="beta"]').dataset.probe = 'same'; });
  await page.locator('section.due li.action[data-app="acme"] [data-action="skip"]').click();
  await page.waitForSelector('.notice [data-action="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('section.due li.action').length === 1);
  assert.equal(await beta.getAttribute('data-probe'), 'same', 'the row was kept, not redrawn');
  assert.equal(await beta.locator('details.dated').getAttribute('open'), '', 'its panel is still open');
  await page.close();
});
