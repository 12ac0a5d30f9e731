//! Each edit, its effect, and that its inverse restores the project exactly.

use super::*;
use crate::model::{ArticleId, EntityKind, Join, LineRange, ParagraphKind, Source};

fn field(text: &str, line: usize) -> TextField {
    TextField::from_lines(text, vec![LineRange::single(line)])
}

/// Two articles: the first with a headline, a byline and three paragraphs (the second one
/// joined from a scan break), the second with a headline and two paragraphs.
fn project() -> Project {
    let mut p = Project::new(Source {
        name: "t.txt".into(),
        ..Source::default()
    });
    let mut a = Article::new(ArticleId(0));
    a.headline = field("高新区召开会议", 1);
    a.byline = field("记者 孙庆辉", 9);
    let mut joined = field("会议强调,作为领导干部,关", 5);
    joined.append(field("键少数,要带头学。", 7));
    joined.joins.push(Join {
        at: 13,
        upper_line: 5,
        lower_line: 7,
        rule: "join:no-sentence-end".into(),
    });
    let mut lead = field("本报讯 管委会主任张红军主持会议。", 3);
    lead.insert_span(Span::suggested(
        9,
        12,
        EntityKind::Person,
        "title-before-name",
    ));
    a.paragraphs = vec![lead, joined, field("会议要求,要抓重点。", 8)];
    let mut b = Article::new(ArticleId(1));
    b.headline = field("百川畅银公司开展培训", 11);
    b.paragraphs = vec![field("第一段。", 12), field("第二段。", 13)];
    p.articles = vec![a, b];
    p
}

/// Applies `edit`, checks the result with `check`, then applies the inverse and checks that the
/// project is exactly as before.
fn round_trip(edit: Edit, check: impl Fn(&Project)) {
    let mut p = project();
    let before = p.clone();
    let inverse = edit.apply(&mut p).expect("edit applies");
    check(&p);
    let redo = inverse.apply(&mut p).expect("inverse applies");
    assert_eq!(p.articles, before.articles);
    assert_eq!(p.registry, before.registry);
    // The inverse of the inverse brings the edit back.
    let mut redone = p.clone();
    redo.apply(&mut redone).expect("redo applies");
    check(&redone);
}

fn para(article: usize, index: usize) -> FieldRef {
    FieldRef::new(article, FieldSlot::Paragraph(index))
}

#[test]
fn replace_text_moves_spans_and_undoes() {
    round_trip(
        Edit::ReplaceText {
            at: para(0, 0),
            start: 0,
            end: 3,
            text: "新华社讯".into(),
        },
        |p| {
            let f = &p.articles[0].paragraphs[0];
            assert!(f.text.starts_with("新华社讯 管委会"));
            assert_eq!(f.slice(f.spans[0].start, f.spans[0].end), "张红军");
        },
    );
}

#[test]
fn set_field_sets_a_headline_and_undoes() {
    round_trip(
        Edit::SetField {
            at: FieldRef::new(1, FieldSlot::Subheadline),
            field: TextField::plain("——副题"),
        },
        |p| assert_eq!(p.articles[1].subheadline.text, "——副题"),
    );
}

#[test]
fn join_paragraphs_and_undo() {
    round_trip(
        Edit::JoinParagraphs {
            article: 0,
            paragraph: 0,
        },
        |p| {
            let a = &p.articles[0];
            assert_eq!(a.paragraphs.len(), 2);
            assert!(a.paragraphs[0].text.ends_with("要带头学。"));
            assert_eq!(a.paragraphs[0].source_lines.len(), 3);
            assert_eq!(a.paragraphs[0].joins[0].at, 17 + 13);
        },
    );
}

#[test]
fn split_paragraph_at_a_join_divides_its_lines() {
    round_trip(
        Edit::SplitParagraph {
            article: 0,
            paragraph: 1,
            at: 13,
        },
        |p| {
            let a = &p.articles[0];
            assert_eq!(a.paragraphs.len(), 4);
            assert_eq!(a.paragraphs[1].text, "会议强调,作为领导干部,关");
            assert_eq!(a.paragraphs[2].text, "键少数,要带头学。");
            assert_eq!(a.paragraphs[1].source_lines, vec![LineRange::single(5)]);
            assert_eq!(a.paragraphs[2].source_lines, vec![LineRange::single(7)]);
            assert!(a.paragraphs[1].joins.is_empty());
        },
    );
}

