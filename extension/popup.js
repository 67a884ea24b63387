// Popup glue: loads the Rust interface and hands it the page's root element, and what the
// posting collector finds in the tab the popup was opened on (Rust reads it: src/ui/capture.rs).
import init, { mountPopup } from './pkg/followup.js';
import { collectPosting } from './posting/collect.js';

// The records Today is drawn from, asked for while the WebAssembly compiles.
const early = chrome.storage.local.get(['schema', 'journal', 'settings', 'today']);

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

init()
  .then(() => mountPopup(document.getElementById('app'), early, page))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
