//! German built-in wording, formal: "Sie", and the reader addressed by salutation, title and
//! surname (`{{greeting}}`, `{{addressed_as}}`). After the greeting's comma German continues in
//! lower case, so every opening line starts with a small letter unless it starts with a noun.

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

const THANK_YOU_SUBJECT: &str = "Vielen Dank für das Gespräch zur Position {{role}}";
const THANK_YOU_BODY: &str = signed!(
    "{{greeting}},

{{opening}}

{{#bullets}}
Einige Punkte aus unserem Gespräch, bei denen ich Ihr Team unterstützen kann:
{{bullets}}
{{/bullets}}

{{closing}}

Mit freundlichen Grüßen
"
);
const THANK_YOU_OPENINGS: &[&str] = &[
    "vielen Dank für das Gespräch am {{interview_date}}, über die Position {{role}}.
Der Austausch hat mich darin bestärkt, dass ich gern bei {{company}} arbeiten möchte.",
    "herzlichen Dank, dass Sie sich am {{interview_date}}, Zeit für mich genommen haben.
Ihre Schilderung der Zusammenarbeit im Team hat die Position {{role}} für mich noch reizvoller gemacht.",
    "vielen Dank für das offene Gespräch am {{interview_date}}.
Besonders hilfreich war für mich, zu hören, was Ihr Team als Nächstes braucht.",
    "ich danke Ihnen für die Zeit, die Sie sich am {{interview_date}}, genommen haben.
Ihr Blick auf die Position {{role}} hat mir gut gezeigt, worauf es bei {{company}} ankommt.",
];
const THANK_YOU_CLOSINGS: &[&str] = &[
    "Ich freue mich darauf, von den nächsten Schritten zu hören.",
    "Auf die nächste Runde freue ich mich sehr; gern schicke ich Ihnen vorab alles, was weiterhilft.",
    "Wenn ich vor dem nächsten Schritt noch etwas ergänzen kann, geben Sie mir gern Bescheid. Ich freue mich darauf.",
    "Ich würde mich freuen, unser Gespräch im nächsten Schritt fortzusetzen.",
];

const CARD_BODY: &str = "{{greeting}},

{{opening}}
{{closing}}

Mit herzlichem Dank
{{my_name}}
";
const CARD_OPENINGS: &[&str] = &[
    "vielen Dank, dass Sie sich am {{interview_date}}, Zeit für mich genommen haben.",
    "es war mir eine Freude, mit Ihnen über die Position {{role}} zu sprechen.",
    "herzlichen Dank für das angenehme und anregende Gespräch am {{interview_date}}.",
    "Ihre Zeit und Ihre Einblicke bei meinem Besuch bei {{company}} habe ich sehr geschätzt.",
];
const CARD_CLOSINGS: &[&str] = &[
    "Ich hoffe, wir sehen uns bald wieder.",
    "Ich freue mich auf die nächsten Schritte.",
    "Ich würde mich sehr freuen, bald bei {{company}} mitzuarbeiten.",
    "Ich wünsche Ihnen eine gute Woche und hoffe, wir sprechen uns bald wieder.",
];

const CHECK_IN_SUBJECT: &str = "Position {{role}}: eine kurze Nachricht";
const CHECK_IN_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
Ich weiß, dass Sie bis {{decision_date}}, entscheiden möchten, und freue mich, dann von Ihnen zu hören.
{{/decision_date}}
Seit unserem Gespräch am {{interview_date}}, ist mein Interesse an der Position {{role}} noch gewachsen. Falls sich im Verfahren etwas getan hat oder Ihnen für Ihre Entscheidung noch etwas fehlt, lassen Sie es mich gern wissen.

{{closing}}

Mit freundlichen Grüßen
"
);

const FIRST_FOLLOW_UP_SUBJECT: &str = "Nachfrage zur Position {{role}}";
const FIRST_FOLLOW_UP_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
In unserem Gespräch am {{interview_date}}, sagten Sie, dass Sie bis {{decision_date}}, entscheiden möchten.
{{/decision_date}}
{{^decision_date}}
Am {{interview_date}}, haben wir über die Position {{role}} gesprochen.
{{/decision_date}}
Ich bin weiterhin sehr an der Stelle interessiert und daran, was ich bei {{company}} bewegen kann.

Können Sie mir sagen, wie der aktuelle Stand ist? Gern schicke ich Ihnen weitere Unterlagen, falls Sie etwas benötigen.

{{closing}}

Mit freundlichen Grüßen
"
);

