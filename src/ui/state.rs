//! What the panels tell the app to do, and what the editor has selected.
//!
//! Panels draw from a shared borrow of the app's state and return [`Command`]s; the app applies
//! them after the frame is drawn. Structure actions are described once here ([`Action`]) so the
//! toolbar, the menus, the context menu and the keyboard all build exactly the same [`Edit`].

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::tagging::Occurrence;
use crate::model::{
    Direction, Edit, EntityKind, FieldRef, FieldSlot, ParagraphKind, Project, lessons,
};

/// The article shown in the article pane and, within it, the field the editor works on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub article: usize,
    pub field: Option<FieldSlot>,
}

impl Selection {
    /// The whole article, no field.
    pub fn article(article: usize) -> Selection {
        Selection {
            article,
            field: None,
        }
    }

    /// One field of an article.
    pub fn field(at: FieldRef) -> Selection {
        Selection {
            article: at.article,
            field: Some(at.slot),
        }
    }

    /// The selected field as a reference, if a field is selected.
    pub fn field_ref(&self) -> Option<FieldRef> {
        self.field.map(|slot| FieldRef::new(self.article, slot))
    }

    /// This selection made valid for `project`: the article index clamped, a vanished field dropped.
    pub fn clamped(self, project: &Project) -> Selection {
        let Some(last) = project.articles.len().checked_sub(1) else {
            return Selection::default();
        };
        let article = self.article.min(last);
        let field = self
            .field
            .filter(|slot| project.articles[article].field(*slot).is_some());
        Selection { article, field }
    }
}

/// Where the text cursor was last seen: a field and the char offsets of the selection in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: FieldRef,
    /// Start of the selection (chars); equal to `end` when nothing is selected.
    pub start: usize,
    pub end: usize,
}

/// A file operation that may have to wait for the editor to save or discard unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Ask for a raw text and import it as a new project.
    NewFromRaw,
    /// Ask for a file to open.
    OpenDialog,
    /// Open this file (recent files, drag and drop).
    OpenPath(PathBuf),
    /// Open an issue of the open collection, at a place if given, with the collection's
    /// decisions applied.
    OpenIssue { key: String, at: Option<FieldRef> },
    /// Close the window.
    Quit,
}

/// Something the editor asked for during a frame, applied by the app after drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show an article (and select no field).
    SelectArticle(usize),
    /// Select a field (the raw pane follows it).
    SelectField(FieldRef),
    /// Select a field and scroll the article pane to it.
    RevealField(FieldRef),
    /// Apply an edit as one undo step, then select `select` if given.
    Apply {
        edit: Edit,
        label: String,
        select: Option<Selection>,
    },
    /// Apply a text edit typed into a field (coalesced with the typing before it).
    Type {
        at: FieldRef,
        edit: Edit,
    },
    /// Remember where the text cursor is.
    SetCursor(Cursor),
    Undo,
    Redo,
    /// A file operation (asks about unsaved changes first).
    File(FileAction),
    Save,
    SaveAs,
    SetLang(Lang),
    /// Open the find bar and focus it.
    ShowFind,
    /// Go to the next (`true`) or previous find match.
    FindStep(bool),
    /// Open the find bar with its replace row (Ctrl+H).
    ShowReplace,
    /// Go to find match number `n` (a click in the list of hits).
    FindGo(usize),
    /// Replace the current find match.
    ReplaceCurrent,
    /// Replace every find match, as one step of undo.
    ReplaceAll,
    /// Run the entity suggestions again in the background.
    SuggestEntities,
    /// Show the keyboard shortcuts.
    ShowHelp,
    /// Open the export dialog (文件 → 导出…).
    ShowExport,
    /// Open the punctuation normalisation dialog (编辑 → 规范标点…).
    ShowPunctuation,
    /// Hide the message banner.
    DismissNotice,
    /// Tag the selected text as `kind`, then offer its other occurrences.
    TagSelection {
        cursor: Cursor,
        kind: EntityKind,
    },
    /// List the other occurrences of the tagged name under the text cursor, to tag them too.
    OfferOccurrences,
    /// Tag every ticked occurrence of the tag-all list, as one step.
    TagAllListed,
    /// Show a stretch of text: its article, scrolled into view, highlighted.
    Reveal(Occurrence),
    /// Grow or shrink (negative) the span the text selection covers exactly.
    ResizeSpan {
        start_by: isize,
        end_by: isize,
    },
    /// Show a tab of the side panel.
    ShowTab(SideTab),
    /// Open the officials table.
    ShowOfficials,
    /// Show the collection window (文件 → 合集…).
    ShowCollection,
    /// Open the entity types dialog.
    ShowEntityTypes,
    /// A step of the review queue.
    Review(ReviewStep),
    /// Show a message about something that could not be done.
    ShowError(String),
    /// Show an entity in the registry tab.
    ShowEntity(crate::model::EntityId),
    /// Show or hide a part of the window (视图 menu).
    SetView(super::settings::ViewSettings),
    /// Apply the structure correction just made at the other places that look the same.
    AcceptStructureOffer,
    /// Decline that offer.
    DismissStructureOffer,
}

