//! Person names: a surname from the lexicon and a given name of one or two chars, found by the
//! segmenter's name tags (with its false names rejected), before words that show a person
//! (张红军表示) and, in [`name_at`], right after a title.

use crate::model::EntityKind;

use super::analysis::{GLUED_AFTER_NAME, Sentence, Token, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::Lexicons;

/// Rule ids of this module.
pub const SEGMENTER: &str = "person:surname-given";
pub const TRANSLITERATED: &str = "person:transliterated";
pub const BEFORE_CUE: &str = "person:before-cue";
pub const AFTER_TITLE: &str = "person:after-title";
pub const BYLINE: &str = "person:byline";
pub const BEFORE_TITLE: &str = "person:before-title";
pub const REPEATED: &str = "person:repeated";
pub const ANONYMISED: &str = "person:anonymised";
pub const AFTER_CUE: &str = "person:after-cue";
pub const COMPOUND_SURNAME: &str = "person:compound-surname";

/// Chars a Chinese name does not end with: they end places and organs (高新区, 发展局).
const NOT_NAME_END: &str = "区市县省局委办村镇乡路街所院部厅处站队组会岛港湾峡赛奖府化";
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
        // 二中/nrt, 七中: a number starts no transliterated name.
        return chars.len() >= 2
            && chars.iter().all(|&c| is_han(c) || c == '·')
            && !"一二三四五六七八九十百千万两".contains(chars[0]);
    }
    if !chars.iter().all(|&c| is_han(c)) || NOT_NAME_END.contains(chars[chars.len() - 1]) {
        return false;
    }
    // 将于本周六: the "given name" is a time word (本周, 下月, 今年).
    if chars.len() == 3
        && "本下上今明昨每前后当".contains(chars[1])
        && "周年月日天晚午".contains(chars[2])
    {
        return false;
    }
    // 伊万诺娃/nr: four chars ending like a transliteration name a foreigner, surname or not.
    if chars.len() >= 4 && ends_like_a_transliteration(chars) {
        return true;
    }
    let Some(surname) = lexicons.surname_len(chars) else {
        return false;
    };
    let given = chars.len() - surname;
    if !(1..=2).contains(&given) {
        return false;
    }
    // Two-char words of the dictionary tagged `nr` are often ordinary words, and the frequent
    // ones are (明白, 康复, 智慧); the names it knows (莫言, 姚明) are rare words.
    !(token.known
        && token.pos == "nr"
        && chars.len() == 2
        && sentence.word_frequency(token.word) >= RARE_WORD)
}

/// Dictionary frequency under which a two-char word tagged as a name is taken for one.
const RARE_WORD: usize = 500;

/// Whether the two-char "name" at `index` sits between nouns, as part of a compound noun
/// (节日 安保 工作): a name there would need a title or a particle.
fn inside_a_compound_noun(tokens: &[Token], index: usize) -> bool {
    let nounish = |t: &Token| matches!(t.pos, "n" | "vn" | "t" | "an" | "nz");
    tokens[index].len() == 2
        && index > 0
        && nounish(&tokens[index - 1])
        && tokens[index - 1].info.title.is_none()
        && tokens.get(index + 1).is_some_and(nounish)
}

