//! Reading a job posting page (`core::posting`): the JSON-LD reader on each shape pages write,
//! hostile input, the address normaliser (with property tests), the duplicate finder, the
//! collector's answers on each fixture (tests/fixtures/postings/*.collected.json, written by
//! tests/e2e/posting-collect.test.mjs), and the coded messages in English and German.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use followup::core::model::Application;
use followup::core::posting::{
    canonical_employment, description_text, employment_code, find_duplicate, normalise_url, read,
    Posting, PostingError, PostingNote, Salary, Source, EMPLOYMENT_TYPES, MAX_DESCRIPTION_BYTES,
};
use followup::core::words::Coded;
use followup::ui::words::fill;
use proptest::prelude::*;
use serde_json::json;

mod ui_support;
use ui_support::locale;

fn today() -> NaiveDate {
    ui_support::today()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The collector's answer for a page with these JSON-LD blocks.
fn page(blocks: &[&str]) -> String {
    json!({"url": "https://jobs.example.com/1", "title": "Page", "jsonld": blocks}).to_string()
}

fn read_blocks(blocks: &[&str]) -> Posting {
    read(&page(blocks), today()).expect("a posting")
}

const POSTING: &str = r#"{"@context":"https://schema.org","@type":"JobPosting","title":"Engineer","hiringOrganization":{"@type":"Organization","name":"Acme"}}"#;

// ---- JSON-LD shapes ----

#[test]
fn a_single_object_an_array_a_graph_and_a_nested_posting_are_found() {
    let nested = r#"{"@type":"WebPage","mainEntity":{"@type":"JobPosting","title":"Engineer","hiringOrganization":"Acme"}}"#;
    for block in [
        POSTING.to_string(),
        format!(r#"[{{"@type":"Organization","name":"Other"}},{POSTING}]"#),
        format!(
            r#"{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite"}},{POSTING}]}}"#
        ),
        nested.to_string(),
    ] {
        let p = read_blocks(&[&block]);
        assert_eq!(
            (p.role.as_str(), p.company.as_str()),
            ("Engineer", "Acme"),
            "{block}"
        );
        assert_eq!(p.source, Source::JsonLd);
        assert!(p.notes.is_empty(), "{:?}", p.notes);
    }
}

#[test]
fn several_blocks_escaped_wrapped_and_damaged_ones() {
    let escaped = POSTING.replace('"', "&quot;");
    let p = read_blocks(&[r#"{"@type":"BreadcrumbList"}"#, "{not json", &escaped]);
    assert_eq!(p.role, "Engineer");
    assert_eq!(p.notes, [PostingNote::UnreadableBlock { block: 2 }]);
    for wrapped in [
        format!("<![CDATA[{POSTING}]]>"),
        format!("//<![CDATA[\n{POSTING}\n//]]>"),
        format!("/*<![CDATA[*/{POSTING}/*]]>*/"),
        format!("<!-- {POSTING} -->"),
        format!("{POSTING};"),
        POSTING.replace("Engineer", "Senior\nEngineer"),
    ] {
        let p = read_blocks(&[&wrapped]);
        assert_eq!(p.company, "Acme", "{wrapped}");
        assert!(p.role.ends_with("Engineer"), "{wrapped}");
    }
}

#[test]
fn capitalised_keys_and_type_lists_and_vocabularies() {
    for block in [
        r#"{"@type":["JobPosting"],"Title":"Engineer","HiringOrganization":"Acme"}"#,
        r#"{"@type":"schema:JobPosting","title":"Engineer","hiringOrganization":"Acme"}"#,
        r#"{"@type":"http://schema.org/JobPosting","TITLE":"Engineer","hiringorganization":{"Name":"Acme"}}"#,
    ] {
        let p = read_blocks(&[block]);
        assert_eq!(
            (p.role.as_str(), p.company.as_str()),
            ("Engineer", "Acme"),
            "{block}"
        );
    }
}

#[test]
fn every_field_of_a_full_posting() {
    let block = json!({
        "@type": "JobPosting",
        "title": "Data &amp; Insights Lead",
        "hiringOrganization": {"@type": "Organization", "name": "Acme"},
        "jobLocation": [
            {"@type": "Place", "address": {"addressLocality": "Berlin", "addressRegion": "BE", "addressCountry": "DE"}},
            {"@type": "Place", "address": {"addressLocality": "Berlin", "addressRegion": "BE", "addressCountry": "DE"}},
            {"@type": "Place", "address": "Remote, EU"},
            {"@type": "Place", "name": "Head office"}
        ],
        "jobLocationType": ["TELECOMMUTE"],
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": "70,000", "maxValue": 85000, "unitText": "YEAR"}},
        "employmentType": ["FULL_TIME", "PART_TIME"],
        "datePosted": "2026-03-01T09:30:00Z",
        "validThrough": "2026-04-01",
        "identifier": {"@type": "PropertyValue", "name": "Acme", "value": 4711},
        "url": "https://Jobs.Acme.example/en/jobs/4711/?utm_source=x",
        "description": "<h2>Role</h2><p>Lead&nbsp;the team.</p><ul><li>SQL</li><li>Python</li></ul><style>p{}</style>"
    });
    let p = read_blocks(&[&block.to_string()]);
    assert_eq!(
        p,
        Posting {
            company: "Acme".into(),
            role: "Data & Insights Lead".into(),
            locations: vec![
                "Berlin, BE, DE".into(),
                "Remote, EU".into(),
                "Head office".into()
            ],
            remote: true,
            salary: Some(Salary {
                min: Some(70000.0),
                max: Some(85000.0),
                currency: "EUR".into(),
                unit: "YEAR".into()
            }),
            employment_type: "FULL_TIME, PART_TIME".into(),
            date_posted: Some(d("2026-03-01")),
            valid_through: Some(d("2026-04-01")),
            identifier: "4711".into(),
            url: "https://jobs.acme.example/jobs/4711".into(),
            description: "Role\n\nLead the team.\n\n• SQL\n• Python".into(),
            source: Source::JsonLd,
            notes: vec![],
        }
    );
}

#[test]
fn numbers_lists_and_objects_where_text_is_expected() {
    let block = r#"{"@type":"JobPosting","title":["", 42],"hiringOrganization":[{"@type":"Organization","name":{"@value":"Acme"}}],
        "identifier":"R-1","employmentType":7,"jobLocation":{"address":{"addressLocality":["Köln","Cologne"],"addressCountry":{"@type":"Country","name":"DE"}}},
        "baseSalary":{"currency":"USD","value":52.5},"description":["<p>One</p>","two"]}"#;
    let p = read_blocks(&[block]);
    assert_eq!(p.role, "42");
    assert_eq!(p.company, "Acme");
    assert_eq!(p.identifier, "R-1");
    assert_eq!(p.employment_type, "7");
    assert_eq!(p.locations, ["Köln, DE"]);
    assert_eq!(
        p.salary.as_ref().map(|s| (s.min, s.max)),
        Some((Some(52.5), Some(52.5)))
    );
    assert_eq!(p.description, "One");
    assert!(!p.remote);
}

#[test]
fn employment_types_are_stored_as_schema_org_codes_and_other_words_as_written() {
    for code in EMPLOYMENT_TYPES {
        assert_eq!(employment_code(code), Some(code));
        let spelled = code.to_lowercase().replace('_', " ");
        assert_eq!(employment_code(&spelled), Some(code), "{spelled}");
    }
    for (page, stored) in [
        ("FULL_TIME", "FULL_TIME"),
        ("Full-time", "FULL_TIME"),
        ("full time", "FULL_TIME"),
        ("FULLTIME", "FULL_TIME"),
        ("Per-Diem", "PER_DIEM"),
        ("part_time, PART-TIME", "PART_TIME"),
        ("intern , Volunteer", "INTERN, VOLUNTEER"),
        // Anything else is the page's words, kept as written.
        ("Permanent", "Permanent"),
        ("Full time, Permanent", "FULL_TIME, Permanent"),
        ("Werkstudent (20 h)", "Werkstudent (20 h)"),
        ("Contract", "Contract"),
        ("Internship", "Internship"),
        ("7", "7"),
        (" , ", ""),
        ("", ""),
    ] {
        assert_eq!(canonical_employment(page), stored, "{page}");
    }
    // A list in JSON-LD, with a free word and a repeat.
    let block = r#"{"@type":"JobPosting","title":"Engineer","employmentType":["full-time","Befristet","FULL_TIME"]}"#;
    assert_eq!(
        read_blocks(&[block]).employment_type,
        "FULL_TIME, Befristet"
    );
    // Microdata is read the same way.
    let page = json!({"url": "https://jobs.example.com/1", "microdata": [{"itemtype": "https://schema.org/JobPosting",
        "props": {"title": ["Engineer"], "employmentType": ["Part-time", "Mini-job"]}}]});
    let p = read(&page.to_string(), today()).expect("a posting");
    assert_eq!(p.source, Source::Microdata);
    assert_eq!(p.employment_type, "PART_TIME, Mini-job");
}

#[test]
fn clearly_wrong_and_unreadable_dates_are_left_out_with_a_note() {
    for (posted, note) in [
        ("2026-03-11", true),
        ("1989-12-31", true),
        ("1990-01-01", false),
        ("2026-03-10T23:59:00-10:00", false),
    ] {
        let block = json!({"@type": "JobPosting", "title": "T", "hiringOrganization": "A", "datePosted": posted});
        let p = read_blocks(&[&block.to_string()]);
        assert_eq!(p.date_posted.is_none(), note, "{posted}");
        assert_eq!(
            p.notes.contains(&PostingNote::WrongDate {
                field: "datePosted".into(),
                value: posted.into()
            }),
            note
        );
    }
    let block =
        r#"{"@type":"JobPosting","title":"T","hiringOrganization":"A","validThrough":"soon"}"#;
    let p = read_blocks(&[block]);
    assert_eq!(p.valid_through, None);
    assert_eq!(
        p.notes,
        [PostingNote::UnreadableDate {
            field: "validThrough".into(),
            value: "soon".into()
        }]
    );
}

#[test]
fn fields_the_page_did_not_give_stay_empty_and_are_noted() {
    let p = read_blocks(&[r#"{"@type":"JobPosting","description":"Hello"}"#]);
    assert_eq!(p.role, "");
    assert_eq!(p.company, "");
    assert_eq!(p.url, "https://jobs.example.com/1", "the page's address");
    assert_eq!(p.notes, [PostingNote::NoCompany, PostingNote::NoRole]);
}

// ---- hostile input ----

#[test]
fn script_looking_strings_stay_text() {
    let block = json!({"@type": "JobPosting", "title": "<script>alert(1)</script>",
        "hiringOrganization": "<img src=x onerror=alert(1)>",
        "description": "<p>Hi</p><script>steal()</script>&lt;b&gt;bold?&lt;/b&gt;<iframe src=x>x</iframe>"});
    let p = read_blocks(&[&block.to_string()]);
    assert_eq!(p.role, "<script>alert(1)</script>");
    assert_eq!(p.company, "<img src=x onerror=alert(1)>");
    assert_eq!(p.description, "Hi\n\n<b>bold?</b>");
    assert!(!p.description.contains("steal"));
}

#[test]
fn a_10_mb_description_is_capped() {
    let huge = "<p>word </p>".repeat(1024 * 1024);
    let started = Instant::now();
    let text = description_text(&huge);
    assert!(text.len() <= MAX_DESCRIPTION_BYTES && text.len() > MAX_DESCRIPTION_BYTES - 16);
    let block = json!({"@type": "JobPosting", "title": "T", "hiringOrganization": "A", "description": "é".repeat(5 * 1024 * 1024)});
    let p = read_blocks(&[&block.to_string()]);
    assert!(p.description.len() <= MAX_DESCRIPTION_BYTES);
    assert_eq!(p.notes, [PostingNote::DescriptionCut { limit_kb: 100 }]);
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn ten_thousand_nested_objects_neither_blow_the_stack_nor_take_long() {
    let started = Instant::now();
    let deep = format!("{}{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    let p = read_blocks(&[&deep, POSTING]);
    assert_eq!(p.role, "Engineer");
    assert_eq!(p.notes, [PostingNote::UnreadableBlock { block: 1 }]);
    // Deep enough to stop the search, shallow enough for serde_json: the page is read from
    // its title, and the stop is noted.
    let wrapped = format!("{}{POSTING}{}", r#"{"x":"#.repeat(100), "}".repeat(100));
    let p = read(&page(&[&wrapped]), today()).unwrap();
    assert_eq!(p.source, Source::Meta);
    assert_eq!(p.notes[0], PostingNote::SearchStopped);
    let siblings = format!("[{}{POSTING}]", r#"{"@type":"Thing"},"#.repeat(10_000));
    assert_eq!(
        read(&page(&[&siblings]), today()),
        Err(PostingError::NoPosting)
    );
    let siblings = format!("[{}{POSTING}]", r#"{"@type":"Thing"},"#.repeat(9_000));
    assert_eq!(read_blocks(&[&siblings]).role, "Engineer");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn circular_looking_references_end() {
    let block = r##"{"@graph":[
        {"@id":"#org","@type":"Organization","parentOrganization":{"@id":"#org"},"name":{"@id":"#org"}},
        {"@id":"#place","@type":"Place","address":{"@id":"#place"}},
        {"@id":"#job","@type":"JobPosting","title":"Engineer","hiringOrganization":{"@id":"#org"},
         "jobLocation":{"@id":"#place"},"sameAs":{"@id":"#job"},"identifier":{"@id":"#job"}}]}"##;
    let p = read_blocks(&[block]);
    assert_eq!(p.role, "Engineer");
    assert_eq!(p.company, "");
}

#[test]
fn what_is_not_the_collectors_answer_is_refused() {
    assert_eq!(read("", today()), Err(PostingError::NotCollected));
    assert_eq!(read("[1]", today()), Err(PostingError::NotCollected));
    assert_eq!(read("{}", today()), Err(PostingError::NoPosting));
    let big = " ".repeat(17 * 1024 * 1024);
    assert!(matches!(
        read(&big, today()),
        Err(PostingError::TooLarge { .. })
    ));
}

// ---- microdata and meta ----

#[test]
fn microdata_is_read_like_json_ld() {
    let collected = json!({"url": "https://x.example/j", "microdata": [{"itemtype": "https://schema.org/JobPosting", "props": {
        "title": ["Welder"], "hiringOrganization": [{"itemtype": "https://schema.org/Organization", "props": {"name": ["Contoso"]}}],
        "jobLocation": [{"itemtype": "https://schema.org/Place", "props": {"address": [{"itemtype": "https://schema.org/PostalAddress",
            "props": {"addressLocality": ["Bremen"], "addressCountry": ["DE"]}}]}}],
        "datePosted": ["2026-03-03"], "description": ["Weld things."]}}]});
    let p = read(&collected.to_string(), today()).unwrap();
    assert_eq!(p.source, Source::Microdata);
    assert_eq!((p.role.as_str(), p.company.as_str()), ("Welder", "Contoso"));
    assert_eq!(p.locations, ["Bremen, DE"]);
    assert_eq!(p.date_posted, Some(d("2026-03-03")));
    assert_eq!(p.url, "https://x.example/j");
}

// ---- the address ----

#[test]
fn addresses_in_their_normal_form() {
    for (url, normal) in [
        (
            "HTTPS://Jobs.Example.COM/Careers/",
            Some("https://jobs.example.com/Careers"),
        ),
        ("https://example.com/", Some("https://example.com")),
        ("http://example.com:80/a#frag", Some("http://example.com/a")),
        (
            "https://user:pw@example.com:443/a",
            Some("https://example.com/a"),
        ),
        (
            "https://example.com:8443/a",
            Some("https://example.com:8443/a"),
        ),
        (
            "https://acme.wd5.myworkdayjobs.com/en-US/External/job/X_R1?source=LinkedIn",
            Some("https://acme.wd5.myworkdayjobs.com/External/job/X_R1"),
        ),
        (
            "https://example.com/de/jobs/1",
            Some("https://example.com/jobs/1"),
        ),
        (
            "https://example.com/de_DE/en/jobs",
            Some("https://example.com/jobs"),
        ),
        (
            "https://example.com/us/jobs",
            Some("https://example.com/us/jobs"),
        ),
        (
            "https://example.com/jobs/en",
            Some("https://example.com/jobs/en"),
        ),
        (
            "https://example.com/careers?gh_jid=123&utm_source=x&gclid=1&ref=nl",
            Some("https://example.com/careers?gh_jid=123"),
        ),
        (
            "https://www.indeed.com/viewjob?jk=abc&from=serp&vjs=3",
            Some("https://www.indeed.com/viewjob?jk=abc"),
        ),
        (
            "https://www.linkedin.com/jobs/search/?trk=a&currentJobId=9&refId=x",
            Some("https://www.linkedin.com/jobs/search?currentJobId=9"),
        ),
        (
            "https://example.com/jobs?source=x&src=y&b=2&a=1&&",
            Some("https://example.com/jobs?a=1&b=2&source=x&src=y"),
        ),
        (
            "https://boards.greenhouse.io/acme/jobs/1?gh_src=abc",
            Some("https://boards.greenhouse.io/acme/jobs/1"),
        ),
        ("ftp://example.com/a", None),
        ("javascript:alert(1)", None),
        ("https:///nohost", None),
        ("https://exa mple.com/", None),
        ("https://example.com:port/", None),
        ("", None),
    ] {
        assert_eq!(normalise_url(url).as_deref(), normal, "{url}");
    }
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._~%-]{0,8}",
        Just("en".to_string()),
        Just("de-DE".to_string()),
        Just("EN_us".to_string()),
        Just("".to_string()),
    ]
}

fn param() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9_]{1,6}=[a-zA-Z0-9%._-]{0,6}",
        "[a-zA-Z0-9_]{1,6}",
        Just("gh_jid=7".to_string()),
        Just("jk=1".to_string()),
        Just("source=x".to_string()),
    ]
}

fn tracking() -> impl Strategy<Value = String> {
    prop_oneof![
        "utm_[a-z]{1,8}=[a-z0-9]{0,6}",
        Just("gclid=abc".to_string()),
        Just("fbclid=1".to_string()),
        Just("msclkid=2".to_string()),
        Just("mc_cid=3".to_string()),
        Just("mc_eid=4".to_string()),
        Just("igshid=5".to_string()),
        Just("ref=home".to_string()),
        Just("UTM_Source=Mail".to_string()),
    ]
}

fn address() -> impl Strategy<Value = (String, String, Vec<String>, Vec<String>, String)> {
    (
        prop_oneof![Just("https"), Just("http"), Just("HTTPS")].prop_map(str::to_string),
        prop_oneof![
            "[a-zA-Z0-9-]{1,8}(\\.[a-zA-Z]{2,4}){1,2}(:[0-9]{1,5})?",
            Just("www.indeed.com".to_string()),
            Just("www.linkedin.com".to_string()),
            Just("acme.wd5.myworkdayjobs.com".to_string()),
        ],
        proptest::collection::vec(segment(), 0..4),
        proptest::collection::vec(param(), 0..4),
        prop_oneof![Just(String::new()), "#[a-z0-9/?=&]{0,8}"],
    )
}

fn join(scheme: &str, host: &str, path: &[String], params: &[String], fragment: &str) -> String {
    let mut url = format!("{scheme}://{host}");
    for s in path {
        url.push('/');
        url.push_str(s);
    }
    if !params.is_empty() {
        url.push('?');
        url.push_str(&params.join("&"));
    }
    url + fragment
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(s in "\\PC{0,40}", (scheme, host, path, params, fragment) in address()) {
        for url in [s, join(&scheme, &host, &path, &params, &fragment)] {
            if let Some(once) = normalise_url(&url) {
                prop_assert_eq!(normalise_url(&once), Some(once.clone()), "{}", url);
            }
        }
    }

    #[test]
    fn adding_tracking_parameters_never_changes_the_result(
        (scheme, host, path, params, fragment) in address(),
        extra in proptest::collection::vec(tracking(), 1..4),
        at in 0usize..5,
    ) {
        let plain = join(&scheme, &host, &path, &params, &fragment);
        let mut tracked = params.clone();
        for (i, t) in extra.into_iter().enumerate() {
            tracked.insert((at + i).min(tracked.len()), t);
        }
        let with = join(&scheme, &host, &path, &tracked, &fragment);
        prop_assert_eq!(normalise_url(&with), normalise_url(&plain), "{}", with);
    }
}

// ---- the duplicate finder ----

fn app(id: &str, company: &str, role: &str, url: &str) -> Application {
    Application {
        id: id.into(),
        company: company.into(),
        role: role.into(),
        posting_url: url.into(),
        ..Application::default()
    }
}

#[test]
fn a_duplicate_is_the_same_address_or_the_same_company_and_role() {
    let apps = [
        app(
            "a",
            "Acme",
            "Engineer",
            "https://www.indeed.com/viewjob?jk=1&from=serp",
        ),
        app("b", "  Contoso  GmbH ", "Senior   Data Engineer", ""),
        app("c", "Acme", "Designer", "not an address"),
    ];
    let posting = |company: &str, role: &str, url: &str| Posting {
        company: company.into(),
        role: role.into(),
        url: url.into(),
        ..Posting::default()
    };
    let found = |p: &Posting| find_duplicate(p, &apps).map(|a| a.id.as_str());
    assert_eq!(
        found(&posting(
            "Other",
            "Other",
            "https://WWW.indeed.com/viewjob?vjs=3&jk=1"
        )),
        Some("a")
    );
    assert_eq!(
        found(&posting(
            "contoso gmbh",
            "senior data engineer",
            "https://x.example/1"
        )),
        Some("b")
    );
    assert_eq!(found(&posting("Acme", "Engineer ", "")), Some("a"));
    assert_eq!(
        found(&posting(
            "Acme",
            "Manager",
            "https://www.indeed.com/viewjob?jk=2"
        )),
        None
    );
    assert_eq!(
        found(&posting("", "", "")),
        None,
        "empty names match nothing"
    );
    assert_eq!(found(&posting("Acme", "", "")), None);
}

// ---- the collector's answers on each fixture ----

fn fixture(name: &str) -> Result<Posting, PostingError> {
    let path = format!(
        "{}/tests/fixtures/postings/{name}.collected.json",
        env!("CARGO_MANIFEST_DIR")
    );
    read(&std::fs::read_to_string(&path).unwrap(), today())
}

#[test]
fn greenhouse_board_by_its_elements() {
    let p = fixture("greenhouse").unwrap();
    assert_eq!(p.source, Source::Greenhouse);
    assert_eq!(p.role, "Firmware Engineer");
    assert_eq!(
        p.company, "at Acme Robotics",
        "as the page shows it, never trimmed by guess"
    );
    assert_eq!(p.locations, ["Pittsburgh, PA"]);
    assert_eq!(
        p.url,
        "https://boards.greenhouse.io/acmerobotics/jobs/4012345"
    );
    assert!(p
        .description
        .starts_with("About the role\n\nYou will write"));
    assert!(
        p.description.ends_with("<script>alert(1)</script>"),
        "{}",
        p.description
    );
    assert!(p.notes.is_empty(), "{:?}", p.notes);
}

#[test]
fn embedded_greenhouse_board_gives_its_address_and_a_note() {
    let p = fixture("greenhouse-embed").unwrap();
    assert_eq!(p.source, Source::Meta);
    assert_eq!(p.role, "Careers | Example Robotics");
    assert_eq!(p.company, "Example Robotics");
    assert_eq!(
        p.url,
        "https://www.example-robotics.com/careers?gh_jid=4012345"
    );
    assert_eq!(
        p.notes,
        [
            PostingNote::EmbeddedBoard {
                url: "https://boards.greenhouse.io/embed/job_app?b=https%3A%2F%2Fwww.example-robotics.com%2Fcareers&for=examplerobotics&token=4012345".into()
            },
            PostingNote::OnlyTitle
        ]
    );
}

#[test]
fn lever_posting_without_a_company() {
    let p = fixture("lever").unwrap();
    assert_eq!(p.source, Source::Lever);
    assert_eq!(p.role, "Product Designer");
    assert_eq!(p.company, "");
    assert_eq!(p.locations, ["Berlin, Germany"]);
    assert_eq!(
        p.employment_type, "FULL_TIME",
        "the page's \"Full-time\", stored as its code"
    );
    assert_eq!(
        p.url,
        "https://jobs.lever.co/northwind/6c1e4f0a-8b1d-4a52-9d0e-2f5b7a9c3e11"
    );
    assert!(p
        .description
        .starts_with("We are looking for a product designer"));
    assert_eq!(p.notes, [PostingNote::NoCompany]);
}

#[test]
fn workday_posting_by_its_automation_ids() {
    let p = fixture("workday").unwrap();
    assert_eq!(p.source, Source::Workday);
    assert_eq!(p.role, "Senior Data Engineer");
    assert_eq!(p.locations, ["Berlin, Germany", "Munich, Germany"]);
    assert_eq!(p.employment_type, "FULL_TIME", "the page's \"Full time\"");
    assert_eq!(p.identifier, "R-10234");
    assert_eq!(p.date_posted, None, "\"Posted 3 Days Ago\" is not a date");
    assert_eq!(p.url, "https://contoso.wd5.myworkdayjobs.com/External/job/Berlin-Germany/Senior-Data-Engineer_R-10234");
    assert_eq!(p.notes, [PostingNote::NoCompany]);
}

#[test]
fn linkedin_job_view_by_its_top_card() {
    let p = fixture("linkedin").unwrap();
    assert_eq!(p.source, Source::Linkedin);
    assert_eq!(
        (p.role.as_str(), p.company.as_str()),
        ("Backend Engineer", "Fabrikam")
    );
    assert_eq!(p.locations, ["Hamburg, Germany"]);
    assert_eq!(p.url, "https://www.linkedin.com/jobs/view/3901234567");
    assert!(p.description.starts_with("About the job\n"));
    assert!(p.notes.is_empty(), "{:?}", p.notes);
}

#[test]
fn indeed_job_by_its_test_ids() {
    let p = fixture("indeed").unwrap();
    assert_eq!(p.source, Source::Indeed);
    assert_eq!(
        (p.role.as_str(), p.company.as_str()),
        ("Warehouse Team Lead", "Tailspin Logistics")
    );
    assert_eq!(p.locations, ["Columbus, OH 43215"]);
    assert_eq!(p.url, "https://www.indeed.com/viewjob?jk=4f3e2d1c0b9a8776");
}

#[test]
fn careers_page_with_the_posting_in_a_graph() {
    let p = fixture("careers").unwrap();
    assert_eq!(p.source, Source::JsonLd);
    assert_eq!(
        (p.role.as_str(), p.company.as_str()),
        ("Data Analyst", "Northwind Traders")
    );
    assert_eq!(p.locations, ["Leipzig, SN, DE", "Vienna, AT"]);
    assert!(p.remote);
    assert_eq!(
        p.salary,
        Some(Salary {
            min: Some(52000.0),
            max: Some(64000.0),
            currency: "EUR".into(),
            unit: "YEAR".into()
        })
    );
    assert_eq!(p.employment_type, "FULL_TIME, CONTRACTOR");
    assert_eq!(p.date_posted, Some(d("2026-03-02")));
    assert_eq!(p.valid_through, Some(d("2026-04-30")));
    assert_eq!(p.identifier, "REQ-1234");
    assert_eq!(
        p.url,
        "https://careers.northwind-traders.example/jobs/1234-data-analyst"
    );
    assert_eq!(
        p.description,
        "Turn our sales data into decisions.\n\n• SQL\n• dashboards"
    );
    assert_eq!(p.notes, [PostingNote::UnreadableBlock { block: 3 }]);
}

#[test]
fn icims_posting_escaped_with_a_clearly_wrong_date() {
    let p = fixture("icims").unwrap();
    assert_eq!(p.source, Source::JsonLd);
    assert_eq!(
        (p.role.as_str(), p.company.as_str()),
        ("Registered Nurse", "Fourth Coffee Health")
    );
    assert_eq!(p.locations, ["Seattle, WA, US"]);
    assert_eq!(p.identifier, "5521");
    assert_eq!(p.employment_type, "PART_TIME");
    assert_eq!(p.date_posted, None);
    assert_eq!(
        p.salary
            .as_ref()
            .map(|s| (s.min, s.unit.as_str(), s.currency.as_str())),
        Some((Some(48.5), "HOUR", "USD"))
    );
    assert_eq!(p.description, "Care for patients on our night ward.");
    assert_eq!(
        p.url,
        "https://careers-fourthcoffee.icims.com/jobs/5521/registered-nurse/job"
    );
    assert_eq!(
        p.notes,
        [PostingNote::WrongDate {
            field: "datePosted".into(),
            value: "1899-12-31".into()
        }]
    );
}

#[test]
fn a_page_with_no_posting() {
    assert_eq!(fixture("no-posting"), Err(PostingError::NoPosting));
}

// ---- coded messages ----

#[test]
fn every_posting_message_is_worded_in_english_and_german() {
    let en = locale("en");
    let de = locale("de");
    let mut all: Vec<Box<dyn Coded>> = vec![
        Box::new(PostingError::NotCollected),
        Box::new(PostingError::TooLarge {
            size_kb: 20000,
            limit_kb: 16384,
        }),
        Box::new(PostingError::NoPosting),
    ];
    let notes = [
        PostingNote::UnreadableBlock { block: 2 },
        PostingNote::SearchStopped,
        PostingNote::UnreadableDate {
            field: "validThrough".into(),
            value: "soon".into(),
        },
        PostingNote::WrongDate {
            field: "datePosted".into(),
            value: "1899-12-31".into(),
        },
        PostingNote::DescriptionCut { limit_kb: 100 },
        PostingNote::EmbeddedBoard {
            url: "https://boards.greenhouse.io/embed/job_app".into(),
        },
        PostingNote::OnlyTitle,
        PostingNote::NoCompany,
        PostingNote::NoRole,
    ];
    for note in &notes {
        // Adding a note without a sample fails to compile here.
        match note {
            PostingNote::UnreadableBlock { .. }
            | PostingNote::SearchStopped
            | PostingNote::UnreadableDate { .. }
            | PostingNote::WrongDate { .. }
            | PostingNote::DescriptionCut { .. }
            | PostingNote::EmbeddedBoard { .. }
            | PostingNote::OnlyTitle
            | PostingNote::NoCompany
            | PostingNote::NoRole => {}
        }
    }
    all.extend(notes.into_iter().map(|n| Box::new(n) as Box<dyn Coded>));
    for coded in &all {
        let w = coded.worded();
        let placeholders = |text: &str| -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|r| r.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            names.sort();
            names
        };
        let mut names: Vec<String> = w.args.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        let english = en
            .get(&w.key)
            .unwrap_or_else(|| panic!("en lacks {}", w.key));
        let german = de
            .get(&w.key)
            .unwrap_or_else(|| panic!("de lacks {}", w.key));
        assert_eq!(placeholders(english), names, "{}", w.key);
        assert_eq!(placeholders(german), names, "{}", w.key);
        assert_ne!(english, german, "{} is not translated", w.key);
        let values: Vec<(String, String)> = w
            .args
            .iter()
            .map(|(n, a)| (n.clone(), a.to_string()))
            .collect();
        let args: Vec<(&str, &str)> = values
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(fill(english, &args), w.english, "{}", w.key);
    }
}
