// Popup glue: puts in the page the Today the service worker drew ahead (a small module of its
// own: src/web/early.rs), then loads the Rust interface and hands it the page's root element,
// and what the posting collector finds in the tab the popup was opened on (Rust reads it:
// src/ui/capture.rs).
import initEarly, { drawEarly } from './pkg-early/followup.js';
import { collectPosting } from './posting/collect.js';

const app = document.getElementById('app');

// Today as the service worker drew it, and the records Today is drawn from, asked for while
// the WebAssembly compiles.
const drawing = chrome.storage.local.get(['schema', 'journal', 'settings', 'today-view']);
const early = chrome.storage.local.get(['schema', 'journal', 'settings', 'today']);

// What is clicked in the first drawing before the interface takes it over (it removes
// `data-early` then) is held, and clicked again by the interface once it has. Links open as
// links do.
const held = [];
app.addEventListener('click', (event) => {
  if (!app.hasAttribute('data-early') || !event.target.closest?.('[data-action]')) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  held.push(event.target);
}, true);

// The tab to read: the active tab of the popup's window. Opening the popup (the toolbar
// button, the keyboard shortcut, the "Save this job" menu item) grants activeTab on it, so
// the collector runs once there with no host permission. A popup opened in a tab of its own
// by the menu item (where the browser cannot open the popup) names the tab as `?tab=<id>`.
async function collect() {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(asked) && asked > 0
    ? await chrome.tabs.get(asked).catch(() => null)
    : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id == null) return null;
  const url = tab.url ?? '';
  try {
    const [done] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: collectPosting });
    if (done?.result == null) return { url, refused: true };
    return { url, json: JSON.stringify(done.result) };
  } catch {
    // The browser's own pages, the extension stores, a tab that navigated away: Rust words it.
    return { url, refused: true };
  }
}
const page = collect().catch(() => null);

Promise.all([initEarly(), drawing])
  .then(([, stored]) => drawEarly(app, stored))
  .catch(() => false)
  .then(() => import('./pkg/followup.js'))
  .then(async ({ default: init, mountPopup }) => {
    await init();
    mountPopup(app, early, page, held);
  })
  .catch((error) => {
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
