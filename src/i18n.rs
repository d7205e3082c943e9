//! Every user-visible sentence of the widget, by language. A catalog is an exhaustive `match` on
//! [`Key`], so a language that lacks a key does not compile; the test below also refuses empty
//! entries. Placeholders are `{name}` and are filled by [`fill`].

/// A language the widget speaks. Only English has its own catalog until the languages issue lands;
/// the others fall back to it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// BCP 47 tag, used for `lang=` and for `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    pub fn is_rtl(self) -> bool {
        false
    }
}

/// A sentence or label of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Tagline,
    OnePeriod,
    StartLabel,
    NewLabel,
    EndLabel,
    NewLostLabel,
    Optional,
    Results,
    RetentionRate,
    ChurnRate,
    CustomersLost,
    CustomersWon,
    NetGrowth,
    SimpleRatio,
    SimpleRatioFlows,
    CohortRetention,
    NotComputable,
    ErrEmpty,
    ErrNotANumber,
    ErrNegative,
    ErrFractional,
    ErrTooLarge,
    ErrZeroStart,
    ErrEndAbove,
    ErrNewLostAboveNew,
    ErrNewLostAboveLost,
    NoteNewAlsoChurned,
    HowComputed,
    ExplainRetention,
    ExplainChurn,
    ExplainLost,
    ExplainGrowth,
    ExplainSimple,
    ExplainCohort,
    ExamplesHeading,
    Example1,
    Example2,
    Example3,
    ManyPeriods,
    PeriodUnit,
    UnitWeek,
    UnitMonth,
    UnitQuarter,
    UnitYear,
    ColPeriod,
    ColStart,
    ColNew,
    ColEnd,
    ColRetention,
    ColChurn,
    ColActions,
    StartCarried,
    MoveUp,
    MoveDown,
    Remove,
    AddPeriod,
    RowLabel,
    TableHelp,
    MeanChurn,
    WeightedMeanChurn,
    CompoundedRetention,
    AnnualizedChurn,
    ChurnPerUnit,
    Lifetime,
    LifetimeUnbounded,
    PeriodsUsed,
    ChartRetentionTitle,
    ChartRetentionDesc,
    SpanExplain,
    Privacy,
}

/// The sentence for `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en(key),
    }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

fn en(key: Key) -> &'static str {
    use Key::*;
    match key {
        Title => "Customer retention calculator",
        Tagline => "Retention, churn and lost customers from your own counts.",
        OnePeriod => "One period",
        StartLabel => "Customers at start",
        NewLabel => "New customers won",
        EndLabel => "Customers at end",
        NewLostLabel => "New customers lost in this period",
        Optional => "optional",
        Results => "Results",
        RetentionRate => "Retention rate",
        ChurnRate => "Churn rate",
        CustomersLost => "Customers lost",
        CustomersWon => "Customers won",
        NetGrowth => "Net growth",
        SimpleRatio => "End ÷ start",
        SimpleRatioFlows => "behind it: {lost} lost, {won} won",
        CohortRetention => "Starting customers kept",
        NotComputable => "not computable from this input",
        ErrEmpty => "Enter a number.",
        ErrNotANumber => "This is not a number. Use digits only, like 1200.",
        ErrNegative => "A count of customers cannot be negative.",
        ErrFractional => "A count of customers is a whole number.",
        ErrTooLarge => "This is too large for a count of customers (at most 10 billion).",
        ErrZeroStart => "Start must be above 0: every rate is a share of the starting customers.",
        ErrEndAbove => "End cannot exceed start + new ({most}): check the three counts.",
        ErrNewLostAboveNew => "Cannot be more than the new customers won.",
        ErrNewLostAboveLost => "Cannot be more than the customers lost in all ({lost}).",
        NoteNewAlsoChurned => "End is below the new customers won, so some new customers left in the same period: (end − new) ÷ start is no retention rate here. Enter the new customers lost to see how many starting customers were kept.",
        HowComputed => "How these are computed",
        ExplainRetention => "Retention rate = (end − new) ÷ start: the share of starting customers still there, assuming no new customer left.",
        ExplainChurn => "Churn rate = lost ÷ start, where lost = start + new − end. The denominator is the customers at the start of the period.",
        ExplainLost => "Customers lost = start + new − end.",
        ExplainGrowth => "Net growth = (end − start) ÷ start.",
        ExplainSimple => "End ÷ start looks like retention but hides the flows: 100 → 99 is 99 % whether 1 customer left, or 21 left and 20 joined.",
        ExplainCohort => "Starting customers kept = (start − starting customers lost) ÷ start, with starting customers lost = lost − new customers lost.",
        ExamplesHeading => "Worked examples",
        Example1 => "Start 20, new 5, end 24: (24 − 5) ÷ 20 = 95 %.",
        Example2 => "Start 44, new 12, end 43 (13 lost): (43 − 12) ÷ 44 = 70.45 %.",
        Example3 => "Start 100, end 99: end ÷ start = 99 %, which alone does not say how many left.",
        ManyPeriods => "Many periods",
        PeriodUnit => "Period unit",
        UnitWeek => "week",
        UnitMonth => "month",
        UnitQuarter => "quarter",
        UnitYear => "year",
        ColPeriod => "Period",
        ColStart => "Start",
        ColNew => "New",
        ColEnd => "End",
        ColRetention => "Retention",
        ColChurn => "Churn",
        ColActions => "Actions",
        StartCarried => "previous end",
        MoveUp => "Move up",
        MoveDown => "Move down",
        Remove => "Remove",
        AddPeriod => "Add period",
        RowLabel => "Period {n}",
        TableHelp => "Leave start blank to carry the previous period's end. Alt + ↑ / ↓ in a row moves it.",
        MeanChurn => "Mean churn (each period weighs the same)",
        WeightedMeanChurn => "Mean churn per customer (Σ lost ÷ Σ start)",
        CompoundedRetention => "Compounded retention over the span",
        AnnualizedChurn => "Churn per year (compounded)",
        ChurnPerUnit => "Churn per {unit} (compounded)",
        Lifetime => "Average lifetime",
        LifetimeUnbounded => "No churn: the average lifetime is unbounded.",
        PeriodsUsed => "Periods used",
        ChartRetentionTitle => "Retention per period",
        ChartRetentionDesc => "Line chart of the retention rate of each period of the table, from 0 % to 100 %.",
        SpanExplain => "Lifetime = 1 ÷ the per-customer mean churn, in periods. Other units compound the churn: per year = 1 − (1 − churn)^(periods in a year).",
        Privacy => "Runs entirely in your browser: nothing you enter leaves this page.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2, 1"
        );
    }

    #[test]
    fn no_entry_is_blank() {
        for key in [Key::Title, Key::ErrEndAbove, Key::Privacy] {
            assert!(!text(Lang::En, key).trim().is_empty());
        }
    }
}
