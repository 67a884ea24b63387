//! Today's summary: what the *Today* list and the toolbar badge show, kept beside the
//! applications so that neither has to read and plan all of them.
//!
//! It is derived data, stored under [`SUMMARY_KEY`]. The single writer keeps it current in the
//! same storage write as the change that affects it ([`super::command`]): the old and the new
//! version of the one application a command touched are planned, and only their rows move.
//! It describes one day and one revision of the settings; on another day, after a change of
//! settings (here or from another computer through sync), when it is missing, unreadable or of
//! another version, readers ignore it and the writer builds it again from everything stored
//! ([`Summary::build`]). So a stale summary is never drawn.
//!
//! What it holds stays small whatever the number of applications: the number of rows in each
//! of Today's sections, the first [`HEAD`] rows as *Today* lists them ([`row_order`]: by
//! section, then in plan order) with the words they need (the company, role and person), the
//! first possible replies and the first interviews of today and tomorrow ([`interviews`])
//! with their numbers, the next action after the window, and how many problems planning
//! reported. After many edits
//! that removed rows from the top, the rows it holds may no longer cover the first page; then
//! [`Summary::usable`] is false and the writer builds it again, which happens at most once per
//! [`HEAD`] - [`PAGE`] such edits and at least once a day.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::index;
use super::model::{Action, ActionState, Application, Settings};
use super::noticing;
use super::plan::{self, action_order, Plan};
use super::store::{self, Batch, Step, SETTINGS_KEY};

mod entries;
pub mod interviews;
mod listed;

pub use entries::{reply_order, Entry, ReplyEntry};
pub use interviews::{interview_order, Interview, INTERVIEWS};

use crate::core::sort;

pub use super::store::SUMMARY_KEY;
/// The layout of the summary record; a record of any other version is built again.
pub const SUMMARY_VERSION: u32 = 3;
/// Days ahead *Today* looks.
pub const AHEAD: u64 = 7;
/// Rows of a long list shown at first.
pub const PAGE: usize = 50;
/// Rows the summary keeps: a page, plus room for edits that remove rows from the top.
pub const HEAD: usize = 2 * PAGE;

/// How many rows each section of *Today* has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Follow-ups held by a possible reply.
    #[serde(default)]
    pub held: u32,
    pub overdue: u32,
    pub due: u32,
    pub soon: u32,
}

impl Counts {
    pub fn total(&self) -> usize {
        (self.held as usize) + (self.overdue as usize) + (self.due as usize) + (self.soon as usize)
    }

    fn add(&mut self, a: &Action, sign: i64) {
        let slot = match section(a) {
            0 => &mut self.held,
            1 => &mut self.overdue,
            2 => &mut self.due,
            _ => &mut self.soon,
        };
        *slot = u32::try_from((i64::from(*slot) + sign).max(0)).unwrap_or(u32::MAX);
    }
}

/// What *Today* and the badge show on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub version: u32,
    /// The day it was planned for.
    pub day: NaiveDate,
    /// The revision of the settings it was planned with (0: none stored).
    pub settings_revision: u32,
    /// How many applications are stored.
    pub apps: u32,
    pub counts: Counts,
    /// The first rows of *Today* in plan order: held, overdue, due, then the next days.
    pub head: Vec<Entry>,
    /// The possible replies not answered yet, newest first (at most [`HEAD`]).
    #[serde(default)]
    pub replies: Vec<ReplyEntry>,
    /// How many there are.
    #[serde(default)]
    pub reply_count: u32,
    /// The interviews of today and tomorrow, in order (at most [`INTERVIEWS`]).
    #[serde(default)]
    pub interviews: Vec<Interview>,
    /// How many there are.
    #[serde(default)]
    pub interview_count: u32,
    /// The first action still to come (upcoming or projected), shown when nothing is due.
    pub next: Option<Entry>,
    /// Whether [`Summary::next`] is known: false once the application that held it changed
    /// and its own next action came later.
    pub next_known: bool,
    /// How many problems planning reported.
    pub problems: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether `a` is one of *Today*'s rows on `today`.
pub fn in_window(a: &Action, today: NaiveDate) -> bool {
    let horizon = today.checked_add_days(Days::new(AHEAD)).unwrap_or(today);
    match a.state {
        ActionState::Overdue | ActionState::Due => true,
        ActionState::Upcoming | ActionState::Projected | ActionState::Snoozed => a.due <= horizon,
        ActionState::Done | ActionState::Skipped => false,
    }
}

/// The section of *Today* `a` is listed in: held by a possible reply, overdue, due, then the
/// next days.
pub fn section(a: &Action) -> u8 {
    if a.held.is_some() {
        return 0;
    }
    match a.state {
        ActionState::Overdue => 1,
        ActionState::Due => 2,
        _ => 3,
    }
}

/// The order of *Today*'s rows: by section, then in plan order.
pub fn row_order(a: &Action, b: &Action) -> Ordering {
    section(a).cmp(&section(b)).then_with(|| action_order(a, b))
}

