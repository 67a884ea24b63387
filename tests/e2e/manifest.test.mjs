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

// The only file a web page may load: the extension's frame for the chooser and notices, on
// the webmail sites only, at a URL that changes every session where the browser can do that.
const FRAME_ONLY = [{ resources: ['frame.html'], matches: [...WEBMAIL, ...OPTIONAL], use_dynamic_url: true }];

for (const browser of ['chrome', 'firefox']) {
  const dir = join(root, 'dist', browser);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  test(`${browser}: exactly the permissions the extension needs`, () => {
    assert.deepEqual([...manifest.permissions].sort(), [
      'activeTab', 'alarms', 'clipboardWrite', 'contextMenus', 'notifications', 'scripting', 'storage', 'unlimitedStorage',
    ]);
    // "Save this job" reads a posting page through activeTab alone: no host beyond webmail.
    assert.deepEqual(manifest.host_permissions, WEBMAIL);
    assert.deepEqual(manifest.optional_host_permissions, OPTIONAL);
    assert.equal(manifest.optional_permissions, undefined);
    const all = JSON.stringify(manifest);
    assert.ok(!all.includes('<all_urls>') && !all.includes('*://*/'), 'no access to every site');
    assert.equal(manifest.externally_connectable, undefined, 'web pages cannot message the extension');
    assert.deepEqual(manifest.web_accessible_resources, FRAME_ONLY, 'pages load only the webmail frame, and only the webmail sites');
  });

  test(`${browser}: the popup opens from the keyboard, granting activeTab like the toolbar button`, () => {
    assert.deepEqual(Object.keys(manifest.commands).sort(), ['_execute_action', 'insert-follow-up']);
    assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+S');
    assert.equal(manifest.action.default_popup, 'popup.html');
  });

  test(`${browser}: only the test build reads the posting fixtures' hosts without a gesture`, () => {
    const testBuild = JSON.parse(readFileSync(join(root, 'dist', `${browser}-test`, 'manifest.json'), 'utf8'));
    const added = testBuild.host_permissions.filter((p) => !manifest.host_permissions.includes(p));
    assert.deepEqual(added, ['https://careers.northwind-traders.example/*', 'https://boards.greenhouse.io/*', 'https://blog.example.org/*']);
    const source = JSON.parse(readFileSync(join(root, 'extension/manifest.json'), 'utf8'));
    assert.equal(source.host_permissions, undefined, 'the source names no host: assemble writes the webmail ones');
  });

  test(`${browser}: content scripts run only on the webmail sites`, () => {
    for (const entry of manifest.content_scripts) {
      for (const match of entry.matches) assert.ok(WEBMAIL.includes(match), match);
      assert.deepEqual(entry.js, ['site-list.js', 'messages.js', 'content/editor.js', 'content/sites.js', 'content/ui.js', 'content/mail-sites.js', 'content/notice.js', 'content/main.js']);
    }
  });

  test(`${browser}: no test hook and no mark a page could find ships`, () => {
    for (const file of files(dir)) {
      assert.ok(!file.endsWith('test-hooks.js'), file);
      if (/\.(js|html|json|css)$/.test(file)) {
        const text = readFileSync(file, 'utf8');
        assert.doesNotMatch(text, /data-followup|FollowupTestHooks\s*=/, `${file}: a mark for pages or tests`);
      }
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

// Hosts a shipped file may name: the webmail sites (permissions, sender checks) and the
// calendar sites of the "add to calendar" links, which the user opens; nothing is loaded
// from any of them.
const NAMED_HOSTS = new Set([
  ...[...WEBMAIL, ...OPTIONAL].map((p) => new URL(p.replace('/*', '/')).host),
  'calendar.google.com',
]);
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g;

/** Remote URLs in `text` outside comments, with the line they are on. */
function remoteUrls(text, file) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(URL_PATTERN)) {
      const before = line.slice(0, match.index);
      const comment = /\/\/|\/\*|^\s*\*|<!--/.test(before);
      let host;
      try {
        host = new URL(match[0].replace(/\*/g, 'x')).host;
      } catch {
        host = match[0];
      }
      if (!comment && !NAMED_HOSTS.has(host)) found.push(`${file}:${i + 1}: ${match[0]}`);
    }
  });
  return found;
}

