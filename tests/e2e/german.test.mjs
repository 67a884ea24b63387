// A German job seeker: the interface in German, an application whose correspondence is German
// (by default, from the interface language), a formal German thank-you shown in the popup and
// inserted into the Gmail fixture, its checks worded in German; a save refused because another
// window changed the application and backups refused for a bad date or a newer version, both
// shown in German with no English sentence of any coded message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, root, seed, isoDay, screenshot } from './harness.mjs';
import { CASES } from './webmail-cases.mjs';
import { loadWasm } from './storage-util.mjs';
import { buttonLocator, ctx, openCompose, openPage, typeInBody, waitForText } from './webmail-suite.mjs';

const GREETING = 'Sehr geehrte Frau Dr. Schmidt,';
const OPENING = 'vielen Dank für das Gespräch am';
const SUBJECT = 'Vielen Dank für das Gespräch zur Position Data Engineer';

/** Nordwind, interviewed today by Dana Schmidt (Frau Dr.), at the address of the Gmail fixture. */
const application = () => ({
  id: 'nordwind',
  company: 'Nordwind Analytik GmbH',
  role: 'Data Engineer',
  status: 'interviewing',
  contacts: [{ id: 'dana', name: 'Dana Schmidt', email: 'dana@acme.io', salutation: 'frau', academicTitle: 'Dr.' }],
  rounds: [{ id: 'r1', date: isoDay(0), kind: 'vor Ort', interviewers: [{ contactId: 'dana', points: ['Streaming statt nächtlicher Batch-Läufe'] }] }],
});

