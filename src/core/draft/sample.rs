//! A complete example application, for the options page's live preview of a template and as
//! the reference case of the tests: every variable has a value, so every built-in renders with
//! no warnings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::template::{parse, TemplateError};
use super::{resolve, tidy, values, Wording};
use crate::core::model::{
    Action, ActionKind, ActionState, Application, Contact, Event, EventKind, Interviewer, Language,
    Medium, Profile, Reason, ReasonCode, Round, Salutation, Settings,
};

/// A complete example application for the options page's live preview, and for tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    pub app: Application,
    pub settings: Settings,
    pub today: NaiveDate,
}

impl Sample {
    /// Northwind Analytics, a data-engineering role, one on-site round with three interviewers
    /// (the first is the hiring manager), a reference, a stated decision date and good news.
    pub fn builtin() -> Sample {
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        let contact = |id: &str, name: &str, title: &str, email: &str| Contact {
            id: id.into(),
            name: name.into(),
            title: title.into(),
            email: email.into(),
            phone: "+1 555 0142".into(),
            ..Default::default()
        };
        let interviewer = |id: &str, points: &[&str]| Interviewer {
            contact_id: id.into(),
            points: points.iter().map(|p| p.to_string()).collect(),
        };
        let app =
            Application {
                id: "sample".into(),
                company: "Northwind Analytics".into(),
                role: "Senior Data Engineer".into(),
                decision_date: Some(date(3, 13)),
                rounds: vec![Round {
                    id: "onsite".into(),
                    date: date(3, 3),
                    kind: "on-site".into(),
                    interviewers: vec![
                    interviewer(
                        "priya",
                        &[
                            "You need the nightly batch moved to streaming: I led that move for \
                             the billing data at Orbit",
                            "Your analysts wait on ad-hoc extracts: I built a self-serve \
                             warehouse layer that removed most of them",
                        ],
                    ),
                    interviewer(
                        "tomas",
                        &["Data quality alerts are noisy: I cut false alarms by tuning checks \
                           per table"],
                    ),
                    interviewer("grace", &[]),
                ],
                    ..Default::default()
                }],
                contacts: vec![
                    Contact {
                        hiring_manager: true,
                        ..contact(
                            "priya",
                            "Priya Raman",
                            "Head of Data",
                            "priya.raman@example.com",
                        )
                    },
                    contact(
                        "tomas",
                        "Tomás Ortega",
                        "Staff Engineer",
                        "tomas.ortega@example.com",
                    ),
                    contact(
                        "grace",
                        "Grace Liu",
                        "Product Manager",
                        "grace.liu@example.com",
                    ),
                    Contact {
                        reference: true,
                        ..contact(
                            "dan",
                            "Daniel Brooks",
                            "Engineering Manager",
                            "dan@example.org",
                        )
                    },
                ],
                history: vec![Event {
                    date: date(3, 10),
                    kind: EventKind::PositiveNews {
                        note: "Northwind raised its Series B".into(),
                    },
                }],
                ..Default::default()
            };
        let settings = Settings {
            profile: Profile {
                name: "Sam Carter".into(),
                email: "sam.carter@example.com".into(),
                phone: "+1 555 0100".into(),
                signature: "linkedin.com/in/samcarter".into(),
            },
            ..Default::default()
        };
        Sample {
            app,
            settings,
            today: date(3, 3),
        }
    }

    /// The sample for previews of `wording`'s templates: [`Sample::builtin`] for English,
    /// [`Sample::german`] for German (informal when `wording` is).
    pub fn for_wording(wording: Wording) -> Sample {
        match wording {
            Wording::English => Sample::builtin(),
            Wording::German => Sample::german(false),
            Wording::GermanInformal => Sample::german(true),
        }
    }

