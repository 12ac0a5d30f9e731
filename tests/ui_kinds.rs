//! Paragraph kinds in the window: set by the toolbar, the Edit menu, the context menu and the
//! keyboard, each undone; and the offer to repeat a structure correction where lines look the
//! same, accepted and undone.

#![cfg(feature = "window")]

mod common;

use common::harness;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiaodui::model::{Article, ParagraphKind, Project, Source, TextField};
use jiaodui::ui::App;

/// A report the import cut at each of its three crossheads (难点, 亮点, 长效), an author's note
/// left as body text, and a real article with a byline after it.
fn wrongly_split() -> Project {
    let mut project = Project::new(Source {
        name: "report.txt".into(),
        ..Source::default()
    });
    let mut add = |headline: &str, byline: &str, paragraphs: &[&str]| {
        let mut article = Article::new(project.allocate_article_id());
        article.headline = TextField::plain(headline);
        article.byline = TextField::plain(byline);
        article.paragraphs = paragraphs.iter().map(|p| TextField::plain(*p)).collect();
        project.articles.push(article);
    };
    add(
        "乡村振兴的三个关键词",
        "本报记者 王某",
        &["开头一段，说明背景。", "第二段，继续说明。", "第三段。"],
    );
    add("难点", "", &["难点在于人才。"]);
    add("亮点", "", &["亮点在于产业。"]);
    add("长效", "", &["长效在于机制。", "（作者为某大学教授）"]);
    add("第二篇文章的标题", "记者 李某", &["正文一段。"]);
    project
}

fn kind_of(harness: &Harness<'_, App>, article: usize, paragraph: usize) -> ParagraphKind {
    harness.state().project().articles[article].paragraphs[paragraph].kind
}

/// Clicks the first button whose label (which includes any shortcut text) starts with `text`.
fn click_button_starting(harness: &mut Harness<'_, App>, text: &str) {
    harness
        .get_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(text)))
        .next()
        .unwrap_or_else(|| panic!("a button {text}…"))
        .click();
    harness.run_steps(2);
}

fn undo(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
}

fn select_paragraph(harness: &mut Harness<'_, App>, number: usize) {
    harness.get_by_label(&format!("¶{number}")).click();
    harness.run_steps(2);
}

#[test]
fn a_kind_is_set_by_toolbar_menu_context_menu_and_key_and_undone() {
    let mut harness = harness(App::new_for_test(wrongly_split()));
    let before = harness.state().project().clone();

    // Toolbar: 段落类型… → 小标题.
    select_paragraph(&mut harness, 2);
    harness.get_by_label("段落类型…").click();
    harness.run_steps(2);
    click_button_starting(&mut harness, "小标题");
    assert_eq!(kind_of(&harness, 0, 1), ParagraphKind::Crosshead);
    assert!(
        harness.query_by_label("小标题").is_some(),
        "the gutter names the kind"
    );
    undo(&mut harness);
    assert_eq!(kind_of(&harness, 0, 1), ParagraphKind::Body);

    // Menu bar: 编辑 → 段落类型 → 注释.
    select_paragraph(&mut harness, 3);
    harness.get_by_label("编辑").click();
    harness.run_steps(2);
    harness.get_by_label("段落类型").hover();
    harness.run_steps(2);
    click_button_starting(&mut harness, "注释");
    assert_eq!(kind_of(&harness, 0, 2), ParagraphKind::Note);
    undo(&mut harness);
    assert_eq!(kind_of(&harness, 0, 2), ParagraphKind::Body);

    // Right-click on the paragraph → 图片说明.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "¶1")
        .click_secondary();
    harness.run_steps(2);
    click_button_starting(&mut harness, "图片说明");
    assert_eq!(kind_of(&harness, 0, 0), ParagraphKind::Caption);
    undo(&mut harness);
    assert_eq!(kind_of(&harness, 0, 0), ParagraphKind::Body);

    // Keyboard: Ctrl+5 makes the selected paragraph a box, Ctrl+1 body text again.
    harness.key_press(egui::Key::Escape);
    select_paragraph(&mut harness, 2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run_steps(2);
    assert_eq!(kind_of(&harness, 0, 1), ParagraphKind::Box);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(2);
    assert_eq!(kind_of(&harness, 0, 1), ParagraphKind::Body);
    undo(&mut harness);
    assert_eq!(kind_of(&harness, 0, 1), ParagraphKind::Box);
    undo(&mut harness);

    assert_eq!(
        harness.state().project().articles,
        before.articles,
        "every change undone"
    );
}

#[test]
fn merging_a_crosshead_back_offers_to_merge_the_similar_ones() {
    let mut harness = harness(App::new_for_test(wrongly_split()));
    let before = harness.state().project().clone();
    harness.state_mut().select_article(1);
    harness.run_steps(2);

    harness.get_by_label("并入上一篇").click();
    harness.run_steps(2);
    let project = harness.state().project();
    assert_eq!(project.articles.len(), 4);
    assert_eq!(project.articles[0].paragraphs[3].text, "难点");
    assert_eq!(kind_of(&harness, 0, 3), ParagraphKind::Crosshead);
    assert!(
        harness
            .query_by_label("还有 2 处相似的小标题：全部合并？")
            .is_some(),
        "the window offers the same fix for 亮点 and 长效"
    );

    harness.get_by_label("全部合并").click();
    harness.run_steps(2);
    let project = harness.state().project();
    assert_eq!(project.articles.len(), 2, "the report is one article again");
    let crossheads: Vec<&str> = project.articles[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Crosshead)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(crossheads, ["难点", "亮点", "长效"]);
    assert_eq!(project.articles[1].headline.text, "第二篇文章的标题");
    assert!(harness.state().structure_offer().is_none());

    // The batch is one undo step, the first merge another.
    undo(&mut harness);
    assert_eq!(harness.state().project().articles.len(), 4);
    undo(&mut harness);
    assert_eq!(harness.state().project().articles, before.articles);
}

#[test]
fn declining_the_offer_changes_nothing() {
    let mut harness = harness(App::new_for_test(wrongly_split()));
    harness.state_mut().select_article(3);
    harness.run_steps(2);
    // Mark the author's note of 长效 (its second paragraph) with the key; no other note looks
    // like it, so nothing is offered.
    select_paragraph(&mut harness, 2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run_steps(2);
    assert_eq!(kind_of(&harness, 3, 1), ParagraphKind::Note);
    assert!(harness.state().structure_offer().is_none());

    // Merging 难点 back offers two more; declining leaves them.
    harness.state_mut().select_article(1);
    harness.run_steps(2);
    harness.get_by_label("并入上一篇").click();
    harness.run_steps(2);
    assert!(harness.state().structure_offer().is_some());
    let after_merge = harness.state().project().clone();
    harness.get_by_label("不用").click();
    harness.run_steps(2);
    assert!(harness.state().structure_offer().is_none());
    assert_eq!(harness.state().project(), &after_merge);
}
