//! The catalog of the CSV panel: input, how the file was read, every problem and refusal the
//! importer gives, the cohort triangle, curves, revenue retention and downloads. English only for
//! now; the other languages read it until their translations land.

use retention_core::calendar::Granularity;
use retention_core::ingest::date::DateError;
use retention_core::ingest::number::NumberError;
use retention_core::ingest::{IngestError, Role, RowProblemKind, Shape};

use super::{fill, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Heading,
    Intro,
    DropZone,
    PasteLabel,
    PastePlaceholder,
    PasteHelp,
    FileLabel,
    BigPaste,
    Reading,
    Cancel,
    Cancelled,
    NothingYet,
    ReadAs,
    RowsUsedOne,
    RowsUsedOther,
    RowsSkippedOne,
    RowsSkippedOther,
    ColumnsOne,
    ColumnsOther,
    SeparatedBy,
    DelimiterTab,
    ProblemsHeadingOne,
    ProblemsHeadingOther,
    ProblemsMore,
    PlaceCellNamed,
    PlaceCell,
    PlaceRow,
    AmbiguousDates,
    DayFirst,
    MonthFirst,
    Unreadable,
    TooLargeForTable,
    OptionsHeading,
    ShapeLabel,
    ShapeAuto,
    ShapeAutoFound,
    ShapePeriodTable,
    ShapeCohortLong,
    ShapeCohortWide,
    ShapeActivity,
    GranularityLabel,
    GranularityWeek,
    GranularityMonth,
    GranularityQuarter,
    DateOrderLabel,
    DateOrderAuto,
    ColumnsLegend,
    ColumnAuto,
    ColumnAutoFound,
    ColumnOption,
    RoleCustomer,
    RoleDate,
    RoleAmount,
    RoleCohort,
    RolePeriod,
    RoleActive,
    RoleRevenue,
    RoleSize,
    RoleLabel,
    RoleStart,
    RoleNew,
    RoleEnd,
    RoleLost,
    FilledTable,
    GoToTable,
    TriangleHeading,
    CellsLegend,
    ViewPercent,
    ViewAbsolute,
    BasisLegend,
    BasisExact,
    BasisUnbounded,
    LaterUnavailable,
    CaptionPercent,
    CaptionPercentLater,
    CaptionAbsolute,
    CaptionAbsoluteLater,
    ColCohort,
    ColSize,
    ColPeriodK,
    Unfinished,
    UnfinishedLegend,
    TriangleCut,
    CurvesTitle,
    CurvesTitleLater,
    CurvesDesc,
    AverageValues,
    ExportCsv,
    ExportSvg,
    ExportPng,
    ExportFailed,
    RevenueHeading,
    Nrr,
    Grr,
    AtPeriod,
    RevenueExplain,
    GrrNeedsActivity,
    RevenueCohortsCaption,
    RevenueCellsSummary,
    WarehouseHeading,
    WarehouseIntro,
    WarehouseMore,
    ProblemMissingCell,
    ProblemEmptyCell,
    ProblemNotANumber,
    ProblemGrouping,
    ProblemNumberTooLong,
    ProblemNotACount,
    ProblemNotADate,
    ProblemNoSuchDay,
    ProblemOtherOrder,
    ProblemNotUtf8,
    ProblemDuplicate,
    ProblemPercentWithoutSize,
    ProblemBadPeriod,
    ProblemInconsistent,
    RefuseEmpty,
    RefuseNoData,
    RefuseUnknownShape,
    RefuseMissingColumn,
    RefuseNoSuchColumn,
    RefuseMixedOrder,
    RefuseMostlyBroken,
    RefuseRecordTooLong,
    RefuseTooLarge,
    RefuseSpan,
    RefuseClosed,
}

pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en(key),
        // Until the translations land, the other languages read the English catalog.
        _ => en(key),
    }
}

