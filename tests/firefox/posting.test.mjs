// "Save this job" in Firefox: the posting collector, run in each posting fixture served at
// its own address, brings back what it brings back in Chromium (the answers the native
// tests read with the Rust core, tests/fixtures/postings/*.collected.json), so the popup
// offers the same form in both browsers. The popup itself is driven in capture.test.mjs (and
// in Chromium by tests/e2e/capture.test.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchFirefox } from './launch.mjs';
import { collectPosting } from '../../extension/posting/collect.js';

const root = resolve(import.meta.dirname, '../..');
const FIXTURES = join(root, 'tests/fixtures/postings');
const PAGES = {
  careers: 'https://careers.northwind-traders.example/en-us/jobs/1234-data-analyst/?utm_source=linkedin&utm_medium=social#apply',
  greenhouse: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345?gh_src=a1b2c3d4',
  lever: 'https://jobs.lever.co/northwind/6c1e4f0a-8b1d-4a52-9d0e-2f5b7a9c3e11?lever-source=LinkedIn',
  workday: 'https://contoso.wd5.myworkdayjobs.com/en-US/External/job/Berlin-Germany/Senior-Data-Engineer_R-10234?source=LinkedIn',
  'no-posting': 'https://blog.example.org/2026/03/how-to-follow-up',
};

let browser;
let profile;
before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'followup-ff-'));
  browser = await launchFirefox(profile);
});
after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

for (const [name, address] of Object.entries(PAGES)) {
  test(`${name}: the collector's answer in Firefox is Chromium's`, async () => {
    const page = await browser.newPage();
    const body = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const own = request.url().split('#')[0] === address.split('#')[0];
      request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: own ? body : '<!doctype html><title>elsewhere</title>' });
    });
    await page.goto(address);
    const got = await page.evaluate(`(${collectPosting.toString()})()`);
    await page.close();
    const chromium = JSON.parse(readFileSync(join(FIXTURES, `${name}.collected.json`), 'utf8'));
    assert.deepEqual(got, chromium);
  });
}
