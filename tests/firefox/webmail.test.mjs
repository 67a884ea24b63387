// Firefox ESR: the content scripts on Gmail and Outlook compose, reply and pop-out windows,
// Yahoo and Proton compose and reply windows, and the Gmail/Outlook drift fixtures for a
// compose window in an iframe, renamed classes and a missing toolbar. Fixtures are served
// under the real host names through WebDriver BiDi network interception (puppeteer's request
// interception), with each site's CSP. WebDriver BiDi cannot reach the extension's storage or
// pages without --remote-allow-system-access (see capture.test.mjs), so a copy of dist/firefox-test (dist/firefox with the test hooks) gets a small extra background module that seeds storage
// once at start-up; everything else is the packaged extension. A content script running on
// the real host names at all shows that Firefox granted the MV3 host permissions of the
// temporarily installed add-on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';
import { CASES, DANA, applications, driftCase, responseFor } from '../e2e/webmail-cases.mjs';

const root = resolve(import.meta.dirname, '../..');
let browser;
let profile;
let copy;
const timings = [];

before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'followup-ff-seeded-'));
  cpSync(join(root, 'dist/firefox-test'), copy, { recursive: true });
  const items = { schema: { version: 2 } };
  for (const app of applications()) items[`app:${app.id}`] = { revision: 1, ...app };
  writeFileSync(
    join(copy, 'test-seed.js'),
    `// Test only: the applications the webmail tests expect, written once.\n` +
      `chrome.storage.local.get('schema').then(({ schema }) => schema ? null : chrome.storage.local.set(${JSON.stringify(items)}));\n`,
  );
  // Yahoo and Proton are optional hosts; granted at install here, so that the service worker
  // registers their content scripts at start-up (Firefox cannot accept a prompt under BiDi).
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push(...manifest.optional_host_permissions);
  delete manifest.optional_host_permissions;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const background = readFileSync(join(copy, 'background.js'), 'utf8');
  writeFileSync(join(copy, 'background.js'), `import './test-seed.js';\n${background}`);
  profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  browser = await launchFirefox(profile);
  await browser.installExtension(copy);
});
after(async () => {
  await browser?.close();
  for (const dir of [profile, copy]) if (dir) rmSync(dir, { recursive: true, force: true });
  if (timings.length) console.log(`Firefox: compose appeared -> button present (ms): ${timings.join(', ')}`);
});

async function openPage(c) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const { contentType, body } = responseFor(c, request.url());
    request.respond({ status: 200, contentType, headers: { 'content-security-policy': c.csp }, body });
  });
  await page.goto(c.origin + c.url);
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  return { page, errors };
}

/** The body editor as the test knows it (Proton's is in an iframe). */
const BODY = (c) => {
  let doc = c.frame ? document.querySelector(c.frame).contentDocument : document;
  if (c.bodyFrame) doc = doc.querySelector(c.bodyFrame).contentDocument;
  return doc.querySelector(c.body);
};

/** Clicks our button where it is on screen (also inside a frame). */
async function clickButton(page, c, which = '[data-followup-button]') {
  const point = await page.evaluate(
    ({ frame, which }) => {
      const doc = frame ? document.querySelector(frame).contentDocument : document;
      const r = doc.querySelector(which).getBoundingClientRect();
      const f = frame ? document.querySelector(frame).getBoundingClientRect() : { left: 0, top: 0 };
      return { x: f.left + r.left + r.width / 2, y: f.top + r.top + r.height / 2 };
    },
    { frame: c.frame ?? null, which },
  );
  await page.mouse.click(point.x, point.y);
}
const bodyText = (page, c) => page.evaluate(`(${BODY})(${JSON.stringify(c)}).innerText`);

