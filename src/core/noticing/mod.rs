//! Noticing messages in webmail: which senders the content script reports, which messages an
//! application keeps as possible replies, and what each answer records.
//!
//! The content script reads the sender, day and subject of the messages a webmail page lists
//! or opens, from the site's header and list markup only. It asks which senders are known
//! ([`sender_names`], looked up in the contacts index) and reports only their messages; the
//! worker keeps a message on an application ([`take`]) when it is from one of its contacts, or
//! from someone else at the company's own domain, and dated after the last thing that
//! happened between them. Until the user answers it, it holds the follow-ups
//! ([`super::plan::possible_reply`]); an answer ([`answer`]) records the ordinary event it
//! stands for. The rules are stated in docs/rules.md, "Possible replies".

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use super::matching::company_domain;
use super::model::{Answer, Application, EventKind, Noticed, Status};
use super::ops::{self, OpError};

use crate::core::sort;

mod date;
pub use date::parse_date;

/// How old a message may be and still be a possible reply.
pub const MAX_AGE_DAYS: u64 = 30;
/// Possible replies kept per application at most: a flood from a company's domain stops here.
pub const MAX_PENDING: usize = 20;
/// Noticed messages kept per application, answered ones included (their ids keep them from
/// being noticed again); the oldest answered go first.
pub const MAX_KEPT: usize = 60;
/// Longest subject and name kept, in characters.
const MAX_SUBJECT: usize = 200;
const MAX_NAME: usize = 100;
const MAX_ID: usize = 200;

/// A message as the content script read it: the date as the site shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Seen {
    pub from: String,
    pub name: String,
    pub date: String,
    pub subject: String,
    pub id: String,
    /// Read from an opened message (its header) rather than from a list row.
    pub opened: bool,
}

/// Senders whose messages are never replies from a person: automatic mail at the company's
/// domain ("noreply@", "mailer-daemon@"...). A contact stored at such an address still counts.
fn is_automatic(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    let flat: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    [
        "noreply",
        "donotreply",
        "mailerdaemon",
        "postmaster",
        "notifications",
        "notification",
        "bounce",
        "bounces",
    ]
    .iter()
    .any(|a| flat == *a || flat.starts_with(a))
}

/// A well-formed address, lower-case, or `None`.
pub fn address(text: &str) -> Option<String> {
    let a = text.trim().trim_matches(['<', '>']).to_ascii_lowercase();
    let (local, domain) = a.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && a.len() <= 254
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !a[local.len() + 1..].contains('@')
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'@".contains(c));
    ok.then_some(a)
}

/// The contacts-index names a sender is looked up under: the address, and the company's
/// domain unless the domain is shared webmail or the sender automatic.
pub fn sender_names(from: &str) -> Vec<String> {
    let Some(a) = address(from) else {
        return Vec::new();
    };
    let mut out = vec![format!("a:{a}")];
    if !is_automatic(&a) {
        if let Some(d) = company_domain(&a) {
            out.push(format!("d:{d}"));
        }
    }
    out
}

/// A message ready to keep: its date read and its texts cut to size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub from: String,
    pub name: String,
    pub date: NaiveDate,
    pub subject: String,
    pub site: String,
}

fn cut(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((i, _)) => flat[..i].to_string(),
        None => flat,
    }
}

impl Message {
    /// `seen` read on `site`; `None` without a readable address or date.
    pub fn read(seen: &Seen, site: &str, lang: &str, today: NaiveDate) -> Option<Message> {
        let from = address(&seen.from)?;
        let date = parse_date(&seen.date, lang, today)?;
        let subject = cut(&seen.subject, MAX_SUBJECT);
        let id = match cut(&seen.id, MAX_ID) {
            id if id.is_empty() => format!("{from}|{date}|{subject}"),
            id => format!("{site}:{id}"),
        };
        Some(Message {
            id,
            from,
            name: cut(&seen.name, MAX_NAME),
            date,
            subject,
            site: site.to_string(),
        })
    }
}

/// The last day something already covers: the application, its latest interview, and the
/// latest reply, status change or request for references recorded.
fn covered_through(app: &Application) -> Option<NaiveDate> {
    let events = app.history.iter().filter_map(|e| match e.kind {
        EventKind::Reply { .. } | EventKind::Status { .. } | EventKind::ReferencesRequested => {
            Some(e.date)
        }
        _ => None,
    });
    let rounds = app.rounds.iter().map(|r| r.date);
    events.chain(rounds).chain(app.applied_on).max()
}

/// The day of the last action the user sent.
fn last_sent(app: &Application) -> Option<NaiveDate> {
    app.history
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Sent { .. }))
        .map(|e| e.date)
        .max()
}

/// Applications whose follow-ups a reply could change.
fn is_open(status: &Status) -> bool {
    matches!(
        status,
        Status::Applied | Status::Interviewing | Status::References
    )
}