/// Finds person candidates that need no title: the segmenter's names and names before a cue.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    // Tokens before this index belong to a name already found.
    let mut covered_until = 0;
    for (i, token) in tokens.iter().enumerate() {
        // 司马/nr 红军, 欧阳/ns 志远, 上官云/nr 飞: a compound surname and the given name the
        // segmenter cut off or took for a place.
        if i >= covered_until
            && let Some(end) = compound_surname_name(sentence, lexicons, token)
        {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                COMPOUND_SURNAME,
                priority::NAME,
            ));
            covered_until = sentence.token_starting_at(end).unwrap_or(tokens.len());
            continue;
        }
        // 选手全红婵, 犯罪嫌疑人张某: a role that is no title, right before a name.
        if token.info.person_cue_before
            && let Some(end) = expected_name_at(sentence, lexicons, token.end)
        {
            out.push(Candidate::new(
                token.end,
                end,
                EntityKind::Person,
                AFTER_CUE,
                priority::GRAMMAR,
            ));
        }
        // 张某, 陈某某: names withheld in police and court news.
        if let Some(next) = tokens.get(i + 1)
            && matches!(next.word, "某" | "某某")
            && token.len() <= 2
            && lexicons.surname_len(&sentence.chars[token.start..]) == Some(token.len())
        {
            out.push(Candidate::new(
                token.start,
                next.end,
                EntityKind::Person,
                ANONYMISED,
                priority::NAME,
            ));
            continue;
        }
        if i < covered_until {
            continue;
        }
        // 莫雷/nr 加德/nr: a foreign name the segmenter cut into name pieces.
        if matches!(token.pos, "nr" | "nrt")
            && let Some(end) = transliterated_run(sentence, lexicons, i)
        {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                TRANSLITERATED,
                priority::NAME,
            ));
            covered_until = sentence.token_starting_at(end).unwrap_or(tokens.len());
            continue;
        }
        if matches!(token.pos, "nr" | "nrfg" | "nrt") && token.len() >= 2 {
            let last = sentence.chars[token.end - 1];
            if token.len() == 3 && !token.known && GLUED_AFTER_NAME.contains(last) {
                // 王晓在: the name and the next word's first char.
                if lexicons.surname_len(&sentence.chars[token.start..token.end]) == Some(1) {
                    out.push(Candidate::new(
                        token.start,
                        token.end - 1,
                        EntityKind::Person,
                        SEGMENTER,
                        priority::NAME,
                    ));
                }
                continue;
            }
            if plausible_segmenter_name(token, sentence, lexicons)
                && !inside_a_compound_noun(tokens, i)
            {
                // 葛曼/nr 棋以/p: the HMM left the name's last char on the next word.
                let end = match tokens.get(i + 1) {
                    Some(next)
                        if token.len() == 2
                            && lexicons.surname_len(&sentence.chars[token.start..token.end])
                                == Some(1)
                            && next.len() == 2
                            && !next.known
                            && is_han(sentence.chars[next.start])
                            && GLUED_AFTER_NAME.contains(sentence.chars[next.start + 1]) =>
                    {
                        next.start + 1
                    }
                    _ => token.end,
                };
                let rule = if token.pos == "nrt" {
                    TRANSLITERATED
                } else {
                    SEGMENTER
                };
                out.push(Candidate::new(
                    token.start,
                    end,
                    EntityKind::Person,
                    rule,
                    priority::NAME,
                ));
            }
            continue;
        }
        // 冯/nr 建国/ns 所在: a lone surname the segmenter tagged as a name, and a given name it
        // took for a place or a name that no lexicon knows.
        if let Some(end) = tagged_surname_and_given(sentence, lexicons, i) {
            out.push(Candidate::new(
                token.start,
                end,
                EntityKind::Person,
                SEGMENTER,
                priority::NAME,
            ));
            continue;
        }
        // A name the segmenter cut in two (张 / 红军, 屠/nr 呦 呦) before a word that shows a
        // person, or listed with another name (王亚平、叶光富).
        if token.len() <= 2
            && lexicons.is_surname_char(sentence.chars[token.start])
            && may_show_a_person(tokens, i, token.pos)
            && let Some(end) = name_at(sentence, lexicons, token.start)
            && end - token.start >= 2
            && token.end < end
            && sentence
                .token_starting_at(end)
                .is_some_and(|next| shows_a_person(sentence, lexicons, next, token.pos))
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

/// The end of a name starting at `token` with a compound surname (司马, 欧阳, 皇甫): the token is
/// the surname or a name the segmenter cut short, and a given name of one or two chars follows.
fn compound_surname_name(sentence: &Sentence, lexicons: &Lexicons, token: &Token) -> Option<usize> {
    // Checked for every token: the cheap tests come first.
    if !(2..=3).contains(&token.len())
        || token.info.not_person
        || lexicons.surname_len(&sentence.chars[token.start..]) != Some(2)
    {
        return None;
    }
    let name_tagged = matches!(token.pos, "nr" | "nrfg" | "ns") && token.info.place.is_none();
    // 东方/s 晓/nr, 公孙/n 丽/nr: a surname that is also a word or a place's short form, before
    // a given name the segmenter tagged.
    let given_tagged = token.len() == 2
        && token.info.place.is_none_or(|p| p.short)
        && sentence
            .tokens
            .get(sentence.token_starting_at(token.end)?)
            .is_some_and(|t| matches!(t.pos, "nr" | "nrfg") && t.len() <= 2);
    if !(name_tagged || given_tagged) {
        return None;
    }
    let end = name_at(sentence, lexicons, token.start)?;
    let text = sentence.slice(token.start, end);
    let info = lexicons.get(&text);
    (end - token.start >= 3 && end >= token.end && info.place.is_none() && !info.org).then_some(end)
}

