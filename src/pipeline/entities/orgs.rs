//! Organizations: the area + organ grammar (高新区党工委, 高新公安分局), names ending in an organ or
//! company word (生态建设工作领导小组, 百川畅银公司) and organizations named on their own (省委).

use crate::model::EntityKind;

use super::analysis::{GLUED_AFTER_NAME, GLUED_BEFORE_NAME, Sentence, Token};
use super::candidates::{Candidate, priority};
use super::lexicons::{Lexicons, OrgEnding, PlaceLevel};

/// Rule ids of this module.
pub const KNOWN: &str = "org:known";
pub const AREA_ORGAN: &str = "org:area-organ";
pub const ORGAN_NAME: &str = "org:organ-name";
pub const COMPANY: &str = "org:company";
pub const SEGMENTER: &str = "org:segmenter";
pub const BEFORE_CORPORATE_TITLE: &str = "org:before-corporate-title";
pub const COMPANY_SHORT: &str = "org:company-short";
pub const BRACKETED_SHORT_FORM: &str = "org:bracketed-short-form";

/// Most words an organization name is built from, and most chars.
const MAX_NAME_TOKENS: usize = 7;
const MAX_NAME_CHARS: usize = 24;

/// How a token can end an organization name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// Names an organization by itself (省委, 管委会).
    Known,
    /// An organ or company word; `bare` when the token is only that word (局, 公司), which then
    /// needs a name before it.
    Organ { bare: bool, ending: OrgEnding },
}

