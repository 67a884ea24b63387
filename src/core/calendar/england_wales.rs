//! Bank holidays of England and Wales, and the date of Easter they depend on.
//!
//! The regular pattern (in force since 1978): New Year's Day, Good Friday, Easter Monday, the
//! first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day.
//! A holiday falling on a weekend gets a substitute weekday: the next Monday, or the Tuesday
//! when Christmas Day or Boxing Day already takes that Monday. One-off changes proclaimed for
//! national events are kept as data in [`ONE_OFFS`]. Earlier years are computed with the
//! same pattern.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::HolidayCalendar;

/// The bank holidays of England and Wales, including substitute days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EnglandWales;

/// Year, month, day.
type Ymd = (i32, u32, u32);

/// A bank holiday proclaimed for one year only.
struct OneOff {
    date: Ymd,
    name: &'static str,
    /// The regular bank holiday it replaces, which then is a working day.
    replaces: Option<Ymd>,
}

/// Proclaimed changes to the regular pattern.
const ONE_OFFS: [OneOff; 12] = [
    OneOff {
        date: (1995, 5, 8),
        name: "Early May bank holiday (VE day)",
        replaces: Some((1995, 5, 1)),
    },
    OneOff {
        date: (1999, 12, 31),
        name: "Millennium celebrations",
        replaces: None,
    },
    OneOff {
        date: (2002, 6, 3),
        name: "Golden Jubilee bank holiday",
        replaces: None,
    },
    OneOff {
        date: (2002, 6, 4),
        name: "Spring bank holiday",
        replaces: Some((2002, 5, 27)),
    },
    OneOff {
        date: (2011, 4, 29),
        name: "Royal wedding bank holiday",
        replaces: None,
    },
    OneOff {
        date: (2012, 6, 4),
        name: "Spring bank holiday",
        replaces: Some((2012, 5, 28)),
    },
    OneOff {
        date: (2012, 6, 5),
        name: "Diamond Jubilee bank holiday",
        replaces: None,
    },
    OneOff {
        date: (2020, 5, 8),
        name: "Early May bank holiday (VE day)",
        replaces: Some((2020, 5, 4)),
    },
    OneOff {
        date: (2022, 6, 2),
        name: "Spring bank holiday",
        replaces: Some((2022, 5, 30)),
    },
    OneOff {
        date: (2022, 6, 3),
        name: "Platinum Jubilee bank holiday",
        replaces: None,
    },
    OneOff {
        date: (2022, 9, 19),
        name: "Bank holiday for the State Funeral of Queen Elizabeth II",
        replaces: None,
    },
    OneOff {
        date: (2023, 5, 8),
        name: "Bank holiday for the coronation of King Charles III",
        replaces: None,
    },
];

impl HolidayCalendar for EnglandWales {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    fn name(&self) -> &'static str {
        "England and Wales bank holidays"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        let key = (date.year(), date.month(), date.day());
        if let Some(one_off) = ONE_OFFS.iter().find(|o| o.date == key) {
            return Some(one_off.name);
        }
        if ONE_OFFS.iter().any(|o| o.replaces == Some(key)) {
            return None;
        }
        regular_holiday(date)
    }
}

/// The holiday on `date` under the regular pattern, checked directly from the date.
fn regular_holiday(date: NaiveDate) -> Option<&'static str> {
    use Weekday::{Fri, Mon, Sat, Sun, Tue};

    let (year, month, day, weekday) = (date.year(), date.month(), date.day(), date.weekday());
    if matches!(weekday, Sat | Sun) {
        return None;
    }
    let good_friday = || easter_sunday(year).and_then(|e| e.checked_sub_days(Days::new(2)));
    let easter_monday = || easter_sunday(year).and_then(|e| e.succ_opt());
    match (month, day, weekday) {
        (1, 1, _) if year >= 1974 => Some("New Year's Day"),
        // A Monday 2 or 3 January follows a New Year's Day on Sunday or Saturday.
        (1, 2 | 3, Mon) if year >= 1974 => Some("New Year's Day (substitute day)"),
        (3 | 4, _, Fri) if good_friday() == Some(date) => Some("Good Friday"),
        (3 | 4, _, Mon) if easter_monday() == Some(date) => Some("Easter Monday"),
        (5, 1..=7, Mon) if year >= 1978 => Some("Early May bank holiday"),
        (5, 25..=31, Mon) => Some("Spring bank holiday"),
        (8, 25..=31, Mon) => Some("Summer bank holiday"),
        (12, 25, _) => Some("Christmas Day"),
        (12, 26, _) => Some("Boxing Day"),
        // Monday 27: Christmas fell on Saturday; Tuesday 27: on Sunday, and Boxing Day
        // took Monday 26.
        (12, 27, Mon | Tue) => Some("Christmas Day (substitute day)"),
        // Monday 28: Boxing Day fell on Saturday; Tuesday 28: on Sunday, after Christmas
        // Day's substitute took Monday 27.
        (12, 28, Mon | Tue) => Some("Boxing Day (substitute day)"),
        _ => None,
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, as
/// given by Meeus). `None` only for years outside the representable range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Euclidean division keeps every intermediate value in range for negative years too.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
