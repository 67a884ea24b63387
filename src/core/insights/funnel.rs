//! The funnel: how many applications were sent, led to an interview, to an offer, and were
//! accepted.
//!
//! - **applied**: the status is anything but *saved*, or an application date is recorded;
//! - **interviewed**: a round dated on or before today;
//! - **offer**: the status is *offer* or *accepted*, or the history has a status change to
//!   either;
//! - **accepted**: the status is *accepted*, or the history has a status change to it.
//!
//! A later stage implies the earlier ones (an offer recorded without its interview still
//! counts as interviewed), so each stage is part of the one before and no rate exceeds 1.

use serde::Serialize;

use super::super::model::{EventKind, Status};
use super::{AppFacts, Rate};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Funnel {
    pub applied: u32,
    pub interviewed: u32,
    pub offers: u32,
    pub accepted: u32,
    /// Interviewed of applied.
    pub interview_rate: Rate,
    /// Offers of interviewed.
    pub offer_rate: Rate,
    /// Accepted of offers.
    pub acceptance_rate: Rate,
    /// Offers of applied.
    pub offers_per_application: Rate,
}

/// How far one application went: 0 saved, 1 applied, 2 interviewed, 3 offer, 4 accepted.
pub fn stage(f: &AppFacts) -> usize {
    let app = f.app;
    let to = |target: &Status| {
        f.events
            .iter()
            .any(|e| matches!(&e.kind, EventKind::Status { to, .. } if to == target))
    };
    if app.status == Status::Accepted || to(&Status::Accepted) {
        4
    } else if app.status == Status::Offer || to(&Status::Offer) {
        3
    } else if !f.rounds.is_empty() {
        2
    } else if app.status != Status::Saved || app.applied_on.is_some_and(|d| d <= f.today) {
        1
    } else {
        0
    }
}

#[derive(Default)]
pub(super) struct Counter {
    /// Applications that reached each stage or a later one, by stage.
    reached: [u32; 5],
}

impl Counter {
    pub fn add(&mut self, f: &AppFacts) {
        for n in &mut self.reached[..=stage(f)] {
            *n = n.saturating_add(1);
        }
    }

    pub fn finish(self) -> Funnel {
        let [_, applied, interviewed, offers, accepted] = self.reached;
        Funnel {
            applied,
            interviewed,
            offers,
            accepted,
            interview_rate: Rate::of(interviewed, applied),
            offer_rate: Rate::of(offers, interviewed),
            acceptance_rate: Rate::of(accepted, offers),
            offers_per_application: Rate::of(offers, applied),
        }
    }
}
