//! The timing table: for every reason an action can be due, what it counts from, how many
//! days it adds, in which unit, and when it becomes late. It is the only place in the planner
//! where a number of days appears, and it mirrors the "Timing" table of docs/rules.md row by
//! row (a test compares the two).
//!
//! The rule files decide *which* actions exist and which row each uses; this table decides
//! *when*. The explanation of an action ([`super::why`]) reads the same row.

use chrono::NaiveDate;

use super::super::calendar::{add_days, WorkCalendar};
use super::super::model::{ActionKind, Reason, ReasonCode};

/// Working days after the stated decision date: the `bufferDays` setting is clamped to this.
pub const BUFFER_RANGE: std::ops::RangeInclusive<u32> = 1..=3;
/// A decision date more than this many calendar days after the start of a chain is a long
/// timeline (exactly this many is not).
pub const LONG_TIMELINE_DAYS: i64 = 14;
/// A round with a time that ends after this minute of its day (17:00) is an evening
/// interview: its thank-you email is due on the next working day instead of the same day.
pub const EVENING_AFTER_MINUTE: u32 = 17 * 60;

/// The day a row counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Interview,
    /// The decision date given at the interview.
    DecisionDate,
    /// The decision date given in the employer's reply.
    ReplyDecisionDate,
    /// The interview for the first chain, the reply for later ones.
    ChainStart,
    Reply,
    /// The day the first follow-up (or check-in) was sent, or is due while it is not.
    FirstSent,
    SecondSent,
    ReferencesRequested,
    Rejection,
    News,
    Applied,
}

/// How many days a row adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Days(u32),
    /// The `bufferDays` setting, clamped to [`BUFFER_RANGE`].
    Buffer,
    /// The "remind me N days after applying" setting.
    Reminder,
}

/// What the days are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Calendar days, and the result stands even when it is not a working day.
    Calendar,
    /// Calendar days, then moved to the next working day when needed (rule 5).
    CalendarAdjusted,
    /// Working days: the result is always a working day.
    Working,
}

/// When an action becomes late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Late {
    Never,
    /// Working days after the (adjusted) due date.
    WorkingAfterDue(u32),
    /// Working days after the day counted from.
    WorkingAfterFrom(u32),
    /// Calendar days after the day counted from, never before the due date.
    CalendarAfterFrom(u32),
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub code: ReasonCode,
    /// The actions that use the row.
    pub kinds: &'static [ActionKind],
    pub from: From,
    pub count: Count,
    pub unit: Unit,
    pub late: Late,
}

use ActionKind as K;

/// One row per reason code, in the order of [`ReasonCode`].
pub const TIMINGS: [Timing; 14] = [
    Timing {
        code: ReasonCode::InterviewDay,
        kinds: &[K::ThankYouEmail],
        from: From::Interview,
        count: Count::Days(0),
        unit: Unit::Calendar,
        late: Late::WorkingAfterFrom(1),
    },
    Timing {
        code: ReasonCode::CardAfterInterview,
        kinds: &[K::ThankYouCard],
        from: From::Interview,
        count: Count::Days(2),
        unit: Unit::CalendarAdjusted,
        late: Late::CalendarAfterFrom(4),
    },
    Timing {
        code: ReasonCode::AfterDecisionDate,
        kinds: &[K::FirstFollowUp, K::SecondFollowUp],
        from: From::DecisionDate,
        count: Count::Buffer,
        unit: Unit::Working,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::NoDecisionDate,
        kinds: &[K::FirstFollowUp],
        from: From::Interview,
        count: Count::Days(5),
        unit: Unit::Working,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::LongTimeline,
        kinds: &[K::CheckIn],
        from: From::ChainStart,
        count: Count::Days(7),
        unit: Unit::CalendarAdjusted,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::AfterReplyDecisionDate,
        kinds: &[K::FirstFollowUp, K::SecondFollowUp],
        from: From::ReplyDecisionDate,
        count: Count::Buffer,
        unit: Unit::Working,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::AfterReply,
        kinds: &[K::FirstFollowUp],
        from: From::Reply,
        count: Count::Days(5),
        unit: Unit::Working,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::WeekAfterFirst,
        kinds: &[K::SecondFollowUp],
        from: From::FirstSent,
        count: Count::Days(7),
        unit: Unit::CalendarAdjusted,
        late: Late::WorkingAfterDue(2),
    },
    Timing {
        code: ReasonCode::NoReplyAfterSecond,
        kinds: &[K::MoveOn],
        from: From::SecondSent,
        count: Count::Days(7),
        unit: Unit::CalendarAdjusted,
        late: Late::Never,
    },
    Timing {
        code: ReasonCode::ReferencesRequested,
        kinds: &[K::AlertReference],
        from: From::ReferencesRequested,
        count: Count::Days(0),
        unit: Unit::CalendarAdjusted,
        late: Late::WorkingAfterDue(1),
    },
    Timing {
        code: ReasonCode::AfterRejectionFeedback,
        kinds: &[K::AskFeedback],
        from: From::Rejection,
        count: Count::Days(1),
        unit: Unit::Working,
        late: Late::WorkingAfterDue(3),
    },
    Timing {
        code: ReasonCode::AfterRejectionConnect,
        kinds: &[K::StayConnected],
        from: From::Rejection,
        count: Count::Days(2),
        unit: Unit::Working,
        late: Late::WorkingAfterDue(5),
    },
    Timing {
        code: ReasonCode::PositiveNews,
        kinds: &[K::Congratulate],
        from: From::News,
        count: Count::Days(0),
        unit: Unit::CalendarAdjusted,
        late: Late::WorkingAfterDue(3),
    },
    Timing {
        code: ReasonCode::AfterApplying,
        kinds: &[K::ApplicationReminder],
        from: From::Applied,
        count: Count::Reminder,
        unit: Unit::CalendarAdjusted,
        late: Late::Never,
    },
];

