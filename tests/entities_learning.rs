//! What the editor teaches a project: confirmed names are suggested in every article, rejected
//! suggestions never come back, confirmed spans are never touched, the registry keeps its ids —
//! and all of it survives saving and loading the project.

use jiaodui::formats::project::{from_ron, to_ron};
use jiaodui::i18n::Lang;
use jiaodui::model::{
    Article, ArticleId, Edit, EntityKind, FieldRef, FieldSlot, LexiconEntry, Project, Rejection,
    Source, Span, SpanStatus, TextField,
};
use jiaodui::pipeline::entities::{
    LEXICON_CONFIRMED, Tagger, describe_rule, suggest_project, tag_line_json,
};

fn project(paragraphs: &[&[&str]]) -> Project {
    let mut project = Project::new(Source::default());
    for (i, texts) in paragraphs.iter().enumerate() {
        let mut article = Article::new(ArticleId(i as u32));
        article.paragraphs = texts.iter().map(|t| TextField::plain(*t)).collect();
        project.articles.push(article);
    }
    project.allocate_article_id();
    project
}

fn suggest(project: &mut Project) -> Edit {
    suggest_project(project, Tagger::shared())
        .apply(project)
        .expect("suggestions apply to their project")
}

fn paragraph(project: &Project, article: usize, index: usize) -> &TextField {
    &project.articles[article].paragraphs[index]
}

fn texts_of(field: &TextField, kind: EntityKind) -> Vec<String> {
    field
        .spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| field.slice(s.start, s.end).to_string())
        .collect()
}

const FIRST: &str = "昨天,格日勒图来到村里查看灌溉设施。";
const SECOND: &str = "格日勒图说,今年的收成比去年好得多。";

#[test]
fn a_confirmed_name_is_suggested_in_other_articles() {
    let mut project = project(&[&[FIRST], &[SECOND]]);
    suggest(&mut project);
    assert!(
        !texts_of(paragraph(&project, 1, 0), EntityKind::Person).contains(&"格日勒图".to_string()),
        "the shipped model alone does not know this name"
    );
    // The editor tags the name in the first article and the window records it in the lexicon.
    let at = FieldRef::new(0, FieldSlot::Paragraph(0));
    let learn = Edit::Batch(vec![
        Edit::AddSpan {
            at,
            span: Span::by_editor(3, 7, EntityKind::Person),
        },
        Edit::SetLearning {
            lexicon: vec![LexiconEntry {
                text: "格日勒图".into(),
                kind: EntityKind::Person,
            }],
            rejected: Vec::new(),
        },
    ]);
    learn.apply(&mut project).unwrap();
    // Saved and loaded, then suggestions are run again.
    let mut project = from_ron(&to_ron(&project)).unwrap();
    suggest(&mut project);
    let second = paragraph(&project, 1, 0);
    let span = second
        .spans
        .iter()
        .find(|s| second.slice(s.start, s.end) == "格日勒图")
        .expect("the confirmed name is suggested in the other article");
    assert_eq!(span.kind, EntityKind::Person);
    assert_eq!(span.rule.as_deref(), Some(LEXICON_CONFIRMED));
    assert_eq!(span.status, SpanStatus::Suggested);
    // Both mentions are one registry entity.
    let first = paragraph(&project, 0, 0);
    assert_eq!(
        first.spans.iter().find(|s| s.start == 3).unwrap().entity,
        span.entity
    );
}

#[test]
fn a_rejected_suggestion_does_not_come_back() {
    let text = "记者在郑州看到,郑州的夜市十分热闹。";
    let mut project = project(&[&[text], &["郑州今年新增就业岗位十万个。"]]);
    suggest(&mut project);
    assert!(texts_of(paragraph(&project, 0, 0), EntityKind::Place).contains(&"郑州".to_string()));
    let at = FieldRef::new(0, FieldSlot::Paragraph(0));
    let index = paragraph(&project, 0, 0)
        .spans
        .iter()
        .position(|s| s.kind == EntityKind::Place)
        .unwrap();
    Edit::Batch(vec![
        Edit::RemoveSpan { at, index },
        Edit::SetLearning {
            lexicon: Vec::new(),
            rejected: vec![Rejection {
                text: "郑州".into(),
                kind: EntityKind::Place,
            }],
        },
    ])
    .apply(&mut project)
    .unwrap();
    let mut project = from_ron(&to_ron(&project)).unwrap();
    suggest(&mut project);
    for article in 0..2 {
        assert!(
            !texts_of(paragraph(&project, article, 0), EntityKind::Place)
                .contains(&"郑州".to_string()),
            "article {article} got the rejected suggestion back"
        );
    }
}

