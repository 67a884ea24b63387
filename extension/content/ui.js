// What the content script draws on a webmail page: the "Insert follow-up" button and the
// extension frame that shows the chooser and notices. Nothing drawn here holds user data or
// carries a mark a page could look for: hosts are elements with a name made up at random for
// each page load, holding a closed shadow root; the words of the chooser and notices are drawn
// by frame.html, an extension page the webmail page cannot read (Bitwarden's inline autofill
// menu is built the same way). The button counts only a click the user made on it where it
// could be seen (`usable`).
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupUi')) return;
  // Set only in test builds (tools/assemble.mjs adds it): marks for the tests to find things.
  const hooks = Object.hasOwn(globalThis, 'FollowupTestHooks') ? globalThis.FollowupTestHooks : null;

  const letters = () => Array.from(crypto.getRandomValues(new Uint8Array(6)), (n) => String.fromCharCode(97 + (n % 26))).join('');
  // A custom element name (it has a hyphen), so no page stylesheet written for HTML applies.
  const HOST = `${letters()}-${letters()}`;
  const ours = new WeakSet();
  const roots = new WeakMap();

  /** An element of ours (page observers skip them). */
  const isOurs = (node) => ours.has(node);

  function shadowHost(doc, role, variant) {
    const host = doc.createElement(HOST);
    // Our own box: nothing inherited from the page's styles, whatever it sets on the host.
    host.style.cssText = 'all: initial;';
    const root = host.attachShadow({ mode: 'closed' });
    ours.add(host);
    roots.set(host, root);
    hooks?.mark(host, role, variant);
    return { host, root };
  }

  /** `node`'s box in the top window's viewport, across same-origin frames. */
  function rectInTop(node) {
    const r = node.getBoundingClientRect();
    let left = r.left;
    let top = r.top;
    let win = node.ownerDocument.defaultView;
    while (win && win !== window && win.frameElement) {
      const f = win.frameElement.getBoundingClientRect();
      left += f.left;
      top += f.top;
      win = win.parent;
    }
    return { left, top, right: left + r.width, bottom: top + r.height, width: r.width, height: r.height };
  }

  // ---- the button: trusted clicks where it can be seen -----------------------------------

  // IntersectionObserver v2 (Chromium) tells whether anything covers, fades or distorts the
  // button on screen; elsewhere the checks below stand alone.
  const visibility = new WeakMap();
  const tracker = 'isVisible' in (globalThis.IntersectionObserverEntry?.prototype ?? {})
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) visibility.set(entry.target, entry.isVisible);
    }, { trackVisibility: true, delay: 100, threshold: [1] })
    : null;

  /** Whether `el` and everything it is drawn inside are opaque, shown and unclipped. */
  function drawnOpaque(el) {
    let opacity = 1;
    for (let n = el; n;) {
      const style = n.ownerDocument.defaultView.getComputedStyle(n);
      if (style.display === 'none' || style.visibility !== 'visible' || style.contentVisibility === 'hidden') return false;
      opacity *= Number(style.opacity);
      if (style.filter !== 'none' || style.mixBlendMode !== 'normal') return false;
      n = n.parentElement ?? n.getRootNode().host ?? n.ownerDocument.defaultView.frameElement;
    }
    return opacity >= 0.9;
  }

  /**
   * Whether a click on `button` (in `host`) is the user's: a trusted event, on a button that
   * is opaque, on screen, large enough to read, not covered where it was clicked, and seen
   * as visible by the browser where it can tell.
   */
  function usable(event, host, button) {
    if (!event.isTrusted) return false;
    const box = button.getBoundingClientRect();
    if (box.width < 16 || box.height < 12) return false;
    const top = rectInTop(button);
    if (top.left < 0 || top.top < 0 || top.right > window.innerWidth || top.bottom > window.innerHeight) return false;
    if (!drawnOpaque(button)) return false;
    // A keyboard press has no point: the button's middle stands for it.
    const pointer = event.detail > 0 && (event.clientX || event.clientY);
    const x = pointer ? event.clientX : box.left + box.width / 2;
    const y = pointer ? event.clientY : box.top + box.height / 2;
    if (host.ownerDocument.elementFromPoint(x, y) !== host) return false;
    const inner = roots.get(host)?.elementFromPoint(x, y);
    if (inner !== button && !button.contains(inner)) return false;
    // Inside a frame: the frame itself is what the top page shows at that point.
    let px = x;
    let py = y;
    for (let win = host.ownerDocument.defaultView; win !== window && win.frameElement; win = win.parent) {
      const f = win.frameElement.getBoundingClientRect();
      px += f.left + win.frameElement.clientLeft;
      py += f.top + win.frameElement.clientTop;
      if (win.parent.document.elementFromPoint(px, py) !== win.frameElement) return false;
    }
    return tracker ? visibility.get(host) !== false : true;
  }

  /** The insert button; `onClick` gets its host, `onIntent` runs when the user heads for it. */
  function button(doc, compact, text, onClick, onIntent) {
    const { host, root } = shadowHost(doc, 'button', compact ? 'floating' : 'toolbar');
    host.style.cssText = compact ? 'all: initial; position: fixed; z-index: 2147483646;' : 'all: initial; display: inline-block; vertical-align: middle; margin: 0 6px;';
    const b = doc.createElement('button');
    b.type = 'button';
    b.title = text.title;
    b.textContent = text.label;
    b.style.cssText = `all: initial; font: 13px/1.4 system-ui, sans-serif; cursor: pointer; border: 1px solid #8ab4f8; border-radius: 16px; background: #e8f0fe; color: #0b57d0; padding: ${compact ? '2px 8px' : '4px 12px'}; white-space: nowrap; opacity: 1; visibility: visible;`;
    // Keep focus and the caret in the editor: the insertion goes where the user was typing.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    const intent = (e) => e.isTrusted && onIntent();
    b.addEventListener('pointerenter', intent);
    b.addEventListener('focus', intent);
    // A press is judged when it happens (the layout it needs is read before the click, not
    // after); the click that ends it counts if it lands where the press was. A click from
    // the keyboard has no press and is judged itself.
    let pressed = null;
    b.addEventListener('pointerdown', (e) => {
      // The press asks ahead too (a no-op when the pointer's arrival already did): a pointer
      // that rested on the button since the last insert still gets the draft before the click.
      intent(e);
      pressed = usable(e, host, b) ? { x: e.clientX, y: e.clientY, at: e.timeStamp } : null;
    });
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      const press = pressed;
      pressed = null;
      const same = press && e.isTrusted && e.timeStamp - press.at < 5000 && Math.abs(e.clientX - press.x) < 8 && Math.abs(e.clientY - press.y) < 8;
      if (same || (e.detail === 0 && usable(e, host, b))) onClick(host);
    });
    root.append(b);
    tracker?.observe(host);
    return host;
  }

  // ---- the extension frame: chooser and notices ----------------------------------------------

  const SIZE = { chooser: { width: 376, height: 300 }, notice: { width: 600, height: 64 }, control: { width: 150, height: 26 } };
  // Said when the extension was reloaded or updated under this page: this script can then no
  // longer reach the extension's frame, so it says that one sentence (it holds no data) itself.
  const RESTARTING = chrome.i18n.getMessage('noticeUnreachable');

  function frameUrl(what, kind) {
    try {
      return `${chrome.runtime.getURL('frame.html')}#${new URLSearchParams({ ...what, v: kind })}`;
    } catch {
      return null;
    }
  }

  /**
   * Shows frame.html for `what` (`{t: token}` from the worker, or `{k: key, a: arg}` for a
   * notice without data) as a chooser beside `anchor` or a notice at the bottom of the page.
   * Returns the host; `frame.focus()` is called once it has loaded when `focus` is set.
   */
  function frame(kind, what, anchor, focus) {
    const { host, root } = shadowHost(document, kind);
    const size = SIZE[kind];
    const url = frameUrl(what, kind);
    if (url) {
      const iframe = document.createElement('iframe');
      iframe.src = url;
      iframe.style.cssText = `all: initial; display: block; border: 0; width: ${size.width}px; height: ${size.height}px; color-scheme: light;`;
      iframe.setAttribute('title', 'Follow-up');
      if (focus) iframe.addEventListener('load', () => iframe.focus(), { once: true });
      root.append(iframe);
    } else {
      const gone = document.createElement('div');
      gone.setAttribute('role', 'status');
      gone.style.cssText = 'all: initial; display: block; font: 13px/1.4 system-ui, sans-serif; padding: 10px 14px; border-radius: 8px; background: #1f1f1f; color: #fff;';
      gone.textContent = RESTARTING;
      root.append(gone);
    }
    if (kind === 'chooser') {
      const r = anchor?.isConnected ? rectInTop(anchor) : { left: 40, top: 80, bottom: 80 };
      const y = r.bottom + size.height < innerHeight ? r.bottom : Math.max(4, r.top - size.height);
      host.style.cssText = `all: initial; position: fixed; z-index: 2147483647; left: ${Math.max(4, Math.min(r.left, innerWidth - size.width))}px; top: ${y}px;`;
    } else {
      host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; left: 50%; bottom: 20px; transform: translateX(-50%);';
    }
    document.documentElement.append(host);
    return host;
  }

  /**
   * The host of a "Record reply" control after `anchor` (an opened message's sender). Every
   * opened message gets one, of the same size, blank until `show(token)` gives its frame the
   * worker's token: the page cannot tell a message of the user's contacts from another.
   */
  function control(anchor) {
    const doc = anchor.ownerDocument;
    const { host, root } = shadowHost(doc, 'control');
    const size = SIZE.control;
    host.style.cssText = `all: initial; display: inline-block; vertical-align: middle; margin: 0 6px; width: ${size.width}px; height: ${size.height}px;`;
    let iframe = doc.createElement('iframe');
    iframe.style.cssText = `all: initial; display: block; border: 0; width: ${size.width}px; height: ${size.height}px; color-scheme: light;`;
    iframe.setAttribute('title', 'Follow-up');
    const blank = frameUrl({}, 'control');
    if (blank) iframe.src = blank;
    root.append(iframe);
    anchor.after(host);
    let shown = null;
    return {
      host,
      show(token) {
        const url = frameUrl({ t: token }, 'control');
        // A fresh frame: once the blank one has loaded, an address that differs only in its
        // fragment would not load the page again, and the control would stay blank.
        if (url && url !== shown) {
          const next = iframe.cloneNode(false);
          next.src = url;
          iframe.replaceWith(next);
          iframe = next;
          shown = url;
        }
        hooks?.mark(host, 'control', 'shown');
      },
    };
  }

  globalThis.FollowupUi = Object.freeze({ button, frame, control, isOurs, rectInTop, hooks });
})();
