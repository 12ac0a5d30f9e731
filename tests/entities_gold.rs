//! The tagger against the gold annotation of the sample bulletin: exact-span precision, recall
//! and F1 per type, through the same code path as the import (`suggest_project`), and the
//! officials as ANNOTATION.md lists them.

use std::collections::{BTreeMap, BTreeSet};

use jiaodui::model::{Article, ArticleId, EntityKind, FieldSlot, Project, Role, Source, TextField};
use jiaodui::pipeline::entities::{Tagger, suggest_project};
use serde_json::Value;

const GOLD: &str = include_str!("fixtures/gaoxin-bulletin-2021-06.gold.json");

/// An entity as (article, field, type, start, end, text).
type Mention = (usize, FieldSlot, String, usize, usize, String);

fn gold_project() -> (Project, BTreeSet<Mention>) {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let mut project = Project::new(Source::default());
    let mut expected = BTreeSet::new();
    for (a, article) in gold["articles"].as_array().unwrap().iter().enumerate() {
        let mut built = Article::new(ArticleId(a as u32));
        let text = |v: &Value| v.as_str().map(TextField::plain).unwrap_or_default();
        built.headline = text(&article["headline"]);
        built.subheadline = text(&article["subheadline"]);
        built.byline = text(&article["byline"]);
        built.paragraphs = article["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(text)
            .collect();
        project.articles.push(built);
        for e in article["entities"].as_array().unwrap() {
            let slot = match e["field"].as_str().unwrap() {
                "headline" => FieldSlot::Headline,
                "subheadline" => FieldSlot::Subheadline,
                "byline" => FieldSlot::Byline,
                _ => FieldSlot::Paragraph(e["paragraph"].as_u64().unwrap() as usize),
            };
            expected.insert((
                a,
                slot,
                e["type"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                e["text"].as_str().unwrap().to_string(),
            ));
        }
    }
    project.allocate_article_id();
    (project, expected)
}

fn suggested(project: &Project) -> BTreeSet<Mention> {
    let mut found = BTreeSet::new();
    for (a, article) in project.articles.iter().enumerate() {
        for (slot, field) in article.fields() {
            for span in &field.spans {
                found.insert((
                    a,
                    slot,
                    span.kind.code().to_string(),
                    span.start,
                    span.end,
                    field.slice(span.start, span.end).to_string(),
                ));
            }
        }
    }
    found
}

/// (precision, recall, F1) per type, printing the misses and the false suggestions.
fn score(
    expected: &BTreeSet<Mention>,
    found: &BTreeSet<Mention>,
) -> BTreeMap<String, (f64, f64, f64)> {
    let mut scores = BTreeMap::new();
    for kind in ["PERSON", "TITLE", "ORG", "PLACE"] {
        let e: BTreeSet<_> = expected.iter().filter(|m| m.2 == kind).collect();
        let f: BTreeSet<_> = found.iter().filter(|m| m.2 == kind).collect();
        let hits = e.intersection(&f).count() as f64;
        let p = if f.is_empty() {
            1.0
        } else {
            hits / f.len() as f64
        };
        let r = if e.is_empty() {
            1.0
        } else {
            hits / e.len() as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!(
            "{kind:7} P {p:.3} R {r:.3} F1 {f1:.3} (gold {}, suggested {}, exact {hits})",
            e.len(),
            f.len()
        );
        for m in e.difference(&f) {
            println!("    missed  {:?} a{} {:?} {}..{}", m.5, m.0, m.1, m.3, m.4);
        }
        for m in f.difference(&e) {
            println!("    wrong   {:?} a{} {:?} {}..{}", m.5, m.0, m.1, m.3, m.4);
        }
        scores.insert(kind.to_string(), (p, r, f1));
    }
    scores
}

#[test]
fn gold_figures_per_type_reach_the_thresholds() {
    let (mut project, expected) = gold_project();
    suggest_project(&project, Tagger::shared())
        .apply(&mut project)
        .unwrap();
    let scores = score(&expected, &suggested(&project));
    for (kind, threshold) in [
        ("PERSON", 0.95),
        ("TITLE", 0.95),
        ("ORG", 0.85),
        ("PLACE", 0.95),
    ] {
        let f1 = scores[kind].2;
        assert!(f1 >= threshold, "{kind} F1 {f1:.3} is below {threshold}");
    }
}

#[test]
fn officials_are_those_an_editor_lists() {
    let (mut project, _) = gold_project();
    suggest_project(&project, Tagger::shared())
        .apply(&mut project)
        .unwrap();
    let role = |title: &str, org: &str| Role {
        title: title.to_string(),
        org: org.to_string(),
    };
    let officials: Vec<(String, Vec<Role>)> = project
        .registry
        .officials()
        .map(|e| (e.name.clone(), e.roles.clone()))
        .collect();
    for (name, roles) in &officials {
        let shown: Vec<String> = roles.iter().map(Role::display).collect();
        println!("{name}: {}", shown.join("、"));
    }
    let expected = vec![
        (
            "张红军",
            vec![role("副书记", "高新区党工委"), role("主任", "管委会")],
        ),
        ("孙庆辉", vec![role("记者", "")]),
        ("陈功海", vec![role("董事长", "百川畅银公司")]),
        (
            "姚五洲",
            vec![role("委员", "高新区党工委"), role("副主任", "管委会")],
        ),
        (
            "孙君甫",
            vec![
                role("副组长", "生态建设工作领导小组"),
                role("办公室主任", "生态建设工作领导小组"),
            ],
        ),
        ("宋恩民", vec![role("环保总工程师", "")]),
    ];
    let mut got: Vec<(String, Vec<Role>)> = officials;
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let mut want: Vec<(String, Vec<Role>)> = expected
        .into_iter()
        .map(|(n, r)| (n.to_string(), r))
        .collect();
    want.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(got, want);
    let company = project
        .registry
        .find(&EntityKind::Org, "百川畅银")
        .expect("the short form names the company");
    assert_eq!(company.name, "百川畅银公司");
}