#[test]
fn confirmed_spans_are_kept_and_never_overlapped() {
    let text = "高新区党工委副书记、管委会主任张红军主持会议。";
    let mut project = project(&[&[text]]);
    let at = FieldRef::new(0, FieldSlot::Paragraph(0));
    // The editor decided the whole first office is one organization span, confirmed.
    let mut confirmed = Span::by_editor(0, 9, EntityKind::Org);
    confirmed.rule = None;
    Edit::AddSpan {
        at,
        span: confirmed.clone(),
    }
    .apply(&mut project)
    .unwrap();
    suggest(&mut project);
    let field = paragraph(&project, 0, 0);
    assert!(field.spans.contains(&Span {
        entity: field.spans[0].entity,
        ..confirmed.clone()
    }));
    for span in field
        .spans
        .iter()
        .filter(|s| s.status == SpanStatus::Suggested)
    {
        assert!(!span.overlaps(0, 9), "{span:?} overlaps the confirmed span");
    }
    assert!(texts_of(field, EntityKind::Person).contains(&"张红军".to_string()));
}

#[test]
fn rerunning_keeps_registry_ids_and_the_editors_entities() {
    let mut project = project(&[
        &["管委会主任张红军接待百川畅银公司董事长陈功海一行。"],
        &["张红军表示,希望百川畅银在高新区落地更多项目。"],
    ]);
    suggest(&mut project);
    let before = project.registry.clone();
    let person = before
        .find(&EntityKind::Person, "张红军")
        .expect("registered")
        .id;
    let company = before
        .find(&EntityKind::Org, "百川畅银")
        .expect("short form registered");
    assert_eq!(company.name, "百川畅银公司");
    // The editor adds an entity and a note of their own.
    let mut edited = before.clone();
    let mine = edited.add(EntityKind::Org, "高新区创新发展局");
    edited.get_mut(person).unwrap().note = "见第一篇".into();
    Edit::SetRegistry(edited).apply(&mut project).unwrap();
    suggest(&mut project);
    let after = &project.registry;
    assert_eq!(
        after.find(&EntityKind::Person, "张红军").unwrap().id,
        person
    );
    assert_eq!(after.get(person).unwrap().note, "见第一篇");
    assert!(after.get(mine).is_some());
    for entity in &before.entities {
        assert_eq!(after.get(entity.id).map(|e| &e.name), Some(&entity.name));
    }
    // Every person, organization and place mention is linked.
    for article in &project.articles {
        for (_, field) in article.fields() {
            for span in &field.spans {
                if span.kind != EntityKind::Title {
                    assert!(span.entity.is_some(), "{span:?} is not linked");
                }
            }
        }
    }
}

#[test]
fn suggestions_undo_exactly() {
    let mut project = project(&[&["国务院总理李强在北京会见新加坡总理黄循财。"]]);
    let original = project.clone();
    let inverse = suggest(&mut project);
    assert_ne!(project, original);
    inverse.apply(&mut project).unwrap();
    assert_eq!(project, original);
}

#[test]
fn every_suggestion_names_its_rule_and_the_rule_is_explained() {
    let tagger = Tagger::shared();
    let spans = tagger.tag("外交部发言人毛宁在例行记者会上表示,中国愿同东盟各国加强合作。");
    assert!(!spans.is_empty());
    for span in &spans {
        let rule = span.rule.as_deref().expect("a suggestion carries its rule");
        let zh = describe_rule(rule, Lang::Zh);
        let en = describe_rule(rule, Lang::En);
        assert!(zh.contains(rule) && en.contains(rule));
        assert!(
            !en.starts_with("Suggested by an automatic rule"),
            "{rule} is not explained"
        );
    }
}

