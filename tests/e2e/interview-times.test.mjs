// Interview times on the full-tab page: the editor in two columns, driven from the keyboard
// (a bad length refused, Enter saves, Escape leaves), Today's line for the interview, the
// thank-you email for after it, and the calendar file with the interview at its time.
// axe-core checks the editor in light and dark; screenshots land in tests/output/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, launch, screenshot, root, seed, isoDay } from './harness.mjs';


let browser;
before(async () => {
  browser = await launch();
  await seed(browser.worker, [
    {
      id: 'acme',
      company: 'Acme Robotics',
      role: 'Data Engineer',
      status: 'interviewing',
      appliedOn: isoDay(-20),
      contacts: [{ id: 'dana', name: 'Dana Whitfield', email: 'dana@acme.example', hiringManager: true }],
      rounds: [{ id: 'onsite', date: isoDay(0), kind: 'On-site', interviewers: [{ contactId: 'dana', points: ['Streaming the nightly jobs'] }] }],
      history: [],
    },
  ]);
});
after(() => browser?.close());

const drawn = (page) => page.waitForSelector('#app[aria-busy="false"]', { timeout: 10000 });
// The browser writes times in its locale: "14:00" or "2:00 PM".
const at = (h24, h12) => new RegExp(`(${h24}|${h12}\\s?PM)`);

/** The page from its top, checked by axe-core and photographed in light and dark. */
async function captureTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await capture(page, name);
}

/** The stored application (JSON text as the worker writes it; an object as seeded). */
const stored = (id) =>
  browser.worker.evaluate(async (key) => {
    const value = (await chrome.storage.local.get(key))[key];
    return typeof value === 'string' ? JSON.parse(value) : value;
  }, `app:${id}`);

test('a time typed in the tab editor shows on Today and in the calendar file', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(browser.url('tab.html#apps'));
  await drawn(page);
  await page.click('[data-action="open-app"][data-app="acme"]');
  await page.waitForSelector('article.app.columns aside.side figure.timeline');
  await page.click('[data-action="edit-app"]');
  await page.waitForSelector('form[data-form="app"].columns');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'company', 'focus on the first field');

  // Two columns: what is edited on the left, the timeline and history on the right.
  const main = await page.locator('form.editor > .main').boundingBox();
  const side = await page.locator('form.editor > aside.side').boundingBox();
  assert.ok(side.x >= main.x + main.width, `the side column is right of the form: ${JSON.stringify({ main, side })}`);
  assert.ok(side.y < main.y + 200, 'side by side, not below');

  // The round's fields are reached from the keyboard in order: date, time, length, place, kind
  // (Tab also steps through the parts of a date or time field).
  await page.focus('[name="round.0.date"]');
  const order = ['round.0.date'];
  for (let i = 0; i < 16 && order.length < 5; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.name);
    if (name !== order.at(-1)) order.push(name);
  }
  assert.deepEqual(order, ['round.0.date', 'round.0.time', 'round.0.duration', 'round.0.place', 'round.0.kind']);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused field shows focus');

  await page.fill('[name="round.0.time"]', '14:00');
  await page.fill('[name="round.0.place"]', 'https://meet.example.com/acme-onsite');
  await page.fill('[name="round.0.duration"]', '90');
  await captureTop(page, 'editor-tab');
  // A length out of bounds is refused with its reason, and nothing is written.
  await page.fill('[name="round.0.duration"]', '1000');
  await page.press('[name="round.0.duration"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('.form-error').textContent.length > 0);
  assert.equal(
    await page.textContent('.form-error'),
    "An interview's length is a whole number of minutes from 5 to 600, not \u201c1000\u201d.",
  );
  assert.equal((await stored('acme')).rounds[0].time, undefined, 'a refused save writes nothing');
  await page.fill('[name="round.0.duration"]', '90');

  // Enter saves.
  await page.press('[name="round.0.place"]', 'Enter');
  await page.waitForSelector('article.app[data-app="acme"]');
  // The application's page is drawn from the answer to the write; storage is read here after
  // the worker has written it.
  let round;
  for (let i = 0; i < 100; i += 1) {
    round = (await stored('acme')).rounds[0];
    if (round.time !== undefined) break;
    await page.waitForTimeout(50);
  }
  assert.deepEqual([round.time, round.durationMinutes, round.place], ['14:00', 90, 'https://meet.example.com/acme-onsite']);
  const line = await page.textContent('ul.rounds li span');
  assert.match(line, at('14:00', '2:00'));
  assert.match(line, /\(90 min\)/);
  const link = page.locator('ul.rounds li p.place a');
  assert.equal(await link.getAttribute('href'), 'https://meet.example.com/acme-onsite');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'app-tab');

  // Escape leaves the editor without saving, back on the Edit button.
  await page.click('[data-action="edit-app"]');
  await page.waitForSelector('form[data-form="app"]');
  await page.fill('[name="round.0.time"]', '09:00');
  await page.keyboard.press('Escape');
  await page.waitForSelector('article.app[data-app="acme"]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'edit-app');
  assert.equal((await stored('acme')).rounds[0].time, '14:00');

  // Today names the interview, and the thank-you email is for after it.
  await page.click('[data-action="tab-today"]');
  await page.waitForSelector('section.interviews');
  const what = await page.textContent('section.interviews li.interview strong.what');
  assert.match(what, /^Interview today at /);
  assert.match(what, at('14:00', '2:00'));
  assert.match(what, / with Dana Whitfield$/);
  const when = await page.textContent('li.action[data-key^="thank-you-email"] .when');
  assert.match(when, /^today, after /);
  assert.match(when, at('15:30', '3:30'));
  await screenshot(page, 'today-interview-tab');

  // The same on a fresh page, drawn first from today's summary.
  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await popup.waitForSelector('section.interviews li.interview');
  assert.equal(await popup.textContent('section.interviews li.interview strong.what'), what);
  await popup.close();

  // The calendar file has the interview at its time, in floating local time, with its place.
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await drawn(options);
  const [download] = await Promise.all([options.waitForEvent('download'), options.click('[data-action="export-ics"]')]);
  const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
  const day = isoDay(0).replaceAll('-', '');
  assert.match(ics, new RegExp(`DTSTART:${day}T140000\r\n`), ics);
  assert.match(ics, new RegExp(`DTEND:${day}T153000\r\n`), ics);
  assert.match(ics, /LOCATION:https:\/\/meet\.example\.com\/acme-onsite\r\n/);
  await options.close();
  await page.close();
  assert.deepEqual(browser.errors, []);
});
