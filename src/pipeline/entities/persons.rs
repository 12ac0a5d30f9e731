//! Person names: a surname from the lexicon and a given name of one or two chars, found by the
//! segmenter's name tags (with its false names rejected), before words that show a person
//! (张红军表示) and, in [`name_at`], right after a title.

use super::analysis::{GLUED_AFTER_NAME, Sentence, is_han};
use super::lexicons::Lexicons;

/// Rule ids of this module.
pub const AFTER_TITLE: &str = "person:after-title";
pub const BYLINE: &str = "person:byline";
pub const BEFORE_TITLE: &str = "person:before-title";
pub const REPEATED: &str = "person:repeated";

/// Chars a Chinese name does not end with: they end places and organs (高新区, 发展局).
const NOT_NAME_END: &str = "区市县省局委办村镇乡路街所院部厅处站队组会岛港湾峡赛奖府化";
/// Chars that do not belong to a given name when they follow a surname and a char: they start
/// the next word (王某说, 李明在).
const NOT_GIVEN: &str = "的了在和与及等是为说对将并兼、，,。；：";

/// Most chars of a transliterated name written without a dot (冯德莱恩, 古特雷斯).
const MAX_TRANSLITERATED: usize = 6;

/// Whether the name may end at char `end`: a word starts there, or a glued function char that
/// ends its word right after.
fn name_may_end_at(sentence: &Sentence, end: usize) -> bool {
    sentence.is_boundary(end)
        || (sentence
            .chars
            .get(end)
            .is_some_and(|c| GLUED_AFTER_NAME.contains(*c))
            && sentence.is_boundary(end + 1))
}

