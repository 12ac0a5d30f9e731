//! The edit builders of `model::tagging`: each builds one undoable edit that does what the editor
//! asked and nothing else.

use jiaodui::i18n::Lang;
use jiaodui::model::tagging::{self, Occurrence, TaggingError};
use jiaodui::model::{
    Article, ArticleId, Edit, EntityKind, EntityType, FieldRef, FieldSlot, Project, Role, Source,
    Span, SpanStatus, TextField,
};
use jiaodui::pipeline::entities::{Tagger, suggest_project};

fn project(paragraphs: &[&[&str]]) -> Project {
    let mut project = Project::new(Source::default());
    for (i, texts) in paragraphs.iter().enumerate() {
        let mut article = Article::new(ArticleId(i as u32));
        article.paragraphs = texts.iter().map(|t| TextField::plain(*t)).collect();
        project.articles.push(article);
    }
    project
}

fn p(article: usize, paragraph: usize) -> FieldRef {
    FieldRef::new(article, FieldSlot::Paragraph(paragraph))
}

/// Applies `edit`, checks that its inverse gives back the project, and applies it again.
fn apply_undoably(project: &mut Project, build: impl FnOnce(&Project) -> Edit) {
    let edit = build(project);
    let before = project.clone();
    let inverse = edit.clone().apply(project).expect("the edit applies");
    let mut undone = project.clone();
    inverse.apply(&mut undone).expect("the inverse applies");
    assert_eq!(undone, before, "one undo restores the project");
}

#[test]
fn tagging_links_to_a_registry_entity_and_tag_all_reuses_it() {
    let mut project = project(&[&["张红军主持会议。", "张红军指出"], &["会上张红军强调"]]);
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 0, 3, EntityKind::Person)
    });
    let id = project.articles[0].paragraphs[0].spans[0]
        .entity
        .expect("linked");
    assert_eq!(project.registry.get(id).unwrap().name, "张红军");

    let others = tagging::occurrences(&project, "张红军", &EntityKind::Person);
    assert_eq!(
        others,
        vec![
            Occurrence {
                at: p(0, 1),
                start: 0,
                end: 3
            },
            Occurrence {
                at: p(1, 0),
                start: 2,
                end: 5
            },
        ],
        "every other occurrence, with char offsets"
    );
    apply_undoably(&mut project, |pr| {
        tagging::tag_occurrences(pr, &others, EntityKind::Person)
    });
    assert_eq!(project.registry.entities.len(), 1, "one entity for all");
    assert_eq!(tagging::mentions_of(&project, id).len(), 3);
    assert!(tagging::occurrences(&project, "张红军", &EntityKind::Person).is_empty());
}

#[test]
fn occurrences_skip_text_inside_a_confirmed_span() {
    let mut project = project(&[&["张红军和张红军同志"]]);
    let field = &mut project.articles[0].paragraphs[0];
    field.insert_span(Span::by_editor(4, 9, EntityKind::Other("X".into())));
    let found = tagging::occurrences(&project, "张红军", &EntityKind::Person);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (0, 3));
}

#[test]
fn retype_and_resize_confirm_the_span() {
    let mut project = project(&[&["高新区管委会主任讲话"]]);
    project.articles[0].paragraphs[0].insert_span(Span::suggested(
        0,
        6,
        EntityKind::Place,
        "place:gazetteer",
    ));
    let edit = tagging::retype(&project, (p(0, 0), 0), EntityKind::Org).unwrap();
    apply_undoably(&mut project, |_| edit);
    let span = &project.articles[0].paragraphs[0].spans[0];
    assert_eq!(span.kind, EntityKind::Org);
    assert_eq!(span.status, SpanStatus::Confirmed);

    let grow = tagging::resize(&project, (p(0, 0), 0), 0, 2).unwrap();
    apply_undoably(&mut project, |_| grow);
    let field = &project.articles[0].paragraphs[0];
    assert_eq!(
        field.slice(field.spans[0].start, field.spans[0].end),
        "高新区管委会主任"
    );
    assert!(
        tagging::resize(&project, (p(0, 0), 0), 0, 5).is_none(),
        "cannot grow past the end"
    );
    assert!(tagging::resize(&project, (p(0, 0), 0), 8, 0).is_none());
}

