//! A posting's address in one form, so that the same posting reached from a newsletter, a
//! search page or another language compares equal.
//!
//! Parsed by hand rather than with the `url` crate, which is not a dependency and brings
//! IDNA tables (some hundred kilobytes) into the WebAssembly: only http(s) addresses are
//! read, split at their fixed delimiters, and nothing is percent-decoded or re-encoded, so a
//! normalised address is still the address the page gave.
//!
//! What changes:
//! - the scheme and host are lower-cased; user name and password, the default port (80 for
//!   http, 443 for https) and the fragment (`#...`) are dropped;
//! - leading language segments of the path are dropped: a segment that is one of
//!   [`LANGUAGES`], alone or followed by `-` or `_` and a two-letter region, in any case
//!   (`/en/`, `/de/`, `/en-us/`, `/de_DE/`; Workday writes `/en-US/`). Other two-letter
//!   segments (`/us/`, `/uk/`) are kept: they may be part of the address;
//! - trailing slashes of the path are dropped;
//! - tracking parameters are dropped: everywhere [`TRACKING`] and every `utm_*`; on a host
//!   ending in one of [`TRACKING_BY_HOST`]'s domains, its own list as well (LinkedIn's `trk`,
//!   Workday's and Lever's `source`, Greenhouse's `gh_src`...). `source`, `src` and `from` are
//!   dropped nowhere else: on other sites they may choose the page;
//! - the parameters left, posting ids among them (`gh_jid`, Indeed's `jk`, LinkedIn's
//!   `currentJobId`), are sorted, and empty ones dropped.
//!
//! Not an http(s) address, no host, or white space or control characters anywhere: `None`.

/// Parameters that only say where a visitor came from, dropped on every site (lower case).
pub const TRACKING: [&str; 14] = [
    "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "mc_cid", "mc_eid",
    "igshid", "yclid", "_hsenc", "_hsmi", "ref",
];

/// Tracking parameters of one site (host suffix, lower-case names).
pub const TRACKING_BY_HOST: [(&str, &[&str]); 6] = [
    (
        "linkedin.com",
        &[
            "trk",
            "trkinfo",
            "refid",
            "trackingid",
            "lipi",
            "ebp",
            "origin",
        ],
    ),
    ("indeed.com", &["from", "tk", "vjs", "advn", "xkcb"]),
    ("myworkdayjobs.com", &["source"]),
    (
        "lever.co",
        &["lever-source", "lever-origin", "lever-via", "source"],
    ),
    ("greenhouse.io", &["gh_src", "source"]),
    ("icims.com", &["mobile", "needsredirect", "iis", "iisn"]),
];

/// Language codes taken as a leading path segment (ISO 639-1).
pub const LANGUAGES: [&str; 24] = [
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "nb", "no", "cs", "ja", "zh",
    "ko", "ru", "tr", "hu", "ro", "el", "he", "ar",
];

/// The address in its normal form (see the module's description), or `None`.
pub fn normalise_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(authority_end);
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host_port = host_port.to_ascii_lowercase();
    let (host, port) = split_port(&host_port)?;
    if host.is_empty() || host.contains(['/', '\\', '@']) {
        return None;
    }
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));

    let mut out = format!("{scheme}://{host}");
    match port {
        Some("80") if scheme == "http" => {}
        Some("443") if scheme == "https" => {}
        Some(port) => {
            out.push(':');
            out.push_str(port);
        }
        None => {}
    }
    out.push_str(path_without_language(path).trim_end_matches('/'));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !is_tracking(host, p))
        .collect();
    crate::core::sort::sort(&mut params);
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    Some(out)
}

/// `host` and the port after its last colon (outside IPv6 brackets); a port must be digits.
fn split_port(host_port: &str) -> Option<(&str, Option<&str>)> {
    let colon = match host_port.rfind(':') {
        Some(i) if !host_port[i..].contains(']') => i,
        _ => return Some((host_port, None)),
    };
    let port = &host_port[colon + 1..];
    if port.is_empty() {
        return Some((&host_port[..colon], None));
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((&host_port[..colon], Some(port)))
}

/// `path` with its leading language segments removed.
fn path_without_language(mut path: &str) -> &str {
    loop {
        let Some(rest) = path.strip_prefix('/') else {
            return path;
        };
        let end = rest.find('/').unwrap_or(rest.len());
        if !is_language(&rest[..end]) {
            return path;
        }
        path = &rest[end..];
    }
}

fn is_language(segment: &str) -> bool {
    let (lang, region) = match segment.find(['-', '_']) {
        Some(i) => (&segment[..i], Some(&segment[i + 1..])),
        None => (segment, None),
    };
    let lang = lang.to_ascii_lowercase();
    LANGUAGES.contains(&lang.as_str())
        && region.map_or(true, |r| {
            r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic())
        })
}

fn is_tracking(host: &str, param: &str) -> bool {
    let key = param
        .split('=')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if key.starts_with("utm_") || TRACKING.contains(&key.as_str()) {
        return true;
    }
    TRACKING_BY_HOST.iter().any(|(domain, keys)| {
        (host == *domain || host.ends_with(&format!(".{domain}"))) && keys.contains(&key.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_segments_are_those_listed_with_an_optional_region() {
        assert!(is_language("en"));
        assert!(is_language("de-AT"));
        assert!(is_language("PT_br"));
        assert!(!is_language("us"));
        assert!(!is_language("en-"));
        assert!(!is_language("en-usa"));
    }

    #[test]
    fn tracking_by_host_applies_to_the_host_and_its_subdomains_only() {
        assert!(is_tracking("acme.wd5.myworkdayjobs.com", "source=LinkedIn"));
        assert!(!is_tracking("notmyworkdayjobs.com", "source=LinkedIn"));
        assert!(!is_tracking("example.com", "source=x"));
        assert!(is_tracking("example.com", "UTM_medium=x"));
    }
}
