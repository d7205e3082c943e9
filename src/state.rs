//! The widget's whole state, the actions that change it and the pure reducer that applies them.
//! Everything shown is derived from this state by the core crate during rendering; nothing
//! derived is stored, so it can never disagree with the inputs.

use std::rc::Rc;

use retention_core::period::Field;
use retention_core::series::RowInput;
use retention_core::share::{decode_query, decode_rows, encode_rows};
use retention_core::unit::PeriodUnit;
use yew::Reducible;

use crate::csv_state::{self, CsvAction, CsvInputs};
use crate::i18n::Lang;
use crate::settings::{self, Settings};
use crate::whatif_state::{WhatIfAction, WhatIfState};

/// The four text fields of the single-period form, exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodInputs {
    pub start: String,
    pub new: String,
    pub end: String,
    pub new_lost: String,
}

impl Default for PeriodInputs {
    /// The first worked example of the domain notes, so a visitor sees a result at once.
    fn default() -> Self {
        PeriodInputs {
            start: "20".into(),
            new: "5".into(),
            end: "24".into(),
            new_lost: String::new(),
        }
    }
}

impl PeriodInputs {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Start => &self.start,
            Field::New => &self.new,
            Field::End => &self.end,
            Field::NewLost => &self.new_lost,
        }
    }

    fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Start => self.start = value,
            Field::New => self.new = value,
            Field::End => self.end = value,
            Field::NewLost => self.new_lost = value,
        }
    }
}

/// A row of the period table with a stable id, so keyed rendering keeps focus when rows move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub id: u32,
    pub input: RowInput,
}

/// Which cell of a table row an edit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowField {
    Label,
    Start,
    New,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub period: PeriodInputs,
    pub rows: Vec<TableRow>,
    pub unit: PeriodUnit,
    pub settings: Settings,
    pub whatif: WhatIfState,
    /// The CSV panel's inputs (not saved or shared: they may hold a customer list).
    pub csv: CsvInputs,
    next_row_id: u32,
}

pub enum Action {
    SetPeriodField(Field, String),
    SetRowField {
        id: u32,
        field: RowField,
        value: String,
    },
    AddRow,
    RemoveRow(u32),
    /// Moves a row up (`-1`) or down (`+1`); a move past either end does nothing.
    MoveRow {
        id: u32,
        by: isize,
    },
    SetUnit(PeriodUnit),
    SetLang(Lang),
    /// Replaces the whole state: a reset, or a state restored from a link or storage.
    Replace(Box<State>),
    WhatIf(WhatIfAction),
    Csv(CsvAction),
    /// Replaces the period table's rows, e.g. with a period table read from a CSV.
    LoadRows(Vec<RowInput>),
}

/// A small example table so the many-period panel is not empty on first load.
const EXAMPLE_ROWS: [(&str, &str, &str, &str); 6] = [
    ("Jan", "1000", "120", "1040"),
    ("Feb", "", "110", "1065"),
    ("Mar", "", "130", "1110"),
    ("Apr", "", "90", "1108"),
    ("May", "", "140", "1160"),
    ("Jun", "", "100", "1172"),
];

impl Default for State {
    fn default() -> Self {
        let rows: Vec<TableRow> = EXAMPLE_ROWS
            .iter()
            .zip(0u32..)
            .map(|(&(label, start, new, end), id)| TableRow {
                id,
                input: RowInput {
                    label: label.into(),
                    start: start.into(),
                    new: new.into(),
                    end: end.into(),
                },
            })
            .collect();
        State {
            period: PeriodInputs::default(),
            next_row_id: rows.len() as u32,
            rows,
            unit: PeriodUnit::Month,
            settings: Settings::default(),
            whatif: WhatIfState::default(),
            csv: CsvInputs::default(),
        }
    }
}

impl State {
    /// The state a page opens with: defaults, overridden by the query string (`?start=20&new=5&end=24`).
    pub fn from_query(query: &str) -> State {
        State::from_params(&decode_query(query))
    }

