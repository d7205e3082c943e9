//! The text form of the widget's state: `name=value` pairs, percent-encoded, in the URL query, in
//! a versioned URL fragment (`#v=1&start=20&…`) for shared links, and in local storage. One
//! decoder serves all three, never panics on any input, and refuses a fragment it cannot trust.

/// The fragment format version this build writes and reads.
pub const VERSION: &str = "1";

/// Longest fragment accepted when decoding. Links longer than this are not ours or were tampered
/// with; refusing them bounds the work a hostile link can cause.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// Field separator inside one row of a list value (`rows=Jan~1000~120~1040|Feb~~110~1065`).
const FIELD_SEP: char = '~';
const ROW_SEP: char = '|';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No `v=` pair, or a version this build does not know.
    Version(Option<String>),
    TooLong {
        len: usize,
    },
    /// A list value whose row has the wrong number of fields (row index from 1).
    RowShape {
        row: usize,
        fields: usize,
    },
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Version(Some(v)) => write!(f, "link version {v:?} is not supported"),
            ShareError::Version(None) => f.write_str("the link has no version"),
            ShareError::TooLong { len } => write!(f, "the link is too long ({len} characters)"),
            ShareError::RowShape { row, fields } => {
                write!(f, "row {row} of the link has {fields} fields")
            }
        }
    }
}

/// Splits `?a=1&b=2` (or `a=1&b=2`) into decoded pairs. `+` is a space; a malformed escape is
/// kept as written, since a wrong value is shown and flagged next to its field anyway.
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches(['?', '#'])
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

/// Decodes a versioned fragment into pairs, without the `v` pair.
pub fn decode_fragment(fragment: &str) -> Result<Vec<(String, String)>, ShareError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong {
            len: fragment.len(),
        });
    }
    let mut pairs = decode_query(fragment);
    match pairs.iter().position(|(k, _)| k == "v") {
        Some(i) if pairs[i].1 == VERSION => {
            pairs.remove(i);
            Ok(pairs)
        }
        Some(i) => Err(ShareError::Version(Some(pairs[i].1.clone()))),
        None => Err(ShareError::Version(None)),
    }
}

/// Encodes pairs as a versioned fragment body (without the `#`).
pub fn encode_fragment<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = format!("v={VERSION}");
    for (k, v) in pairs {
        out.push('&');
        out.push_str(&encode_component(k));
        out.push('=');
        out.push_str(&encode_component(v));
    }
    out
}

/// Joins rows of fields into one value; each field is escaped so separators inside it survive.
pub fn encode_rows<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let rows: Vec<String> = rows
        .iter()
        .map(|fields| {
            let fields: Vec<String> = fields.iter().map(|f| escape_field(f.as_ref())).collect();
            fields.join(&FIELD_SEP.to_string())
        })
        .collect();
    rows.join(&ROW_SEP.to_string())
}

/// Splits a value made by [`encode_rows`] back into rows of exactly `fields` fields.
pub fn decode_rows(text: &str, fields: usize) -> Result<Vec<Vec<String>>, ShareError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(ROW_SEP)
        .enumerate()
        .map(|(i, row)| {
            let parts: Vec<String> = row.split(FIELD_SEP).map(unescape_field).collect();
            if parts.len() == fields {
                Ok(parts)
            } else {
                Err(ShareError::RowShape {
                    row: i + 1,
                    fields: parts.len(),
                })
            }
        })
        .collect()
}

/// Percent-encodes everything but ASCII letters, digits and `-._,`, so any text survives a URL.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match b {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    // Two hex digits are at most 0xFF, so the cast is exact.
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Inside a row value the separators are escaped with `%`-codes of their own (`%7E`, `%7C`), and
/// so is `%` itself, so the row split never meets a separator that belongs to a field.
fn escape_field(text: &str) -> String {
    text.replace('%', "%25")
        .replace(FIELD_SEP, "%7E")
        .replace(ROW_SEP, "%7C")
}

fn unescape_field(text: &str) -> String {
    text.replace("%7E", "~")
        .replace("%7C", "|")
        .replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn query_decodes_escapes_and_plus() {
        assert_eq!(
            decode_query("?start=1%2C000&x=a+b&bad=%ZZ&flag"),
            vec![
                ("start".to_string(), "1,000".to_string()),
                ("x".to_string(), "a b".to_string()),
                ("bad".to_string(), "%ZZ".to_string()),
                ("flag".to_string(), String::new()),
            ]
        );
    }

    #[test]
    fn fragment_round_trips_and_checks_version() {
        let f = encode_fragment([("start", "20"), ("label", "Q1 & Q2 = 50% ~ | é")]);
        assert!(f.starts_with("v=1&"));
        let pairs = decode_fragment(&f).unwrap();
        assert_eq!(pairs[1].1, "Q1 & Q2 = 50% ~ | é");
        assert_eq!(
            decode_fragment("v=9&start=1"),
            Err(ShareError::Version(Some("9".into())))
        );
        assert_eq!(decode_fragment("start=1"), Err(ShareError::Version(None)));
        let long = "a".repeat(MAX_FRAGMENT + 1);
        assert!(matches!(
            decode_fragment(&long),
            Err(ShareError::TooLong { .. })
        ));
    }

    #[test]
    fn rows_keep_separators_inside_fields() {
        let rows = vec![
            vec![
                "Jan ~ 1|2".to_string(),
                "".into(),
                "100%".into(),
                "%7E".into(),
            ],
            vec!["".into(), "1".into(), "2".into(), "3".into()],
        ];
        let text = encode_rows(&rows);
        assert_eq!(decode_rows(&text, 4).unwrap(), rows);
        assert_eq!(
            decode_rows("a~b|c", 2),
            Err(ShareError::RowShape { row: 2, fields: 1 })
        );
    }

    proptest! {
        #[test]
        fn any_text_survives_a_fragment(k in "[a-z_]{1,8}", v in ".*") {
            let f = encode_fragment([(k.as_str(), v.as_str())]);
            let pairs = decode_fragment(&f).unwrap();
            prop_assert_eq!(&pairs[0].1, &v);
        }

        #[test]
        fn any_rows_survive(rows in proptest::collection::vec(proptest::collection::vec(".*", 3), 1..6)) {
            let text = encode_rows(&rows);
            let fragment = encode_fragment([("rows", text.as_str())]);
            let pairs = decode_fragment(&fragment).unwrap();
            prop_assert_eq!(decode_rows(&pairs[0].1, 3).unwrap(), rows);
        }

        #[test]
        fn decoding_never_panics(text in ".*") {
            let _ = decode_fragment(&text);
            let _ = decode_rows(&text, 4);
            let _ = decode_query(&text);
        }
    }
}