/// How token `index` can end an organization name, if it can.
fn head_of(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<Head> {
    let token = &sentence.tokens[index];
    if token.info.org {
        return Some(Head::Known);
    }
    // 办公室 before a title (兼办公室主任) belongs to the title, unless a name comes before it
    // (城关镇党委书记: the committee of the town).
    if token.info.title_qualifier
        && sentence
            .tokens
            .get(index + 1)
            .is_some_and(|n| n.info.title.is_some())
        && !(index > 0 && may_extend_name(&sentence.tokens[index - 1]))
    {
        return None;
    }
    let (suffix_len, ending) = lexicons.org_suffix_of(token.word)?;
    let len = token.len();
    if suffix_len == len {
        return Some(Head::Organ { bare: true, ending });
    }
    if token.info.not_org {
        // 电力公司 names no company, but 河南省电力公司 does; 格局 and 干部 are no organs at all.
        return (suffix_len >= 2).then_some(Head::Organ { bare: true, ending });
    }
    if suffix_len == 1 {
        // 局, 部, 办 … end many ordinary words (格局, 干部, 落到实处); a word counts only when
        // what comes before the ending is itself a word (发展 局, 公安 局). A word of the
        // dictionary other than a name still needs a name before it (创新 发展局).
        let rest: String = token.word.chars().take(len - 1).collect();
        if len < 3 || !sentence.is_word(&rest) {
            return None;
        }
        let bare = token.known && !matches!(token.pos, "nt" | "nz");
        return Some(Head::Organ { bare, ending });
    }
    Some(Head::Organ {
        bare: false,
        ending,
    })
}

/// An organ word the segmenter glued to the next word's first char (生态环境 局已 介入): the
/// single-char head alone.
fn glued_head(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<Head> {
    let token = &sentence.tokens[index];
    let mut chars = token.word.chars();
    let (head, glued) = (chars.next()?, chars.next()?);
    if token.len() != 2 || token.known || !GLUED_AFTER_NAME.contains(glued) || index == 0 {
        return None;
    }
    let mut buffer = [0u8; 4];
    let (_, ending) = lexicons
        .org_suffix_of(head.encode_utf8(&mut buffer))
        .filter(|(len, _)| *len == 1)?;
    may_extend_name(&sentence.tokens[index - 1]).then_some(Head::Organ { bare: true, ending })
}

/// A single-char area word that can start an organ name (省安委会, 市纪委).
fn is_area_char(token: &Token) -> bool {
    matches!(
        token.word,
        "省" | "市" | "县" | "区" | "州" | "镇" | "乡" | "村" | "盟" | "旗"
    )
}

/// Whether `token` may stand inside an organ or company name, before its head.
pub fn may_extend_name(token: &Token) -> bool {
    !token.is_break()
        && !is_count_of_places(token)
        && !NEVER_IN_NAME.contains(&token.word)
        && token.info.title.is_none()
        && !token.info.person_cue
        && (token.info.place.is_some()
            || token.info.org
            || token.info.org_suffix.is_some()
            || is_area_char(token)
            || token.is_nominal()
            || is_unknown_name(token))
}

/// Nouns that stand before an organization as a verb or a link does (旗下 海川新能源有限公司,
/// 寄语 华中科技大学): they are never part of its name.
const NEVER_IN_NAME: [&str; 8] = [
    "旗下", "寄语", "下属", "所属", "隶属", "包括", "来自", "位于",
];

/// A count of places (三省, 两市): it ends a list of places, it names no organization.
fn is_count_of_places(token: &Token) -> bool {
    token.pos == "ns"
        && token.info.place.is_none()
        && token
            .word
            .starts_with(|c| "一二三四五六七八九十两几多数各".contains(c))
}

/// A word the segmenter did not know and guessed (豫能 in 河南豫能控股): names of companies are
/// full of them.
fn is_unknown_name(token: &Token) -> bool {
    !token.known && token.len() >= 2 && token.word.chars().all(super::analysis::is_han)
}

/// 和 inside a name (住房和城乡建设局, 工业和信息化部), between two plain words; not between two
/// organizations (公安局和交通局).
fn is_inner_and(tokens: &[Token], index: usize) -> bool {
    tokens[index].word == "和"
        && index > 0
        && tokens[index - 1].is_nominal()
        && tokens[index - 1].info.org_suffix.is_none()
        && !tokens[index - 1].info.org
}

/// Words that stand before national bodies as an area does (国家 市场监管总局, 中央 网信办).
fn is_national_word(token: &Token) -> bool {
    matches!(token.word, "国家" | "中央" | "全国" | "中共" | "武警")
}

/// Whether `token` may stand before an organization named on its own: only areas and other
/// organizations (高新区 管委会, 省委 常委会, 国家 市场监管总局).
fn may_prefix_known(token: &Token) -> bool {
    token.info.place.is_some()
        || token.info.org
        || token.pos == "nt"
        || is_area_char(token)
        || is_national_word(token)
        || is_area_unit_word(token)
}

/// Units of an area that carry their own organs (海陵 街道 党工委, 城东 新区 管委会, 黄山 风景区
/// 管委会): the name before them is the area's.
fn is_area_unit_word(token: &Token) -> bool {
    matches!(
        token.word,
        "街道" | "新区" | "风景区" | "景区" | "开发区" | "高新区" | "园区" | "镇" | "乡"
    )
}

/// 附属 between a body and its unit (复旦大学 附属 中山医院): the unit's name goes on.
fn is_affiliation_link(tokens: &[Token], index: usize) -> bool {
    tokens[index].word == "附属"
        && index > 0
        && (tokens[index - 1].info.org
            || tokens[index - 1].pos == "nt"
            || tokens[index - 1].info.org_suffix.is_some())
}

/// A single char inside a company's trade name (深圳市 鹏 达 投资有限公司): the segmenter cuts
/// unknown trade names into chars of any kind; one counts when a name-like word comes before it.
fn is_trade_name_char(tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    token.len() == 1
        && matches!(
            token.pos,
            "v" | "a" | "vg" | "ag" | "ng" | "nr" | "ns" | "nz" | "b"
        )
        && super::analysis::is_han(token.word.chars().next().unwrap_or(' '))
        && index > 0
        && {
            let before = &tokens[index - 1];
            before.info.place.is_none()
                && (before.len() == 1 || !before.known)
                && before.word.chars().all(super::analysis::is_han)
                && before.info.title.is_none()
        }
}

/// 驻 between two places (中国 驻 法国 大使馆): the mission of one country in another is one
/// organization.
fn is_mission_link(tokens: &[Token], index: usize) -> bool {
    tokens[index].word == "驻"
        && index > 0
        && (tokens[index - 1].info.place.is_some() || tokens[index - 1].info.org)
        && tokens
            .get(index + 1)
            .is_some_and(|t| t.info.place.is_some())
}

/// A word the segmenter tags as an organization (中国队, 清华大学) that the lexicons do not
/// contradict; words of learning (伦理学), roads, meetings and districts are left out.
fn is_segmenter_org(sentence: &Sentence, token: &Token) -> bool {
    let last = sentence.chars[token.end - 1];
    token.pos == "nt"
        && token.len() >= 3
        && !"学化路会区".contains(last)
        && !token.info.not_org
        && token.info.place.is_none()
}

/// Finds organization candidates in `sentence`.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if let Some((start, split)) = org_in_title_token(sentence, lexicons, i) {
            let prefix = lexicons.get(&sentence.slice(token.start, split));
            let rule = if prefix.org_suffix.is_some_and(OrgEnding::is_company) {
                COMPANY
            } else if start < token.start || !prefix.org {
                AREA_ORGAN
            } else {
                KNOWN
            };
            found.push(Candidate::new(
                start,
                split,
                EntityKind::Org,
                rule,
                priority::GRAMMAR,
            ));
            continue;
        }
        let (head, end) = match head_of(sentence, lexicons, i) {
            Some(head) => (Some(head), token.end),
            None => match glued_head(sentence, lexicons, i) {
                Some(head) => (Some(head), token.start + 1),
                None => (None, token.end),
            },
        };
        let Some(head) = head else {
            if is_segmenter_org(sentence, token) {
                found.push(Candidate::new(
                    token.start,
                    token.end,
                    EntityKind::Org,
                    SEGMENTER,
                    priority::GRAMMAR,
                ));
            }
            continue;
        };
        // 学校 120 所: a one-char organ word after a count in digits is a measure word (but
        // 中铁 十一 局 is an organ).
        if token.len() == 1
            && i > 0
            && tokens[i - 1].pos == "m"
            && tokens[i - 1]
                .word
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            continue;
        }
        let (first, start) = extend_left(tokens, i, head);
        let has_prefix = start < token.start;
        let (rule, ok) = match head {
            Head::Known if start == token.start => (KNOWN, true),
            Head::Known => (AREA_ORGAN, true),
            Head::Organ { bare, ending } => {
                let ok = (has_prefix || !bare)
                    && (ending != OrgEnding::Trade || holds_proper_name(&tokens[first..=i]));
                let company = ending.is_company();
                let area = tokens[first].info.place.is_some() || is_area_char(&tokens[first]);
                let rule = if company {
                    COMPANY
                } else if area && first < i {
                    AREA_ORGAN
                } else {
                    ORGAN_NAME
                };
                (rule, ok)
            }
        };
        if !ok {
            continue;
        }
        let text = sentence.slice(start, end);
        if lexicons.get(&text).not_org {
            continue;
        }
        found.push(Candidate::new(
            start,
            end,
            EntityKind::Org,
            rule,
            priority::GRAMMAR,
        ));
    }
    merge_adjacent(&mut found);
    let short_forms: Vec<Candidate> = found
        .iter()
        .filter_map(|org| short_form_in_brackets(sentence, org.start, org.end))
        .collect();
    found.extend(short_forms);
    out.extend(found);
}

