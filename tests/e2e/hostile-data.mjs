// The hostile corpus (tests/fixtures/hostile.json) as browser-test data: applications and
// settings with a corpus string in every text field, a benign twin of the same shape, and
// storage helpers for the extension and for www/ (localStorage).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, isoDay } from './harness.mjs';

/** [{name, text}], with `repeat`/`bytes` entries expanded the way tests/hostile.rs does. */
export function corpus() {
  const doc = JSON.parse(readFileSync(join(root, 'tests/fixtures/hostile.json'), 'utf8'));
  return doc.strings.map((entry) => {
    if (typeof entry.text === 'string') return { name: entry.name, text: entry.text };
    const unit = entry.repeat;
    const unitBytes = Buffer.byteLength(unit);
    return { name: entry.name, text: unit.repeat(Math.ceil(entry.bytes / unitBytes)) };
  });
}

/** One application with `s` in every text field, ids included, and actions due today. */
export function application(index, s) {
  const contact = (id, hiringManager, reference) => ({
    id, name: s, title: s, email: s, phone: s, hiringManager, reference,
  });
  return {
    // Ids with control characters are refused by storage (it cuts keys at NUL): replaced here.
    id: `h${index}-${s.replace(/\p{Cc}/gu, "\uFFFD")}`,
    revision: 1,
    company: s,
    role: s,
    postingUrl: s,
    status: 'interviewing',
    notes: s,
    medium: null,
    noContact: false,
    decisionDate: isoDay(-3),
    appliedOn: isoDay(-20),
    rounds: [
      {
        id: s,
        date: isoDay(0),
        kind: s,
        interviewers: [
          { contactId: s, points: [s, `${s} again`] },
          { contactId: `${s}#2`, points: [s] },
        ],
      },
      { id: `${s}#r0`, date: isoDay(-10), kind: s, interviewers: [{ contactId: `${s}#2`, points: [s] }] },
    ],
    contacts: [contact(s, false, false), contact(`${s}#2`, true, false), contact(`${s}#ref`, false, true)],
    history: [
      { date: isoDay(-10), type: 'sent', action: s },
      { date: isoDay(-2), type: 'references-requested' },
      { date: isoDay(-1), type: 'positive-news', note: s },
    ],
  };
}

export function settings(s) {
  return {
    revision: 1,
    bufferDays: 2,
    thankYouCard: true,
    holidays: { usFederal: true, englandWales: false, own: [] },
    defaultMedium: 'email',
    remindAfterApplying: 3,
    profile: { name: s, email: s, phone: s, signature: s },
    templates: { 'thank-you-email.subject': s, 'check-in': s },
    notifyAt: null,
    syncSettings: false,
    syncApplications: false,
  };
}

/** Every corpus string as an application, and settings holding the first markup payload. */
export function hostileData() {
  const strings = corpus();
  return {
    strings,
    applications: strings.map(({ text }, i) => application(i, text)),
    settings: settings(strings.find((s) => s.name === 'img-onerror').text),
  };
}

/** The same shapes with plain text, to compare what the pages draw. */
export function benignData() {
  const strings = corpus().map((_, i) => ({ name: `plain-${i}`, text: `Plain text ${i}` }));
  return {
    strings,
    applications: strings.map(({ text }, i) => application(i, text)),
    settings: settings('Sam Plain'),
  };
}

/** Writes `data` to www/'s localStorage in the current layout (`followup.` prefix, JSON text). */
export async function seedPage(page, { applications, settings }) {
  await page.evaluate(
    ({ applications, settings }) => {
      localStorage.clear();
      localStorage.setItem('followup.schema', JSON.stringify({ version: 2 }));
      localStorage.setItem('followup.settings', JSON.stringify(settings));
      for (const app of applications) localStorage.setItem(`followup.app:${app.id}`, JSON.stringify(app));
    },
    { applications, settings },
  );
}

/**
 * What a page drew, checked generically: the `__pwned` trap, event-handler attributes, element
 * counts of every tag that can run or load something, script-capable URLs, and whether any of
 * `literals` is shown as text. Open shadow roots are searched too.
 */
export function inspect(page, literals = []) {
  return page.evaluate((literals) => {
    const elements = [];
    const walk = (rootNode) => {
      for (const el of rootNode.querySelectorAll('*')) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const TAGS = ['script', 'svg', 'img', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link',
      'style', 'math', 'form', 'video', 'audio', 'source', 'template', 'textarea'];
    const counts = Object.fromEntries(TAGS.map((t) => [t, 0]));
    const handlers = [];
    const scriptUrls = [];
    const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|data|poster|background|ping|cite|codebase)$/i;
    for (const el of elements) {
      const tag = el.localName.toLowerCase();
      if (tag in counts) counts[tag] += 1;
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) handlers.push(`${tag}[${attr.name}]`);
        if (attr.name.toLowerCase() === 'srcdoc') scriptUrls.push(`${tag}[srcdoc]`);
        // Browsers ignore control characters and spaces inside a scheme: squeeze them out.
        const squeezed = attr.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
        if (URL_ATTRIBUTES.test(attr.name) && /^(javascript|vbscript|data):/.test(squeezed)) {
          scriptUrls.push(`${tag}[${attr.name}]=${attr.value.slice(0, 60)}`);
        }
      }
    }
    const text = document.body?.textContent ?? '';
    return {
      pwned: window.__pwned,
      handlers,
      counts,
      scriptUrls,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      hasView: document.querySelector('[data-view]') !== null,
      shown: literals.filter((l) => text.includes(l)),
    };
  }, literals);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1 (a free port) and records every request path. Returns
 * {origin, requests, close}.
 */
export async function serveStatic(dir) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, normalize } = await import('node:path');
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = join(dir, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
