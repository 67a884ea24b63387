//! The built-in wording: subject and body templates for every action that sends something, call
//! and voicemail scripts for employers who prefer the phone, and the banks of opening and closing
//! lines from which each recipient gets their own pair.
//!
//! English is here; German, written for German readers rather than translated, is in [`de`]
//! (formal, "Sie") and [`du`] (informal). Each wording has the same shape: the same kinds,
//! parts, sections and variables.

use super::wording::Wording;
use crate::core::model::ActionKind;

/// Subject and body of the built-in English draft for `kind`; `None` for actions that send
/// nothing.
pub fn builtin(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    builtin_in(kind, Wording::English)
}

/// Subject and body of the built-in draft for `kind` in `wording`.
pub fn builtin_in(kind: ActionKind, wording: Wording) -> Option<(&'static str, &'static str)> {
    match wording {
        Wording::English => english(kind),
        Wording::German => de::builtin(kind),
        Wording::GermanInformal => du::builtin(kind),
    }
}

/// English call and voicemail scripts for `kind`, see [`builtin_script_in`].
pub fn builtin_script(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    builtin_script_in(kind, Wording::English)
}

/// Call and voicemail scripts for `kind` when the employer prefers the phone; `None` for
/// actions that are always written (thank-yous, reference alerts...).
pub fn builtin_script_in(
    kind: ActionKind,
    wording: Wording,
) -> Option<(&'static str, &'static str)> {
    match wording {
        Wording::English => english_script(kind),
        Wording::German => de::script(kind),
        Wording::GermanInformal => du::script(kind),
    }
}

/// The opening and closing lines `{{opening}}` and `{{closing}}` choose from for `kind` in
/// `wording`. They are small templates themselves and may use every variable except
/// `opening`, `closing` and the lists (`points`, `point`, `bullets`).
pub fn phrases(
    kind: ActionKind,
    wording: Wording,
) -> (&'static [&'static str], &'static [&'static str]) {
    match wording {
        Wording::English => english_phrases(kind),
        Wording::German => de::phrases(kind),
        Wording::GermanInformal => du::phrases(kind),
    }
}

fn english(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    let pair = match kind {
        ActionKind::ThankYouEmail => (THANK_YOU_SUBJECT, THANK_YOU_BODY),
        ActionKind::ThankYouCard => ("", CARD_BODY),
        ActionKind::CheckIn => (CHECK_IN_SUBJECT, CHECK_IN_BODY),
        ActionKind::FirstFollowUp => (FIRST_FOLLOW_UP_SUBJECT, FIRST_FOLLOW_UP_BODY),
        ActionKind::SecondFollowUp => (SECOND_FOLLOW_UP_SUBJECT, SECOND_FOLLOW_UP_BODY),
        ActionKind::AlertReference => (REFERENCE_SUBJECT, REFERENCE_BODY),
        ActionKind::AskFeedback => (FEEDBACK_SUBJECT, FEEDBACK_BODY),
        ActionKind::StayConnected => (STAY_CONNECTED_SUBJECT, STAY_CONNECTED_BODY),
        ActionKind::Congratulate => (CONGRATULATE_SUBJECT, CONGRATULATE_BODY),
        ActionKind::MoveOn | ActionKind::ApplicationReminder => return None,
    };
    Some(pair)
}

fn english_script(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    match kind {
        ActionKind::CheckIn => Some((CHECK_IN_CALL, FOLLOW_UP_VOICEMAIL)),
        ActionKind::FirstFollowUp | ActionKind::SecondFollowUp => {
            Some((FOLLOW_UP_CALL, FOLLOW_UP_VOICEMAIL))
        }
        ActionKind::AskFeedback => Some((FEEDBACK_CALL, FEEDBACK_VOICEMAIL)),
        _ => None,
    }
}

fn english_phrases(kind: ActionKind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        ActionKind::ThankYouEmail => (THANK_YOU_OPENINGS, THANK_YOU_CLOSINGS),
        ActionKind::ThankYouCard => (CARD_OPENINGS, CARD_CLOSINGS),
        ActionKind::CheckIn | ActionKind::FirstFollowUp | ActionKind::SecondFollowUp => {
            (FOLLOW_UP_OPENINGS, FOLLOW_UP_CLOSINGS)
        }
        ActionKind::AlertReference => (REFERENCE_OPENINGS, REFERENCE_CLOSINGS),
        ActionKind::AskFeedback => (FEEDBACK_OPENINGS, FEEDBACK_CLOSINGS),
        ActionKind::StayConnected => (STAY_CONNECTED_OPENINGS, STAY_CONNECTED_CLOSINGS),
        ActionKind::Congratulate => (CONGRATULATE_OPENINGS, CONGRATULATE_CLOSINGS),
        ActionKind::MoveOn | ActionKind::ApplicationReminder => (&[], &[]),
    }
}

