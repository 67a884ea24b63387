// A hostile webmail page around the extension: page-world script on the Gmail and Outlook
// fixtures tries to read what the extension shows and to make it act without the user. The
// packaged extension (dist/chrome, no test hooks) runs; the page's probes are plain page
// script, and the user's gestures are Playwright's mouse and keyboard, which the browser
// reports as trusted (`element.click()` in page script is not). Each attack asserts what the
// page could read (nothing of the stored data) and what was recorded (nothing without the
// user); each probe has a control showing it does read what it is allowed to see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed, shippedDir, extensionDir, waitForBadge, badgeText } from './harness.mjs';
import { CASES, DANA, applications, responseFor } from './webmail-cases.mjs';

/** Stored words the page must never read (the fixtures' own text has none of them). */
const SECRETS = ['Lee Wong', 'Hana Ruiz', 'Analyst', 'Data Engineer', 'Which follow-up', 'Thank-you email', 'Acme & <Sons>', 'Recorded as sent', 'Due '];
/** Text of each fixture's own, for the controls. */
const PAGE_TEXT = { gmail: 'Globex Talent', outlook: 'Interview on Thursday' };

const SITES = ['gmail', 'outlook'].map((site) => CASES.find((c) => c.site === site && c.name === 'compose'));

let browser;
before(async () => {
  browser = await launch({ extension: shippedDir });
  await seed(browser.worker, applications());
});
after(async () => {
  await browser?.close();
});

/** Installed before the page's own scripts: what a hostile page would watch from the start. */
function pageProbes() {
  const log = (window.__probe = { mutations: [], messages: [], ownMessages: 0 });
  const describe = (node) => (node.nodeType === 1 ? `<${node.tagName.toLowerCase()} ${[...node.attributes].map((a) => `${a.name}="${a.value}"`).join(' ')}>${node.textContent}` : node.textContent ?? '');
  new MutationObserver((records) => {
    for (const r of records) {
      const inCompose = r.target.closest?.('[data-sim-compose]') ?? r.target.parentElement?.closest('[data-sim-compose]');
      if (r.type === 'attributes') log.mutations.push({ inCompose: Boolean(inCompose), text: `${r.attributeName}=${r.target.getAttribute(r.attributeName)}` });
      for (const n of r.addedNodes) log.mutations.push({ inCompose: Boolean(inCompose), text: describe(n), tag: n.nodeName });
      if (r.type === 'characterData') log.mutations.push({ inCompose: Boolean(inCompose), text: r.target.data });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('message', (e) => {
    if (e.data === 'page-own') log.ownMessages += 1;
    else log.messages.push({ origin: e.origin, data: JSON.stringify(e.data) });
  }, true);
  /** What page script can read of `text` anywhere on the page. */
  window.__read = (text) => {
    getSelection().removeAllRanges();
    const find = window.find(text, false, false, true);
    getSelection().removeAllRanges();
    const all = document.createRange();
    all.selectNodeContents(document.documentElement);
    getSelection().addRange(all);
    const selection = getSelection().toString().includes(text);
    getSelection().removeAllRanges();
    const dom = document.documentElement.innerText.includes(text) || document.documentElement.textContent.includes(text) || document.documentElement.outerHTML.includes(text);
    return { find, selection, dom };
  };
  /** Elements not from the page: custom elements (the page's markup has none). */
  window.__foreign = () => [...document.querySelectorAll('*')].filter((e) => e.tagName.includes('-')).map((e) => {
    const r = e.getBoundingClientRect();
    let frames = 0;
    for (let i = 0; i < window.length; i += 1) {
      try {
        void window[i].document.body;
      } catch {
        frames += 1;
      }
    }
    return { tag: e.tagName, shadowRoot: e.shadowRoot, text: e.textContent, html: e.innerHTML, attrs: e.getAttributeNames(), x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, crossOriginFrames: frames, inCompose: Boolean(e.closest('[data-sim-compose]')) };
  });
}

async function openPage(c, ctx = browser.context) {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(pageProbes);
  await page.route(`${c.origin}/**`, (route) => {
    const { contentType, body } = responseFor(c, route.request().url());
    route.fulfill({ status: 200, contentType, headers: { 'content-security-policy': c.csp }, body });
  });
  await page.goto(c.origin + c.url);
  return { page, errors };
}

/** Whether the content script runs in this page: asked in its own isolated world, never the page. */
async function contentScriptRuns(page) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  try {
    for (let i = 0; i < 100; i += 1) {
      for (const context of contexts.filter((x) => x.auxData?.type === 'isolated')) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: 'globalThis.FollowupContent === true', contextId: context.id }).catch(() => ({ result: {} }));
        if (result.value === true) return true;
      }
      await page.waitForTimeout(50);
    }
    return false;
  } finally {
    await cdp.detach();
  }
}

