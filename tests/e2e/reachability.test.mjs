// Who can reach the service worker: an ordinary web page cannot at all; a content script on a
// webmail site may ask only for what a compose window needs; malformed messages from anyone
// get an error and change nothing. Every refusal is checked against a full storage dump.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, serveFixture, SITE_CSP, isoDay } from './harness.mjs';

const APP = {
  id: 'acme',
  company: 'Acme',
  role: 'Data Engineer',
  status: 'interviewing',
  contacts: [{ id: 'dana', name: 'Dana Smith', email: 'dana@acme.io' }],
  rounds: [{ id: 'r1', date: isoDay(0), kind: 'on-site', interviewers: [{ contactId: 'dana', points: [] }] }],
};
const BACKUP = JSON.stringify({
  format: 'followup-backup',
  version: 1,
  exportedAt: '2026-03-12T09:30:00Z',
  settings: {},
  applications: [{ id: 'evil', company: 'Evil' }],
});
const KEY = 'thank-you-email/r1/dana';

// Well-formed messages only the extension's own pages may send.
const PAGE_ONLY = [
  { type: 'app/save', app: { ...APP, revision: 1, company: 'Overwritten' } },
  { type: 'app/delete', id: 'acme', revision: 1 },
  { type: 'backup/import', text: BACKUP, replace: true },
  { type: 'settings/save', settings: { bufferDays: 3 }, revision: 0 },
  { type: 'snapshot/restore' },
  { type: 'action/sent-on', appId: 'acme', actionKey: KEY, date: isoDay(0) },
  { type: 'badge/refresh' },
  // By application and action, or the words of the extension's frame: a content script holds
  // only the opaque offers the worker made to its compose window.
  { type: 'compose/match', recipients: ['dana@acme.io'] },
  { type: 'draft/get', appId: 'acme', actionKey: KEY },
  { type: 'action/sent', appId: 'acme', actionKey: KEY },
  { type: 'action/undo', appId: 'acme', actionKey: KEY },
  { type: 'frame/get', token: 'any' },
  { type: 'frame/close', token: 'any' },
  { type: 'frame/choose', token: 'any', offer: 'any' },
];

const MALFORMED = [
  null,
  'app/delete',
  [{ type: 'app/delete', id: 'acme', revision: 1 }],
  { type: 'app/delete', id: 'acme', revision: 1, extra: 1 },
  { type: 'app/delete', id: ['acme'], revision: 1 },
  { type: 'app/delete', id: 'acme', revision: 1.5 },
  { type: 'app/delete', id: 'acme', revision: 2 ** 32 },
  { type: 'APP/DELETE', id: 'acme', revision: 1 },
  { type: 'app/save', app: { ...APP, revision: 1, rounds: [{ id: 'r1', date: 'tomorrow' }] } },
  { type: 'app/save', app: { ...APP, revision: 1, unknownField: true, status: 7 } },
  { type: 'settings/save', settings: { bufferDays: -1 }, revision: 0 },
  { type: 'action/sent', appId: 'acme', actionKey: KEY, constructor: { prototype: { polluted: true } } },
  { type: 'compose/match', recipients: Array.from({ length: 3 }, () => ({ toString: 'x' })) },
  { type: 'draft/get', appId: { $gt: '' }, actionKey: KEY },
  // Built where it is sent: a 200-deep list is slow to pass into a page.
  'DEEP',
];

let browser;
let popup;
before(async () => {
  browser = await launch();
  await seed(browser.worker, [APP]);
  popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
});
after(async () => {
  await browser?.close();
});

const dump = () => browser.worker.evaluate(() => chrome.storage.local.get(null));

