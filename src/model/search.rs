//! Finding text across a project, and replacing it as one edit.
//!
//! A recurring OCR error (己 for 已, 曰 for 日, a misread name) has to be fixed everywhere at
//! once, so the search runs over every field of every article. Plain text and regular
//! expressions are both offered; matching may ignore case and the difference between full-width
//! and half-width forms (`ＡＢＣ１２３` and `ABC123`), which scans mix freely.
//!
//! Both foldings map one char to one char, so offsets found in the folded text are offsets in the
//! real text, and a replacement lands exactly where the match was.

use regex::Regex;

use super::edit::Edit;
use super::project::{FieldRef, Project};
use super::text::byte_to_char;

/// How a query is matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchOptions {
    /// The query is a regular expression (the `regex` crate's syntax); `$1` in the replacement
    /// stands for its first group.
    pub regex: bool,
    /// Upper and lower case are different.
    pub match_case: bool,
    /// Full-width and half-width forms are different.
    pub match_width: bool,
}

/// A query ready to run.
#[derive(Clone, Debug)]
pub struct Query {
    pattern: Regex,
    options: SearchOptions,
}

/// One match: where it is, in chars of its field, and what replacing it writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub at: FieldRef,
    pub start: usize,
    pub end: usize,
}

/// Why a query cannot run: the regular expression does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadPattern(pub String);

impl Query {
    /// Prepares `text` for searching. An empty text finds nothing; a plain text never fails.
    pub fn new(text: &str, options: SearchOptions) -> Result<Query, BadPattern> {
        let source = if options.regex {
            if options.match_width {
                text.to_string()
            } else {
                fold_width_literals(text)
            }
        } else {
            let text = if options.match_width {
                text.to_string()
            } else {
                text.chars().map(fold_width).collect()
            };
            regex::escape(&text)
        };
        let pattern = regex::RegexBuilder::new(&source)
            .case_insensitive(!options.match_case)
            .build()
            .map_err(|e| BadPattern(e.to_string()))?;
        Ok(Query { pattern, options })
    }

    /// Every match in `text`, as char ranges, never empty, in order.
    pub fn find_in(&self, text: &str) -> Vec<(usize, usize)> {
        if self.options.match_width {
            self.matches_in(text)
        } else {
            self.matches_in(&fold_text(text))
        }
    }

    /// [`Query::find_in`] for a text whose [`fold_text`] is already at hand (a search over
    /// many issues folds each text once, not at every search).
    pub fn find_in_folded(&self, text: &str, folded: &str) -> Vec<(usize, usize)> {
        self.matches_in(if self.options.match_width {
            text
        } else {
            folded
        })
    }

    fn matches_in(&self, haystack: &str) -> Vec<(usize, usize)> {
        // The folded text has the same chars as `text`, so char offsets agree (bytes may not).
        let mut found = Vec::new();
        let mut last_byte = 0;
        let mut last_char = 0;
        for m in self.pattern.find_iter(haystack) {
            if m.start() == m.end() {
                continue;
            }
            let start = last_char + byte_to_char(&haystack[last_byte..], m.start() - last_byte);
            let end = start + haystack[m.start()..m.end()].chars().count();
            last_byte = m.end();
            last_char = end;
            found.push((start, end));
        }
        found
    }

    /// What replacing the match `start..end` (chars) of `text` with `replacement` writes: the
    /// replacement as typed for plain text; with `$1`, `${name}` expanded for a regex.
    pub fn replacement_for(
        &self,
        text: &str,
        start: usize,
        end: usize,
        replacement: &str,
    ) -> String {
        if !self.options.regex {
            return replacement.to_string();
        }
        let folded: String = if self.options.match_width {
            text.to_string()
        } else {
            text.chars().map(fold_width).collect()
        };
        let byte_start = super::text::char_to_byte(&folded, start);
        let byte_end = super::text::char_to_byte(&folded, end);
        // Expand against the real text, so groups keep the characters as written.
        let real_start = super::text::char_to_byte(text, start);
        let real_end = super::text::char_to_byte(text, end);
        match self.pattern.captures_at(&folded, byte_start) {
            Some(caps)
                if caps
                    .get(0)
                    .is_some_and(|m| m.start() == byte_start && m.end() == byte_end) =>
            {
                let mut out = String::new();
                let shift = |b: usize| super::text::char_to_byte(text, byte_to_char(&folded, b));
                let mut groups: Vec<Option<&str>> = Vec::new();
                for group in caps.iter() {
                    groups.push(group.map(|m| &text[shift(m.start())..shift(m.end())]));
                }
                expand(replacement, &groups, &self.pattern, &mut out);
                out
            }
            _ => text[real_start..real_end].to_string(),
        }
    }
}

/// `$1`, `${1}`, `${name}` and `$$` in `template`, as the `regex` crate spells them.
fn expand(template: &str, groups: &[Option<&str>], pattern: &Regex, out: &mut String) {
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let (name, after) = if let Some(inner) = rest.strip_prefix('{') {
            match inner.find('}') {
                Some(close) => (&inner[..close], &inner[close + 1..]),
                None => {
                    out.push('$');
                    continue;
                }
            }
        } else {
            let len = rest
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
                .map_or(rest.len(), |(i, _)| i);
            (&rest[..len], &rest[len..])
        };
        if name.is_empty() {
            out.push('$');
            continue;
        }
        let index = name
            .parse::<usize>()
            .ok()
            .or_else(|| pattern.capture_names().position(|n| n == Some(name)));
        if let Some(text) = index.and_then(|i| groups.get(i).copied().flatten()) {
            out.push_str(text);
        }
        rest = after;
    }
    out.push_str(rest);
}

