//! After a rejection (rule 7): ask the hiring manager for feedback, and stay connected with
//! each interviewer met, once each. The rejection date is the latest status change to
//! *rejected*; without one, today is used and the user is told to record it.

use super::super::model::{ActionKind, EventKind, ReasonCode, Status};
use super::facts::{usable, Candidate, Facts, Out};
use super::key::{self, Spec};
use super::problems::ProblemKind;

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    let recorded = f
        .app
        .history
        .iter()
        .rev()
        .find(|e| {
            usable(e.date)
                && matches!(
                    &e.kind,
                    EventKind::Status {
                        to: Status::Rejected,
                        ..
                    }
                )
        })
        .map(|e| e.date);
    let rejected = match recorded {
        Some(d) => d,
        None if f.schedules(ActionKind::AskFeedback) && usable(f.today) => {
            out.problem(ProblemKind::RejectedWithoutDate);
            f.today
        }
        None => return,
    };

    if let Some(manager) = f.manager() {
        let key = Spec::Fixed(key::ASK_FEEDBACK);
        let dated = f.dated(ReasonCode::AfterRejectionFeedback, rejected);
        out.emit(Candidate {
            contact_id: Some(manager),
            ..Candidate::new(key, ActionKind::AskFeedback, dated, true)
        });
    }

    let dated = f.dated(ReasonCode::AfterRejectionConnect, rejected);
    let rounds = &f.history.rounds;
    for (r, (_, round)) in rounds.iter().enumerate() {
        for (i, interviewer) in round.interviewers.iter().enumerate() {
            let id = interviewer.contact_id.as_str();
            let met_before = rounds[..r]
                .iter()
                .flat_map(|(_, earlier)| &earlier.interviewers)
                .chain(&round.interviewers[..i])
                .any(|e| e.contact_id == id);
            if met_before || f.app.contact(id).is_none() {
                continue;
            }
            let key = Spec::StayConnected { contact: id };
            out.emit(Candidate {
                contact_id: Some(id),
                ..Candidate::new(key, ActionKind::StayConnected, dated, true)
            });
        }
    }
}
