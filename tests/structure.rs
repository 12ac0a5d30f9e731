//! Structure recovery: the gold bulletin exactly, and bulletins in other common shapes.

use jiaodui::i18n::Lang;
use jiaodui::model::{Article, FieldSlot, TextField};
use jiaodui::pipeline::structure::{RULE_IDS, Structure, describe_rule, recover};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/structure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The article's first and last raw line.
fn span(article: &Article) -> (usize, usize) {
    let lines = article.source_lines();
    (lines[0].first, lines.last().unwrap().last)
}

/// (upper, lower) raw line pairs of every join in the article.
fn joins(article: &Article) -> Vec<(usize, usize)> {
    article
        .fields()
        .flat_map(|(_, f)| f.joins.iter().map(|j| (j.upper_line, j.lower_line)))
        .collect()
}

fn rules_of(article: &Article) -> Vec<&str> {
    article.decisions.iter().map(|d| d.rule.as_str()).collect()
}

/// Every rule recorded anywhere in the structure is documented and described.
fn assert_rules_known(structure: &Structure) {
    let mut recorded: Vec<&str> = structure
        .furniture
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    for article in &structure.articles {
        recorded.extend(rules_of(article));
        recorded.extend(
            article
                .fields()
                .flat_map(|(_, f)| f.joins.iter().map(|j| j.rule.as_str())),
        );
    }
    for rule in recorded {
        assert!(RULE_IDS.contains(&rule), "undocumented rule {rule}");
    }
}

/// The lossless property: per article, the non-empty fields in raw-line order concatenate to the
/// article's non-blank, non-furniture raw lines (trimmed); furniture lines are kept verbatim.
fn assert_lossless(text: &str, structure: &Structure) {
    let raw: Vec<&str> = text.split(['\n', '\r']).collect();
    let is_furniture = |n: usize| structure.furniture.iter().any(|f| f.line == n);
    for f in &structure.furniture {
        assert_eq!(f.text, raw[f.line - 1].trim(), "furniture line {}", f.line);
    }
    let mut covered = 0;
    for article in &structure.articles {
        let mut fields: Vec<(usize, usize, &TextField)> = article
            .fields()
            .filter(|(_, f)| !f.is_empty())
            .map(|(slot, f)| {
                let order = match slot {
                    FieldSlot::Kicker => 0,
                    FieldSlot::Headline => 1,
                    FieldSlot::Subheadline => 2,
                    FieldSlot::Paragraph(i) => 4 + i,
                    FieldSlot::Byline => usize::MAX,
                };
                (
                    f.first_line().expect("every field has source lines"),
                    order,
                    f,
                )
            })
            .collect();
        fields.sort_by_key(|&(line, order, _)| (line, order));
        let joined: String = fields.iter().map(|(_, _, f)| f.text.as_str()).collect();
        let (first, last) = span(article);
        let expected: String = (first..=last)
            .filter(|&n| !is_furniture(n))
            .map(|n| raw[n - 1].trim())
            .collect();
        assert_eq!(
            joined, expected,
            "article {:?} (lines {first}-{last}) is not lossless",
            article.id
        );
        covered += (first..=last)
            .filter(|&n| !is_furniture(n) && !raw[n - 1].trim().is_empty())
            .count();
    }
    let content = (1..=raw.len())
        .filter(|&n| !is_furniture(n) && !raw[n - 1].trim().is_empty())
        .count();
    assert_eq!(
        covered, content,
        "some content lines belong to no article (or to two)"
    );
}

fn recover_checked(text: &str) -> Structure {
    let structure = recover(text);
    assert_lossless(text, &structure);
    assert_rules_known(&structure);
    structure
}

// ---------------------------------------------------------------------------------------------
// The gold bulletin

#[derive(serde::Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

#[derive(serde::Deserialize)]
struct GoldArticle {
    lines: [usize; 2],
    headline: String,
    subheadline: Option<String>,
    byline: String,
    paragraphs: Vec<String>,
    joins: Vec<[usize; 2]>,
}

#[test]
fn the_sample_bulletin_matches_the_gold_exactly() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/gaoxin-bulletin-2021-06.gold.json"
    );
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let structure = recover_checked(jiaodui::SAMPLE_BULLETIN);
    assert_eq!(
        structure.articles.len(),
        gold.articles.len(),
        "article count"
    );
    assert!(
        structure.furniture.is_empty(),
        "furniture: {:?}",
        structure.furniture
    );
    for (i, (got, want)) in structure.articles.iter().zip(&gold.articles).enumerate() {
        let n = i + 1;
        assert_eq!(
            span(got),
            (want.lines[0], want.lines[1]),
            "article {n}: lines"
        );
        assert_eq!(got.headline.text, want.headline, "article {n}: headline");
        assert_eq!(
            got.subheadline.text,
            want.subheadline.clone().unwrap_or_default(),
            "article {n}: subheadline"
        );
        assert_eq!(got.kicker.text, "", "article {n}: kicker");
        assert_eq!(got.byline.text, want.byline, "article {n}: byline");
        assert_eq!(
            got.paragraphs.len(),
            want.paragraphs.len(),
            "article {n}: paragraph count"
        );
        for (p, (got_p, want_p)) in got.paragraphs.iter().zip(&want.paragraphs).enumerate() {
            assert_eq!(&got_p.text, want_p, "article {n}, paragraph {p}");
        }
        let want_joins: Vec<(usize, usize)> = want.joins.iter().map(|j| (j[0], j[1])).collect();
        assert_eq!(joins(got), want_joins, "article {n}: joins");
    }
    let paragraphs: usize = structure.articles.iter().map(|a| a.paragraphs.len()).sum();
    assert_eq!(paragraphs, 27);
}

#[test]
fn sample_decisions_name_their_rules() {
    let structure = recover(jiaodui::SAMPLE_BULLETIN);
    let first = &structure.articles[0];
    let rules = rules_of(first);
    for rule in [
        "article:starts-at-headline",
        "headline:short-unpunctuated",
        "subheadline:below-headline",
        "lead:news-marker",
        "byline:reporter-line",
    ] {
        assert!(rules.contains(&rule), "missing {rule} in {rules:?}");
    }
    let lead = first
        .decisions
        .iter()
        .find(|d| d.rule == "lead:news-marker")
        .unwrap();
    assert_eq!((lead.lines.first, lead.note.as_str()), (7, "本报讯"));
    let join_rules: Vec<&str> = first
        .paragraphs
        .iter()
        .flat_map(|p| p.joins.iter().map(|j| j.rule.as_str()))
        .collect();
    assert_eq!(join_rules, vec!["join:no-sentence-end"; 4]);
    let join = &first.paragraphs[1].joins[0];
    assert_eq!(first.paragraphs[1].slice(join.at, join.at + 3), "弄清楚");
}

#[test]
fn the_sample_repeated_a_hundred_times_gives_four_hundred_articles() {
    let text = jiaodui::SAMPLE_BULLETIN.repeat(100);
    let structure = recover(&text);
    assert_eq!(structure.articles.len(), 400);
    assert!(structure.furniture.is_empty());
    let joined: usize = structure.articles.iter().map(|a| joins(a).len()).sum();
    assert_eq!(joined, 800);
}

#[test]
fn every_rule_is_described_in_both_languages() {
    for rule in RULE_IDS {
        let zh = describe_rule(rule, Lang::Zh);
        let en = describe_rule(rule, Lang::En);
        assert!(
            !zh.contains(rule) && !en.contains(rule),
            "{rule} has no sentence"
        );
        assert_ne!(zh, en);
    }
    assert!(describe_rule("custom:mine", Lang::En).contains("custom:mine"));
}
