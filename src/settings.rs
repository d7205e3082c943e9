//! How the widget presents itself, set by the embedding page's URL (`lang`, `theme`, `accent`,
//! `compact`, `panels`) or by the visitor (language menu). Parsing is pure; a parameter that is
//! unknown or malformed is kept as an [`Ignored`] note, shown on the page, never an error.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    fn from_key(key: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto]
            .into_iter()
            .find(|t| t.key() == key)
    }
}

/// A panel of the widget that `panels=` can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Period,
    Table,
    Csv,
    WhatIf,
    Model,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Period,
        Panel::Table,
        Panel::Csv,
        Panel::WhatIf,
        Panel::Model,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Panel::Period => "period",
            Panel::Table => "table",
            Panel::Csv => "csv",
            Panel::WhatIf => "whatif",
            Panel::Model => "model",
        }
    }
}

/// A URL parameter the widget did not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub name: String,
    pub value: String,
    pub reason: IgnoredReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredReason {
    Unknown,
    Malformed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `None` until the visitor or the URL chose: then the browser's languages decide.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// A validated `#rgb` / `#rrggbb` colour, lower-case, with the `#`.
    pub accent: Option<String>,
    pub compact: bool,
    pub panels: Vec<Panel>,
    pub ignored: Vec<Ignored>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            theme: Theme::Auto,
            accent: None,
            compact: false,
            panels: Panel::ALL.to_vec(),
            ignored: Vec::new(),
        }
    }
}

/// The parameters this module reads.
pub const PARAMS: [&str; 5] = ["lang", "theme", "accent", "compact", "panels"];

impl Settings {
    /// Reads the presentation parameters out of decoded query pairs. Parameters that belong to
    /// other parts of the widget (`known`) pass silently; any other name is noted as unknown.
    pub fn from_params(params: &[(String, String)], known: &[&str]) -> Settings {
        let mut s = Settings::default();
        for (name, value) in params {
            let malformed = match name.as_str() {
                "lang" => match Lang::from_tag(value) {
                    Some(lang) => {
                        s.lang = Some(lang);
                        false
                    }
                    None => true,
                },
                "theme" => match Theme::from_key(value) {
                    Some(theme) => {
                        s.theme = theme;
                        false
                    }
                    None => true,
                },
                "accent" => match parse_hex_colour(value) {
                    Some(colour) => {
                        s.accent = Some(colour);
                        false
                    }
                    None => true,
                },
                "compact" => match value.as_str() {
                    "1" | "true" | "" => {
                        s.compact = true;
                        false
                    }
                    "0" | "false" => false,
                    _ => true,
                },
                "panels" => match parse_panels(value) {
                    Some(panels) => {
                        s.panels = panels;
                        false
                    }
                    None => true,
                },
                other => {
                    let saved = other.starts_with(crate::whatif_state::SAVED_PREFIX);
                    if !known.contains(&other) && !saved {
                        s.ignored.push(Ignored {
                            name: name.clone(),
                            value: value.clone(),
                            reason: IgnoredReason::Unknown,
                        });
                    }
                    false
                }
            };
            if malformed {
                s.ignored.push(Ignored {
                    name: name.clone(),
                    value: value.clone(),
                    reason: IgnoredReason::Malformed,
                });
            }
        }
        s
    }

    pub fn shows(&self, panel: Panel) -> bool {
        self.panels.contains(&panel)
    }
}

/// `#0b5cad`, `0b5cad`, `#abc` → `#0b5cad` / `#abc`; anything else is refused, so the value can
/// go into a CSS custom property without any chance of injecting other CSS.
pub fn parse_hex_colour(text: &str) -> Option<String> {
    let hex = text.trim().trim_start_matches('#');
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// `period,table` → those panels in the widget's own order; an unknown name refuses the whole list
/// (showing a different set of panels than the host asked for would be worse than all of them).
fn parse_panels(text: &str) -> Option<Vec<Panel>> {
    let names: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty()
        || names
            .iter()
            .any(|n| !Panel::ALL.iter().any(|p| p.key() == *n))
    {
        return None;
    }
    Some(
        Panel::ALL
            .into_iter()
            .filter(|p| names.contains(&p.key()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_every_setting() {
        let s = Settings::from_params(
            &pairs(&[
                ("lang", "fa-IR"),
                ("theme", "dark"),
                ("accent", "#C2185B"),
                ("compact", "1"),
                ("panels", "table, period"),
            ]),
            &[],
        );
        assert_eq!(s.lang, Some(Lang::Fa));
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.accent.as_deref(), Some("#c2185b"));
        assert!(s.compact);
        assert_eq!(s.panels, vec![Panel::Period, Panel::Table]);
        assert!(s.ignored.is_empty());
    }

    #[test]
    fn notes_unknown_and_malformed_but_not_known_params() {
        let s = Settings::from_params(
            &pairs(&[
                ("start", "20"),
                ("colour", "red"),
                ("theme", "purple"),
                ("accent", "red;}body{display:none"),
                ("panels", "period,charts"),
                ("lang", "xx"),
            ]),
            &["start"],
        );
        let names: Vec<(&str, IgnoredReason)> = s
            .ignored
            .iter()
            .map(|i| (i.name.as_str(), i.reason))
            .collect();
        assert_eq!(
            names,
            vec![
                ("colour", IgnoredReason::Unknown),
                ("theme", IgnoredReason::Malformed),
                ("accent", IgnoredReason::Malformed),
                ("panels", IgnoredReason::Malformed),
                ("lang", IgnoredReason::Malformed),
            ]
        );
        assert_eq!(s.theme, Theme::Auto);
        assert_eq!(s.panels, Panel::ALL.to_vec());
    }

    #[test]
    fn hex_colours_only() {
        assert_eq!(parse_hex_colour("abc").as_deref(), Some("#abc"));
        assert_eq!(parse_hex_colour("#12345"), None);
        assert_eq!(parse_hex_colour("#12345g"), None);
        assert_eq!(parse_hex_colour("url(x)"), None);
    }
}
