//! Dates as webmail pages write them, read into days.

use chrono::format::{parse, Item, Numeric, Pad, Parsed};
use chrono::{Datelike, Days, NaiveDate};

/// `%Y-%m-%d` as chrono reads that format, written out as its items so that no format string
/// is parsed at run time.
const YEAR_MONTH_DAY: [Item<'static>; 5] = [
    Item::Numeric(Numeric::Year, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Month, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Day, Pad::Zero),
];

fn iso_date(text: &str) -> Option<NaiveDate> {
    let mut parsed = Parsed::new();
    parse(&mut parsed, text, YEAR_MONTH_DAY.iter()).ok()?;
    parsed.to_naive_date().ok()
}

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
    // `get`, not slicing: the tenth byte may fall inside a character.
    if let Some(head) = t.get(..10).filter(|h| h.as_bytes().get(4) == Some(&b'-')) {
        if let Some(d) = iso_date(head) {
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
            let year = if *ylen == 2 {
                2000 + *y as i32
            } else {
                *y as i32
            };
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
    fn iso_dates_as_the_format_string_reads_them() {
        for text in [
            "2026-12-07",
            "2026-2-7",
            "2026-13-01",
            "2024-02-29",
            "2023-02-29",
            "+2026-12-07",
            "-0001-01-01",
            "2026 -12-07",
            "2026-12-07 ",
            "20261207",
            "2026-12-7x",
            "",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(iso_date(text), chrono, "{text}");
        }
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
            (
                "Thursday, December 3rd, 2026 at 10:42 AM",
                "en-US",
                "2026-12-03",
            ),
        ];
        for (text, lang, want) in cases {
            assert_eq!(
                parse_date(text, lang, today),
                Some(d(want)),
                "{text} ({lang})"
            );
        }
        for text in [
            "",
            "soon",
            "2027-01-05",
            "Dec 40, 2026",
            "42/42/2026",
            "2026-12-0é",
            "2026-1é-03",
            "éééééééééééé",
            "99999999999999999999/1/1",
        ] {
            assert_eq!(parse_date(text, "en-US", today), None, "{text}");
        }
    }
}
