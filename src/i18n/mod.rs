//! Every user-visible sentence of the widget, by language, in one catalog per feature (`base`
//! for the frame, the one-period panel and the period table; one file per further panel). Each
//! catalog is an exhaustive `match` on its key enum per language, so a language that lacks a key
//! does not compile. Placeholders are `{name}` and are filled by [`fill`].

pub mod base;
pub mod whatif;

pub use base::{text, Key};

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

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
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
}
