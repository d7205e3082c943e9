//! The what-if and retention-model panels' part of the state: every input exactly as typed (or
//! chosen), the actions that change it, the pure reducer step and the URL prefill. Nothing
//! derived is stored here; `crate::whatif_derive` turns this text into numbers on every render.

use retention_core::whatif::UpliftMode;

/// Where the baseline retention per period comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionSource {
    /// The `retention` field, as typed.
    Typed,
    /// The one-period panel's retention rate.
    Period,
    /// The period table: 1 − Σ lost ÷ Σ start (each customer weighs the same).
    TableMean,
    /// The period table: the compounded retention turned back into a rate per period
    /// (geometric mean of the rows' rates).
    TableCompounded,
    /// The fitted model's retention curve, period by period (`Baseline::Curve`).
    Model,
}

impl RetentionSource {
    pub const ALL: [RetentionSource; 5] = [
        RetentionSource::Typed,
        RetentionSource::Period,
        RetentionSource::TableMean,
        RetentionSource::TableCompounded,
        RetentionSource::Model,
    ];

    /// The `value` of its radio button.
    pub fn key(self) -> &'static str {
        match self {
            RetentionSource::Typed => "typed",
            RetentionSource::Period => "period",
            RetentionSource::TableMean => "table_mean",
            RetentionSource::TableCompounded => "table_compounded",
            RetentionSource::Model => "model",
        }
    }

    pub fn from_key(key: &str) -> Option<RetentionSource> {
        RetentionSource::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the typed discount rate is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountBasis {
    /// Per year, converted to the period by compounding (the usual way a rate is quoted).
    Year,
    /// Already per period (what the `discount` URL parameter gives).
    Period,
}

/// Where the model panel's survival counts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurvivorsSource {
    /// The `survivors` field: one cohort's counts at periods 0, 1, 2, …
    Typed,
    /// The period table's start and end counts, valid only when no row has new customers.
    Table,
}

/// The text fields of the two panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputField {
    Retention,
    Customers,
    Acquired,
    Arpu,
    Margin,
    Discount,
    MarginGrowth,
    Horizon,
    Cac,
    Uplift,
    Survivors,
}

impl InputField {
    /// The `name` attribute of its input (also the URL parameter where there is one).
    pub fn name(self) -> &'static str {
        match self {
            InputField::Retention => "retention",
            InputField::Customers => "customers",
            InputField::Acquired => "acquired",
            InputField::Arpu => "arpu",
            InputField::Margin => "margin",
            InputField::Discount => "discount",
            InputField::MarginGrowth => "margin_growth",
            InputField::Horizon => "horizon",
            InputField::Cac => "cac",
            InputField::Uplift => "uplift",
            InputField::Survivors => "survivors",
        }
    }
}

/// Percent fields show percents ("90") while their URL parameters carry fractions ("0.9").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIfState {
    /// Percent per period, used when `retention_source` is `Typed`.
    pub retention: String,
    pub retention_source: RetentionSource,
    /// Blank: the latest count of the user's data.
    pub customers: String,
    pub acquired: String,
    pub arpu: String,
    /// ISO 4217 code; blank: from the browser's locale.
    pub currency: String,
    /// Percent.
    pub margin: String,
    /// Percent, per `discount_basis`.
    pub discount: String,
    pub discount_basis: DiscountBasis,
    /// Percent per period of tenure.
    pub margin_growth: String,
    pub horizon: String,
    /// Blank: no replacement cost.
    pub cac: String,
    /// Points or percent, per `uplift_mode`.
    pub uplift: String,
    pub uplift_mode: UpliftMode,
    /// Counts separated by commas, semicolons or spaces.
    pub survivors: String,
    pub survivors_source: SurvivorsSource,
}

/// The cohort of Fader & Hardie (2007), "regular" segment, years 0–7: the model panel opens on
/// data with a published fit (α = 0.704, β = 1.182) rather than empty.
pub const EXAMPLE_SURVIVORS: &str = "1000, 631, 468, 382, 326, 289, 262, 241";

