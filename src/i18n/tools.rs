//! The catalog of the toolbar (language, share, reset, embed) and of the notes about the URL.
//! An exhaustive `match` on [`Key`] per language, so a language that lacks a key does not
//! compile.

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
    LinkPasteLeftOut,
}

impl Key {
    /// Every key, in declaration order. Adding a variant fails to compile in [`_exhaustive`]
    /// until it gets an index there, and the `all_lists_every_key` test fails until that index
    /// is its position here.
    pub const ALL: [Key; 16] = [
        Key::Language,
        Key::CopyLink,
        Key::LinkCopied,
        Key::LinkLabel,
        Key::LinkTableLeftOut,
        Key::Reset,
        Key::Embed,
        Key::EmbedHelp,
        Key::EmbedSnippet,
        Key::EmbedHostScript,
        Key::IgnoredHeading,
        Key::IgnoredUnknown,
        Key::IgnoredMalformed,
        Key::BrokenLink,
        Key::Restored,
        Key::LinkPasteLeftOut,
    ];
}

/// The position of `key` in [`Key::ALL`]. An exhaustive `match` (no `_ =>`), so a new variant
/// does not compile until it is listed here, and the tests check it against [`Key::ALL`].
fn _exhaustive(key: Key) -> usize {
    use Key::*;
    match key {
        Language => 0,
        CopyLink => 1,
        LinkCopied => 2,
        LinkLabel => 3,
        LinkTableLeftOut => 4,
        Reset => 5,
        Embed => 6,
        EmbedHelp => 7,
        EmbedSnippet => 8,
        EmbedHostScript => 9,
        IgnoredHeading => 10,
        IgnoredUnknown => 11,
        IgnoredMalformed => 12,
        BrokenLink => 13,
        Restored => 14,
        LinkPasteLeftOut => 15,
    }
}

catalog_text!();

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
        LinkPasteLeftOut => "The pasted data is too large for a link and was left out of it.",
    }
}

fn hr(key: Key) -> &'static str {
    use Key::*;
    match key {
        Language => "Jezik",
        CopyLink => "Kopiraj poveznicu",
        LinkCopied => "Poveznica je kopirana. Svatko tko je otvori vidjet će upravo ovaj prikaz.",
        LinkLabel => "Poveznica na ovaj prikaz",
        LinkTableLeftOut => "Tablica razdoblja prevelika je za poveznicu pa nije uključena u nju.",
        Reset => "Vrati na zadano",
        Embed => "Ugradnja na vašu web-stranicu",
        EmbedHelp => "Zalijepite ovo u HTML svoje stranice. Neobavezna skripta prilagođava visinu okvira njegovu sadržaju; bez nje okvir zadržava svoju visinu.",
        EmbedSnippet => "Kôd za ugradnju",
        EmbedHostScript => "Skripta prima poruke samo od okvira ovog widgeta i samo o njegovoj visini.",
        IgnoredHeading => "Neke postavke iz adrese zanemarene su:",
        IgnoredUnknown => "{name}: nije postavka ovog widgeta",
        IgnoredMalformed => "{name}={value}: nije valjana vrijednost",
        BrokenLink => "Ova se poveznica nije mogla pročitati ({reason}) pa kalkulator prikazuje zadane vrijednosti.",
        Restored => "Vraćeno iz podijeljene poveznice.",
        LinkPasteLeftOut => "Zalijepljeni podaci preveliki su za poveznicu pa nisu uključeni u nju.",
    }
}

fn tr(key: Key) -> &'static str {
    use Key::*;
    match key {
        Language => "Dil",
        CopyLink => "Bağlantıyı kopyala",
        LinkCopied => "Bağlantı kopyalandı. Bağlantıyı açan herkes tam olarak bu görünümü görür.",
        LinkLabel => "Bu görünümün bağlantısı",
        LinkTableLeftOut => "Dönem tablosu bir bağlantıya sığmayacak kadar büyük olduğundan bağlantıya eklenmedi.",
        Reset => "Sıfırla",
        Embed => "Sitenize yerleştirin",
        EmbedHelp => "Bunu sayfanızın HTML koduna yapıştırın. İsteğe bağlı betik, çerçevenin yüksekliğini içeriğine göre ayarlar; betik olmadan çerçeve kendi yüksekliğini korur.",
        EmbedSnippet => "Yerleştirme kodu",
        EmbedHostScript => "Betik yalnızca bu widget'ın çerçevesini ve yalnızca onun yüksekliğine ilişkin iletileri dinler.",
        IgnoredHeading => "Adresteki bazı ayarlar yok sayıldı:",
        IgnoredUnknown => "{name}: bu widget'ın bir ayarı değil",
        IgnoredMalformed => "{name}={value}: geçerli bir değer değil",
        BrokenLink => "Bu bağlantı okunamadı ({reason}), bu nedenle hesaplayıcı varsayılan değerlerini gösteriyor.",
        Restored => "Paylaşılan bir bağlantıdan geri yüklendi.",
        LinkPasteLeftOut => "Yapıştırılan veriler bir bağlantıya sığmayacak kadar büyük olduğundan bağlantıya eklenmedi.",
    }
}