/// The end of a person name starting at char `at`, where the context (a title before it, a
/// byline) says a name should be: a transliterated name the segmenter cut into name pieces
/// (布 / 林肯), a surname and one or two chars ending at a word boundary, or a word the segmenter
/// tagged as a name.
pub fn name_at(sentence: &Sentence, lexicons: &Lexicons, at: usize) -> Option<usize> {
    let index = sentence.token_starting_at(at)?;
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    if token.info.not_person
        || token.info.title.is_some()
        || token.info.org
        || token.info.place.is_some_and(|p| !p.short)
        || !is_han(sentence.chars[at])
    {
        return None;
    }
    if let Some(end) = super::foreign_names::linked_name_from(sentence, index) {
        return Some(end);
    }
    // 托/v 卡耶夫/nr: a transliterated name whose first char the segmenter took for a word.
    if token.len() == 1
        && !matches!(
            token.pos,
            "p" | "c"
                | "u"
                | "uj"
                | "ul"
                | "uz"
                | "ud"
                | "ug"
                | "uv"
                | "d"
                | "r"
                | "f"
                | "m"
                | "q"
                | "x"
                | "y"
        )
        && tokens.get(index + 1).is_some_and(|next| {
            next.len() >= 3
                && matches!(next.pos, "nr" | "nrt")
                && next.info.place.is_none()
                && !next.info.org
                && !next.info.not_person
                && ends_like_a_transliteration(&sentence.chars[next.start..next.end])
        })
    {
        return Some(tokens[index + 1].end);
    }
    // 记者 来到: a verb or another word of the dictionary that no name is.
    if token.known
        && matches!(
            token.pos,
            "v" | "vd" | "vn" | "d" | "p" | "c" | "a" | "ad" | "t" | "m" | "r"
        )
    {
        return None;
    }
    if let Some(end) = transliterated_run(sentence, lexicons, index) {
        return Some(end);
    }
    // 米莱/nrt 通/v: a name the segmenter took for a transliteration ends with its word, even
    // where its first char is also a surname.
    if token.pos == "nrt"
        && token.len() >= 2
        && sentence.chars[token.start..token.end]
            .iter()
            .all(|&c| is_han(c))
    {
        return Some(token.end);
    }
    let is_name_tag = matches!(token.pos, "nr" | "nrfg" | "nrt");
    // A function word is not a surname (董事长和总经理), but a pronoun before a given name the
    // segmenter tagged is (何/r 美玲/nr).
    let given_tagged = tokens
        .get(index + 1)
        .is_some_and(|t| matches!(t.pos, "nr" | "nrfg" | "nrt") && t.len() <= 2);
    if token.len() == 1
        && !is_name_tag
        && !(token.pos == "r" && given_tagged)
        && matches!(
            token.pos,
            "c" | "p" | "u" | "uj" | "ul" | "d" | "r" | "f" | "v"
        )
    {
        return None;
    }
    let chars = &sentence.chars;
    if let Some(surname) = lexicons.surname_len(&chars[at..]) {
        let given_start = at + surname;
        // 黄某, 陈某某: a withheld name ends with its 某.
        let withheld = chars[given_start..]
            .iter()
            .take(2)
            .take_while(|&&c| c == '某')
            .count();
        if withheld > 0 {
            return Some(given_start + withheld);
        }
        for given in [2, 1] {
            let end = given_start + given;
            if end > chars.len() || !name_may_end_at(sentence, end) {
                continue;
            }
            let given_chars = &chars[given_start..end];
            if !given_chars
                .iter()
                .all(|&c| is_han(c) && !NOT_GIVEN.contains(c))
            {
                continue;
            }
            // 张军向大会: the segmenter left the next word's first char on the name.
            if given == 2
                && (NOT_NAME_END.contains(given_chars[1])
                    || GLUED_AFTER_NAME.contains(given_chars[1]))
            {
                continue;
            }
            // The name must not swallow a word that starts inside it and is a title (张主任).
            let inner_title = (at + 1..end)
                .filter_map(|c| sentence.token_starting_at(c))
                .any(|t| tokens[t].info.title.is_some() || tokens[t].info.person_cue);
            if inner_title {
                continue;
            }
            return Some(end);
        }
    }
    // 田大勇种/nr 了: a surname and a given name of two chars do not make four chars, unless
    // the first two are a family name of `name-parts.txt` (木村拓哉).
    if is_name_tag
        && token.len() == 4
        && !ends_like_a_transliteration(&chars[token.start..token.end])
        && lexicons.surname_len(&chars[at..]) == Some(1)
        && lexicons
            .get(&sentence.slice(at, at + 2))
            .name_part
            .is_none()
    {
        return Some(at + 3);
    }
    (is_name_tag
        && (2..=4).contains(&token.len())
        && sentence.chars[token.start..token.end]
            .iter()
            .all(|&c| is_han(c) || c == '·'))
    .then_some(token.end)
}

/// Surnames that are also verbs or function words (解, 单, 计): the segmenter cuts them off the
/// given name, so they make a name only where one is expected.
const AMBIGUOUS_SURNAMES: &str = "解单卜况庹仇晏濮蒲计";

/// A name where one is expected (after a title, a role, in a list): [`name_at`], or a surname
/// the segmenter read as a word (教授 解/v 明远/a, 况/c 永华/nz) and a given name of one or two
/// chars.
pub fn expected_name_at(sentence: &Sentence, lexicons: &Lexicons, at: usize) -> Option<usize> {
    name_at(sentence, lexicons, at).or_else(|| {
        let index = sentence.token_starting_at(at)?;
        let token = &sentence.tokens[index];
        let given = sentence.tokens.get(index + 1)?;
        let fits = token.len() == 1
            && AMBIGUOUS_SURNAMES.contains(sentence.chars[at])
            && (1..=2).contains(&given.len())
            && matches!(given.pos, "nr" | "nrfg" | "nz" | "a" | "ns" | "n")
            && given.info.title.is_none()
            && !given.info.person_cue
            && !given.info.org
            && !given.info.not_person
            && given.info.place.is_none_or(|p| p.short)
            && sentence.chars[given.start..given.end]
                .iter()
                .all(|&c| is_han(c))
            && name_may_end_at(sentence, given.end);
        fits.then_some(given.end)
    })
}

