//! Rules 2 and 7: what an application's status and its no-contact flag let the planner
//! schedule. Applied once, by the driver, to every candidate action: the rule files never
//! look at the status.

use super::super::model::{ActionKind, Application, Status};

/// What one application may have scheduled.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// Thank-yous, follow-ups, congratulations: anything that writes to the employer.
    contact: bool,
    /// Alerting the user's own references (not the employer, so no-contact does not stop it).
    references: bool,
    /// Feedback and stay-connected after a rejection.
    rejection: bool,
    /// The reminder after an online application.
    reminder: bool,
}

impl Gate {
    pub fn new(app: &Application) -> Gate {
        let open = matches!(
            app.status,
            Status::Applied | Status::Interviewing | Status::References
        );
        let reachable = !app.no_contact;
        Gate {
            contact: open && reachable,
            references: open,
            rejection: app.status == Status::Rejected && reachable,
            reminder: app.status == Status::Applied && reachable,
        }
    }

    /// Whether an action of `kind` may be scheduled (done and skipped ones are listed anyway).
    pub fn allows(self, kind: ActionKind) -> bool {
        match kind {
            ActionKind::ThankYouEmail
            | ActionKind::ThankYouCard
            | ActionKind::CheckIn
            | ActionKind::FirstFollowUp
            | ActionKind::SecondFollowUp
            | ActionKind::MoveOn
            | ActionKind::Congratulate => self.contact,
            ActionKind::AlertReference => self.references,
            ActionKind::AskFeedback | ActionKind::StayConnected => self.rejection,
            ActionKind::ApplicationReminder => self.reminder,
        }
    }
}
