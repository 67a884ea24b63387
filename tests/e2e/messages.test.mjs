// The service worker checks every message: malformed ones get an error reply and change
// nothing; web pages cannot reach the extension at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, serveFixture, SITE_CSP, isoDay } from './harness.mjs';

let browser;
let page;
before(async () => {
  browser = await launch();
  await seed(browser.worker, [
    {
      id: 'acme',
      company: 'Acme',
      role: 'Data Engineer',
      status: 'interviewing',
      contacts: [{ id: 'dana', name: 'Dana Smith', email: 'dana@acme.io' }],
      rounds: [{ id: 'r1', date: isoDay(0), kind: 'on-site', interviewers: [{ contactId: 'dana', points: [] }] }],
    },
  ]);
  page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
});
after(async () => {
  await browser?.close();
});

const storage = () => browser.worker.evaluate(() => chrome.storage.local.get(null));

const MALFORMED = [
  null,
  42,
  'ping',
  [],
  {},
  { type: 'no/such' },
  { type: 'draft/get' },
  { type: 'draft/get', appId: 'acme' },
  { type: 'draft/get', appId: 7, actionKey: 'k' },
  { type: 'action/sent', appId: 'acme', actionKey: 'thank-you-email/r1/dana', extra: true },
  { type: 'action/sent-on', appId: 'acme', actionKey: 'thank-you-email/r1/dana', date: '2026-13-01' },
  { type: 'app/delete', id: 'acme' },
  { type: 'app/delete', id: 'acme', revision: -1 },
  { type: 'app/save', app: 'not an object' },
  { type: 'compose/match', recipients: [1, 2] },
  { type: 'backup/import', text: '{', replace: 'yes' },
];

test('every malformed message gets an error reply and storage stays as it was', async () => {
  const before = await storage();
  for (const message of MALFORMED) {
    const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    assert.equal(typeof reply?.error, 'string', `${JSON.stringify(message)} -> ${JSON.stringify(reply)}`);
    assert.match(reply.error, /malformed message/);
  }
  assert.deepEqual(await storage(), before);
});

test('an action key that does not exist is refused and changes nothing', async () => {
  const before = await storage();
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'action/sent', appId: 'acme', actionKey: 'no-such/action' }),
  );
  assert.equal(typeof reply.error, 'string', JSON.stringify(reply));
  assert.deepEqual(await storage(), before);
});

test('a web page cannot message the extension', async () => {
  await serveFixture(browser.context, 'https://mail.google.com', 'gmail/blank.html', SITE_CSP.gmail);
  const web = await browser.context.newPage();
  await web.goto('https://mail.google.com/mail/u/0/');
  const outcome = await web.evaluate(async (id) => {
    if (!globalThis.chrome?.runtime?.sendMessage) return 'no runtime';
    try {
      await chrome.runtime.sendMessage(id, { type: 'ping' });
      return 'answered';
    } catch (e) {
      return `refused: ${e.message}`;
    }
  }, browser.id);
  assert.notEqual(outcome, 'answered');
  await web.close();
});