fn en(key: Key) -> &'static str {
    use Key::*;
    match key {
        Heading => "Cohorts from a CSV",
        Intro => "Paste from a spreadsheet or drop an export: a period table (start, new, end), a cohort table (long or wide) or raw activity (customer, date, amount). It is read in your browser and never sent anywhere.",
        DropZone => "Drop a CSV file here, paste below, or choose a file.",
        PasteLabel => "Paste CSV",
        PastePlaceholder => "customer_id,date,amount",
        PasteHelp => "Comma, semicolon, tab or pipe separated; the first row names the columns.",
        FileLabel => "Choose a file",
        BigPaste => "This paste is large: it is read here but not kept in shared links or saved with the page. For big files, choose the file instead.",
        Reading => "Reading {name}",
        Cancel => "Cancel",
        Cancelled => "Reading was cancelled. Choose the file again to read it.",
        NothingYet => "Nothing read yet.",
        ReadAs => "Read as:",
        RowsUsedOne => "row used",
        RowsUsedOther => "rows used",
        RowsSkippedOne => "row skipped",
        RowsSkippedOther => "rows skipped",
        ColumnsOne => "column",
        ColumnsOther => "columns",
        SeparatedBy => ", separated by {d}.",
        DelimiterTab => "tabs",
        ProblemsHeadingOne => "row skipped:",
        ProblemsHeadingOther => "rows skipped:",
        ProblemsMore => "… and {n} more.",
        PlaceCellNamed => "Row {row}, column {column} “{name}”",
        PlaceCell => "Row {row}, column {column}",
        PlaceRow => "Row {row}",
        AmbiguousDates => "Column {column} “{name}” has dates such as {examples} that read both as day/month and month/day. Which comes first?",
        DayFirst => "Day first (31/12/2024)",
        MonthFirst => "Month first (12/31/2024)",
        Unreadable => "The browser could not read this file.",
        TooLargeForTable => "This file is too large for a period or cohort table. Raw activity can be much larger: choose “raw activity” as the shape if that is what it holds.",
        OptionsHeading => "How it is read",
        ShapeLabel => "Shape",
        ShapeAuto => "Detect",
        ShapeAutoFound => "Detect (found: {shape})",
        ShapePeriodTable => "period table",
        ShapeCohortLong => "cohort table, one row per cohort and period",
        ShapeCohortWide => "cohort table, one row per cohort",
        ShapeActivity => "raw activity",
        GranularityLabel => "Cohort period (activity)",
        GranularityWeek => "Week",
        GranularityMonth => "Month",
        GranularityQuarter => "Quarter",
        DateOrderLabel => "Dates like 05/03/2024",
        DateOrderAuto => "Detect",
        ColumnsLegend => "Columns",
        ColumnAuto => "Recognise",
        ColumnAutoFound => "Recognised: {n}. {name}",
        ColumnOption => "{n}. {name}",
        RoleCustomer => "Customer",
        RoleDate => "Date",
        RoleAmount => "Amount (optional)",
        RoleCohort => "Cohort",
        RolePeriod => "Period",
        RoleActive => "Active customers",
        RoleRevenue => "Revenue (optional)",
        RoleSize => "Cohort size (optional)",
        RoleLabel => "Period label",
        RoleStart => "Start",
        RoleNew => "New",
        RoleEnd => "End",
        RoleLost => "Lost",
        FilledTable => "The period table above now holds these {n} periods.",
        GoToTable => "Go to the period table",
        TriangleHeading => "Cohort triangle",
        CellsLegend => "Cells",
        ViewPercent => "% of cohort",
        ViewAbsolute => "Customers",
        BasisLegend => "Retention",
        BasisExact => "Active in period k",
        BasisUnbounded => "Active in k or later",
        LaterUnavailable => "“k or later” needs one row per customer event: a table of counts cannot tell who came back later.",
        CaptionPercent => "Share of each cohort active k periods after its start",
        CaptionPercentLater => "Share of each cohort active k or more periods after its start",
        CaptionAbsolute => "Customers of each cohort active k periods after its start",
        CaptionAbsoluteLater => "Customers of each cohort active k or more periods after its start",
        ColCohort => "Cohort",
        ColSize => "Size",
        ColPeriodK => "At k",
        Unfinished => "unfinished",
        UnfinishedLegend => "Dashed cells are in the newest period, which is not over yet: they count only part of it.",
        TriangleCut => "Showing the first {rows} cohorts and {columns} periods; the CSV download has all of them.",
        CurvesTitle => "Retention curves by cohort",
        CurvesTitleLater => "Retention curves by cohort (active in k or later)",
        CurvesDesc => "Each thin line is one cohort; the bold line is the average weighted by cohort size. Unfinished periods are left out.",
        AverageValues => "Average curve as numbers",
        ExportCsv => "Download triangle (CSV)",
        ExportSvg => "Download chart (SVG)",
        ExportPng => "Download chart (PNG)",
        ExportFailed => "The browser refused the download.",
        RevenueHeading => "Revenue retention",
        Nrr => "Net revenue retention (NRR)",
        Grr => "Gross revenue retention (GRR)",
        AtPeriod => "at k = {k}",
        RevenueExplain => "Revenue in period k over revenue in the cohort's first period, all cohorts together, read at k = {k} (one year) or at the oldest finished period before it. GRR caps each customer at their first-period revenue, so it leaves expansion out. Per cohort: at its latest complete period.",
        GrrNeedsActivity => "GRR needs one row per customer event: a table of counts cannot cap each customer at their own first revenue.",
        RevenueCohortsCaption => "NRR and GRR of each cohort at its latest complete period",
        RevenueCellsSummary => "Revenue per cohort and period",
        WarehouseHeading => "Bring your own warehouse",
        WarehouseIntro => "If your events are in a database, reduce them there to one row per cohort and period and paste the result: it is read as a long cohort table. The queries assume a table events(customer_id, event_date, amount).",
        WarehouseMore => "BigQuery and Snowflake versions, time zones and weekly cohorts: docs/warehouse.md in the widget's source.",
        ProblemMissingCell => "the row is too short",
        ProblemEmptyCell => "empty cell",
        ProblemNotANumber => "not a number",
        ProblemGrouping => "digits grouped in an unusual way",
        ProblemNumberTooLong => "number too long",
        ProblemNotACount => "not a whole, non-negative count",
        ProblemNotADate => "not a date",
        ProblemNoSuchDay => "no such day",
        ProblemOtherOrder => "a date only in the other day/month order than the rest of the column",
        ProblemNotUtf8 => "text that is not UTF-8",
        ProblemDuplicate => "the same cohort and period twice",
        ProblemPercentWithoutSize => "a percentage without a cohort size",
        ProblemBadPeriod => "not a period",
        ProblemInconsistent => "the counts contradict each other",
        RefuseEmpty => "There is nothing to read.",
        RefuseNoData => "There is a header row but no data rows.",
        RefuseUnknownShape => "No known layout matches the columns {header}. Choose the shape and the columns below.",
        RefuseMissingColumn => "Read as {shape}, this needs a “{role}” column; the columns are {header}. Choose it below.",
        RefuseNoSuchColumn => "Column {column} chosen for “{role}” does not exist: there are {columns}.",
        RefuseMixedOrder => "Column {column} “{name}” mixes day-first dates ({day_place}: {day}) and month-first dates ({month_place}: {month}). Fix the file, or choose an order to skip the others.",
        RefuseMostlyBroken => "Not used: {skipped} of {rows} data rows cannot be read, so any result would mislead. The first problems are listed below.",
        RefuseRecordTooLong => "{place}: a row longer than {limit} bytes, almost always a quote that is never closed.",
        RefuseTooLarge => "Too many customers to count.",
        RefuseSpan => "The dates run from {first} to {last}: {periods} periods, more than {limit}. Usually one year is mistyped.",
        RefuseClosed => "Reading stopped after an earlier error.",
    }
}

