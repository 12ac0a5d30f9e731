//! Places: the gazetteer of China's divisions, the countries and other places of the lexicons,
//! and the segmenter's place tags where the lexicons do not object.

use crate::model::EntityKind;

use super::analysis::{Sentence, is_han};
use super::candidates::{Candidate, priority};
use super::lexicons::PlaceLevel;

/// Rule ids of this module.
pub const GAZETTEER: &str = "place:gazetteer";
pub const SEGMENTER: &str = "place:segmenter";

/// Finds place candidates in `sentence`.
pub fn find(sentence: &Sentence, out: &mut Vec<Candidate>) {
    for token in &sentence.tokens {
        if token.info.not_place || token.info.org || token.info.title.is_some() {
            continue;
        }
        let rule = match token.info.place {
            // Short forms of zones only prefix an organ (高新公安分局); those of counties are
            // often ordinary words, so they count only where the segmenter agrees.
            Some(place) if place.short && place.level == PlaceLevel::Zone => continue,
            Some(place) if place.short && place.level == PlaceLevel::County && token.pos != "ns" => {
                continue;
            }
            Some(_) => GAZETTEER,
            None if token.pos == "ns"
                && token.len() >= 2
                && token.info.org_suffix.is_none()
                && sentence.chars[token.start..token.end].iter().all(|&c| is_han(c)) =>
            {
                SEGMENTER
            }
            None => continue,
        };
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
