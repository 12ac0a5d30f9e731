//! Organizations named by a place and a short name, with no organ word the grammar of [`super::orgs`]
//! knows: sports teams (上海海港队, 广厦队: a place, a nickname, 队) and schools known by their
//! number (北京四中, 杭州二小). The nickname of a team is never a place of its own.

use crate::model::EntityKind;

use super::analysis::{Sentence, Token, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::{Lexicons, PlaceLevel};

/// Rule ids of this module.
pub const TEAM: &str = "org:team";
pub const SCHOOL: &str = "org:school";

/// Words ending in 队 that name a kind of group, not a team (部队, 乐队, 医疗队).
const GROUPS: [&str; 30] = [
    "部队",
    "军队",
    "团队",
    "乐队",
    "车队",
    "梯队",
    "排队",
    "领队",
    "带队",
    "入队",
    "归队",
    "舰队",
    "球队",
    "主队",
    "客队",
    "全队",
    "该队",
    "本队",
    "两队",
    "各队",
    "国家队",
    "医疗队",
    "救援队",
    "工作队",
    "突击队",
    "志愿队",
    "巡逻队",
    "施工队",
    "代表队",
    "护卫队",
];

/// Dictionary frequency from which two chars are taken for a word rather than the end of a
/// school's name and the start of the next word (小区).
const COMMON_WORD: usize = 200;

/// Chars of the numbers that name schools (四中, 十一中).
const SCHOOL_NUMBERS: &str = "一二三四五六七八九十";

/// Finds teams and numbered schools.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    for (i, token) in tokens.iter().enumerate() {
        // Most words end with neither 队 nor 中 nor 小.
        if !matches!(sentence.chars[token.end - 1], '队' | '中' | '小') {
            continue;
        }
        if let Some(start) = team_start(sentence, lexicons, i) {
            out.push(Candidate::new(
                start,
                token.end,
                EntityKind::Org,
                TEAM,
                priority::GRAMMAR,
            ));
            continue;
        }
        if let Some(start) = school_start(sentence, lexicons, i) {
            out.push(Candidate::new(
                start,
                token.end,
                EntityKind::Org,
                SCHOOL,
                priority::GRAMMAR,
            ));
        }
    }
}

fn all_han(sentence: &Sentence, token: &Token) -> bool {
    sentence.chars[token.start..token.end]
        .iter()
        .all(|&c| is_han(c))
}

/// A place that may name a team's or a school's home (上海, 辽宁, 金州).
fn is_home(token: &Token) -> bool {
    token.info.place.is_some() && !token.info.not_place
}

/// Where the team ending with token `index` starts: `广汇队`, `海牛 队` or `新疆 广汇队`, when
/// the nickname is no kind of group and a place or the segmenter vouches for it.
fn team_start(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    if !token.word.ends_with('队') || token.info.org || !all_han(sentence, token) {
        return None;
    }
    // The nickname: the chars before 队 in the token, or the token before a lone 队.
    let (nickname_start, nickname_len, nickname_token) = if token.len() == 1 {
        let previous = tokens.get(index.checked_sub(1)?)?;
        if !all_han(sentence, previous)
            || previous.len() < 2
            || previous.info.title.is_some()
            || previous.info.org
            || !matches!(previous.pos, "ns" | "nz" | "nr" | "nt" | "j" | "n")
        {
            return None;
        }
        (previous.start, previous.len(), index - 1)
    } else {
        (token.start, token.len() - 1, index)
    };
    if !(2..=4).contains(&nickname_len) || GROUPS.contains(&token.word) {
        return None;
    }
    let word: String = sentence.slice(nickname_start, token.end);
    if GROUPS.iter().any(|g| word.ends_with(g)) {
        return None;
    }
    let home = nickname_token
        .checked_sub(1)
        .map(|h| &tokens[h])
        .filter(|h| is_home(h));
    match home {
        Some(home) => Some(home.start),
        // No place before it: the nickname is enough when the segmenter did not know the word
        // (广厦队) or tagged it as a name (泰山队/nz).
        None => {
            // 大连人/n 队: the nickname starts with its city.
            let nickname = &tokens[nickname_token];
            let city_first = nickname.len() >= 3
                && lexicons
                    .get(&sentence.slice(nickname.start, nickname.start + 2))
                    .place
                    .is_some_and(|p| p.level != PlaceLevel::County);
            let vouched = city_first
                || (token.len() > 1 && (!token.known || matches!(token.pos, "nt" | "nz")))
                || (token.len() == 1
                    && matches!(tokens[nickname_token].pos, "nz" | "nt" | "ns")
                    && tokens[nickname_token].info.place.is_none());
            vouched.then_some(nickname_start)
        }
    }
}

/// Where the numbered school ending with token `index` starts: a place and 四中, 十一中, 二小
/// (杭州 二中), or one word holding both (北京四中).
fn school_start(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    let chars = &sentence.chars[token.start..token.end];
    let (&last, rest) = chars.split_last()?;
    if !matches!(last, '中' | '小') {
        return None;
    }
    let digits = rest
        .iter()
        .rev()
        .take_while(|c| SCHOOL_NUMBERS.contains(**c))
        .count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    // 一小 区内: the number word's last char and the next word's first make a common word
    // (小区), and the next word is cut wrongly; 二中 的, 一中 百年 stay schools.
    if let Some(next) = sentence.token_starting_at(token.end).map(|n| &tokens[n])
        && next.len() >= 2
    {
        let mut word = String::from(last);
        word.push(sentence.chars[next.start]);
        if sentence.word_frequency(&word) >= COMMON_WORD {
            return None;
        }
    }
    let head_len = rest.len() - digits;
    if head_len == 0 {
        let home = &tokens[index.checked_sub(1)?];
        return is_home(home).then_some(home.start);
    }
    let head: String = rest[..head_len].iter().collect();
    lexicons.get(&head).place.is_some().then_some(token.start)
}

#[cfg(test)]
mod tests {
    use super::super::{has, tagged};

    #[test]
    fn a_place_and_a_nickname_make_a_team() {
        let found = tagged("成都蓉城队在客场与青岛海牛队战平。");
        assert!(has(
            "成都蓉城队在客场与青岛海牛队战平。",
            "ORG",
            "成都蓉城队"
        ));
        assert!(
            found.iter().any(|(k, t)| k == "ORG" && t == "青岛海牛队"),
            "{found:?}"
        );
        assert!(!found.iter().any(|(k, _)| k == "PLACE"), "{found:?}");
        assert!(!has("医疗队抵达灾区", "ORG", "医疗队"));
    }

    #[test]
    fn numbered_schools() {
        assert!(has("杭州二中的学生在竞赛中获得金牌。", "ORG", "杭州二中"));
        assert!(!has("第二中队", "ORG", "二中"));
        assert!(has("西安一中百年校庆", "ORG", "西安一中"));
        assert!(has("民警在南山区一小区内抓获嫌疑人", "PLACE", "南山区"));
    }
}
