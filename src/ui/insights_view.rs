//! Insights on the full-tab page and in `www/`: each figure of `core::insights` as a short
//! answer in words, drawn in SVG (`insights_chart`, hidden from screen readers) and listed in
//! a table with a caption and header cells, which is the accessible version; "Download CSV"
//! takes the same figures away. A rate with nothing to count says "not enough data", never
//! 0 %; percentages are whole numbers; a median says how many values it was taken from.
//!
//! The figures come from the plan the page holds (`Insights::from_actions`), worked out when
//! the page is on screen and kept in the model until the data changes ([`keep`]).

use std::borrow::Cow;

use super::insights_chart::{bars, columns, Bar, Column, Part};
use super::insights_parts::{
    days_words, half_days, median_sentence, of_words, percent, rate_sentence, rate_words, section,
    table, values_words,
};
use super::items::kind_label;
use super::node::{button, el, Node};
use super::words::Words;
use super::{Model, View};
use crate::core::insights::{Insights, Median};

/// Works out the figures when the insights page is on screen and those kept are missing or
/// older than the data (run after every message).
pub fn keep(m: &mut Model) {
    if m.view != View::Insights || !m.loaded || m.partial.is_some() {
        return;
    }
    if m.insights
        .as_ref()
        .is_some_and(|(r, _)| *r == m.data_revision)
    {
        return;
    }
    let figures = Insights::from_actions(&m.stored.apps, &m.plan.actions, m.today);
    m.insights = Some((m.data_revision, figures));
}

/// The figures kept for the current data, or worked out now.
fn figures(m: &Model) -> Cow<'_, Insights> {
    match &m.insights {
        Some((r, i)) if *r == m.data_revision => Cow::Borrowed(i),
        _ => Cow::Owned(Insights::from_actions(
            &m.stored.apps,
            &m.plan.actions,
            m.today,
        )),
    }
}

/// The insights page.
pub fn view(m: &Model) -> Node {
    let w = &m.words;
    let i = figures(m);
    el("section")
        .class("insights")
        .attr("aria-label", &w.t("tabInsights"))
        .child(
            el("div")
                .class("insights-head")
                .child(el("div").child(el("h2").text(&w.t("insTitle"))).child(
                    el("p").class("hint").text(&w.tf(
                        "insAsOf",
                        &[
                            ("date", &w.long_date(i.today)),
                            ("n", &m.stored.apps.len().to_string()),
                        ],
                    )),
                ))
                .child(button(&w.t("insDownload"), "export-insights")),
        )
        .child(
            el("div")
                .class("insight-grid")
                .child(funnel(w, &i))
                .child(replies(w, &i))
                .child(employers(w, &i))
                .child(actions(w, &i))
                .child(weeks(w, &i)),
        )
}

fn funnel(w: &Words, i: &Insights) -> Node {
    let f = &i.funnel;
    let answer = if f.applied == 0 {
        w.t("insFunnelEmpty")
    } else {
        w.tf(
            "insFunnelAnswer",
            &[
                ("applied", &f.applied.to_string()),
                ("interviewed", &f.interviewed.to_string()),
                ("offers", &f.offers.to_string()),
                ("accepted", &f.accepted.to_string()),
            ],
        )
    };
    let stages = [
        ("insApplied", f.applied, None),
        ("insInterviewed", f.interviewed, Some(f.interview_rate)),
        ("insOffer", f.offers, Some(f.offer_rate)),
        ("insAccepted", f.accepted, Some(f.acceptance_rate)),
    ];
    let rows: Vec<Bar> = stages
        .iter()
        .map(|(key, count, rate)| {
            let label = w.t(key);
            let text = match rate {
                Some(r) => format!("{count} · {}", rate_words(w, r)),
                None => count.to_string(),
            };
            Bar {
                parts: vec![Part {
                    value: u64::from(*count),
                    class: "stage",
                    title: format!("{label}: {count}"),
                }],
                label,
                text,
            }
        })
        .collect();
    let data = table(
        &w.t("insFunnelCaption"),
        &[w.t("insStage"), w.t("insApplications"), w.t("insOfBefore")],
        stages
            .iter()
            .map(|(key, count, rate)| {
                let rate = rate.as_ref().map_or(String::new(), |r| rate_words(w, r));
                (w.t(key), vec![count.to_string(), rate])
            })
            .collect(),
    );
    section(
        "funnel",
        &w.t("insFunnelTitle"),
        &[answer],
        vec![bars("funnel", &rows, u64::from(f.applied), &[])],
        data,
    )
}

