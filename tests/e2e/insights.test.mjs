// The insights page in Chromium: a history seeded by hand, tab.html#insights opened, each
// table cell compared with the figure worked out by hand below; "Download CSV" gives the
// file; axe-core finds nothing in light and dark; screenshots insights-light/dark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, launch, seed, isoDay, screenshot, root } from './harness.mjs';


const round = (days) => [{ id: 'r1', date: isoDay(days), kind: 'video', interviewers: [] }];
const sent = (days, action) => ({ date: isoDay(days), type: 'sent', action });
const status = (days, to) => ({ date: isoDay(days), type: 'status', from: 'interviewing', to });
const app = (id, fields) => ({
  id, company: id[0].toUpperCase() + id.slice(1), role: 'Analyst', contacts: [], rounds: [], history: [], ...fields,
});

// Days are counted from today (0). What each application adds:
// - acme, offer: interview -33; a reply at -26 giving -22; the offer at -23. Two chains answered
//   before any follow-up; an answer 7 days after the interview; the decision 10 days after it,
//   by the date given.
// - bolt, rejected: interview -20, date given -12; first follow-up -11; rejected -10: answered
//   after the first follow-up; answer and decision 10 days after the interview, 2 days late.
// - core, no response: interview -30; two follow-ups; no response at -5: no answer after two.
// - dyno, interviewing: interview -1, still waiting.
// - echo, applied -4, the date it was given (-2) has passed.
// - fern, saved: not applied.
// - gulf, withdrawn: interview -63, withdrew -55: no answer, no follow-up.
// Funnel: 6 applied, 5 interviewed (83%), 1 offer (20%), 0 accepted (0%).
// Replies: no follow-up 2 of 5 (40%), after the first 1 of 2 (50%), after the second 0 of 1 (0%).
// Employers: answer [7, 10] -> 8.5 days (2 values); decision [10, 10] -> 10 days; by the date
// given 1 of 2 (50%); 1 after it, 2 days late (1 value); 1 past its date, still waiting.
const applied = { acme: -40, bolt: -30, core: -35, dyno: -8, echo: -4, gulf: -70 };
const interviews = { acme: -33, bolt: -20, core: -30, dyno: -1, gulf: -63 };
const HISTORY = [
  app('acme', {
    status: 'offer', appliedOn: isoDay(applied.acme), rounds: round(interviews.acme),
    history: [
      sent(-33, 'thank-you-email/r1/x'),
      { date: isoDay(-26), type: 'reply', decisionDate: isoDay(-22) },
      status(-23, 'offer'),
    ],
  }),
  app('bolt', {
    status: 'rejected', appliedOn: isoDay(applied.bolt), rounds: round(interviews.bolt), decisionDate: isoDay(-12),
    history: [sent(-11, 'first-follow-up/r1/0'), status(-10, 'rejected')],
  }),
  app('core', {
    status: 'no-response', appliedOn: isoDay(applied.core), rounds: round(interviews.core),
    history: [sent(-20, 'first-follow-up/r1/0'), sent(-13, 'second-follow-up/r1/0'), status(-5, 'no-response')],
  }),
  app('dyno', { status: 'interviewing', appliedOn: isoDay(applied.dyno), rounds: round(interviews.dyno) }),
  app('echo', { status: 'applied', appliedOn: isoDay(applied.echo), decisionDate: isoDay(-2) }),
  app('fern', { status: 'saved' }),
  app('gulf', { status: 'withdrawn', appliedOn: isoDay(applied.gulf), rounds: round(interviews.gulf), history: [status(-55, 'withdrawn')] }),
];

