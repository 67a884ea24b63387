//! Good news: each piece of positive news recorded about the company gets its own note to
//! the hiring manager (else the follow-up contact of the latest round), on the day it was
//! recorded or the next working day.

use super::super::model::{ActionKind, ReasonCode};
use super::facts::{Candidate, Facts, Out};
use super::key::Spec;

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    let news = &f.history.news;
    if news.is_empty() {
        return;
    }
    let contact = f.manager();
    for (i, &on) in news.iter().enumerate() {
        // Numbered within a day in recorded order, so a key never changes once given.
        let n = news[..i].iter().filter(|d| **d == on).count();
        let key = Spec::Congratulate {
            on,
            n: u32::try_from(n).unwrap_or(u32::MAX),
        };
        let dated = f.dated(ReasonCode::PositiveNews, on);
        out.emit(Candidate {
            contact_id: contact,
            ..Candidate::new(key, ActionKind::Congratulate, dated, true)
        });
    }
}
