//! The catalog of the toolbar (language, share, reset, embed) and of the notes about the URL.

use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Language,
    CopyLink,
    LinkCopied,
    LinkLabel,
    LinkTableLeftOut,
    Reset,
    Embed,
    EmbedHelp,
    EmbedSnippet,
    EmbedHostScript,
    IgnoredHeading,
    IgnoredUnknown,
    IgnoredMalformed,
    BrokenLink,
    Restored,
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
        Language => "Language",
        CopyLink => "Copy link",
        LinkCopied => "Link copied. Anyone who opens it sees exactly this view.",
        LinkLabel => "Link to this view",
        LinkTableLeftOut => "The period table is too large for a link and was left out of it.",
        Reset => "Reset",
        Embed => "Embed on your site",
        EmbedHelp => "Paste this into your page's HTML. The optional script makes the frame as tall as its content; without it the frame keeps its height.",
        EmbedSnippet => "Embed code",
        EmbedHostScript => "The script listens only to this widget's frame and only for its height.",
        IgnoredHeading => "Some settings in the address were ignored:",
        IgnoredUnknown => "{name}: not a setting of this widget",
        IgnoredMalformed => "{name}={value}: not a valid value",
        BrokenLink => "This link could not be read ({reason}), so the calculator shows its defaults.",
        Restored => "Restored from a shared link.",
    }
}
