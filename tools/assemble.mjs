// Assembles the per-browser packages from one source:
//   extension/ + dist/pkg (the pages' module) + dist/pkg-worker (the service worker's)
//   + dist/pkg-early (the popup's first drawing)
//     ->  dist/chrome, dist/firefox (manifest transformed per browser)
//   www/ + dist/pkg-www (as pkg/) + extension/_locales  ->  dist/www
// and zips each extension for its store. The browser tests load dist/chrome-test and
// dist/firefox-test: the same packages plus tests/hooks/content-hooks.js among the content
// scripts, which marks what the content script draws; those are never zipped or shipped.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const source = JSON.parse(readFileSync(join(root, 'extension/manifest.json'), 'utf8'));
// The webmail sites, declared once (extension/sites.json): the host permissions, the content
// scripts' matches and the frame's resources are written from it, and so is site-list.js,
// which the content scripts and the optional-site registrations read.
export const sites = JSON.parse(readFileSync(join(root, 'extension/sites.json'), 'utf8')).sites;
const patterns = (list) => list.flatMap((site) => site.origins.map((origin) => `${origin}/*`));
const { version } = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: root }).toString(),
).packages[0];

/** The manifest for one browser: Chrome runs a service worker, Firefox an event page. */
export function manifestFor(browser, src = source) {
  const m = structuredClone(src);
  m.version = version;
  const required = patterns(sites.filter((site) => !site.optional));
  m.host_permissions = required;
  m.optional_host_permissions = patterns(sites.filter((site) => site.optional));
  for (const entry of m.content_scripts) entry.matches = required;
  for (const entry of m.web_accessible_resources) entry.matches = patterns(sites);
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
    m.background = { service_worker: src.background.service_worker, type: 'module' };
  } else {
    m.background = { scripts: [src.background.service_worker], type: 'module' };
  }
  return m;
}

function copyApp(target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(root, 'extension'), target, { recursive: true });
  cpSync(join(dist, 'pkg'), join(target, 'pkg'), { recursive: true });
  cpSync(join(dist, 'pkg-worker'), join(target, 'pkg-worker'), { recursive: true });
  cpSync(join(dist, 'pkg-early'), join(target, 'pkg-early'), { recursive: true });
  writeFileSync(join(target, 'site-list.js'), siteList());
}

/** site-list.js: the descriptor as a global, for classic content scripts and for modules. */
function siteList() {
  return `// Written by tools/assemble.mjs from extension/sites.json.\nglobalThis.FollowupSiteList = Object.freeze(${JSON.stringify(sites)});\n`;
}

// The hosts of the posting fixtures that tests/e2e/capture.test.mjs serves. The shipped
// packages read a posting page only through activeTab, which only a user's gesture grants
// (the toolbar button, the shortcut, the menu item) and a test cannot make; the test builds
// hold these hosts instead, so the popup's glue can run the collector there the same way.
export const POSTING_TEST_HOSTS = [
  'https://careers.northwind-traders.example/*',
  'https://boards.greenhouse.io/*',
  'https://blog.example.org/*',
];

/**
 * The manifest of a test build: the test hooks load before the content script that uses
 * them, and the posting fixtures' hosts are granted (see POSTING_TEST_HOSTS).
 */
export function withTestHooks(manifest) {
  const m = structuredClone(manifest);
  for (const entry of m.content_scripts) entry.js.splice(entry.js.indexOf('content/ui.js'), 0, 'content/test-hooks.js');
  m.host_permissions = [...m.host_permissions, ...POSTING_TEST_HOSTS];
  return m;
}

for (const browser of ['chrome', 'firefox']) {
  const dir = join(dist, browser);
  copyApp(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  const zip = join(dist, `followup-${browser}-${version}.zip`);
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-9', '-X', zip, '.'], { cwd: dir });

  const test = join(dist, `${browser}-test`);
  rmSync(test, { recursive: true, force: true });
  cpSync(dir, test, { recursive: true });
  cpSync(join(root, 'tests/hooks/content-hooks.js'), join(test, 'content/test-hooks.js'));
  writeFileSync(join(test, 'manifest.json'), JSON.stringify(withTestHooks(manifestFor(browser)), null, 2) + '\n');
}

// www/: the same app in a normal tab. It shares the pages, styles and message files.
const www = join(dist, 'www');
rmSync(www, { recursive: true, force: true });
cpSync(join(root, 'www'), www, { recursive: true });
cpSync(join(dist, 'pkg-www'), join(www, 'pkg'), { recursive: true });
cpSync(join(root, 'extension/_locales'), join(www, '_locales'), { recursive: true });
for (const shared of ['ui', 'icons']) {
  cpSync(join(root, 'extension', shared), join(www, shared), { recursive: true });
}
console.log(`[build] dist/chrome, dist/firefox, dist/www, zips and the test builds for version ${version}`);