/** The page's view of our button in the compose window, once it is there. */
async function ourButton(page) {
  for (let i = 0; i < 60; i += 1) {
    const found = (await page.evaluate(() => window.__foreign())).filter((f) => f.inCompose);
    if (found.length) return found[0];
    await page.waitForTimeout(50);
  }
  throw new Error('no button in the compose window');
}

async function openCompose(page, c) {
  await page.evaluate((name) => window.openCompose(name), c.open);
  return ourButton(page);
}

/** The extension frame of `kind` with its buttons drawn, as the browser (not the page) sees it. */
async function extensionFrame(page, kind, timeout = 4000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      if (frame.isDetached() || !frame.url().includes('/frame.html#') || !frame.url().includes(`v=${kind}`)) continue;
      const texts = await frame.locator('button').allInnerTexts().catch(() => []);
      if (texts.length) return { frame, texts };
    }
    await page.waitForTimeout(50);
  }
  return null;
}

const body = (page, c) => page.evaluate((sel) => document.querySelector(sel)?.innerText ?? null, c.body);

/** Makes the To field hold `email` only (the page can write anything there). */
function setRecipient(page, c, email) {
  return page.evaluate(({ site, email }) => {
    const compose = document.querySelector('[data-sim-compose]');
    if (site === 'gmail') {
      for (const chip of compose.querySelectorAll('[data-hovercard-id]')) chip.remove();
      const inputs = compose.querySelectorAll('input[name="to"]');
      inputs.forEach((input, i) => (i === 0 ? (input.value = email) : input.remove()));
    } else {
      const chip = compose.querySelector('[aria-label="To"] [title]');
      chip.title = email;
      chip.textContent = email;
    }
  }, { site: c.site, email });
}

function assertUnreadable(seen, where) {
  for (const [secret, got] of Object.entries(seen)) {
    assert.deepEqual(got, { find: false, selection: false, dom: false }, `${where}: the page read ${JSON.stringify(secret)}`);
  }
}

const readAll = (page, strings = SECRETS) => page.evaluate((strings) => Object.fromEntries(strings.map((s) => [s, window.__read(s)])), strings);
const stored = () => browser.worker.evaluate(() => chrome.storage.local.get(null));

