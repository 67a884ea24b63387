//! The follow-up rules of FOLLOWUP_RULES.md: `(applications, settings, today) -> actions`.
//!
//! This module owns every scheduling decision: which actions exist, for whom, when they are
//! due and late, where they stand today, and the English sentence explaining why. It reads
//! history (sent, skipped, snoozed, replies, status changes...) but never writes it; recording
//! what the user did is [`super::ops`].
//!
//! How the rules map to code:
//! - thank-you email and card: `AppRun::thank_yous`
//! - first follow-up, long-timeline check-in, second follow-up, move on, replies, the cap of two
//!   follow-ups per chain: `AppRun::rounds_and_chains` and `AppRun::chain`
//! - alert references, congratulate, application reminder, rejection actions: the methods named
//!   after them
//! - working days (rule 5): every computed due date goes through `Planner::working` or is
//!   counted in working days with `Planner::plus_wd`
//! - statuses and no-contact (rules 2 and 7): `Gate`
//! - actual versus projected dates (rule 6): `Anchor` and `AppRun::emit`
//!
//! An action that is no longer scheduled (a cancelled chain, an earlier round's follow-ups, a
//! closed application) is still listed when it was done or skipped, so history stays visible.
//! `docs/rules.md` states every rule as implemented, with the test that pins it.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{add_days, WorkCalendar};
use super::model::{
    Action, ActionKind, ActionState, Application, EventKind, Medium, Reason, ReasonCode, Round,
    Settings, Status,
};

/// Everything to do across all applications, plus what could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Sorted by due date, then application id, then key.
    pub actions: Vec<Action>,
    /// Sorted by application id, then message.
    pub problems: Vec<Problem>,
}

/// Input the planner had to leave out or guess around, worded for the user to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The application the problem is about.
    pub app_id: String,
    /// What was wrong, what the planner did about it, and what the user can change.
    pub message: String,
}

/// Working days after the stated decision date: the setting is clamped to 1..=3.
pub const BUFFER_RANGE: std::ops::RangeInclusive<u32> = 1..=3;
/// A decision date more than this many calendar days after the round is a long timeline.
pub const LONG_TIMELINE_DAYS: i64 = 14;
/// Working days after the round (or reply) when no decision date was given.
pub const NO_DECISION_WORKING_DAYS: u32 = 5;
/// Calendar days between follow-ups, and from the second follow-up to moving on.
pub const WEEK: u32 = 7;

/// Plans every application. The result does not depend on the order of `apps`.
pub fn plan(apps: &[Application], settings: &Settings, today: NaiveDate) -> Plan {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    let mut planner = Planner::new(settings, &calendar, today);
    let mut actions = Vec::with_capacity(apps.len() * 8);
    let mut problems = Vec::new();

    // Planning the applications in id order, each one's actions sorted by (due, key), leaves
    // only a stable sort by due date to do at the end, which compares days instead of ids.
    let mut order: Vec<&Application> = apps.iter().collect();
    order.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for app in &order {
        planner.plan_into(app, &mut problems);
        planner.drain_sorted_into(&mut actions);
    }
    if report_duplicate_ids(&order, &mut problems) {
        // Applications sharing an id were planned in input order; only the full order is
        // independent of it.
        actions.sort_unstable_by(action_order);
    } else {
        stable_sort_by_due(&mut actions);
    }
    problems.sort_unstable_by(|a, b| (&a.app_id, &a.message).cmp(&(&b.app_id, &b.message)));
    Plan { actions, problems }
}

