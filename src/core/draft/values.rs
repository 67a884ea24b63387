//! From an application to template values: who the recipient is, which round the draft is
//! about, dates in words, the discussion points that become bullets, and the opening and closing
//! lines chosen for this recipient.

use chrono::{Datelike, NaiveDate, Weekday};

use super::builtin::phrases;
use super::template::{parse, Values, Var};
use super::wording::Wording;
use crate::core::model::{
    ActionKind, Application, Contact, EventKind, Language, Profile, Round, Salutation,
};

/// At most this many discussion points become bullets; the articles ask for up to five.
pub const MAX_BULLETS: usize = 5;

/// A date in words in `language`: "Friday 6 March" or "Freitag, 6. März", with the year added
/// when it is not `today`'s year.
pub fn format_date_in(date: NaiveDate, today: NaiveDate, language: Language) -> String {
    match language {
        Language::English => format_date(date, today),
        Language::German => german_date(date, today),
    }
}

/// "Dienstag, 3. März", and "Freitag, 8. Januar 2027" in another year.
fn german_date(date: NaiveDate, today: NaiveDate) -> String {
    let weekday = match date.weekday() {
        Weekday::Mon => "Montag",
        Weekday::Tue => "Dienstag",
        Weekday::Wed => "Mittwoch",
        Weekday::Thu => "Donnerstag",
        Weekday::Fri => "Freitag",
        Weekday::Sat => "Samstag",
        Weekday::Sun => "Sonntag",
    };
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    if date.year() == today.year() {
        format!("{weekday}, {}. {month}", date.day())
    } else {
        format!("{weekday}, {}. {month} {}", date.day(), date.year())
    }
}

/// How `contact` is greeted and named in a sentence, in `wording`: `("Sehr geehrte Frau Dr.
/// Müller", "Frau Dr. Müller")` formally in German, `("Hallo Anna", "Anna")` informally,
/// `("Dear Anna", "Anna")` in English.
fn address(contact: &Contact, wording: Wording) -> (String, String) {
    let first = contact.first_name().to_string();
    match wording {
        Wording::English => (format!("Dear {first}"), first),
        Wording::GermanInformal => (format!("Hallo {first}"), first),
        Wording::German => {
            let title = one_line(&contact.academic_title);
            let surname = match title.as_str() {
                "" => contact.surname().to_string(),
                title => format!("{title} {}", contact.surname()),
            };
            match contact.salutation {
                Some(Salutation::Frau) => (
                    format!("Sehr geehrte Frau {surname}"),
                    format!("Frau {surname}"),
                ),
                Some(Salutation::Herr) => (
                    format!("Sehr geehrter Herr {surname}"),
                    format!("Herr {surname}"),
                ),
                None => {
                    let full = match title.as_str() {
                        "" => one_line(&contact.name),
                        title => format!("{title} {}", one_line(&contact.name)),
                    };
                    (format!("Guten Tag {full}"), full)
                }
            }
        }
    }
}

/// A date in English words: "Friday 6 March", with the year added when it is not `today`'s year.
pub fn format_date(date: NaiveDate, today: NaiveDate) -> String {
    let weekday = match date.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    if date.year() == today.year() {
        format!("{weekday} {} {month}", date.day())
    } else {
        format!("{weekday} {} {month} {}", date.day(), date.year())
    }
}

/// Collapses runs of whitespace (line breaks included) to single spaces, so that a stored name
/// or note can never break a greeting or a bullet across lines.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trims each signature line and drops blank lines at either end.
fn signature_block(s: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i + 1);
    lines[start..end].join("\n")
}

/// The date the employer said they would decide by: the one given in their latest reply if it
/// gave one, otherwise the one recorded on the application.
pub fn stated_decision_date(app: &Application) -> Option<NaiveDate> {
    app.history
        .iter()
        .rev()
        .find_map(|e| match &e.kind {
            EventKind::Reply { decision_date } => *decision_date,
            _ => None,
        })
        .or(app.decision_date)
}

/// Template values for a draft of `kind` to `contact` about `round`, plus how many discussion
/// points were noted before the list was cut to [`MAX_BULLETS`].
pub(crate) struct Built {
    pub values: Values,
    pub points_noted: usize,
    /// Variables left empty inside the chosen opening and closing lines.
    pub phrase_unfilled: Vec<Var>,
}

