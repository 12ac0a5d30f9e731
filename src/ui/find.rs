//! Find and replace (Ctrl+F, Ctrl+H): every occurrence of a text or a regular expression in the
//! project's fields, with next/previous, a list of every hit with its article, and replacing one
//! hit or all of them as one undoable edit.

use crate::i18n::Lang;
use crate::model::search::{self, Query, SearchOptions};
use crate::model::{FieldRef, Project};

use super::layout::Highlight;
use super::state::Command;

/// One occurrence, in chars of its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindMatch {
    pub at: FieldRef,
    pub start: usize,
    pub end: usize,
}

/// How many hits the list under the replace row shows; the count says how many there are.
const LISTED_HITS: usize = 500;

/// The find bar and its results.
#[derive(Debug, Default)]
pub struct Find {
    /// Whether the bar is shown.
    pub open: bool,
    /// Whether the replace row and the list of hits are shown.
    pub replacing: bool,
    pub query: String,
    /// What the hits are replaced with.
    pub replacement: String,
    pub options: SearchOptions,
    /// Set to move keyboard focus into the query field on the next frame.
    pub focus_query: bool,
    /// Sorted by field, then position.
    matches: Vec<FindMatch>,
    current: Option<usize>,
    /// Why the query cannot run (a regular expression that does not parse).
    error: Option<String>,
    query_compiled: Option<Query>,
    /// The query, options, project revision and open state `matches` were computed for.
    computed_for: Option<(String, SearchOptions, u64, bool)>,
}

impl Find {
    /// Recomputes the matches if the query, the options or the project changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let key = (self.query.clone(), self.options, revision, self.open);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let previous = self.current.map(|i| self.matches[i]);
        self.error = None;
        self.query_compiled = None;
        self.matches = Vec::new();
        if self.open && !self.query.is_empty() {
            match Query::new(&self.query, self.options) {
                Ok(query) => {
                    self.matches = search::find_all(project, &query)
                        .into_iter()
                        .map(|hit| FindMatch {
                            at: hit.at,
                            start: hit.start,
                            end: hit.end,
                        })
                        .collect();
                    self.query_compiled = Some(query);
                }
                Err(bad) => self.error = Some(bad.0),
            }
        }
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

    /// The match the editor is at, if any.
    pub fn current(&self) -> Option<FindMatch> {
        self.current.map(|i| self.matches[i])
    }

    /// Makes match `index` the current one and returns it.
    pub fn go_to(&mut self, index: usize) -> Option<FindMatch> {
        let found = *self.matches.get(index)?;
        self.current = Some(index);
        Some(found)
    }

    /// The text searched for while the bar is open, for highlighting the raw pane (plain text
    /// only: the raw pane marks literal text).
    pub fn active_query(&self) -> Option<&str> {
        (self.open && !self.query.is_empty() && !self.options.regex).then_some(self.query.as_str())
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
        if let Some(error) = &self.error {
            return format!(
                "{} {error}",
                lang.pick("正则表达式有误:", "Bad regular expression:")
            );
        }
        match (self.matches.len(), self.current) {
            (0, _) if self.query.is_empty() => String::new(),
            (0, _) => lang.pick("无结果", "no matches").to_string(),
            (n, Some(i)) => format!("{} / {n}", i + 1),
            (n, None) => match lang {
                Lang::Zh => format!("{n} 处"),
                Lang::En => format!("{n} {}", if n == 1 { "match" } else { "matches" }),
            },
        }
    }

    /// The edit replacing the current match (the first one when none is current yet).
    pub fn replace_current(&mut self, project: &Project) -> Option<Command> {
        let query = self.query_compiled.as_ref()?;
        let found = match self.current {
            Some(i) => self.matches[i],
            None => *self.matches.first()?,
        };
        let hit = search::Hit {
            at: found.at,
            start: found.start,
            end: found.end,
        };
        let edit = search::replace_all(project, query, &[hit], &self.replacement);
        Some(Command::Apply {
            edit,
            label: super::state::both_labels(
                format!("替换 {}→{}", self.query, self.replacement),
                format!("Replace {}→{}", self.query, self.replacement),
            ),
            select: Some(super::state::Selection::field(found.at)),
        })
    }

