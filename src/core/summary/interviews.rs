//! The interviews *Today* names: the rounds of today and tomorrow of applications still
//! open to interviews, each with the words its line needs (company, role, the interviewers'
//! names). The summary keeps the first [`INTERVIEWS`] of them, so that *Today* names them
//! before the applications are read.

use std::cmp::Ordering;

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::core::model::{ActionKind, Application, Contact, Interviewer, Round, Status};

/// Days *Today* names interviews for, from today: today and tomorrow.
pub const INTERVIEW_DAYS: u64 = 2;
/// Interviews the summary keeps, and *Today* lists.
pub const INTERVIEWS: usize = 10;

/// One interview as *Today* names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interview {
    pub app_id: String,
    pub company: String,
    pub role: String,
    /// The round, without the points discussed (a line does not show them).
    pub round: Round,
    /// The interviewers' names, in the round's order ("" for one not among the contacts).
    pub names: Vec<String>,
}

/// Whether interviews of `app` still take place: not once it was rejected, withdrawn or
/// accepted.
pub fn expects_interviews(app: &Application) -> bool {
    !matches!(
        app.status,
        Status::Rejected | Status::Withdrawn | Status::Accepted
    )
}

/// Whether a round on `date` is one *Today* names on `today`.
pub fn on_agenda(date: NaiveDate, today: NaiveDate) -> bool {
    let end = today
        .checked_add_days(Days::new(INTERVIEW_DAYS))
        .unwrap_or(NaiveDate::MAX);
    date >= today && date < end
}

impl Interview {
    /// The interviews of `app` that *Today* names on `today`, in the order of its rounds.
    pub fn of(app: &Application, today: NaiveDate) -> impl Iterator<Item = Interview> + '_ {
        let open = expects_interviews(app);
        app.rounds
            .iter()
            .enumerate()
            // A round that repeats an earlier round's id is the earlier one, as planning
            // takes it.
            .filter(move |(i, r)| !app.rounds[..*i].iter().any(|e| e.id == r.id))
            .map(|(_, r)| r)
            .filter(move |r| open && on_agenda(r.date, today))
            .map(|r| Interview {
                app_id: app.id.clone(),
                company: app.company.clone(),
                role: app.role.clone(),
                names: r
                    .interviewers
                    .iter()
                    .map(|i| {
                        app.contact(&i.contact_id)
                            .map(|c| c.name.clone())
                            .unwrap_or_default()
                    })
                    .collect(),
                round: Round {
                    interviewers: r
                        .interviewers
                        .iter()
                        .map(|i| Interviewer {
                            contact_id: i.contact_id.clone(),
                            points: Vec::new(),
                        })
                        .collect(),
                    ..r.clone()
                },
            })
    }

    /// The interviewers as contacts known by their names only, for the application's card.
    pub fn contacts(&self) -> impl Iterator<Item = Contact> + '_ {
        self.round
            .interviewers
            .iter()
            .zip(&self.names)
            .filter(|(_, name)| !name.is_empty())
            .map(|(i, name)| Contact {
                id: i.contact_id.clone(),
                name: name.clone(),
                ..Default::default()
            })
    }
}

/// The order *Today* lists interviews in: by day, a day's rounds without a time first, then
/// by time.
pub fn interview_order(a: &Interview, b: &Interview) -> Ordering {
    (a.round.date, a.round.time, &a.app_id, &a.round.id).cmp(&(
        b.round.date,
        b.round.time,
        &b.app_id,
        &b.round.id,
    ))
}

/// Every interview of `apps` that *Today* names on `today`, in order, and how many there are.
pub fn all(apps: &[Application], today: NaiveDate) -> Vec<Interview> {
    let mut out: Vec<Interview> = apps
        .iter()
        .filter(|a| !a.rounds.is_empty())
        .flat_map(|a| Interview::of(a, today))
        .collect();
    crate::core::sort::sort_by(&mut out, interview_order);
    out
}

/// When the interview a thank-you email follows ends, if the email is due on the day of a
/// timed interview *Today* names: "after 15:30" is then its time. `None` for other actions,
/// rounds without a time and emails moved to the next day.
pub fn thank_you_after(
    app: &Application,
    kind: ActionKind,
    round_id: Option<&str>,
    due: NaiveDate,
    today: NaiveDate,
) -> Option<NaiveTime> {
    if kind != ActionKind::ThankYouEmail || !expects_interviews(app) {
        return None;
    }
    let round = app.round(round_id?)?;
    if round.date != due || !on_agenda(round.date, today) {
        return None;
    }
    let end = round.end_minute()?;
    if end >= 24 * 60 {
        return None;
    }
    NaiveTime::from_hms_opt(end / 60, end % 60, 0)
}
