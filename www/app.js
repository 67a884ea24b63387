// Web page glue (www/): reads the message files of the user's language (English fills any
// gap), loads the Rust interface and hands it the page root. Data stays in this browser's
// localStorage; the page makes no other request than for its own files.
import init, { mountWww } from './pkg/followup.js';

async function messages(language) {
  const read = (lang) => fetch(`_locales/${lang}/messages.json`).then((r) => (r.ok ? r.json() : {}), () => ({}));
  const english = await read('en');
  const base = language.split('-')[0];
  return base === 'en' ? english : { ...english, ...(await read(base)) };
}

const language = navigator.language || 'en';
Promise.all([init(), messages(language)])
  .then(([, table]) => {
    document.documentElement.lang = language;
    mountWww(document.getElementById('app'), table, language);
  })
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Follow-up could not start: ${error?.message ?? error}`;
    app.setAttribute('role', 'alert');
    app.setAttribute('aria-busy', 'false');
  });