/// Plans one application. Actions are sorted by due date, then key; problems come in the
/// order they were found.
pub fn plan_application(
    app: &Application,
    settings: &Settings,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> (Vec<Action>, Vec<Problem>) {
    let mut planner = Planner::new(settings, calendar, today);
    let mut problems = Vec::new();
    let mut actions = Vec::new();
    planner.plan_into(app, &mut problems);
    planner.drain_sorted_into(&mut actions);
    (actions, problems)
}

/// The number on the toolbar badge: due plus overdue actions.
pub fn badge_count(plan: &Plan) -> u32 {
    let n = plan
        .actions
        .iter()
        .filter(|a| a.state.is_actionable())
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The same number as `badge_count(&plan(apps, settings, today))`, without building the
/// list of actions: for refreshing the toolbar badge in the background.
pub fn count_actionable(apps: &[Application], settings: &Settings, today: NaiveDate) -> u32 {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    let mut planner = Planner::new(settings, &calendar, today);
    // Problems are not shown with the badge; they are reported when the list is planned.
    let mut problems = Vec::new();
    let mut n: u32 = 0;
    for app in apps {
        planner.plan_into(app, &mut problems);
        problems.clear();
        let due = planner
            .out
            .iter()
            .filter(|p| p.state.is_actionable())
            .count();
        n = n.saturating_add(u32::try_from(due).unwrap_or(u32::MAX));
        planner.out.clear();
        planner.keys.clear();
    }
    n
}

/// The order of [`Plan::actions`]: due date, application id, key, then every other field so
/// that two applications sharing an id still sort the same way whatever the input order.
pub fn action_order(a: &Action, b: &Action) -> Ordering {
    a.due
        .cmp(&b.due)
        .then_with(|| a.app_id.cmp(&b.app_id))
        .then_with(|| a.key.cmp(&b.key))
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| a.round_id.cmp(&b.round_id))
        .then_with(|| a.contact_id.cmp(&b.contact_id))
        .then_with(|| a.state.cmp(&b.state))
        .then_with(|| a.done_on.cmp(&b.done_on))
        .then_with(|| a.late_after.cmp(&b.late_after))
        .then_with(|| (a.medium as u8).cmp(&(b.medium as u8)))
        .then_with(|| (a.reason.code as u8).cmp(&(b.reason.code as u8)))
        .then_with(|| a.reason.from.cmp(&b.reason.from))
        .then_with(|| a.reason.days.cmp(&b.reason.days))
        .then_with(|| a.reason.working_days.cmp(&b.reason.working_days))
}

/// [`action_order`] within one application, whose keys live in `keys`. Keys are unique
/// within an application, so due date and key decide.
fn planned_order(a: &Planned<'_>, b: &Planned<'_>, keys: &str) -> Ordering {
    a.due.cmp(&b.due).then_with(|| a.key(keys).cmp(b.key(keys)))
}

/// Sorts by due date, keeping the order of actions due the same day: a counting sort on
/// the day when the days span a short range (the usual case), otherwise a sort of
/// (day, position) pairs; then each action is moved straight to its place.
fn stable_sort_by_due(actions: &mut [Action]) {
    let days: Vec<i32> = actions.iter().map(|a| a.due.num_days_from_ce()).collect();
    let (Some(min), Some(max)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    // target[i]: where the action now at i belongs.
    let mut target = vec![0usize; actions.len()];
    let span = usize::try_from(i64::from(*max) - i64::from(*min) + 1).unwrap_or(usize::MAX);
    if span > actions.len().saturating_mul(4).saturating_add(4096) {
        let mut pairs: Vec<(i32, usize)> = days.into_iter().zip(0..).collect();
        pairs.sort_unstable();
        for (position, (_, from)) in pairs.into_iter().enumerate() {
            target[from] = position;
        }
    } else {
        let slot = |day: i32| usize::try_from(day - min).unwrap_or(0);
        let mut next = vec![0usize; span + 1];
        for day in &days {
            next[slot(*day) + 1] += 1;
        }
        for i in 1..next.len() {
            next[i] += next[i - 1];
        }
        for (i, day) in days.iter().enumerate() {
            let at = &mut next[slot(*day)];
            target[i] = *at;
            *at += 1;
        }
    }
    for i in 0..actions.len() {
        while target[i] != i {
            let t = target[i];
            actions.swap(i, t);
            target.swap(i, t);
        }
    }
}

/// Reports ids used by more than one application (`sorted` is in id order); returns whether
/// there were any.
fn report_duplicate_ids(sorted: &[&Application], problems: &mut Vec<Problem>) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < sorted.len() {
        let id = sorted[i].id.as_str();
        let run = sorted[i..].iter().take_while(|a| a.id == id).count();
        if run > 1 {
            found = true;
            problems.push(Problem {
                app_id: id.to_string(),
                message: format!(
                    "{run} applications share the id '{id}'; their recorded actions may be \
                     mixed up. Give each application its own id."
                ),
            });
        }
        i += run;
    }
    found
}

/// Action keys: stable strings, unique within an application, that events use to refer to an
/// action. Ids inside a key have `%` and `/` escaped, so keys never collide.
///
/// | action | key |
/// |---|---|
/// | thank-you email | `thank-you-email/<round>/<contact>` |
/// | thank-you card | `thank-you-card/<round>/<contact>` |
/// | check-in or first follow-up | `first-follow-up/<round>/<chain>` |
/// | second follow-up | `second-follow-up/<round>/<chain>` |
/// | move on | `move-on/<round>/<chain>` |
/// | alert references | `alert-reference/<requested on>/<contact>` |
/// | ask for feedback | `ask-feedback` |
/// | stay connected | `stay-connected/<contact>` |
/// | congratulate | `congratulate/<news date>/<n-th news of that day>` |
/// | application reminder | `application-reminder` |
///
/// The chain is 0 from the interview and goes up by one with each reply. The check-in and
/// the first follow-up share a key because the check-in counts as the first follow-up: a
/// decision date changed after the check-in was sent keeps that history.
pub mod key {
    use chrono::{Datelike, NaiveDate};

    const FIRST_FOLLOW_UP: &str = "first-follow-up";
    const SECOND_FOLLOW_UP: &str = "second-follow-up";
    const MOVE_ON: &str = "move-on";
    /// The key of the application reminder (one per application).
    pub const APPLICATION_REMINDER: &str = "application-reminder";
    /// The key of the feedback request (one per application).
    pub const ASK_FEEDBACK: &str = "ask-feedback";

    const PREFIXES: [&str; 10] = [
        "thank-you-email",
        "thank-you-card",
        FIRST_FOLLOW_UP,
        SECOND_FOLLOW_UP,
        MOVE_ON,
        "alert-reference",
        ASK_FEEDBACK,
        "stay-connected",
        "congratulate",
        APPLICATION_REMINDER,
    ];

    fn push_id(out: &mut String, id: &str) {
        out.push('/');
        if !id.bytes().any(|b| b == b'/' || b == b'%') {
            out.push_str(id);
            return;
        }
        for ch in id.chars() {
            match ch {
                '%' => out.push_str("%25"),
                '/' => out.push_str("%2F"),
                c => out.push(c),
            }
        }
    }

    /// Decimal digits of `n`, without the formatting machinery (keys are built in bulk).
    fn push_digits(out: &mut String, mut n: u32, width: usize) {
        let mut digits = [b'0'; 10];
        let mut len = 0;
        while n > 0 || len < width.max(1) {
            digits[len] = b'0' + (n % 10) as u8;
            n /= 10;
            len += 1;
        }
        out.extend(digits[..len].iter().rev().map(|d| char::from(*d)));
    }

    /// `/YYYY-MM-DD`. The planner only keys dates in years 1 to 9999.
    fn push_date(out: &mut String, date: NaiveDate) {
        out.push('/');
        push_digits(out, u32::try_from(date.year()).unwrap_or(0), 4);
        out.push('-');
        push_digits(out, date.month(), 2);
        out.push('-');
        push_digits(out, date.day(), 2);
    }

    /// What an action's key is made of; written only when the key is needed.
    #[derive(Debug, Clone, Copy)]
    pub(super) enum Spec<'a> {
        ThankYou {
            card: bool,
            round: &'a str,
            contact: &'a str,
        },
        Chain {
            prefix: &'static str,
            round: &'a str,
            chain: u32,
        },
        Alert {
            requested: NaiveDate,
            contact: &'a str,
        },
        StayConnected {
            contact: &'a str,
        },
        Congratulate {
            on: NaiveDate,
            n: u32,
        },
        Fixed(&'static str),
    }

    impl Spec<'_> {
        pub(super) fn write(self, out: &mut String) {
            match self {
                Spec::ThankYou {
                    card,
                    round,
                    contact,
                } => {
                    out.push_str(if card {
                        "thank-you-card"
                    } else {
                        "thank-you-email"
                    });
                    push_id(out, round);
                    push_id(out, contact);
                }
                Spec::Chain {
                    prefix,
                    round,
                    chain,
                } => {
                    out.push_str(prefix);
                    push_id(out, round);
                    out.push('/');
                    push_digits(out, chain, 1);
                }
                Spec::Alert { requested, contact } => {
                    out.push_str("alert-reference");
                    push_date(out, requested);
                    push_id(out, contact);
                }
                Spec::StayConnected { contact } => {
                    out.push_str("stay-connected");
                    push_id(out, contact);
                }
                Spec::Congratulate { on, n } => {
                    out.push_str("congratulate");
                    push_date(out, on);
                    out.push('/');
                    push_digits(out, n, 1);
                }
                Spec::Fixed(key) => out.push_str(key),
            }
        }

        fn build(self) -> String {
            let mut s = String::new();
            self.write(&mut s);
            s
        }
    }

    pub(super) const PREFIX_FIRST: &str = FIRST_FOLLOW_UP;
    pub(super) const PREFIX_SECOND: &str = SECOND_FOLLOW_UP;
    pub(super) const PREFIX_MOVE_ON: &str = MOVE_ON;

    /// `thank-you-email/<round>/<contact>`.
    pub fn thank_you_email(round_id: &str, contact_id: &str) -> String {
        Spec::ThankYou {
            card: false,
            round: round_id,
            contact: contact_id,
        }
        .build()
    }

    /// `thank-you-card/<round>/<contact>`.
    pub fn thank_you_card(round_id: &str, contact_id: &str) -> String {
        Spec::ThankYou {
            card: true,
            round: round_id,
            contact: contact_id,
        }
        .build()
    }

    /// `first-follow-up/<round>/<chain>`: the first follow-up, or the check-in that counts as it.
    pub fn first_follow_up(round_id: &str, chain: u32) -> String {
        Spec::Chain {
            prefix: FIRST_FOLLOW_UP,
            round: round_id,
            chain,
        }
        .build()
    }

    /// `second-follow-up/<round>/<chain>`.
    pub fn second_follow_up(round_id: &str, chain: u32) -> String {
        Spec::Chain {
            prefix: SECOND_FOLLOW_UP,
            round: round_id,
            chain,
        }
        .build()
    }

    /// `move-on/<round>/<chain>`.
    pub fn move_on(round_id: &str, chain: u32) -> String {
        Spec::Chain {
            prefix: MOVE_ON,
            round: round_id,
            chain,
        }
        .build()
    }

    /// `alert-reference/<requested on>/<contact>`.
    pub fn alert_reference(requested_on: NaiveDate, contact_id: &str) -> String {
        Spec::Alert {
            requested: requested_on,
            contact: contact_id,
        }
        .build()
    }

    /// `stay-connected/<contact>`.
    pub fn stay_connected(contact_id: &str) -> String {
        Spec::StayConnected {
            contact: contact_id,
        }
        .build()
    }

    /// `congratulate/<news date>/<n>`, `n` counting the news recorded that day from 0.
    pub fn congratulate(news_on: NaiveDate, n: u32) -> String {
        Spec::Congratulate { on: news_on, n }.build()
    }

    /// Whether `key` is the key of a move-on action (completing it closes the application).
    pub fn is_move_on(key: &str) -> bool {
        key.strip_prefix(MOVE_ON)
            .is_some_and(|rest| rest.starts_with('/'))
    }

    /// Whether `key` has the shape of an action key (a known prefix, then `/` parts where
    /// the action needs them).
    pub fn is_well_formed(key: &str) -> bool {
        PREFIXES.iter().any(|p| match key.strip_prefix(p) {
            Some("") => *p == APPLICATION_REMINDER || *p == ASK_FEEDBACK,
            Some(rest) => rest.len() > 1 && rest.starts_with('/'),
            None => false,
        })
    }
}

