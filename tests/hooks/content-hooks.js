// Test builds only (dist/chrome-test, dist/firefox-test; tools/assemble.mjs adds this file to
// the content scripts): marks on what the content script draws, so that the tests can find
// the button, chooser and notices, and a mark on the page's root once the service worker
// answered. The shipped extension has none of these: a page cannot tell it is there.
globalThis.FollowupTestHooks = Object.freeze({
  mark(host, role, variant) {
    host.setAttribute('data-followup-ui', '');
    host.setAttribute(`data-followup-${role}`, variant ?? '');
  },
  ready(answer) {
    document.documentElement.setAttribute('data-followup', answer.ok ? 'ready' : answer.code === 'unreachable' ? 'unreachable' : 'error');
  },
});