/** The text of the extension frames on the page (notices, checks), read as the browser does. */
async function noticeText(page) {
  for (let i = 0; i < 60; i += 1) {
    const texts = [];
    for (const frame of page.frames()) {
      if (frame.isDetached() || !/^chrome-extension:\/\/[^/]+\/frame\.html#/.test(frame.url())) continue;
      const text = await frame.locator('body').innerText().catch(() => '');
      if (text.trim()) texts.push(text.trim());
    }
    if (texts.length) return texts.join('\n');
    await page.waitForTimeout(50);
  }
  return '';
}

before(async () => {
  ctx.browser = await launch({ language: 'de' });
});
after(async () => {
  await ctx.browser?.close();
});

test('the popup shows the German thank-you, formal, with German checks', async () => {
  await seed(ctx.browser.worker, [application()]);
  const page = await ctx.browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(ctx.browser.url('popup.html'));
  const draftButton = page.locator('li.action[data-key="thank-you-email/r1/dana"] [data-action="draft"]');
  await draftButton.click();
  const body = page.locator('div.draft textarea');
  await body.waitFor();
  const text = await body.inputValue();
  assert.match(text, new RegExp(`^${GREETING}\\n\\n${OPENING} `), text);
  assert.ok(!/\b(Dear|Thank you|Best regards)\b/.test(text), text);
  assert.match(await page.textContent('div.draft p.subject'), new RegExp(SUBJECT));
  assert.match(await page.textContent('div.draft ul.warnings'), /Signatur/);
  await screenshot(page, 'popup-german-draft');
  await page.close();
});

test('the German thank-you is inserted into Gmail, its checks worded in German', async () => {
  await seed(ctx.browser.worker, [application()]);
  const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
  const { page, errors } = await openPage(c);
  await openCompose(page, c);
  await typeInBody(page, c);
  await buttonLocator(page, c).click();
  const text = await waitForText(page, c, GREETING);
  assert.match(text, new RegExp(`${GREETING}\\n\\n+${OPENING}`), text);
  assert.ok(text.includes('Mit freundlichen Grüßen'), text);
  assert.ok(!/\b(Dear|Thank you|Best regards)\b/.test(text), text);
  assert.equal(await page.evaluate((c) => window.__doc(c).querySelector(c.subject).value, c), SUBJECT);
  // No profile yet: the signature lacks name, email and phone, and the check says so in German.
  const notice = await noticeText(page);
  assert.match(notice, /Signatur|fehlen/, notice);
  assert.ok(!notice.includes('missing'), notice);
  await screenshot(page, 'gmail-german-thank-you');
  assert.deepEqual(errors, []);
  await page.close();
});

test('options: a holiday calendar file adds days off; a CSV picked by mistake is refused in German and changes nothing', async () => {
  await seed(ctx.browser.worker, [application()], { holidays: { own: ['2026-12-24'] } });
  const dir = mkdtempSync(join(tmpdir(), 'german-ics-'));
  try {
    const page = await ctx.browser.context.newPage();
    await page.goto(ctx.browser.url('options.html'));
    await page.waitForSelector('form[data-import="holidays"]');
    const stored = () => ctx.browser.worker.evaluate(() => chrome.storage.local.get(null));
    const pick = async (path) => {
      await page.setInputFiles('input[name="holiday-file"]', path);
      await page.click('form[data-import="holidays"] button[type="submit"]');
    };
    const csv = join(dir, 'bewerbungen.csv');
    writeFileSync(csv, 'Firma,Stelle,Status\r\nNordwind,Data Engineer,interviewing\r\n');
    const before = await stored();
    await pick(csv);
    const refused = page.locator('.notice .message.error');
    await refused.waitFor();
    assert.match(await refused.textContent(), /kein Kalender.*nichts importiert/);
    assert.deepEqual(await stored(), before, 'storage unchanged');

    await pick(join(root, 'tests/fixtures/ics/feiertage-bayern.ics'));
    await page.waitForFunction(() => document.querySelector('.notice .message:not(.error)')?.textContent.includes('Freie Tage hinzugefügt: 9'));
    const settings = (await stored()).settings;
    const saved = typeof settings === 'string' ? JSON.parse(settings) : settings;
    const own = (saved.settings ?? saved).holidays.own;
    assert.ok(own.includes('2026-06-04') && own.includes('2026-12-24') && own.includes('2026-12-26'), JSON.stringify(own));
    assert.ok(!own.includes('2026-10-02'), 'the timed event is no day off');
    assert.match(await page.inputValue('textarea[name="own-holidays"]'), /2026-06-04/);
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The fixed parts of every coded message's English text (`_locales/en`: planner problems,
 * storage, backup, calendar-file and command refusals, data-port errors), split at their
 * placeholders; parts of 12 characters or more, so that a value word like "text" is no match.
 */
function englishSentences() {
  const en = JSON.parse(readFileSync(join(root, 'extension/_locales/en/messages.json'), 'utf8'));
  const coded = /^(store|backup|value|op|error|storage|problem|ics)[A-Z]/;
  return Object.entries(en)
    .filter(([key]) => coded.test(key))
    .flatMap(([, { message }]) => message.split(/\{[A-Za-z]+\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 12);
}

function assertNoEnglish(text) {
  const found = englishSentences().filter((part) => text.includes(part));
  assert.deepEqual(found, [], `English in: ${text}`);
}

/** The error notice, once shown. */
async function errorNotice(page) {
  const notice = page.locator('.notice .message.error');
  await notice.waitFor();
  return (await notice.textContent()).trim();
}

test('a save refused because another window changed the application is worded in German', async () => {
  await seed(ctx.browser.worker, [application()]);
  const page = await ctx.browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(ctx.browser.url('popup.html'));
  await page.click('[data-action="tab-apps"]');
  await page.click('ul.app-list [data-action="open-app"]');
  await page.click('[data-action="edit-app"]');
  await page.fill('[name="role"]', 'Senior Data Engineer');
  // Another window saves the application meanwhile.
  await ctx.browser.worker.evaluate(async () => {
    const { 'app:nordwind': raw } = await chrome.storage.local.get('app:nordwind');
    const app = typeof raw === 'string' ? JSON.parse(raw) : raw;
    await chrome.storage.local.set({ 'app:nordwind': JSON.stringify({ ...app, revision: 5, notes: 'anderswo' }) });
  });
  await page.click('form[data-form="app"] button[type="submit"]');
  const text = await errorNotice(page);
  assert.match(text, /Bewerbung „nordwind“ wurde in einem anderen Fenster geändert \(gespeicherter Stand 5/, text);
  assert.match(text, /bitte nimm die Änderung noch einmal vor/, text);
  assertNoEnglish(text);
  const stored = await ctx.browser.worker.evaluate(() => chrome.storage.local.get('app:nordwind'));
  assert.equal(JSON.parse(stored['app:nordwind']).role, 'Data Engineer', 'the other window\'s version stays');
  await page.close();
});

test('backups refused for a bad date, a newer version or a wrong value are worded in German and change nothing', async () => {
  await seed(ctx.browser.worker, [application()]);
  const dir = mkdtempSync(join(tmpdir(), 'german-backup-'));
  try {
    const page = await ctx.browser.context.newPage();
    await page.goto(ctx.browser.url('options.html'));
    await loadWasm(page);
    const good = JSON.parse(await page.evaluate(async () => (await followupWasm).exportFile('backup')).then((f) => f.text));
    const stored = () => ctx.browser.worker.evaluate(() => chrome.storage.local.get(null));
    const before = await stored();
    const cases = [
      ['bad date', (d) => (d.applications[0].rounds[0].date = '2026-02-30'), /Bei applications\[0\]\.rounds\[0\]\.date \(Bewerbung „nordwind“\): „2026-02-30“ ist kein gültiges Datum/],
      ['newer version', (d) => (d.version = 7), /neueren Version von Follow-up \(Sicherungsversion 7; diese Version liest bis Version 1\)/],
      ['wrong value', (d) => (d.applications[0].revision = 'sieben'), /erwartet war eine ganze Zahl ab 0, gefunden wurde Text/],
      ['unknown event', (d) => (d.applications[0].history = [{ date: '2026-03-03', type: 'sent-twice' }]), /„sent-twice“ ist nicht einer der Werte/],
    ];
    for (const [name, change, expected] of cases) {
      const doc = structuredClone(good);
      change(doc);
      const file = join(dir, `${name.replaceAll(' ', '-')}.json`);
      writeFileSync(file, JSON.stringify(doc, null, 2));
      await page.setInputFiles('input[name="import-file"]', file);
      await page.click('form.import button[type="submit"]');
      const text = await errorNotice(page);
      assert.match(text, /^Nichts wurde geändert: /, `${name}: ${text}`);
      assert.match(text, expected, `${name}: ${text}`);
      assertNoEnglish(text);
      assert.deepEqual(await stored(), before, `${name}: storage unchanged`);
      await page.click('[data-action="dismiss"]').catch(() => {});
      await page.waitForSelector('.notice .message.error', { state: 'detached', timeout: 2000 }).catch(() => {});
    }
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