/// Whether `a` can be the next action shown when nothing is due.
fn still_to_come(a: &Action) -> bool {
    matches!(a.state, ActionState::Upcoming | ActionState::Projected)
}

impl Summary {
    /// The summary of everything stored: `apps` planned as `plan`.
    pub fn of_plan(
        apps: &[Application],
        plan: &Plan,
        settings_revision: u32,
        today: NaiveDate,
    ) -> Summary {
        let by_id = |id: &str| {
            apps.binary_search_by(|a| a.id.as_str().cmp(id))
                .ok()
                .map(|i| &apps[i])
                .or_else(|| apps.iter().find(|a| a.id == id))
        };
        let mut counts = Counts::default();
        let mut next = None;
        let mut rows: [Vec<&Action>; 4] = Default::default();
        for a in &plan.actions {
            if in_window(a, today) {
                counts.add(a, 1);
                let list = &mut rows[usize::from(section(a))];
                if list.len() < HEAD {
                    list.push(a);
                }
            }
            if next.is_none() && still_to_come(a) {
                next = by_id(&a.app_id).map(|app| Entry::new(app, a.clone(), today));
            }
        }
        let head = rows
            .iter()
            .flatten()
            .take(HEAD)
            .filter_map(|a| by_id(&a.app_id).map(|app| Entry::new(app, (*a).clone(), today)))
            .collect();
        let mut replies: Vec<ReplyEntry> = apps
            .iter()
            .filter(|a| !a.noticed.is_empty())
            .flat_map(ReplyEntry::of)
            .collect();
        sort::sort_by(&mut replies, reply_order);
        let reply_count = count(replies.len());
        replies.truncate(HEAD);
        let mut interviews = interviews::all(apps, today);
        let interview_count = count(interviews.len());
        interviews.truncate(INTERVIEWS);
        Summary {
            version: SUMMARY_VERSION,
            day: today,
            settings_revision,
            apps: u32::try_from(apps.len()).unwrap_or(u32::MAX),
            counts,
            head,
            replies,
            reply_count,
            interviews,
            interview_count,
            next,
            next_known: true,
            problems: u32::try_from(plan.problems.len()).unwrap_or(u32::MAX),
        }
    }

    /// Plans `apps` and summarises the plan.
    pub fn build(
        apps: &[Application],
        settings: &Settings,
        settings_revision: u32,
        today: NaiveDate,
    ) -> Summary {
        Summary::of_plan(
            apps,
            &plan::plan(apps, settings, today),
            settings_revision,
            today,
        )
    }

    /// Whether it describes `today` with the settings at `settings_revision`.
    pub fn is_current(&self, today: NaiveDate, settings_revision: u32) -> bool {
        self.version == SUMMARY_VERSION
            && self.day == today
            && self.settings_revision == settings_revision
    }

    /// Whether it can draw *Today*'s first page as the full plan would: its rows cover the
    /// page, and the next action is known when nothing is due.
    pub fn usable(&self) -> bool {
        let total = self.counts.total();
        self.head.len() >= total.min(PAGE)
            && (total > 0 || self.next_known)
            && self.replies.len() >= (self.reply_count as usize).min(PAGE)
            && self.interviews.len() >= (self.interview_count as usize).min(INTERVIEWS)
    }

    /// The toolbar badge: due and overdue actions, and whether any is overdue.
    pub fn badge(&self) -> (u32, bool) {
        (
            self.counts.overdue.saturating_add(self.counts.due),
            self.counts.overdue > 0,
        )
    }

    /// How many problems planning reported.
    pub fn problem_count(&self) -> usize {
        self.problems as usize
    }