#[test]
fn accept_all_of_a_type_confirms_only_that_type_in_that_article() {
    let mut project = project(&[&["甲乙丙丁"], &["甲乙丙丁"]]);
    for a in 0..2 {
        let field = &mut project.articles[a].paragraphs[0];
        field.insert_span(Span::suggested(0, 1, EntityKind::Person, "r1"));
        field.insert_span(Span::suggested(2, 3, EntityKind::Org, "r2"));
    }
    let edit = tagging::accept_where(&project, Some(0), |s| s.kind == EntityKind::Person);
    apply_undoably(&mut project, |_| edit);
    let status = |a: usize, i: usize| project.articles[a].paragraphs[0].spans[i].status;
    assert_eq!(status(0, 0), SpanStatus::Confirmed);
    assert_eq!(status(0, 1), SpanStatus::Suggested);
    assert_eq!(status(1, 0), SpanStatus::Suggested);
    assert_eq!(tagging::suggestions(&project, None).len(), 3);
    assert_eq!(tagging::suggestions(&project, Some(0)).len(), 1);
}

#[test]
fn merging_makes_the_other_spelling_an_alias_and_relinks_mentions() {
    let mut project = project(&[&["百川畅银公司签约。百川畅银表示"]]);
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 0, 6, EntityKind::Org)
    });
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 9, 13, EntityKind::Org)
    });
    let ids: Vec<_> = project.registry.entities.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 2);
    let person = project.registry.add(EntityKind::Person, "李四");
    project.registry.get_mut(person).unwrap().roles.push(Role {
        title: "董事长".into(),
        org: "百川畅银".into(),
    });
    let edit = tagging::merge_entities(&project, ids[0], ids[1]).unwrap();
    apply_undoably(&mut project, |_| edit);
    let kept = project.registry.get(ids[0]).unwrap();
    assert_eq!(kept.name, "百川畅银公司");
    assert_eq!(kept.aliases, vec!["百川畅银".to_string()]);
    assert!(project.registry.get(ids[1]).is_none());
    assert_eq!(tagging::mentions_of(&project, ids[0]).len(), 2);
    assert_eq!(
        project.registry.get(person).unwrap().roles[0].org,
        "百川畅银公司",
        "roles follow the merged organization"
    );
    assert_eq!(
        tagging::merge_entities(&project, ids[0], ids[0]),
        Err(TaggingError::CannotMerge)
    );
    assert_eq!(
        tagging::merge_entities(&project, ids[0], person),
        Err(TaggingError::CannotMerge)
    );
}

#[test]
fn rename_roles_note_link_and_unlink() {
    let mut project = project(&[&["张红军讲话,张宏军指出"]]);
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 0, 3, EntityKind::Person)
    });
    let id = project.registry.entities[0].id;
    apply_undoably(&mut project, |pr| {
        tagging::rename_entity(pr, id, " 张红军同志 ").unwrap()
    });
    let entity = project.registry.get(id).unwrap();
    assert_eq!(entity.name, "张红军同志");
    assert_eq!(entity.aliases, vec!["张红军".to_string()]);
    assert_eq!(
        tagging::rename_entity(&project, id, "  "),
        Err(TaggingError::EmptyName)
    );
    assert!(
        !TaggingError::EmptyName.message(Lang::Zh).is_empty()
            && TaggingError::EmptyName.message(Lang::En)
                != TaggingError::EmptyName.message(Lang::Zh)
    );

    let roles = vec![
        Role {
            title: "主任".into(),
            org: "管委会".into(),
        },
        Role {
            title: " ".into(),
            org: String::new(),
        },
    ];
    apply_undoably(&mut project, |pr| {
        tagging::set_roles(pr, id, roles).unwrap()
    });
    assert_eq!(project.registry.get(id).unwrap().roles.len(), 1);
    apply_undoably(&mut project, |pr| {
        tagging::set_note(pr, id, "分管科技").unwrap()
    });
    assert_eq!(project.registry.get(id).unwrap().note, "分管科技");

    // A second spelling, tagged without a link, is linked by hand and becomes an alias.
    let mut span = Span::by_editor(6, 9, EntityKind::Person);
    span.entity = None;
    project.articles[0].paragraphs[0].insert_span(span);
    apply_undoably(&mut project, |pr| {
        tagging::link_mention(pr, (p(0, 0), 1), id).unwrap()
    });
    assert!(project.registry.get(id).unwrap().is_called("张宏军"));
    assert_eq!(tagging::mentions_of(&project, id).len(), 2);
    apply_undoably(&mut project, |pr| {
        tagging::unlink_mention(pr, (p(0, 0), 1)).unwrap()
    });
    assert_eq!(tagging::mentions_of(&project, id).len(), 1);
    assert_eq!(
        project.articles[0].paragraphs[0].spans.len(),
        2,
        "the tag stays"
    );
}