fn replies(w: &Words, i: &Insights) -> Node {
    let r = &i.replies;
    let figures = [
        ("insNoFollowUp", "insRepliesNone", r.without_follow_up_rate),
        ("insAfterFirst", "insRepliesFirst", r.after_first_rate),
        ("insAfterSecond", "insRepliesSecond", r.after_second_rate),
    ];
    let mut answer = vec![
        rate_sentence(w, "insRepliesFirst", "insAfterFirst", &figures[1].2),
        rate_sentence(w, "insRepliesNone", "insNoFollowUp", &figures[0].2),
        rate_sentence(w, "insRepliesSecond", "insAfterSecond", &figures[2].2),
    ];
    if r.waiting > 0 {
        answer.push(w.tf("insRepliesWaiting", &[("n", &r.waiting.to_string())]));
    }
    let rows: Vec<Bar> = figures
        .iter()
        .map(|(key, _, rate)| {
            let label = w.t(key);
            let words = rate_words(w, rate);
            let text = match percent(rate) {
                Some(_) => format!("{words} · {}", of_words(w, rate.part, rate.whole)),
                None => words.clone(),
            };
            Bar::single(label, text, percent(rate), "rate")
        })
        .collect();
    let data = table(
        &w.t("insRepliesCaption"),
        &[
            w.t("insWhen"),
            w.t("insAnswered"),
            w.t("insOutOf"),
            w.t("insRate"),
        ],
        figures
            .iter()
            .map(|(key, _, rate)| {
                (
                    w.t(key),
                    vec![
                        rate.part.to_string(),
                        rate.whole.to_string(),
                        rate_words(w, rate),
                    ],
                )
            })
            .collect(),
    );
    section(
        "replies",
        &w.t("insRepliesTitle"),
        &answer,
        vec![bars("replies", &rows, 100, &[])],
        data,
    )
}

fn employers(w: &Words, i: &Insights) -> Node {
    let d = &i.decisions;
    let mut answer = vec![
        median_sentence(w, "insToReply", "insToReplyLabel", &d.to_reply),
        median_sentence(w, "insToDecision", "insToDecisionLabel", &d.to_decision),
        rate_sentence(w, "insStated", "insOnTimeStated", &d.on_or_before_stated),
    ];
    if d.past_date_waiting > 0 {
        answer.push(w.tf("insPastWaiting", &[("n", &d.past_date_waiting.to_string())]));
    }
    let medians = [
        ("insToReplyLabel", d.to_reply),
        ("insToDecisionLabel", d.to_decision),
        ("insDaysLateLabel", d.days_late),
    ];
    let longest = medians
        .iter()
        .filter_map(|(_, m)| half_days(m))
        .max()
        .unwrap_or(0);
    let rows: Vec<Bar> = medians
        .iter()
        .map(|(key, median)| {
            let label = w.t(key);
            let text = match median.days {
                Some(_) => format!(
                    "{} · {}",
                    days_words(w, median),
                    values_words(w, median.count)
                ),
                None => w.t("insNoData"),
            };
            Bar::single(label, text, half_days(median), "days")
        })
        .collect();
    let stated = d.on_or_before_stated;
    let on_time = w.t("insOnTimeStated");
    let late = w.t("insAfterStated");
    let by_date = Bar {
        label: on_time.clone(),
        parts: vec![
            Part {
                value: u64::from(stated.part),
                class: "on-time",
                title: format!("{on_time}: {}", stated.part),
            },
            Part {
                value: u64::from(d.after_stated),
                class: "late",
                title: format!("{late}: {}", d.after_stated),
            },
        ],
        text: match percent(&stated) {
            Some(_) => format!(
                "{} · {}",
                rate_words(w, &stated),
                of_words(w, stated.part, stated.whole)
            ),
            None => w.t("insNoData"),
        },
    };
    let data = table(
        &w.t("insEmployersCaption"),
        &[w.t("insFigure"), w.t("insValue"), w.t("insBasedOn")],
        vec![
            row_median(w, "insToReplyLabel", &d.to_reply),
            row_median(w, "insToDecisionLabel", &d.to_decision),
            (
                on_time,
                vec![
                    rate_words(w, &stated),
                    of_words(w, stated.part, stated.whole),
                ],
            ),
            (late, vec![d.after_stated.to_string(), String::new()]),
            row_median(w, "insDaysLateLabel", &d.days_late),
            (
                w.t("insPastWaitingLabel"),
                vec![d.past_date_waiting.to_string(), String::new()],
            ),
        ],
    );
    section(
        "employers",
        &w.t("insEmployersTitle"),
        &answer,
        vec![
            bars("medians", &rows, longest, &[]),
            bars(
                "stated",
                &[by_date],
                u64::from(stated.whole),
                &[("on-time", w.t("insOnTime")), ("late", w.t("insLate"))],
            ),
        ],
        data,
    )
}

