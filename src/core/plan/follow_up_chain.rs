//! The follow-up chain: check-in, first and second follow-up, then move on.
//!
//! - Rule 1: a chain holds at most [`MAX_FOLLOW_UPS`] follow-ups (a check-in counts as the
//!   first), then only *move on*.
//! - Rule 3: a reply belongs to the latest round on or before it, cancels what its chain still
//!   had pending and starts the next chain from its date; only the last chain of the latest
//!   round is scheduled, the others are listed for what was done or skipped.
//! - Rule 6: each step counts from the day the one before it actually happened, and is
//!   projected until then.
//! - Long timelines: a decision more than two weeks after the start of the chain brings a
//!   check-in a week after the start, and the decision-date follow-up becomes the second,
//!   never less than a week after the check-in.

use chrono::NaiveDate;

use super::super::model::{ActionKind, ReasonCode, Round};
use super::facts::{usable, Anchor, Candidate, Facts, Out};
use super::key::{self, Spec};
use super::problems::ProblemKind;
use super::timing::{is_long_timeline, Dated};

/// Rule 1: follow-ups per chain.
pub const MAX_FOLLOW_UPS: usize = 2;

/// The key prefix of each follow-up of a chain, in order.
const FOLLOW_UP_KEYS: [&str; MAX_FOLLOW_UPS] = [key::PREFIX_FIRST, key::PREFIX_SECOND];

/// Where a chain starts: the interview, or a reply.
struct Chain<'a> {
    round: &'a Round,
    /// 0 from the interview, then one more per reply.
    n: u32,
    start: NaiveDate,
    decision: Option<NaiveDate>,
    after_reply: bool,
    contact: Option<&'a str>,
    live: bool,
}

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    let rounds = &f.history.rounds;
    let replies = &f.history.replies;
    let scheduled = f.schedules(ActionKind::FirstFollowUp);
    for (r, &(_, round)) in rounds.iter().enumerate() {
        let latest = r + 1 == rounds.len();
        let until = rounds.get(r + 1).map(|(_, next)| next.date);
        let contact = f.app.follow_up_contact(round).map(|c| c.id.as_str());
        let decision = interview_decision(f, round, latest, out);

        let first = replies.partition_point(|(d, _)| *d < round.date);
        let last = until.map_or(replies.len(), |u| replies.partition_point(|(d, _)| *d < u));
        let count = last.saturating_sub(first);

        if latest && scheduled && contact.is_none() {
            out.problem(ProblemKind::NoFollowUpContact { date: round.date });
        }

        chain(
            f,
            out,
            Chain {
                round,
                n: 0,
                start: round.date,
                decision,
                after_reply: false,
                contact,
                live: latest && count == 0,
            },
        );
        for (n, &(start, decision)) in replies[first..last].iter().enumerate() {
            let decision = match decision {
                Some(d) if d < start => {
                    if latest && scheduled {
                        out.problem(ProblemKind::ReplyDecisionBeforeReply {
                            reply: start,
                            decision: d,
                        });
                    }
                    None
                }
                d => d,
            };
            chain(
                f,
                out,
                Chain {
                    round,
                    n: u32::try_from(n + 1).unwrap_or(u32::MAX),
                    start,
                    decision,
                    after_reply: true,
                    contact,
                    live: latest && n + 1 == count,
                },
            );
        }
    }
}

/// The decision date said at the interview, when it can be counted from for `round`.
fn interview_decision<'a>(
    f: &Facts<'_, 'a>,
    round: &Round,
    latest: bool,
    out: &mut impl Out<'a>,
) -> Option<NaiveDate> {
    match f.app.decision_date {
        Some(d) if usable(d) && d >= round.date => Some(d),
        Some(d) => {
            if latest {
                out.problem(if usable(d) {
                    ProblemKind::DecisionBeforeInterview {
                        decision: d,
                        date: round.date,
                    }
                } else {
                    ProblemKind::DecisionDate { decision: d }
                });
            }
            None
        }
        None => None,
    }
}

/// One chain: its follow-ups, then move on.
fn chain<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>, c: Chain<'a>) {
    let long = c.decision.is_some_and(|d| is_long_timeline(c.start, d));
    let decision_code = if c.after_reply {
        ReasonCode::AfterReplyDecisionDate
    } else {
        ReasonCode::AfterDecisionDate
    };
    let mut previous: Option<Anchor> = None;
    for prefix in FOLLOW_UP_KEYS {
        let (kind, dated) = match previous {
            None => first_step(f, &c, long, decision_code),
            Some(before) => (
                ActionKind::SecondFollowUp,
                later_step(f, &c, long, decision_code, before),
            ),
        };
        previous = Some(emit(out, &c, prefix, kind, dated, previous));
    }
    let Some(second) = previous else {
        return;
    };
    let dated = f.dated(ReasonCode::NoReplyAfterSecond, second.date);
    emit(
        out,
        &c,
        key::PREFIX_MOVE_ON,
        ActionKind::MoveOn,
        dated,
        Some(second),
    );
}

/// The first follow-up, or on a long timeline the check-in that counts as it.
fn first_step(
    f: &Facts<'_, '_>,
    c: &Chain<'_>,
    long: bool,
    decision_code: ReasonCode,
) -> (ActionKind, Dated) {
    match c.decision {
        Some(_) if long => (
            ActionKind::CheckIn,
            f.dated(ReasonCode::LongTimeline, c.start),
        ),
        Some(d) => (ActionKind::FirstFollowUp, f.dated(decision_code, d)),
        None if c.after_reply => (
            ActionKind::FirstFollowUp,
            f.dated(ReasonCode::AfterReply, c.start),
        ),
        None => (
            ActionKind::FirstFollowUp,
            f.dated(ReasonCode::NoDecisionDate, c.start),
        ),
    }
}

/// A follow-up after the first: a week after the one before it, or on a long timeline the
/// decision-date follow-up when that is later.
fn later_step(
    f: &Facts<'_, '_>,
    c: &Chain<'_>,
    long: bool,
    decision_code: ReasonCode,
    before: Anchor,
) -> Dated {
    let week = f.dated(ReasonCode::WeekAfterFirst, before.date);
    match c.decision {
        Some(d) if long => {
            let by_decision = f.dated(decision_code, d);
            if by_decision.due >= week.due {
                by_decision
            } else {
                week
            }
        }
        _ => week,
    }
}

/// Hands one step of the chain to the driver; `before` is the step it counts from.
fn emit<'a>(
    out: &mut impl Out<'a>,
    c: &Chain<'a>,
    prefix: &'static str,
    kind: ActionKind,
    mut dated: Dated,
    before: Option<Anchor>,
) -> Anchor {
    dated.reason.after_reply = c.after_reply;
    let key = Spec::Chain {
        prefix,
        round: &c.round.id,
        chain: c.n,
    };
    out.emit(Candidate {
        round_id: Some(&c.round.id),
        contact_id: if kind == ActionKind::MoveOn {
            None
        } else {
            c.contact
        },
        projected: before.is_some_and(|b| !b.resolved),
        ..Candidate::new(key, kind, dated, c.live)
    })
}
