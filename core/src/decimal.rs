//! Decimal text to `f64` without `str::parse::<f64>`, whose correctly rounded algorithm brings
//! about 15 KB of tables and code into the wasm bundle. Shared by the CSV number reader and the
//! what-if fields.

/// Exact powers of ten: every one up to 10^22 is a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of the decimal `whole.fraction × 10^exponent` (digits only; `None` otherwise).
///
/// Not `str::parse::<f64>`: its correctly rounded algorithm brings about 15 KB of tables and
/// code into the bundle. What people type has at most 15 significant digits and a small
/// exponent, where one multiplication or division of two exact doubles is correctly rounded
/// (Clinger's fast path), so "94.55" with exponent −2 is exactly the double nearest to 0.9455.
/// Longer input is kept to 19 digits and scaled, within a few units in the last place.
pub fn decimal_value(whole: &str, fraction: &str, exponent: i32) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut kept = 0usize;
    let mut dropped = 0i32;
    for d in whole.bytes().chain(fraction.bytes()) {
        if !d.is_ascii_digit() {
            return None;
        }
        if kept == 0 && d == b'0' {
            continue;
        }
        if kept < 19 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            kept += 1;
        } else {
            dropped = dropped.saturating_add(1);
        }
    }
    // value = mantissa / 10^scale.
    let scale = i32::try_from(fraction.len())
        .ok()?
        .checked_sub(exponent)?
        .checked_sub(dropped)?;
    let m = mantissa as f64;
    let exact = mantissa < (1u64 << 53);
    let power = |k: u32| POW10.get(k as usize).copied().filter(|_| exact);
    let value = if scale >= 0 {
        match power(scale.unsigned_abs()) {
            Some(p) => m / p,
            None => m / 10f64.powi(scale),
        }
    } else {
        match power(scale.unsigned_abs()) {
            Some(p) => m * p,
            None => m * 10f64.powi(-scale),
        }
    };
    value.is_finite().then_some(value)
}
