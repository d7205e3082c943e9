//! Parsing of a customer count typed into a field: the one place that decides what a count is.

use std::fmt;

/// The largest count accepted. Ten billion is more than every person on earth as a customer; above
/// it `f64` arithmetic on sums and products would start losing whole customers.
pub const MAX_COUNT: u64 = 10_000_000_000;

/// Why a typed count was refused. The UI turns each kind into a message in the visitor's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountError {
    Empty,
    NotANumber,
    Negative,
    Fractional,
    TooLarge,
}

impl fmt::Display for CountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CountError::Empty => "enter a number",
            CountError::NotANumber => "this is not a number",
            CountError::Negative => "a count of customers cannot be negative",
            CountError::Fractional => "a count of customers is a whole number",
            CountError::TooLarge => "this number is too large to be a count of customers",
        })
    }
}

/// Parses a count the way a person types it: surrounding spaces, thousands separators written as
/// `,` `_` `'`, a space, or a no-break space (`1,234` / `1 234`), and a trailing `.0` are accepted.
/// A decimal part other than zeros is refused as fractional.
pub fn parse_count(text: &str) -> Result<u64, CountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CountError::Empty);
    }
    let (negative, body) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (whole, fraction) = match body.split_once(['.', '\u{66b}']) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let mut value: u64 = 0;
    let mut digits = 0usize;
    let mut too_large = false;
    for ch in whole.chars() {
        if let Some(d) = digit_value(ch) {
            digits += 1;
            match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
                Some(v) => value = v,
                None => too_large = true,
            }
        } else if !matches!(
            ch,
            ',' | '_' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '\u{66c}' | '\u{2066}'
                ..='\u{2069}' | '\u{200e}' | '\u{200f}'
        ) {
            return Err(CountError::NotANumber);
        }
    }
    let mut fractional = false;
    if let Some(fraction) = fraction {
        for ch in fraction.chars() {
            match digit_value(ch) {
                Some(0) => {}
                Some(_) => fractional = true,
                None => return Err(CountError::NotANumber),
            }
        }
        if fraction.is_empty() && digits == 0 {
            return Err(CountError::NotANumber);
        }
    }
    if digits == 0 {
        return Err(CountError::NotANumber);
    }
    if negative && (value > 0 || fractional) {
        return Err(CountError::Negative);
    }
    if fractional {
        return Err(CountError::Fractional);
    }
    if too_large || value > MAX_COUNT {
        return Err(CountError::TooLarge);
    }
    Ok(value)
}

/// The value of a decimal digit as people type it: ASCII, Arabic-Indic (٠–٩), Persian (۰–۹) and
/// Devanagari (०–९) keyboards all produce counts.
fn digit_value(ch: char) -> Option<u64> {
    let zero = match ch {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6f0}'..='\u{6f9}' => '\u{6f0}',
        '\u{966}'..='\u{96f}' => '\u{966}',
        _ => return None,
    };
    Some(u64::from(ch) - u64::from(zero))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_count("20"), Ok(20));
        assert_eq!(parse_count("  1,234 "), Ok(1234));
        assert_eq!(parse_count("1 234"), Ok(1234));
        assert_eq!(parse_count("12.0"), Ok(12));
        assert_eq!(parse_count("+7"), Ok(7));
        assert_eq!(parse_count("-0"), Ok(0));
        assert_eq!(parse_count("10000000000"), Ok(MAX_COUNT));
    }

    #[test]
    fn accepts_persian_arabic_and_devanagari_digits() {
        assert_eq!(parse_count("۱۲۰۰"), Ok(1200));
        assert_eq!(parse_count("۱٬۲۰۰"), Ok(1200));
        assert_eq!(parse_count("١٢٣"), Ok(123));
        assert_eq!(parse_count("१२००"), Ok(1200));
        assert_eq!(parse_count("۱۲٫۰"), Ok(12));
        assert_eq!(parse_count("۲٫۵"), Err(CountError::Fractional));
        // A right-to-left mark pasted around a number is invisible to the visitor.
        assert_eq!(parse_count("\u{200f}1200\u{200f}"), Ok(1200));
    }

    #[test]
    fn refuses_with_a_reason() {
        assert_eq!(parse_count(""), Err(CountError::Empty));
        assert_eq!(parse_count("   "), Err(CountError::Empty));
        assert_eq!(parse_count("abc"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1e3"), Err(CountError::NotANumber));
        assert_eq!(parse_count("."), Err(CountError::NotANumber));
        assert_eq!(parse_count("-5"), Err(CountError::Negative));
        assert_eq!(parse_count("\u{2212}5"), Err(CountError::Negative));
        assert_eq!(parse_count("2.5"), Err(CountError::Fractional));
        assert_eq!(parse_count("10000000001"), Err(CountError::TooLarge));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(CountError::TooLarge)
        );
        assert_eq!(parse_count("NaN"), Err(CountError::NotANumber));
        assert_eq!(parse_count("Infinity"), Err(CountError::NotANumber));
    }

    proptest! {
        #[test]
        fn never_panics(text in ".*") {
            let _ = parse_count(&text);
        }

        #[test]
        fn round_trips_every_valid_count(n in 0u64..=MAX_COUNT) {
            prop_assert_eq!(parse_count(&n.to_string()), Ok(n));
        }
    }
}
