// The extension on Gmail and Outlook pages in Chromium: fixtures of each site's compose
// windows served under the real host names with the site's kind of CSP; the real service
// worker and storage answer. Our UI lives in closed shadow roots, so the tests reach it the
// way a user does: clicks at its position (found through the DevTools protocol) and the keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, waitForBadge } from './harness.mjs';
import { CASES, DANA, applications, driftCase } from './webmail-cases.mjs';
import { SEEN_MS, buttonLocator, bodyText, ctx, describeCase, openCompose, openPage, shadowButtons, timings, typeInBody, waitForText } from './webmail-suite.mjs';

before(async () => {
  ctx.browser = await launch();
});
after(async () => {
  await ctx.browser?.close();
  if (timings.length) console.log(`compose appeared -> button present (ms): ${timings.map((t) => `${t.c} ${t.ms.toFixed(1)}`).join(', ')}`);
});

for (const c of CASES) if (c.site === 'gmail' || c.site === 'outlook') describeCase(c);

describe('chooser', () => {
  const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
  before(async () => {
    await seed(ctx.browser.worker, applications());
  });

  /** Adds a To recipient the way Gmail records one (a chip and a hidden input). */
  const addRecipient = (page, email) =>
    page.evaluate((email) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'to';
      input.value = email;
      document.querySelector('form input[name="to"]').after(input);
    }, email);

  test('several equally good choices: a keyboard-usable list; the chosen draft is inserted', async () => {
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    await addRecipient(page, 'lee@acme.io');
    await typeInBody(page, c);
    await buttonLocator(page, c).click();
    const labels = (await (async () => {
      for (let i = 0; i < 40; i += 1) {
        const b = await shadowButtons(page, 'data-followup-chooser');
        if (b.length) return b;
        await page.waitForTimeout(50);
      }
      return [];
    })()).map((b) => b.text);
    assert.ok(labels.some((l) => l.includes('Dana Smith')) && labels.some((l) => l.includes('Lee Wong')), JSON.stringify(labels));
    assert.ok(!(await bodyText(page, c)).includes('Dear'), 'nothing inserted before a choice');
    // First item is focused; ArrowDown moves to the second (Lee), Enter takes it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const text = await waitForText(page, c, 'Dear Lee,');
    assert.ok(!text.includes(DANA.greeting));
    assert.equal(await page.locator('[data-followup-chooser]').count(), 0, 'the chooser closed');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a faded chooser ignores a real click; seen whole, the same click inserts', async () => {
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    await addRecipient(page, 'lee@acme.io');
    await typeInBody(page, c);
    await buttonLocator(page, c).click();
    await page.waitForSelector('[data-followup-chooser]');
    const lee = async () => (await shadowButtons(page, 'data-followup-chooser')).find((b) => b.text.includes('Lee Wong'));
    assert.ok(await lee());
    await page.evaluate(() => document.querySelector('[data-followup-chooser]').style.setProperty('opacity', '0.05', 'important'));
    await page.waitForTimeout(SEEN_MS);
    const faded = await lee();
    await page.mouse.click(faded.x, faded.y);
    await page.waitForTimeout(400);
    assert.ok(!(await bodyText(page, c)).includes('Dear Lee,'), 'a click on a faded chooser inserts nothing');
    await page.evaluate(() => document.querySelector('[data-followup-chooser]').style.removeProperty('opacity'));
    await page.waitForTimeout(SEEN_MS);
    const seen = await lee();
    await page.mouse.click(seen.x, seen.y);
    await waitForText(page, c, 'Dear Lee,');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('no recipient fits: every open follow-up is offered; Escape closes and inserts nothing', async () => {
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('form input[name="to"]')) input.value = 'friend@gmail.com';
      for (const chip of document.querySelectorAll('form [data-hovercard-id]')) chip.remove();
    });
    await typeInBody(page, c);
    const before = await bodyText(page, c);
    await buttonLocator(page, c).click();
    await page.waitForSelector('[data-followup-chooser]');
    const labels = (await shadowButtons(page, 'data-followup-chooser')).map((b) => b.text);
    for (const who of ['Dana Smith', 'Lee Wong', 'Hana Ruiz']) assert.ok(labels.some((l) => l.includes(who)), `${who} offered: ${labels}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-followup-chooser]', { state: 'detached' });
    assert.equal(await page.evaluate(() => window.__sim.escapes), 0, 'Escape did not reach the page');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.__sim.escapes), 1, 'the page sees its own Escape again');
    assert.equal(await bodyText(page, c), before);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('keyboard shortcut', () => {
  // Key events sent by automation go to the page, never to the browser's accelerators (also
  // in a headed window), so the test checks the binding and then delivers the command through
  // the worker's own onCommand listeners, as the browser does when the keys are pressed.
  test('Alt+Shift+F is bound; the command inserts into the compose window holding the focus', async () => {
    const commands = await ctx.browser.worker.evaluate(() => chrome.commands.getAll());
    assert.equal(commands.find((x) => x.name === 'insert-follow-up')?.shortcut, 'Alt+Shift+F');
    await seed(ctx.browser.worker, applications());
    const c = CASES.find((x) => x.site === 'outlook' && x.name === 'compose');
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    await typeInBody(page, c);
    await page.bringToFront();
    await ctx.browser.worker.evaluate(() => chrome.commands.onCommand.dispatch('insert-follow-up'));
    const text = await waitForText(page, c, DANA.greeting);
    assert.ok(text.indexOf('AAA') < text.indexOf(DANA.greeting) && text.indexOf(DANA.greeting) < text.indexOf(' ZZZ'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the command on a tab without a compose window changes nothing and throws nothing', async () => {
    const c = CASES.find((x) => x.site === 'gmail' && x.name === 'reply');
    const { page, errors } = await openPage(c);
    await page.bringToFront();
    await ctx.browser.worker.evaluate(() => chrome.commands.onCommand.dispatch('insert-follow-up'));
    await page.waitForSelector('[data-followup-notice]');
    assert.equal(await page.locator('[data-followup-chooser]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// Markup drift: the site changed, the page keeps working, the extension degrades visibly.
const DRIFT = {
  gmail: { frame: '#compose-dock' },
  outlook: { frame: '#ReadingPaneContainerId', classesBody: '[contenteditable="true"][aria-multiline="true"]' },
};

for (const site of ['gmail', 'outlook']) {
  // Classes renamed: the stable attributes still find everything.
  describeCase(driftCase(site, 'drift-classes', DRIFT[site].classesBody ? { body: DRIFT[site].classesBody } : {}), `${site} (drift)`);
  // The compose window inside a same-origin iframe.
  describeCase(driftCase(site, 'drift-iframe', { frame: DRIFT[site].frame }), `${site} (drift)`);

  describe(`${site} (drift) toolbar gone`, () => {
    const c = driftCase(site, 'drift-no-toolbar');
    test('a small button beside the focused body inserts; Ctrl+Enter still records the send; one warning', async () => {
      await seed(ctx.browser.worker, applications());
      const start = Number(await waitForBadge(ctx.browser.worker, '3'));
      const { page, errors, warnings } = await openPage(c);
      await page.evaluate((c) => window.openCompose(c.open), c);
      await page.waitForTimeout(600);
      assert.equal(await page.locator('[data-followup-button="toolbar"]').count(), 0);
      await typeInBody(page, c);
      const floating = page.locator('[data-followup-button="floating"]');
      await floating.waitFor({ timeout: 2000 });
      await floating.click();
      const text = await waitForText(page, c, DANA.greeting);
      assert.ok(text.indexOf('AAA') < text.indexOf(DANA.greeting) && text.indexOf(DANA.greeting) < text.indexOf(' ZZZ'));
      await page.evaluate((c) => window.__body(c).focus(), c);
      await page.keyboard.press('Control+Enter');
      await waitForBadge(ctx.browser.worker, String(start - 1));
      assert.equal(warnings.filter((w) => /toolbar/.test(w)).length, 1, JSON.stringify(warnings));
      assert.deepEqual(errors, []);
      await page.close();
    });
  });

  describe(`${site} (drift) To field missing`, () => {
    const c = driftCase(site, 'drift-no-to');
    test('every open follow-up is offered; the chosen draft goes into the body only; one warning', async () => {
      await seed(ctx.browser.worker, applications());
      const { page, errors, warnings } = await openPage(c);
      await openCompose(page, c);
      await typeInBody(page, c);
      const subjectBefore = await page.evaluate((c) => document.querySelector(c.subject).value, c);
      await buttonLocator(page, c).click();
      await page.waitForSelector('[data-followup-chooser]');
      const labels = (await shadowButtons(page, 'data-followup-chooser')).map((b) => b.text);
      for (const who of ['Dana Smith', 'Lee Wong', 'Hana Ruiz']) assert.ok(labels.some((l) => l.includes(who)), `${who}: ${labels}`);
      await page.keyboard.press('Enter');
      const text = await waitForText(page, c, 'Dear ');
      assert.ok(text.indexOf('AAA') < text.indexOf('Dear '));
      assert.equal(subjectBefore, '');
      assert.match(await page.evaluate((c) => document.querySelector(c.subject).value, c), /^Thank you for the/);
      assert.equal(warnings.filter((w) => /To field/.test(w)).length, 1, JSON.stringify(warnings));
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

describe('gmail (drift) body missing', () => {
  const c = driftCase('gmail', 'drift-no-body', { body: '.q1x' });
  test('the draft goes to the clipboard with a notice; nothing is written into the page', async () => {
    await seed(ctx.browser.worker, applications());
    await ctx.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.origin });
    const { page, errors, warnings } = await openPage(c);
    await openCompose(page, c);
    const fields = () => page.evaluate(() => [...document.querySelectorAll('[data-sim-compose] input, [data-sim-compose] [contenteditable]')].map((e) => e.value ?? e.innerText));
    const before = await fields();
    await buttonLocator(page, c).click();
    let copied = '';
    for (let i = 0; i < 40 && !copied.includes(DANA.greeting); i += 1) {
      await page.waitForTimeout(50);
      copied = await page.evaluate(() => navigator.clipboard.readText());
    }
    assert.ok(copied.startsWith(`${DANA.subject}\n\n${DANA.greeting}`), JSON.stringify(copied));
    const notice = await shadowButtons(page, 'data-followup-notice');
    assert.ok(notice.length > 0, 'a notice is shown');
    assert.deepEqual(await fields(), before, 'no field of the compose window changed');
    assert.equal(warnings.filter((w) => /message body/.test(w)).length, 1, JSON.stringify(warnings));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('optional sites (Yahoo, Proton) in the packaged extension', () => {
  test('nothing runs on them while not granted; a withdrawn grant removes a registration', async () => {
    const ids = () => ctx.browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id)));
    assert.deepEqual(await ids(), []);
    const c = CASES.find((x) => x.site === 'yahoo' && x.name === 'popout');
    const page = await ctx.browser.context.newPage();
    await page.route(`${c.origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Yahoo</p>' }));
    await page.goto(c.origin + c.url);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-followup')), null);
    await page.close();
    // A registration left from an earlier grant goes when the permission is withdrawn.
    await ctx.browser.worker.evaluate(() =>
      chrome.scripting.registerContentScripts([{ id: 'followup-yahoo', matches: ['https://mail.yahoo.com/*'], js: ['content/main.js'] }]),
    );
    assert.deepEqual(await ids(), ['followup-yahoo']);
    await ctx.browser.worker.evaluate(() => chrome.permissions.onRemoved.dispatch({ origins: ['https://mail.yahoo.com/*'], permissions: [] }));
    for (let i = 0; i < 40 && (await ids()).length; i += 1) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await ids(), []);
  });
});