for (const c of SITES) {
  describe(`hostile ${c.site} page`, () => {
    before(async () => {
      await seed(browser.worker, applications());
    });

    test('no mark on the page before a compose window opens (finding 8)', async () => {
      const { page, errors } = await openPage(c);
      assert.equal(await contentScriptRuns(page), true, 'the content script runs in this page');
      await page.waitForTimeout(300);
      const marks = await page.evaluate(() => ({
        root: document.documentElement.getAttributeNames(),
        followup: [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => /followup/i.test(n) || /followup/i.test(e.getAttribute(n)))),
        foreign: window.__foreign().length,
        added: window.__probe.mutations.filter((m) => m.tag && /-/.test(m.tag)).length,
        text: /follow-?up/i.test(document.documentElement.outerHTML),
      }));
      assert.deepEqual(marks.root.filter((n) => /followup/i.test(n)), []);
      assert.deepEqual(marks.followup, []);
      assert.equal(marks.foreign, 0, 'no element of ours');
      assert.equal(marks.added, 0);
      assert.equal(marks.text, false);
      // Control: the same scan sees the page's own data attributes.
      assert.ok(await page.evaluate(() => document.querySelector('[data-site]') !== null));
      assert.deepEqual(errors, []);
      await page.close();
    });

    test("the chooser's words cannot be read: window.find, selection, DOM, observers, elementFromPoint (findings 1, 4)", async () => {
      await seed(browser.worker, applications());
      const { page, errors } = await openPage(c);
      const before = await openCompose(page, c);
      assert.equal(before.shadowRoot, null);
      await setRecipient(page, c, 'friend@gmail.com');
      const button = await ourButton(page);
      await page.mouse.click(button.x, button.y);
      const chooser = await extensionFrame(page, 'chooser');
      assert.ok(chooser, 'the chooser is shown');
      // The user sees every open follow-up...
      for (const who of ['Dana Smith', 'Lee Wong', 'Hana Ruiz']) assert.ok(chooser.texts.some((t) => t.includes(who)), `${who}: ${chooser.texts}`);
      // ...the page reads none of it, by any of its means.
      assertUnreadable(await readAll(page), 'chooser open');
      const foreign = await page.evaluate(() => window.__foreign());
      for (const f of foreign) {
        assert.equal(f.shadowRoot, null, 'closed shadow roots');
        assert.equal(f.text, '');
        assert.equal(f.html, '');
        assert.deepEqual(f.attrs.filter((a) => a !== 'style'), []);
      }
      const panel = foreign.find((f) => !f.inCompose && f.height > 100);
      assert.ok(panel, 'the chooser host is on the page');
      assert.equal(await page.evaluate(() => document.querySelectorAll('iframe').length), 0, 'no frame of ours the page can reach');
      const atPoint = await page.evaluate(({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        const style = getComputedStyle(el);
        return { tag: el.tagName, text: el.textContent, content: style.content, shadow: el.shadowRoot };
      }, panel);
      assert.ok(atPoint.tag.includes('-'), `elementFromPoint: ${atPoint.tag}`);
      assert.equal(atPoint.text, '');
      assert.equal(atPoint.shadow, null);
      const seen = await page.evaluate(() => window.__probe.mutations.filter((m) => !m.inCompose).map((m) => m.text).join('\n'));
      for (const secret of SECRETS) assert.ok(!seen.includes(secret), `a mutation observer saw ${secret}`);
      // Controls: the same probes read the page's own text, text in a closed shadow root the
      // page made (a closed shadow root alone is no boundary), and its own additions.
      await page.evaluate(() => {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'closed' }).textContent = 'Closed page secret';
        document.body.append(host);
        const own = document.createElement('p');
        own.textContent = 'Page control text';
        document.body.append(own);
      });
      const own = PAGE_TEXT[c.site];
      const control = await readAll(page, [own, 'Page control text', 'Closed page secret']);
      assert.equal(control[own].find, true, `window.find reads ${own}`);
      assert.equal(control[own].dom, true);
      assert.deepEqual(control['Page control text'], { find: true, selection: true, dom: true });
      assert.equal(control['Closed page secret'].find, true, 'window.find reads closed shadow roots');
      assert.ok(seen.includes('Send'), 'the observer saw the compose window arrive');
      await page.keyboard.press('Escape');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('after Send, the notice is unreadable too; the page gets no message from the extension', async () => {
      await seed(browser.worker, applications());
      const start = Number(await waitForBadge(browser.worker, '3'));
      const { page, errors } = await openPage(c);
      const button = await openCompose(page, c);
      await page.mouse.click(button.x, button.y);
      for (let i = 0; i < 60 && !(await body(page, c))?.includes(DANA.greeting); i += 1) await page.waitForTimeout(50);
      await page.locator(c.send).first().click();
      await waitForBadge(browser.worker, String(start - 1));
      const notice = await extensionFrame(page, 'notice');
      assert.ok(notice?.texts.includes('Undo'), JSON.stringify(notice?.texts));
      assert.ok((await notice.frame.locator('.notice').innerText()).includes('Dana Smith'), 'the user reads whose follow-up it was');
      assertUnreadable(await readAll(page), 'sent notice');
      await page.evaluate(() => window.postMessage('page-own', '*'));
      await page.waitForTimeout(100);
      const probe = await page.evaluate(() => window.__probe);
      assert.deepEqual(probe.messages, [], 'messages the page received');
      assert.equal(probe.ownMessages, 1, 'control: the listener hears the page');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('a transparent, faded, covered, filtered, tiny or off-screen button ignores a real click (finding 2)', async () => {
      await seed(browser.worker, applications());
      for (const attack of ['opacity', 'ancestor', 'cover', 'filter', 'tiny', 'offscreen']) {
        const { page } = await openPage(c);
        await openCompose(page, c);
        await page.waitForTimeout(300);
        const button = await ourButton(page);
        const before = await body(page, c);
        await page.evaluate(({ attack, button }) => {
          const host = window.__foreign().length && [...document.querySelectorAll('*')].find((e) => e.tagName.includes('-') && e.closest('[data-sim-compose]'));
          const set = (el, k, v) => el.style.setProperty(k, v, 'important');
          if (attack === 'opacity') set(host, 'opacity', '0');
          if (attack === 'ancestor') set(host.parentElement, 'opacity', '0.05');
          if (attack === 'filter') set(host, 'filter', 'opacity(0)');
          if (attack === 'tiny') set(host, 'zoom', '0.2');
          if (attack === 'offscreen') {
            set(host, 'position', 'fixed');
            set(host, 'left', '-60px');
            set(host, 'top', '300px');
          }
          if (attack === 'cover') {
            const cover = document.createElement('div');
            cover.textContent = 'Save draft';
            cover.style.cssText = `position: fixed; left: ${button.x - 80}px; top: ${button.y - 20}px; width: 160px; height: 40px; background: #fff; pointer-events: none; z-index: 2147483647;`;
            document.body.append(cover);
          }
        }, { attack, button });
        await page.waitForTimeout(300);
        // Off-screen: the part still on screen is clicked.
        const moved = await ourButton(page);
        const at = attack === 'offscreen' ? { x: moved.x + moved.width / 2 - 4, y: moved.y } : button;
        if (attack === 'offscreen') assert.ok(moved.x - moved.width / 2 < 0 && at.x > 0, JSON.stringify(moved));
        await page.mouse.click(at.x, at.y);
        await page.waitForTimeout(500);
        assert.equal(await extensionFrame(page, 'chooser', 100), null, `${attack}: no chooser`);
        assert.equal(await body(page, c), before, `${attack}: nothing inserted`);
        await page.close();
      }
      // Control: the same click on the button as drawn inserts the draft.
      const { page } = await openPage(c);
      await openCompose(page, c);
      await page.waitForTimeout(300);
      const button = await ourButton(page);
      await page.mouse.click(button.x, button.y);
      for (let i = 0; i < 60 && !(await body(page, c))?.includes(DANA.greeting); i += 1) await page.waitForTimeout(50);
      assert.ok((await body(page, c)).includes(DANA.greeting));
      await page.close();
    });

    test('synthetic clicks and Ctrl+Enter record nothing; a real Send without the draft records nothing (finding 3)', async () => {
      await seed(browser.worker, applications());
      await waitForBadge(browser.worker, '3');
      const data = await stored();
      for (const synthetic of ['send-click', 'ctrl-enter', 'draft-removed']) {
        const { page } = await openPage(c);
        const button = await openCompose(page, c);
        // Page script clicking our button: nothing happens.
        await page.evaluate(() => {
          const host = [...document.querySelectorAll('*')].find((e) => e.tagName.includes('-') && e.closest('[data-sim-compose]'));
          host.click();
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 1, clientY: 1 }));
          host.dispatchEvent(new PointerEvent('pointerenter'));
        });
        await page.waitForTimeout(300);
        assert.equal(await extensionFrame(page, 'chooser', 100), null);
        assert.ok(!(await body(page, c)).includes(DANA.greeting), 'a synthetic click inserts nothing');
        await page.mouse.click(button.x, button.y);
        for (let i = 0; i < 60 && !(await body(page, c))?.includes(DANA.greeting); i += 1) await page.waitForTimeout(50);
        await page.evaluate(({ synthetic, c }) => {
          const editor = document.querySelector(c.body);
          if (synthetic === 'send-click') document.querySelector(c.send).click();
          if (synthetic === 'ctrl-enter') editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
          if (synthetic === 'draft-removed') editor.textContent = 'Something else entirely';
        }, { synthetic, c });
        if (synthetic === 'draft-removed') await page.locator(c.send).first().click();
        await page.waitForTimeout(600);
        assert.equal(await badgeText(browser.worker), '3', `${synthetic}: the badge`);
        assert.deepEqual(await stored(), data, `${synthetic}: storage`);
        await page.close();
      }
      // Control: the user's own Send records it.
      const { page } = await openPage(c);
      const button = await openCompose(page, c);
      await page.mouse.click(button.x, button.y);
      for (let i = 0; i < 60 && !(await body(page, c))?.includes(DANA.greeting); i += 1) await page.waitForTimeout(50);
      await page.locator(c.send).first().click();
      await waitForBadge(browser.worker, '2');
      await page.close();
    });

    test('forged message events neither choose nor close anything', async () => {
      await seed(browser.worker, applications());
      const { page } = await openPage(c);
      await openCompose(page, c);
      await setRecipient(page, c, 'friend@gmail.com');
      const before = await body(page, c);
      const button = await ourButton(page);
      await page.mouse.click(button.x, button.y);
      assert.ok(await extensionFrame(page, 'chooser'));
      await page.evaluate((id) => {
        const forged = [
          { type: 'content/frame', token: 'x', offer: 'y' },
          { type: 'content/insert' },
          { type: 'frame/choose', token: 'x', offer: 'y' },
        ];
        for (const data of forged) {
          window.postMessage(data, '*');
          window.dispatchEvent(new MessageEvent('message', { data, origin: `chrome-extension://${id}` }));
          for (let i = 0; i < window.length; i += 1) window[i].postMessage(data, '*');
        }
      }, browser.id);
      await page.waitForTimeout(500);
      assert.ok(await extensionFrame(page, 'chooser', 200), 'the chooser is still open');
      assert.equal(await body(page, c), before);
      await page.close();
    });
  });
}

