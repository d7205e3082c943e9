//! Numbers as spreadsheets and billing exports write them: currency symbols and codes, decimal
//! point or decimal comma, thousands separators, percentages, negatives in parentheses.
//!
//! `1,234` and `1.234` are the one real ambiguity (a thousand or one point something, depending on
//! the country). A single value cannot settle it, so the parse says so, and the column decides
//! (see [`NumberEvidence`]): any unambiguous value in the same column (`12,50`, `1.234,56`,
//! `0.5`) fixes the style for all of them.

use crate::decimal::decimal_value;
use std::fmt;

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecimalStyle {
    /// `1,234.56`
    Point,
    /// `1.234,56` or `1 234,56`
    Comma,
}

/// Why a cell is not a number. The UI translates each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberError {
    Empty,
    NotANumber,
    /// Digits grouped in a way no locale writes (`1,23`, `12,3456.7` read with a decimal point).
    BadGrouping,
    /// Too many digits to be an amount (more than 40 significant characters) or not finite.
    TooLong,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::Empty => "empty",
            NumberError::NotANumber => "not a number",
            NumberError::BadGrouping => "digits are grouped in an unusual way",
            NumberError::TooLong => "number too long",
        })
    }
}

/// One parsed cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    /// The value under the decimal-point reading when `ambiguous` is set, else the only reading.
    /// A percentage is already divided by 100.
    pub value: f64,
    pub percent: bool,
    /// The style this cell proves, if any (`12,50` proves [`DecimalStyle::Comma`]).
    pub evidence: Option<DecimalStyle>,
    /// True for `1,234` or `1.234`: read with a decimal comma instead, the value is 1000 times
    /// smaller (for `,`) or larger (for `.`). See [`ParsedNumber::resolve`].
    pub ambiguous: Option<u8>,
}

impl ParsedNumber {
    /// The value once the column's style is known.
    pub fn resolve(&self, style: DecimalStyle) -> f64 {
        match (self.ambiguous, style) {
            (Some(b','), DecimalStyle::Comma) => self.value / 1000.0,
            (Some(b'.'), DecimalStyle::Comma) => self.value * 1000.0,
            _ => self.value,
        }
    }
}

/// Evidence gathered over one column to settle `1,234`-style ambiguity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberEvidence {
    pub point: u64,
    pub comma: u64,
}

impl NumberEvidence {
    pub fn add(&mut self, parsed: &ParsedNumber) {
        match parsed.evidence {
            Some(DecimalStyle::Point) => self.point += 1,
            Some(DecimalStyle::Comma) => self.comma += 1,
            None => {}
        }
    }

    /// The style to read ambiguous cells with: the one the column proves most often; the decimal
    /// point (the default of most exports) when nothing proves anything.
    pub fn style(&self, forced: Option<DecimalStyle>) -> DecimalStyle {
        forced.unwrap_or(if self.comma > self.point {
            DecimalStyle::Comma
        } else {
            DecimalStyle::Point
        })
    }
}

/// Currency marks written before or after an amount. Three ASCII letters (`USD`, `eur`) are
/// accepted as a code besides these.
const CURRENCY_MARKS: [&str; 24] = [
    "US$", "R$", "A$", "C$", "NZ$", "HK$", "S$", "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₪", "₫",
    "₴", "₦", "฿", "¢", "₱", "kr", "zł",
];

/// Longest normalised body we parse; longer cells are refused rather than allocated.
const MAX_DIGITS: usize = 40;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

fn strip_currency(text: &str) -> (&str, bool) {
    let t = text.trim_matches(is_space);
    for mark in CURRENCY_MARKS {
        if let Some(rest) = t.strip_prefix(mark) {
            return (rest.trim_matches(is_space), true);
        }
        if let Some(rest) = t.strip_suffix(mark) {
            return (rest.trim_matches(is_space), true);
        }
    }
    let code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic());
    if let Some((head, rest)) = t.split_at_checked(3) {
        if code(head) && !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return (rest.trim_matches(is_space), true);
        }
    }
    if let Some(split) = t.len().checked_sub(3) {
        if let Some((rest, tail)) = t.split_at_checked(split) {
            if code(tail) && !rest.ends_with(|c: char| c.is_ascii_alphabetic()) {
                return (rest.trim_matches(is_space), true);
            }
        }
    }
    (t, false)
}

