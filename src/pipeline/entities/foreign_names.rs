//! Foreign names whose parts are joined by a dot or a hyphen (安东尼奥·古特雷斯, 让-皮埃尔·勒布朗),
//! where a title chain expects a name (德国总理奥拉夫·朔尔茨). The segmenter cuts them into pieces
//! of every kind, so the pieces are judged by what surrounds them. Elsewhere the model finds such
//! names on its own.

use super::analysis::{Sentence, Token, is_han};

/// Dots that join the parts of a foreign name (埃隆·马斯克).
const NAME_DOTS: [&str; 4] = ["·", "•", "・", "‧"];
/// Hyphens that join the parts of a given name (让-保罗).
const NAME_HYPHENS: [&str; 2] = ["-", "－"];
/// Most chars of one part of a linked name (克里斯蒂娜), and of the whole name.
const MAX_PART: usize = 6;
const MAX_NAME: usize = 24;
/// Parts of speech of words that end a name rather than continue it.
const FUNCTION_POS: [&str; 17] = [
    "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "t", "m", "q", "r", "f", "y", "x",
];
/// Parts of speech of the extra pieces of a part, beside the one next to the link.
const PIECE_POS: [&str; 6] = ["nr", "nrt", "nrfg", "ns", "nz", "j"];

fn is_link(token: &Token) -> bool {
    // Checked for every token: one char compare, no string compares.
    token.end - token.start == 1
        && matches!(
            token.word.as_bytes().first(),
            Some(b'-' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
        )
        && (NAME_DOTS.contains(&token.word) || NAME_HYPHENS.contains(&token.word))
}

/// A token that may be a piece of a foreign name: Chinese chars, and nothing the lexicons know
/// as a title, an organization, a cue or a (named) place.
fn may_be_piece(sentence: &Sentence, token: &Token) -> bool {
    let info = &token.info;
    sentence.chars[token.start..token.end]
        .iter()
        .all(|&c| is_han(c))
        && info.title.is_none()
        && !info.org
        && !info.person_cue
        && !info.person_cue_before
        && !info.not_person
        && !(token.len() >= 2 && info.place.is_some())
}

/// Chars of transliterated names that the segmenter reads as function words, verbs or nouns
/// (阿不都 热合曼: 不/d 都/d; 彼得罗 娃/ng), so that a piece made of them counts whatever its tag.
const TRANSLITERATION_CHARS: &str =
    "阿不都热合曼吐尔逊买提艾力古丽依木江汗肯洪努帕克孜拉巴哈斯坦娃娜娅卡莎琳姬";

/// A piece beyond the one next to a link: a word the segmenter tagged as a name of some kind,
/// or up to three chars of transliteration.
fn is_extra_piece(sentence: &Sentence, token: &Token) -> bool {
    may_be_piece(sentence, token)
        && (PIECE_POS.contains(&token.pos)
            || (token.len() <= 3
                && sentence.chars[token.start..token.end]
                    .iter()
                    .all(|&c| TRANSLITERATION_CHARS.contains(c))))
}

/// The end of a linked foreign name that starts with token `index`, for the rules that expect a
/// name at a place (after a title): 德国总理 奥拉夫·朔尔茨.
pub fn linked_name_from(sentence: &Sentence, index: usize) -> Option<usize> {
    (index + 1..sentence.tokens.len().min(index + 4)).find_map(|link| {
        if !is_link(&sentence.tokens[link]) {
            return None;
        }
        let (first, last) = linked_name(sentence, link)?;
        (first <= index).then_some(sentence.tokens[last].end)
    })
}

/// The foreign name whose first link (a dot or a hyphen) is token `link`: (first token, last
/// token), when the pieces around the links look like a name.
fn linked_name(sentence: &Sentence, link: usize) -> Option<(usize, usize)> {
    let tokens = &sentence.tokens;
    if link == 0 || !is_link(&tokens[link]) {
        return None;
    }
    let before = &tokens[link - 1];
    if !may_be_piece(sentence, before) || FUNCTION_POS.contains(&before.pos) && before.len() > 1 {
        return None;
    }
    // The part before the first link: the piece next to it and name-like pieces before that.
    let mut first = link - 1;
    let mut part = before.len();
    while first > 0
        && is_extra_piece(sentence, &tokens[first - 1])
        && part + tokens[first - 1].len() <= MAX_PART
        && !(first >= 2 && is_link(&tokens[first - 2]))
    {
        first -= 1;
        part += tokens[first].len();
    }
    // The parts after each link: everything up to the next link, then name-like pieces.
    let mut last = link;
    let mut dotted = NAME_DOTS.contains(&tokens[link].word);
    let mut name_tagged = matches!(before.pos, "nr" | "nrt" | "nrfg");
    while last < tokens.len() && is_link(&tokens[last]) {
        let next = tokens.get(last + 1)?;
        if !may_be_piece(sentence, next) {
            return None;
        }
        last += 1;
        let mut part = next.len();
        name_tagged |= matches!(next.pos, "nr" | "nrt" | "nrfg");
        while let Some(piece) = tokens.get(last + 1) {
            let before_link = tokens.get(last + 2).is_some_and(is_link);
            let fits = if before_link {
                may_be_piece(sentence, piece)
            } else {
                is_extra_piece(sentence, piece)
            };
            if !fits || part + piece.len() > MAX_PART {
                break;
            }
            last += 1;
            part += piece.len();
            name_tagged |= matches!(piece.pos, "nr" | "nrt" | "nrfg");
        }
        if tokens.get(last + 1).is_some_and(is_link) {
            last += 1;
            dotted |= NAME_DOTS.contains(&tokens[last].word);
        } else {
            break;
        }
    }
    if is_link(&tokens[last]) {
        return None;
    }
    let len = tokens[last].end - tokens[first].start;
    // A hyphen alone also joins places and abbreviations (中-美): a name needs a piece the
    // segmenter took for a name and some length.
    let plausible = dotted || (name_tagged && len >= 4);
    (plausible && len <= MAX_NAME).then_some((first, last))
}
