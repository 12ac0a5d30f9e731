//! Punctuation normalisation as an editor-controlled step: previewed, applied as one edit,
//! undone exactly.

use jiaodui::model::{
    Article, ArticleId, EntityKind, FieldRef, FieldSlot, History, Project, Source, Span, TextField,
};
use jiaodui::pipeline::punctuation::{edit_for, normalise_edit, preview};

/// A field with `text` and a span on each `(needle, kind)`, found by its first occurrence.
fn field(text: &str, tags: &[(&str, EntityKind)]) -> TextField {
    let mut field = TextField::plain(text);
    for (needle, kind) in tags {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        let end = start + needle.chars().count();
        field.insert_span(Span::suggested(start, end, kind.clone(), "test"));
    }
    field
}

fn project() -> Project {
    let mut project = Project::new(Source::default());
    let mut article = Article::new(ArticleId(0));
    article.headline = field(
        "高新区召开党工委(扩大)会议",
        &[
            ("高新区", EntityKind::Place),
            ("(扩大)", EntityKind::Other("NOTE".into())),
        ],
    );
    article.byline = TextField::plain("记者 孙庆辉");
    article.paragraphs = vec![
        field(
            "6月10日,高新区召开会议.张红军主持会议并讲话:要抓重点!",
            &[("张红军", EntityKind::Person)],
        ),
        TextField::plain(
            "共1,000人参加,会议10:30开始,详见https://example.com/a,b.html,或联系admin@example.org.",
        ),
        TextField::plain("Hello, world. This stays (as it is)."),
    ];
    project.articles.push(article);
    project
}

#[test]
fn preview_lists_every_change_with_context() {
    let project = project();
    let changes = preview(&project);
    let summary: Vec<(FieldSlot, usize, &str, &str)> = changes
        .iter()
        .map(|c| (c.at.slot, c.start, c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (FieldSlot::Headline, 8, "(", "（"),
            (FieldSlot::Headline, 11, ")", "）"),
            (FieldSlot::Paragraph(0), 5, ",", "，"),
            (FieldSlot::Paragraph(0), 13, ".", "。"),
            (FieldSlot::Paragraph(0), 24, ":", "："),
            (FieldSlot::Paragraph(0), 29, "!", "！"),
            (FieldSlot::Paragraph(1), 9, ",", "，"),
            (FieldSlot::Paragraph(1), 19, ",", "，"),
            (FieldSlot::Paragraph(1), 50, ",", "，"),
        ]
    );
    for change in &changes {
        let text: Vec<char> = change.context.chars().collect();
        assert_eq!(text[change.context_offset].to_string(), change.before);
        assert_eq!(change.end, change.start + 1);
    }
    assert_eq!(changes[2].context, "6月10日,高新区召开会议.张红军主");
    assert_eq!(changes[2].context_offset, 5);
}

#[test]
fn normalising_keeps_spans_on_their_text_and_undo_restores_exactly() {
    let original = project();
    let mut project = original.clone();
    let inverse = normalise_edit(&project)
        .apply(&mut project)
        .expect("applies");
    let headline = &project.articles[0].headline;
    assert_eq!(headline.text, "高新区召开党工委（扩大）会议");
    assert_eq!(
        headline.slice(headline.spans[1].start, headline.spans[1].end),
        "（扩大）"
    );
    let paragraph = &project.articles[0].paragraphs[0];
    assert_eq!(
        paragraph.text,
        "6月10日，高新区召开会议。张红军主持会议并讲话：要抓重点！"
    );
    assert_eq!(
        paragraph.slice(paragraph.spans[0].start, paragraph.spans[0].end),
        "张红军"
    );
    assert_eq!(
        project.articles[0].paragraphs[1].text,
        "共1,000人参加，会议10:30开始，详见https://example.com/a,b.html，或联系admin@example.org.",
        "the full stop after an address is left alone: it may belong to the address"
    );
    assert_eq!(
        project.articles[0].paragraphs[2],
        original.articles[0].paragraphs[2]
    );
    assert!(preview(&project).is_empty(), "a second pass finds nothing");

    inverse.apply(&mut project).expect("the inverse applies");
    assert_eq!(project, original);
}

#[test]
fn the_editor_chooses_which_changes_to_apply_and_history_undoes_them() {
    let original = project();
    let mut project = original.clone();
    let accepted: Vec<_> = preview(&project)
        .into_iter()
        .filter(|c| c.at == FieldRef::new(0, FieldSlot::Headline))
        .collect();
    let edit = edit_for(&project, &accepted);
    let mut history = History::default();
    history
        .apply(&mut project, edit, "normalise punctuation")
        .expect("applies");
    assert_eq!(
        project.articles[0].headline.text,
        "高新区召开党工委（扩大）会议"
    );
    assert_eq!(
        project.articles[0].paragraphs,
        original.articles[0].paragraphs
    );
    history.undo(&mut project).expect("one step to undo");
    assert_eq!(project, original);
    assert!(!history.can_undo());
}

#[test]
fn stale_changes_are_skipped() {
    let mut project = project();
    let changes = preview(&project);
    project.articles[0].headline = TextField::plain("新标题");
    let edit = edit_for(&project, &changes);
    let mut after = project.clone();
    edit.apply(&mut after).expect("applies");
    assert_eq!(after.articles[0].headline.text, "新标题");
}

mod properties {
    use jiaodui::pipeline::punctuation::field_changes;
    use proptest::prelude::*;

    /// Text made of the characters the rules look at: marks, Han, digits, Latin, spaces,
    /// quotes, full-width marks and address pieces.
    fn awkward_text() -> impl Strategy<Value = Vec<char>> {
        let alphabet: Vec<char> = ",.?!;:()中文1 0a\"“”，（@w/h".chars().collect();
        proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
    }

    fn full_width(c: char) -> Option<char> {
        let half = ",.?!;:()";
        let full = "，。？！；：（）";
        half.chars()
            .position(|h| h == c)
            .and_then(|i| full.chars().nth(i))
    }

    proptest! {
        #[test]
        fn only_marks_change_one_for_one_and_a_second_pass_changes_nothing(text in awkward_text()) {
            let changes = field_changes(&text);
            let mut after = text.clone();
            for &(i, full) in &changes {
                prop_assert_eq!(full_width(text[i]), Some(full));
                after[i] = full;
            }
            prop_assert_eq!(after.len(), text.len());
            prop_assert!(field_changes(&after).is_empty(), "{:?} → {:?}", text, after);
        }
    }
}
