//! Random sequences of edits and undos on generated projects: spans always stay inside their
//! field and never overlap, undoing everything gives back the original project exactly, and the
//! project survives save/load at every step.

use jiaodui::formats::project::{from_ron, to_ron};
use jiaodui::model::*;
use proptest::prelude::*;

fn kind(n: u8) -> EntityKind {
    match n % 5 {
        0 => EntityKind::Person,
        1 => EntityKind::Title,
        2 => EntityKind::Org,
        3 => EntityKind::Place,
        _ => EntityKind::Other("DATE".into()),
    }
}

prop_compose! {
    fn field()(text in "[\\u{4e00}-\\u{4e0f}，。𠀀a]{1,24}", a in 0usize..24, b in 0usize..24, k in any::<u8>()) -> TextField {
        let mut f = TextField::from_lines(text, vec![LineRange::single(1)]);
        let len = f.char_len();
        let (start, end) = (a.min(b).min(len), a.max(b).min(len));
        if start < end {
            f.insert_span(Span::suggested(start, end, kind(k), "generated"));
        }
        f
    }
}

prop_compose! {
    fn project()(articles in proptest::collection::vec((field(), proptest::collection::vec(field(), 1..5)), 1..4)) -> Project {
        let mut p = Project::new(Source { name: "g.txt".into(), ..Source::default() });
        for (i, (headline, paragraphs)) in articles.into_iter().enumerate() {
            let mut a = Article::new(ArticleId(i as u32));
            a.headline = headline;
            a.paragraphs = paragraphs;
            p.articles.push(a);
        }
        p
    }
}

/// An abstract action, turned into a concrete edit against the current project (indices are
/// reduced modulo what exists, so most actions apply; those that do not must change nothing).
#[derive(Debug, Clone)]
enum Action {
    Type {
        a: usize,
        p: usize,
        at: usize,
        del: usize,
        text: String,
    },
    Join {
        a: usize,
        p: usize,
    },
    Split {
        a: usize,
        p: usize,
        at: usize,
    },
    SplitArticle {
        a: usize,
        p: usize,
    },
    Merge {
        a: usize,
    },
    Move {
        a: usize,
        p: usize,
        next: bool,
    },
    ToHeadline {
        a: usize,
        p: usize,
    },
    BylineToParagraph {
        a: usize,
    },
    Tag {
        a: usize,
        p: usize,
        at: usize,
        len: usize,
        k: u8,
    },
    Untag {
        a: usize,
        p: usize,
    },
    /// Marks a paragraph's kind, learning the correction as the window does.
    Kind {
        a: usize,
        p: usize,
        k: usize,
    },
    /// Merges with the next article as the window does (a crosshead learnt when it was one).
    LearntMerge {
        a: usize,
    },
    Undo,
    Redo,
}

fn action() -> impl Strategy<Value = Action> {
    let i = || 0usize..8;
    prop_oneof![
        (i(), i(), 0usize..30, 0usize..4, "[一二三，]{0,3}").prop_map(|(a, p, at, del, text)| {
            Action::Type {
                a,
                p,
                at,
                del,
                text,
            }
        }),
        (i(), i()).prop_map(|(a, p)| Action::Join { a, p }),
        (i(), i(), 0usize..30).prop_map(|(a, p, at)| Action::Split { a, p, at }),
        (i(), i()).prop_map(|(a, p)| Action::SplitArticle { a, p }),
        i().prop_map(|a| Action::Merge { a }),
        (i(), i(), any::<bool>()).prop_map(|(a, p, next)| Action::Move { a, p, next }),
        (i(), i()).prop_map(|(a, p)| Action::ToHeadline { a, p }),
        i().prop_map(|a| Action::BylineToParagraph { a }),
        (i(), i(), 0usize..30, 1usize..5, any::<u8>()).prop_map(|(a, p, at, len, k)| Action::Tag {
            a,
            p,
            at,
            len,
            k
        }),
        (i(), i()).prop_map(|(a, p)| Action::Untag { a, p }),
        (i(), i(), 0usize..5).prop_map(|(a, p, k)| Action::Kind { a, p, k }),
        i().prop_map(|a| Action::LearntMerge { a }),
        Just(Action::Undo),
        Just(Action::Redo),
    ]
}