impl Default for WhatIfState {
    fn default() -> Self {
        WhatIfState {
            retention: "90".into(),
            // The example period table is the user's data on first load.
            retention_source: RetentionSource::TableMean,
            customers: String::new(),
            acquired: "0".into(),
            arpu: "50".into(),
            currency: String::new(),
            margin: "80".into(),
            discount: "10".into(),
            discount_basis: DiscountBasis::Year,
            margin_growth: "0".into(),
            horizon: "24".into(),
            cac: String::new(),
            uplift: "5".into(),
            uplift_mode: UpliftMode::PercentagePoints,
            survivors: EXAMPLE_SURVIVORS.into(),
            survivors_source: SurvivorsSource::Typed,
        }
    }
}

pub enum WhatIfAction {
    Set(InputField, String),
    SetRetentionSource(RetentionSource),
    SetDiscountBasis(DiscountBasis),
    SetUpliftMode(UpliftMode),
    SetCurrency(String),
    SetSurvivorsSource(SurvivorsSource),
}

impl WhatIfState {
    pub fn get(&self, field: InputField) -> &str {
        match field {
            InputField::Retention => &self.retention,
            InputField::Customers => &self.customers,
            InputField::Acquired => &self.acquired,
            InputField::Arpu => &self.arpu,
            InputField::Margin => &self.margin,
            InputField::Discount => &self.discount,
            InputField::MarginGrowth => &self.margin_growth,
            InputField::Horizon => &self.horizon,
            InputField::Cac => &self.cac,
            InputField::Uplift => &self.uplift,
            InputField::Survivors => &self.survivors,
        }
    }

    fn slot(&mut self, field: InputField) -> &mut String {
        match field {
            InputField::Retention => &mut self.retention,
            InputField::Customers => &mut self.customers,
            InputField::Acquired => &mut self.acquired,
            InputField::Arpu => &mut self.arpu,
            InputField::Margin => &mut self.margin,
            InputField::Discount => &mut self.discount,
            InputField::MarginGrowth => &mut self.margin_growth,
            InputField::Horizon => &mut self.horizon,
            InputField::Cac => &mut self.cac,
            InputField::Uplift => &mut self.uplift,
            InputField::Survivors => &mut self.survivors,
        }
    }

    /// The reducer step. Pure: the same state and action always give the same state.
    pub fn apply(&mut self, action: WhatIfAction) {
        match action {
            WhatIfAction::Set(field, value) => {
                // Typing a retention means "use this one": anything else would ignore the edit.
                if field == InputField::Retention {
                    self.retention_source = RetentionSource::Typed;
                }
                if field == InputField::Survivors {
                    self.survivors_source = SurvivorsSource::Typed;
                }
                *self.slot(field) = value;
            }
            WhatIfAction::SetRetentionSource(source) => self.retention_source = source,
            WhatIfAction::SetDiscountBasis(basis) => self.discount_basis = basis,
            WhatIfAction::SetUpliftMode(mode) => self.uplift_mode = mode,
            WhatIfAction::SetCurrency(code) => self.currency = code,
            WhatIfAction::SetSurvivorsSource(source) => self.survivors_source = source,
        }
    }

    /// Defaults overridden by the URL parameters (already split by `retention_core::share::decode_query`):
    /// `retention`, `customers`, `acquired`, `arpu`, `currency`, `margin`, `discount`, `horizon`,
    /// `cac`, `uplift`, `uplift_mode=pp|relative`, `survivors`. Fractions in the URL
    /// (`retention=0.9`, `margin=0.8`, `discount=0.01` per period) become percents in the fields.
    /// A value that does not parse is kept as written, so its field shows it with its message.
    pub fn from_query(params: &[(String, String)]) -> WhatIfState {
        let mut s = WhatIfState::default();
        let get = |name: &str| {
            params
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
        };
        // A link that describes one period (and no retention) means "that period's retention".
        if get("start").is_some() || get("end").is_some() {
            s.retention_source = RetentionSource::Period;
        }
        if let Some(v) = get("retention") {
            s.retention = fraction_to_percent_text(&v);
            s.retention_source = RetentionSource::Typed;
        }
        for (name, field) in [
            ("customers", InputField::Customers),
            ("acquired", InputField::Acquired),
            ("arpu", InputField::Arpu),
            ("horizon", InputField::Horizon),
            ("cac", InputField::Cac),
            ("uplift", InputField::Uplift),
            ("survivors", InputField::Survivors),
        ] {
            if let Some(v) = get(name) {
                *s.slot(field) = v;
            }
        }
        if let Some(v) = get("margin") {
            s.margin = fraction_to_percent_text(&v);
        }
        if let Some(v) = get("discount") {
            s.discount = fraction_to_percent_text(&v);
            s.discount_basis = DiscountBasis::Period;
        }
        if let Some(code) = get("currency") {
            let code = code.to_ascii_uppercase();
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                s.currency = code;
            }
        }
        match get("uplift_mode").as_deref() {
            Some("pp") => s.uplift_mode = UpliftMode::PercentagePoints,
            Some("relative") => s.uplift_mode = UpliftMode::Relative,
            _ => {}
        }
        s
    }
}