    /// The summary once one application changed from `old` to `new` (`None`: absent before /
    /// deleted now), planned for the summary's own day with `settings`. Only that
    /// application is planned (twice); the summary must be current for `settings`.
    pub fn replace(
        &mut self,
        old: Option<&Application>,
        new: Option<&Application>,
        settings: &Settings,
    ) {
        let id = match (old, new) {
            (_, Some(app)) | (Some(app), None) => app.id.clone(),
            (None, None) => return,
        };
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let today = self.day;
        let plan_one = |app: &Application| plan::plan_application(app, settings, &calendar, today);

        // Counts: the old version's rows out, the new one's in.
        let held_all = self.head.len() >= self.counts.total();
        if let Some(app) = old {
            let (actions, problems) = plan_one(app);
            for a in actions.iter().filter(|a| in_window(a, today)) {
                self.counts.add(a, -1);
            }
            self.apps = self.apps.saturating_sub(1);
            self.problems = self.problems.saturating_sub(count(problems.len()));
        }
        let (actions, problems) = match new {
            Some(app) => {
                self.apps = self.apps.saturating_add(1);
                plan_one(app)
            }
            None => (Vec::new(), Vec::new()),
        };

        // The rows held: the application's own go, then its new ones come in where they sort.
        // When rows were left out at the end, a new row after the last one held may sort after
        // rows the summary does not know, so it is left out too.
        let bound = self.head.last().map(|e| e.action.clone());
        self.head.retain(|e| e.action.app_id != id);
        if let Some(app) = new {
            for a in actions.iter().filter(|a| in_window(a, today)) {
                self.counts.add(a, 1);
                let fits = held_all
                    || bound
                        .as_ref()
                        .is_some_and(|b| row_order(a, b) != Ordering::Greater);
                if fits {
                    let at = self
                        .head
                        .partition_point(|e| row_order(&e.action, a) == Ordering::Less);
                    self.head.insert(at, Entry::new(app, a.clone(), today));
                }
            }
        }
        self.head.truncate(HEAD);

        // Possible replies and interviews: the application's own go, its new ones come in
        // where they sort.
        listed::replace(
            (&mut self.replies, &mut self.reply_count, HEAD),
            reply_order,
            old.map_or(0, |app| noticing::pending(app).count()),
            |r| r.app_id == id,
            new.into_iter().flat_map(ReplyEntry::of),
        );
        listed::replace(
            (&mut self.interviews, &mut self.interview_count, INTERVIEWS),
            interview_order,
            old.map_or(0, |app| Interview::of(app, today).count()),
            |i| i.app_id == id,
            new.into_iter().flat_map(|app| Interview::of(app, today)),
        );

        // The next action. The one held was the first of all: when it belongs to another
        // application, the new version's own first competes with it; when it was this
        // application's, only a new first at least as early is certainly the first of all.
        let candidate = new.and_then(|app| {
            actions
                .iter()
                .find(|a| still_to_come(a))
                .map(|a| Entry::new(app, a.clone(), today))
        });
        let earlier = |c: &Entry, h: &Entry| action_order(&c.action, &h.action) == Ordering::Less;
        match self.next.take() {
            Some(h) if h.action.app_id != id => {
                self.next = Some(match candidate {
                    Some(c) if earlier(&c, &h) => c,
                    _ => h,
                });
            }
            Some(h) => match candidate {
                Some(c) if !earlier(&h, &c) => self.next = Some(c),
                _ => self.next_known = false,
            },
            None if self.next_known => self.next = candidate,
            None => {}
        }

        self.problems = self.problems.saturating_add(count(problems.len()));
    }

    /// The stored record.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored record; `None` when it is missing, unreadable or of another version:
    /// derived data is built again rather than reported.
    pub fn decode(raw: Option<&str>) -> Option<Summary> {
        let summary: Summary = serde_json::from_str(raw?).ok()?;
        (summary.version == SUMMARY_VERSION).then_some(summary)
    }
}

/// Today's summary once one application changed from `old` to `new`, to write with that
/// change; `None` when nothing in it changes, or when the summary stored is missing or not
/// current (another day, other settings), which the writer then builds again from everything.
pub fn after_change(
    stored: &BTreeMap<String, String>,
    old: Option<&Application>,
    new: Option<&Application>,
    today: NaiveDate,
) -> Option<(String, String)> {
    let mut summary = Summary::decode(stored.get(SUMMARY_KEY).map(String::as_str))?;
    let (settings, revision) = match stored.get(SETTINGS_KEY) {
        Some(raw) => store::decode_settings(raw).ok()?,
        None => (Settings::default(), 0),
    };
    if !summary.is_current(today, revision) {
        return None;
    }
    let before = summary.clone();
    summary.replace(old, new, &settings);
    (summary != before).then(|| (SUMMARY_KEY.to_string(), summary.encode()))
}

/// `batch`, which replaces the state as a whole (an import, a restore), with the summary and
/// the contacts index of the state it leaves in its first `set`, which lands whole with the
/// rest.
pub fn with_rebuilt(
    mut batch: Batch,
    stored: &BTreeMap<String, String>,
    today: NaiveDate,
) -> Batch {
    if batch.is_empty() {
        return batch;
    }
    // What storage will hold: the batch run over a copy of what was read (which cannot fail).
    let mut copy = store::MemoryStore::with_entries(stored.clone());
    let _ = batch.run(&mut copy);
    let after = copy.entries();
    if !store::migrate::is_current_schema(after.get(store::SCHEMA_KEY).map(String::as_str)) {
        // A state of an older layout (a snapshot taken before a migration): what it holds is
        // read only once it is converted, so its derived records are built after that.
        let derived: Vec<String> = after
            .keys()
            .filter(|k| store::is_derived_key(k))
            .cloned()
            .collect();
        return batch.remove(derived);
    }
    let state = store::decode_state(after);
    let summary = Summary::build(&state.apps, &state.settings, state.settings_revision, today);
    let mut derived = vec![(SUMMARY_KEY.to_string(), summary.encode())];
    derived.extend(index::build(&state.apps));
    match batch.steps.first_mut() {
        Some(Step::Set(entries)) => entries.extend(derived),
        _ => batch.steps.insert(0, Step::Set(derived)),
    }
    batch
}
