//! The workbench window: an egui/eframe application over one open [`crate::model::Project`].
//!
//! Each panel is a module that draws from the app's state and returns [`state::Command`]s; the
//! [`app::App`] applies them after drawing, every change to the project as an
//! [`crate::model::Edit`] through [`crate::model::History`], so the panels never mutate the
//! project and every change can be undone.

pub mod app;
pub mod article_pane;
pub mod autosave;
pub mod collection_registry;
pub mod collection_window;
pub mod entities_panel;
pub mod entity_types;
pub mod export_dialog;
pub mod files;
pub mod find;
pub mod fonts;
pub mod jobs;
pub mod layout;
pub mod menu;
pub mod officials;
pub mod outline;
pub mod punctuation_dialog;
pub mod raw_pane;
pub mod registry_panel;
pub mod review;
pub mod settings;
pub mod shortcuts;
pub mod span_menu;
pub mod state;
pub mod status_bar;
pub mod structure_offer;
pub mod tag_all;

use std::path::PathBuf;

use crate::i18n::Lang;

pub use app::App;

/// Opens the workbench window and runs it until the user closes it.
///
/// Without `initial` the window shows the last project (or the embedded sample bulletin the
/// first time); with a path it opens that file: a project (`.jiaodui.ron`) or a raw text, which is
/// imported on the fly.
pub fn run(initial: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            // Fits a 1280×720 screen at first start; later the window keeps the size it was given.
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("校对 Jiaodui")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "jiaodui",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, initial)))),
    )
}

/// The explanation shown for a rule id recorded on a join, decision or span. The pipeline
/// modules own the wording of their rules: structure rules for joins, decisions and furniture,
/// entity rules for suggested spans.
pub fn describe_rule(rule: &str, lang: Lang) -> String {
    if crate::pipeline::structure::RULE_IDS.contains(&rule) {
        crate::pipeline::structure::describe_rule(rule, lang)
    } else {
        crate::pipeline::entities::describe_rule(rule, lang)
    }
}