pub fn shape_key(shape: Shape) -> Key {
    match shape {
        Shape::PeriodTable => Key::ShapePeriodTable,
        Shape::CohortLong => Key::ShapeCohortLong,
        Shape::CohortWide => Key::ShapeCohortWide,
        Shape::RawActivity => Key::ShapeActivity,
    }
}

pub fn granularity_key(g: Granularity) -> Key {
    match g {
        Granularity::Week => Key::GranularityWeek,
        Granularity::Month => Key::GranularityMonth,
        Granularity::Quarter => Key::GranularityQuarter,
    }
}

pub fn role_key(role: Role) -> Key {
    match role {
        Role::Customer => Key::RoleCustomer,
        Role::Date => Key::RoleDate,
        Role::Amount => Key::RoleAmount,
        Role::Cohort => Key::RoleCohort,
        Role::Period => Key::RolePeriod,
        Role::Active => Key::RoleActive,
        Role::Revenue => Key::RoleRevenue,
        Role::Size => Key::RoleSize,
        Role::Label => Key::RoleLabel,
        Role::Start => Key::RoleStart,
        Role::New => Key::RoleNew,
        Role::End => Key::RoleEnd,
        Role::Lost => Key::RoleLost,
    }
}

/// Why one row was skipped, in words.
pub fn row_problem(lang: Lang, kind: &RowProblemKind) -> &'static str {
    let key = match kind {
        RowProblemKind::MissingCell => Key::ProblemMissingCell,
        RowProblemKind::EmptyCell
        | RowProblemKind::Number(NumberError::Empty)
        | RowProblemKind::Date(DateError::Empty) => Key::ProblemEmptyCell,
        RowProblemKind::Number(NumberError::NotANumber) => Key::ProblemNotANumber,
        RowProblemKind::Number(NumberError::BadGrouping) => Key::ProblemGrouping,
        RowProblemKind::Number(NumberError::TooLong) => Key::ProblemNumberTooLong,
        RowProblemKind::NotACount => Key::ProblemNotACount,
        RowProblemKind::Date(DateError::NotADate) => Key::ProblemNotADate,
        RowProblemKind::Date(DateError::NoSuchDay) => Key::ProblemNoSuchDay,
        RowProblemKind::DateAgainstColumnOrder => Key::ProblemOtherOrder,
        RowProblemKind::NotUtf8 => Key::ProblemNotUtf8,
        RowProblemKind::Duplicate => Key::ProblemDuplicate,
        RowProblemKind::PercentWithoutSize => Key::ProblemPercentWithoutSize,
        RowProblemKind::BadPeriod => Key::ProblemBadPeriod,
        RowProblemKind::Inconsistent => Key::ProblemInconsistent,
    };
    text(lang, key)
}

