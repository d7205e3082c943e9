//! One component per file. Components receive domain values and `on*` callbacks as props; none
//! holds state of its own beyond what the DOM holds for it.

pub mod chart;
pub mod cohort_curves;
pub mod cohort_heatmap;
pub mod csv_input;
pub mod csv_options;
pub mod csv_panel;
pub mod csv_problems;
pub mod csv_status;
pub mod line_chart;
pub mod load_progress;
pub mod metric;
pub mod model_panel;
pub mod model_table;
pub mod notices;
pub mod number_field;
pub mod period_panel;
pub mod period_table;
pub mod projection_chart;
pub mod revenue_retention;
pub mod span_results;
pub mod survival_chart;
pub mod toolbar;
pub mod triangle_export;
pub mod warehouse_help;
pub mod whatif_inputs;
pub mod whatif_panel;
pub mod whatif_results;