fn strip_sign(text: &str) -> (&str, bool) {
    if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
        (rest.trim_start_matches(is_space), true)
    } else if let Some(rest) = text.strip_prefix('+') {
        (rest.trim_start_matches(is_space), false)
    } else {
        (text, false)
    }
}

/// Parses one cell. `style` forces the decimal separator; `None` reads it from the cell when the
/// cell tells, and flags `1,234` / `1.234` as ambiguous otherwise.
pub fn parse_number(text: &str, style: Option<DecimalStyle>) -> Result<ParsedNumber, NumberError> {
    match parse_plain(text.as_bytes(), style) {
        Some(plain) => Ok(plain),
        None => parse_general(text, style),
    }
}

/// Every form [`parse_number`] accepts.
fn parse_general(text: &str, style: Option<DecimalStyle>) -> Result<ParsedNumber, NumberError> {
    let mut t = text.trim_matches(is_space);
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    // The common case, `12.50`: no sign, currency, parentheses or percent to look for.
    let digit_ends = t.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && t.as_bytes().last().is_some_and(u8::is_ascii_digit);
    if digit_ends {
        let (value, evidence, ambiguous) = parse_body(t, style)?;
        if !value.is_finite() {
            return Err(NumberError::TooLong);
        }
        return Ok(ParsedNumber {
            value,
            percent: false,
            evidence,
            ambiguous,
        });
    }
    let mut negative = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        t = inner.trim_matches(is_space);
    }
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.trim_end_matches(is_space);
    }
    // Sign and currency come in either order: `-$5`, `$-5`, `USD -5`, `-5 EUR`.
    let (rest, minus) = strip_sign(t);
    let (rest, _) = strip_currency(rest);
    let (rest, minus_after) = strip_sign(rest);
    if (minus || minus_after) && negative {
        return Err(NumberError::NotANumber);
    }
    negative |= minus || minus_after;
    let body = rest;
    if body.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let (mut value, evidence, ambiguous) = parse_body(body, style)?;
    if negative {
        value = -value;
    }
    if percent {
        value /= 100.0;
    }
    if !value.is_finite() {
        return Err(NumberError::TooLong);
    }
    Ok(ParsedNumber {
        value,
        percent,
        evidence,
        ambiguous,
    })
}

/// Up to 15 digits, so the mantissa is exact in a double.
const PLAIN_DIGITS: usize = 15;

/// `7`, `12.5`, `1234.50`: digits and at most a point with one or two digits after it, the bulk
/// of an amount column, read without the general path's scans of characters (a sixth of the
/// time of a 2 M-row file went there). Same result as the general path: the cell proves a
/// decimal point exactly when it has one, and `m / 10^k` of an exact mantissa and an exact power
/// of ten is the correctly rounded value, as [`decimal_value`] gives. `None`: not this form.
fn parse_plain(bytes: &[u8], style: Option<DecimalStyle>) -> Option<ParsedNumber> {
    if style == Some(DecimalStyle::Comma) || bytes.len() > PLAIN_DIGITS + 1 {
        return None;
    }
    let (whole, fraction) = match bytes.iter().position(|&b| b == b'.') {
        Some(at) => (bytes.get(..at)?, bytes.get(at + 1..)?),
        None => (bytes, &[][..]),
    };
    let has_point = whole.len() < bytes.len();
    if whole.is_empty() || (has_point && !(1..=2).contains(&fraction.len())) {
        return None;
    }
    let mut mantissa = 0u64;
    for &b in whole.iter().chain(fraction) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    let scale = [1.0, 10.0, 100.0].get(fraction.len()).copied()?;
    Some(ParsedNumber {
        value: mantissa as f64 / scale,
        percent: false,
        evidence: (has_point && style.is_none()).then_some(DecimalStyle::Point),
        ambiguous: None,
    })
}

type Body = (f64, Option<DecimalStyle>, Option<u8>);

