// Assembles the per-browser packages from one source:
//   extension/ + dist/pkg  ->  dist/chrome, dist/firefox (manifest transformed per browser)
//   www/ + dist/pkg + extension/_locales  ->  dist/www
// and zips each extension for its store.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const source = JSON.parse(readFileSync(join(root, 'extension/manifest.json'), 'utf8'));
const { version } = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: root }).toString(),
).packages[0];

/** The manifest for one browser: Chrome runs a service worker, Firefox an event page. */
export function manifestFor(browser, src = source) {
  const m = structuredClone(src);
  m.version = version;
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
}

for (const browser of ['chrome', 'firefox']) {
  const dir = join(dist, browser);
  copyApp(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  const zip = join(dist, `followup-${browser}-${version}.zip`);
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-9', '-X', zip, '.'], { cwd: dir });
}

// www/: the same app in a normal tab. It shares the pages, styles and message files.
const www = join(dist, 'www');
rmSync(www, { recursive: true, force: true });
cpSync(join(root, 'www'), www, { recursive: true });
cpSync(join(dist, 'pkg'), join(www, 'pkg'), { recursive: true });
cpSync(join(root, 'extension/_locales'), join(www, '_locales'), { recursive: true });
for (const shared of ['ui', 'icons']) {
  cpSync(join(root, 'extension', shared), join(www, shared), { recursive: true });
}
console.log(`[build] dist/chrome, dist/firefox, dist/www and zips for version ${version}`);
