//! German built-in wording, informal: "du", and the reader addressed by first name, for
//! employers where everyone is on first-name terms. As in the formal wording, lines after the
//! greeting's comma start with a small letter unless they start with a noun.

use crate::core::model::ActionKind;

pub(super) fn builtin(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    let pair = match kind {
        ActionKind::ThankYouEmail => (THANK_YOU_SUBJECT, THANK_YOU_BODY),
        ActionKind::ThankYouCard => ("", CARD_BODY),
        ActionKind::CheckIn => (CHECK_IN_SUBJECT, CHECK_IN_BODY),
        ActionKind::FirstFollowUp => (FIRST_FOLLOW_UP_SUBJECT, FIRST_FOLLOW_UP_BODY),
        ActionKind::SecondFollowUp => (SECOND_FOLLOW_UP_SUBJECT, SECOND_FOLLOW_UP_BODY),
        ActionKind::AlertReference => (REFERENCE_SUBJECT, REFERENCE_BODY),
        ActionKind::AskFeedback => (FEEDBACK_SUBJECT, FEEDBACK_BODY),
        ActionKind::StayConnected => (STAY_CONNECTED_SUBJECT, STAY_CONNECTED_BODY),
        ActionKind::Congratulate => (CONGRATULATE_SUBJECT, CONGRATULATE_BODY),
        ActionKind::MoveOn | ActionKind::ApplicationReminder => return None,
    };
    Some(pair)
}

pub(super) fn script(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    match kind {
        ActionKind::CheckIn => Some((CHECK_IN_CALL, FOLLOW_UP_VOICEMAIL)),
        ActionKind::FirstFollowUp | ActionKind::SecondFollowUp => {
            Some((FOLLOW_UP_CALL, FOLLOW_UP_VOICEMAIL))
        }
        ActionKind::AskFeedback => Some((FEEDBACK_CALL, FEEDBACK_VOICEMAIL)),
        _ => None,
    }
}

pub(super) fn phrases(kind: ActionKind) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        ActionKind::ThankYouEmail => (THANK_YOU_OPENINGS, THANK_YOU_CLOSINGS),
        ActionKind::ThankYouCard => (CARD_OPENINGS, CARD_CLOSINGS),
        ActionKind::CheckIn | ActionKind::FirstFollowUp | ActionKind::SecondFollowUp => {
            (FOLLOW_UP_OPENINGS, FOLLOW_UP_CLOSINGS)
        }
        ActionKind::AlertReference => (REFERENCE_OPENINGS, REFERENCE_CLOSINGS),
        ActionKind::AskFeedback => (FEEDBACK_OPENINGS, FEEDBACK_CLOSINGS),
        ActionKind::StayConnected => (STAY_CONNECTED_OPENINGS, STAY_CONNECTED_CLOSINGS),
        ActionKind::Congratulate => (CONGRATULATE_OPENINGS, CONGRATULATE_CLOSINGS),
        ActionKind::MoveOn | ActionKind::ApplicationReminder => (&[], &[]),
    }
}