/// A date the planner can count from: years 1 to 9999, the range ISO dates are written in.
/// Everything outside is reported and left out, which also keeps all arithmetic far from
/// the ends of the calendar.
fn usable(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// What the latest event about an action key says.
#[derive(Debug, Clone, Copy)]
enum Mark {
    Sent(NaiveDate),
    Skipped(NaiveDate),
    Snoozed(NaiveDate),
}

/// The day a later action counts from: when the earlier one was done, or (projected) the day
/// it is due.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    date: NaiveDate,
    resolved: bool,
}

/// One action the rules produce, before its state is known.
struct Candidate<'a> {
    key: key::Spec<'a>,
    kind: ActionKind,
    round_id: Option<&'a str>,
    contact_id: Option<&'a str>,
    due: NaiveDate,
    late: Option<NaiveDate>,
    reason: Reason,
    /// Still scheduled; otherwise listed only when done or skipped.
    live: bool,
    /// Counts from an earlier action that has not happened yet.
    projected: bool,
}

/// A planned action whose strings are borrowed from the application and whose key lives in
/// the planner's key buffer: nothing is allocated for it until it is turned into an
/// [`Action`], once, after its application's actions are sorted.
struct Planned<'a> {
    app: &'a Application,
    kind: ActionKind,
    round_id: Option<&'a str>,
    contact_id: Option<&'a str>,
    key: std::ops::Range<usize>,
    due: NaiveDate,
    late: Option<NaiveDate>,
    state: ActionState,
    done_on: Option<NaiveDate>,
    medium: Medium,
    reason: Reason,
}

impl Planned<'_> {
    fn key<'k>(&self, keys: &'k str) -> &'k str {
        keys.get(self.key.clone()).unwrap_or("")
    }

    fn to_action(&self, keys: &str) -> Action {
        Action {
            key: self.key(keys).to_owned(),
            app_id: self.app.id.clone(),
            kind: self.kind,
            round_id: self.round_id.map(str::to_owned),
            contact_id: self.contact_id.map(str::to_owned),
            due: self.due,
            late_after: self.late,
            state: self.state,
            done_on: self.done_on,
            medium: self.medium,
            reason: self.reason.clone(),
        }
    }
}

