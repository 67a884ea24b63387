//! The sample applications a new user can load to see the extension at work: dated around
//! `today`, so that whatever the day, the badge counts something, the popup lists actions of
//! several kinds and each kind has a draft to read.

use chrono::{Days, NaiveDate};

use super::model::{Application, Contact, Event, EventKind, Interviewer, Medium, Round, Status};
use super::plan::key;

fn before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn after(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

fn person(id: &str, name: &str, title: &str, email: &str) -> Contact {
    Contact {
        id: id.into(),
        name: name.into(),
        title: title.into(),
        email: email.into(),
        ..Default::default()
    }
}

fn met(contact_id: &str, points: &[&str]) -> Interviewer {
    Interviewer {
        contact_id: contact_id.into(),
        points: points.iter().map(|p| p.to_string()).collect(),
    }
}

/// Five applications at different stages, the same for the same `today`.
pub fn sample_applications(today: NaiveDate) -> Vec<Application> {
    // Interviewed today by two people: two thank-you emails due today.
    let acme =
        Application {
            id: "sample-acme".into(),
            company: "Acme Robotics".into(),
            role: "Data Engineer".into(),
            posting_url: "https://jobs.example.com/acme/data-engineer".into(),
            status: Status::Interviewing,
            decision_date: Some(after(today, 10)),
            applied_on: Some(before(today, 20)),
            contacts: vec![
                Contact {
                    hiring_manager: true,
                    ..person(
                        "dana",
                        "Dana Smith",
                        "Head of Data",
                        "dana.smith@acme.example",
                    )
                },
                person(
                    "lee",
                    "Lee Park",
                    "Senior Data Engineer",
                    "lee.park@acme.example",
                ),
            ],
            rounds: vec![Round {
                id: "onsite".into(),
                date: today,
                kind: "On-site".into(),
                interviewers: vec![
                met(
                    "dana",
                    &[
                        "Moving the nightly batch jobs to streaming: I did this at my last team",
                        "Keeping data contracts between teams",
                    ],
                ),
                met("lee", &["Testing pipelines with recorded production samples"]),
            ],
                ..Default::default()
            }],
            ..Default::default()
        };

    // Interviewed two weeks ago, decision date passed: the first follow-up is due.
    let interview = before(today, 14);
    let northwind = Application {
        id: "sample-northwind".into(),
        company: "Northwind Traders".into(),
        role: "Product Analyst".into(),
        status: Status::Interviewing,
        decision_date: Some(before(today, 5)),
        applied_on: Some(before(today, 30)),
        contacts: vec![Contact {
            hiring_manager: true,
            ..person(
                "sam",
                "Sam Rivera",
                "Analytics Manager",
                "sam.rivera@northwind.example",
            )
        }],
        rounds: vec![Round {
            id: "video".into(),
            date: interview,
            kind: "Video call".into(),
            interviewers: vec![met(
                "sam",
                &["Pricing experiments for the spring catalogue"],
            )],
            ..Default::default()
        }],
        history: vec![Event {
            date: interview,
            kind: EventKind::Sent {
                action: key::thank_you_email("video", "sam"),
            },
        }],
        ..Default::default()
    };

    // Rejected a few days ago: ask for feedback, then stay connected.
    let globex_round = before(today, 12);
    let globex = Application {
        id: "sample-globex".into(),
        company: "Globex".into(),
        role: "Backend Developer".into(),
        status: Status::Rejected,
        applied_on: Some(before(today, 25)),
        contacts: vec![Contact {
            hiring_manager: true,
            ..person(
                "kim",
                "Kim Osei",
                "Engineering Lead",
                "kim.osei@globex.example",
            )
        }],
        rounds: vec![Round {
            id: "tech".into(),
            date: globex_round,
            kind: "Technical interview".into(),
            interviewers: vec![met("kim", &["Designing the billing service's retry logic"])],
            ..Default::default()
        }],
        history: vec![
            Event {
                date: globex_round,
                kind: EventKind::Sent {
                    action: key::thank_you_email("tech", "kim"),
                },
            },
            Event {
                date: before(today, 3),
                kind: EventKind::Status {
                    from: Status::Interviewing,
                    to: Status::Rejected,
                },
            },
        ],
        ..Default::default()
    };

    // References requested yesterday: tell the reference to expect a call.
    let initech_round = before(today, 8);
    let initech = Application {
        id: "sample-initech".into(),
        company: "Initech".into(),
        role: "Platform Engineer".into(),
        status: Status::References,
        medium: Some(Medium::Email),
        applied_on: Some(before(today, 40)),
        contacts: vec![
            Contact {
                hiring_manager: true,
                ..person(
                    "pat",
                    "Pat Jones",
                    "Director of Platform",
                    "pat.jones@initech.example",
                )
            },
            Contact {
                reference: true,
                ..person(
                    "alex",
                    "Alex Morgan",
                    "Former manager",
                    "alex.morgan@example.org",
                )
            },
        ],
        rounds: vec![Round {
            id: "final".into(),
            date: initech_round,
            kind: "Final round".into(),
            interviewers: vec![met("pat", &["On-call load and how to reduce it"])],
            ..Default::default()
        }],
        history: vec![
            Event {
                date: initech_round,
                kind: EventKind::Sent {
                    action: key::thank_you_email("final", "pat"),
                },
            },
            Event {
                date: before(today, 1),
                kind: EventKind::ReferencesRequested,
            },
        ],
        ..Default::default()
    };

    // The employer asked not to be contacted: nothing is scheduled.
    let umbrella = Application {
        id: "sample-umbrella".into(),
        company: "Umbrella Health".into(),
        role: "Data Scientist".into(),
        status: Status::Interviewing,
        no_contact: true,
        notes: "The recruiter said they will call when they have news; no emails please.".into(),
        applied_on: Some(before(today, 15)),
        contacts: vec![person(
            "jo",
            "Jo Chen",
            "Recruiter",
            "jo.chen@umbrella.example",
        )],
        rounds: vec![Round {
            id: "screen".into(),
            date: before(today, 6),
            kind: "Phone screen".into(),
            interviewers: vec![met("jo", &[])],
            ..Default::default()
        }],
        ..Default::default()
    };

    vec![acme, northwind, globex, initech, umbrella]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ActionKind, Settings};
    use crate::core::plan::{badge_count, plan};

    #[test]
    fn every_day_of_a_year_the_samples_have_due_actions_and_no_problems() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for offset in 0..366 {
            let today = after(start, offset);
            let apps = sample_applications(today);
            let p = plan(&apps, &Settings::default(), today);
            assert!(p.problems.is_empty(), "{today}: {:?}", p.problems);
            assert!(badge_count(&p) >= 2, "{today}: badge {}", badge_count(&p));
            let due_thank_yous = p
                .actions
                .iter()
                .filter(|a| a.kind == ActionKind::ThankYouEmail && a.state.is_actionable())
                .count();
            assert_eq!(due_thank_yous, 2, "{today}");
            assert!(
                p.actions.iter().all(|a| a.app_id != "sample-umbrella"),
                "no-contact application scheduled something on {today}"
            );
        }
    }
}
