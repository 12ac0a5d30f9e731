//! JSON Lines: one article a line, for scripts and other annotation tools.
//!
//! The keys are fixed (other tools read them) and always present: an empty kicker, headline,
//! deck or byline is `null`, never omitted; a paragraph's `text` is always a string, and its
//! `kind` one of `body`, `crosshead`, `note`, `caption`, `box`. Every paragraph is in
//! `paragraphs`, in order, whatever its kind. Entities carry `start`/`end` in chars of their
//! field, like the gold annotation (`tests/fixtures/ANNOTATION.md`):
//!
//! ```text
//! {"id", "kicker", "headline", "subheadline", "byline",
//!  "paragraphs": [{"text", "kind", "source_lines": [[first, last], …]}],
//!  "entities": [{"type", "text", "field", "paragraph", "start", "end", "status", "entity"}]}
//! ```
//!
//! The registry can go in a second file, `registry.jsonl` (one entity a line) or `registry.json`
//! (one array): `{"id", "type", "name", "aliases", "roles": [{"title", "org"}], "note"}`.

use serde::Serialize;

use super::export::{ExportOptions, RegistryFile};
use crate::model::{Article, Entity, Project, TextField};

/// One article as written on its line.
#[derive(Serialize)]
struct ArticleLine<'a> {
    id: u32,
    kicker: Option<&'a str>,
    headline: Option<&'a str>,
    subheadline: Option<&'a str>,
    byline: Option<&'a str>,
    paragraphs: Vec<Paragraph<'a>>,
    entities: Vec<Mention<'a>>,
}

#[derive(Serialize)]
struct Paragraph<'a> {
    text: &'a str,
    kind: &'static str,
    source_lines: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct Mention<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    text: &'a str,
    field: &'static str,
    paragraph: Option<usize>,
    start: usize,
    end: usize,
    status: &'static str,
    entity: Option<u32>,
}

#[derive(Serialize)]
struct RegistryLine<'a> {
    id: u32,
    #[serde(rename = "type")]
    kind: &'a str,
    name: &'a str,
    aliases: &'a [String],
    roles: Vec<RoleLine<'a>>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct RoleLine<'a> {
    title: Option<&'a str>,
    org: Option<&'a str>,
}

/// `articles.jsonl`, and the registry file when the options ask for it.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    let mut articles = String::new();
    for article in &project.articles {
        articles.push_str(&article_line(article, options));
        articles.push('\n');
    }
    let mut files = vec![("articles.jsonl".to_string(), articles)];
    let mentioned = super::export::mentioned_entities(project, options);
    let exported = || {
        project
            .registry
            .entities
            .iter()
            .filter(|e| mentioned.contains(&e.id))
    };
    match options.registry_file {
        RegistryFile::None => {}
        RegistryFile::Jsonl => {
            let mut lines = String::new();
            for entity in exported() {
                lines.push_str(
                    &serde_json::to_string(&registry_line(entity)).expect("plain data serialises"),
                );
                lines.push('\n');
            }
            files.push(("registry.jsonl".to_string(), lines));
        }
        RegistryFile::Json => {
            let all: Vec<RegistryLine> = exported().map(registry_line).collect();
            let mut text = serde_json::to_string_pretty(&all).expect("plain data serialises");
            text.push('\n');
            files.push(("registry.json".to_string(), text));
        }
    }
    files
}

/// One article as a single JSON line (without the line end).
pub fn article_line(article: &Article, options: &ExportOptions) -> String {
    let mut entities = Vec::new();
    for (slot, field) in article.fields() {
        for span in options.spans(field) {
            entities.push(Mention {
                kind: span.kind.code(),
                text: field.slice(span.start, span.end),
                field: slot.code(),
                paragraph: slot.paragraph(),
                start: span.start,
                end: span.end,
                status: span.status.code(),
                entity: span.entity.map(|id| id.0),
            });
        }
    }
    let line = ArticleLine {
        id: article.id.0,
        kicker: present(&article.kicker),
        headline: present(&article.headline),
        subheadline: present(&article.subheadline),
        byline: present(&article.byline),
        paragraphs: article
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                text: &p.text,
                kind: p.kind.code(),
                source_lines: p.source_lines.iter().map(|r| [r.first, r.last]).collect(),
            })
            .collect(),
        entities,
    };
    serde_json::to_string(&line).expect("plain data serialises")
}

fn present(field: &TextField) -> Option<&str> {
    non_empty(&field.text)
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

fn registry_line(entity: &Entity) -> RegistryLine<'_> {
    RegistryLine {
        id: entity.id.0,
        kind: entity.kind.code(),
        name: &entity.name,
        aliases: &entity.aliases,
        roles: entity
            .roles
            .iter()
            .map(|r| RoleLine {
                title: non_empty(&r.title),
                org: non_empty(&r.org),
            })
            .collect(),
        note: non_empty(&entity.note),
    }
}