fn reason(code: ReasonCode, from: NaiveDate, days: u32, working_days: bool) -> Reason {
    Reason {
        code,
        from,
        days,
        working_days,
    }
}

/// What an application's status and no-contact flag let the planner schedule (rules 2 and 7).
#[derive(Debug, Clone, Copy)]
struct Gate {
    /// Thank-yous, follow-ups, congratulations: anything that writes to the employer.
    contact: bool,
    /// Alerting the user's own references (not the employer, so no-contact does not stop it).
    references: bool,
    /// Feedback and stay-connected after a rejection.
    rejection: bool,
    /// The reminder after an online application.
    reminder: bool,
}

impl Gate {
    fn new(app: &Application) -> Gate {
        let open = matches!(
            app.status,
            Status::Applied | Status::Interviewing | Status::References
        );
        let reachable = !app.no_contact;
        Gate {
            contact: open && reachable,
            references: open,
            rejection: app.status == Status::Rejected && reachable,
            reminder: app.status == Status::Applied && reachable,
        }
    }
}

/// The settings-derived rules plus scratch space reused from one application to the next.
struct Planner<'a, 'c> {
    calendar: &'c WorkCalendar,
    today: NaiveDate,
    buffer: u32,
    card: bool,
    remind_after: Option<u32>,
    default_medium: Medium,
    /// The keys of the listed actions of the application being planned, one after the other.
    keys: String,
    out: Vec<Planned<'a>>,
    marks: Vec<(&'a str, Mark)>,
    rounds: Vec<(usize, &'a Round)>,
    replies: Vec<(NaiveDate, Option<NaiveDate>)>,
    requests: Vec<NaiveDate>,
    news: Vec<NaiveDate>,
    people: Vec<&'a str>,
}

impl<'a, 'c> Planner<'a, 'c> {
    fn new(settings: &Settings, calendar: &'c WorkCalendar, today: NaiveDate) -> Self {
        Planner {
            calendar,
            today,
            buffer: settings
                .buffer_days
                .clamp(*BUFFER_RANGE.start(), *BUFFER_RANGE.end()),
            card: settings.thank_you_card,
            remind_after: settings.remind_after_applying,
            default_medium: settings.default_medium,
            keys: String::new(),
            out: Vec::new(),
            marks: Vec::new(),
            rounds: Vec::new(),
            replies: Vec::new(),
            requests: Vec::new(),
            news: Vec::new(),
            people: Vec::new(),
        }
    }

    /// Rule 5: `date` when it is a working day, otherwise the next one.
    fn working(&self, date: NaiveDate) -> NaiveDate {
        self.calendar.on_or_next_working_day(date)
    }

    fn plus_wd(&self, date: NaiveDate, n: u32) -> NaiveDate {
        self.calendar.add_working_days(date, n)
    }

    /// Where an action that is neither done nor skipped stands today.
    fn timed_state(
        &self,
        due: NaiveDate,
        late: Option<NaiveDate>,
        projected: bool,
        snoozed: bool,
    ) -> ActionState {
        if projected {
            ActionState::Projected
        } else if self.today < due {
            if snoozed {
                ActionState::Snoozed
            } else {
                ActionState::Upcoming
            }
        } else if late.is_some_and(|l| self.today > l) {
            ActionState::Overdue
        } else {
            ActionState::Due
        }
    }

    /// Moves the planned actions of the application just planned into `actions`, sorted by
    /// due date then key, and empties the buffers for the next application.
    fn drain_sorted_into(&mut self, actions: &mut Vec<Action>) {
        let keys = self.keys.as_str();
        self.out.sort_unstable_by(|a, b| planned_order(a, b, keys));
        actions.extend(self.out.drain(..).map(|p| p.to_action(keys)));
        self.keys.clear();
    }

    fn plan_into(&mut self, app: &'a Application, problems: &mut Vec<Problem>) {
        let mut run = AppRun {
            gate: Gate::new(app),
            medium: app.medium_or(self.default_medium),
            p: self,
            app,
            problems,
        };
        run.run();
    }
}

/// Planning one application.
struct AppRun<'p, 'a, 'c> {
    p: &'p mut Planner<'a, 'c>,
    app: &'a Application,
    gate: Gate,
    medium: Medium,
    problems: &'p mut Vec<Problem>,
}

impl<'a> AppRun<'_, 'a, '_> {
    fn run(&mut self) {
        self.check_status();
        self.index_history();
        self.collect_rounds();
        self.thank_yous();
        self.rounds_and_chains();
        self.alert_references();
        self.congratulate();
        self.application_reminder();
        self.after_rejection();
    }

    fn problem(&mut self, message: String) {
        self.problems.push(Problem {
            app_id: self.app.id.clone(),
            message,
        });
    }

    /// Works out the state of a candidate, lists it when it is still scheduled or was done
    /// or skipped, and returns what later actions count from.
    fn emit(&mut self, c: Candidate<'a>) -> Anchor {
        let p = &mut *self.p;
        if !c.live && p.marks.is_empty() {
            // Nothing recorded and no longer scheduled: only its date matters, to later actions.
            return Anchor {
                date: c.due,
                resolved: false,
            };
        }
        let start = p.keys.len();
        c.key.write(&mut p.keys);
        let span = start..p.keys.len();
        let key = p.keys.get(span.clone()).unwrap_or("");
        let mark = p
            .marks
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| *m);
        let mut due = c.due;
        let mut late = c.late;
        let (state, done_on) = match mark {
            Some(Mark::Sent(on)) => (ActionState::Done, Some(on)),
            Some(Mark::Skipped(on)) => (ActionState::Skipped, Some(on)),
            Some(Mark::Snoozed(until)) => {
                // The late-after day moves with the due day so the grace period is kept.
                late = late.and_then(|l| l.checked_add_signed(until.signed_duration_since(due)));
                due = until;
                (p.timed_state(due, late, c.projected, true), None)
            }
            None => (p.timed_state(due, late, c.projected, false), None),
        };
        if c.live || done_on.is_some() {
            p.out.push(Planned {
                app: self.app,
                kind: c.kind,
                round_id: c.round_id,
                contact_id: c.contact_id,
                key: span,
                due,
                late,
                state,
                done_on,
                medium: self.medium,
                reason: c.reason,
            });
        } else {
            p.keys.truncate(start);
        }
        Anchor {
            date: done_on.unwrap_or(due),
            resolved: done_on.is_some(),
        }
    }

