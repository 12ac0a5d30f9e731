//! What each content line is: part of a headline stack, a byline, the start of a paragraph, or
//! the continuation of the paragraph above (a scan break, joined, with the rule that joined it).
//!
//! One left-to-right pass; every test looks at the line, its neighbour above or below and the
//! page measures, so the pass is linear in the number of lines.

use super::lines::{Line, Page};
use super::punct;
use super::rules;

/// A dash-led deck may run this long even on a page of short lines.
const DASH_DECK_MAX_CHARS: usize = 48;

/// The role of one content line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Kicker,
    /// A headline, with the rule that recognised it.
    Headline(&'static str),
    /// A deck, with the rule that recognised it.
    Deck(&'static str),
    Byline,
    /// The first line of a paragraph.
    Paragraph,
    /// A headline-shaped line kept inside the article as a paragraph (小标题), see
    /// [`keep_crossheads`].
    Crosshead,
    /// Continues the paragraph of the line above, joined by the rule given.
    Continuation(&'static str),
}

impl Role {
    fn is_body(self) -> bool {
        matches!(
            self,
            Role::Paragraph | Role::Continuation(_) | Role::Crosshead
        )
    }
}

/// Assigns a role to every content line (furniture already set aside).
pub fn assign(lines: &[Line], page: &Page) -> Vec<Role> {
    let reader = Reader { lines, page };
    let mut roles: Vec<Role> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let after_body = roles.last().is_some_and(|r| r.is_body());
        if let Some(rule) = after_body.then(|| reader.join_rule(i - 1, i)).flatten() {
            roles.push(Role::Continuation(rule));
            i += 1;
        } else if lines[i].shape.byline {
            roles.push(Role::Byline);
            i += 1;
        } else if let Some(stack) = reader.stack_at(i) {
            i += stack.len();
            roles.extend(stack);
        } else {
            roles.push(Role::Paragraph);
            i += 1;
        }
    }
    keep_crossheads(lines, &mut roles);
    roles
}

/// In a bulletin whose clear article starts (at the top or right after a byline; at least
/// three) mostly open with a lead marker and mostly end in a byline, a lone headline line inside
/// an article that no byline has closed yet, followed by a paragraph without a lead marker, is a
/// crosshead (小标题) of that article, not a new one.
fn keep_crossheads(lines: &[Line], roles: &mut [Role]) {
    let stack_starts: Vec<usize> = (0..roles.len())
        .filter(|&i| match roles[i] {
            Role::Kicker => true,
            Role::Headline(_) => i == 0 || roles[i - 1] != Role::Kicker,
            _ => false,
        })
        .collect();
    let clear: Vec<usize> = stack_starts
        .iter()
        .copied()
        .filter(|&i| i == 0 || roles[i - 1] == Role::Byline)
        .collect();
    let led = clear
        .iter()
        .filter(|&&i| {
            // The stack (up to three lines) and a byline come before the lead.
            let first_body = (i..roles.len()).take(6).find(|&j| roles[j].is_body());
            first_body.is_some_and(|j| lines[j].shape.lead.is_some())
        })
        .count();
    let closed = (1..roles.len())
        .filter(|&i| roles[i] == Role::Byline && roles[i - 1].is_body())
        .count();
    if clear.len() < 3 || led * 3 < clear.len() * 2 || closed * 3 < clear.len() * 2 {
        return;
    }
    for i in stack_starts {
        let lone = matches!(roles[i], Role::Headline(_))
            && !matches!(roles.get(i + 1), Some(Role::Deck(_)));
        let inside = i > 0 && roles[i - 1].is_body();
        let plain_next =
            roles.get(i + 1) == Some(&Role::Paragraph) && lines[i + 1].shape.lead.is_none();
        if lone && inside && plain_next {
            roles[i] = Role::Crosshead;
        }
    }
}

struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    page: &'l Page,
}

