//! Does following up work? For each follow-up chain, whether the employer answered before any
//! follow-up was sent, after the first, after the second, or not at all.
//!
//! A **chain** starts at each interview (a round dated on or before today) and at each reply
//! of the employer, as in the planner's rule 3. It ends at the first of:
//!
//! - an **answer**: a `reply`, a `references-requested`, or a status change to *references*,
//!   *offer*, *accepted* or *rejected*. A reply also starts the next chain;
//! - a status change to *withdrawn* or *no response*: no answer;
//! - a **new round**: the chain is *superseded* and counted in neither (the invitation is
//!   recorded as a reply when the user records it);
//! - today: when the application is still open (saved, applied, interviewing, references) the
//!   chain is *waiting* and counted in neither; otherwise (rejected, offer, ... without a
//!   dated answer, or an unknown status) it had no answer.
//!
//! The follow-ups of a chain are the first and second follow-ups (and check-ins) marked sent
//! within it, by date; skipped ones do not count. An answer on the day a follow-up was sent
//! counts after it when recorded after it.
//!
//! The rates: answered without a follow-up, of all chains that ended (answered or not);
//! answered after the first, of the chains where a first follow-up was sent; answered after the
//! second, of the chains where a second one was sent.

use serde::Serialize;

use super::super::model::{ActionKind, Event, EventKind, Status};
use super::{is_open, AppFacts, Rate};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replies {
    /// Chains answered before any follow-up was sent.
    pub before_follow_up: u32,
    /// Answered after the first follow-up, before a second.
    pub after_first: u32,
    /// Answered after the second follow-up.
    pub after_second: u32,
    /// Chains that ended with no answer, by the follow-ups sent in them: none, one, two.
    pub no_answer: [u32; 3],
    /// Chains still waiting today.
    pub waiting: u32,
    /// Chains a new round ended.
    pub superseded: u32,
    /// Answered before any follow-up, of every chain that ended.
    pub without_follow_up_rate: Rate,
    /// Answered after the first follow-up, of the chains where one was sent.
    pub after_first_rate: Rate,
    /// Answered after the second follow-up, of the chains where one was sent.
    pub after_second_rate: Rate,
}

/// What an event does to a chain.
enum Step {
    FollowUp,
    /// An answer; `true`: it starts a new chain (a reply).
    Answer(bool),
    NoAnswer,
    Nothing,
}

fn step(event: &Event) -> Step {
    let first = ActionKind::FirstFollowUp.info().key_prefix;
    let second = ActionKind::SecondFollowUp.info().key_prefix;
    match &event.kind {
        EventKind::Sent { action } => {
            // `first-follow-up/<round>/<chain>`: the prefix, then a slash (compared in place:
            // no search through the key).
            let of = |prefix: &str| {
                action
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('/'))
            };
            if of(first) || of(second) {
                Step::FollowUp
            } else {
                Step::Nothing
            }
        }
        EventKind::Reply { .. } => Step::Answer(true),
        EventKind::ReferencesRequested => Step::Answer(false),
        EventKind::Status { to, .. } => match to {
            Status::References | Status::Offer | Status::Accepted | Status::Rejected => {
                Step::Answer(false)
            }
            Status::Withdrawn | Status::NoResponse => Step::NoAnswer,
            _ => Step::Nothing,
        },
        _ => Step::Nothing,
    }
}

#[derive(Default)]
pub(super) struct Counter {
    /// Answered, by follow-ups sent before the answer (two or more count as two).
    answered: [u32; 3],
    no_answer: [u32; 3],
    waiting: u32,
    superseded: u32,
}

fn bump(n: &mut u32) {
    *n = n.saturating_add(1);
}

impl Counter {
    pub fn add(&mut self, f: &AppFacts) {
        // Follow-ups sent in the current chain, if one is running.
        let mut chain: Option<usize> = None;
        let (mut r, mut e) = (0, 0);
        // Rounds and events merged by date; on one day the round comes first (a reply
        // recorded on an interview's day belongs to that interview).
        while r < f.rounds.len() || e < f.events.len() {
            let round_next = match (f.rounds.get(r), f.events.get(e)) {
                (Some(round), Some(event)) => round.date <= event.date,
                (Some(_), None) => true,
                _ => false,
            };
            if round_next {
                r += 1;
                if chain.is_some() {
                    bump(&mut self.superseded);
                }
                chain = Some(0);
                continue;
            }
            let event = f.events[e];
            e += 1;
            let Some(sent) = chain else {
                // Before the first interview, or after an answer that starts no chain.
                continue;
            };
            match step(event) {
                Step::FollowUp => chain = Some((sent + 1).min(2)),
                Step::Answer(restarts) => {
                    bump(&mut self.answered[sent]);
                    chain = restarts.then_some(0);
                }
                Step::NoAnswer => {
                    bump(&mut self.no_answer[sent]);
                    chain = None;
                }
                Step::Nothing => {}
            }
        }
        if let Some(sent) = chain {
            if is_open(&f.app.status) {
                bump(&mut self.waiting);
            } else {
                bump(&mut self.no_answer[sent]);
            }
        }
    }

    pub fn finish(self) -> Replies {
        let [before, first, second] = self.answered;
        let [none0, none1, none2] = self.no_answer;
        let sum = |values: &[u32]| values.iter().fold(0u32, |a, b| a.saturating_add(*b));
        let ended = sum(&[before, first, second, none0, none1, none2]);
        Replies {
            before_follow_up: before,
            after_first: first,
            after_second: second,
            no_answer: self.no_answer,
            waiting: self.waiting,
            superseded: self.superseded,
            without_follow_up_rate: Rate::of(before, ended),
            after_first_rate: Rate::of(first, sum(&[first, second, none1, none2])),
            after_second_rate: Rate::of(second, sum(&[second, none2])),
        }
    }
}