/// The short form written in brackets right after an organization's full name (浙江大学医学院
/// 附属第一医院（浙大一院）, 国际货币基金组织（IMF）): two to six Chinese chars or two to eight
/// capital letters. A Chinese short form is made of chars of the full name (浙大一院 of 浙江大学
/// 医学院附属第一医院): words in brackets after a name (党工委（扩大）会议) are no short form.
fn short_form_in_brackets(
    sentence: &Sentence,
    org_start: usize,
    org_end: usize,
) -> Option<Candidate> {
    let chars = &sentence.chars;
    if !matches!(chars.get(org_end), Some('（' | '(')) {
        return None;
    }
    let start = org_end + 1;
    let len = chars[start..]
        .iter()
        .position(|&c| matches!(c, '）' | ')'))?;
    let inner = &chars[start..start + len];
    let full = &chars[org_start..org_end];
    let han = (2..=6).contains(&len)
        && len < full.len()
        && inner
            .iter()
            .all(|&c| super::analysis::is_han(c) && full.contains(&c));
    let acronym = (2..=8).contains(&len) && inner.iter().all(|c| c.is_ascii_uppercase());
    (han || acronym).then(|| {
        Candidate::new(
            start,
            start + len,
            EntityKind::Org,
            BRACKETED_SHORT_FORM,
            priority::GRAMMAR,
        )
    })
}