describe('Outlook on every host it is served from', () => {
  for (const origin of ['https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.cloud.microsoft']) {
    test(`${origin}: the pop-out compose gets its button and the draft`, async () => {
      await seed(ctx.browser.worker, applications());
      const c = { ...CASES.find((x) => x.site === 'outlook' && x.name === 'popout'), origin };
      const { page, errors } = await openPage(c);
      await openCompose(page, c);
      await buttonLocator(page, c).click();
      await waitForText(page, c, DANA.greeting);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

describe('re-rendering', () => {
  test('a toolbar the site renders again gets the button back, once', async () => {
    await seed(ctx.browser.worker, applications());
    const c = CASES.find((x) => x.site === 'outlook' && x.name === 'compose');
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    const ms = await page.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"][data-app-section="ComposeToolbar"]');
      const fresh = toolbar.cloneNode(false);
      for (const child of toolbar.children) if (!child.hasAttribute('data-followup-ui')) fresh.append(child.cloneNode(true));
      const start = performance.now();
      toolbar.replaceWith(fresh);
      return new Promise((resolve) => {
        const check = () => fresh.querySelector('[data-followup-button]') && (observer.disconnect(), resolve(performance.now() - start));
        const observer = new MutationObserver(check);
        observer.observe(fresh, { childList: true });
        setTimeout(() => resolve(-1), 3000);
      });
    });
    assert.ok(ms >= 0 && ms <= 200, `button back after ${ms} ms`);
    assert.equal(await buttonLocator(page, c).count(), 1);
    await buttonLocator(page, c).click();
    await waitForText(page, c, DANA.greeting);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
