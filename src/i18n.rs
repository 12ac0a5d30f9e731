//! The user's language: Chinese by default for a Chinese locale, English otherwise.
//!
//! Messages are written inline where they are used, as `lang.pick("中文", "English")`, so the two
//! texts stay side by side and a missing translation is impossible.

use serde::{Deserialize, Serialize};

/// A language of the interface and of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language of the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, or the OS setting):
    /// Chinese for any `zh` locale, English for everything else.
    pub fn from_system() -> Lang {
        let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty());
        let locale = from_env.or_else(sys_locale::get_locale).unwrap_or_default();
        Lang::from_locale(&locale)
    }

    /// `zh_CN.UTF-8`, `zh-TW`, `zh` → Chinese; anything else → English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Chooses between the Chinese and the English text of a message.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// `n` with its noun: `3 实体` in Chinese (no plural), `1 entity` / `3 entities` in English.
    pub fn count(self, n: usize, zh: &str, en_one: &str, en_many: &str) -> String {
        match self {
            Lang::Zh => format!("{n} {zh}"),
            Lang::En if n == 1 => format!("{n} {en_one}"),
            Lang::En => format!("{n} {en_many}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_agree_in_number() {
        assert_eq!(Lang::En.count(1, "实体", "entity", "entities"), "1 entity");
        assert_eq!(
            Lang::En.count(2, "实体", "entity", "entities"),
            "2 entities"
        );
        assert_eq!(Lang::Zh.count(1, "实体", "entity", "entities"), "1 实体");
    }

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::Zh.pick("是", "yes"), "是");
    }
}
