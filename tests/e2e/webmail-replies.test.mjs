// Replies noticed in webmail, end to end in Chromium: a message from an application's person
// listed on a webmail page becomes a possible reply within a second, holds that application's
// follow-ups (off the badge), and the user's answer in the popup records what it was. A
// stranger's message changes nothing in storage; sender markup inside a message body is never
// read; a message the user wrote themselves is asked about in a browser notification (nothing
// in the page) and recorded only when they say so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, seed, isoDay, waitForBadge, badgeText, grantedCopy, root, SITE_CSP } from './harness.mjs';
import { fillDates } from './mail-dates.mjs';
import { PAGE_SIM, interviewedAcme } from './webmail-cases.mjs';
import { clickShadowButton, ctx } from './webmail-suite.mjs';

const FIXTURES = join(root, 'tests/fixtures/webmail');
const SITES = {
  gmail: { origin: 'https://mail.google.com', inbox: '/mail/u/0/#inbox', message: '/mail/u/0/#inbox/FMfcgzQXJWDsKmPq' },
  outlook: { origin: 'https://outlook.live.com', inbox: '/mail/0/', message: '/mail/0/id/AAkALgAAAAAAHYQDEapmEc2byACqAC' },
  yahoo: { origin: 'https://mail.yahoo.com', inbox: '/d/folders/1', message: '/d/folders/1/messages/AFxk3HdWq1' },
  proton: { origin: 'https://mail.proton.me', inbox: '/u/0/inbox', message: '/u/0/inbox/vRk2mD8xQp1' },
};

/** The one application these tests store (webmail-cases.mjs). */
function applications() {
  return [interviewedAcme()];
}

async function openSite(site, path, file) {
  const { origin } = SITES[site];
  const page = await ctx.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const body = fillDates(readFileSync(join(FIXTURES, site, file), 'utf8'));
  await page.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/_fixture/page-sim.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: PAGE_SIM });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': SITE_CSP[site] }, body });
  });
  await page.goto(origin + path);
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  return { page, errors };
}

const stored = () => ctx.browser.worker.evaluate(() => chrome.storage.local.get(null));
const app = async (id) => {
  const value = (await stored())[`app:${id}`];
  return typeof value === 'string' ? JSON.parse(value) : value;
};