/// The tabs of the side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    /// The mentions of the shown article.
    #[default]
    Entities,
    /// The queue of suggestions to accept or reject.
    Review,
    /// The registry: entities, their spellings, roles, notes and mentions.
    Registry,
}

/// What a key or button does in the review queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewStep {
    Next,
    Previous,
    Accept,
    /// Confirm every suggestion spelled and typed like the current one, in every article.
    AcceptAll,
    Reject,
}

/// A structure action on the selected paragraph or field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start a new article with the selected paragraph.
    SplitArticleHere,
    /// Merge this article into the previous one (it was no article of its own).
    MergeWithPreviousArticle,
    /// Merge the next article into this one.
    MergeWithNextArticle,
    /// Join the selected paragraph with the next one.
    JoinWithNextParagraph,
    /// Join the selected paragraph with the one before it.
    JoinWithPreviousParagraph,
    /// Split the selected paragraph at the text cursor.
    SplitParagraphAtCursor,
    /// Move the selected paragraph to the end of the previous article.
    MoveToPreviousArticle,
    /// Move the selected paragraph to the start of the next article.
    MoveToNextArticle,
    /// Make the selected paragraph the kicker, headline, deck or byline.
    MakeHeader(FieldSlot),
    /// Turn the selected header field back into a paragraph.
    HeaderToParagraph,
    /// Say what the selected paragraph is: body text, crosshead, note, caption or box.
    SetKind(ParagraphKind),
}

impl Action {
    /// Every action, in toolbar order.
    pub const ALL: [Action; 18] = [
        Action::SplitArticleHere,
        Action::MergeWithPreviousArticle,
        Action::MergeWithNextArticle,
        Action::JoinWithPreviousParagraph,
        Action::JoinWithNextParagraph,
        Action::SplitParagraphAtCursor,
        Action::MoveToPreviousArticle,
        Action::MoveToNextArticle,
        Action::MakeHeader(FieldSlot::Headline),
        Action::MakeHeader(FieldSlot::Kicker),
        Action::MakeHeader(FieldSlot::Subheadline),
        Action::MakeHeader(FieldSlot::Byline),
        Action::HeaderToParagraph,
        Action::SetKind(ParagraphKind::Body),
        Action::SetKind(ParagraphKind::Crosshead),
        Action::SetKind(ParagraphKind::Note),
        Action::SetKind(ParagraphKind::Caption),
        Action::SetKind(ParagraphKind::Box),
    ];

    /// The actions on paragraphs and article boundaries: the toolbar's buttons.
    pub const STRUCTURE: &[Action] = Action::ALL.as_slice().split_at(8).0;
    /// The actions that move text into or out of the headline stack: the toolbar's 标题栏 menu.
    pub const HEADINGS: &[Action] = Action::ALL.as_slice().split_at(8).1.split_at(5).0;
    /// The paragraph kinds: the toolbar's 段落类型 menu.
    pub const KINDS: &[Action] = Action::ALL.as_slice().split_at(13).1;