/** "2026-W10" for an ISO date: the week-numbering year and week of that day. */
function isoWeek(iso) {
  const monday0 = (d) => (d.getUTCDay() + 6) % 7;
  const thursday = new Date(`${iso}T00:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() - monday0(thursday) + 3);
  const year = thursday.getUTCFullYear();
  const first = new Date(Date.UTC(year, 0, 4));
  first.setUTCDate(first.getUTCDate() - monday0(first) + 3);
  const week = 1 + Math.round((thursday - first) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

let browser;
let page;
before(async () => {
  browser = await launch();
  await seed(browser.worker, HISTORY);
  page = await browser.context.newPage();
  await page.goto(browser.url('tab.html#insights'));
  await page.waitForSelector('#app[aria-busy="false"][data-view="insights"] section.insight', { timeout: 10000 });
});
after(() => browser?.close());

/** The cells of the section's table, row by row, the row's header first. */
const cells = (section) =>
  page.$$eval(`section.${section} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));

test('the tables say the figures worked out by hand', async () => {
  assert.deepEqual(await cells('funnel'), [
    ['Applied', '6', ''],
    ['Interviewed', '5', '83%'],
    ['Offer', '1', '20%'],
    ['Accepted', '0', '0%'],
  ]);
  assert.deepEqual(await cells('replies'), [
    ['With no follow-up', '2', '5', '40%'],
    ['After the first follow-up', '1', '2', '50%'],
    ['After the second follow-up', '0', '1', '0%'],
  ]);
  assert.deepEqual(await cells('employers'), [
    ['Interview to answer (median)', '8.5 days', '2 values'],
    ['Interview to decision (median)', '10 days', '2 values'],
    ['Decided by the date given', '50%', '1 of 2'],
    ['Decided after the date given', '1', ''],
    ['Days late, of late decisions (median)', '2 days', '1 value'],
    ['Date passed, still waiting', '1', ''],
  ]);
  assert.match(await page.textContent('section.replies p.answer'), /^Following up: the employer answered in 1 of 2 cases after your first follow-up \(50%\)\./);

  // Weeks: each application in the ISO week of its date, each interview in that of its round.
  const weeks = await cells('weeks');
  assert.equal(weeks.length, 12);
  const expected = new Map(weeks.map((r) => [r[0].split(',')[0], [0, 0]]));
  for (const days of Object.values(applied)) expected.get(isoWeek(isoDay(days)))[0] += 1;
  for (const days of Object.values(interviews)) expected.get(isoWeek(isoDay(days)))[1] += 1;
  for (const [label, apps, talks] of weeks) {
    assert.deepEqual([Number(apps), Number(talks)], expected.get(label.split(',')[0]), label);
  }
  assert.equal(weeks[11][0].split(',')[0], isoWeek(isoDay(0)), 'this week last');

  // The charts draw the same figures and leave the telling to the tables.
  assert.deepEqual(await page.$$eval('svg.funnel text.value', (t) => t.map((n) => n.textContent)), ['6', '5 · 83%', '1 · 20%', '0 · 0%']);
  assert.deepEqual(await page.$$eval('svg.chart', (s) => [...new Set(s.map((n) => n.getAttribute('aria-hidden')))]), ['true']);
  // The charts fill their column: the view box scales with the page.
  const width = await page.$eval('svg.funnel', (s) => s.getBoundingClientRect().width);
  assert.ok(width > 300, `funnel chart ${width}px wide`);
});

test('"Download CSV" downloads the figures as followup-insights-<today>.csv', async () => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), `followup-insights-${isoDay(0)}.csv`);
  const text = readFileSync(await file.path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'section,figure,value,out of,rate (%)');
  assert.ok(lines.includes('funnel,applied,6,,'));
  assert.ok(lines.includes('funnel,"interviewed, of applied",5,6,83.3'));
  assert.ok(lines.includes('replies,"answered after the first follow-up, of chains with one",1,2,50.0'));
  assert.ok(lines.includes('employers,median days from interview to reply,8.5,2,'));
  assert.ok(lines.includes('employers,"date passed, still waiting",1,,'));
  await page.waitForSelector(`.notice >> text=followup-insights-${isoDay(0)}.csv`);
});


test('axe-core finds nothing in light and dark; screenshots', async () => {
  await page.click('[data-action="dismiss"]');
  await capture(page, 'insights');
  assert.deepEqual(browser.errors, []);
});