for (const dirName of ['chrome', 'firefox', 'www']) {
  const dir = join(root, 'dist', dirName);

  test(`${dirName}: every HTML file loads only its own script files, with no inline script or handler`, () => {
    const pages = files(dir).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length > 0);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
      assert.ok(scripts.length > 0, `${file}: no script at all`);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs, /\bsrc="[^":]+\.m?js"/, `${file}: a script without a local src (${attrs})`);
        assert.equal(body.trim(), '', `${file}: inline script body`);
      }
      assert.doesNotMatch(html, /<[^>]+\son[a-z]+\s*=/i, `${file}: inline event handler`);
      assert.doesNotMatch(html, /javascript:/i, `${file}: javascript: URL`);
      for (const [, value] of html.matchAll(/\b(?:src|href)="([^"]*)"/gi)) {
        assert.doesNotMatch(value, /^[a-z][a-z0-9+.-]*:|^\/\//i, `${file}: remote or scheme URL ${value}`);
      }
    }
  });

  test(`${dirName}: no shipped file names a remote URL to load`, () => {
    const found = [];
    for (const file of files(dir)) {
      if (/\.(m?js|html|css|json)$/.test(file)) found.push(...remoteUrls(readFileSync(file, 'utf8'), file));
      if (file.endsWith('.css')) {
        const css = readFileSync(file, 'utf8');
        assert.doesNotMatch(css, /@import|url\(\s*['"]?(?!data:)[a-z]+:/i, `${file}: CSS loads from elsewhere`);
      }
      if (file.endsWith('.wasm')) {
        const text = readFileSync(file).toString('latin1');
        // The data section runs strings together: a host ends where the next URL starts.
        // Not remote: the SVG namespace (an identifier, never fetched), the bare scheme the
        // interface checks links against (followed by unrelated strings), and the reserved
        // documentation domains of the sample data (RFC 2606).
        const notRemote = (host) =>
          host === 'www.w3.org' || !host.includes('.') || /(^|\.)example(\.com|\.org)?$/.test(host);
        for (const match of text.matchAll(/https?:\/\/(?:(?!https?:)[a-z0-9.-])+/gi)) {
          const host = new URL(match[0]).host;
          if (!NAMED_HOSTS.has(host) && host !== 'outlook.live.com' && !notRemote(host)) found.push(`${file}: ${match[0]}`);
        }
        // The one w3.org string is the SVG namespace itself.
        for (const match of text.matchAll(/https?:\/\/www\.w3\.org[\x21-\x7e]*/g)) {
          assert.ok(match[0].startsWith('http://www.w3.org/2000/svg'), `${file}: ${match[0]}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });
}

test('both manifests: MV3, one page CSP, nothing exposed to web pages, content scripts isolated in the top frame', () => {
  for (const browser of ['chrome', 'firefox']) {
    const manifest = JSON.parse(readFileSync(join(root, 'dist', browser, 'manifest.json'), 'utf8'));
    assert.equal(manifest.manifest_version, 3);
    assert.equal(
      manifest.content_security_policy.extension_pages,
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
    assert.equal(Object.keys(manifest.content_security_policy).length, 1, 'no sandbox or other CSP keys');
    assert.equal(manifest.externally_connectable, undefined);
    assert.deepEqual(manifest.web_accessible_resources, FRAME_ONLY);
    assert.equal(manifest.sandbox, undefined);
    assert.equal(manifest.update_url, undefined, 'no self-hosted updates');
    for (const entry of manifest.content_scripts) {
      assert.equal(entry.all_frames, false, 'content scripts stay in the top frame');
      assert.equal(entry.match_about_blank ?? false, false);
      assert.equal(entry.world ?? 'ISOLATED', 'ISOLATED', 'content scripts never run in the page world');
    }
  }
});
