//! `retention-core`: every computation of the retention widget, with no web dependency.
//!
//! The crate is the widget's whole arithmetic: parsing what a person typed or pasted, one-period
//! and many-period retention metrics, cohorts, survival models and what-if projections. It is
//! tested natively and never panics on input: every failure is a value that names its place
//! (field, row, column) so the UI can put a message next to it.

pub mod calendar;
pub mod cohort;
pub mod count;
pub mod decimal;
pub mod export;
pub mod ingest;
pub mod model;
pub mod period;
pub mod series;
pub mod share;
pub mod unit;
pub mod whatif;
