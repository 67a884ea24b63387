//! Action keys: stable strings, unique within an application, that history events use to
//! name an action. Ids inside a key have `%` and `/` escaped, so keys never collide.
//!
//! | action | key |
//! |---|---|
//! | thank-you email | `thank-you-email/<round>/<contact>` |
//! | thank-you card | `thank-you-card/<round>/<contact>` |
//! | check-in or first follow-up | `first-follow-up/<round>/<chain>` |
//! | second follow-up | `second-follow-up/<round>/<chain>` |
//! | move on | `move-on/<round>/<chain>` |
//! | alert references | `alert-reference/<requested on>/<contact>` |
//! | ask for feedback | `ask-feedback` |
//! | stay connected | `stay-connected/<contact>` |
//! | congratulate | `congratulate/<news date>/<n-th news of that day>` |
//! | application reminder | `application-reminder` |
//!
//! The chain is 0 from the interview and goes up by one with each reply. The check-in and
//! the first follow-up share a key because the check-in counts as the first follow-up: a
//! decision date changed after the check-in was sent keeps that history.
use chrono::{Datelike, NaiveDate};

use crate::core::kinds::{ActionKind, KINDS};

const fn prefix(kind: ActionKind) -> &'static str {
    kind.info().key_prefix
}

const THANK_YOU_EMAIL: &str = prefix(ActionKind::ThankYouEmail);
const THANK_YOU_CARD: &str = prefix(ActionKind::ThankYouCard);
const FIRST_FOLLOW_UP: &str = prefix(ActionKind::FirstFollowUp);
const SECOND_FOLLOW_UP: &str = prefix(ActionKind::SecondFollowUp);
const MOVE_ON: &str = prefix(ActionKind::MoveOn);
const ALERT_REFERENCE: &str = prefix(ActionKind::AlertReference);
const STAY_CONNECTED: &str = prefix(ActionKind::StayConnected);
const CONGRATULATE: &str = prefix(ActionKind::Congratulate);
/// The key of the application reminder (one per application).
pub const APPLICATION_REMINDER: &str = prefix(ActionKind::ApplicationReminder);
/// The key of the feedback request (one per application).
pub const ASK_FEEDBACK: &str = prefix(ActionKind::AskFeedback);

fn push_id(out: &mut String, id: &str) {
    out.push('/');
    if !id.bytes().any(|b| b == b'/' || b == b'%') {
        out.push_str(id);
        return;
    }
    for ch in id.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '/' => out.push_str("%2F"),
            c => out.push(c),
        }
    }
}

/// Decimal digits of `n`, without the formatting machinery (keys are built in bulk).
fn push_digits(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut len = 0;
    while n > 0 || len < width.max(1) {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    out.extend(digits[..len].iter().rev().map(|d| char::from(*d)));
}

/// `/YYYY-MM-DD`. The planner only keys dates in years 1 to 9999.
fn push_date(out: &mut String, date: NaiveDate) {
    out.push('/');
    push_digits(out, u32::try_from(date.year()).unwrap_or(0), 4);
    out.push('-');
    push_digits(out, date.month(), 2);
    out.push('-');
    push_digits(out, date.day(), 2);
}

/// What an action's key is made of; written only when the key is needed.
#[derive(Debug, Clone, Copy)]
pub enum Spec<'a> {
    ThankYou {
        card: bool,
        round: &'a str,
        contact: &'a str,
    },
    Chain {
        prefix: &'static str,
        round: &'a str,
        chain: u32,
    },
    Alert {
        requested: NaiveDate,
        contact: &'a str,
    },
    StayConnected {
        contact: &'a str,
    },
    Congratulate {
        on: NaiveDate,
        n: u32,
    },
    Fixed(&'static str),
}

impl Spec<'_> {
    pub fn write(self, out: &mut String) {
        match self {
            Spec::ThankYou {
                card,
                round,
                contact,
            } => {
                out.push_str(if card {
                    THANK_YOU_CARD
                } else {
                    THANK_YOU_EMAIL
                });
                push_id(out, round);
                push_id(out, contact);
            }
            Spec::Chain {
                prefix,
                round,
                chain,
            } => {
                out.push_str(prefix);
                push_id(out, round);
                out.push('/');
                push_digits(out, chain, 1);
            }
            Spec::Alert { requested, contact } => {
                out.push_str(ALERT_REFERENCE);
                push_date(out, requested);
                push_id(out, contact);
            }
            Spec::StayConnected { contact } => {
                out.push_str(STAY_CONNECTED);
                push_id(out, contact);
            }
            Spec::Congratulate { on, n } => {
                out.push_str(CONGRATULATE);
                push_date(out, on);
                out.push('/');
                push_digits(out, n, 1);
            }
            Spec::Fixed(key) => out.push_str(key),
        }
    }

    fn build(self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

pub(crate) const PREFIX_FIRST: &str = FIRST_FOLLOW_UP;
pub(crate) const PREFIX_SECOND: &str = SECOND_FOLLOW_UP;
pub(crate) const PREFIX_MOVE_ON: &str = MOVE_ON;

/// `thank-you-email/<round>/<contact>`.
pub fn thank_you_email(round_id: &str, contact_id: &str) -> String {
    Spec::ThankYou {
        card: false,
        round: round_id,
        contact: contact_id,
    }
    .build()
}

/// `thank-you-card/<round>/<contact>`.
pub fn thank_you_card(round_id: &str, contact_id: &str) -> String {
    Spec::ThankYou {
        card: true,
        round: round_id,
        contact: contact_id,
    }
    .build()
}

/// `first-follow-up/<round>/<chain>`: the first follow-up, or the check-in that counts as it.
pub fn first_follow_up(round_id: &str, chain: u32) -> String {
    Spec::Chain {
        prefix: FIRST_FOLLOW_UP,
        round: round_id,
        chain,
    }
    .build()
}

/// `second-follow-up/<round>/<chain>`.
pub fn second_follow_up(round_id: &str, chain: u32) -> String {
    Spec::Chain {
        prefix: SECOND_FOLLOW_UP,
        round: round_id,
        chain,
    }
    .build()
}

/// `move-on/<round>/<chain>`.
pub fn move_on(round_id: &str, chain: u32) -> String {
    Spec::Chain {
        prefix: MOVE_ON,
        round: round_id,
        chain,
    }
    .build()
}

/// `alert-reference/<requested on>/<contact>`.
pub fn alert_reference(requested_on: NaiveDate, contact_id: &str) -> String {
    Spec::Alert {
        requested: requested_on,
        contact: contact_id,
    }
    .build()
}

/// `stay-connected/<contact>`.
pub fn stay_connected(contact_id: &str) -> String {
    Spec::StayConnected {
        contact: contact_id,
    }
    .build()
}

/// `congratulate/<news date>/<n>`, `n` counting the news recorded that day from 0.
pub fn congratulate(news_on: NaiveDate, n: u32) -> String {
    Spec::Congratulate { on: news_on, n }.build()
}

/// Whether `key` is the key of a move-on action (completing it closes the application).
pub fn is_move_on(key: &str) -> bool {
    key.strip_prefix(MOVE_ON)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether `key` has the shape of an action key (a known prefix, then `/` parts where
/// the action needs them).
pub fn is_well_formed(key: &str) -> bool {
    KINDS.iter().any(|k| match key.strip_prefix(k.key_prefix) {
        Some("") => !k.key_has_parts,
        Some(rest) => rest.len() > 1 && rest.starts_with('/'),
        None => false,
    })
}
