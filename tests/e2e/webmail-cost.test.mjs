// The content script's cost on a busy page: a Gmail fixture with a compose window open churns
// its DOM every animation frame (thousands of elements added and removed a second, like a
// live inbox) while the V8 sampling profiler records the main thread. Time in samples whose
// stack holds a frame of the extension's scripts must stay within 2% of the main thread's
// busy time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seed } from './harness.mjs';
import { CASES, applications } from './webmail-cases.mjs';
import { buttonLocator, ctx, openCompose, openPage } from './webmail-suite.mjs';

before(async () => {
  ctx.browser = await launch();
  await seed(ctx.browser.worker, applications());
});
after(async () => {
  await ctx.browser?.close();
});

/** {ours, busy, wall} in ms from a CPU profile; `ours` counts samples in extension code. */
function split(profile, prefix) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const node = byId.get(id);
    const result = node.callFrame.url.startsWith(prefix) || (parent.has(id) && isOurs(parent.get(id)));
    ours.set(id, result);
    return result;
  };
  let mine = 0;
  let idle = 0;
  let wall = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    wall += dt;
    if (byId.get(id).callFrame.functionName === '(idle)') idle += dt;
    else if (isOurs(id)) mine += dt;
  });
  if (process.env.FOLLOWUP_PROFILE_TOP) {
    const self = new Map();
    profile.samples.forEach((id, i) => {
      if (!isOurs(id)) return;
      const f = byId.get(id).callFrame;
      const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 12));
  }
  return { ours: mine, busy: wall - idle, wall };
}

/** One measurement: profile 3 s of churn with a compose window open, then open six more. */
async function measure(c) {
  const { page, errors } = await openPage(c);
  await openCompose(page, c);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // 60 rows a frame on a page that keeps 4,000 of them (some 12,000 elements).
  await page.evaluate(() => window.startChurn(60, 4000));
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  // Alternately: a window opened in its own task (a click), and one opened in the same task
  // as a churn frame (its arrival hidden in a large batch of changes).
  const latencies = { own: [], batch: [] };
  for (let i = 0; i < 6; i += 1) {
    const inBatch = i % 2 === 1;
    const ms = await page.evaluate(async (inBatch) => {
      const count = () => document.querySelectorAll('[data-followup-button]').length;
      const before = count();
      const start = inBatch ? await window.openComposeDuringChurn('compose') : window.openCompose('compose');
      return new Promise((resolve) => {
        const check = () => count() > before && (observer.disconnect(), resolve(performance.now() - start));
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true });
        check();
        setTimeout(() => resolve(-1), 3000);
      });
    }, inBatch);
    latencies[inBatch ? 'batch' : 'own'].push(ms);
    await page.waitForTimeout(330);
  }
  const rows = await page.evaluate(() => window.stopChurn());
  const buttons = await buttonLocator(page, c).count();
  await page.close();
  const { ours, busy, wall } = split(profile, `chrome-extension://${ctx.browser.id}/`);
  const perSecond = Math.round(rows / ((wall + 6 * 330) / 1000));
  const share = ours / busy;
  const all = [...latencies.own, ...latencies.batch];
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(
    `churn: ${perSecond} rows added (and as many removed) a second; main thread busy ${busy.toFixed(0)} of ${wall.toFixed(0)} ms; ` +
      `extension ${ours.toFixed(1)} ms = ${(100 * share).toFixed(2)}% of busy, ${((100 * ours) / wall).toFixed(2)}% of wall; ` +
      `compose opened during the churn -> button (ms): own task ${latencies.own.map((ms) => ms.toFixed(1)).join(', ')}; ` +
      `inside a churn batch ${latencies.batch.map((ms) => ms.toFixed(1)).join(', ')}`,
  );
  return { perSecond, share, all, median: Math.max(median(latencies.own), median(latencies.batch)), buttons, errors };
}

// Sampled time counts whatever runs when the thread is descheduled; on a shared machine a
// run can be inflated by other processes, so up to three runs are made before failing (a
// real regression, such as reading every mutation record again, fails all three).
test('while the page mutates thousands of nodes a second, the extension stays under 2% of the main thread', async () => {
  const c = CASES.find((x) => x.site === 'gmail' && x.name === 'compose');
  let run;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    run = await measure(c);
    assert.ok(run.perSecond > 1000, 'the page churned thousands of nodes a second');
    assert.equal(run.buttons, 7, 'every compose window has its button');
    assert.ok(run.all.every((ms) => ms >= 0), 'every button appeared');
    assert.deepEqual(run.errors, []);
    if (run.share <= 0.02 && run.median <= 200) break;
  }
  assert.ok(run.share <= 0.02, `extension used ${(100 * run.share).toFixed(2)}% of the busy main thread`);
  assert.ok(run.median <= 200, `median button latency during churn ${run.median.toFixed(1)} ms`);
});
