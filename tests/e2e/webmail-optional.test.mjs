// Yahoo Mail and Proton Mail are optional host permissions: their content scripts are
// registered by the service worker while the permission is granted. Headless Chromium cannot
// accept the permission prompt (chrome.permissions.request waits for a dialog nobody can
// click), so this file loads a copy of dist/chrome in which those two hosts are granted at
// install (moved from optional_host_permissions to host_permissions). That exercises the
// start-up path (register what is already granted) and the permission-event path, and then
// runs the full per-site suite on both sites. The packaged manifest's side (nothing registered
// while not granted, registrations removed when withdrawn) is tested in webmail.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { badgeText, extensionDir, grantedCopy, launch, seed, waitForBadge } from './harness.mjs';
import { CASES, DANA, applications } from './webmail-cases.mjs';
import { buttonLocator, ctx, describeCase, openCompose, openPage, storedApp, timings, typeInBody, waitForText } from './webmail-suite.mjs';

const OPTIONAL = ['https://mail.yahoo.com/*', 'https://mail.proton.me/*'];
let copy;

before(async () => {
  const shipped = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  assert.deepEqual(shipped.optional_host_permissions, OPTIONAL);
  copy = grantedCopy();
  ctx.browser = await launch({ extension: copy });
});
after(async () => {
  await ctx.browser?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
  if (timings.length) console.log(`compose appeared -> button present (ms): ${timings.map((t) => `${t.c} ${t.ms.toFixed(1)}`).join(', ')}`);
});

const registered = () => ctx.browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());

async function waitForRegistered(ids) {
  let last = [];
  for (let i = 0; i < 60; i += 1) {
    last = await registered();
    if (JSON.stringify(last.map((s) => s.id).sort()) === JSON.stringify([...ids].sort())) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`registered ${JSON.stringify(last.map((s) => s.id))}, expected ${JSON.stringify(ids)}`);
}

test('granted optional sites get their content scripts at start-up', async () => {
  const scripts = await waitForRegistered(['followup-yahoo', 'followup-proton']);
  const proton = scripts.find((s) => s.id === 'followup-proton');
  assert.deepEqual(proton.matches, ['https://mail.proton.me/*']);
  // The same scripts as the static entries (those of the packaged manifest are listed in
  // manifest.test.mjs).
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  assert.deepEqual(proton.js, manifest.content_scripts[0].js);
  assert.equal(proton.js.at(-1), 'content/main.js');
  assert.equal(proton.allFrames, false, 'the top frame reaches the editor frame itself');
});

test('a permission event brings the registrations back in line with what is granted', async () => {
  await ctx.browser.worker.evaluate(() => chrome.scripting.unregisterContentScripts());
  await waitForRegistered([]);
  // The browser fires onAdded when the user grants a site; deliver that event to the worker.
  await ctx.browser.worker.evaluate((origins) => chrome.permissions.onAdded.dispatch({ origins, permissions: [] }), OPTIONAL);
  await waitForRegistered(['followup-yahoo', 'followup-proton']);
});

for (const c of CASES) if (c.site === 'yahoo' || c.site === 'proton') describeCase(c);

// Proton's body editor is a same-origin frame the page writes: page script there can make up
// key events as easily as in the top document.
test("Proton: a Ctrl+Enter made up by page script in the editor frame records nothing; the user's does", async () => {
  const c = CASES.find((x) => x.site === 'proton' && x.name === 'compose');
  await seed(ctx.browser.worker, applications());
  await waitForBadge(ctx.browser.worker, '3');
  const before = await storedApp('acme');
  for (const trusted of [false, true]) {
    const { page, errors } = await openPage(c);
    await openCompose(page, c);
    await typeInBody(page, c);
    await buttonLocator(page, c).click();
    await waitForText(page, c, DANA.greeting);
    if (trusted) {
      await page.evaluate((c) => window.__body(c).focus(), c);
      await page.keyboard.press('Control+Enter');
      await waitForBadge(ctx.browser.worker, '2');
    } else {
      await page.evaluate((c) => {
        const editor = window.__body(c);
        editor.dispatchEvent(new editor.ownerDocument.defaultView.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
      }, c);
      assert.equal(await page.evaluate(() => window.__sim.sent.length), 1, 'the page sent its message');
      await page.waitForTimeout(600);
      assert.equal(await badgeText(ctx.browser.worker), '3');
      assert.deepEqual(await storedApp('acme'), before);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});