fn edit_for(action: &Action, project: &Project) -> Option<Edit> {
    let n = project.articles.len();
    let art = |a: usize| a % n;
    let par = |a: usize, p: usize| {
        let count = project.articles[art(a)].paragraphs.len();
        (count > 0).then(|| p % count)
    };
    let para_len = |a: usize, p: usize| project.articles[art(a)].paragraphs[p].char_len();
    Some(match action.clone() {
        Action::Type {
            a,
            p,
            at,
            del,
            text,
        } => {
            let p = par(a, p)?;
            let len = para_len(a, p);
            let start = at % (len + 1);
            Edit::ReplaceText {
                at: FieldRef::new(art(a), FieldSlot::Paragraph(p)),
                start,
                end: (start + del).min(len),
                text,
            }
        }
        Action::Join { a, p } => Edit::JoinParagraphs {
            article: art(a),
            paragraph: par(a, p)?,
        },
        Action::Split { a, p, at } => {
            let p = par(a, p)?;
            Edit::SplitParagraph {
                article: art(a),
                paragraph: p,
                at: at % (para_len(a, p) + 1),
            }
        }
        Action::SplitArticle { a, p } => Edit::SplitArticle {
            article: art(a),
            before_paragraph: par(a, p)?,
        },
        Action::Merge { a } => Edit::MergeWithNext { article: art(a) },
        Action::Move { a, p, next } => Edit::MoveParagraph {
            article: art(a),
            paragraph: par(a, p)?,
            to: if next {
                Direction::Next
            } else {
                Direction::Previous
            },
        },
        Action::ToHeadline { a, p } => Edit::ParagraphToField {
            article: art(a),
            paragraph: par(a, p)?,
            slot: FieldSlot::Headline,
        },
        Action::BylineToParagraph { a } => Edit::FieldToParagraph {
            article: art(a),
            slot: FieldSlot::Byline,
            index: 0,
        },
        Action::Tag { a, p, at, len, k } => {
            let p = par(a, p)?;
            let flen = para_len(a, p);
            let start = at % (flen + 1);
            Edit::AddSpan {
                at: FieldRef::new(art(a), FieldSlot::Paragraph(p)),
                span: Span::by_editor(start, (start + len).min(flen), kind(k)),
            }
        }
        Action::Untag { a, p } => Edit::RemoveSpan {
            at: FieldRef::new(art(a), FieldSlot::Paragraph(par(a, p)?)),
            index: 0,
        },
        Action::Kind { a, p, k } => {
            lessons::set_kind(project, art(a), par(a, p)?, ParagraphKind::ALL[k])?
        }
        Action::LearntMerge { a } => lessons::merge_with_next(project, art(a))?,
        Action::Undo | Action::Redo => return None,
    })
}

fn check_invariants(project: &Project) -> Result<(), TestCaseError> {
    for article in &project.articles {
        for (slot, field) in article.fields() {
            let len = field.char_len();
            let mut last_end = 0;
            for span in &field.spans {
                prop_assert!(
                    span.start < span.end && span.end <= len,
                    "{slot:?}: span {}..{} in {len} chars",
                    span.start,
                    span.end
                );
                prop_assert!(span.start >= last_end, "{slot:?}: overlapping spans");
                last_end = span.end;
            }
            for join in &field.joins {
                prop_assert!(join.at <= len);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn edits_and_undos_keep_the_project_sound(original in project(), actions in proptest::collection::vec(action(), 1..40)) {
        let mut p = original.clone();
        let mut history = History::default();
        for action in &actions {
            match action {
                Action::Undo => { history.undo(&mut p); }
                Action::Redo => { history.redo(&mut p); }
                other => {
                    if let Some(edit) = edit_for(other, &p) {
                        let before = p.clone();
                        if history.apply(&mut p, edit, "step").is_err() {
                            prop_assert_eq!(&p, &before, "a refused edit changed the project");
                        }
                    }
                }
            }
            check_invariants(&p)?;
            prop_assert_eq!(&from_ron(&to_ron(&p)).unwrap(), &p);
        }
        while history.undo(&mut p).is_some() {}
        prop_assert_eq!(p, original);
    }
}
