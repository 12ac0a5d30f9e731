//! The model's own invariants: the weights file reads back as written, the decoder keeps to the
//! allowed transitions and the hard constraints whatever the weights.

use super::decode::allowed;
use super::*;
use crate::pipeline::structure::lines::{Line, Page};

fn lines_of(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .filter_map(|(i, raw)| Line::new(i + 1, raw))
        .collect()
}

#[test]
fn weights_read_back_as_written() {
    let model = Model::shipped();
    let again = Model::from_bytes(&model.to_bytes()).unwrap();
    assert_eq!(model.transitions, again.transitions);
    let max = model.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let worst = model
        .weights
        .iter()
        .zip(&again.weights)
        .fold(0f32, |m, (a, b)| m.max((a - b).abs()));
    assert!(worst <= max / 32000.0, "quantisation error {worst}");
    assert!(Model::from_bytes(b"not a model").is_none());
    assert!(Model::from_bytes(&model.to_bytes()[..100]).is_none());
}

#[test]
fn the_decoder_keeps_to_the_allowed_transitions_and_constraints() {
    let text = "标题\n引题在上\n，接着的一行\n正文，没有结束\n“\n下一行\n　　有缩进的一行。\n记者 王某\n（完）\n后文";
    let lines = lines_of(text);
    let page = Page::measure(&lines);
    // Weights that prefer a forbidden role everywhere: kicker, then join.
    let mut model = Model::empty();
    for (i, t) in model.transitions.iter_mut().enumerate() {
        let to = i % LineRole::COUNT;
        *t = match LineRole::ALL[to] {
            LineRole::Kicker => 5.0,
            LineRole::Join => 4.0,
            LineRole::Deck => 3.0,
            _ => 0.0,
        };
    }
    let roles = model.roles(&lines, &page);
    let mut previous = None;
    for (line, &role) in lines.iter().zip(&roles) {
        assert!(
            allowed(previous, role),
            "{previous:?} → {role:?} at {}",
            line.text
        );
        previous = Some(role);
    }
    assert_ne!(*roles.last().unwrap(), LineRole::Kicker);
    assert_eq!(roles[2], LineRole::Join, "a line cannot begin with a comma");
    assert_eq!(
        roles[5],
        LineRole::Join,
        "a line cannot end with an opening quote"
    );
    assert_ne!(roles[9], LineRole::Join, "an end mark is complete");
}