    /// The button and menu text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Action::SplitArticleHere => lang.pick("从此段拆分文章", "Split article here"),
            Action::MergeWithPreviousArticle => {
                lang.pick("并入上一篇", "Merge into previous article")
            }
            Action::MergeWithNextArticle => lang.pick("与下一篇合并", "Merge with next article"),
            Action::JoinWithNextParagraph => lang.pick("与下段合并", "Join with next paragraph"),
            Action::JoinWithPreviousParagraph => {
                lang.pick("与上段合并", "Join with previous paragraph")
            }
            Action::SplitParagraphAtCursor => {
                lang.pick("在光标处拆分段落", "Split paragraph at cursor")
            }
            Action::MoveToPreviousArticle => lang.pick("移到上一篇", "Move to previous article"),
            Action::MoveToNextArticle => lang.pick("移到下一篇", "Move to next article"),
            Action::MakeHeader(FieldSlot::Headline) => lang.pick("设为标题", "Make headline"),
            Action::MakeHeader(FieldSlot::Kicker) => lang.pick("设为引题", "Make kicker"),
            Action::MakeHeader(FieldSlot::Subheadline) => lang.pick("设为副题", "Make deck"),
            Action::MakeHeader(_) => lang.pick("设为署名", "Make byline"),
            Action::HeaderToParagraph => lang.pick("转为段落", "Turn into paragraph"),
            Action::SetKind(kind) => kind.name(lang),
        }
    }

    /// The keyboard shortcut, as shown in menus and tooltips.
    pub fn shortcut_text(self) -> &'static str {
        match self {
            Action::SplitArticleHere => "Ctrl+Shift+Enter",
            Action::MergeWithPreviousArticle => "Ctrl+Shift+Backspace",
            Action::MergeWithNextArticle => "Ctrl+Shift+M",
            Action::JoinWithNextParagraph => "Ctrl+J",
            Action::JoinWithPreviousParagraph => "Ctrl+Shift+J",
            Action::SplitParagraphAtCursor => "Enter",
            Action::MoveToPreviousArticle => "Alt+↑",
            Action::MoveToNextArticle => "Alt+↓",
            Action::MakeHeader(FieldSlot::Headline) => "Ctrl+Alt+1",
            Action::MakeHeader(FieldSlot::Kicker) => "Ctrl+Alt+2",
            Action::MakeHeader(FieldSlot::Subheadline) => "Ctrl+Alt+3",
            Action::MakeHeader(_) => "Ctrl+Alt+4",
            Action::HeaderToParagraph => "Ctrl+Alt+0",
            Action::SetKind(ParagraphKind::Body) => "Ctrl+1",
            Action::SetKind(ParagraphKind::Crosshead) => "Ctrl+2",
            Action::SetKind(ParagraphKind::Note) => "Ctrl+3",
            Action::SetKind(ParagraphKind::Caption) => "Ctrl+4",
            Action::SetKind(ParagraphKind::Box) => "Ctrl+5",
        }
    }

    /// The command that performs this action on `selection`, or `None` when it does not apply
    /// there (no paragraph selected, no next article, cursor at an end, …).
    pub fn command(
        self,
        project: &Project,
        selection: Selection,
        cursor: Option<Cursor>,
        lang: Lang,
    ) -> Option<Command> {
        let article = selection.article;
        let current = project.articles.get(article)?;
        let paragraph = selection.field.and_then(FieldSlot::paragraph);
        // The undo step's name: a kind alone ("注释") would not say what was done.
        let named = |lang: Lang| match self {
            Action::SetKind(kind) => {
                format!(
                    "{}{}",
                    lang.pick("设为", "mark as "),
                    kind.name(lang).to_lowercase()
                )
            }
            _ => self.label(lang).to_string(),
        };
        let _ = lang;
        let label = both_labels(named(Lang::Zh), named(Lang::En));
        let apply = |edit, select| {
            Some(Command::Apply {
                edit,
                label: label.clone(),
                select,
            })
        };
        match self {
            Action::SplitArticleHere => {
                let p = paragraph.filter(|&p| p < current.paragraphs.len())?;
                // Splitting before the first paragraph would leave an article of nothing but an
                // empty headline stack.
                let has_header = FieldSlot::HEADER
                    .iter()
                    .any(|&slot| current.field(slot).is_some_and(|f| !f.is_empty()));
                if p == 0 && !has_header {
                    return None;
                }
                apply(
                    Edit::SplitArticle {
                        article,
                        before_paragraph: p,
                    },
                    Some(Selection::field(FieldRef::new(
                        article + 1,
                        FieldSlot::Paragraph(0),
                    ))),
                )
            }
            Action::MergeWithPreviousArticle => {
                let previous = article.checked_sub(1)?;
                apply(
                    lessons::merge_with_next(project, previous)?,
                    Some(Selection::article(previous)),
                )
            }
            Action::MergeWithNextArticle => apply(
                lessons::merge_with_next(project, article)?,
                Some(Selection::article(article)),
            ),
            Action::JoinWithNextParagraph => {
                let p = paragraph.filter(|&p| p + 1 < current.paragraphs.len())?;
                apply(
                    Edit::JoinParagraphs {
                        article,
                        paragraph: p,
                    },
                    Some(Selection::field(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(p),
                    ))),
                )
            }
            Action::JoinWithPreviousParagraph => {
                let p = paragraph.filter(|&p| p > 0 && p < current.paragraphs.len())?;
                apply(
                    Edit::JoinParagraphs {
                        article,
                        paragraph: p - 1,
                    },
                    Some(Selection::field(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(p - 1),
                    ))),
                )
            }
            Action::SplitParagraphAtCursor => {
                let p = paragraph?;
                let cursor =
                    cursor.filter(|c| c.at == FieldRef::new(article, FieldSlot::Paragraph(p)))?;
                let len = current.paragraphs.get(p)?.char_len();
                let at = cursor.end;
                (at > 0 && at < len).then_some(())?;
                apply(
                    Edit::SplitParagraph {
                        article,
                        paragraph: p,
                        at,
                    },
                    Some(Selection::field(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(p + 1),
                    ))),
                )
            }
            Action::MoveToPreviousArticle => {
                let p = paragraph?;
                let target = article.checked_sub(1)?;
                let index = project.articles[target].paragraphs.len();
                apply(
                    Edit::MoveParagraph {
                        article,
                        paragraph: p,
                        to: Direction::Previous,
                    },
                    Some(Selection::field(FieldRef::new(
                        target,
                        FieldSlot::Paragraph(index),
                    ))),
                )
            }
            Action::MoveToNextArticle => {
                let p = paragraph?;
                (article + 1 < project.articles.len()).then_some(())?;
                apply(
                    Edit::MoveParagraph {
                        article,
                        paragraph: p,
                        to: Direction::Next,
                    },
                    Some(Selection::field(FieldRef::new(
                        article + 1,
                        FieldSlot::Paragraph(0),
                    ))),
                )
            }
            Action::MakeHeader(slot) => {
                let p = paragraph?;
                apply(
                    Edit::ParagraphToField {
                        article,
                        paragraph: p,
                        slot,
                    },
                    Some(Selection::field(FieldRef::new(article, slot))),
                )
            }
            Action::HeaderToParagraph => {
                let slot = selection.field.filter(|s| s.paragraph().is_none())?;
                if current.field(slot)?.is_empty() {
                    return None;
                }
                let index = if slot == FieldSlot::Byline {
                    current.paragraphs.len()
                } else {
                    0
                };
                apply(
                    Edit::FieldToParagraph {
                        article,
                        slot,
                        index,
                    },
                    Some(Selection::field(FieldRef::new(
                        article,
                        FieldSlot::Paragraph(index),
                    ))),
                )
            }
            Action::SetKind(kind) => {
                apply(lessons::set_kind(project, article, paragraph?, kind)?, None)
            }
        }
    }
}

