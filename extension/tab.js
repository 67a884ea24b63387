// Full-tab page glue: loads the Rust interface and hands it the page's root element and the
// view the address names (`tab.html#today`; the board otherwise).
import init, { mountTab } from './pkg/followup.js';

// The records Today is drawn from, asked for while the WebAssembly compiles.
const early = chrome.storage.local.get(['schema', 'journal', 'settings', 'today']);

init()
  .then(() => mountTab(document.getElementById('app'), early, location.hash))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