#[test]
fn set_paragraph_kind_and_undo() {
    round_trip(
        Edit::SetParagraphKind {
            article: 0,
            paragraph: 2,
            kind: ParagraphKind::Note,
        },
        |p| {
            let kinds: Vec<ParagraphKind> =
                p.articles[0].paragraphs.iter().map(|f| f.kind).collect();
            assert_eq!(
                kinds,
                [
                    ParagraphKind::Body,
                    ParagraphKind::Body,
                    ParagraphKind::Note
                ]
            );
        },
    );
    let mut p = project();
    let missing = Edit::SetParagraphKind {
        article: 0,
        paragraph: 3,
        kind: ParagraphKind::Note,
    };
    assert!(missing.apply(&mut p).is_err());
    assert_eq!(p, project());
}

/// Splitting a crosshead glued to its text leaves the crosshead and body text after it; a box
/// stays a box on both sides; a join keeps the kind of the upper paragraph.
#[test]
fn splits_and_joins_carry_kinds_sensibly() {
    let split_kinds = |kind: ParagraphKind| {
        let mut p = project();
        p.articles[0].paragraphs[1].kind = kind;
        Edit::SplitParagraph {
            article: 0,
            paragraph: 1,
            at: 13,
        }
        .apply(&mut p)
        .unwrap();
        (
            p.articles[0].paragraphs[1].kind,
            p.articles[0].paragraphs[2].kind,
        )
    };
    use ParagraphKind::{Body, Box, Caption, Crosshead, Note};
    assert_eq!(split_kinds(Crosshead), (Crosshead, Body));
    assert_eq!(split_kinds(Note), (Note, Body));
    assert_eq!(split_kinds(Caption), (Caption, Body));
    assert_eq!(split_kinds(Box), (Box, Box));
    assert_eq!(split_kinds(Body), (Body, Body));

    let mut p = project();
    p.articles[0].paragraphs[0].kind = Crosshead;
    p.articles[0].paragraphs[1].kind = Note;
    Edit::JoinParagraphs {
        article: 0,
        paragraph: 0,
    }
    .apply(&mut p)
    .unwrap();
    assert_eq!(p.articles[0].paragraphs[0].kind, Crosshead);
}

#[test]
fn split_paragraph_refuses_the_edges() {
    let mut p = project();
    let before = p.clone();
    for at in [0, 100] {
        let result = Edit::SplitParagraph {
            article: 0,
            paragraph: 0,
            at,
        }
        .apply(&mut p);
        assert!(matches!(result, Err(EditError::OutOfRange { .. })));
    }
    assert_eq!(p, before);
}

#[test]
fn split_article_and_undo() {
    round_trip(
        Edit::SplitArticle {
            article: 0,
            before_paragraph: 2,
        },
        |p| {
            assert_eq!(p.articles.len(), 3);
            assert_eq!(p.articles[0].paragraphs.len(), 2);
            assert_eq!(p.articles[1].paragraphs[0].text, "会议要求,要抓重点。");
            assert_ne!(p.articles[1].id, p.articles[0].id);
            assert_ne!(p.articles[1].id, p.articles[2].id);
        },
    );
}

#[test]
fn merge_with_next_keeps_the_next_headline_as_a_paragraph() {
    round_trip(Edit::MergeWithNext { article: 0 }, |p| {
        assert_eq!(p.articles.len(), 1);
        let texts: Vec<&str> = p.articles[0]
            .paragraphs
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(texts[3], "百川畅银公司开展培训");
        assert_eq!(texts.len(), 6);
    });
}

#[test]
fn merge_without_a_next_article_is_refused() {
    let mut p = project();
    assert_eq!(
        Edit::MergeWithNext { article: 1 }.apply(&mut p),
        Err(EditError::NoNeighbour)
    );
}

#[test]
fn move_paragraph_to_either_neighbour() {
    round_trip(
        Edit::MoveParagraph {
            article: 0,
            paragraph: 2,
            to: Direction::Next,
        },
        |p| {
            assert_eq!(p.articles[0].paragraphs.len(), 2);
            assert_eq!(p.articles[1].paragraphs[0].text, "会议要求,要抓重点。");
        },
    );
    round_trip(
        Edit::MoveParagraph {
            article: 1,
            paragraph: 0,
            to: Direction::Previous,
        },
        |p| assert_eq!(p.articles[0].paragraphs.last().unwrap().text, "第一段。"),
    );
    let mut p = project();
    assert_eq!(
        Edit::MoveParagraph {
            article: 0,
            paragraph: 0,
            to: Direction::Previous
        }
        .apply(&mut p),
        Err(EditError::NoNeighbour)
    );
}

