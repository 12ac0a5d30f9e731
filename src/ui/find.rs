//! Find (Ctrl+F): every occurrence of a text in the project's fields, with next/previous.

use crate::i18n::Lang;
use crate::model::{FieldRef, Project, text::byte_to_char};

use super::layout::Highlight;
use super::state::Command;

/// One occurrence, in chars of its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindMatch {
    pub at: FieldRef,
    pub start: usize,
    pub end: usize,
}

/// The find bar and its results.
#[derive(Debug, Default)]
pub struct Find {
    /// Whether the bar is shown.
    pub open: bool,
    pub query: String,
    /// Set to move keyboard focus into the query field on the next frame.
    pub focus_query: bool,
    /// Sorted by field, then position.
    matches: Vec<FindMatch>,
    current: Option<usize>,
    /// The query, project revision and open state `matches` were computed for.
    computed_for: Option<(String, u64, bool)>,
}

impl Find {
    /// Recomputes the matches if the query or the project changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let key = (self.query.clone(), revision, self.open);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let previous = self.current.map(|i| self.matches[i]);
        self.matches = if self.open && !self.query.is_empty() {
            search(project, &self.query)
        } else {
            Vec::new()
        };
        // Keep the position near where it was, so editing does not throw the user back to the top.
        self.current = previous.and_then(|p| {
            let i = self
                .matches
                .partition_point(|m| (m.at, m.start) < (p.at, p.start));
            (i < self.matches.len()).then_some(i)
        });
        self.computed_for = Some(key);
    }

    /// All matches.
    pub fn matches(&self) -> &[FindMatch] {
        &self.matches
    }

    /// The text searched for while the bar is open, for highlighting the raw pane.
    pub fn active_query(&self) -> Option<&str> {
        (self.open && !self.query.is_empty()).then_some(self.query.as_str())
    }

    /// Highlights for one field.
    pub fn highlights(&self, at: FieldRef) -> Vec<Highlight> {
        let first = self.matches.partition_point(|m| m.at < at);
        self.matches[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.at == at)
            .map(|(i, m)| Highlight {
                start: m.start,
                end: m.end,
                current: self.current == Some(first + i),
            })
            .collect()
    }

    /// Moves to the next (or previous) match, wrapping around; returns it.
    pub fn step(&mut self, forward: bool) -> Option<FindMatch> {
        let n = self.matches.len();
        if n == 0 {
            self.current = None;
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        Some(self.matches[next])
    }

    /// "3 / 12", or a word that there is none.
    pub fn status(&self, lang: Lang) -> String {
        match (self.matches.len(), self.current) {
            (0, _) if self.query.is_empty() => String::new(),
            (0, _) => lang.pick("无结果", "no matches").to_string(),
            (n, Some(i)) => format!("{} / {n}", i + 1),
            (n, None) => format!("{n}"),
        }
    }

    /// Draws the find bar.
    pub fn bar(&mut self, ui: &mut egui::Ui, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("查找", "Find"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .desired_width(260.0)
                        .hint_text(lang.pick("输入要查找的文字", "text to find")),
                )
                .labelled_by(label.id);
            if self.focus_query {
                field.request_focus();
                self.focus_query = false;
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                commands.push(Command::FindStep(!back));
                field.request_focus();
            }
            if ui.button(lang.pick("上一个", "Previous")).clicked() {
                commands.push(Command::FindStep(false));
            }
            if ui.button(lang.pick("下一个", "Next")).clicked() {
                commands.push(Command::FindStep(true));
            }
            ui.label(self.status(lang));
            if ui.button(lang.pick("关闭查找", "Close find")).clicked() {
                self.open = false;
            }
        });
        commands
    }
}

/// Every occurrence of `query` in the fields of `project`, in field order.
pub fn search(project: &Project, query: &str) -> Vec<FindMatch> {
    let query_chars = query.chars().count();
    let mut matches = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        let mut fields: Vec<_> = article.fields().collect();
        fields.sort_by_key(|(slot, _)| *slot);
        for (slot, field) in fields {
            let mut last_byte = 0;
            let mut last_char = 0;
            for (byte, _) in field.text.match_indices(query) {
                last_char += byte_to_char(&field.text[last_byte..], byte - last_byte);
                last_byte = byte;
                matches.push(FindMatch {
                    at: FieldRef::new(a, slot),
                    start: last_char,
                    end: last_char + query_chars,
                });
            }
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, FieldSlot, Source, TextField};

    #[test]
    fn search_reports_char_offsets_in_field_order() {
        let mut project = Project::new(Source::default());
        let mut article = Article::new(ArticleId(0));
        article.headline = TextField::plain("会议会议");
        article.paragraphs.push(TextField::plain("召开会议"));
        project.articles.push(article);
        let found = search(&project, "会议");
        let spots: Vec<_> = found.iter().map(|m| (m.at.slot, m.start, m.end)).collect();
        assert_eq!(
            spots,
            vec![
                (FieldSlot::Headline, 0, 2),
                (FieldSlot::Headline, 2, 4),
                (FieldSlot::Paragraph(0), 2, 4)
            ]
        );
    }
}
