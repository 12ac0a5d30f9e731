//! The offer to repeat a structure correction: after the editor merges back an article that was
//! a crosshead, or marks a paragraph as a note, the window asks whether the other places that
//! look the same should get the same correction ("还有 5 处相似的小标题：全部合并？").
//!
//! Which places those are is decided in the model ([`crate::model::lessons`]); this is only the
//! question, shown above the article until it is answered or the project changes.

use crate::i18n::Lang;
use crate::model::Project;
use crate::model::lessons::{self, Offer};

use super::state::Command;

/// An offer waiting for the editor's answer, valid for one state of the project.
pub struct StructureOffer {
    pub offer: Offer,
    /// The project revision the places were found in; any change makes them stale.
    pub revision: u64,
}

/// How many places the banner names before "…".
const LISTED: usize = 8;

/// Draws the question with its two answers; the places are listed on hover.
pub fn banner(ui: &mut egui::Ui, offer: &Offer, project: &Project, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(ui.visuals().selection.stroke)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(offer.question(lang)).on_hover_ui(|ui| {
                    for &place in offer.places.iter().take(LISTED) {
                        if let Some((article, text)) = lessons::place_text(project, place) {
                            ui.label(match lang {
                                Lang::Zh => format!("第 {} 篇:{text}", article + 1),
                                Lang::En => format!("Article {}: {text}", article + 1),
                            });
                        }
                    }
                    if offer.places.len() > LISTED {
                        ui.label("…");
                    }
                });
                if ui.button(offer.accept_label(lang)).clicked() {
                    commands.push(Command::AcceptStructureOffer);
                }
                if ui.button(lang.pick("不用", "No thanks")).clicked() {
                    commands.push(Command::DismissStructureOffer);
                }
            });
        });
    commands
}