pub(crate) fn build(
    app: &Application,
    round: Option<&Round>,
    contact: Option<&Contact>,
    kind: ActionKind,
    profile: &Profile,
    today: NaiveDate,
    wording: Wording,
) -> Built {
    let language = wording.language();
    let format_date = |date, today| format_date_in(date, today, language);
    let mut v = Values::default();
    if let Some(c) = contact {
        v.set(Var::FirstName, c.first_name());
        v.set(Var::FullName, one_line(&c.name));
        v.set(Var::Title, one_line(&c.title));
        if !c.first_name().is_empty() {
            let (greeting, addressed_as) = address(c, wording);
            v.set(Var::Greeting, greeting);
            v.set(Var::AddressedAs, addressed_as);
        }
    }
    v.set(Var::Company, one_line(&app.company));
    v.set(Var::Role, one_line(&app.role));
    if let Some(r) = round {
        if r.date != NaiveDate::MIN {
            v.set(Var::InterviewDate, format_date(r.date, today));
        }
        v.set(Var::InterviewKind, one_line(&r.kind));
    }
    if let Some(d) = stated_decision_date(app) {
        v.set(Var::DecisionDate, format_date(d, today));
    }
    let reply = app
        .history
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EventKind::Reply { .. }));
    if let Some(e) = reply {
        v.set(Var::ReplyDate, format_date(e.date, today));
    }
    let news = app.history.iter().rev().find_map(|e| match &e.kind {
        EventKind::PositiveNews { note } if !note.trim().is_empty() => Some(one_line(note)),
        _ => None,
    });
    v.set(Var::News, news.unwrap_or_default());
    let asker = app
        .contacts
        .iter()
        .find(|c| c.hiring_manager)
        .or_else(|| round.and_then(|r| app.follow_up_contact(r)));
    v.set(
        Var::ReferencesAsker,
        asker.map(|c| one_line(&c.name)).unwrap_or_default(),
    );
    v.set(Var::MyName, one_line(&profile.name));
    v.set(Var::MyEmail, one_line(&profile.email));
    v.set(Var::MyPhone, one_line(&profile.phone));
    v.set(Var::MySignature, signature_block(&profile.signature));

    let mut points = points_for(kind, round, contact);
    let points_noted = points.len();
    points.truncate(MAX_BULLETS);
    let bullets: Vec<String> = points.iter().map(|p| format!("- {p}")).collect();
    v.set(Var::Bullets, bullets.join("\n"));
    v.set_points(points);

    let index = recipient_index(app, round, contact);
    let phrase_unfilled =
        apply_phrases(&mut v, kind, wording, index, contact.map_or("", |c| &c.id));
    Built {
        values: v,
        points_noted,
        phrase_unfilled,
    }
}

/// The discussion points a draft draws on: for a reference alert, everything noted in the round
/// (what the reference may want to stress); otherwise what was noted with the recipient.
fn points_for(kind: ActionKind, round: Option<&Round>, contact: Option<&Contact>) -> Vec<String> {
    let Some(round) = round else {
        return Vec::new();
    };
    let mut points: Vec<String> = Vec::new();
    let interviewers = round.interviewers.iter().filter(|i| {
        kind == ActionKind::AlertReference || contact.is_some_and(|c| c.id == i.contact_id)
    });
    for interviewer in interviewers {
        for p in &interviewer.points {
            let p = one_line(p);
            if !p.is_empty() && !points.contains(&p) {
                points.push(p);
            }
        }
    }
    points
}

/// The recipient's place among people who get the same kind of draft: their position in the
/// round's interviewers, or among the application's references.
fn recipient_index(app: &Application, round: Option<&Round>, contact: Option<&Contact>) -> usize {
    let Some(contact) = contact else { return 0 };
    if let Some(i) = round.and_then(|r| {
        r.interviewers
            .iter()
            .position(|i| i.contact_id == contact.id)
    }) {
        return i;
    }
    app.contacts
        .iter()
        .filter(|c| c.reference)
        .position(|c| c.id == contact.id)
        .unwrap_or(0)
}

/// Which opening and closing line the recipient at `index` gets, from banks of `openings` and
/// `closings` lines.
///
/// Indices below `openings * closings` map to distinct pairs, and neighbours differ in both
/// lines where the banks allow it; beyond that, a hash of the contact id picks a stable pair.
pub fn choose_variant(index: usize, key: &str, openings: usize, closings: usize) -> (usize, usize) {
    if openings == 0 || closings == 0 {
        return (0, 0);
    }
    let combos = openings * closings;
    let k = if index < combos {
        index
    } else {
        (fnv1a(key) % combos as u64) as usize
    };
    let (q, r) = (k / openings, k % openings);
    (r, (r + q) % closings)
}

