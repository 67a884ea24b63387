// Helpers shared by the storage browser tests (not a test file itself).
import { isoDay } from './harness.mjs';

/** Sends one message from an extension page, as the popup and options page do. */
export function send(page, message) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Every key and value of one storage area, as stored, in key order: for byte-for-byte checks. */
export function dump(page, area = 'local') {
  return page.evaluate(async (area) => {
    const all = await chrome.storage[area].get(null);
    const out = {};
    for (const key of Object.keys(all).sort()) {
      out[key] = typeof all[key] === 'string' ? all[key] : JSON.stringify(all[key]);
    }
    return JSON.stringify(out);
  }, area);
}

/**
 * Loads the extension's (or www's) wasm module into the page as `globalThis.followupWasm`, a
 * promise of the initialised module. Page CSP forbids eval, so callers use it directly:
 * `page.evaluate(async () => (await followupWasm).exportFile('ics'))`.
 */
export function loadWasm(page) {
  return page.evaluate(async () => {
    globalThis.followupWasm ??= import(new URL('pkg/followup.js', location.href).href).then(async (m) => {
      await m.default();
      return m;
    });
    await globalThis.followupWasm;
  });
}

/** Polls `probe` until it returns a truthy value; returns that value. */
export async function until(probe, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

/** An application with an interview `days` from today and one interviewer: a thank-you is due that day. */
export function interviewed(id, days = 0, extra = {}) {
  return {
    id,
    company: `Company ${id}`,
    role: 'Data Engineer',
    status: 'interviewing',
    contacts: [{ id: 'c1', name: 'Dana Smith', email: `dana@${id}.example` }],
    rounds: [{ id: 'r1', date: isoDay(days), kind: 'on-site', interviewers: [{ contactId: 'c1', points: [] }] }],
    ...extra,
  };
}

/** A plain application with no interview: it schedules nothing. */
export function plain(id, notes = '') {
  return { id, company: `Company ${id}`, role: 'Analyst', status: 'applied', notes };
}

/** The stored settings of the page's profile and their revision. */
export async function storedSettings(page) {
  const raw = await page.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  if (raw === undefined) return { settings: {}, revision: 0 };
  const { revision = 0, ...settings } = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return { settings, revision };
}

/** Saves the settings with `changes` through the `settings/save` message. */
export async function saveSettings(page, changes) {
  const { settings, revision } = await storedSettings(page);
  const reply = await send(page, { type: 'settings/save', settings: { ...settings, ...changes }, revision });
  if (reply?.error) throw new Error(reply.error);
  return reply;
}
