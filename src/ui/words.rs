//! The interface's words: a message table (`_locales` key -> text with `{name}` placeholders)
//! and the way dates and times of day are written. The table is filled at the edge: from `chrome.i18n` or the
//! message files `www/` hands over in the browser, from `extension/_locales/*/messages.json`
//! in native tests. Views and `update` only ever name keys.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::core::plan::Problem;
use crate::core::words::{Arg, Coded, Worded};

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// "Tue, 3 Mar"
    Short,
    /// "3 Mar 2026"
    Long,
}

type Lookup = Box<dyn Fn(&str) -> Option<String>>;
type Dates = Box<dyn Fn(NaiveDate, DateStyle) -> String>;
type Times = Box<dyn Fn(NaiveTime) -> String>;

/// Text to show, kept as a message key with its arguments until it is drawn, so that what
/// `update` decided can be checked without a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A `_locales` message and the values of its `{name}` placeholders.
    Msg(&'static str, Vec<(&'static str, String)>),
    /// A coded message from the core (a refusal, a storage error), worded when drawn.
    Coded(Worded),
}

impl Text {
    pub fn key(key: &'static str) -> Text {
        Text::Msg(key, Vec::new())
    }

    pub fn with(key: &'static str, args: &[(&'static str, &str)]) -> Text {
        Text::Msg(
            key,
            args.iter().map(|(n, v)| (*n, (*v).to_string())).collect(),
        )
    }
}

/// The message table and the date and time writers of one page.
pub struct Words {
    lookup: Lookup,
    dates: Dates,
    times: Times,
}

impl Words {
    /// Words looked up by `lookup` (for example `chrome.i18n.getMessage`), dates written by
    /// `dates` (the browser's `Intl.DateTimeFormat`).
    pub fn new(
        lookup: impl Fn(&str) -> Option<String> + 'static,
        dates: impl Fn(NaiveDate, DateStyle) -> String + 'static,
    ) -> Words {
        Words {
            lookup: Box::new(lookup),
            dates: Box::new(dates),
            times: Box::new(clock_time),
        }
    }

    /// These words with times of day written by `times` (the browser's
    /// `Intl.DateTimeFormat`); without it, on the 24-hour clock ("14:05").
    pub fn with_times(self, times: impl Fn(NaiveTime) -> String + 'static) -> Words {
        Words {
            times: Box::new(times),
            ..self
        }
    }

    /// A fixed table, with dates in English ("Tue, 3 Mar", "3 Mar 2026").
    pub fn from_table(table: HashMap<String, String>) -> Words {
        Words::new(move |key| table.get(key).cloned(), english_date)
    }

    /// The table of one or more `messages.json` files (`{key: {"message": text}}`), later
    /// files overriding earlier ones: English first, then the user's language.
    pub fn from_messages_json(files: &[&str]) -> Result<Words, String> {
        let mut table = HashMap::new();
        for file in files {
            let parsed: HashMap<String, serde_json::Value> =
                serde_json::from_str(file).map_err(|e| e.to_string())?;
            for (key, value) in parsed {
                if let Some(text) = value.get("message").and_then(|m| m.as_str()) {
                    table.insert(key, text.to_string());
                }
            }
        }
        Ok(Words::from_table(table))
    }

    /// The message `key`; the key itself if it is missing, so a gap shows up in review rather
    /// than as an empty control.
    pub fn t(&self, key: &str) -> String {
        match (self.lookup)(key) {
            Some(text) if !text.is_empty() => text,
            _ => key.to_string(),
        }
    }

    /// `t(key)` with each `{name}` replaced by its value.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.t(key), args)
    }

    /// A [`Text`] in words.
    pub fn say(&self, text: &Text) -> String {
        match text {
            Text::Coded(w) => self.worded(w),
            Text::Msg(key, args) => {
                let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
                self.tf(key, &args)
            }
        }
    }

    /// "Tue, 3 Mar" (the year is added when it is not this year's).
    pub fn short_date(&self, date: NaiveDate, today: NaiveDate) -> String {
        if date.year() == today.year() {
            (self.dates)(date, DateStyle::Short)
        } else {
            self.long_date(date)
        }
    }

    /// "3 Mar 2026".
    pub fn long_date(&self, date: NaiveDate) -> String {
        (self.dates)(date, DateStyle::Long)
    }

    /// A time of day in the user's locale ("14:00", "2:00 PM").
    pub fn time(&self, time: NaiveTime) -> String {
        (self.times)(time)
    }

    /// A coded message in these words: each argument worded first (dates in the user's
    /// locale, nested messages in these words), then the key's text filled in one pass. A key
    /// this table lacks shows the English the message came with.
    pub fn worded(&self, w: &Worded) -> String {
        let template = match (self.lookup)(&w.key) {
            Some(text) if !w.key.is_empty() && !text.is_empty() => text,
            _ => return w.english.clone(),
        };
        let args: Vec<(&str, String)> = w
            .args
            .iter()
            .map(|(name, arg)| {
                let text = match arg {
                    Arg::Date(date) => self.long_date(*date),
                    Arg::Msg(inner) => self.worded(inner),
                    other => other.to_string(),
                };
                (name.as_str(), text)
            })
            .collect();
        let borrowed: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(&template, &borrowed)
    }

    /// A planner problem in these words, dates in the user's locale.
    pub fn problem(&self, problem: &Problem) -> String {
        self.worded(&problem.kind.worded())
    }

    /// "today", "tomorrow", "in 3 days", "2 days ago".
    pub fn relative_day(&self, date: NaiveDate, today: NaiveDate) -> String {
        match (date - today).num_days() {
            0 => self.t("dayToday"),
            1 => self.t("dayTomorrow"),
            -1 => self.t("dayYesterday"),
            n if n > 1 => self.tf("dayIn", &[("n", &n.to_string())]),
            n => self.tf("dayAgo", &[("n", &(-n).to_string())]),
        }
    }
}

/// Dates in English, for pages and tests without the browser's date formatter.
pub fn english_date(date: NaiveDate, style: DateStyle) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = date.day();
    let month = MONTHS[date.month0() as usize];
    match style {
        DateStyle::Short => format!(
            "{}, {day} {month}",
            DAYS[date.weekday().num_days_from_monday() as usize]
        ),
        DateStyle::Long => format!("{day} {month} {}", date.year()),
    }
}

/// A time of day on the 24-hour clock, for pages and tests without the browser's formatter.
pub fn clock_time(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// `template` with each `{name}` of `args` replaced by its value, in one pass over the
/// template: a value is never read again, so user text holding `{company}` stays as it is
/// and a long value repeated in another cannot multiply the output.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
