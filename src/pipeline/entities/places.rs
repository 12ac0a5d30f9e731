//! Places: the gazetteer of China's divisions, the countries and other places of the lexicons,
//! and the segmenter's place tags where the lexicons do not object.

use crate::model::EntityKind;

use super::analysis::{Sentence, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::{Lexicons, PlaceLevel};

/// Rule ids of this module.
pub const GAZETTEER: &str = "place:gazetteer";
pub const SEGMENTER: &str = "place:segmenter";
pub const TOWN: &str = "place:town";
/// A place the model found with high confidence elsewhere in the same project, suggested where
/// the same word appears again and the model left it open: a bulletin names its own district
/// bare (高新区) in sentences that alone do not show it is a place.
pub const REPEATED: &str = "place:repeated";

/// Endings of towns, villages and new districts, too many for any gazetteer (项店镇, 王庄村,
/// 金普新区).
const TOWN_ENDINGS: [&str; 7] = ["镇", "乡", "村", "街道", "社区", "新区", "开发区"];

/// Endings of scenic areas named after their place (黄山风景区, 雁门关景区, 丽江古城).
const SCENIC_ENDINGS: [&str; 5] = ["风景区", "景区", "古城", "风景名胜区", "旅游区"];

/// Dictionary frequency under which a noun before a town ending is taken for a name.
const RARE_NAME_WORD: usize = 100;

/// Last chars of island names (黄岩岛, 涠洲岛).
const ISLAND_ENDINGS: &str = "岛";

/// Chars that start no place name but that the segmenter glues to one (暨省, 赴京).
const FUNCTION_CHARS: &str = "暨和与及在向从到赴对为是于将把被由经";

/// Chars that end names of events, not places (中超联赛, 广交会).
const EVENT_ENDINGS: &str = "赛会节展";

/// Chars of numbers that start counts of places (三省, 两市), not place names.
const COUNT_CHARS: &str = "一二三四五六七八九十两几多数各";

/// A town or village the segmenter kept in one word (周庄镇/nr, 小岗村): a proper name of two or
/// three chars and a town ending.
fn is_town_word(sentence: &Sentence, token: &super::analysis::Token) -> bool {
    // Checked for every token: most end with no town ending's last char.
    if token.len() < 3
        || !matches!(
            sentence.chars[token.end - 1],
            '镇' | '乡' | '村' | '道' | '区'
        )
    {
        return false;
    }
    let Some(stem) = TOWN_ENDINGS
        .iter()
        .find_map(|ending| token.word.strip_suffix(ending))
    else {
        return false;
    };
    let stem_len = stem.chars().count();
    (2..=3).contains(&stem_len)
        && token.info.place.is_none()
        && !token.info.org
        && !token.info.not_place
        && (!token.known
            || matches!(token.pos, "ns" | "nr" | "nz")
            || (token.pos == "n" && !sentence.is_word(stem)))
        && sentence.chars[token.start..token.end]
            .iter()
            .all(|&c| is_han(c))
        && !FUNCTION_CHARS.contains(sentence.chars[token.start])
        && !COUNT_CHARS.contains(sentence.chars[token.start])
}

/// A town or village whose name the segmenter cut before its last char (龙凤/nr 山镇/ns): the
/// start of the name, when a name-like word of one or two chars comes before a word of two chars
/// ending with 镇, 乡 or 村.
fn town_name_cut_before_ending(sentence: &Sentence, index: usize) -> Option<usize> {
    let token = &sentence.tokens[index];
    if token.len() != 2 || !matches!(sentence.chars[token.end - 1], '镇' | '乡' | '村') {
        return None;
    }
    let name = &sentence.tokens[index.checked_sub(1)?];
    let fits = (1..=2).contains(&name.len())
        && matches!(name.pos, "nr" | "ns" | "nz")
        && name
            .info
            .place
            .is_none_or(|p| p.short || p.level == PlaceLevel::Other)
        && !name.info.not_place
        && !token.info.org
        && is_han(sentence.chars[token.start])
        && sentence.chars[name.start..name.end]
            .iter()
            .all(|&c| is_han(c) && !FUNCTION_CHARS.contains(c) && !COUNT_CHARS.contains(c));
    fits.then_some(name.start)
}

/// A village or town of one char and its ending right after its county or city (安吉县 余村).
fn is_short_town_after_area(sentence: &Sentence, index: usize) -> bool {
    let token = &sentence.tokens[index];
    token.len() == 2
        && matches!(sentence.chars[token.end - 1], '镇' | '乡' | '村')
        && index > 0
        && sentence.tokens[index - 1]
            .info
            .place
            .is_some_and(|p| !p.short && p.level != PlaceLevel::Country)
        && token.info.place.is_none()
        && !token.info.not_place
        && !token.info.org
        && is_han(sentence.chars[token.start])
        && !FUNCTION_CHARS.contains(sentence.chars[token.start])
        && !COUNT_CHARS.contains(sentence.chars[token.start])
        && !"全本该各每此这那".contains(sentence.chars[token.start])
}

/// Whether the word at `index`, tagged as a place by the segmenter alone, stands where a verb
/// does (政策 惠及 全县, 长期 扎根): after an adverb, or between a subject and an object.
fn in_verb_position(sentence: &Sentence, index: usize) -> bool {
    let tokens = &sentence.tokens;
    let Some(previous) = index.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if matches!(previous.pos, "d" | "ad" | "vd") {
        return true;
    }
    tokens[index].len() == 2
        && matches!(previous.pos, "n" | "r")
        && previous.info.place.is_none()
        && tokens
            .get(index + 1)
            .is_some_and(|next| matches!(next.pos, "n" | "m" | "r") && next.info.place.is_none())
}

/// A place the segmenter cut after its first char and glued to a count (山 / 东三省 in 广东、
/// 江苏、山东三省): the end of the place, when the char before the token and the token's first
/// char make a province or city and a count follows.
fn place_before_count(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<usize> {
    let token = &sentence.tokens[index];
    if token.len() < 3 || token.pos != "ns" {
        return None;
    }
    let previous = &sentence.tokens[index.checked_sub(1)?];
    let chars = &sentence.chars;
    if previous.len() != 1 || !COUNT_CHARS.contains(*chars.get(token.start + 1)?) {
        return None;
    }
    let joined = sentence.slice(previous.start, token.start + 1);
    lexicons
        .get(&joined)
        .place
        .is_some_and(|p| matches!(p.level, PlaceLevel::Province | PlaceLevel::City))
        .then_some(token.start + 1)
}

/// A second place right after a province or city (北京 亦庄/nr): a two-char word the segmenter
/// took for a name, whose first char starts no surname, before a pause.
fn place_after_area(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> bool {
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    index > 0
        && is_province_or_city(&tokens[index - 1])
        && token.len() == 2
        && matches!(token.pos, "nr" | "nz")
        && token.info.place.is_none()
        && !token.info.org
        && !token.info.not_place
        && !lexicons.is_surname_char(sentence.chars[token.start])
        && sentence.chars[token.start..token.end]
            .iter()
            .all(|&c| is_han(c))
        && sentence
            .chars
            .get(token.end)
            .is_none_or(|&c| !is_han(c) || "的和与及".contains(c))
}

/// Where a town name of two words before the ending at token `index` starts (和平 里 街道):
/// a proper name of two chars and one more char.
fn two_word_town_name(sentence: &Sentence, index: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let (name, tail) = (&tokens[index - 2], &tokens[index - 1]);
    let fits = tail.len() == 1
        && matches!(tail.pos, "f" | "n" | "ng")
        && name.len() == 2
        && matches!(name.pos, "ns" | "nr" | "nz")
        && name.info.place.is_none_or(|p| p.short)
        && sentence.chars[name.start..tail.end]
            .iter()
            .all(|&c| is_han(c));
    fits.then_some(name.start)
}

/// Finds place candidates in `sentence`.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    for (i, token) in sentence.tokens.iter().enumerate() {
        if let Some(end) = place_before_count(sentence, lexicons, i) {
            out.push(Candidate::new(
                sentence.tokens[i - 1].start,
                end,
                EntityKind::Place,
                GAZETTEER,
                priority::NAME,
            ));
            continue;
        }
        if place_after_area(sentence, lexicons, i) {
            out.push(Candidate::new(
                token.start,
                token.end,
                EntityKind::Place,
                SEGMENTER,
                priority::LOOKUP,
            ));
            continue;
        }
        if is_town_word(sentence, token) || is_short_town_after_area(sentence, i) {
            out.push(Candidate::new(
                token.start,
                token.end,
                EntityKind::Place,
                TOWN,
                priority::NAME,
            ));
            continue;
        }
        // 龙凤/nr 山镇/ns: the segmenter glued the name's last char to the ending.
        if let Some(start) = town_name_cut_before_ending(sentence, i) {
            out.push(Candidate::new(
                start,
                token.end,
                EntityKind::Place,
                TOWN,
                priority::NAME,
            ));
        }
        // Checked for every token: the char test spares most of them the string compares.
        let town_ending = token.len() <= 3
            && matches!(
                sentence.chars[token.end - 1],
                '镇' | '乡' | '村' | '道' | '区'
            )
            && TOWN_ENDINGS.contains(&token.word);
        // 和平/nz 里/f 街道: a name of two words, the second one char.
        if i > 1
            && town_ending
            && let Some(start) = two_word_town_name(sentence, i)
        {
            out.push(Candidate::new(
                start,
                token.end,
                EntityKind::Place,
                TOWN,
                priority::NAME,
            ));
        }
        if i > 0 && town_ending {
            let name = &sentence.tokens[i - 1];
            // 溪头/n 村: a rare word before the ending is a name, a common one (全/本/贫困) not.
            let proper = !name.known
                || matches!(name.pos, "ns" | "nr" | "nz")
                || (name.pos == "n" && sentence.word_frequency(name.word) < RARE_NAME_WORD);
            if proper
                && (1..=3).contains(&name.len())
                && name
                    .info
                    .place
                    .is_none_or(|p| p.short || p.level == PlaceLevel::Other)
                && sentence.chars[name.start..name.end]
                    .iter()
                    .all(|&c| is_han(c))
                && !matches!(
                    name.pos,
                    "m" | "q" | "r" | "p" | "c" | "u" | "d" | "v" | "f"
                )
            {
                out.push(Candidate::new(
                    name.start,
                    token.end,
                    EntityKind::Place,
                    TOWN,
                    priority::NAME,
                ));
            }
        }
        // 黄山 风景区, 丽江 古城: a place and its scenic area are one place.
        if i > 0 && SCENIC_ENDINGS.contains(&token.word) {
            let name = &sentence.tokens[i - 1];
            if name.info.place.is_some() || name.pos == "ns" {
                out.push(Candidate::new(
                    name.start,
                    token.end,
                    EntityKind::Place,
                    TOWN,
                    priority::NAME,
                ));
            }
        }
        if token.info.not_place || token.info.org || token.info.title.is_some() {
            continue;
        }
        let last = sentence.chars[token.end - 1];
        if token.len() >= 3
            && ISLAND_ENDINGS.contains(last)
            && token.info.place.is_none()
            && sentence.chars[token.start..token.end]
                .iter()
                .all(|&c| is_han(c))
        {
            out.push(Candidate::new(
                token.start,
                token.end,
                EntityKind::Place,
                TOWN,
                priority::NAME,
            ));
            continue;
        }
        let rule = match token.info.place {
            // Short forms of zones only prefix an organ (高新公安分局); those of counties are
            // often ordinary words, so they count only where the segmenter agrees.
            Some(place) if place.short && place.level == PlaceLevel::Zone => continue,
            // 海南 文昌: after its province or city a county's short form is a place whatever
            // the segmenter thought.
            Some(place)
                if place.short
                    && place.level == PlaceLevel::County
                    && token.pos != "ns"
                    && !(i > 0 && is_province_or_city(&sentence.tokens[i - 1])) =>
            {
                continue;
            }
            Some(_) => GAZETTEER,
            None if token.pos == "ns"
                && token.len() >= 2
                && !FUNCTION_CHARS.contains(sentence.chars[token.start])
                && !COUNT_CHARS.contains(sentence.chars[token.start])
                && !in_verb_position(sentence, i)
                && !EVENT_ENDINGS.contains(last)
                && token.info.org_suffix.is_none()
                && sentence.chars[token.start..token.end]
                    .iter()
                    .all(|&c| is_han(c)) =>
            {
                SEGMENTER
            }
            None => continue,
        };
        // 周边地区, 沿海区域: a generic area, unless a known place comes before the ending.
        if rule == SEGMENTER
            && let Some(prefix) = token
                .word
                .strip_suffix("地区")
                .or_else(|| token.word.strip_suffix("区域"))
            && lexicons.get(prefix).place.is_none()
        {
            continue;
        }
        // The segmenter glues places together (新疆塔里木盆地): a known place at the start is
        // a place of its own, and so is the rest.
        if rule == SEGMENTER
            && let Some(split) = known_place_prefix(sentence, lexicons, token.start, token.end)
        {
            out.push(Candidate::new(
                token.start,
                split,
                EntityKind::Place,
                GAZETTEER,
                priority::NAME,
            ));
            out.push(Candidate::new(
                split,
                token.end,
                EntityKind::Place,
                SEGMENTER,
                priority::LOOKUP,
            ));
            continue;
        }
        let strength = if rule == GAZETTEER {
            priority::NAME
        } else {
            priority::LOOKUP
        };
        out.push(Candidate::new(
            token.start,
            token.end,
            EntityKind::Place,
            rule,
            strength,
        ));
    }
}

/// Whether `token` names a province or a prefecture-level city.
fn is_province_or_city(token: &super::analysis::Token) -> bool {
    token
        .info
        .place
        .is_some_and(|p| matches!(p.level, PlaceLevel::Province | PlaceLevel::City))
}

/// Where a province or city of China (not a country: 巴西利亚 is not 巴西 + 利亚) at the start of chars `start..end` ends, when at least two
/// chars follow it.
fn known_place_prefix(
    sentence: &Sentence,
    lexicons: &Lexicons,
    start: usize,
    end: usize,
) -> Option<usize> {
    (2..=end.saturating_sub(start + 2))
        .rev()
        .find(|&len| {
            !lexicons.get(&sentence.slice(start + len, end)).not_place
                && lexicons
                    .get(&sentence.slice(start, start + len))
                    .place
                    .is_some_and(|p| matches!(p.level, PlaceLevel::Province | PlaceLevel::City))
        })
        .map(|len| start + len)
}

#[cfg(test)]
mod tests {
    use super::super::{has, tagged};

    #[test]
    fn towns_named_like_words_are_kept_whole() {
        assert!(has("龙凤山镇位于县城北部", "PLACE", "龙凤山镇"));
        assert!(has("北极镇的冬天很冷", "PLACE", "北极镇"));
    }

    #[test]
    fn a_place_and_its_scenic_area_are_one_place() {
        assert!(has("雁门关景区游人如织", "PLACE", "雁门关景区"));
        assert!(has("丽江古城游人如织", "PLACE", "丽江古城"));
        assert!(has("黄山风景区管委会发布通知", "ORG", "黄山风景区管委会"));
    }

    #[test]
    fn gazetteer_places_and_short_forms() {
        assert!(has("布局郑州、武汉、上海三地", "PLACE", "郑州"));
        assert!(has("是河南省第90家上市公司", "PLACE", "河南省"));
        assert!(has("普京在莫斯科会见了印度总理", "PLACE", "莫斯科"));
    }

    #[test]
    fn a_zone_short_form_alone_is_no_place() {
        assert!(!has("树立高新作风", "PLACE", "高新"));
        assert!(has("高新区积极办理", "PLACE", "高新区"));
    }

    #[test]
    fn runs_of_places_and_counts() {
        let found = tagged("广东、江苏、山东三省联合执法");
        for place in ["广东", "江苏", "山东"] {
            assert!(found.contains(&("PLACE".into(), place.into())), "{found:?}");
        }
        assert!(!found.iter().any(|(_, t)| t.contains("三省")), "{found:?}");
        assert!(has("东城区和平里街道开展活动", "PLACE", "和平里街道"));
        assert!(has("小岗村和演丰镇的村民", "PLACE", "演丰镇"));
    }

    #[test]
    fn verbs_the_segmenter_tags_as_places_are_no_places() {
        for text in ["这项政策惠及全县群众", "他们长期扎根山区"] {
            let found = tagged(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn towns_and_glued_places() {
        assert!(has("带队到项店镇调研", "PLACE", "项店镇"));
        assert!(has("在新疆塔里木盆地调研", "PLACE", "新疆"));
        assert!(
            !tagged("公司2021年成功上市")
                .iter()
                .any(|(k, _)| k == "PLACE")
        );
    }
}
