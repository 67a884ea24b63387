//! Builders and look-ups shared by the rule tests.

pub use chrono::NaiveDate;

pub use followup::core::calendar::WorkCalendar;
pub use followup::core::model::{
    Action, ActionKind, ActionState, Application, Contact, Event, EventKind, Interviewer, Medium,
    ReasonCode, Round, Settings, Status,
};
pub use followup::core::ops;
pub use followup::core::plan::{
    badge_count, count_actionable, explain, key, plan, plan_application, Problem,
};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|_| panic!("bad test date {s}"))
}

pub fn person(id: &str, name: &str) -> Contact {
    Contact {
        id: id.into(),
        name: name.into(),
        email: format!("{id}@example.com"),
        ..Default::default()
    }
}

pub fn manager(id: &str, name: &str) -> Contact {
    Contact {
        hiring_manager: true,
        ..person(id, name)
    }
}

pub fn reference(id: &str, name: &str) -> Contact {
    Contact {
        reference: true,
        ..person(id, name)
    }
}

pub fn round(id: &str, date: &str, interviewers: &[&str]) -> Round {
    Round {
        id: id.into(),
        date: d(date),
        kind: "interview".into(),
        interviewers: interviewers
            .iter()
            .map(|c| Interviewer {
                contact_id: (*c).into(),
                points: Vec::new(),
            })
            .collect(),
        ..Default::default()
    }
}

/// An application interviewing since an interview on Tuesday 2026-03-03 with Ana (the
/// hiring manager) and Ben; no decision date.
pub fn interviewing() -> Application {
    Application {
        id: "acme".into(),
        company: "Acme".into(),
        role: "Engineer".into(),
        status: Status::Interviewing,
        applied_on: Some(d("2026-02-20")), // Friday
        rounds: vec![round("r1", "2026-03-03", &["ana", "ben"])],
        contacts: vec![manager("ana", "Ana Alvarez"), person("ben", "Ben Brown")],
        ..Default::default()
    }
}

pub fn event(date: &str, kind: EventKind) -> Event {
    Event {
        date: d(date),
        kind,
    }
}

pub fn sent(action: String, date: &str) -> Event {
    event(date, EventKind::Sent { action })
}

pub fn holidays(days: &[&str]) -> Settings {
    let mut settings = Settings::default();
    settings.holidays.own = days.iter().map(|s| d(s)).collect();
    settings
}

pub fn run_with(
    app: &Application,
    settings: &Settings,
    today: &str,
) -> (Vec<Action>, Vec<Problem>) {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    plan_application(app, settings, &calendar, d(today))
}

pub fn run(app: &Application, settings: &Settings, today: &str) -> Vec<Action> {
    let (actions, problems) = run_with(app, settings, today);
    assert!(problems.is_empty(), "unexpected problems: {problems:?}");
    actions
}

pub fn find<'a>(actions: &'a [Action], key: &str) -> &'a Action {
    actions.iter().find(|a| a.key == key).unwrap_or_else(|| {
        let keys: Vec<&str> = actions.iter().map(|a| a.key.as_str()).collect();
        panic!("no action {key}; have {keys:?}")
    })
}

pub fn of_kind(actions: &[Action], kind: ActionKind) -> Vec<&Action> {
    actions.iter().filter(|a| a.kind == kind).collect()
}

pub fn kinds(actions: &[Action]) -> Vec<ActionKind> {
    actions.iter().map(|a| a.kind).collect()
}

pub fn follow_up_kinds(actions: &[Action]) -> Vec<ActionKind> {
    actions
        .iter()
        .filter(|a| a.kind.is_follow_up() || a.kind == ActionKind::MoveOn)
        .map(|a| a.kind)
        .collect()
}
