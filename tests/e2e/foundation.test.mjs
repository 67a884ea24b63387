// The extension loads in Chromium and runs its Rust in every context.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, badgeText, serveFixture, SITE_CSP } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the service worker starts and answers from Rust', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
  assert.match(reply.version, /^\d+\.\d+\.\d+$/, JSON.stringify(reply));
  await page.close();
});

test('the badge can be read', async () => {
  assert.equal(typeof (await badgeText(browser.worker)), 'string');
});

test('the popup opens and shows Rust-rendered content', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  // Only the Rust interface sets data-surface and draws a view; the glue's fallback does not.
  await page.waitForSelector('#app[data-surface="popup"][aria-busy="false"] [data-view]', { timeout: 5000 });
  assert.equal(await page.locator('[role="alert"]').count(), 0);
  await page.close();
});

test('a content script runs on Gmail under its strict CSP and reaches the service worker', async () => {
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 5000 });
  await page.close();
});
