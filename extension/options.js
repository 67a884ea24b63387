// Options page glue: loads the Rust interface and hands it the page's root element.
import init, { mountOptions } from './pkg/followup.js';

init()
  .then(() => mountOptions(document.getElementById('app')))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
