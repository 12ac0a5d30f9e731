//! What the model sees at each char, as hashed features: the chars and char pairs around it,
//! the segmenter's word holding it (its position in the word, its part of speech, the word
//! itself and its neighbours' parts of speech), the lexicon entries covering it (with the char's
//! position in the match), its char class, and which of the guessing rules fired on it — so the
//! rules' knowledge enters the model as evidence, weighed by training, instead of deciding.

use aho_corasick::{AhoCorasick, MatchKind};

use super::super::analysis::{Sentence, is_han};
use super::super::candidates::{Candidate, RoleLink};
use super::super::lexicons::{CATEGORIES, Lexicons};
use super::labels::{self, kind_index};

/// The hashed features of every char of a text, flat: char `c` owns
/// `features[starts[c]..starts[c + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct Observation {
    pub features: Vec<u64>,
    pub starts: Vec<u32>,
}

impl Observation {
    /// Number of chars.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether the text has no char.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The features of char `c`.
    pub fn at(&self, c: usize) -> &[u64] {
        &self.features[self.starts[c] as usize..self.starts[c + 1] as usize]
    }
}

/// Matches every lexicon word in a text, with its categories.
pub struct LexiconMatcher {
    automaton: AhoCorasick,
    categories: Vec<u32>,
}

impl LexiconMatcher {
    pub fn new(lexicons: &Lexicons) -> LexiconMatcher {
        let words = lexicons.categorised_words();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|(w, _)| w))
            .expect("plain string patterns build");
        LexiconMatcher {
            automaton,
            categories: words.iter().map(|&(_, bits)| bits).collect(),
        }
    }

    /// For each char, a bit per (category, position in the match): every overlapping match
    /// counts.
    fn marks(&self, text: &str, len: usize) -> Vec<u128> {
        let mut marks = vec![0u128; len];
        if len == 0 {
            return marks;
        }
        // Char index of each byte offset that starts a char.
        let mut char_of = vec![0u32; text.len() + 1];
        for (i, (b, _)) in text.char_indices().enumerate() {
            char_of[b] = i as u32;
        }
        char_of[text.len()] = len as u32;
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (char_of[m.start()] as usize, char_of[m.end()] as usize);
            let bits = self.categories[m.pattern().as_usize()];
            for (at, mark) in marks.iter_mut().enumerate().take(end).skip(start) {
                let part = position(start, end, at) as u32;
                let mut b = bits;
                while b != 0 {
                    let cat = b.trailing_zeros();
                    b &= b - 1;
                    *mark |= 1u128 << (cat * 4 + part);
                }
            }
        }
        marks
    }
}

/// 0 begin, 1 inside, 2 end, 3 single: where char `at` stands in `start..end`.
fn position(start: usize, end: usize, at: usize) -> u8 {
    if end - start == 1 {
        3
    } else if at == start {
        0
    } else if at + 1 == end {
        2
    } else {
        1
    }
}

/// The full-width form of ASCII punctuation, so that `,` in an OCR'd bulletin reads as the `，`
/// of the training text.
fn normalise(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => c,
    }
}

/// Whether a span may not start or end on `c`: separators and sentence punctuation.
fn never_at_edge(c: char) -> bool {
    c.is_whitespace() || "，,、。；;：:！!？?“”\"「」『』".contains(c)
}

/// A char's class: Han, Chinese numeral, Latin letter, digit, punctuation or space, other.
fn class(c: char) -> u8 {
    if "〇一二三四五六七八九十百千万亿两零".contains(c) {
        b'n'
    } else if is_han(c) {
        b'h'
    } else if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        b'd'
    } else if c.is_alphabetic() {
        b'l'
    } else if c.is_whitespace() || c.is_ascii_punctuation() || !c.is_alphanumeric() {
        b'p'
    } else {
        b'o'
    }
}

/// Whether a feature names particular text (a char, a word, a lexicon entry) rather than a
/// general property (a class, a part of speech, a rule's firing): the low bit of its hash. The
/// editor's corrections teach only such features, so that three taught villages do not make
/// every word a place.
pub fn is_specific(feature: u64) -> bool {
    feature & 1 == 1
}

