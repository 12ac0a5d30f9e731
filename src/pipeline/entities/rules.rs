//! The rules an editor applies around officials: a title right before a name (管委会主任张红军),
//! lists of titles joined by 、 and 兼 each with its organization, and bylines (记者 孙庆辉).
//! A title is suggested only where a named person holds it.

use crate::model::EntityKind;

use super::analysis::Sentence;
use super::candidates::{Candidate, RoleLink, priority};
use super::lexicons::{Lexicons, TitleKind};
use super::{orgs, persons};

/// Rule ids of this module.
pub const TITLE_BEFORE_NAME: &str = "title:before-name";
pub const BYLINE_TITLE: &str = "title:byline";
pub const TITLE_AFTER_NAME: &str = "title:after-name";

/// A title found in the text: its chars, its kind, and the organization inside its token when
/// the segmenter kept them together (市委书记).
#[derive(Clone, Copy, Debug)]
struct TitleAt {
    start: usize,
    end: usize,
    kind: TitleKind,
    org: Option<(usize, usize)>,
}

/// The title ending with token `index`, with the qualifiers before it (副 书记, 办公室 主任).
fn title_at(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<TitleAt> {
    let tokens = &sentence.tokens;
    let token = &tokens[index];
    let (start, kind, org) = match token.info.title {
        Some(kind) => (token.start, kind, None),
        None => {
            if token.info.org || token.info.not_person {
                return None;
            }
            let (title_len, kind) = lexicons.title_suffix_of(token.word)?;
            let split = token.end - title_len;
            if let Some((org_start, split)) = orgs::org_in_title_token(sentence, lexicons, index) {
                (split, kind, Some((org_start, split)))
            } else if lexicons
                .get(&sentence.slice(token.start, split))
                .title_qualifier
            {
                (token.start, kind, None)
            } else if kind == TitleKind::Byline {
                // 本报记者: the title is 记者.
                (split, kind, None)
            } else {
                return None;
            }
        }
    };
    if org.is_some() || start > token.start {
        return Some(TitleAt {
            start,
            end: token.end,
            kind,
            org,
        });
    }
    // Qualifiers before the title; one that also ends organization names (党委, 办公室) is the
    // organization when a name comes before it (城关镇党委书记).
    let mut first = index;
    while first > 0 && tokens[first - 1].info.title_qualifier {
        let qualifier = &tokens[first - 1];
        if qualifier.info.org_suffix.is_some()
            && first >= 2
            && orgs::may_extend_name(&tokens[first - 2])
        {
            break;
        }
        first -= 1;
    }
    Some(TitleAt {
        start: tokens[first].start,
        end: token.end,
        kind,
        org,
    })
}

/// Finds officials: titles with the names after them, the organizations the titles are held in,
/// and bylines. `orgs_found` are the organization candidates of the sentence.
pub fn find(
    sentence: &Sentence,
    lexicons: &Lexicons,
    orgs_found: &[Candidate],
    out: &mut Vec<Candidate>,
    roles: &mut Vec<RoleLink>,
) {
    let tokens = &sentence.tokens;
    for (index, token) in tokens.iter().enumerate() {
        if token.info.title.is_none() && !lexicons.may_end_with_title(token.word) {
            continue;
        }
        let Some(title) = title_at(sentence, lexicons, index) else {
            continue;
        };
        let mut names = Vec::new();
        let mut at = title.end;
        loop {
            if title.kind == TitleKind::Byline {
                while at < sentence.chars.len() && sentence.chars[at].is_whitespace() {
                    at += 1;
                }
            }
            let Some(end) = persons::expected_name_at(sentence, lexicons, at) else {
                break;
            };
            names.push((at, end));
            // A byline may list several names (记者 王某 李某).
            if title.kind != TitleKind::Byline
                || !sentence
                    .chars
                    .get(end)
                    .is_some_and(|c| c.is_whitespace() || *c == '、')
            {
                break;
            }
            at = end + 1;
        }
        let Some(&person) = names.first() else {
            if title.kind != TitleKind::Byline
                && let Some(person) = name_before(sentence, lexicons, title.start)
            {
                out.push(Candidate::new(
                    person.0,
                    person.1,
                    EntityKind::Person,
                    persons::BEFORE_TITLE,
                    priority::CHAIN,
                ));
                out.push(Candidate::new(
                    title.start,
                    title.end,
                    EntityKind::Title,
                    TITLE_AFTER_NAME,
                    priority::CHAIN,
                ));
                roles.push(RoleLink {
                    person,
                    title: (title.start, title.end),
                    org: None,
                });
            }
            continue;
        };
        let (title_rule, person_rule) = if title.kind == TitleKind::Byline {
            (BYLINE_TITLE, persons::BYLINE)
        } else {
            (TITLE_BEFORE_NAME, persons::AFTER_TITLE)
        };
        for &(start, end) in &names {
            out.push(Candidate::new(
                start,
                end,
                EntityKind::Person,
                person_rule,
                priority::CHAIN,
            ));
        }
        for held in chain_before(sentence, lexicons, orgs_found, title, out) {
            out.push(Candidate::new(
                held.start,
                held.end,
                EntityKind::Title,
                title_rule,
                priority::CHAIN,
            ));
            roles.push(RoleLink {
                person,
                title: (held.start, held.end),
                org: held.org,
            });
        }
    }
}

/// The titles held by the person named after `last`: `last` and those listed before it with 、
/// or 兼, each with the organization written before it. Organizations a corporate title implies
/// (百川畅银董事长) are added to `out`.
fn chain_before(
    sentence: &Sentence,
    lexicons: &Lexicons,
    orgs_found: &[Candidate],
    last: TitleAt,
    out: &mut Vec<Candidate>,
) -> Vec<TitleAt> {
    let mut chain = Vec::new();
    let mut joined_by_jian = Vec::new();
    let mut title = last;
    loop {
        let mut cursor = title.start;
        if title.org.is_none() {
            let before = orgs_found
                .iter()
                .filter(|o| o.end == title.start)
                .max_by_key(|o| o.len());
            title.org = match before {
                Some(org) => Some((org.start, org.end)),
                None if title.kind == TitleKind::Corporate => {
                    implied_company(sentence, title.start, out)
                }
                None => None,
            };
        }
        if let Some((start, _)) = title.org {
            cursor = start;
        }
        chain.push(title);
        // A separator, then another title ending right before it.
        let Some(separator) = token_ending_at(sentence, cursor) else {
            break;
        };
        let word = sentence.tokens[separator].word;
        if !matches!(word, "、" | "兼") || separator == 0 {
            break;
        }
        let Some(previous) = title_at(sentence, lexicons, separator - 1) else {
            break;
        };
        if previous.kind == TitleKind::Byline {
            break;
        }
        joined_by_jian.push(word == "兼");
        title = previous;
    }
    chain.reverse();
    joined_by_jian.reverse();
    // A title joined by 兼 without its own organization is held in the one before it
    // (领导小组副组长兼办公室主任: the office of that group).
    for i in 1..chain.len() {
        if joined_by_jian[i - 1] && chain[i].org.is_none() {
            chain[i].org = chain[i - 1].org;
        }
    }
    chain
}

/// The company a corporate title right after a name implies (百川畅银 in 百川畅银董事长): the run
/// of nouns before the title.
fn implied_company(
    sentence: &Sentence,
    title_start: usize,
    out: &mut Vec<Candidate>,
) -> Option<(usize, usize)> {
    let last = token_ending_at(sentence, title_start)?;
    let mut first = last + 1;
    while first > 0 {
        let token = &sentence.tokens[first - 1];
        let nominal = matches!(
            token.pos,
            "n" | "nz" | "ns" | "ng" | "nr" | "nrt" | "j" | "eng" | "nt"
        );
        if !nominal || token.info.title.is_some() || token.info.person_cue || last + 1 - first >= 4
        {
            break;
        }
        first -= 1;
    }
    if first > last {
        return None;
    }
    let start = sentence.tokens[first].start;
    if title_start - start < 2 {
        return None;
    }
    out.push(Candidate::new(
        start,
        title_start,
        EntityKind::Org,
        orgs::BEFORE_CORPORATE_TITLE,
        priority::GRAMMAR,
    ));
    Some((start, title_start))
}

/// A name written right before a title (钟南山院士, 张红军书记): a word the segmenter tagged as a
/// name or a place it does not know as one, a surname and one or two chars, after a break or a
/// function word, so that a title of someone else (主任张三书记) is not mistaken for it.
fn name_before(
    sentence: &Sentence,
    lexicons: &Lexicons,
    title_start: usize,
) -> Option<(usize, usize)> {
    let last = token_ending_at(sentence, title_start)?;
    let token = &sentence.tokens[last];
    let (start, first) = if (2..=3).contains(&token.len())
        && matches!(token.pos, "nr" | "nrfg" | "ns")
        && token.info.place.is_none()
        && !token.info.not_person
    {
        (token.start, last)
    } else if last > 0 && token.len() <= 2 && sentence.tokens[last - 1].len() == 1 {
        (sentence.tokens[last - 1].start, last - 1)
    } else {
        return None;
    };
    let chars = &sentence.chars[start..title_start];
    if !chars.iter().all(|&c| super::analysis::is_han(c))
        || lexicons.surname_len(chars).is_none()
        || persons::name_at(sentence, lexicons, start) != Some(title_start)
    {
        return None;
    }
    let after_break = first == 0 || {
        let before = &sentence.tokens[first - 1];
        before.is_break() || matches!(before.pos, "p" | "c" | "u" | "uj" | "v" | "d")
    };
    after_break.then_some((start, title_start))
}

/// The index of the token ending at char `at`.
fn token_ending_at(sentence: &Sentence, at: usize) -> Option<usize> {
    let i = sentence.tokens.partition_point(|t| t.end < at);
    sentence.tokens.get(i).filter(|t| t.end == at).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::super::{has, tagged};

    #[test]
    fn titles_joined_by_jian_are_split_and_hold_the_name() {
        let text = "生态建设工作领导小组副组长兼办公室主任孙君甫参加会议。";
        assert!(has(text, "ORG", "生态建设工作领导小组"));
        assert!(has(text, "TITLE", "副组长"));
        assert!(has(text, "TITLE", "办公室主任"));
        assert!(has(text, "PERSON", "孙君甫"));
    }

    #[test]
    fn a_title_without_a_name_is_not_suggested() {
        let found = tagged("各议事协调机构副组长兼办公室主任参会。");
        assert!(found.iter().all(|(kind, _)| kind != "TITLE"), "{found:?}");
    }

    #[test]
    fn bylines_name_their_reporters() {
        let text = "本报记者 王晓明 通讯员 李冬";
        assert!(has(text, "TITLE", "记者"));
        assert!(has(text, "PERSON", "王晓明"));
        assert!(has(text, "TITLE", "通讯员"));
        assert!(has(text, "PERSON", "李冬"));
        assert!(has("(记者梅世雄)", "PERSON", "梅世雄"));
    }

    #[test]
    fn a_corporate_title_makes_the_words_before_it_a_company() {
        let text = "张红军接待百川畅银董事长陈功海一行";
        assert!(has(text, "ORG", "百川畅银"));
        assert!(has(text, "TITLE", "董事长"));
        assert!(has(text, "PERSON", "陈功海"));
    }
}
