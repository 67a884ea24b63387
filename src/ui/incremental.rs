//! Bringing the model up to date with what changed, without reading or planning everything:
//! *Today* drawn from the stored summary before the applications are read, and one changed
//! application put in place and planned again after a write or another window's change.

use chrono::NaiveDate;

use super::{Model, Stored};
use crate::core::calendar::WorkCalendar;
use crate::core::model::{Action, Application};
use crate::core::plan::{self, action_order};
use crate::core::sort;
use crate::core::store::{self, APP_KEY_PREFIX};
use crate::core::summary::{Counts, Interview, ReplyEntry, Summary};

/// More applications changed at once than this are read whole rather than one by one.
const MANY: usize = 16;

/// What the model knows while it shows the summary only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    pub counts: Counts,
    /// The first possible replies, and how many there are.
    pub replies: Vec<ReplyEntry>,
    pub reply_count: usize,
    /// The first interviews of today and tomorrow, and how many there are.
    pub interviews: Vec<Interview>,
    pub interview_count: usize,
    /// How many applications are stored.
    pub apps: u32,
    pub problems: usize,
}

/// What another window, the service worker or a webmail tab changed: each key with its new
/// stored text (`None`: removed).
pub type Changes = Vec<(String, Option<String>)>;

impl Model {
    /// Due and overdue actions: the badge's number.
    pub fn due_count(&self) -> u32 {
        match &self.partial {
            Some(p) => p.counts.overdue.saturating_add(p.counts.due),
            None => plan::badge_count(&self.plan),
        }
    }

    /// Shows *Today* from the stored summary, planned for `today` with `stored.settings`; the
    /// applications it names are known only by the words their rows show until
    /// [`Model::set_state`] brings everything.
    pub fn set_summary(&mut self, today: NaiveDate, summary: Summary, stored: Stored) {
        if self.loaded {
            // Everything was read already: the summary has nothing to add.
            return;
        }
        let mut cards: Vec<Application> = Vec::new();
        let mut actions = Vec::with_capacity(summary.head.len() + 1);
        for entry in summary.head.iter().chain(summary.next.iter()) {
            let card = entry.card();
            match cards.iter_mut().find(|c| c.id == card.id) {
                Some(known) => {
                    known.contacts.extend(card.contacts);
                    known.rounds.extend(card.rounds);
                }
                None => cards.push(card),
            }
            if !actions.contains(&entry.action) {
                actions.push(entry.action.clone());
            }
        }
        self.set_state(
            today,
            Stored {
                apps: cards,
                ..stored
            },
        );
        self.plan.actions = actions;
        self.plan.problems.clear();
        self.partial = Some(Partial {
            counts: summary.counts,
            replies: summary.replies.clone(),
            reply_count: summary.reply_count as usize,
            interviews: summary.interviews.clone(),
            interview_count: summary.interview_count as usize,
            apps: summary.apps,
            problems: summary.problem_count(),
        });
    }

    /// Puts `app` (the stored version, with its revision) in place of the one the model
    /// has and plans it again alone; `None` with `id`: it was deleted. With `newer_only` (a
    /// write's own answer, which storage's change event may have brought already), a version
    /// not newer than the one held changes nothing; storage's change events arrive in order
    /// and are taken as they are (a restore brings older revisions back).
    pub fn put_app(&mut self, id: &str, app: Option<Application>, newer_only: bool) {
        let at = self.stored.apps.partition_point(|a| a.id.as_str() < id);
        let at = (self.stored.apps.get(at).is_some_and(|a| a.id == id)).then_some(at);
        if let (Some(i), Some(new), true) = (at, &app, newer_only) {
            if self.stored.apps[i].revision >= new.revision {
                return;
            }
        }
        // Applications sharing an id are planned and reported together: planned again whole.
        let shared = at.is_some_and(|i| self.stored.apps.get(i + 1).is_some_and(|a| a.id == id));
        self.plan.problems.retain(|p| p.app_id != id);
        self.data_revision += 1;
        match (at, app) {
            (Some(i), None) => {
                self.plan.actions.retain(|a| a.app_id != id);
                self.stored.apps.remove(i);
            }
            (_, Some(app)) => {
                let calendar = WorkCalendar::from_settings(&self.stored.settings.holidays);
                let (actions, problems) =
                    plan::plan_application(&app, &self.stored.settings, &calendar, self.today);
                let before = at.map(|i| {
                    let old = &self.stored.apps[i];
                    plan::plan_application(old, &self.stored.settings, &calendar, self.today).0
                });
                replace_actions(&mut self.plan.actions, id, before, actions);
                let to = self.plan.problems.partition_point(|p| p.app_id < app.id);
                for (k, p) in problems.into_iter().enumerate() {
                    self.plan.problems.insert(to + k, p);
                }
                match at {
                    Some(i) => self.stored.apps[i] = app,
                    None => {
                        let to = self.stored.apps.partition_point(|a| a.id < app.id);
                        self.stored.apps.insert(to, app);
                    }
                }
            }
            (None, None) => {}
        }
        if shared {
            self.plan = plan::plan(&self.stored.apps, &self.stored.settings, self.today);
        }
        if let super::View::App(open) = &self.view {
            if self.app(open).is_none() {
                self.view = super::View::Apps;
            }
        }
    }