/// The row of `code`.
#[inline]
pub fn timing(code: ReasonCode) -> &'static Timing {
    &TIMINGS[code as usize]
}

/// The settings the table's [`Count::Buffer`] and [`Count::Reminder`] stand for.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub buffer: u32,
    pub reminder: u32,
}

/// A row applied to a day: when the action is due, and its [`Reason`]. The late-after date
/// is worked out only for the actions that are listed ([`Dated::late_after`]).
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    pub due: NaiveDate,
    pub reason: Reason,
}

impl Dated {
    /// The last day the action is on time, by its row of the table.
    #[inline]
    pub fn late_after(&self, calendar: &WorkCalendar) -> Option<NaiveDate> {
        timing(self.reason.code).late_after(self.reason.from, self.due, calendar)
    }
}

impl Timing {
    /// The number of days the row adds under `counts`.
    #[inline]
    pub fn days(&self, counts: Counts) -> u32 {
        match self.count {
            Count::Days(n) => n,
            Count::Buffer => counts.buffer,
            Count::Reminder => counts.reminder,
        }
    }

    /// Whether the days are working days.
    #[inline]
    pub fn working_days(&self) -> bool {
        self.unit == Unit::Working
    }

    /// The due date counted from `from`.
    #[inline(always)]
    pub fn due(&self, from: NaiveDate, days: u32, calendar: &WorkCalendar) -> NaiveDate {
        match self.unit {
            Unit::Calendar => add_days(from, days),
            Unit::CalendarAdjusted => calendar.on_or_next_working_day(add_days(from, days)),
            Unit::Working => calendar.add_working_days(from, days),
        }
    }

    /// The last day the action is on time, for an action due on `due`.
    #[inline]
    pub fn late_after(
        &self,
        from: NaiveDate,
        due: NaiveDate,
        calendar: &WorkCalendar,
    ) -> Option<NaiveDate> {
        match self.late {
            Late::Never => None,
            Late::WorkingAfterDue(n) => Some(calendar.add_working_days(due, n)),
            Late::WorkingAfterFrom(n) => Some(calendar.add_working_days(from, n)),
            Late::CalendarAfterFrom(n) => Some(add_days(from, n).max(due)),
        }
    }

    /// The row applied to `from`: due date and reason.
    #[inline(always)]
    pub fn apply(&self, from: NaiveDate, counts: Counts, calendar: &WorkCalendar) -> Dated {
        let days = self.days(counts);
        Dated {
            due: self.due(from, days, calendar),
            reason: Reason::new(self.code, from, days, self.working_days()),
        }
    }

    /// Whether an action of this row due on `due` was moved off a day that is not a working
    /// day (rule 5), as the explanation says.
    /// The thank-you email after an evening interview moves too, although its row keeps the
    /// day as is ([`thank_you_due`]).
    pub fn moved(&self, from: NaiveDate, days: u32, due: NaiveDate) -> bool {
        self.unit != Unit::Working && due > add_days(from, days)
    }
}

/// The day the thank-you email of a round is due: the interview day, or the next working day
/// when the round has a time and ends after [`EVENING_AFTER_MINUTE`]. Its late-after date
/// stays the interview + 1 wd, so after an evening interview it is due on that day alone.
pub fn thank_you_due(
    day: NaiveDate,
    end_minute: Option<u32>,
    calendar: &WorkCalendar,
) -> NaiveDate {
    match end_minute {
        Some(end) if end > EVENING_AFTER_MINUTE => calendar.add_working_days(day, 1),
        _ => day,
    }
}

/// Whether a decision date makes the chain starting on `start` a long timeline.
pub fn is_long_timeline(start: NaiveDate, decision: NaiveDate) -> bool {
    decision.signed_duration_since(start).num_days() > LONG_TIMELINE_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_reason_code_in_order() {
        for (i, row) in TIMINGS.iter().enumerate() {
            assert_eq!(row.code as usize, i, "{:?}", row.code);
            assert_eq!(timing(row.code), row);
            assert!(!row.kinds.is_empty());
        }
    }

    #[test]
    fn every_action_kind_has_a_row() {
        for kind in ActionKind::ALL {
            assert!(
                TIMINGS.iter().any(|t| t.kinds.contains(&kind)),
                "{kind:?} has no timing"
            );
        }
    }
}
