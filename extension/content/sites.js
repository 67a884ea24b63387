// Site adapters: where each webmail keeps its compose windows, recipients, subject, body and
// Send button. Only site knowledge lives here; how text goes into an editor is editor.js.
//
// Every part is a list of CSS selectors tried in order: the first is built on attributes the
// site keeps stable (name, role, data-*, input names, contenteditable), the later ones are
// fallbacks for when the site changes its markup. Nothing here throws into the page: a part
// that cannot be found is `null` (or `[]` for recipients) and main.js degrades.
// The contract is documented in docs/webmail-adapters.md.
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupSites')) return;

  /** Gmail: new message dialog, inline reply, pop-out window (?view=cm). */
  const gmail = {
    name: 'gmail',
    // One message being written (dialog, inline reply, pop-out); without these, the nearest
    // ancestor of the body that also holds the Send button.
    compose: ['div.M9'],
    // "Enter)" is the keyboard hint in the tooltip, the same in every language.
    send: ['[role="button"][data-tooltip*="Enter)"]', '[role="button"][data-tooltip*="Enter"]', 'div.T-I.aoO'],
    toolbar: ['tr.btC', '[role="toolbar"]'],
    to: ['input[type="hidden"][name="to"]', '[name="to"]', 'div.aoD.hl'],
    chips: ['[data-hovercard-id*="@"]', '[email]'],
    subject: ['input[name="subjectbox"]', 'input[type="text"][name*="subject"]'],
    body: ['div[g_editable="true"][contenteditable="true"]', 'div[role="textbox"][contenteditable="true"]', 'div.editable[contenteditable="true"]'],
  };

  /** Outlook on the web, personal and work accounts (new message, reading-pane reply, pop-out). */
  const outlook = {
    name: 'outlook',
    compose: ['div[id^="docking_InitVisiblePart"]', '[data-app-section="ComposeForm"]'],
    // The title's keyboard hint ("… (Ctrl+Enter)") is not translated.
    send: ['button[title$="(Ctrl+Enter)"]', 'button[title*="Enter)"]', 'button.ms-Button--primary'],
    toolbar: ['[role="toolbar"][data-app-section="ComposeToolbar"]', '[role="toolbar"]'],
    // The wells are the editors that are not multiline, To first; some carry no aria-haspopup.
    to: ['div[role="textbox"][aria-haspopup]:not([aria-multiline="true"])', '[data-field="to"]', '[contenteditable="true"]:not([aria-multiline="true"])'],
    // A chip's address is in a title, or only in its text ("Name <address>") when a saved
    // draft is opened again.
    chips: [
      '[data-lpc-hover-target][title*="@"]',
      'span[title*="@"]',
      '[class^="textContainer-"], [class*=" textContainer-"], [class^="individualText-"], [class*=" individualText-"]',
      '[class*="RECIPIENT_ENTITY"]',
    ],
    subject: ['input[maxlength="255"]', 'input[type="text"][aria-label]:not([aria-autocomplete])'],
    // The To and Cc wells are contenteditable too (with aria-haspopup): never the body.
    body: ['div[id^="editorParent"] [contenteditable="true"]', 'div[role="textbox"][contenteditable="true"][aria-multiline="true"]', 'div[contenteditable="true"]:not([aria-haspopup])'],
  };

  /** Yahoo Mail (optional host permission). */
  const yahoo = {
    name: 'yahoo',
    compose: ['[data-test-id="compose"]', '[data-test-id="compose-editor-container"]'],
    send: ['button[data-test-id="compose-send-button"]', 'button[type="submit"]'],
    toolbar: ['[data-test-id="compose-toolbar"]', '[role="toolbar"]'],
    to: ['[data-test-id="container-to"]', '[data-test-id*="-to"]'],
    chips: ['[data-test-id="pill"][title*="@"]', '[title*="@"]'],
    subject: ['input[data-test-id="compose-subject"]', 'input[name="subject"]'],
    body: ['[data-test-id="rte"][contenteditable="true"]', 'div[role="textbox"][contenteditable="true"]'],
  };

  /** Proton Mail (optional host permission): the body editor lives in an iframe. */
  const proton = {
    name: 'proton',
    compose: ['[data-testid="composer"]', 'div.composer'],
    send: ['button[data-testid="composer:send-button"]', 'footer button[type="submit"]'],
    toolbar: ['[data-testid="composer:footer"]', 'footer'],
    to: ['[data-testid="composer:to"]', '[data-testid*="address"]'],
    chips: ['[data-testid^="composer-addresses-item"][title*="@"]', '[title*="@"]'],
    subject: ['input[data-testid="composer:subject"]', 'input[id^="subject-composer"]'],
    body: ['[contenteditable="true"]'],
    frames: ['iframe[data-testid="rooster-iframe"]', 'iframe'],
  };

  const ADAPTERS = [gmail, outlook, yahoo, proton];
  // Editors that identify a compose window on their own (the broadest fallbacks do not).
  for (const adapter of ADAPTERS) adapter.discover = adapter.frames ? [] : adapter.body.slice(0, 2);
  const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

  /** The first element under `root` (or `root` itself) matching one of `selectors`. */
  function first(root, selectors) {
    if (!root) return null;
    for (const selector of selectors) {
      try {
        if (root.matches?.(selector)) return root;
        const found = root.querySelector(selector);
        if (found) return found;
      } catch {
        // An engine without :has() (older Firefox) skips that selector.
      }
    }
    return null;
  }

  /** Same-origin documents of frames under `root`; cross-origin frames are skipped. */
  function frameDocuments(root, selectors = ['iframe']) {
    const docs = [];
    for (const selector of selectors) {
      for (const frame of root.querySelectorAll(selector)) {
        let doc = null;
        try {
          doc = frame.contentDocument;
        } catch {
          doc = null;
        }
        if (doc?.documentElement && !docs.includes(doc)) docs.push(doc);
      }
      if (docs.length) break;
    }
    return docs;
  }

  /** The editable element of `compose`: in it, or in one of its same-origin frames. */
  function body(adapter, compose) {
    const direct = first(compose, adapter.body);
    if (direct && isEditable(direct)) return direct;
    for (const doc of frameDocuments(compose, adapter.frames)) {
      const inFrame = first(doc.body, adapter.body) ?? (doc.body?.isContentEditable ? doc.body : null);
      if (inFrame && isEditable(inFrame)) return inFrame;
    }
    return null;
  }

  function isEditable(el) {
    return el.isContentEditable || el.tagName === 'TEXTAREA';
  }

  /** Email addresses found in the attributes and text of `el`. */
  function emailsIn(el) {
    const out = [];
    for (const name of ['data-hovercard-id', 'email', 'data-email', 'title', 'value']) {
      const value = name === 'value' ? el.value : el.getAttribute?.(name);
      if (value) out.push(...value.match(EMAIL) ?? []);
    }
    if (!out.length && el.children?.length === 0) out.push(...(el.textContent.match(EMAIL) ?? []));
    return out;
  }

  /** The To recipients of `compose` as lower-case addresses, in order, without repeats. */
  function recipients(adapter, compose) {
    const field = first(compose, adapter.to);
    if (!field) return [];
    const found = [];
    // Hidden inputs named "to" (Gmail) carry the addresses themselves; a well holds chips.
    const sources = field.tagName === 'INPUT' ? [...compose.querySelectorAll(`input[name="${field.name}"]`)] : [field];
    for (const source of sources) {
      found.push(...emailsIn(source));
      for (const selector of adapter.chips) {
        const chips = source.querySelectorAll?.(selector) ?? [];
        for (const chip of chips) found.push(...emailsIn(chip));
        if (chips.length) break;
      }
      // What is typed but not yet a chip.
      for (const input of source.querySelectorAll?.('input[type="text"], input:not([type])') ?? []) {
        found.push(...emailsIn(input));
      }
    }
    return [...new Set(found.map((e) => e.toLowerCase()))];
  }

  /** `selectors` joined into one, without those this engine cannot parse (cached). */
  const joined = new Map();
  function union(selectors) {
    if (!joined.has(selectors)) {
      const probe = document.createDocumentFragment();
      const usable = selectors.filter((selector) => {
        try {
          probe.querySelector(selector);
          return true;
        } catch {
          return false;
        }
      });
      joined.set(selectors, usable.join(', '));
    }
    return joined.get(selectors);
  }

  /** Anything whose arrival may mean a new compose window: containers, editors, frames. */
  function triggerSelector(adapter) {
    return union([...adapter.compose, ...adapter.discover, 'iframe']);
  }

  /** Which adapter serves `hostname`, or null. */
  function forHost(hostname) {
    // The sites and their origins are extension/sites.json, loaded as site-list.js.
    const site = (globalThis.FollowupSiteList ?? []).find((s) => s.origins.some((o) => new URL(o).hostname === hostname));
    return (site && ADAPTERS.find((a) => a.name === site.id)) ?? null;
  }

  /** Every part of one compose window, found now (the site may re-render any of them). */
  function parts(adapter, compose) {
    const send = first(compose, adapter.send);
    const toolbar = first(compose, adapter.toolbar) ?? send?.parentElement ?? null;
    return {
      compose,
      send,
      toolbar: toolbar && toolbar !== compose ? toolbar : null,
      subject: first(compose, adapter.subject),
      body: body(adapter, compose),
      toField: first(compose, adapter.to),
      recipients: () => recipients(adapter, compose),
    };
  }

  /**
   * Compose windows at or under `root` (an element or document). A compose is the element
   * matched by the adapter's compose selectors; a body editor outside any such element makes
   * its nearest ancestor holding a Send button the compose (markup drift).
   */
  function composesIn(adapter, root) {
    const scope = root.nodeType === 9 ? root.documentElement : root;
    if (!scope) return [];
    const containers = union(adapter.compose);
    // The broadest body fallbacks are not used to discover windows: they match other editors.
    const editors = union(adapter.discover);
    const both = [containers, editors].filter(Boolean).join(', ');
    if (!both) return [];
    // One walk of the document finds containers and editors alike.
    const hits = [...(scope.matches(both) ? [scope] : []), ...scope.querySelectorAll(both)];
    const found = new Set(containers ? hits.filter((el) => el.matches(containers)) : []);
    for (const editor of hits) {
      if (found.has(editor) || !isEditable(editor) || [...found].some((c) => c.contains(editor))) continue;
      const compose = composeOf(adapter, editor);
      if (compose) found.add(compose);
    }
    // A compose inside another one (a nested form) is the same window.
    return [...found].filter((c) => ![...found].some((o) => o !== c && o.contains(c)));
  }

  /** The compose window an element belongs to, or null. */
  function composeOf(adapter, el) {
    for (const selector of adapter.compose) {
      try {
        const c = el.closest(selector);
        if (c) return c;
      } catch {
        // unsupported selector in this engine
      }
    }
    // Climb to the nearest ancestor that also holds a Send button.
    for (let p = el.parentElement; p && p !== el.ownerDocument.body; p = p.parentElement) {
      if (first(p, adapter.send)) return p;
    }
    return null;
  }

  /** The Send button `target` is in, if it is one of `compose`'s. */
  function sendButtonAt(adapter, compose, target) {
    for (const selector of adapter.send) {
      try {
        const button = target.closest?.(selector);
        if (button && compose.contains(button)) return button;
      } catch {
        // unsupported selector in this engine
      }
    }
    return null;
  }

  globalThis.FollowupSites = Object.freeze({
    forHost,
    composesIn,
    composeOf,
    parts,
    sendButtonAt,
    frameDocuments,
    triggerSelector,
    adapters: ADAPTERS,
  });
})();
