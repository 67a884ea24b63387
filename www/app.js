// Web page glue (www/): loads the Rust UI and hands it the page root; data stays in this browser (localStorage).
import init, { mountWww } from './pkg/followup.js';

init()
  .then(() => mountWww(document.getElementById('app')))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
  });
