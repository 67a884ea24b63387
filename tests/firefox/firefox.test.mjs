// Firefox ESR: the same package installs, and its background runs Rust for
// content scripts on webmail pages. (WebDriver BiDi opens moz-extension:// pages only with
// --remote-allow-system-access: see capture.test.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SITE_CSP } from '../e2e/harness.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, 'dist/firefox-test');

let browser;
let profile;
before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  browser = await launchFirefox(profile);
  await browser.installExtension(extensionDir);
});
after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Serves a webmail fixture at `url` with its CSP, as the real host would. */
async function openFixture(url, file, csp) {
  const page = await browser.newPage();
  const body = readFileSync(join(root, 'tests/fixtures/webmail', file), 'utf8');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: csp ? { 'content-security-policy': csp } : {},
      body,
    });
  });
  await page.goto(url);
  return page;
}

test('the background runs Rust and answers a content script on Gmail', async () => {
  const page = await openFixture('https://mail.google.com/mail/u/0/#inbox', 'gmail/blank.html', SITE_CSP.gmail);
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  await page.close();
});