fn specific(hash: u64) -> u64 {
    hash | 1
}

fn general(hash: u64) -> u64 {
    hash & !1
}

/// One step of the feature hash (the FxHash mix).
#[inline]
fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95)
}

fn mix_str(mut hash: u64, s: &str) -> u64 {
    for b in s.bytes() {
        hash = mix(hash, b as u64);
    }
    mix(hash, 0xFF)
}

/// The string hashes of one token that its chars' features are built from.
struct TokenHashes {
    pos: u64,
    word: u64,
    /// The word hashed after the WORD template, the start of that feature.
    word_template: u64,
}

/// Feature templates; the number is hashed first so that templates never collide by design.
mod template {
    pub const BIAS: u64 = 1;
    pub const CHAR: u64 = 2;
    pub const BIGRAM: u64 = 3;
    pub const SKIP: u64 = 4;
    pub const CLASSES: u64 = 5;
    pub const WORD_POS: u64 = 6;
    pub const WORD: u64 = 7;
    pub const POS_BEFORE: u64 = 8;
    pub const POS_AFTER: u64 = 9;
    pub const WORD_LEN: u64 = 10;
    pub const LEXICON: u64 = 11;
    pub const SURNAME: u64 = 12;
    pub const RULE: u64 = 13;
    pub const CHOSEN: u64 = 14;
    pub const ROLE: u64 = 15;
    pub const WORD_BEFORE: u64 = 16;
    pub const WORD_AFTER: u64 = 17;
    pub const BOOK_TITLE: u64 = 18;
}