describe('hostile gmail page: made-up compose windows and frames', () => {
  const c = SITES[0];
  before(async () => {
    await seed(browser.worker, applications());
  });

  /** A compose window built by the page: div.M9, a To input, an editor, a Send button. */
  const fake = (page, to) =>
    page.evaluate((to) => {
      const m9 = document.createElement('div');
      m9.className = 'M9';
      m9.setAttribute('data-sim-compose', '');
      const make = (tag, attrs = {}, parent = m9) => {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        parent.append(el);
        return el;
      };
      make('input', { type: 'hidden', name: 'to', value: to }, make('form'));
      const row = make('tr', { class: 'btC' }, make('tbody', {}, make('table')));
      make('div', { role: 'button', 'data-tooltip': 'Send (Ctrl-Enter)' }, make('td', {}, row)).textContent = 'Send';
      make('div', { g_editable: 'true', contenteditable: 'true', role: 'textbox', style: 'min-height: 80px' });
      document.body.append(m9);
    }, to);

  test('a page-built compose window with a domain address gets no draft: the chooser asks first; the page cannot tell a match', async () => {
    const seen = {};
    for (const to of ['anyone@acme.io', 'anyone@nowhere.example']) {
      const { page } = await openPage(c);
      await fake(page, to);
      const button = await ourButton(page);
      await page.mouse.click(button.x, button.y);
      const chooser = await extensionFrame(page, 'chooser');
      assert.ok(chooser, `${to}: the chooser asks`);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => document.querySelector('.M9 [g_editable]').innerText.trim()), '', `${to}: nothing inserted`);
      seen[to] = await page.evaluate(() => window.__foreign().map((f) => ({ w: f.width, h: f.height, text: f.text, attrs: f.attrs })));
      assertUnreadable(await readAll(page), to);
      await page.close();
    }
    assert.deepEqual(seen['anyone@acme.io'], seen['anyone@nowhere.example'], 'the page sees the same whether its address matched or not');
  });

  test('a page-created about:blank or srcdoc frame has no way to the worker, and the worker refuses any frame but the top one', async () => {
    // On Outlook's fixture: Gmail's Trusted Types policy keeps the page from writing srcdoc.
    const { page } = await openPage(SITES[1]);
    const reach = await page.evaluate(async () => {
      const blank = document.createElement('iframe');
      document.body.append(blank);
      const srcdoc = document.createElement('iframe');
      srcdoc.srcdoc = '<p>frame';
      document.body.append(srcdoc);
      await new Promise((r) => srcdoc.addEventListener('load', r, { once: true }));
      return [blank, srcdoc].map((f) => typeof f.contentWindow.chrome?.runtime?.sendMessage);
    });
    assert.deepEqual(reach, ['undefined', 'undefined'], 'no extension messaging in the page-made frames');
    // Extension script in every frame of the tab (the page cannot do this; it is the strongest
    // sender those frames could ever be): only the top frame is answered.
    const results = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://outlook.live.com/*' });
      const done = await chrome.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: () => chrome.runtime.sendMessage({ type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c8' }).then((r) => ({ url: location.href, r })),
      });
      return done.map((d) => ({ frameId: d.frameId, ...d.result }));
    });
    assert.ok(results.find((r) => r.frameId === 0)?.r.pick, `control: the top frame is answered ${JSON.stringify(results)}`);
    for (const r of results.filter((x) => x.frameId !== 0)) {
      assert.match(r.url, /^about:(blank|srcdoc)$/);
      assert.equal(r.r.code, 'forbidden', JSON.stringify(r));
    }
    // The worker's own listener, handed what the browser would report for a message from
    // such a frame (had a script of ours run there), and for the top frame.
    const replies = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://outlook.live.com/*' });
      const ask = (url, frameId) => new Promise((resolve) => {
        const message = { type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c9' };
        chrome.runtime.onMessage.dispatch(message, { id: chrome.runtime.id, url, frameId, tab }, resolve);
      });
      return {
        blank: await ask('about:blank', 2),
        srcdoc: await ask('about:srcdoc', 3),
        blankAsTop: await ask('about:blank', 0),
        subframe: await ask('https://outlook.live.com/mail/0/', 4),
        top: await ask('https://outlook.live.com/mail/0/', 0),
      };
    });
    for (const who of ['blank', 'srcdoc', 'blankAsTop', 'subframe']) assert.equal(replies[who].code, 'forbidden', `${who}: ${JSON.stringify(replies[who])}`);
    assert.ok(replies.top.pick, `control: the top frame is answered ${JSON.stringify(replies.top)}`);
    await page.close();
  });

  test("an offer serves only the tab it was made to, in order: draft, then sent, then undo", async () => {
    await seed(browser.worker, applications());
    const a = await openPage(c);
    const b = await openPage({ ...c, url: '/mail/u/1/#inbox' });
    const data = await stored();
    const run = (url, messages) => browser.worker.evaluate(async ({ url, messages }) => {
      const [tab] = await chrome.tabs.query({ url });
      const [{ result }] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: async (messages) => {
          const out = [];
          for (const m of messages) out.push(await chrome.runtime.sendMessage(m.offer === '$' ? { ...m, offer: out[0].pick } : m));
          return out;
        },
        args: [messages],
      });
      return result;
    }, { url, messages });
    const [offer, early, undo] = await run('https://mail.google.com/mail/u/0/*', [
      { type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c1' },
      { type: 'offer/sent', offer: '$', compose: 'c1' },
      { type: 'offer/undo', offer: '$' },
    ]);
    assert.match(offer.pick, /^[0-9a-f-]{36}$/);
    assert.equal(early.code, 'not-found', `sent before any draft: ${JSON.stringify(early)}`);
    assert.equal(undo.code, 'not-found', `undo before sent: ${JSON.stringify(undo)}`);
    assert.deepEqual(await stored(), data, 'nothing recorded out of order');
    const [other, wrongCompose] = await run('https://mail.google.com/mail/u/1/*', [
      { type: 'offer/draft', offer: offer.pick, compose: 'c1' },
      { type: 'offer/draft', offer: 'no-such-offer', compose: 'c1' },
    ]);
    assert.equal(other.code, 'not-found', `another tab: ${JSON.stringify(other)}`);
    assert.equal(wrongCompose.code, 'not-found');
    const [, , draft, sent] = await run('https://mail.google.com/mail/u/0/*', [
      { type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c1' },
      { type: 'offer/draft', offer: '$', compose: 'c2' },
      { type: 'offer/draft', offer: '$', compose: 'c1' },
      { type: 'offer/sent', offer: '$', compose: 'c1' },
    ]);
    assert.match(draft.body, /^Dear Dana,/, 'control: the right tab and window get the draft');
    assert.equal(typeof sent.notice, 'string', 'control: and record the send');
    await a.page.close();
    await b.page.close();
  });

  test('the shortcut with no editor focused inserts nothing, even with one compose window open', async () => {
    await seed(browser.worker, applications());
    const { page } = await openPage(c);
    await openCompose(page, c);
    await page.locator('tr.zA').first().click();
    await page.bringToFront();
    await browser.worker.evaluate(() => chrome.commands.onCommand.dispatch('insert-follow-up'));
    assert.ok(await extensionFrame(page, 'notice'), 'a notice says to click into a message');
    assert.ok(!(await body(page, c)).includes(DANA.greeting));
    await page.close();
  });

  test('frame.html cannot be framed by its static address or by another site', async () => {
    await browser.context.route('https://example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>elsewhere' }));
    for (const [origin, page] of [['https://mail.google.com', (await openPage(c)).page], ['https://example.com', await browser.context.newPage()]]) {
      if (origin === 'https://example.com') await page.goto('https://example.com/');
      await page.evaluate((id) => {
        const f = document.createElement('iframe');
        f.src = `chrome-extension://${id}/frame.html#k=noticeNothing&v=notice`;
        document.body.append(f);
      }, browser.id);
      await page.waitForTimeout(800);
      assert.equal(await extensionFrame(page, 'notice', 300), null, `${origin}: our frame was loaded`);
      await page.close();
    }
  });
});