/** Sends `message` from a script in the content-script world of the first tab on `origin`. */
function fromContentScript(origin, message) {
  return browser.worker.evaluate(
    async ({ origin, message }) => {
      const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
      const [{ result }] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: (m) => {
          const deep = () => JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`);
          const sent = m === 'DEEP' ? { type: 'compose/match', recipients: [deep()] } : m;
          return chrome.runtime.sendMessage(sent).catch((e) => ({ thrown: String(e?.message ?? e) }));
        },
        args: [message],
      });
      return result;
    },
    { origin, message },
  );
}

test('a web page has no way to message the extension', async () => {
  await browser.context.route('https://example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Example</title><p>page' }));
  const page = await browser.context.newPage();
  await page.goto('https://example.com/');
  const before = await dump();
  const outcome = await page.evaluate(async (id) => {
    const runtime = globalThis.chrome?.runtime;
    const results = { runtime: typeof runtime, sendMessage: typeof runtime?.sendMessage, connect: typeof runtime?.connect };
    if (typeof runtime?.sendMessage === 'function') {
      try {
        results.reply = await runtime.sendMessage(id, { type: 'app/delete', id: 'acme', revision: 1 });
      } catch (e) {
        results.thrown = String(e?.message ?? e);
      }
    }
    return results;
  }, browser.id);
  // Without externally_connectable, Chromium gives web pages no chrome.runtime messaging.
  assert.equal(outcome.sendMessage, 'undefined', JSON.stringify(outcome));
  assert.equal(outcome.connect, 'undefined', JSON.stringify(outcome));
  assert.equal(outcome.reply, undefined);
  assert.deepEqual(await dump(), before);
  await page.close();
});

test('a webmail page cannot drive the content script with window messages', async () => {
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  const before = await dump();
  await page.evaluate((messages) => {
    for (const m of messages) {
      window.postMessage(m, '*');
      window.postMessage({ followup: m, source: 'followup' }, '*');
      document.dispatchEvent(new CustomEvent('followup', { detail: m }));
    }
  }, PAGE_ONLY);
  await page.waitForTimeout(500);
  assert.deepEqual(await dump(), before);
  await page.close();
});

test('a content script on a webmail site is refused every page-only message', async () => {
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });

  // The same context may ask for what a compose window needs: the channel works, and says
  // nothing about the data beyond the offer's draft.
  const pong = await fromContentScript('https://mail.google.com', { type: 'ping' });
  assert.deepEqual(Object.keys(pong).sort(), ['ok', 'version'], JSON.stringify(pong));
  const offer = await fromContentScript('https://mail.google.com', { type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c1' });
  assert.deepEqual(Object.keys(offer).sort(), ['chooser', 'pick'], JSON.stringify(offer));
  assert.match(offer.pick ?? '', /^[0-9a-f-]{36}$/, JSON.stringify(offer));
  assert.doesNotMatch(JSON.stringify(offer), /acme|Dana|dana/i);
  const draft = await fromContentScript('https://mail.google.com', { type: 'offer/draft', offer: offer.pick, compose: 'c1' });
  assert.match(draft.body ?? '', /^Dear Dana,/, JSON.stringify(draft));

  const before = await dump();
  for (const message of PAGE_ONLY) {
    const reply = await fromContentScript('https://mail.google.com', message);
    assert.equal(reply?.code, 'forbidden', `${message.type}: ${JSON.stringify(reply)}`);
    assert.match(reply.error, new RegExp(`may not send ${message.type}`));
  }
  assert.deepEqual(await dump(), before);
  await page.close();
});

test('malformed messages from a content script or a page get an error and change nothing', async () => {
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
  const before = await dump();
  for (const message of MALFORMED) {
    for (const [who, send] of [
      ['content script', (m) => fromContentScript('https://mail.google.com', m)],
      ['popup', (m) => popup.evaluate((m) => {
        const deep = () => JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`);
        return chrome.runtime.sendMessage(m === 'DEEP' ? { type: 'compose/match', recipients: [deep()] } : m);
      }, m)],
    ]) {
      const reply = await send(message);
      assert.equal(typeof reply?.error, 'string', `${who}: ${JSON.stringify(message)?.slice(0, 80)} -> ${JSON.stringify(reply)}`);
      assert.equal(reply.code, 'malformed', `${who}: ${JSON.stringify(message)?.slice(0, 80)} -> ${reply.error}`);
    }
  }
  assert.deepEqual(await dump(), before);
  assert.equal(await browser.worker.evaluate(() => ({}).polluted), undefined);
  await page.close();
});

test('an application id with a NUL is refused: storage would cut its key', async () => {
  const before = await dump();
  for (const id of ['acme\u0000evil', 'new\u0000one', 'line\nbreak']) {
    const reply = await popup.evaluate(
      (app) => chrome.runtime.sendMessage({ type: 'app/save', app }),
      { ...APP, id, revision: 0 },
    );
    assert.equal(typeof reply?.error, 'string', `${JSON.stringify(id)}: ${JSON.stringify(reply)}`);
  }
  const backup = BACKUP.replace('"evil"', '"acme\\u0000x"');
  const reply = await popup.evaluate((text) => chrome.runtime.sendMessage({ type: 'backup/import', text, replace: false }), backup);
  assert.match(reply?.error ?? '', /control characters/, JSON.stringify(reply));
  assert.deepEqual(await dump(), before);
});
