// Reading messages: where each webmail keeps, in its own list and header markup, who a message
// is from, when it came, its subject and its id. Only site knowledge lives here; what is done
// with a reading (which senders matter) is decided elsewhere.
//
// A reader looks only at the parts of a list row or an opened message's header that hold the
// sender, the date and the subject. It never reads a message body: an element inside one of
// the site's body containers (`body` below) never counts, and a row or header that is itself
// inside a body is no row or header at all, so an email cannot forge a sender with markup.
//
// Every part is a list of [selector, source] pairs tried in order; the first that gives a value
// wins. A selector is CSS looked up in the row or header (the element itself included), or:
//   '&'      the row or header element itself;
//   '@from'  the element the sender's address was read from;
//   '^css'   the nearest match around the header: in it, then in each ancestor in turn (the
//            thread's subject sits above the messages).
// A source is an attribute name, 'text' (the element's text), or a function of the element.
// Nothing here throws into the page and nothing parses HTML. The contract and the sources of
// each selector are in docs/webmail-adapters.md ("Reading messages").
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupMailSites')) return;

  const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
  // A date written with digits (12/3/2026, 3.12.2026, 2026-12-03): language-independent.
  const DATE_LIKE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

  /** The value after `prefix` in the element's data-testid (Proton puts the subject there). */
  const testidAfter = (prefix) => (el) => {
    const id = el.getAttribute('data-testid') ?? '';
    return id.startsWith(prefix) ? id.slice(prefix.length) : '';
  };
  /** At most MAX_VALUE characters of a value read from the page. */
  const MAX_VALUE = 512;
  const cap = (s) => String(s ?? '').slice(0, MAX_VALUE);
  /** A title that is a date, not a sender or a subject. */
  const dateTitle = (el) => (DATE_LIKE.test(cap(el.title)) ? cap(el.title) : '');
  /** A title that is neither an address nor a date: Outlook's subject cell. */
  const plainTitle = (el) => {
    const title = cap(el.title);
    return title && !title.match(EMAIL) && !DATE_LIKE.test(title) ? title : '';
  };
  /** Yahoo's message id, from the row's link (…/messages/<id>). */
  const hrefId = (el) => (el.getAttribute('href') ?? '').match(/\/messages\/([^/?#]+)/)?.[1] ?? '';
  /** Outlook's message id, from the From line's id (MSG_<id>_FROM). */
  const fromLineId = (el) => el.id.match(/^MSG_(.+)_FROM$/)?.[1] ?? '';

  /** Gmail: inbox rows (tr.zA) and the expanded messages of a thread (div.adn). */
  const gmail = {
    name: 'gmail',
    rows: ['tr.zA', 'div.zA[role="row"]'],
    headers: ['div.adn[data-message-id]', 'div.adn[data-legacy-message-id]', 'div.adn.ads'],
    body: ['.a3s', '.ii.gt', '.adP'],
    row: {
      from: [['.yW [email]', 'email'], ['.bA4 [email]', 'email'], ['[email][name]', 'email']],
      name: [['@from', 'name'], ['@from', 'text']],
      date: [['td.xW span[title]', 'title'], ['.apm span[title]', 'title'], ['td.xW span', 'text']],
      subject: [['.y6 .bog', 'text'], ['.bog', 'text'], ['.y6', 'text']],
      id: [['[data-legacy-thread-id]', 'data-legacy-thread-id'], ['[data-thread-id]', 'data-thread-id']],
    },
    header: {
      from: [['h3.iw [email]', 'email'], ['.gD[email]', 'email'], ['td.gF [email]', 'email']],
      name: [['@from', 'name'], ['@from', 'text']],
      date: [['.gH .g3[title]', 'title'], ['.g3[title]', 'title'], ['.g3', 'text']],
      subject: [['^h2.hP', 'text'], ['^h2[data-legacy-thread-id]', 'text']],
      id: [['&', 'data-legacy-message-id'], ['[data-legacy-message-id]', 'data-legacy-message-id'], ['&', 'data-message-id']],
      anchor: [['@from', 'email']],
    },
  };

  /** Outlook on the web: message list options and the reading pane's From lines. */
  const outlook = {
    name: 'outlook',
    rows: ['[role="option"][data-convid]', 'div[data-convid]', 'div[aria-selected][data-focusable-row]'],
    // Each message of the reading pane has a From line MSG_<id>_FROM; the header is that line.
    headers: ['[id^="MSG_"][id$="_FROM"]'],
    body: ['[id^="UniqueMessageBody"]', '[aria-label="Message body"]', '[role="document"][aria-label]'],
    row: {
      from: [['span[title*="@"]', 'title'], ['[title*="@"]', 'title']],
      name: [['@from', 'text']],
      date: [['time[datetime]', 'datetime'], ['span[title]', dateTitle]],
      subject: [['span[title]', plainTitle]],
      id: [['&', 'data-convid'], ['[data-convid]', 'data-convid'], ['&', 'data-item-id']],
    },
    header: {
      from: [['[title*="@"]', 'title'], ['&', 'text']],
      name: [['@from', 'text'], ['&', 'text']],
      date: [['^[data-testid="SentReceivedSavedTime"]', 'title'], ['^[data-testid="SentReceivedSavedTime"]', 'text']],
      subject: [['^[id^="CONV_"][id$="_SUBJECT"]', 'title'], ['^[id^="CONV_"][id$="_SUBJECT"]', 'text'], ['^[role="heading"][id$="_SUBJECT"]', 'text']],
      id: [['&', fromLineId]],
      anchor: [['@from', 'text']],
    },
  };

  /** Yahoo Mail: message list items and the message view's header. */
  const yahoo = {
    name: 'yahoo',
    rows: ['[data-test-id="message-list-item"]'],
    headers: ['[data-test-id="message-header"]'],
    body: ['[data-test-id="message-view-body"]', '[data-test-id="message-view-body-content"]', '[data-test-id="message-body"]'],
    row: {
      from: [['[data-test-id="senders_list"]', 'title'], ['[data-test-id="senders"] [title*="@"]', 'title'], ['[data-test-id="senders"]', 'title']],
      name: [['[data-test-id="senders-bold"]', 'text'], ['@from', 'text']],
      date: [['time[datetime]', 'datetime'], ['[data-test-id="message-date"][title]', 'title'], ['time[title]', 'title'], ['[data-test-id="message-date"]', 'text'], ['time', 'text']],
      subject: [['[data-test-id="message-subject"]', 'title'], ['[data-test-id="message-subject"]', 'text']],
      id: [['&', hrefId], ['a[href*="/messages/"]', hrefId]],
    },
    header: {
      from: [['[data-test-id="message-from"] [title*="@"]', 'title'], ['[data-test-id="email-pill"][title*="@"]', 'title'], ['[data-test-id="message-from"]', 'text']],
      name: [['@from', 'text']],
      date: [['[data-test-id="message-date"][title]', 'title'], ['time[datetime]', 'datetime'], ['[data-test-id="message-date"]', 'text']],
      subject: [['^[data-test-id="message-group-subject-text"]', 'text'], ['^[data-test-id="message-subject"]', 'text']],
      id: [],
      anchor: [['@from', 'text']],
    },
  };

  /** Proton Mail: list items (data-element-id) and expanded message headers. */
  const proton = {
    name: 'proton',
    rows: ['[data-element-id][data-testid^="message-item:"]', '.item-container[data-element-id]'],
    headers: ['[data-testid^="message-header-expanded"]:not([data-testid$=":more-dropdown"])', '.message-header-expanded'],
    body: ['iframe[data-testid="content-iframe"]', '[data-testid="message-content:body"]', '.message-content'],
    row: {
      from: [['[data-testid="message-column:sender-address"][title*="@"]', 'title'], ['[data-testid="message-column:sender-address"] [title*="@"]', 'title']],
      name: [['@from', 'text']],
      date: [['time[datetime]', 'datetime'], ['time[title]', 'title'], ['.item-senddate-col', 'text']],
      subject: [['[data-testid="message-column:subject"]', 'title'], ['[data-testid="message-column:subject"]', 'text'], ['&', testidAfter('message-item:')]],
      id: [['&', 'data-element-id']],
    },
    header: {
      from: [
        ['[data-testid="recipients:sender"] [data-testid="recipient-address"]', 'text'],
        ['[data-testid="recipients:sender"]', 'title'],
        ['.message-header-from-container [data-testid="recipient-address"]', 'text'],
        ['.message-header-from-container [title*="@"]', 'title'],
      ],
      name: [['[data-testid="recipients:sender"] [data-testid="recipient-label"]', 'text'], ['.message-header-from-container [data-testid="recipient-label"]', 'text']],
      date: [['time[datetime]', 'datetime'], ['time', 'text']],
      subject: [['^[data-testid="conversation-header:subject"]', 'title'], ['^[data-testid="conversation-header:subject"]', 'text'], ['&', testidAfter('message-header-expanded:')]],
      id: [],
      anchor: [['[data-testid="recipients:sender"] [data-testid="recipient-label"]', 'text'], ['@from', 'text']],
    },
  };

  const SITES = { gmail, outlook, yahoo, proton };

  /** `selectors` joined into one, without those this engine cannot parse. */
  function union(selectors) {
    const probe = document.createDocumentFragment();
    return selectors
      .filter((selector) => {
        try {
          probe.querySelector(selector);
          return true;
        } catch {
          return false;
        }
      })
      .join(', ');
  }

  // Every value is cut before any pattern runs on it: a subject or name of 100,000 characters
  // from a stranger must not make the address pattern backtrack for seconds.
  const clean = (s) => cap(s).replace(/\s+/g, ' ').trim();

  /** The value `source` gives for `el` ('' when none). */
  function valueOf(el, source) {
    if (typeof source === 'function') return clean(source(el));
    if (source === 'text') return clean(el.textContent);
    return clean(el.getAttribute(source));
  }

  /** Elements matching `selector` at or under `root`, none of them inside a message body. */
  function matches(root, selector, site) {
    let found;
    try {
      found = [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
    } catch {
      return []; // a selector this engine cannot parse
    }
    return site.bodyUnion ? found.filter((el) => !el.closest(site.bodyUnion)) : found;
  }

  /**
   * The first [element, value] a part gives under `root`. `last`: the last element of a
   * selector that gives a value (Gmail lists a conversation's senders in order; the latest
   * is the last). `from`: the element the address came from, for '@from'.
   */
  function read(root, part, site, { last = false, from = null } = {}) {
    for (const [selector, source] of part ?? []) {
      let candidates;
      if (selector === '&') candidates = [root];
      else if (selector === '@from') candidates = from ? [from] : [];
      else if (selector.startsWith('^')) {
        for (let scope = root; scope; scope = scope.parentElement) {
          const hit = firstValue(matches(scope, selector.slice(1), site), source);
          if (hit) return hit;
        }
        continue;
      } else candidates = matches(root, selector, site);
      const hit = firstValue(last ? candidates.reverse() : candidates, source);
      if (hit) return hit;
    }
    return null;
  }

  function firstValue(elements, source) {
    for (const el of elements) {
      const value = valueOf(el, source);
      if (value) return [el, value];
    }
    return null;
  }

  /** The sender: [element, lower-case address] (the last address a value names). */
  function sender(root, part, site, last) {
    for (let i = 0; i < (part?.length ?? 0); i += 1) {
      const hit = read(root, [part[i]], site, { last });
      const address = hit?.[1].match(EMAIL)?.pop();
      if (address) return [hit[0], address.toLowerCase()];
    }
    return null;
  }

  /** A display name without the address ("Dana Smith <dana@acme.io>" → "Dana Smith"). */
  function displayName(value, address) {
    const name = clean(cap(value).replace(/<[^>]*>/g, ' ').replace(EMAIL, ' ')).replace(/^["']|["']$/g, '');
    return name.toLowerCase() === address ? '' : name;
  }

  /** The common fields of a row or header, or null without a readable sender. */
  function fields(root, parts, site, last) {
    if (!root || root.nodeType !== 1 || (site.bodyUnion && root.closest(site.bodyUnion))) return null;
    const from = sender(root, parts.from, site, last);
    if (!from) return null;
    const [fromEl, address] = from;
    const name = read(root, parts.name, site, { from: fromEl })?.[1] ?? '';
    return {
      fromEl,
      reading: {
        from: address,
        name: displayName(name, address),
        date: read(root, parts.date, site)?.[1] ?? '',
        subject: (read(root, parts.subject, site)?.[1] ?? '').slice(0, 200),
        id: (read(root, parts.id, site)?.[1] ?? '').replace(/^#/, ''),
      },
    };
  }

  /** The reader of one site: selectors for cheap matching, and readRow / readHeader. */
  function reader(site) {
    site.bodyUnion = union(site.body);
    const safe = (fn) => (el) => {
      try {
        return fn(el);
      } catch {
        return null; // a reading never throws into the page
      }
    };
    return Object.freeze({
      name: site.name,
      rowSelector: union(site.rows),
      headerSelector: union(site.headers),
      bodySelector: site.bodyUnion,
      readRow: safe((row) => fields(row, site.row, site, true)?.reading ?? null),
      readHeader: safe((header) => {
        const got = fields(header, site.header, site, false);
        if (!got) return null;
        const anchor = read(header, site.header.anchor, site, { from: got.fromEl })?.[0] ?? got.fromEl;
        return { ...got.reading, anchor };
      }),
    });
  }

  const readers = new Map();
  /** The reader for 'gmail', 'outlook', 'yahoo' or 'proton' (null for any other name). */
  function forSite(name) {
    if (!Object.hasOwn(SITES, name)) return null;
    if (!readers.has(name)) readers.set(name, reader(SITES[name]));
    return readers.get(name);
  }

  globalThis.FollowupMailSites = Object.freeze({ forSite, sites: Object.freeze(Object.keys(SITES)) });
})();
