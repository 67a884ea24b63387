//! Links out: "add to calendar" for Google Calendar and Outlook.com, compose links, sizes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::super::calendar::next_day;
use super::ics::ics_date;

/// Percent-encodes `text` for a URL query value: every byte but the unreserved characters of
/// RFC 3986 (letters, digits, `-`, `.`, `_`, `~`) becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A link that opens Google Calendar's new-event page with an all-day event on `date`.
pub fn google_calendar_link(title: &str, details: &str, date: NaiveDate) -> String {
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}",
        percent_encode(title),
        ics_date(date),
        ics_date(next_day(date)),
        percent_encode(details)
    )
}

/// A link that opens Outlook.com's new-event page with an all-day event on `date`.
pub fn outlook_calendar_link(title: &str, details: &str, date: NaiveDate) -> String {
    format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose\
         &rru=addevent&subject={}&body={}&startdt={date}&enddt={}&allday=true",
        percent_encode(title),
        percent_encode(details),
        next_day(date)
    )
}

/// `bytes` in units of `unit` bytes with one decimal, rounded: `tenths(1_572_864, MB)` is
/// "1.5".
pub fn tenths(bytes: u64, unit: u64) -> String {
    let unit = unit.max(1);
    let whole = bytes / unit;
    let tenth = ((bytes % unit) * 10 + unit / 2) / unit;
    let (whole, tenth) = if tenth == 10 {
        (whole + 1, 0)
    } else {
        (whole, tenth)
    };
    format!("{whole}.{tenth}")
}

/// One kibibyte and one mebibyte, for [`tenths`].
pub const KB: u64 = 1024;
pub const MB: u64 = 1024 * 1024;

/// A link that opens a new Gmail message with the recipients, subject and body filled in.
/// It needs no access to the account: the user's own signed-in Gmail opens it.
pub fn gmail_compose_link(to: &[String], subject: &str, body: &str) -> String {
    format!(
        "https://mail.google.com/mail/?view=cm&fs=1&to={}&su={}&body={}",
        percent_encode(&to.join(",")),
        percent_encode(subject),
        percent_encode(body)
    )
}

/// A link that opens a new Outlook on the web message with the recipients, subject and body.
pub fn outlook_compose_link(to: &[String], subject: &str, body: &str) -> String {
    format!(
        "https://outlook.live.com/mail/0/deeplink/compose?to={}&subject={}&body={}",
        percent_encode(&to.join(";")),
        percent_encode(subject),
        percent_encode(body)
    )
}
