// Full-tab page glue: loads the Rust interface and hands it the page's root element and the
// view the address names (`tab.html#today`; the board otherwise).
import init, { mountTab } from './pkg/followup.js';

// The records Today is drawn from, and everything (the board shows every application),
// asked for while the WebAssembly compiles.
const early = chrome.storage.local.get(['schema', 'journal', 'settings', 'today']);
const everything = chrome.storage.local.get(null);

init()
  .then(() => mountTab(document.getElementById('app'), early, everything, location.hash))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