/// A header as the messages quote it: “a”, “b”, “c” (cut after a dozen columns).
fn quoted(header: &[String]) -> String {
    let mut out: Vec<String> = header.iter().take(12).map(|h| format!("“{h}”")).collect();
    if header.len() > 12 {
        out.push("…".into());
    }
    out.join(", ")
}

/// Why a whole CSV was refused, in words.
pub fn refusal(lang: Lang, error: &IngestError) -> String {
    let t = |k| text(lang, k);
    match error {
        IngestError::Empty => t(Key::RefuseEmpty).into(),
        IngestError::NoData => t(Key::RefuseNoData).into(),
        IngestError::UnknownShape { header } => {
            fill(t(Key::RefuseUnknownShape), &[("header", &quoted(header))])
        }
        IngestError::MissingColumn {
            shape,
            role,
            header,
        } => fill(
            t(Key::RefuseMissingColumn),
            &[
                ("shape", t(shape_key(*shape))),
                ("role", t(role_key(*role))),
                ("header", &quoted(header)),
            ],
        ),
        IngestError::NoSuchColumn {
            role,
            column,
            columns,
        } => fill(
            t(Key::RefuseNoSuchColumn),
            &[
                ("column", &column.to_string()),
                ("role", t(role_key(*role))),
                ("columns", &columns.to_string()),
            ],
        ),
        IngestError::AmbiguousDates { column, examples } => fill(
            t(Key::AmbiguousDates),
            &[
                ("column", &column.column.to_string()),
                ("name", &column.name),
                ("examples", &examples.join(", ")),
            ],
        ),
        IngestError::MixedDateOrder {
            column,
            day_first,
            month_first,
        } => fill(
            t(Key::RefuseMixedOrder),
            &[
                ("column", &column.column.to_string()),
                ("name", &column.name),
                ("day_place", &day_first.0.to_string()),
                ("day", &day_first.1),
                ("month_place", &month_first.0.to_string()),
                ("month", &month_first.1),
            ],
        ),
        IngestError::MostlyBroken { stats, .. } => fill(
            t(Key::RefuseMostlyBroken),
            &[
                ("skipped", &stats.skipped.to_string()),
                ("rows", &stats.data_rows.to_string()),
            ],
        ),
        IngestError::RecordTooLong { place, limit } => fill(
            t(Key::RefuseRecordTooLong),
            &[("place", &place.to_string()), ("limit", &limit.to_string())],
        ),
        IngestError::TooLarge => t(Key::RefuseTooLarge).into(),
        IngestError::SpanTooLong {
            first,
            last,
            periods,
            limit,
        } => fill(
            t(Key::RefuseSpan),
            &[
                ("first", first),
                ("last", last),
                ("periods", &periods.to_string()),
                ("limit", &limit.to_string()),
            ],
        ),
        IngestError::ReaderClosed => t(Key::RefuseClosed).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use retention_core::ingest::problem::ColumnName;
    use retention_core::ingest::Place;

    #[test]
    fn refusals_name_the_place_and_the_text() {
        let e = IngestError::MixedDateOrder {
            column: ColumnName {
                column: 2,
                name: "date".into(),
            },
            day_first: Box::new((
                Place {
                    row: 3,
                    line: 3,
                    column: Some(2),
                    column_name: Some("date".into()),
                },
                "31/01/2024".into(),
            )),
            month_first: Box::new((Place::default(), "01/31/2024".into())),
        };
        let s = refusal(Lang::En, &e);
        assert!(s.contains("31/01/2024") && s.contains("01/31/2024"), "{s}");
        assert!(s.contains("row 3"), "{s}");
        assert!(!s.contains('{'), "every placeholder filled: {s}");
        let s = refusal(
            Lang::En,
            &IngestError::UnknownShape {
                header: vec!["a".into(), "b".into()],
            },
        );
        assert!(s.contains("“a”, “b”"), "{s}");
    }

    #[test]
    fn other_languages_fall_back_to_english() {
        assert_eq!(text(Lang::Hr, Key::Cancel), text(Lang::En, Key::Cancel));
        assert_eq!(
            row_problem(Lang::En, &RowProblemKind::Date(DateError::NotADate)),
            "not a date"
        );
    }
}
