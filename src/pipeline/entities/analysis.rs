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
        let mut tokens: Vec<Token<'a>> = Vec::with_capacity(chars.len() / 2 + 1);
        for tag in jieba.tag(text, true) {
            let token = Token {
                word: tag.word,
                pos: tag.tag,
                start: tag.start,
                end: tag.end,
                info: lexicons.get(tag.word),
                known: tag.end - tag.start > 1 && jieba.has_word(tag.word),
            };
            match split_compound(&token, jieba, lexicons) {
                Some((head, tail)) => tokens.extend([head, tail]),
                None => tokens.push(token),
            }
        }
        let mut token_at_start = vec![usize::MAX; chars.len() + 1];
        for (i, token) in tokens.iter().enumerate() {
            token_at_start[token.start] = i;
        }
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

    /// How often `word` occurs in the segmenter's dictionary corpus (0 or 1 for unknown words).
    pub fn word_frequency(&self, word: &str) -> usize {
        self.jieba.suggest_freq(word).saturating_sub(1)
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// A dictionary word made of a place or an organization and a title or an organization
/// (日本首相, 德国总理, 美国国会), cut in two so that each part is seen for what it is.
fn split_compound<'a>(
    token: &Token<'a>,
    jieba: &Jieba,
    lexicons: &Lexicons,
) -> Option<(Token<'a>, Token<'a>)> {
    let info = token.info;
    if token.len() < 4
        || info.title.is_some()
        || info.org
        || info.place.is_some()
        || info.org_suffix.is_some()
    {
        return None;
    }
    if !lexicons.may_end_with_title(token.word) && !lexicons.may_end_with_org(token.word) {
        return None;
    }
    let splits = token
        .word
        .char_indices()
        .skip(2)
        .take(token.len().saturating_sub(3));
    splits
        .map(|(byte, _)| byte)
        .collect::<Vec<usize>>()
        .into_iter()
        .enumerate()
        .rev()
        .find_map(|(i, byte)| {
            let k = i + 2;
            let (head, tail) = token.word.split_at(byte);
            let head_info = lexicons.get(head);
            let tail_info = lexicons.get(tail);
            let head_fits = head_info.org || head_info.place.is_some_and(|p| !p.short);
            let tail_fits = tail_info.title.is_some() || tail_info.org;
            (head_fits && tail_fits).then(|| {
                let part =
                    |word: &'a str, pos: &'a str, start: usize, end: usize, info: WordInfo| Token {
                        word,
                        pos,
                        start,
                        end,
                        info,
                        known: jieba.has_word(word),
                    };
                let head_pos = if head_info.org { "nt" } else { "ns" };
                (
                    part(head, head_pos, token.start, token.start + k, head_info),
                    part(tail, "n", token.start + k, token.end, tail_info),
                )
            })
        })
}

/// Chars the segmenter glues to the end of a name (王晓在, 生态环境局已, 厅原): they start the next
/// word, so a name may end right before them.
pub const GLUED_AFTER_NAME: &str = "在以说和与及等是为对将向于也就从到把被给同跟曾已又均原现";

/// Chars the segmenter glues to the start of a name (对康美 药业, 对省 交通运输厅): they end the
/// word before it.
pub const GLUED_BEFORE_NAME: &str = "对在向从与和由被把将给为于及暨经据";

/// Whether `c` is a Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}
