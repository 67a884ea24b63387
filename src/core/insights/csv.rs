//! The figures as one CSV file: a header row ([`HEADER`]), then one row per figure. `value`
//! is a count or a median number of days; `out of` the count it is part of (or, for a median,
//! how many values it was taken from); `rate (%)` the part of the whole as a percentage with
//! one decimal. A rate or median with nothing to count says "not enough data".

use super::super::export::{csv_field, kind_label};
use super::{Insights, Median, Rate};

pub const HEADER: [&str; 5] = ["section", "figure", "value", "out of", "rate (%)"];

/// What a CSV cell says when there is nothing to count.
pub const NOT_ENOUGH_DATA: &str = "not enough data";

fn row(out: &mut String, cells: [&str; 5]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(cell));
    }
    out.push_str("\r\n");
}

fn count(out: &mut String, section: &str, figure: &str, n: u32) {
    row(out, [section, figure, &n.to_string(), "", ""]);
}

fn rate(out: &mut String, section: &str, figure: &str, r: Rate) {
    let percent = match r.rate {
        Some(v) => format!("{:.1}", v * 100.0),
        None => NOT_ENOUGH_DATA.to_string(),
    };
    row(
        out,
        [
            section,
            figure,
            &r.part.to_string(),
            &r.whole.to_string(),
            &percent,
        ],
    );
}

fn median(out: &mut String, section: &str, figure: &str, m: Median) {
    let days = match m.days {
        Some(d) if d.fract() == 0.0 => format!("{d:.0}"),
        Some(d) => format!("{d:.1}"),
        None => NOT_ENOUGH_DATA.to_string(),
    };
    row(out, [section, figure, &days, &m.count.to_string(), ""]);
}

pub fn write(i: &Insights) -> String {
    let mut out = String::new();
    row(&mut out, HEADER);

    let s = "funnel";
    let f = &i.funnel;
    count(&mut out, s, "applied", f.applied);
    rate(&mut out, s, "interviewed, of applied", f.interview_rate);
    rate(&mut out, s, "offers, of interviewed", f.offer_rate);
    rate(&mut out, s, "accepted, of offers", f.acceptance_rate);
    rate(&mut out, s, "offers, of applied", f.offers_per_application);

    let s = "replies";
    let r = &i.replies;
    rate(
        &mut out,
        s,
        "answered before any follow-up, of chains ended",
        r.without_follow_up_rate,
    );
    rate(
        &mut out,
        s,
        "answered after the first follow-up, of chains with one",
        r.after_first_rate,
    );
    rate(
        &mut out,
        s,
        "answered after the second follow-up, of chains with one",
        r.after_second_rate,
    );
    count(&mut out, s, "no answer, no follow-up sent", r.no_answer[0]);
    count(
        &mut out,
        s,
        "no answer after the first follow-up",
        r.no_answer[1],
    );
    count(
        &mut out,
        s,
        "no answer after the second follow-up",
        r.no_answer[2],
    );
    count(&mut out, s, "still waiting", r.waiting);
    count(&mut out, s, "ended by a new round", r.superseded);

    let s = "employers";
    let d = &i.decisions;
    median(
        &mut out,
        s,
        "median days from interview to reply",
        d.to_reply,
    );
    median(
        &mut out,
        s,
        "median days from interview to decision",
        d.to_decision,
    );
    rate(
        &mut out,
        s,
        "decided on or before the date they gave",
        d.on_or_before_stated,
    );
    count(
        &mut out,
        s,
        "decided after the date they gave",
        d.after_stated,
    );
    median(&mut out, s, "median days late", d.days_late);
    count(
        &mut out,
        s,
        "date passed, still waiting",
        d.past_date_waiting,
    );

    let s = "actions";
    let a = &i.actions;
    rate(&mut out, s, "done on time, of done", a.on_time_rate);
    count(&mut out, s, "done late", a.late);
    rate(&mut out, s, "skipped, of done or skipped", a.skipped_rate);
    count(&mut out, s, "overdue today", a.overdue);
    for k in &a.by_kind {
        let label = kind_label(k.kind);
        count(&mut out, s, &format!("{label}: on time"), k.on_time);
        count(&mut out, s, &format!("{label}: late"), k.late);
        count(&mut out, s, &format!("{label}: skipped"), k.skipped);
        count(&mut out, s, &format!("{label}: overdue"), k.overdue);
    }

    for w in &i.weeks {
        let label = w.label();
        count(&mut out, "applications per week", &label, w.applications);
    }
    for w in &i.weeks {
        let label = w.label();
        count(&mut out, "interviews per week", &label, w.interviews);
    }
    out
}
