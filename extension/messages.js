// Every message between the extension's contexts, with the shape of its reply.
// Loaded as a classic script by content scripts and imported for its side effect by the
// service worker, so both read the same names. Every reply is either the shape below or
// `{error: string}`; the service worker checks each message's type, fields and sender.
globalThis.FollowupMessages = Object.freeze({
  // From content scripts (webmail compose windows):
  /** {recipients: string[]} -> {choices: Choice[], best: number | null} */
  COMPOSE_MATCH: 'compose/match',
  /** {appId, actionKey} -> {subject, body, to: string[], warnings: string[]} */
  DRAFT_GET: 'draft/get',
  /** {appId, actionKey} -> {ok: true, badge: number} : the compose window was sent */
  ACTION_SENT: 'action/sent',
  /** {appId, actionKey} -> {ok: true, badge: number} : undo of ACTION_SENT */
  ACTION_UNDO: 'action/undo',
  /** {} -> {version: string, actions: number} : a health check that runs Rust */
  PING: 'ping',
  // From extension pages only:
  /** {} -> {count: number, overdue: boolean} : recompute the badge now */
  BADGE_REFRESH: 'badge/refresh',
  // From the service worker to the active tab's content script (no reply):
  /** {} : the insert-follow-up keyboard shortcut was pressed */
  INSERT: 'content/insert',
});