const SECOND_FOLLOW_UP_SUBJECT: &str = "Position {{role}}: kurze Nachfrage";
const SECOND_FOLLOW_UP_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#decision_date}}
Sie wollten bis {{decision_date}}, über die Position {{role}} entscheiden, deshalb melde ich mich noch einmal.
{{/decision_date}}
{{^decision_date}}
Ich melde mich noch einmal wegen der Position {{role}}, über die wir am {{interview_date}}, gesprochen haben.
{{/decision_date}}
Die Stelle reizt mich nach wie vor sehr. Gibt es Neuigkeiten zum Verfahren oder einen Termin, den ich mir vormerken sollte?

{{closing}}

Mit freundlichen Grüßen
"
);
const FOLLOW_UP_OPENINGS: &[&str] = &[
    "ich hoffe, Ihre Woche läuft gut.",
    "ich hoffe, Ihnen und dem Team geht es gut.",
    "ich hoffe, bei {{company}} läuft alles rund.",
];
const FOLLOW_UP_CLOSINGS: &[&str] = &[
    "Vielen Dank für Ihre Zeit.",
    "Ich freue mich auf Ihre Rückmeldung.",
    "Herzlichen Dank vorab für eine kurze Antwort.",
];

const REFERENCE_SUBJECT: &str = "{{company}} meldet sich eventuell bei Ihnen";
const REFERENCE_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#references_asker}}
Der Anruf kommt sehr wahrscheinlich von {{references_asker}}.
{{/references_asker}}

{{#bullets}}
Am meisten würde es mir helfen, wenn Sie auf diese Punkte eingehen könnten:
{{bullets}}
{{/bullets}}
{{^bullets}}
Am meisten würde es mir helfen, wenn Sie über unsere Zusammenarbeit sprechen könnten und darüber, wie ich Verantwortung übernehme.
{{/bullets}}

{{closing}}

Herzliche Grüße
"
);
const REFERENCE_OPENINGS: &[&str] = &[
    "{{company}} hat für die Position {{role}} nach meinen Referenzen gefragt, und ich habe Ihren Namen genannt.",
    "ich bin in der letzten Runde für die Position {{role}} bei {{company}}, und das Unternehmen möchte mit meinen Referenzen sprechen, darunter auch mit Ihnen.",
    "eine kurze Vorwarnung: {{company}} holt für die Position {{role}} Referenzen ein, es kann also sein, dass Sie angerufen werden.",
];
const REFERENCE_CLOSINGS: &[&str] = &[
    "Vielen Dank, dass Sie sich für mich einsetzen; ich sage Ihnen Bescheid, wie es ausgeht.",
    "Für Ihre Unterstützung bin ich Ihnen sehr dankbar, und ich halte Sie auf dem Laufenden.",
    "Nochmals herzlichen Dank dafür; ich erzähle Ihnen, wie es weitergeht.",
];

const FEEDBACK_SUBJECT: &str = "Position {{role}}: Bitte um eine Rückmeldung";
const FEEDBACK_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
Ihre Einschätzung zu einer Frage wäre mir viel wert: Welche zwei Dinge hätten bei meiner Bewerbung den Unterschied gemacht? Ein paar Zeilen genügen völlig und würden mir sehr helfen.

{{closing}}

Mit freundlichen Grüßen
"
);
const FEEDBACK_OPENINGS: &[&str] = &[
    "vielen Dank, dass Sie mir Ihre Entscheidung zur Position {{role}} mitgeteilt haben.",
    "danke, dass Sie mir Bescheid gegeben haben, wie es mit der Position {{role}} ausgegangen ist.",
    "vielen Dank, dass Sie sich die Zeit genommen haben, mich über die Position {{role}} zu informieren.",
];
const FEEDBACK_CLOSINGS: &[&str] = &[
    "Nochmals vielen Dank für Ihre Zeit und dafür, dass Sie mich in Betracht gezogen haben.",
    "Ich habe mich gefreut, das Team kennenzulernen, und hoffe, dass sich unsere Wege wieder kreuzen.",
    "Vielen Dank für das gesamte Verfahren und beste Grüße an das Team.",
];

const STAY_CONNECTED_SUBJECT: &str = "In Kontakt bleiben";
const STAY_CONNECTED_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
Ich würde gern mit Ihnen in Kontakt bleiben und schicke Ihnen eine Vernetzungsanfrage. Wenn Sie von einer Stelle hören, die zu meinem Profil passt, ob bei {{company}} oder anderswo, würde ich mich freuen, wenn Sie an mich denken.

{{closing}}