impl Reader<'_, '_> {
    /// Why line `lower` continues the paragraph that line `upper` belongs to, if it does.
    fn join_rule(&self, upper: usize, lower: usize) -> Option<&'static str> {
        let (up, low) = (&self.lines[upper].shape, &self.lines[lower].shape);
        if low.starts_with_closing {
            return Some(rules::JOIN_CLOSING_PUNCT);
        }
        if up.ends_with_opening {
            return Some(rules::JOIN_OPENING_PUNCT);
        }
        if up.lead_is_bare && low.lead.is_none() && !low.byline && self.stack_at(lower).is_none() {
            return Some(rules::JOIN_BARE_LEAD);
        }
        if self.starts_block(lower) || self.is_complete_item(upper) {
            return None;
        }
        if !up.ends_sentence {
            return Some(rules::JOIN_NO_SENTENCE_END);
        }
        let unindented = self.page.indented_paragraphs && !self.lines[lower].indented;
        unindented.then_some(rules::JOIN_NOT_INDENTED)
    }

    /// A line that cannot continue a paragraph: it is indented, opens with a lead or list
    /// marker, is a caption, end mark or byline, or begins a headline stack.
    fn starts_block(&self, i: usize) -> bool {
        let line = &self.lines[i];
        line.indented
            || line.shape.lead.is_some()
            || line.shape.list_item
            || line.shape.standalone
            || line.shape.byline
            || self.stack_at(i).is_some()
    }

    /// Complete as it stands, even without a full stop: a caption or end mark, or a short list
    /// item without commas (`三、选举产生新一届委员会`).
    fn is_complete_item(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let short_item = line.shape.list_item
            && !line.shape.has_clause_mark
            && !line.shape.has_terminal
            && line.chars <= self.page.deck_max();
        short_item || line.shape.standalone
    }

    /// The headline stack starting at line `i`: 1–3 roles, or `None` when `i` starts none.
    fn stack_at(&self, i: usize) -> Option<Vec<Role>> {
        const HEADLINE: Role = Role::Headline(rules::HEADLINE);
        if !self.headline_shaped(i) {
            return self.stack_with_commas(i);
        }
        let Some(deck) = self.deck_role(i + 1) else {
            return Some(vec![HEADLINE]);
        };
        let second_is_headline = self.headline_shaped(i + 1) && !self.dash_deck(i + 1);
        if let Some(third) = self.deck_role(i + 2).filter(|_| second_is_headline) {
            return Some(vec![Role::Kicker, HEADLINE, third]);
        }
        // Two lines: a deck explains the headline and runs longer; a kicker is the shorter
        // line above a longer main title.
        if second_is_headline && self.lines[i + 1].chars < self.lines[i].chars {
            Some(vec![Role::Kicker, HEADLINE])
        } else {
            Some(vec![HEADLINE, deck])
        }
    }

    /// A short line with commas begins a stack as the kicker above a headline, or as the
    /// headline itself when a lead marker (本报讯, a dateline) follows it directly. (Not before
    /// a byline: that is more often the unfinished last line of an article.)
    fn stack_with_commas(&self, i: usize) -> Option<Vec<Role>> {
        if self.exclaimed_title(i) {
            return self.lines[i + 1]
                .shape
                .lead
                .map(|_| vec![Role::Headline(rules::HEADLINE_BEFORE_LEAD)]);
        }
        if !self.deck_shaped(i) || self.dash_deck(i) {
            return None;
        }
        if self.headline_shaped(i + 1) {
            let mut stack = vec![Role::Kicker, Role::Headline(rules::HEADLINE)];
            stack.extend(self.deck_role(i + 2));
            return Some(stack);
        }
        let next = self.lines.get(i + 1)?;
        next.shape
            .lead
            .is_some()
            .then(|| vec![Role::Headline(rules::HEADLINE_BEFORE_LEAD)])
    }

    /// `垃圾分类，你做对了吗？`: a short line whose only sentence mark is a final `？` or `！`,
    /// with a next line (which must then open with a lead marker to make it a headline).
    fn exclaimed_title(&self, i: usize) -> bool {
        let Some(line) = self.lines.get(i) else {
            return false;
        };
        let body = line.text.trim_end_matches(['！', '？', '!', '?']);
        line.chars <= self.page.headline_max()
            && body.len() < line.text.len()
            && !body.chars().any(punct::is_terminal)
            && line.shape.has_word
            && !line.shape.starts_with_closing
            && i + 1 < self.lines.len()
    }

    /// The deck role of line `i` if it can be a deck below a headline.
    fn deck_role(&self, i: usize) -> Option<Role> {
        if self.dash_deck(i) {
            Some(Role::Deck(rules::DECK_DASH))
        } else if self.deck_shaped(i) {
            Some(Role::Deck(rules::DECK_BELOW))
        } else {
            None
        }
    }

    /// Short, without commas or sentence marks, not a marker line: a headline.
    fn headline_shaped(&self, i: usize) -> bool {
        self.title_like(i, self.page.headline_max()) && !self.lines[i].shape.has_clause_mark
    }

    /// Short and not finishing a sentence (commas allowed): a kicker or a deck.
    fn deck_shaped(&self, i: usize) -> bool {
        self.title_like(i, self.page.deck_max())
    }

    /// `——记…`: a deck by its dash, whatever the page's line length.
    fn dash_deck(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|line| line.shape.dash_prefix)
            && self.title_like(i, self.page.deck_max().max(DASH_DECK_MAX_CHARS))
    }

    /// The common ground of headline, kicker and deck lines.
    fn title_like(&self, i: usize, max_chars: usize) -> bool {
        let Some(line) = self.lines.get(i) else {
            return false;
        };
        let shape = &line.shape;
        let next_cuts_in = self
            .lines
            .get(i + 1)
            .is_some_and(|next| next.shape.starts_with_closing);
        let ends_in_mark = line
            .text
            .chars()
            .next_back()
            .is_some_and(|c| punct::is_closing(c) && !punct::is_trailing_closer(c));
        shape.has_word
            && !shape.has_terminal
            && !ends_in_mark
            && !shape.starts_with_closing
            && !shape.ends_with_opening
            && shape.lead.is_none()
            && !shape.list_item
            && !shape.standalone
            && !shape.byline
            && (2..=max_chars).contains(&line.chars)
            && !next_cuts_in
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_of(text: &str) -> Vec<Role> {
        let lines: Vec<Line> = text
            .split('\n')
            .enumerate()
            .filter_map(|(i, raw)| Line::new(i + 1, raw))
            .collect();
        assign(&lines, &Page::measure(&lines))
    }

    const BODY: &str = "本报讯 近日，我区召开会议，研究部署下一阶段重点工作。";

    #[test]
    fn two_line_stacks_are_told_apart_by_length() {
        let headline_then_deck = format!("我区召开会议\n研究部署下一阶段重点工作安排\n{BODY}");
        assert_eq!(
            roles_of(&headline_then_deck)[..2],
            [
                Role::Headline(rules::HEADLINE),
                Role::Deck(rules::DECK_BELOW)
            ]
        );
        let kicker_then_headline = format!("聚焦高质量发展 建设现代化新城\n我区召开会议\n{BODY}");
        assert_eq!(
            roles_of(&kicker_then_headline)[..2],
            [Role::Kicker, Role::Headline(rules::HEADLINE)]
        );
    }

    #[test]
    fn a_line_followed_by_closing_punctuation_is_no_headline() {
        let roles = roles_of(&format!("{BODY}\n会议要求各单位\n，抓好落实。"));
        assert_eq!(
            roles,
            [
                Role::Paragraph,
                Role::Paragraph,
                Role::Continuation(rules::JOIN_CLOSING_PUNCT)
            ]
        );
    }

    #[test]
    fn lines_after_a_finished_sentence_are_not_joined_without_indented_layout() {
        let roles = roles_of(&format!(
            "{BODY}\n会议指出，要抓好落实。\n会议强调，要加强领导。"
        ));
        assert_eq!(roles, [Role::Paragraph; 3]);
    }
}