/// The end of a name made of a one-char surname tagged `nr` and a one- or two-char word the
/// segmenter tagged as a place or a name, which the gazetteer does not know (冯/nr 建国/ns).
fn tagged_surname_and_given(
    sentence: &Sentence,
    lexicons: &Lexicons,
    index: usize,
) -> Option<usize> {
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    if token.len() != 1
        || token.pos != "nr"
        || !lexicons.is_surname_char(sentence.chars[token.start])
    {
        return None;
    }
    let given = tokens.get(index + 1)?;
    let fits = given.len() <= 2
        && matches!(given.pos, "ns" | "nr" | "nrfg" | "nz")
        && given.info.place.is_none()
        && given.info.title.is_none()
        && !given.info.org
        && !given.info.not_person
        && given.info.org_suffix.is_none()
        && !NOT_NAME_END.contains(sentence.chars[given.end - 1])
        && sentence.chars[given.start..given.end]
            .iter()
            .all(|&c| is_han(c));
    (fits && name_at(sentence, lexicons, token.start) == Some(given.end)).then_some(given.end)
}

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

/// A quick look at the next few tokens for anything [`shows_a_person`] could accept, before
/// the name itself is worked out.
fn may_show_a_person(tokens: &[Token], index: usize, surname_pos: &str) -> bool {
    tokens.iter().skip(index + 1).take(3).any(|t| {
        t.info.person_cue
            || t.word == "今年"
            || matches!(t.word, "、" | "和" | "与" | "及")
            || (surname_pos == "nr" && t.len() == 1)
    })
}

/// Whether token `next`, right after a name cut in two, shows that the name is a person's: a
/// cue word (表示), another name in a list (、叶光富), or — when the segmenter itself tagged the
/// surname as a name — a function word (屠/nr 呦呦 因).
fn shows_a_person(
    sentence: &Sentence,
    lexicons: &Lexicons,
    next: usize,
    surname_pos: &str,
) -> bool {
    let tokens = &sentence.tokens;
    let token = &tokens[next];
    if token.info.person_cue {
        return true;
    }
    // 何美玲今年67岁: an age is said of people.
    if token.word == "今年"
        && tokens.get(next + 1).is_some_and(|t| t.pos == "m")
        && tokens
            .get(next + 2)
            .is_some_and(|t| t.word.starts_with('岁'))
    {
        return true;
    }
    if matches!(token.word, "、" | "和" | "与" | "及") {
        return tokens.get(next + 1).is_some_and(|t| {
            matches!(t.pos, "nr" | "nrfg")
                && t.len() >= 2
                && lexicons
                    .surname_len(&sentence.chars[t.start..t.end])
                    .is_some()
        });
    }
    surname_pos == "nr"
        && token.len() == 1
        && matches!(token.pos, "p" | "c" | "d" | "u" | "uj" | "v")
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
    fn surnames_read_as_words_make_names_where_a_name_is_expected() {
        assert!(has("技术员解长青说,今年收成好", "PERSON", "解长青"));
        assert!(has("教授解明远认为,前景广阔", "PERSON", "解明远"));
        assert!(has("计文涛、况永华等同志参加了调研", "PERSON", "况永华"));
        let found = tagged("这项计划解决了不少实际困难");
        assert!(found.iter().all(|(k, _)| k != "PERSON"), "{found:?}");
    }

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
    fn compound_surnames_and_given_names_taken_for_places() {
        assert!(has("司马红军是一名退伍军人。", "PERSON", "司马红军"));
        assert!(has("司马光明表示赞同", "PERSON", "司马光明"));
        let found = tagged("欧阳丽华表示,将继续扎根基层。");
        assert!(
            found.contains(&("PERSON".to_string(), "欧阳丽华".to_string())),
            "{found:?}"
        );
        assert!(found.iter().all(|(kind, _)| kind != "PLACE"), "{found:?}");
        assert!(has("冯建国所在的车间被评为先进集体", "PERSON", "冯建国"));
        assert!(has("何美玲今年67岁,是一名退休工人。", "PERSON", "何美玲"));
    }

    #[test]
    fn dotted_foreign_names_are_one_person() {
        assert!(has(
            "特斯拉首席执行官埃隆·马斯克当天发文",
            "PERSON",
            "埃隆·马斯克"
        ));
    }

    #[test]
    fn a_role_before_a_name_shows_a_person_but_is_no_title() {
        let found = tagged("北京时间今天凌晨,中国选手全红婵在跳水世界杯上夺冠。");
        assert!(
            found.contains(&("PERSON".to_string(), "全红婵".to_string())),
            "{found:?}"
        );
        assert!(found.iter().all(|(kind, _)| kind != "TITLE"), "{found:?}");
    }

    #[test]
    fn withheld_names_are_people() {
        assert!(has("抓获犯罪嫌疑人张某等5人", "PERSON", "张某"));
        assert!(has(
            "对涉嫌故意伤害罪的陈某某依法批准逮捕",
            "PERSON",
            "陈某某"
        ));
    }
}