    /// Defaults overridden by decoded `name=value` pairs (from a query, a link or storage).
    pub fn from_params(params: &[(String, String)]) -> State {
        let mut state = State::default();
        // The last occurrence wins: callers put the page's query first and a link's or storage's
        // pairs after it.
        let get = |name: &str| params.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v);
        let prefill = [
            ("start", Field::Start),
            ("new", Field::New),
            ("end", Field::End),
            ("new_lost", Field::NewLost),
        ];
        // A link that sets any of the counts describes its own period: fields it leaves out start
        // blank rather than keeping the example's values.
        if prefill.iter().any(|(name, _)| get(name).is_some()) {
            state.period = PeriodInputs {
                start: String::new(),
                new: String::new(),
                end: String::new(),
                new_lost: String::new(),
            };
            for (name, field) in prefill {
                if let Some(v) = get(name) {
                    state.period.set(field, v.clone());
                }
            }
            if state.period.new.is_empty() {
                state.period.new = "0".into();
            }
        }
        let mut malformed = Vec::new();
        if let Some(unit) = get("unit") {
            match PeriodUnit::from_key(unit) {
                Some(unit) => state.unit = unit,
                None => malformed.push(("unit", unit.clone())),
            }
        }
        if let Some(rows) = get("rows") {
            match decode_rows(rows, 4) {
                Ok(rows) => {
                    state.rows = rows
                        .into_iter()
                        .zip(0u32..)
                        .map(|(fields, id)| {
                            let mut f = fields.into_iter();
                            let mut next = || f.next().unwrap_or_default();
                            TableRow {
                                id,
                                input: RowInput {
                                    label: next(),
                                    start: next(),
                                    new: next(),
                                    end: next(),
                                },
                            }
                        })
                        .collect();
                    state.next_row_id = state.rows.len() as u32;
                }
                Err(_) => malformed.push(("rows", rows.clone())),
            }
        }
        state.settings = Settings::from_params(params, &known_params());
        for (name, value) in malformed {
            state.settings.ignored.push(settings::Ignored {
                name: name.to_owned(),
                value,
                reason: settings::IgnoredReason::Malformed,
            });
        }
        if let Some(text) = get("csv") {
            state.csv.text = std::rc::Rc::from(text.as_str());
        }
        state.whatif = WhatIfState::from_query(params);
        state.whatif.restore(params);
        state
    }

    /// The state as `name=value` pairs: what a shared link and local storage carry. The inverse
    /// of [`State::from_params`] for everything a visitor can change.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let p = &self.period;
        let rows: Vec<Vec<&str>> = self
            .rows
            .iter()
            .map(|r| vec![&*r.input.label, &r.input.start, &r.input.new, &r.input.end])
            .collect();
        let mut pairs: Vec<(String, String)> = [
            ("start", p.start.clone()),
            ("new", p.new.clone()),
            ("end", p.end.clone()),
            ("new_lost", p.new_lost.clone()),
            ("unit", self.unit.key().to_owned()),
            ("rows", encode_rows(&rows)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if let Some(lang) = self.settings.lang {
            pairs.push(("lang".to_owned(), lang.tag().to_owned()));
        }
        // A small paste travels with the state (a link's fragment never reaches any server);
        // a large one would make links unusable and fill storage, so it stays in the page.
        if !self.csv.text.is_empty() && self.csv.text.len() <= PASTE_IN_LINK {
            pairs.push(("csv".to_owned(), self.csv.text.to_string()));
        }
        pairs.extend(self.whatif.to_pairs());
        pairs
    }

    pub fn row_inputs(&self) -> Vec<RowInput> {
        self.rows.iter().map(|r| r.input.clone()).collect()
    }
}

/// Longest pasted CSV text carried in links and storage, in bytes.
pub const PASTE_IN_LINK: usize = 2000;