/// FNV-1a: small, stable across platforms and releases (unlike `std`'s hasher), which keeps a
/// recipient's wording the same from one day to the next.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn apply_phrases(
    v: &mut Values,
    kind: ActionKind,
    wording: Wording,
    index: usize,
    key: &str,
) -> Vec<Var> {
    let (openings, closings) = phrases(kind, wording);
    let (o, c) = choose_variant(index, key, openings.len(), closings.len());
    let mut unfilled = Vec::new();
    for (var, bank, i) in [(Var::Opening, openings, o), (Var::Closing, closings, c)] {
        // Built-in phrases are checked by tests to parse; a failure would leave the line empty
        // and surface as an unfilled `{{opening}}`/`{{closing}}` rather than a broken draft.
        let Some(Ok(t)) = bank.get(i).map(|src| parse(src)) else {
            continue;
        };
        let r = t.render(v);
        for u in r.unfilled {
            if !unfilled.contains(&u) {
                unfilled.push(u);
            }
        }
        v.set(var, r.text);
    }
    unfilled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn dates_read_as_words_with_the_year_only_when_needed() {
        assert_eq!(format_date(d(2026, 3, 6), d(2026, 3, 2)), "Friday 6 March");
        assert_eq!(
            format_date(d(2027, 1, 8), d(2026, 12, 30)),
            "Friday 8 January 2027"
        );
        assert_eq!(
            format_date(d(2025, 12, 30), d(2026, 1, 5)),
            "Tuesday 30 December 2025"
        );
    }

    #[test]
    fn german_dates_name_the_weekday_then_the_day() {
        let de = |date, today| format_date_in(date, today, Language::German);
        assert_eq!(de(d(2026, 3, 3), d(2026, 3, 2)), "Dienstag, 3. März");
        assert_eq!(
            de(d(2027, 1, 8), d(2026, 12, 30)),
            "Freitag, 8. Januar 2027"
        );
        assert_eq!(de(d(2026, 10, 31), d(2026, 1, 1)), "Samstag, 31. Oktober");
        assert_eq!(
            format_date_in(d(2026, 3, 6), d(2026, 3, 2), Language::English),
            "Friday 6 March"
        );
    }

    #[test]
    fn formal_german_uses_salutation_title_and_surname() {
        let contact = |salutation, title: &str| Contact {
            name: "Anna Maria Müller".into(),
            salutation,
            academic_title: title.into(),
            ..Default::default()
        };
        let cases = [
            (
                Some(Salutation::Frau),
                "Dr.",
                Wording::German,
                "Sehr geehrte Frau Dr. Müller",
                "Frau Dr. Müller",
            ),
            (
                Some(Salutation::Herr),
                "",
                Wording::German,
                "Sehr geehrter Herr Müller",
                "Herr Müller",
            ),
            (
                None,
                "",
                Wording::German,
                "Guten Tag Anna Maria Müller",
                "Anna Maria Müller",
            ),
            (
                Some(Salutation::Frau),
                "Dr.",
                Wording::GermanInformal,
                "Hallo Anna",
                "Anna",
            ),
            (
                Some(Salutation::Frau),
                "Dr.",
                Wording::English,
                "Dear Anna",
                "Anna",
            ),
        ];
        for (salutation, title, wording, greeting, addressed) in cases {
            assert_eq!(
                address(&contact(salutation, title), wording),
                (greeting.to_string(), addressed.to_string()),
                "{salutation:?} {title} {wording:?}"
            );
        }
    }

    #[test]
    fn variants_are_distinct_for_every_index_below_the_product() {
        for (o, c) in [(4, 4), (3, 3), (4, 3), (3, 4), (1, 5), (5, 1)] {
            let mut seen = std::collections::HashSet::new();
            for i in 0..o * c {
                let pair = choose_variant(i, "x", o, c);
                assert!(pair.0 < o && pair.1 < c);
                assert!(seen.insert(pair), "{o}x{c}: index {i} repeats {pair:?}");
            }
        }
    }

    #[test]
    fn neighbours_differ_in_both_lines() {
        assert_eq!(choose_variant(0, "", 4, 4), (0, 0));
        assert_eq!(choose_variant(1, "", 4, 4), (1, 1));
        assert_eq!(choose_variant(4, "", 4, 4), (0, 1));
    }

    #[test]
    fn beyond_the_product_the_choice_is_stable_and_in_range() {
        let a = choose_variant(100, "contact-7", 4, 4);
        assert_eq!(a, choose_variant(100, "contact-7", 4, 4));
        assert!(a.0 < 4 && a.1 < 4);
        assert_eq!(choose_variant(3, "k", 0, 4), (0, 0));
    }

    #[test]
    fn stored_text_is_flattened_to_one_line() {
        assert_eq!(one_line("  Priya \n Raman\t"), "Priya Raman");
        assert_eq!(
            signature_block("\n  linkedin.com/in/sam  \n\nsam.dev\n\n"),
            "linkedin.com/in/sam\n\nsam.dev"
        );
    }
}
