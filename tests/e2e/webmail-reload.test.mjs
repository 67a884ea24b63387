// An extension reloaded or updated under an open webmail page: the old content script's
// messages fail ("Extension context invalidated"). A click then shows a notice; nothing is
// thrown into the page and the page's own editor keeps working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed } from './harness.mjs';
import { CASES, applications } from './webmail-cases.mjs';
import { bodyText, buttonLocator, ctx, openCompose, openPage, typeInBody } from './webmail-suite.mjs';

before(async () => {
  ctx.browser = await launch();
  await seed(ctx.browser.worker, applications());
});
after(async () => {
  await ctx.browser?.close();
});

test('after the extension reloads, a click on the old button shows a notice and throws nothing', async () => {
  const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
  const { page, errors } = await openPage(c);
  await openCompose(page, c);
  await ctx.browser.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await page.waitForTimeout(1000);
  await buttonLocator(page, c).click();
  await page.waitForSelector('[data-followup-notice]', { timeout: 5000 });
  await typeInBody(page, c);
  assert.match(await bodyText(page, c), /AAA ZZZ/);
  assert.deepEqual(errors, []);
  await page.close();
});
