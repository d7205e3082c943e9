//! Guessing the delimiter from the first lines, through the same quote-aware splitter as the real
//! read, so a `,` inside `"1,234.50"` never counts.
//!
//! The delimiter that splits the most records into the same number of fields (more than one)
//! wins; `;` beats `,` when both split consistently because a `;` file with decimal commas splits
//! consistently on `,` only by accident of one comma per row.

use super::records::{RawRecord, RecordSplitter};

/// The delimiters tried, in order of preference on a tie.
pub const CANDIDATES: [u8; 4] = [b';', b'\t', b'|', b','];

/// How much of the start of a file the sniffer reads.
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// How many records of the sample are looked at.
const SAMPLE_RECORDS: usize = 100;

/// The UTF-8 byte-order mark some spreadsheets write first.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// `bytes` without a leading byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// The delimiter of `sample`. `complete` says the sample is the whole file, so its last record
/// is whole; otherwise that record may be cut and is ignored. `,` when nothing splits.
pub fn sniff_delimiter(sample: &[u8], complete: bool) -> u8 {
    let sample = strip_bom(sample);
    let sample = sample.get(..SAMPLE_BYTES).unwrap_or(sample);
    let complete = complete && sample.len() < SAMPLE_BYTES;
    let mut best = (b',', 0.0f64, 0usize);
    for delimiter in CANDIDATES {
        let counts = field_counts(sample, delimiter, complete);
        let Some((mode, frequency)) = mode(&counts) else {
            continue;
        };
        if mode < 2 {
            continue;
        }
        let consistency = frequency as f64 / counts.len() as f64;
        if consistency > best.1 || (consistency == best.1 && mode > best.2) {
            best = (delimiter, consistency, mode);
        }
    }
    best.0
}

/// Fields per non-blank record of the sample, trailing empty fields dropped (a trailing
/// delimiter on some rows only must not break consistency).
fn field_counts(sample: &[u8], delimiter: u8, complete: bool) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut splitter = RecordSplitter::new(delimiter);
    let mut count = |r: &RawRecord<'_>| {
        if counts.len() < SAMPLE_RECORDS && !r.is_blank() {
            let used = (0..r.len())
                .rev()
                .find(|&i| {
                    r.field(i)
                        .is_some_and(|f| !f.iter().all(u8::is_ascii_whitespace))
                })
                .map_or(0, |i| i + 1);
            counts.push(used);
        }
    };
    // A sample that cuts a record leaves it unfinished in the splitter; only `finish` would emit it.
    if splitter.feed(sample, &mut count).is_err() {
        return counts;
    }
    if complete {
        let _ = splitter.finish(&mut count);
    }
    counts
}

/// The most frequent value and how often it occurs.
fn mode(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        let (Some(&value), len) = (run.first(), run.len()) else {
            continue;
        };
        if best.is_none_or(|(v, n)| len > n || (len == n && value > v)) {
            best = Some((value, len));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_delimiter_is_found() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n", true), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n1;2;3\n", true), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1\t2\t3\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3\n", true), b'|');
    }

    #[test]
    fn quoted_delimiters_do_not_count() {
        let text = b"id;amount\n\"a;b\";\"1,234.50\"\nc;\"2,5\"\n";
        assert_eq!(sniff_delimiter(text, true), b';');
        let text = b"id,note\n1,\"x;y;z\"\n2,\"p;q;r\"\n";
        assert_eq!(sniff_delimiter(text, true), b',');
    }

    #[test]
    fn decimal_commas_in_a_semicolon_file() {
        let text = b"date;amount\n2024-01-01;12,50\n2024-01-02;3,10\n";
        assert_eq!(sniff_delimiter(text, true), b';');
    }

    #[test]
    fn bom_crlf_blank_lines_and_trailing_delimiters() {
        let text = b"\xef\xbb\xbfa;b;\r\n\r\n1;2;\r\n3;4\r\n";
        assert_eq!(sniff_delimiter(text, true), b';');
    }

    #[test]
    fn single_column_falls_back_to_comma() {
        assert_eq!(sniff_delimiter(b"just\none\ncolumn\n", true), b',');
        assert_eq!(sniff_delimiter(b"", true), b',');
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000), complete: bool) {
            let d = sniff_delimiter(&bytes, complete);
            prop_assert!(CANDIDATES.contains(&d));
        }
    }
}
