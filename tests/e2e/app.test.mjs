// The popup, the options page and www/ driven as a job seeker uses them: add an application
// with two interviewers, act on the actions it produces, record a rejection, edit, delete;
// the badge follows every step. axe-core checks every state; screenshots (light and dark)
// of each screen land in tests/output/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, launch, waitForBadge, screenshot, root, seed, isoDay, serveDir } from './harness.mjs';


let browser;
let server;
let wwwUrl;
before(async () => {
  browser = await launch();
  // dist/www on a local static file server, as a user would serve it.
  server = await serveDir(join(root, 'dist/www'));
  wwwUrl = server.url;
});
after(async () => {
  await browser?.close();
  server?.close();
});



const drawn = (page) => page.waitForSelector('#app[aria-busy="false"]', { timeout: 10000 });
const item = (page, key) => page.locator(`li.action[data-key^="${key}"]`).first();

/**
 * The whole flow on one surface. `badge(text)` waits for the toolbar badge where there is
 * one (the extension) and does nothing in www/.
 */
async function flow(page, name, badge) {
  await drawn(page);
  await page.waitForSelector('[data-action="load-demo"]');
  await capture(page, `${name}-welcome`);

  // Add an application with two interviewers met today.
  await page.click('[data-action="new-app"]');
  await page.waitForSelector('form[data-form="app"]');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'company', 'focus moves to the first field');
  await page.fill('[name="company"]', 'Acme');
  await page.fill('[name="role"]', 'Data Engineer');
  await page.click('[data-action="add-contact"]');
  await page.fill('[name="contact.0.name"]', 'Dana Smith');
  await page.fill('[name="contact.0.email"]', 'dana@acme.example');
  await page.click('[data-action="add-contact"]');
  await page.fill('[name="contact.1.name"]', 'Lee Park');
  await page.fill('[name="contact.1.email"]', 'lee@acme.example');
  assert.equal(await page.inputValue('[name="contact.0.name"]'), 'Dana Smith', 'typed text survives a redraw');
  await page.click('[data-action="add-round"]');
  const boxes = page.locator('fieldset.interviewers input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.fill('textarea[name^="round.0.points."] >> nth=0', 'Streaming the nightly batch jobs\nData contracts');
  await capture(page, `${name}-editor`);
  // A bad email is refused with a message, and nothing is saved.
  await page.fill('[name="contact.1.email"]', 'not an address');
  await page.click('form[data-form="app"] button[type="submit"]');
  assert.match(await page.textContent('.form-error'), /not an address/);
  await page.fill('[name="contact.1.email"]', 'lee@acme.example');
  await page.click('form[data-form="app"] button[type="submit"]');
  await page.waitForSelector('article.app[data-view="app"]');
  await page.waitForSelector('figure.timeline svg circle');
  await capture(page, `${name}-application`);

  // Two thank-you emails, one per interviewer, due today.
  await page.click('[data-action="tab-today"]');
  await page.waitForSelector('li.action[data-key^="thank-you-email"]');
  assert.equal(await page.locator('section.due li.action[data-key^="thank-you-email"]').count(), 2);
  await badge('2');
  const texts = await page.locator('li.action .what').allTextContents();
  assert.ok(texts.some((t) => t.includes('Dana Smith')) && texts.some((t) => t.includes('Lee Park')), texts.join(' | '));
  assert.match(await item(page, 'thank-you-email').locator('.why').textContent(), /interview/);

  // The draft: personal, copyable, with compose links carrying it.
  await item(page, 'thank-you-email').locator('[data-action="draft"]').click();
  const body = await page.inputValue('.draft textarea');
  assert.match(body, /Dana|Lee/);
  const gmail = await page.getAttribute('.draft a[data-action="compose-gmail"]', 'href');
  assert.ok(gmail.startsWith('https://mail.google.com/mail/?view=cm'), gmail);
  assert.ok(gmail.includes('acme.example'), gmail);
  await capture(page, `${name}-today-draft`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.draft', { state: 'detached' });

  // Mark one sent: badge 1; undo puts it back; mark it again.
  await item(page, 'thank-you-email').locator('[data-action="sent"]').click();
  await page.waitForSelector('.notice [data-action="undo"]');
  await badge('1');
  assert.equal(await page.locator('section.due li.action').count(), 1);
  await page.click('.notice [data-action="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('section.due li.action').length === 2);
  await badge('2');
  await item(page, 'thank-you-email').locator('[data-action="sent"]').click();
  await page.waitForFunction(() => document.querySelectorAll('section.due li.action').length === 1);
  await badge('1');

  // Snooze the other to the next working day: nothing due, the badge is empty.
  const other = item(page, 'thank-you-email');
  await other.locator('details.dated summary').click();
  const calendar = await other.locator('.calendar-links a').first().getAttribute('href');
  assert.ok(calendar.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE'), calendar);
  assert.ok(calendar.includes(`dates=${isoDay(0).replaceAll('-', '')}/`), calendar);
  await other.locator('[data-action="snooze"]').click();
  await page.waitForFunction(() => !document.querySelector('section.due'));
  await badge('');
  assert.equal(await page.locator('li.action[data-state="snoozed"]').count(), 1);
  await capture(page, `${name}-today`);

  // Record a rejection: the feedback request appears; skip it.
  await page.click('[data-action="tab-apps"]');
  await page.waitForSelector('ul.app-list');
  await capture(page, `${name}-applications`);
  await page.fill('[name="search"]', 'nothing like it');
  await page.waitForSelector('.empty');
  await page.fill('[name="search"]', 'acme');
  await page.click('ul.app-list [data-action="open-app"]');
  await page.selectOption('form[data-form="record"] [name="event"]', 'rejected');
  await page.click('form[data-form="record"] button[type="submit"]');
  await page.waitForSelector('li.action[data-key^="ask-feedback"]');
  assert.match(await page.textContent('article.app .status'), /Rejected/);
  await item(page, 'ask-feedback').locator('[data-action="skip"]').click();
  await page.waitForSelector('li.action[data-key^="ask-feedback"][data-state="skipped"]');

  // Edit the role.
  await page.click('[data-action="edit-app"]');
  await page.fill('[name="role"]', 'Senior Data Engineer');
  await page.click('form[data-form="app"] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('article.app h2')?.textContent.includes('Senior Data Engineer'));

  // Delete, with a confirming second click.
  await page.click('[data-action="delete-app"]');
  await page.waitForSelector('[data-action="delete-app"].danger');
  await page.click('[data-action="delete-app"]');
  await page.waitForSelector('.empty');
  await badge('');
}

test('popup: add, act, record, edit, delete, with the badge following', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(browser.url('popup.html'));
  await flow(page, 'popup', (text) => waitForBadge(browser.worker, text));
  await page.close();
});

test('popup: sample data draws Today and a timeline; an overdue action turns the badge red', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(browser.url('popup.html'));
  await drawn(page);
  await page.click('[data-action="load-demo"]');
  await page.waitForSelector('.notice .message'); // shown once every sample is stored
  const count = await page.locator('section.due li.action, section.overdue li.action').count();
  await waitForBadge(browser.worker, String(count));
  await page.click('[data-action="tab-apps"]');
  await page.click('ul.app-list li[data-app="sample-acme"] [data-action="open-app"]');
  await page.waitForSelector('figure.timeline');
  await capture(page, 'popup-sample-application');

  // An overdue thank-you turns the badge red.
  await seed(browser.worker, [{
    id: 'late', company: 'Late Co', role: 'Analyst', status: 'interviewing',
    contacts: [{ id: 'c', name: 'Casey Late', email: 'casey@late.example' }],
    rounds: [{ id: 'r', date: isoDay(-10), kind: 'on-site', interviewers: [{ contactId: 'c', points: [] }] }],
  }]);
  await page.waitForFunction(() => !document.querySelector('[data-app="sample-acme"]'));
  await page.click('[data-action="tab-today"]');
  await page.waitForSelector('section.overdue li.action');
  const overdue = await page.locator('section.overdue li.action').count();
  await waitForBadge(browser.worker, String(overdue + await page.locator('section.due li.action').count()));
  const colour = await browser.worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
  assert.deepEqual(colour, [179, 38, 30, 255]);
  await page.close();
});

test('options page: settings, templates with live preview, exports', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.url('options.html'));
  await drawn(page);
  await page.waitForSelector('form[data-form="settings"]');
  await capture(page, 'options');
  // A bad day off is refused with its line; nothing is saved.
  await page.fill('[name="own-holidays"]', '2026-12-24\nChristmas');
  await page.click('form[data-form="settings"] button[type="submit"]');
  assert.match(await page.textContent('form[data-form="settings"] .form-error'), /Line 2/);
  await page.fill('[name="own-holidays"]', '2026-12-24');
  await page.fill('[name="profile-name"]', 'Robin Doe');
  await page.selectOption('[name="buffer"]', '3');
  await page.click('form[data-form="settings"] button[type="submit"]');
  await page.waitForSelector('.notice .message:not(.error)');
  const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
  const settings = JSON.parse(stored.settings);
  assert.equal(settings.profile.name, 'Robin Doe');
  assert.equal(settings.bufferDays, 3);
  assert.deepEqual(settings.holidays.own, ['2026-12-24']);

  // Template: the preview follows typing; an unclosed tag shows its position and is not saved.
  await page.fill('[name="template-text"]', 'Hello {{first_name}}');
  await page.waitForFunction(() => /Hello \S/.test(document.querySelector('.preview').textContent));
  await page.fill('[name="template-text"]', 'Hello {{first_name');
  await page.waitForFunction(() => document.querySelector('.template-error').textContent.length > 0);
  assert.match(await page.textContent('.template-error'), /\d/);
  await page.click('form[data-form="template"] button[type="submit"]');
  await page.waitForSelector('.notice .message.error');

  // Exports download real files.
  for (const [action, pattern] of [['export-backup', /\.json$/], ['export-csv', /\.csv$/], ['export-ics', /\.ics$/]]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
    assert.match(download.suggestedFilename(), pattern);
  }
  await page.close();
});