/// Every parameter some part of the widget reads (in a query, a link or storage); others are
/// noted as unknown.
pub fn known_params() -> Vec<&'static str> {
    let mut known = vec!["start", "new", "end", "new_lost", "unit", "rows", "csv"];
    known.extend(settings::PARAMS);
    known.extend(crate::whatif_state::PARAMS);
    known
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetPeriodField(field, value) => next.period.set(field, value),
            Action::SetRowField { id, field, value } => {
                if let Some(row) = next.rows.iter_mut().find(|r| r.id == id) {
                    let slot = match field {
                        RowField::Label => &mut row.input.label,
                        RowField::Start => &mut row.input.start,
                        RowField::New => &mut row.input.new,
                        RowField::End => &mut row.input.end,
                    };
                    *slot = value;
                }
            }
            Action::AddRow => {
                let id = next.next_row_id;
                next.next_row_id = next.next_row_id.wrapping_add(1);
                next.rows.push(TableRow {
                    id,
                    input: RowInput {
                        label: String::new(),
                        start: String::new(),
                        new: "0".into(),
                        end: String::new(),
                    },
                });
            }
            Action::RemoveRow(id) => next.rows.retain(|r| r.id != id),
            Action::MoveRow { id, by } => {
                if let Some(from) = next.rows.iter().position(|r| r.id == id) {
                    let to = from as isize + by;
                    if to >= 0 && (to as usize) < next.rows.len() {
                        next.rows.swap(from, to as usize);
                    }
                }
            }
            Action::SetUnit(unit) => next.unit = unit,
            Action::SetLang(lang) => next.settings.lang = Some(lang),
            Action::Replace(state) => next = *state,
            Action::WhatIf(action) => next.whatif.apply(action),
            Action::Csv(action) => csv_state::apply(&mut next.csv, action),
            Action::LoadRows(rows) => {
                // Fresh ids: keyed rendering must not mistake a loaded row for an edited one.
                let first = next.next_row_id;
                next.rows = rows
                    .into_iter()
                    .zip(first..)
                    .map(|(input, id)| TableRow { id, input })
                    .collect();
                next.next_row_id = first.wrapping_add(next.rows.len() as u32);
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn query_prefills_the_period() {
        let s = State::from_query("?start=44&new=12&end=43");
        assert_eq!(s.period.start, "44");
        assert_eq!(s.period.new, "12");
        assert_eq!(s.period.end, "43");
        assert_eq!(s.period.new_lost, "");
    }

    #[test]
    fn query_decodes_and_ignores_unknowns() {
        let s = State::from_query("?start=1%2C000&end=990&bogus=%ZZ&unit=week");
        assert_eq!(s.period.start, "1,000");
        assert_eq!(s.period.new, "0");
        assert_eq!(s.unit, PeriodUnit::Week);
        assert_eq!(State::from_query("").period, PeriodInputs::default());
    }

    #[test]
    fn pairs_round_trip_the_whole_state() {
        let mut s = State::from_query("?start=7&new=1&end=6&unit=quarter&lang=hr");
        s = apply(s, Action::AddRow);
        let id = s.rows[6].id;
        s = apply(
            s,
            Action::SetRowField {
                id,
                field: RowField::Label,
                value: "Q3 ~ | % & =".into(),
            },
        );
        let pairs = s.to_pairs();
        let back = State::from_params(&pairs);
        assert_eq!(back.period, s.period);
        assert_eq!(back.rows, s.rows);
        assert_eq!(back.unit, PeriodUnit::Quarter);
        assert_eq!(back.settings.lang, Some(Lang::Hr));
    }

    #[test]
    fn malformed_rows_and_unit_are_noted_and_defaults_kept() {
        let s = State::from_query("?rows=a~b&unit=fortnight&zzz=1");
        assert_eq!(s.rows, State::default().rows);
        let names: Vec<&str> = s.settings.ignored.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, vec!["zzz", "unit", "rows"]);
    }

    #[test]
    fn rows_move_within_bounds() {
        let s = State::default();
        let first = s.rows[0].id;
        let moved = apply(s.clone(), Action::MoveRow { id: first, by: 1 });
        assert_eq!(moved.rows[1].id, first);
        let unchanged = apply(s.clone(), Action::MoveRow { id: first, by: -1 });
        assert_eq!(unchanged.rows, s.rows);
    }

    #[test]
    fn loaded_rows_replace_the_table_with_fresh_ids() {
        let s = State::default();
        let old: Vec<u32> = s.rows.iter().map(|r| r.id).collect();
        let row = |label: &str, end: &str| RowInput {
            label: label.into(),
            start: String::new(),
            new: "1".into(),
            end: end.into(),
        };
        let s = apply(s, Action::LoadRows(vec![row("Q1", "10"), row("Q2", "11")]));
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].input.end, "11");
        assert!(s.rows.iter().all(|r| !old.contains(&r.id)));
        // Loaded rows are ordinary rows: a new one gets an id of its own.
        let s = apply(s, Action::AddRow);
        let mut ids: Vec<u32> = s.rows.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn csv_inputs_change_through_their_action_and_only_small_pastes_join_links() {
        // Issue 5: a link carries "small pasted data"; anything over PASTE_IN_LINK stays out.
        let s = apply(
            State::default(),
            Action::Csv(CsvAction::SetText("customer,date\nc1,2024-01-02\n".into())),
        );
        assert!(s.csv.text.starts_with("customer"));
        assert!(s
            .to_pairs()
            .iter()
            .any(|(k, v)| k == "csv" && v.contains("customer")));
        let big = "customer,date\n".to_owned() + &"c1,2024-01-02\n".repeat(200);
        let s = apply(s, Action::Csv(CsvAction::SetText(big.as_str().into())));
        assert!(s.csv.text.len() > PASTE_IN_LINK);
        assert!(s.to_pairs().iter().all(|(k, _)| k != "csv"));
    }

    #[test]
    fn add_and_remove_rows_keep_ids_unique() {
        let s = apply(State::default(), Action::AddRow);
        let s = apply(s, Action::AddRow);
        let mut ids: Vec<u32> = s.rows.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 8);
        let last = s.rows[7].id;
        let s = apply(s, Action::RemoveRow(last));
        assert_eq!(s.rows.len(), 7);
        assert!(s.rows.iter().all(|r| r.id != last));
    }
}