/// How `from` belongs to `app`: `Some(Some(contact))` for a contact's address,
/// `Some(None)` for someone else at the company's domain, `None` for a stranger.
fn belongs<'a>(app: &'a Application, from: &str) -> Option<Option<&'a super::model::Contact>> {
    if let Some(c) = app
        .contacts
        .iter()
        .find(|c| c.email.trim().eq_ignore_ascii_case(from))
    {
        return Some(Some(c));
    }
    if is_automatic(from) {
        return None;
    }
    // The company's domain is that of its own people: a reference usually works elsewhere.
    let domain = company_domain(from)?;
    app.contacts
        .iter()
        .filter(|c| !c.reference)
        .any(|c| company_domain(&c.email).as_deref() == Some(domain.as_str()))
        .then_some(None)
}

/// The next version of `app` keeping the messages of `messages` that are possible replies to
/// it, or `None` when none is new: from one of its people, within [`MAX_AGE_DAYS`] of
/// `today` and not after it, after the last day already covered (the application, an
/// interview, a recorded reply or status) and on or after the last follow-up sent, not
/// noticed before, while the application is open and holds fewer than [`MAX_PENDING`].
pub fn take(app: &Application, messages: &[Message], today: NaiveDate) -> Option<Application> {
    if !is_open(&app.status) {
        return None;
    }
    let oldest = today.checked_sub_days(Days::new(MAX_AGE_DAYS))?;
    let covered = covered_through(app);
    let sent = last_sent(app);
    let mut next = app.clone();
    let mut added = false;
    for m in messages {
        let Some(contact) = belongs(app, &m.from) else {
            continue;
        };
        let fresh = m.date <= today
            && m.date >= oldest
            && covered.map_or(true, |c| m.date > c)
            && sent.map_or(true, |s| m.date >= s);
        let pending = next.noticed.iter().filter(|n| n.answer.is_none()).count();
        if !fresh || pending >= MAX_PENDING || next.noticed.iter().any(|n| n.id == m.id) {
            continue;
        }
        next.noticed.push(Noticed {
            id: m.id.clone(),
            from: m.from.clone(),
            name: match contact {
                Some(c) if !c.name.trim().is_empty() => c.name.clone(),
                _ if !m.name.is_empty() => m.name.clone(),
                _ => m.from.clone(),
            },
            contact_id: contact.map(|c| c.id.clone()),
            date: m.date,
            subject: m.subject.clone(),
            site: m.site.clone(),
            answer: None,
        });
        added = true;
    }
    if !added {
        return None;
    }
    // The oldest answered messages go first when too many are kept.
    while next.noticed.len() > MAX_KEPT {
        let Some(i) = next
            .noticed
            .iter()
            .enumerate()
            .filter(|(_, n)| n.answer.is_some())
            .min_by_key(|(_, n)| n.date)
            .map(|(i, _)| i)
        else {
            break;
        };
        next.noticed.remove(i);
    }
    Some(next)
}

/// The possible replies of `app` the user has not answered, newest first.
pub fn pending(app: &Application) -> impl Iterator<Item = &Noticed> {
    let mut out: Vec<&Noticed> = app.noticed.iter().filter(|n| n.answer.is_none()).collect();
    sort::sort_by(&mut out, |a, b| {
        b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id))
    });
    out.into_iter()
}

/// Records the user's `answer` to the possible reply `id`: the event it stands for, on the
/// message's day (a reply, with `decision_date` when the employer gave one; a rejection; an
/// interview invitation, which is a reply; a request for references), and the answer itself.
/// "Not about this application" records the answer alone.
pub fn answer(
    app: &Application,
    id: &str,
    answer: Answer,
    decision_date: Option<NaiveDate>,
) -> Result<Application, OpError> {
    let Some(i) = app.noticed.iter().position(|n| n.id == id) else {
        return Err(OpError::UnknownMessage { id: id.to_string() });
    };
    if app.noticed[i].answer.is_some() {
        return Err(OpError::AlreadyAnswered {
            date: app.noticed[i].date,
        });
    }
    let date = app.noticed[i].date;
    let mut next = match answer {
        Answer::Reply => ops::record_reply(app, date, decision_date)?,
        Answer::Interview => ops::record_reply(app, date, None)?,
        Answer::Rejection if app.status == Status::Rejected => app.clone(),
        Answer::Rejection => ops::record_status(app, date, Status::Rejected)?,
        Answer::References => ops::record_references_requested(app, date),
        Answer::NotAbout => app.clone(),
    };
    next.noticed[i].answer = Some(answer);
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senders_are_looked_up_by_address_and_company_domain() {
        assert_eq!(
            sender_names("Dana@Acme.io"),
            vec!["a:dana@acme.io".to_string(), "d:acme.io".to_string()]
        );
        assert_eq!(
            sender_names("friend@gmail.com"),
            vec!["a:friend@gmail.com".to_string()]
        );
        assert_eq!(
            sender_names("no-reply@acme.io"),
            vec!["a:no-reply@acme.io".to_string()]
        );
        assert!(sender_names("not an address").is_empty());
        assert!(sender_names("a@b@c.io").is_empty());
    }
}
