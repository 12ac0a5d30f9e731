//! Roles → articles: groups the lines by role into the fields of the model, records every
//! decision with its rule, and splits a bracketed byline off the end of an article.

use super::lines::Line;
use super::markers::{self, Lead};
use super::roles::Role;
use super::rules;
use crate::model::{Article, ArticleId, Decision, Join, LineRange, ParagraphKind, TextField};

/// Builds the articles from the content lines, their roles and the model's reasons (same
/// length, same order).
pub fn articles(lines: &[Line], roles: &[Role], reasons: &[Option<String>]) -> Vec<Article> {
    let mut builder = Builder::default();
    for (i, (line, role)) in lines.iter().zip(roles).enumerate() {
        let reason = reasons.get(i).and_then(|r| r.as_deref()).unwrap_or("");
        if *role != Role::Byline {
            builder.byline_open = false;
        }
        match *role {
            Role::Kicker => {
                builder.start(ArticleStart::Headline(stack_range(lines, roles, i)), reason);
                builder.set_header(Slot::Kicker, line, rules::KICKER, reason);
            }
            Role::Headline(rule) => {
                if roles.get(i.wrapping_sub(1)) != Some(&Role::Kicker) {
                    builder.start(ArticleStart::Headline(stack_range(lines, roles, i)), reason);
                }
                builder.set_header(Slot::Headline, line, rule, reason);
            }
            Role::Deck(rule) => builder.set_header(Slot::Deck, line, rule, reason),
            Role::Byline => builder.byline(line, reason),
            Role::Paragraph(kind) => {
                builder.paragraph(line);
                if let Some(rule) = kind_rule(kind) {
                    builder.set_kind(kind);
                    builder.note(rule, line.number, reason);
                }
            }
            Role::Continuation(rule) => builder.continuation(line, rule),
        }
    }
    builder.finish()
}

/// The rule recorded for a paragraph of `kind` (none for running text).
fn kind_rule(kind: ParagraphKind) -> Option<&'static str> {
    match kind {
        ParagraphKind::Body => None,
        ParagraphKind::Crosshead => Some(rules::CROSSHEAD),
        ParagraphKind::Note => Some(rules::PARAGRAPH_NOTE),
        ParagraphKind::Caption => Some(rules::PARAGRAPH_CAPTION),
        ParagraphKind::Box => Some(rules::PARAGRAPH_BOX),
    }
}

/// The raw lines of the headline stack that starts at content line `i`: the kicker, the
/// headline below it, and a deck below that.
fn stack_range(lines: &[Line], roles: &[Role], i: usize) -> LineRange {
    let mut last = i;
    while let Some(next) = roles.get(last + 1) {
        let continues = match next {
            Role::Deck(_) => true,
            Role::Headline(_) => roles[last] == Role::Kicker,
            _ => false,
        };
        if !continues {
            break;
        }
        last += 1;
    }
    LineRange::new(lines[i].number, lines[last].number)
}

#[derive(Clone, Copy)]
enum ArticleStart {
    Headline(LineRange),
    Untitled(usize),
}

#[derive(Clone, Copy)]
enum Slot {
    Kicker,
    Headline,
    Deck,
}

/// The article being built, and those already finished.
#[derive(Default)]
struct Builder {
    done: Vec<Article>,
    current: Option<Article>,
    /// The current article's byline closed it: body text after it starts a new article.
    closed: bool,
    /// Char length of the current article's last paragraph (kept to join in constant time).
    last_paragraph_chars: usize,
    /// The line above went into the byline field, so a byline line below extends it.
    byline_open: bool,
}

impl Builder {
    fn start(&mut self, how: ArticleStart, reason: &str) {
        self.finish_current();
        let mut article = Article::new(ArticleId(self.done.len() as u32));
        let (rule, lines) = match how {
            ArticleStart::Headline(lines) => (rules::ARTICLE_AT_HEADLINE, lines),
            ArticleStart::Untitled(line) => {
                (rules::ARTICLE_WITHOUT_HEADLINE, LineRange::single(line))
            }
        };
        article.decisions.push(decision(rule, lines, reason));
        self.current = Some(article);
        self.closed = false;
    }

    /// The current article, started untitled at `line` when there is none (or it was closed).
    fn open(&mut self, line: usize) -> &mut Article {
        if self.current.is_none() || self.closed {
            self.start(ArticleStart::Untitled(line), "");
        }
        self.current.as_mut().expect("an article was just started")
    }

    fn set_header(&mut self, slot: Slot, line: &Line, rule: &'static str, reason: &str) {
        let article = self.open(line.number);
        let field = match slot {
            Slot::Kicker => &mut article.kicker,
            Slot::Headline => &mut article.headline,
            Slot::Deck => &mut article.subheadline,
        };
        if field.is_empty() {
            *field = field_of(line);
        } else {
            // A second deck line continues the deck.
            field.text.push_str(line.text);
            push_line(&mut field.source_lines, line.number);
        }
        article
            .decisions
            .push(decision(rule, LineRange::single(line.number), reason));
    }

