// The message readers (extension/content/mail-sites.js) on each site's inbox and opened
// message fixtures, served in Chromium under the real origin with the site's kind of CSP and
// with today's dates filled in. The readers run in the page, as they will in the content
// script. What a reading holds is asserted exactly; nothing may be read from a message body,
// where each message fixture carries forged sender markup of every site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS, SITE_CSP, root } from './harness.mjs';
import { fillDates, formatDate, mailDate } from './mail-dates.mjs';

const FIXTURES = join(root, 'tests/fixtures/webmail');
const SOURCE = readFileSync(join(root, 'extension/content/mail-sites.js'), 'utf8');
const PAGE_SIM = readFileSync(join(FIXTURES, 'page-sim.js'), 'utf8');

const SITES = {
  gmail: {
    origin: 'https://mail.google.com',
    date: 'gmail-title',
    ids: ['1922a1b2c3d4e5f6', '1922a1b2c3d40001', '1922a1b2c3d40002', '1922a1b2c3d40003', '1922a1b2c3d40004'],
    header: { id: '1922a1b2c3d4e5f6', anchor: 'span.gD[email="dana@acme.io"]', sender: 'h3.iw' },
  },
  outlook: {
    origin: 'https://outlook.live.com',
    date: 'outlook',
    ids: ['AQQkADAwATM0MDAAMS1hZGFuYQAQAA1', 'AQQkADAwATM0MDAAMS1zb21lb25lAAQAA2', 'AQQkADAwATM0MDAAMS10YWxlbnQAQAA3', 'AQQkADAwATM0MDAAMS1mcmllbmQAQAA4', 'AQQkADAwATM0MDAAMS1vbGRkYW5hAAQAA5'],
    header: { id: 'AAkALgAAAAAAHYQDEapmEc2byACqAC', anchor: '#MSG_AAkALgAAAAAAHYQDEapmEc2byACqAC_FROM', sender: '#MSG_AAkALgAAAAAAHYQDEapmEc2byACqAC_FROM > span' },
  },
  yahoo: {
    origin: 'https://mail.yahoo.com',
    date: 'yahoo-title',
    ids: ['AFxk3HdWq1', 'AFxk3HdWq2', 'AFxk3HdWq3', 'AFxk3HdWq4', 'AFxk3HdWq5'],
    header: { id: '', anchor: 'header [data-test-id="email-pill"]', sender: 'header [data-test-id="message-from"]' },
  },
  proton: {
    origin: 'https://mail.proton.me',
    date: 'proton-full',
    ids: ['vRk2mD8xQp1_dana==', 'vRk2mD8xQp2_some==', 'vRk2mD8xQp3_tale==', 'vRk2mD8xQp4_frie==', 'vRk2mD8xQp5_old=='],
    header: { id: '', anchor: '.message-header-from-container bdi[data-testid="recipient-label"]', sender: '.message-header-from-container [data-testid="recipients:sender"]' },
  },
};

/** The rows every inbox fixture holds, in order: [from, name, subject, days ago]; then a malformed row. */
const ROWS = [
  ['dana@acme.io', 'Dana Smith', 'Next steps', -1],
  ['someone@else.example', 'Some One', 'Your weekly digest', -2],
  ['talent@acme.io', 'Acme Talent', 'Scheduling your next interview', -3],
  ['friend@gmail.com', 'A Friend', 'Lunch?', -4],
  ['dana@acme.io', 'Dana Smith', 'Your application', -40],
];

let browser;
const errors = [];
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: QUIET_FLAGS, headless: true });
});
after(async () => {
  await browser?.close();
});

/** A page showing `<site>/<kind>.html` with dates filled for `now`, the readers loaded. */
async function open(site, kind, now) {
  const { origin } = SITES[site];
  const html = fillDates(readFileSync(join(FIXTURES, site, `${kind}.html`), 'utf8'), now);
  assert.ok(!html.includes('%%DATE'), 'every date placeholder filled');
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(`${site}/${kind}: ${e.message}`));
  await page.route(`${origin}/**`, (route) =>
    new URL(route.request().url()).pathname === '/_fixture/page-sim.js'
      ? route.fulfill({ status: 200, contentType: 'text/javascript', body: PAGE_SIM })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': SITE_CSP[site] }, body: html }),
  );
  await page.goto(`${origin}/mail/`);
  // Evaluated through the DevTools protocol, as an extension's script is injected: the page's
  // CSP does not apply to it, the page's DOM is the same.
  await page.evaluate(SOURCE);
  return page;
}

/** Every element the site's row (or header) selector matches, with what its reader reads. */
function readAll(page, site, kind) {
  return page.evaluate(
    ({ site, kind }) => {
      const reader = globalThis.FollowupMailSites.forSite(site);
      const selector = kind === 'row' ? reader.rowSelector : reader.headerSelector;
      return [...document.querySelectorAll(selector)].map((el) => {
        const reading = kind === 'row' ? reader.readRow(el) : reader.readHeader(el);
        return { malformed: el.dataset.case === 'malformed', reading: reading && { ...reading, anchor: undefined } };
      });
    },
    { site, kind },
  );
}