    fn check_status(&mut self) {
        if let Status::Other(s) = &self.app.status {
            let known: Vec<&str> = Status::ALL.iter().map(Status::as_str).collect();
            self.problem(format!(
                "The status '{s}' is not one the planner knows, so nothing new was scheduled. \
                 Choose one of: {}.",
                known.join(", ")
            ));
        }
    }

    /// Reads the history once: what happened to each action key, replies, reference requests
    /// and good news. Events with unusable dates are reported and ignored.
    fn index_history(&mut self) {
        let p = &mut *self.p;
        p.marks.clear();
        p.replies.clear();
        p.requests.clear();
        p.news.clear();
        let mut bad = Vec::new();
        for event in &self.app.history {
            if !usable(event.date) {
                bad.push(event.date);
                continue;
            }
            match &event.kind {
                EventKind::Sent { action } => p.marks.push((action, Mark::Sent(event.date))),
                EventKind::Skipped { action } => p.marks.push((action, Mark::Skipped(event.date))),
                EventKind::Snoozed { action, until } => {
                    if usable(*until) {
                        p.marks.push((action, Mark::Snoozed(*until)));
                    } else {
                        bad.push(*until);
                    }
                }
                EventKind::Reply { decision_date } => {
                    let decision = decision_date.filter(|d| usable(*d));
                    if decision_date.is_some() && decision.is_none() {
                        bad.extend(*decision_date);
                    }
                    p.replies.push((event.date, decision));
                }
                EventKind::ReferencesRequested => p.requests.push(event.date),
                EventKind::PositiveNews { .. } => p.news.push(event.date),
                EventKind::Status { .. } => {}
            }
        }
        // Stable: replies on one day keep the order they were recorded in.
        p.replies.sort_by_key(|r| r.0);
        for date in bad {
            self.problem(format!(
                "The history has a date ({date}) outside the years 1 to 9999; that entry was ignored."
            ));
        }
    }

    /// Keeps the rounds that can be placed, sorted by date (ties: recorded order).
    fn collect_rounds(&mut self) {
        self.p.rounds.clear();
        let applied = self.app.applied_on.filter(|d| usable(*d));
        if let Some(d) = self.app.applied_on.filter(|d| !usable(*d)) {
            self.problem(format!(
                "The application date {d} is outside the years 1 to 9999; it was ignored."
            ));
        }
        for (i, round) in self.app.rounds.iter().enumerate() {
            if !usable(round.date) {
                self.problem(format!(
                    "The round '{}' has no usable date ({}); it was left out. Set its date.",
                    round.id, round.date
                ));
                continue;
            }
            if let Some(applied) = applied.filter(|a| round.date < *a) {
                self.problem(format!(
                    "Round on {} is before the application date {applied}; it was left out. \
                     Check both dates.",
                    round.date
                ));
                continue;
            }
            if self.p.rounds.iter().any(|(_, r)| r.id == round.id) {
                self.problem(format!(
                    "Two rounds share the id '{}'; the one on {} was left out.",
                    round.id, round.date
                ));
                continue;
            }
            self.p.rounds.push((i, round));
        }
        self.p.rounds.sort_unstable_by_key(|(i, r)| (r.date, *i));
    }

    /// Thank-you email (due the round day, late after round + 1 wd) and, when the setting is
    /// on, a card (round + 2 d on a working day, late after round + 4 d), per interviewer of
    /// every round.
    fn thank_yous(&mut self) {
        let live = self.gate.contact;
        for r in 0..self.p.rounds.len() {
            let round = self.p.rounds[r].1;
            self.p.people.clear();
            for interviewer in &round.interviewers {
                let id = interviewer.contact_id.as_str();
                let Some(contact) = self.app.contact(id) else {
                    self.problem(format!(
                        "The interview on {} lists a contact ('{id}') that is not among this \
                         application's contacts; no thank-you was planned for them. Add the \
                         contact or remove them from the round.",
                        round.date
                    ));
                    continue;
                };
                if self.p.people.contains(&id) {
                    let name = if contact.name.is_empty() {
                        id
                    } else {
                        &contact.name
                    };
                    self.problem(format!(
                        "The interview on {} lists {name} twice; one thank-you was planned.",
                        round.date
                    ));
                    continue;
                }
                self.p.people.push(id);

                let late = self.p.plus_wd(round.date, 1);
                self.emit(Candidate {
                    key: key::Spec::ThankYou {
                        card: false,
                        round: &round.id,
                        contact: id,
                    },
                    kind: ActionKind::ThankYouEmail,
                    round_id: Some(&round.id),
                    contact_id: Some(id),
                    due: round.date,
                    late: Some(late),
                    reason: reason(ReasonCode::InterviewDay, round.date, 0, false),
                    live,
                    projected: false,
                });

                if self.p.card {
                    let due = self.p.working(add_days(round.date, 2));
                    let late = add_days(round.date, 4).max(due);
                    self.emit(Candidate {
                        key: key::Spec::ThankYou {
                            card: true,
                            round: &round.id,
                            contact: id,
                        },
                        kind: ActionKind::ThankYouCard,
                        round_id: Some(&round.id),
                        contact_id: Some(id),
                        due,
                        late: Some(late),
                        reason: reason(ReasonCode::CardAfterInterview, round.date, 2, false),
                        live,
                        projected: false,
                    });
                }
            }
        }
    }