Mit freundlichen Grüßen
"
);
const STAY_CONNECTED_OPENINGS: &[&str] = &[
    "auch wenn es mit der Position {{role}} nicht weitergeht, habe ich mich sehr über unser Treffen am {{interview_date}}, gefreut.",
    "vielen Dank für unser Gespräch am {{interview_date}}; unabhängig vom Ergebnis habe ich viel über {{company}} erfahren.",
    "auch wenn ich diesmal nicht zu {{company}} komme, habe ich unser Gespräch über die Position {{role}} sehr geschätzt.",
    "ich habe mich gefreut, Sie am {{interview_date}}, kennenzulernen und zu hören, wie Ihr Team arbeitet.",
];
const STAY_CONNECTED_CLOSINGS: &[&str] = &[
    "Alles Gute für Sie und das Team.",
    "Ihnen und {{company}} weiterhin viel Erfolg.",
    "Ich hoffe, unsere Wege kreuzen sich bald wieder.",
    "Nochmals vielen Dank und alles Gute.",
];

const CONGRATULATE_SUBJECT: &str = "Herzlichen Glückwunsch zu den Neuigkeiten";
const CONGRATULATE_BODY: &str = signed!(
    "{{greeting}},

{{opening}}
{{#news}}
Ich habe die Meldung gesehen ({{news}}) und mich für das ganze Team gefreut.
{{/news}}
Das macht die Position {{role}} und die Aufgaben, die vor Ihnen liegen, für mich noch spannender.

{{closing}}

Mit freundlichen Grüßen
"
);
const CONGRATULATE_OPENINGS: &[&str] = &[
    "herzlichen Glückwunsch an Sie und alle bei {{company}} zu den jüngsten Neuigkeiten.",
    "was für gute Nachrichten von {{company}}: herzlichen Glückwunsch an Sie und das Team.",
    "zu den aktuellen Neuigkeiten von {{company}} gratuliere ich Ihnen herzlich.",
];
const CONGRATULATE_CLOSINGS: &[&str] = &[
    "Alles Gute für die nächsten Schritte.",
    "Auf das nächste Kapitel!",
    "Nochmals herzlichen Glückwunsch.",
];

const FOLLOW_UP_CALL: &str = "Guten Tag, könnte ich bitte mit {{addressed_as}} sprechen?

Guten Tag, {{addressed_as}}, hier spricht {{my_name}}. Wir haben am {{interview_date}}, über die Position {{role}} gesprochen.
{{#decision_date}}
Sie hatten erwähnt, dass Sie bis {{decision_date}}, entscheiden möchten; deshalb wollte ich fragen, wie der Stand ist.
{{/decision_date}}
{{^decision_date}}
Ich rufe an, um zu fragen, wie der Stand ist.
{{/decision_date}}
Ich bin weiterhin sehr an der Stelle interessiert. Kann ich Ihnen noch etwas zuschicken?

(Bedanke dich und notiere jeden neuen Termin, den du hörst.)
";
const CHECK_IN_CALL: &str = "Guten Tag, könnte ich bitte mit {{addressed_as}} sprechen?

Guten Tag, {{addressed_as}}, hier spricht {{my_name}}. Wir haben am {{interview_date}}, über die Position {{role}} gesprochen.
{{#decision_date}}
Ich weiß, dass Sie bis {{decision_date}}, entscheiden möchten; ich rufe nur an, um zu sagen, dass mein Interesse seit unserem Gespräch noch gewachsen ist.
{{/decision_date}}
{{^decision_date}}
Ich rufe nur an, um zu sagen, dass mein Interesse seit unserem Gespräch noch gewachsen ist.
{{/decision_date}}
Kann ich Ihnen bis dahin mit etwas weiterhelfen?

(Bedanke dich und notiere, worum du gebeten wirst.)
";
const FOLLOW_UP_VOICEMAIL: &str = "Guten Tag, {{addressed_as}}, hier spricht {{my_name}}. Ich rufe wegen der Position {{role}} bei {{company}} an. Ich bin weiterhin sehr interessiert und würde gern hören, wie der Stand ist. Ich schicke Ihnen heute außerdem eine kurze E-Mail. Sie erreichen mich unter {{my_phone}}. Vielen Dank.
";
const FEEDBACK_CALL: &str = "Guten Tag, könnte ich bitte mit {{addressed_as}} sprechen?

Guten Tag, {{addressed_as}}, hier spricht {{my_name}}. Vielen Dank, dass Sie mir Ihre Entscheidung zur Position {{role}} mitgeteilt haben.
Ihre Einschätzung zu einer Frage wäre mir viel wert: Welche zwei Dinge hätten bei meiner Bewerbung den Unterschied gemacht?

(Hör zu, bedanke dich und schreib auf, was gesagt wird.)
";
const FEEDBACK_VOICEMAIL: &str = "Guten Tag, {{addressed_as}}, hier spricht {{my_name}}. Ich rufe wegen der Position {{role}} bei {{company}} an. Vielen Dank, dass Sie mir Ihre Entscheidung mitgeteilt haben. Über eine kurze Rückmeldung würde ich mich sehr freuen; meine Frage schicke ich Ihnen auch per E-Mail. Sie erreichen mich unter {{my_phone}}. Vielen Dank.
";
