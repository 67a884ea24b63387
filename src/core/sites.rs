//! The webmail sites the extension works on: one descriptor, `extension/sites.json`, read here
//! for the service worker's sender check and the options page, by `tools/assemble.mjs` for the
//! manifest's host permissions, content-script matches and frame resources, and (as the
//! generated `site-list.js`) by the content scripts and the optional-site registrations.

use std::sync::OnceLock;

use serde::Deserialize;

/// The descriptor's text, compiled in.
const SITES_JSON: &str = include_str!("../../extension/sites.json");

/// One webmail site.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Stable id: the content scripts' adapter, the optional registration (`followup-<id>`).
    pub id: String,
    /// Its name, as the options page shows it.
    pub name: String,
    /// Exact origins (`https://host`), no path.
    pub origins: Vec<String>,
    /// Asked for from the options page rather than at install.
    pub optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Descriptor {
    sites: Vec<Site>,
}

/// Every site, in the descriptor's order. The descriptor is checked by the tests, so a broken
/// one never ships; should it fail to read all the same, no site is trusted.
pub fn sites() -> &'static [Site] {
    static SITES: OnceLock<Vec<Site>> = OnceLock::new();
    SITES.get_or_init(|| {
        serde_json::from_str::<Descriptor>(SITES_JSON)
            .map(|d| d.sites)
            .unwrap_or_default()
    })
}

/// Whether `origin` (`https://host`) is exactly one of the webmail origins.
pub fn is_webmail_origin(origin: &str) -> bool {
    sites()
        .iter()
        .any(|s| s.origins.iter().any(|o| o == origin))
}

/// The site `url` is on (its origin exactly one of the site's), if any.
pub fn site_of(url: &str) -> Option<&'static Site> {
    let rest = url.strip_prefix("https://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = &url[..8 + host_end];
    sites()
        .iter()
        .find(|s| s.origins.iter().any(|o| o == origin))
}

/// The sites asked for from the options page.
pub fn optional_sites() -> impl Iterator<Item = &'static Site> {
    sites().iter().filter(|s| s.optional)
}

/// A site's host permission pattern (`https://host/*`) for each of its origins.
pub fn patterns(site: &Site) -> Vec<String> {
    site.origins.iter().map(|o| format!("{o}/*")).collect()
}
