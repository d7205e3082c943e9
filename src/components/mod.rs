//! One component per file. Components receive domain values and `on*` callbacks as props; none
//! holds state of its own beyond what the DOM holds for it.

pub mod cohort_curves;
pub mod cohort_heatmap;
pub mod count_field;
pub mod csv_input;
pub mod csv_options;
pub mod csv_panel;
pub mod csv_problems;
pub mod csv_status;
pub mod line_chart;
pub mod load_progress;
pub mod metric;
pub mod notices;
pub mod period_panel;
pub mod period_table;
pub mod revenue_retention;
pub mod span_results;
pub mod toolbar;
pub mod triangle_export;
pub mod warehouse_help;
