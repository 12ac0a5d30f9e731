//! Fonts: egui's defaults first (with the monospace font lending its arrows to proportional
//! text), then the bundled Droid Sans Fallback for Chinese.
//!
//! The font is embedded in the binary (editors on Windows need no installed CJK font) and handed
//! to egui as a static slice, so the 16 MB of glyphs exist once in memory.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Droid Sans Fallback Full (Apache 2.0, see `fonts/LICENSE-DroidSansFallback.txt`).
pub static CJK_FONT: &[u8] = include_bytes!("../../fonts/DroidSansFallbackFull.ttf");
/// The name under which the CJK font is registered.
pub const CJK_FONT_NAME: &str = "DroidSansFallbackFull";

/// egui's default fonts with the CJK font as the last fallback of both families.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_string(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    // Ubuntu Light has no arrows (↑ ← in shortcut texts): borrow them from the monospace font.
    if fonts.font_data.contains_key("Hack") {
        fonts
            .families
            .entry(FontFamily::Proportional)
            .or_default()
            .push("Hack".to_string());
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_string());
    }
    fonts
}

/// Installs the fonts into a context (takes effect from the next frame).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
