//! The arithmetic of the charts, kept apart from the markup so it is tested natively: "nice"
//! axis ticks, the linear map from data to SVG coordinates, and path strings.

/// About `n` evenly spaced round values (steps of 1, 2, 2.5 or 5 × 10^k) covering [min, max]:
/// the first tick is at or below `min`, the last at or above `max`. A degenerate range is widened
/// around its value; non-finite bounds give no ticks. Never more than `n + 3` ticks.
pub fn nice_ticks(min: f64, max: f64, n: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) {
        return Vec::new();
    }
    let (mut lo, mut hi) = if min <= max { (min, max) } else { (max, min) };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        // One value: show it between two neighbours, a unit (or its size) either side.
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() };
        lo -= pad;
        hi += pad;
        if min >= 0.0 && lo < 0.0 {
            lo = 0.0;
        }
    }
    let intervals = n.max(1) as f64;
    let raw = (hi - lo) / intervals;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude);
    if !(step.is_finite() && step > 0.0) {
        return Vec::new();
    }
    // The slack absorbs division noise (0.1 / 0.05 may be 1.9999…): no extra tick for it.
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    // Rounded to the step's decimals, so 3 × 0.1 is 0.3 and not 0.30000000000000004.
    let decimals = -step.log10().floor() + 1.0;
    let round = |v: f64| {
        if (0.0..=15.0).contains(&decimals) {
            let f = 10f64.powi(decimals as i32);
            (v * f).round() / f
        } else {
            v
        }
    };
    (first..=last)
        .take(n.max(1) + 3)
        .map(|k| round(k as f64 * step))
        .collect()
}

/// A linear map from a data interval onto a pixel interval (which may run backwards, as y does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    /// Maps `v`; a degenerate domain maps everything to the middle of the range.
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !v.is_finite() {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// "x,y x,y …" for a `<polyline>`, one decimal (a tenth of a pixel is plenty).
/// `format!("{v:.1}")` for an SVG coordinate, without core's float formatting machinery (about
/// 12 KB of wasm that nothing else in the widget needs). Halves round away from zero.
pub fn coord(v: f64) -> String {
    // Coordinates are a few hundred units at most; anything else is a bug upstream, drawn at 0.
    if !v.is_finite() || v.abs() >= 1e12 {
        return "0.0".to_owned();
    }
    let tenths = (v.abs() * 10.0).round() as u64;
    let sign = if v < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// `[v0, v1, …]` → `[(0, v0), (1, v1), …]`: a series over periods t = 0, 1, ….
pub fn indexed(values: &[f64]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(t, &v)| (t as f64, v))
        .collect()
}

pub fn polyline(points: &[(f64, f64)]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&coord(*x));
        out.push(',');
        out.push_str(&coord(*y));
    }
    out
}

/// The polygon between two curves over the same x: along `upper`, back along `lower`.
pub fn area(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    let mut points: Vec<(f64, f64)> = upper.to_vec();
    points.extend(lower.iter().rev());
    polyline(&points)
}

/// Indices of at most `most` points spread evenly over `len` (always the first and last): the
/// chart marks these as focusable, the data table has every point.
pub fn thinned(len: usize, most: usize) -> Vec<usize> {
    if len == 0 || most == 0 {
        return Vec::new();
    }
    let every = len.div_ceil(most).max(1);
    let mut out: Vec<usize> = (0..len).step_by(every).collect();
    if out.last() != Some(&(len - 1)) {
        out.push(len - 1);
    }
    out
}

/// Text made safe for markup built as a string: `&`, `<`, `>` and `"` as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coord_matches_one_decimal_formatting() {
        for v in [0.0, 1.0, 12.34, 12.36, -3.06, 319.99, 150.0, 7.15, 88.04] {
            assert_eq!(coord(v), format!("{v:.1}"), "{v}");
        }
        // Where they differ it is by design or by a hair no screen shows: no negative zero, and
        // 0.95 (stored just below) rounds up after the multiplication by ten.
        assert_eq!(coord(-0.04), "0.0");
        assert_eq!(coord(0.95), "1.0");
        assert_eq!(coord(f64::NAN), "0.0");
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(0.0, 27_100.0, 4),
            vec![0.0, 10_000.0, 20_000.0, 30_000.0]
        );
        assert_eq!(
            nice_ticks(0.0, 24.0, 6),
            vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
        );
        assert_eq!(
            nice_ticks(0.1, 0.35, 5),
            vec![0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
        );
        assert_eq!(nice_ticks(0.0, 0.3, 3), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(
            nice_ticks(-3.0, 7.0, 5),
            vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]
        );
        // Reversed bounds are the same range.
        assert_eq!(nice_ticks(1.0, 0.0, 4), nice_ticks(0.0, 1.0, 4));
    }

    #[test]
    fn degenerate_ranges_still_get_ticks() {
        assert_eq!(nice_ticks(0.0, 0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(5.0, 5.0, 4), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 4).is_empty());
        assert!(nice_ticks(0.0, 1e300, 4).len() <= 7);
        assert!(!nice_ticks(0.0, 1.0, 0).is_empty());
    }

    #[test]
    fn scale_maps_both_ways() {
        let y = Scale {
            domain: (0.0, 1.0),
            range: (150.0, 10.0),
        };
        assert_eq!(y.at(0.0), 150.0);
        assert_eq!(y.at(1.0), 10.0);
        assert_eq!(y.at(0.5), 80.0);
        let flat = Scale {
            domain: (3.0, 3.0),
            range: (0.0, 10.0),
        };
        assert_eq!(flat.at(3.0), 5.0);
        assert_eq!(flat.at(f64::NAN), 5.0);
    }

    #[test]
    fn paths_and_thinning() {
        assert_eq!(polyline(&[(0.0, 1.0), (2.26, 3.0)]), "0.0,1.0 2.3,3.0");
        assert_eq!(
            area(&[(0.0, 1.0), (1.0, 1.0)], &[(0.0, 2.0), (1.0, 2.0)]),
            "0.0,1.0 1.0,1.0 1.0,2.0 0.0,2.0"
        );
        assert_eq!(thinned(5, 10), vec![0, 1, 2, 3, 4]);
        assert_eq!(thinned(25, 5), vec![0, 5, 10, 15, 20, 24]);
        assert!(thinned(0, 5).is_empty());
        assert_eq!(
            escape(r#"a < b & "c" > d"#),
            "a &lt; b &amp; &quot;c&quot; &gt; d"
        );
    }
}