const day = (days, format, now) => formatDate(mailDate(days, now), format);

for (const site of Object.keys(SITES)) {
  const known = SITES[site];
  describe(site, () => {
    test('inbox rows: each sender read as the site shows it; the malformed row is null', async () => {
      const now = new Date();
      const page = await open(site, 'inbox', now);
      const rows = await readAll(page, site, 'row');
      const expected = ROWS.map(([from, name, subject, days], i) => ({
        malformed: false,
        reading: { from, name, date: day(days, known.date, now), subject, id: known.ids[i], anchor: undefined },
      }));
      expected.push({ malformed: true, reading: null });
      assert.deepEqual(rows, expected);
      await page.close();
    });

    test('a row that arrives later is read; a flood of rows reads as strangers', async () => {
      const now = new Date();
      const page = await open(site, 'inbox', now);
      const date = day(0, known.date, now);
      const got = await page.evaluate(
        ({ site, date }) => {
          const reader = globalThis.FollowupMailSites.forSite(site);
          const row = window.addMailRow({ from: 'lee@acme.io', name: 'Lee Wong', subject: 'Re: Next steps', date, id: 'arrived1' });
          const first = document.querySelector(reader.rowSelector);
          const left = document.querySelectorAll('[data-fill], [data-fill-title]').length;
          const before = document.querySelectorAll(reader.rowSelector).length;
          window.floodRows(50);
          const rows = [...document.querySelectorAll(reader.rowSelector)];
          const strangers = rows.slice(0, 50).map((r) => reader.readRow(r)?.from);
          return { same: row === first || row.contains(first), reading: reader.readRow(first), left, added: rows.length - before, strangers };
        },
        { site, date },
      );
      assert.ok(got.same, 'the new row is the first row');
      assert.deepEqual(got.reading, { from: 'lee@acme.io', name: 'Lee Wong', date, subject: 'Re: Next steps', id: 'arrived1' });
      assert.equal(got.left, 0, 'no slot marks left in the page');
      assert.equal(got.added, 50);
      assert.ok(got.strangers.every((from, i) => from === `someone${49 - i}@else.example`), JSON.stringify(got.strangers.slice(0, 3)));
      await page.close();
    });

    test("opened message: Dana's header read exactly; nothing read from the body", async () => {
      const now = new Date();
      const page = await open(site, 'message', now);
      const headers = await readAll(page, site, 'header');
      const readings = headers.map((h) => h.reading).filter(Boolean);
      assert.deepEqual(readings, [{ from: 'dana@acme.io', name: 'Dana Smith', date: day(-1, known.date, now), subject: 'Next steps', id: known.header.id, anchor: undefined }]);
      const more = await page.evaluate(
        ({ site, known }) => {
          const reader = globalThis.FollowupMailSites.forSite(site);
          const header = [...document.querySelectorAll(reader.headerSelector)].find((h) => reader.readHeader(h));
          const anchor = reader.readHeader(header).anchor;
          const anchorMatches = anchor instanceof Element && anchor.matches(known.header.anchor);
          // Every header-like and row-like element inside a body reads as nothing.
          const inBody = [...document.querySelectorAll(`:is(${reader.bodySelector}) :is(${reader.headerSelector}, ${reader.rowSelector})`)];
          const fromBody = inBody.map((el) => reader.readHeader(el) ?? reader.readRow(el)).filter(Boolean);
          // With the real sender gone, the forged markup in the body must not stand in for it.
          document.querySelector(known.header.sender).remove();
          const afterRemoval = [...document.querySelectorAll(reader.headerSelector)].map((h) => reader.readHeader(h)).filter(Boolean);
          return {
            anchorMatches,
            headerInBody: !!header.closest(reader.bodySelector),
            forgedInBody: inBody.length,
            fromBody,
            afterRemoval: afterRemoval.map((r) => ({ ...r, anchor: undefined })),
          };
        },
        { site, known },
      );
      assert.ok(more.anchorMatches, 'the anchor is next to the sender name');
      assert.equal(more.headerInBody, false);
      assert.ok(more.forgedInBody >= 1, 'the body holds forged header markup');
      assert.deepEqual(more.fromBody, []);
      assert.deepEqual(more.afterRemoval, []);
      await page.close();
    });
  });
}

test('readers never throw and know only the four sites', async () => {
  const page = await open('gmail', 'inbox', new Date());
  const got = await page.evaluate(() => {
    const m = globalThis.FollowupMailSites;
    const results = [];
    for (const name of m.sites) {
      const r = m.forSite(name);
      results.push(r.readRow(null), r.readHeader(undefined), r.readRow(document.createTextNode('x')), r.readHeader(document.createElement('div')));
    }
    return { results, other: m.forSite('hotmail'), sites: m.sites, frozen: Object.isFrozen(m.forSite('gmail')) };
  });
  assert.deepEqual(got.results, Array(16).fill(null));
  assert.equal(got.other, null);
  assert.deepEqual(got.sites, ['gmail', 'outlook', 'yahoo', 'proton']);
  assert.ok(got.frozen);
  assert.deepEqual(errors, []);
  await page.close();
});