fn parse_body(body: &str, style: Option<DecimalStyle>) -> Result<Body, NumberError> {
    // Scientific notation only in its plain form (`1.5E+03`), as spreadsheets export it.
    if body.bytes().any(|b| b == b'e' || b == b'E') {
        let plain = body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
        if !plain || style == Some(DecimalStyle::Comma) || body.len() > MAX_DIGITS {
            return Err(NumberError::NotANumber);
        }
        if !body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return Err(NumberError::NotANumber);
        }
        let (mantissa, exponent) = body.split_once(['e', 'E']).ok_or(NumberError::NotANumber)?;
        let exponent: i32 = exponent
            .strip_prefix('+')
            .unwrap_or(exponent)
            .parse()
            .map_err(|_| NumberError::NotANumber)?;
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return Err(NumberError::NotANumber);
        }
        // Only digits are left, so no value means one too large for a double (`1e999`).
        let v = decimal_value(whole, fraction, exponent).ok_or(NumberError::TooLong)?;
        return Ok((v, None, None));
    }
    let mut points = 0usize;
    let mut commas = 0usize;
    let mut last_point = None;
    let mut last_comma = None;
    for (i, c) in body.char_indices() {
        match c {
            '0'..='9' | '\'' | '_' => {}
            '.' => {
                points += 1;
                last_point = Some(i);
            }
            ',' => {
                commas += 1;
                last_comma = Some(i);
            }
            c if is_space(c) => {}
            _ => return Err(NumberError::NotANumber),
        }
    }
    // Which character is the decimal separator, what the cell proves, and whether it is ambiguous.
    let (decimal, evidence, ambiguous): (Option<u8>, Option<DecimalStyle>, Option<u8>) = match style
    {
        Some(DecimalStyle::Point) => (Some(b'.'), None, None),
        Some(DecimalStyle::Comma) => (Some(b','), None, None),
        None => match (last_point, last_comma) {
            (Some(p), Some(c)) if p > c => (Some(b'.'), Some(DecimalStyle::Point), None),
            (Some(_), Some(_)) => (Some(b','), Some(DecimalStyle::Comma), None),
            (None, None) => (None, None, None),
            (Some(p), None) => classify_single(body, p, points, b'.'),
            (None, Some(c)) => classify_single(body, c, commas, b','),
        },
    };
    let (whole, fraction) = match decimal.and_then(|d| body.rfind(char::from(d))) {
        Some(at) => (
            body.get(..at).unwrap_or(""),
            Some(body.get(at + 1..).unwrap_or("")),
        ),
        None => (body, None),
    };
    let mut buf = [0u8; MAX_DIGITS + 2];
    let mut n = 0usize;
    let mut push = |b: u8| -> Result<(), NumberError> {
        let slot = buf.get_mut(n).ok_or(NumberError::TooLong)?;
        *slot = b;
        n += 1;
        Ok(())
    };
    let mut groups = 0usize;
    let mut group_len = 0usize;
    let mut whole_digits = 0usize;
    for c in whole.chars() {
        if c.is_ascii_digit() {
            push(c as u8)?;
            group_len += 1;
            whole_digits += 1;
        } else {
            // A group separator: the group before it must be 1–3 digits (first) or 2–3 (Indian
            // lakh grouping writes 1,23,456).
            let ok = if groups == 0 {
                (1..=3).contains(&group_len)
            } else {
                (2..=3).contains(&group_len)
            };
            if !ok {
                return Err(NumberError::BadGrouping);
            }
            groups += 1;
            group_len = 0;
        }
    }
    if groups > 0 && group_len != 3 {
        return Err(NumberError::BadGrouping);
    }
    let mut fraction_digits = 0usize;
    if let Some(fraction) = fraction {
        push(b'.')?;
        for b in fraction.bytes() {
            if !b.is_ascii_digit() {
                return Err(NumberError::NotANumber);
            }
            push(b)?;
            fraction_digits += 1;
        }
    }
    if whole_digits + fraction_digits == 0 {
        return Err(NumberError::NotANumber);
    }
    let normal = buf.get(..n).ok_or(NumberError::TooLong)?;
    let text = std::str::from_utf8(normal).map_err(|_| NumberError::NotANumber)?;
    // "12." and ".5" are fine; a lone "." was refused above.
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let value = decimal_value(whole, fraction, 0).ok_or(NumberError::NotANumber)?;
    Ok((value, evidence, ambiguous))
}

