// web-ext lint on dist/firefox: no errors and no warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

test('web-ext lint reports 0 errors and 0 warnings', () => {
  const out = execFileSync(join(root, 'node_modules/.bin/web-ext'), [
    'lint', '--source-dir', join(root, 'dist/firefox'), '--output', 'json', '--no-config-discovery',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const report = JSON.parse(out);
  const list = (kind) => report[kind].map((m) => `${m.code} ${m.file ?? ''}: ${m.description ?? m.message}`);
  assert.deepEqual(list('errors'), []);
  assert.deepEqual(list('warnings'), []);
});
