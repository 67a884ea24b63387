// Every string the content scripts show exists in English and German, with the same
// placeholders, so no page ever shows a bare message key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

// The content script names its notices; the extension frame (frame.html) words them.
const source = ['extension/content/main.js', 'extension/content/ui.js', 'extension/frame.js']
  .map((file) => readFileSync(join(root, file), 'utf8'))
  .join('\n');
const locale = (lang) => JSON.parse(readFileSync(join(root, `extension/_locales/${lang}/messages.json`), 'utf8'));

test('content script strings are in every locale with the same placeholders', () => {
  const keys = new Set([...source.matchAll(/(?:\bt\(|\bk: |getMessage\()'([A-Za-z_]+)'/g)].map((m) => m[1]));
  for (const state of ['upcoming', 'due', 'overdue', 'snoozed']) keys.add(`state_${state}`);
  assert.ok(keys.size >= 15, `found ${keys.size} keys`);
  const en = locale('en');
  const de = locale('de');
  for (const key of keys) {
    for (const [lang, messages] of [['en', en], ['de', de]]) {
      assert.equal(typeof messages[key]?.message, 'string', `${lang}: ${key}`);
      assert.notEqual(messages[key].message.trim(), '', `${lang}: ${key} is empty`);
    }
    const holes = (m) => [...m.matchAll(/\$([a-z]+)\$/g)].map((x) => x[1]).sort();
    assert.deepEqual(holes(de[key].message), holes(en[key].message), `${key}: placeholders`);
    assert.notEqual(de[key].message, en[key].message, `${key}: German is translated`);
  }
});