    /// Splits the replies between rounds (a reply belongs to the latest round on or before
    /// it) and plans one chain from each round and one from each of its replies. Only the
    /// last chain of the latest round is still scheduled (rule 3); the others are listed
    /// only for what was done or skipped.
    fn rounds_and_chains(&mut self) {
        let count = self.p.rounds.len();
        for r in 0..count {
            let round = self.p.rounds[r].1;
            let latest = r + 1 == count;
            let until = if latest {
                None
            } else {
                Some(self.p.rounds[r + 1].1.date)
            };
            let contact = self.app.follow_up_contact(round).map(|c| c.id.as_str());

            let decision = match self.app.decision_date {
                Some(d) if usable(d) && d >= round.date => Some(d),
                Some(d) => {
                    if latest {
                        self.problem(if usable(d) {
                            format!(
                                "The decision date {d} is before the interview on {}; it was \
                                 ignored. Update the decision date.",
                                round.date
                            )
                        } else {
                            format!(
                                "The decision date {d} is outside the years 1 to 9999; it was \
                                 ignored."
                            )
                        });
                    }
                    None
                }
                None => None,
            };

            let first = self.p.replies.partition_point(|(d, _)| *d < round.date);
            let last = until.map_or(self.p.replies.len(), |u| {
                self.p.replies.partition_point(|(d, _)| *d < u)
            });
            let replies = last.saturating_sub(first);
            let live = latest && self.gate.contact;

            if live && contact.is_none() {
                self.problem(format!(
                    "There is no one to send follow-ups to for the interview on {}: mark a \
                     hiring manager or add the interviewers.",
                    round.date
                ));
            }

            self.chain(ChainStart {
                round,
                chain: 0,
                start: round.date,
                decision,
                after_reply: false,
                contact,
                live: live && replies == 0,
            });
            for n in 0..replies {
                let (start, decision) = self.p.replies[first + n];
                let decision = match decision {
                    Some(d) if d < start => {
                        if live {
                            self.problem(format!(
                                "The reply on {start} gives a decision date ({d}) before it; \
                                 that date was ignored."
                            ));
                        }
                        None
                    }
                    d => d,
                };
                self.chain(ChainStart {
                    round,
                    chain: u32::try_from(n + 1).unwrap_or(u32::MAX),
                    start,
                    decision,
                    after_reply: true,
                    contact,
                    live: live && n + 1 == replies,
                });
            }
        }
    }

    /// One chain: at most two follow-ups, then move on (rule 1).
    ///
    /// Normal timeline: first follow-up on decision + buffer wd (or start + 5 wd), second a
    /// week after the first was sent. Long timeline (decision more than 14 d after the start):
    /// a check-in a week after the start counts as the first, and the decision-date follow-up
    /// becomes the second, never less than a week after the check-in.
    fn chain(&mut self, s: ChainStart<'a>) {
        let p = &*self.p;
        let buffer = p.buffer;
        let long = s
            .decision
            .is_some_and(|d| d.signed_duration_since(s.start).num_days() > LONG_TIMELINE_DAYS);
        let decision_code = if s.after_reply {
            ReasonCode::AfterReplyDecisionDate
        } else {
            ReasonCode::AfterDecisionDate
        };
        let (kind, due, why) = match s.decision {
            Some(_) if long => (
                ActionKind::CheckIn,
                p.working(add_days(s.start, WEEK)),
                reason(ReasonCode::LongTimeline, s.start, WEEK, false),
            ),
            Some(d) => (
                ActionKind::FirstFollowUp,
                p.plus_wd(d, buffer),
                reason(decision_code, d, buffer, true),
            ),
            None => (
                ActionKind::FirstFollowUp,
                p.plus_wd(s.start, NO_DECISION_WORKING_DAYS),
                reason(
                    if s.after_reply {
                        ReasonCode::AfterReply
                    } else {
                        ReasonCode::NoDecisionDate
                    },
                    s.start,
                    NO_DECISION_WORKING_DAYS,
                    true,
                ),
            ),
        };
        let late = p.plus_wd(due, 2);
        let first = self.emit(Candidate {
            key: key::Spec::Chain {
                prefix: key::PREFIX_FIRST,
                round: &s.round.id,
                chain: s.chain,
            },
            kind,
            round_id: Some(&s.round.id),
            contact_id: s.contact,
            due,
            late: Some(late),
            reason: why,
            live: s.live,
            projected: false,
        });

        let p = &*self.p;
        let week_after = p.working(add_days(first.date, WEEK));
        let week_reason = reason(ReasonCode::WeekAfterFirst, first.date, WEEK, false);
        let (due, why) = match s.decision {
            Some(d) if long => {
                let by_decision = p.plus_wd(d, buffer);
                if by_decision >= week_after {
                    (by_decision, reason(decision_code, d, buffer, true))
                } else {
                    (week_after, week_reason)
                }
            }
            _ => (week_after, week_reason),
        };
        let late = p.plus_wd(due, 2);
        let second = self.emit(Candidate {
            key: key::Spec::Chain {
                prefix: key::PREFIX_SECOND,
                round: &s.round.id,
                chain: s.chain,
            },
            kind: ActionKind::SecondFollowUp,
            round_id: Some(&s.round.id),
            contact_id: s.contact,
            due,
            late: Some(late),
            reason: why,
            live: s.live,
            projected: !first.resolved,
        });

        let due = self.p.working(add_days(second.date, WEEK));
        self.emit(Candidate {
            key: key::Spec::Chain {
                prefix: key::PREFIX_MOVE_ON,
                round: &s.round.id,
                chain: s.chain,
            },
            kind: ActionKind::MoveOn,
            round_id: Some(&s.round.id),
            contact_id: None,
            due,
            late: None,
            reason: reason(ReasonCode::NoReplyAfterSecond, second.date, WEEK, false),
            live: s.live,
            projected: !second.resolved,
        });
    }

    /// Each reference is alerted on the day the employer asks (working day), late after
    /// + 1 wd. Only the latest request is scheduled.
    fn alert_references(&mut self) {
        if self.p.requests.is_empty() {
            return;
        }
        self.p.requests.sort_unstable();
        self.p.requests.dedup();
        let count = self.p.requests.len();
        for r in 0..count {
            let requested = self.p.requests[r];
            let live = self.gate.references && r + 1 == count;
            let due = self.p.working(requested);
            let late = self.p.plus_wd(due, 1);
            self.p.people.clear();
            for contact in self.app.contacts.iter().filter(|c| c.reference) {
                if self.p.people.contains(&contact.id.as_str()) {
                    continue;
                }
                self.p.people.push(&contact.id);
                self.emit(Candidate {
                    key: key::Spec::Alert {
                        requested,
                        contact: &contact.id,
                    },
                    kind: ActionKind::AlertReference,
                    round_id: None,
                    contact_id: Some(&contact.id),
                    due,
                    late: Some(late),
                    reason: reason(ReasonCode::ReferencesRequested, requested, 0, false),
                    live,
                    projected: false,
                });
            }
        }
    }

