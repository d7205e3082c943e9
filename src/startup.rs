//! Which state the widget opens with. Pure: the caller passes what the browser holds.
//!
//! Order: a shared link's fragment (`#v=1&…`) restores exactly what was shared; otherwise the
//! state saved in local storage, if it was saved under the same query string (a host that changes
//! its `?start=…` prefill gets its new prefill, not a stale visit); otherwise the query alone.
//! The page's query also applies under a fragment, for the embedding's settings (`lang`, `theme`…).

use retention_core::share::{decode_fragment, decode_query, encode_fragment, ShareError};

use crate::state::State;

/// Where the opening state came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Link,
    Saved,
    Page,
    /// The fragment could not be read: defaults (and the query) were used instead.
    BrokenLink(ShareError),
}

/// The pair under which the saved state remembers its query string.
const SAVED_QUERY: &str = "q";

pub fn initial_state(query: &str, fragment: &str, saved: Option<&str>) -> (State, Origin) {
    // The query comes first and the link's or storage's pairs after it: the last occurrence of a
    // name wins, so the visitor's own state overrides the page's prefill.
    let query_pairs = decode_query(query);
    if !fragment.is_empty() {
        return match decode_fragment(fragment) {
            Ok(pairs) => {
                let all: Vec<_> = query_pairs.into_iter().chain(pairs).collect();
                (State::from_params(&all), Origin::Link)
            }
            Err(e) => (State::from_params(&query_pairs), Origin::BrokenLink(e)),
        };
    }
    if let Some(Ok(mut pairs)) = saved.map(decode_fragment) {
        let same_query = pairs
            .iter()
            .any(|(k, v)| k == SAVED_QUERY && v == query.trim_start_matches('?'));
        if same_query {
            pairs.retain(|(k, _)| k != SAVED_QUERY);
            let all: Vec<_> = query_pairs.into_iter().chain(pairs).collect();
            return (State::from_params(&all), Origin::Saved);
        }
    }
    (State::from_params(&query_pairs), Origin::Page)
}

/// The text saved to local storage for `state`, opened under `query`.
pub fn saved_text(state: &State, query: &str) -> String {
    let pairs = state.to_pairs();
    let query = query.trim_start_matches('?');
    encode_fragment(
        pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain([(SAVED_QUERY, query)]),
    )
}

/// A fragment longer than this makes a link some chat apps and browsers truncate.
pub const LINK_LIMIT: usize = 4000;

/// A shared link and what had to be left out of it to keep it usable.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedLink {
    pub fragment: String,
    pub table_left_out: bool,
    pub paste_left_out: bool,
}

/// The fragment of a shared link. When everything does not fit in [`LINK_LIMIT`], the pasted data
/// goes first, then the period table; the link says which (the toolbar shows it).
pub fn share_fragment(state: &State) -> SharedLink {
    let mut pairs = state.to_pairs();
    let encode = |pairs: &[(String, String)]| {
        encode_fragment(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    };
    let mut fragment = encode(&pairs);
    for name in ["csv", "rows"] {
        if fragment.len() <= LINK_LIMIT {
            break;
        }
        pairs.retain(|(k, _)| k != name);
        fragment = encode(&pairs);
    }
    let has = |name: &str| pairs.iter().any(|(k, _)| k == name);
    SharedLink {
        table_left_out: !has("rows"),
        paste_left_out: !state.csv.text.is_empty() && !has("csv"),
        fragment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use std::rc::Rc;
    use yew::Reducible;

    fn edited() -> State {
        let s = State::from_query("?start=44&new=12&end=43");
        (*Rc::new(s).reduce(Action::SetPeriodField(
            retention_core::period::Field::End,
            "40".into(),
        )))
        .clone()
    }

    #[test]
    fn a_link_restores_exactly_what_was_shared() {
        let s = edited();
        let link = share_fragment(&s);
        assert!(!link.table_left_out && !link.paste_left_out);
        let (back, origin) = initial_state("", &link.fragment, None);
        assert_eq!(origin, Origin::Link);
        assert_eq!(back.period, s.period);
        assert_eq!(back.rows, s.rows);
    }

    #[test]
    fn a_link_restores_the_what_if_inputs_over_the_page_query() {
        use crate::whatif_state::{InputField, WhatIfAction};
        let s = State::from_query("?retention=0.9&arpu=10");
        let s = (*Rc::new(s).reduce(Action::WhatIf(WhatIfAction::Set(
            InputField::Arpu,
            "12.5".into(),
        ))))
        .clone();
        let link = share_fragment(&s);
        let (back, origin) = initial_state("?retention=0.9&arpu=10", &link.fragment, None);
        assert_eq!(origin, Origin::Link);
        assert_eq!(back.whatif, s.whatif);
        assert_eq!(back.whatif.arpu, "12.5");
        assert!(
            back.settings.ignored.is_empty(),
            "{:?}",
            back.settings.ignored
        );
    }

    #[test]
    fn a_small_paste_travels_in_the_link_and_a_large_one_is_noted() {
        use crate::csv_state::CsvAction;
        let paste = "customer_id,date\nc1,2024-01-05\nc2,2024-02-01\n";
        let s = (*Rc::new(State::default())
            .reduce(Action::Csv(CsvAction::SetText(Rc::from(paste)))))
        .clone();
        let link = share_fragment(&s);
        assert!(!link.paste_left_out);
        let (back, _) = initial_state("", &link.fragment, None);
        assert_eq!(&*back.csv.text, paste);
        let big = "c,2024-01-01\n".repeat(400);
        let s = (*Rc::new(State::default())
            .reduce(Action::Csv(CsvAction::SetText(Rc::from(big.as_str())))))
        .clone();
        let link = share_fragment(&s);
        assert!(link.paste_left_out);
        assert!(!link.table_left_out);
        assert!(!link.fragment.contains("csv="));
    }

    #[test]
    fn a_broken_link_falls_back_with_its_reason() {
        let (s, origin) = initial_state("?start=5", "v=7&start=1", None);
        assert_eq!(
            origin,
            Origin::BrokenLink(ShareError::Version(Some("7".into())))
        );
        assert_eq!(s.period.start, "5");
    }

    #[test]
    fn saved_state_applies_only_under_the_same_query() {
        let s = edited();
        let saved = saved_text(&s, "?start=44&new=12&end=43");
        let (back, origin) = initial_state("?start=44&new=12&end=43", "", Some(&saved));
        assert_eq!(origin, Origin::Saved);
        assert_eq!(back.period.end, "40");
        let (fresh, origin) = initial_state("?start=9&end=9", "", Some(&saved));
        assert_eq!(origin, Origin::Page);
        assert_eq!(fresh.period.start, "9");
        let (_, origin) = initial_state("", "", Some("garbage"));
        assert_eq!(origin, Origin::Page);
    }

    #[test]
    fn a_huge_table_is_left_out_of_the_link() {
        let mut s = State::default();
        for _ in 0..400 {
            s = (*Rc::new(s).reduce(Action::AddRow)).clone();
        }
        let link = share_fragment(&s);
        assert!(link.table_left_out);
        assert!(!link.paste_left_out);
        assert!(link.fragment.len() <= LINK_LIMIT);
        assert!(!link.fragment.contains("rows="));
    }
}
