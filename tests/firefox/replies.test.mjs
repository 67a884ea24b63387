// Firefox ESR: replies noticed in Gmail and Outlook. The inbox fixture lists a message from
// Dana, a person of the Acme application; the opened message then carries the "Record reply"
// control, which the worker fills only for a message it keeps as a possible reply, and its
// button records the reply: the same message opened again gets a blank control. An opened
// message from a stranger (whose body quotes forged headers of Lee, also of Acme) gets the
// blank control only. Fixtures are served under the real host names with each site's CSP
// through WebDriver BiDi network interception. BiDi cannot reach the extension's storage
// (without --remote-allow-system-access), so each site gets its own copy of
// dist/firefox-test with a background module that seeds the application once, and its own
// profile; results are observed through the page (the test hooks mark the control host)
// and the extension's frame.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';
import { SITE_CSP } from '../e2e/harness.mjs';
import { fillDates } from '../e2e/mail-dates.mjs';
import { PAGE_SIM, fixtures, interviewedAcme } from '../e2e/webmail-cases.mjs';

const root = resolve(import.meta.dirname, '../..');
const SITES = {
  gmail: { origin: 'https://mail.google.com', inbox: '/mail/u/0/#inbox', message: '/mail/u/0/#inbox/FMfcgzQXJWDsKmPq' },
  outlook: { origin: 'https://outlook.live.com', inbox: '/mail/0/', message: '/mail/0/id/AAkALgAAAAAAHYQDEapmEc2byACqAC' },
};

const ACME = interviewedAcme();

/** The opened message, its sender made a stranger (the forged headers in its body stay). */
const fromStranger = (html) => html.replaceAll('dana@acme.io', 'sam@elsewhere.example').replaceAll('Dana Smith', 'Sam Stone');

/** Firefox with its own seeded copy of the test build and its own profile. */
async function launchSeeded() {
  const copy = mkdtempSync(join(tmpdir(), 'followup-ff-replies-'));
  cpSync(join(root, 'dist/firefox-test'), copy, { recursive: true });
  const items = { schema: { version: 2 }, 'app:acme': { revision: 1, ...ACME } };
  writeFileSync(
    join(copy, 'test-seed.js'),
    `// Test only: the application the reply tests expect, written once.\n` +
      `chrome.storage.local.get('schema').then(({ schema }) => schema ? null : chrome.storage.local.set(${JSON.stringify(items)}));\n`,
  );
  const background = readFileSync(join(copy, 'background.js'), 'utf8');
  writeFileSync(join(copy, 'background.js'), `import './test-seed.js';\n${background}`);
  const profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  const browser = await launchFirefox(profile);
  await browser.installExtension(copy);
  return {
    browser,
    async close() {
      await browser.close();
      for (const dir of [profile, copy]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens `file` of `site` at `path`, served under the site's host name and CSP. */
async function openSite(browser, site, path, file, edit = (html) => html) {
  const { origin } = SITES[site];
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const body = edit(fillDates(readFileSync(join(fixtures, site, file), 'utf8')));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (new URL(request.url()).pathname === '/_fixture/page-sim.js') {
      return request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: PAGE_SIM });
    }
    request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': SITE_CSP[site] }, body });
  });
  await page.goto(origin + path);
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  return { page, errors };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const controlMark = (page) => page.$eval('[data-followup-control]', (host) => host.getAttribute('data-followup-control'));

/**
 * The extension frame of the shown control (the one given the worker's token). Its address is
 * read inside the frame: under BiDi, puppeteer may still name a frame inserted with its
 * address set "about:blank".
 */
async function controlFrame(page) {
  const isControl = (href) => {
    if (!href?.startsWith('moz-extension://')) return false;
    const params = new URLSearchParams(new URL(href).hash.slice(1));
    return params.get('v') === 'control' && params.has('t');
  };
  for (let i = 0; i < 100; i += 1) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.detached) continue;
      const href = await frame.evaluate(() => location.href).catch(() => null);
      if (isControl(href) && (await frame.$('button').catch(() => null))) return frame;
    }
    await sleep(50);
  }
  throw new Error(`no control frame with a button: ${JSON.stringify(page.frames().map((f) => f.url()))}`);
}

/** Clicks the control's button where it is on screen (host box + button box in the frame). */
async function clickControl(page, frame) {
  // The frame counts a click only once it has been on screen for a moment (frame.js).
  await new Promise((r) => setTimeout(r, 600));
  const host = await page.$eval('[data-followup-control="shown"]', (h) => {
    const r = h.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  const box = await frame.$eval('button', (b) => {
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(host.x + box.x, host.y + box.y);
}

for (const site of Object.keys(SITES)) {
  describe(`Firefox ${site}: replies noticed`, () => {
    let ff;
    before(async () => {
      ff = await launchSeeded();
    });
    after(async () => {
      await ff?.close();
    });

    test("a stranger's opened message gets the control host but no control", async () => {
      const { page, errors } = await openSite(ff.browser, site, SITES[site].message, 'message.html', fromStranger);
      await page.waitForSelector('[data-followup-control]', { timeout: 5000 });
      // Long enough for a look (every 250 ms at most) and the worker's answer.
      await sleep(1500);
      assert.equal(await page.$('[data-followup-control="shown"]'), null);
      assert.equal(await controlMark(page), '');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("Dana's listed message is noticed; opened, Record reply records it", async () => {
      const inbox = await openSite(ff.browser, site, SITES[site].inbox, 'inbox.html');
      // The inbox has no control (no opened message); its rows are read and reported.
      await sleep(1500);
      assert.equal(await inbox.page.$('[data-followup-control]'), null);
      assert.deepEqual(inbox.errors, []);
      await inbox.page.close();

      const { page, errors } = await openSite(ff.browser, site, SITES[site].message, 'message.html');
      await page.waitForSelector('[data-followup-control="shown"]', { timeout: 5000 });
      const frame = await controlFrame(page);
      assert.equal((await frame.$eval('button', (b) => b.textContent)).trim(), 'Record reply');
      await clickControl(page, frame);
      await frame.waitForSelector('.control.done', { timeout: 5000 });
      assert.ok((await frame.$eval('.control.done', (s) => s.textContent)).trim().length > 0);
      assert.deepEqual(errors, []);
      await page.close();

      // Answered: the same message opened again is no longer a possible reply.
      const again = await openSite(ff.browser, site, SITES[site].message, 'message.html');
      await again.page.waitForSelector('[data-followup-control]', { timeout: 5000 });
      await sleep(1500);
      assert.equal(await controlMark(again.page), '');
      assert.deepEqual(again.errors, []);
      await again.page.close();
    });
  });
}
