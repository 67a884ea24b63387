//! The kinds of action the planner produces, and everything the product says or decides per
//! kind in one table: its name in files and messages, the key prefix, who it goes to, whether
//! it sends something, its words in exports and draft checks, its name in the interface, and
//! its word limit. Every list of kinds elsewhere is derived from [`KINDS`].

/// The kinds of action the planner produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionKind {
    ThankYouEmail,
    ThankYouCard,
    CheckIn,
    FirstFollowUp,
    SecondFollowUp,
    MoveOn,
    AlertReference,
    AskFeedback,
    StayConnected,
    Congratulate,
    /// "Remind me N days after applying", for applications with no interview (off by default).
    ApplicationReminder,
}

crate::stored_by_name!(
    ActionKind,
    [
        ThankYouEmail = "thank-you-email",
        ThankYouCard = "thank-you-card",
        CheckIn = "check-in",
        FirstFollowUp = "first-follow-up",
        SecondFollowUp = "second-follow-up",
        MoveOn = "move-on",
        AlertReference = "alert-reference",
        AskFeedback = "ask-feedback",
        StayConnected = "stay-connected",
        Congratulate = "congratulate",
        ApplicationReminder = "application-reminder",
    ]
);

/// Who an action is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// Each interviewer of the round.
    Interviewer,
    /// The hiring manager, else the first interviewer of the round among the contacts.
    FollowUpContact,
    /// Each contact marked as a reference.
    Reference,
    /// The hiring manager, else the follow-up contact of the latest round.
    Manager,
    /// The user: a note to self, nothing is sent.
    User,
}

/// One row of [`KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    pub kind: ActionKind,
    /// The name in stored data, files and template keys (`thank-you-email`).
    pub name: &'static str,
    /// The first part of its action keys ([`crate::core::plan::key`]). The check-in shares
    /// the first follow-up's, because it counts as the first follow-up.
    pub key_prefix: &'static str,
    /// Whether its key has parts after the prefix (`thank-you-email/<round>/<contact>`).
    pub key_has_parts: bool,
    pub recipient: Recipient,
    /// One of the follow-ups capped at two per chain (rule 1).
    pub follow_up: bool,
    /// Its words in exports (English, title case).
    pub export_label: &'static str,
    /// Its words inside the draft checks' sentences (English, lower case).
    pub noun: &'static str,
    /// The `_locales` message with its name in the interface.
    pub message: &'static str,
    /// The most words its body should have; `None` for notes to the user. Follow-ups stay
    /// under 120 as the articles ask; the others fit the built-in text with five full points.
    pub word_limit: Option<usize>,
}

impl KindInfo {
    /// Whether the action sends something to someone (and so has a draft).
    pub fn sends_message(&self) -> bool {
        self.recipient != Recipient::User
    }
}

