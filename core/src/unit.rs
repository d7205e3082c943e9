//! Period units (week, month, quarter, year) and conversion of rates between them by compounding.

/// The length of one period of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodUnit {
    Week,
    #[default]
    Month,
    Quarter,
    Year,
}

impl PeriodUnit {
    pub const ALL: [PeriodUnit; 4] = [
        PeriodUnit::Week,
        PeriodUnit::Month,
        PeriodUnit::Quarter,
        PeriodUnit::Year,
    ];

    /// Periods of this unit in one (Gregorian, 365.2425-day) year.
    pub fn per_year(self) -> f64 {
        match self {
            PeriodUnit::Week => 365.2425 / 7.0,
            PeriodUnit::Month => 12.0,
            PeriodUnit::Quarter => 4.0,
            PeriodUnit::Year => 1.0,
        }
    }

    /// The stable identifier used in URLs and `data-unit` attributes.
    pub fn key(self) -> &'static str {
        match self {
            PeriodUnit::Week => "week",
            PeriodUnit::Month => "month",
            PeriodUnit::Quarter => "quarter",
            PeriodUnit::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<PeriodUnit> {
        PeriodUnit::ALL.into_iter().find(|u| u.key() == key)
    }
}

/// Converts a churn rate per `from` period into the churn rate per `to` period by compounding the
/// retention: `1 − (1 − c)^(periods of `from` in one `to`)`. Never linear (domain.md).
pub fn convert_churn(churn: f64, from: PeriodUnit, to: PeriodUnit) -> f64 {
    let exponent = from.per_year() / to.per_year();
    1.0 - (1.0 - churn).powf(exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_to_annual_compounds() {
        // 1 − 0.95^12 = 0.45963991233736, computed independently in Python for 5 % monthly churn.
        let annual = convert_churn(0.05, PeriodUnit::Month, PeriodUnit::Year);
        assert!((annual - 0.459_639_912_337_363).abs() < 1e-12);
    }

    #[test]
    fn round_trip_is_identity() {
        let q = convert_churn(0.03, PeriodUnit::Month, PeriodUnit::Quarter);
        let back = convert_churn(q, PeriodUnit::Quarter, PeriodUnit::Month);
        assert!((back - 0.03).abs() < 1e-12);
    }

    #[test]
    fn keys_round_trip() {
        for u in PeriodUnit::ALL {
            assert_eq!(PeriodUnit::from_key(u.key()), Some(u));
        }
        assert_eq!(PeriodUnit::from_key("fortnight"), None);
    }
}
