// Firefox ESR: a hostile Gmail page around the packaged extension (dist/firefox, no test
// hooks; a copy gets the seeding module of webmail.test.mjs). Page script looks for marks,
// reads the chooser with window.find, and clicks Send itself; the user's clicks are WebDriver
// BiDi input, which Firefox reports as trusted. Each probe has its control.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';
import { CASES, DANA, applications, responseFor } from '../e2e/webmail-cases.mjs';

const root = resolve(import.meta.dirname, '../..');
const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
const SECRETS = ['Lee Wong', 'Hana Ruiz', 'Analyst', 'Which follow-up', 'Thank-you email'];
let browser;
let profile;
let copy;

before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'followup-ff-hostile-'));
  cpSync(join(root, 'dist/firefox'), copy, { recursive: true });
  const items = { schema: { version: 2 } };
  for (const app of applications()) items[`app:${app.id}`] = { revision: 1, ...app };
  writeFileSync(
    join(copy, 'test-seed.js'),
    `// Test only: the applications the tests expect, written once.\n` +
      `chrome.storage.local.get('schema').then(({ schema }) => schema ? null : chrome.storage.local.set(${JSON.stringify(items)}));\n`,
  );
  const background = readFileSync(join(copy, 'background.js'), 'utf8');
  writeFileSync(join(copy, 'background.js'), `import './test-seed.js';\n${background}`);
  profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  browser = await launchFirefox(profile);
  await browser.installExtension(copy);
});
after(async () => {
  await browser?.close();
  for (const dir of [profile, copy]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage() {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const { contentType, body } = responseFor(c, request.url());
    request.respond({ status: 200, contentType, headers: { 'content-security-policy': c.csp }, body });
  });
  await page.goto(c.origin + c.url);
  return page;
}

/** Elements not from the page (its markup has no custom elements), as page script sees them. */
const foreign = (page) => page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-')).map((e) => {
  const r = e.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2, h: r.height, text: e.textContent, shadow: e.shadowRoot === null, attrs: e.getAttributeNames(), inCompose: Boolean(e.closest('[data-sim-compose]')) };
}));

async function waitFor(probe, what) {
  for (let i = 0; i < 80; i += 1) {
    const got = await probe();
    if (got) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

const read = (page, strings) => page.evaluate((strings) => Object.fromEntries(strings.map((s) => {
  getSelection().removeAllRanges();
  return [s, window.find(s, false, false, true) || document.documentElement.textContent.includes(s)];
})), strings);
const bodyText = (page) => page.evaluate((sel) => document.querySelector(sel)?.innerText ?? '', c.body);

test('Firefox: no mark on the page; the chooser is unreadable by window.find and the DOM', async () => {
  const page = await openPage();
  await new Promise((r) => setTimeout(r, 1000));
  const marks = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => /followup/i.test(n))));
  assert.deepEqual(marks, []);
  assert.deepEqual(await foreign(page), []);
  await page.evaluate((name) => window.openCompose(name), c.open);
  // The content script was there all along: the compose window gets its button.
  await waitFor(async () => (await foreign(page)).some((f) => f.inCompose), 'the button');
  await page.evaluate(() => {
    for (const input of document.querySelectorAll('form input[name="to"]')) input.value = 'friend@gmail.com';
    for (const chip of document.querySelectorAll('form [data-hovercard-id]')) chip.remove();
  });
  const button = (await foreign(page)).find((f) => f.inCompose);
  await page.mouse.click(button.x, button.y);
  const panel = await waitFor(async () => (await foreign(page)).find((f) => !f.inCompose && f.h > 100), 'the chooser');
  await new Promise((r) => setTimeout(r, 800));
  mkdirSync(join(root, 'tests/output/screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'tests/output/screenshots/firefox-hostile-chooser.png') });
  // The user sees the chooser's words (the frame draws them; the page cannot reach it).
  const words = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  assert.ok(words.some((w) => w.includes('Lee Wong')), `the chooser's words: ${JSON.stringify(words)}`);
  assert.equal(panel.text, '');
  assert.equal(panel.shadow, true, 'closed shadow root');
  assert.deepEqual(panel.attrs.filter((a) => a !== 'style'), []);
  const seen = await read(page, [...SECRETS, 'Globex Talent']);
  for (const s of SECRETS) assert.equal(seen[s], false, `the page read ${s}`);
  assert.equal(seen['Globex Talent'], true, 'control: window.find reads the page');
  assert.equal(await bodyText(page).then((t) => t.includes('Dear')), false, 'nothing inserted before a choice');
  await page.close();
});

test('Firefox: a Send click made by page script records nothing; the user\'s own Send does', async () => {
  const insert = async (page) => {
    await page.evaluate((name) => window.openCompose(name), c.open);
    const button = await waitFor(async () => (await foreign(page)).find((f) => f.inCompose), 'the button');
    await page.mouse.click(button.x, button.y);
    return waitFor(async () => ((await bodyText(page)).includes('Dana,') ? bodyText(page) : null), 'the draft');
  };
  const page = await openPage();
  assert.ok((await insert(page)).includes(DANA.next), 'the thank-you is drafted');
  await page.evaluate((send) => {
    document.querySelector(send).click();
  }, c.send);
  assert.equal(await page.evaluate(() => window.__sim.sent.length), 1, 'the page sent its message');
  await new Promise((r) => setTimeout(r, 800));
  // Not recorded: the next compose to Dana still gets the thank-you.
  assert.ok((await insert(page)).includes(DANA.next), 'a synthetic Send recorded the thank-you');
  // Control: the user's click on Send records it; the next draft is the follow-up.
  await page.click(c.send);
  let text = '';
  for (let i = 0; i < 20; i += 1) {
    await new Promise((r) => setTimeout(r, 150));
    text = await insert(page);
    if (!text.includes(DANA.next)) break;
    await page.click(c.discard);
  }
  assert.ok(!text.includes(DANA.next), `still the thank-you after a real Send: ${JSON.stringify(text)}`);
  await page.close();
});
