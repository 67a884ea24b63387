//! Arbitrary applications (rounds, contacts, events, statuses, dates, dangling references)
//! through the planner and the drafts: never a panic, and the rules that must always hold do.
#![no_main]
use arbitrary::{Result, Unstructured};
use chrono::{Days, NaiveDate};
use followup::core::draft::render_action;
use followup::core::model::*;
use followup::core::plan::plan;
use libfuzzer_sys::fuzz_target;

const BASE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 1, 1) {
    Some(d) => d,
    None => panic!(),
};

fn date(u: &mut Unstructured) -> Result<NaiveDate> {
    Ok(BASE + Days::new(u.int_in_range(0..=120)?))
}

fn id(u: &mut Unstructured, prefix: &str) -> Result<String> {
    Ok(format!("{prefix}{}", u.int_in_range(0..=4u8)?))
}

fn application(u: &mut Unstructured, n: usize) -> Result<Application> {
    let mut app = Application {
        id: format!("app{n}"),
        company: u.arbitrary()?,
        role: u.arbitrary()?,
        status: Status::parse(u.choose(&[
            "saved", "applied", "interviewing", "references", "offer", "accepted", "rejected",
            "withdrawn", "no-response", "ghosted",
        ])?),
        no_contact: u.ratio(1, 5)?,
        medium: if u.ratio(1, 4)? { Some(Medium::Phone) } else { None },
        decision_date: if u.arbitrary()? { Some(date(u)?) } else { None },
        applied_on: if u.arbitrary()? { Some(date(u)?) } else { None },
        ..Default::default()
    };
    for _ in 0..u.int_in_range(0..=4)? {
        app.contacts.push(Contact {
            id: id(u, "c")?,
            name: u.arbitrary()?,
            email: u.arbitrary()?,
            hiring_manager: u.ratio(1, 4)?,
            reference: u.ratio(1, 4)?,
            ..Default::default()
        });
    }
    for _ in 0..u.int_in_range(0..=3)? {
        let mut round = Round { id: id(u, "r")?, date: date(u)?, ..Default::default() };
        for _ in 0..u.int_in_range(0..=3)? {
            round.interviewers.push(Interviewer { contact_id: id(u, "c")?, points: u.arbitrary()? });
        }
        app.rounds.push(round);
    }
    for _ in 0..u.int_in_range(0..=6)? {
        let key = format!(
            "{}/{}/{}",
            u.choose(&ActionKind::ALL)?.as_str(),
            id(u, "r")?,
            id(u, "c")?
        );
        let kind = match u.int_in_range(0..=6)? {
            0 => EventKind::Sent { action: key },
            1 => EventKind::Skipped { action: key },
            2 => EventKind::Snoozed { action: key, until: date(u)? },
            3 => EventKind::Reply { decision_date: if u.arbitrary()? { Some(date(u)?) } else { None } },
            4 => EventKind::ReferencesRequested,
            5 => EventKind::Status { from: Status::Applied, to: Status::Rejected },
            _ => EventKind::PositiveNews { note: u.arbitrary()? },
        };
        app.history.push(Event { date: date(u)?, kind });
    }
    Ok(app)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut apps = Vec::new();
    for n in 0..u.int_in_range(0..=4).unwrap_or(0) {
        match application(&mut u, n) {
            Ok(app) => apps.push(app),
            Err(_) => break,
        }
    }
    let settings = Settings { thank_you_card: u.arbitrary().unwrap_or(false), ..Settings::default() };
    let today = BASE + Days::new(u.int_in_range(0..=150).unwrap_or(30));
    let result = plan(&apps, &settings, today);
    for action in &result.actions {
        let app = apps.iter().find(|a| a.id == action.app_id).expect("action of a known app");
        if app.no_contact {
            assert!(!action.kind.is_follow_up(), "follow-up for a no-contact application");
        }
        if action.kind.sends_message() {
            let _ = render_action(app, action, &settings, today);
        }
    }
});