    /// Who hears from the user outside the follow-up chain: the hiring manager, otherwise
    /// the follow-up contact of the latest round.
    fn manager(&self) -> Option<&'a str> {
        let app = self.app;
        app.contacts
            .iter()
            .find(|c| c.hiring_manager)
            .or_else(|| {
                self.p
                    .rounds
                    .last()
                    .and_then(|(_, r)| app.follow_up_contact(r))
            })
            .map(|c| c.id.as_str())
    }

    /// A note to the hiring manager per piece of good news, on the day it was recorded
    /// (working day), late after + 3 wd.
    fn congratulate(&mut self) {
        if self.p.news.is_empty() {
            return;
        }
        let contact = self.manager();
        let live = self.gate.contact;
        for i in 0..self.p.news.len() {
            let on = self.p.news[i];
            // Numbered within a day in recorded order, so a key never changes once given.
            let n = self.p.news[..i].iter().filter(|d| **d == on).count();
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            let due = self.p.working(on);
            let late = self.p.plus_wd(due, 3);
            self.emit(Candidate {
                key: key::Spec::Congratulate { on, n },
                kind: ActionKind::Congratulate,
                round_id: None,
                contact_id: contact,
                due,
                late: Some(late),
                reason: reason(ReasonCode::PositiveNews, on, 0, false),
                live,
                projected: false,
            });
        }
    }

    /// Rule 4: no interview, no follow-up, unless the user asked to be reminded N days after
    /// applying (status applied only; the reminder is a note to the user, never late).
    fn application_reminder(&mut self) {
        let Some(days) = self.p.remind_after else {
            return;
        };
        let live = self.gate.reminder && self.p.rounds.is_empty();
        let Some(applied) = self.app.applied_on.filter(|d| usable(*d)) else {
            if live {
                self.problem(
                    "Set the date you applied so that the reminder after applying can be planned."
                        .to_string(),
                );
            }
            return;
        };
        let Some(target) = applied
            .checked_add_days(chrono::Days::new(days.into()))
            .filter(|d| usable(*d))
        else {
            if live {
                self.problem(format!(
                    "A reminder {days} days after applying falls past the year 9999; choose a \
                     smaller number of days."
                ));
            }
            return;
        };
        let due = self.p.working(target);
        self.emit(Candidate {
            key: key::Spec::Fixed(key::APPLICATION_REMINDER),
            kind: ActionKind::ApplicationReminder,
            round_id: None,
            contact_id: None,
            due,
            late: None,
            reason: reason(ReasonCode::AfterApplying, applied, days, false),
            live,
            projected: false,
        });
    }

    /// Rule 7 for rejected applications: ask the hiring manager for feedback (rejection + 1 wd,
    /// late after + 3 wd) and stay connected with each interviewer met (+ 2 wd, late after
    /// + 5 wd). The rejection date is the latest status change to rejected.
    fn after_rejection(&mut self) {
        let recorded = self
            .app
            .history
            .iter()
            .rev()
            .find(|e| {
                usable(e.date)
                    && matches!(
                        &e.kind,
                        EventKind::Status {
                            to: Status::Rejected,
                            ..
                        }
                    )
            })
            .map(|e| e.date);
        let live = self.gate.rejection;
        let rejected = match recorded {
            Some(d) => d,
            None if live && usable(self.p.today) => {
                self.problem(
                    "The application is marked rejected but the history has no rejection date; \
                     feedback and stay-connected dates count from today until you record it."
                        .to_string(),
                );
                self.p.today
            }
            None => return,
        };

        if let Some(manager) = self.manager() {
            let due = self.p.plus_wd(rejected, 1);
            let late = self.p.plus_wd(due, 3);
            self.emit(Candidate {
                key: key::Spec::Fixed(key::ASK_FEEDBACK),
                kind: ActionKind::AskFeedback,
                round_id: None,
                contact_id: Some(manager),
                due,
                late: Some(late),
                reason: reason(ReasonCode::AfterRejectionFeedback, rejected, 1, true),
                live,
                projected: false,
            });
        }

        let due = self.p.plus_wd(rejected, 2);
        let late = self.p.plus_wd(due, 5);
        self.p.people.clear();
        for r in 0..self.p.rounds.len() {
            let round = self.p.rounds[r].1;
            for interviewer in &round.interviewers {
                let id = interviewer.contact_id.as_str();
                if self.p.people.contains(&id) || self.app.contact(id).is_none() {
                    continue;
                }
                self.p.people.push(id);
                self.emit(Candidate {
                    key: key::Spec::StayConnected { contact: id },
                    kind: ActionKind::StayConnected,
                    round_id: None,
                    contact_id: Some(id),
                    due,
                    late: Some(late),
                    reason: reason(ReasonCode::AfterRejectionConnect, rejected, 2, true),
                    live,
                    projected: false,
                });
            }
        }
    }
}

/// Where a follow-up chain starts: the interview, or a reply.
struct ChainStart<'a> {
    round: &'a Round,
    chain: u32,
    start: NaiveDate,
    decision: Option<NaiveDate>,
    after_reply: bool,
    contact: Option<&'a str>,
    live: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as "3 Mar 2026" (English; the interface formats dates in the user's locale).
pub fn human_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

fn count(n: u32, working: bool) -> String {
    match (n, working) {
        (1, true) => "1 working day".to_string(),
        (n, true) => format!("{n} working days"),
        (1, false) => "1 day".to_string(),
        (n, false) => format!("{n} days"),
    }
}

/// Which sentence explains an action: its reason code, refined where the same rule reads
/// differently (projected or not, counted from the interview or from a reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhyCase {
    InterviewDay,
    CardAfterInterview,
    AfterDecisionDate,
    NoDecisionDate,
    LongTimelineAfterInterview,
    LongTimelineAfterReply,
    AfterReplyDecisionDate,
    AfterReply,
    WeekAfterFirst,
    WeekAfterFirstProjected,
    NoReplyAfterSecond,
    NoReplyAfterSecondProjected,
    ReferencesRequested,
    AfterRejection,
    PositiveNews,
    AfterApplying,
}