// Last in this browser: it stops the service worker.
test('an offer outlives a stopped service worker: the draft and the send still go through', async () => {
  await seed(browser.worker, applications());
  const { page } = await openPage(SITES[0]);
  // Sent from the tab's content-script world, driven from an extension page (which, unlike
  // the worker, is still there after the worker stops).
  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  const inTab = (message) => popup.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: (m) => chrome.runtime.sendMessage(m),
      args: [message],
    });
    return result;
  }, message);
  const offer = await inTab({ type: 'compose/offer', recipients: ['dana@acme.io'], compose: 'c1' });
  assert.ok(offer.pick, JSON.stringify(offer));
  const cdp = await browser.context.newCDPSession(popup);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(browser.id));
  assert.ok(target, 'the worker runs');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  let gone = false;
  for (let i = 0; i < 100 && !gone; i += 1) {
    const { targetInfos: now } = await cdp.send('Target.getTargets');
    gone = !now.some((t) => t.targetId === target.targetId);
    await popup.waitForTimeout(50);
  }
  assert.ok(gone, 'the worker stopped');
  await cdp.detach();
  const draft = await inTab({ type: 'offer/draft', offer: offer.pick, compose: 'c1' });
  assert.match(draft.body ?? '', /^Dear Dana,/, JSON.stringify(draft));
  const sent = await inTab({ type: 'offer/sent', offer: offer.pick, compose: 'c1' });
  assert.equal(typeof sent.notice, 'string', JSON.stringify(sent));
  await page.close();
  await popup.close();
});

test('control: the test build marks the page, and the probe finds the mark', async () => {
  const hooked = await launch({ extension: extensionDir });
  try {
    const { page } = await openPage(SITES[0], hooked.context);
    await page.waitForSelector('html[data-followup="ready"]', { timeout: 10000 });
    assert.ok(await page.evaluate(() => [...document.documentElement.attributes].some((a) => /followup/i.test(a.name))));
    await page.close();
  } finally {
    await hooked.close();
  }
});
