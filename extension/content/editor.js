// Inserting text into a web page's editor (textarea, input or contenteditable, also one in a
// same-origin iframe) the way typing would: through `execCommand('insertText')` after putting
// focus and the caret back, so the editor's own undo (Ctrl+Z) removes the insertion and the
// site's framework sees ordinary input events. Text never becomes markup: there is no HTML
// parsing anywhere here, and pages that enforce Trusted Types are not affected.
(() => {
  // Own properties only: an element named like it (id or name) must not stand in for it.
  if (Object.hasOwn(globalThis, 'FollowupEditor')) return;

  /** Last caret position seen in each editor, kept while focus is elsewhere (our button). */
  const carets = new WeakMap();
  const tracked = new WeakSet();

  function isTextField(el) {
    return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
  }

  /** Remembers where the caret of `el` is, if it is inside `el`. */
  function remember(el) {
    if (isTextField(el)) {
      if (el.selectionStart != null) carets.set(el, { start: el.selectionStart, end: el.selectionEnd });
      return;
    }
    const selection = el.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (el.contains(range.startContainer) && el.contains(range.endContainer)) carets.set(el, range.cloneRange());
  }

  /** Keeps `el`'s caret remembered as the user types and clicks in it. */
  function track(el) {
    if (tracked.has(el)) return;
    tracked.add(el);
    const save = () => remember(el);
    for (const type of ['keyup', 'mouseup', 'input', 'focusout']) el.addEventListener(type, save, true);
  }

  /** Focuses `el` and puts the caret where it last was (or at the start of the editor). */
  function restore(el) {
    const doc = el.ownerDocument;
    doc.defaultView?.focus();
    el.focus({ preventScroll: true });
    const saved = carets.get(el);
    if (isTextField(el)) {
      const start = saved?.start ?? 0;
      el.setSelectionRange(start, saved?.end ?? start);
      return;
    }
    const selection = doc.getSelection();
    let range = saved;
    if (!range || !el.contains(range.startContainer) || !el.contains(range.endContainer)) {
      // Never clicked in: start of the message, above any signature or quoted text.
      range = doc.createRange();
      range.setStart(el, 0);
      range.collapse(true);
    }
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** Paragraphs keep a blank line between them; Windows line ends become plain ones. */
  function normalise(text) {
    return String(text).replace(/\r\n?/g, '\n');
  }

  /**
   * Inserts `text` at the caret of `el` as one undoable step. Returns true when the editor
   * took it; false leaves the editor as it was (the caller falls back to the clipboard).
   */
  function insert(el, text) {
    if (!el?.isConnected) return false;
    const doc = el.ownerDocument;
    const value = normalise(text);
    restore(el);
    const before = isTextField(el) ? el.value : el.textContent;
    let ok = false;
    try {
      ok = doc.execCommand('insertText', false, value);
    } catch {
      ok = false;
    }
    const after = isTextField(el) ? el.value : el.textContent;
    if (ok && after !== before) {
      remember(el);
      return true;
    }
    if (isTextField(el)) {
      // An engine without insertText in form fields: the native setter plus an input event.
      const start = el.selectionStart ?? el.value.length;
      el.setRangeText(value, start, el.selectionEnd ?? start, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      return true;
    }
    return false;
  }

  /** Fills an empty subject field; a subject the user typed is kept. Returns whether it wrote. */
  function fillSubject(input, subject) {
    if (!input || !subject || input.value.trim() !== '') return false;
    carets.delete(input);
    return insert(input, subject);
  }

  globalThis.FollowupEditor = Object.freeze({ insert, fillSubject, remember, track });
})();
