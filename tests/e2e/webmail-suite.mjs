// The per-site browser tests, shared by the test files that load the extension in Chromium
// (the packaged one, and a copy in which the optional webmail sites are already granted).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seed, badgeText, waitForBadge, screenshot } from './harness.mjs';
import { DANA, applications, responseFor } from './webmail-cases.mjs';

/** `ctx.browser` is the launched browser of the calling test file. */
export const ctx = { browser: null };

/** Where the tests find things in a fixture, independently of the extension's adapters. */
function locatorsInPage() {
  window.__doc = (c) => (c.frame ? document.querySelector(c.frame).contentDocument : document);
  window.__body = (c) => {
    let doc = window.__doc(c);
    if (c.bodyFrame) doc = doc.querySelector(c.bodyFrame)?.contentDocument;
    return doc?.querySelector(c.body) ?? null;
  };
}

/** Opens a fixture page; collects its uncaught errors and the extension's console warnings. */
export async function openPage(c) {
  const page = await ctx.browser.context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('Follow-up:') && warnings.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(locatorsInPage);
  await page.route(`${c.origin}/**`, (route) => {
    const { contentType, body } = responseFor(c, route.request().url());
    route.fulfill({ status: 200, contentType, headers: { 'content-security-policy': c.csp }, body });
  });
  await page.goto(c.origin + c.url);
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  return { page, warnings, errors };
}

/** Opens the case's compose window; returns ms from it appearing to our button present. */
export async function openCompose(page, c) {
  if (!c.open) {
    await buttonLocator(page, c).waitFor({ timeout: 5000 });
    return null;
  }
  const ms = await page.evaluate(async (c) => {
    const doc = window.__doc(c);
    const start = window.openCompose(c.open);
    return new Promise((resolve) => {
      const check = () => {
        if (doc.querySelector('[data-followup-button]')) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(doc, { childList: true, subtree: true });
      check();
      setTimeout(() => resolve(-1), 3000);
    });
  }, c);
  return ms;
}

export function inComposeDoc(page, c) {
  return c.frame ? page.frameLocator(c.frame) : page;
}

export function buttonLocator(page, c) {
  return inComposeDoc(page, c).locator('[data-followup-button]');
}

/** Puts the caret at the start of the body and types "AAA ZZZ", leaving the caret after "AAA". */
export async function typeInBody(page, c) {
  await page.evaluate((c) => {
    const body = window.__body(c);
    body.focus();
    const doc = body.ownerDocument;
    const range = doc.createRange();
    range.setStart(body, 0);
    range.collapse(true);
    doc.getSelection().removeAllRanges();
    doc.getSelection().addRange(range);
  }, c);
  await page.keyboard.type('AAA ZZZ');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
}

export const bodyText = (page, c) => page.evaluate((c) => window.__body(c).innerText, c);
const bodyTags = (page, c) => page.evaluate((c) => [...window.__body(c).querySelectorAll('*')].map((e) => e.tagName), c);
const subjectValue = (page, c) =>
  page.evaluate((c) => window.__doc(c).querySelector(c.subject)?.value ?? null, c);

export async function waitForText(page, c, text, timeout = 4000) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await bodyText(page, c);
    if (last.includes(text)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`body never contained ${JSON.stringify(text)}: ${JSON.stringify(last)}`);
}

/**
 * The buttons of our chooser or notice (`data-followup-chooser` / `data-followup-notice`):
 * they are drawn in the extension's frame, which the page cannot read; the test reaches it
 * as the browser does, and gets each button's text and its middle on the page (waiting up to
 * `timeout` ms for the frame to draw them).
 */
