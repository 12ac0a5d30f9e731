//! Organizations: the area + organ grammar (高新区党工委, 高新公安分局), names ending in an organ or
//! company word (生态建设工作领导小组, 百川畅银公司) and organizations named on their own (省委).

use crate::model::EntityKind;

use super::analysis::{Sentence, Token};
use super::candidates::{Candidate, priority};
use super::lexicons::Lexicons;

/// Rule ids of this module.
pub const KNOWN: &str = "org:known";
pub const AREA_ORGAN: &str = "org:area-organ";
pub const ORGAN_NAME: &str = "org:organ-name";
pub const COMPANY: &str = "org:company";
pub const SEGMENTER: &str = "org:segmenter";
pub const BEFORE_CORPORATE_TITLE: &str = "org:before-corporate-title";
pub const COMPANY_SHORT: &str = "org:company-short";

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
    Organ { bare: bool, company: bool },
}

fn head_of(token: &Token, lexicons: &Lexicons, next: Option<&Token>) -> Option<Head> {
    if token.info.org {
        return Some(Head::Known);
    }
    // 办公室 before a title (办公室主任) belongs to the title.
    if token.info.title_qualifier && next.is_some_and(|n| n.info.title.is_some()) {
        return None;
    }
    let (suffix_len, company) = lexicons.org_suffix_of(token.word)?;
    let len = token.len();
    let bare = suffix_len == len;
    if !bare && (token.info.not_org || (suffix_len < 2 && len < 3)) {
        return None;
    }
    Some(Head::Organ { bare, company })
}

/// A single-char area word that can start an organ name (省安委会, 市纪委).
fn is_area_char(token: &Token) -> bool {
    matches!(token.word, "省" | "市" | "县" | "区" | "州" | "镇" | "乡" | "村" | "盟" | "旗")
}

/// Whether `token` may stand inside an organ or company name, before its head.
fn may_extend_name(token: &Token) -> bool {
    !token.is_break()
        && token.info.title.is_none()
        && !(token.info.title_qualifier && token.info.org_suffix.is_none())
        && !token.info.person_cue
        && (token.info.place.is_some()
            || token.info.org
            || token.info.org_suffix.is_some()
            || is_area_char(token)
            || token.is_nominal())
}

/// Whether `token` may stand before an organization named on its own: only areas and other
/// organizations (高新区 管委会, 省委 常委会).
fn may_prefix_known(token: &Token) -> bool {
    token.info.place.is_some() || token.info.org || is_area_char(token)
}

/// Finds organization candidates in `sentence`.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    for (i, token) in tokens.iter().enumerate() {
        if let Some(candidate) = split_org_title(sentence, lexicons, i) {
            out.push(candidate);
            continue;
        }
        let Some(head) = head_of(token, lexicons, tokens.get(i + 1)) else {
            if token.pos == "nt"
                && token.len() >= 4
                && !token.info.not_org
                && token.info.place.is_none()
            {
                out.push(Candidate::new(
                    token.start,
                    token.end,
                    EntityKind::Org,
                    SEGMENTER,
                    priority::GRAMMAR,
                ));
            }
            continue;
        };
        let first = extend_left(tokens, i, head);
        let has_prefix = first < i && !tokens[first..i].iter().all(Token::is_ordinal);
        let (rule, ok) = match head {
            Head::Known if first == i => (KNOWN, true),
            Head::Known => (AREA_ORGAN, true),
            Head::Organ { bare, company } => {
                let ok = has_prefix || !bare;
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
        let start = tokens[first].start;
        let text = sentence.slice(start, token.end);
        if lexicons.get(&text).not_org {
            continue;
        }
        out.push(Candidate::new(
            start,
            token.end,
            EntityKind::Org,
            rule,
            priority::GRAMMAR,
        ));
    }
}

/// The first token of the organization name ending with token `head_index`.
fn extend_left(tokens: &[Token], head_index: usize, head: Head) -> usize {
    let mut first = head_index;
    let mut chars = tokens[head_index].len();
    let mut areas_only = matches!(head, Head::Known);
    while first > 0 && head_index - first < MAX_NAME_TOKENS {
        let previous = &tokens[first - 1];
        let fits = if areas_only {
            may_prefix_known(previous)
        } else if previous.is_ordinal() {
            first == head_index
        } else {
            may_extend_name(previous)
        };
        if !fits || chars + previous.len() > MAX_NAME_CHARS {
            break;
        }
        // Once an area is reached, only bigger areas may come before it (河南省郑州市公安局).
        if previous.info.place.is_some() {
            areas_only = true;
        }
        chars += previous.len();
        first -= 1;
    }
    // A name does not start with a number or with a verb.
    while first < head_index
        && (tokens[first].is_ordinal()
            || (tokens[first].info.org_name_word && !tokens[first].is_nominal_noun()))
    {
        first += 1;
    }
    first
}

impl Token<'_> {
    /// A noun proper (not a verb that the org lexicon allows inside names).
    fn is_nominal_noun(&self) -> bool {
        matches!(self.pos, "n" | "nz" | "nt" | "ns" | "j" | "vn" | "ng" | "l" | "b")
    }
}

/// A token that is an organization followed by a title (市委书记): the organization part.
fn split_org_title(sentence: &Sentence, lexicons: &Lexicons, index: usize) -> Option<Candidate> {
    let token = &sentence.tokens[index];
    if token.info.title.is_some() || token.info.org {
        return None;
    }
    let (title_len, _) = lexicons.title_suffix_of(token.word)?;
    let split = token.end - title_len;
    let org = sentence.slice(token.start, split);
    lexicons.get(&org).org.then(|| {
        Candidate::new(
            token.start,
            split,
            EntityKind::Org,
            KNOWN,
            priority::GRAMMAR,
        )
    })
}

/// The short form of a company name (百川畅银 for 百川畅银公司), when it is distinctive enough
/// to stand for the company: three chars or more and not a common word.
pub fn company_short_form(name: &str, lexicons: &Lexicons, is_word: impl Fn(&str) -> bool) -> Option<String> {
    let (suffix_len, company) = lexicons.org_suffix_of(name)?;
    if !company {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let stem: String = chars[..chars.len() - suffix_len].iter().collect();
    let stem_len = chars.len() - suffix_len;
    // The stem may itself end with a company word (百川环境科技有限公司 → 百川环境科技 → 百川环境).
    if stem_len >= 3 && !is_word(&stem) && lexicons.get(&stem).place.is_none() {
        return Some(stem);
    }
    None
}
