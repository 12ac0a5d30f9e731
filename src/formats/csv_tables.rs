//! Spreadsheets: the officials and an index of every entity, as two UTF-8 CSV files.
//!
//! `officials.csv` — `name, title, organization, article, headline, count`: one row for each
//! role of each official (a registry person holding at least one role) in each article that
//! mentions them, `count` being the mentions in that article. An official mentioned nowhere (a
//! rejected suggestion's, say) gets no row: the table lists the people of the bulletin.
//!
//! `entities.csv` — `id, entity, type, aliases, mentions, articles`: every registry entity that is
//! mentioned, then
//! every mentioned name not in the registry (empty `id`), with its total mentions and the numbers
//! of the articles that mention it (`1; 3`). Aliases are joined with `; `.
//!
//! Cells that a spreadsheet would read as a formula are prefixed with `'` ([`guard_formula`]).
//!
//! A mention counts for an entity when the span is linked to it or, not yet linked, is of its
//! type and spelled as its name or an alias. Articles are numbered from 1 in project order, as in
//! the per-article file names. With the BOM option each file starts with U+FEFF, which Excel
//! needs to open UTF-8 without garbling Chinese.

use std::collections::BTreeMap;

use super::export::{ExportOptions, mentioned_entity};
use crate::model::{EntityId, EntityKind, Project};

/// Mentions of one entity (or unlinked name) per article index.
type MentionsByArticle = BTreeMap<usize, usize>;

/// `officials.csv` and `entities.csv`.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    let counts = count_mentions(project, options);
    vec![
        (
            "officials.csv".to_string(),
            officials(project, &counts, options),
        ),
        (
            "entities.csv".to_string(),
            entity_index(project, &counts, options),
        ),
    ]
}

/// What a mention is counted under.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MentionKey {
    Entity(EntityId),
    Unlinked(EntityKind, String),
}

fn count_mentions(
    project: &Project,
    options: &ExportOptions,
) -> BTreeMap<MentionKey, MentionsByArticle> {
    let mut counts: BTreeMap<MentionKey, MentionsByArticle> = BTreeMap::new();
    for (index, article) in project.articles.iter().enumerate() {
        for (_, field) in article.fields() {
            for span in options.spans(field) {
                let key = match mentioned_entity(project, field, span) {
                    Some(id) => MentionKey::Entity(id),
                    None => MentionKey::Unlinked(
                        span.kind.clone(),
                        field.slice(span.start, span.end).to_string(),
                    ),
                };
                *counts.entry(key).or_default().entry(index).or_default() += 1;
            }
        }
    }
    counts
}

fn officials(
    project: &Project,
    counts: &BTreeMap<MentionKey, MentionsByArticle>,
    options: &ExportOptions,
) -> String {
    let mut table = Table::new(options);
    table.row([
        "name",
        "title",
        "organization",
        "article",
        "headline",
        "count",
    ]);
    let none = MentionsByArticle::new();
    for person in project.registry.officials() {
        let by_article = counts.get(&MentionKey::Entity(person.id)).unwrap_or(&none);
        for role in &person.roles {
            for (&index, count) in by_article {
                table.row([
                    person.name.as_str(),
                    &role.title,
                    &role.org,
                    &(index + 1).to_string(),
                    &project.articles[index].headline.text,
                    &count.to_string(),
                ]);
            }
        }
    }
    table.finish()
}

fn entity_index(
    project: &Project,
    counts: &BTreeMap<MentionKey, MentionsByArticle>,
    options: &ExportOptions,
) -> String {
    let mut table = Table::new(options);
    table.row(["id", "entity", "type", "aliases", "mentions", "articles"]);
    let none = MentionsByArticle::new();
    for entity in &project.registry.entities {
        let by_article = counts.get(&MentionKey::Entity(entity.id)).unwrap_or(&none);
        if by_article.is_empty() {
            continue;
        }
        table.row([
            entity.id.0.to_string().as_str(),
            &entity.name,
            entity.kind.code(),
            &entity.aliases.join("; "),
            &by_article.values().sum::<usize>().to_string(),
            &article_list(by_article),
        ]);
    }
    for (key, by_article) in counts {
        if let MentionKey::Unlinked(kind, text) = key {
            table.row([
                "",
                text.as_str(),
                kind.code(),
                "",
                &by_article.values().sum::<usize>().to_string(),
                &article_list(by_article),
            ]);
        }
    }
    table.finish()
}

/// `1; 3`: the 1-based numbers of the articles.
fn article_list(by_article: &MentionsByArticle) -> String {
    by_article
        .keys()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A cell as a spreadsheet must show it: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (OWASP's rule against CSV injection), because Excel and WPS
/// would otherwise run it as a formula — and names come from scanned text anyone could craft.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV file being written to memory.
struct Table {
    writer: csv::Writer<Vec<u8>>,
}

impl Table {
    fn new(options: &ExportOptions) -> Table {
        let mut buffer = Vec::new();
        if options.csv_bom {
            buffer.extend_from_slice("\u{FEFF}".as_bytes());
        }
        Table {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(buffer),
        }
    }

    fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        self.writer
            .write_record(cells.into_iter().map(|c| guard_formula(c).into_owned()))
            .expect("writing to memory cannot fail");
    }

    fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("flushing to memory cannot fail");
        String::from_utf8(bytes).expect("the cells are UTF-8")
    }
}
