//! Which action a compose window is for: the recipients in its To field are matched to stored
//! contacts, by exact email first, then by the employer's email domain.

use serde::Serialize;

use super::model::{Action, ActionState, Application};

use crate::core::sort;

/// How a recipient matched an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The recipient's address is the action's contact's address.
    Exact,
    /// The recipient's address shares the domain of one of the application's contacts.
    Domain,
    /// No recipient matched; listed so the user can still choose.
    Other,
}

/// One action the user may insert a draft for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub app_id: String,
    pub action_key: String,
    pub matched: MatchKind,
    pub state: ActionState,
    pub due: chrono::NaiveDate,
}

/// Webmail domains shared by many people: a match on these says nothing about the employer.
const PUBLIC_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "proton.me",
    "protonmail.com",
    "aol.com",
    "gmx.de",
    "web.de",
];

fn domain(email: &str) -> Option<&str> {
    let (_, d) = email.rsplit_once('@')?;
    (!d.is_empty()).then_some(d)
}

/// The employer's domain of an address, lower-cased: `None` for a webmail domain shared by
/// many people, which says nothing about the employer, or for no domain at all.
pub fn company_domain(email: &str) -> Option<String> {
    let d = domain(email.trim())?.to_ascii_lowercase();
    (!PUBLIC_DOMAINS.contains(&d.as_str())).then_some(d)
}

fn same_address(a: &str, b: &str) -> bool {
    !a.is_empty() && a.trim().eq_ignore_ascii_case(b.trim())
}

/// Open actions (upcoming, due, overdue, snoozed) that send something, ranked for `recipients`:
/// exact contact matches first, then the employer's domain, then everything else; within a
/// group, overdue before due before the rest, then by due date. The first is the proposal
/// when it is an exact or domain match.
pub fn choices(apps: &[Application], actions: &[Action], recipients: &[String]) -> Vec<Choice> {
    let recipient_domains: Vec<String> = recipients
        .iter()
        .filter_map(|r| domain(r))
        .map(str::to_ascii_lowercase)
        .filter(|d| !PUBLIC_DOMAINS.contains(&d.as_str()))
        .collect();
    let mut out: Vec<Choice> = actions
        .iter()
        .filter(|a| a.kind.sends_message())
        .filter(|a| {
            matches!(
                a.state,
                ActionState::Upcoming
                    | ActionState::Due
                    | ActionState::Overdue
                    | ActionState::Snoozed
            )
        })
        .filter_map(|a| {
            let app = apps.iter().find(|p| p.id == a.app_id)?;
            let contact = a.contact_id.as_deref().and_then(|id| app.contact(id));
            let exact =
                contact.is_some_and(|c| recipients.iter().any(|r| same_address(r, &c.email)));
            let by_domain = app.contacts.iter().any(|c| {
                domain(&c.email)
                    .is_some_and(|d| recipient_domains.iter().any(|r| r.eq_ignore_ascii_case(d)))
            });
            let matched = if exact {
                MatchKind::Exact
            } else if by_domain {
                MatchKind::Domain
            } else {
                MatchKind::Other
            };
            Some(Choice {
                app_id: a.app_id.clone(),
                action_key: a.key.clone(),
                matched,
                state: a.state,
                due: a.due,
            })
        })
        .collect();
    let urgency = |s: ActionState| match s {
        ActionState::Overdue => 0,
        ActionState::Due => 1,
        _ => 2,
    };
    sort::sort_by(&mut out, |a, b| {
        (a.matched, urgency(a.state), a.due, &a.app_id, &a.action_key).cmp(&(
            b.matched,
            urgency(b.state),
            b.due,
            &b.app_id,
            &b.action_key,
        ))
    });
    out
}

/// The index of the choice to propose: the first one when it matched a recipient and no other
/// choice matched as well and as urgently.
pub fn best(choices: &[Choice]) -> Option<usize> {
    let first = choices.first()?;
    (first.matched != MatchKind::Other).then_some(0)
}

