//! Turns the core's problem values into sentences in the visitor's language.

use retention_core::count::CountError;
use retention_core::period::Problem;

use crate::format::{format, Style};
use crate::i18n::{fill, text, Key, Lang};

pub fn count_error(lang: Lang, error: CountError) -> String {
    let key = match error {
        CountError::Empty => Key::ErrEmpty,
        CountError::NotANumber => Key::ErrNotANumber,
        CountError::Negative => Key::ErrNegative,
        CountError::Fractional => Key::ErrFractional,
        CountError::TooLarge => Key::ErrTooLarge,
    };
    text(lang, key).to_owned()
}

pub fn problem(lang: Lang, problem: Problem) -> String {
    let count = |n: u64| format(lang.tag(), Style::Count, n as f64);
    match problem {
        Problem::Count(e) => count_error(lang, e),
        Problem::ZeroStart => text(lang, Key::ErrZeroStart).to_owned(),
        Problem::EndAboveStartPlusNew { most } => {
            fill(text(lang, Key::ErrEndAbove), &[("most", &count(most))])
        }
        Problem::NewLostAboveNew => text(lang, Key::ErrNewLostAboveNew).to_owned(),
        Problem::NewLostAboveLost { lost } => fill(
            text(lang, Key::ErrNewLostAboveLost),
            &[("lost", &count(lost))],
        ),
    }
}
