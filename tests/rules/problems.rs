//! Planner problems leave the core as codes with arguments; the English sentence kept with
//! them is the `_locales/en` text, and every language words every code with the same
//! placeholders (`src/core/plan/problems.rs`).

use std::collections::BTreeSet;

use super::common::*;
use followup::core::plan::ProblemKind;

fn every_kind() -> Vec<ProblemKind> {
    let day = d("2026-03-03");
    let later = d("2026-03-10");
    vec![
        ProblemKind::UnknownStatus {
            status: "ghosted".into(),
            known: "applied, interviewing".into(),
        },
        ProblemKind::HistoryDate { date: day },
        ProblemKind::AppliedDate { date: day },
        ProblemKind::RoundWithoutDate {
            round: "r1".into(),
            date: day,
        },
        ProblemKind::RoundBeforeApplied {
            date: day,
            applied: later,
        },
        ProblemKind::DuplicateRound {
            round: "r1".into(),
            date: day,
        },
        ProblemKind::UnknownInterviewer {
            date: day,
            contact: "c9".into(),
        },
        ProblemKind::InterviewerTwice {
            date: day,
            name: "Dana Smith".into(),
        },
        ProblemKind::DecisionBeforeInterview {
            decision: day,
            date: later,
        },
        ProblemKind::DecisionDate { decision: day },
        ProblemKind::NoFollowUpContact { date: day },
        ProblemKind::ReplyDecisionBeforeReply {
            reply: later,
            decision: day,
        },
        ProblemKind::ReminderWithoutApplied,
        ProblemKind::ReminderTooFar { days: 40 },
        ProblemKind::RejectedWithoutDate,
        ProblemKind::SharedId {
            count: 2,
            id: "acme".into(),
        },
    ]
}

/// Which variant `kind` is; adding a variant without a sample fails to compile here.
fn variant(kind: &ProblemKind) -> usize {
    match kind {
        ProblemKind::UnknownStatus { .. } => 0,
        ProblemKind::HistoryDate { .. } => 1,
        ProblemKind::AppliedDate { .. } => 2,
        ProblemKind::RoundWithoutDate { .. } => 3,
        ProblemKind::RoundBeforeApplied { .. } => 4,
        ProblemKind::DuplicateRound { .. } => 5,
        ProblemKind::UnknownInterviewer { .. } => 6,
        ProblemKind::InterviewerTwice { .. } => 7,
        ProblemKind::DecisionBeforeInterview { .. } => 8,
        ProblemKind::DecisionDate { .. } => 9,
        ProblemKind::NoFollowUpContact { .. } => 10,
        ProblemKind::ReplyDecisionBeforeReply { .. } => 11,
        ProblemKind::ReminderWithoutApplied => 12,
        ProblemKind::ReminderTooFar { .. } => 13,
        ProblemKind::RejectedWithoutDate => 14,
        ProblemKind::SharedId { .. } => 15,
    }
}

fn messages(locale: &str) -> serde_json::Value {
    let path = format!(
        "{}/extension/_locales/{locale}/messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn every_problem_is_worded_in_every_language_with_its_arguments() {
    let kinds = every_kind();
    let covered: BTreeSet<usize> = kinds.iter().map(variant).collect();
    assert_eq!(covered.len(), kinds.len(), "one sample per variant");
    let en = messages("en");
    let de = messages("de");
    for kind in &kinds {
        let key = kind.message_key();
        let args = kind.args();
        let names: BTreeSet<String> = args.iter().map(|(n, _)| n.to_string()).collect();
        let english = en[key]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("en lacks {key}"));
        let german = de[key]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("de lacks {key}"));
        assert_eq!(placeholders(english), names, "{key} (en)");
        assert_eq!(placeholders(german), names, "{key} (de)");
        let mut filled = english.to_string();
        for (name, arg) in &args {
            filled = filled.replace(&format!("{{{name}}}"), &arg.to_string());
        }
        assert_eq!(
            filled,
            kind.english(),
            "{key}: the core's English differs from _locales"
        );
    }
}

#[test]
fn problems_carry_their_code_and_the_english_sentence() {
    let mut app = interviewing();
    app.status = Status::Other("ghosted".into());
    let (_, problems) = run_with(&app, &Settings::default(), "2026-03-05");
    assert_eq!(problems.len(), 1);
    assert!(
        matches!(&problems[0].kind, ProblemKind::UnknownStatus { status, .. } if status == "ghosted")
    );
    assert_eq!(problems[0].message, problems[0].kind.english());
    let json = serde_json::to_value(&problems[0]).unwrap();
    assert_eq!(json["kind"]["code"], "unknown-status");
    assert_eq!(json["kind"]["status"], "ghosted");
}