fn fa(key: Key) -> &'static str {
    use Key::*;
    match key {
        Language => "زبان",
        CopyLink => "کپی پیوند",
        LinkCopied => "پیوند کپی شد. هر کسی آن را باز کند، دقیقاً همین نما را می‌بیند.",
        LinkLabel => "پیوند به این نما",
        LinkTableLeftOut => "جدول دوره‌ها برای گنجاندن در پیوند بیش از حد بزرگ است و در آن گنجانده نشد.",
        Reset => "بازنشانی",
        Embed => "جاسازی در سایت شما",
        EmbedHelp => "این کد را در HTML صفحهٔ خود بچسبانید. اسکریپت اختیاری ارتفاع قاب را به اندازهٔ محتوای آن تنظیم می‌کند؛ بدون آن، قاب ارتفاع خود را حفظ می‌کند.",
        EmbedSnippet => "کد جاسازی",
        EmbedHostScript => "این اسکریپت فقط پیام‌های قاب همین ابزارک را دریافت می‌کند و فقط دربارهٔ ارتفاع آن.",
        IgnoredHeading => "برخی از تنظیمات موجود در نشانی نادیده گرفته شدند:",
        IgnoredUnknown => "{name}: از تنظیمات این ابزارک نیست",
        IgnoredMalformed => "{name}={value}: مقدار معتبری نیست",
        BrokenLink => "این پیوند خوانده نشد ({reason})، بنابراین ماشین‌حساب مقادیر پیش‌فرض خود را نشان می‌دهد.",
        Restored => "از یک پیوند اشتراکی بازیابی شد.",
        LinkPasteLeftOut => "داده‌های جای‌گذاری‌شده برای گنجاندن در پیوند بیش از حد بزرگ است و در آن گنجانده نشد.",
    }
}

fn hi(key: Key) -> &'static str {
    use Key::*;
    match key {
        Language => "भाषा",
        CopyLink => "लिंक कॉपी करें",
        LinkCopied => "लिंक कॉपी हो गया। इसे खोलने वाले हर व्यक्ति को ठीक यही दृश्य दिखेगा।",
        LinkLabel => "इस दृश्य का लिंक",
        LinkTableLeftOut => "अवधि तालिका लिंक के लिए बहुत बड़ी है, इसलिए उसे लिंक में शामिल नहीं किया गया।",
        Reset => "रीसेट करें",
        Embed => "अपनी साइट पर एम्बेड करें",
        EmbedHelp => "इसे अपने पेज के HTML में चिपकाएँ। वैकल्पिक स्क्रिप्ट फ़्रेम की ऊँचाई को उसकी सामग्री जितना कर देती है; उसके बिना फ़्रेम की ऊँचाई वही रहती है।",
        EmbedSnippet => "एम्बेड कोड",
        EmbedHostScript => "यह स्क्रिप्ट केवल इसी विजेट के फ़्रेम के संदेश सुनती है, और वह भी केवल उसकी ऊँचाई के बारे में।",
        IgnoredHeading => "पते (URL) की कुछ सेटिंग्स को अनदेखा किया गया:",
        IgnoredUnknown => "{name}: इस विजेट की सेटिंग नहीं है",
        IgnoredMalformed => "{name}={value}: मान्य मान नहीं है",
        BrokenLink => "यह लिंक पढ़ा नहीं जा सका ({reason}), इसलिए कैलकुलेटर अपने डिफ़ॉल्ट मान दिखा रहा है।",
        Restored => "साझा किए गए लिंक से बहाल किया गया।",
        LinkPasteLeftOut => "चिपकाया गया डेटा लिंक के लिए बहुत बड़ा है, इसलिए उसे लिंक में शामिल नहीं किया गया।",
    }
}

fn bg(key: Key) -> &'static str {
    use Key::*;
    match key {
        Language => "Език",
        CopyLink => "Копирай връзката",
        LinkCopied => "Връзката е копирана. Всеки, който я отвори, ще види точно този изглед.",
        LinkLabel => "Връзка към този изглед",
        LinkTableLeftOut => "Таблицата с периоди е твърде голяма за връзка и не е включена в нея.",
        Reset => "Нулирай",
        Embed => "Вграждане във вашия сайт",
        EmbedHelp => "Поставете това в HTML кода на страницата си. Незадължителният скрипт прави рамката толкова висока, колкото е съдържанието ѝ; без него рамката запазва височината си.",
        EmbedSnippet => "Код за вграждане",
        EmbedHostScript => "Скриптът приема съобщения само от рамката на този уиджет и само за нейната височина.",
        IgnoredHeading => "Някои настройки в адреса бяха пренебрегнати:",
        IgnoredUnknown => "{name}: не е настройка на този уиджет",
        IgnoredMalformed => "{name}={value}: невалидна стойност",
        BrokenLink => "Тази връзка не можа да бъде прочетена ({reason}), затова калкулаторът показва стойностите по подразбиране.",
        Restored => "Възстановено от споделена връзка.",
        LinkPasteLeftOut => "Поставените данни са твърде големи за връзка и не са включени в нея.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key_with_the_english_placeholders() {
        crate::i18n::catalog_check::check(&Key::ALL, _exhaustive, text);
    }
}