/// Appends the signature block every email ends with: name, email, phone, extra lines.
macro_rules! signed {
    ($body:expr) => {
        concat!(
            $body,
            "{{my_name}}\n{{my_email}}\n{{my_phone}}\n{{#my_signature}}\n{{my_signature}}\n{{/my_signature}}\n"
        )
    };
}

// After `signed!`, which they use.
mod de;
mod du;

const THANK_YOU_SUBJECT: &str = "Thank you for the {{role}} interview";
const THANK_YOU_BODY: &str = signed!(
    "Dear {{first_name}},

{{opening}}

{{#bullets}}
Some of what we discussed, and where I can help:
{{bullets}}
{{/bullets}}

{{closing}}

Best regards,
"
);
const THANK_YOU_OPENINGS: &[&str] = &[
    "Thank you for meeting with me on {{interview_date}} to talk about the {{role}} role.
I enjoyed our conversation and came away keener than ever to join {{company}}.",
    "Thank you for your time on {{interview_date}}.
Hearing how your team works made the {{role}} role at {{company}} all the more appealing.",
    "Many thanks for speaking with me about the {{role}} position on {{interview_date}}.
I valued your openness about what the team needs next.",
    "I'm grateful for the time you gave me on {{interview_date}}.
Your view of the {{role}} role was one of the most useful parts of my day at {{company}}.",
];
const THANK_YOU_CLOSINGS: &[&str] = &[
    "I look forward to hearing about the next steps.",
    "I'm looking forward to the next stage, and I'm happy to send anything that would help.",
    "If I can add anything before the next step, please let me know; I look forward to it.",
    "I hope to continue the conversation at the next stage of the process.",
];

const CARD_BODY: &str = "Dear {{first_name}},

{{opening}}
{{closing}}

With thanks,
{{my_name}}
";
const CARD_OPENINGS: &[&str] = &[
    "Thank you for taking the time to meet me on {{interview_date}}.",
    "It was a real pleasure to talk with you about the {{role}} role.",
    "Thank you for such a warm and thoughtful conversation on {{interview_date}}.",
    "I much appreciated your time and insight during my visit to {{company}}.",
];
const CARD_CLOSINGS: &[&str] = &[
    "I hope we meet again soon.",
    "I look forward to the next steps.",
    "I would be glad to join you at {{company}}.",
    "Wishing you a good week; I hope we speak again soon.",
];

const CHECK_IN_SUBJECT: &str = "{{role}} role: a quick note";
const CHECK_IN_BODY: &str = signed!(
    "Hello {{first_name}},

{{opening}}
{{#decision_date}}
I know you plan to decide by {{decision_date}}, and I look forward to hearing from you then.
{{/decision_date}}
Since we spoke on {{interview_date}}, my interest in the {{role}} role has only grown. If the process has moved on, or if anything would help your decision, I would be glad to hear.

{{closing}}
"
);

const FIRST_FOLLOW_UP_SUBJECT: &str = "Following up on the {{role}} role";
const FIRST_FOLLOW_UP_BODY: &str = signed!(
    "Hello {{first_name}},

{{opening}}
{{#decision_date}}
When we spoke on {{interview_date}}, you hoped to decide by {{decision_date}}.
{{/decision_date}}
{{^decision_date}}
We spoke on {{interview_date}} about the {{role}} role.
{{/decision_date}}
I remain very interested in the position and in what I could bring to {{company}}.

Could you tell me where the process stands? I'm happy to send anything else you need.

{{closing}}
"
);

const SECOND_FOLLOW_UP_SUBJECT: &str = "{{role}} role: checking in";
const SECOND_FOLLOW_UP_BODY: &str = signed!(
    "Hello {{first_name}},

{{opening}}
{{#decision_date}}
You had hoped to decide on the {{role}} role by {{decision_date}}, so I'm writing once more.
{{/decision_date}}
{{^decision_date}}
I'm writing once more about the {{role}} role we discussed on {{interview_date}}.
{{/decision_date}}
The position still appeals to me a great deal. Is there news on the process, or a date I should keep in mind?

{{closing}}
"
);
const FOLLOW_UP_OPENINGS: &[&str] = &[
    "I hope your week is going well.",
    "I hope all is well with you and the team.",
    "I trust things are going smoothly at {{company}}.",
];
const FOLLOW_UP_CLOSINGS: &[&str] = &[
    "Thank you for your time.",
    "Many thanks, and best regards.",
    "I look forward to hearing from you.",
];

const REFERENCE_SUBJECT: &str = "{{company}} may call you about me";
const REFERENCE_BODY: &str = signed!(
    "Hello {{first_name}},

{{opening}}
{{#references_asker}}
The call will most likely come from {{references_asker}}.
{{/references_asker}}

{{#bullets}}
It would help most if you could speak to these points:
{{bullets}}
{{/bullets}}
{{^bullets}}
It would help most if you could speak to the work we did together and how I handle responsibility.
{{/bullets}}

{{closing}}

Best wishes,
"
);
const REFERENCE_OPENINGS: &[&str] = &[
    "{{company}} has asked for my references for the {{role}} role, and I have given your name.",
    "I'm in the last stages for the {{role}} role at {{company}}, and they have asked to speak with my references, you among them.",
    "A quick heads-up: {{company}} is checking references for the {{role}} role, so you may get a call.",
];
const REFERENCE_CLOSINGS: &[&str] = &[
    "Thank you so much for vouching for me; I'll let you know how it turns out.",
    "I'm very grateful for your support, and I'll keep you posted.",
    "Thank you again for doing this; I'll tell you what happens.",
];

const FEEDBACK_SUBJECT: &str = "{{role}} role: a request for feedback";
const FEEDBACK_BODY: &str = signed!(
    "Dear {{first_name}},

{{opening}}
I would value your view on one question: what two things would have made the difference in my application? A couple of lines would be plenty, and it would help me a great deal.

{{closing}}

Best regards,
"
);
const FEEDBACK_OPENINGS: &[&str] = &[
    "Thank you for letting me know your decision on the {{role}} role.",
    "Thank you for telling me where things ended up with the {{role}} role.",
    "Thank you for taking the time to let me know about the {{role}} role.",
];
const FEEDBACK_CLOSINGS: &[&str] = &[
    "Thank you again for your time and for considering me.",
    "I enjoyed meeting the team, and I hope our paths cross again.",
    "With thanks for the whole process, and best wishes to the team.",
];

const STAY_CONNECTED_SUBJECT: &str = "Staying in touch";
const STAY_CONNECTED_BODY: &str = signed!(
    "Dear {{first_name}},

{{opening}}
I would like to stay in touch, and I'll send you an invitation to connect. If you hear of an opening that fits my background, at {{company}} or elsewhere, I would be grateful if you kept me in mind.

{{closing}}

Best regards,
"
);
const STAY_CONNECTED_OPENINGS: &[&str] = &[
    "Although I won't be going further for the {{role}} role, I enjoyed meeting you on {{interview_date}}.",
    "Thank you for our conversation on {{interview_date}}; whatever the outcome, I learned a lot about {{company}}.",
    "Even though I won't be joining {{company}} this time, I valued our talk about the {{role}} role.",
    "I appreciated meeting you on {{interview_date}} and hearing how your team works.",
];
const STAY_CONNECTED_CLOSINGS: &[&str] = &[
    "All the best to you and the team.",
    "Wishing you and {{company}} every success.",
    "I hope our paths cross again soon.",
    "Thank you again, and best wishes.",
];

const CONGRATULATE_SUBJECT: &str = "Congratulations on the news";
const CONGRATULATE_BODY: &str = signed!(
    "Hello {{first_name}},

{{opening}}
{{#news}}
I saw the announcement ({{news}}) and was delighted for the whole team.
{{/news}}
It makes the {{role}} role, and the work ahead of you, all the more exciting to me.

{{closing}}

Best regards,
"
);
const CONGRATULATE_OPENINGS: &[&str] = &[
    "Congratulations to you and everyone at {{company}} on the recent news.",
    "What good news from {{company}}: congratulations to you and the team.",
    "Many congratulations on the latest news from {{company}}.",
];
const CONGRATULATE_CLOSINGS: &[&str] = &[
    "Best wishes for what comes next.",
    "Here's to the next chapter.",
    "Congratulations again.",
];

const FOLLOW_UP_CALL: &str = "Hello, may I speak with {{full_name}}, please?

Hello {{first_name}}, this is {{my_name}}. We met on {{interview_date}} about the {{role}} role.
{{#decision_date}}
You mentioned you hoped to decide by {{decision_date}}, so I'm calling to ask where the process stands.
{{/decision_date}}
{{^decision_date}}
I'm calling to ask where the process stands.
{{/decision_date}}
I'm still very interested in the position. Is there anything else I can send you?

(Thank them, and note any new date they give you.)
";
const CHECK_IN_CALL: &str = "Hello, may I speak with {{full_name}}, please?

Hello {{first_name}}, this is {{my_name}}. We met on {{interview_date}} about the {{role}} role.
{{#decision_date}}
I know you plan to decide by {{decision_date}}; I'm only calling to say my interest has grown since we spoke.
{{/decision_date}}
{{^decision_date}}
I'm only calling to say my interest has grown since we spoke.
{{/decision_date}}
Is there anything that would help you in the meantime?

(Thank them, and note anything they ask for.)
";
const FOLLOW_UP_VOICEMAIL: &str = "Hello {{first_name}}, this is {{my_name}}, calling about the {{role}} role at {{company}}. I'm still very interested and would like to hear where the process stands. I'll also send you a short email today. You can reach me on {{my_phone}}. Thank you.
";
const FEEDBACK_CALL: &str = "Hello, may I speak with {{full_name}}, please?

Hello {{first_name}}, this is {{my_name}}. Thank you for letting me know your decision on the {{role}} role.
I'd value your view on one question: what two things would have made the difference in my application?

(Listen, thank them, and write down what they say.)
";
const FEEDBACK_VOICEMAIL: &str = "Hello {{first_name}}, this is {{my_name}}, calling about the {{role}} role at {{company}}. Thank you for letting me know your decision. I'd be grateful for a few words of feedback, and I'll also send you a short email with my question. You can reach me on {{my_phone}}. Thank you.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::draft::template::{parse, Var};

    fn every_source() -> Vec<&'static str> {
        let mut all = Vec::new();
        for wording in Wording::ALL {
            for kind in ActionKind::ALL {
                if let Some((s, b)) = builtin_in(kind, wording) {
                    all.extend([s, b]);
                }
                if let Some((c, v)) = builtin_script_in(kind, wording) {
                    all.extend([c, v]);
                }
                let (o, c) = phrases(kind, wording);
                all.extend(o.iter().chain(c));
            }
        }
        all
    }

    #[test]
    fn every_built_in_parses() {
        for src in every_source() {
            if let Err(e) = parse(src) {
                panic!("{e}\n{src}");
            }
        }
    }

    #[test]
    fn phrases_do_not_refer_to_each_other_or_to_lists() {
        for (kind, wording) in every_kind_and_wording() {
            let (o, c) = phrases(kind, wording);
            for src in o.iter().chain(c) {
                let t = parse(src).expect("parses");
                for var in [Var::Opening, Var::Closing, Var::Points, Var::Bullets] {
                    assert!(!t.uses(var), "{src}");
                }
            }
        }
    }

    fn every_kind_and_wording() -> impl Iterator<Item = (ActionKind, Wording)> {
        Wording::ALL
            .into_iter()
            .flat_map(|w| ActionKind::ALL.into_iter().map(move |k| (k, w)))
    }

    #[test]
    fn every_sending_kind_has_text_and_phrases() {
        for (kind, wording) in every_kind_and_wording() {
            assert_eq!(
                builtin_in(kind, wording).is_some(),
                kind.sends_message(),
                "{kind:?}"
            );
            let (o, c) = phrases(kind, wording);
            assert_eq!(
                !o.is_empty() && !c.is_empty(),
                kind.sends_message(),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn every_wording_has_the_same_parts_and_sections() {
        for (kind, wording) in every_kind_and_wording() {
            let english = (builtin(kind), builtin_script(kind));
            let other = (builtin_in(kind, wording), builtin_script_in(kind, wording));
            assert_eq!(
                english.0.is_some(),
                other.0.is_some(),
                "{kind:?} {wording:?}"
            );
            assert_eq!(
                english.1.is_some(),
                other.1.is_some(),
                "{kind:?} {wording:?}"
            );
            if let (Some((es, eb)), Some((os, ob))) = (english.0, other.0) {
                assert_eq!(es.is_empty(), os.is_empty(), "{kind:?} {wording:?} subject");
                let sections = |src: &str| (src.matches("{{#").count(), src.matches("{{^").count());
                assert_eq!(sections(eb), sections(ob), "{kind:?} {wording:?} sections");
            }
        }
    }

    #[test]
    fn phrases_within_a_bank_are_distinct() {
        for (kind, wording) in every_kind_and_wording() {
            let (o, c) = phrases(kind, wording);
            for bank in [o, c] {
                let mut sorted = bank.to_vec();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(sorted.len(), bank.len(), "{kind:?}");
            }
        }
    }
}
