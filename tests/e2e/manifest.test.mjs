// Least privilege, checked on the built packages: the exact permission set, host access only
// to the webmail sites, a strict page CSP, no inline script, no remote code, no way in for
// web pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

const WEBMAIL = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
];
const OPTIONAL = ['https://mail.yahoo.com/*', 'https://mail.proton.me/*'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const browser of ['chrome', 'firefox']) {
  const dir = join(root, 'dist', browser);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  test(`${browser}: exactly the permissions the extension needs`, () => {
    assert.deepEqual([...manifest.permissions].sort(), [
      'alarms', 'clipboardWrite', 'notifications', 'scripting', 'storage', 'unlimitedStorage',
    ]);
    assert.deepEqual(manifest.host_permissions, WEBMAIL);
    assert.deepEqual(manifest.optional_host_permissions, OPTIONAL);
    assert.equal(manifest.optional_permissions, undefined);
    const all = JSON.stringify(manifest);
    assert.ok(!all.includes('<all_urls>') && !all.includes('*://*/'), 'no access to every site');
    assert.equal(manifest.externally_connectable, undefined, 'web pages cannot message the extension');
    assert.equal(manifest.web_accessible_resources, undefined, 'pages cannot load extension files');
  });

  test(`${browser}: content scripts run only on the webmail sites`, () => {
    for (const entry of manifest.content_scripts) {
      for (const match of entry.matches) assert.ok(WEBMAIL.includes(match), match);
    }
  });

  test(`${browser}: strict page CSP, no inline script, no remote code`, () => {
    assert.deepEqual(manifest.content_security_policy, {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
    for (const file of files(dir)) {
      if (file.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
          assert.match(tag, /\bsrc="[^":]+"/, `${file}: only local script files (${tag})`);
        }
        assert.doesNotMatch(html, /\son[a-z]+=/i, `${file}: no inline event handlers`);
      }
      if (file.endsWith('.js')) {
        const js = readFileSync(file, 'utf8');
        assert.doesNotMatch(js, /\beval\(|new Function\(|importScripts\(/, `${file}: no code from strings`);
        assert.doesNotMatch(js, /\bfetch\(\s*['"`]https?:|XMLHttpRequest|WebSocket\(|sendBeacon/, `${file}: no network`);
        assert.doesNotMatch(js, /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/, `${file}: no markup from strings`);
      }
    }
  });
}

test('chrome and firefox manifests differ only in the background and gecko settings', () => {
  const chrome = JSON.parse(readFileSync(join(root, 'dist/chrome/manifest.json'), 'utf8'));
  const firefox = JSON.parse(readFileSync(join(root, 'dist/firefox/manifest.json'), 'utf8'));
  assert.deepEqual(chrome.background, { service_worker: 'background.js', type: 'module' });
  assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(firefox.browser_specific_settings.gecko.id, 'followup@followup.example');
  for (const m of [chrome, firefox]) {
    delete m.background;
    delete m.browser_specific_settings;
  }
  assert.deepEqual(chrome, firefox);
});
