// Backups and calendar exports from an extension page, through exportFile and the real
// backup/import message: round trips, every kind of bad file, and the .ics read by ical.js.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { isoDay, launch, seed } from './harness.mjs';
import { dump, interviewed, loadWasm, plain, send } from './storage-util.mjs';

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  await loadWasm(page);
});
after(async () => {
  await browser?.close();
});

const exportFile = (kind) => page.evaluate(async (kind) => (await followupWasm).exportFile(kind), kind);
const currentPlan = () => page.evaluate(async () => (await followupWasm).currentPlan());

/** The nearest working day (Monday to Friday) at `days` from today or later. */
function weekday(days) {
  for (let d = days; ; d++) {
    const date = new Date();
    date.setDate(date.getDate() + d);
    if (date.getDay() !== 0 && date.getDay() !== 6) return { days: d, iso: isoDay(d) };
  }
}

const SETTINGS = {
  revision: 3,
  bufferDays: 2,
  thankYouCard: true,
  profile: { name: 'Alex Chen', email: 'alex@example.org', phone: '', signature: 'Portfolio: alex.example' },
  templates: { 'thank-you-email': 'Dear {first_name},\nThank you.' },
};

function sampleApps() {
  const past = weekday(-12).days;
  return [
    interviewed('acme', weekday(0).days, { decisionDate: weekday(6).iso, notes: 'Café talk, "quoted", =formula' }),
    interviewed('globex', past, {
      appliedOn: isoDay(past - 10),
      history: [
        { date: isoDay(past), type: 'sent', action: 'thank-you-email/r1/c1' },
        { date: isoDay(past + 1), type: 'reply', decisionDate: null },
      ],
    }),
    interviewed('initech', weekday(8).days),
    plain('umbrella', 'Línea 2\nwith a new line'),
  ];
}

const stamp = (text) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

test('export, import into empty storage, export again: the same bytes but the export time', async () => {
  await seed(browser.worker, sampleApps(), SETTINGS);
  const first = await exportFile('backup');
  assert.equal(first.mime, 'application/json');
  assert.match(first.filename, /^followup-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(first.text).applications.length, 4);

  await page.evaluate(() => chrome.storage.local.clear());
  const reply = await send(page, { type: 'backup/import', text: first.text, replace: true });
  assert.deepEqual(reply.added, ['acme', 'globex', 'initech', 'umbrella'], JSON.stringify(reply));
  const second = await exportFile('backup');
  assert.equal(stamp(second.text), stamp(first.text));
  const differing = first.text.split('\n').filter((line, i) => line !== second.text.split('\n')[i]);
  assert.ok(differing.every((line) => line.includes('"exportedAt"')), differing.join('\n'));

  // Importing the same file again (merge) finds everything identical and writes nothing.
  const before = await dump(page);
  const again = await send(page, { type: 'backup/import', text: second.text, replace: false });
  assert.equal(again.skipped.length, 4, JSON.stringify(again));
  assert.equal(await dump(page), before);
});

test('every bad file is refused with a message naming the problem, and storage is unchanged', async () => {
  await seed(browser.worker, sampleApps(), SETTINGS);
  const good = (await exportFile('backup')).text;
  const edit = (change) => {
    const doc = JSON.parse(good);
    change(doc);
    return JSON.stringify(doc, null, 2);
  };
  const padded = edit((d) => (d.applications[0].notes = 'x'.repeat(50 * 1024 * 1024)));
  const cases = [
    ['truncated JSON', good.slice(0, Math.floor(good.length / 2)), /ends too early \(line \d+, column \d+\)/],
    ['wrong format name', edit((d) => (d.format = 'jobtracker-export')), /format "jobtracker-export", not a Follow-up backup/],
    ['future version', edit((d) => (d.version = 7)), /newer version of Follow-up \(backup version 7; this version reads up to 1\)/],
    ['duplicate ids', edit((d) => d.applications.push(d.applications[1])), /more than once: globex/],
    ['invalid date', edit((d) => (d.applications[0].rounds[0].date = '2026-02-30')), /applications\[0\]\.rounds\[0\]\.date \(application "acme"\).*"2026-02-30" is not a valid date/],
    ['wrong field type', edit((d) => (d.applications[2].revision = 'seven')), /applications\[2\]\.revision \(application "initech"\): expected .*, found text/],
    ['wrong field type in settings', edit((d) => (d.settings.bufferDays = [2])), /settings\.bufferDays: expected .*, found a list/],
    ['a CSV picked by mistake', (await exportFile('applications-csv')).text, /spreadsheet \(CSV\) file, not a backup/],
    ['the job-search log CSV', (await exportFile('log-csv')).text, /spreadsheet \(CSV\) file, not a backup/],
    ['an .ics picked by mistake', (await exportFile('ics')).text, /calendar \(\.ics\) file, not a backup/],
    ['an empty file', '', /The file is empty/],
    ['a 50 MB file', padded, /50\.0 MB is more than a message may carry .*backup file over 20 MB is refused/],
  ];
  const before = await dump(page);
  for (const [name, text, expected] of cases) {
    // Both import modes (the 50 MB file once: moving it takes seconds).
    for (const replace of text.length > 1e7 ? [true] : [false, true]) {
      const reply = await send(page, { type: 'backup/import', text, replace });
      assert.match(reply.error ?? JSON.stringify(reply).slice(0, 200), expected, name);
      assert.equal(await dump(page), before, `${name}: storage changed`);
      if (replace) console.log(`${name}: ${reply.error}`);
    }
  }
});

