//! Alert references: when the employer asks for references, every contact marked as a
//! reference is told the same (working) day. Only the latest request is scheduled; alerts
//! for an earlier one stay listed when done. No-contact does not stop it: the user's own
//! references are not the employer (rule 2).

use super::super::model::{ActionKind, ReasonCode};
use super::facts::{Candidate, Facts, Out};
use super::key::Spec;

pub fn plan<'a>(f: &Facts<'_, 'a>, out: &mut impl Out<'a>) {
    let requests = &f.history.requests;
    let contacts = &f.app.contacts;
    for (r, &requested) in requests.iter().enumerate() {
        let latest = r + 1 == requests.len();
        let dated = f.dated(ReasonCode::ReferencesRequested, requested);
        for (i, contact) in contacts.iter().enumerate() {
            let id = contact.id.as_str();
            // A contact id listed twice is alerted once.
            if !contact.reference || contacts[..i].iter().any(|c| c.reference && c.id == id) {
                continue;
            }
            let key = Spec::Alert {
                requested,
                contact: id,
            };
            out.emit(Candidate {
                contact_id: Some(id),
                ..Candidate::new(key, ActionKind::AlertReference, dated, latest)
            });
        }
    }
}