/// The first token of the organization name ending with token `head_index`, and the char it
/// starts at (a token may lend only its last char: the 省 of 暨省安委会).
fn extend_left(tokens: &[Token], head_index: usize, head: Head) -> (usize, usize) {
    let mut first = head_index;
    let mut chars = tokens[head_index].len();
    let mut areas_only = matches!(head, Head::Known);
    let company = matches!(head, Head::Organ { ending, .. } if ending.is_company());
    while first > 0 && head_index - first < MAX_NAME_TOKENS {
        let previous = &tokens[first - 1];
        let affiliated = is_affiliation_link(tokens, first - 1);
        let fits = if is_mission_link(tokens, first - 1) || affiliated {
            true
        } else if areas_only {
            may_prefix_known(previous)
        } else {
            previous.is_ordinal()
                || may_extend_name(previous)
                || is_inner_and(tokens, first - 1)
                || (company && is_trade_name_char(tokens, first - 1))
        };
        if !fits || chars + previous.len() > MAX_NAME_CHARS {
            break;
        }
        // Once an area is reached, only bigger areas may come before it (河南省郑州市公安局);
        // a county's short form that the segmenter took for a plain word (资源 in 规划和资源
        // 管理局) is no area. After 附属 comes the body the unit belongs to.
        if previous
            .info
            .place
            .is_some_and(|p| !(p.short && p.level == PlaceLevel::County && previous.pos != "ns"))
        {
            areas_only = true;
        }
        if affiliated {
            areas_only = true;
        }
        chars += previous.len();
        first -= 1;
        // 对省 交通运输厅: the preposition glued to the name's first word ends the name.
        if starts_with_glued_preposition(previous) {
            break;
        }
    }
    // A name does not start with a number.
    while first < head_index && tokens[first].is_ordinal() {
        first += 1;
    }
    let mut start = tokens[first].start;
    // 对康美 药业: the first word carries the preposition before the name.
    if first < head_index && starts_with_glued_preposition(&tokens[first]) {
        start += 1;
    }
    if first > 0 && start == tokens[first].start {
        let previous = &tokens[first - 1];
        if previous.len() == 2 && previous.info.place.is_none() && ends_with_area_char(previous) {
            start = previous.end - 1;
        }
    }
    (first, start)
}

/// A word the segmenter made of a preposition and the start of a name (对康美, 对省).
fn starts_with_glued_preposition(token: &Token) -> bool {
    !token.known && token.len() >= 2 && token.word.starts_with(|c| GLUED_BEFORE_NAME.contains(c))
}

/// A word the segmenter glued to an area char (暨省): the char still prefixes the organ.
fn ends_with_area_char(token: &Token) -> bool {
    token
        .word
        .chars()
        .last()
        .is_some_and(|c| "省市县区".contains(c))
        && token.pos == "ns"
}

/// The organization inside a token that ends with a title (市委书记, 城关镇 党委书记): its first
/// char (with the areas or name before the token) and the char where the title starts.
pub fn org_in_title_token(
    sentence: &Sentence,
    lexicons: &Lexicons,
    index: usize,
) -> Option<(usize, usize)> {
    let token = &sentence.tokens[index];
    if token.info.title.is_some() || token.info.org {
        return None;
    }
    let (title_len, _) = lexicons.title_suffix_of(token.word)?;
    let split = token.end - title_len;
    let prefix = lexicons.get(&sentence.slice(token.start, split));
    let head = if prefix.org {
        Head::Known
    } else if prefix.org_suffix.is_some()
        && index > 0
        && may_extend_name(&sentence.tokens[index - 1])
    {
        Head::Organ {
            bare: true,
            ending: OrgEnding::Organ,
        }
    } else {
        return None;
    };
    let (_, start) = extend_left(&sentence.tokens, index, head);
    Some((start, split))
}

/// Whether a company name holds a proper name (长城 in 长城汽车, 百川 in 百川环境科技), not only
/// common words (新款电动汽车).
fn holds_proper_name(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        matches!(
            t.pos,
            "nz" | "nr" | "nrt" | "nrfg" | "ns" | "nt" | "j" | "eng"
        ) || (!t.known && t.len() >= 2 && t.info.org_suffix.is_none())
    })
}

