// The interface in German: every word from the German message file, dates in German, and the
// pages marked as German for screen readers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, screenshot } from './harness.mjs';

const german = JSON.parse(readFileSync(join(root, 'extension/_locales/de/messages.json'), 'utf8'));
const english = JSON.parse(readFileSync(join(root, 'extension/_locales/en/messages.json'), 'utf8'));

let browser;
before(async () => {
  browser = await launch({ language: 'de' });
});
after(async () => {
  await browser?.close();
});

/** Text of the page that is a message name (a gap in the files) or an English-only word. */
async function untranslated(page) {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('#app *')].flatMap((e) =>
      [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()),
    ).concat([...document.querySelectorAll('#app [aria-label]')].map((e) => e.getAttribute('aria-label'))),
  );
  const names = new Set(Object.keys(english));
  const germanWords = new Set(Object.values(german).map((v) => v.message));
  const englishOnly = new Set(
    Object.values(english)
      .map((v) => v.message)
      .filter((m) => !germanWords.has(m) && !m.includes('{')),
  );
  return texts.filter((t) => names.has(t) || englishOnly.has(t));
}

test('popup and options page speak German, with German dates', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  await page.goto(browser.url('popup.html'));
  await page.waitForSelector('[data-action="load-demo"]');
  assert.equal(await page.textContent('[data-action="load-demo"]'), german.loadDemo.message);
  await page.click('[data-action="load-demo"]');
  await page.waitForSelector('.notice .message');
  await page.waitForSelector('li.action');
  assert.deepEqual(await untranslated(page), []);
  // A German date: weekday and month abbreviated the German way ("So., 29. Nov.").
  const when = await page.locator('li.action .when').first().textContent();
  assert.match(when, /\d+\. [A-ZÄÖÜ][a-zäöü]+\.?/, when);
  await page.locator('li.action [data-action="draft"]').first().click();
  await page.click('[data-action="tab-apps"]');
  assert.deepEqual(await untranslated(page), []);
  await screenshot(page, 'popup-german');
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await options.waitForSelector('form[data-form="settings"]');
  assert.deepEqual(await untranslated(options), []);
  await page.close();
  await options.close();
});

test("the extension's pages say they are in German, for screen readers", async () => {
  for (const file of ['popup.html', 'options.html', 'tab.html']) {
    const page = await browser.context.newPage();
    await page.goto(browser.url(file));
    await page.waitForSelector('#app[aria-busy="false"]', { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', file);
    await page.close();
  }
});