fn row_median(w: &Words, key: &str, m: &Median) -> (String, Vec<String>) {
    (w.t(key), vec![days_words(w, m), values_words(w, m.count)])
}

fn actions(w: &Words, i: &Insights) -> Node {
    let a = &i.actions;
    let answer = vec![
        rate_sentence(w, "insActionsOnTime", "insActionsDone", &a.on_time_rate),
        rate_sentence(w, "insActionsSkipped", "insSkipped", &a.skipped_rate),
        w.tf("insActionsOverdue", &[("n", &a.overdue.to_string())]),
    ];
    let mut lines = vec![(
        w.t("insAllActions"),
        [a.on_time, a.late, a.skipped, a.overdue],
    )];
    for k in &a.by_kind {
        lines.push((
            kind_label(w, k.kind),
            [k.on_time, k.late, k.skipped, k.overdue],
        ));
    }
    let keys = [
        ("on-time", "insOnTime"),
        ("late", "insLate"),
        ("skipped", "insSkipped"),
        ("overdue", "insOverdue"),
    ];
    let total = |counts: &[u32; 4]| counts.iter().map(|n| u64::from(*n)).sum::<u64>();
    let max = lines.iter().map(|(_, c)| total(c)).max().unwrap_or(0);
    let rows: Vec<Bar> = lines
        .iter()
        .map(|(label, counts)| Bar {
            label: label.clone(),
            parts: keys
                .iter()
                .zip(counts)
                .map(|((class, key), n)| Part {
                    value: u64::from(*n),
                    class,
                    title: format!("{label}, {}: {n}", w.t(key)),
                })
                .collect(),
            text: total(counts).to_string(),
        })
        .collect();
    let mut head = vec![w.t("insAction")];
    head.extend(keys.iter().map(|(_, key)| w.t(key)));
    let data = table(
        &w.t("insActionsCaption"),
        &head,
        lines
            .iter()
            .map(|(label, counts)| (label.clone(), counts.iter().map(u32::to_string).collect()))
            .collect(),
    );
    let legend: Vec<(&'static str, String)> =
        keys.iter().map(|(class, key)| (*class, w.t(key))).collect();
    section(
        "actions",
        &w.t("insActionsTitle"),
        &answer,
        vec![bars("actions", &rows, max, &legend)],
        data,
    )
}

fn weeks(w: &Words, i: &Insights) -> Node {
    let apps: u32 = i
        .weeks
        .iter()
        .map(|k| k.applications)
        .fold(0, u32::saturating_add);
    let talks: u32 = i
        .weeks
        .iter()
        .map(|k| k.interviews)
        .fold(0, u32::saturating_add);
    let (apps_now, talks_now) = i
        .weeks
        .last()
        .map_or((0, 0), |k| (k.applications, k.interviews));
    let answer = w.tf(
        "insWeeksAnswer",
        &[
            ("weeks", &i.weeks.len().to_string()),
            ("apps", &apps.to_string()),
            ("interviews", &talks.to_string()),
            ("weekapps", &apps_now.to_string()),
            ("weekinterviews", &talks_now.to_string()),
        ],
    );
    let applications = w.t("insApplications");
    let interviews = w.t("insInterviews");
    let cols: Vec<Column> = i
        .weeks
        .iter()
        .map(|k| {
            let label = k.label();
            let title = |what: &str, n: u32| {
                w.tf(
                    "insWeekBar",
                    &[("week", &label), ("what", what), ("n", &n.to_string())],
                )
            };
            Column {
                label: format!("W{:02}", k.week),
                parts: vec![
                    Part {
                        value: u64::from(k.applications),
                        class: "applied",
                        title: title(&applications, k.applications),
                    },
                    Part {
                        value: u64::from(k.interviews),
                        class: "interview",
                        title: title(&interviews, k.interviews),
                    },
                ],
            }
        })
        .collect();
    let data = table(
        &w.t("insWeeksCaption"),
        &[w.t("insWeek"), applications.clone(), interviews.clone()],
        i.weeks
            .iter()
            .map(|k| {
                let label = w.tf(
                    "insWeekLabel",
                    &[("week", &k.label()), ("date", &w.long_date(k.monday))],
                );
                (
                    label,
                    vec![k.applications.to_string(), k.interviews.to_string()],
                )
            })
            .collect(),
    );
    section(
        "weeks",
        &w.t("insWeeksTitle"),
        &[answer],
        vec![columns(
            "weeks",
            &cols,
            &[("applied", applications), ("interview", interviews)],
        )],
        data,
    )
}
