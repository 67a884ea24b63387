//! German drafts: every action that sends something has German wording with no English left,
//! formal ("Sie", salutation, title and surname) by default and informal ("du") per
//! application; dates in German; two interviewers of a round get different texts; the checks
//! read German greetings and use German limits.

use followup::core::draft::{
    builtin_in, render_action, render_action_in, template_slots_in, word_count, word_limit_in,
    Draft, Sample, Warning, Wording,
};
use followup::core::model::{ActionKind, Contact, Interviewer, Language, Medium, Salutation};

fn sending_kinds() -> impl Iterator<Item = ActionKind> {
    ActionKind::ALL.into_iter().filter(|k| k.sends_message())
}

fn render(sample: &Sample, kind: ActionKind, medium: Medium) -> Draft {
    let mut action = sample.action(kind).expect("a sample action");
    action.medium = medium;
    render_action(&sample.app, &action, &sample.settings, sample.today)
        .unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

/// Words that give English away in a German text. Names and the role in the sample are
/// English-free except "Senior Data Engineer" and "Staff Engineer", which German job titles
/// use as they are; they are removed before the check.
const ENGLISH_GIVEAWAYS: &[&str] = &[
    "the",
    "and",
    "you",
    "your",
    "dear",
    "hello",
    "thank",
    "thanks",
    "regards",
    "best",
    "please",
    "interview",
    "role",
    "position's",
    "looking",
    "forward",
    "hope",
    "would",
    "about",
    "with",
    "for",
    "from",
    "this",
    "that",
    "I'm",
    "I",
    "my",
    "we",
    "our",
    "is",
    "are",
    "be",
    "to",
    "of",
    "on",
    "at",
    "by",
    "it",
    "as",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "March",
    "May",
    "June",
    "call",
    "email",
    "team's",
    "news",
    "wishes",
    "kind",
    "sincerely",
];

fn english_words_in(text: &str) -> Vec<String> {
    let text = text
        .replace("Senior Data Engineer", "")
        .replace("Staff Engineer", "")
        .replace("Series-B", "");
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| ENGLISH_GIVEAWAYS.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_kind_renders_in_german_with_no_english_left() {
    for informal in [false, true] {
        let sample = Sample::german(informal);
        for medium in [Medium::Email, Medium::Phone] {
            for kind in sending_kinds() {
                let d = render(&sample, kind, medium);
                let wording = if informal {
                    Wording::GermanInformal
                } else {
                    Wording::German
                };
                assert_eq!(d.wording, wording);
                assert!(
                    d.warnings.is_empty(),
                    "{kind:?} {medium:?}: {:#?}",
                    d.warnings
                );
                let mut texts = vec![d.subject.clone(), d.body.clone()];
                if let Some(script) = &d.script {
                    texts.extend([script.call.clone(), script.voicemail.clone()]);
                }
                assert_eq!(
                    d.script.is_some(),
                    medium == Medium::Phone && builtin_has_script(kind)
                );
                for text in texts {
                    let found = english_words_in(&text);
                    assert!(
                        found.is_empty(),
                        "{kind:?} {informal}: {found:?} in\n{text}"
                    );
                    assert!(!text.contains("{{"), "{text}");
                }
            }
        }
    }
}

fn builtin_has_script(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::CheckIn
            | ActionKind::FirstFollowUp
            | ActionKind::SecondFollowUp
            | ActionKind::AskFeedback
    )
}

#[test]
fn formal_by_default_with_salutation_title_and_surname() {
    let sample = Sample::german(false);
    let thanks = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert!(
        thanks.body.starts_with("Sehr geehrte Frau Dr. Müller,\n\n"),
        "{}",
        thanks.body
    );
    assert!(
        thanks.body.contains(" Sie ") || thanks.body.contains("Ihr"),
        "{}",
        thanks.body
    );
    assert!(
        thanks.body.contains("Mit freundlichen Grüßen\nSam Becker"),
        "{}",
        thanks.body
    );
    let follow_up = render(&sample, ActionKind::FirstFollowUp, Medium::Phone);
    let script = follow_up.script.expect("a call script");
    assert!(script
        .call
        .starts_with("Guten Tag, könnte ich bitte mit Frau Dr. Müller sprechen?"));
    assert!(script
        .voicemail
        .contains("Sie erreichen mich unter +49 30 1234567"));
}

#[test]
fn informal_is_a_setting_per_application() {
    let sample = Sample::german(true);
    let thanks = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert!(
        thanks.body.starts_with("Hallo Anna,\n\n"),
        "{}",
        thanks.body
    );
    assert!(
        thanks.body.contains("Viele Grüße\nSam Becker"),
        "{}",
        thanks.body
    );
    for kind in sending_kinds() {
        let d = render(&sample, kind, Medium::Phone);
        let all = format!("{}\n{}", d.subject, d.body);
        for formal in [
            " Sie ",
            " Ihnen ",
            " Ihre ",
            "Mit freundlichen Grüßen",
            "Frau Dr.",
        ] {
            assert!(!all.contains(formal), "{kind:?}: {formal:?} in\n{all}");
        }
    }
}

#[test]
fn contacts_without_a_salutation_are_greeted_by_full_name() {
    let mut sample = Sample::german(false);
    let priya = sample
        .app
        .contacts
        .iter_mut()
        .find(|c| c.id == "priya")
        .unwrap();
    priya.salutation = None;
    priya.academic_title.clear();
    let d = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert!(
        d.body.starts_with("Guten Tag Anna Müller,\n\n"),
        "{}",
        d.body
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let herr = sample
        .app
        .contacts
        .iter_mut()
        .find(|c| c.id == "priya")
        .unwrap();
    herr.salutation = Some(Salutation::Herr);
    let d = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert!(
        d.body.starts_with("Sehr geehrter Herr Müller,\n\n"),
        "{}",
        d.body
    );
}

#[test]
fn dates_are_written_in_german() {
    let sample = Sample::german(false);
    let d = render(&sample, ActionKind::FirstFollowUp, Medium::Email);
    assert!(
        d.body.contains("am Dienstag, 3. März, sagten Sie")
            && d.body.contains("bis Freitag, 13. März, entscheiden"),
        "{}",
        d.body
    );
}

#[test]
fn two_interviewers_of_one_round_get_different_texts() {
    for informal in [false, true] {
        let mut sample = Sample::german(informal);
        // Five people with the same name and the same points: only the wording can differ.
        let ids: Vec<String> = (0..5).map(|i| format!("p{i}")).collect();
        sample.app.contacts = ids
            .iter()
            .map(|id| Contact {
                id: id.clone(),
                name: "Alex Schmidt".into(),
                email: format!("{id}@example.com"),
                salutation: Some(Salutation::Herr),
                ..Default::default()
            })
            .collect();
        sample.app.rounds[0].interviewers = ids
            .iter()
            .map(|id| Interviewer {
                contact_id: id.clone(),
                points: vec!["Streaming statt nächtlicher Batch-Läufe".into()],
            })
            .collect();
        for kind in [ActionKind::ThankYouEmail, ActionKind::ThankYouCard] {
            let mut bodies = Vec::new();
            for id in &ids {
                let mut action = sample.action(kind).unwrap();
                action.contact_id = Some(id.clone());
                let d =
                    render_action(&sample.app, &action, &sample.settings, sample.today).unwrap();
                assert!(
                    !bodies.contains(&d.body),
                    "{kind:?} {informal}: repeated\n{}",
                    d.body
                );
                bodies.push(d.body);
            }
        }
    }
}

#[test]
fn follow_ups_recall_the_timeline_and_never_apologise_or_ask_why() {
    for informal in [false, true] {
        let sample = Sample::german(informal);
        for kind in [
            ActionKind::CheckIn,
            ActionKind::FirstFollowUp,
            ActionKind::SecondFollowUp,
        ] {
            let d = render(&sample, kind, Medium::Phone);
            let script = d.script.as_ref().unwrap();
            for text in [&d.body, &script.call, &script.voicemail] {
                let lower = text.to_lowercase();
                for banned in [
                    "entschuldig",
                    "leider",
                    "warum",
                    "wieso",
                    "weshalb",
                    "sorry",
                    "verzeih",
                    "keine antwort",
                    "nicht geantwortet",
                ] {
                    assert!(!lower.contains(banned), "{kind:?}: {banned} in\n{text}");
                }
            }
            assert!(
                d.body.contains("3. März") || d.body.contains("13. März"),
                "{}",
                d.body
            );
            assert!(word_count(&d.body) <= word_limit_in(kind, Language::German).unwrap());
        }
    }
}

#[test]
fn the_checks_read_german_greetings_and_use_german_limits() {
    let sample = Sample::german(false);
    let mut d = render(&sample, ActionKind::FirstFollowUp, Medium::Email);
    let ctx = followup::core::draft::CheckContext {
        recipient_name: Some("Anna Müller".into()),
        profile: sample.settings.profile.clone(),
    };
    d.body = d.body.replace("Frau Dr. Müller", "Frau Dr. Müler");
    let warnings = followup::core::draft::check(&d, &ctx);
    assert!(
        warnings.contains(&Warning::NameMismatch {
            found: "Müler".into(),
            expected: "Müller".into()
        }),
        "{warnings:?}"
    );
    assert_eq!(
        word_limit_in(ActionKind::FirstFollowUp, Language::German),
        Some(108)
    );
    // A follow-up within the English limit but past the German one is flagged as German.
    let filler = " Weiterhin".repeat(30);
    d.body = format!(
        "Sehr geehrte Frau Dr. Müller,\n\n{}{filler}",
        "Wort ".repeat(80)
    );
    let words = word_count(&d.body);
    assert!(words > 108 && words <= 120, "{words}");
    let warnings = followup::core::draft::check(&d, &ctx);
    assert!(warnings.contains(&Warning::TooLong {
        kind: ActionKind::FirstFollowUp,
        words,
        limit: 108
    }));
    d.wording = Wording::English;
    let english = followup::core::draft::check(&d, &ctx);
    assert!(!english.iter().any(|w| matches!(w, Warning::TooLong { .. })));
    // "Sehr geehrte Damen und Herren" names nobody.
    d.body = "Sehr geehrte Damen und Herren,\n\nText".into();
    assert!(!followup::core::draft::check(&d, &ctx)
        .iter()
        .any(|w| matches!(w, Warning::NameMismatch { .. })));
}

#[test]
fn the_correspondence_language_defaults_to_the_settings_then_the_interface() {
    let mut sample = Sample::german(false);
    sample.app.language = None;
    let action = sample.action(ActionKind::ThankYouEmail).unwrap();
    let draft = |s: &Sample, interface| {
        render_action_in(&s.app, &action, &s.settings, s.today, interface).unwrap()
    };
    assert_eq!(draft(&sample, Language::English).wording, Wording::English);
    assert_eq!(draft(&sample, Language::German).wording, Wording::German);
    assert_eq!(
        draft(&sample, Language::German).note,
        None,
        "a thank-you email has no note"
    );
    sample.settings.language = Some(Language::German);
    assert_eq!(draft(&sample, Language::English).wording, Wording::German);
    sample.app.language = Some(Language::English);
    assert_eq!(draft(&sample, Language::German).wording, Wording::English);
    // Notes to the user follow the interface, not the correspondence.
    let card = sample.action(ActionKind::ThankYouCard).unwrap();
    let note = render_action_in(
        &sample.app,
        &card,
        &sample.settings,
        sample.today,
        Language::German,
    )
    .unwrap()
    .note
    .unwrap();
    assert!(note.contains("Karte"), "{note}");
}

#[test]
fn german_built_ins_fit_their_limits_with_five_long_points() {
    let long = "Ihr Team möchte die Berichtsstrecke auf Streaming umbauen: Genau das habe ich \
                bei meinem letzten Arbeitgeber umgesetzt";
    for informal in [false, true] {
        let mut sample = Sample::german(informal);
        for interviewer in &mut sample.app.rounds[0].interviewers {
            interviewer.points = vec![long.to_string(); 5];
        }
        for kind in sending_kinds() {
            let d = render(&sample, kind, Medium::Email);
            assert!(
                !d.warnings
                    .iter()
                    .any(|w| matches!(w, Warning::TooLong { .. })),
                "{kind:?} {informal}: {:?}",
                d.warnings
            );
        }
    }
}

#[test]
fn german_templates_have_their_own_keys() {
    for wording in [Wording::German, Wording::GermanInformal] {
        let slots = template_slots_in(wording);
        assert_eq!(slots.len(), template_slots_in(Wording::English).len());
        for slot in &slots {
            assert!(slot.key.starts_with(wording.key_prefix()), "{}", slot.key);
            assert_eq!(slot.wording, wording);
        }
        assert!(builtin_in(ActionKind::MoveOn, wording).is_none());
    }
    let mut sample = Sample::german(false);
    sample.settings.templates.insert(
        "de:thank-you-email".into(),
        "{{greeting}},\n\nmein eigener Text.".into(),
    );
    sample.settings.templates.insert(
        "thank-you-email".into(),
        "Dear {{first_name}}, English text.".into(),
    );
    let d = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert_eq!(
        d.body,
        "Sehr geehrte Frau Dr. Müller,\n\nmein eigener Text."
    );
    sample.app.informal = true;
    let d = render(&sample, ActionKind::ThankYouEmail, Medium::Email);
    assert!(
        d.body.starts_with("Hallo Anna,"),
        "the du wording has its own key: {}",
        d.body
    );
}

#[test]
fn the_template_guide_documents_the_german_keys() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/templates.md"))
        .expect("docs/templates.md");
    for wording in [Wording::German, Wording::GermanInformal] {
        assert!(guide.contains(&format!("`{}`", wording.key_prefix())));
        // Every German key is an English key behind the documented prefix.
        let english: Vec<String> = template_slots_in(Wording::English)
            .into_iter()
            .map(|s| s.key)
            .collect();
        for slot in template_slots_in(wording) {
            let bare = slot.key.strip_prefix(wording.key_prefix()).unwrap();
            assert!(english.iter().any(|k| k == bare), "{}", slot.key);
            assert!(
                guide.contains(&format!("`{bare}`")),
                "{bare} is not documented"
            );
        }
    }
}
