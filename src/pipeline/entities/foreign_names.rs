//! Names that no Chinese surname starts: foreign names whose parts are joined by a dot or a hyphen
//! (安东尼奥·古特雷斯, 让-皮埃尔·勒布朗), Tibetan names of two parts (普布次仁) and Japanese names
//! (佐藤健一). The segmenter cuts them into pieces of every kind, so the pieces are judged by
//! what surrounds them.

use crate::model::EntityKind;

use super::analysis::{GLUED_AFTER_NAME, Sentence, Token, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::{Lexicons, NamePart};

/// Rule ids of this module.
pub const LINKED: &str = "person:dotted";
pub const NAME_PARTS: &str = "person:name-parts";

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

/// Finds foreign names joined by dots or hyphens, Tibetan names of two parts and Japanese names.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    let mut covered_until = 0;
    for (i, token) in tokens.iter().enumerate() {
        if i < covered_until {
            continue;
        }
        if let Some((first, last)) = linked_name(sentence, i) {
            out.push(Candidate::new(
                tokens[first].start,
                tokens[last].end,
                EntityKind::Person,
                LINKED,
                priority::GRAMMAR,
            ));
            covered_until = last + 1;
            continue;
        }
        if matches!(token.pos, "nr" | "nrt" | "ns" | "nz")
            && let Some(end) = tibetan_name(sentence, lexicons, token.start)
        {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                NAME_PARTS,
                priority::NAME,
            ));
            continue;
        }
        if token.info.name_part == Some(NamePart::JapaneseSurname)
            && let Some(end) = japanese_name(sentence, token)
        {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                NAME_PARTS,
                priority::NAME,
            ));
        }
    }
}

/// Whether a name may end at char `end`: the text ends, a word starts there, or a char that
/// the segmenter glues to a name's end starts the next word.
fn ends_a_name(sentence: &Sentence, end: usize) -> bool {
    let chars = &sentence.chars;
    if end >= chars.len() || !is_han(chars[end]) {
        return true;
    }
    let Some(next) = sentence.token_starting_at(end) else {
        return GLUED_AFTER_NAME.contains(chars[end]) && sentence.is_boundary(end + 1);
    };
    let next = &sentence.tokens[next];
    next.info.person_cue
        || next.info.title.is_some()
        || FUNCTION_POS.contains(&next.pos)
        || matches!(next.pos, "v" | "vn" | "n" | "a")
}

/// The end of a Tibetan name of two parts starting at char `start` (扎西 顿珠, 次仁央宗/nr,
/// 普布次/nr 仁), wherever the segmenter cut it.
fn tibetan_name(sentence: &Sentence, lexicons: &Lexicons, start: usize) -> Option<usize> {
    let chars = &sentence.chars;
    if !lexicons.may_start_name_part(chars[start]) {
        return None;
    }
    let part_at = |from: usize| {
        [3, 2].into_iter().find(|&len| {
            from + len <= chars.len()
                && lexicons.get(&sentence.slice(from, from + len)).name_part
                    == Some(NamePart::Given)
        })
    };
    let first = part_at(start)?;
    let second = part_at(start + first)?;
    let end = start + first + second;
    ends_a_name(sentence, end).then_some(end)
}

/// The end of a Japanese name starting at `token`, a family name: one or two chars of given
/// name follow (佐藤 健一, 铃木 一郎/m).
fn japanese_name(sentence: &Sentence, token: &Token) -> Option<usize> {
    let chars = &sentence.chars;
    let at = token.end;
    [2, 1].into_iter().find_map(|given| {
        let end = at + given;
        let fits = end <= chars.len()
            && chars[at..end].iter().all(|&c| is_han(c))
            && sentence.is_boundary(at)
            && (sentence.is_boundary(end) || GLUED_AFTER_NAME.contains(chars[end]))
            && ends_a_name(sentence, end)
            && sentence.token_starting_at(at).is_some_and(|t| {
                // 一郎/m is a given name; 在/p is not.
                !matches!(
                    sentence.tokens[t].pos,
                    "p" | "c" | "u" | "uj" | "ul" | "d" | "r" | "f" | "x"
                )
            });
        fits.then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::super::has;

    #[test]
    fn names_joined_by_dots_and_hyphens_are_one_person() {
        assert!(has(
            "据报道,玛丽亚·费尔南达·埃斯皮诺萨当天抵达纽约。",
            "PERSON",
            "玛丽亚·费尔南达·埃斯皮诺萨"
        ));
        assert!(has(
            "法国哲学家让-保罗·萨特的作品",
            "PERSON",
            "让-保罗·萨特"
        ));
        assert!(!has("中-美关系", "PERSON", "中-美"));
    }

    #[test]
    fn tibetan_and_japanese_names() {
        assert!(has("牧民扎西顿珠今年45岁", "PERSON", "扎西顿珠"));
        assert!(has("田中美穗在大阪举办个人画展。", "PERSON", "田中美穗"));
    }
}
