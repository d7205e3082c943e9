//! The widget's own SVG charts (no chart library): the shared arithmetic in [`scale`] and the
//! one generic chart component, [`xy_chart::XyChart`], that the panels' charts are built on.

pub mod scale;
pub mod xy_chart;