async function waitForText(page, c, text) {
  let last = '';
  for (let i = 0; i < 80; i += 1) {
    last = await bodyText(page, c);
    if (last.includes(text)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`body never contained ${JSON.stringify(text)}: ${JSON.stringify(last)}`);
}

/** Opens the compose window; ms from it appearing to our button present (page clock). */
function openCompose(page, c) {
  return page.evaluate(async ({ name, frame }) => {
    const doc = frame ? document.querySelector(frame).contentDocument : document;
    const start = window.openCompose(name);
    return new Promise((resolve) => {
      const check = () => doc.querySelector('[data-followup-button]') && (observer.disconnect(), resolve(performance.now() - start));
      const observer = new MutationObserver(check);
      observer.observe(doc, { childList: true, subtree: true });
      check();
      setTimeout(() => resolve(-1), 3000);
    });
  }, { name: c.open, frame: c.frame ?? null });
}

async function typeInBody(page, c) {
  await page.evaluate(`(() => {
    const body = (${BODY})(${JSON.stringify(c)});
    body.focus();
    const doc = body.ownerDocument;
    const range = doc.createRange();
    range.setStart(body, 0);
    range.collapse(true);
    doc.getSelection().removeAllRanges();
    doc.getSelection().addRange(range);
  })()`);
  await page.keyboard.type('AAA ZZZ');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
}

const DRIFT = [
  driftCase('gmail', 'drift-iframe', { frame: '#compose-dock' }),
  driftCase('outlook', 'drift-iframe', { frame: '#ReadingPaneContainerId' }),
  driftCase('gmail', 'drift-classes'),
];
for (const c of [...CASES.filter((x) => x.open || x.site === 'gmail' || x.site === 'outlook'), ...DRIFT]) {
  describe(`Firefox ${c.site} ${c.name}`, () => {
    test('the button appears within 200 ms; the draft goes in at the caret; Ctrl+Z removes it', async () => {
      const { page, errors } = await openPage(c);
      if (c.open) {
        const ms = await openCompose(page, c);
        timings.push(`${c.site}/${c.name} ${ms.toFixed(1)}`);
        assert.ok(ms >= 0 && ms <= 200, `button after ${ms} ms`);
      } else {
        await page.waitForSelector('[data-followup-button]', { timeout: 5000 });
      }
      await typeInBody(page, c);
      const before = await bodyText(page, c);
      await clickButton(page, c);
      const after = await waitForText(page, c, DANA.greeting);
      const at = after.indexOf(DANA.greeting);
      assert.ok(after.indexOf('AAA') < at && at < after.indexOf(' ZZZ'), JSON.stringify(after));
      assert.match(after, new RegExp(`${DANA.greeting}\\n\\n+${DANA.next}`), 'paragraphs are kept');
      assert.ok(after.includes('Acme & <Sons>'), 'markup characters stay text');
      const subject = () => page.evaluate((c) => (c.frame ? document.querySelector(c.frame).contentDocument : document).querySelector(c.subject)?.value, c);
      if (c.subjectBefore === '') assert.equal(await subject(), DANA.subject);
      else if (c.subjectBefore) assert.equal(await subject(), c.subjectBefore);
      await page.keyboard.down('Control');
      await page.keyboard.press('z');
      await page.keyboard.up('Control');
      assert.equal(await bodyText(page, c), before, 'Ctrl+Z takes the insertion out');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

for (const site of ['gmail', 'outlook']) {
  test(`Firefox ${site} (drift) toolbar gone: the button beside the focused body inserts`, async () => {
    const c = driftCase(site, 'drift-no-toolbar');
    const { page, errors } = await openPage(c);
    await page.evaluate((name) => window.openCompose(name), c.open);
    await typeInBody(page, c);
    await page.waitForSelector('[data-followup-button="floating"]', { timeout: 3000 });
    assert.equal(await page.$('[data-followup-button="toolbar"]'), null);
    await clickButton(page, c, '[data-followup-button="floating"]');
    const text = await waitForText(page, c, DANA.greeting);
    assert.ok(text.indexOf('AAA') < text.indexOf(DANA.greeting) && text.indexOf(DANA.greeting) < text.indexOf(' ZZZ'));
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Last: it changes the stored state the tests above rely on.
test('Firefox: Send records the action: the next compose to Dana gets the next follow-up', async () => {
  const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
  const { page, errors } = await openPage(c);
  await openCompose(page, c);
  await page.click('[data-followup-button]');
  await waitForText(page, c, DANA.greeting);
  await page.click(c.send);
  assert.equal(await page.evaluate(() => window.__sim.sent.length), 1);
  // The thank-you is done: Dana's open follow-up is now the first follow-up.
  let text = '';
  for (let i = 0; i < 20; i += 1) {
    await new Promise((r) => setTimeout(r, 150));
    await openCompose(page, c);
    await page.click('[data-followup-button]');
    text = await waitForText(page, c, 'Dana,');
    if (!text.includes(DANA.next)) break;
    await page.click(c.discard);
  }
  assert.ok(!text.includes(DANA.next), `still the thank-you: ${JSON.stringify(text)}`);
  assert.match(text, /where the process stands/, 'the first follow-up draft');
  assert.deepEqual(errors, []);
  await page.close();
});