const THANK_YOU_SUBJECT: &str = "Danke für das Gespräch zur Position {{role}}";
const THANK_YOU_BODY: &str = signed!(
    "{{greeting}},

{{opening}}

{{#bullets}}
Einige Punkte aus unserem Gespräch, bei denen ich euer Team unterstützen kann:
{{bullets}}
{{/bullets}}

{{closing}}

Viele Grüße
"
);
const THANK_YOU_OPENINGS: &[&str] = &[
    "vielen Dank für das Gespräch am {{interview_date}}, über die Position {{role}}.
Der Austausch hat mich darin bestärkt, dass ich gern bei {{company}} arbeiten möchte.",
    "danke, dass du dir am {{interview_date}}, Zeit für mich genommen hast.
Wie du die Zusammenarbeit im Team beschrieben hast, hat die Position {{role}} für mich noch reizvoller gemacht.",
    "vielen Dank für das offene Gespräch am {{interview_date}}.
Besonders hilfreich war für mich, zu hören, was dein Team als Nächstes braucht.",
    "danke für deine Zeit am {{interview_date}}.
Dein Blick auf die Position {{role}} hat mir gut gezeigt, worauf es bei {{company}} ankommt.",
];
const THANK_YOU_CLOSINGS: &[&str] = &[
    "Ich freue mich darauf, von den nächsten Schritten zu hören.",
    "Auf die nächste Runde freue ich mich sehr; wenn dir vorab noch etwas hilft, schicke ich es gern.",
    "Wenn ich vor dem nächsten Schritt noch etwas ergänzen kann, sag mir gern Bescheid. Ich freue mich darauf.",
    "Ich würde mich freuen, unser Gespräch im nächsten Schritt fortzusetzen.",
];

const CARD_BODY: &str = "{{greeting}},

{{opening}}
{{closing}}

Herzliche Grüße und danke
{{my_name}}
";
const CARD_OPENINGS: &[&str] = &[
    "danke, dass du dir am {{interview_date}}, Zeit für mich genommen hast.",
    "es hat mich sehr gefreut, mit dir über die Position {{role}} zu sprechen.",
    "herzlichen Dank für das angenehme und anregende Gespräch am {{interview_date}}.",
    "deine Zeit und deine Einblicke bei meinem Besuch bei {{company}} habe ich sehr geschätzt.",
];
const CARD_CLOSINGS: &[&str] = &[
    "Ich hoffe, wir sehen uns bald wieder.",
    "Ich freue mich auf die nächsten Schritte.",
    "Ich würde mich sehr freuen, bald bei {{company}} mitzuarbeiten.",
    "Ich wünsche dir eine gute Woche und hoffe, wir sprechen uns bald wieder.",
];

const CHECK_IN_SUBJECT: &str = "Position {{role}}: eine kurze Nachricht";
const CHECK_IN_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
Ich weiß, dass ihr bis {{decision_date}}, entscheiden möchtet, und freue mich, dann von dir zu hören.
{{/decision_date}}
Seit unserem Gespräch am {{interview_date}}, ist mein Interesse an der Position {{role}} noch gewachsen. Falls sich im Verfahren etwas getan hat oder dir für eure Entscheidung noch etwas fehlt, sag mir gern Bescheid.

{{closing}}

Viele Grüße
"
);

const FIRST_FOLLOW_UP_SUBJECT: &str = "Nachfrage zur Position {{role}}";
const FIRST_FOLLOW_UP_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
In unserem Gespräch am {{interview_date}}, hast du gesagt, dass ihr bis {{decision_date}}, entscheiden möchtet.
{{/decision_date}}
{{^decision_date}}
Am {{interview_date}}, haben wir über die Position {{role}} gesprochen.
{{/decision_date}}
Ich bin weiterhin sehr an der Stelle interessiert und daran, was ich bei {{company}} bewegen kann.

Kannst du mir sagen, wie der aktuelle Stand ist? Wenn du noch etwas von mir brauchst, schicke ich es dir gern.

{{closing}}

Viele Grüße
"
);

const SECOND_FOLLOW_UP_SUBJECT: &str = "Position {{role}}: kurze Nachfrage";
const SECOND_FOLLOW_UP_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
Ihr wolltet bis {{decision_date}}, über die Position {{role}} entscheiden, deshalb melde ich mich noch einmal.
{{/decision_date}}
{{^decision_date}}
Ich melde mich noch einmal wegen der Position {{role}}, über die wir am {{interview_date}}, gesprochen haben.
{{/decision_date}}
Die Stelle reizt mich nach wie vor sehr. Gibt es Neuigkeiten zum Verfahren oder einen Termin, den ich mir vormerken sollte?

{{closing}}

Viele Grüße
"
);
const FOLLOW_UP_OPENINGS: &[&str] = &[
    "ich hoffe, deine Woche läuft gut.",
    "ich hoffe, dir und dem Team geht es gut.",
    "ich hoffe, bei {{company}} läuft alles rund.",
];
const FOLLOW_UP_CLOSINGS: &[&str] = &[
    "Danke dir für deine Zeit.",
    "Ich freue mich, von dir zu hören.",
    "Danke dir schon mal für eine kurze Antwort.",
];

