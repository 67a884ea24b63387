// Content scripts for the webmail sites the user opts into (optional host permissions):
// registered while the permission is granted, unregistered when it is withdrawn. The options
// page asks for the permission; this module only follows what is granted. Imported by
// background.js for its listeners, which are registered synchronously at start-up.
//
// Top frame only, like the static entries: Proton's body editor is a same-origin iframe that
// the top frame's content script reaches itself (docs/webmail-adapters.md, "Frames").
// The same scripts as the static entries, in the same order (Firefox reports them as full
// URLs, which registration does not take: paths inside the extension). The sites come from
// site-list.js, written from extension/sites.json when the extension is assembled.
import './site-list.js';
const SCRIPTS = chrome.runtime.getManifest().content_scripts[0].js.map((path) => new URL(path, chrome.runtime.getURL('/')).pathname.slice(1));
const SITES = globalThis.FollowupSiteList.filter((site) => site.optional).map((site) => ({
  id: `followup-${site.id}`,
  matches: site.origins.map((origin) => `${origin}/*`),
}));

/** Makes the registrations match the granted permissions. */
async function sync() {
  const { origins = [] } = await chrome.permissions.getAll();
  const registered = new Set((await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (const site of SITES) {
    const granted = site.matches.every((m) => origins.includes(m));
    if (granted && !registered.has(site.id)) {
      await chrome.scripting.registerContentScripts([{ id: site.id, matches: site.matches, js: SCRIPTS, runAt: 'document_idle', allFrames: false }]);
    } else if (!granted && registered.has(site.id)) {
      await chrome.scripting.unregisterContentScripts({ ids: [site.id] });
    }
  }
}

// Permission events can arrive together: one sync at a time.
let running = Promise.resolve();
function syncOptionalSites() {
  running = running.then(sync).catch((error) => console.error('Follow-up: optional site scripts:', error));
  return running;
}

chrome.permissions.onAdded.addListener(syncOptionalSites);
chrome.permissions.onRemoved.addListener(syncOptionalSites);
syncOptionalSites();
