// Service worker glue. All decisions are made in Rust (pkg-worker/followup.js, the module
// built for the service worker); this file only wires browser events to it. Listeners are
// registered synchronously at start-up (a module service worker with top-level await never
// gets its events), and `ready` is awaited inside each handler. No state lives in globals
// between events: the worker may stop after ~30 s idle.
import './messages.js';
import './optional-sites.js';
import initEarly, { earlyBadge } from './pkg-early/followup.js';
import init, { Background, syncStorage, syncNeeded } from './pkg-worker/followup.js';

const DAILY = 'daily-refresh';

function setBadge({ count, overdue }) {
  return Promise.all([
    chrome.action.setBadgeText({ text: count > 0 ? String(count) : '' }),
    chrome.action.setBadgeBackgroundColor({ color: overdue ? '#b3261e' : '#3d5afe' }),
  ]);
}

// The badge stored with today's summary, shown before the full module loads when Rust says it
// is still true (the small module the popup draws its first Today with).
const early = Promise.all([initEarly(), chrome.storage.local.get(['schema', 'journal', 'settings', 'today-view'])])
  .then(([, stored]) => {
    const badge = earlyBadge(stored);
    if (badge) return setBadge(badge);
  })
  .catch(() => {});
// The full module is started once that badge is shown: compiled beside the small one, it
// delays the badge by a third (measured: 27-31 ms against 40-45 ms from a cold start).
const ready = early.then(() => init()).then(() => new Background());

// Messages, badge refreshes and sync runs are handled one at a time, so a read and the write
// based on it never interleave with another's (two popups, the options page and a content
// script may all write; the badge may write today's summary again). The early badge goes first.
let queue = early;
function queued(job) {
  const run = queue.then(async () => job(await ready));
  queue = run.catch(() => {});
  return run;
}

// `changes`: what storage.onChanged reported, when that is why the badge is refreshed.
function refreshBadge(changes = null) {
  const run = queued(async (bg) => {
    const badge = await bg.badge(changes);
    await setBadge(badge);
    return badge;
  });
  run.catch(() => {});
  return run;
}

function scheduleAlarms() {
  // A new day fires no event: wake up just after the next local midnight, then hourly.
  const midnight = new Date();
  midnight.setHours(24, 0, 30, 0);
  chrome.alarms.create(DAILY, { when: midnight.getTime(), periodInMinutes: 60 });
}

// The optional daily reminder (off by default): one alarm at the user's time, set again
// after each firing and whenever the settings change; Rust says when and what.
const REMINDER = 'daily-reminder';
// Both read storage (and may build today's summary again), so they wait their turn too.
function scheduleReminder() {
  const run = queued(async (bg) => {
    const at = await bg.nextReminder();
    if (at === null) await chrome.alarms.clear(REMINDER);
    else await chrome.alarms.create(REMINDER, { when: at });
  });
  run.catch(() => {});
  return run;
}
async function remind() {
  const text = await queued((bg) => bg.reminder());
  if (text) {
    await chrome.notifications.create(REMINDER, { type: 'basic', iconUrl: 'icons/128.png', ...text });
  }
  await scheduleReminder();
}

// "Save this job to Follow-up" on web pages. The click grants activeTab on the tab, like
// opening the popup: the popup opens over it (action.openPopup, in Chrome 127+ and Firefox
// as the answer to a user action) and reads the posting there; where the browser cannot
// open the popup, the same page opens in a tab of its own, told which tab to read.
const SAVE_JOB = 'save-job';
function addMenu() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({
      id: SAVE_JOB,
      title: chrome.i18n.getMessage('contextMenuSave'),
      contexts: ['page'],
    });
  });
}
chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== SAVE_JOB) return;
  const inTab = () => chrome.tabs.create({ url: chrome.runtime.getURL(`popup.html?tab=${tab?.id ?? ''}`), index: (tab?.index ?? 0) + 1 });
  try {
    Promise.resolve(chrome.action.openPopup()).catch(inTab);
  } catch {
    inTab();
  }
});