#[test]
fn entity_types_are_checked_before_they_replace_the_list() {
    let mut project = project(&[&["2021年6月10日"]]);
    let mut types = EntityType::defaults();
    types.push(EntityType {
        kind: EntityKind::Other("DATE".into()),
        name_zh: "日期".into(),
        name_en: "Date".into(),
        color: [120, 80, 200],
        key: 5,
    });
    apply_undoably(&mut project, |pr| {
        tagging::set_entity_types(pr, types.clone()).unwrap()
    });
    assert_eq!(project.entity_types.len(), 5);

    let mut clash = types.clone();
    clash[4].key = 1;
    assert!(matches!(
        tagging::set_entity_types(&project, clash),
        Err(TaggingError::BadTypes(_))
    ));

    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 0, 10, EntityKind::Other("DATE".into()))
    });
    assert_eq!(
        tagging::set_entity_types(&project, EntityType::defaults()),
        Err(TaggingError::TypeInUse("DATE".into())),
        "a type in use is not removed"
    );
}

#[test]
fn a_rejected_suggestion_does_not_come_back_after_suggesting_again() {
    let mut project = project(&[
        &["管委会主任张红军主持会议。"],
        &["张红军强调,要抓好落实。"],
    ]);
    let tagger = Tagger::shared();
    suggest_project(&project, tagger)
        .apply(&mut project)
        .unwrap();
    let queue = tagging::suggestions(&project, None);
    let person = queue
        .iter()
        .copied()
        .find(|&place| {
            tagging::span_text(&project, place) == Some("张红军")
                && project.field(place.0).unwrap().spans[place.1].kind == EntityKind::Person
        })
        .expect("the name is suggested");
    apply_undoably(&mut project, |pr| tagging::reject(pr, &[person]));
    assert!(project.is_rejected("张红军", &EntityKind::Person));
    suggest_project(&project, tagger)
        .apply(&mut project)
        .unwrap();
    let back = tagging::suggestions(&project, None)
        .into_iter()
        .any(|place| {
            tagging::span_text(&project, place) == Some("张红军")
                && project.field(place.0).unwrap().spans[place.1].kind == EntityKind::Person
        });
    assert!(!back, "a rejection is remembered");
}

#[test]
fn tagging_an_official_after_the_titles_records_the_roles() {
    let text = "高新区党工委副书记、管委会主任张红军主持会议。";
    let mut project = project(&[&[text]]);
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 0, 6, EntityKind::Org)
    });
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 6, 9, EntityKind::Title)
    });
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 10, 13, EntityKind::Org)
    });
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 15, 18, EntityKind::Person)
    });
    let person = project
        .registry
        .find(&EntityKind::Person, "张红军")
        .unwrap();
    assert!(
        person.roles.is_empty(),
        "no title right before the name yet"
    );
    // The title tagged last completes the chain: both roles are recorded.
    apply_undoably(&mut project, |pr| {
        tagging::tag(pr, p(0, 0), 13, 15, EntityKind::Title)
    });
    let person = project
        .registry
        .find(&EntityKind::Person, "张红军")
        .unwrap();
    let roles: Vec<String> = person.roles.iter().map(|r| r.display()).collect();
    assert_eq!(roles, vec!["高新区党工委副书记", "管委会主任"]);
    assert_eq!(project.registry.officials().count(), 1);
}