/// Adjacent organizations are one (北京市公安局 + 朝阳分局): the bigger body and its unit.
fn merge_adjacent(found: &mut Vec<Candidate>) {
    found.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut merged = Vec::new();
    for (i, first) in found.iter().enumerate() {
        let mut last = first;
        while let Some(next) = found[i + 1..]
            .iter()
            .filter(|c| c.start == last.end)
            .max_by_key(|c| c.end)
        {
            last = next;
        }
        if !std::ptr::eq(last, first) {
            // The last part decides what the whole is: a company stays a company.
            let rule = if last.rule == COMPANY {
                COMPANY
            } else {
                AREA_ORGAN
            };
            merged.push(Candidate::new(
                first.start,
                last.end,
                EntityKind::Org,
                rule,
                priority::GRAMMAR,
            ));
        }
    }
    found.extend(merged);
}

/// The short form of a company name (百川畅银 for 百川畅银公司), when it is distinctive enough
/// to stand for the company: three chars or more and not a common word.
pub fn company_short_form(
    name: &str,
    lexicons: &Lexicons,
    is_word: impl Fn(&str) -> bool,
) -> Option<String> {
    let (suffix_len, ending) = lexicons.org_suffix_of(name)?;
    if !ending.is_company() {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let stem: String = chars[..chars.len() - suffix_len].iter().collect();
    let stem_len = chars.len() - suffix_len;
    if stem_len >= 3 && !is_word(&stem) && lexicons.get(&stem).place.is_none() {
        return Some(stem);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{has, tagged};

    #[test]
    fn short_forms_in_brackets_after_a_full_name() {
        let text = "浙江大学医学院附属第一医院（浙大一院）派出专家";
        assert!(has(text, "ORG", "浙大一院"), "{:?}", tagged(text));
        assert!(has("国际货币基金组织（IMF）发布报告", "ORG", "IMF"));
        let found = tagged("高新区召开党工委（扩大）会议");
        assert!(!found.iter().any(|(_, t)| t == "扩大"), "{found:?}");
    }

    #[test]
    fn area_units_and_their_organs_are_one_organization() {
        for (text, org) in [
            ("海陵街道党工委召开会议", "海陵街道党工委"),
            ("城东新区管委会发布政策", "城东新区管委会"),
            ("武警福建省总队开展训练", "武警福建省总队"),
            ("旗下海川新能源有限公司完成融资", "海川新能源有限公司"),
        ] {
            assert!(has(text, "ORG", org), "{text}: {:?}", tagged(text));
        }
    }

    #[test]
    fn an_area_and_its_organ_are_one_organization() {
        assert!(has("高新区党工委召开会议", "ORG", "高新区党工委"));
        assert!(has("高新公安分局民警赶到现场", "ORG", "高新公安分局"));
        assert!(has("暨省安委会全体会议", "ORG", "省安委会"));
        assert!(has(
            "北京市公安局朝阳分局破获一起案件",
            "ORG",
            "北京市公安局朝阳分局"
        ));
    }

    #[test]
    fn long_names_with_and_missions_and_affiliated_units() {
        for (text, org) in [
            ("宿州市发展和改革委员会印发通知", "宿州市发展和改革委员会"),
            (
                "浦东新区规划和资源管理局公布结果",
                "浦东新区规划和资源管理局",
            ),
            ("中国驻德国大使馆发表声明", "中国驻德国大使馆"),
            ("复旦大学附属中山医院的医生", "复旦大学附属中山医院"),
            ("江苏省委常委会召开会议", "江苏省委常委会"),
            ("深圳市鹏达投资有限公司中标", "深圳市鹏达投资有限公司"),
        ] {
            assert!(has(text, "ORG", org), "{text}: {:?}", tagged(text));
        }
    }

    #[test]
    fn an_organ_word_alone_names_nobody() {
        for text in [
            "公司规模处于国内第一",
            "各办事处主要负责人参会",
            "形成良好的工作格局",
        ] {
            let found = tagged(text);
            assert!(
                found.iter().all(|(kind, _)| kind != "ORG"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn kinds_of_company_are_no_company_unless_named() {
        let found = tagged("两家保险公司和一家科技公司参与了投资");
        assert!(found.iter().all(|(kind, _)| kind != "ORG"), "{found:?}");
        assert!(has("河南省电力公司组织抢修", "ORG", "河南省电力公司"));
    }

    #[test]
    fn trade_named_companies_need_a_proper_name() {
        assert!(
            !tagged("公司发布了新款电动汽车")
                .iter()
                .any(|(k, _)| k == "ORG")
        );
        assert!(has(
            "百川环境科技是国家级高新技术企业",
            "ORG",
            "百川环境科技"
        ));
    }
}
