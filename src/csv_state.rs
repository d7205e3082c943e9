//! The CSV panel's share of the reducer state: the small inputs a visitor chooses (pasted text,
//! shape and column overrides, granularity, day/month order, how the triangle is shown), the
//! actions that change them and the pure function that applies them. The loaded data itself (a
//! triangle can come from a 50 MB file) lives in the panel, never here: this state is cloned on
//! every keystroke anywhere in the widget.

use std::rc::Rc;

use retention_core::calendar::Granularity;
use retention_core::ingest::{DayMonthOrder, ReadOptions, Role, Shape};

/// Above this many bytes a paste is treated as big: it is still read, but the panel says so
/// and nothing of it may ever be persisted or shared (local storage and links stay small).
pub const SMALL_PASTE: usize = 20 * 1024;

/// How triangle cells are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellView {
    /// Share of the cohort (a fraction, shown as a percent).
    #[default]
    Percent,
    /// Distinct customers.
    Absolute,
}

/// Which retention the triangle and curves show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// Active in period k.
    #[default]
    Exact,
    /// Active in period k or any later one (per-customer data only).
    Unbounded,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvInputs {
    /// The pasted text. An `Rc` so the reducer's clone of the whole state stays cheap whatever
    /// was pasted.
    pub text: Rc<str>,
    pub shape: Option<Shape>,
    /// Columns chosen by the visitor, 1-based, at most one per role.
    pub columns: Vec<(Role, usize)>,
    pub granularity: Granularity,
    pub date_order: Option<DayMonthOrder>,
    pub view: CellView,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CsvAction {
    SetText(Rc<str>),
    /// `None`: detect.
    SetShape(Option<Shape>),
    /// `None`: recognise the column from the header.
    SetColumn(Role, Option<usize>),
    SetGranularity(Granularity),
    SetDateOrder(Option<DayMonthOrder>),
    SetView(CellView),
    SetBasis(Basis),
}

/// Applies an action. Changing the shape forgets the column choices: they name roles of the
/// shape they were made for.
pub fn apply(inputs: &mut CsvInputs, action: CsvAction) {
    match action {
        CsvAction::SetText(text) => inputs.text = text,
        CsvAction::SetShape(shape) => {
            if inputs.shape != shape {
                inputs.columns.clear();
            }
            inputs.shape = shape;
        }
        CsvAction::SetColumn(role, column) => {
            inputs.columns.retain(|(r, _)| *r != role);
            if let Some(column) = column.filter(|&c| c > 0) {
                // The same column cannot play two roles: the newer choice wins.
                inputs.columns.retain(|(_, c)| *c != column);
                inputs.columns.push((role, column));
                inputs.columns.sort();
            }
        }
        CsvAction::SetGranularity(g) => inputs.granularity = g,
        CsvAction::SetDateOrder(order) => inputs.date_order = order,
        CsvAction::SetView(view) => inputs.view = view,
        CsvAction::SetBasis(basis) => inputs.basis = basis,
    }
}

impl CsvInputs {
    /// What the importer is told; the view toggles are not part of it, so switching them never
    /// reads the data again.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            shape: self.shape,
            columns: self.columns.clone(),
            date_order: self.date_order,
            granularity: self.granularity,
            ..ReadOptions::default()
        }
    }

    pub fn column_for(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|(r, _)| *r == role)
            .map(|&(_, c)| c)
    }

    pub fn is_big_paste(&self) -> bool {
        self.text.len() > SMALL_PASTE
    }
}

/// The roles whose column a visitor can choose for a shape, required ones first.
pub fn roles_of(shape: Shape) -> &'static [Role] {
    match shape {
        Shape::PeriodTable => &[Role::Label, Role::Start, Role::New, Role::End, Role::Lost],
        Shape::CohortLong => &[Role::Cohort, Role::Period, Role::Active, Role::Revenue],
        Shape::CohortWide => &[Role::Cohort, Role::Size],
        Shape::RawActivity => &[Role::Customer, Role::Date, Role::Amount],
    }
}

/// Every shape, in the order the shape menu lists them.
pub const SHAPES: [Shape; 4] = [
    Shape::RawActivity,
    Shape::CohortLong,
    Shape::CohortWide,
    Shape::PeriodTable,
];

pub fn shape_from_key(key: &str) -> Option<Shape> {
    SHAPES.into_iter().find(|s| s.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(actions: Vec<CsvAction>) -> CsvInputs {
        let mut s = CsvInputs::default();
        for a in actions {
            apply(&mut s, a);
        }
        s
    }

    #[test]
    fn a_column_plays_one_role_and_choices_stay_sorted() {
        let s = applied(vec![
            CsvAction::SetColumn(Role::Date, Some(3)),
            CsvAction::SetColumn(Role::Customer, Some(1)),
            CsvAction::SetColumn(Role::Amount, Some(3)),
        ]);
        assert_eq!(s.columns, vec![(Role::Customer, 1), (Role::Amount, 3)]);
        let s = applied(vec![
            CsvAction::SetColumn(Role::Date, Some(2)),
            CsvAction::SetColumn(Role::Date, None),
        ]);
        assert!(s.columns.is_empty());
        // Column 0 does not exist (1-based): treated as "recognise it".
        let s = applied(vec![CsvAction::SetColumn(Role::Date, Some(0))]);
        assert_eq!(s.column_for(Role::Date), None);
    }

    #[test]
    fn changing_the_shape_forgets_the_columns_but_repeating_it_does_not() {
        let s = applied(vec![
            CsvAction::SetShape(Some(Shape::RawActivity)),
            CsvAction::SetColumn(Role::Date, Some(2)),
            CsvAction::SetShape(Some(Shape::RawActivity)),
        ]);
        assert_eq!(s.column_for(Role::Date), Some(2));
        let s = applied(vec![
            CsvAction::SetColumn(Role::Date, Some(2)),
            CsvAction::SetShape(Some(Shape::CohortLong)),
        ]);
        assert!(s.columns.is_empty());
        assert_eq!(s.shape, Some(Shape::CohortLong));
    }

    #[test]
    fn read_options_carry_the_choices_but_not_the_view() {
        let s = applied(vec![
            CsvAction::SetGranularity(Granularity::Week),
            CsvAction::SetDateOrder(Some(DayMonthOrder::DayFirst)),
            CsvAction::SetColumn(Role::Customer, Some(2)),
        ]);
        let o = s.read_options();
        assert_eq!(o.granularity, Granularity::Week);
        assert_eq!(o.date_order, Some(DayMonthOrder::DayFirst));
        assert_eq!(o.columns, vec![(Role::Customer, 2)]);
        let toggled = applied(vec![
            CsvAction::SetGranularity(Granularity::Week),
            CsvAction::SetDateOrder(Some(DayMonthOrder::DayFirst)),
            CsvAction::SetColumn(Role::Customer, Some(2)),
            CsvAction::SetView(CellView::Absolute),
            CsvAction::SetBasis(Basis::Unbounded),
        ]);
        assert_eq!(toggled.read_options(), o);
        assert_ne!(toggled, s);
    }

    #[test]
    fn big_pastes_are_told_apart() {
        let mut s = CsvInputs::default();
        apply(&mut s, CsvAction::SetText("a,b\n".repeat(6000).into()));
        assert!(s.is_big_paste());
        apply(&mut s, CsvAction::SetText("a,b\n1,2\n".into()));
        assert!(!s.is_big_paste());
    }

    #[test]
    fn shape_keys_read_back() {
        for shape in SHAPES {
            assert_eq!(shape_from_key(shape.key()), Some(shape));
        }
        assert_eq!(shape_from_key("auto"), None);
    }
}