#[test]
fn paragraph_to_headline_swaps_the_old_headline_in() {
    round_trip(
        Edit::ParagraphToField {
            article: 0,
            paragraph: 2,
            slot: FieldSlot::Headline,
        },
        |p| {
            let a = &p.articles[0];
            assert_eq!(a.headline.text, "会议要求,要抓重点。");
            assert_eq!(a.paragraphs[2].text, "高新区召开会议");
        },
    );
    round_trip(
        Edit::ParagraphToField {
            article: 1,
            paragraph: 1,
            slot: FieldSlot::Byline,
        },
        |p| {
            assert_eq!(p.articles[1].byline.text, "第二段。");
            assert_eq!(p.articles[1].paragraphs.len(), 1);
        },
    );
}

#[test]
fn field_to_paragraph_and_undo() {
    round_trip(
        Edit::FieldToParagraph {
            article: 0,
            slot: FieldSlot::Byline,
            index: 3,
        },
        |p| {
            assert!(p.articles[0].byline.is_empty());
            assert_eq!(p.articles[0].paragraphs[3].text, "记者 孙庆辉");
        },
    );
    let mut p = project();
    assert!(
        Edit::FieldToParagraph {
            article: 1,
            slot: FieldSlot::Kicker,
            index: 0
        }
        .apply(&mut p)
        .is_err(),
        "an empty field cannot become a paragraph"
    );
}

#[test]
fn add_span_replaces_overlapping_spans_and_undoes() {
    round_trip(
        Edit::AddSpan {
            at: para(0, 0),
            span: Span::by_editor(7, 10, EntityKind::Title),
        },
        |p| {
            let f = &p.articles[0].paragraphs[0];
            assert_eq!(f.spans.len(), 1);
            assert_eq!(f.spans[0].kind, EntityKind::Title);
        },
    );
    let mut p = project();
    let before = p.clone();
    assert_eq!(
        Edit::AddSpan {
            at: para(0, 0),
            span: Span::by_editor(3, 3, EntityKind::Title)
        }
        .apply(&mut p),
        Err(EditError::EmptySpan)
    );
    assert_eq!(p, before);
}

#[test]
fn remove_and_retype_span_and_undo() {
    round_trip(
        Edit::RemoveSpan {
            at: para(0, 0),
            index: 0,
        },
        |p| assert!(p.articles[0].paragraphs[0].spans.is_empty()),
    );
    round_trip(
        Edit::SetSpan {
            at: para(0, 0),
            index: 0,
            span: Span::by_editor(9, 12, EntityKind::Org),
        },
        |p| {
            let span = &p.articles[0].paragraphs[0].spans[0];
            assert_eq!(span.kind, EntityKind::Org);
            assert_eq!(span.status, crate::model::SpanStatus::Confirmed);
        },
    );
}

#[test]
fn set_checked_and_registry_and_undo() {
    round_trip(
        Edit::SetChecked {
            article: 1,
            checked: true,
        },
        |p| assert!(p.articles[1].checked),
    );
    let mut p = project();
    let mut registry = p.registry.clone();
    registry.add(EntityKind::Person, "张红军");
    let inverse = Edit::SetRegistry(registry).apply(&mut p).unwrap();
    assert_eq!(p.registry.entities.len(), 1);
    inverse.apply(&mut p).unwrap();
    assert!(p.registry.entities.is_empty());
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut p = project();
    let before = p.clone();
    let result = Edit::Batch(vec![
        Edit::SetChecked {
            article: 0,
            checked: true,
        },
        Edit::JoinParagraphs {
            article: 0,
            paragraph: 0,
        },
        Edit::MergeWithNext { article: 7 },
    ])
    .apply(&mut p);
    assert!(result.is_err());
    assert_eq!(p, before);
}

#[test]
fn a_batch_undoes_in_reverse_order() {
    round_trip(
        Edit::Batch(vec![
            Edit::JoinParagraphs {
                article: 0,
                paragraph: 1,
            },
            Edit::SplitArticle {
                article: 0,
                before_paragraph: 1,
            },
        ]),
        |p| {
            assert_eq!(p.articles.len(), 3);
            assert_eq!(p.articles[1].paragraphs.len(), 1);
        },
    );
}