/// Separates the Chinese and the English name of an undo step inside its label.
const LABEL_SEPARATOR: char = '\u{1f}';

/// An undo label in both languages, so the 编辑 menu names the step in the interface language
/// even after the language was switched.
pub fn both_labels(zh: impl AsRef<str>, en: impl AsRef<str>) -> String {
    format!("{}{LABEL_SEPARATOR}{}", zh.as_ref(), en.as_ref())
}

/// The name of an undo step in `lang` (a label made in one language only is shown as it is).
pub fn label_in(label: &str, lang: Lang) -> &str {
    match label.split_once(LABEL_SEPARATOR) {
        Some((zh, en)) => lang.pick(zh, en),
        None => label,
    }
}

/// The smallest replacement that turns `old` into `new`: `(start, end, inserted)` in chars of
/// `old`, or `None` when they are equal. Typing produces one such edit per frame.
pub fn text_change(old: &str, new: &str) -> Option<(usize, usize, String)> {
    if old == new {
        return None;
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars
        .iter()
        .rev()
        .zip(new_chars.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let inserted: String = new_chars[prefix..new_chars.len() - suffix].iter().collect();
    Some((prefix, old_chars.len() - suffix, inserted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toolbar_groups_cover_every_action_once() {
        let joined: Vec<Action> = Action::STRUCTURE
            .iter()
            .chain(Action::HEADINGS)
            .chain(Action::KINDS)
            .copied()
            .collect();
        assert_eq!(joined, Action::ALL);
        assert!(
            Action::HEADINGS
                .iter()
                .all(|a| matches!(a, Action::MakeHeader(_) | Action::HeaderToParagraph))
        );
        assert!(
            Action::KINDS
                .iter()
                .all(|a| matches!(a, Action::SetKind(_)))
        );
    }
    use crate::model::{Article, ArticleId, Source, TextField};

    fn project() -> Project {
        let mut project = Project::new(Source::default());
        for id in 0..2 {
            let mut article = Article::new(ArticleId(id));
            article.headline = TextField::plain("标题");
            article.byline = TextField::plain("记者 某某");
            article.paragraphs = vec![TextField::plain("第一段。"), TextField::plain("第二段。")];
            project.articles.push(article);
        }
        project
    }

    fn paragraph(article: usize, p: usize) -> Selection {
        Selection::field(FieldRef::new(article, FieldSlot::Paragraph(p)))
    }

    #[test]
    fn actions_apply_only_where_they_make_sense() {
        let project = project();
        let lang = Lang::Zh;
        let whole_article = Selection::article(0);
        assert!(
            Action::JoinWithNextParagraph
                .command(&project, whole_article, None, lang)
                .is_none()
        );
        assert!(
            Action::JoinWithNextParagraph
                .command(&project, paragraph(0, 1), None, lang)
                .is_none()
        );
        assert!(
            Action::JoinWithNextParagraph
                .command(&project, paragraph(0, 0), None, lang)
                .is_some()
        );
        assert!(
            Action::MoveToPreviousArticle
                .command(&project, paragraph(0, 0), None, lang)
                .is_none()
        );
        assert!(
            Action::MoveToNextArticle
                .command(&project, paragraph(1, 0), None, lang)
                .is_none()
        );
        assert!(
            Action::MergeWithNextArticle
                .command(&project, paragraph(1, 0), None, lang)
                .is_none()
        );
        // The split needs the cursor inside the selected paragraph, not at an end.
        let inside = Cursor {
            at: FieldRef::new(0, FieldSlot::Paragraph(0)),
            start: 2,
            end: 2,
        };
        let at_end = Cursor {
            start: 4,
            end: 4,
            ..inside
        };
        let split = Action::SplitParagraphAtCursor;
        assert!(
            split
                .command(&project, paragraph(0, 0), Some(inside), lang)
                .is_some()
        );
        assert!(
            split
                .command(&project, paragraph(0, 0), Some(at_end), lang)
                .is_none()
        );
        assert!(
            split
                .command(&project, paragraph(0, 1), Some(inside), lang)
                .is_none()
        );
    }

    #[test]
    fn a_byline_turned_into_a_paragraph_goes_last() {
        let project = project();
        let selection = Selection::field(FieldRef::new(0, FieldSlot::Byline));
        let command = Action::HeaderToParagraph.command(&project, selection, None, Lang::En);
        let Some(Command::Apply { edit, .. }) = command else {
            panic!("the byline can become a paragraph");
        };
        assert_eq!(
            edit,
            Edit::FieldToParagraph {
                article: 0,
                slot: FieldSlot::Byline,
                index: 2
            }
        );
    }

    #[test]
    fn text_change_finds_the_typed_stretch() {
        assert_eq!(
            text_change("张军讲话", "张红军讲话"),
            Some((1, 1, "红".into()))
        );
        assert_eq!(
            text_change("张红军讲话", "张军讲话"),
            Some((1, 2, String::new()))
        );
        assert_eq!(text_change("aaa", "aaaa"), Some((3, 3, "a".into())));
        assert_eq!(text_change("会议", "会议"), None);
        assert_eq!(
            text_change("主任讲话", "书记讲话"),
            Some((0, 2, "书记".into()))
        );
    }
}