export async function shadowButtons(page, hostAttribute, timeout = 2000) {
  const kind = hostAttribute.replace('data-followup-', '');
  const end = Date.now() + timeout;
  for (;;) {
    const buttons = [];
    for (const frame of page.frames()) {
      if (frame.isDetached() || !/^chrome-extension:\/\/[^/]+\/frame\.html#/.test(frame.url())) continue;
      if (new URLSearchParams(new URL(frame.url()).hash.slice(1)).get('v') !== kind) continue;
      const found = frame.locator('button');
      for (let i = 0; i < (await found.count().catch(() => 0)); i += 1) {
        const box = await found.nth(i).boundingBox().catch(() => null);
        if (!box) continue;
        const text = (await found.nth(i).innerText()).replace(/\s+/g, ' ').trim();
        buttons.push({ text, x: box.x + box.width / 2, y: box.y + box.height / 2 });
      }
    }
    // The frame draws its buttons once it has loaded and the worker has answered.
    if (buttons.length || Date.now() > end) return buttons;
    await page.waitForTimeout(50);
  }
}

/** A little more than frame.js's SEEN_MS (300 ms) plus IntersectionObserver v2's delay. */
export const SEEN_MS = 500;

export async function clickShadowButton(page, hostAttribute, label) {
  let buttons = [];
  for (let i = 0; i < 40; i += 1) {
    buttons = await shadowButtons(page, hostAttribute);
    const hit = buttons.find((b) => b.text === label);
    // A pointer's click counts once the frame has been seen whole for a moment (frame.js).
    if (hit) {
      await page.waitForTimeout(SEEN_MS);
      return page.mouse.click(hit.x, hit.y);
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no ${label} button in [${hostAttribute}]: ${JSON.stringify(buttons.map((b) => b.text))}`);
}

export async function storedApp(id) {
  const stored = await ctx.browser.worker.evaluate((id) => chrome.storage.local.get(`app:${id}`).then((r) => r[`app:${id}`]), id);
  return typeof stored === 'string' ? JSON.parse(stored) : stored;
}

/** Figures of "compose appeared -> button present", printed at the end of the file. */
export const timings = [];

export function describeCase(c, label = c.site) {
  describe(`${label} ${c.name}`, () => {
    before(async () => {
      await seed(ctx.browser.worker, applications());
    });

    test('the button appears in the compose toolbar within 200 ms', async () => {
      const { page, errors } = await openPage(c);
      const ms = await openCompose(page, c);
      if (ms !== null) {
        timings.push({ c: `${c.site}/${c.name}`, ms });
        assert.ok(ms >= 0, 'the button never appeared');
        assert.ok(ms <= 200, `button after ${ms.toFixed(1)} ms`);
      }
      assert.equal(await buttonLocator(page, c).count(), 1, 'exactly one button per compose window');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('inserts the matched draft at the caret, keeps paragraphs, no markup; Ctrl+Z removes it', async () => {
      const { page, errors } = await openPage(c);
      await openCompose(page, c);
      await typeInBody(page, c);
      const before = await bodyText(page, c);
      const tagsBefore = await bodyTags(page, c);
      await buttonLocator(page, c).click();
      const after = await waitForText(page, c, DANA.greeting);
      // At the caret: between what was typed before and after it.
      const at = after.indexOf(DANA.greeting);
      assert.ok(after.indexOf('AAA') < at && at < after.indexOf(' ZZZ'), JSON.stringify(after));
      assert.ok(after.indexOf('Best regards,') < after.indexOf(' ZZZ'));
      assert.match(after, new RegExp(`${DANA.greeting}\\n\\n+${DANA.next}`), 'paragraphs are kept');
      assert.ok(after.includes('Acme & <Sons>'), 'markup characters stay text');
      const added = (await bodyTags(page, c)).filter((t) => !tagsBefore.includes(t));
      for (const tag of added) assert.ok(['DIV', 'BR', 'P', 'SPAN'].includes(tag), `created <${tag}>`);
      // The subject is filled only when it was empty.
      if (c.subjectBefore === '') assert.equal(await subjectValue(page, c), DANA.subject);
      else if (c.subjectBefore !== null) assert.equal(await subjectValue(page, c), c.subjectBefore);
      await page.keyboard.press('Control+z');
      assert.equal(await bodyText(page, c), before, 'Ctrl+Z takes the insertion out');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('Send records the action and the badge drops; Undo restores it', async () => {
      await seed(ctx.browser.worker, applications());
      const start = Number(await waitForBadge(ctx.browser.worker, '3'));
      const { page, errors } = await openPage(c);
      await openCompose(page, c);
      await buttonLocator(page, c).click();
      await waitForText(page, c, DANA.greeting);
      await inComposeDoc(page, c).locator(c.send).first().click();
      await waitForBadge(ctx.browser.worker, String(start - 1));
      const app = await storedApp('acme');
      assert.ok(JSON.stringify(app.history ?? []).includes(DANA.key), 'the send is in the history');
      await screenshot(page, `webmail-${c.site}-${c.name}-sent`);
      await clickShadowButton(page, 'data-followup-notice', 'Undo');
      await waitForBadge(ctx.browser.worker, String(start));
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a discarded compose window records nothing', async () => {
      await seed(ctx.browser.worker, applications());
      await waitForBadge(ctx.browser.worker, '3');
      const before = await storedApp('acme');
      const { page } = await openPage(c);
      await openCompose(page, c);
      await buttonLocator(page, c).click();
      await waitForText(page, c, DANA.greeting);
      await inComposeDoc(page, c).locator(c.discard).first().click();
      assert.equal(await page.evaluate(() => window.__sim.discarded), 1);
      await page.waitForTimeout(300);
      assert.equal(await badgeText(ctx.browser.worker), '3');
      assert.deepEqual(await storedApp('acme'), before);
      await page.close();
    });
  });
}