/// A cell with one kind of separator, `count` times, the last at `at`: is it the decimal
/// separator, a thousands separator, or can't one tell?
fn classify_single(
    body: &str,
    at: usize,
    count: usize,
    sep: u8,
) -> (Option<u8>, Option<DecimalStyle>, Option<u8>) {
    let own = if sep == b'.' {
        DecimalStyle::Point
    } else {
        DecimalStyle::Comma
    };
    let other = if sep == b'.' {
        DecimalStyle::Comma
    } else {
        DecimalStyle::Point
    };
    if count > 1 {
        // Written twice: it groups thousands, so the other character is the decimal one.
        let decimal = if sep == b'.' { b',' } else { b'.' };
        return (Some(decimal), Some(other), None);
    }
    let whole = body.get(..at).unwrap_or("");
    let after = body.get(at + 1..).unwrap_or("");
    let whole_digits = whole.bytes().filter(u8::is_ascii_digit).count();
    let leading_zero = whole.bytes().find(u8::is_ascii_digit) == Some(b'0');
    let grouped_by_space = whole.chars().any(|c| !c.is_ascii_digit());
    let three_after = after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit());
    // `1 234,567` (spaces already group the thousands) and `1234,567` (four digits before it)
    // can only be decimal marks; `0,125` too, since no grouped number starts with 0.
    let could_group = (1..=3).contains(&whole_digits) && !leading_zero;
    if three_after && could_group && !grouped_by_space {
        // `1,234` or `1.234`: read with a decimal point for now, flagged.
        let decimal = if sep == b'.' { Some(b'.') } else { None };
        return (decimal, None, Some(sep));
    }
    (Some(sep), Some(own), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(text: &str) -> f64 {
        parse_number(text, None).unwrap().value
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn plain_and_signed() {
        assert_eq!(value("12"), 12.0);
        assert_eq!(value(" -3.5 "), -3.5);
        assert_eq!(value("+7"), 7.0);
        assert_eq!(value("\u{2212}2"), -2.0);
        assert_eq!(value(".5"), 0.5);
        assert_eq!(value("1.5E+03"), 1500.0);
    }

    #[test]
    fn currency_symbols_and_codes() {
        assert_eq!(value("$12.50"), 12.5);
        assert_eq!(value("€ 7"), 7.0);
        assert_eq!(value("7 €"), 7.0);
        assert_eq!(value("£1,234.56"), 1234.56);
        assert_eq!(value("USD 12"), 12.0);
        assert_eq!(value("12 EUR"), 12.0);
        assert_eq!(value("-$5"), -5.0);
        assert_eq!(value("$-5"), -5.0);
        assert_eq!(value("US$3"), 3.0);
        assert_eq!(value("kr 3,50"), 3.5);
    }

    #[test]
    fn negative_in_parentheses() {
        assert_eq!(value("(12.00)"), -12.0);
        assert_eq!(value("($1,000)"), -1000.0);
        assert_eq!(parse_number("(-5)", None), Err(NumberError::NotANumber));
    }

    #[test]
    fn decimal_comma_and_thousands_separators() {
        assert!(close(value("1.234,56"), 1234.56));
        assert!(close(value("1,234.56"), 1234.56));
        assert!(close(value("1 234,56"), 1234.56));
        assert!(close(value("1\u{a0}234,56"), 1234.56));
        assert!(close(value("1\u{202f}234.5"), 1234.5));
        assert!(close(value("1'234.50"), 1234.5));
        assert!(close(value("12,5"), 12.5));
        assert!(close(value("0,125"), 0.125));
        assert!(close(value("1.234.567"), 1_234_567.0));
        assert!(close(value("1,234,567"), 1_234_567.0));
        assert!(close(value("1,23,456.5"), 123_456.5));
        assert!(close(value("1 234"), 1234.0));
    }

    #[test]
    fn evidence_is_reported() {
        let e = |t: &str| parse_number(t, None).unwrap().evidence;
        assert_eq!(e("12,50"), Some(DecimalStyle::Comma));
        assert_eq!(e("1.234,5"), Some(DecimalStyle::Comma));
        assert_eq!(e("12.50"), Some(DecimalStyle::Point));
        assert_eq!(e("1,234,567"), Some(DecimalStyle::Point));
        assert_eq!(e("12"), None);
    }

    #[test]
    fn thousand_or_one_is_ambiguous_until_the_column_decides() {
        let p = parse_number("1,234", None).unwrap();
        assert_eq!(p.ambiguous, Some(b','));
        assert_eq!(p.resolve(DecimalStyle::Point), 1234.0);
        assert!(close(p.resolve(DecimalStyle::Comma), 1.234));
        let p = parse_number("1.234", None).unwrap();
        assert_eq!(p.ambiguous, Some(b'.'));
        assert!(close(p.resolve(DecimalStyle::Point), 1.234));
        assert!(close(p.resolve(DecimalStyle::Comma), 1234.0));
        let mut ev = NumberEvidence::default();
        ev.add(&parse_number("3,50", None).unwrap());
        assert_eq!(ev.style(None), DecimalStyle::Comma);
        assert_eq!(NumberEvidence::default().style(None), DecimalStyle::Point);
    }

    #[test]
    fn forced_style() {
        let c = Some(DecimalStyle::Comma);
        assert!(close(parse_number("1.234", c).unwrap().value, 1234.0));
        assert!(close(parse_number("1,234", c).unwrap().value, 1.234));
        assert_eq!(parse_number("1,234.5", c), Err(NumberError::NotANumber));
        let p = Some(DecimalStyle::Point);
        assert!(close(parse_number("1,234", p).unwrap().value, 1234.0));
    }

    #[test]
    fn percentages() {
        let p = parse_number("45.2%", None).unwrap();
        assert!(p.percent);
        assert!(close(p.value, 0.452));
        assert!(close(value("100 %"), 1.0));
        assert!(close(value("45,2%"), 0.452));
    }

    #[test]
    fn refusals() {
        assert_eq!(parse_number("", None), Err(NumberError::Empty));
        assert_eq!(parse_number("  ", None), Err(NumberError::Empty));
        assert_eq!(parse_number("abc", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("NaN", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("inf", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("Infinity", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("$", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number(".", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1,23", None).map(|p| p.value), Ok(1.23));
        assert_eq!(
            parse_number("12,3456.7", None),
            Err(NumberError::BadGrouping)
        );
        assert_eq!(parse_number("1.2.3,4", None), Err(NumberError::BadGrouping));
        assert_eq!(parse_number("1-2", None), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1e999", None), Err(NumberError::TooLong));
        assert_eq!(
            parse_number(&"9".repeat(100), None),
            Err(NumberError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn the_plain_path_agrees_with_the_general_one(
            text in "[0-9]{1,16}(\\.[0-9]{0,3})?",
            style in proptest::option::of(prop_oneof![Just(DecimalStyle::Point), Just(DecimalStyle::Comma)]),
        ) {
            if let Some(plain) = parse_plain(text.as_bytes(), style) {
                prop_assert_eq!(Ok(plain), parse_general(&text, style));
            }
        }

        #[test]
        fn never_panics(text in ".*") {
            let _ = parse_number(&text, None);
            let _ = parse_number(&text, Some(DecimalStyle::Comma));
            let _ = parse_number(&text, Some(DecimalStyle::Point));
        }

        #[test]
        fn never_panics_on_number_like_text(text in "[-+($€ 0-9.,'%)E]{0,20}") {
            if let Ok(p) = parse_number(&text, None) {
                prop_assert!(p.value.is_finite());
            }
        }

        #[test]
        fn cents_round_trip_in_both_styles(cents in 0u64..10_000_000_000) {
            let whole = cents / 100;
            let frac = cents % 100;
            let point = format!("{whole}.{frac:02}");
            let comma = format!("{whole},{frac:02}");
            let expected = cents as f64 / 100.0;
            prop_assert!(close(parse_number(&point, None).unwrap().value, expected));
            prop_assert!(close(parse_number(&comma, None).unwrap().value, expected));
        }
    }
}
