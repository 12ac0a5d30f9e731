//! 编辑 → 规范标点…: the punctuation normalisation as the editor controls it — every proposed
//! change listed with its context, each one can be left out, and what is applied is one undoable
//! edit. Never a silent rewrite of the text.

use crate::i18n::Lang;
use crate::model::{Edit, Project};
use crate::pipeline::punctuation::{self, Change};

/// How many changes the list shows at once; the rest are counted (and applied all the same).
const LISTED: usize = 500;

/// The state of the punctuation dialog.
#[derive(Default)]
pub struct PunctuationDialog {
    pub open: bool,
    /// The proposed changes, worked out for the project at `revision`.
    changes: Vec<Change>,
    /// Which changes the editor keeps (parallel to `changes`).
    keep: Vec<bool>,
    revision: Option<u64>,
}

impl PunctuationDialog {
    /// Opens the dialog on the project as it is now.
    pub fn open_for(&mut self, project: &Project, revision: u64) {
        self.open = true;
        self.refresh(project, revision);
    }

    fn refresh(&mut self, project: &Project, revision: u64) {
        if self.revision != Some(revision) {
            self.changes = punctuation::preview(project);
            self.keep = vec![true; self.changes.len()];
            self.revision = Some(revision);
        }
    }

    /// The number of proposed changes the editor keeps.
    pub fn kept(&self) -> usize {
        self.keep.iter().filter(|k| **k).count()
    }

    /// The edit applying the kept changes (one undo step), or `None` when nothing is kept.
    pub fn edit(&self, project: &Project) -> Option<Edit> {
        let kept: Vec<Change> = self
            .changes
            .iter()
            .zip(&self.keep)
            .filter(|(_, keep)| **keep)
            .map(|(change, _)| change.clone())
            .collect();
        (!kept.is_empty()).then(|| punctuation::edit_for(project, &kept))
    }

    /// Draws the dialog; returns the edit to apply when the editor clicks "apply".
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
        lang: Lang,
    ) -> Option<Edit> {
        if !self.open {
            return None;
        }
        self.refresh(project, revision);
        let mut open = self.open;
        let mut apply = false;
        egui::Window::new(lang.pick("规范标点", "Normalise punctuation"))
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(lang.pick(
                    "中文之间的半角 , . ? ! ; : ( ) 改为全角(GB/T 15834);数字、西文和网址不变。",
                    "Half-width , . ? ! ; : ( ) between Chinese characters become full-width (GB/T 15834); numbers, Latin text and URLs stay.",
                ));
                ui.label(match lang {
                    Lang::Zh => format!("共 {} 处,保留 {} 处", self.changes.len(), self.kept()),
                    Lang::En => format!("{} changes, {} kept", self.changes.len(), self.kept()),
                });
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for (change, keep) in self.changes.iter().zip(&mut self.keep).take(LISTED) {
                        let before: String = change.context.chars().take(change.context_offset).collect();
                        let after: String = change.context.chars().skip(change.context_offset + 1).collect();
                        ui.checkbox(
                            keep,
                            format!("…{before}[{} → {}]{after}…", change.before, change.after),
                        );
                    }
                    if self.changes.len() > LISTED {
                        ui.weak(match lang {
                            Lang::Zh => format!("(另有 {} 处未列出)", self.changes.len() - LISTED),
                            Lang::En => format!("({} more not listed)", self.changes.len() - LISTED),
                        });
                    }
                });
                ui.horizontal(|ui| {
                    let label = lang.pick("应用(可撤销)", "Apply (undoable)");
                    if ui.add_enabled(self.kept() > 0, egui::Button::new(label)).clicked() {
                        apply = true;
                    }
                });
            });
        self.open = open && !apply;
        if apply { self.edit(project) } else { None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, Source, TextField};

    fn project() -> Project {
        let mut p = Project::new(Source::default());
        let mut a = Article::new(ArticleId(0));
        a.paragraphs
            .push(TextField::plain("会议强调,要抓重点;时间10:30,约1,000人。"));
        p.articles.push(a);
        p
    }

    #[test]
    fn kept_changes_become_one_undoable_edit() {
        let mut p = project();
        let original = p.clone();
        let mut dialog = PunctuationDialog::default();
        dialog.open_for(&p, 1);
        assert!(dialog.changes.len() >= 2, "{:?}", dialog.changes);
        dialog.keep[0] = false;
        let edit = dialog.edit(&p).expect("something kept");
        let inverse = edit.apply(&mut p).unwrap();
        let text = &p.articles[0].paragraphs[0].text;
        assert!(
            text.starts_with("会议强调,"),
            "the first change was left out: {text}"
        );
        assert!(text.contains("重点；"), "the others were applied: {text}");
        assert!(
            text.contains("10:30") && text.contains("1,000"),
            "numbers stay: {text}"
        );
        inverse.apply(&mut p).unwrap();
        assert_eq!(p, original);
    }

    #[test]
    fn nothing_kept_means_no_edit() {
        let p = project();
        let mut dialog = PunctuationDialog::default();
        dialog.open_for(&p, 1);
        dialog.keep.iter_mut().for_each(|k| *k = false);
        assert!(dialog.edit(&p).is_none());
    }
}
