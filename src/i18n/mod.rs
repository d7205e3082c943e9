//! Every user-visible sentence of the widget, by language, in one catalog per feature (`base`
//! for the frame, the one-period panel and the period table; one file per further panel). Each
//! catalog is an exhaustive `match` on its key enum per language, so a language that lacks a key
//! does not compile. Placeholders are `{name}` and are filled by [`fill`].

/// A catalog's `pub fn text(lang, key)`: one function per language (`en`, `hr`, `tr`, `fa`, `hi`,
/// `bg`) over the catalog's `Key`, each an exhaustive `match`, so a missing sentence does not
/// compile.
macro_rules! catalog_text {
    () => {
        /// The sentence for `key` in `lang`.
        pub fn text(lang: Lang, key: Key) -> &'static str {
            match lang {
                Lang::En => en(key),
                Lang::Hr => hr(key),
                Lang::Tr => tr(key),
                Lang::Fa => fa(key),
                Lang::Hi => hi(key),
                Lang::Bg => bg(key),
            }
        }
    };
}

pub mod base;
pub mod csv;
pub mod tools;
pub mod whatif;

pub use base::{text, Key};

/// A language the widget speaks: English plus the languages of the project's source material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Hr,
    Tr,
    Fa,
    Hi,
    Bg,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Hr, Lang::Tr, Lang::Fa, Lang::Hi, Lang::Bg];

    /// BCP 47 tag, used for `lang=`, `?lang=` and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hr => "hr",
            Lang::Tr => "tr",
            Lang::Fa => "fa",
            Lang::Hi => "hi",
            Lang::Bg => "bg",
        }
    }

    /// The language's own name, as the language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hr => "Hrvatski",
            Lang::Tr => "Türkçe",
            Lang::Fa => "فارسی",
            Lang::Hi => "हिन्दी",
            Lang::Bg => "Български",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Fa
    }

    /// Reads a tag such as `hr`, `hr-HR` or `FA_ir`: only the primary subtag counts.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first supported language of the visitor's preference list, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
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

/// The check every catalog runs in its tests: each key stands at its index in `ALL` (so a new
/// variant cannot be left out of the list), and every language has every key, non-blank, with
/// exactly the English `{placeholders}`.
#[cfg(test)]
pub(crate) mod catalog_check {
    use std::collections::BTreeSet;
    use std::fmt::Debug;

    use super::Lang;

    /// The `{name}` placeholders of a sentence.
    pub fn placeholders(sentence: &str) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        let mut rest = sentence;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            found.insert(&after[..close]);
            rest = &after[close + 1..];
        }
        found
    }

    pub fn check<K: Copy + Debug>(
        all: &[K],
        index: fn(K) -> usize,
        text: fn(Lang, K) -> &'static str,
    ) {
        for (i, key) in all.iter().enumerate() {
            assert_eq!(index(*key), i, "{key:?} is not at its index in ALL");
        }
        for lang in Lang::ALL {
            for &key in all {
                let sentence = text(lang, key);
                assert!(!sentence.trim().is_empty(), "{lang:?} {key:?} is blank");
                assert_eq!(
                    placeholders(sentence),
                    placeholders(text(Lang::En, key)),
                    "{lang:?} {key:?}: {sentence}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_read() {
        assert_eq!(
            placeholders("a {lost} b {won} c {lost}"),
            BTreeSet::from(["lost", "won"])
        );
        assert!(placeholders("(1 − churn)^(periods)").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_negotiate_by_primary_subtag() {
        assert_eq!(Lang::negotiate(["de-DE", "fa-IR", "en"]), Lang::Fa);
        assert_eq!(Lang::negotiate(["HR"]), Lang::Hr);
        assert_eq!(Lang::negotiate(["de", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2, 1"
        );
    }
}