    /// The same application with a German employer: German names, forms of address and
    /// discussion points, the correspondence in German, formal unless `informal`.
    pub fn german(informal: bool) -> Sample {
        let mut sample = Sample::builtin();
        let app = &mut sample.app;
        app.company = "Nordwind Analytik GmbH".into();
        app.language = Some(Language::German);
        app.informal = informal;
        let people = [
            (
                "priya",
                "Anna Müller",
                Some(Salutation::Frau),
                "Dr.",
                "Leiterin Daten",
            ),
            (
                "tomas",
                "Tomás Ortega",
                Some(Salutation::Herr),
                "",
                "Staff Engineer",
            ),
            ("grace", "Kim Lange", None, "", "Produktmanagerin"),
            (
                "dan",
                "Daniel Brandt",
                Some(Salutation::Herr),
                "",
                "Teamleiter",
            ),
        ];
        for (id, name, salutation, academic_title, title) in people {
            if let Some(c) = app.contacts.iter_mut().find(|c| c.id == id) {
                c.name = name.into();
                c.email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
                c.phone = "+49 30 7654321".into();
                c.salutation = salutation;
                c.academic_title = academic_title.into();
                c.title = title.into();
            }
        }
        let points: [(&str, &[&str]); 2] = [
            (
                "priya",
                &[
                    "Umstellung der nächtlichen Batch-Läufe auf Streaming: Genau das habe ich bei \
                     Orbit für die Abrechnungsdaten geleitet",
                    "Warten auf Ad-hoc-Auswertungen: Meine Self-Service-Schicht im Data Warehouse \
                     hat die meisten davon überflüssig gemacht",
                ],
            ),
            (
                "tomas",
                &["Zu viele Fehlalarme bei der Datenqualität: Ich habe die Prüfungen pro Tabelle \
                   abgestimmt"],
            ),
        ];
        for round in &mut app.rounds {
            round.kind = "vor Ort".into();
            for interviewer in &mut round.interviewers {
                if let Some((_, p)) = points.iter().find(|(id, _)| *id == interviewer.contact_id) {
                    interviewer.points = p.iter().map(|p| p.to_string()).collect();
                }
            }
        }
        for event in &mut app.history {
            if let EventKind::PositiveNews { note } = &mut event.kind {
                *note = "Nordwind hat eine Series-B-Finanzierung abgeschlossen".into();
            }
        }
        sample.settings.profile = Profile {
            name: "Sam Becker".into(),
            email: "sam.becker@example.com".into(),
            phone: "+49 30 1234567".into(),
            signature: "linkedin.com/in/sambecker".into(),
        };
        sample
    }

    /// The same sample signed with the user's own profile.
    pub fn with_profile(mut self, profile: Profile) -> Sample {
        self.settings.profile = profile;
        self
    }

    /// A due action of `kind` on the sample, addressed as the planner would address it;
    /// `None` for kinds that send nothing.
    pub fn action(&self, kind: ActionKind) -> Option<Action> {
        let (contact, code) = match kind {
            ActionKind::ThankYouEmail => ("priya", ReasonCode::InterviewDay),
            ActionKind::ThankYouCard => ("priya", ReasonCode::CardAfterInterview),
            ActionKind::CheckIn => ("priya", ReasonCode::LongTimeline),
            ActionKind::FirstFollowUp => ("priya", ReasonCode::AfterDecisionDate),
            ActionKind::SecondFollowUp => ("priya", ReasonCode::WeekAfterFirst),
            ActionKind::AlertReference => ("dan", ReasonCode::ReferencesRequested),
            ActionKind::AskFeedback => ("priya", ReasonCode::AfterRejectionFeedback),
            ActionKind::StayConnected => ("priya", ReasonCode::AfterRejectionConnect),
            ActionKind::Congratulate => ("priya", ReasonCode::PositiveNews),
            ActionKind::MoveOn | ActionKind::ApplicationReminder => return None,
        };
        let round = self.app.rounds.first();
        Some(Action {
            key: format!("sample:{}", kind.as_str()),
            app_id: self.app.id.clone(),
            kind,
            round_id: round.map(|r| r.id.clone()),
            contact_id: Some(contact.to_string()),
            due: self.today,
            late_after: None,
            state: ActionState::Due,
            done_on: None,
            medium: Medium::Email,
            reason: Reason::new(code, round.map_or(self.today, |r| r.date), 0, false),
            held: None,
        })
    }
}

/// Renders `template_src` as a draft of `kind` for the sample, for the options page's live
/// preview. Parse errors come back with their position so the editor can point at them.
pub fn preview(
    template_src: &str,
    kind: ActionKind,
    sample: &Sample,
) -> Result<String, TemplateError> {
    let template = parse(template_src)?;
    let (round, contact) = sample
        .action(kind)
        .and_then(|a| resolve(&sample.app, &a).ok())
        .unwrap_or((sample.app.latest_round(), None));
    let wording = Wording::for_app(&sample.app, &sample.settings, Language::English);
    let built = values::build(
        &sample.app,
        round,
        contact,
        kind,
        &sample.settings.profile,
        sample.today,
        wording,
    );
    Ok(tidy(&template.render(&built.values).text))
}
