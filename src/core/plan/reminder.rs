//! Rule 4, no chasing online applications: an application without a usable round gets no
//! follow-up of any kind, unless the user asked to be reminded N days after applying; then
//! an application still at *applied* gets one note to the user, never late.

use super::super::calendar::add_days;
use super::super::model::{ActionKind, ReasonCode};
use super::facts::{usable, Candidate, Facts, Out};
use super::key::{self, Spec};
use super::problems::ProblemKind;

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    let Some(days) = f.remind_after else {
        return;
    };
    let live = f.history.rounds.is_empty();
    let told = live && f.schedules(ActionKind::ApplicationReminder);
    let Some(applied) = f.app.applied_on.filter(|d| usable(*d)) else {
        if told {
            out.problem(ProblemKind::ReminderWithoutApplied);
        }
        return;
    };
    if !usable(add_days(applied, days)) {
        if told {
            out.problem(ProblemKind::ReminderTooFar { days });
        }
        return;
    }
    let key = Spec::Fixed(key::APPLICATION_REMINDER);
    let dated = f.dated(ReasonCode::AfterApplying, applied);
    out.emit(Candidate::new(
        key,
        ActionKind::ApplicationReminder,
        dated,
        live,
    ));
}