    /// A byline line: the first one after the headline or after the body; a second line right
    /// after a byline extends it; any other goes into the body as a paragraph.
    fn byline(&mut self, line: &Line, reason: &str) {
        if let Some(article) = self.current.as_mut().filter(|_| self.byline_open) {
            article.byline.text.push_str(line.text);
            push_line(&mut article.byline.source_lines, line.number);
            if let Some(d) = article
                .decisions
                .iter_mut()
                .rev()
                .find(|d| d.rule == rules::BYLINE_LINE)
            {
                d.lines.last = line.number;
            }
            return;
        }
        let article = self.open(line.number);
        if !article.byline.is_empty() {
            self.paragraph(line);
            return;
        }
        let closes = !article.paragraphs.is_empty();
        article.byline = field_of(line);
        article.decisions.push(decision(
            rules::BYLINE_LINE,
            LineRange::single(line.number),
            reason,
        ));
        self.closed = closes;
        self.byline_open = true;
    }

    /// Records a decision about line `number` in the current article.
    fn note(&mut self, rule: &'static str, number: usize, reason: &str) {
        if let Some(article) = self.current.as_mut() {
            article
                .decisions
                .push(decision(rule, LineRange::single(number), reason));
        }
    }

    /// Sets the kind of the paragraph just started.
    fn set_kind(&mut self, kind: ParagraphKind) {
        if let Some(paragraph) = self.current.as_mut().and_then(|a| a.paragraphs.last_mut()) {
            paragraph.kind = kind;
        }
    }

    fn paragraph(&mut self, line: &Line) {
        let article = self.open(line.number);
        if article.paragraphs.is_empty() {
            article.decisions.push(lead_decision(line));
        }
        article.paragraphs.push(field_of(line));
        self.last_paragraph_chars = line.chars;
    }

    fn continuation(&mut self, line: &Line, rule: &'static str) {
        let at = self.last_paragraph_chars;
        let Some(paragraph) = self.current.as_mut().and_then(|a| a.paragraphs.last_mut()) else {
            self.paragraph(line);
            return;
        };
        let upper_line = paragraph
            .source_lines
            .last()
            .map_or(line.number, |r| r.last);
        paragraph.text.push_str(line.text);
        push_line(&mut paragraph.source_lines, line.number);
        paragraph.joins.push(Join {
            at,
            upper_line,
            lower_line: line.number,
            rule: rule.to_string(),
        });
        self.last_paragraph_chars += line.chars;
    }

    fn finish_current(&mut self) {
        if let Some(mut article) = self.current.take() {
            split_closing_byline(&mut article);
            self.done.push(article);
        }
    }

    fn finish(mut self) -> Vec<Article> {
        self.finish_current();
        self.done
    }
}

/// A field holding one raw line.
fn field_of(line: &Line) -> TextField {
    TextField::from_lines(line.text, vec![LineRange::single(line.number)])
}

/// Adds raw line `number` to sorted ranges, extending the last range when adjacent.
fn push_line(ranges: &mut Vec<LineRange>, number: usize) {
    match ranges.last_mut() {
        Some(last) if last.last + 1 == number => last.last = number,
        _ => ranges.push(LineRange::single(number)),
    }
}

fn decision(rule: &str, lines: LineRange, note: &str) -> Decision {
    Decision {
        rule: rule.to_string(),
        lines,
        note: note.to_string(),
    }
}

/// Why the first paragraph is the lead; the note holds the marker text when there is one.
fn lead_decision(line: &Line) -> Decision {
    let lines = LineRange::single(line.number);
    match markers::lead_marker(line.text) {
        Some((lead, end)) => {
            let rule = match lead {
                Lead::NewsMarker => rules::LEAD_NEWS,
                Lead::Dateline => rules::LEAD_DATELINE,
                Lead::AccordingTo => rules::LEAD_ACCORDING_TO,
            };
            decision(rule, lines, line.text[..end].trim_end())
        }
        None => decision(rules::LEAD_FIRST, lines, ""),
    }
}

/// `……。（记者 王某）` closing the last paragraph of an article without a byline: the bracketed
/// part becomes the byline, brackets included, so the text stays exactly as scanned.
fn split_closing_byline(article: &mut Article) {
    if !article.byline.is_empty() {
        return;
    }
    let Some(last) = article.paragraphs.last_mut() else {
        return;
    };
    let Some(open) = closing_bracket_byline(&last.text) else {
        return;
    };
    let at = last.text[..open].chars().count();
    let byline = last.split_off(at);
    let line = byline.source_lines.last().map_or(0, |r| r.last);
    article.byline = TextField {
        source_lines: vec![LineRange::single(line)],
        ..byline
    };
    article
        .decisions
        .push(decision(rules::BYLINE_CLOSING, LineRange::single(line), ""));
}

/// Byte offset of a bracketed byline that ends `text` after some other text, if any.
fn closing_bracket_byline(text: &str) -> Option<usize> {
    if !text.ends_with(['）', ')']) {
        return None;
    }
    let open = text.rfind(['（', '('])?;
    let before = text[..open].trim_end();
    (!before.is_empty() && markers::is_byline(&text[open..])).then_some(open)
}
