// Content script entry on webmail pages: puts an "Insert follow-up" button in each compose
// window, asks the service worker which follow-up fits the recipients, inserts its draft, and
// tells the service worker when that message is sent. Site knowledge is in sites.js, editor
// knowledge in editor.js; every decision about follow-ups is made by the service worker.
//
// Cost on busy pages: the MutationObserver callback only collects added elements and asks
// for one animation frame; the frame looks at those elements (never the whole document) and
// re-checks the few compose windows already known.
(() => {
  if (globalThis.FollowupContent) return;
  const M = globalThis.FollowupMessages;
  const Sites = globalThis.FollowupSites;
  const Editor = globalThis.FollowupEditor;

  // A frame whose parent is reachable is handled from the top frame (Proton's editor frame).
  let reachableParent = false;
  try {
    reachableParent = window !== window.top && Boolean(window.frameElement);
  } catch {
    reachableParent = false;
  }
  const adapter = Sites.forHost(location.hostname);
  if (reachableParent || !adapter) return;
  globalThis.FollowupContent = true;

  // ---- messages and strings ---------------------------------------------------------------

  /** Asks the service worker; an evicted or reloading worker becomes an `{error}` reply. */
  async function ask(message) {
    try {
      const reply = await chrome.runtime.sendMessage(message);
      return reply ?? { error: 'no reply', code: 'unreachable' };
    } catch (error) {
      return { error: String(error?.message ?? error), code: 'unreachable' };
    }
  }

  /** A string of the user's language (falls back to the key if the extension went away). */
  function t(key, substitutions) {
    try {
      return chrome.i18n.getMessage(key, substitutions) || key;
    } catch {
      return key;
    }
  }

  const warned = new Set();
  const WARN_AFTER_MS = 400;
  /** One console line per missing part per page: the page keeps working either way. */
  function warnOnce(part) {
    if (warned.has(part)) return;
    warned.add(part);
    console.warn(`Follow-up: no ${part} found in this ${adapter.name} compose window; using a fallback.`);
  }

  // ---- small DOM helpers (our UI lives in closed shadow roots, styled inline) --------------

  const FONT = 'font: 13px/1.4 system-ui, sans-serif;';

  function el(doc, tag, style, props = {}, children = []) {
    const node = doc.createElement(tag);
    if (style) node.style.cssText = style;
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function shadowHost(doc, tag = 'span') {
    const host = doc.createElement(tag);
    host.setAttribute('data-followup-ui', '');
    const root = host.attachShadow({ mode: 'closed' });
    return { host, root };
  }

  /** `el`'s box in the top window's viewport, across same-origin frames. */
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

  // ---- notices ------------------------------------------------------------------------------

  let noticeHost = null;
  /** A short message at the bottom of the page, with an optional action button. */
  function notice(text, action) {
    noticeHost?.remove();
    const { host, root } = shadowHost(document, 'div');
    host.setAttribute('data-followup-notice', '');
    host.style.cssText = 'position: fixed; z-index: 2147483647; left: 50%; bottom: 24px; transform: translateX(-50%);';
    const buttons = [];
    if (action) {
      buttons.push(el(document, 'button', 'margin-left: 12px; background: none; border: 0; color: #a8c7fa; font-weight: 600; cursor: pointer;', {
        type: 'button', text: action.label, onclick: () => { host.remove(); action.run(); },
      }));
    }
    buttons.push(el(document, 'button', 'margin-left: 8px; background: none; border: 0; color: #fff; cursor: pointer;', {
      type: 'button', 'aria-label': t('close'), text: '×', onclick: () => host.remove(),
    }));
    root.append(el(document, 'div', `${FONT} display: flex; align-items: center; max-width: 560px; padding: 10px 14px; border-radius: 8px; background: #1f1f1f; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3);`, {
      role: 'status', 'aria-live': 'polite',
    }, [el(document, 'span', '', { text }), ...buttons]));
    document.documentElement.append(host);
    noticeHost = host;
    setTimeout(() => host.remove(), action ? 10000 : 8000);
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  // ---- compose windows ------------------------------------------------------------------------

  /** compose element -> {compose, button, floating, inserted, busy} */
  const composes = new Map();

  function makeButton(doc, compact, onClick) {
    const { host, root } = shadowHost(doc);
    host.setAttribute('data-followup-button', compact ? 'floating' : 'toolbar');
    host.style.cssText = compact ? 'position: fixed; z-index: 2147483646;' : 'display: inline-block; vertical-align: middle; margin: 0 6px;';
    const button = el(doc, 'button', `${FONT} cursor: pointer; border: 1px solid #8ab4f8; border-radius: 16px; background: #e8f0fe; color: #0b57d0; padding: ${compact ? '2px 8px' : '4px 12px'}; white-space: nowrap;`, {
      type: 'button',
      title: t('insertButtonTitle'),
      text: compact ? t('insertButtonShort') : t('insertButton'),
    });
    // Keep focus and the caret in the editor: the insertion goes where the user was typing.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      onClick(host);
    });
    root.append(button);
    return host;
  }

  /** Puts the button in the compose's toolbar, or beside its body while that is focused. */
  function place(state) {
    const parts = Sites.parts(adapter, state.compose);
    const settled = performance.now() - state.since >= WARN_AFTER_MS;
    if (parts.body) Editor.track(parts.body);
    else if (settled) warnOnce('message body');
    if (parts.toolbar) {
      if (state.button?.isConnected && parts.toolbar.contains(state.button)) return;
      state.button?.remove();
      const doc = parts.toolbar.ownerDocument;
      state.button = makeButton(doc, false, (host) => run(state, host));
      if (parts.toolbar.tagName === 'TR') {
        const cell = doc.createElement('td');
        cell.append(state.button);
        parts.toolbar.append(cell);
      } else if (parts.send && parts.send.parentElement === parts.toolbar) {
        parts.send.after(state.button);
      } else {
        parts.toolbar.append(state.button);
      }
      return;
    }
    if (settled) warnOnce('toolbar');
    if (parts.body && state.floatingFor !== parts.body) {
      state.floatingFor = parts.body;
      const body = parts.body;
      const show = () => {
        if (!state.floating) state.floating = makeButton(document, true, (host) => run(state, host));
        const r = rectInTop(body);
        state.floating.style.left = `${Math.max(0, r.right - 150)}px`;
        state.floating.style.top = `${Math.max(0, r.top + 4)}px`;
        if (!state.floating.isConnected) document.documentElement.append(state.floating);
      };
      body.addEventListener('focus', show);
      body.addEventListener('blur', () => setTimeout(() => {
        if (body.ownerDocument.activeElement !== body && !chooserHost) state.floating?.remove();
      }, 150));
      if (body.ownerDocument.activeElement === body) show();
    }
  }

  function attach(compose) {
    if (composes.has(compose)) return;
    const state = { compose, button: null, floating: null, floatingFor: null, inserted: null, busy: false, since: performance.now() };
    composes.set(compose, state);
    place(state);
    // A site may fill the window in over several frames: warn about a missing part only
    // when it is still missing a moment later.
    if (!state.button) setTimeout(() => composes.has(compose) && place(state), WARN_AFTER_MS);
  }

  /** Forgets windows that left the page: a discarded message records nothing. */
  function sweep() {
    for (const [compose, state] of composes) {
      if (!compose.isConnected) {
        state.floating?.remove();
        composes.delete(compose);
      } else if (state.button && !state.button.isConnected) {
        place(state);
      }
    }
  }

  // ---- the chooser --------------------------------------------------------------------------

  let chooserHost = null;
  let closeOnOutside = null;
  function closeChooser(state) {
    chooserHost?.remove();
    chooserHost = null;
    if (closeOnOutside) document.removeEventListener('mousedown', closeOnOutside, true);
    closeOnOutside = null;
    const body = state && Sites.parts(adapter, state.compose).body;
    body?.focus({ preventScroll: true });
  }

  function openChooser(state, choices, anchor) {
    closeChooser();
    const { host, root } = shadowHost(document, 'div');
    host.setAttribute('data-followup-chooser', '');
    const r = anchor?.isConnected ? rectInTop(anchor) : { left: 40, top: 80, bottom: 80 };
    const top = r.bottom + 260 < innerHeight ? r.bottom + 4 : Math.max(8, r.top - 264);
    host.style.cssText = `position: fixed; z-index: 2147483647; left: ${Math.max(8, Math.min(r.left, innerWidth - 380))}px; top: ${top}px;`;
    const items = choices.map((choice) =>
      el(document, 'button', `${FONT} display: block; width: 100%; text-align: left; border: 0; border-radius: 6px; padding: 6px 8px; background: none; color: inherit; cursor: pointer;`, {
        type: 'button',
        onclick: () => { closeChooser(state); insertChoice(state, choice); },
        onfocus: (e) => { e.currentTarget.style.background = '#e8f0fe'; },
        onblur: (e) => { e.currentTarget.style.background = 'none'; },
      }, [
        el(document, 'span', 'display: block;', { text: choice.label }),
        el(document, 'span', 'display: block; color: #5f6368; font-size: 12px;', { text: t('chooserDue', [choice.due, t(`state_${choice.state}`)]) }),
      ]),
    );
    const list = el(document, 'ul', 'max-height: 200px; overflow: auto; list-style: none; margin: 0; padding: 0;', {}, items.map((item) => el(document, 'li', '', {}, [item])));
    const panel = el(document, 'div', `${FONT} width: 360px; padding: 8px; border-radius: 8px; background: #fff; color: #1f1f1f; border: 1px solid #c4c7c5; box-shadow: 0 4px 16px rgba(0,0,0,.25);`, {
      role: 'dialog', 'aria-label': t('chooserTitle'),
    }, [
      el(document, 'div', 'font-weight: 600; padding: 4px 8px 8px;', { text: choices.length ? t('chooserTitle') : t('noticeNothing') }),
      list,
      el(document, 'button', `${FONT} margin-top: 6px; background: none; border: 0; color: #0b57d0; cursor: pointer;`, {
        type: 'button', text: t('close'), onclick: () => closeChooser(state),
      }),
    ]);
    panel.addEventListener('keydown', (e) => {
      // Keys stay ours: the page must not act on Escape (Gmail would close the message).
      e.stopPropagation();
      const index = items.indexOf(root.activeElement);
      if (e.key === 'Escape') {
        e.preventDefault();
        closeChooser(state);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = (index + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[next]?.focus();
      }
    });
    root.append(panel);
    document.documentElement.append(host);
    chooserHost = host;
    // A click anywhere else closes it, as a menu would.
    closeOnOutside = (e) => {
      if (e.target !== host) closeChooser();
    };
    document.addEventListener('mousedown', closeOnOutside, true);
    (items[0] ?? panel.querySelector('button')).focus();
  }

  // ---- inserting ----------------------------------------------------------------------------

  /** The one choice to insert without asking, or null when several fit as well, or none. */
  function decide(reply) {
    if (reply.best == null || !reply.choices[reply.best]) return null;
    const top = reply.choices[reply.best];
    const urgent = (s) => s === 'due' || s === 'overdue';
    const peers = reply.choices.filter((c) => c.matched === top.matched && urgent(c.state) === urgent(top.state));
    return peers.length === 1 ? top : null;
  }

  async function run(state, anchor) {
    if (state.busy) return;
    state.busy = true;
    try {
      const parts = Sites.parts(adapter, state.compose);
      if (parts.body && parts.body.ownerDocument.activeElement === parts.body) Editor.remember(parts.body);
      if (!parts.toField) warnOnce('To field');
      const recipients = parts.recipients();
      const reply = await ask({ type: M.COMPOSE_MATCH, recipients });
      if (reply.error) return notice(t(reply.code === 'unreachable' ? 'noticeUnreachable' : 'noticeError', [reply.error]));
      const pick = decide(reply);
      if (pick) await insertChoice(state, pick);
      else if (reply.choices.length) openChooser(state, reply.choices, anchor);
      else notice(t('noticeNothing'));
    } finally {
      state.busy = false;
    }
  }

  async function insertChoice(state, choice) {
    const draft = await ask({ type: M.DRAFT_GET, appId: choice.appId, actionKey: choice.actionKey });
    if (draft.error) return notice(t(draft.code === 'unreachable' ? 'noticeUnreachable' : 'noticeError', [draft.error]));
    const parts = Sites.parts(adapter, state.compose);
    // Without a body nothing is written anywhere: a guess could land in the wrong field.
    if (!parts.body) {
      warnOnce('message body');
      return notice(t((await copy(`${draft.subject}\n\n${draft.body}`)) ? 'noticeCopied' : 'noticeCopyFailed'));
    }
    if (parts.subject) Editor.fillSubject(parts.subject, draft.subject);
    if (!Editor.insert(parts.body, draft.body)) {
      return notice(t((await copy(draft.body)) ? 'noticeCopied' : 'noticeCopyFailed'));
    }
    state.inserted = { appId: choice.appId, actionKey: choice.actionKey, label: choice.label };
    if (draft.warnings?.length) notice(t('noticeCheck', [draft.warnings.join(' · ')]));
  }

  async function sent(state) {
    const done = state.inserted;
    if (!done) return;
    state.inserted = null;
    const reply = await ask({ type: M.ACTION_SENT, appId: done.appId, actionKey: done.actionKey });
    if (reply.error) return notice(t(reply.code === 'unreachable' ? 'noticeUnreachable' : 'noticeError', [reply.error]));
    notice(t('noticeSent', [done.label]), {
      label: t('undo'),
      run: async () => {
        const undone = await ask({ type: M.ACTION_UNDO, appId: done.appId, actionKey: done.actionKey });
        notice(undone.error ? t('noticeError', [undone.error]) : t('noticeUndone'));
      },
    });
  }

  /** The known compose window an event target belongs to (also from its editor's frame). */
  function stateOf(target) {
    if (!target) return null;
    for (const state of composes.values()) {
      if (state.compose.contains(target)) return state;
      const frame = target.ownerDocument?.defaultView?.frameElement;
      if (frame && state.compose.contains(frame)) return state;
    }
    return null;
  }

  // Sending: the Send button or Ctrl/Cmd+Enter, seen before the site removes the window.
  function onClick(e) {
    const state = stateOf(e.target);
    if (state?.inserted && Sites.sendButtonAt(adapter, state.compose, e.target)) sent(state);
  }
  function onKey(e) {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const state = stateOf(e.target);
    if (state?.inserted) sent(state);
  }

  // ---- watching the page ----------------------------------------------------------------------

  // Two speeds. A small batch of mutations (a click that opens a compose window) is read in
  // the callback: one native `matches`/`querySelector` per added element says whether a
  // compose window may have arrived, and if so it is looked for on the next animation frame.
  // A large batch (a busy page re-rendering lists) is not read at all, as reading thousands
  // of records costs more than looking: the documents are then searched on a timer, at most
  // every MIN_GAP_MS, so even a window that arrives amid the churn gets its button within
  // about MIN_GAP_MS.
  const SMALL_BATCH = 40;
  const MIN_GAP_MS = 100;
  const trigger = Sites.triggerSelector(adapter);
  let frameQueued = false;
  let timerQueued = false;
  let needScan = false;
  let lastScan = -Infinity;
  const docs = new Set();
  const watched = new WeakSet();
  const hooked = new WeakSet();

  function mayHoldCompose(records) {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.hasAttribute('data-followup-ui')) continue;
        if (node.matches(trigger) || node.querySelector(trigger)) return true;
      }
    }
    return false;
  }

  const observer = new MutationObserver((records) => {
    if (records.length <= SMALL_BATCH) {
      if (mayHoldCompose(records)) needScan = true;
      if (!frameQueued) {
        frameQueued = true;
        requestAnimationFrame(flush);
      }
      return;
    }
    needScan = true;
    if (timerQueued) return;
    timerQueued = true;
    setTimeout(() => {
      timerQueued = false;
      flush();
    }, Math.max(0, lastScan + MIN_GAP_MS - performance.now()));
  });

  function flush() {
    frameQueued = false;
    try {
      if (needScan) {
        needScan = false;
        lastScan = performance.now();
        for (const doc of docs) {
          if (!doc.defaultView) {
            docs.delete(doc);
            continue;
          }
          for (const compose of Sites.composesIn(adapter, doc)) attach(compose);
          for (const frame of doc.getElementsByTagName('iframe')) if (!hooked.has(frame)) watchFrame(frame);
        }
      }
      sweep();
      // Windows still missing their button (the site renders them in steps) are looked at again.
      for (const state of composes.values()) if (!state.button && !state.floatingFor) place(state);
    } catch (error) {
      warnOnce(`usable markup (${error?.message ?? error})`);
    }
  }

  /** Watches a same-origin document: its compose windows, Send clicks and shortcut keys. */
  function watch(doc) {
    if (!doc?.documentElement || watched.has(doc)) return;
    watched.add(doc);
    docs.add(doc);
    observer.observe(doc, { childList: true, subtree: true });
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    for (const compose of Sites.composesIn(adapter, doc)) attach(compose);
    for (const frame of doc.getElementsByTagName('iframe')) watchFrame(frame);
  }

  function watchFrame(frame) {
    const hook = () => {
      let doc = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null;
      }
      watch(doc);
      // The frame's document may have been filled in after it was first seen.
      for (const state of composes.values()) if (state.compose.contains(frame)) place(state);
    };
    if (!hooked.has(frame)) {
      hooked.add(frame);
      frame.addEventListener('load', hook);
    }
    hook();
  }

  // The keyboard shortcut (Alt+Shift+F): the service worker tells the active tab.
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type !== M.INSERT) return;
    const state = focusedCompose();
    if (state) run(state, state.button ?? state.floating);
    else notice(t('noticeNoCompose'));
  });

  /** The compose window holding the focus, else the only one open. */
  function focusedCompose() {
    let active = document.activeElement;
    while (active?.tagName === 'IFRAME') {
      let inner = null;
      try {
        inner = active.contentDocument?.activeElement;
      } catch {
        inner = null;
      }
      if (!inner || inner === active.contentDocument.body && !inner.isContentEditable) break;
      active = inner;
    }
    const state = stateOf(active);
    if (state) return state;
    return composes.size === 1 ? composes.values().next().value : null;
  }

  // A health mark on the page's root: whether the service worker answered (tests read it).
  ask({ type: M.PING }).then((answer) =>
    document.documentElement.setAttribute('data-followup', answer.version ? 'ready' : answer.code === 'unreachable' ? 'unreachable' : 'error'),
  );
  watch(document);
})();
