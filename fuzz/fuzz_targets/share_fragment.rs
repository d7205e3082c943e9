//! URL-fragment decoding (shared links): no panic on any text; whatever decodes re-encodes to a
//! fragment that decodes to the same pairs and rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::share::{
    decode_fragment, decode_query, decode_rows, encode_fragment, encode_rows,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = decode_query(&text);
    let _ = decode_rows(&text, 4);
    if let Ok(pairs) = decode_fragment(&text) {
        let again = encode_fragment(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(decode_fragment(&again).ok().as_ref(), Some(&pairs));
        for (_, v) in &pairs {
            if let Ok(rows) = decode_rows(v, 4) {
                assert_eq!(
                    decode_rows(&encode_rows(&rows), 4).ok().as_ref(),
                    Some(&rows)
                );
            }
        }
    }
});
