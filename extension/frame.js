// The extension's own frame on a webmail page: the chooser and the notices. It is an
// extension page, so the webmail page can neither read nor script what it shows; the content
// script gives it only an opaque token (or the name of a fixed notice) in the URL fragment,
// and the words come from the service worker. Glue only: the worker decides what is offered.
(() => {
  const M = globalThis.FollowupMessages;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('t');
  // Notices that carry no data: the content script may name them itself.
  const FIXED = ['noticeNothing', 'noticeNoCompose', 'noticeCopied', 'noticeCopyFailed', 'noticeUnreachable', 'noticeError'];

  const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions) || key;

  async function ask(message) {
    try {
      return (await chrome.runtime.sendMessage(message)) ?? { error: 'no reply', code: 'unreachable' };
    } catch (error) {
      return { error: String(error?.message ?? error), code: 'unreachable' };
    }
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  /** Done with this frame: the content script removes it (and inserts the chosen offer). */
  function done(offer = null) {
    document.body.replaceChildren();
    if (!token) return;
    ask(offer ? { type: M.FRAME_CHOOSE, token, offer } : { type: M.FRAME_CLOSE, token });
  }

  function notice(text, action) {
    const buttons = [];
    if (action) {
      const act = el('button', { type: 'button', class: 'act', text: action.label, onclick: (e) => { if (clickCounts(e)) action.run(); } });
      buttons.push(act);
      watchVisibility(act);
    }
    buttons.push(el('button', { type: 'button', 'aria-label': t('close'), text: '×', onclick: () => done() }));
    document.body.replaceChildren(el('div', { class: 'notice', role: 'status', 'aria-live': 'polite' }, [el('span', { text }), ...buttons]));
  }

  function chooser(items) {
    const buttons = items.map((item) =>
      el('button', { type: 'button', onclick: (e) => { if (clickCounts(e)) done(item.offer); } }, [
        el('span', { text: item.label }),
        el('span', { class: 'due', text: t('chooserDue', [item.due, t(`state_${item.state}`)]) }),
      ]));
    const panel = el('div', { class: 'chooser', role: 'dialog', 'aria-label': t('chooserTitle') }, [
      el('h1', { text: items.length ? t('chooserTitle') : t('noticeNothing') }),
      el('ul', {}, buttons.map((b) => el('li', {}, [b]))),
      el('button', { type: 'button', text: t('close'), onclick: () => done() }),
    ]);
    panel.addEventListener('keydown', (e) => {
      const index = buttons.indexOf(document.activeElement);
      if (e.key === 'Escape') {
        e.preventDefault();
        done();
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && buttons.length) {
        e.preventDefault();
        buttons[(index + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length].focus();
      }
    });
    document.body.replaceChildren(panel);
    watchVisibility(panel);
    (buttons[0] ?? panel.querySelector('button')).focus();
  }

  /** The Record button of a reply control; `then` shows what it recorded. */
  async function record(then) {
    const recorded = await ask({ type: M.FRAME_RECORD, token });
    then(recorded.error ? t('noticeError', [recorded.error]) : recorded.done);
  }

  // The page around this frame may hide it under a decoy and time a click: a pointer's click
  // on what records or inserts (Record reply, a chooser's item, Undo) counts only once the
  // frame has been on screen for SEEN_MS, and, where the browser can tell
  // (IntersectionObserver v2 in Chromium), seen whole, unfaded and uncovered all that time.
  // Firefox has the time alone. A key press in the frame is the user's own: the page cannot
  // type into it.
  const SEEN_MS = 300;
  let seenSince = null;
  function watchVisibility(target) {
    if (!('isVisible' in (globalThis.IntersectionObserverEntry?.prototype ?? {}))) {
      seenSince = performance.now();
      return;
    }
    new IntersectionObserver((entries) => {
      for (const entry of entries) seenSince = entry.isVisible ? (seenSince ?? performance.now()) : null;
    }, { trackVisibility: true, delay: 100, threshold: [1] }).observe(target);
  }
  const seenLongEnough = (e) => e.isTrusted && seenSince !== null && performance.now() - seenSince >= SEEN_MS;
  // `detail` is 0 for a click made from the keyboard (Enter or Space on the focused button).
  const clickCounts = (e) => e.isTrusted && (e.detail === 0 || seenLongEnough(e));

  /** "Record reply" beside an opened message's sender; blank for any other message. */
  function control(words) {
    const b = el('button', { type: 'button', class: 'control', title: words.title, text: words.label });
    b.addEventListener('click', (e) => {
      if (!seenLongEnough(e)) return;
      record((text) => document.body.replaceChildren(el('span', { class: 'control done', role: 'status', text })));
    });
    document.body.replaceChildren(b);
    watchVisibility(b);
  }

  async function show() {
    if (params.get('v') === 'control' && !token) return;
    if (!token) {
      const key = params.get('k');
      if (FIXED.includes(key)) notice(t(key, params.has('a') ? [params.get('a')] : undefined));
      return;
    }
    const words = await ask({ type: M.FRAME_GET, token });
    if (words.error) return notice(t(words.code === 'unreachable' ? 'noticeUnreachable' : 'noticeError', [words.error]));
    if (words.kind === 'chooser') return chooser(words.items);
    if (words.kind === 'check') return notice(t('noticeCheck', [words.warnings.join(' · ')]));
    if (words.kind === 'reply') return control(words);
    notice(t('noticeSent', [words.label]), {
      label: t('undo'),
      run: async () => {
        const undone = await ask({ type: M.OFFER_UNDO, offer: words.undo });
        notice(undone.error ? t('noticeError', [undone.error]) : t('noticeUndone'));
      },
    });
  }

  show();
})();