chrome.runtime.onInstalled.addListener(() => {
  addMenu();
  scheduleAlarms();
  scheduleReminder();
  refreshBadge();
});
chrome.runtime.onStartup.addListener(() => {
  scheduleAlarms();
  scheduleReminder();
  refreshBadge();
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DAILY) refreshBadge();
  if (alarm.name === REMINDER) remind();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  refreshBadge(changes);
  if ('settings' in changes) scheduleReminder();
});
// A message the user wrote themselves to someone with a thank-you or follow-up to send is
// asked about in a browser notification (src/web/mail.rs), outside the webmail page, which
// sees nothing of it. Chrome shows a Record button; Firefox has no buttons on notifications,
// so there a click on the notification is the answer, as its text says.
const ASK = 'ask:';
const BUTTONS = !/Firefox\//.test(navigator.userAgent);
globalThis.followupAsk = (id, question) => {
  const message = BUTTONS ? question : `${question} ${chrome.i18n.getMessage('askClickToRecord')}`;
  const options = { type: 'basic', iconUrl: 'icons/128.png', title: chrome.i18n.getMessage('askTitle'), message };
  if (BUTTONS) options.buttons = [{ title: chrome.i18n.getMessage('askRecordButton') }];
  Promise.resolve(chrome.notifications.create(id, options)).catch(() => {});
};
/** The user's yes to the question `id`: recorded through the worker, then said. */
function answerAsk(id) {
  chrome.notifications.clear(id);
  const run = queued((bg) => bg.recordAsk(id));
  run.then(
    (done) => chrome.notifications.create(`${id}:done`, { type: 'basic', iconUrl: 'icons/128.png', title: chrome.i18n.getMessage('askTitle'), message: done }),
    () => {},
  );
  return run;
}
globalThis.followupAnswerAsk = answerAsk;
chrome.notifications.onButtonClicked?.addListener((id, button) => {
  if (id.startsWith(ASK) && !id.endsWith(':done') && button === 0) answerAsk(id);
});
chrome.notifications.onClicked.addListener((id) => {
  if (id === REMINDER) chrome.tabs.create({ url: chrome.runtime.getURL('tab.html#today') });
  else if (!BUTTONS && id.startsWith(ASK) && !id.endsWith(':done')) answerAsk(id);
});

const ownOrigin = new URL(chrome.runtime.getURL('')).origin;

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const from = { id: sender.id ?? '', url: sender.url ?? '', tab: Boolean(sender.tab), tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null };
  const answer = queued((bg) => bg.handle(message, from, chrome.runtime.id, ownOrigin));
  answer.then(reply, (error) => reply({ error: String(error?.message ?? error) }));
  return true;
});

// Opt-in browser sync (src/web/sync.rs decides everything). A run is queued like a message,
// so it never interleaves with a write, once changes have been quiet for a moment; it also
// runs at every worker start, which catches a run lost when the worker stopped.
let syncTimer;
function scheduleSync(delay = 1000) {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => {
    const run = queued(() => syncStorage());
    run.then((done) => done.retryInMs > 0 && scheduleSync(done.retryInMs), () => {});
  }, delay);
}
chrome.storage.onChanged.addListener((changes, area) => {
  ready.then(() => syncNeeded(area, Object.keys(changes)) && scheduleSync());
});
scheduleSync();

// The insert-follow-up shortcut: the content script of the active tab does the work.
chrome.commands.onCommand.addListener(async (command) => {
  if (command !== 'insert-follow-up') return;
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tab?.id != null) await chrome.tabs.sendMessage(tab.id, { type: globalThis.FollowupMessages.INSERT });
  } catch {
    // No content script in that tab (not a webmail page, or opened before the extension).
  }
});

refreshBadge();