const REFERENCE_SUBJECT: &str = "{{company}} meldet sich eventuell bei dir";
const REFERENCE_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#references_asker}}
Der Anruf kommt sehr wahrscheinlich von {{references_asker}}.
{{/references_asker}}

{{#bullets}}
Am meisten würde es mir helfen, wenn du auf diese Punkte eingehen könntest:
{{bullets}}
{{/bullets}}
{{^bullets}}
Am meisten würde es mir helfen, wenn du über unsere Zusammenarbeit sprechen könntest und darüber, wie ich Verantwortung übernehme.
{{/bullets}}

{{closing}}

Viele Grüße
"
);
const REFERENCE_OPENINGS: &[&str] = &[
    "{{company}} hat für die Position {{role}} nach meinen Referenzen gefragt, und ich habe deinen Namen genannt.",
    "ich bin in der letzten Runde für die Position {{role}} bei {{company}}, und das Unternehmen möchte mit meinen Referenzen sprechen, also auch mit dir.",
    "eine kurze Vorwarnung: {{company}} holt für die Position {{role}} Referenzen ein, es kann also sein, dass du angerufen wirst.",
];
const REFERENCE_CLOSINGS: &[&str] = &[
    "Danke, dass du dich für mich einsetzt; ich sage dir Bescheid, wie es ausgeht.",
    "Für deine Unterstützung bin ich dir sehr dankbar, und ich halte dich auf dem Laufenden.",
    "Nochmals vielen Dank dafür; ich erzähle dir, wie es weitergeht.",
];

const FEEDBACK_SUBJECT: &str = "Position {{role}}: Bitte um eine Rückmeldung";
const FEEDBACK_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
Deine Einschätzung zu einer Frage wäre mir viel wert: Welche zwei Dinge hätten bei meiner Bewerbung den Unterschied gemacht? Ein paar Zeilen genügen völlig und würden mir sehr helfen.

{{closing}}

Viele Grüße
"
);
const FEEDBACK_OPENINGS: &[&str] = &[
    "danke, dass du mir eure Entscheidung zur Position {{role}} mitgeteilt hast.",
    "danke, dass du mir Bescheid gegeben hast, wie es mit der Position {{role}} ausgegangen ist.",
    "vielen Dank, dass du dir die Zeit genommen hast, mich über die Position {{role}} zu informieren.",
];
const FEEDBACK_CLOSINGS: &[&str] = &[
    "Nochmals danke für deine Zeit und dafür, dass ihr mich in Betracht gezogen habt.",
    "Ich habe mich gefreut, das Team kennenzulernen, und hoffe, dass sich unsere Wege wieder kreuzen.",
    "Danke für das ganze Verfahren und liebe Grüße an das Team.",
];

const STAY_CONNECTED_SUBJECT: &str = "In Kontakt bleiben";
const STAY_CONNECTED_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
Ich würde gern mit dir in Kontakt bleiben und schicke dir eine Vernetzungsanfrage. Wenn du von einer Stelle hörst, die zu meinem Profil passt, ob bei {{company}} oder anderswo, würde ich mich freuen, wenn du an mich denkst.

{{closing}}

Viele Grüße
"
);
const STAY_CONNECTED_OPENINGS: &[&str] = &[
    "auch wenn es mit der Position {{role}} nicht weitergeht, habe ich mich sehr über unser Treffen am {{interview_date}}, gefreut.",
    "danke für unser Gespräch am {{interview_date}}; unabhängig vom Ergebnis habe ich viel über {{company}} erfahren.",
    "auch wenn ich diesmal nicht zu {{company}} komme, habe ich unser Gespräch über die Position {{role}} sehr geschätzt.",
    "ich habe mich gefreut, dich am {{interview_date}}, kennenzulernen und zu hören, wie dein Team arbeitet.",
];
const STAY_CONNECTED_CLOSINGS: &[&str] = &[
    "Alles Gute für dich und das Team.",
    "Dir und {{company}} weiterhin viel Erfolg.",
    "Ich hoffe, unsere Wege kreuzen sich bald wieder.",
    "Nochmals danke und alles Gute.",
];