/// Every kind, in the order of [`ActionKind`].
pub const KINDS: [KindInfo; 11] = [
    KindInfo {
        kind: ActionKind::ThankYouEmail,
        name: "thank-you-email",
        key_prefix: "thank-you-email",
        key_has_parts: true,
        recipient: Recipient::Interviewer,
        follow_up: false,
        export_label: "Thank-you email",
        noun: "thank-you email",
        message: "kindThankYouEmail",
        word_limit: Some(250),
    },
    KindInfo {
        kind: ActionKind::ThankYouCard,
        name: "thank-you-card",
        key_prefix: "thank-you-card",
        key_has_parts: true,
        recipient: Recipient::Interviewer,
        follow_up: false,
        export_label: "Thank-you card",
        noun: "thank-you card",
        message: "kindThankYouCard",
        word_limit: Some(90),
    },
    KindInfo {
        kind: ActionKind::CheckIn,
        name: "check-in",
        key_prefix: "first-follow-up",
        key_has_parts: true,
        recipient: Recipient::FollowUpContact,
        follow_up: true,
        export_label: "Check-in",
        noun: "check-in",
        message: "kindCheckIn",
        word_limit: Some(120),
    },
    KindInfo {
        kind: ActionKind::FirstFollowUp,
        name: "first-follow-up",
        key_prefix: "first-follow-up",
        key_has_parts: true,
        recipient: Recipient::FollowUpContact,
        follow_up: true,
        export_label: "First follow-up",
        noun: "first follow-up",
        message: "kindFirstFollowUp",
        word_limit: Some(120),
    },
    KindInfo {
        kind: ActionKind::SecondFollowUp,
        name: "second-follow-up",
        key_prefix: "second-follow-up",
        key_has_parts: true,
        recipient: Recipient::FollowUpContact,
        follow_up: true,
        export_label: "Second follow-up",
        noun: "second follow-up",
        message: "kindSecondFollowUp",
        word_limit: Some(120),
    },
    KindInfo {
        kind: ActionKind::MoveOn,
        name: "move-on",
        key_prefix: "move-on",
        key_has_parts: true,
        recipient: Recipient::User,
        follow_up: false,
        export_label: "Move on",
        noun: "move on",
        message: "kindMoveOn",
        word_limit: None,
    },
    KindInfo {
        kind: ActionKind::AlertReference,
        name: "alert-reference",
        key_prefix: "alert-reference",
        key_has_parts: true,
        recipient: Recipient::Reference,
        follow_up: false,
        export_label: "Reference alert",
        noun: "reference alert",
        message: "kindAlertReference",
        word_limit: Some(200),
    },
    KindInfo {
        kind: ActionKind::AskFeedback,
        name: "ask-feedback",
        key_prefix: "ask-feedback",
        key_has_parts: false,
        recipient: Recipient::Manager,
        follow_up: false,
        export_label: "Feedback request",
        noun: "feedback request",
        message: "kindAskFeedback",
        word_limit: Some(150),
    },
    KindInfo {
        kind: ActionKind::StayConnected,
        name: "stay-connected",
        key_prefix: "stay-connected",
        key_has_parts: true,
        recipient: Recipient::Interviewer,
        follow_up: false,
        export_label: "Stay-connected note",
        noun: "stay-in-touch note",
        message: "kindStayConnected",
        word_limit: Some(150),
    },
    KindInfo {
        kind: ActionKind::Congratulate,
        name: "congratulate",
        key_prefix: "congratulate",
        key_has_parts: true,
        recipient: Recipient::Manager,
        follow_up: false,
        export_label: "Congratulations note",
        noun: "congratulations note",
        message: "kindCongratulate",
        word_limit: Some(120),
    },
    KindInfo {
        kind: ActionKind::ApplicationReminder,
        name: "application-reminder",
        key_prefix: "application-reminder",
        key_has_parts: false,
        recipient: Recipient::User,
        follow_up: false,
        export_label: "Application reminder",
        noun: "application reminder",
        message: "kindApplicationReminder",
        word_limit: None,
    },
];

impl ActionKind {
    /// Every kind, in declaration order.
    pub const ALL: [ActionKind; 11] = {
        let mut all = [ActionKind::ThankYouEmail; 11];
        let mut i = 0;
        while i < KINDS.len() {
            all[i] = KINDS[i].kind;
            i += 1;
        }
        all
    };

    /// This kind's row of [`KINDS`].
    pub const fn info(self) -> &'static KindInfo {
        &KINDS[self as usize]
    }

    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// Check-in, first and second follow-up: the actions capped at two per chain.
    pub fn is_follow_up(self) -> bool {
        self.info().follow_up
    }

    /// Whether the action sends something to someone (and so has a draft).
    pub fn sends_message(self) -> bool {
        self.info().sends_message()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_declaration_order_and_names_match_serde() {
        for (i, row) in KINDS.iter().enumerate() {
            assert_eq!(row.kind as usize, i);
            assert_eq!(
                serde_json::to_string(&row.kind).unwrap(),
                format!("\"{}\"", row.name)
            );
            assert_eq!(
                serde_json::from_str::<ActionKind>(&format!("\"{}\"", row.name)).unwrap(),
                row.kind
            );
        }
    }

    #[test]
    fn every_kind_that_sends_has_a_word_limit_and_notes_have_none() {
        for row in KINDS {
            assert_eq!(
                row.sends_message(),
                row.word_limit.is_some(),
                "{}",
                row.name
            );
        }
    }

    #[test]
    fn interface_names_exist_in_every_locale() {
        for locale in ["en", "de"] {
            let path = format!(
                "{}/extension/_locales/{locale}/messages.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(&path).unwrap();
            let messages: serde_json::Value = serde_json::from_str(&text).unwrap();
            for row in KINDS {
                assert!(
                    messages.get(row.message).is_some(),
                    "{path} lacks {}",
                    row.message
                );
            }
        }
    }
}