    /// Takes in changes made elsewhere: applications are put in place one by one; anything
    /// else that the page shows (the settings, a restore, a migration) needs a full read,
    /// which the answer asks for (`true`).
    pub fn take_changes(&mut self, changes: Changes) -> bool {
        if !self.loaded {
            // Everything is being read anyway.
            return false;
        }
        if self.partial.is_some() {
            // The read under way may have started before this change: read again.
            return true;
        }
        let needs_read = changes.iter().any(|(key, _)| {
            !key.starts_with(APP_KEY_PREFIX) && store::is_state_key(key)
                || key == store::JOURNAL_KEY
        });
        // Each application is put in place on its own; many at once (an import, the sample
        // data, a sync) are read whole in one go.
        let apps = changes
            .iter()
            .filter(|(key, _)| key.starts_with(APP_KEY_PREFIX))
            .count();
        if needs_read || apps > MANY {
            return true;
        }
        for (key, value) in changes {
            let Some(id) = key.strip_prefix(APP_KEY_PREFIX) else {
                continue;
            };
            match value.map(|raw| store::decode_app(&key, &raw)) {
                None => self.put_app(id, None, false),
                Some(Ok(app)) => self.put_app(id, Some(app), false),
                // An unreadable record is reported by a full read.
                Some(Err(_)) => return true,
            }
        }
        false
    }
}

/// Replaces the actions of application `id` in `plan` (in [`action_order`]) with `actions`
/// (that application's, sorted by due date then key: the same order). `before` is what the
/// application's stored version planned to: each is found by halving and only the stretch of
/// the plan between the first and the last action touched is rebuilt, so the work follows
/// the application's actions, not the length of the plan (the same number of actions before
/// and after, as after "Mark sent", moves nothing else). Without `before`, or when the plan
/// does not hold exactly those actions, every action is looked at.
fn replace_actions(
    plan: &mut Vec<Action>,
    id: &str,
    before: Option<Vec<Action>>,
    actions: Vec<Action>,
) {
    let place = |plan: &[Action], a: &Action| plan.partition_point(|b| action_order(b, a).is_lt());
    let found = before.and_then(|before| {
        before
            .iter()
            .map(|a| {
                let at = place(plan, a);
                (plan.get(at) == Some(a)).then_some(at)
            })
            .collect::<Option<Vec<usize>>>()
    });
    let Some(old) = found else {
        plan.retain(|a| a.app_id != id);
        let mut at = 0;
        for a in actions {
            at += place(&plan[at..], &a);
            plan.insert(at, a);
            at += 1;
        }
        return;
    };
    let new_places: Vec<usize> = actions.iter().map(|a| place(plan, a)).collect();
    let (Some(lo), Some(mut hi)) = (
        old.iter().chain(&new_places).min().copied(),
        old.iter()
            .map(|p| p + 1)
            .chain(new_places.iter().copied())
            .max(),
    ) else {
        return;
    };
    // Every new action belongs between `lo` and `hi`: put them in the old ones' places (and
    // at `hi` for any more), take out old ones left over, and sort that stretch again.
    let placed = old.len().min(actions.len());
    let mut new = actions.into_iter();
    for (&at, a) in old.iter().zip(new.by_ref()) {
        plan[at] = a;
    }
    let more: Vec<Action> = new.collect();
    hi += more.len();
    plan.splice(hi - more.len()..hi - more.len(), more);
    let mut left = old[placed..].to_vec();
    sort::sort(&mut left);
    for at in left.into_iter().rev() {
        plan.remove(at);
        hi -= 1;
    }
    sort::sort_by(&mut plan[lo..hi], action_order);
}
