//! The German Länder, as the holiday settings name them.

/// One of the sixteen Länder, stored by its ISO 3166-2 code without the "DE-".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GermanState {
    BadenWuerttemberg,
    Bayern,
    Berlin,
    Brandenburg,
    Bremen,
    Hamburg,
    Hessen,
    MecklenburgVorpommern,
    Niedersachsen,
    NordrheinWestfalen,
    RheinlandPfalz,
    Saarland,
    Sachsen,
    SachsenAnhalt,
    SchleswigHolstein,
    Thueringen,
}

crate::stored_by_name!(
    GermanState,
    [
        BadenWuerttemberg = "BW",
        Bayern = "BY",
        Berlin = "BE",
        Brandenburg = "BB",
        Bremen = "HB",
        Hamburg = "HH",
        Hessen = "HE",
        MecklenburgVorpommern = "MV",
        Niedersachsen = "NI",
        NordrheinWestfalen = "NW",
        RheinlandPfalz = "RP",
        Saarland = "SL",
        Sachsen = "SN",
        SachsenAnhalt = "ST",
        SchleswigHolstein = "SH",
        Thueringen = "TH",
    ]
);

use GermanState::*;

impl GermanState {
    /// Every Land, in the order of their codes' usual listing.
    pub const ALL: [GermanState; 16] = [
        BadenWuerttemberg,
        Bayern,
        Berlin,
        Brandenburg,
        Bremen,
        Hamburg,
        Hessen,
        MecklenburgVorpommern,
        Niedersachsen,
        NordrheinWestfalen,
        RheinlandPfalz,
        Saarland,
        Sachsen,
        SachsenAnhalt,
        SchleswigHolstein,
        Thueringen,
    ];

    /// The ISO 3166-2 code without the "DE-", as stored in the settings.
    pub fn code(self) -> &'static str {
        match self {
            BadenWuerttemberg => "BW",
            Bayern => "BY",
            Berlin => "BE",
            Brandenburg => "BB",
            Bremen => "HB",
            Hamburg => "HH",
            Hessen => "HE",
            MecklenburgVorpommern => "MV",
            Niedersachsen => "NI",
            NordrheinWestfalen => "NW",
            RheinlandPfalz => "RP",
            Saarland => "SL",
            Sachsen => "SN",
            SachsenAnhalt => "ST",
            SchleswigHolstein => "SH",
            Thueringen => "TH",
        }
    }

    /// The Land named by its code, e.g. "BY".
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The Land's own name, shown in either interface language.
    pub fn name(self) -> &'static str {
        match self {
            BadenWuerttemberg => "Baden-Württemberg",
            Bayern => "Bayern",
            Berlin => "Berlin",
            Brandenburg => "Brandenburg",
            Bremen => "Bremen",
            Hamburg => "Hamburg",
            Hessen => "Hessen",
            MecklenburgVorpommern => "Mecklenburg-Vorpommern",
            Niedersachsen => "Niedersachsen",
            NordrheinWestfalen => "Nordrhein-Westfalen",
            RheinlandPfalz => "Rheinland-Pfalz",
            Saarland => "Saarland",
            Sachsen => "Sachsen",
            SachsenAnhalt => "Sachsen-Anhalt",
            SchleswigHolstein => "Schleswig-Holstein",
            Thueringen => "Thüringen",
        }
    }
}
