// What the webmail tests know about each fixture: where it is served, how its compose window
// opens, and where the test itself finds the body, subject and Send button (independently of
// the extension's adapters, so an adapter that picks the wrong element is caught). Shared by
// the Chromium and Firefox tests.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SITE_CSP, isoDay } from './harness.mjs';

export const fixtures = resolve(import.meta.dirname, '../fixtures/webmail');
export const PAGE_SIM = readFileSync(join(fixtures, 'page-sim.js'), 'utf8');

const ORIGIN = {
  gmail: 'https://mail.google.com',
  outlook: 'https://outlook.live.com',
  yahoo: 'https://mail.yahoo.com',
  proton: 'https://mail.proton.me',
};

const GMAIL = { body: '[g_editable="true"]', subject: 'input[name="subjectbox"]', send: '[data-sim="send"]', discard: '[data-sim="discard"][data-tooltip^="Discard"]' };
const OUTLOOK = { body: '#editorParent_1 [contenteditable="true"], #editorParent_2 [contenteditable="true"]', subject: 'input[maxlength="255"]', send: '[data-sim="send"]', discard: '[title^="Discard"]' };
const YAHOO = { body: '[data-test-id="rte"]', subject: '[data-test-id="compose-subject"]', send: '[data-sim="send"]', discard: '[data-test-id="compose-delete-draft-button"]' };
const PROTON = { body: '#rooster-editor', bodyFrame: 'iframe[data-testid="rooster-iframe"]', subject: '[data-testid="composer:subject"]', send: '[data-sim="send"]', discard: '[data-testid="composer:delete-draft-button"]' };

/** One compose window per site and kind: `open` names the template the page opens (null: open at load). */
export const CASES = [
  { site: 'gmail', name: 'compose', url: '/mail/u/0/#inbox', open: 'compose', subjectBefore: '', ...GMAIL },
  { site: 'gmail', name: 'reply', url: '/mail/u/0/#inbox/FMfcgzQXJWDsKmPqRvTbLcNZ', open: 'reply', subjectBefore: 'Re: Interview on Thursday', ...GMAIL },
  { site: 'gmail', name: 'popout', url: '/mail/u/0/?view=cm&fs=1&tf=1', open: null, subjectBefore: '', ...GMAIL },
  { site: 'outlook', name: 'compose', url: '/mail/0/', open: 'compose', subjectBefore: '', ...OUTLOOK },
  { site: 'outlook', name: 'reply', url: '/mail/0/id/AQQkADAwATM0MDAAMS1', open: 'reply', subjectBefore: null, ...OUTLOOK },
  { site: 'outlook', name: 'popout', url: '/mail/deeplink/compose?popoutv2=1', open: null, subjectBefore: '', ...OUTLOOK },
  // The pop-out form without the docking container, its wells without aria-haspopup.
  { site: 'outlook', name: 'popout-form', url: '/mail/deeplink/compose?popoutv2=1', open: null, subjectBefore: '', ...OUTLOOK },
  // Recipients written out as "Name <address>", no title.
  { site: 'outlook', name: 'recipients-text', url: '/mail/0/', open: 'compose', subjectBefore: '', ...OUTLOOK },
  { site: 'yahoo', name: 'compose', url: '/d/folders/1', open: 'compose', subjectBefore: '', ...YAHOO },
  { site: 'yahoo', name: 'reply', url: '/d/folders/1/messages/4123', open: 'reply', subjectBefore: 'Re: Interview on Thursday', ...YAHOO },
  { site: 'yahoo', name: 'popout', url: '/d/compose/', open: null, subjectBefore: '', ...YAHOO },
  { site: 'proton', name: 'compose', url: '/u/0/inbox', open: 'compose', subjectBefore: '', ...PROTON },
  { site: 'proton', name: 'reply', url: '/u/0/inbox/8hS2kLq', open: 'reply', subjectBefore: 'Re: Interview on Thursday', ...PROTON },
  { site: 'proton', name: 'popout', url: '/u/0/inbox', open: null, subjectBefore: '', ...PROTON },
].map((c) => ({ ...c, file: `${c.site}/${c.name}.html`, origin: ORIGIN[c.site], csp: SITE_CSP[c.site] }));

/** A case by `site/name`, for drift fixtures: the same site knowledge, another file. */
export function driftCase(site, name, extra = {}) {
  const base = CASES.find((c) => c.site === site && c.name === 'compose');
  return { ...base, name, file: `${site}/${name}.html`, ...extra };
}

/**
 * Two applications with interviews today: Acme (Dana and Lee interviewed; the company name
 * has markup characters that must stay text) and Globex (HR interviewed).
 */
export function applications() {
  const round = (id, ...who) => ({ id, date: isoDay(0), kind: 'on-site', interviewers: who.map((contactId) => ({ contactId, points: [] })) });
  return [
    {
      id: 'acme',
      company: 'Acme & <Sons>',
      role: 'Data Engineer',
      status: 'interviewing',
      contacts: [
        { id: 'dana', name: 'Dana Smith', email: 'dana@acme.io' },
        { id: 'lee', name: 'Lee Wong', email: 'lee@acme.io' },
      ],
      rounds: [round('r1', 'dana', 'lee')],
    },
    {
      id: 'globex',
      company: 'Globex',
      role: 'Analyst',
      status: 'interviewing',
      contacts: [{ id: 'hr', name: 'Hana Ruiz', email: 'hr@globex.com' }],
      rounds: [round('g1', 'hr')],
    },
  ];
}

/**
 * For the replies tests: Acme, where Dana interviewed ten days ago, the thank-you went out
 * that day and the decision date passed six days ago: her first follow-up is due (on the
 * badge). Lee is a second contact at the same domain.
 */
export function interviewedAcme() {
  return {
    id: 'acme',
    company: 'Acme',
    role: 'Data Engineer',
    status: 'interviewing',
    appliedOn: isoDay(-30),
    decisionDate: isoDay(-6),
    contacts: [
      { id: 'dana', name: 'Dana Smith', email: 'dana@acme.io', hiringManager: true },
      { id: 'lee', name: 'Lee Wong', email: 'lee@acme.io' },
    ],
    rounds: [{ id: 'r1', date: isoDay(-10), kind: 'on-site', interviewers: [{ contactId: 'dana', points: [] }] }],
    history: [{ date: isoDay(-10), type: 'sent', action: 'thank-you-email/r1/dana' }],
  };
}

/** The draft text the extension should insert for Dana (from the Rust templates). */
export const DANA = { greeting: 'Dear Dana,', next: 'Thank you for meeting with me', subject: 'Thank you for the Data Engineer interview', key: 'thank-you-email/r1/dana' };

/** Body of one response for `url` under a case's origin: the fixture page or the page script. */
export function responseFor(c, url) {
  const path = new URL(url).pathname;
  if (path === '/_fixture/page-sim.js') return { contentType: 'text/javascript; charset=utf-8', body: PAGE_SIM };
  return { contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, c.file), 'utf8') };
}