/// Prefix of the pairs that carry this panel's inputs in shared links and local storage. They
/// hold the fields exactly as typed (percents as shown), unlike the URL parameters above, which
/// speak in fractions; so a link restores the view to the character.
pub const SAVED_PREFIX: &str = "w.";

const FIELDS: [InputField; 11] = [
    InputField::Retention,
    InputField::Customers,
    InputField::Acquired,
    InputField::Arpu,
    InputField::Margin,
    InputField::Discount,
    InputField::MarginGrowth,
    InputField::Horizon,
    InputField::Cac,
    InputField::Uplift,
    InputField::Survivors,
];

impl WhatIfState {
    /// Every input as `w.<name>` pairs (see [`SAVED_PREFIX`]).
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = FIELDS
            .iter()
            .map(|f| {
                (
                    format!("{SAVED_PREFIX}{}", f.name()),
                    self.get(*f).to_owned(),
                )
            })
            .collect();
        let choices = [
            ("retention_source", self.retention_source.key()),
            (
                "discount_basis",
                match self.discount_basis {
                    DiscountBasis::Year => "year",
                    DiscountBasis::Period => "period",
                },
            ),
            (
                "uplift_mode",
                match self.uplift_mode {
                    UpliftMode::PercentagePoints => "pp",
                    UpliftMode::Relative => "relative",
                },
            ),
            (
                "survivors_source",
                match self.survivors_source {
                    SurvivorsSource::Typed => "typed",
                    SurvivorsSource::Table => "table",
                },
            ),
            ("currency", &self.currency),
        ];
        pairs.extend(
            choices
                .iter()
                .map(|(k, v)| (format!("{SAVED_PREFIX}{k}"), (*v).to_owned())),
        );
        pairs
    }

    /// Applies the `w.` pairs of a link or of storage over this state; unknown values are skipped.
    pub fn restore(&mut self, params: &[(String, String)]) {
        for (key, value) in params {
            let Some(name) = key.strip_prefix(SAVED_PREFIX) else {
                continue;
            };
            if let Some(field) = FIELDS.iter().find(|f| f.name() == name) {
                *self.slot(*field) = value.clone();
                continue;
            }
            match (name, value.as_str()) {
                ("retention_source", v) => {
                    if let Some(source) = RetentionSource::from_key(v) {
                        self.retention_source = source;
                    }
                }
                ("discount_basis", "year") => self.discount_basis = DiscountBasis::Year,
                ("discount_basis", "period") => self.discount_basis = DiscountBasis::Period,
                ("uplift_mode", "pp") => self.uplift_mode = UpliftMode::PercentagePoints,
                ("uplift_mode", "relative") => self.uplift_mode = UpliftMode::Relative,
                ("survivors_source", "typed") => self.survivors_source = SurvivorsSource::Typed,
                ("survivors_source", "table") => self.survivors_source = SurvivorsSource::Table,
                ("currency", v)
                    if v.is_empty()
                        || (v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase())) =>
                {
                    self.currency = v.to_owned();
                }
                _ => {}
            }
        }
    }
}

/// The URL parameters [`WhatIfState::from_query`] reads.
pub const PARAMS: [&str; 12] = [
    "retention",
    "customers",
    "acquired",
    "arpu",
    "currency",
    "margin",
    "discount",
    "horizon",
    "cac",
    "uplift",
    "uplift_mode",
    "survivors",
];

/// "0.9" → "90", "0.945" → "94.5": a fraction as the percent a field shows. The decimal point is
/// moved two digits on the text itself, so the result is exact and round-trips through
/// `whatif_derive::parse_percent`; text that is not a plain number is returned unchanged.
pub fn fraction_to_percent_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
        && text.bytes().any(|b| b.is_ascii_digit());
    if !plain {
        return text.to_owned();
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut fraction = fraction.to_owned();
    while fraction.len() < 2 {
        fraction.push('0');
    }
    let (moved, rest) = fraction.split_at(2);
    let whole = format!("{whole}{moved}");
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    if rest.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{rest}")
    }
}

