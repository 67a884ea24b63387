//! Data going out to other programs: CSV for spreadsheets (the applications with their
//! history, and a dated log of every contact with an employer, as unemployment offices ask
//! for), iCalendar (RFC 5545) files with the planned actions and the interviews, and
//! "add to calendar" links for Google Calendar and Outlook.com.
//!
//! Everything is pure: actions come from the planner and the text of each calendar event from
//! the caller, so this module knows nothing of rules or templates.
//!
//! CSV follows RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted,
//! quotes doubled). A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
//! formula (a note like "-5% on salary" shows as "'-5% on salary"). Excel reads UTF-8 CSV
//! correctly only when the file starts with a byte-order mark: [`CsvOptions::excel_bom`].
mod csv;
mod ics;
mod links;
#[cfg(test)]
mod tests;

pub use csv::*;
pub use ics::*;
pub use links::*;
