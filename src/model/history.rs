//! Undo and redo: a timeline of inverse edits with a memory budget.
//!
//! Typing is coalesced: consecutive text edits of the same field form one undo step until the
//! history is sealed (the editor leaves the field, pauses, or saves).

use super::edit::{Edit, EditError};
use super::project::{FieldRef, Project};

/// Undo memory budget by default: generous, yet bounded on a machine that edits all day.
pub const DEFAULT_BUDGET_BYTES: usize = 256 * 1024 * 1024;

#[derive(Debug)]
struct Step {
    /// Applying this undoes the step (or, on the redo stack, redoes it).
    edit: Edit,
    label: String,
    /// The field being typed into, while the step may still absorb more typing.
    typing_in: Option<FieldRef>,
    /// Identifies the project state this step leads to, for the saved/unsaved mark.
    state: u64,
    weight: usize,
}

/// The undo/redo timeline of one open project.
#[derive(Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    budget: usize,
    used: usize,
    next_state: u64,
    saved_state: Option<u64>,
}

impl Default for History {
    fn default() -> Self {
        History::with_budget(DEFAULT_BUDGET_BYTES)
    }
}

impl History {
    /// A history that drops its oldest steps beyond `budget` bytes.
    pub fn with_budget(budget: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            budget,
            used: 0,
            next_state: 1,
            saved_state: Some(0),
        }
    }

    /// Applies `edit` to `project` as a new undo step labelled `label`.
    pub fn apply(
        &mut self,
        project: &mut Project,
        edit: Edit,
        label: &str,
    ) -> Result<(), EditError> {
        self.apply_step(project, edit, label, None)
    }

    /// Applies a text edit typed into `field`; consecutive typing in the same field is one step.
    pub fn apply_typing(
        &mut self,
        project: &mut Project,
        field: FieldRef,
        edit: Edit,
        label: &str,
    ) -> Result<(), EditError> {
        self.apply_step(project, edit, label, Some(field))
    }

    fn apply_step(
        &mut self,
        project: &mut Project,
        edit: Edit,
        label: &str,
        typing_in: Option<FieldRef>,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(project)?;
        self.redo.clear();
        let state = self.fresh_state();
        if let (Some(field), Some(last)) = (typing_in, self.undo.last_mut())
            && last.typing_in == Some(field)
        {
            // The earlier inverse already restores the field as it was before the typing began.
            last.state = state;
            return Ok(());
        }
        self.push_undo(Step {
            weight: inverse.weight(),
            edit: inverse,
            label: label.to_string(),
            typing_in,
            state,
        });
        Ok(())
    }

    /// Ends the current run of typing, so the next keystroke starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.typing_in = None;
        }
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.undo.pop()?;
        self.used = self.used.saturating_sub(step.weight);
        let redo = step
            .edit
            .apply(project)
            .expect("an inverse applies to the state it was made from");
        self.redo.push(Step {
            weight: redo.weight(),
            edit: redo,
            label: step.label.clone(),
            typing_in: None,
            state: step.state,
        });
        Some(step.label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.redo.pop()?;
        let inverse = step
            .edit
            .apply(project)
            .expect("a redo applies to the state it was undone to");
        self.push_undo(Step {
            weight: inverse.weight(),
            edit: inverse,
            label: step.label.clone(),
            typing_in: None,
            state: step.state,
        });
        Some(step.label)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The edit Ctrl+Z would apply (the inverse of the last step), to see where it acts.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit Ctrl+Shift+Z would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    /// Label of the step Ctrl+Z would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step Ctrl+Shift+Z would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Records that the project as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved_state = Some(self.current_state());
    }

    /// Whether the project differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.current_state())
    }

    /// Bytes currently held by undo steps.
    pub fn used_bytes(&self) -> usize {
        self.used
    }

    fn current_state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    fn fresh_state(&mut self) -> u64 {
        let state = self.next_state;
        self.next_state += 1;
        state
    }

    fn push_undo(&mut self, step: Step) {
        self.used += step.weight;
        self.undo.push(step);
        while self.used > self.budget && self.undo.len() > 1 {
            let oldest = self.undo.remove(0);
            self.used = self.used.saturating_sub(oldest.weight);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, FieldSlot, Source, TextField};

    fn project() -> Project {
        let mut p = Project::new(Source::default());
        let mut a = Article::new(ArticleId(0));
        a.headline = TextField::plain("标题");
        a.paragraphs = vec![TextField::plain("第一段。"), TextField::plain("第二段。")];
        p.articles.push(a);
        p
    }

    fn typing(at: FieldRef, pos: usize, text: &str) -> Edit {
        Edit::ReplaceText {
            at,
            start: pos,
            end: pos,
            text: text.into(),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_timeline() {
        let mut p = project();
        let original = p.clone();
        let mut h = History::default();
        h.apply(
            &mut p,
            Edit::JoinParagraphs {
                article: 0,
                paragraph: 0,
            },
            "join",
        )
        .unwrap();
        let joined = p.clone();
        assert!(h.is_dirty());
        assert_eq!(h.undo(&mut p).as_deref(), Some("join"));
        assert_eq!(p, original);
        assert!(!h.is_dirty());
        assert_eq!(h.redo(&mut p).as_deref(), Some("join"));
        assert_eq!(p, joined);
        assert!(h.undo(&mut p).is_some());
        assert!(h.undo(&mut p).is_none());
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut p = project();
        let original = p.clone();
        let mut h = History::default();
        let at = FieldRef::new(0, FieldSlot::Headline);
        h.apply_typing(&mut p, at, typing(at, 2, "会"), "type")
            .unwrap();
        h.apply_typing(&mut p, at, typing(at, 3, "议"), "type")
            .unwrap();
        assert_eq!(p.articles[0].headline.text, "标题会议");
        h.seal();
        h.apply_typing(&mut p, at, typing(at, 0, "新"), "type")
            .unwrap();
        h.undo(&mut p);
        assert_eq!(p.articles[0].headline.text, "标题会议");
        h.undo(&mut p);
        assert_eq!(p, original);
    }

    #[test]
    fn saving_marks_the_state_clean_and_a_new_edit_dirty() {
        let mut p = project();
        let mut h = History::default();
        let at = FieldRef::new(0, FieldSlot::Headline);
        h.apply_typing(&mut p, at, typing(at, 0, "新"), "type")
            .unwrap();
        h.mark_saved();
        assert!(!h.is_dirty());
        h.apply_typing(&mut p, at, typing(at, 0, "新"), "type")
            .unwrap();
        assert!(h.is_dirty(), "typing after a save is a new, unsaved step");
        h.undo(&mut p);
        assert!(!h.is_dirty());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut p = project();
        let mut h = History::default();
        h.apply(
            &mut p,
            Edit::SetChecked {
                article: 0,
                checked: true,
            },
            "check",
        )
        .unwrap();
        h.undo(&mut p);
        assert!(h.can_redo());
        h.apply(
            &mut p,
            Edit::JoinParagraphs {
                article: 0,
                paragraph: 0,
            },
            "join",
        )
        .unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn the_budget_drops_the_oldest_steps() {
        let mut p = project();
        let mut h = History::with_budget(1000);
        let at = FieldRef::new(0, FieldSlot::Paragraph(0));
        for i in 0..100 {
            h.apply(&mut p, typing(at, 0, &"字".repeat(i % 3 + 1)), "type")
                .unwrap();
        }
        assert!(h.used_bytes() <= 1000 + 2000, "{}", h.used_bytes());
        let mut undone = 0;
        while h.undo(&mut p).is_some() {
            undone += 1;
        }
        assert!(undone < 100 && undone > 0);
    }

    #[test]
    fn a_failed_edit_is_not_recorded() {
        let mut p = project();
        let mut h = History::default();
        assert!(
            h.apply(&mut p, Edit::MergeWithNext { article: 0 }, "merge")
                .is_err()
        );
        assert!(!h.can_undo());
        assert!(!h.is_dirty());
    }
}
