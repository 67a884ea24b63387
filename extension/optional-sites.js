// Content scripts for the webmail sites the user opts into (optional host permissions):
// registered while the permission is granted, unregistered when it is withdrawn. The options
// page asks for the permission; this module only follows what is granted. Imported by
// background.js for its listeners, which are registered synchronously at start-up.
const SCRIPTS = ['messages.js', 'content/editor.js', 'content/sites.js', 'content/main.js'];

/** One registration per optional site. Proton's editor is an iframe without its own URL. */
const SITES = [
  { id: 'followup-yahoo', matches: ['https://mail.yahoo.com/*'] },
  { id: 'followup-proton', matches: ['https://mail.proton.me/*'], allFrames: true, matchOriginAsFallback: true },
];

async function register(site) {
  const script = { id: site.id, matches: site.matches, js: SCRIPTS, runAt: 'document_idle', allFrames: Boolean(site.allFrames) };
  try {
    await chrome.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: Boolean(site.matchOriginAsFallback) }]);
  } catch (error) {
    // A browser without matchOriginAsFallback: the top frame still reaches same-origin editor frames.
    if (!/matchOriginAsFallback|match_origin_as_fallback|Unexpected property/i.test(String(error?.message))) throw error;
    await chrome.scripting.registerContentScripts([script]);
  }
}

/** Makes the registrations match the granted permissions. */
async function sync() {
  const { origins = [] } = await chrome.permissions.getAll();
  const registered = new Set((await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (const site of SITES) {
    const granted = site.matches.every((m) => origins.includes(m));
    if (granted && !registered.has(site.id)) await register(site);
    if (!granted && registered.has(site.id)) await chrome.scripting.unregisterContentScripts({ ids: [site.id] });
  }
}

// Permission events can arrive together: one sync at a time.
let running = Promise.resolve();
export function syncOptionalSites() {
  running = running.then(sync).catch((error) => console.error('Follow-up: optional site scripts:', error));
  return running;
}

chrome.permissions.onAdded.addListener(syncOptionalSites);
chrome.permissions.onRemoved.addListener(syncOptionalSites);
syncOptionalSites();
