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

use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;

use super::matching::company_domain;
use super::model::{Answer, Application, EventKind, Noticed, Status};
use super::ops::{self, OpError};

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
    let domain = company_domain(from)?;
    app.contacts
        .iter()
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
            && covered.is_none_or(|c| m.date > c)
            && sent.is_none_or(|s| m.date >= s);
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
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
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

// ---- dates as webmail shows them -------------------------------------------------------------

const MONTHS: [(&str, u32); 25] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("mär", 3),
    ("maerz", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("déc", 12),
    ("ene", 1),
    ("dic", 12),
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .filter(|(name, _)| w.starts_with(name))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, m)| *m)
}

/// The day a webmail date text names, in the user's time zone. Understood: ISO dates and
/// date-times (`2026-12-03`, `2026-12-03T10:42:00Z`: the date part), seconds or milliseconds
/// since 1970, full dates with a month name in English or German in any order ("Thu, Dec 3,
/// 2026, 10:42 AM", "3. Dez. 2026, 10:42"), numeric dates (`12/3/2026` month first when
/// `lang` is US English or the first number cannot be a day, else day first; `3.12.2026`),
/// dates without a year (the latest such day not after `today`), a time of day alone (today),
/// and "Today"/"Yesterday" in English and German. Anything else, or a day after `today`, is
/// `None`: a message whose day is unknown is not noticed.
pub fn parse_date(text: &str, lang: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    let date = parse_any(t, lang, today)?;
    (date <= today).then_some(date)
}

fn parse_any(t: &str, lang: &str, today: NaiveDate) -> Option<NaiveDate> {
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        if let Ok(d) = NaiveDate::parse_from_str(&t[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    if t.chars().all(|c| c.is_ascii_digit()) && (10..=13).contains(&t.len()) {
        let n: i64 = t.parse().ok()?;
        let secs = if t.len() == 13 { n / 1000 } else { n };
        return chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    }
    let lower = t.to_lowercase();
    for (word, back) in [("today", 0), ("heute", 0), ("yesterday", 1), ("gestern", 1)] {
        if lower.starts_with(word) {
            return today.checked_sub_days(Days::new(back));
        }
    }
    // Words and numbers, with what followed each number (to tell times and separators).
    let mut month = None;
    let mut numbers: Vec<(u32, usize, char)> = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let after = chars.get(i).copied().unwrap_or(' ');
            let before = if start > 0 { chars[start - 1] } else { ' ' };
            // Hours and minutes ("10:42") are not part of the date.
            if after == ':' || before == ':' {
                continue;
            }
            numbers.push((digits.parse().ok()?, digits.len(), after));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if month.is_none() {
                month = month_of(&word);
            }
        } else {
            i += 1;
        }
    }
    let year_of = |numbers: &[(u32, usize, char)]| {
        numbers
            .iter()
            .find(|(_, len, _)| *len == 4)
            .map(|(n, _, _)| *n as i32)
    };
    let without_year = |month: u32, day: u32| {
        let this = NaiveDate::from_ymd_opt(today.year(), month, day)?;
        if this <= today {
            Some(this)
        } else {
            NaiveDate::from_ymd_opt(today.year() - 1, month, day)
        }
    };
    if let Some(m) = month {
        let day = numbers
            .iter()
            .find(|(n, len, _)| *len <= 2 && (1..=31).contains(n))
            .map(|(n, _, _)| *n)?;
        return match year_of(&numbers) {
            Some(y) => NaiveDate::from_ymd_opt(y, m, day),
            None => without_year(m, day),
        };
    }
    // Month first only in US English (or when the first number cannot be a day's month).
    let us = lang.eq_ignore_ascii_case("en-us") || lang.eq_ignore_ascii_case("en");
    let day_month = |a: u32, b: u32, sep: char| {
        if a > 12 {
            (a, b)
        } else if b > 12 || (sep == '/' && us) {
            (b, a)
        } else {
            (a, b)
        }
    };
    let parts: Vec<(u32, usize, char)> = numbers.iter().copied().take(3).collect();
    match parts.as_slice() {
        [(a, _, sep), (b, _, _), (y, ylen, _)] if *ylen == 4 || *ylen == 2 => {
            let year = if *ylen == 2 { 2000 + *y as i32 } else { *y as i32 };
            let (d, m) = day_month(*a, *b, *sep);
            NaiveDate::from_ymd_opt(year, m, d)
        }
        [] | [_] if lower.contains(':') => Some(today),
        [(a, _, sep), (b, _, _)] if *sep == '/' || *sep == '.' => {
            let (d, m) = day_month(*a, *b, *sep);
            without_year(m, d)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn dates_as_the_sites_show_them() {
        let today = d("2026-12-07");
        let cases = [
            ("Thu, Dec 3, 2026, 10:42 AM", "en-US", "2026-12-03"),
            ("Dec 3, 2026, 10:42 AM", "en", "2026-12-03"),
            ("3 Dec 2026, 10:42", "en-GB", "2026-12-03"),
            ("Do., 3. Dez. 2026, 10:42", "de", "2026-12-03"),
            ("Thu 12/3/2026 10:42 AM", "en-US", "2026-12-03"),
            ("Thu 03/12/2026 10:42", "en-GB", "2026-12-03"),
            ("Do 03.12.2026 10:42", "de", "2026-12-03"),
            ("2026-12-03T10:42:00.000Z", "", "2026-12-03"),
            ("2026-12-03", "", "2026-12-03"),
            ("1764758520", "", "2025-12-03"),
            ("10:42 AM", "en-US", "2026-12-07"),
            ("Yesterday", "en", "2026-12-06"),
            ("Gestern, 09:10", "de", "2026-12-06"),
            ("Dec 3", "en-US", "2026-12-03"),
            ("Dec 24", "en-US", "2025-12-24"),
            ("12/3/26", "en-US", "2026-12-03"),
            ("Thursday, December 3rd, 2026 at 10:42 AM", "en-US", "2026-12-03"),
        ];
        for (text, lang, want) in cases {
            assert_eq!(parse_date(text, lang, today), Some(d(want)), "{text} ({lang})");
        }
        for text in ["", "soon", "2027-01-05", "Dec 40, 2026", "42/42/2026"] {
            assert_eq!(parse_date(text, "en-US", today), None, "{text}");
        }
    }

    #[test]
    fn senders_are_looked_up_by_address_and_company_domain() {
        assert_eq!(
            sender_names("Dana@Acme.io"),
            vec!["a:dana@acme.io".to_string(), "d:acme.io".to_string()]
        );
        assert_eq!(sender_names("friend@gmail.com"), vec!["a:friend@gmail.com".to_string()]);
        assert_eq!(sender_names("no-reply@acme.io"), vec!["a:no-reply@acme.io".to_string()]);
        assert!(sender_names("not an address").is_empty());
        assert!(sender_names("a@b@c.io").is_empty());
    }
}
