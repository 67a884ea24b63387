// Every message between the extension's contexts, with the shape of its reply.
// Loaded as a classic script by content scripts and the webmail frame, and imported for its
// side effect by the service worker, so all read the same names. Every reply is either the
// shape below or `{error: string, code: string}`; the service worker checks each message's
// type, fields and sender (src/core/protocol).
globalThis.FollowupMessages = Object.freeze({
  // From content scripts (the top frame of a webmail page). They hold only opaque tokens:
  // `compose` is the content script's own id for one compose window, `offer` an action the
  // worker offered to it, `chooser`/`check`/`notice` a frame whose words only the frame sees.
  /** {recipients: string[], compose} -> {pick: offer | null, chooser: token | null, draft: {subject, body, check} | null (the pick's)} */
  COMPOSE_OFFER: 'compose/offer',
  /** {offer, compose} -> {subject, body, check: token | null} */
  OFFER_DRAFT: 'offer/draft',
  /** {offer, compose} -> {notice: token} : the compose window holding the draft was sent */
  OFFER_SENT: 'offer/sent',
  /** {offer} -> {ok: true} : undo of OFFER_SENT (also from the notice frame) */
  OFFER_UNDO: 'offer/undo',
  /** {} -> {ok: true, version} : a health check that runs Rust and says nothing about the data */
  PING: 'ping',
  /** {senders: string[]} -> {known: boolean[], off: boolean} : which senders belong to an application's people; `off`: noticing is off on this site */
  MAIL_KNOWN: 'mail/known',
  /** {messages: [{from, name, date, subject, id, opened}], lang} -> {controls: (token | null)[]} : messages from known senders; a token for each opened one that is a possible reply */
  MAIL_SEEN: 'mail/seen',
  /** {recipients: string[], compose} -> {ok: true} : a message the user wrote themselves was sent (the worker may ask in a browser notification) */
  COMPOSE_SENT: 'compose/sent',
  // From the extension's frame on a webmail page (frame.html):
  /** {token} -> {kind: 'chooser', items: [{offer, label, due, state}]} | {kind: 'sent', label, undo: offer} | {kind: 'check', warnings} | {kind: 'reply', label, title} */
  FRAME_GET: 'frame/get',
  /** {token} -> {ok: true} : the user closed the frame */
  FRAME_CLOSE: 'frame/close',
  /** {token, offer} -> {ok: true} : the user chose this offer in the chooser */
  FRAME_CHOOSE: 'frame/choose',
  /** {token} -> {ok: true, done: string} : the user clicked a reply control's Record reply */
  FRAME_RECORD: 'frame/record',
  // From extension pages only:
  /** {recipients: string[]} -> {choices: Choice[], best: number | null} */
  COMPOSE_MATCH: 'compose/match',
  /** {appId, actionKey} -> {subject, body, to: string[], warnings: string[]} */
  DRAFT_GET: 'draft/get',
  /** {appId, actionKey} -> {ok: true, badge: number} */
  ACTION_SENT: 'action/sent',
  /** {appId, actionKey} -> {ok: true, badge: number} : undo of ACTION_SENT */
  ACTION_UNDO: 'action/undo',
  /** {} -> {count: number, overdue: boolean} : recompute the badge now */
  BADGE_REFRESH: 'badge/refresh',
  /** {appId, edit: {kind, ...}} -> Application : record what happened to one application */
  APP_EDIT: 'app/edit',
  /** {app} -> Application : write one whole application read at its revision */
  APP_SAVE: 'app/save',
  /** {id, revision} -> {ok: true} */
  APP_DELETE: 'app/delete',
  /** {settings, revision} -> {revision: number} */
  SETTINGS_SAVE: 'settings/save',
  /** {text, replace: boolean} -> ImportReport : validate a backup file, then merge or replace */
  BACKUP_IMPORT: 'backup/import',
  /** {} -> {ok: true} : put back the state saved before the last migration or import */
  SNAPSHOT_RESTORE: 'snapshot/restore',
  /** {appId, actionKey, date} -> {ok: true, badge: number} : sent on another day */
  ACTION_SENT_ON: 'action/sent-on',
  // From the service worker to a tab's top-frame content script (no reply):
  /** {} : the insert-follow-up keyboard shortcut was pressed */
  INSERT: 'content/insert',
  /** {token, offer: string | null} : the user closed a frame, or chose `offer` in the chooser */
  FRAME: 'content/frame',
});
