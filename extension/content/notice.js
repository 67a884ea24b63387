// Noticing messages: reads who the messages a webmail page lists or opens are from (site
// knowledge in mail-sites.js, never a message body), asks the service worker which senders
// belong to the people of the user's applications, and reports only those messages. Strangers'
// messages go no further than this script: not their subject, not their date.
//
// Cost on busy pages: the page's observer (main.js) only says that something changed; the
// rows and headers are looked for at most every GAP_MS, an element is read once, and at most
// PER_SCAN new ones are read per look (the rest wait for the next).
(() => {
  if (globalThis.FollowupNotice) return;
  const M = globalThis.FollowupMessages;
  const Ui = globalThis.FollowupUi;
  const Mail = globalThis.FollowupMailSites;

  const GAP_MS = 250;
  const PER_SCAN = 40;
  const KNOWN_FOR_MS = 60000;
  const MAX_ASK = 200;

  /**
   * Starts noticing on the site `name` over the documents `docs` (a live Set kept by main.js);
   * `ask` sends a message to the worker, `warn` writes one console line per problem. Returns
   * `{changed()}` for the page's observer, or null on a site without a reader.
   */
  function start(name, docs, ask, warn) {
    const reader = Mail?.forSite(name);
    if (!reader) return null;
    const both = [reader.rowSelector, reader.headerSelector].filter(Boolean).join(', ');
    if (!both) return null;
    let off = false;
    let queued = false;
    let running = false;
    let lastScan = -Infinity;
    const read = new WeakSet();
    // address -> {known, at}: the worker's verdict, asked again after KNOWN_FOR_MS.
    const verdicts = new Map();
    // Messages already reported from this page (the worker keeps each once anyway).
    const reported = new Set();
    // Opened messages' headers -> their control (every opened message gets one), and the
    // worker's token per message, for a header the site draws again.
    const controls = new WeakMap();
    const tokens = new Map();
    // Rows and headers found whose sender could not be read, and those read: markup the
    // readers no longer understand gets one console line, not one per row.
    let unreadable = 0;
    let readable = 0;

    function changed() {
      if (off || queued) return;
      queued = true;
      setTimeout(run, Math.max(0, lastScan + GAP_MS - performance.now()));
    }

    /** New rows and headers, at most PER_SCAN, read; whether more are waiting. */
    function collect() {
      const found = [];
      let more = false;
      for (const doc of docs) {
        if (!doc.defaultView) continue;
        for (const el of doc.querySelectorAll(both)) {
          if (read.has(el)) continue;
          if (found.length >= PER_SCAN) {
            more = true;
            break;
          }
          read.add(el);
          const header = el.matches(reader.headerSelector || ':not(*)');
          const reading = header ? reader.readHeader(el) : reader.readRow(el);
          if (reading) {
            readable += 1;
            found.push({ el, header, reading });
          } else {
            unreadable += 1;
          }
        }
        if (more) break;
      }
      return { found, more };
    }

    async function known(addresses) {
      const now = performance.now();
      const ask_ = [...new Set(addresses)].filter((a) => !(verdicts.get(a)?.at > now - KNOWN_FOR_MS)).slice(0, MAX_ASK);
      if (ask_.length) {
        const reply = await ask({ type: M.MAIL_KNOWN, senders: ask_ });
        if (reply.off) {
          off = true;
          return null;
        }
        if (reply.error || !Array.isArray(reply.known)) return null;
        ask_.forEach((a, i) => verdicts.set(a, { known: reply.known[i] === true, at: now }));
      }
      return (address) => verdicts.get(address)?.known === true;
    }

    async function run() {
      queued = false;
      if (off || running) return;
      running = true;
      lastScan = performance.now();
      try {
        const { found, more } = collect();
        if (unreadable >= 5 && readable === 0) warn('readable sender in the message list');
        for (const f of found) {
          if (f.header && f.reading.anchor?.isConnected && !controls.has(f.el)) controls.set(f.el, Ui.control(f.reading.anchor));
        }
        if (found.length) {
          const isKnown = await known(found.map((f) => f.reading.from));
          if (isKnown) await report(found.filter((f) => isKnown(f.reading.from)));
        }
        if (more) changed();
      } catch (error) {
        warn(`usable message list (${error?.message ?? error})`);
      } finally {
        running = false;
      }
    }

    const keyOf = (f) => `${f.reading.id}|${f.reading.from}|${f.reading.date}|${f.reading.subject}|${f.header}`;

    async function report(mine) {
      const fresh = mine.filter((f) => {
        const key = keyOf(f);
        if (reported.has(key)) {
          if (tokens.has(key)) controls.get(f.el)?.show(tokens.get(key));
          return false;
        }
        reported.add(key);
        return true;
      });
      if (!fresh.length) return;
      const messages = fresh.map(({ reading: r, header }) => ({ from: r.from, name: r.name, date: r.date, subject: r.subject, id: r.id, opened: header }));
      const lang = document.documentElement.lang || navigator.language || '';
      const reply = await ask({ type: M.MAIL_SEEN, messages, lang });
      if (reply.error || !Array.isArray(reply.controls)) return;
      reply.controls.forEach((token, i) => {
        if (!token) return;
        tokens.set(keyOf(fresh[i]), token);
        controls.get(fresh[i].el)?.show(token);
      });
    }

    changed();
    return { changed };
  }

  globalThis.FollowupNotice = Object.freeze({ start });
})();