/// The half-width form of a full-width ASCII variant (`Ａ` → `A`, `１` → `1`, `，` → `,`) and
/// of the ideographic space; any other char as it is.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        other => other,
    }
}

/// Folds only the full-width letters and digits of a regular expression: its punctuation may be
/// syntax (`（` is a literal, `(` a group), so it stays as written.
fn fold_width_literals(pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                fold_width(c)
            } else {
                c
            }
        })
        .collect()
}

/// `text` with full-width forms folded to half-width, char for char: what a query that ignores
/// the difference searches.
pub fn fold_text(text: &str) -> String {
    text.chars().map(fold_width).collect()
}

/// Every match of `query` in the project, field by field in reading order.
pub fn find_all(project: &Project, query: &Query) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        let mut fields: Vec<_> = article.fields().collect();
        fields.sort_by_key(|(slot, _)| *slot);
        for (slot, field) in fields {
            for (start, end) in query.find_in(&field.text) {
                hits.push(Hit {
                    at: FieldRef::new(a, slot),
                    start,
                    end,
                });
            }
        }
    }
    hits
}

/// One edit replacing every hit in `hits` with `replacement` (group references expanded for a
/// regex). Hits of one field are replaced from its end backwards, so earlier offsets stay valid;
/// spans and join marks move with the text as for any typing. Hits that no longer fit the project
/// are left out.
pub fn replace_all(project: &Project, query: &Query, hits: &[Hit], replacement: &str) -> Edit {
    let mut ordered: Vec<&Hit> = hits.iter().collect();
    ordered.sort_by(|a, b| (a.at, b.start).cmp(&(b.at, a.start)));
    let mut edits = Vec::with_capacity(ordered.len());
    let mut last: Option<(FieldRef, usize)> = None;
    for hit in ordered {
        let Some(field) = project.field(hit.at) else {
            continue;
        };
        if hit.end > field.char_len() || hit.start >= hit.end {
            continue;
        }
        // Overlapping hits (a stale list): keep the later one only.
        if last.is_some_and(|(at, start)| at == hit.at && hit.end > start) {
            continue;
        }
        let text = query.replacement_for(&field.text, hit.start, hit.end, replacement);
        edits.push(Edit::ReplaceText {
            at: hit.at,
            start: hit.start,
            end: hit.end,
            text,
        });
        last = Some((hit.at, hit.start));
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, EntityKind, FieldSlot, Source, Span, TextField};

    fn options(regex: bool, match_case: bool, match_width: bool) -> SearchOptions {
        SearchOptions {
            regex,
            match_case,
            match_width,
        }
    }

    #[test]
    fn plain_text_matches_across_width_and_case_unless_asked_not_to() {
        let text = "第１２届ＡＢＣ会议，12届abc";
        let loose = Query::new("12届ABC", options(false, false, false)).unwrap();
        assert_eq!(loose.find_in(text), vec![(1, 7), (10, 16)]);
        let strict = Query::new("12届ABC", options(false, true, true)).unwrap();
        assert!(strict.find_in(text).is_empty());
        let width_only = Query::new("12届abc", options(false, true, false)).unwrap();
        assert_eq!(width_only.find_in(text), vec![(10, 16)]);
        // Regex syntax in a plain query is literal.
        let literal = Query::new("(扩大)", options(false, true, true)).unwrap();
        assert_eq!(literal.find_in("党工委(扩大)会议"), vec![(3, 7)]);
    }

    #[test]
    fn a_regex_replacement_expands_its_groups_from_the_real_text() {
        let query = Query::new("(\\d+)月(\\d+)曰", options(true, true, false)).unwrap();
        let text = "６月10曰召开";
        assert_eq!(query.find_in(text), vec![(0, 5)]);
        assert_eq!(query.replacement_for(text, 0, 5, "$1月${2}日"), "６月10日");
        assert!(Query::new("(", options(true, true, true)).is_err());
    }

    #[test]
    fn replacing_all_is_one_edit_and_spans_move_with_the_text() {
        let mut project = Project::new(Source::default());
        let mut article = Article::new(ArticleId(0));
        let mut paragraph = TextField::plain("己经召开，张红军己到");
        paragraph.insert_span(Span::by_editor(5, 8, EntityKind::Person));
        article.paragraphs.push(paragraph);
        article.headline = TextField::plain("己经");
        project.articles.push(article);
        let query = Query::new("己", SearchOptions::default()).unwrap();
        let hits = find_all(&project, &query);
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].at.slot, FieldSlot::Headline);
        let edit = replace_all(&project, &query, &hits, "已经是");
        let before = project.clone();
        let inverse = edit.apply(&mut project).unwrap();
        let p = &project.articles[0].paragraphs[0];
        assert_eq!(p.text, "已经是经召开，张红军已经是到");
        assert_eq!(p.slice(p.spans[0].start, p.spans[0].end), "张红军");
        inverse.apply(&mut project).unwrap();
        assert_eq!(project, before);
    }
}
