// Content script entry on webmail pages: puts an "Insert follow-up" button in each compose
// window, asks the service worker which follow-up fits the recipients, inserts its draft, and
// tells the service worker when that message is sent. Site knowledge is in sites.js, editor
// knowledge in editor.js, what is drawn on the page in ui.js; every decision about follow-ups
// is made by the service worker, and this script holds only its opaque tokens: who a
// follow-up is for is said only to the extension frame (frame.html), never to the page.
//
// Cost on busy pages: the MutationObserver callback reads only the records of containers not
// known to be busy lists, and the documents are searched as a whole at most once a second
// while the page churns (see "watching the page" below).
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupContent')) return;
  const M = globalThis.FollowupMessages;
  const Sites = globalThis.FollowupSites;
  const Editor = globalThis.FollowupEditor;
  const Ui = globalThis.FollowupUi;

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

  // ---- the extension frame: chooser and notices --------------------------------------------

  /** token -> {host, state, kind}: frames on the page, so the worker can close or fill them. */
  const frames = new Map();
  let noticeHost = null;

  /** A notice at the bottom of the page: `what` is `{t: token}` or a fixed `{k: key}`. */
  function notice(what) {
    noticeHost?.remove();
    const host = Ui.frame('notice', what, null, false);
    noticeHost = host;
    if (what.t) frames.set(what.t, { host, kind: 'notice' });
    setTimeout(() => {
      host.remove();
      if (what.t) frames.delete(what.t);
    }, what.t ? 10000 : 8000);
  }

  /** A notice for a failed reply. */
  function failed(reply) {
    notice(reply.code === 'unreachable' ? { k: 'noticeUnreachable' } : { k: 'noticeError', a: reply.error });
  }

  let chooser = null;
  let closeOnOutside = null;
  function closeChooser(refocus) {
    if (!chooser) return;
    chooser.host.remove();
    frames.delete(chooser.token);
    const state = chooser.state;
    chooser = null;
    document.removeEventListener('mousedown', closeOnOutside, true);
    if (refocus) Sites.parts(adapter, state.compose).body?.focus({ preventScroll: true });
  }

  function openChooser(state, token, anchor) {
    closeChooser(false);
    const host = Ui.frame('chooser', { t: token }, anchor, true);
    chooser = { host, token, state };
    frames.set(token, { host, kind: 'chooser', state });
    // A click anywhere else closes it, as a menu would (clicks in the frame stay in it).
    closeOnOutside = (e) => {
      if (e.target !== host) closeChooser(false);
    };
    document.addEventListener('mousedown', closeOnOutside, true);
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

  /** compose element -> {id, compose, button, floating, inserted, busy} */
  const composes = new Map();
  const TEXT = () => ({ label: t('insertButton'), title: t('insertButtonTitle') });
  const SHORT = () => ({ label: t('insertButtonShort'), title: t('insertButtonTitle') });

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
      state.button = Ui.button(doc, false, TEXT(), (host) => run(state, host), () => lookAhead(state));
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
        if (!state.floating) state.floating = Ui.button(document, true, SHORT(), (host) => run(state, host), () => lookAhead(state));
        const r = Ui.rectInTop(body);
        state.floating.style.left = `${Math.max(0, r.right - 150)}px`;
        state.floating.style.top = `${Math.max(0, r.top + 4)}px`;
        if (!state.floating.isConnected) document.documentElement.append(state.floating);
      };
      body.addEventListener('focus', show);
      body.addEventListener('blur', () => setTimeout(() => {
        if (body.ownerDocument.activeElement !== body && !chooser) state.floating?.remove();
      }, 150));
      if (body.ownerDocument.activeElement === body) show();
    }
  }

  function attach(compose) {
    if (composes.has(compose)) return;
    const state = { id: crypto.randomUUID(), compose, button: null, floating: null, floatingFor: null, inserted: null, busy: false, since: performance.now() };
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

  // ---- inserting ----------------------------------------------------------------------------

  // The pointer reaching the button (or keyboard focus on it) starts the questions to the
  // service worker, which may first have to wake up; by the click the draft is usually here.
  // An answer is used once, for the same recipients, within AHEAD_MS.
  const AHEAD_MS = 10000;
  function lookAhead(state) {
    const recipients = Sites.parts(adapter, state.compose).recipients();
    const key = recipients.join('\n');
    const now = performance.now();
    if (state.ahead && state.ahead.key === key && now - state.ahead.at < AHEAD_MS) return state.ahead.answer;
    // The offer to insert comes with its draft.
    const answer = ask({ type: M.COMPOSE_OFFER, recipients, compose: state.id }).then((reply) => ({ reply, draft: reply.draft ?? null }));
    state.ahead = { key, at: now, answer };
    return answer;
  }

  async function run(state, anchor) {
    if (state.busy) return;
    state.busy = true;
    try {
      const parts = Sites.parts(adapter, state.compose);
      if (parts.body && parts.body.ownerDocument.activeElement === parts.body) Editor.remember(parts.body);
      if (!parts.toField) warnOnce('To field');
      const { reply, draft } = await lookAhead(state);
      state.ahead = null;
      if (reply.error) return failed(reply);
      if (reply.pick) await insertOffer(state, reply.pick, draft);
      else if (reply.chooser) openChooser(state, reply.chooser, anchor);
      else notice({ k: 'noticeNothing' });
    } finally {
      state.busy = false;
    }
  }

  async function insertOffer(state, offer, ready = null) {
    const draft = ready ?? (await ask({ type: M.OFFER_DRAFT, offer, compose: state.id }));
    if (draft.error) return failed(draft);
    const parts = Sites.parts(adapter, state.compose);
    // Without a body nothing is written anywhere: a guess could land in the wrong field.
    if (!parts.body) {
      warnOnce('message body');
      return notice({ k: (await copy(`${draft.subject}\n\n${draft.body}`)) ? 'noticeCopied' : 'noticeCopyFailed' });
    }
    if (parts.subject) Editor.fillSubject(parts.subject, draft.subject);
    if (!Editor.insert(parts.body, draft.body)) {
      return notice({ k: (await copy(draft.body)) ? 'noticeCopied' : 'noticeCopyFailed' });
    }
    state.inserted = { offer, text: draft.body };
    // The checks' notice is an extension frame, which takes a few milliseconds to set up:
    // made in a later task, so the draft is in the body (and can be drawn) first.
    if (draft.check) setTimeout(() => notice({ t: draft.check }), 0);
  }

  /** Whether most lines of the inserted draft are still in `body`: the message is that one. */
  function stillHolds(body, text) {
    const flat = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
    const now = flat(body?.value ?? body?.innerText);
    const lines = text.split('\n').map(flat).filter(Boolean);
    return lines.length > 0 && lines.filter((line) => now.includes(line)).length * 2 >= lines.length;
  }

  async function sent(state) {
    const done = state.inserted;
    if (!done) return handSent(state);
    // Rewritten so much that it is no longer the draft: the user wrote this one.
    if (!stillHolds(Sites.parts(adapter, state.compose).body, done.text)) return handSent(state);
    state.inserted = null;
    const reply = await ask({ type: M.OFFER_SENT, offer: done.offer, compose: state.id });
    if (reply.error) return failed(reply);
    notice({ t: reply.notice });
  }

  /**
   * A message the user wrote without Insert was sent: the worker works out whether it may be
   * a thank-you or follow-up it expects and, if so, asks in a browser notification, outside
   * this page. Nothing is drawn here either way, and nothing is recorded unless the user says
   * so in the notification.
   */
  function handSent(state) {
    const recipients = Sites.parts(adapter, state.compose).recipients();
    state.inserted = null;
    if (recipients.length) ask({ type: M.COMPOSE_SENT, recipients, compose: state.id });
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

  // Sending: the user's own click on Send or Ctrl/Cmd+Enter in that window, seen before the
  // site removes it. Events a page script makes up (`isTrusted` false) record nothing.
  function onClick(e) {
    if (!e.isTrusted) return;
    const state = stateOf(e.target);
    if (state && Sites.sendButtonAt(adapter, state.compose, e.target)) sent(state);
  }
  function onKey(e) {
    if (!e.isTrusted || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const state = stateOf(e.target);
    if (state) sent(state);
  }

  // ---- watching the page ----------------------------------------------------------------------

  // Two speeds. A small batch of mutations (a click that opens a compose window) is read in
  // the callback: one native `matches`/`querySelector` per added element says whether a
  // compose window may have arrived, and if so it is looked for on the next animation frame.
  // A large batch (a busy page re-rendering lists) is read only where it may matter: a
  // container that keeps receiving nodes that hold no compose window (an inbox list) becomes
  // *busy* after BUSY_AFTER such records and its records are skipped from then on (one map
  // lookup each); the others' added nodes are looked at as in a small batch. Whatever that
  // misses (a window drawn into a busy container) is found by a search of the documents at
  // most every SAFETY_MS while the page churns.
  const SMALL_BATCH = 40;
  const BUSY_AFTER = 20;
  const SAFETY_MS = 1000;
  const trigger = Sites.triggerSelector(adapter);
  let frameQueued = false;
  let timerQueued = false;
  let needScan = false;
  let lastScan = -Infinity;
  const docs = new Set();
  const watched = new WeakSet();
  const hooked = new WeakSet();
  const busy = new WeakMap();

  function mayHoldCompose(records, skipBusy) {
    for (const record of records) {
      const seen = skipBusy ? busy.get(record.target) ?? 0 : 0;
      if (seen >= BUSY_AFTER) continue;
      let holds = false;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || Ui.isOurs(node)) continue;
        if (node.matches(trigger) || node.querySelector(trigger)) {
          holds = true;
          break;
        }
      }
      if (holds) return true;
      if (skipBusy) busy.set(record.target, seen + 1);
    }
    return false;
  }

  function soon() {
    if (!frameQueued) {
      frameQueued = true;
      requestAnimationFrame(flush);
    }
  }

  let noticing = null;
  const observer = new MutationObserver((records) => {
    noticing?.changed();
    if (records.length <= SMALL_BATCH) {
      if (mayHoldCompose(records, false)) needScan = true;
      soon();
      return;
    }
    if (mayHoldCompose(records, true)) {
      needScan = true;
      soon();
    }
    // The safety net: a search of everything, at most every SAFETY_MS.
    if (timerQueued) return;
    timerQueued = true;
    setTimeout(() => {
      timerQueued = false;
      needScan = true;
      flush();
    }, Math.max(0, lastScan + SAFETY_MS - performance.now()));
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

  // From the service worker: the keyboard shortcut (Alt+Shift+F), and what the user did in
  // one of our frames (closed it, or chose an offer in the chooser).
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type === M.INSERT) {
      const state = focusedCompose();
      if (state) run(state, state.button ?? state.floating);
      else notice({ k: 'noticeNoCompose' });
    } else if (message?.type === M.FRAME) {
      const shown = frames.get(message.token);
      if (!shown) return;
      if (shown.kind === 'chooser') closeChooser(!message.offer);
      else shown.host.remove();
      frames.delete(message.token);
      if (message.offer && shown.state && composes.has(shown.state.compose)) insertOffer(shown.state, message.offer);
    }
  });

  /** The compose window holding the focus; none when the focus is in no compose window. */
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
    return stateOf(active);
  }

  // Test builds only: tell the tests whether the service worker answered.
  if (Ui.hooks) ask({ type: M.PING }).then((answer) => Ui.hooks.ready(answer));
  watch(document);
  // Messages from the people of the user's applications, noticed in the lists and opened
  // messages of the same documents (notice.js).
  const noticeWarned = new Set();
  noticing = globalThis.FollowupNotice?.start(adapter.name, docs, ask, (part) => {
    if (noticeWarned.has(part)) return;
    noticeWarned.add(part);
    console.warn(`Follow-up: no ${part} found on this ${adapter.name} page; nothing is noticed there.`);
  }) ?? null;
})();
