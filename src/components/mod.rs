//! One component per file. Components receive domain values and `on*` callbacks as props; none
//! holds state of its own beyond what the DOM holds for it.

pub mod count_field;
pub mod line_chart;
pub mod metric;
pub mod notices;
pub mod period_panel;
pub mod period_table;
pub mod span_results;
pub mod toolbar;