async function waitFor(check, what, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function popup() {
  const page = await ctx.browser.context.newPage();
  await page.goto(ctx.browser.url('popup.html'));
  await page.waitForSelector('[data-view="today"]');
  return page;
}

describe('replies noticed in webmail (Chromium)', () => {
  // Yahoo and Proton are optional sites: a copy of the test build with them granted, as the
  // options page would (webmail-optional.test.mjs tests the granting itself).
  let copy;
  before(async () => {
    copy = grantedCopy();
    ctx.browser = await launch({ extension: copy });
  });
  after(async () => {
    await ctx.browser?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  for (const site of Object.keys(SITES)) {
    test(`${site}: a listed message from Dana holds her follow-up until answered; a reply reschedules it`, async () => {
      await seed(ctx.browser.worker, applications());
      await waitForBadge(ctx.browser.worker, '1');
      const { page, errors } = await openSite(site, SITES[site].inbox, 'inbox.html');
      const started = Date.now();
      const noticed = await waitFor(async () => (await app('acme')).noticed, 'the possible reply');
      const ms = Date.now() - started;
      assert.ok(ms < 1500, `noticed after ${ms} ms`);
      // Dana's message of yesterday only: not the stranger, not the friend at a webmail
      // domain, not Dana's message of 40 days ago (before the interview); the new address at
      // Acme's own domain counts, as a weaker match, for the same application.
      const froms = noticed.map((n) => n.from).sort();
      assert.deepEqual(froms, ['dana@acme.io', 'talent@acme.io']);
      const dana = noticed.find((n) => n.from === 'dana@acme.io');
      assert.equal(dana.date, isoDay(-1));
      assert.equal(dana.subject, 'Next steps');
      assert.equal(dana.contactId, 'dana');
      assert.equal(dana.site, site);
      await waitForBadge(ctx.browser.worker, '');

      const view = await popup();
      const text = await view.locator('section.replies').innerText();
      assert.match(text, /Dana Smith \(Acme\) wrote on .*: “Next steps”/);
      assert.match(await view.locator('section.held').innerText(), /Dana Smith may have answered on/);
      // The other possible reply is not about this application; Dana's is a reply.
      await view.locator('li.possible-reply', { hasText: 'talent@acme.io' }).or(view.locator('li.possible-reply', { hasText: 'Acme Talent' })).locator('button[data-answer="not-about"]').click();
      await waitFor(async () => (await app('acme')).noticed.find((n) => n.from === 'talent@acme.io').answer === 'not-about', 'not-about');
      const item = view.locator('li.possible-reply', { hasText: 'Next steps' });
      await item.locator('input[type="date"]').fill(isoDay(3));
      await item.locator('button[data-answer="reply"]').click();
      const after = await waitFor(async () => {
        const a = await app('acme');
        return a.noticed.find((n) => n.from === 'dana@acme.io').answer === 'reply' && a;
      }, 'the reply');
      const reply = after.history.find((e) => e.type === 'reply');
      assert.deepEqual(reply, { date: isoDay(-1), type: 'reply', decisionDate: isoDay(3) });
      // Rule 3: the follow-up now waits for the new decision date; nothing is due.
      await waitForBadge(ctx.browser.worker, '');
      await view.waitForFunction(() => !document.querySelector('section.replies'));
      assert.deepEqual(errors, []);
      await view.close();
      await page.close();
    });
  }

  test('gmail: a row from Dana arriving in an open inbox is a possible reply within a second', async () => {
    await seed(ctx.browser.worker, applications());
    const { page, errors } = await openSite('gmail', SITES.gmail.inbox, 'inbox.html');
    // The rows already listed are noticed first; then a new message arrives at the top.
    await waitFor(async () => (await app('acme')).noticed?.length === 2, 'the listed messages');
    const { formatDate, mailDate } = await import('./mail-dates.mjs');
    const started = Date.now();
    await page.evaluate((date) => window.addMailRow({ from: 'dana@acme.io', name: 'Dana Smith', subject: 'One more thing', date, id: 'late1' }), formatDate(mailDate(0), 'gmail-title'));
    await waitFor(async () => (await app('acme')).noticed.some((n) => n.subject === 'One more thing'), 'the new row', 3000);
    const ms = Date.now() - started;
    assert.ok(ms < 1000, `noticed after ${ms} ms`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('gmail: "not about this application" puts the follow-up back on the badge', async () => {
    await seed(ctx.browser.worker, applications());
    await waitForBadge(ctx.browser.worker, '1');
    const { page } = await openSite('gmail', SITES.gmail.inbox, 'inbox.html');
    await waitFor(async () => (await app('acme')).noticed?.length === 2, 'two possible replies');
    await waitForBadge(ctx.browser.worker, '');
    const view = await popup();
    for (let i = 0; i < 2; i += 1) {
      await view.locator('li.possible-reply button[data-answer="not-about"]').first().click();
      await view.waitForFunction((n) => document.querySelectorAll('li.possible-reply').length === n, 1 - i);
    }
    await waitForBadge(ctx.browser.worker, '1');
    assert.equal((await app('acme')).history.length, 1, 'no event recorded');
    await view.close();
    await page.close();
  });

  test("gmail: a stranger's message and a flood of them leave storage byte-for-byte as it was", async () => {
    await seed(ctx.browser.worker, [{ ...applications()[0], history: [], rounds: [], status: 'applied', appliedOn: isoDay(0) }]);
    const { page, errors } = await openSite('gmail', SITES.gmail.inbox, 'inbox.html');
    await page.waitForTimeout(800);
    const before = await stored();
    await page.evaluate(() => {
      window.addMailRow({ from: 'someone@else.example', name: 'Some One', subject: 'Hello', date: new Date().toDateString(), id: 'x1' });
      window.floodRows(10000);
    });
    await page.waitForTimeout(2500);
    assert.deepEqual(await stored(), before);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('gmail: with noticing turned off for Gmail in the settings, nothing is noticed there', async () => {
    await seed(ctx.browser.worker, applications(), { revision: 1, noticeOff: ['gmail'] });
    const { page } = await openSite('gmail', SITES.gmail.inbox, 'inbox.html');
    await page.waitForTimeout(1500);
    assert.equal((await app('acme')).noticed, undefined);
    await waitForBadge(ctx.browser.worker, '1');
    await page.close();
  });

  test('gmail: sender markup inside an opened message body is never read', async () => {
    await seed(ctx.browser.worker, applications());
    const { page, errors } = await openSite('gmail', SITES.gmail.message, 'message.html');
    const noticed = await waitFor(async () => (await app('acme')).noticed, 'the opened message');
    assert.deepEqual(noticed.map((n) => n.from), ['dana@acme.io']);
    // Its "Record reply" control is drawn in the extension's frame beside the sender.
    await page.waitForSelector('[data-followup-control="shown"]', { timeout: 3000 });
    // A page that fades the control (to lay a decoy over it) gets nothing from the click.
    await page.evaluate(() => (document.querySelector('[data-followup-control]').style.opacity = '0.05'));
    await page.waitForTimeout(600);
    await clickShadowButton(page, 'data-followup-control', 'Record reply');
    await page.waitForTimeout(500);
    assert.equal((await app('acme')).noticed[0].answer, undefined, 'a click on a faded control records nothing');
    await page.evaluate(() => (document.querySelector('[data-followup-control]').style.opacity = '1'));
    await page.waitForTimeout(600);
    await clickShadowButton(page, 'data-followup-control', 'Record reply');
    await waitFor(async () => (await app('acme')).noticed[0].answer === 'reply', 'the recorded reply');
    assert.ok((await app('acme')).history.some((e) => e.type === 'reply' && e.date === isoDay(-1)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("gmail: Insert on a held follow-up drafts it with the warning that Dana may have answered", async () => {
    await seed(ctx.browser.worker, applications());
    const inbox = await openSite('gmail', SITES.gmail.inbox, 'inbox.html');
    await waitFor(async () => (await app('acme')).noticed, 'the possible reply');
    await inbox.page.close();
    const { page } = await openSite('gmail', SITES.gmail.inbox, 'compose.html');
    await page.evaluate(() => window.openCompose('compose'));
    await page.locator('[data-followup-button]').click();
    await page.waitForFunction(() => document.querySelector('[g_editable="true"]').innerText.includes('Dana'));
    // The check notice is drawn in the extension frame: its text, as the user reads it.
    const said = await waitFor(async () => {
      for (const frame of page.frames()) {
        if (!frame.url().includes('frame.html')) continue;
        const text = await frame.locator('body').innerText().catch(() => '');
        if (text.includes('may have answered')) return text;
      }
      return null;
    }, 'the warning', 4000);
    assert.match(said, /Dana Smith may have answered on .*check your inbox before sending this follow-up/);
    await page.close();
  });

  const HAND = {
    gmail: { path: '/mail/u/0/#inbox', body: '[g_editable="true"]' },
    outlook: { path: '/mail/0/', body: '#editorParent_1 [contenteditable="true"], #editorParent_2 [contenteditable="true"]' },
  };
  for (const [site, hand] of Object.entries(HAND)) {
    test(`${site}: a message written by hand to Dana is asked about outside the page, and recorded only on Record`, async () => {
      await seed(ctx.browser.worker, applications());
      await waitForBadge(ctx.browser.worker, '1');
      const { page } = await openSite(site, hand.path, 'compose.html');
      await page.evaluate(() => window.openCompose('compose'));
      await page.locator(hand.body).first().click();
      await page.keyboard.type('Hi Dana, just checking in on the role.');
      const shown = async () => Object.keys(await ctx.browser.worker.evaluate(() => chrome.notifications.getAll()));
      const earlier = await shown();
      await page.locator('[data-sim="send"]').first().click();
      // The question is a browser notification: nothing is drawn in the page.
      const asked = await waitFor(async () => (await shown()).find((id) => id.startsWith('ask:') && !id.endsWith(':done') && !earlier.includes(id)), 'the question', 4000);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('[data-followup-notice], [data-followup-chooser]').count(), 0, 'nothing in the page');
      assert.equal((await app('acme')).history.length, 1, 'nothing recorded before the answer');
      // A test cannot click a system notification: it runs what the notification's Record
      // button runs (background.js, answerAsk).
      await ctx.browser.worker.evaluate((id) => globalThis.followupAnswerAsk(id), asked);
      const sent = await waitFor(async () => (await app('acme')).history.find((e) => e.type === 'sent' && e.action.startsWith('first-follow-up')), 'the recorded follow-up');
      assert.equal(sent.date, isoDay(0));
      await waitForBadge(ctx.browser.worker, '');
      assert.equal(await badgeText(ctx.browser.worker), '');
      await page.close();
    });
  }
});
