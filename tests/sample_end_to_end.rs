//! The whole path a user takes on the sample bulletin: raw bytes → import (decoding, structure,
//! suggestions, registry) → JSONL export, compared with the hand-made gold annotation, exact spans
//! per field. Each entity type must reach the F1 the product promises.

use std::collections::{BTreeMap, BTreeSet};

use jiaodui::formats::export::{self, ExportFormat, ExportOptions};
use serde_json::Value;

type Key = (usize, String, Option<u64>, u64, u64);

fn gold() -> Value {
    serde_json::from_str(include_str!("fixtures/gaoxin-bulletin-2021-06.gold.json")).unwrap()
}

/// (article, field, paragraph, start, end) per entity type.
fn spans(articles: &[Value]) -> BTreeMap<String, BTreeSet<Key>> {
    let mut by_type: BTreeMap<String, BTreeSet<Key>> = BTreeMap::new();
    for (a, article) in articles.iter().enumerate() {
        for e in article["entities"].as_array().unwrap() {
            by_type
                .entry(e["type"].as_str().unwrap().to_string())
                .or_default()
                .insert((
                    a,
                    e["field"].as_str().unwrap().to_string(),
                    e["paragraph"].as_u64(),
                    e["start"].as_u64().unwrap(),
                    e["end"].as_u64().unwrap(),
                ));
        }
    }
    by_type
}

#[test]
fn importing_the_sample_meets_the_gold() {
    let project =
        jiaodui::pipeline::import(jiaodui::SAMPLE_BULLETIN.as_bytes(), "sample.txt").unwrap();
    let (_, jsonl) = export::render(&project, ExportFormat::Jsonl, &ExportOptions::default())
        .into_iter()
        .next()
        .unwrap();
    let ours: Vec<Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let gold = gold();
    let gold_articles = gold["articles"].as_array().unwrap();
    assert_eq!(ours.len(), gold_articles.len());
    for (o, g) in ours.iter().zip(gold_articles) {
        assert_eq!(o["headline"], g["headline"]);
        assert_eq!(o["subheadline"], g["subheadline"]);
        assert_eq!(o["byline"], g["byline"]);
        let texts: Vec<&Value> = o["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["text"])
            .collect();
        let gold_texts: Vec<&Value> = g["paragraphs"].as_array().unwrap().iter().collect();
        assert_eq!(texts, gold_texts);
    }
    let (found, expected) = (spans(&ours), spans(gold_articles));
    for (kind, floor) in [
        ("PERSON", 0.95),
        ("TITLE", 0.90),
        ("ORG", 0.80),
        ("PLACE", 0.85),
    ] {
        let empty = BTreeSet::new();
        let f = found.get(kind).unwrap_or(&empty);
        let e = &expected[kind];
        let hits = f.intersection(e).count() as f64;
        let (p, r) = (hits / f.len().max(1) as f64, hits / e.len() as f64);
        let f1 = if hits == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!("{kind:<7} P {p:.3} R {r:.3} F1 {f1:.3}");
        assert!(f1 >= floor, "{kind}: F1 {f1:.3} below {floor}");
    }
    let officials: BTreeSet<&str> = project
        .registry
        .officials()
        .map(|e| e.name.as_str())
        .collect();
    let expected: BTreeSet<&str> =
        ["张红军", "陈功海", "姚五洲", "孙君甫", "宋恩民", "孙庆辉"].into();
    assert_eq!(officials, expected);
}