/** The UID core::export gives an action's event. */
function uid(appId, key) {
  const part = (s) =>
    [...new TextEncoder().encode(s)]
      .map((b) => (/[A-Za-z0-9.]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `_${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');
  return `${part(appId)}-${part(key)}@followup.local`;
}

const CALENDAR_STATES = ['upcoming', 'due', 'overdue', 'snoozed', 'projected'];

/** Reads a calendar with ical.js: {uid: {start, summary}}. */
function readCalendar(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = {};
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    assert.ok(!(event.uid in events), `UID ${event.uid} twice`);
    assert.ok(event.startDate.isDate, `${event.uid} is an all-day event`);
    events[event.uid] = { start: event.startDate.toString(), summary: event.summary, description: event.description };
  }
  return events;
}

/** Every action still to do has its event on its due date, every interview on its day, and nothing else. */
function assertCalendarMatches(events, plan, apps) {
  const expected = {};
  for (const a of plan.filter((a) => CALENDAR_STATES.includes(a.state))) expected[uid(a.appId, a.key)] = a.due;
  for (const app of apps) for (const r of app.rounds ?? []) expected[`${app.id}-round-${r.id}@followup.local`] = r.date;
  assert.deepEqual(Object.fromEntries(Object.entries(events).map(([u, e]) => [u, e.start])), expected);
}

test('the calendar file reads in ical.js, with every event on the planned day; UIDs stay stable', async () => {
  const apps = sampleApps();
  await seed(browser.worker, apps, SETTINGS);
  const file = await exportFile('ics');
  assert.equal(file.mime, 'text/calendar;charset=utf-8');
  assert.match(file.filename, /^followup-plan-\d{4}-\d{2}-\d{2}\.ics$/);
  const plan = await currentPlan();
  const events = readCalendar(file.text);
  assertCalendarMatches(events, plan, apps);
  console.log(`calendar: ${Object.keys(events).length} events for ${plan.length} planned actions`);

  // Known from the seed alone: the thank-you email is due on the interview day.
  for (const app of apps.filter((a) => a.rounds && a.id !== 'globex')) {
    const thanks = events[uid(app.id, 'thank-you-email/r1/c1')];
    assert.ok(thanks, `thank-you of ${app.id} in the calendar`);
    assert.equal(thanks.start, app.rounds[0].date);
    assert.match(thanks.summary, new RegExp(`^Thank-you email to Dana Smith, Company ${app.id}, Data Engineer$`));
  }
  // Already sent, so not in the calendar.
  assert.ok(!events[uid('globex', 'thank-you-email/r1/c1')]);

  // A second export: the same events, the same UIDs; only DTSTAMP may differ.
  const again = await exportFile('ics');
  const noStamp = (t) => t.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');
  assert.equal(noStamp(again.text), noStamp(file.text));

  // Marking the Acme thank-you sent drops its event; the rest follows the new plan.
  const key = 'thank-you-email/r1/c1';
  const sent = await send(page, { type: 'action/sent', appId: 'acme', actionKey: key });
  assert.equal(sent.ok, true, JSON.stringify(sent));
  const after = readCalendar((await exportFile('ics')).text);
  assert.ok(!after[uid('acme', key)], 'the sent action left the calendar');
  assertCalendarMatches(after, await currentPlan(), apps);
  for (const [u, e] of Object.entries(after)) {
    if (events[u] && !u.includes('-round-')) assert.equal(e.summary, events[u].summary, u);
  }
});

test('an unknown export kind is refused in words', async () => {
  const error = await page.evaluate(async () => {
    try {
      await (await followupWasm).exportFile('pdf');
      return 'exported';
    } catch (e) {
      return String(e);
    }
  });
  assert.equal(error, 'There is no export called "pdf" (known: backup, applications-csv, log-csv, ics, insights-csv).');
});
