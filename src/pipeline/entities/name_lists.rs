//! Names listed together (马某、钱某、诸葛某): once one item of a list is a person, the items
//! beside it that have the shape of a name (a surname and one or two chars) are people too.

use crate::model::EntityKind;

use super::analysis::{Sentence, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::Lexicons;
use super::persons::expected_name_at;

/// Rule id of this module.
pub const LISTED: &str = "person:listed";

/// Chars that separate the items of a list of names.
const SEPARATORS: &str = "、和与及/／";
/// Chars that may follow the last name of a list (王某、李某等).
const LIST_ENDS: &str = "、和与及/／等,，。;；:：";

/// Adds the names listed beside the people already among `out`.
pub fn find(sentence: &Sentence, lexicons: &Lexicons, out: &mut Vec<Candidate>) {
    let chars = &sentence.chars;
    let mut queue: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .map(|c| (c.start, c.end))
        .collect();
    let mut seen = queue.clone();
    while let Some((start, end)) = queue.pop() {
        let mut siblings = Vec::with_capacity(2);
        if chars.get(end).is_some_and(|c| SEPARATORS.contains(*c)) {
            let at = end + 1;
            if let Some(next) = listed_name(sentence, lexicons, at) {
                siblings.push((at, next));
            }
        }
        if start >= 3 && SEPARATORS.contains(chars[start - 1]) {
            let item_end = start - 1;
            let found = (2..=4).find_map(|len| {
                let at = item_end.checked_sub(len)?;
                (starts_an_item(sentence, at)
                    && listed_name(sentence, lexicons, at) == Some(item_end))
                .then_some(at)
            });
            if let Some(at) = found {
                siblings.push((at, item_end));
            }
        }
        for sibling in siblings {
            if seen.contains(&sibling) {
                continue;
            }
            seen.push(sibling);
            queue.push(sibling);
            out.push(Candidate::new(
                sibling.0,
                sibling.1,
                EntityKind::Person,
                LISTED,
                priority::NAME,
            ));
        }
    }
}

/// Whether a list item may start at char `at`: the text or a clause starts there, or a word
/// that introduces people (包括, 选手) or a separator comes before it.
fn starts_an_item(sentence: &Sentence, at: usize) -> bool {
    if at == 0 || !is_han(sentence.chars[at - 1]) || SEPARATORS.contains(sentence.chars[at - 1]) {
        return true;
    }
    let Some(index) = sentence.token_starting_at(at) else {
        return false;
    };
    index > 0 && {
        let before = &sentence.tokens[index - 1];
        before.info.person_cue_before || before.info.title.is_some() || before.pos == "v"
    }
}

/// A name of a list starting at char `at`: a surname and one or two chars, ending where the
/// item ends (at a separator, 等, a word about people or a count), and not a known place,
/// organization or ordinary word.
fn listed_name(sentence: &Sentence, lexicons: &Lexicons, at: usize) -> Option<usize> {
    let index = sentence.token_starting_at(at)?;
    let token = &sentence.tokens[index];
    // A place's short form may be a compound surname (东方 晓).
    let compound_surname = token.len() == 2 && token.info.compound_surname;
    if (token.info.place.is_some() && !compound_surname) || token.info.org || token.info.not_person
    {
        return None;
    }
    let end = expected_name_at(sentence, lexicons, at)?;
    if !(2..=4).contains(&(end - at)) {
        return None;
    }
    let info = lexicons.get(&sentence.slice(at, end));
    if info.place.is_some() || info.org || info.not_person || info.title.is_some() {
        return None;
    }
    // A whole word of the dictionary is a name only if the segmenter tagged it as one.
    if token.end == end && token.known && !matches!(token.pos, "nr" | "nrfg" | "nrt") {
        return None;
    }
    let chars = &sentence.chars;
    let item_ends = end == chars.len()
        || LIST_ENDS.contains(chars[end])
        || sentence.token_starting_at(end).is_some_and(|next| {
            let next = &sentence.tokens[next];
            // The last item, before the verb of the sentence (何某受到表彰).
            next.info.person_cue || next.pos == "m" || next.pos.starts_with('v')
        });
    item_ends.then_some(end)
}

#[cfg(test)]
mod tests {
    use super::super::has;

    #[test]
    fn names_beside_a_name_in_a_list_are_people() {
        let text = "获奖者包括刘春梅、郑海涛、欧阳志远、韩秀英等。";
        for name in ["刘春梅", "郑海涛", "欧阳志远", "韩秀英"] {
            assert!(has(text, "PERSON", name), "{name}");
        }
    }

    #[test]
    fn places_in_a_list_stay_places() {
        assert!(has("张华、郑州、开封三地", "PLACE", "郑州"));
    }
}
