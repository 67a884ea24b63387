//! Thank-you email and card: every interviewer of every round gets a thank-you email on the
//! interview day and, with the card setting on, a handwritten card (docs/rules.md, "Actions"
//! and "Alerts, news, cards"). Each round keeps its own thank-yous. A round with a time that
//! ends in the evening moves its email to the next working day (rule 5).

use super::super::model::{ActionKind, ReasonCode};
use super::facts::{Candidate, Facts, Out};
use super::key::Spec;
use super::problems::ProblemKind;
use super::timing::thank_you_due;

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    for round in f.rounds() {
        for (i, interviewer) in round.interviewers.iter().enumerate() {
            let id = interviewer.contact_id.as_str();
            let Some(contact) = f.app.contact(id) else {
                out.problem(ProblemKind::UnknownInterviewer {
                    date: round.date,
                    contact: id.to_string(),
                });
                continue;
            };
            if round.interviewers[..i].iter().any(|e| e.contact_id == id) {
                let name = if contact.name.is_empty() {
                    id
                } else {
                    &contact.name
                };
                out.problem(ProblemKind::InterviewerTwice {
                    date: round.date,
                    name: name.to_string(),
                });
                continue;
            }
            for (card, kind, code) in [
                (false, ActionKind::ThankYouEmail, ReasonCode::InterviewDay),
                (
                    true,
                    ActionKind::ThankYouCard,
                    ReasonCode::CardAfterInterview,
                ),
            ] {
                if card && !f.card {
                    continue;
                }
                let key = Spec::ThankYou {
                    card,
                    round: &round.id,
                    contact: id,
                };
                let mut dated = f.dated(code, round.date);
                if !card {
                    dated.due = thank_you_due(round.date, round.end_minute(), f.calendar);
                }
                out.emit(Candidate {
                    round_id: Some(&round.id),
                    contact_id: Some(id),
                    ..Candidate::new(key, kind, dated, true)
                });
            }
        }
    }
}