/// The index of the choice to insert without asking: the proposal, when it matched a
/// recipient's exact address and no other choice matched as well and as urgently. A domain
/// match never inserts by itself: a page can write any address at a company's domain, so the
/// user confirms in the chooser first.
pub fn pick(choices: &[Choice]) -> Option<usize> {
    let top = &choices[best(choices)?];
    let peers = choices
        .iter()
        .filter(|c| {
            c.matched == top.matched && c.state.is_actionable() == top.state.is_actionable()
        })
        .count();
    (top.matched == MatchKind::Exact && peers == 1).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn contact(id: &str, email: &str) -> Contact {
        Contact {
            id: id.into(),
            name: format!("Person {id}"),
            email: email.into(),
            ..Default::default()
        }
    }

    fn action(app: &str, key: &str, contact: &str, state: ActionState, due: &str) -> Action {
        Action {
            key: key.into(),
            app_id: app.into(),
            kind: ActionKind::ThankYouEmail,
            round_id: Some("r1".into()),
            contact_id: Some(contact.into()),
            due: d(due),
            late_after: None,
            state,
            done_on: None,
            medium: Medium::Email,
            reason: Reason::new(ReasonCode::InterviewDay, d(due), 0, false),
            held: None,
        }
    }

    fn apps() -> Vec<Application> {
        vec![
            Application {
                id: "acme".into(),
                contacts: vec![
                    contact("dana", "dana@acme.io"),
                    contact("lee", "lee@acme.io"),
                ],
                ..Default::default()
            },
            Application {
                id: "globex".into(),
                contacts: vec![contact("sam", "sam@globex.com")],
                ..Default::default()
            },
        ]
    }

    #[test]
    fn exact_email_beats_domain_and_is_proposed() {
        let actions = vec![
            action("acme", "a", "dana", ActionState::Due, "2026-03-03"),
            action("acme", "b", "lee", ActionState::Overdue, "2026-03-02"),
            action("globex", "c", "sam", ActionState::Overdue, "2026-03-01"),
        ];
        let got = choices(&apps(), &actions, &["Lee@Acme.io".into()]);
        assert_eq!(got[0].action_key, "b");
        assert_eq!(got[0].matched, MatchKind::Exact);
        assert_eq!(got[1].action_key, "a");
        assert_eq!(got[1].matched, MatchKind::Domain);
        assert_eq!(got[2].matched, MatchKind::Other);
        assert_eq!(best(&got), Some(0));
        assert_eq!(pick(&got), Some(0));
    }

    #[test]
    fn a_new_address_at_the_employer_matches_by_domain_but_is_not_inserted_unasked() {
        let actions = vec![action("acme", "a", "dana", ActionState::Due, "2026-03-03")];
        let got = choices(&apps(), &actions, &["recruiting@acme.io".into()]);
        assert_eq!(got[0].matched, MatchKind::Domain);
        assert_eq!(best(&got), Some(0));
        assert_eq!(pick(&got), None);
    }

    #[test]
    fn two_exact_matches_as_urgent_are_not_inserted_unasked() {
        let actions = vec![
            action("acme", "a", "dana", ActionState::Due, "2026-03-03"),
            action("acme", "b", "lee", ActionState::Due, "2026-03-03"),
        ];
        let both = ["dana@acme.io".to_string(), "lee@acme.io".to_string()];
        assert_eq!(pick(&choices(&apps(), &actions, &both)), None);
        assert_eq!(pick(&choices(&apps(), &actions, &both[..1])), Some(0));
    }

    #[test]
    fn public_webmail_domains_do_not_match_employers() {
        let mut apps = apps();
        apps[1].contacts[0].email = "sam@gmail.com".into();
        let actions = vec![action("globex", "c", "sam", ActionState::Due, "2026-03-01")];
        let got = choices(&apps, &actions, &["friend@gmail.com".into()]);
        assert_eq!(got[0].matched, MatchKind::Other);
        assert_eq!(best(&got), None);
    }

    #[test]
    fn done_and_skipped_actions_are_not_offered() {
        let actions = vec![
            action("acme", "a", "dana", ActionState::Done, "2026-03-03"),
            action("acme", "b", "dana", ActionState::Skipped, "2026-03-03"),
        ];
        assert!(choices(&apps(), &actions, &["dana@acme.io".into()]).is_empty());
    }

    #[test]
    fn no_recipients_lists_everything_without_a_proposal() {
        let actions = vec![action("acme", "a", "dana", ActionState::Due, "2026-03-03")];
        let got = choices(&apps(), &actions, &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(best(&got), None);
        assert_eq!(pick(&got), None);
    }
}
