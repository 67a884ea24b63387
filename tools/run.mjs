// Opens the built extension in Chromium on a fresh profile, loads the sample applications
// through the popup's own "Try it with sample data" button, and shows the popup, the options
// page and a webmail compose window. With no display, it runs headless and saves screenshots.
import { launch, screenshot, screenshotDir, serveDir, serveFixture, SITE_CSP, root, waitForBadge } from '../tests/e2e/harness.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
let browser;
try {
  browser = await launch({ headless });
} catch (error) {
  // No browser here can load the extension: show the same app as a web page instead.
  const www = await serveDir(join(root, 'dist/www'));
  console.log(`The extension could not be loaded (${error.message.split('\n')[0]}).`);
  console.log(`The same app runs as a web page: ${www.url} (Ctrl+C to stop).`);
  await new Promise(() => {});
}
const { context } = browser;

const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 600 });
await popup.goto(browser.url('popup.html'));
await popup.waitForSelector('#app[aria-busy="false"]');
const demo = popup.locator('[data-action="load-demo"]');
if (await demo.count()) {
  await demo.first().click();
  // The notice appears once every sample application is stored; the badge follows.
  await popup.waitForSelector('.notice .message', { timeout: 10000 });
  await popup.waitForSelector('li.action', { timeout: 5000 });
}
const due = await popup.locator('section.overdue li.action, section.due li.action').count();
const badge = await waitForBadge(browser.worker, due ? String(due) : '').catch(() =>
  browser.worker.evaluate(() => chrome.action.getBadgeText({})),
);

const options = await context.newPage();
await options.goto(browser.url('options.html'));
await options.waitForSelector('#app[aria-busy="false"]');

const compose = join(root, 'tests/fixtures/webmail/gmail/compose.html');
let gmail;
if (existsSync(compose)) {
  await serveFixture(context, 'https://mail.google.com', 'gmail/compose.html', SITE_CSP.gmail);
  gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
}

if (headless) {
  const shots = [await screenshot(popup, 'run-popup'), await screenshot(options, 'run-options')];
  if (gmail) {
    await gmail.waitForTimeout(500);
    shots.push(await screenshot(gmail, 'run-gmail-compose'));
  }
  console.log(`Follow-up ran headless (no display). Toolbar badge: "${badge}".`);
  console.log(`Screenshots in ${screenshotDir}:`);
  for (const s of shots) console.log(`  ${s}`);
  await browser.close();
} else {
  console.log(`Follow-up is open in Chromium. Toolbar badge: "${badge}". Close the browser to stop.`);
  await new Promise((resolve) => context.on('close', resolve));
}