const CONGRATULATE_SUBJECT: &str = "Glückwunsch zu den Neuigkeiten";
const CONGRATULATE_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#news}}
Ich habe die Meldung gesehen ({{news}}) und mich für das ganze Team gefreut.
{{/news}}
Das macht die Position {{role}} und die Aufgaben, die vor euch liegen, für mich noch spannender.

{{closing}}

Viele Grüße
"
);
const CONGRATULATE_OPENINGS: &[&str] = &[
    "herzlichen Glückwunsch an dich und alle bei {{company}} zu den jüngsten Neuigkeiten.",
    "was für gute Nachrichten von {{company}}: herzlichen Glückwunsch an dich und das Team.",
    "zu den aktuellen Neuigkeiten von {{company}} gratuliere ich dir herzlich.",
];
const CONGRATULATE_CLOSINGS: &[&str] = &[
    "Alles Gute für die nächsten Schritte.",
    "Auf das nächste Kapitel!",
    "Nochmals herzlichen Glückwunsch.",
];

const FOLLOW_UP_CALL: &str = "Hallo, könnte ich bitte mit {{full_name}} sprechen?

Hallo {{first_name}}, hier ist {{my_name}}. Wir haben am {{interview_date}}, über die Position {{role}} gesprochen.
{{#decision_date}}
Du hattest erwähnt, dass ihr bis {{decision_date}}, entscheiden möchtet; deshalb wollte ich fragen, wie der Stand ist.
{{/decision_date}}
{{^decision_date}}
Ich rufe an, um zu fragen, wie der Stand ist.
{{/decision_date}}
Ich bin weiterhin sehr an der Stelle interessiert. Kann ich dir noch etwas schicken?

(Bedanke dich und notiere jeden neuen Termin, den du hörst.)
";
const CHECK_IN_CALL: &str = "Hallo, könnte ich bitte mit {{full_name}} sprechen?

Hallo {{first_name}}, hier ist {{my_name}}. Wir haben am {{interview_date}}, über die Position {{role}} gesprochen.
{{#decision_date}}
Ich weiß, dass ihr bis {{decision_date}}, entscheiden möchtet; ich rufe nur an, um zu sagen, dass mein Interesse seit unserem Gespräch noch gewachsen ist.
{{/decision_date}}
{{^decision_date}}
Ich rufe nur an, um zu sagen, dass mein Interesse seit unserem Gespräch noch gewachsen ist.
{{/decision_date}}
Kann ich dir bis dahin mit etwas weiterhelfen?

(Bedanke dich und notiere, worum du gebeten wirst.)
";
const FOLLOW_UP_VOICEMAIL: &str = "Hallo {{first_name}}, hier ist {{my_name}}. Ich rufe wegen der Position {{role}} bei {{company}} an. Ich bin weiterhin sehr interessiert und würde gern hören, wie der Stand ist. Ich schicke dir heute außerdem eine kurze E-Mail. Du erreichst mich unter {{my_phone}}. Danke dir.
";
const FEEDBACK_CALL: &str = "Hallo, könnte ich bitte mit {{full_name}} sprechen?

Hallo {{first_name}}, hier ist {{my_name}}. Danke, dass du mir eure Entscheidung zur Position {{role}} mitgeteilt hast.
Deine Einschätzung zu einer Frage wäre mir viel wert: Welche zwei Dinge hätten bei meiner Bewerbung den Unterschied gemacht?

(Hör zu, bedanke dich und schreib auf, was gesagt wird.)
";
const FEEDBACK_VOICEMAIL: &str = "Hallo {{first_name}}, hier ist {{my_name}}. Ich rufe wegen der Position {{role}} bei {{company}} an. Danke, dass du mir eure Entscheidung mitgeteilt hast. Über eine kurze Rückmeldung würde ich mich sehr freuen; meine Frage schicke ich dir auch per E-Mail. Du erreichst mich unter {{my_phone}}. Danke dir.
";
