//! A page as the model reads it (the feature rows of every line, the hard constraints, and for
//! training the gold roles), and the averaged perceptron that learns the weights from such
//! pages (Collins 2002: decode with the current weights, move them towards the gold sequence,
//! average them over every step so that late mistakes do not dominate).

use super::super::lines::{Line, Page};
use super::features::{self, ROWS};
use super::{LineRole, Model};

/// What a line must or cannot be, whatever its weights say.
pub(super) mod constraint {
    /// The line begins with a mark that cannot begin a line, or the line above ends with one
    /// that cannot end a line (GB/T 15834): it continues the paragraph above.
    pub const MUST_JOIN: u8 = 1;
    /// Nothing but digits and symbols: never a kicker, headline or deck.
    pub const NO_TITLE: u8 = 2;
    /// Indented on a page whose paragraphs are indented: it begins a paragraph, whatever the
    /// line above says.
    pub const NO_JOIN: u8 = 4;
}

/// Longest line that, without any mark, is taken as complete (see [`constraint::NO_JOIN`]).
const BARE_TITLE_MAX_CHARS: usize = 30;

/// The lines of one page as feature rows.
pub struct Sequence {
    /// Feature rows of all lines, one after the other.
    pub(super) rows: Vec<u32>,
    /// Where each line's rows end in `rows`.
    pub(super) ends: Vec<usize>,
    pub(super) constraints: Vec<u8>,
    /// The right roles, for training and evaluation.
    pub gold: Option<Vec<LineRole>>,
}

impl Sequence {
    /// Reads the content lines of a page (furniture already set aside).
    pub fn of(lines: &[Line], page: &Page, gold: Option<Vec<LineRole>>) -> Sequence {
        let (facts, around) = features::context(lines, page);
        let mut found = Vec::with_capacity(48);
        let mut rows = Vec::with_capacity(lines.len() * 40);
        let mut ends = Vec::with_capacity(lines.len());
        let mut constraints = Vec::with_capacity(lines.len());
        for i in 0..lines.len() {
            found.clear();
            let [since, until, run] = around[i];
            features::extract(lines, &facts, i, since, until, run, &mut found);
            rows.extend(found.iter().map(|f| f.row() as u32));
            ends.push(rows.len());
            let mut c = 0;
            let above = i.checked_sub(1).map(|j| &lines[j].shape);
            // A line cannot begin with `，` nor end with `“` (GB/T 15834), and a dateline alone
            // on its line (`新华社北京6月10日电`) has its text on the next one.
            let cut_in = lines[i].shape.starts_with_closing
                || above.is_some_and(|a| {
                    a.ends_with_opening || (a.lead_is_bare && lines[i].shape.lead.is_none())
                });
            if i > 0 && cut_in {
                c |= constraint::MUST_JOIN;
            }
            // An indented line on a page of indented paragraphs begins one; a caption or an
            // end mark is complete without a full stop, and so is a line short enough for a
            // title and without a single mark (a title, a crosshead, a label, a list item such
            // as `三、研究部署防汛工作`).
            let bare_title = i > 0 && {
                let a = &lines[i - 1];
                a.chars <= BARE_TITLE_MAX_CHARS
                    && !a.shape.has_clause_mark
                    && !a.shape.has_terminal
                    && (!a.text.contains('、') || a.shape.list_item)
            };
            let begins = (page.indented_paragraphs && lines[i].indented)
                || above.is_some_and(|a| a.standalone)
                || bare_title;
            if begins && c & constraint::MUST_JOIN == 0 {
                c |= constraint::NO_JOIN;
            }
            if !lines[i].shape.has_word {
                c |= constraint::NO_TITLE;
            }
            constraints.push(c);
        }
        Sequence {
            rows,
            ends,
            constraints,
            gold,
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub(super) fn line_rows(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.rows[start..self.ends[i]]
    }
}

/// Averaged perceptron over [`Sequence`]s.
pub struct Trainer {
    model: Model,
    /// Sum of every update times the step it was made at (for the average).
    stamped: Model,
    step: f32,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer::new()
    }
}

impl Trainer {
    pub fn new() -> Trainer {
        Trainer {
            model: Model::empty(),
            stamped: Model::empty(),
            step: 1.0,
        }
    }

    /// Learns from one page; returns how many lines the current weights got wrong.
    pub fn learn(&mut self, sequence: &Sequence) -> usize {
        let Some(gold) = sequence.gold.as_ref() else {
            return 0;
        };
        let guess = self.model.decode(sequence);
        let n = LineRole::COUNT;
        let mut wrong = 0;
        for i in 0..sequence.len() {
            let (g, p) = (gold[i], guess[i]);
            if g != p {
                wrong += 1;
                for &row in sequence.line_rows(i) {
                    let at = row as usize * n;
                    self.bump_weight(at + g.index(), 1.0);
                    self.bump_weight(at + p.index(), -1.0);
                }
            }
            let gold_prev = if i == 0 { n } else { gold[i - 1].index() };
            let guess_prev = if i == 0 { n } else { guess[i - 1].index() };
            if g != p || gold_prev != guess_prev {
                self.bump_transition(gold_prev * n + g.index(), 1.0);
                self.bump_transition(guess_prev * n + p.index(), -1.0);
            }
        }
        self.step += 1.0;
        wrong
    }

    fn bump_weight(&mut self, at: usize, by: f32) {
        self.model.weights[at] += by;
        self.stamped.weights[at] += by * self.step;
    }

    fn bump_transition(&mut self, at: usize, by: f32) {
        self.model.transitions[at] += by;
        self.stamped.transitions[at] += by * self.step;
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Model {
        let average = |w: &[f32], s: &[f32]| -> Vec<f32> {
            w.iter().zip(s).map(|(w, s)| w - s / self.step).collect()
        };
        let weights = average(&self.model.weights, &self.stamped.weights);
        debug_assert_eq!(weights.len(), ROWS * LineRole::COUNT);
        let mut model = Model::empty();
        model.weights = weights;
        model.transitions = average(&self.model.transitions, &self.stamped.transitions);
        model
    }
}
