//! The one place that reads the clock: today's date in the user's local time zone.

use chrono::NaiveDate;

/// Today's local calendar date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}

/// The current instant as an ISO 8601 UTC timestamp, for snapshots and exports.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
