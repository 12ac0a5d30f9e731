//! Person names: a surname from the lexicon and a given name of one or two chars, found by the
//! segmenter's name tags (with its false names rejected), before words that show a person
//! (张红军表示) and, in [`name_at`], right after a title.

use crate::model::EntityKind;

use super::analysis::{Sentence, Token, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::Lexicons;

/// Rule ids of this module.
pub const SEGMENTER: &str = "person:surname-given";
pub const TRANSLITERATED: &str = "person:transliterated";
pub const BEFORE_CUE: &str = "person:before-cue";
pub const AFTER_TITLE: &str = "person:after-title";
pub const BYLINE: &str = "person:byline";
pub const REPEATED: &str = "person:repeated";

/// Chars a Chinese name does not end with: they end places and organs (高新区, 发展局).
const NOT_NAME_END: &str = "区市县省局委办村镇乡路街所院部厅处站队组会";
/// Chars that do not belong to a given name when they follow a surname and a char: they start
/// the next word (王某说, 李明在).
const NOT_GIVEN: &str = "的了在和与及等是为说对将并兼、，,。；：";

/// Whether a token the segmenter tagged as a name really is one.
fn plausible_segmenter_name(token: &Token, sentence: &Sentence, lexicons: &Lexicons) -> bool {
    let chars = &sentence.chars[token.start..token.end];
    if token.info.not_person
        || token.info.place.is_some()
        || token.info.org
        || token.info.title.is_some()
        || token.info.org_suffix.is_some()
    {
        return false;
    }
    if token.pos == "nrt" {
        return chars.len() >= 2 && chars.iter().all(|&c| is_han(c) || c == '·');
    }
    if !chars.iter().all(|&c| is_han(c)) || NOT_NAME_END.contains(chars[chars.len() - 1]) {
        return false;
    }
    let Some(surname) = lexicons.surname_len(chars) else {
        return false;
    };
    let given = chars.len() - surname;
    if !(1..=2).contains(&given) {
        return false;
    }
    // Two-char words of the dictionary tagged `nr` are mostly ordinary words (明白, 康复); the
    // names it knows are tagged `nrfg`. Names the HMM guessed are not in the dictionary.
    !(token.known && token.pos == "nr" && chars.len() == 2)
}

/// Finds person candidates that need no title: the segmenter's names and names before a cue.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    for (i, token) in tokens.iter().enumerate() {
        if matches!(token.pos, "nr" | "nrfg" | "nrt") && token.len() >= 2 {
            if plausible_segmenter_name(token, sentence, lexicons) {
                let rule = if token.pos == "nrt" {
                    TRANSLITERATED
                } else {
                    SEGMENTER
                };
                out.push(Candidate::new(
                    token.start,
                    token.end,
                    EntityKind::Person,
                    rule,
                    priority::NAME,
                ));
            }
            continue;
        }
        // A name the segmenter cut in two (张 / 红军) before a word that shows a person.
        if let Some(end) = name_at(sentence, lexicons, token.start)
            && end - token.start >= 2
            && token.end < end
            && sentence
                .token_starting_at(end)
                .is_some_and(|next| tokens[next].info.person_cue)
            && (i == 0 || tokens[i - 1].is_break() || tokens[i - 1].info.title.is_none())
        {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                BEFORE_CUE,
                priority::NAME,
            ));
        }
    }
}

/// The end of a person name starting at char `at`, where the context (a title before it, a
/// byline) says a name should be: a surname and one or two chars ending at a word boundary, or a
/// word the segmenter tagged as a name.
pub fn name_at(sentence: &Sentence, lexicons: &Lexicons, at: usize) -> Option<usize> {
    let index = sentence.token_starting_at(at)?;
    let token = &sentence.tokens[index];
    if token.info.not_person
        || token.info.title.is_some()
        || token.info.org
        || token.info.place.is_some_and(|p| !p.short)
    {
        return None;
    }
    if matches!(token.pos, "nr" | "nrfg" | "nrt")
        && (2..=4).contains(&token.len())
        && sentence.chars[token.start..token.end]
            .iter()
            .all(|&c| is_han(c) || c == '·')
    {
        return Some(token.end);
    }
    // A function word is not a surname (董事长和总经理).
    if token.len() == 1 && matches!(token.pos, "c" | "p" | "u" | "uj" | "ul" | "d" | "r" | "f" | "v") {
        return None;
    }
    let chars = &sentence.chars;
    let surname = lexicons.surname_len(&chars[at..])?;
    let given_start = at + surname;
    for given in [2, 1] {
        let end = given_start + given;
        if end > chars.len() || !sentence.is_boundary(end) {
            continue;
        }
        let given_chars = &chars[given_start..end];
        if !given_chars.iter().all(|&c| is_han(c) && !NOT_GIVEN.contains(c)) {
            continue;
        }
        if given == 2 && NOT_NAME_END.contains(given_chars[1]) {
            continue;
        }
        // The name must not swallow a word that starts inside it and is a title (张主任).
        let inner_title = (at + 1..end)
            .filter_map(|c| sentence.token_starting_at(c))
            .any(|t| sentence.tokens[t].info.title.is_some());
        if inner_title {
            continue;
        }
        return Some(end);
    }
    None
}
