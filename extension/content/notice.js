// Noticing messages: reads who the messages a webmail page lists or opens are from (site
// knowledge in mail-sites.js, never a message body), asks the service worker which senders
// belong to the people of the user's applications, and reports only those messages. Strangers'
// messages go no further than this script: not their subject, not their date.
//
// Cost on busy pages: the page's observer (main.js) only says that something changed. Lists
// are found once (and looked for again at most every FIND_MS) and then walked from the top,
// WALK rows at most, where new messages arrive; opened messages' headers are searched for at
// most every HEADERS_MS; an element is read once, at most PER_SCAN per look, one look at most
// every GAP_MS. A busy page is never searched as a whole for rows.
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupNotice')) return;
  const M = globalThis.FollowupMessages;
  const Ui = globalThis.FollowupUi;
  const Mail = globalThis.FollowupMailSites;

  const GAP_MS = 250;
  const PER_SCAN = 20;
  // Rows looked at from the top of each list, how often lists are looked for, and how often
  // opened messages' headers are.
  const WALK = 50;
  const FIND_MS = 3000;
  const HEADERS_MS = 1000;
  const KNOWN_FOR_MS = 60000;
  const MAX_ASK = 200;
  const MAX_CONTROLS = 30;

  /**
   * Starts noticing on the site `name` over the documents `docs` (a live Set kept by main.js);
   * `ask` sends a message to the worker, `warn` writes one console line per problem. Returns
   * `{changed()}` for the page's observer, or null on a site without a reader.
   */
  function start(name, docs, ask, warn) {
    const reader = Mail?.forSite(name);
    if (!reader?.rowSelector && !reader?.headerSelector) return null;
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
    // Controls drawn on this page: a page with thousands of message headers gets no more.
    let drawn = 0;

    function changed() {
      if (off || queued) return;
      queued = true;
      setTimeout(run, Math.max(0, lastScan + GAP_MS - performance.now()));
    }

    // Lists of rows, found once and then walked from the top: a busy inbox is never searched
    // as a whole. A site that draws each row in a wrapper is walked through the wrappers.
    const lists = new Set();
    let lastFind = -Infinity;
    let lastHeaders = -Infinity;

    /** The element whose children are the rows (or their wrappers) of `row`'s list. */
    function listOf(row) {
      let el = row;
      for (let up = 0; up < 3 && el.parentElement; up += 1) {
        el = el.parentElement;
        if (el.childElementCount > 1) return el;
      }
      return row.parentElement;
    }

    /** The first rows of each list, at most WALK of them. */
    function* rows(now) {
      if (now - lastFind > FIND_MS) {
        lastFind = now;
        const parents = new Set();
        for (const doc of docs) {
          if (!doc.defaultView) continue;
          for (const row of doc.querySelectorAll(reader.rowSelector)) {
            if (parents.has(row.parentElement)) continue;
            parents.add(row.parentElement);
            lists.add(listOf(row));
          }
        }
      }
      for (const list of lists) {
        if (!list.isConnected) {
          lists.delete(list);
          continue;
        }
        let n = 0;
        for (let child = list.firstElementChild; child && n < WALK; child = child.nextElementSibling, n += 1) {
          if (read.has(child)) continue;
          const row = child.matches(reader.rowSelector) ? child : child.querySelector(reader.rowSelector);
          if (row) yield row;
          else read.add(child);
        }
      }
    }

    /** Opened messages' headers: looked for at most every HEADERS_MS. */
    function* headers(now) {
      if (!reader.headerSelector || now - lastHeaders < HEADERS_MS) return;
      lastHeaders = now;
      for (const doc of docs) if (doc.defaultView) yield* doc.querySelectorAll(reader.headerSelector);
    }

    /** New rows and headers, at most PER_SCAN, read; whether more are waiting. */
    function collect() {
      const found = [];
      const now = performance.now();
      const take = (el, header) => {
        read.add(el);
        const reading = header ? reader.readHeader(el) : reader.readRow(el);
        if (reading) {
          readable += 1;
          found.push({ el, header, reading });
        } else {
          unreadable += 1;
        }
      };
      for (const el of headers(now)) {
        if (read.has(el)) continue;
        if (found.length >= PER_SCAN) return { found, more: true };
        take(el, true);
      }
      for (const el of rows(now)) {
        if (read.has(el)) continue;
        if (found.length >= PER_SCAN) return { found, more: true };
        take(el, false);
      }
      return { found, more: false };
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
          if (f.header && drawn < MAX_CONTROLS && f.reading.anchor?.isConnected && !controls.has(f.el)) {
            controls.set(f.el, Ui.control(f.reading.anchor));
            drawn += 1;
          }
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
