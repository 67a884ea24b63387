//! The rules of docs/rules.md, one test file per rule file of `src/core/plan/`, each test
//! named after the rule it pins.
//!
//! Dates are written out with their weekday. March 2026 starts on a Sunday:
//!
//! ```text
//!  Mo Tu We Th Fr Sa Su
//!                    1
//!   2  3  4  5  6  7  8
//!   9 10 11 12 13 14 15
//!  16 17 18 19 20 21 22
//!  23 24 25 26 27 28 29
//!  30 31  1  2  3  4  5   (April)
//! ```
//!
//! Holidays around due dates come from the user's own holiday list.

mod common;

mod docs;
mod driver;
mod eligibility;
mod facts;
mod follow_up_chain;
mod german_holidays;
mod good_news;
mod problems;
mod references;
mod rejection;
mod reminder;
mod thank_you;
mod timing;
mod why;
