//! The word for the user that comes with some drafts (not part of the message): a reference
//! request is not an offer, a card goes by post, a call comes before the email.

use crate::core::model::{ActionKind, Language};

/// A word for the user about the action, in the language they read the interface in.
pub(super) fn note_for(kind: ActionKind, phone: bool, interface: Language) -> Option<String> {
    if interface == Language::German {
        return german_note_for(kind, phone).map(str::to_string);
    }
    let note = match kind {
        ActionKind::AlertReference => {
            "Being asked for references is not an offer: keep your other applications moving \
             until one arrives in writing."
        }
        ActionKind::ThankYouCard => "Write this by hand on a card and post it.",
        _ if phone => {
            "They prefer the phone: call first. If you reach voicemail, leave the message and \
             then send the email."
        }
        _ => return None,
    };
    Some(note.to_string())
}

fn german_note_for(kind: ActionKind, phone: bool) -> Option<&'static str> {
    Some(match kind {
        ActionKind::AlertReference => {
            "Eine Bitte um Referenzen ist noch kein Angebot: Bleib bei deinen anderen Bewerbungen \
             dran, bis eine Zusage schriftlich vorliegt."
        }
        ActionKind::ThankYouCard => "Schreib das von Hand auf eine Karte und schick sie per Post.",
        _ if phone => {
            "Hier wird lieber telefoniert: Ruf zuerst an. Erreichst du nur die Mailbox, sprich \
             die Nachricht auf und schick danach die E-Mail."
        }
        _ => return None,
    })
}
