//! Drafts end to end: every built-in renders cleanly from a complete application, interviewers
//! of one round never get the same text, follow-ups stay short and never apologise, the checks
//! catch what the user should fix, and templates fail with positions a user can act on.

use chrono::NaiveDate;
use followup::core::draft::{
    builtin, builtin_script, check, parse, preview, render_action, template_slots, word_count,
    CheckContext, Draft, DraftError, ProfileField, Sample, TemplateErrorKind, Var, Warning,
    MAX_BULLETS,
};
use followup::core::model::{
    Action, ActionKind, ActionState, Application, Contact, Event, EventKind, Interviewer, Medium,
    Profile, Reason, ReasonCode,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn sending_kinds() -> impl Iterator<Item = ActionKind> {
    ActionKind::ALL.into_iter().filter(|k| k.sends_message())
}

fn action(
    app: &Application,
    kind: ActionKind,
    round: Option<&str>,
    contact: Option<&str>,
) -> Action {
    Action {
        key: format!("{}:{}", kind.as_str(), contact.unwrap_or("-")),
        app_id: app.id.clone(),
        kind,
        round_id: round.map(str::to_string),
        contact_id: contact.map(str::to_string),
        due: date(2026, 3, 3),
        late_after: None,
        state: ActionState::Due,
        done_on: None,
        medium: Medium::Email,
        reason: Reason::new(ReasonCode::InterviewDay, date(2026, 3, 3), 0, false),
        held: None,
    }
}

fn render(sample: &Sample, action: &Action) -> Draft {
    render_action(&sample.app, action, &sample.settings, sample.today)
        .unwrap_or_else(|e| panic!("{:?}: {e}", action.kind))
}

fn sample_draft(kind: ActionKind, medium: Medium) -> Draft {
    let s = Sample::builtin();
    let mut a = s.action(kind).expect("sample action");
    a.medium = medium;
    render(&s, &a)
}

/// The sample with a round of `n` interviewers, all named `name` and with the same `points`.
fn panel(n: usize, name: &str, points: &[&str]) -> Sample {
    let mut s = Sample::builtin();
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    s.app.contacts = ids
        .iter()
        .map(|id| Contact {
            id: id.clone(),
            name: name.into(),
            email: format!("{id}@example.com"),
            ..Default::default()
        })
        .collect();
    s.app.rounds[0].interviewers = ids
        .iter()
        .map(|id| Interviewer {
            contact_id: id.clone(),
            points: points.iter().map(|p| p.to_string()).collect(),
        })
        .collect();
    s
}

fn bullets(body: &str) -> usize {
    body.lines().filter(|l| l.starts_with("- ")).count()
}

#[test]
fn every_kind_renders_without_warnings_from_a_complete_sample() {
    for medium in [Medium::Email, Medium::Phone] {
        for kind in sending_kinds() {
            let d = sample_draft(kind, medium);
            assert!(
                d.warnings.is_empty(),
                "{kind:?} {medium:?}: {:#?}",
                d.warnings
            );
            assert!(!d.body.is_empty());
            assert!(!d.body.contains("{{"), "{}", d.body);
            assert_eq!(
                d.subject.is_empty(),
                kind == ActionKind::ThankYouCard,
                "{kind:?}"
            );
        }
    }
}

#[test]
fn thank_you_email_has_the_parts_the_rules_ask_for() {
    let d = sample_draft(ActionKind::ThankYouEmail, Medium::Email);
    assert!(d.subject.contains("Senior Data Engineer"), "{}", d.subject);
    assert_eq!(d.to, ["priya.raman@example.com"]);
    assert!(d.body.starts_with("Dear Priya,\n"), "{}", d.body);
    assert_eq!(bullets(&d.body), 2);
    assert!(d
        .body
        .contains("- You need the nightly batch moved to streaming"));
    assert!(
        d.body.contains("next step"),
        "closing looks forward to next steps:\n{}",
        d.body
    );
    for detail in ["Sam Carter", "sam.carter@example.com", "+1 555 0100"] {
        assert!(d.body.contains(detail), "{detail}");
    }
    // Two short lines of thanks between the greeting and the bullets.
    let paragraphs: Vec<&str> = d.body.split("\n\n").collect();
    assert_eq!(paragraphs[1].lines().count(), 2, "{}", paragraphs[1]);
}

#[test]
fn interviewers_with_the_same_points_or_none_get_different_text() {
    let one_point: &[&str] =
        &["Your team needs faster reports: I built the reporting layer at Orbit"];
    for points in [one_point, &[]] {
        let s = panel(16, "Alex Kim", points);
        for kind in [
            ActionKind::ThankYouEmail,
            ActionKind::ThankYouCard,
            ActionKind::StayConnected,
        ] {
            let bodies: Vec<String> = (0..16)
                .map(|i| {
                    let contact = format!("p{i}");
                    render(&s, &action(&s.app, kind, Some("onsite"), Some(&contact))).body
                })
                .collect();
            for (i, a) in bodies.iter().enumerate() {
                for (j, b) in bodies.iter().enumerate().skip(i + 1) {
                    assert_ne!(a, b, "{kind:?}: interviewers {i} and {j} got the same text");
                }
            }
        }
    }
}

#[test]
fn two_interviewers_differ_beyond_their_names() {
    let s = panel(2, "Alex Kim", &[]);
    let a = render(
        &s,
        &action(
            &s.app,
            ActionKind::ThankYouEmail,
            Some("onsite"),
            Some("p0"),
        ),
    );
    let b = render(
        &s,
        &action(
            &s.app,
            ActionKind::ThankYouEmail,
            Some("onsite"),
            Some("p1"),
        ),
    );
    let differing = a
        .body
        .lines()
        .zip(b.body.lines())
        .filter(|(x, y)| x != y)
        .count();
    assert!(
        differing >= 2,
        "opening and closing both vary:\n{}\n---\n{}",
        a.body,
        b.body
    );
    assert!(
        a.warnings.is_empty() && b.warnings.is_empty(),
        "{:?} {:?}",
        a.warnings,
        b.warnings
    );
}

#[test]
fn wording_is_stable_from_one_render_to_the_next() {
    let s = panel(40, "Alex Kim", &[]);
    let a = action(
        &s.app,
        ActionKind::ThankYouEmail,
        Some("onsite"),
        Some("p33"),
    );
    assert_eq!(render(&s, &a).body, render(&s, &a).body);
}

#[test]
fn seven_points_become_five_bullets_and_a_warning() {
    let points: Vec<String> = (1..=7).map(|i| format!("Point number {i}")).collect();
    let refs: Vec<&str> = points.iter().map(String::as_str).collect();
    let s = panel(1, "Alex Kim", &refs);
    let d = render(
        &s,
        &action(
            &s.app,
            ActionKind::ThankYouEmail,
            Some("onsite"),
            Some("p0"),
        ),
    );
    assert_eq!(bullets(&d.body), MAX_BULLETS);
    assert!(d.body.contains("- Point number 5") && !d.body.contains("Point number 6"));
    assert_eq!(d.warnings, [Warning::TooManyPoints { noted: 7, kept: 5 }]);
}

#[test]
fn six_bullets_typed_by_the_user_are_flagged() {
    let s = Sample::builtin();
    let a = s.action(ActionKind::ThankYouEmail).expect("sample action");
    let mut d = render(&s, &a);
    d.body.push_str("\n- a\n- b\n- c\n- d");
    let ctx = CheckContext::for_action(&s.app, &a, &s.settings).expect("context");
    assert_eq!(check(&d, &ctx), [Warning::TooManyBullets { count: 6 }]);
}

fn follow_up_samples() -> Vec<Draft> {
    let mut drafts = Vec::new();
    for decision in [Some(date(2026, 3, 13)), Some(date(2027, 1, 8)), None] {
        for medium in [Medium::Email, Medium::Phone] {
            for kind in [
                ActionKind::CheckIn,
                ActionKind::FirstFollowUp,
                ActionKind::SecondFollowUp,
            ] {
                let mut s = Sample::builtin();
                s.app.decision_date = decision;
                s.app.role = "Principal Platform and Data Infrastructure Engineer".into();
                s.app.company = "Northwind Analytics and Forecasting Group".into();
                s.settings.profile.signature = "linkedin.com/in/samcarter\nsamcarter.dev".into();
                let mut a = s.action(kind).expect("sample action");
                a.medium = medium;
                drafts.push(render(&s, &a));
            }
        }
    }
    drafts
}

#[test]
fn follow_ups_stay_under_120_words() {
    for d in follow_up_samples() {
        let words = word_count(&d.body);
        assert!(words < 120, "{:?}: {words} words\n{}", d.kind, d.body);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}

#[test]
fn a_long_follow_up_is_flagged() {
    let mut s = Sample::builtin();
    s.settings.templates.insert(
        "second-follow-up".into(),
        format!("Hello {{{{first_name}}}},\n{}", "word ".repeat(130)),
    );
    let d = render(
        &s,
        &s.action(ActionKind::SecondFollowUp).expect("sample action"),
    );
    assert_eq!(
        d.warnings,
        [Warning::TooLong {
            kind: ActionKind::SecondFollowUp,
            words: 132,
            limit: 120
        }]
    );
}

#[test]
fn follow_ups_recall_the_timeline_restate_interest_and_ask_where_things_stand() {
    let first = sample_draft(ActionKind::FirstFollowUp, Medium::Email);
    assert!(
        first
            .body
            .contains("you hoped to decide by Friday 13 March"),
        "{}",
        first.body
    );
    assert!(first.body.contains("where the process stands"));
    assert!(first.body.contains("interested"));
    let second = sample_draft(ActionKind::SecondFollowUp, Medium::Email);
    assert!(second.body.contains("Friday 13 March"));
    assert!(second.body.contains('?'));
}

#[test]
fn decision_dates_in_another_year_carry_the_year() {
    let mut s = Sample::builtin();
    s.app.decision_date = Some(date(2027, 1, 8));
    let d = render(
        &s,
        &s.action(ActionKind::FirstFollowUp).expect("sample action"),
    );
    assert!(d.body.contains("Friday 8 January 2027"), "{}", d.body);
}

#[test]
fn a_reply_with_a_new_date_replaces_the_stated_one() {
    let mut s = Sample::builtin();
    s.app.history.push(Event {
        date: date(2026, 3, 16),
        kind: EventKind::Reply {
            decision_date: Some(date(2026, 3, 27)),
        },
    });
    let d = render(
        &s,
        &s.action(ActionKind::FirstFollowUp).expect("sample action"),
    );
    assert!(d.body.contains("Friday 27 March"), "{}", d.body);
}

#[test]
fn follow_ups_never_apologise_or_ask_why() {
    const FORBIDDEN: [&str; 7] = [
        "sorry",
        "apolog",
        "haven't heard",
        "have not heard",
        "why",
        "not replied",
        "no reply",
    ];
    let mut texts: Vec<String> = Vec::new();
    for d in follow_up_samples() {
        texts.extend([d.subject.clone(), d.body.clone()]);
        if let Some(s) = d.script {
            texts.extend([s.call, s.voicemail]);
        }
    }
    for kind in [
        ActionKind::CheckIn,
        ActionKind::FirstFollowUp,
        ActionKind::SecondFollowUp,
    ] {
        let (subject, body) = builtin(kind).expect("built-in");
        let (call, voicemail) = builtin_script(kind).expect("script");
        texts.extend([subject, body, call, voicemail].map(str::to_string));
        // Every opening and closing a follow-up can get.
        let s = panel(9, "Alex Kim", &[]);
        for i in 0..9 {
            let contact = format!("p{i}");
            texts.push(render(&s, &action(&s.app, kind, Some("onsite"), Some(&contact))).body);
        }
    }
    for text in texts {
        let lower = text.to_lowercase();
        for word in FORBIDDEN {
            assert!(!lower.contains(word), "found \"{word}\" in:\n{text}");
        }
    }
}

#[test]
fn feedback_request_asks_for_two_things() {
    let d = sample_draft(ActionKind::AskFeedback, Medium::Email);
    assert!(d.body.contains("two things"), "{}", d.body);
}

#[test]
fn reference_alert_names_company_role_caller_and_points_and_leaves_the_caveat_to_the_note() {
    let d = sample_draft(ActionKind::AlertReference, Medium::Email);
    assert!(d.body.starts_with("Hello Daniel,"), "{}", d.body);
    for part in [
        "Northwind Analytics",
        "Senior Data Engineer",
        "Priya Raman",
        "- Data quality alerts",
    ] {
        assert!(d.body.contains(part), "{part}:\n{}", d.body);
    }
    assert!(!d.body.to_lowercase().contains("offer"));
    assert!(
        d.note
            .as_deref()
            .is_some_and(|n| n.contains("not an offer")),
        "{:?}",
        d.note
    );
}

#[test]
fn stay_connected_asks_to_connect_and_be_kept_in_mind() {
    let d = sample_draft(ActionKind::StayConnected, Medium::Email);
    assert!(d.body.contains("kept me in mind"), "{}", d.body);
    assert!(d.body.contains("connect"), "{}", d.body);
}

#[test]
fn congratulations_mention_the_news() {
    let d = sample_draft(ActionKind::Congratulate, Medium::Email);
    assert!(
        d.body.contains("Northwind raised its Series B"),
        "{}",
        d.body
    );
}

#[test]
fn phone_medium_adds_call_and_voicemail_scripts() {
    let spoken = [
        ActionKind::CheckIn,
        ActionKind::FirstFollowUp,
        ActionKind::SecondFollowUp,
        ActionKind::AskFeedback,
    ];
    for kind in spoken {
        let d = sample_draft(kind, Medium::Phone);
        let script = d
            .script
            .as_ref()
            .unwrap_or_else(|| panic!("{kind:?} has no script"));
        assert!(script.call.contains("Priya"), "{}", script.call);
        assert!(
            script.voicemail.contains("also send you a short email"),
            "{}",
            script.voicemail
        );
        assert!(script.voicemail.contains("+1 555 0100"));
        assert!(d.note.is_some());
        assert!(
            !d.body.is_empty(),
            "the email is still drafted for after the call"
        );
        assert!(sample_draft(kind, Medium::Email).script.is_none());
    }
    for kind in [
        ActionKind::ThankYouEmail,
        ActionKind::AlertReference,
        ActionKind::StayConnected,
    ] {
        assert!(
            sample_draft(kind, Medium::Phone).script.is_none(),
            "{kind:?}"
        );
    }
}

#[test]
fn missing_profile_details_are_one_warning_naming_them() {
    let mut s = Sample::builtin();
    s.settings.profile = Profile {
        name: "Sam Carter".into(),
        ..Default::default()
    };
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert_eq!(
        d.warnings,
        [Warning::MissingContactDetails {
            missing: vec![ProfileField::Email, ProfileField::Phone]
        }]
    );
    assert!(!d.body.contains("\n\n\n"));

    // A card is signed by hand: only the name matters.
    let card = render(
        &s,
        &s.action(ActionKind::ThankYouCard).expect("sample action"),
    );
    assert!(card.warnings.is_empty(), "{:?}", card.warnings);
}

#[test]
fn a_misspelt_name_in_an_edited_template_is_flagged() {
    let mut s = Sample::builtin();
    s.app.contacts[0].name = "John Ortiz".into();
    s.settings.templates.insert(
        "thank-you-email".into(),
        "Dear Jon,\n\n{{opening}}\n\n{{closing}}\n\n{{my_name}}\n{{my_email}}\n{{my_phone}}".into(),
    );
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert_eq!(
        d.warnings,
        [Warning::NameMismatch {
            found: "Jon".into(),
            expected: "John".into()
        }]
    );
    assert!(d.warnings[0].to_string().contains("\"Jon\""));
}

#[test]
fn a_misspelt_name_typed_into_the_draft_is_flagged_on_recheck() {
    let s = Sample::builtin();
    let a = s.action(ActionKind::FirstFollowUp).expect("sample action");
    let mut d = render(&s, &a);
    let ctx = CheckContext::for_action(&s.app, &a, &s.settings).expect("context");
    assert!(check(&d, &ctx).is_empty());
    d.body = d.body.replacen("Hello Priya,", "Hello priya,", 1);
    assert_eq!(
        check(&d, &ctx),
        [Warning::NameMismatch {
            found: "priya".into(),
            expected: "Priya".into()
        }]
    );
}

#[test]
fn placeholders_left_in_edited_text_are_flagged() {
    let s = Sample::builtin();
    let a = s.action(ActionKind::ThankYouEmail).expect("sample action");
    let mut d = render(&s, &a);
    d.body.push_str("\nSee {{portfolio_link}}");
    let ctx = CheckContext::for_action(&s.app, &a, &s.settings).expect("context");
    assert_eq!(
        check(&d, &ctx),
        [Warning::Placeholder {
            found: "{{portfolio_link}}".into()
        }]
    );
}

#[test]
fn empty_values_the_template_needs_are_reported() {
    let mut s = Sample::builtin();
    s.app.role = String::new();
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert_eq!(
        d.warnings,
        [Warning::UnfilledVariable {
            name: "role".into()
        }]
    );
}

#[test]
fn a_recipient_without_email_or_without_a_contact_is_flagged() {
    let mut s = Sample::builtin();
    s.app.contacts[0].email = String::new();
    let d = render(
        &s,
        &s.action(ActionKind::FirstFollowUp).expect("sample action"),
    );
    assert!(d.to.is_empty());
    assert_eq!(
        d.warnings,
        [Warning::NoRecipientEmail {
            name: "Priya Raman".into()
        }]
    );

    let mut s = Sample::builtin();
    s.app.contacts.retain(|c| c.reference);
    s.app.rounds[0].interviewers.clear();
    let d = render(
        &s,
        &action(&s.app, ActionKind::FirstFollowUp, Some("onsite"), None),
    );
    assert!(
        d.warnings.contains(&Warning::NoRecipient),
        "{:?}",
        d.warnings
    );
}

#[test]
fn a_follow_up_without_a_contact_goes_to_the_hiring_manager() {
    let s = Sample::builtin();
    let d = render(&s, &action(&s.app, ActionKind::SecondFollowUp, None, None));
    assert_eq!(d.to, ["priya.raman@example.com"]);
    assert_eq!(d.recipient.as_deref(), Some("Priya Raman"));
}

#[test]
fn user_templates_override_by_kind_name_and_subject_key() {
    let mut s = Sample::builtin();
    s.settings.templates.insert(
        "first-follow-up.subject".into(),
        "Checking in: {{role}}".into(),
    );
    s.settings.templates.insert(
        "first-follow-up".into(),
        "Hi {{first_name}},\n\nAny news on the {{role}} role?\n\n{{my_name}}\n{{my_email}}\n{{my_phone}}".into(),
    );
    let d = render(
        &s,
        &s.action(ActionKind::FirstFollowUp).expect("sample action"),
    );
    assert_eq!(d.subject, "Checking in: Senior Data Engineer");
    assert!(
        d.body
            .starts_with("Hi Priya,\n\nAny news on the Senior Data Engineer role?"),
        "{}",
        d.body
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_broken_user_template_falls_back_to_the_built_in_with_a_warning() {
    let mut s = Sample::builtin();
    s.settings
        .templates
        .insert("thank-you-email".into(), "Dear {{frist_name}},".into());
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert!(d.body.starts_with("Dear Priya,"));
    match d.warnings.as_slice() {
        [Warning::BrokenTemplate { key, message }] => {
            assert_eq!(key, "thank-you-email");
            assert!(message.contains("line 1, column 6"), "{message}");
            assert!(
                message.contains("did you mean {{first_name}}?"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn drafts_are_plain_text_and_markup_stays_literal() {
    let mut s = Sample::builtin();
    s.app.rounds[0].interviewers[0].points = vec!["<script>alert(1)</script> & <b>bold</b>".into()];
    s.settings.templates.insert(
        "thank-you-email.subject".into(),
        "<i>{{role}}</i> &amp; thanks".into(),
    );
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert!(
        d.body.contains("- <script>alert(1)</script> & <b>bold</b>"),
        "{}",
        d.body
    );
    assert_eq!(d.subject, "<i>Senior Data Engineer</i> &amp; thanks");
}

#[test]
fn stored_line_breaks_cannot_break_greetings_or_bullets() {
    let mut s = Sample::builtin();
    s.app.contacts[0].name = "Priya\nRaman".into();
    s.app.rounds[0].interviewers[0].points = vec!["first line\nsecond line".into(), "  \n ".into()];
    let d = render(
        &s,
        &s.action(ActionKind::ThankYouEmail).expect("sample action"),
    );
    assert!(d.body.contains("- first line second line\n"), "{}", d.body);
    assert_eq!(bullets(&d.body), 1);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn actions_that_cannot_be_drafted_say_why() {
    let s = Sample::builtin();
    let err = |a: Action| render_action(&s.app, &a, &s.settings, s.today).expect_err("no draft");
    assert_eq!(
        err(action(&s.app, ActionKind::MoveOn, None, None)),
        DraftError::NothingToSend {
            kind: ActionKind::MoveOn
        }
    );
    assert_eq!(
        err(action(
            &s.app,
            ActionKind::ThankYouEmail,
            Some("onsite"),
            Some("ghost")
        )),
        DraftError::UnknownContact { id: "ghost".into() }
    );
    assert_eq!(
        err(action(
            &s.app,
            ActionKind::ThankYouEmail,
            Some("gone"),
            Some("priya")
        )),
        DraftError::UnknownRound { id: "gone".into() }
    );
    let mut other = action(&s.app, ActionKind::ThankYouEmail, None, Some("priya"));
    other.app_id = "another".into();
    let e = err(other);
    assert!(matches!(e, DraftError::WrongApplication { .. }));
    assert!(e.to_string().contains("refresh"), "{e}");
}

#[test]
fn parse_errors_point_at_the_tag() {
    let e = parse("Hello {{first_name}},\nWe met at {{compnay}}.").expect_err("unknown");
    assert_eq!(
        e.kind,
        TemplateErrorKind::UnknownVariable {
            name: "compnay".into()
        }
    );
    assert_eq!((e.line, e.column, e.offset), (2, 11, 32));
    let msg = e.to_string();
    assert!(
        msg.starts_with("line 2, column 11: unknown variable {{compnay}}"),
        "{msg}"
    );
    assert!(
        msg.contains("known: first_name, full_name, title, company"),
        "{msg}"
    );

    let e = parse("Dear {{first_name}},\n\nThanks {{role").expect_err("unclosed tag");
    assert_eq!(
        (e.kind, e.line, e.column),
        (TemplateErrorKind::UnclosedTag, 3, 8)
    );

    let e =
        parse("Hi,\n  {{#decision_date}}by {{decision_date}}\nBye").expect_err("unclosed section");
    assert_eq!(
        e.kind,
        TemplateErrorKind::UnclosedSection {
            name: "decision_date".into()
        }
    );
    assert_eq!((e.line, e.column, e.offset), (2, 3, 6));
    assert!(e.to_string().contains("add {{/decision_date}}"), "{e}");

    let e = parse("{{#points}}\n- {{point}}\n{{/point}}").expect_err("mismatched");
    assert_eq!(
        e.kind,
        TemplateErrorKind::MismatchedClose {
            expected: "points".into(),
            found: "point".into()
        }
    );
    assert_eq!((e.line, e.column), (3, 1));
}

#[test]
fn parse_errors_serialise_for_the_editor() {
    let e = parse("x {{#role}}").expect_err("unclosed");
    let json = serde_json::to_value(&e).expect("serialises");
    assert_eq!(json["type"], "unclosed-section");
    assert_eq!(json["line"], 1);
    assert_eq!(json["column"], 3);
    assert_eq!(json["kind"]["name"], "role");
    assert!(json["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("line 1, column 3")));
}

#[test]
fn preview_renders_the_sample_and_reports_errors() {
    let sample = Sample::builtin();
    let text = preview(
        "Dear {{first_name}}, about {{role}}:\n{{bullets}}",
        ActionKind::ThankYouEmail,
        &sample,
    )
    .expect("valid");
    assert!(
        text.starts_with("Dear Priya, about Senior Data Engineer:\n- You need"),
        "{text}"
    );
    let text = preview("{{first_name}}", ActionKind::AlertReference, &sample).expect("valid");
    assert_eq!(text, "Daniel");
    let mine = sample.clone().with_profile(Profile {
        name: "Ana Silva".into(),
        ..Default::default()
    });
    assert_eq!(
        preview("{{my_name}}", ActionKind::MoveOn, &mine).expect("valid"),
        "Ana Silva"
    );
    let e = preview("{{#role}}", ActionKind::ThankYouEmail, &sample).expect_err("unclosed");
    assert_eq!((e.line, e.column), (1, 1));
}

#[test]
fn drafts_cross_to_javascript_in_camel_case_and_come_back_for_rechecking() {
    let mut s = Sample::builtin();
    s.settings.profile.phone = String::new();
    let d = render(
        &s,
        &s.action(ActionKind::FirstFollowUp).expect("sample action"),
    );
    let json = serde_json::to_value(&d).expect("serialises");
    assert_eq!(json["actionKey"], "sample:first-follow-up");
    assert_eq!(json["kind"], "first-follow-up");
    assert_eq!(json["warnings"][0]["type"], "missing-contact-details");
    assert!(json["warnings"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("phone number")));
    let back: Draft = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back.body, d.body);
    assert!(
        back.warnings.is_empty(),
        "warnings are recomputed, not trusted"
    );
}

#[test]
fn the_template_guide_documents_every_variable_and_key() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/templates.md"))
        .expect("docs/templates.md");
    for var in Var::ALL {
        assert!(
            guide.contains(&format!("`{{{{{}}}}}`", var.name())),
            "{} is not documented",
            var.name()
        );
    }
    for slot in template_slots() {
        assert!(
            guide.contains(&format!("`{}`", slot.key)),
            "key {} is not documented",
            slot.key
        );
    }
}

#[test]
fn built_in_bodies_fit_their_limits_with_five_long_points() {
    let long =
        "Your team needs its reporting pipeline rebuilt on streaming: I did exactly this at my \
                last company";
    let mut s = panel(1, "Alex Kim", &[long; 5]);
    s.app.contacts.push(Contact {
        id: "ref".into(),
        name: "Dana Lee".into(),
        email: "dana@example.com".into(),
        reference: true,
        ..Default::default()
    });
    for kind in sending_kinds() {
        let contact = if kind == ActionKind::AlertReference {
            "ref"
        } else {
            "p0"
        };
        let d = render(&s, &action(&s.app, kind, Some("onsite"), Some(contact)));
        assert!(
            !d.warnings
                .iter()
                .any(|w| matches!(w, Warning::TooLong { .. })),
            "{kind:?}: {:?}",
            d.warnings
        );
    }
}

mod fuzz {
    use super::*;
    use followup::core::draft::Values;
    use proptest::prelude::*;

    fn fragments() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("{{".to_string()),
            Just("}}".to_string()),
            Just("{{#points}}".to_string()),
            Just("{{/points}}".to_string()),
            Just("{{^decision_date}}".to_string()),
            Just("{{/decision_date}}".to_string()),
            Just("{{#role}}".to_string()),
            Just("{{/role}}".to_string()),
            Just("{{point}}".to_string()),
            Just("{{first_name}}".to_string()),
            Just("{{! note }}".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("  ".to_string()),
            Just("é中🙂".to_string()),
            "[a-z{}#^/! ]{0,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn parsing_and_rendering_never_panic(src in fragments()) {
            let sample = Sample::builtin();
            if let Err(e) = preview(&src, ActionKind::ThankYouEmail, &sample) {
                prop_assert!(e.offset <= src.len());
                prop_assert!(src.is_char_boundary(e.offset));
                prop_assert!(e.line >= 1 && e.column >= 1);
                prop_assert!(!e.to_string().is_empty());
            }
        }

        #[test]
        fn arbitrary_text_never_panics(src in "\\PC{0,200}") {
            let _ = parse(&src);
        }

        #[test]
        fn templates_without_tags_render_as_written(src in "[^{}]{0,200}") {
            let t = parse(&src).expect("no tags, no errors");
            prop_assert_eq!(t.render(&Values::default()).text, src);
        }
    }

    #[test]
    fn huge_and_deep_inputs_are_handled() {
        let long_line = "{{#role}}x{{/role}} ".repeat(50_000);
        assert!(parse(&long_line).is_ok());
        let deep = "{{#role}}".repeat(100_000);
        assert!(matches!(
            parse(&deep).map_err(|e| e.kind),
            Err(TemplateErrorKind::TooDeep { .. })
        ));
        let unclosed = "{{".repeat(100_000);
        assert_eq!(
            parse(&unclosed).map_err(|e| e.kind),
            Err(TemplateErrorKind::UnclosedTag)
        );
        let text = "é".repeat(1_000_000);
        assert!(parse(&text).is_ok());
    }
}
