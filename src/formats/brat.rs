//! brat standoff: a `.txt` and an `.ann` per article, for brat and INCEpTION.
//!
//! The `.txt` holds the article's non-empty fields one per line in reading order (kicker,
//! headline, deck, byline, paragraphs), ending with a line end. The `.ann` has one text-bound
//! annotation per mention, `T1\tPERSON 10 13\t张红军`, with offsets in Unicode code points of
//! the `.txt` — what brat and INCEpTION count — so every offset is exact whatever the script. A
//! mention that contains a line end is written as brat's discontinuous fragments (`0 3;4 6`);
//! one made only of line ends, which brat cannot show, is left out. A suggestion the editor has
//! not confirmed carries the attribute `A1\tSuggested T1`, and a mention linked to the registry
//! a note naming its entity (`#1\tAnnotatorNotes T1\te12 张红军`).
//! `annotation.conf` declares the types and the attribute, so brat opens the folder as is.

use std::collections::BTreeSet;

use super::export::{ExportOptions, article_file_stem, present_fields};
use crate::model::{Article, Project, SpanStatus};

/// `annotation.conf` and one `.txt` + `.ann` pair per article.
pub fn render(project: &Project, options: &ExportOptions) -> Vec<(String, String)> {
    let mut files = vec![(
        "annotation.conf".to_string(),
        annotation_conf(project, options),
    )];
    for (i, article) in project.articles.iter().enumerate() {
        let stem = article_file_stem(project, i);
        let (text, ann) = article_standoff(project, article, options);
        files.push((format!("{stem}.txt"), text));
        files.push((format!("{stem}.ann"), ann));
    }
    files
}

/// The brat type name of a kind: its export code, whitespace made `_`.
pub fn brat_type(kind: &crate::model::EntityKind) -> String {
    kind.code()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect()
}

/// An article's `.txt` and `.ann`.
pub fn article_standoff(
    project: &Project,
    article: &Article,
    options: &ExportOptions,
) -> (String, String) {
    let mut text = String::new();
    let mut ann = String::new();
    let mut offset = 0;
    let (mut t, mut a, mut n) = (0, 0, 0);
    for (_, field) in present_fields(article) {
        for span in options.spans(field) {
            let covered = field.slice(span.start, span.end);
            let fragments = fragments(covered, offset + span.start);
            if fragments.is_empty() {
                // Only line ends: nothing brat could show or select.
                continue;
            }
            t += 1;
            let ranges: Vec<String> = fragments
                .iter()
                .map(|(start, end, _)| format!("{start} {end}"))
                .collect();
            let shown: Vec<&str> = fragments.iter().map(|(_, _, s)| *s).collect();
            ann.push_str(&format!(
                "T{t}\t{} {}\t{}\n",
                brat_type(&span.kind),
                ranges.join(";"),
                shown.join(" ")
            ));
            if span.status == SpanStatus::Suggested {
                a += 1;
                ann.push_str(&format!("A{a}\tSuggested T{t}\n"));
            }
            if let Some(entity) = span.entity.and_then(|id| project.registry.get(id)) {
                n += 1;
                ann.push_str(&format!(
                    "#{n}\tAnnotatorNotes T{t}\te{} {}\n",
                    entity.id.0,
                    one_line(&entity.name)
                ));
            }
        }
        text.push_str(&field.text);
        text.push('\n');
        offset += field.char_len() + 1;
    }
    (text, ann)
}

/// The pieces of a mention's text between line ends (`\n` or `\r`: an `.ann` line must not
/// hold one), as (start, end, text) with absolute offsets; empty pieces are left out.
fn fragments(covered: &str, start: usize) -> Vec<(usize, usize, &str)> {
    let mut pieces = Vec::new();
    let mut at = start;
    for piece in covered.split(['\n', '\r']) {
        let len = piece.chars().count();
        if len > 0 {
            pieces.push((at, at + len, piece));
        }
        at += len + 1;
    }
    pieces
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// The brat configuration: the four built-in types, every other type used, the attribute.
fn annotation_conf(project: &Project, options: &ExportOptions) -> String {
    let mut types: Vec<String> = crate::model::EntityKind::BUILT_IN
        .iter()
        .map(brat_type)
        .collect();
    let used: BTreeSet<String> = project
        .articles
        .iter()
        .flat_map(|a| a.fields())
        .flat_map(|(_, f)| {
            options
                .spans(f)
                .map(|s| brat_type(&s.kind))
                .collect::<Vec<_>>()
        })
        .collect();
    for code in used {
        if !types.contains(&code) {
            types.push(code);
        }
    }
    format!(
        "[entities]\n{}\n\n[relations]\n\n[events]\n\n[attributes]\nSuggested\tArg:<ENTITY>\n",
        types.join("\n")
    )
}