#[test]
fn tag_line_json_has_the_cli_shape() {
    let line = tag_line_json(Tagger::shared(), "记者 孙庆辉");
    assert_eq!(
        line,
        r#"{"text":"记者 孙庆辉","entities":[{"type":"TITLE","start":0,"end":2,"text":"记者"},{"type":"PERSON","start":3,"end":6,"text":"孙庆辉"}]}"#
    );
    let empty = tag_line_json(Tagger::shared(), "");
    assert_eq!(empty, r#"{"text":"","entities":[]}"#);
}

/// The text of every suggestion of `kind` in `field`.
fn suggested_of(field: &TextField, kind: EntityKind) -> Vec<String> {
    field
        .spans
        .iter()
        .filter(|s| s.kind == kind && s.status == SpanStatus::Suggested)
        .map(|s| field.slice(s.start, s.end).to_string())
        .collect()
}

#[test]
fn a_pattern_tagged_three_times_is_suggested_in_the_next_article() {
    // Villages of Inner Mongolia are 嘎查: a word the shipped model has not learned as a place.
    let taught = [
        ("巴彦嘎查牧民今年收入大增。", 0, 4),
        ("记者来到乌兰嘎查,看到牧民正在剪羊毛。", 4, 8),
        ("呼和嘎查的牧民建起了合作社。", 0, 4),
    ];
    let fourth = "额尔敦嘎查今年新建了三座棚圈。";
    let mut articles: Vec<&[&str]> = taught
        .iter()
        .map(|(t, _, _)| std::slice::from_ref(t))
        .collect();
    let last = [fourth];
    articles.push(&last);
    let mut project = project(&articles);
    suggest(&mut project);
    assert!(
        !suggested_of(paragraph(&project, 3, 0), EntityKind::Place)
            .contains(&"额尔敦嘎查".to_string()),
        "the shipped model alone does not know the pattern"
    );
    for (a, (_, start, end)) in taught.iter().enumerate() {
        let at = FieldRef::new(a, FieldSlot::Paragraph(0));
        let field = paragraph(&project, a, 0).clone();
        // The editor removes whatever was suggested there and tags the village by hand.
        let mut edits: Vec<Edit> = field
            .spans
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, s)| s.overlaps(*start, *end))
            .map(|(index, _)| Edit::RemoveSpan { at, index })
            .collect();
        edits.push(Edit::AddSpan {
            at,
            span: Span::by_editor(*start, *end, EntityKind::Place),
        });
        Edit::Batch(edits).apply(&mut project).unwrap();
    }
    let mut project = from_ron(&to_ron(&project)).unwrap();
    suggest(&mut project);
    let fourth_field = paragraph(&project, 3, 0);
    assert_eq!(
        suggested_of(fourth_field, EntityKind::Place),
        vec!["额尔敦嘎查".to_string()],
        "{:?}",
        fourth_field.spans
    );
    let span = fourth_field
        .spans
        .iter()
        .find(|s| s.kind == EntityKind::Place)
        .unwrap();
    assert!(
        span.rule
            .as_deref()
            .is_some_and(|r| r.starts_with("model:"))
    );
}

#[test]
fn a_rejected_kind_of_suggestion_stops_appearing() {
    // Shopping streets: an office may not want them tagged as places.
    let rejected = ["重庆解放碑步行街", "武汉江汉路步行街", "南京夫子庙步行街"];
    let texts = [
        "记者在重庆解放碑步行街看到,市民正在排队。",
        "记者在武汉江汉路步行街看到,市民正在排队。",
        "记者在南京夫子庙步行街看到,市民正在排队。",
        "记者在重庆观音桥步行街看到,市民正在排队。",
    ];
    let articles: Vec<&[&str]> = texts.iter().map(std::slice::from_ref).collect();
    let mut project = project(&articles);
    suggest(&mut project);
    assert!(
        suggested_of(paragraph(&project, 3, 0), EntityKind::Place)
            .contains(&"重庆观音桥步行街".to_string()),
        "the shipped model suggests shopping streets as places"
    );
    Edit::SetLearning {
        lexicon: Vec::new(),
        rejected: rejected
            .iter()
            .map(|t| Rejection {
                text: t.to_string(),
                kind: EntityKind::Place,
            })
            .collect(),
    }
    .apply(&mut project)
    .unwrap();
    let mut project = from_ron(&to_ron(&project)).unwrap();
    suggest(&mut project);
    assert!(
        !suggested_of(paragraph(&project, 3, 0), EntityKind::Place)
            .contains(&"重庆观音桥步行街".to_string()),
        "{:?}",
        paragraph(&project, 3, 0).spans
    );
}