    /// The edit replacing every match, as one step of undo, labelled with the count.
    pub fn replace_all(&self, project: &Project) -> Option<Command> {
        let query = self.query_compiled.as_ref()?;
        if self.matches.is_empty() {
            return None;
        }
        let hits: Vec<search::Hit> = self
            .matches
            .iter()
            .map(|m| search::Hit {
                at: m.at,
                start: m.start,
                end: m.end,
            })
            .collect();
        let edit = search::replace_all(project, query, &hits, &self.replacement);
        let n = hits.len();
        Some(Command::Apply {
            edit,
            label: super::state::both_labels(
                format!("全部替换 {}→{}（{n} 处）", self.query, self.replacement),
                format!(
                    "Replace all {}→{} ({n} {})",
                    self.query,
                    self.replacement,
                    if n == 1 { "place" } else { "places" }
                ),
            ),
            select: None,
        })
    }

    /// Draws the find bar, the replace row and the list of hits.
    pub fn bar(&mut self, ui: &mut egui::Ui, project: &Project, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.pick("查找", "Find"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .desired_width(220.0)
                        .id_salt("find-query")
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
            if field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                self.open = false;
            }
            if ui.button(lang.pick("上一个", "Previous")).clicked() {
                commands.push(Command::FindStep(false));
            }
            if ui.button(lang.pick("下一个", "Next")).clicked() {
                commands.push(Command::FindStep(true));
            }
            ui.label(self.status(lang));
            ui.checkbox(
                &mut self.options.match_case,
                lang.pick("区分大小写", "Match case"),
            );
            ui.checkbox(
                &mut self.options.match_width,
                lang.pick("区分全角半角", "Match width"),
            )
            .on_hover_text(lang.pick(
                "不勾选时 ＡＢＣ１２３ 与 ABC123 视为相同",
                "Unticked, ＡＢＣ１２３ and ABC123 match each other",
            ));
            ui.checkbox(&mut self.options.regex, lang.pick("正则表达式", "Regex"))
                .on_hover_text(lang.pick(
                    "替换文字中 $1 代表第一组",
                    "In the replacement, $1 stands for the first group",
                ));
            if ui
                .selectable_label(self.replacing, lang.pick("替换…", "Replace…"))
                .clicked()
            {
                self.replacing = !self.replacing;
            }
            if ui.button(lang.pick("关闭查找", "Close find")).clicked() {
                self.open = false;
            }
        });
        if self.replacing {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(lang.pick("替换为", "Replace with"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.replacement)
                        .desired_width(220.0)
                        .id_salt("find-replacement"),
                )
                .labelled_by(label.id);
                let any = !self.matches.is_empty();
                if ui
                    .add_enabled(any, egui::Button::new(lang.pick("替换", "Replace")))
                    .clicked()
                {
                    commands.push(Command::ReplaceCurrent);
                }
                if ui
                    .add_enabled(any, egui::Button::new(lang.pick("全部替换", "Replace all")))
                    .clicked()
                {
                    commands.push(Command::ReplaceAll);
                }
            });
            self.hit_list(ui, project, lang, &mut commands);
        }
        commands
    }

    /// Every hit with its article and a little context; a click shows it.
    fn hit_list(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        lang: Lang,
        commands: &mut Vec<Command>,
    ) {
        if self.matches.is_empty() {
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("find-hits")
            .max_height(140.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, m) in self.matches.iter().enumerate().take(LISTED_HITS) {
                    let Some(field) = project.field(m.at) else {
                        continue;
                    };
                    let before: String = {
                        let from = m.start.saturating_sub(8);
                        field.slice(from, m.start).to_string()
                    };
                    let after = field.slice(m.end, (m.end + 8).min(field.char_len()));
                    let place = match lang {
                        Lang::Zh => format!("第 {} 篇", m.at.article + 1),
                        Lang::En => format!("Article {}", m.at.article + 1),
                    };
                    let text = format!(
                        "{place} · {before}【{}】{after}",
                        field.slice(m.start, m.end)
                    );
                    if ui.selectable_label(self.current == Some(i), text).clicked() {
                        commands.push(Command::FindGo(i));
                    }
                }
                if self.matches.len() > LISTED_HITS {
                    ui.weak(match lang {
                        Lang::Zh => format!("……共 {} 处", self.matches.len()),
                        Lang::En => format!("… {} in all", self.matches.len()),
                    });
                }
            });
    }
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
        let query = Query::new("会议", SearchOptions::default()).unwrap();
        let found = search::find_all(&project, &query);
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
