//! A deterministic set of realistic applications for benchmarks, shared by the native and
//! WebAssembly benchmarks so both measure the same work.
//!
//! Each application has four contacts (a hiring manager, a recruiter, an engineer and a
//! reference) and three rounds, a mix of statuses, and a history like a user's: most
//! thank-yous sent, some follow-ups sent, replies, reference requests, rejections, news.

use chrono::{Days, NaiveDate};

use super::model::{
    Application, Contact, Event, EventKind, Interviewer, Medium, Round, Settings, Status,
};
use super::plan::key;

/// The day the benchmark plans for: Wednesday 15 April 2026.
pub fn demo_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 15).unwrap_or_default()
}

/// The default settings.
pub fn demo_settings() -> Settings {
    Settings::default()
}

/// A small deterministic generator (SplitMix64), so the workload is the same on every run
/// and every target.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn contact(id: &str, name: &str, hiring_manager: bool, reference: bool) -> Contact {
    Contact {
        id: id.to_string(),
        name: name.to_string(),
        title: String::new(),
        email: format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
        phone: String::new(),
        hiring_manager,
        reference,
        ..Default::default()
    }
}

fn sent(history: &mut Vec<Event>, date: NaiveDate, action: String) {
    history.push(Event {
        date,
        kind: EventKind::Sent { action },
    });
}

/// `n` applications, the same for the same `n`.
pub fn demo_workload(n: usize) -> Vec<Application> {
    let mut rng = Rng(0x5EED);
    let today = demo_today();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    (0..n)
        .map(|i| {
            let base = plus(start, rng.below(90));
            let r1 = base;
            let r2 = plus(r1, 5 + rng.below(10));
            let r3 = plus(r2, 5 + rng.below(10));
            let rounds = vec![
                round("r1", r1, &["c1"]),
                round("r2", r2, &["c2"]),
                round("r3", r3, &["c0", "c2"]),
            ];
            let decision_date = rng.chance(50).then(|| plus(r3, 3 + rng.below(25)));
            let status = match rng.below(100) {
                0..=59 => Status::Interviewing,
                60..=69 => Status::References,
                70..=84 => Status::Rejected,
                85..=89 => Status::Offer,
                90..=94 => Status::NoResponse,
                _ => Status::Withdrawn,
            };

            let mut history = Vec::new();
            for r in &rounds {
                if r.date <= today {
                    for who in &r.interviewers {
                        if rng.chance(85) {
                            sent(
                                &mut history,
                                r.date,
                                key::thank_you_email(&r.id, &who.contact_id),
                            );
                        }
                    }
                }
            }
            let follow_up = plus(r3, 8);
            if follow_up <= today && rng.chance(60) {
                sent(&mut history, follow_up, key::first_follow_up("r3", 0));
                if rng.chance(30) {
                    history.push(Event {
                        date: plus(follow_up, 2),
                        kind: EventKind::Reply {
                            decision_date: rng.chance(50).then(|| plus(follow_up, 10)),
                        },
                    });
                }
            }
            if status == Status::References {
                history.push(Event {
                    date: plus(r3, 3),
                    kind: EventKind::ReferencesRequested,
                });
            }
            if rng.chance(10) {
                history.push(Event {
                    date: plus(r2, 1),
                    kind: EventKind::PositiveNews {
                        note: "Raised a funding round".to_string(),
                    },
                });
            }
            if status != Status::Interviewing && status != Status::References {
                history.push(Event {
                    date: plus(r3, 12),
                    kind: EventKind::Status {
                        from: Status::Interviewing,
                        to: status.clone(),
                    },
                });
            }

            Application {
                id: format!("app-{i:05}"),
                revision: 1,
                company: format!("Company {i}"),
                role: "Software engineer".to_string(),
                posting_url: String::new(),
                status,
                notes: String::new(),
                medium: rng.chance(10).then_some(Medium::Phone),
                no_contact: rng.chance(3),
                decision_date,
                applied_on: Some(plus(r1, 0).pred_opt().unwrap_or(r1)),
                rounds,
                contacts: vec![
                    contact("c0", "Ada Manager", true, false),
                    contact("c1", "Rui Recruiter", false, false),
                    contact("c2", "Eng Ineer", false, false),
                    contact("c3", "Ref Erence", false, true),
                ],
                history,
                ..Default::default()
            }
        })
        .collect()
}

fn round(id: &str, date: NaiveDate, interviewers: &[&str]) -> Round {
    Round {
        id: id.to_string(),
        date,
        kind: String::new(),
        interviewers: interviewers
            .iter()
            .map(|c| Interviewer {
                contact_id: (*c).to_string(),
                points: Vec::new(),
            })
            .collect(),
        ..Default::default()
    }
}

/// What the posting collector brings back from a posting page of about `bytes` bytes: the
/// address and title, meta tags, and one JSON-LD JobPosting whose description is the bulk of
/// the page (paragraphs and lists of markup, as posting sites write them), for the benchmark
/// of `core::posting::read`.
pub fn demo_posting_page(bytes: usize) -> String {
    let mut description = String::with_capacity(bytes + 512);
    let mut i = 0;
    while description.len() < bytes.saturating_sub(2048) {
        i += 1;
        description.push_str(&format!(
            "<h3>Part {i}</h3><p>You will build the data pipelines &amp; dashboards that our \
             teams use every day, in <strong>SQL</strong> and Python.</p><ul><li>Streaming \
             jobs</li><li>Data contracts</li><li>On-call, one week in six</li></ul>"
        ));
    }
    let posting = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "hiringOrganization": {"@type": "Organization", "name": "Northwind Traders"},
        "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress",
            "addressLocality": "Leipzig", "addressRegion": "SN", "addressCountry": "DE"}}],
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 52000, "maxValue": 64000,
            "unitText": "YEAR"}},
        "employmentType": "FULL_TIME",
        "datePosted": "2026-03-02",
        "validThrough": "2026-04-30",
        "identifier": {"@type": "PropertyValue", "value": "REQ-1234"},
        "description": description,
    });
    serde_json::json!({
        "url": "https://careers.northwind-traders.example/jobs/1234?utm_source=bench",
        "canonical": "https://careers.northwind-traders.example/jobs/1234",
        "title": "Data Engineer | Northwind Traders",
        "lang": "en",
        "jsonld": [posting.to_string()],
        "microdata": [],
        "meta": {"og:title": "Data Engineer", "og:site_name": "Northwind Traders"},
        "sites": {},
    })
    .to_string()
}
