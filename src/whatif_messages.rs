//! Turns the what-if and model problems into sentences in the visitor's language.

use retention_core::count::CountError;
use retention_core::model::{BandProblem, DataProblem};
use retention_core::whatif::WhatIfProblem;

use crate::format::{format, Style};
use crate::i18n::whatif::{text, Key};
use crate::i18n::{fill, Lang};
use crate::messages::count_error;
use crate::whatif_derive::{InputProblem, NumberError, SurvivorsProblem, MAX_UI_HORIZON};

fn count(lang: Lang, n: f64) -> String {
    format(lang.tag(), Style::Count, n)
}

pub fn field_problem(lang: Lang, problem: InputProblem) -> String {
    let t = |k| text(lang, k).to_owned();
    match problem {
        InputProblem::Number(NumberError::Empty) => t(Key::ErrNumberEmpty),
        InputProblem::Number(NumberError::NotANumber) => t(Key::ErrNumberNotANumber),
        InputProblem::Number(NumberError::DecimalComma) => t(Key::ErrDecimalComma),
        InputProblem::Number(NumberError::Negative) => t(Key::ErrNumberNegative),
        // The count fields are customers and the horizon; the horizon has its own wording for
        // a fraction only, the other count messages read right for both.
        InputProblem::Count(CountError::Fractional) => t(Key::ErrHorizonWhole),
        InputProblem::Count(e) => count_error(lang, e),
        InputProblem::AbovePercent => t(Key::ErrAbovePercent),
        InputProblem::HorizonTooLong => fill(
            text(lang, Key::ErrHorizonTooLong),
            &[("max", &count(lang, MAX_UI_HORIZON as f64))],
        ),
        InputProblem::SourceUnavailable => t(Key::ErrSourceUnavailable),
        InputProblem::Core(p) => match p {
            WhatIfProblem::NotFinite => t(Key::ErrNotFinite),
            WhatIfProblem::Negative => t(Key::ErrNumberNegative),
            WhatIfProblem::MustBePositive => t(Key::ErrMustBePositive),
            WhatIfProblem::AboveOne => t(Key::ErrAboveOne),
            WhatIfProblem::TooLarge { max } => {
                fill(text(lang, Key::ErrTooLarge), &[("max", &count(lang, max))])
            }
            WhatIfProblem::Empty => t(Key::ErrEmptyCurve),
        },
    }
}

pub fn survivors_problem(lang: Lang, problem: SurvivorsProblem) -> String {
    let row = |key: Key, row: usize| fill(text(lang, key), &[("row", &row.to_string())]);
    match problem {
        SurvivorsProblem::Empty => text(lang, Key::SurvEmpty).to_owned(),
        SurvivorsProblem::Item { index, error } => fill(
            text(lang, Key::SurvItem),
            &[
                ("n", &(index + 1).to_string()),
                ("p", &index.to_string()),
                ("problem", &count_error(lang, error)),
            ],
        ),
        SurvivorsProblem::TableEmpty => text(lang, Key::SurvTableEmpty).to_owned(),
        SurvivorsProblem::TableInvalidRow { row: r } => row(Key::SurvTableInvalid, r),
        SurvivorsProblem::TableNeedsCohort { row: r } => row(Key::SurvTableNeedsCohort, r),
    }
}

pub fn data_problem(lang: Lang, problem: DataProblem) -> String {
    let t = |k| text(lang, k).to_owned();
    // Counts are numbered from 1 for people; the core numbers them from 0.
    let nth = |key: Key, index: usize| {
        fill(
            text(lang, key),
            &[("n", &(index + 1).to_string()), ("p", &index.to_string())],
        )
    };
    match problem {
        DataProblem::NoData => t(Key::DpNoData),
        DataProblem::TooFewPeriods { longest } => fill(
            text(lang, Key::DpTooFewPeriods),
            &[("longest", &longest.to_string())],
        ),
        DataProblem::TooManyPeriods { max, .. } => fill(
            text(lang, Key::DpTooManyPeriods),
            &[("max", &count(lang, max as f64))],
        ),
        DataProblem::TooLarge { index, .. } => nth(Key::DpTooLarge, index),
        DataProblem::ZeroStart { .. } => t(Key::DpZeroStart),
        DataProblem::Increasing { index, .. } => nth(Key::DpIncreasing, index),
        DataProblem::NoChurn => t(Key::DpNoChurn),
        DataProblem::NoSurvivors => t(Key::DpNoSurvivors),
    }
}

pub fn band_problem(lang: Lang, problem: BandProblem) -> String {
    text(
        lang,
        match problem {
            BandProblem::NoCovariance => Key::BandNoCovariance,
            BandProblem::TooFewReplicates => Key::BandTooFewReplicates,
            BandProblem::TooMuchWork => Key::BandTooMuchWork,
            BandProblem::LevelOutOfRange => Key::BandLevel,
        },
    )
    .to_owned()
}