/// What follows the sentence: the action was snoozed, or moved off a day that is not a
/// working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyNote {
    SnoozedTo(NaiveDate),
    MovedTo(NaiveDate),
}

/// Why `action` is due when it is, as data: the interface words it in the user's language,
/// [`explain`] in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Why {
    pub case: WhyCase,
    /// The day the rule counts from, and what it adds.
    pub from: NaiveDate,
    pub days: u32,
    pub working_days: bool,
    pub note: Option<WhyNote>,
}

/// The explanation of `action`, an action of `app`.
pub fn why(action: &Action, app: &Application) -> Why {
    let r = &action.reason;
    let projected = action.state == ActionState::Projected;
    let case = match r.code {
        ReasonCode::InterviewDay => WhyCase::InterviewDay,
        ReasonCode::CardAfterInterview => WhyCase::CardAfterInterview,
        ReasonCode::AfterDecisionDate => WhyCase::AfterDecisionDate,
        ReasonCode::NoDecisionDate => WhyCase::NoDecisionDate,
        ReasonCode::LongTimeline if is_round_date(action, app) => {
            WhyCase::LongTimelineAfterInterview
        }
        ReasonCode::LongTimeline => WhyCase::LongTimelineAfterReply,
        ReasonCode::AfterReplyDecisionDate => WhyCase::AfterReplyDecisionDate,
        ReasonCode::AfterReply => WhyCase::AfterReply,
        ReasonCode::WeekAfterFirst if projected => WhyCase::WeekAfterFirstProjected,
        ReasonCode::WeekAfterFirst => WhyCase::WeekAfterFirst,
        ReasonCode::NoReplyAfterSecond if projected => WhyCase::NoReplyAfterSecondProjected,
        ReasonCode::NoReplyAfterSecond => WhyCase::NoReplyAfterSecond,
        ReasonCode::ReferencesRequested => WhyCase::ReferencesRequested,
        ReasonCode::AfterRejectionFeedback | ReasonCode::AfterRejectionConnect => {
            WhyCase::AfterRejection
        }
        ReasonCode::PositiveNews => WhyCase::PositiveNews,
        ReasonCode::AfterApplying => WhyCase::AfterApplying,
    };
    let snoozed = app.history.iter().rev().find_map(|e| match &e.kind {
        EventKind::Sent { action: k } | EventKind::Skipped { action: k } if *k == action.key => {
            Some(None)
        }
        EventKind::Snoozed { action: k, until } if *k == action.key => Some(Some(*until)),
        _ => None,
    });
    let note = match snoozed {
        Some(Some(until)) => Some(WhyNote::SnoozedTo(until)),
        _ if !r.working_days
            && r.code != ReasonCode::InterviewDay
            && action.due > add_days(r.from, r.days) =>
        {
            Some(WhyNote::MovedTo(action.due))
        }
        _ => None,
    };
    Why {
        case,
        from: r.from,
        days: r.days,
        working_days: r.working_days,
        note,
    }
}

/// Why `action` is due when it is, in English: used in calendar files and wherever the
/// interface has no translation for the reason code.
pub fn explain(action: &Action, app: &Application) -> String {
    let w = why(action, app);
    let from = human_date(w.from);
    let span = count(w.days, w.working_days);
    let mut text = match w.case {
        WhyCase::InterviewDay => format!("On the day of your interview, {from}."),
        WhyCase::CardAfterInterview => {
            format!("{span} after your interview on {from}, so the card arrives after your email.")
        }
        WhyCase::AfterDecisionDate => {
            format!("{span} after {from}, the date by which they said they would decide.")
        }
        WhyCase::NoDecisionDate => {
            format!("{span} after your interview on {from}; no decision date was given.")
        }
        WhyCase::LongTimelineAfterInterview | WhyCase::LongTimelineAfterReply => {
            let what = if w.case == WhyCase::LongTimelineAfterInterview {
                "your interview"
            } else {
                "their reply"
            };
            format!(
                "{span} after {what} on {from}: their decision is more than two weeks away, so \
                 a short check-in counts as your first follow-up."
            )
        }
        WhyCase::AfterReplyDecisionDate => {
            format!("{span} after {from}, the decision date they gave when they replied.")
        }
        WhyCase::AfterReply => {
            format!("{span} after their reply on {from}; they gave no new date.")
        }
        WhyCase::WeekAfterFirstProjected => format!(
            "{span} after your first follow-up, planned for {from}; this date moves when you \
             mark it sent."
        ),
        WhyCase::WeekAfterFirst => {
            format!("{span} after your first follow-up, sent on {from}.")
        }
        WhyCase::NoReplyAfterSecondProjected => format!(
            "{span} after your second follow-up, planned for {from}, if no reply comes: then \
             put your energy into other openings."
        ),
        WhyCase::NoReplyAfterSecond => format!(
            "{span} after your second follow-up on {from} with no reply: time to put your \
             energy into other openings."
        ),
        WhyCase::ReferencesRequested => {
            format!("They asked for references on {from}. A good sign, but not an offer yet.")
        }
        WhyCase::AfterRejection => format!("{span} after the rejection on {from}."),
        WhyCase::PositiveNews => {
            let company = if app.company.is_empty() {
                "the company"
            } else {
                app.company.as_str()
            };
            format!("You noted good news about {company} on {from}.")
        }
        WhyCase::AfterApplying => {
            format!("{span} after you applied on {from}, with no interview yet.")
        }
    };
    match w.note {
        Some(WhyNote::SnoozedTo(until)) => {
            text.push_str(&format!(" Snoozed to {}.", human_date(until)))
        }
        Some(WhyNote::MovedTo(day)) => text.push_str(&format!(
            " Moved to {}, the next working day.",
            human_date(day)
        )),
        None => {}
    }
    text
}

fn is_round_date(action: &Action, app: &Application) -> bool {
    action
        .round_id
        .as_deref()
        .and_then(|id| app.round(id))
        .is_some_and(|round| round.date == action.reason.from)
}