/// Last chars of transliterated names that the segmenter cuts off or reads as words (埃尔多安,
/// 托卡耶夫, 伊万诺娃).
const TRANSLITERATION_ENDS: &str = "安塔娃斯尔夫克娜娅";

/// Whether `chars` end with a char that ends transliterated names rather than Chinese ones.
fn ends_like_a_transliteration(chars: &[char]) -> bool {
    chars
        .last()
        .is_some_and(|c| TRANSLITERATION_ENDS.contains(*c))
}

/// A foreign name the segmenter cut into pieces tagged as names (布/nr 林肯/nr, 冯德/nr 莱恩/nrt,
/// 古/a 特雷斯/nr): two or more pieces, the first possibly a lone char.
fn transliterated_run(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let is_piece = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            matches!(t.pos, "nr" | "nrt" | "nrfg")
                && !t.info.not_person
                && t.info.title.is_none()
                && t.info.place.is_none()
                && !t.info.org
                && sentence.chars[t.start..t.end].iter().all(|&c| is_han(c))
        })
    };
    let lone_char = tokens[index].len() == 1
        && !matches!(
            tokens[index].pos,
            "p" | "c" | "u" | "uj" | "ul" | "d" | "r" | "f" | "v" | "m" | "q" | "x"
        );
    let first_fits = is_piece(index) || (lone_char && is_piece(index + 1));
    if !first_fits {
        return None;
    }
    let mut last = index;
    while is_piece(last + 1) && tokens[last + 1].end - tokens[index].start <= MAX_TRANSLITERATED {
        last += 1;
    }
    let foreign = (index..=last).any(|i| tokens[i].pos == "nrt");
    // 埃/ns 尔多/nrt 安/v: the last char of a transliteration, cut off as a word of its own.
    if foreign
        && tokens.get(last + 1).is_some_and(|next| {
            next.len() == 1 && ends_like_a_transliteration(&sentence.chars[next.start..next.end])
        })
    {
        last += 1;
    }
    let pieces = last - index + 1;
    let len = tokens[last].end - tokens[index].start;
    let chinese_name = lexicons
        .surname_len(&sentence.chars[tokens[index].start..])
        .is_some()
        && len <= 3;
    (pieces >= 2 && (foreign || len >= 4 || !is_piece(index) || !chinese_name))
        .then_some(tokens[last].end)
}

#[cfg(test)]
mod tests {
    use super::super::{has, tagged};

    #[test]
    fn transliterated_names_keep_their_last_char() {
        assert!(has("土耳其总统埃尔多安表示", "PERSON", "埃尔多安"));
        assert!(has(
            "哈萨克斯坦总统托卡耶夫会见了代表团",
            "PERSON",
            "托卡耶夫"
        ));
    }

    #[test]
    fn false_names_of_the_segmenter_are_rejected() {
        for text in [
            "要学明白、悟清楚",
            "见了康复是全国首家企业",
            "二抓“宣传教育”",
            "高新区召开会议",
        ] {
            let found = tagged(text);
            assert!(
                found.iter().all(|(kind, _)| kind != "PERSON"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn names_split_by_the_segmenter_are_joined() {
        assert!(has(
            "高新区党工委副书记、管委会主任张红军主持会议",
            "PERSON",
            "张红军"
        ));
        assert!(has("美国国务卿布林肯抵达北京", "PERSON", "布林肯"));
        assert!(has("陕西省科技厅厅长王晓在西安讲话", "PERSON", "王晓"));
    }

    #[test]
    fn dotted_foreign_names_are_one_person() {
        assert!(has(
            "特斯拉首席执行官埃隆·马斯克当天发文",
            "PERSON",
            "埃隆·马斯克"
        ));
    }
}