#[cfg(test)]
mod percent_text_tests {
    use super::fraction_to_percent_text as f;

    #[test]
    fn moves_the_point_two_digits() {
        assert_eq!(f("0.9"), "90");
        assert_eq!(f("0.945"), "94.5");
        assert_eq!(f("1"), "100");
        assert_eq!(f("0.005"), "0.5");
        assert_eq!(f(".25"), "25");
        assert_eq!(f("0.10"), "10");
        assert_eq!(f("12.5"), "1250");
        assert_eq!(f("abc"), "abc");
        assert_eq!(f("1.2.3"), "1.2.3");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use retention_core::share::decode_query as parse_query;

    fn from(query: &str) -> WhatIfState {
        WhatIfState::from_query(&parse_query(query))
    }

    #[test]
    fn url_fractions_become_percent_fields() {
        let s = from("?retention=0.9&margin=0.8&discount=0.01&uplift=5&uplift_mode=relative");
        assert_eq!(s.retention, "90");
        assert_eq!(s.retention_source, RetentionSource::Typed);
        assert_eq!(s.margin, "80");
        assert_eq!(s.discount, "1");
        assert_eq!(s.discount_basis, DiscountBasis::Period);
        assert_eq!(s.uplift, "5");
        assert_eq!(s.uplift_mode, UpliftMode::Relative);
    }

    #[test]
    fn url_counts_and_text_are_kept_as_written() {
        let s = from("?customers=1%2C000&acquired=20&arpu=9.99&horizon=3&cac=120&currency=eur");
        assert_eq!(s.customers, "1,000");
        assert_eq!(s.acquired, "20");
        assert_eq!(s.arpu, "9.99");
        assert_eq!(s.horizon, "3");
        assert_eq!(s.cac, "120");
        assert_eq!(s.currency, "EUR");
        let s = from("?survivors=1000,631,468&uplift_mode=pp&retention=abc&currency=euro");
        assert_eq!(s.survivors, "1000,631,468");
        assert_eq!(s.uplift_mode, UpliftMode::PercentagePoints);
        // Malformed: shown in the field, where its message explains it.
        assert_eq!(s.retention, "abc");
        assert_eq!(s.currency, "");
    }

    #[test]
    fn defaults_and_source_follow_the_link() {
        assert_eq!(from(""), WhatIfState::default());
        assert_eq!(
            from("?start=20&new=5&end=24").retention_source,
            RetentionSource::Period
        );
        assert_eq!(
            from("?start=20&end=24&retention=0.5").retention_source,
            RetentionSource::Typed
        );
        assert_eq!(
            from("?uplift_mode=bogus").uplift_mode,
            UpliftMode::PercentagePoints
        );
    }

    #[test]
    fn percent_text_of_fractions() {
        assert_eq!(fraction_to_percent_text("0.9"), "90");
        assert_eq!(fraction_to_percent_text("0.945"), "94.5");
        assert_eq!(fraction_to_percent_text("0.9455"), "94.55");
        assert_eq!(fraction_to_percent_text("1"), "100");
        assert_eq!(fraction_to_percent_text(".5"), "50");
        assert_eq!(fraction_to_percent_text("-0.1"), "-0.1");
        assert_eq!(fraction_to_percent_text("inf"), "inf");
        assert_eq!(fraction_to_percent_text("1.2.3"), "1.2.3");
        assert_eq!(fraction_to_percent_text(""), "");
    }

    #[test]
    fn typing_a_retention_or_survivors_selects_it() {
        let mut s = WhatIfState::default();
        s.apply(WhatIfAction::SetRetentionSource(RetentionSource::Model));
        assert_eq!(s.retention_source, RetentionSource::Model);
        s.apply(WhatIfAction::Set(InputField::Retention, "85".into()));
        assert_eq!(s.retention, "85");
        assert_eq!(s.retention_source, RetentionSource::Typed);
        s.apply(WhatIfAction::SetSurvivorsSource(SurvivorsSource::Table));
        s.apply(WhatIfAction::Set(InputField::Survivors, "10, 9".into()));
        assert_eq!(s.survivors_source, SurvivorsSource::Typed);
        s.apply(WhatIfAction::Set(InputField::Cac, "99".into()));
        assert_eq!(s.get(InputField::Cac), "99");
    }
}
