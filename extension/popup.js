// Popup glue: loads the Rust interface and hands it the page's root element.
import init, { mountPopup } from './pkg/followup.js';

// The records Today is drawn from, asked for while the WebAssembly compiles.
const early = chrome.storage.local.get(['schema', 'journal', 'settings', 'today']);

init()
  .then(() => mountPopup(document.getElementById('app'), early))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