test('www/: the same flow in a normal tab, stored in localStorage', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(wwwUrl);
  await page.waitForSelector('aside.intro');
  await flow(page, 'www', async () => {});
  await page.click('[data-action="tab-settings"]');
  await page.waitForSelector('form[data-form="settings"]');
  await capture(page, 'www-settings');
  // The same board and insights as the extension's full-tab page.
  await page.click('[data-action="tab-board"]');
  await page.waitForSelector('#app[data-view="board"] .welcome');
  await page.click('[data-action="load-demo"]');
  await page.waitForSelector('#app[data-view="board"] .board-columns li.card');
  assert.ok((await page.locator('.board-columns .column').count()) >= 5, 'a column per open status');
  await page.click('[data-action="tab-insights"]');
  await page.waitForSelector('#app[data-view="insights"] .insight table');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes('followup.schema') || keys.some((k) => k.startsWith('followup.')), keys.join(','));
  await page.close();
});

test('no uncaught errors in any page', () => {
  assert.deepEqual(browser.errors, []);
});

test('the daily reminder: scheduled at the chosen time, and a notification when something is due', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.url('options.html'));
  await drawn(page);
  await page.check('[name="notify"]');
  await page.fill('[name="notify-at"]', '08:30');
  await page.click('form[data-form="settings"] button[type="submit"]');
  await page.waitForSelector('.notice .message:not(.error)');
  const alarm = await waitFor(() => browser.worker.evaluate(() => chrome.alarms.get('daily-reminder')), 'the alarm');
  const when = new Date(alarm.scheduledTime);
  assert.equal(`${when.getHours()}:${when.getMinutes()}`, '8:30');
  assert.ok(alarm.scheduledTime > Date.now() && alarm.scheduledTime - Date.now() <= 24 * 3600e3);

  // Fire it now, with something due: a notification appears, and the alarm is set again.
  await seed(browser.worker, [{
    id: 'due', company: 'Due Co', role: 'Analyst', status: 'interviewing',
    contacts: [{ id: 'c', name: 'Dee Due', email: 'dee@due.example' }],
    rounds: [{ id: 'r', date: isoDay(0), kind: 'video', interviewers: [{ contactId: 'c', points: [] }] }],
  }], JSON.parse((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings));
  // Let the worker finish reacting to the new storage (it sets the reminder's alarm again).
  await waitForBadge(browser.worker, '1');
  await new Promise((r) => setTimeout(r, 500));
  await browser.worker.evaluate(() => chrome.alarms.create('daily-reminder', { when: Date.now() + 100 }));
  const shown = await waitFor(async () => {
    const all = await browser.worker.evaluate(() => chrome.notifications.getAll());
    return all['daily-reminder'] ? all : null;
  }, 'the notification');
  assert.ok(shown['daily-reminder']);
  const again = await waitFor(async () => {
    const a = await browser.worker.evaluate(() => chrome.alarms.get('daily-reminder'));
    return a && a.scheduledTime > Date.now() + 60e3 ? a : null;
  }, 'the alarm set again');
  assert.equal(new Date(again.scheduledTime).getHours(), 8);

  // Off again: the alarm is gone.
  await page.reload();
  await drawn(page);
  await page.uncheck('[name="notify"]');
  await page.click('form[data-form="settings"] button[type="submit"]');
  await waitFor(async () => ((await browser.worker.evaluate(() => chrome.alarms.get('daily-reminder'))) ? null : true), 'the alarm cleared');
  await page.close();
});

/** Polls `probe` until it returns something truthy (5 s at most). */
async function waitFor(probe, what = String(probe)) {
  const end = Date.now() + 5000;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
