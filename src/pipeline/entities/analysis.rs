//! One text as the rules see it: its chars, the segmenter's words with their part of speech, and
//! what the lexicons say about each word.

use jieba_rs::Jieba;

use super::lexicons::{Lexicons, WordInfo};

/// A word of the text (char offsets), with the segmenter's part-of-speech tag and the lexicons'
/// knowledge of it.
#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    pub word: &'a str,
    pub pos: &'a str,
    pub start: usize,
    pub end: usize,
    pub info: WordInfo,
    /// The word is in the segmenter's dictionary (not guessed by its HMM).
    pub known: bool,
}

impl Token<'_> {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Punctuation or white space.
    pub fn is_break(&self) -> bool {
        self.word.chars().all(|c| !c.is_alphanumeric())
    }

    /// A noun-like word that can be part of a name (of a company, an organ).
    pub fn is_nominal(&self) -> bool {
        matches!(
            self.pos,
            "n" | "nz"
                | "nt"
                | "ns"
                | "nr"
                | "nrt"
                | "nrfg"
                | "j"
                | "vn"
                | "an"
                | "ng"
                | "l"
                | "b"
                | "eng"
                | "nnt"
        ) || self.info.org_name_word
    }

    /// A number written in Chinese numerals or an ordinal (二, 第五), as in 交警二大队.
    pub fn is_ordinal(&self) -> bool {
        self.pos == "m"
            && self
                .word
                .chars()
                .all(|c| "第一二三四五六七八九十百0123456789".contains(c))
    }
}

/// A text split into tokens, with char lookups.
pub struct Sentence<'a> {
    jieba: &'a Jieba,
    pub chars: Vec<char>,
    pub tokens: Vec<Token<'a>>,
    /// `token_at_start[c]` is the index of the token starting at char `c` (`usize::MAX` if none).
    token_at_start: Vec<usize>,
}

impl<'a> Sentence<'a> {
    /// Segments and tags `text`.
    pub fn new(text: &'a str, jieba: &'a Jieba, lexicons: &Lexicons) -> Sentence<'a> {
        let chars: Vec<char> = text.chars().collect();
        let mut token_at_start = vec![usize::MAX; chars.len() + 1];
        let tokens: Vec<Token<'a>> = jieba
            .tag(text, true)
            .into_iter()
            .enumerate()
            .map(|(i, tag)| {
                token_at_start[tag.start] = i;
                let info = lexicons.get(tag.word);
                let known = tag.end - tag.start > 1 && jieba.has_word(tag.word);
                Token {
                    word: tag.word,
                    pos: tag.tag,
                    start: tag.start,
                    end: tag.end,
                    info,
                    known,
                }
            })
            .collect();
        Sentence {
            jieba,
            chars,
            tokens,
            token_at_start,
        }
    }

    /// The index of the token starting at char `at`.
    pub fn token_starting_at(&self, at: usize) -> Option<usize> {
        self.token_at_start
            .get(at)
            .copied()
            .filter(|&i| i != usize::MAX)
    }

    /// Whether a token starts (or the text ends) at char `at`.
    pub fn is_boundary(&self, at: usize) -> bool {
        at == self.chars.len() || self.token_starting_at(at).is_some()
    }

    /// Whether `word` is in the segmenter's dictionary.
    pub fn is_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// Whether `c` is a Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}
