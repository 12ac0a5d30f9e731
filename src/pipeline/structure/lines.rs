//! One raw line and what its text says about it, plus the measures of the whole page (median
//! and wrap width of its prose lines, whether paragraphs are marked by indentation) that the
//! shapes are judged against.

use super::markers::{self, Lead};
use super::punct;

/// A non-blank raw line, trimmed, with its shape.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// 1-based raw line number.
    pub number: usize,
    /// The text without leading and trailing whitespace (half- and full-width).
    pub text: &'a str,
    /// Length of `text` in chars.
    pub chars: usize,
    /// Opens with a paragraph indent: a full-width space, a tab, or two ASCII spaces.
    pub indented: bool,
    pub shape: Shape,
}

/// What a line's own text shows, independent of its neighbours.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    /// Ends with a terminal mark (see [`punct::ends_sentence`]).
    pub ends_sentence: bool,
    /// Holds a terminal mark anywhere (so it is prose, not a headline).
    pub has_terminal: bool,
    /// Holds a comma or semicolon anywhere.
    pub has_clause_mark: bool,
    /// Begins with a mark that may not begin a line (`，` `。` `”` `)` …).
    pub starts_with_closing: bool,
    /// Ends with a mark that may not end a line (`“` `（` `《` …).
    pub ends_with_opening: bool,
    /// Opens with 本报讯 / a dateline / 据…报道; `bare` when the marker is all there is.
    pub lead: Option<Lead>,
    pub lead_is_bare: bool,
    pub list_item: bool,
    /// A photo caption (`图为…`, `▲…`) or an end mark (`（完）`): a line of its own, complete
    /// without a full stop, never a headline.
    pub standalone: bool,
    pub byline: bool,
    pub dash_prefix: bool,
    /// Holds at least one letter or ideograph (not only digits and symbols).
    pub has_word: bool,
}

impl<'a> Line<'a> {
    /// Measures a raw line; `None` for a blank one.
    pub fn new(number: usize, raw: &'a str) -> Option<Line<'a>> {
        let text = raw.trim();
        if text.is_empty() {
            return None;
        }
        let indent = &raw[..raw.len() - raw.trim_start().len()];
        let indented = indent.contains(['\u{3000}', '\t'])
            || indent.bytes().filter(|&b| b == b' ').count() >= 2;
        Some(Line {
            number,
            text,
            chars: text.chars().count(),
            indented,
            shape: Shape::of(text),
        })
    }

    /// Prose: running text with sentence or clause marks.
    pub fn is_prose(&self) -> bool {
        self.shape.has_terminal || self.shape.has_clause_mark
    }
}

impl Shape {
    fn of(text: &str) -> Shape {
        let mut shape = Shape::default();
        for c in text.chars() {
            shape.has_terminal |= punct::is_terminal(c);
            shape.has_clause_mark |= punct::is_clause_mark(c);
        }
        // `is_alphabetic` is a slow table look-up outside ASCII: ideographs first, and stop at
        // the first letter.
        shape.has_word = text
            .chars()
            .any(|c| punct::is_ideograph(c) || c.is_alphabetic());
        shape.ends_sentence = punct::ends_sentence(text);
        shape.starts_with_closing = text.chars().next().is_some_and(punct::is_closing);
        shape.ends_with_opening = text.chars().next_back().is_some_and(punct::is_opening);
        if let Some((lead, end)) = markers::lead_marker(text) {
            shape.lead = Some(lead);
            shape.lead_is_bare = text[end..].trim().is_empty();
        }
        shape.list_item = markers::is_list_item(text);
        shape.standalone = markers::is_caption(text) || markers::is_end_mark(text);
        shape.byline = markers::is_byline(text);
        shape.dash_prefix = markers::has_dash_prefix(text);
        shape
    }
}

/// Longest headline, in chars, whatever the page (a two-part headline on one line is ~40).
const HEADLINE_MAX_CHARS: usize = 48;
/// Longest kicker or deck line, in chars.
const DECK_MAX_CHARS: usize = 64;
/// Fewest prose lines from which a typical length is trusted.
const MIN_PROSE_LINES: usize = 3;

/// Measures of the page that a line's length and indentation are judged against.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    /// Median length of the prose lines, in chars (`None` on a page with almost no prose).
    pub median_chars: Option<usize>,
    /// The text is hard-wrapped at a fixed width (most prose lines within 15% of the median)
    /// rather than holding a whole paragraph per line (lengths spread widely).
    pub wrapped: bool,
    /// Paragraphs begin with an indent, so an unindented prose line continues the one above.
    pub indented_paragraphs: bool,
}

/// Clears the indent of every line when all lines are indented: then indentation is the page
/// margin of an OCR tool and says nothing about where paragraphs begin. (A page of one long
/// article may have nine in ten lines indented and its headline alone not: that indent counts.)
pub fn discount_uniform_indent(lines: &mut [Line]) {
    let indented = lines.iter().filter(|l| l.indented).count();
    if lines.len() >= 3 && indented == lines.len() {
        for line in lines {
            line.indented = false;
        }
    }
}

impl Page {
    /// Measures the content lines (furniture already set aside). Linear in their number.
    pub fn measure(lines: &[Line]) -> Page {
        let mut prose: Vec<usize> = lines
            .iter()
            .filter(|l| l.is_prose())
            .map(|l| l.chars)
            .collect();
        let median_chars = (prose.len() >= MIN_PROSE_LINES).then(|| {
            let middle = prose.len() / 2;
            *prose.select_nth_unstable(middle).1
        });
        let wrapped = median_chars.is_some_and(|median| {
            let near = prose
                .iter()
                .filter(|&&len| len * 20 >= median * 17 && len * 20 <= median * 23)
                .count();
            near * 2 >= prose.len()
        });
        let indented = lines.iter().filter(|l| l.indented && l.is_prose()).count();
        Page {
            median_chars,
            wrapped,
            indented_paragraphs: indented >= 2 && indented * 20 >= prose.len(),
        }
    }

    /// A headline is clearly shorter than a full line of running text.
    pub fn headline_max(&self) -> usize {
        self.wrap_cap(HEADLINE_MAX_CHARS)
    }

    /// A kicker or deck is likewise shorter than a full line, and shorter than the median
    /// prose line: a longer unfinished line below a headline is the start of the lead, cut by
    /// the scan.
    pub fn deck_max(&self) -> usize {
        let limit = self.wrap_cap(DECK_MAX_CHARS);
        self.median_chars
            .map_or(limit, |median| limit.min(median.saturating_sub(1)))
    }

    /// `limit`, lowered to four fifths of the line width on hard-wrapped pages.
    fn wrap_cap(&self, limit: usize) -> usize {
        match self.median_chars {
            Some(width) if self.wrapped => limit.min(width * 4 / 5),
            _ => limit,
        }
    }
}
