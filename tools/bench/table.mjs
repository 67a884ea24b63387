// The benchmark's table: the rows and notes the measurements add, how figures are written, and
// the settings every part shares (repeats, churn length).

export const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
export const CHURN_SECONDS = Number(process.env.BENCH_CHURN_SECONDS ?? 10);

const rows = [];
/** Lines printed under the table: where the time goes, per figure. */
export const notes = [];

export const log = (...a) => console.error('[bench]', ...a);
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
export const ms = (v) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
export const x = (r) => `${r.toFixed(2)}x`;
export const count = (n) => n.toLocaleString('en');

/** One table row. `meets`: true, false, or null when there is no budget. */
export function row(n, figure, measured, baseline, ratio, budget, meets) {
  rows.push({ n, figure, measured, baseline, ratio, budget, meets: meets === null ? '-' : meets ? 'yes' : '**no**' });
}

/** The table in Markdown, rows in figure order (a stable sort keeps each figure's own order). */
export function table() {
  const head = ['#', 'figure', 'measured', 'baseline (same run)', 'ratio', 'budget', 'meets budget'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of [...rows].sort((a, b) => a.n - b.n)) {
    lines.push(`| ${[r.n, r.figure, r.measured, r.baseline, r.ratio, r.budget, r.meets].join(' | ')} |`);
  }
  return lines.join('\n');
}