/// The features of every char of `sentence`. `candidates` are every guessing rule's proposals,
/// `chosen` what the rules would choose among them, `roles` the title chains found.
pub fn observe(
    sentence: &Sentence,
    text: &str,
    lexicons: &Lexicons,
    matcher: &LexiconMatcher,
    candidates: &[Candidate],
    chosen: &[Candidate],
    roles: &[RoleLink],
) -> Observation {
    let chars = &sentence.chars;
    let n = chars.len();
    let mut obs = Observation {
        features: Vec::with_capacity(n * 32),
        starts: Vec::with_capacity(n + 1),
    };
    let at = |i: isize| -> u64 {
        if i < 0 {
            0x2
        } else if i as usize >= n {
            0x3
        } else {
            normalise(chars[i as usize]) as u64
        }
    };
    // The token holding each char.
    let mut token_of = vec![usize::MAX; n];
    for (t, token) in sentence.tokens.iter().enumerate() {
        for slot in token_of.iter_mut().take(token.end.min(n)).skip(token.start) {
            *slot = t;
        }
    }
    // Each token's part-of-speech and word hashes, computed once rather than at each of its chars.
    let token_hashes: Vec<TokenHashes> = sentence
        .tokens
        .iter()
        .map(|token| TokenHashes {
            pos: mix_str(0, token.pos),
            word: mix_str(0, token.word),
            word_template: mix_str(template::WORD, token.word),
        })
        .collect();
    let lexicon_marks = matcher.marks(text, n);
    // Rule firings per char: (rule hash, kind, position).
    let mut fired: Vec<Vec<u64>> = vec![Vec::new(); n];
    for c in candidates {
        let kind = kind_index(&c.kind).unwrap_or(7) as u64;
        let rule = mix_str(template::RULE, c.rule);
        for (i, slot) in fired
            .iter_mut()
            .enumerate()
            .take(c.end.min(n))
            .skip(c.start)
        {
            slot.push(mix(mix(rule, kind), position(c.start, c.end, i) as u64));
        }
    }
    for c in chosen {
        let kind = kind_index(&c.kind).unwrap_or(7) as u64;
        for (i, slot) in fired
            .iter_mut()
            .enumerate()
            .take(c.end.min(n))
            .skip(c.start)
        {
            slot.push(mix(
                mix(template::CHOSEN, kind),
                position(c.start, c.end, i) as u64,
            ));
        }
    }
    for role in roles {
        let parts = [
            (0u64, Some(role.person)),
            (1, Some(role.title)),
            (2, role.org),
        ];
        for (part, range) in parts {
            let Some((start, end)) = range else { continue };
            for (i, slot) in fired.iter_mut().enumerate().take(end.min(n)).skip(start) {
                slot.push(mix(
                    mix(template::ROLE, part),
                    position(start, end, i) as u64,
                ));
            }
        }
    }
    // Chars inside 《》 (titles of works): never tagged, and the model is told so.
    let mut in_book = vec![false; n];
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => in_book[i] = true,
            _ => {}
        }
    }

    let classes: Vec<u8> = chars.iter().map(|&c| class(c)).collect();
    let cls = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            b'x' as u64
        } else {
            classes[j as usize] as u64
        }
    };

    for i in 0..n {
        obs.starts.push(obs.features.len() as u32);
        let f = &mut obs.features;
        let ii = i as isize;
        f.push(general(template::BIAS));
        for d in -2..=2isize {
            f.push(specific(mix(mix(template::CHAR, d as u64), at(ii + d))));
        }
        for d in -2..=1isize {
            f.push(mix(
                mix(mix(template::BIGRAM, d as u64), at(ii + d)),
                at(ii + d + 1),
            ));
        }
        f.push(specific(mix(mix(template::SKIP, at(ii - 1)), at(ii + 1))));
        f.push(mix(
            mix(mix(template::CLASSES, cls(ii - 1)), cls(ii)),
            cls(ii + 1),
        ));
        if let Some(token) = sentence.tokens.get(token_of[i]) {
            let t = token_of[i];
            let part = position(token.start, token.end, i) as u64;
            let pos = token_hashes[t].pos;
            f.push(general(mix(mix(template::WORD_POS, part), pos)));
            if token.len() > 1 {
                f.push(specific(mix(token_hashes[t].word_template, part)));
            }
            f.push(mix(
                mix(template::WORD_LEN, token.len().min(5) as u64),
                part,
            ));
            let before = t.checked_sub(1).and_then(|b| token_hashes.get(b));
            let after = token_hashes.get(t + 1);
            let before_pos = before.map_or(1, |b| b.pos);
            let after_pos = after.map_or(1, |a| a.pos);
            f.push(general(mix(
                mix(mix(template::POS_BEFORE, before_pos), pos),
                part,
            )));
            f.push(general(mix(
                mix(mix(template::POS_AFTER, after_pos), pos),
                part,
            )));
            if part == 0 || part == 3 {
                let w = before.map_or(1, |b| b.word);
                f.push(specific(mix(template::WORD_BEFORE, w)));
            }
            if part == 2 || part == 3 {
                let w = after.map_or(1, |a| a.word);
                f.push(specific(mix(template::WORD_AFTER, w)));
            }
        }
        let mut marks = lexicon_marks[i];
        while marks != 0 {
            let bit = marks.trailing_zeros() as u64;
            marks &= marks - 1;
            debug_assert!(bit < (CATEGORIES * 4) as u64);
            f.push(general(mix(template::LEXICON, bit)));
        }
        if lexicons.is_surname_char(chars[i]) {
            f.push(general(mix(template::SURNAME, cls(ii - 1))));
        }
        f.extend(fired[i].iter().map(|&h| general(h)));
        if in_book[i] {
            f.push(general(template::BOOK_TITLE));
        }
    }
    obs.starts.push(obs.features.len() as u32);
    obs
}

/// Labels that may stand at each char whatever the model says: nothing inside 《》, no span
/// starting or ending on a separator.
pub fn hard_masks(chars: &[char]) -> Vec<labels::Mask> {
    let mut edges: labels::Mask = 0;
    for kind in 0..labels::KINDS.len() {
        for part in [labels::Part::Begin, labels::Part::End, labels::Part::Single] {
            edges |= 1 << labels::label(kind, part);
        }
    }
    let mut masks: Vec<labels::Mask> = chars
        .iter()
        .map(|&c| {
            if never_at_edge(c) {
                labels::ANY & !edges
            } else {
                labels::ANY
            }
        })
        .collect();
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => masks[i] = 1 << labels::OUTSIDE,
            _ => {}
        }
    }
    masks
}
