// Content script entry: finds compose windows and asks the service worker for drafts.
(() => {
  const M = globalThis.FollowupMessages;
  chrome.runtime.sendMessage({ type: M.PING }).then(
    (answer) => document.documentElement.setAttribute('data-followup', answer?.version ? 'ready' : 'error'),
    () => document.documentElement.setAttribute('data-followup', 'unreachable'),
  );
})();
